"""Answers for exercise 04 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

import pandas as pd

from takedown import data

_events = data.events()

ANSWERS = [
    ("04_timeline", 1, (579, 973), (943, 943), 579),  # Amaq: 2014 to August 2016, shortest and longest days
    (  # the rows kept with code (a count alone can be read off the printed table); the wrong rows are 2018's alone
        "04_timeline",
        2,
        _events[(_events["date"] >= "2018-01-01") & (_events["date"] <= "2019-12-31")],
        _events[_events["date"].dt.year == 2018],
        8,
    ),
    ("04_timeline", 3, 575, 574, pd.Timedelta(days=575)),
    ("04_timeline", 4, 10, 9, "10th"),
    ("04_timeline", 5, 100 * 3 / 7, 100 * 3 / 22, "43%"),  # 3 of 22: divided by every event
    (
        "04_timeline",
        6,
        "No: the timeline holds the events the course chose, operations mixed with policy and research, "
        "so a count per year measures what was recorded, not how often disruption happened.",
        "Yes, it grew.",
        8,
    ),
    # In-lesson checks (takedown/questions/lesson_04.py)
    ("lesson_04", 1, "a", "b", 2014),
    ("lesson_04", 2, "c", "z", ["c"]),  # a prediction: any of a, b, c is recorded, "z" is not a choice
    ("lesson_04", 3, 3, 7, "research"),  # a faded example: the number of studies
    ("lesson_04", 4, "a", "z", 1),  # a prediction, recorded
    ("lesson_04", 5, 159, 161, "159 days"),  # a whole line: days between two dates
    ("lesson_04", 6, 851, 821, pd.Timestamp("2021-01-31")),  # a whole line: pd.to_datetime(...) minus a date, .days
    ("lesson_04", 7, "b", "a", 821),
    ("lesson_04", 8, "d", "c", None),
    (
        "lesson_04",
        9,
        "CREST's governance page (crestresearch.ac.uk) says it is commissioned by the ESRC; the report says it is "
        "funded in part by the UK security and intelligence agencies and the Home Office, so I read it knowing that.",
        "The Home Office.",
        9,
    ),  # lateral reading, recorded
]
