"""Exercise 06 – A model of takedown and re-upload: compare two strategies over a time frame the lesson did not,
measure the runs in ways it did not, and say what an illustrative model can support (a reasoning question scored
by a person)."""

from takedown import feedback, model
from takedown.questions import Question, as_number, diagnosis, judge_number, not_a_number
from takedown.questions.written import rubric, written

OUTAGE_HOURS = (73, 120)  # the rows of the run whose posting is cut: the outage starts after hour 72, for 48 hours
RECOVERY_LEVEL = 600  # Question 2: "back to 600 items or more"


def scenario_rows(scenario):
    runs = model.run_scenarios()
    return runs[runs["scenario"] == scenario]


def live_between(scenario, first, last):
    rows = scenario_rows(scenario)
    return rows.loc[rows["hour"].between(first, last), "live"].mean()


# ---- Question 1: two strategies compared over the outage (the lesson compared whole runs only) -----
# The objective "compare strategies" (solutions/README.md): over the 48 hours of the outage the takedown keeps
# fewer items live than the one-hour rule, while over the whole three weeks (lesson 06's model.summary) the
# one-hour rule does better. Which strategy wins depends on the time frame: the lesson's key point, applied.

GAP_TOLERANCE = 0.05  # one decimal is enough; the hours-74-to-119 slip lies 0.045 away, so slips are told first
SLIP_TOLERANCE = 0.005  # a slip is matched only by the value it gives, to three decimals


def outage_gap(first=OUTAGE_HOURS[0], last=OUTAGE_HOURS[1]):
    """How many fewer items are live on average in hours first to last under the takedown than under the
    one-hour rule: the one-hour rule's average over those hours minus the takedown's."""
    return live_between("one-hour rule", first, last) - live_between("take down infrastructure", first, last)


def _whole_run_average(scenario):
    return scenario_rows(scenario)["live"].mean()


def judge_outage_gap(answer):
    number = as_number(answer)
    if number is None:
        return not_a_number(
            answer,
            "a single number, like 12.3",
            empty="the scenario's name",
            other_tip=" Reduce each scenario's rows to a single number, for example with .mean(), then subtract.",
        )
    expected = outage_gap()
    first, last = OUTAGE_HOURS
    edges = (
        "Your rows are not hours 73 to 120: check the first and the last hour your filter keeps. `>=` and `<=` "
        "keep the hour itself, `>` and `<` leave it out."
    )
    near_misses = [(outage_gap(a, b), edges) for a, b in ((first + 1, last - 1), (first, last - 1), (first + 1, last))]
    said = diagnosis(number, near_misses, lambda a, b: abs(a - b) <= SLIP_TOLERANCE)
    if said is not None:  # these slips lie within a rounding of the answer: they are told before it is accepted
        return feedback.incorrect(f"{number:,.3f} is not the answer yet. {said}")
    if abs(number - expected) <= GAP_TOLERANCE or number == round(expected):
        whole = _whole_run_average("take down infrastructure") - _whole_run_average("one-hour rule")
        return feedback.correct(
            f"Yes: about {expected:.1f} fewer items live on average during the outage under the takedown than "
            "under the one-hour rule. Over the whole three weeks (the lesson's `model.summary`) it is the other way "
            f"round: the one-hour rule keeps about {whole:.0f} fewer items live on average. Which strategy does "
            "better depends on the time frame you measure: say which one you use."
        )
    takedown, one_hour = "take down infrastructure", "one-hour rule"
    whole_gap = _whole_run_average(one_hour) - _whole_run_average(takedown)
    mistakes = (
        (
            -expected,
            "You subtracted in the other order: the question asks how many fewer under the takedown than under "
            "the one-hour rule, so take the one-hour rule's average minus the takedown's.",
        ),
        (
            whole_gap,
            "That compares the two averages over the whole three weeks (the lesson's `model.summary` gives them); "
            "the question asks about hours 73 to 120 only.",
        ),
        (-whole_gap, "That compares the whole three weeks; the question asks about hours 73 to 120 only."),
        (
            live_between(takedown, first, last),
            "That is the takedown's average over the outage alone: compare it with the one-hour rule's average "
            "over the same hours.",
        ),
        (
            live_between(one_hour, first, last),
            "That is the one-hour rule's average over the outage alone: compare it with the takedown's average "
            "over the same hours.",
        ),
        (
            live_between("remove items", first, last) - live_between(takedown, first, last),
            "That compares the takedown with the 'remove items' run; the question compares it with the one-hour rule.",
        ),
        (
            live_between("remove items", first, last) - live_between(one_hour, first, last),
            "That compares the one-hour rule with the 'remove items' run; the question compares the one-hour rule "
            "with the takedown.",
        ),
        (
            outage_gap(3, 5),
            "Those are hours 3 to 5. Did you pick days 3 to 5 in the `hour` column? The outage is hours 73 to 120.",
        ),
        (
            outage_gap(last, last),
            "That compares the two levels at hour 120 only; the question asks for the average over hours 73 to 120.",
        ),
    )
    mistakes += tuple(
        (outage_gap(a, b), edges)
        for a, b in ((first - 1, last - 1), (first + 1, last + 1), (first - 1, last), (first, last + 1))
    )
    # The slips lie close together: a diagnosis matches only the value the slip gives.
    said = diagnosis(number, mistakes, lambda a, b: abs(a - b) <= 0.05)
    if said is None:
        said = (
            "Check your rows and your subtraction: each scenario's rows for hours 73 to 120, the mean of their "
            "`live` column, then the one-hour rule's mean minus the takedown's."
        )
    return feedback.incorrect(f"{number:,.1f} is not the answer yet. {said}")


