"""Lesson 00 – a practice question that shows how checks answer."""
from takedown import data
from takedown.questions import Question, judge_whole_number


def judge_country_count(answer):
    return judge_whole_number(answer, len(data.countries()), "countries took part",
                              too_low="Count again: the article lists them in one sentence.",
                              too_high="Count again: the article lists them in one sentence.")


practice = Question(
    name="Practice question",
    judge=judge_country_count,
    hints=("The article says: “authorities from Belgium, Bulgaria, Canada, France, the Netherlands, "
           "Romania, the UK and the US”. Count the countries.",),
    solution_code="country_count = 8",
)

QUESTIONS = [practice]
