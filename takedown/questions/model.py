"""Exercise 06 – A model of takedown and re-upload: measure the runs in ways the lesson did not, and say what an
illustrative model can support (a reasoning question scored by a person)."""

from takedown import feedback, model
from takedown.questions import Question, as_number, judge_number, multiple_choice, not_a_number
from takedown.questions.written import rubric, written

OUTAGE_HOURS = (73, 120)  # the rows of the run whose posting is cut: the outage starts after hour 72, for 48 hours
RECOVERY_LEVEL = 600  # Question 2: "back to 600 items or more"


def scenario_rows(scenario):
    runs = model.run_scenarios()
    return runs[runs["scenario"] == scenario]


def live_between(scenario, first, last):
    rows = scenario_rows(scenario)
    return rows.loc[rows["hour"].between(first, last), "live"].mean()


# ---- Question 1: the average during the outage (the lesson measured whole runs only) -------------


def judge_outage_average(answer):
    first, last = OUTAGE_HOURS
    takedown = scenario_rows("take down infrastructure")["live"]
    mistakes = (
        (
            takedown.mean(),
            "That is the average over the whole three weeks (the lesson's `model.summary` gives it); "
            "the question asks about the 48 hours of the outage only.",
        ),
        (
            live_between("one-hour rule", first, last),
            "That is the one-hour rule's average over those hours: keep the rows of the infrastructure takedown.",
        ),
        (
            takedown.iloc[0],
            "That is the level before the outage. Did you pick hours 3 to 5 instead of days 3 to 5? "
            "The `hour` column counts hours: the outage is hours 73 to 120.",
        ),
        (takedown.min(), "That is the lowest level, at the end of the outage, not the average over it: use .mean()."),
        (
            live_between("take down infrastructure", first - 1, last - 1),
            "Your rows are not hours 73 to 120: check the first and the last hour your filter keeps "
            "(.between(a, b) keeps both a and b).",
        ),
    )
    return judge_number(
        answer,
        lambda: live_between("take down infrastructure", first, last),
        "items live on average during the outage: below the 635 of the days before, but only while posting is cut",
        mistakes=mistakes,
        otherwise="Check your rows: the infrastructure takedown's scenario only, hours 73 to 120; then the mean of "
        "their `live` column.",
        empty="the scenario's name",
    )


q1 = Question(
    name="Question 1",
    judge=judge_outage_average,
    hints=(
        "Two filters, then an average: the takedown's rows, then the hours of the outage, then the mean of `live`.",
        'Lesson 06, section 4, kept one scenario\'s rows with `runs["scenario"] == ...`; `.between(73, 120)` on the '
        "`hour` column keeps hours 73 to 120, both included.",
        'A partial line, after `takedown = runs[runs["scenario"] == ...]`: '
        "`outage_average = takedown.loc[takedown[...].between(73, 120), ...].mean()` – which column holds the "
        "hours, and which one the items live?",
    ),
    answer_name="outage_average",
)


# ---- Question 2: how long until the takedown's level recovers? ----------------------------------


def recovery_hour():
    takedown = scenario_rows("take down infrastructure")
    back = takedown[(takedown["hour"] > OUTAGE_HOURS[1]) & (takedown["live"] >= RECOVERY_LEVEL)]
    return int(back["hour"].min())


def judge_recovery_hour(answer):
    number = as_number(answer)
    if number is None:
        return not_a_number(
            answer,
            "a whole number of hours, like 30",
            empty="the scenario's name",
            other_tip=" Pick out one value: the smallest `hour` of the rows you kept.",
        )
    expected = recovery_hour()
    takedown = scenario_rows("take down infrastructure")
    if number == expected:
        return feedback.correct(
            f"Yes: hour {expected}, {expected - OUTAGE_HOURS[1]} hours (about {round((expected - OUTAGE_HOURS[1]) / 24)} "
            "days) after posting came back. A 48-hour cut keeps the level down for far longer than it lasts, because "
            "the level refills only as fast as the tap runs; yet over the three weeks it still does less than the "
            "one-hour rule."
        )
    if number == RECOVERY_LEVEL or (number != int(number) and (takedown["live"] - number).abs().min() < 0.05):
        return feedback.incorrect(
            "That is a number of items live (the `live` column), not an hour: take the `hour` of the row you found."
        )
    if number != int(number):
        if abs(number - expected / 24) < 1:
            return feedback.incorrect("That is a number of days (the `day` column); the question asks for the hour.")
        return feedback.wrong_kind(f"I expected a whole number of hours, like 30, but got {number}.")
    number = int(number)
    below = takedown[(takedown["hour"] <= OUTAGE_HOURS[1]) & (takedown["live"] < RECOVERY_LEVEL)]
    mistakes = {
        int(takedown["hour"].min()): "That is the first hour of the run: before the outage the level was already above "
        "600. Keep only the hours after the outage (after hour 120).",
        OUTAGE_HOURS[0]: "That is the first hour of the outage, when the level was still above 600. Keep only the "
        "hours after the outage (after hour 120).",
        OUTAGE_HOURS[1]: "Hour 120 is the end of the outage, the lowest point; the question asks when the level is "
        "back to 600 or more.",
        int(below["hour"].min()): "That is when the level fell below 600, during the outage; the question asks when "
        "it is back, after the outage.",
        expected - OUTAGE_HOURS[1]: "That is the number of hours since posting came back; the question asks for "
        "the hour of the run (the `hour` column).",
        round(expected / 24): "That is a number of days; the question asks for the hour (the `hour` column).",
    }
    if number in mistakes:
        return feedback.incorrect(mistakes[number])
    return feedback.incorrect(
        f"{number} is not the answer yet. Check your two conditions (the hour after 120, the "
        "`live` level at 600 or more, joined with &), and that you take the smallest `hour` of "
        "the rows they keep."
    )


