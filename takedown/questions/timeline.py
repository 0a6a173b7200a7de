"""Exercise 04 – A timeline of disruption: a gap between vague dates as a range; filtering, counting and placing
dated events; what a count of events can show."""

import datetime
import math
import numbers

import numpy as np
import pandas as pd

from takedown import data, feedback
from takedown.questions import Question, Rubric, as_whole_number, judge_whole_number, kind_of, not_a_number
from takedown.questions.assessment import judge_reasoning

NEW_EVENT_DATE = pd.Timestamp("2017-12-06")  # third ministerial meeting of the EU Internet Forum


def _events():
    return data.events()


# ---- Question 1: from first notice to the first takedown Europol reports, a gap between two vague dates ------

FIRST_SEEN, FIRST_TAKEDOWN = "amaq_first_noticed", "amaq_takedown_2016"  # known to the year (2014), to the month
ONE_DAY = pd.Timedelta(days=1)

# The question keeps the dates as the events table stores them (the year, the month): that is the skill. But the
# first-noticed event's own words ("during the siege of Kobanî", svd_amaq, citing SITE) rule out January–August
# 2014: the siege began on 13 September 2014 (kobani_siege_start; some accounts say 16 September), so the right
# answer's message teaches that narrowing instead of letting "973 days" stand as the longest possible gap.
SIEGE_OF_KOBANI_BEGAN = pd.Timestamp("2014-09-13")


# The period a date stands for, as lesson 04's `timeline.with_periods` gives it (the questions may not import the
# charts; tests/test_timeline.py checks that the two agree): `start` is the stored date, `end` the day after.
PERIOD = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}


def _periods():
    events = _events().set_index("id")
    events["start"] = events["date"]
    events["end"] = [date + PERIOD[precision] for date, precision in zip(events["date"], events["precision"])]
    return events


def gap_range(first_id=FIRST_SEEN, second_id=FIRST_TAKEDOWN):
    """(shortest, longest) days between two events whose dates stand for periods, as lesson 04 computed them."""
    periods = _periods()
    first, second = periods.loc[first_id], periods.loc[second_id]
    shortest = (second["start"] - (first["end"] - ONE_DAY)).days
    longest = ((second["end"] - ONE_DAY) - first["start"]).days
    return int(shortest), int(longest)


def narrowed_longest(first_id=FIRST_SEEN, second_id=FIRST_TAKEDOWN):
    """The longest gap once the first event's own words start it no earlier than the siege of Kobanî (718 days)."""
    second = _periods().loc[second_id]
    return int(((second["end"] - ONE_DAY) - SIEGE_OF_KOBANI_BEGAN).days)


def gap_mistakes(first_id=FIRST_SEEN, second_id=FIRST_TAKEDOWN):
    """{a number a known slip gives: what it means}, for one end of the range."""
    periods = _periods()
    first, second = periods.loc[first_id], periods.loc[second_id]
    return {
        int((second["date"] - first["date"]).days): "is the gap between the two stored dates, the first day of each "
        "period: a date known only to the year or the month could fall on any day of its period.",
        int((second["start"] - first["end"]).days): "counts from the day after the first period ended (`end` is the "
        "first day after it): subtract one day from `end` to get the period's last day.",
        int((second["end"] - first["start"]).days): "runs to the day after the second period ended (`end` is the "
        "first day after it): subtract one day from `end` to get the period's last day.",
        int((second["end"] - first["end"]).days): "pairs the ends of both periods: each end of the range pairs one "
        "period's earliest possible day with the other's latest possible day.",
    }


def _pair(answer):
    """The answer as two whole numbers, or None."""
    if isinstance(answer, (str, bytes, dict)) or not hasattr(answer, "__len__") or len(answer) != 2:
        return None
    numbers_ = [as_whole_number(value) for value in answer]
    return None if None in numbers_ else tuple(numbers_)


