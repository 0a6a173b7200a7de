"""Lesson 05 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_05
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them. Checks 3, 4 and 5 have the student write the arithmetic of running
totals (a line to complete, a line of their own, a line to complete), and check 9, in the lesson's second
sitting, has them change the worked `px.bar` example to draw another row; checks 2 and 7 are predictions,
recorded with `.record(...)` and never marked; after the reveal `.explain(...)` keeps what surprised the student.
"""

from takedown import data, feedback
from takedown.measures import half_years, running_totals
from takedown.questions import (
    Question,
    as_number,
    as_whole_number,
    judge_whole_number,
    kind_of,
    multiple_choice,
    not_a_number,
)
from takedown.questions.activities import Prediction, is_blank

# Two copies of one figure disagree: the student writes the figure the table keeps (a constructed answer).
c1 = Question(
    name="Check 1",
    judge=lambda answer: judge_whole_number(
        answer,
        166513,
        "accounts: Twitter counted its suspensions, so its own blog is the primary source. Keep its figure and "
        "note the other copy, so a reader who meets 166,153 knows why the numbers differ",
        mistakes=(
            (
                166153,
                "That is the aggregator's copy. Most readers meeting a copy does not make it right: copies "
                "repeat, and here add, errors. Who counted the suspensions?",
            ),
            (
                166333,
                "That is the average of the two copies, a number nobody published. When one copy is the "
                "counter's own, averaging mixes it with a copying error.",
            ),
            (
                0,
                "Dropping the row loses a good figure because a copy of it is wrong. The counter's own "
                "publication settles it.",
            ),
        ),
        otherwise="Keep one of the two published figures: the one read in the counter's own publication.",
    ),
    hints=(
        "Two copies of one number disagree. Who counted the suspensions in the first place?",
        "Open the two pages linked above the check: which one is the counter's own, and which figure does it print?",
        "keep = ... with that publication's figure, written without commas or quotation marks.",
    ),
    solution_code="keep = 166513",
)

# A prediction before the reporter adds up the whole column: recorded, then explained after the chart.
c2 = Prediction(
    name="Check 2",
    answer_name="sum_guess",
    choices={
        "a": "about right: every row is a published figure",
        "b": "higher than the real total",
        "c": "lower than the real total",
    },
    # What the data shows, without the real total: exercise 05 asks for it.
    observed=lambda: (
        f"the column adds up to {sum(running_totals().values()) + sum(half_years().values()):,}, "
        "and the chart shows the running totals counting the same months two or three times"
    ),
    hints=(
        "There is no wrong prediction: write down what you expect, before you look, then read on.",
        "Read the `type` column: what does a cumulative figure count?",
    ),
)


def judge_number_line(answer, expected, meanings, otherwise, right):
    """A line's number: right, or told what the wrong number most likely is (never which way to go).

    `meanings` pairs a function number -> True/False with what such a number means."""
    if is_blank(answer):
        return feedback.not_attempted("Replace the ___ in the line with your part, then run the cell again.")
    number = as_number(answer)
    if number is None:
        return not_a_number(answer, "a number, like 12")
    if abs(number - expected) < 0.5:
        return feedback.correct(right)
    for means, message in meanings:
        if means(number):
            return feedback.incorrect(message)
    return feedback.incorrect(otherwise)


def judge_second_half_2017(answer):
    totals = running_totals()
    return judge_number_line(
        answer,
        totals["2017-12-31"] - totals["2017-06-30"],
        [
            (
                lambda n: n == totals["2017-12-31"] - totals["2016-12-31"],
                "That takes away the running total to December 2016, so what is left is the whole of 2017. Which "
                "running total ends where July–December 2017 begins?",
            ),
            (lambda n: n == 0, "You took a running total away from itself: the two dates must be different."),
            (
                lambda n: n < 0,
                "Your line takes the later running total away from an earlier one: keep the total to "
                "December 2017 first and change only the date in the blank.",
            ),
        ],
        "Re-examine the date you filled in: I expected one of the running totals' labels, the one that ends "
        "just before July 2017.",
        "Yes: the months between the two running totals are July to December 2017, and your line gives the "
        "published half-year to the last account.",
    )