q2 = Question(
    name="Question 2",
    judge=judge_recovery_hour,
    hints=(
        "You need the rows of the takedown that come after the outage AND have 600 items or more live; the answer is "
        "the smallest `hour` among them.",
        "Lesson 04 joined two conditions with `&`, each in brackets; `.min()` gives a column's smallest value.",
        'A partial line, after `takedown = runs[runs["scenario"] == ...]`: '
        '`recovery_hour = takedown.loc[(takedown["hour"] > ...) & (takedown[...] >= ...), "hour"].min()`',
    ),
    answer_name="recovery_hour",
)


# ---- Question 3: a parameter from another platform and year -------------------------------------


def judge_telegram_level(answer):
    params = model.parameters()

    def expected():
        return model.steady_state(find_hours=params["find_hours_telegram_2019"])

    mistakes = (
        # The 2019 figure is two weeks: given in days (14) rather than hours, the model's level is 24 times lower.
        (
            model.steady_state(find_hours=params["find_hours_telegram_2019"] / 24),
            "The model counts time in hours, not days: `find_hours` is a number of hours. Take the value from "
            "`params`, which is already in hours, rather than typing a number of days.",
        ),
        (
            model.steady_state(find_hours=params["find_hours_telegram_2018"]),
            "That is the level with the 2018 value (find_hours_telegram_2018): the question asks about 2019.",
        ),
        (model.steady_state(), "That is the level with the default parameters: change `find_hours` to the 2019 value."),
    )
    return judge_number(
        answer,
        expected,
        "items live in the long run if items took as long to be found as Telegram channels lived in 2019",
        mistakes=mistakes,
        otherwise="Check that you changed only `find_hours`, to the 2019 value from `params`, and left every other "
        "parameter at its default.",
    )


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
    judge=multiple_choice(
        "b",
        {
            "a": "No: both start in the run's first days. The one-hour rule applies from hour 1, before the "
            "takedown (after hour 72), so a late start cannot explain why it is behind on day 5.",
            "b": "Yes: the takedown shuts the tap almost completely, but only for 48 hours; the one-hour rule "
            "widens the drain a little, for good. A short, deep cut wins on day 5; a small, lasting one "
            "wins on the average over three weeks.",
            "c": "No: in the model the takedown removes no live item at all. It cuts posting; live items still "
            "leave only through the drain, at the same speed as before.",
            "d": "No: `reupload_share` is 0.5 in all three scenarios. The runs differ in one thing each: "
            "posting (takedown) or removal time (one-hour rule).",
        },
    ),
    hints=(
        "Each scenario changes one thing in the bathtub: the tap (posting) or the drain (removal time). "
        "Which does each change, and for how long?",
        "Lesson 06, section 4, lists what each scenario changes; the parameters table says which values "
        "are the same in every run.",
        "Cross out the options that describe something the model does not do, then compare “how deep” with “how long”.",
    ),
    answer_name="explanation",
)


# ---- Question 5: what an illustrative model can support (reasoning, scored by a person) ----------

MEMO_WORDS = (40, 150)

MEMO_RUBRIC = rubric(
    (
        "Illustrative or anchored",
        (
            "names at least one parameter the result rests on that is illustrative "
            "(outage_cut, reupload_share) or only loosely anchored to another platform or "
            "year, and says a result built on them is an illustration, not a measurement",
            "says the model's numbers are illustrative, without saying which or why it matters",
            "treats the 7% as a measured effect of takedowns",
        ),
    ),
    (
        "What the memo should say",
        (
            "rewrites the claim as what the model shows under its assumptions (a short cut "
            "lowers the level while it lasts and for some days after; a lasting change in "
            "removal time does more over weeks), or names what would have to be measured",
            "softens the claim without saying what it depends on",
            "keeps or strengthens the claim",
        ),
    ),
)

q5 = Question(
    name="Question 5",
    judge=written(
        *MEMO_WORDS, asks="which parameters the 7% rests on, how sure they are, and what the memo should say instead."
    ),
    hints=(
        "Look at `data.model_parameters()`: its `status` column says which values are illustrative and which are "
        "loosely anchored, and its `anchor` and `note` columns say to what.",
        "Which of those parameters does the takedown scenario depend on (the depth and the length of the cut)? "
        "What would change if they were different?",
        "Two parts: what the 7% can support, given where its parameters come from; then the sentence the memo "
        "should print instead.",
    ),
    answer_name="memo_reply",
    points=MEMO_RUBRIC.max_points,  # 4: a person scores it with the rubric (course/grading/review.py)
    rubric=MEMO_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5]
