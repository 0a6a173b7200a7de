"""Lesson 04 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_04
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them. Check 3 has the student complete a line (a filter); Checks 5 and 6 have them
write a whole line (the days between two dates, then a date made from text minus another); Checks 2 and 4 are predictions and Check 9 a lateral-reading task, recorded and never marked.
"""

import pandas as pd

from takedown import data, feedback
from takedown.questions import Question, as_whole_number, multiple_choice, not_a_number
from takedown.questions.activities import FadedExample, LateralReading, Prediction, is_blank


class CountToComplete(FadedExample):
    """A faded example whose line gives a whole number: NaN, text or a number typed with commas get the
    course's usual messages for numbers."""

    def _judge_value(self, answer):
        if not is_blank(answer) and as_whole_number(answer) is None:
            return not_a_number(answer, "a whole number, like 12", empty="the event's id or the category")
        return super()._judge_value(answer)


def _dates():
    return data.events().set_index("id")["date"]


# After the precision counts, before the lesson explains what a vague date stands for.
c1 = Question(
    name="Check 1",
    judge=multiple_choice(
        "a",
        {
            "a": "Yes: the precision is 'year', so the date stands for the whole of 2014. Any day of the "
            "year fits what the source says.",
            "b": "No: re-examine the row's `precision`. What does 'year' say about how exactly the day is known?",
            "c": "No: the `date` column holds when the event happened, not when a source was published. "
            "The `source` column says where the date comes from.",
        },
    ),
    hints=(
        "Look at the `precision` of the first row before you read its `date`.",
        "`precision` says how exactly a date is known: to the day, the month or the year. What does 'year' "
        "leave unknown?",
        "Cross out c: the `date` column says when the event happened, not when a source appeared. "
        "Then weigh a and b against the row's `precision`.",
    ),
    solution_code='answer = "a"',
)

# A prediction before the timeline chart: recorded, then explained after the chart.
c2 = Prediction(
    name="Check 2",
    answer_name="vague_kind",
    choices={"a": "operations against the outlets", "b": "policy steps", "c": "research"},
    observed="every research marker is open, with a bar (dated by publication, to the month or the year)",
    hints=(
        "There is no wrong prediction: think about how each kind of event is dated, by a press release, "
        "by a law, by a publication.",
    ),
    solution_code='vague_kind = "c"   # any of the three letters is recorded: a prediction is not marked',
)

# One idiom: keep the rows where a column equals a value, then count them.
c3 = CountToComplete(
    name="Check 3",
    expected=lambda: int((data.events()["category"] == "research").sum()),
    solution_code='research = events[events["category"] == "research"]\nresearch_count = len(research)',
    answer_name="research_count",
    mistakes=(
        (
            lambda value: value == len(data.events()),
            "That counts every event: the filter kept all the rows. Is the category's name between quotation marks?",
        ),
        (
            lambda value: value == 0,
            "No row was kept: check the spelling of the category, in lower case, as in the `category` column.",
        ),
        (
            lambda value: value == int((data.events()["category"] == "operation").sum()),
            "That is the number of operations, as in the worked example: change the category.",
        ),
    ),
    otherwise="Re-examine the category you wrote: it should be the kind of event for studies, as written in "
    "the `category` column.",
    right="Yes: three studies. A filter keeps the rows where the mask is True; `len` counts them.",
    from_the_line="the two lines that keep the studies and count them, with the category in place of the ___",
    hints=(
        "Copy the worked example's filter and change only the category.",
        "The categories are written in lower case: outlet, operation, institution, policy, research.",
        'A partial answer: `events[events["category"] == "..."]`.',
    ),
)

# Before the filter with two conditions joined by &: a prediction, recorded.
c4 = Prediction(
    name="Check 4",
    answer_name="prediction",
    choices={
        "a": "the events of 2016 and 2017 only",
        "b": "every event from 2016 onwards",
        "c": "every event: each one is either after 1 January 2016 or before 31 December 2017",
    },
    observed="a: & keeps a row only when both conditions are True",
    hints=("There is no wrong prediction: & means 'and'. Try one row by hand, 21 November 2019, then decide.",),
    solution_code='prediction = "a"   # any of the three letters is recorded: a prediction is not marked',
)