# The first line to complete: a period from two running totals (the blank is the earlier total's date).
c3 = Question(
    name="Check 3",
    judge=judge_second_half_2017,
    solution_code='second_half_2017 = running_totals["2017-12-31"] - running_totals["2017-06-30"]',
    hints=(
        "The difference of two running totals is the figure for the months between them.",
        "The labels of the running totals are the days they run to: the table `running_totals` above shows them.",
        "Which running total stops on the last day before July 2017?",
    ),
)


def judge_accounts_in_2017(answer):
    """The whole of 2017 from two running totals; a wrong number is told what it most likely is."""
    if is_blank(answer):
        return feedback.not_attempted("Replace the ... with your line, then run the cell again.")
    number = as_whole_number(answer)
    if number is None:
        return not_a_number(answer, "a whole number, like 12")
    totals, halves = running_totals(), half_years()
    expected = totals["2017-12-31"] - totals["2016-12-31"]
    if number == expected:
        return feedback.correct(
            f"Yes: {number:,} accounts were suspended in 2017, the running total to December "
            "2017 minus the one to December 2016 (and the two half-years of 2017 add up to the "
            "same)."
        )
    meanings = {
        -expected: "Your line takes the later running total away from the earlier one: write the running total "
        "to December 2017 first, then the minus sign.",
        totals["2017-12-31"]: "That is the running total itself: it counts every suspension since August 2015, "
        "not those of 2017 alone. Take away what came before 2017.",
        halves["2017-07-01"]: "That is July–December 2017 only: the year 2017 starts after the running total "
        "to December 2016.",
        halves["2017-01-01"]: "That is January–June 2017 only: which running total ends where 2017 begins, "
        "and which ends where it ends?",
        totals["2017-12-31"] + totals["2016-12-31"]: "Your line adds the two running totals: the months between "
        "them come from a subtraction.",
    }
    return feedback.incorrect(
        meanings.get(
            number,
            "Re-examine the two dates in your line: the year 2017 lies "
            "between the running total to its last day and the one to the "
            "last day of 2016.",
        )
    )


# The line the student writes alone, after the worked example and the line to complete.
c4 = Question(
    name="Check 4",
    judge=judge_accounts_in_2017,
    hints=(
        "The difference of two running totals is the figure for the months between them.",
        "The year 2017 lies between the running total to 31 December 2016 and the one to 31 December 2017.",
        "Copy the line of check 3 and change one date.",
    ),
    solution_code='accounts_2017 = running_totals["2017-12-31"] - running_totals["2016-12-31"]',
)


def judge_per_month_2017(answer):
    year = running_totals()["2017-12-31"] - running_totals()["2016-12-31"]
    return judge_number_line(
        answer,
        year / 12,
        [
            (
                lambda n: abs(n - year / 29) < 1,
                "29 is the number of months of the running total since August 2015: "
                "your figure counts only the months of 2017.",
            ),
            (lambda n: abs(n - year / 6) < 1, "6 is the months of a half-year: `accounts_2017` counts a whole year."),
            (lambda n: abs(n - year) < 1, "That is the whole year's count: divide it by the months it covers."),
        ],
        "Re-examine the number you divide by: I expected the number of months in the year 2017. (If check 4 is "
        "not right yet, `accounts_2017` is not right either: fix it first.)",
        "Yes: about 47,842 accounts a month in 2017, fewer than the 62,815 a month of July–December 2016 and "
        "more than the 37,426 a month averaged from August 2015 to December 2016.",
    )


# From a year to a month: the second line to complete.
c5 = Question(
    name="Check 5",
    judge=judge_per_month_2017,
    answer_name="per_month_2017",
    solution_code='accounts_2017 = running_totals["2017-12-31"] - running_totals["2016-12-31"]\n'
    "per_month_2017 = accounts_2017 / 12",
    hints=(
        "An average per month is a count divided by the number of months it covers.",
        "`accounts_2017` counts the suspensions of one whole year.",
    ),
)

