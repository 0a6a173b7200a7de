"""Exercise 05 – Measuring disruption: running totals and half-years, a labelled chart, research shares,
what a lower bound lets you compute, and how to report a total honestly (scored by a person)."""

import math
import numbers

from takedown import data, feedback
from takedown.answers import plain_figure
from takedown.questions import Question, judge_whole_number, kind_of, multiple_choice, not_a_number
from takedown.questions.written import rubric, written

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
        return feedback.incorrect(
            "That is the running total itself: it still contains the half-year "
            f"{start:%B}–{end:%B %Y}. Take that half-year away."
        )
    if number == half:
        return feedback.incorrect(
            f"That is the half-year {start:%B}–{end:%B %Y}; the question asks about the months before it."
        )
    if number == -expected:
        return feedback.incorrect(
            "Your number is negative: you took the running total from the half-year. Take the half-year from the "
            "running total instead (the bigger figure first)."
        )
    if number == running_total_to(end) + half:
        return feedback.incorrect(
            "You added a running total and a half-year that the total already contains. Subtract instead."
        )
    counting_starts = _rows("cumulative")["period_start"].min()
    months = (start.year - counting_starts.year) * 12 + start.month - counting_starts.month
    mistakes = [
        (
            running_total_to(end) - other,
            f"You took away a half-year ({other_start:%B %Y} onwards) that "
            f"the running total to {end:%B %Y} does not contain: take away the half-year it ends with.",
        )
        for other_start, other in _rows("half-year")[["period_start", "accounts"]].itertuples(index=False)
        if other_start != start
    ]
    mistakes += [
        (
            total - half,
            f"You started from the running total that ends in {total_end:%B %Y}: it also "
            f"contains the months after {end:%B %Y}. Start from the one that ends in {end:%B %Y}.",
        )
        for total_end, total in _rows("cumulative")[["period_end", "accounts"]].itertuples(index=False)
        if total_end != end
    ]
    return judge_whole_number(
        number,
        expected,
        f"accounts were suspended in the {months} months before {start:%B %Y}",
        mistakes=mistakes,
        otherwise=f"Check the two rows you used: the running total that ends on {end:%d %B %Y} "
        f"and the half-year it ends with ({start:%B}–{end:%B %Y}). The answer is what "
        "the first counts and the second does not.",
    )


q1 = Question(
    name="Question 1",
    judge=judge_before_july_2016,
    hints=(
        "The running total to 31 December 2016 counts everything since 1 August 2015. The half-year row "
        "Jul–Dec 2016 counts the last six months of it. What is left is the months before July 2016.",
        'Pick each of the two rows with `suspensions.loc[(...) & (...), "accounts"]`: two conditions, each in round '
        "brackets, joined by `&` (phrasebook 8), one on `type` and one on `period_end` or `period_start`. Add "
        "`.item()` to take the one number out of the row you picked (phrasebook 12), then subtract the half-year "
        "from the running total.",
    ),
    answer_name="before_july_2016",
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
        int(
            latest["accounts"]
        ): f"That is the running total to {latest['period_end']:%B %Y}. Which months does this total not cover?",
    }
    if number in traps and number != expected:
        return feedback.incorrect(traps[number])
    later = _rows("half-year")
    later = later[later["period_start"] > latest["period_end"]]
    inside = _rows("half-year")
    inside = inside[(inside["period_end"] <= latest["period_end"]) & (inside["period_start"] > first_start)]
    mistakes = [
        (
            int(latest["accounts"]) + int(later["accounts"].sum()) + int(row["accounts"]),
            f"You added the half-year {row['period']}, which the running total to {latest['period_end']:%B %Y} "
            "already contains: each suspension must be counted once.",
        )
        for _, row in inside.iterrows()
    ]
    mistakes += [
        (
            int(latest["accounts"]) + int(row["accounts"]),
            f"You added only one of the half-years after {latest['period_end']:%B %Y}; {row['period']} is the "
            "only one in your sum.",
        )
        for _, row in later.iterrows()
    ]
    # Correct, but a sum of figures read in three sources: say what it assumes (issue 18, item 14).
    return judge_whole_number(
        number,
        expected,
        f"accounts is what Twitter's published figures add up to, from {counting_starts:%B %Y} "
        f"to {last_end:%B %Y}: the latest running total plus each later half-year. The sum "
        "assumes that the figures, read in three different sources, count the same thing in "
        "the same way, and that no account is in two of them. We found no total of Twitter's "
        "own for the whole period",
        mistakes=mistakes,
        otherwise="Check which rows your sum uses: one running total (the latest) and every "
        "half-year that starts after it ends, so that each suspension is counted once.",
    )


