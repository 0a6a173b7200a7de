"""Lesson 06 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_06
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them. Checks 3–5 have the student build the bathtub step: put its lines in
order, complete the outage's line, then write the four lines of one hour (under the one-hour rule)
themselves; Check 7 has them write a whole line that measures a run. Checks 1, 6 and 8 are predictions,
recorded with `.record(...)` and never marked.
"""

import itertools
import math

from takedown import feedback, model
from takedown.questions import Question, as_number, multiple_choice, not_a_number
from takedown.questions.activities import Parsons, Prediction, is_blank

# The hour the student works by hand (section 3): a made-up start, away from balance so that the lines
# give numbers that differ from hour to hour.
START_LIVE = 1000
START_REMOVED_BEFORE = 5


def _hand_values():
    params = model.parameters()
    return params, params["find_hours"] + params["removal_hours"]


# Check 1: a prediction from the steady-state formula, before any run.
c1 = Prediction(
    name="Check 1",
    answer_name="level_guess",
    choices={
        "a": "it rises by half (×1.5)",
        "b": "it stays the same",
        "c": "it doubles",
        "d": "it grows without limit",
    },
    observed=lambda: (
        f"{model.steady_state():,.0f} items with reupload_share = 0.5, "
        f"{model.steady_state(reupload_share=0.75):,.0f} with 0.75"
    ),
    hints=(
        "There is no wrong prediction: write down what you expect, before you look, then read on.",
        "Only the last part of the steady-state formula uses the share re-uploaded: ÷ (1 − reupload_share).",
    ),
)

# ---- Check 2: how far to trust one parameter --------------------------------------------------------

c2 = Question(
    name="Check 2",
    judge=multiple_choice(
        "d",
        {
            "a": "No: its status is “illustrative”: no source gives the value 0.5. Nothing measured how many "
            "removed items come back.",
            "b": "No: the Telegram figures of 2018 and 2019 are other rows (`find_hours_telegram_...`), about how "
            "long channels lived, not about re-uploads.",
            "c": "No: “illustrative” is not “wrong”. A source backs the behaviour (re-uploads happen); the model "
            "needs some value to run, so results that depend on it are read as “if half came back”.",
            "d": "Yes: “illustrative” means the value was chosen to make the model run, and `source_backs` = "
            "“behaviour” means a source backs only that re-uploads happen. A result that depends on 0.5 is a "
            "what-if.",
        },
    ),
    hints=(
        "Two columns say how far to trust a value: `status` and `source_backs`.",
        "Find the `reupload_share` row in the table above and read those two columns, then the list of "
        "statuses above the table.",
        'reupload_share_is = "..."   (does any source give the number 0.5 itself?)',
    ),
    solution_code='reupload_share_is = "d"',
)


# ---- Checks 3–5: the student builds the hour ---------------------------------------------------------

STEP = (
    "hours_live = find_hours + removal_hours",
    "posted = post_rate",
    "removed = live / hours_live",
    "reuploaded = reupload_share * removed_before",
    "live = live + posted + reuploaded - removed",
    "removed_before = removed",
)


def _step_value(order):
    """Items live after the lines run in this order (positions, 1 = first line of STEP), from the hand start."""
    params, _ = _hand_values()
    names = {
        "find_hours": params["find_hours"],
        "removal_hours": params["removal_hours"],
        "post_rate": params["post_rate"],
        "reupload_share": params["reupload_share"],
        "live": START_LIVE,
        "removed_before": START_REMOVED_BEFORE,
    }
    try:
        exec("\n".join(STEP[position - 1] for position in order), {}, names)
    except NameError:  # a line used a name no line above it made
        return None
    return names["live"]


