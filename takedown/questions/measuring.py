"""Exercise 05 – Measuring disruption: running totals and half-years, a labelled chart, research shares,
and what a lower bound lets you compute."""
import math
import numbers

import numpy as np

from takedown import data, feedback
from takedown.answers import plain_figure
from takedown.questions import Question, judge_whole_number, kind_of


# ---- The figures each answer is computed from ---------------------------------------------------

def _rows(kind):
    table = data.suspensions()
    return table[table["type"] == kind]


def running_total_to(end):
    """The published running total (since 1 August 2015) that ends on `end`."""
    rows = _rows("cumulative")
    return int(rows.loc[rows["period_end"] == end, "accounts"].item())


def half_year_from(start):
    rows = _rows("half-year")
    return int(rows.loc[rows["period_start"] == start, "accounts"].item())


def first_half_year():
    """The earliest half-year row: (start, end, accounts)."""
    row = _rows("half-year").sort_values("period_start").iloc[0]
    return row["period_start"], row["period_end"], int(row["accounts"])


def before_first_half_year():
    """Accounts suspended from the start of counting to the start of the first half-year row:
    the running total that ends with that half-year, minus the half-year itself."""
    start, end, accounts = first_half_year()
    return running_total_to(end) - accounts


def latest_running_total():
    return _rows("cumulative").sort_values("period_end").iloc[-1]


def total_to_end():
    """Accounts suspended from the start of counting to the end of the last half-year: the latest
    running total plus the half-years that come after it."""
    latest = latest_running_total()
    later = _rows("half-year")
    later = later[later["period_start"] > latest["period_end"]]
    return int(latest["accounts"] + later["accounts"].sum())


# ---- Question 1: from a running total to a period --------------------------------------------

def judge_before_july_2016(answer):
    expected = before_first_half_year()
    start, end, half = first_half_year()
    number = _whole(answer)
    if number is None:
        return _not_a_number(answer)
    if number == running_total_to(end):
        return feedback.incorrect("That is the running total itself: it still contains the half-year "
                                  f"{start:%B}–{end:%B %Y}. Take that half-year away.")
    if number == half:
        return feedback.incorrect(f"That is the half-year {start:%B}–{end:%B %Y}; the question asks about the "
                                  "months before it.")
    if number == running_total_to(end) + half:
        return feedback.incorrect("You added a running total and a half-year that the total already contains. "
                                  "Subtract instead.")
    counting_starts = _rows("cumulative")["period_start"].min()
    months = (start.year - counting_starts.year) * 12 + start.month - counting_starts.month
    return judge_whole_number(number, expected,
                              f"accounts were suspended in the {months} months before {start:%B %Y}",
                              too_low=f"Start from the running total that ends in {end:%B %Y}.",
                              too_high=f"Start from the running total that ends in {end:%B %Y}, and subtract.")


q1 = Question(
    name="Question 1",
    judge=judge_before_july_2016,
    hints=(
        "The running total to 31 December 2016 counts everything since 1 August 2015. The half-year row "
        "Jul–Dec 2016 counts the last six months of it. What is left is the months before July 2016.",
        "Pick the two rows with `suspensions.loc[...]` (filter on `type` and `period_end` or `period_start`), "
        "take their `accounts`, and subtract the half-year from the running total.",
    ),
    solution_code=(
        'cumulative_2016 = suspensions.loc[(suspensions["type"] == "cumulative") & (suspensions["period_end"] == "2016-12-31"), "accounts"].item()\n'
        'second_half_2016 = suspensions.loc[(suspensions["type"] == "half-year") & (suspensions["period_start"] == "2016-07-01"), "accounts"].item()\n'
        "before_july_2016 = cumulative_2016 - second_half_2016"
    ),
)


# ---- Question 2: the true total, and the trap of adding everything ----------------------------

