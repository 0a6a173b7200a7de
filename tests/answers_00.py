"""Answers for lesson 00's practice question (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
ANSWERS = [
    ("00_start_here", 1, 8, 7, "eight"),
]