# One idiom: the days between two dates.
# One idiom: a date written as text, made a date with pd.to_datetime.
def _days_to(end, event="telegram_action_day_2018"):
    return int((pd.Timestamp(end) - _dates()[event]).days)


class WholeLineGap(CountToComplete):
    """Check 6: the student writes the whole line, a date made with pd.to_datetime minus the action day's date,
    then .days. A date or a length of time (the line not finished) is told what is missing, in plain words."""

    def _judge_value(self, answer):
        if isinstance(answer, pd.Timedelta):
            return feedback.wrong_kind(
                "I expected a number of days, but your line gives a length of time (pandas writes it like "
                "'159 days'): add `.days` after the closing round bracket of the subtraction."
            )
        if isinstance(answer, pd.Timestamp):
            return feedback.wrong_kind(
                "I expected a number of days, but your line gives a date: subtract the earlier date from it, in "
                "round brackets, then add `.days`."
            )
        return super()._judge_value(answer)


# Check 5: the days between two events known to the day, a whole line in the shape of the worked example.
def _gap(later, earlier):
    return int((_dates()[later] - _dates()[earlier]).days)


c5 = WholeLineGap(
    name="Check 5",
    expected=lambda: _gap("telegram_action_day_2018", "operation_announced"),
    solution_code='gap = (dates["telegram_action_day_2018"] - dates["operation_announced"]).days',
    answer_name="gap",
    mistakes=(
        (
            lambda value: value == -_gap("telegram_action_day_2018", "operation_announced"),
            "A negative gap: your line subtracts the later date from the earlier one. Write the later date first "
            "(the Telegram action day), then minus the earlier one.",
        ),
        (
            lambda value: value == _gap("telegram_action_day_2018", "takedown_action_begins"),
            "That counts from the start of the April action (`takedown_action_begins`); the gap asked for starts "
            "at Europol's announcement, `operation_announced`.",
        ),
        (
            lambda value: value == _gap("operation_announced", "takedown_action_begins"),
            "That is the worked example's gap: your line needs the Telegram action day's id instead of "
            "`takedown_action_begins`, and the announcement as the earlier date.",
        ),
    ),
    otherwise="Re-examine your line, part by part: the later date (`telegram_action_day_2018`), minus the earlier "
    'one (`operation_announced`), each as `dates["id"]`, in round brackets, then `.days`.',
    right="Yes: 159 days from Europol's announcement to the Telegram action day. Both dates are known to the day, "
    "so the number is exact.",
    from_the_line='the line that subtracts one date from the other, `(dates["later id"] - dates["earlier id"]).days`',
    hints=(
        "Copy the shape of the worked example: `(dates[later] - dates[earlier]).days`.",
        "Each id goes between quotation marks inside `dates[...]`: the later event first.",
        'A partial answer: `gap = (dates["telegram_action_day_2018"] - ...).days`.',
    ),
)


c6 = WholeLineGap(
    name="Check 6",
    expected=lambda: _days_to("2021-01-31"),
    solution_code='longest = (pd.to_datetime("2021-01-31") - dates["telegram_action_day_2018"]).days',
    answer_name="longest",
    mistakes=(
        (
            lambda value: value == _days_to("2021-01-01"),
            "That is the gap to the stored date, 1 January 2021. The report may date from any day of January: "
            "write the last one.",
        ),
        (
            lambda value: value == -_days_to("2021-01-31") or value == -_days_to("2021-01-01"),
            "Your line gives a negative number of days: it subtracts the later date from the earlier one. Put "
            "the report's date first, then minus the action day's date.",
        ),
        (
            lambda value: value == _days_to("2021-01-30"),
            "That is the gap to 30 January: January has 31 days. Write its last day.",
        ),
        (
            lambda value: value == _days_to("2021-02-01"),
            "That is the gap to 1 February, the day after January ends: write the last day of January itself.",
        ),
        (
            lambda value: value == _days_to("2021-12-31"),
            "That is the gap to the last day of 2021: the report is dated to the month, January 2021, not to the "
            "year. Write the last day of January.",
        ),
        (
            lambda value: (
                value
                in (_days_to("2021-01-31", "takedown_action_begins"), _days_to("2021-01-31", "operation_announced"))
            ),
            "Your line counts from the April 2018 operation. The report is about the Telegram action day of "
            'October 2018: subtract `dates["telegram_action_day_2018"]`.',
        ),
        (
            lambda value: value == _days_to("2021-01-31", "telegram_action_days_2019"),
            "Your line counts from the 2019 action days. The gap asked for starts at the Telegram action day of "
            'October 2018: subtract `dates["telegram_action_day_2018"]`.',
        ),
    ),
    otherwise="Re-examine your line, part by part: the date in `pd.to_datetime(...)` (the last day of January "
    "2021, year-month-day, in quotation marks), the date you subtract (the Telegram action day of 2018), "
    "and `.days` at the end.",
    right="Yes: at most 851 days; the stored date gives 821. The gap is a range, not one number.",
    from_the_line="the line that subtracts the action day's date from a date made with `pd.to_datetime`, then `.days`",
    hints=(
        "Copy the shape of the subtraction in section 4: `(later - earlier).days`. The later date is the "
        'report\'s, made with `pd.to_datetime("...")`; the earlier one is `dates["telegram_action_day_2018"]`.',
        'Dates are written year-month-day, like "2018-04-25", in quotation marks. January has 31 days.',
        'A partial answer: `longest = (pd.to_datetime("2021-01-...") - ...).days`.',
    ),
)


