"""Lesson 04 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_04
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them.
"""
from takedown.questions import Question, multiple_choice

# After the precision counts, before the lesson explains what a vague date stands for.
c1 = Question(
    name="Check 1",
    judge=multiple_choice("b", {
        "a": "No: the table stores a date known only to the year as 1 January of that year; nobody "
             "said Amaq was noticed on that day. The `precision` column warns you.",
        "b": "Yes: the precision is 'year', so the date stands for the whole of 2014. Any day of the "
             "year fits what the source says.",
        "c": "No: the `date` column holds when the event happened, not when a source was published. "
             "The `source` column says where the date comes from.",
    }),
    hints=("Look at the `precision` of the first row before you read its `date`.",
           "The text above the table says how a date known only to the year is stored.",
           "Cross out c: the `date` column says when the event happened, not when a source appeared. "
           "Then weigh a and b against the row's `precision`."),
    solution_code='answer = "b"',
)

# A prediction before the timeline chart.
c2 = Question(
    name="Check 2",
    judge=multiple_choice("c", {
        "a": "No: operations such as the April 2018 action and the Telegram action days are dated to the "
             "day in Europol's own releases. Only the older strikes against Amaq (2016, 2017) and the "
             "2024 takedown are known to the month.",
        "b": "No: an EU law or a Commission document carries the exact day it was adopted or published, "
             "so every policy step is known to the day.",
        "c": "Yes: studies are dated by their publication, which the course knows only to the month or "
             "the year; in the chart every research marker is open with a bar.",
    }),
    hints=("Think about how each kind of event is dated: by a press release, by a law, by a publication.",
           "Look at the `precision` and `category` columns of the table in section 2.",
           "Cross out policy steps: a law or a Commission document carries the day it was adopted. For the "
           "other two kinds, check the table: is every date vague, or only some?"),
    solution_code='answer = "c"',
)

# Before the filter with two conditions joined by &.
c3 = Question(
    name="Check 3",
    judge=multiple_choice("a", {
        "a": "Yes: & keeps a row only when both conditions are True: on or after 1 January 2016 and on or "
             "before 31 December 2017.",
        "b": "No: a row from 2019 is after 1 January 2016 but not before the end of 2017, so one of the two "
             "conditions is False and & drops it.",
        "c": "No: that is what | ('or') would do: keep a row when at least one condition is True. With &, "
             "both must be True.",
    }),
    hints=("& means 'and': a row is kept only if it passes both tests.",
           "Try one row by hand: 21 November 2019. Is it >= 2016-01-01? Is it <= 2017-12-31?",
           "Try a second row the same way: 2015-03-01. Then ask of each option: would it keep the 2019 row? "
           "The 2015 row?"),
    solution_code='prediction = "a"',
)


# After the interval with its uncertainty.
c4 = Question(
    name="Check 4",
    judge=multiple_choice("c", {
        "a": "No: 821 is what the stored dates give, but the report's date is stored as 1 January 2021 "
             "only because its day is unknown: its cover says January 2021. The gap is anything from 821 "
             "to 851 days. The number looks exact and is not.",
        "b": "Not the best: it is true, but it throws away what the source tells you. The report is dated "
             "to the month (its cover says January 2021), not only to the year, so the gap is 821 to 851 "
             "days: about 27 months.",
        "c": "Yes: the action day is known to the day and the report to the month (January 2021), so the "
             "gap is anything from 821 to 851 days, about 27 to 28 months. 'About 27 months later' is "
             "honest; '821 days' is not.",
    }),
    hints=("How exactly is each of the two dates known? Look at their `precision`.",
           "Section 4 worked out a gap between two dates known only to the month: the answer was a range.",
           "If the report could date from any day of January 2021, the gap could be as short as... and as "
           "long as..."),
    solution_code='answer = "c"',
)

# After the sources of the adaptation thread: which source would settle the question?
c5 = Question(
    name="Check 5",
    judge=multiple_choice("c", {
        "a": "No: Europol's statement describes what the police did (activity) and is a self-report; it "
             "counts no readers or viewers of Amaq before and after.",
        "b": "No: the prosecutor says the accounts came back. That is about Amaq's activity, not about how "
             "many people saw its material.",
        "c": "Yes: only a measurement of the audience before and after, made by someone outside the "
             "operation, speaks to what people actually saw. None of the course's sources is such a study.",
        "d": "No: a dozen items published within a day shows that Amaq kept working (activity); it does "
             "not say how many people saw them.",
    }),
    hints=("The question is about what people saw, not about what Amaq or the police did.",
           "Look at what each source in the list above counts: actions, accounts, items, or people?",
           "Fill in what each source counts: a) what the police did, b) Amaq's accounts coming back, "
           "c) …, d) … . Then set each against the question."),
    solution_code='answer = "c"',
)

QUESTIONS = [c1, c2, c3, c4, c5]
