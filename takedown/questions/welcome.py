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
    hints=("The article names the countries in one sentence, and the table above has one row per country.",
           "Look at the table above (or the article's sentence under it) and count its rows.",
           "country_count = len(...)   (len counts the rows of a table: put the table between the brackets)"),
    solution_code="country_count = 8",
)

QUESTIONS = [practice]
