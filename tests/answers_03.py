"""Answers for exercise 03 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

ANSWERS = [
    ("03_outlets", 1, "b", "d", 4),  # what the nodes left out have in common: the named bodies that took part
    ("03_outlets", 2, 8, 9, "eight"),
    ("03_outlets", 3, 0.125, 0.18, "bgr"),  # Bulgaria without the operation node; 0.18 is the whole network
    ("03_outlets", 4, 8, 1, "eight"),
    (
        "03_outlets",
        5,
        "No: each link is one kind of action a source named, so the degree counts kinds of action, "
        "not their size; the number of servers seized would settle it.",
        "Yes, it does.",
        3,
    ),
    ("lesson_03", 1, "at least", "Amaq News Agency", ["at least"]),  # a faded example: the catch of Amaq's number
    ("lesson_03", 2, "c", "d", True),
    ("lesson_03", 3, "No source names the agency.", "too long " * 21, 2),  # a reason, recorded: 42 words is too long
    ("lesson_03", 4, 3, 2, "three"),  # a faded example: the servers' links once "usa" is linked
    ("lesson_03", 5, "outlet", "Amaq", 7),  # a faded example: Amaq's kind
    ("lesson_03", 6, ["b", "a", "d", "c"], ["a", "b", "d", "c"], 3.5),  # a Parsons problem
    ("lesson_03", 7, "b", "z", 2),  # a prediction: any of a, b, c is recorded, "z" is not a choice
    ("lesson_03", 8, "b", "c", 3),
    ("lesson_03", 9, "operation", "servers", ["operation"]),  # a faded example: the label of the largest value
    ("lesson_03", 10, "a", "d", None),
]
