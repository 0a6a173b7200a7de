"""Answers for exercise 01 and lesson 01's checks (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

from takedown import data, text
from takedown.questions.lesson_01 import clean_lines

quotes = data.quotes()
_two_steps = clean_lines((text.drop_repeated_title, text.drop_photo_captions))

ANSWERS = [
    ("01_the_article", 1, 100 * 24 / 408, 100 * 24 / 384, "5.9%"),  # debris words: 24 of the raw 408
    ("01_the_article", 2, 7, 8, "seven"),
    # Wainwright's first sentence in six copies: Newstalk, PA and Counter Terror Business print it word for word
    ("01_the_article", 3, [True, False, True, True, False, False], [True, False, True, True, True, False], "True"),
    ("01_the_article", 4, "d", "a", 3),
    (
        "01_the_article",
        5,
        "Radicalise: Europol's own release writes “radicalised individuals”, and VOA, an American outlet, also "
        "changed “ground-breaking” inside the quotes: it re-spells quotes to its house style.",
        "radicalise",
        ["radicalise"],
    ),
    ("lesson_01", 1, clean_lines(), _two_steps, "10"),  # a faded example: the lines the three steps keep
    ("lesson_01", 2, 7, 3, "7"),
    ("lesson_01", 3, 0, 3, "0"),
    ("lesson_01", 4, "b", "a", 3),
    ("lesson_01", 5, "a", "b", ["a"]),
    (
        "lesson_01",
        6,
        "Government Europa, a trade publication, is published by a company; I found this on its about page "
        "and in a company register.",
        "a company",
        6,
    ),
    (
        "lesson_01",
        7,
        "Europol's own press release on europol.europa.eu says the operation was led by the Belgian Federal "
        "Prosecutor's Office and coordinated by the EU IRU.",
        "Europol",
        None,
    ),
    ("lesson_01", 8, "c", "a", True),
    (
        "lesson_01",
        9,
        quotes[quotes["speaker"] == "Dimitris Avramopoulos"],
        quotes[quotes["speaker"] == "Avramopoulos"],
        1,
    ),
    ("lesson_01", 10, "b", "a", None),
]
