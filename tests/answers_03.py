"""Answers for exercise 03 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
ANSWERS = [
    ("03_outlets", 1, "Halumu", "Nashir", 4),
    ("03_outlets", 2, 5, 8, "five"),
    ("03_outlets", 3, "operation", "servers", ("operation", 1.0)),
    ("03_outlets", 4, 8, 1, "eight"),
]