q1 = Question(
    name="Question 1",
    judge=judge_outage_gap,
    hints=(
        "Two averages, then a difference: each scenario's rows for hours 73 to 120, the mean of their `live` "
        "column, then the one-hour rule's mean minus the takedown's.",
        "Lesson 06's section *Three weeks, hour by hour* kept one scenario's rows with `runs[\"scenario\"] == ...`. "
        "Hours 73 to 120, both included, are two conditions on the `hour` column joined by `&`, each in round "
        'brackets (phrasebook 8): `(table["hour"] >= 73) & (table["hour"] <= 120)`.',
        'A partial line, after `takedown = runs[runs["scenario"] == ...]` and `one_hour = ...` likewise: '
        "`outage_gap = one_hour.loc[(one_hour[...] >= 73) & (one_hour[...] <= 120), ...].mean() - "
        "takedown.loc[...].mean()` – which column holds the hours, and which one the items live?",
    ),
    answer_name="outage_gap",
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
        int(takedown["hour"].min()): "Hour 1 is the run's first row, the undisturbed status quo: a filter without a "
        "condition on `hour` finds it first.",
        OUTAGE_HOURS[0]: "Hour 73 is the outage's first hour: your condition on `hour` keeps the hours of the outage "
        "itself, where the level has only begun to fall. Re-read which hours the question asks about.",
        OUTAGE_HOURS[1]: "Hour 120 is the outage's last hour, the run's lowest point, with the level under 600: the "
        "hour of `live`'s smallest value, not a row that both of the question's conditions keep.",
        int(below["hour"].min()): "That is the hour the level first dropped under 600, during the outage: your "
        "condition on `live` keeps the rows under 600 (<), and the question asks for 600 or more (>=).",
        expected - OUTAGE_HOURS[1]: "That is a number of hours counted from the outage's last hour; the question "
        "asks for the hour of the run (the `hour` column), counted from its start.",
        round(expected / 24): "That is a number of days; the question asks for the hour (the `hour` column).",
    }
    if number in mistakes:
        return feedback.incorrect(mistakes[number])
    return feedback.incorrect(
        f"{number} is not the answer yet. Check your two conditions (one on `hour`, one on `live`, joined "
        "with &) against the question's words, and that you take the smallest `hour` of the rows they keep."
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
    if isinstance(answer, str) and answer.strip() in params:
        return feedback.wrong_kind(
            f'That is the parameter\'s name, not its value: `params["{answer.strip()}"]` gives its value in hours; '
            "give that to `model.steady_state(find_hours=...)`."
        )

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
        "Lesson 06's section *Three weeks, hour by hour* computed the steady state with one parameter changed: "
        "`model.steady_state(reupload_share=0.75)`. Here the parameter to change is the time it takes to find "
        "an item, and its Telegram 2019 value is in `params`, the dictionary that gives each parameter's name "
        "its value (in hours).",
        "A partial line: `telegram_level = model.steady_state(find_hours=params[...])` – which name in `params` "
        "goes with the Telegram 2019 value?",
    ),
    answer_name="telegram_level",
)


# ---- Question 4: a stock and its flows in a run the lesson did not make ---------------------------
# Transfer (issue 20): a week-long outage, run with model.simulate. The level falls by inflow minus outflow,
# hour by hour; the outflow is a share of the level, so the level falls by less than the posting the outage
# stops. A student who takes "posting lost" for "level lost" has missed the stock-and-flow idea: diagnosed.

WEEK_OUTAGE_HOURS = 7 * 24
WEEK_TOLERANCE = 0.5  # rounding to a whole item is fine; the hour before or after the outage's end is not (about 1)


def week_run():
    """The what-if of Question 4: the takedown's outage (its default cut) lasts a week instead of 48 hours."""
    return model.simulate(outage_hours=WEEK_OUTAGE_HOURS, outage_cut=model.parameters()["outage_cut"])


def live_at(run, hour):
    return float(run.loc[run["hour"] == hour, "live"].item())


def week_outage_hours():
    """The first and last hour (the `hour` column) of the week-long outage: hours 73 to 240."""
    return model.OUTAGE_START + 1, model.OUTAGE_START + WEEK_OUTAGE_HOURS


def week_fall():
    first, last = week_outage_hours()
    run = week_run()
    return live_at(run, first - 1) - live_at(run, last)