RIGHT_STEP = _step_value(range(1, len(STEP) + 1))
# Every order that makes the same hour is right too (e.g. `posted` first): found once, by running them.
OTHER_STEP_ORDERS = tuple(
    order
    for order in itertools.permutations(range(1, len(STEP) + 1))
    if order != tuple(range(1, len(STEP) + 1))
    and _step_value(order) is not None
    and abs(_step_value(order) - RIGHT_STEP) < 1e-9
)

c3 = Parsons(
    name="Check 3",
    lines=STEP,
    also_right=OTHER_STEP_ORDERS,
    why={
        3: "This line divides by `hours_live`: which line makes it?",
        4: "Re-uploads come from the removals of the hour *before*: this line must run before "
        "`removed_before` is given this hour's removals.",
        5: "This line updates the items live from all three flows: it can only run once posted, removed "
        "and re-uploaded are all made, and it must come after the line that uses the old `live`.",
    },
    result=lambda: START_LIVE / _hand_values()[1],  # the last line's value: this hour's removals, passed on
    hints=(
        "A line can only use a name (a variable) that a line above it made.",
        "Which line changes `live`? Every line that needs the old value of `live` must come before it.",
        "Find the line that uses nothing made by another line except the settings, then the one that needs it.",
    ),
)


def judge_number_line(answer, expected, meanings, otherwise, right):
    """A line's number: right, or told what the wrong number most likely is (never which way to go)."""
    if is_blank(answer):
        return feedback.not_attempted("Replace the ___ in the line with your part, then run the cell again.")
    number = as_number(answer)
    if number is None:
        return not_a_number(answer, "a number, like 2.5")
    if abs(number - expected) < 1e-6 * max(1, abs(expected)):
        return feedback.correct(right)
    for means, message in meanings:
        if means(number):
            return feedback.incorrect(message)
    return feedback.incorrect(otherwise)


def _close(a, b):
    return abs(a - b) < 1e-6 * max(1, abs(b))


def judge_outage_posting(answer):
    params, _ = _hand_values()
    rate, cut = params["post_rate"], params["outage_cut"]
    return judge_number_line(
        answer,
        rate * (1 - cut),
        [
            (
                lambda n: _close(n, rate * cut),
                "That is the part of posting the outage stops. What is still posted "
                "is the rest: 1 minus the share stopped.",
            ),
            (lambda n: _close(n, rate), "That is posting as usual: the outage stops 90% of it."),
            (
                lambda n: _close(n, 1 - cut),
                "That is the share still posted, not the items: multiply it by `post_rate`.",
            ),
        ],
        "Re-examine the part you filled in: I expected the share of posting the outage stops, as in `outage_cut`.",
        "Yes: during the outage the outlet still posts a tenth of its usual 2.37 items an hour.",
    )


c4 = Question(
    name="Check 4",
    judge=judge_outage_posting,
    answer_name="posted_in_outage",
    solution_code="posted_in_outage = post_rate * (1 - outage_cut)",
    hints=(
        "The outage stops a share of posting: `outage_cut` = 0.9, 90%.",
        "If 90% of posting stops, what share is still posted?",
    ),
)


def _hour(removal_hours, reuploaded=None, live=START_LIVE, posted=None, sign=1):
    """Items live at the end of the hand-worked hour, from the made-up start (section 3)."""
    params, _ = _hand_values()
    posted = params["post_rate"] if posted is None else posted
    removed = START_LIVE / (params["find_hours"] + removal_hours)
    reuploaded = params["reupload_share"] * START_REMOVED_BEFORE if reuploaded is None else reuploaded
    return live + posted + reuploaded - sign * removed