q2 = Question(
    name="Question 2",
    judge=judge_total_to_2018,
    hints=(
        "Use ONE running total – the latest – and add only the half-years that come after its end.",
        "Sort the cumulative rows by `period_end` and take the last one (`.iloc[-1]` takes the last row: -1 counts "
        "from the end); then keep the half-year rows whose `period_start` is after its "
        "`period_end`, and add their `accounts`.",
    ),
    answer_name="total_to_2018",
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
        return feedback.incorrect(
            "Your bars include a running total. Keep only the rows whose type is "
            "half-year: a running total and a half-year do not belong on one axis."
        )
    if sorted(numbers) != halves:
        return feedback.incorrect(
            "Your bars do not match the half-year rows of the table: draw one bar for each half-year row."
        )
    if not (answer.layout.title.text or "").strip():
        return feedback.incorrect("The bars are right. Now give the chart a title: px.bar(..., title=...).")
    horizontal = [trace for trace in answer.data if trace.type == "bar"][0].orientation == "h"
    value_axis = answer.layout.xaxis if horizontal else answer.layout.yaxis
    category_axis = answer.layout.yaxis if horizontal else answer.layout.xaxis
    value_title = (value_axis.title.text or "").strip().lower()
    if not (category_axis.title.text or "").strip() or not value_title:
        return feedback.incorrect("The bars are right. Now label both axes: px.bar(..., labels={...}).")
    if (value_axis.title.text or "").strip() == "accounts":  # the column's own name: no label was used
        return feedback.incorrect(
            "The axis of the numbers still shows the column's name, `accounts`: a label is used only when its key "
            'in `labels={...}` is the column\'s name, like `labels={"accounts": "..."}` (not `"y"`).'
        )
    if "account" not in value_title:
        return feedback.incorrect("Say the unit on the axis of the numbers: what is being counted?")
    if not any(word in value_title for word in PERIOD_WORDS):
        return feedback.incorrect(
            "Say the period on the axis of the numbers too: each bar counts one half-year, not a running total."
        )
    return feedback.correct("Yes: one bar per half-year, with the unit and the period on the axis.")


q3 = Question(
    name="Question 3",
    judge=judge_half_year_chart,
    hints=(
        "Two steps: keep only the half-year rows, then draw one bar per row. The axis label of the numbers "
        "says what is counted and over what period.",
        "Lesson 05's section *What researchers measured* has a px.bar example (*Drawing a bar chart with "
        "`px.bar`*): it names the table, the `x` and `y` columns, a `title` and `labels`, whose keys are the "
        "columns' names. Keep the half-year rows with a mask on `type`, as in the section *Adding up the column*.",
        'A partial line, after `half_years = suspensions[suspensions["type"] == "half-year"]`: '
        "`fig = px.bar(half_years, x=..., y=..., title=..., labels={...})` – which column on each axis, and "
        "what do the title and the labels say?",
    ),
    answer_name="fig",
)


# ---- Question 4: the whole a share implies -----------------------------------------------------


def _conway(group):
    table = data.research_findings()
    rows = table[(table["study"] == "Conway et al. 2019") & (table["group"] == group)]
    return rows.set_index("measure")["value"]


def pro_is_share():
    return float(_conway("pro-IS accounts")["share suspended during the study"])


def pro_is_in_study():
    """How many pro-IS accounts the study followed, implied by the count suspended and its (rounded) share."""
    found = _conway("pro-IS accounts")
    return 100 * found["accounts suspended during the study"] / found["share suspended during the study"]


def judge_pro_is_in_study(answer):
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real) or not math.isfinite(answer):
        return not_a_number(answer, "a number, like 500")
    found = _conway("pro-IS accounts")
    suspended, share = found["accounts suspended during the study"], pro_is_share()
    expected = pro_is_in_study()
    # The published share is rounded to a whole percent, so the whole is known only to within a few accounts.
    low, high = 100 * suspended / (share + 0.5), 100 * suspended / (share - 0.5)
    if low - 0.5 <= answer <= high + 0.5:
        others = _conway("other jihadist accounts")["accounts in the study"]
        return feedback.correct(
            f"Yes: about {expected:.0f} pro-IS accounts (between {low:.0f} and {high:.0f}, "
            f"since 63% is rounded), against {others:.0f} other jihadist accounts."
        )
    if abs(answer - suspended * share / 100) <= 1:
        return feedback.incorrect(
            "You took 63% of the suspended accounts. The suspended accounts are the part; "
            "the question asks for the whole."
        )
    if abs(answer - suspended / share) <= 0.5:
        return feedback.incorrect("63% is 0.63, not 63: divide by the share as a fraction.")
    if abs(answer - suspended) <= 0.5:
        return feedback.incorrect(
            "That is the number suspended, the part; the question asks for the whole: all the "
            "pro-IS accounts the study followed."
        )
    within_two_days = float(found["share suspended within two days of creation"])
    if abs(answer - 100 * suspended / within_two_days) <= 1:
        return feedback.incorrect(
            "You divided by the share suspended within two days of creation. The 455 "
            "accounts were suspended during the whole study: use the share that goes with them."
        )
    others = _conway("other jihadist accounts")
    if any(abs(answer - value) <= 0.5 for value in others):
        return feedback.incorrect(
            "That is a figure of the other jihadist accounts; the question is about the pro-IS "
            "accounts, whose number the table does not give."
        )
    return feedback.incorrect(
        "Not yet: check which row is the part (a number of accounts) and which is the share "
        "that goes with it, and that the share is a fraction (63% is 0.63) when you divide."
    )


