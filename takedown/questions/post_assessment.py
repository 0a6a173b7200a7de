"""Post-assessment – what you can do now, after lesson 08. Eight items on the same aims as the pre-assessment
(assessment.py), with different facts and cases. The checks only record an answer in a notebook: right and
wrong are judged at grading time, and the gains command compares the class's two results."""

from takedown import data
from takedown.questions import Question
from takedown.questions.assessment import RUBRIC, choice, count, reasoning

NO_HINT = ("There are no hints in the assessment: choose or write what you think, with what the unit taught you.",)

# Which aim each item measures (keys of assessment.AIM_NAMES): the gains command reports per aim from it.
AIMS = {
    "Question 1": "activity_or_effect",
    "Question 2": "running_or_period",
    "Question 3": "whose_account",
    "Question 4": "what_it_shows",
    "Question 5": "source_standing",
    "Question 6": "running_or_period",
    "Question 7": "what_it_shows",
    "Question 8": "activity_or_effect",
}

# Where each item's facts come from (ids in takedown/data/sources.csv).
SOURCES = {
    "Question 1": ("fbi_ilam_2024",),
    "Question 2": ("reuters_twitter_2016h2", "twitter_policy_2018"),
    "Question 3": ("europol_statement_copy",),
    "Question 4": ("conway_2017_summary",),
    "Question 5": ("twitter_policy_2018",),
    "Question 6": ("uk_pq_2017_eu_iru",),
    "Question 7": ("crest_telegram_2021",),
    "Question 8": ("shortpedia_twitter_2018", "twitter_blog_2019"),
}

# The options as the notebook shows them (a test checks the notebook says the same).
OPTIONS = {
    "Question 1": {
        "a": "The number of servers taken down in the four countries, as the FBI counted them",
        "b": "The number of people arrested in Spain, and how long their trials lasted",
        "c": "Visits to I'LAM's material before and after, against sites left alone",
        "d": "How many police forces took part, and how many days the action lasted",
    },
    "Question 3": {
        "a": "In quotation marks, as Europol's own verdict on its operation",
        "b": "As a plain fact, since Europol coordinated the operation and knows it best",
        "c": "As the finding of independent researchers who studied it",
        "d": "Without a name: the words are so widely quoted they are common knowledge",
    },
    "Question 4": {
        "a": "Other jihadist groups' material persuaded 13 times as many people to join",
        "b": "Other jihadist groups are 6 times as dangerous as IS",
        "c": "Twitter's rules favour the Taliban and al-Shabaab over IS",
        "d": "Accounts left up longer could tweet more and gather more followers",
    },
    "Question 5": {
        "a": "As the estimate of the website where you read it",
        "b": "As Twitter's figure, read in other pages' copies of its tweet",
        "c": "Not at all: a figure whose original you have not seen is unusable",
        "d": "As a plain fact, with no source: Twitter made it public",
    },
    "Question 6": {
        "a": "Nothing: the answer was given in 2017, so it is a yearly figure",
        "b": "It is a total over two years, and a lower bound",
        "c": "The unit assesses items; it does not refer them",
        "d": "A parliamentary answer cannot be quoted in the press",
    },
    "Question 7": {
        "a": "The 2019 action made IS supporters nine times as active",
        "b": "The 2019 action failed, because supporters opened more channels",
        "c": "More new channels were counted after the 2019 action day",
        "d": "IS material reached nine times as many people after 2019",
    },
}

q1 = Question(
    name="Question 1",
    judge=choice(
        "c",
        {
            "a": "No: servers taken down count what the police did (activity), not what changed for the people the "
            "sites were meant to reach.",
            "b": "No: arrests and trials are activity too; they say nothing of who could still find the material.",
            "c": "Yes: an effect is a change in reach, measured the same way before and after, and compared with what "
            "happened where there was no action.",
            "d": "No: the size of the operation is activity, not effect.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer1",
)


def year_2017():
    """Accounts suspended in 2017: the growth of the running total over the year. (The lessons print the
    half-year figures, not this one: it is computed, not copied.)"""
    table = data.suspensions()
    running = table[table["type"] == "cumulative"].set_index("period_end")["accounts"]
    return int(running["2017-12-31"] - running["2016-12-31"])


def running_total_mistakes():
    table = data.suspensions()
    running = table[table["type"] == "cumulative"].set_index("period_end")["accounts"]
    later, earlier = int(running["2017-12-31"]), int(running["2016-12-31"])
    return {
        later: "That is the running total since August 2015, not the figure for 2017: a period's "
        "figure is what the running total grew by during it.",
        earlier: "That is the running total up to 31 December 2016, before the year began.",
        later + earlier: "You added the two running totals: the later one already contains the earlier one.",
    }


q2 = Question(
    name="Question 2",
    judge=count(
        year_2017,
        running_total_mistakes,
        "Not this number: a period's figure is what the running total grew by during it. Re-read the dates "
        "of the two rows.",
    ),
    hints=NO_HINT,
    answer_name="answer2",
)

q3 = Question(
    name="Question 3",
    judge=choice(
        "a",
        {
            "a": "Yes: it is the assessment of the agency that coordinated the operation, about its own work: quote it, and "
            "say whose it is.",
            "b": "No: leading the operation makes Europol an interested party, not a neutral judge of its effect.",
            "c": "No: the words are Europol's director's, in Europol's own statement.",
            "d": "No: widely quoted words still have an author, and readers need to know who is judging whose work.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer3",
)

q4 = Question(
    name="Question 4",
    judge=choice(
        "d",
        {
            "a": "No: the study counted tweets and followers, not who was persuaded to join anything.",
            "b": "No: tweets and followers do not measure danger.",
            "c": "No: the figures show different outcomes, not the rules or the reasons behind them.",
            "d": "Yes: accounts that were suspended less often lived longer, so they had more time to tweet and be "
            "followed – that is all the figures show.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer4",
)

q5 = Question(
    name="Question 5",
    judge=choice(
        "b",
        {
            "a": "No: the pages quote Twitter's statement; the figure is Twitter's, not theirs.",
            "b": "Yes: say whose figure it is and where you read it, so a reader can weigh the copy; Twitter's own "
            "page would be better.",
            "c": "No: a copy can be used if you say what it is; other reports' rounded figure agrees with it.",
            "d": "No: every figure needs its source, the more so when you found it only in a copy.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer5",
)

q6 = Question(
    name="Question 6",
    judge=choice(
        "b",
        {
            "a": "No: the date says when the total was given, not the period it covers.",
            "b": 'Yes: it adds up about two years (July 2015 to July 2017), and "more than" makes it a lower bound.',
            "c": 'No: the answer says referred; the problem is the period and the "more than".',
            "d": "No: parliamentary answers are public; the problem is what the figure covers.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer6",
)

q7 = Question(
    name="Question 7",
    judge=choice(
        "c",
        {
            "a": "No: more channels is not more activity per supporter; the study did not count people.",
            "b": "No: the counts alone cannot say whether the action failed: new channels may be short-lived.",
            "c": "Yes: that is what the counts say, and no more.",
            "d": "No: the study counted channels, not who saw their material.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer7",
)

q8 = Question(
    name="Question 8",
    judge=reasoning,
    hints=NO_HINT,
    answer_name="answer8",
    points=RUBRIC.max_points,  # 4: a person scores it with the rubric (course/grading/review.py)
    rubric=RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
