"""Post-assessment – what you can do now, after lesson 08. Ten items, each parallel to the pre-assessment's item
of the same number: the same aim (assessment.py) at the same difficulty, with material no lesson prints. Every
item is a made-up case, labelled so in its prompt: the aims are ways of reasoning, and a new case cannot be
answered by remembering a lesson. The checks only record an answer in a notebook: right and wrong are judged at
grading time, and the gains command compares the class's two results."""

from takedown.questions import Question
from takedown.questions.assessment import RUBRIC, choice, count, reasoning, running_total_mistakes

NO_HINT = ("There are no hints in the assessment: choose or write what you think, with what the unit taught you.",)

# Which aim each item measures (keys of assessment.AIM_NAMES): the gains command reports per aim from it.
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

# Where each item's facts come from (ids in takedown/data/sources.csv): none, as every item is made up
# (HYPOTHETICAL), so that no item repeats a figure a lesson printed.
SOURCES = {name: () for name in AIMS}
HYPOTHETICAL = set(AIMS)

# The options as the notebook shows them (a test checks the notebook says the same).
OPTIONS = {
    "Question 1": {
        "a": "A drop in the number of people who watched the group's videos",
        "b": "Videos the police asked the sites to take down",
        "c": "Videos that the sites found to be illegal under that country's law",
        "d": "Videos the sites took down at the police's request",
    },
    "Question 3": {
        "a": "Police switched off 40 servers; the company's lower count is out of date.",
        "b": "Police say they switched off 40 servers.",
        "c": "Police give 40 servers switched off, the hosting company 25.",
        "d": "About 32 servers were switched off: the average of the two counts.",
    },
    "Question 4": {
        "a": "Quick takedowns kept about 2,100 people from joining the group",
        "b": "Longer-lived channels in the study had more followers, on average",
        "c": "The app probably takes small channels down first, as they are easier to find",
        "d": "Taking channels down quickly works eight times as well as slowly",
    },
    "Question 5": {
        "a": "4,180, the count in the charity's own report",
        "b": "4,810, because three sites print it against one",
        "c": "No figure at all until the charity and the site agree",
        "d": "4,810, as in the news site's own story",
    },
    "Question 6": {
        "a": "22 days: the gap between the two dates the database holds",
        "b": "At least 22 and at most 51 days: the report's day in June is unknown",
        "c": "Nearly a year, as both dates fall in 2022",
        "d": "Thirty-one days, because May has 31 days",
    },
    "Question 7": {
        "a": "P had a bigger audience than Q had during that month",
        "b": "P forwarded more posts than Q that month",
        "c": "P's posts were more persuasive than Q's",
        "d": "More channels forwarded to or from P that month",
    },
    "Question 8": {
        "a": "Results that use it show what would follow, not what is",
        "b": "One viewer in fifty reports a video, as observed on the site",
        "c": "It is as well founded as the 5 videos an hour",
        "d": "It has no source, so no one should run the model until one is found",
    },
    "Question 9": {
        "a": "Look for the EU's name and its flag on the institute's own pages",
        "b": "Read its method section and see whether it is careful",
        "c": "Look it up elsewhere: the EU's own directory, news reports, its funders",
        "d": "See whether its ranking matches what other rankings say",
    },
}

q1 = Question(
    name="Question 1",
    judge=choice(
        "d",
        {
            "a": "No: nobody measured who watched. A count of removals is activity, not effect.",
            "b": "No: the police asked about 4,800 times; 3,900 is how many of those videos the sites took down.",
            "c": "No: sites remove videos under their own rules too; the figure does not say on what grounds.",
            "d": "Yes: it counts the videos the sites took down when the police asked – an activity (turning a "
            "request down would be acting on it too, and is not in the 3,900). It says nothing of who saw the videos.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer1",
)

# The made-up running totals of Question 2 (accounts closed since 1 January 2020).
RUNNING = (48_210, 61_905)  # up to 31 March 2021, up to 30 September 2021


def april_to_september_2021():
    """Accounts closed in April–September 2021: the growth of the running total over the half-year."""
    earlier, later = RUNNING
    return later - earlier


q2 = Question(
    name="Question 2",
    judge=count(
        april_to_september_2021,
        lambda: running_total_mistakes(
            *RUNNING, "31 March 2021", "30 September 2021 (since January 2020)", "April–September 2021"
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
        "c",
        {
            "a": "No: nothing here says the company's count is out of date; that picks the police's account without "
            "evidence.",
            "b": "No: it says whose count 40 is, but hides that the hosting company counted differently.",
            "c": "Yes: where the accounts disagree, say whose account each is.",
            "d": "No: an average of two accounts is neither account, and nobody reported it.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer3",
)

q4 = Question(
    name="Question 4",
    judge=choice(
        "b",
        {
            "a": "No: the study counted followers, not who joined anything.",
            "b": "Yes: it describes these 200 channels – no more. Why they differ is not in the figures.",
            "c": "No: the figures do not say why some channels went faster; that is a guess, however hedged.",
            "d": "No: followers are not a measure of how well a takedown works.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer4",
)

q5 = Question(
    name="Question 5",
    judge=choice(
        "a",
        {
            "a": "Yes: the charity made the count, so its report is the primary source; the copies swapped two digits.",
            "b": "No: copies of one story are one source, not three, and copies spread slips.",
            "c": "No: the charity counted its own calls; a copy that differs is no reason to drop the count.",
            "d": "No: the news site did not take the calls; its figure is a copy, and differs from the charity's own.",
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
            "a": "No: 1 June is only how the database stores 'June'; the report may have come out on any day of the "
            "month.",
            "b": "Yes: from 1 June (22 days) to 30 June (51 days); give the gap as the range the dates allow.",
            "c": "No: both dates are in 2022, and the gap is weeks, not a year.",
            "d": "No: the gap depends on the report's day in June, not on May's length.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer6",
)

q7 = Question(
    name="Question 7",
    judge=choice(
        "d",
        {
            "a": "No: a link stands for a forwarded post, not for the people who read it.",
            "b": "No: a link means at least one forward between two channels; one link can hold one forward or "
            "hundreds.",
            "c": "No: a forward says a post was passed on, not that anyone was persuaded.",
            "d": "Yes: each link is at least one forward in March 2023, so P forwarded to or from more channels.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer7",
)

q8 = Question(
    name="Question 8",
    judge=choice(
        "a",
        {
            "a": "Yes: it is illustrative; the results are what follows if it were so, and trying other values shows "
            "how much they depend on it.",
            "b": "No: the note says no study gives it: it was chosen, not measured.",
            "c": "No: the 5 videos an hour comes from the site's own report; the 0.02 from nowhere.",
            "d": "No: a model with an illustrative value can still show how the parts interact, if it says so.",
        },
    ),
    hints=NO_HINT,
    answer_name="answer8",
)

q9 = Question(
    name="Question 9",
    judge=choice(
        "c",
        {
            "a": "No: anyone can put a name and a flag on their own pages; check it from outside.",
            "b": "No: a careful-looking method says nothing of who stands behind it; check that first.",
            "c": "Yes: leave the site and read laterally: is it in the EU's own directory, who funds it, who "
            "reports on it.",
            "d": "No: agreeing with other rankings says nothing of who publishes this one.",
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
