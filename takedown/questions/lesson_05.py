"""Lesson 05 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_05
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them.
"""
import pandas as pd

from takedown import data
from takedown.questions import Question, judge_whole_number, multiple_choice

# A prediction before the reporter adds up the whole column.
c2 = Question(
    name="Check 2",
    judge=multiple_choice("b", {
        "a": "No: the column mixes running totals and half-years. Adding them counts some suspensions "
             "more than once, so the sum cannot be about right.",
        "b": "Yes: each running total already contains the half-years before it and the running totals "
             "before it, so the same suspensions are added two or three times.",
        "c": "No: nothing is missing from the column; the problem is the opposite. Some months are "
             "counted by several rows at once.",
    }),
    hints=("Read the `type` column: what does a cumulative figure count?",
           "Take the row 'Aug 2015 – Jun 2017': which other rows count some of the same months?",
           "Add just two rows: 636,248 (Aug 2015 – Dec 2016) and 376,890 (Jul–Dec 2016). Which months are "
           "inside both numbers?"),
    solution_code='prediction = "b"',
)

# After the table of accounts per month.
c4 = Question(
    name="Check 4",
    judge=multiple_choice("a", {
        "a": "Yes: both are averages per month over their own period; the last six months of 2016 ran "
             "above the average of all 17 months since counting began.",
        "b": "No: the two figures measure different periods. An average over 17 months and the average "
             "of six of them can differ without either being wrong.",
        "c": "No: `per_month` is an average. Twitter's reports give one number per period, not one per "
             "month, so we cannot know any single month's count.",
    }),
    hints=("What does dividing by `months` turn a figure into?",
           "Compare the rows 'Aug 2015 – Dec 2016' and 'Jul–Dec 2016' in the table above.",
           "Say each in words: 37,426 is the average month of Aug 2015 – Dec 2016 (17 months); 62,815 is the "
           "average month of … . Then test each option against those two sentences."),
    solution_code='answer = "a"',
)

# Reading a lower bound, before the referrals chart.
c5 = Question(
    name="Check 5",
    judge=multiple_choice("b", {
        "a": "No: the source says more than 30,000. Writing 30,000 turns a lower bound into an exact "
             "figure nobody published.",
        "b": "Yes: it keeps the lower bound and says whose figure it is: the UK Home Office gave it to "
             "Parliament, presumably from Europol's own count of its unit's work, which nobody outside audited.",
        "c": "No: 'more than' sets a floor, not a ceiling. The true number could be 30,001 or 39,000; "
             "the source does not say how far above 30,000 it was.",
    }),
    hints=("Look at the `qualifier` of the July 2017 row.",
           "Section 4's notes say what the sign '>' means and what it does not tell us.",
           "Cross out the sentence that drops the 'more than'. Then check the two left against the row: does "
           "either say something the source does not?"),
    solution_code='answer = "b"',
)

# A prediction before the paragraph on what research cannot see (survivorship).
c6 = Question(
    name="Check 6",
    judge=multiple_choice("a", {
        "a": "Yes: some accounts were suspended so fast that the researchers never found them. They are "
             "missing from the count, so the true share is higher; the authors estimate that over 90% of "
             "the pro-IS accounts were lost.",
        "b": "No: nothing in the method adds accounts that were not suspended. What it misses are accounts "
             "removed before they could be found, and those would push the share up.",
        "c": "No: a study can only count the accounts it found. Those removed within minutes or hours never "
             "entered the sample, so the study's share and the true share differ.",
    }),
    hints=("To be counted, an account had to be found by the researchers first.",
           "Think of an account suspended an hour after it was created. Is it in the study?",
           "If the quickest removals are missing from the count, is the counted share too high or too low?"),
    solution_code='prediction = "a"',
)


# Reading the CREST table, before its chart.
c7 = Question(
    name="Check 7",
    judge=multiple_choice("b", {
        "a": "No: more channels were opened after 2019, but each was removed within about two weeks on "
             "average. Counting channels without their lifespan makes pressure look like growth.",
        "b": "Yes: supporters kept opening channels (105 against 12), and each lived 14 days on average "
             "against 302. That is what sustained pressure looks like in these numbers.",
        "c": "No: the lifespan of new channels fell from 302 days to 14. The two action days were followed "
             "by very different patterns.",
    }),
    hints=("Read two rows together: how many new channels, and how long each lasted.",
           "Compare `new channels created` and `average lifespan of new channels` for the two action days.",
           "Multiply each row: 12 channels × 302 days, and 105 channels × 14 days. Then check each option "
           "against both rows, not just one."),
    solution_code='answer = "b"',
)


