"""Answers for lesson 00's practice questions (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

ANSWERS = [
    ("00_start_here", 1, 8, 7, "eight"),
    ("00_start_here", 2, "Belgium", "France", 1),
    ("00_start_here", 3, "Europol announced the operation in 2018.", "Europol announced the operation in yaer.", 2018),
]