# After the interval with its uncertainty.
c7 = Question(
    name="Check 7",
    judge=multiple_choice(
        "b",
        {
            "a": "No: re-examine how exactly the report's date is known (its `precision`, and what its cover "
            "says). A date stored as the 1st of a month stands for the whole month. The number looks exact: "
            "is it?",
            "b": "Yes: the action day is known to the day and the report to the month (January 2021), so the "
            "gap is anything from 821 to 851 days, about 27 to 28 months. 'About 27 months later' is "
            "honest; '821 days' is not.",
            "c": "Not the best: it is true, but it throws away what the source tells you. Re-examine how "
            "exactly the report is dated: does its cover give only the year?",
        },
    ),
    hints=(
        "How exactly is each of the two dates known? Look at their `precision`.",
        "Section 4 worked out a gap between two dates known only to the month: the answer was a range.",
        "If the report could date from any day of January 2021, the gap could be as short as... and as long as...",
    ),
    solution_code='answer = "b"',
)

# After the sources of the adaptation thread: what would show an effect on the audience?
c8 = Question(
    name="Check 8",
    judge=multiple_choice(
        "d",
        {
            "a": "No: Europol's statement describes what the police did (activity) and is a self-report; it "
            "counts no readers or viewers of Amaq before and after.",
            "b": "No: the prosecutor says the accounts came back. That is about Amaq's activity, not about how "
            "many people saw its material.",
            "c": "No: a count of removals is a measurement, but of activity: what the platforms took down, not how "
            "many people saw Amaq's items before they went, or would have seen them without the operation.",
            "d": "Yes: only a measurement of the audience before and after, made by someone outside the "
            "operation, speaks to what people actually saw. None of the course's sources is such a study.",
        },
    ),
    hints=(
        "The question is about what people saw, not about what Amaq or the police did.",
        "Look at what each source in the list above counts: actions, accounts, items, or people?",
        "Fill in what each source counts: a) what the police did, b) Amaq's accounts coming back, "
        "c) …, d) … . Then set each against the question: who saw the material?",
    ),
    solution_code='answer = "d"',
)

# After the thread of adaptation: who pays for the research the lesson cites (lateral reading, recorded).
c9 = LateralReading(
    name="Check 9",
    answer_name="who_funds",
    task="Who funds CREST, the research centre whose report on Telegram this lesson cites? Start on CREST's own "
    "site (crestresearch.ac.uk): its “About” and “Governance” pages and the first page of its report say who "
    "commissions and pays for its work. "
    "If you can, check what you found on one other site, such as the funder's own news page. Write who funds "
    "CREST, where you found it, and what that means for how you read its report on the Telegram action days.",
    offline="No internet? Run the offline cell just below this task (delete the # at the start of its one line first): it shows what the "
    "course's stored sources record about CREST and its report.",
    hints=(
        "On CREST's site, look for “About”, “Governance” or “Funding”; in the report, look at the first pages, "
        "before the summary.",
        "Say where you found each thing (the page or the organisation), then say what it changes, and what it does "
        "not change, for reading the report.",
    ),
)


QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9]