# A prediction before the paragraph on what research cannot see (survivorship).
c7 = Prediction(
    name="Check 7",
    answer_name="share_guess",
    choices={"a": "higher than 63%", "b": "lower than 63%", "c": "the same: the study measured it"},
    observed="the authors estimate that probably over 90% of the pro-IS accounts were lost: some were suspended "
    "before the researchers could find them",
    hints=(
        "There is no wrong prediction: write down what you expect, before you look, then read on.",
        "To be counted, an account had to be found by the researchers first.",
    ),
)

# Reading a lower bound, before the lesson explains it and before the referrals chart.
c6 = Question(
    name="Check 6",
    judge=multiple_choice(
        "a",
        {
            "a": "Yes: it keeps the lower bound and says whose figure it is. The UK Home Office gave it to "
            "Parliament; nobody outside audited it.",
            "b": "No: the source says more than 30,000. Writing 30,000 turns a lower bound into an exact figure "
            "nobody published.",
            "c": "No: 'more than' sets a floor, not a ceiling. The true number could be 30,001 or 39,000; the "
            "source does not say how far above 30,000 it was.",
        },
    ),
    hints=(
        "Look at the `qualifier` of the July 2017 row.",
        "The sign '>' means 'more than': what does it tell you about the true number, and what does it leave open?",
        "Cross out the sentence that drops the 'more than'. Then check the two left against the row: does "
        "either say something the source does not?",
    ),
    solution_code='answer = "a"',
)

# Reading the CREST table, before its chart.
c8 = Question(
    name="Check 8",
    judge=multiple_choice(
        "d",
        {
            "a": "No: more channels were opened after 2019, but each was removed within about two weeks on "
            "average. Counting channels without their lifespan makes pressure look like growth.",
            "b": "No: the table counts channels created after each action day, not channels removed by it. The "
            "figures are of reaction, and they differ a great deal between the two days.",
            "c": "No: the lifespan of new channels fell from 302 days to 14. The two action days were followed "
            "by very different patterns.",
            "d": "Yes: supporters kept opening channels (105 against 12), and each lived 14 days on average "
            "against 302: sustained pressure.",
        },
    ),
    hints=(
        "Read two rows together: how many new channels, and how long each lasted.",
        "Compare `new channels created` and `average lifespan of new channels` for the two action days.",
        "Multiply each row: 12 channels × 302 days, and 105 channels × 14 days. Then check each option "
        "against both rows, not just one.",
    ),
    solution_code='answer = "d"',
)


def crest_rows(measure):
    """The CREST rows of one measure, as the lesson selects them."""
    findings = data.research_findings()
    crest = findings[findings["study"] == "CREST 2021"]
    return crest[crest["measure"] == measure]


def channel_chart(measure="new channels created", labels=True, title=True):
    """A bar chart of one CREST measure, as a student would draw it (tests and the key)."""
    import plotly.express as px

    return px.bar(
        crest_rows(measure),
        x="group",
        y="value",
        title="New jihadist Telegram channels created after two action days (CREST 2021)" if title else None,
        labels={"group": "When the channels were created", "value": "New channels created"} if labels else None,
    )