q4 = Question(
    name="Question 4",
    judge=judge_pro_is_in_study,
    hints=(
        "A share is part ÷ whole. If you know the part and the share, the whole is part ÷ share "
        "(with the share as a fraction: 63% is 0.63).",
        "The part is the pro-IS `accounts suspended during the study`; the share is their `share suspended "
        "during the study`. Both are rows of `conway`, the table shown just above your answer cell.",
        'A partial line, after `pro_is = conway[conway["group"] == "pro-IS accounts"].set_index("measure")["value"]`: '
        "`pro_is_in_study = pro_is[...] / (pro_is[...] / 100)` – which row is the part, and which the share?",
    ),
    answer_name="pro_is_in_study",
)


# ---- Question 5: what the difference of a lower bound and a later total says ------------------------
# Transfer (issue 20): lesson 05 says a lower bound must be kept; here the student works out what it does to
# a difference. The two rows count the same measure (items assessed for referral), so subtracting them is
# fair, but "more than 11,000" taken away from 50,762 leaves AT MOST 39,762: the qualifier turns round.

q5 = Question(
    name="Question 5",
    judge=multiple_choice(
        "c",
        {
            "a": "Not this one: it carries the 'more than' of the earlier total over to the difference. Test it: "
            "put 12,000, then 20,000, in place of 11,000, work out the difference each time, and ask which "
            "sentence holds for every value.",
            "b": "Not this one: 'exactly' drops the qualifier of the July 2016 figure ('more than 11,000'). "
            "Put 12,000, then 20,000, in place of 11,000: is the difference the same each time?",
            "c": "Right: the earlier total is more than 11,000, so the months between hold 50,762 minus more than "
            "11,000 items – at most 39,762 (the bound turns round when you subtract it). This ceiling is not "
            "invented: it follows from the source's own 'more than'. That assumes both "
            "releases count the same thing: Europol wrote 'messages', the Commission 'pieces of content'.",
            "d": "Not this one: figures from two bodies can be subtracted when they count the same thing, and both "
            "rows count items assessed for referral, from the unit's start in July 2015. The problem is the "
            "lower bound, not the two sources.",
        },
    ),
    hints=(
        "Find the two rows of `referrals` that count the same measure at two dates; look at their `qualifier`.",
        "Suppose the July 2016 figure was really 12,000, then 20,000: work out the difference each time. "
        "What happens to it as the earlier total grows?",
        "A sentence about a difference must hold for every value the earlier figure could have: which of the "
        "four does?",
    ),
    answer_name="reason",
)


# ---- Question 6: report the total honestly (reasoning, scored by a person) ------------------------

REPORT_WORDS = (30, 150)

# The rubric is shown to students above the question: it states what a strong answer does, never the answer.
REPORT_RUBRIC = rubric(
    (
        "Kind of number",
        (
            "the sentence gives the total at a precision its sources support and says whose figures it is "
            "built from and how; the reason explains the wording from the kinds of figure used",
            "does one of the two (a fitting precision, or whose figures and how), or explains it only vaguely",
            "prints the total as if someone had published it as one count, or builds it from figures that overlap",
        ),
    ),
    (
        "What it cannot show",
        (
            "names at least two things the total cannot show about the April 2018 takedown, each with a reason "
            "drawn from lesson 05's four questions about a number",
            "names one such limit, or names limits without a reason",
            "presents the total as the takedown's result or effect",
        ),
    ),
)

q6 = Question(
    name="Question 6",
    judge=written(*REPORT_WORDS, asks="the sentence you would print, then why you worded it so."),
    hints=(
        "Two parts: first the one sentence you would print; then two or three sentences on why.",
        "For the why, ask lesson 05's questions of your total: what kind of number is it (a running total, a "
        "per-period figure, a sum of both?), whose count is it, and does it count what someone did or what changed?",
        "Draft the sentence, then read it as a reader would: could they tell from it that no one published "
        "this number as one count, and what it does not measure? The rubric above the question says what a "
        "strong answer covers.",
    ),
    answer_name="report_sentence",
    points=REPORT_RUBRIC.max_points,  # 4: a person scores it with the rubric (course/grading/review.py)
    rubric=REPORT_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]


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
    return not_a_number(
        answer,
        "a whole number, like 12345",
        text_tip=" Write the number without quotation marks or commas.",
        other_tip=" Pick out single values with `.item()` (phrasebook 12), then add or subtract them.",
    )
