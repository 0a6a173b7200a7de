"""Lesson 00 – practice questions: how checks answer, typing an answer, a first prediction, fixing an
error on purpose, and writing a whole line after a KeyError."""

from takedown import data, feedback
from takedown.questions import Question, judge_whole_number, kind_of, shortened
from takedown.questions.activities import Prediction, same_value


def servers_count():
    """How many countries seized servers, in Europol's account (the `role` column of the lesson's table)."""
    return int((data.countries()["role"] == "seized servers").sum())


def judge_servers_count(answer):
    countries = data.countries()
    return judge_whole_number(
        answer,
        servers_count(),
        "countries seized servers, in Europol's account",
        mistakes=(
            (len(countries), "That counts every country: count only the rows whose `role` says “seized servers”."),
            (
                servers_count() + int((countries["role"] == "seized digital evidence").sum()),
                "That counts the digital evidence too: count only the rows whose `role` says servers.",
            ),
            (servers_count() + 1, "Did you count the header row too? Count the countries only: one row each."),
        ),
        otherwise="Count again: the rows of the table above whose `role` column says “seized servers”.",
    )


practice = Question(
    name="Practice question",
    judge=judge_servers_count,
    hints=(
        "The table above has one row per country; its `role` column says what each did, in Europol's account.",
        "Look down the `role` column and count the rows that say “seized servers”.",
        "servers_count = ...   (a whole number, without quotation marks)",
    ),
    solution_code="servers_count = 3",
)


# ---- Your turn: type a text answer (the quotation marks are the point) ---------------------------


def referrer():
    """The country that referred web domains, in Europol's account (data.countries()'s role column)."""
    countries = data.countries()
    return countries.loc[countries["role"] == "referred web domains", "name"].item()


def judge_referrer(answer):
    if not isinstance(answer, str):
        return feedback.wrong_kind(
            f'I expected a country\'s name as text, between quotation marks, like "France", but got {kind_of(answer)}.'
        )
    typed = answer.strip().casefold()
    if not typed:
        return feedback.not_attempted('Type the country\'s name between the quotation marks, like "France".')
    countries = data.countries()
    found = countries[(countries["name"].str.casefold() == typed) | (countries["iso3"].str.casefold() == typed)]
    as_written = countries["named_in_article_as"].str.casefold().str.removeprefix("the ")
    if found.empty and (as_written == typed.removeprefix("the ")).any():  # "the UK", "UK", "the US"...
        return feedback.incorrect(
            f"{shortened(answer.strip())} is how the article writes it: type the name as the table's `name` "
            "column writes it, spelling and all."
        )
    if found.empty:
        return feedback.incorrect(
            f"{shortened(answer.strip())} is not one of the eight countries in the table: "
            "copy the name from its `name` column, spelling and all."
        )
    name = found["name"].item()
    if name == referrer():
        return feedback.correct(
            f"Yes: {name} referred web domains, in Europol's account. You typed a text answer, "
            "between quotation marks: that is how every text answer in the course is written."
        )
    return feedback.incorrect(
        f"{name} took part, but its `role` says “{found['role'].item()}”. Which row's role says “referred web domains”?"
    )


your_turn = Question(
    name="Your turn",
    judge=judge_referrer,
    hints=(
        "Look at the `role` column of the table at the top: one row says “referred web domains”.",
        'Type the name from that row\'s `name` column between quotation marks, like "France".',
    ),
    solution_code='referred_by = "United Kingdom"',
)


# ---- A first prediction: recorded, never marked; the fixed cell below reveals it ------------------------


def eu_count():
    return int(data.countries()["eu_member"].sum())


prediction = Prediction(
    name="Your prediction",
    answer_name="eu_guess",
    between=(0, 8),
    whole=True,
    hints=(
        "There is no wrong prediction: which of the eight countries are in Europe, and which of those were in "
        "the European Union in April 2018?",
    ),
    observed=lambda: f"{eu_count()} of the 8 were EU members in April 2018",
    solution_code="eu_guess = 6",
)


# ---- An error on purpose: read its last line, fix the name ------------------------------------------


def eu_members():
    """The rows of the countries in the EU in April 2018: what the fixed cell's first line makes."""
    countries = data.countries()
    return countries[countries["eu_member"]]


def judge_fixed_table(answer):
    # The answer must be the table the cell's first line computes from the data: typing a number or a
    # text in place of the misspelt name does not fix the error, so it is not accepted.
    if isinstance(answer, str):
        return feedback.wrong_kind(
            "I expected the table the line above makes, not a text: fix the misspelt name in the last "
            "line (no quotation marks), so that it is the variable made on the line above."
        )
    if not hasattr(answer, "columns"):
        return feedback.wrong_kind(
            f"I expected the table the line above makes, but got {kind_of(answer)}: fix only the misspelt "
            "name in the last line, and leave the rest of the cell as it was."
        )
    if not same_value(answer, eu_members()):
        return feedback.incorrect(
            "That is a table, but not the rows the line above keeps: undo any other change to the cell and "
            "fix only the misspelt name in the last line."
        )
    return feedback.correct(
        f"Yes: the {len(answer)} EU members' rows. You read the error's last line, found the misspelt name "
        "and fixed it: that is most of what fixing code is."
    )


fixed = Question(
    name="Fix the error",
    judge=judge_fixed_table,
    hints=(
        "Read the last line of the error: which name does Python say it does not know?",
        "Compare that name with the variable made on the line above it, letter by letter.",
        "Two letters are swapped: the last line's name should be spelt as the variable on the line above.",
    ),
    solution_code='eu_members = countries[countries["eu_member"]]',
)


# ---- A KeyError on purpose, then the whole line written again ---------------------------------------


def nato_column():
    """The `nato_member` column: the whole line the student writes after fixing the KeyError, for another column."""
    return data.countries()["nato_member"]


def judge_nato_column(answer):
    if isinstance(answer, str):
        return feedback.wrong_kind(
            'I expected the column your line takes out of the table, not a text: write countries["..."] with the '
            "column's name between the quotation marks inside the square brackets."
        )
    if not hasattr(answer, "dtype") or hasattr(answer, "columns"):
        return feedback.wrong_kind(
            f"I expected one column of the table, but got {kind_of(answer)}: write the table's name, then the "
            "column's name between square brackets and quotation marks."
        )
    if same_value(answer, data.countries()["role"]):
        return feedback.incorrect(
            "That is the role column, the one the broken line wanted: this time take out the column that says "
            "whether each country was a NATO member."
        )
    if not same_value(answer, nato_column()):
        return feedback.incorrect(
            "That is a column, but not the one asked for: which column of the table's header is about NATO?"
        )
    return feedback.correct(
        "Yes: a column written whole, its name copied from the table's header. A KeyError names the column Python "
        "could not find: copy names from the header, capitals and underscores included."
    )


column = Question(
    name="Fix the column",
    judge=judge_nato_column,
    hints=(
        "Look at the table's header at the top of the lesson: which column is about NATO? Copy its name exactly.",
        "The line has the same shape as the one the tip above suggested, with another column's name.",
        'nato = countries["..."]   (the column\'s name as the header writes it)',
    ),
    solution_code='nato = countries["nato_member"]',
)

QUESTIONS = [practice, your_turn, prediction, fixed, column]