# "Activity or effect?", the first of the four questions in section 6.
c8 = Question(
    name="Check 8",
    judge=multiple_choice("b", {
        "a": "No: the content is gone from one place, but the figure says nothing about how many people "
             "saw it before, whether it came back, or whether it moved elsewhere.",
        "b": "Yes: it counts what the unit and the companies did. It is activity, and a self-report too.",
        "c": "No: it is a count of removals, however high, relayed by a government that takes part in the "
             "work (the UK Home Office, presumably from Europol's own figures); a high share does not turn "
             "activity into effect.",
    }),
    hints=("Activity is what the remover did; effect is what changed for the audience or the group.",
           "Look at the table in section 6: what does the EU IRU figure count?",
           "Take the figure apart: who referred the content, who removed it, and does it mention anyone who "
           "saw it?"),
    solution_code='answer = "b"',
)

# "Compared with what?", and the claim about young people.
c9 = Question(
    name="Check 9",
    judge=multiple_choice("c", {
        "a": "No: servers seized are the operation's activity. They say what the police took, not what "
             "happened to anyone who might have seen the material.",
        "b": "No: a fall in Twitter's suspensions is activity on one platform, and it could mean less "
             "material, weaker enforcement or a move elsewhere.",
        "c": "Yes: only a study of the people the claim is about, before and after, with a group for "
             "comparison, could speak to radicalisation. Research reviews say such evidence is scarce.",
    }),
    hints=("The claim is about people ('young people in Europe'), not about content.",
           "Use the four questions of section 6: activity or effect, and compared with what?",
           "Try b first: a fall in suspensions could mean less material, weaker enforcement or a move "
           "elsewhere. Does any of those tell you about young people? Ask the same of a and c."),
    solution_code='answer = "c"',
)

# ---- Checks 1 and 3, added for pace (a check at least every 15 minutes), asked in number order ----

c1 = Question(
    name="Check 1",
    judge=multiple_choice("c", {
        "a": "No: an average of 166,153 and 166,513 is a number nobody published. When one copy is the "
             "source's own, averaging mixes it with a copying error.",
        "b": "No: how many readers meet a copy says nothing about who counted. Copies of a copy repeat its "
             "errors.",
        "c": "Yes: Twitter counted its suspensions, so its own blog is the primary source; keep its figure "
             "and note the other copy, so that a reader who meets it knows why the numbers differ.",
        "d": "No: dropping a figure because a copy is wrong loses a good number. The primary source settles "
             "it.",
    }),
    hints=(
        "Two copies of one number disagree. Who counted the suspensions in the first place?",
        "The `source_kind` column says which figures were read in the counter's own publication.",
        "keep = \"...\"   (cross out a and d first: one publishes a number nobody counted, one loses a number. "
        "Then ask of b and c: who counted the suspensions?)",
    ),
    solution_code='keep = "c"',
)


def judge_accounts_in_2017(answer):
    suspensions = data.suspensions()
    cumulative = suspensions[suspensions["type"] == "cumulative"].set_index("period_end")["accounts"]
    expected = int(cumulative[pd.Timestamp("2017-12-31")] - cumulative[pd.Timestamp("2016-12-31")])
    return judge_whole_number(
        answer, expected, "accounts were suspended in 2017: the running total to December 2017 minus the one "
        "to December 2016 (and the two half-years of 2017 add up to the same)",
        too_low="Take the running total to December 2016 away from the one to December 2017, nothing else.",
        too_high="A running total counts everything since August 2015: take away everything up to the "
                 "end of 2016.")


c3 = Question(
    name="Check 3",
    judge=judge_accounts_in_2017,
    hints=(
        "The difference of two running totals is the figure for the months between them.",
        "`accounts(\"cumulative\", end=...)` gives the running total to a date; the year 2017 lies between "
        "the totals to 31 December 2016 and to 31 December 2017.",
        "A partial line: `accounts_2017 = accounts(\"cumulative\", end=\"2017-12-31\") - accounts(...)`.",
    ),
    solution_code='accounts_2017 = accounts("cumulative", end="2017-12-31") - accounts("cumulative", end="2016-12-31")',
)


QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9]