def judge_gap_range(answer):
    if isinstance(answer, (datetime.timedelta, np.timedelta64)) or (
        hasattr(answer, "__len__")
        and not isinstance(answer, (str, bytes))
        and any(isinstance(value, (datetime.timedelta, np.timedelta64)) for value in list(answer)[:2])
    ):
        return feedback.wrong_kind(
            "I expected two whole numbers of days, but got time spans (Timedelta). Add .days to each to turn it "
            "into a number."
        )
    pair = _pair(answer)
    if pair is None:
        if as_whole_number(answer) is not None:
            return feedback.wrong_kind(
                "I expected two numbers, the shortest and the longest gap, like (100, 200), but got one number: "
                "a gap between two vague dates is a range."
            )
        return feedback.wrong_kind(
            f"I expected two whole numbers of days, shortest first, like (100, 200), but got {kind_of(answer)}."
        )
    expected = gap_range()
    if pair == expected:
        return feedback.correct(
            f"Yes: between {expected[0]} and {expected[1]} days, that is between about "
            f"{expected[0] / 365.25 * 12:.0f} and {expected[1] / 365.25 * 12:.0f} months. A story should give "
            "the range (“between about a year and seven months and two years and eight months”), not one day "
            "count: the stored dates are only the first day of each period. The event's own words narrow this "
            "further: Amaq was first noticed during the siege of Kobanî, which began on 13 September 2014 (some "
            f"accounts say the 16th), so the longest gap is really at most {narrowed_longest()} days, just under "
            "two years."
        )
    if pair == expected[::-1]:
        return feedback.incorrect("Both numbers are right, in the wrong order: put the shortest first.")
    if max(pair) < 60:
        return feedback.incorrect(
            "Those look like months or years, not days: subtracting two dates gives a time span, and `.days` "
            "turns it into days."
        )
    meanings = gap_mistakes()
    said = []
    for name, value, right in zip(("shortest", "longest"), pair, expected):
        if value == right:
            said.append(f"Your {name} gap is right.")
        elif value in meanings and not (name == "longest" and pair[0] == value):
            said.append(
                f"Both your gaps are {value}: that {meanings[value]}"
                if pair[0] == pair[1]
                else f"Your {name} gap, {value}, {meanings[value]}"
            )
    if all(part.endswith("is right.") for part in said):
        said.append(
            f"{'For the other one' if said else 'Re-examine both'}: the gap is shortest when the first event falls "
            "on the last day of its period and the second on the first day of its own; longest the other way round."
        )
    return feedback.incorrect(" ".join(said))


def gap_range_partial(answer):
    """Half the point for one end of the range right, in its place."""
    pair = _pair(answer)
    return 0.5 if pair and sum(value == right for value, right in zip(pair, gap_range())) == 1 else 0


q1 = Question(
    name="Question 1",
    judge=judge_gap_range,
    hints=(
        "The gap is shortest when Amaq was first noticed as late as its date allows (the last day of 2014) and "
        "taken down as early as its date allows (the first of August 2016); longest the other way round.",
        "Lesson 04, section 4 (“Filtering and counting”), did this for the first takedown and the second strike with the `start` and `end` of "
        "`periods`. `end` is the first day *after* a period: subtract `one_day` to get the period's last day.",
        'A partial answer, with `noticed = periods.loc["amaq_first_noticed"]` and `taken_down = '
        'periods.loc["amaq_takedown_2016"]`: `shortest = (taken_down["start"] - (noticed["end"] - one_day)).days`. '
        "Write `longest` the same way, then store the two numbers, shortest first, in `gap_range`.",
    ),
    answer_name="gap_range",
    partial=gap_range_partial,
)


# ---- Question 2: events between two dates --------------------------------------------------


def events_between(start, end):
    events = _events()
    return events[(events["date"] >= start) & (events["date"] <= end)]


