"""Answers for exercise 07 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

import numpy as np
import pandas as pd

REWRITE = """Rewrite: "Europol's action removed IS channels from Telegram that week, a Telegram representative said." A
crushing blow would be a finding only if someone measured how much people could find before and after."""

ANSWERS = [
    ("07_policy_and_framing", 1, 100 * 7 / 383, 7, "1.8"),
    ("07_policy_and_framing", 2, 137, 246, "137"),
    ("07_policy_and_framing", 3, (77, 128), (0, 77), "al-Bayan, Halumu, Nasher"),
    ("07_policy_and_framing", 4, pd.Timestamp("2022-06-08 00:30"), pd.Timestamp("2022-06-08 23:30"), "00:30"),
    ("07_policy_and_framing", 5, 1559, 1558, pd.Timedelta(days=1559)),
    (
        "07_policy_and_framing",
        6,
        ["own", "quote", "reported", "reported", "own", "quote"],
        ["own", "quote", "quote", "reported", "own", "quote"],
        "own",
    ),
    ("07_policy_and_framing", 7, REWRITE, "Europol said so.", ["Europol said so."]),
]
# Lesson 07's checks: multiple choice, completed lines (faded examples), a prediction, labels for new
# sentences and a lateral-reading note (recorded: its "wrong" answer has the wrong form).
from takedown import data  # noqa: E402
from takedown.questions.lesson_07 import ARTICLE_QUOTE, joined_steps  # noqa: E402

ANSWERS += [
    ("lesson_07", 1, "b", "a", 2017),
    ("lesson_07", 2, joined_steps(), data.events(), "instrument"),
    ("lesson_07", 3, "yes, without a speaker", "Europol", 3),  # a column the page does not print
    ("lesson_07", 4, "b", "e", 15),
    ("lesson_07", 5, ["c", "b", "d", "a"], ["a", "b", "c", "d"], 5),
    ("lesson_07", 6, np.int64(6), 6, "6"),  # a whole line: .sum() gives numpy's integer; a typed 6 is sent back
    (
        "lesson_07",
        7,
        ["quote", "framing", "reported", "framing"],
        ["quote", "quote", "reported", "framing"],
        "quote, framing",
    ),
    ("lesson_07", 8, "c", "b", True),
    ("lesson_07", 9, ARTICLE_QUOTE.split("…"), ARTICLE_QUOTE.split("..."), 5),
    (
        "lesson_07",
        10,
        "Europol's release on europol.europa.eu gives over 26,000 items; VRT repeats the figure and "
        "names the Belgian prosecutor as leading.",
        "I found it.",
        3,
    ),
    ("lesson_07", 11, "a", "c", None),
    ("lesson_07", 12, "b", "a", ["b"]),
]