def judge_total_to_2018(answer):
    expected = total_to_end()
    number = _whole(answer)
    if number is None:
        return _not_a_number(answer)
    table = data.suspensions()
    latest = latest_running_total()
    first_start = first_half_year()[0]
    counting_starts = _rows("cumulative")["period_start"].min()
    last_end = _rows("half-year")["period_end"].max()
    traps = {
        int(table["accounts"].sum()): "You added every row. The running totals already contain the half-years, "
                                      "and each other: the same suspensions are counted several times.",
        int(_rows("cumulative")["accounts"].sum()): "You added the running totals. Each one contains the one "
                                                    "before it, so they overlap.",
        int(_rows("half-year")["accounts"].sum()): f"You added the half-years only, but they start in "
                                                   f"{first_start:%B %Y}: the months from {counting_starts:%B %Y} "
                                                   "before that are missing.",
        int(latest["accounts"]): f"That running total stops in {latest['period_end']:%B %Y}. Add what came after it.",
    }
    if number in traps and number != expected:
        return feedback.incorrect(traps[number])
    return judge_whole_number(number, expected,
                              f"accounts were suspended from {counting_starts:%B %Y} to {last_end:%B %Y}",
                              too_low="Start from the latest running total, then add each later half-year.",
                              too_high="Some suspensions are counted twice: use one running total only.")


q2 = Question(
    name="Question 2",
    judge=judge_total_to_2018,
    hints=(
        "Use ONE running total – the latest – and add only the half-years that come after its end.",
        'Sort the cumulative rows by `period_end` and take the last one; then keep the half-year rows whose '
        '`period_start` is after its `period_end`, and add their `accounts`.',
    ),
    solution_code=(
        'latest = suspensions[suspensions["type"] == "cumulative"].sort_values("period_end").iloc[-1]\n'
        'later_halves = suspensions[(suspensions["type"] == "half-year") & (suspensions["period_start"] > latest["period_end"])]\n'
        'total_to_2018 = latest["accounts"] + later_halves["accounts"].sum()'
    ),
)


# ---- Question 3: a chart that says its unit and its period -------------------------------------

PERIOD_WORDS = ("half-year", "half year", "six months", "6 months", "six-month", "6-month", "semester")


def _bar_values(figure):
    bars = [trace for trace in figure.data if trace.type == "bar"]
    if len(bars) != 1:
        return None
    bar = bars[0]
    values = bar.x if bar.orientation == "h" else bar.y
    if values is None:
        return None
    return [value for value in values]


def judge_half_year_chart(answer):
    if not hasattr(answer, "to_plotly_json") or not hasattr(answer, "data"):
        return feedback.wrong_kind(f"I expected a plotly figure (from px.bar), but got {kind_of(answer)}.")
    answer = plain_figure(answer)  # a copied figure is judged by the same data as the original
    values = _bar_values(answer)
    if values is None:
        return feedback.incorrect("I expected a figure with one set of bars: use px.bar.")
    numbers = [_whole(value) for value in values]
    if any(number is None for number in numbers):
        return feedback.incorrect("The bars should show numbers of accounts (whole numbers).")
    halves = sorted(int(value) for value in _rows("half-year")["accounts"])
    running = {int(value) for value in _rows("cumulative")["accounts"]}
    if running & set(numbers):
        return feedback.incorrect("Your bars include a running total. Keep only the rows whose type is "
                                  "half-year: a running total and a half-year do not belong on one axis.")
    if sorted(numbers) != halves:
        return feedback.incorrect("Your bars do not match the half-year rows of the table: "
                                  "draw one bar for each half-year row.")
    if not (answer.layout.title.text or "").strip():
        return feedback.incorrect("The bars are right. Now give the chart a title: px.bar(..., title=...).")
    horizontal = [trace for trace in answer.data if trace.type == "bar"][0].orientation == "h"
    value_axis = answer.layout.xaxis if horizontal else answer.layout.yaxis
    category_axis = answer.layout.yaxis if horizontal else answer.layout.xaxis
    value_title = (value_axis.title.text or "").strip().lower()
    if not (category_axis.title.text or "").strip() or not value_title:
        return feedback.incorrect("The bars are right. Now label both axes: px.bar(..., labels={...}).")
    if "account" not in value_title:
        return feedback.incorrect("Say the unit on the axis of the numbers: what is being counted?")
    if not any(word in value_title for word in PERIOD_WORDS):
        return feedback.incorrect("Say the period on the axis of the numbers too: each bar counts one "
                                  "half-year, not a running total.")
    return feedback.correct("Yes: one bar per half-year, with the unit and the period on the axis.")