def judge_rows_2018_2019(answer):
    """The rows of `events` the student keeps (a table): a count alone could be read off the printed table by eye."""
    events = _events()
    if not isinstance(answer, pd.DataFrame):
        found = "a number" if as_whole_number(answer) is not None else kind_of(answer)
        return feedback.wrong_kind(
            f"I expected the rows you kept (a table), but got {found}. The check reads the rows, not their count, "
            "so that it sees how you picked them: store `events[...]` itself in `in_2018_2019`; `len(in_2018_2019)` "
            "then counts them."
        )
    if "date" not in answer.columns or not set(answer.index) <= set(events.index):
        return feedback.wrong_kind(
            "I expected rows of `events`, kept with `events[...]` (a table with its `date` column and its row "
            "numbers), but got another table."
        )
    start, end = pd.Timestamp("2018-01-01"), pd.Timestamp("2019-12-31")
    expected = set(events_between(start, end).index)
    picked = set(answer.index)
    if picked == expected:
        return feedback.correct(f"Yes: {len(picked)} events fall in 2018 and 2019; these are their rows.")

    def rows(mask):
        return set(events.index[mask])

    mistakes = [
        (
            set(),
            "Your table has no rows: no event passed both tests. Compare `date` with dates written as text, "
            'like `events["date"] >= "2018-01-01"`, and join the two tests with &, each in round brackets.',
        ),
        (
            rows(events["date"].dt.year == 2018),
            "Those are the events of 2018 alone: the question asks for 2018 and 2019 together.",
        ),
        (
            rows(events["date"].dt.year == 2019),
            "Those are the events of 2019 alone: the question asks for 2018 and 2019 together.",
        ),
        (
            rows(events["date"] >= start),
            "Those are all the events from 1 January 2018 on: the second condition, on "
            "or before 31 December 2019, is missing.",
        ),
        (
            rows(events["date"] <= end),
            "Those are all the events up to 31 December 2019: the first condition, on or "
            "after 1 January 2018, is missing.",
        ),
        (set(events.index), "That is the whole timeline: keep only the rows that meet both conditions."),
        (
            set(events_between(start + ONE_DAY, end - ONE_DAY).index),
            "Your rows match strict comparisons (> and <): "
            "check whether the question's two end dates, 1 January 2018 and 31 December 2019, belong to the period.",
        ),
    ]
    said = next((message for rows_, message in mistakes if picked == rows_ and rows_ != expected), None)
    return feedback.incorrect(
        said
        or "Keep the rows whose date is on or after 1 January 2018 and on or before 31 December 2019 (two "
        "conditions joined by &, each in round brackets)."
    )


def show_kept(rows):
    """Show question 2's rows with the columns question 6 reads (a cell shows only its last line, and a plain table
    cuts the `event` text short: walk-through W1), or say that question 2 comes first."""
    if not isinstance(rows, pd.DataFrame) or not {"date", "category", "precision", "event"} <= set(rows.columns):
        return feedback.show(
            feedback.not_attempted("Question 6 reads the rows of question 2: keep them in `in_2018_2019` first.")
        )
    return data.show(rows[["date", "category", "precision", "event"]])


q2 = Question(
    name="Question 2",
    judge=judge_rows_2018_2019,
    hints=(
        "Keep the rows whose `date` is on or after 1 January 2018 and on or before 31 December 2019, then count them.",
        "Section 4 of the lesson, “Filtering and counting”, keeps the events of 2016 and 2017 with two conditions joined by &.",
        'Start with `in_2018_2019 = events[(events["date"] >= "2018-01-01") & ...]`; `len(in_2018_2019)` counts '
        "the rows that are left.",
    ),
    answer_name="in_2018_2019",
)


# ---- Question 3: days between two events ---------------------------------------------------


def days_between(first_id, second_id):
    dates = _events().set_index("id")["date"]
    return int((dates[second_id] - dates[first_id]).days)


