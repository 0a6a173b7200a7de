"""Answers for exercise 07 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
import pandas as pd

REWRITE = """Rewrite: "Europol said that the action had removed IS channels from Telegram that week." A crushing
blow would be a finding only if someone measured how much people could find before and after."""

ANSWERS = [
    ("07_policy_and_framing", 1, 100 * 7 / 383, 7, "1.8"),
    ("07_policy_and_framing", 2, 137, 246, "137"),
    ("07_policy_and_framing", 3, "Dimitris Avramopoulos", "Rob Wainwright", ["Dimitris Avramopoulos"]),
    ("07_policy_and_framing", 4, pd.Timestamp("2022-06-08 00:30"), pd.Timestamp("2022-06-08 23:30"), "00:30"),
    ("07_policy_and_framing", 5, 1559, 1558, pd.Timedelta(days=1559)),
    ("07_policy_and_framing", 6, ["own", "quote", "reported", "reported", "own", "quote"],
     ["own", "quote", "quote", "reported", "own", "quote"], "own"),
    ("07_policy_and_framing", 7, REWRITE, "Europol said so.", ["Europol said so."]),
]
ANSWERS += [
    ("lesson_07", 1, "b", "a", 2017),
    ("lesson_07", 2, "b", "a", 1),
    ("lesson_07", 3, "a", "b", ["a"]),
    ("lesson_07", 4, "c", "b", True),
    ("lesson_07", 5, "a", "c", None),
]
