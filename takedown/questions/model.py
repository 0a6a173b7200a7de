"""Exercise 06 – A model of takedown and re-upload: run scenarios and measure the items live."""
from takedown import feedback, model
from takedown.questions import Question, as_number, judge_number, multiple_choice, not_a_number


def live_in(scenario):
    runs = model.run_scenarios()
    return runs.loc[runs["scenario"] == scenario, "live"]


def judge_one_hour_average(answer):
    return judge_number(
        answer, lambda: live_in("one-hour rule").mean(), "items live on average under the one-hour rule",
        too_low="Did you take the lowest value instead of the average? Use .mean() on the `live` column.",
        too_high="Keep only the rows of the one-hour rule scenario before taking the mean.",
        empty="the scenario's name")


q1 = Question(
    name="Question 1",
    judge=judge_one_hour_average,
    hints=(
        "An average over the run is the mean of the `live` column, for one scenario's rows only.",
        'Lesson 06, section 4, measured the "remove items" run this way: keep its rows with '
        '`runs.loc[runs["scenario"] == ..., "live"]`, then take `.mean()`.',
        'A partial line: `one_hour_average = runs.loc[runs["scenario"] == ..., ...].mean()` – the '
        "scenario's name, then the column to average.",
    ),
    answer_name="one_hour_average",
)


# ---- Question 2: when does the infrastructure takedown reach its lowest point? --------------

def takedown_rows():
    runs = model.run_scenarios()
    return runs[runs["scenario"] == "take down infrastructure"]


def judge_lowest_hour(answer):
    number = as_number(answer)
    if number is None:
        return not_a_number(answer, "a whole number of hours, like 30", empty="the scenario's name",
                            other_tip=" Pick out one value: the `hour` of the row where `live` is lowest.")
    takedown = takedown_rows()
    if abs(number - takedown["live"].min()) < 1:
        return feedback.incorrect("That is the lowest number of items, not the hour when it happens. "
                                  "Look up the `hour` of that row.")
    if number != int(number):
        return feedback.wrong_kind(f"I expected a whole number of hours, like 30, but got {number}.")
    expected = int(takedown.loc[takedown["live"].idxmin(), "hour"])
    if int(number) == expected:
        return feedback.correct(
            f"Yes: hour {expected}, the last hour of the outage. While posting is cut, removal goes on "
            "taking items out faster than posting puts them in, so the level falls for the whole outage; "
            "once posting is back, it climbs again.")
    if int(number) == 72:
        return feedback.incorrect("Hour 72 is when the takedown begins. Does the level stop falling the moment "
                                  "posting is cut, or does it go on falling?")
    return feedback.incorrect("That is not the hour of the lowest point. Find the row of the infrastructure "
                              "takedown whose `live` is smallest, and read its `hour`.")


q2 = Question(
    name="Question 2",
    judge=judge_lowest_hour,
    hints=(
        "You need the row where `live` is smallest, then that row's `hour`, not the smallest `live` itself.",
        "Lesson 06, section 4, found the hour of the one-hour rule's lowest point with `.idxmin()` and "
        "`.loc[..., \"hour\"]`. Do the same for the takedown's rows.",
        'A partial line, after `takedown = runs[runs["scenario"] == ...]`: '
        '`lowest_hour = takedown.loc[takedown[...].idxmin(), ...]` – which column has the lowest point, and '
        "which one holds its hour?",
    ),
    answer_name="lowest_hour",
)


def judge_telegram_level(answer):
    def expected():
        return model.steady_state(find_hours=model.parameters()["find_hours_telegram_2019"])

    number = as_number(answer)
    if number is not None:
        # The 2019 figure is two weeks: given in days (14) rather than hours, the model's level is 24 times lower.
        in_days = model.parameters()["find_hours_telegram_2019"] / 24
        if abs(number - model.steady_state(find_hours=in_days)) <= 1 and abs(number - expected()) > 1:
            return feedback.incorrect(
                "The model counts time in hours, not days: `find_hours` is a number of hours. Take the value "
                "from `params`, which is already in hours, rather than typing a number of days.")
    return judge_number(
        answer, expected, "items live in the long run if items took as long to be found as Telegram channels lived in 2019",
        too_low="Did you use the 2019 value, find_hours_telegram_2019, as `find_hours`?",
        too_high="Use find_hours_telegram_2019 (the 2019 value), not the 2018 one, and keep the other parameters as they are.")


q3 = Question(
    name="Question 3",
    judge=judge_telegram_level,
    hints=(
        "The long-run level is the steady state: `model.steady_state` computes it, and you can change "
        "one parameter by naming it, leaving the others at their defaults.",
        "Lesson 06, section 3, computed the steady state with one parameter changed: "
        "`model.steady_state(reupload_share=0.75)`. Here the parameter to change is the time it takes to find "
        "an item, and its Telegram 2019 value is in `params`, the dictionary that gives each parameter's name "
        "its value (in hours).",
        "A partial line: `telegram_level = model.steady_state(find_hours=params[...])` – which name in `params` "
        "goes with the Telegram 2019 value?",
    ),
    answer_name="telegram_level",
)


# ---- Question 4: explain why the ranking changes with the time frame -----------------------

q4 = Question(
    name="Question 4",
    judge=multiple_choice("a", {
        "a": "Yes: the takedown shuts the tap almost completely, but only for 48 hours; the one-hour rule "
             "widens the drain a little, for good. A short, deep cut wins on day 5; a small, lasting one "
             "wins on the average over three weeks.",
        "b": "No: both start in the run's first days. The one-hour rule applies from hour 0, before the "
             "takedown (hour 72), so a late start cannot explain why it is behind on day 5.",
        "c": "No: in the model the takedown removes no live item at all. It cuts posting; live items still "
             "leave only through the drain, at the same speed as before.",
        "d": "No: `reupload_share` is 0.5 in all three scenarios. The runs differ in one thing each: "
             "posting (takedown) or removal time (one-hour rule).",
    }),
    hints=(
        "Each scenario changes one thing in the bathtub: the tap (posting) or the drain (removal time). "
        "Which does each change, and for how long?",
        "Lesson 06, section 4, lists what each scenario changes; the parameters table says which values "
        "are the same in every run.",
        "Cross out the options that describe something the model does not do, then compare “how deep” "
        "with “how long”.",
    ),
    answer_name="explanation",
)

QUESTIONS = [q1, q2, q3, q4]