def judge_days_between(answer):
    if isinstance(answer, (datetime.timedelta, np.timedelta64)):
        return feedback.wrong_kind(
            "I expected a whole number of days, but got a time span (Timedelta). Add .days to turn it into a number."
        )
    expected = days_between("takedown_action_begins", "telegram_action_days_2019")
    number = as_whole_number(answer)
    if number is not None and number == -expected:
        return feedback.incorrect("The number is negative: subtract the earlier date from the later one.")
    return judge_whole_number(
        answer,
        expected,
        "days passed between the start of the April 2018 action and the November 2019 action days",
        mistakes=[
            (
                days_between("operation_announced", "telegram_action_days_2019"),
                "That counts from the day the operation was announced (operation_announced), not from the day the "
                "action began (takedown_action_begins).",
            ),
            (
                days_between("takedown_action_begins", "telegram_action_day_2018"),
                "That ends at the October 2018 Telegram action day: the question asks for the November 2019 action "
                "days (telegram_action_days_2019).",
            ),
            (
                days_between("telegram_action_day_2018", "telegram_action_days_2019"),
                "That starts at the October 2018 Telegram action day: the question starts at the April 2018 action "
                "(takedown_action_begins).",
            ),
            (
                expected + 1,
                "That counts both end days, as a calendar count would: the difference of two dates, "
                "with .days, is what the question asks for.",
            ),
            (expected // 7, "That looks like a number of weeks: the question asks for days (.days)."),
        ],
        otherwise="Check the two ids you took (takedown_action_begins and telegram_action_days_2019) and subtract "
        "the earlier date from the later one; .days turns the time span into a number.",
    )


q3 = Question(
    name="Question 3",
    judge=judge_days_between,
    hints=(
        'Give each event its id as a label: `dates = events.set_index("id")["date"]`. Then dates["..."] is one date.',
        "Subtracting two dates gives a time span; `.days` turns it into a number of days. Section 4 of the "
        "lesson, “Filtering and counting”, does it for the April 2018 action and its announcement.",
        'Subtract the earlier date from the later one: `(dates["..."] - dates["takedown_action_begins"]).days`.',
    ),
    answer_name="days_between",
)


# ---- Question 4: place a new event ---------------------------------------------------------


def position_of(date):
    """Where a new event with this date falls in the timeline: 1 for the earliest."""
    return int((_events()["date"] < date).sum()) + 1


def day_first_misreading(date):
    """The date pandas reads when `date` is written day first, like "06/12/2017" (pandas reads it month
    first, as 12 June 2017), or None when the day and month cannot be swapped."""
    if date.day > 12 or date.day == date.month:
        return None
    return pd.Timestamp(year=date.year, month=date.day, day=date.month)


def judge_new_position(answer):
    expected = position_of(NEW_EVENT_DATE)
    number = as_whole_number(answer)
    if number is not None and number == expected - 1:
        return feedback.incorrect(
            "That is the number of events dated before it, which is not the same as its place in the timeline."
        )
    misread = day_first_misreading(NEW_EVENT_DATE)
    if (
        number is not None
        and misread is not None
        and number != expected
        and number in (position_of(misread), position_of(misread) - 1)
    ):
        day_first = f"{NEW_EVENT_DATE:%d/%m/%Y}"
        return feedback.incorrect(
            f"Your count fits a comparison with {misread.day} {misread:%B %Y}, not {NEW_EVENT_DATE.day} "
            f'{NEW_EVENT_DATE:%B %Y}. If you wrote the date day first, like "{day_first}", pandas reads it month '
            f"first, as {misread.day} {misread:%B}. Write the date year-month-day, like "
            f'pd.Timestamp("{NEW_EVENT_DATE:%Y-%m-%d}").'
        )
    events = _events()
    return judge_whole_number(
        answer,
        expected,
        "is the new event's place in the timeline",
        mistakes=[
            (
                len(events) - expected + 2,
                "That is its place counted from the latest event: count from the earliest "
                "(place 1 is the oldest event).",
            ),
            (
                int((events["date"] > NEW_EVENT_DATE).sum()),
                "That is the number of events after it: the place counts the events before it, plus one.",
            ),
            (len(events), "That is the number of events in the timeline, not the new event's place."),
        ],
        otherwise="Count the events dated before 6 December 2017 (compare every date with the new date), then add "
        "one for the new event itself.",
    )


q4 = Question(
    name="Question 4",
    judge=judge_new_position,
    hints=(
        "The new event comes right after every event dated before it. How many are there?",
        'Compare every date with the new date: `events["date"] < new_date` is True or False for each row.',
        "`.sum()` of True/False values counts the Trues (True counts as 1); then add one for the new event.",
    ),
    answer_name="new_position",
)


# ---- Question 5: how exact are the dates of the operations? ------------------------------------


def vague_share(category):
    """Percentage of a category's events whose date is known only to the month or the year."""
    rows = _events()[_events()["category"] == category]
    return 100 * (rows["precision"] != "day").sum() / len(rows)


def judge_vague_operations(answer):
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real) or not math.isfinite(answer):
        return not_a_number(
            answer, "a number, like 12.5", text_tip=" Write the number without quotation marks or a % sign."
        )
    events = _events()
    expected = vague_share("operation")
    operations = events[events["category"] == "operation"]
    vague = int((operations["precision"] != "day").sum())
    if abs(answer - expected) <= 0.5:
        return feedback.correct(
            f"Yes: about {answer:.0f}% of the operations ({vague} of {len(operations)}) are "
            "known only to the month or the year – the older strikes, whose day no source gave."
        )
    if abs(answer * 100 - expected) <= 0.5:
        return feedback.incorrect("That is a fraction: multiply it by 100 to get a percentage.")
    if answer == vague:
        return feedback.incorrect(
            "That is how many operations are vague. The question asks for a percentage of the operations."
        )
    if abs(answer - (100 - expected)) <= 0.5:
        return feedback.incorrect("That is the share known to the day. Count the other ones.")
    if abs(answer - 100 * vague / len(events)) <= 0.5:
        return feedback.incorrect(
            "You divided by every event of the timeline: the share is of the operations, so divide by the number "
            "of operations."
        )
    if abs(answer - 100 * (events["precision"] != "day").mean()) <= 0.5:
        return feedback.incorrect("That is the share for the whole timeline. Keep only the operations first.")
    return feedback.incorrect(
        "Not quite: keep the operations, then divide the number of them not known to the "
        "day by the number of operations, and multiply by 100."
    )