q3 = Question(
    name="Question 3",
    judge=judge_half_year_chart,
    hints=(
        'First keep the half-year rows: suspensions[suspensions["type"] == "half-year"].',
        'px.bar(half_years, x="period", y="accounts", title="...", labels={"period": "...", '
        '"accounts": "Accounts suspended per half-year"}) – the label says the unit and the period.',
    ),
    solution_code=(
        'half_years = suspensions[suspensions["type"] == "half-year"]\n'
        'fig = px.bar(half_years, x="period", y="accounts",\n'
        '             title="Twitter accounts suspended for promoting terrorism, per half-year, 2016–2018",\n'
        '             labels={"period": "Half-year", "accounts": "Accounts suspended per half-year"})\n'
        "fig.show()"
    ),
)


# ---- Question 4: a share the study implies -----------------------------------------------------

def other_jihadist_share():
    table = data.research_findings()
    rows = table[(table["study"] == "Conway et al. 2019") & (table["group"] == "other jihadist accounts")]
    found = rows.set_index("measure")["value"]
    return 100 * found["accounts suspended during the study"] / found["accounts in the study"]


def pro_is_share():
    table = data.research_findings()
    rows = table[(table["study"] == "Conway et al. 2019") & (table["group"] == "pro-IS accounts")]
    return float(rows.set_index("measure").loc["share suspended during the study", "value"])


def judge_other_share(answer):
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real) or not math.isfinite(answer):
        tip = " Write the number without quotation marks." if isinstance(answer, str) else ""
        return feedback.wrong_kind(f"I expected a number, like 12.5, but got {kind_of(answer)}.{tip}")
    expected = other_jihadist_share()
    if abs(answer - expected) <= 0.5:
        return feedback.correct(f"Yes: about {answer:.0f}% of the other jihadist accounts were suspended, against "
                                f"{pro_is_share():.0f}% of the pro-IS accounts – differential disruption.")
    if abs(answer * 100 - expected) <= 0.5:
        return feedback.incorrect("That is a fraction: multiply it by 100 to get a percentage.")
    if abs(answer - pro_is_share()) <= 0.5:
        return feedback.incorrect("That is the share for the pro-IS accounts. The question asks about the other "
                                  "jihadist accounts.")
    if expected and abs(answer - 100 * 100 / expected) <= 1:
        return feedback.incorrect("You divided the wrong way round: suspended accounts divided by accounts "
                                  "in the study.")
    return feedback.incorrect("Not quite: divide the number of other jihadist accounts suspended by the number "
                              "in the study, and multiply by 100.")


q4 = Question(
    name="Question 4",
    judge=judge_other_share,
    hints=(
        "The table gives, for the other jihadist accounts, how many were in the study and how many were "
        "suspended. A share in percent is 100 × part ÷ whole.",
        'Keep the rows of `conway` whose `group` is "other jihadist accounts", set the index to `measure`, '
        "and divide one `value` by the other.",
    ),
    solution_code=(
        'other = conway[conway["group"] == "other jihadist accounts"].set_index("measure")["value"]\n'
        'other_share = 100 * other["accounts suspended during the study"] / other["accounts in the study"]'
    ),
)


# ---- Question 5: what a lower bound and a change of measure let you compute -------------------

def judge_can_compute(answer):
    if not isinstance(answer, (bool, np.bool_)):
        tip = " Write True or False without quotation marks." if isinstance(answer, str) else ""
        return feedback.wrong_kind(f"I expected True or False, but got {kind_of(answer)}.{tip}")
    if bool(answer):
        return feedback.incorrect("Look at the two rows again: do they count the same thing (assessed or "
                                  "referred)? And is the July 2017 figure exact, or only “more than”?")
    return feedback.correct("Right: the two totals count different things (items referred, items assessed), and "
                            "the first is only a lower bound, so their difference means nothing.")


q5 = Question(
    name="Question 5",
    judge=judge_can_compute,
    hints=(
        "Compare the `measure` and the `qualifier` of the July 2017 and the February 2018 rows.",
        "A difference between two running totals counts a period only if both count the same thing, exactly.",
    ),
    solution_code="can_compute = False",
)

QUESTIONS = [q1, q2, q3, q4, q5]


# ---- Reading numbers safely ------------------------------------------------------------------

def _whole(value):
    """A whole number (int, 3.0, numpy integers) as int, else None; True/False are not numbers here."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    try:
        if not math.isfinite(value) or value != int(value):
            return None
        return int(value)
    except (OverflowError, ValueError):
        return None


def _not_a_number(answer):
    tip = " Write the number without quotation marks or commas." if isinstance(answer, str) else ""
    return feedback.wrong_kind(f"I expected a whole number, like 12345, but got {kind_of(answer)}.{tip}")
