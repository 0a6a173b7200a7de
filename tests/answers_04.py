"""Answers for exercise 04 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
import pandas as pd

BY_CATEGORY = {"operation": 7, "policy": 7, "institution": 3, "research": 3, "outlet": 2}

ANSWERS = [
    ("04_timeline", 1, BY_CATEGORY, {**BY_CATEGORY, "operation": 6}, "operation: 7"),
    ("04_timeline", 2, 8, 7, "8"),
    ("04_timeline", 3, 575, 574, pd.Timedelta(days=575)),
    ("04_timeline", 4, 10, 9, "10th"),
    ("04_timeline", 5, 100 * 3 / 7, 3, "43%"),
    ("04_timeline", 6, "No: the timeline holds the events the course chose, operations mixed with policy and research, "
                       "so a count per year measures what was recorded, not how often disruption happened.",
     "Yes, it grew.", 8),
    # In-lesson checks (takedown/questions/lesson_04.py)
    ("lesson_04", 1, "b", "a", 2014),
    ("lesson_04", 2, "c", "a", ["c"]),
    ("lesson_04", 3, "a", "c", ["a"]),
    ("lesson_04", 4, "c", "a", 821),
    ("lesson_04", 5, "c", "d", None),
]