q5 = Question(
    name="Question 5",
    judge=judge_vague_operations,
    hints=(
        "A share in percent is 100 × part ÷ whole. Here the whole is the operations, and the part is the "
        "operations whose `precision` is not 'day'.",
        "Section 4 of the lesson, “Filtering and counting”, keeps only the operations; section 1, “What the "
        "article says about time”, reads the `precision` column.",
        'Start with `operations = events[events["category"] == "operation"]`, then count the rows of '
        '`operations` whose precision is not "day".',
    ),
    answer_name="share_vague",
)

# ---- Question 6: what can a count of events show? -------------------------------------------
# A person scores the explanation with this rubric (course/grading/review.py); the check only looks at the form.
COUNT_RUBRIC = Rubric(
    levels=(("Strong", 1), ("Partly", 0.5), ("Needs work", 0)),
    criteria=(
        (
            "What the count measures",
            (
                "explains what the timeline's rows are (events of several kinds: operations, policy, research) and "
                "how they were chosen (by this course, from the sources it read), and from that what a per-year "
                "count can measure",
                "names one of these two limits (the kinds of event mixed in the count, or who chose the rows) "
                "without saying what the count can then measure",
                "treats the count as the number of actions",
            ),
        ),
        (
            "What would settle it",
            (
                "names a record that would settle it and what it would still not show",
                "names a better source vaguely, or a record that would settle it without what it would still not show",
                "no way to settle it",
            ),
        ),
    ),
)

q6 = Question(
    name="Question 6",
    judge=judge_reasoning,
    hints=(
        "Look at what the rows of 2018 and 2019 are, in the table shown just above your answer cell: are they all "
        "actions against the outlets?",
        "Who decided which events went into the timeline, and would the same search find as many events for "
        "every year?",
    ),
    answer_name="count_claim",
    points=COUNT_RUBRIC.max_points,  # 2: a person scores it with the rubric
    rubric=COUNT_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]
