"""Pre-assessment – what you already know, before lesson 01. Ten items on the unit's aims (assessment.py);
the post-assessment asks a parallel item on the same aim at each number, with different material. The checks
only record an answer in a notebook: right and wrong are judged at grading time, so taking it gives nothing
away."""

from takedown import data
from takedown.questions import Question
from takedown.questions.assessment import RUBRIC, choice, count, reasoning, running_total_mistakes

NO_HINT = (
    "There are no hints in the assessment: choose or write what you think. It is fine not to know yet – "
    "the course is about exactly this.",
)

# Which aim each item measures (keys of assessment.AIM_NAMES): the gains command reports per aim from it.
# Item N of the post-assessment measures the same aim at the same difficulty, with other material.
AIMS = {
    "Question 1": "activity_or_effect",
    "Question 2": "running_or_period",
    "Question 3": "whose_account",
    "Question 4": "what_it_shows",
    "Question 5": "source_standing",
    "Question 6": "date_precision",
    "Question 7": "what_a_link_means",
    "Question 8": "model_parameters",
    "Question 9": "who_publishes",
    "Question 10": "activity_or_effect",
}

# Where each item's facts come from (ids in takedown/data/sources.csv). An item in HYPOTHETICAL is a
# made-up case, labelled so in its prompt: it tests reasoning, not facts, and has no source.
SOURCES = {
    "Question 1": ("europol_iru_one_year",),
    "Question 2": ("securityweek_twitter_2017h1", "twitter_policy_2018"),
    "Question 3": ("guardian_isis_2018", "lalibre_2018"),
    "Question 4": ("conway_2017_summary",),
    "Question 5": ("twitter_blog_2019", "shortpedia_twitter_2018"),
    "Question 6": (),
    "Question 7": (),
    "Question 8": (),
    "Question 9": (),
    "Question 10": ("europol_is_referral_nov2019",),
}
HYPOTHETICAL = {"Question 6", "Question 7", "Question 8", "Question 9"}

# The options as the notebook shows them (a test checks the notebook says the same).
OPTIONS = {
    "Question 1": {
        "a": "How much of the unit's referred content stayed offline for good",
        "b": "What the platforms did with the unit's requests to remove content",
        "c": "How many fewer people were drawn to IS online because of the unit's work",
        "d": "The share of the unit's requests that the platforms judged to be mistaken",
    },
    "Question 3": {
        "a": "Servers were seized in six countries, France among them, according to several reports.",
        "b": "Europol got France wrong: the Belgian prosecutor, who led the case, says servers.",
        "c": "Only digital evidence was seized in France, as Europol's official account says.",
        "d": "In France, Europol reports digital evidence seized; the Belgian prosecutor reports servers.",
    },
    "Question 4": {
        "a": "Twitter shut most of the pro-IS accounts in that sample",
        "b": "Nearly two in three pro-IS accounts on all of Twitter were shut in 2017",
        "c": "Twitter's users probably saw about 63% less IS material in those months",
        "d": "Most of the sample's owners quit posting after a ban",
    },
    "Question 5": {
        "a": "166,153, because more web pages print it than Twitter's blog",
        "b": "Neither of them: when two sources differ, no figure can be trusted",
        "c": "166,513, because Twitter's blog is the source that counted",
        "d": "The average of the two, so as to be fair to both sources",
    },
    "Question 6": {
        "a": "Exactly 40 days: what subtracting the two stored dates gives",
        "b": "About six weeks, counting from the first day of March",
        "c": "Between 10 and 40 days: the day in March is not known",
        "d": "One month exactly, from March to April",
    },
    "Question 7": {
        "a": "A did about five times as much work on the operation as C",
        "b": "A is named beside more countries in the reports he found",
        "c": "A led the operation, and C only followed its lead",
        "d": "C took almost no part in the operation, whatever reports say",
    },
    "Question 8": {
        "a": "For this model, a measured rate of re-uploads",
        "b": "It comes from the same study as the 40 posts a day",
        "c": "It is a guess, so every result of the model is worthless",
        "d": "A what-if: try other values and watch the results",
    },
    "Question 9": {
        "a": "Search other sites for who runs it and what they say about it",
        "b": "Search Site W's own pages for who runs it",
        "c": "Check that it has a secure address and a professional design",
        "d": "Use the figure if the site gives many other exact numbers",
    },
}

