"""Answers for exercise 03 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
ANSWERS = [
    ("03_outlets", 1, "Halumu", "Nashir", 4),
    ("03_outlets", 2, 8, 9, "eight"),
    ("03_outlets", 3, "bgr", "nld", ("bgr", 0.18)),
    ("03_outlets", 4, 8, 1, "eight"),
    ("03_outlets", 5, "No: each link is one kind of action a source named, so the degree counts kinds of action, "
                      "not their size; the number of servers seized would settle it.", "Yes, it does.", 3),
    ("lesson_03", 1, "b", "a", 9),
    ("lesson_03", 2, "b", "c", True),
    ("lesson_03", 3, "b", "a", {"b"}),
    ("lesson_03", 4, "c", "b", 3),
    ("lesson_03", 5, "b", "a", ["b"]),
    ("lesson_03", 6, "c", "a", None),
]
