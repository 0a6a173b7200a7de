"""Exercise 07 – Policy and framing: counting words, reading quotes, and the one-hour rule."""
import datetime

import pandas as pd

from takedown import data, feedback, framing
from takedown.questions import Question, as_whole_number, judge_whole_number, kind_of

ORDER_RECEIVED = pd.Timestamp("2022-06-07 23:30")   # the day Regulation (EU) 2021/784 began to apply


# ---- Question 1: how often does a word occur? ----------------------------------------------

def judge_propaganda_count(answer):
    expected = framing.words(data.article()).count("propaganda")
    return judge_whole_number(
        answer, expected, "times the clean article says “propaganda”",
        too_low="Count every occurrence, the headline included: framing.words(clean) gives every word.",
        too_high="Did you count the raw scrape? It repeats the headline. Use the clean article.")


q1 = Question(
    name="Question 1",
    judge=judge_propaganda_count,
    hints=(
        "Count in the clean article (not the raw scrape), every occurrence, the headline included.",
        "`framing.words(clean)` gives the article's words as a list, in lower case; lesson 07, section 8, "
        "counted one word in it with `.count(...)`.",
        "A partial line: `propaganda_count = framing.words(...).count(...)` – which text, and which word?",
    ),
    answer_name="propaganda_count",
)


# ---- Question 2: what does the stop-word list leave out? ----------------------------------

def judge_stop_word_count(answer):
    clean = data.article()
    every_word = len(framing.words(clean))
    kept = len(framing.content_words(clean))
    expected = every_word - kept
    number = as_whole_number(answer)
    if number is not None and number != expected:
        if number == every_word:
            return feedback.incorrect("That is every word of the article. Take away the words the count keeps.")
        if number == kept:
            return feedback.incorrect("That is how many words the count keeps. The question asks for the ones it leaves out.")
        if number == len(framing.STOP_WORDS):
            return feedback.incorrect("That is how many words the stop-word list has. A stop word can occur many "
                                      "times in the article: count the occurrences.")
        if number == -expected:
            return feedback.incorrect("The number is negative: take the smaller count from the larger one.")
    return judge_whole_number(
        answer, expected, "of the article's words are stop words that the count leaves out: more than a "
        "third of the text is grammar, which is why the list is needed",
        too_low="Count every occurrence of a stop word, not each stop word once: all the words minus the words "
                "the count keeps.",
        too_high="Take the words the count keeps (the sum of the `count` column) away from all the words.")


q2 = Question(
    name="Question 2",
    judge=judge_stop_word_count,
    hints=(
        "The words the count leaves out are all the words minus the words it keeps.",
        "Lesson 07, section 8: `len(framing.words(clean))` counts all the words; `framing.word_counts(clean)` "
        "is a table of the kept words with a column of how often each occurs, and `.sum()` adds a column up.",
        "A partial line: `stop_word_count = len(...) - framing.word_counts(clean)[...].sum()` – all the words "
        "first, then the column that holds how often each kept word occurs.",
    ),
    answer_name="stop_word_count",
)


# ---- Question 3: which quote was cut? ------------------------------------------------------

def surname(name):
    return name.strip().split()[-1].lower() if name.strip() else ""


def judge_cut_quote(answer):
    if not isinstance(answer, str):
        return feedback.wrong_kind(f'I expected a name as text, like "First Person", but got {kind_of(answer)}.')
    quotes = data.quotes()
    cut = quotes[quotes["quote"].str.contains("…")]
    expected = {surname(speaker) for speaker in cut["speaker"]}
    given = surname(answer)
    if given in expected:
        return feedback.correct("Yes: an ellipsis (…) in a quote shows that words were left out. "
                                "A cut quote is where checking starts.")
    if given in {surname(speaker) for speaker in quotes["speaker"]}:
        return feedback.incorrect(f"The table's quotes from {answer.strip()} have no ellipsis (…). Look again.")
    return feedback.incorrect(f"{answer.strip()!r} is not a speaker in the quote table. Look at quotes[\"speaker\"].")


q3 = Question(
    name="Question 3",
    judge=judge_cut_quote,
    hints=(
        "A writer marks words left out of a quote with an ellipsis, the character “…”. It is one character: "
        '"..." (three full stops) is not the same character, and typed into `.str.contains` it even matches every '
        'quote. To get “…”, copy it from this hint, or write "\\u2026" in Python (with the quotation marks).',
        'Lesson 07, section 4, found a speaker with `.str.contains(...)` on the `quote` column and '
        '`.item()` to take the one value out.',
        'A partial line: `cut = quotes[quotes[...].str.contains(...)]` – which column, and which character? '
        "Then take the `speaker` of the one row left.",
    ),
    answer_name="cut_quote_speaker",
)


# ---- Question 4: the one-hour rule ---------------------------------------------------------

def regulation_hours():
    instruments = data.policy_instruments().set_index("instrument")
    return int(instruments.loc["reg_2021_784", "removal_deadline_hours"])