def judge_week_fall(answer):
    number = as_number(answer)
    if number is None:
        return not_a_number(
            answer,
            "a single number, like 123.4",
            other_tip=" Pick out two single values with .item() and subtract them.",
        )
    expected = week_fall()

    def close(a, b):
        return abs(a - b) <= WEEK_TOLERANCE

    if close(-number, expected):
        return feedback.incorrect(
            f"{number:,.1f} is not the answer yet: the size is right, but the question asks for the fall as a positive "
            "number (a level that goes from 100 to 80 falls by 20). Take the level at the end from the level before."
        )
    if close(number, expected):
        params = model.parameters()
        stopped = params["outage_cut"] * params["post_rate"] * WEEK_OUTAGE_HOURS
        hours_live = params["find_hours"] + params["removal_hours"]
        return feedback.correct(
            f"Yes: the level fell by about {expected:,.0f} items during the week. The outage kept about "
            f"{stopped:,.0f} items from being posted, but the level did not fall by that much: the drain is a share "
            f"of the level (1 in {hours_live:.0f} items each hour), so as the level falls, fewer items are removed, and fewer come "
            "back as re-uploads. The level moves by inflow minus outflow, and the outflow depends on the level."
        )
    first, last = week_outage_hours()
    run = week_run()
    outage = run[run["hour"].between(first, last)]
    before = live_at(run, first - 1)
    params = model.parameters()
    short = scenario_rows("take down infrastructure")
    mistakes = (
        (
            params["outage_cut"] * params["post_rate"] * WEEK_OUTAGE_HOURS,
            "That is the posting the outage stopped (0.9 × 2.37 items an hour × 168 hours), the change of one "
            "flow. The level moves by all its flows together, hour by hour: posted plus re-uploaded minus removed. "
            "Measure the level itself, before the outage and at its end.",
        ),
        (
            live_at(run, last),
            "That is the level at the end of the outage, not by how much it fell: compare it with the level before.",
        ),
        (
            before - live_at(run, last - 1),
            "Your last row is hour 239, the outage's last hour but one: the outage runs from hour 73 to hour 240.",
        ),
        (
            before - live_at(run, last + 1),
            "Your last row is hour 241, when posting is already back: the outage runs from hour 73 to hour 240.",
        ),
        (
            live_at(run, first) - live_at(run, last),
            "You started from the level at the end of hour 73, the outage's first hour: the fall starts from the "
            "level at the end of hour 72, before posting was cut.",
        ),
        (
            live_at(short, OUTAGE_HOURS[0] - 1) - live_at(short, OUTAGE_HOURS[1]),
            "That is the fall in the lesson's 48-hour outage (the `runs` table): run the week-long outage with "
            "model.simulate, as the question shows, and measure that run.",
        ),
        (
            outage["removed"].sum(),
            "That is everything removed during the outage, one flow out. The level's change is what came in "
            "(posted, re-uploaded) minus what went out (removed).",
        ),
        (
            (outage["removed"] - outage["posted"]).sum(),
            "You left the re-uploads out: they flow in too. The level's change is posted plus re-uploaded minus "
            "removed.",
        ),
    )
    # The slips lie about a tenth of an item apart: a diagnosis matches only the value the slip gives.
    said = diagnosis(number, mistakes, lambda a, b: abs(a - b) <= 0.05)
    if said is None:
        said = (
            "Check your two levels: the week-long run's `live` at the end of the hour before posting is cut, and at "
            "the end of the outage's last hour; the fall is the first minus the second."
        )
    return feedback.incorrect(f"{number:,.1f} is not the answer yet. {said}")


q4 = Question(
    name="Question 4",
    judge=judge_week_fall,
    hints=(
        "The outage starts after hour 72 and lasts 168 hours: it covers hours 73 to 240. The fall is the level "
        "just before it minus the level at its end.",
        '`week.loc[week["hour"] == 72, "live"].item()` reads one level, as lesson 06 read one row\'s hour. '
        "Do it for the hour before the outage and for its last hour.",
        "Or add up the flows of the outage's rows: for each hour, posted + re-uploaded − removed is the level's "
        "change. Their sum is the change over the outage, negative when the level falls; the fall is that change "
        "with its sign turned round (a fall is given as a positive number).",
    ),
    answer_name="week_fall",
)


# ---- Question 5: what an illustrative model can support (reasoning, scored by a person) ----------

MEMO_WORDS = (40, 150)

# The rubric is shown to students above the question: it states what a strong answer does, never the answer.
MEMO_RUBRIC = rubric(
    (
        "Illustrative or anchored",
        (
            "names the parameters the takedown result rests on, says for each how well it is anchored (as the "
            "parameters table records it), and says what that means for the memo's 7%",
            "says the model's numbers are not measurements, without saying which or why it matters",
            "treats the 7% as a measured effect of takedowns",
        ),
    ),
    (
        "What the memo should say",
        (
            "rewrites the claim so that it says what it depends on (the model, its assumptions, the measure and "
            "the time frame), or names what would have to be measured to test it",
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