def judge_hour_with_rule(answer):
    """The student's four lines for one hour under the one-hour rule: the level at the end of the hour.

    A wrong level is told which line to look at again (never the right level, never which way to go)."""
    params, _ = _hand_values()
    rule = params["one_hour_removal_hours"]
    removed = START_LIVE / (params["find_hours"] + rule)
    share = params["reupload_share"]
    return judge_number_line(
        answer,
        _hour(rule),
        [
            (
                lambda n: _close(n, _hour(params["removal_hours"])),
                "That is the hour without the rule: items still live 134 hours on average. Your `removed` line "
                "must use the rule's wait after referral.",
            ),
            (
                lambda n: _close(
                    n, START_LIVE + params["post_rate"] + share * START_REMOVED_BEFORE - START_LIVE / rule
                ),
                "Your `removed` line takes out every item after one hour in all: the rule shortens only the wait "
                "after referral; finding still takes `find_hours`.",
            ),
            (
                lambda n: _close(
                    n,
                    START_LIVE
                    + params["post_rate"]
                    + share * START_REMOVED_BEFORE
                    - (START_LIVE / params["find_hours"] + rule),
                ),
                "Python divides before it adds: your `removed` line divides `live` by `find_hours` alone, then adds "
                "the rule's hour. Put `find_hours` and the rule's hour in round brackets, as in section 1's formula.",
            ),
            (
                lambda n: _close(n, _hour(rule, reuploaded=0)),
                "Your hour has no re-uploads: check the `reuploaded` line, and that the last line adds it.",
            ),
            (
                lambda n: _close(n, _hour(rule, reuploaded=share * removed)),
                "Your re-uploads come from this hour's removals: they come from the hour before's, `removed_before`.",
            ),
            (
                lambda n: _close(n, _hour(rule, live=0)),
                "Your last line leaves out the items already live: the level at the end of the hour starts "
                "from `live`.",
            ),
            (
                lambda n: _close(n, _hour(rule, posted=params["post_rate"] * (1 - params["outage_cut"]))),
                "That is an hour of the outage: under the one-hour rule alone, the outlet posts as usual.",
            ),
            (
                lambda n: any(
                    _close(n, START_LIVE + a * params["post_rate"] + b * share * START_REMOVED_BEFORE + c * removed)
                    for a in (1, -1)
                    for b in (1, -1)
                    for c in (1, -1)
                ),
                "Check the signs in your last line: posting and re-uploads fill the tub, removal drains it.",
            ),
        ],
        "Re-examine your four lines one by one against the worked hour above: which one does the rule change, "
        "and does the last line add what fills the tub and take away what drains it?",
        "Yes: under the rule about 9 items go this hour instead of 7.5, so the level ends a little lower than in "
        "the worked hour. These four lines are the whole model: `model.simulate()` runs them hour after hour.",
    )


# Check 5: the student writes the four-line step of the bathtub, for the one-hour rule (issue 21).
c5 = Question(
    name="Check 5",
    judge=judge_hour_with_rule,
    answer_name="live_next_hour",
    solution_code="live = 1000\n"
    "removed_before = 5\n"
    "posted = post_rate\n"
    "removed = live / (find_hours + 1)\n"
    "reuploaded = reupload_share * removed_before\n"
    "live_next_hour = live + posted + reuploaded - removed",
    hints=(
        "Copy the worked hour's lines above: only one of the four changes under the rule.",
        "An item's time live has two parts: until it is found (`find_hours`) and until it is removed after "
        "referral. The rule changes only the second, from 24 hours to 1.",
        "In the `removed` line, divide `live` by the hours an item lives under the rule; the last line adds "
        "what fills the tub to the old level and takes away what drains it.",
    ),
)


# Check 6: a prediction before the three scenarios are drawn.
c6 = Prediction(
    name="Check 6",
    answer_name="fewest_guess",
    choices={"a": "Remove items", "b": "Take down infrastructure", "c": "One-hour rule"},
    observed=lambda: "; ".join(
        f"{name}: {live:,.0f} items"
        for name, live in model.run_scenarios().query("hour == 120").set_index("scenario")["live"].items()
    ),
    hints=(
        "There is no wrong prediction: write down what you expect, before you look, then read on.",
        "Think about what each strategy changes: the tap (posting) or the drain (how fast items go).",
    ),
)


