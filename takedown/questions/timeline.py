"""Exercise 04 – A timeline of disruption: filtering, counting and placing dated events."""

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


# ---- Question 1: events by category --------------------------------------------------------


def judge_by_category(answer):
    if isinstance(answer, (str, bytes, pd.DataFrame)) or not hasattr(answer, "items"):
        return feedback.wrong_kind(
            "I expected counts by category: a pandas Series (or a dictionary) with one number per category, "
            f"but got {kind_of(answer)}."
        )
    if isinstance(answer, pd.Series) and len(answer) and all(isinstance(value, str) for value in answer):
        # A column of texts, not counts: most often events["category"] itself.
        is_category = {value.strip().lower() for value in answer} <= set(_events()["category"].str.lower())
        if is_category or not all(isinstance(label, str) for label in answer.index):
            what = (
                "the `category` column itself, one entry per event"
                if is_category
                else "a column of text, one entry per row"
            )
            return feedback.wrong_kind(
                f"I expected counts by category, but got {what}. Count how often each category occurs: lesson "
                "04, section 2, counted each value of the `precision` column – do the same with the `category` "
                "column."
            )
    given = {}
    for category, count in answer.items():
        number = as_whole_number(count)
        if not isinstance(category, str) or number is None:
            return feedback.wrong_kind(
                "I expected each category name (text) with a whole number of events, "
                f"but one entry is {kind_of(category)} with {kind_of(count)}."
            )
        given[category.strip().lower()] = number
    expected = _events()["category"].value_counts().to_dict()
    strangers = sorted(set(given) - set(expected))
    if strangers:
        return feedback.incorrect(f"{strangers[0]!r} is not a category of the timeline. Look at the `category` column.")
    missing = sorted(set(expected) - set(given))
    if missing:
        return feedback.incorrect(f"Your counts have no entry for the category {missing[0]!r}.")
    wrong = [category for category in sorted(expected) if given[category] != expected[category]]
    if wrong:
        return feedback.incorrect(f"The count for {wrong[0]!r} is not right. Count every row of the table.")
    return feedback.correct(f"Yes: the number of events in each of the {len(expected)} categories.")


q1 = Question(
    name="Question 1",
    judge=judge_by_category,
    hints=(
        "Each row of `events` has a `category`. pandas can count how often each value occurs in a column.",
        "Lesson 04 counts the values of the `precision` column in section 2: do the same with another column.",
        "A partial line: `by_category = events[...]....` – pick the column, then add the method that section 2 "
        "used to count each value.",
    ),
    answer_name="by_category",
)


# ---- Question 2: events between two dates --------------------------------------------------


def events_between(start, end):
    events = _events()
    return events[(events["date"] >= start) & (events["date"] <= end)]


def judge_count_2018_2019(answer):
    if isinstance(answer, pd.DataFrame):
        return feedback.wrong_kind(
            "I expected a whole number, but got a table (DataFrame). Count its rows with len(...)."
        )
    start, end = pd.Timestamp("2018-01-01"), pd.Timestamp("2019-12-31")
    expected = len(events_between(start, end))
    events = _events()
    return judge_whole_number(
        answer,
        expected,
        "events fall in 2018 and 2019",
        mistakes=[
            (
                (events["date"].dt.year == 2018).sum(),
                "That is the count for 2018 alone: the question asks for 2018 and 2019 together.",
            ),
            (
                (events["date"].dt.year == 2019).sum(),
                "That is the count for 2019 alone: the question asks for 2018 and 2019 together.",
            ),
            (
                (events["date"] >= start).sum(),
                "That is every event from 1 January 2018 on: the second condition, on "
                "or before 31 December 2019, is missing.",
            ),
            (
                (events["date"] <= end).sum(),
                "That is every event up to 31 December 2019: the first condition, on or "
                "after 1 January 2018, is missing.",
            ),
            (len(events), "That is the whole timeline: keep only the rows that meet both conditions."),
            (
                len(events_between(start + pd.Timedelta(days=1), end - pd.Timedelta(days=1))),
                "Your count leaves out an event dated on one of the two ends: use >= for the first date and <= for "
                "the last.",
            ),
        ],
        otherwise="Keep the rows whose date is on or after 1 January 2018 and on or before 31 December 2019 "
        "(two conditions joined by &), then count the rows that are left with len(...).",
    )


q2 = Question(
    name="Question 2",
    judge=judge_count_2018_2019,
    hints=(
        "Keep the rows whose `date` is on or after 1 January 2018 and on or before 31 December 2019, then count them.",
        "Section 4 of the lesson keeps the events of 2016 and 2017 with two conditions joined by &.",
        'Start with `events[(events["date"] >= "2018-01-01") & ...]`; len(...) counts the rows that are left.',
    ),
    answer_name="count_2018_2019",
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
        "lesson does it for the April 2018 action and its announcement.",
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
        return feedback.incorrect("That is the number of events before it. Which place does the new event itself take?")
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
        "Section 4 of the lesson keeps only the operations; section 2 looks at the `precision` column.",
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
                "says the timeline holds the events the course chose from the sources it "
                "read (outlets, operations, laws, reports mixed), dated with different "
                "precision, so a count per year measures what was recorded here, not how "
                "often disruption happened",
                "names one of these limits",
                "treats the count as the number of actions",
            ),
        ),
        (
            "What would settle it",
            (
                "names a record kept the same way every year of the kind of action meant (for "
                "example Europol's referral action days), or says that even that counts activity, "
                "not effect",
                "names a better source, vaguely",
                "no way to settle it",
            ),
        ),
    ),
)

q6 = Question(
    name="Question 6",
    judge=judge_reasoning,
    hints=(
        "Look at what the rows of 2018 and 2019 are: are they all actions against the outlets?",
        "Who decided which events went into the timeline, and would the same search find as many events for "
        "every year?",
    ),
    answer_name="count_claim",
    points=COUNT_RUBRIC.max_points,  # 2: a person scores it with the rubric
    rubric=COUNT_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]
