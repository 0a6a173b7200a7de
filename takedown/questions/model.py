"""Exercise 06 – A model of takedown and re-upload: run scenarios and measure the items live."""
import math
import numbers

from takedown import feedback, model
from takedown.questions import Question, kind_of


def as_number(value):
    """The value as a float if it is a real, finite number (not True/False), else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def judge_number(answer, expected, what, too_low="", too_high=""):
    """Compare a number with the model's, `expected()`; rounding to a whole item is fine.

    `expected` is a function, so the model runs only for answers that are numbers. The message never
    shows the expected value."""
    number = as_number(answer)
    if number is None:
        tip = " Write the number without quotation marks." if isinstance(answer, str) else ""
        if hasattr(answer, "shape") or isinstance(answer, (list, tuple, dict)):
            tip = " Reduce it to a single number, for example with .mean() or .min()."
        return feedback.wrong_kind(f"I expected a single number, like 512.3, but got {kind_of(answer)}.{tip}")
    expected = expected()
    if abs(number - expected) <= max(1.0, 0.001 * abs(expected)):
        return feedback.correct(f"Yes: about {number:,.0f} {what}.")
    if number < expected:
        return feedback.incorrect(f"{number:,.1f} is too low. {too_low}".strip())
    return feedback.incorrect(f"{number:,.1f} is too high. {too_high}".strip())


def live_in(scenario):
    runs = model.run_scenarios()
    return runs.loc[runs["scenario"] == scenario, "live"]


def judge_one_hour_average(answer):
    return judge_number(
        answer, lambda: live_in("one-hour rule").mean(), "items live on average under the one-hour rule",
        too_low="Did you take the lowest value instead of the average? Use .mean() on the `live` column.",
        too_high="Keep only the rows of the one-hour rule scenario before taking the mean.")


q1 = Question(
    name="Question 1",
    judge=judge_one_hour_average,
    hints=(
        '`runs` holds all three scenarios; keep the rows where `runs["scenario"] == "one-hour rule"`.',
        'Then take the mean of the `live` column: `runs.loc[runs["scenario"] == "one-hour rule", "live"].mean()`.',
    ),
    solution_code='one_hour_average = runs.loc[runs["scenario"] == "one-hour rule", "live"].mean()',
)


def judge_lowest_live(answer):
    return judge_number(
        answer, lambda: live_in("take down infrastructure").min(), "items live at the lowest point of the infrastructure takedown",
        too_low="Is that the lowest point of another scenario? Keep only the infrastructure takedown's rows.",
        too_high="Use .min() on the `live` column, not .mean(): the question asks for the lowest point.")


q2 = Question(
    name="Question 2",
    judge=judge_lowest_live,
    hints=(
        'Keep the rows where `runs["scenario"] == "take down infrastructure"`.',
        "The lowest value of a column is its `.min()`.",
    ),
    solution_code='lowest_live = runs.loc[runs["scenario"] == "take down infrastructure", "live"].min()',
)


def judge_telegram_level(answer):
    def expected():
        return model.steady_state(find_hours=model.parameters()["find_hours_telegram_2019"])

    return judge_number(
        answer, expected, "items live in the long run if items took as long to be found as Telegram channels lived in 2019",
        too_low="Did you use the 2019 value, find_hours_telegram_2019, as `find_hours`?",
        too_high="Use find_hours_telegram_2019 (the 2019 value), not the 2018 one, and keep the other parameters as they are.")


q3 = Question(
    name="Question 3",
    judge=judge_telegram_level,
    hints=(
        '`params["find_hours_telegram_2019"]` is the number of hours; pass it to `model.steady_state` as `find_hours`.',
        'Try `model.steady_state(find_hours=params["find_hours_telegram_2019"])`.',
    ),
    solution_code='telegram_level = model.steady_state(find_hours=params["find_hours_telegram_2019"])',
)


def judge_best_scenario(answer):
    if not isinstance(answer, str):
        return feedback.wrong_kind(f'I expected a scenario\'s name as text, like "remove items", but got {kind_of(answer)}.')
    averages = model.run_scenarios().groupby("scenario")["live"].mean()
    name = answer.strip().lower()
    if name not in averages.index:
        return feedback.incorrect(f"{answer.strip()!r} is not a scenario. The names are in the `scenario` column.")
    if averages[name] == averages.min():
        return feedback.correct(f"Yes: over three weeks, the scenario “{name}” keeps the fewest items live on average.")
    return feedback.incorrect(f"Another scenario keeps fewer items live on average than {name}. "
                              "Compare the mean of `live` for each scenario.")


q4 = Question(
    name="Question 4",
    judge=judge_best_scenario,
    hints=(
        '`runs.groupby("scenario")["live"].mean()` gives the average items live for each scenario.',
        "`.idxmin()` gives the label (here, the scenario) of the smallest value.",
    ),
    solution_code='best_scenario = runs.groupby("scenario")["live"].mean().idxmin()',
)

QUESTIONS = [q1, q2, q3, q4]