def judge_channel_chart(answer):
    """Check 9: the student's own px.bar call for the channels created: the right row, a title, labelled axes."""
    if not hasattr(answer, "data") or not hasattr(answer, "layout"):
        return feedback.wrong_kind(
            f"I expected a chart made by `px.bar(...)`, but got {kind_of(answer)}. Write the whole call after "
            "`channels_chart =`."
        )
    if not answer.data:
        return feedback.incorrect("Your chart has no bars: give `px.bar` the table `new_channels` first.")
    heights = [float(value) for value in (answer.data[0].y if answer.data[0].y is not None else [])]
    wanted = [float(value) for value in crest_rows("new channels created")["value"]]
    lifespans = [float(value) for value in crest_rows("average lifespan of new channels")["value"]]
    if heights == lifespans:
        return feedback.incorrect(
            "Your bars are the lifespans, the worked example's row: give `px.bar` the table `new_channels`, "
            "the row that counts the channels created."
        )
    if heights != wanted:
        return feedback.incorrect(
            "Your bars are not the channels created: give `px.bar` the table `new_channels`, with "
            '`x="group"` and `y="value"`.'
        )
    y_title = (answer.layout.yaxis.title.text or "").strip()
    if not y_title or y_title == "value":
        return feedback.incorrect(
            'The numbers\' axis is titled "value", which tells a reader nothing: add `labels={...}` so that it '
            "says what is counted."
        )
    if "lifespan" in y_title.lower() or "days" in y_title.lower():
        return feedback.incorrect(
            "The numbers' axis still says the lifespan in days, the worked example's label: these bars count "
            "channels. Change the label of `value` to say so."
        )
    if "how long" in (answer.layout.title.text or "").lower():
        return feedback.incorrect("The title is still the worked example's: say what these bars show.")
    if not (answer.layout.title.text or "").strip():
        return feedback.incorrect('Your chart has no title: add `title="..."` saying what it shows and whose study.')
    return feedback.correct(
        "Yes: 12 new channels after October 2018, 105 after November 2019, with a title and axes that say what "
        "is counted. Set beside the lifespans: many short-lived channels, the pattern check 8 read."
    )


c9 = Question(
    name="Check 9",
    judge=judge_channel_chart,
    answer_name="channels_chart",
    solution_code=(
        'new_channels = crest[crest["measure"] == "new channels created"]\n'
        'channels_chart = px.bar(new_channels, x="group", y="value", '
        'title="New jihadist Telegram channels created after two action days (CREST 2021)", '
        'labels={"group": "When the channels were created", "value": "New channels created"})'
    ),
    hints=(
        "Copy the worked example's `px.bar(...)` call and change what it draws: the table, the title and the "
        "label of the numbers.",
        "The table to draw is `new_channels`; the numbers count channels, not days: say so in `labels`.",
        'channels_chart = px.bar(new_channels, x="group", y="value", title="...", labels={...})',
    ),
)

# "Activity or effect?", asked before section 6 sums up the four questions.
c10 = Question(
    name="Check 10",
    judge=multiple_choice(
        "c",
        {
            "a": "No: a high share does not turn a count of removals into a measure of what changed for the "
            "audience; and it is relayed by a government that takes part in the work.",
            "b": "No: the content is gone from one place, but the figure says nothing about how many people "
            "saw it before, whether it came back, or whether it moved elsewhere.",
            "c": "Yes: it counts what the unit and the companies did. It is activity, and a self-report too.",
            "d": "No: it does not measure people at all, only items referred and removed. Neither exposure nor "
            "attitudes appear in it.",
        },
    ),
    hints=(
        "Activity is what the remover did; effect is what changed for the audience or the group.",
        "Read the figure again: does it count items referred and removed, or people who saw them?",
        "Take the figure apart: who referred the content, who removed it, and does it mention anyone who saw it?",
    ),
    solution_code='answer = "c"',
)

# The claim about young people, asked before section 6 names "compared with what?".
c11 = Question(
    name="Check 11",
    judge=multiple_choice(
        "d",
        {
            "a": "No: servers seized are the operation's activity. They say what the police took, not what "
            "happened to anyone who might have seen the material.",
            "b": "No: a fall in Twitter's suspensions is activity on one platform, and it could mean less "
            "material, weaker enforcement or a move elsewhere.",
            "c": "No: a before-and-after survey sees a change, but not its cause: attitudes move for many reasons "
            "(news, events, age). Without a comparison group nobody can say what the operation changed.",
            "d": "Yes: only a study of the people the claim is about, before and after, with a group for "
            "comparison, could speak to radicalisation.",
        },
    ),
    hints=(
        "The claim is about people ('young people in Europe'), not about content.",
        "Ask of each option: is it activity or effect, and does it have anything to compare with?",
        "Try b first: a fall in suspensions could mean less material, weaker enforcement or a move "
        "elsewhere. Does any of those tell you about young people? Ask the same of the others.",
    ),
    solution_code='answer = "d"',
)


QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11]