# Check 7: the student writes the whole line that measures one run (the idiom exercise 06 needs).
def _run_live(scenario):
    runs = model.run_scenarios()
    return runs.loc[runs["scenario"] == scenario, "live"]


def judge_lowest_takedown(answer):
    if isinstance(answer, float) and math.isnan(answer):
        return feedback.wrong_kind(
            "I expected a number, but your line gives NaN ('not a number'): no row matched. Check the scenario's "
            'spelling, "take down infrastructure", as in the `scenario` column.'
        )
    takedown = _run_live("take down infrastructure")
    return judge_number_line(
        answer,
        float(takedown.min()),
        [
            (
                lambda n: _close(n, float(takedown.mean())),
                "That is the take-down run's average: the lowest point needs `.min()` instead of `.mean()`.",
            ),
            (
                lambda n: _close(n, float(_run_live("one-hour rule").min())),
                "That is the one-hour rule's lowest point: put the take-down run's name between the quotation marks.",
            ),
            (
                lambda n: _close(n, float(_run_live("remove items").min())),
                'That is the level the runs start from, where the "remove items" run stays (and the take-down run\'s '
                "highest point): check the scenario's name and `.min()`.",
            ),
        ],
        "Re-examine your line, part by part: the rows of the take-down run (its name as in the `scenario` column), "
        'the column `"live"`, and `.min()` at the end.',
        "Yes: about 542 items at the take-down run's lowest point, at the end of the outage. The exercise measures "
        "runs with lines like this one.",
    )


c7 = Question(
    name="Check 7",
    judge=judge_lowest_takedown,
    answer_name="lowest_takedown",
    solution_code='lowest_takedown = runs.loc[runs["scenario"] == "take down infrastructure", "live"].min()',
    hints=(
        "Copy the shape of the `remove_items` line above, then change the run's name and the measure.",
        'The take-down run is called "take down infrastructure" in the `scenario` column; `.min()` gives the '
        "lowest value.",
        'A partial answer: `lowest_takedown = runs.loc[runs["scenario"] == "...", "live"]...`',
    ),
)


# Check 8: a prediction before moving a slider.
c8 = Prediction(
    name="Check 8",
    answer_name="slider_guess",
    choices={
        "a": "only the “remove items” line rises",
        "b": "all three lines sit about five times higher",
        "c": "all three lines fall",
    },
    observed=lambda: (
        f"with reupload_share = 0.9 the status quo is {model.steady_state(reupload_share=0.9):,.0f} "
        f"items instead of {model.steady_state():,.0f}, and every run starts from it"
    ),
    hints=(
        "There is no wrong prediction: write down what you expect, before you look, then try it.",
        "Is `reupload_share` part of one strategy, or of the bathtub that all three runs share?",
    ),
)

# Check 9: which proposal would measure the illustrative share? (a proposal to judge, not a source to pick)
c9 = Question(
    name="Check 9",
    judge=multiple_choice(
        "c",
        {
            "a": "No: a recommendation says what the Commission asked platforms to do (stop re-uploads), not how "
            "many re-uploads happened. A rule is not a measurement.",
            "b": "No: a longer run only repeats the assumption. The model's output can never test its own "
            "input: whatever share you give it, it uses.",
            "c": "Yes: the share is removed items that come back ÷ all removed items, so it takes a count of "
            "both, over a stated time, on a stated platform. Even then it would anchor the number for that "
            "platform and period only.",
            "d": "No: that is lesson 05's share removed after referral: it says how often platforms agreed to "
            "remove, not how many removed items came back.",
        },
    ),
    hints=(
        "`reupload_share` is a share: removed items that come back ÷ all removed items.",
        "For each proposal, ask what it would count: removals, re-uploads, a rule, or the model's own output?",
        "A proposal measures the number only if it counts what the number is about. Cross out those that "
        "count something else.",
    ),
    solution_code='proposal = "c"',
)


QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9]
