"""Lesson 02 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_02
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them.
"""
from takedown import data
from takedown.questions import Question, judge_whole_number, multiple_choice


def judge_nato_prediction(answer):
    expected = int(data.countries()["nato_member"].sum())
    return judge_whole_number(
        answer, expected, "of the eight were NATO members in April 2018: read on to see the sources",
        too_low="Think of the two countries in North America, and of Bulgaria and Romania (joined 2004).",
        too_high="There are only eight countries in the operation.")


c1 = Question(
    name="Check 1",
    judge=judge_nato_prediction,
    hints=(
        "A prediction is a guess you make before looking: write down a number, then read on.",
        "NATO is a military alliance of European and North American countries. Which of the eight are "
        "in Europe or North America?",
        "A partial line: `nato_prediction = ...` with a whole number from 0 to 8 in place of the dots.",
    ),
    solution_code="nato_prediction = 8",
)

c3 = Question(
    name="Check 3",
    judge=multiple_choice("b", {
        "a": "No: `x=` names the bars. The column of organisation names belongs there.",
        "b": "Yes: `y=` sets how tall each bar is, so it takes the column of numbers.",
        "c": "No: the title goes to `title=`; `y=` takes a column of the table.",
    }),
    hints=(
        "In the worked example, which column held the numbers, and which argument received it?",
        "Look at `px.bar(continents, x=\"continent\", y=\"countries\", ...)`: what does each bar's height show?",
        'goes_to_y = "..."   (a bar\'s height is a number: which of your two columns holds the numbers?)',
    ),
    solution_code='goes_to_y = "b"',
)


def judge_disagreement_count(answer):
    reports = data.seizure_reports()
    servers = reports[reports["reported"] == "servers seized"]
    counts = servers.groupby("source")["iso3"].nunique()
    return judge_whole_number(
        answer, int(counts.max() - counts.min()),
        "countries: every country in Europol's list of servers is also in the prosecutor's",
        too_low="The prosecutor's account names six countries for servers, Europol's three.",
        too_high="Some countries are named for servers by both accounts: the accounts do not differ there.")


c5 = Question(
    name="Check 5",
    judge=judge_disagreement_count,
    hints=(
        "Count the countries each account names for servers.",
        "Europol's account names three countries for servers; the prosecutor's names six. Are Europol's "
        "three among the six?",
        "A partial line: `disagree_count = 6 - ...`.",
    ),
    solution_code="disagree_count = 3",
)

c4 = Question(
    name="Check 4",
    judge=multiple_choice("b", {
        "a": "No: no source says Bulgaria denied taking part; the article names it among the eight countries.",
        "b": "Yes: the chart shows Europol's account, and the Belgian federal prosecutor's account says "
             "servers were seized there. “Accounts differ” means two primary accounts give different roles, not that one is false: they may even be reconcilable.",
        "c": "No: every account agrees Bulgaria took part. What differs is what it seized, not whether "
             "it was there.",
    }),
    hints=(
        "Read the columns `role_account`, `disputed` and `other_account` of the table above the chart.",
        "Whose account does the chart show, and what does the other account say about Bulgaria?",
        'disputed_means = "..."   (cross out a first: every source names Bulgaria among the eight. Then ask of '
        'b and c: is the difference about whether it took part, or about what it seized?)',
    ),
    solution_code='disputed_means = "b"',
)

c6 = Question(
    name="Check 6",
    judge=multiple_choice("c", {
        "a": "No: Europol's press release *is* one of the two accounts. Reading it again tells you what "
             "Europol said, not whether the Belgian prosecutor was wrong.",
        "b": "No: the news reports follow one office or the other (the Guardian follows Europol; one AFP "
             "report gives the prosecutor's list, without saying whose it is). A third report would most "
             "likely repeat one of the two voices.",
        "c": "Yes: a record of what was taken where – seizure records filed in court, or the Bulgarian, "
             "French and Romanian authorities' own statements – is evidence from the people who did the "
             "seizing, independent of both press offices.",
        "d": "No: the prosecutor's statement is the other of the two accounts. Choosing it because it led "
             "the operation would be picking a side, not settling the question.",
    }),
    hints=(
        "Two primary accounts differ. Evidence that settles it must come from outside both accounts.",
        "Section 5 names the reports that follow each voice. Ask of each option: is it one of the two voices, "
        "or a copy of one?",
        'settles_it = "..."   (the two press offices are the two voices. Of the other options, which would '
        'be independent of both?)',
    ),
    solution_code='settles_it = "c"',
)

# ---- Check 2, added for pace (a check at least every 15 minutes): a fact with a date --------------

def judge_eu_members_today(answer):
    eu = data.memberships().query("organisation == 'EU' and member_apr2018")
    expected = int((~eu["note"].str.contains("left the EU")).sum())
    return judge_whole_number(
        answer, expected, "of the eight are EU members today: six in April 2018, minus the United Kingdom, "
        "which left on 31 January 2020",
        too_low="Start from the EU members of April 2018 and take away only the country that has left since.",
        too_high="Six of the eight were in the EU in April 2018 (Canada and the US never were), and one of "
                 "those has left since: read the `note` column.")


c2 = Question(
    name="Check 2",
    judge=judge_eu_members_today,
    hints=(
        "A membership is a fact with a date: the chart shows April 2018, not today.",
        "Read the `note` column of the table above, and section 2's first paragraph.",
        "A partial sum: `eu_today = 6 - ...` – how many of the six have left since?",
    ),
    solution_code="eu_today = 5",
)


QUESTIONS = [c1, c2, c3, c4, c5, c6]
