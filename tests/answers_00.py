"""Answers for lesson 00's practice questions (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

from takedown import data

_countries = data.countries()

ANSWERS = [
    ("00_start_here", 1, 3, 8, "three"),  # how many seized servers; 8 counts every country
    ("00_start_here", 2, "United Kingdom", "Belgium", 1),  # who referred web domains; Belgium led
    ("00_start_here", 3, 6, 9, "six"),  # a prediction: any whole number from 0 to 8 is recorded, 9 is not
    # The fixed cell hands in the table its first line makes: typing a text or a number does not fix the error.
    ("00_start_here", 4, _countries[_countries["eu_member"]], _countries, "6 countries"),
]
ANSWERS.append(
    # The whole line after the KeyError, for another column: NATO membership; the role column is wrong; a text is
    # the wrong kind.
    ("00_start_here", 5, _countries["nato_member"], _countries["role"], "nato_member"),
)
