"""Pre-assessment – what you already know, before lesson 01. Eight items on the unit's aims (assessment.py);
the post-assessment asks different items on the same aims. The checks only record an answer in a notebook:
right and wrong are judged at grading time, so taking it gives nothing away."""

from takedown import data
from takedown.questions import Question
from takedown.questions.assessment import RUBRIC, choice, count, reasoning

NO_HINT = (
    "There are no hints in the assessment: choose or write what you think. It is fine not to know yet – "
    "the course is about exactly this.",
)

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
    "Question 1": ("europol_iru_one_year",),
    "Question 2": ("securityweek_twitter_2017h1", "twitter_policy_2018"),
    "Question 3": ("guardian_isis_2018", "lalibre_2018"),
    "Question 4": ("conway_2017_summary",),
    "Question 5": ("twitter_blog_2019", "shortpedia_twitter_2018"),
    "Question 6": ("europarl_2018_iru",),
    "Question 7": ("crest_telegram_2021",),
    "Question 8": ("europol_is_referral_nov2019",),
}

# The options as the notebook shows them (a test checks the notebook says the same).
OPTIONS = {
    "Question 1": {
        "a": "How much of IS's material disappeared from the whole internet that year",
        "b": "What the platforms did with the unit's requests to remove content",
        "c": "How many fewer people were drawn to IS online because of the unit's work",
        "d": "The share of the unit's requests that the platforms judged to be mistaken",
    },
    "Question 3": {
        "a": "Servers were seized in six countries, France among them, in April 2018.",
        "b": "Europol got it wrong: servers were seized in all six countries, including in France.",
        "c": "Only digital evidence was seized in France: Europol's account is the official one, so it wins.",
        "d": "In France, Europol reports digital evidence seized; the Belgian prosecutor, servers.",
    },
    "Question 4": {
        "a": "Twitter suspended most of the pro-IS accounts the researchers found.",
        "b": "Exactly 63% of all pro-IS accounts on Twitter were suspended in 2017.",
        "c": "IS material reached 63% fewer Twitter users during those three months.",
        "d": "63% of IS's supporters stopped spreading its material after a suspension.",
    },
    "Question 5": {
        "a": "166,153, because more web pages print it than Twitter's blog",
        "b": "Neither of them: when two sources differ, no figure can be trusted",
        "c": "166,513, because Twitter's blog is the source that counted",
        "d": "The average of the two, so as to be fair to both sources",
    },
    "Question 6": {
        "a": "Nothing: the figure is dated 2018, so it is a 2018 figure",
        "b": "The unit referred the items; it did not assess them",
        "c": 'It should say "in early 2018", as the date is in February',
        "d": "The figure is a running total since July 2015",
    },
    "Question 7": {
        "a": "After 2019, IS material reached fewer people",
        "b": "New channels were shorter-lived after the 2019 action day",
        "c": "The figures describe Telegram, not other platforms",
        "d": "The lifespans were measured for channels made after each action",
    },
}

q1 = Question(
    name="Question 1",
    judge=choice(
        "b",
        {
            "a": "No: it covers only what the unit referred, on the platforms it referred it to; copies elsewhere "
            "are not counted.",
            "b": "Yes: it counts what the platforms did with the requests – an activity. It says nothing of who saw "
            "the material.",
            "c": "No: nobody measured who was drawn to IS. A count of removals is activity, not effect.",
            "d": "No: content that was not removed is not the same as a mistaken request; the figure does not say why.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer1",
)


def half_year_2017h2():
    """Accounts suspended in July–December 2017: the growth of the running total over the half-year."""
    table = data.suspensions()
    running = table[table["type"] == "cumulative"].set_index("period_end")["accounts"]
    return int(running["2017-12-31"] - running["2017-06-30"])


def running_total_mistakes():
    table = data.suspensions()
    running = table[table["type"] == "cumulative"].set_index("period_end")["accounts"]
    later, earlier = int(running["2017-12-31"]), int(running["2017-06-30"])
    return {
        later: "That is the running total since August 2015, not the figure for July–December 2017: a period's "
        "figure is what the running total grew by during it.",
        earlier: "That is the running total up to 30 June 2017, before the half-year began.",
        later + earlier: "You added the two running totals: the later one already contains the earlier one.",
    }


q2 = Question(
    name="Question 2",
    judge=count(
        half_year_2017h2,
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
        "d",
        {
            "a": "No: that is the Belgian prosecutor's account printed as a fact; Europol's says digital evidence in "
            "France.",
            "b": "No: nothing here settles which account is right; a careful report does not pick one without evidence.",
            "c": "No: that is Europol's account printed as a fact, and leading an operation does not make its account "
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
            "a": "Yes: it describes the accounts these researchers found, in those three months – no more.",
            "b": "No: it is a share of the accounts found, not of all accounts; some were suspended too fast to be found.",
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
        "d",
        {
            "a": "No: the date says when the total was counted up to, not the period it covers.",
            "b": "No: the answer gives both (50,762 assessed, and referral decisions); the problem is the period.",
            "c": "No: the figure covers July 2015 to February 2018, not early 2018.",
            "d": "Yes: it adds up everything since July 2015; a figure for 2018 alone would be the difference between "
            "two running totals.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer6",
)

q7 = Question(
    name="Question 7",
    judge=choice(
        "a",
        {
            "a": "Yes: the study measured how long channels lasted, not who saw the material; supporters may have moved "
            "to other platforms.",
            "b": "No: that is what the figures say.",
            "c": "No: that is true of the figures, and it is a limit worth stating, not a conclusion beyond them.",
            "d": "No: that is how the figures were made.",
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