def judge_deadline(answer):
    if isinstance(answer, str):
        return feedback.wrong_kind("I expected a date and time (a pandas Timestamp), but got text. "
                                   "Add a pd.Timedelta to the `received` Timestamp instead of writing the time.")
    if not isinstance(answer, datetime.datetime):
        return feedback.wrong_kind(f"I expected a date and time (a pandas Timestamp), but got {kind_of(answer)}.")
    given = pd.Timestamp(answer)
    hours = regulation_hours()
    expected = ORDER_RECEIVED + pd.Timedelta(hours=hours)
    if given == expected:
        return feedback.correct(f"Yes: the content must be gone by {expected:%H:%M} on {expected.day} {expected:%B %Y}.")
    if given == ORDER_RECEIVED:
        return feedback.incorrect("That is when the order arrived. Add the time the Regulation allows.")
    days_for_hours = ORDER_RECEIVED + pd.Timedelta(days=hours)
    if given == ORDER_RECEIVED + pd.Timedelta(hours=24):
        # A whole day later: 24 hours typed in, or (with a one-hour rule) pd.Timedelta(days=1).
        days = (" If you wrote pd.Timedelta(days=...), that counts days, not hours: write hours=... instead."
                if given == days_for_hours else "")
        return feedback.incorrect("That is 24 hours after the order arrived. Look up how many hours the Regulation "
                                  "allows in `removal_deadline_hours` (row reg_2021_784 of `instruments`) and add "
                                  f"that many with pd.Timedelta(hours=...).{days}")
    if given == days_for_hours:
        return feedback.incorrect("You added days, not hours: use pd.Timedelta(hours=...).")
    start = given - pd.Timedelta(hours=hours)   # where the student started, if the hours they added were right
    if start != ORDER_RECEIVED and _misread_received(start):
        message = ("You seem to have added the right hours, but not to the time the order arrived: it arrived at "
                   "the time the question gives, so check your `received` Timestamp.")
        if _day_and_month_swapped(start):
            message += (f' Your date has the day and the month swapped: pandas reads "{ORDER_RECEIVED:%d/%m/%Y}" '
                        "month first. Write the date year-month-day, then the time, like "
                        'pd.Timestamp("2022-01-31 09:15").')
        return feedback.incorrect(message)
    return feedback.incorrect("That is not the deadline. Look up `removal_deadline_hours` for reg_2021_784 "
                              "and add that many hours to `received`.")


def _day_and_month_swapped(start):
    """True when `start` is the order's date with its day and month swapped (7 June read as 6 July)."""
    received = ORDER_RECEIVED
    return (received.day != received.month and received.day <= 12 and start.year == received.year
            and start.month == received.day and start.day == received.month)


def _misread_received(start):
    """True when `start` looks like the order's time typed wrong: the right date at another time (a 12-hour
    clock, no time at all), the right time on another date, or the day and the month swapped."""
    received = ORDER_RECEIVED
    return (start.date() == received.date() or start.time() == received.time()
            or _day_and_month_swapped(start))


q4 = Question(
    name="Question 4",
    judge=judge_deadline,
    hints=(
        "The deadline is the time the order arrived plus the hours the Regulation allows.",
        'The hours are in the column `removal_deadline_hours`, row "reg_2021_784" of `instruments`; '
        "lesson 07, section 3, added hours to a Timestamp with `pd.Timedelta(hours=...)`.",
        "deadline = received + pd.Timedelta(hours=...)",
    ),
    answer_name="deadline",
)


# ---- Question 5: from the first one-hour rule to binding law (a join) ----------------------

def days_to_binding():
    events, instruments = data.events(), data.policy_instruments()
    steps = events.merge(instruments, on="instrument")
    first_rule = steps.loc[steps["removal_deadline_hours"].fillna(0) == 1, "date"].min()
    applies = events.set_index("id").loc["reg_2021_784_applies", "date"]
    return int((applies - first_rule).days)


def judge_days_to_binding(answer):
    if isinstance(answer, (datetime.timedelta, pd.Timedelta)):
        return feedback.wrong_kind(
            "I expected a whole number of days, but got a time span (Timedelta). Add .days to turn it into a number.")
    expected = days_to_binding()
    number = as_whole_number(answer)
    if number is not None and number == -expected:
        return feedback.incorrect("The number is negative: subtract the earlier date from the later one.")
    return judge_whole_number(
        answer, expected, "days passed between the first one-hour rule and binding one-hour removal orders",
        too_low="Start from the earliest step of a text with a one-hour deadline, and end on the day the "
                "Regulation began to apply (not the day it was adopted).",
        too_high="Start from the earliest text with a one-hour deadline, not from the 2017 Communication, "
                 "which set none.")


q5 = Question(
    name="Question 5",
    judge=judge_days_to_binding,
    hints=(
        "Days between two dates: the later date minus the earlier one, then `.days`.",
        'The start is the earliest step of a text whose `removal_deadline_hours` is 1: join `events` and '
        '`instruments` as in lesson 07, section 3, and take the smallest of those dates (`.min()` gives a '
        "column's smallest value, as `.mean()` gives its average). The end is the event with id "
        '"reg_2021_784_applies".',
        'A partial line, after `steps = events.merge(instruments, on="instrument")`: '
        '`first_rule = steps.loc[steps[...] == 1, ...].min()` – the column of hours, then the column of dates. '
        "The end must be one date too, not a column of one row (a column has no `.days`): "
        '`events.set_index("id").loc["reg_2021_784_applies", "date"]` gives one date, and so does `.item()` '
        "added to a selection of one row.",
    ),
    answer_name="days_to_binding",
)

QUESTIONS = [q1, q2, q3, q4, q5]