q1 = Question(
    name="Question 1",
    judge=choice(
        "b",
        {
            "a": "No: it counts what the platforms removed when asked, not whether it stayed offline; copies can "
            "come back, on those platforms or elsewhere.",
            "b": "Yes: it counts what the platforms did with the requests – an activity. It says nothing of who saw "
            "the material.",
            "c": "No: nobody measured who was drawn to IS. A count of removals is activity, not effect.",
            "d": "No: content that was not removed is not the same as a mistaken request; the figure does not say why.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer1",
)


def running_totals():
    """Twitter's running totals up to 30 June and 31 December 2017 (takedown/data/suspensions.csv)."""
    table = data.suspensions()
    running = table[table["type"] == "cumulative"].set_index("period_end")["accounts"]
    return int(running["2017-06-30"]), int(running["2017-12-31"])


def half_year_2017h2():
    """Accounts suspended in July–December 2017: the growth of the running total over the half-year."""
    earlier, later = running_totals()
    return later - earlier


q2 = Question(
    name="Question 2",
    judge=count(
        half_year_2017h2,
        lambda: running_total_mistakes(
            *running_totals(), "30 June 2017", "31 December 2017 (since August 2015)", "July–December 2017"
        ),
        "Not this number: a period's figure is what the running total grew by during it. Re-read the dates "
        "of the two rows.",
    ),
    hints=NO_HINT,
    answer_name="answer2",
)

q3 = Question(
    name="Question 3",
    judge=choice(
        "d",
        {
            "a": "No: that prints the Belgian prosecutor's account as a fact ('according to reports' does not say "
            "whose); Europol's says digital evidence in France.",
            "b": "No: nothing here settles which account is right; a careful report does not pick one without evidence.",
            "c": "No: that prints Europol's account as the fact, and leading an operation does not make its account "
            "the only one.",
            "d": "Yes: where the accounts disagree, say whose account each is.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer3",
)

q4 = Question(
    name="Question 4",
    judge=choice(
        "a",
        {
            "a": "Yes: it describes the accounts these researchers followed, in those three months – no more.",
            "b": "No: it is a share of the accounts the study followed, not of all accounts, and of three months, "
            "not the year.",
            "c": "No: the study counted suspensions, not how many people saw IS material.",
            "d": "No: a suspension says nothing of what the account's owner did next.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer4",
)

q5 = Question(
    name="Question 5",
    judge=choice(
        "c",
        {
            "a": "No: a figure copied many times is no better than its first source, and copies spread typos.",
            "b": "No: a difference is a reason to go back to the source that counted, not to give up.",
            "c": "Yes: the organisation that made the count is the primary source; the aggregators copied it, with two "
            "digits swapped.",
            "d": "No: an average of a figure and its typo is neither figure.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer5",
)

q6 = Question(
    name="Question 6",
    judge=choice(
        "c",
        {
            "a": "No: 1 March is only how the spreadsheet stores 'March'; the site may have gone offline on any day "
            "of the month.",
            "b": "No: that counts from 1 March as if the day were known.",
            "c": "Yes: from 31 March (10 days) to 1 March (40 days); give the gap as the range the dates allow.",
            "d": "No: March to April can be anything from 10 to 40 days here.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer6",
)

q7 = Question(
    name="Question 7",
    judge=choice(
        "b",
        {
            "a": "No: a link stands for a report naming two countries together, not for an amount of work.",
            "b": "Yes: each link is a report he found, so the count says how often A is named with others.",
            "c": "No: the links do not say who led; they record who is named together.",
            "d": "No: one link means one report names C with another country; other reports may not have been found.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer7",
)

q8 = Question(
    name="Question 8",
    judge=choice(
        "d",
        {
            "a": "No: the note says no source gives it: it was chosen, not measured.",
            "b": "No: the study gives the 40 posts a day; the note says nothing gives the 0.3.",
            "c": "No: an unsourced value makes the results illustrations, not worthless: they show what follows if it "
            "were so.",
            "d": "Yes: it is illustrative; trying other values shows how much the results depend on it.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer8",
)

q9 = Question(
    name="Question 9",
    judge=choice(
        "a",
        {
            "a": "Yes: leave the site and read laterally: who runs it, who funds it, what others say of it.",
            "b": "No: a site's own pages say what it wants said of itself, and W's name no one; check it from "
            "outside first.",
            "c": "No: anyone can buy a secure address and a good design.",
            "d": "No: exact numbers look careful but say nothing of who made them.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer9",
)

q10 = Question(
    name="Question 10",
    judge=reasoning,
    hints=NO_HINT,
    answer_name="answer10",
    points=RUBRIC.max_points,  # 4: a person scores it with the rubric (course/grading/review.py)
    rubric=RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10]
