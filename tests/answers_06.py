"""Answers for exercise 06 and lesson 06's checks (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

from takedown import model

_params = model.parameters()
_runs = model.run_scenarios()
_live = {name: group["live"] for name, group in _runs.groupby("scenario")}
_takedown = _runs[_runs["scenario"] == "take down infrastructure"]
_one_hour = _runs[_runs["scenario"] == "one-hour rule"]
_week = model.simulate(outage_hours=7 * 24, outage_cut=_params["outage_cut"])  # exercise 06, Question 4

MEMO = """The 7% rests on outage_cut and reupload_share, which are illustrative, and on rates only loosely anchored
to other platforms and years. It is an illustration, not a measurement: the memo should say what the model
shows under its assumptions."""

ANSWERS = [
    (
        "06_model",
        1,
        _one_hour.loc[_one_hour["hour"].between(73, 120), "live"].mean()
        - _takedown.loc[_takedown["hour"].between(73, 120), "live"].mean(),
        _live["one-hour rule"].mean() - _live["take down infrastructure"].mean(),  # the whole three weeks
        "10.9",
    ),
    (
        "06_model",
        2,
        _takedown.loc[(_takedown["hour"] > 120) & (_takedown["live"] >= 600), "hour"].min(),
        120,
        _takedown["hour"],
    ),
    (
        "06_model",
        3,
        model.steady_state(find_hours=_params["find_hours_telegram_2019"]),
        model.steady_state(find_hours=_params["find_hours_telegram_2018"]),
        [1706.4],
    ),
    (
        "06_model",
        4,
        _week.loc[_week["hour"] == 72, "live"].item() - _week.loc[_week["hour"] == 240, "live"].item(),
        0.9 * 2.37 * 168,  # the posting the outage stopped, taken for the level's fall
        "266",
    ),
    ("06_model", 5, MEMO, "The model is only a toy.", ["illustrative"]),
    ("lesson_06", 1, "c", "e", 2.0),  # a prediction: recorded, never marked
    ("lesson_06", 2, "d", "a", 0.5),
    ("lesson_06", 3, "b, d, e, c, f, a", "a, b, c, d, e, f", 42),
    ("lesson_06", 4, 0.237, 2.133, "0.237"),
    # the four lines of one hour under the one-hour rule, written by the student: the level at the end
    ("lesson_06", 5, 1000 + 2.37 + 0.5 * 5 - 1000 / 111, 1000 + 2.37 + 0.5 * 5 - 1000 / 134, "995.9"),
    ("lesson_06", 6, "b", "e", ["b"]),  # a prediction: recorded, never marked
    ("lesson_06", 7, 541.5748420859354, 592.6239469365244, "541.6"),  # a whole line: the take-down run's lowest
    ("lesson_06", 8, "b", "e", 0.9),  # a prediction: recorded, never marked
    ("lesson_06", 9, "c", "b", None),
]
