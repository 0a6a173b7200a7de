"""Answers for exercise 06 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
from takedown import model

_params = model.parameters()
_runs = model.run_scenarios()
_live = {name: group["live"] for name, group in _runs.groupby("scenario")}

ANSWERS = [
    ("06_model", 1, _live["one-hour rule"].mean(), _live["one-hour rule"].min(), "569"),
    ("06_model", 2, _live["take down infrastructure"].min(), _live["take down infrastructure"].mean(),
     _live["take down infrastructure"]),
    ("06_model", 3, model.steady_state(find_hours=_params["find_hours_telegram_2019"]),
     model.steady_state(find_hours=_params["find_hours_telegram_2018"]), [1706.4]),
    ("06_model", 4, "one-hour rule", "take down infrastructure", 2),
]
