"""Exercise questions: right, wrong, blank and wrong-kind answers, hostile values, hints and solutions."""

import ast
import importlib
import numbers
import re
from pathlib import Path

import matplotlib
import nbformat

matplotlib.use("Agg")  # no windows, no display needed

import pandas as pd  # noqa: E402
import plotly.express as px  # noqa: E402
import pytest  # noqa: E402

from answers_02 import membership_bars  # noqa: E402
from course.authoring.build import assigned_names  # noqa: E402
from takedown import data, feedback  # noqa: E402
from takedown.questions import EXERCISES, PRACTICE, Note, answer_key, questions_for  # noqa: E402
from takedown.questions.activities import ACTIVITIES, LateralReading, ModifyAndPredict, Parsons, Prediction  # noqa: E402

COURSE = Path(__file__).resolve().parents[1]
CORRECT, INCORRECT = feedback.CORRECT, feedback.INCORRECT
NOT_ATTEMPTED, WRONG_KIND = feedback.NOT_ATTEMPTED, feedback.WRONG_KIND


COUNTRIES = data.countries()


def question(exercise, number):
    """Question `number` (counting from 1) of an exercise. A modify-and-predict check waits for the student's
    prediction before it judges the changed line, so one is recorded here, as the lesson has the student do."""
    q = questions_for(exercise)[number - 1]
    if isinstance(q, ModifyAndPredict):
        q.predict(0)
    return q


def answer_id(value):
    """A short, readable test id for an answer."""
    if isinstance(value, (list, tuple, set)):
        return "+".join(sorted(str(item) for item in value)) or "empty"
    if isinstance(value, (str, int, float)):
        return str(value)[:40]
    return type(value).__name__


# Activities that record an answer rather than mark it (takedown/questions/activities.py): their "right"
# answer in the table is one that is recorded, their "wrong" one has the wrong form.
RECORDS = (Prediction, LateralReading)

ANSWERS = []
# Each lesson keeps its rows in tests/answers_NN.py (a list ANSWERS with the same columns).
for answers_file in sorted(Path(__file__).parent.glob("answers_*.py")):
    ANSWERS += importlib.import_module(answers_file.stem).ANSWERS
IDS = [f"{exercise}-q{number}" for exercise, number, *_ in ANSWERS]


def test_every_question_is_in_the_table():
    """The answer table covers every question of every exercise."""
    expected = {
        (exercise, number)
        for exercise in {**EXERCISES, **PRACTICE}
        for number in range(1, len(questions_for(exercise)) + 1)
    }
    assert {(exercise, number) for exercise, number, *_ in ANSWERS} == expected


@pytest.mark.parametrize("exercise", list(EXERCISES))
def test_questions_are_numbered_in_order(exercise):
    """Question names match their place in the exercise: Question 1, Question 2, ..."""
    assert [q.name for q in questions_for(exercise)] == [
        f"Question {number}" for number in range(1, len(questions_for(exercise)) + 1)
    ]


# ---- The four kinds of answer ----------------------------------------------------------------


@pytest.mark.parametrize("exercise, number, right, wrong, wrong_kind", ANSWERS, ids=IDS)
def test_right_answer_is_correct(exercise, number, right, wrong, wrong_kind):
    q = question(exercise, number)
    verdict = q.check(right)
    if isinstance(q, RECORDS):  # a prediction or a finding is recorded, never marked right
        assert verdict.status == feedback.RECORDED and not verdict.correct, verdict
        return
    assert verdict.status == CORRECT, verdict
    assert verdict.correct


@pytest.mark.parametrize("exercise, number, right, wrong, wrong_kind", ANSWERS, ids=IDS)
def test_wrong_answer_is_incorrect(exercise, number, right, wrong, wrong_kind):
    q = question(exercise, number)
    verdict = q.check(wrong)
    if isinstance(q, RECORDS):  # "wrong" is one of the wrong form: not recorded
        assert verdict.status in (INCORRECT, WRONG_KIND), verdict
        return
    assert verdict.status == INCORRECT, verdict
    assert not verdict.correct


@pytest.mark.parametrize("exercise, number, right, wrong, wrong_kind", ANSWERS, ids=IDS)
def test_blank_answer_is_not_attempted(exercise, number, right, wrong, wrong_kind):
    """The placeholder `...` and a bare check() both mean 'not attempted yet'."""
    q = question(exercise, number)
    assert q.check(...).status == NOT_ATTEMPTED
    assert q.check().status == NOT_ATTEMPTED


@pytest.mark.parametrize("exercise, number, right, wrong, wrong_kind", ANSWERS, ids=IDS)
def test_wrong_kind_of_answer(exercise, number, right, wrong, wrong_kind):
    """An answer of the wrong type is told so, with the kind of value it got."""
    q = question(exercise, number)
    verdict = q.check(wrong_kind)
    assert verdict.status == WRONG_KIND, verdict
    assert "expected" in verdict.message.lower() or "should give" in verdict.message  # a faded line's own wording


@pytest.mark.parametrize("exercise, number, right, wrong, wrong_kind", ANSWERS, ids=IDS)
def test_verdicts_carry_the_question_name(exercise, number, right, wrong, wrong_kind):
    """Every verdict names its question, so the student knows which answer it is about."""
    q = question(exercise, number)
    for answer in (right, wrong, ..., wrong_kind):
        verdict = q.check(answer)
        assert verdict.question == q.name
        assert q.name in repr(verdict)
        assert verdict.message.strip()


# ---- More answers, right and wrong -----------------------------------------------------------


@pytest.mark.parametrize(
    "exercise, number, answer",
    [
        ("01_the_article", 1, 5.9),
        ("01_the_article", 2, 7.0),
        ("01_the_article", 3, (True, False, True, True, False, False)),
        ("01_the_article", 3, pd.Series([True, False, True, True, False, False])),
        ("01_the_article", 4, " (D) "),
        ("02_countries", 2, ~COUNTRIES["eu_member"]),
        ("02_countries", 2, COUNTRIES.loc[~COUNTRIES["eu_member"], ["iso3", "role"]]),
        ("02_countries", 3, (" ISL", "EST", "DEU", "ESP", "DEU")),
        ("02_countries", 3, pd.Series(["DEU", "ESP", "EST", "ISL"])),
        ("02_countries", 4, COUNTRIES[COUNTRIES["iso3"].isin(["CAN", "NLD", "USA"])]),
        ("02_countries", 4, COUNTRIES.loc[COUNTRIES["iso3"].isin(["CAN", "NLD", "USA"]), "name"]),
        ("02_countries", 5, membership_bars(orientation="h", x="countries", y="organisation")),
    ],
    ids=answer_id,
)
def test_other_right_answers_are_accepted(exercise, number, answer):
    """Equivalent answers (codes for names, tuples, Series, other spacing, horizontal bars) are correct."""
    assert question(exercise, number).check(answer).status == CORRECT


@pytest.mark.parametrize(
    "exercise, number, answer",
    [
        ("01_the_article", 1, 6),
        ("01_the_article", 2, 6),
        ("01_the_article", 3, [True, False, True, True, False]),
        ("01_the_article", 3, [True] * 6),  # every copy taken as the article's: compared by eye
        ("01_the_article", 3, [True, False, True, False, False]),  # the five phrases of the old question
        ("01_the_article", 4, "c"),
        (
            "01_the_article",
            5,
            "Radicalize, because VOA is the biggest outlet.",
        ),  # too short: a person scores the substance
        ("02_countries", 1, COUNTRIES["eu_member"]),
        ("02_countries", 1, COUNTRIES["eu_member"] & False),
        ("02_countries", 2, COUNTRIES.loc[COUNTRIES["iso3"].isin(["CAN", "USA", "FRA"]), "name"]),
        ("02_countries", 2, COUNTRIES["eu_member"]),
        ("02_countries", 3, ["deu", "ESP", "EST", "ISL"]),
        ("02_countries", 3, ["DE", "ES", "EE", "IS"]),
        ("02_countries", 3, ["Germany", "Spain", "Estonia", "Iceland"]),
        ("02_countries", 3, ["DEU", "ESP", "EST", "ISL", "NLD"]),
        ("02_countries", 3, ["DEU", "ESP", "EST", "ISL", "ITA"]),
        ("02_countries", 4, COUNTRIES["name"].isin(["Canada", "Netherlands", "United States", "Romania"])),
        ("02_countries", 4, COUNTRIES["name"].isin(["Canada", "Netherlands"])),
    ],
    ids=answer_id,
)
def test_other_wrong_answers_are_incorrect(exercise, number, answer):
    """Extra items, invented names, made-up quotes and near-miss codes are all incorrect."""
    assert question(exercise, number).check(answer).status == INCORRECT


@pytest.mark.parametrize("answer", [True, 7.5, "seven"])
def test_count_needs_a_whole_number(answer):
    """Exercise 01, question 2: True, a fraction or words are the wrong kind for a count of sentences."""
    assert question("01_the_article", 2).check(answer).status == WRONG_KIND


@pytest.mark.parametrize("answer", [[1, 0, 1, 1, 0, 0], ["True", "False", "True", "True", "False", "False"], "True"])
def test_quote_checks_need_true_or_false_values(answer):
    """Exercise 01, question 3: numbers or texts instead of True/False are the wrong kind."""
    assert question("01_the_article", 3).check(answer).status == WRONG_KIND


@pytest.mark.parametrize(
    "figure, says",
    [
        (membership_bars(counts=(6, 7, 3)), "does not show the right number"),
        (membership_bars(title=None), "title"),
        (membership_bars(title="   "), "title"),
        (
            membership_bars(labels=False, organisations=("EU", "NATO", "Five Eyes")).update_layout(
                xaxis_title_text="", yaxis_title_text=""
            ),
            "label both axes",
        ),
        (px.bar(x=["EU", "NATO", "Five Eyes"], y=[6, 8, 3], title="Memberships"), "label both axes"),
        (membership_bars(counts=(6, 8), organisations=("EU", "NATO")), "Five Eyes"),
        (px.scatter(x=["EU", "NATO", "Five Eyes"], y=[6, 8, 3], title="Memberships"), "px.bar"),
    ],
    ids=["wrong-bar", "no-title", "blank-title", "blank-axis-titles", "default-x-y-labels", "missing-bar", "not-bars"],
)
def test_chart_question_says_what_is_missing(figure, says):
    """Exercise 02, question 5: each flaw of the chart gets its own message."""
    verdict = question("02_countries", 5).check(figure)
    assert verdict.status == INCORRECT
    assert says in verdict.message


# ---- Messages never give the answer away ----------------------------------------------------


@pytest.mark.parametrize(
    "exercise, number, wrong, forbidden",
    [
        ("01_the_article", 1, 6.25, [r"5\.9", r"\b408\b"]),
        ("01_the_article", 1, 24, [r"5\.9", r"\b408\b"]),
        ("01_the_article", 2, 6, [r"\b7\b", r"(?i)\bseven\b"]),
        ("01_the_article", 2, 8, [r"\b7\b", r"(?i)\bseven\b"]),
        ("01_the_article", 3, [False] * 6, [r"\bTrue\b.*\bFalse\b", r"\b3\b", "Newstalk", "VOA", "ISIL"]),
        ("01_the_article", 3, [True] * 6, [r"\b3\b", "Newstalk", "VOA", "ISIL", "radicalize"]),
        ("01_the_article", 4, "a", [r"(?i)registrar"]),
        ("01_the_article", 4, "b", [r"(?i)\(d\)|option d|\bd\)"]),
        ("lesson_01", 2, 3, [r"(?i)\bpropaganda\b"]),
        ("lesson_01", 4, "a", [r"(?i)copies may be one|\bsection 6\b"]),
        ("02_countries", 1, COUNTRIES["role"] == "seized servers", [r"\b1\b", "Netherlands", "NLD"]),
        ("02_countries", 1, ~COUNTRIES["eu_member"], [r"\b1\b", "Netherlands", "NLD"]),
        ("02_countries", 2, COUNTRIES.loc[COUNTRIES["iso3"] == "CAN", "name"], ["United States", "USA"]),
        ("02_countries", 2, COUNTRIES.loc[COUNTRIES["iso3"] == "USA", "name"], ["Canada", "CAN"]),
        ("02_countries", 2, COUNTRIES.loc[COUNTRIES["iso3"].isin(["CAN", "FRA"]), "name"], ["United States", "USA"]),
        ("02_countries", 3, ["GER", "ESP", "EST", "ISL"], ["DEU"]),
        ("02_countries", 3, ["Germany", "Spain"], ["DEU", "ESP"]),
        ("02_countries", 3, ["DEU", "ESP"], ["EST", "ISL", "Estonia", "Iceland"]),
        ("02_countries", 4, COUNTRIES["name"].isin(["Canada", "Netherlands"]), ["United States", "USA"]),
        (
            "02_countries",
            4,
            COUNTRIES["name"].isin(["Canada", "France"]),
            ["Netherlands", "NLD", "United States", "USA"],
        ),
        ("02_countries", 5, membership_bars(counts=(6, 7, 3)), [r"\b8\b"]),
    ],
    ids=answer_id,
)
def test_wrong_answer_message_does_not_reveal_the_answer(exercise, number, wrong, forbidden):
    """Feedback says what is wrong, never what the right answer is."""
    verdict = question(exercise, number).check(wrong)
    assert verdict.status == INCORRECT
    for pattern in forbidden:
        assert not re.search(pattern, verdict.message), verdict.message


# ---- Hostile values --------------------------------------------------------------------------


class Hostile:
    """A value that raises whenever it is compared, printed or iterated."""

    def __eq__(self, other):
        raise RuntimeError("no comparing")

    __hash__ = object.__hash__

    def __repr__(self):
        raise RuntimeError("no printing")

    def __iter__(self):
        raise RuntimeError("no iterating")


HOSTILE = {
    "None": None,
    "dict": {"EU": 6},
    "nested-list": [["Canada"], ["United States"]],
    "nan": float("nan"),
    "hostile-object": Hostile(),
    "dataframe": pd.DataFrame({"name": ["Canada"]}),
    "huge-int": 10**100,
    "bytes": b"GBR",
}
ALL_QUESTIONS = [(exercise, number) for exercise, number, *_ in ANSWERS]


@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
@pytest.mark.parametrize("exercise, number", ALL_QUESTIONS, ids=IDS)
def test_hostile_values_get_a_verdict_not_a_traceback(exercise, number, value):
    """Whatever a student passes, check() returns a displayable, non-correct Verdict."""
    q = question(exercise, number)
    verdict = q.check(value)
    assert isinstance(verdict, feedback.Verdict)
    assert verdict.status in feedback.LOOK
    assert verdict.status != CORRECT
    assert verdict.question == q.name
    assert verdict.message.strip()
    assert repr(verdict) and verdict._repr_html_()


# ---- Hints, solutions and display ------------------------------------------------------------


@pytest.mark.parametrize("exercise, number", ALL_QUESTIONS, ids=IDS)
def test_hints_are_notes_with_text(exercise, number):
    """hint() gives the first hint; hint(n) the n-th; out-of-range numbers stay in range."""
    q = question(exercise, number)
    assert q.hints
    first = q.hint()
    assert isinstance(first, Note)
    assert first.body == q.hints[0] and first.body.strip()
    assert q.name in first.title
    for n, hint in enumerate(q.hints, start=1):
        assert q.hint(n).body == hint
    assert q.hint(99).body == q.hints[-1]
    assert q.hint(0).body == q.hints[0]
    assert q.hint(1)._repr_html_()


@pytest.mark.parametrize("exercise, number", ALL_QUESTIONS, ids=IDS)
def test_solution_is_a_code_note(exercise, number):
    """solution() shows the answer key's code, as code."""
    q = question(exercise, number)
    solution = q.solution()
    assert isinstance(solution, Note)
    if isinstance(q, RECORDS):  # no answer key: the note says why
        assert solution.body.strip() and q.name in solution.title
        return
    assert solution.code is True
    assert solution.body == answer_key(q) and solution.body.strip()
    assert q.name in solution.title
    assert "<pre>" in solution._repr_html_()


def test_verdict_html_escapes_messages():
    """HTML in a message or question name is shown as text, not run as markup."""
    html = feedback.Verdict(INCORRECT, "<script>alert(1)</script> & more", question="<b>Q1</b>")._repr_html_()
    assert "<script>" not in html and "<b>Q1</b>" not in html
    assert "&lt;script&gt;" in html and "&amp; more" in html and "&lt;b&gt;Q1&lt;/b&gt;" in html


def test_student_text_in_a_verdict_is_escaped():
    """A student's answer echoed in feedback cannot inject HTML into the notebook."""
    verdict = question("02_countries", 3).check(["<img src=x onerror=alert(1)>"])
    assert verdict.status == INCORRECT
    html = verdict._repr_html_()
    assert "<img" not in html and "&lt;img" in html


def test_note_html_escapes_body():
    """Hints and solutions are escaped too (solution code often holds < and >)."""
    html = Note("Solution", "x = a < b > c", code=True)._repr_html_()
    assert "a &lt; b &gt; c" in html


@pytest.mark.parametrize("status", list(feedback.LOOK))
def test_every_status_has_a_word_not_only_a_colour(status):
    """Each status shows a symbol and a word, so colour is never the only signal."""
    verdict = feedback.Verdict(status, "message", question="Question 1")
    symbol, word, _, _ = feedback.LOOK[status]
    assert verdict.headline() == f"{symbol} Question 1 – {word}"
    assert word in verdict._repr_html_()


# ---- Solutions pass their own checks ---------------------------------------------------------


def setup_code(exercise, question=None):
    """The exercise's own setup: the first code cell of its solution notebook. A lesson's check whose
    solution computes (not a plain value) gets the lesson's code cells that come before it, checks left out."""
    path = COURSE / "solutions" / f"{exercise}.ipynb"
    if path.exists():
        return next(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")
    solution = ast.parse(answer_key(question)).body if question else []
    if all(
        isinstance(node, ast.Assign) and isinstance(node.value, (ast.Constant, ast.JoinedStr)) for node in solution
    ):  # plain values, or f-strings of them
        return ""
    lesson = next((COURSE / "notebooks").glob(f"{exercise.removeprefix('lesson_')}*.ipynb"))
    before = []
    for cell in nbformat.read(lesson, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        if (
            f"{question.answer_name} = ..." in cell.source
            or f".check({question.answer_name})" in cell.source
            or re.search(rf"^{re.escape(question.answer_name)}\s*=.*\b___\b", cell.source, re.M)
            or (re.search(rf"^{re.escape(question.answer_name)}\s*=", cell.source, re.M) and ".check(" in cell.source)
        ):  # ... or lesson 00's cell that makes the answer and checks it under a misspelt name
            return "\n".join(before)  # the cell that asks (with `...`, or a faded line with `___`)
        if "raises-exception" in cell.metadata.get("tags", []):
            continue  # a cell that fails on purpose (lesson 00's KeyError) sets nothing up
        if not re.search(r"\.(check|record|explain|hint|solution)\(", cell.source):  # checks, hints... left out
            before.append("\n".join(line for line in cell.source.splitlines() if not line.startswith("%")))
    raise AssertionError(f"{exercise}: no cell asks for {question.answer_name}")


def without_show(code):
    """Solution code without a trailing fig.show() (tests have no browser)."""
    lines = code.rstrip().splitlines()
    if lines and lines[-1].strip() == "fig.show()":
        lines = lines[:-1]
    return "\n".join(lines)


@pytest.mark.parametrize("exercise, number", ALL_QUESTIONS, ids=IDS)
def test_solution_code_produces_a_correct_answer(exercise, number):
    """Run in the exercise notebook's setup, each solution makes the variable its check accepts."""
    q = question(exercise, number)
    if isinstance(q, RECORDS + (Parsons,)):  # a prediction or a finding has no key to run; a Parsons answer is an
        return  # order of lines (tests/test_activities.py runs those)
    namespace = {}
    exec(setup_code(exercise, q), namespace)
    code = without_show(answer_key(q))
    exec(code, namespace)
    answer_name = assigned_names(code)[-1]
    assert q.answer_name == answer_name, "the check and the grader read another variable than the key assigns"
    verdict = q.check(namespace[answer_name])
    assert verdict.status == CORRECT, f"{answer_name}: {verdict}"


def test_a_disputed_country_is_explained_as_disputed():
    """Exercise 02, Question 4: naming a country the accounts disagree about says whose accounts differ."""
    message = question("02_countries", 4).check(COUNTRIES["name"].isin(["Canada", "France"])).message
    assert "marks France: there the two reports differ" in message and "Belgian prosecutor" in message


# ---- Counts in sentences -------------------------------------------------------------------------


def test_a_centrality_copied_from_the_lesson_is_named_as_the_whole_networks():
    """Exercise 03, Question 3: the lesson's 0.18 for Bulgaria is diagnosed, and a count of links is not a centrality."""
    from takedown.questions import outlets

    assert "whole network" in outlets.q3.check(0.18).message
    assert "count of links" in outlets.q3.check(2).message
    assert outlets.q3.check(0.12).correct and outlets.q3.check(2 / 16).correct


def test_a_one_word_answer_is_counted_as_one_word():
    from takedown.questions import capstone

    assert "has 1 word;" in capstone.q4.check("Nothing").message
    assert "has 1 word;" in capstone.q3.check("Nothing").message
    assert "has 2 words;" in capstone.q4.check("Nothing here").message


# ---- Multiple choice (in-lesson checks) -------------------------------------------------------


def test_multiple_choice_explains_the_option_chosen():
    """Each option gets its own sentence; letters are read generously; anything else is the wrong kind."""
    from takedown.questions import multiple_choice

    judge = multiple_choice("b", {"a": "No: a is why.", "b": "Yes: b is why.", "c": "No: c is why."})
    assert judge(" (B) ").status == CORRECT and judge("b").message == "Yes: b is why."
    assert judge("c").status == INCORRECT and judge("c").message == "No: c is why."
    for odd in (3, "d", "", None, ["b"]):
        assert judge(odd).status == WRONG_KIND and "expected" in judge(odd).message
    with pytest.raises(ValueError):
        multiple_choice("z", {"a": "", "b": ""})


@pytest.mark.parametrize(
    "notebook, number",
    [  # every exercise question and every lesson check, once
        (notebook, number)
        for notebook in {**EXERCISES, **PRACTICE}
        for number in range(1, len(questions_for(notebook)) + 1)
    ],
)
def test_no_hint_holds_the_line_that_computes_the_answer(notebook, number):
    """Hints climb from the idea to where to look to a partial line; the answer's own line stays out."""
    q = questions_for(notebook)[number - 1]
    if isinstance(q, RECORDS + (Parsons,)):  # a prediction has no answer line; a Parsons answer is an order
        return
    squeeze = lambda text: re.sub(r"\s+", " ", text).strip()  # noqa: E731
    answer_lines = [
        line for line in answer_key(q).splitlines() if re.match(rf"\s*{re.escape(q.answer_name)}\s*=", line)
    ]
    assert answer_lines, f"{q.name}: no line of the solution assigns {q.answer_name}"
    for line in answer_lines:
        computed = squeeze(line.split("=", 1)[1])
        if computed in ('"""', "("):  # a written answer or a call spread over lines: its first line says nothing
            continue
        needle = computed if len(computed) > 3 else f"= {computed}"  # "8" alone is in "from 0 to 8"
        for hint in q.hints:
            assert needle not in squeeze(hint), f"{q.name}'s hint gives the answer away: {hint!r}"


# ---- Numbers that are not quite numbers --------------------------------------------------------

# Numbers a student types as the answer. A faded line's count comes from code the student completed (no NaN, no
# thousands), and a prediction is recorded whatever its form: activities.py words their messages itself.
NUMERIC = [
    (exercise, number)
    for exercise, number, right, *_ in ANSWERS
    if isinstance(right, numbers.Real)
    and not isinstance(right, bool)
    and not isinstance(question(exercise, number), ACTIVITIES)
]


def test_nan_from_a_misspelt_name_gets_its_own_message():
    """Exercise 06, Question 1: the mean of no rows (a misspelt scenario) is NaN, and the message says why."""
    from takedown import model

    runs = model.run_scenarios()
    nan = runs.loc[runs["scenario"] == "one hour rule", "live"].mean()
    verdict = question("06_model", 1).check(nan)
    assert verdict.status == WRONG_KIND
    assert "NaN ('not a number')" in verdict.message and "empty" in verdict.message
    assert "spelling" in verdict.message and "scenario's name" in verdict.message
    assert "decimal number" not in verdict.message


@pytest.mark.parametrize("exercise, number", NUMERIC, ids=[f"{e}-q{n}" for e, n in NUMERIC])
def test_every_number_question_explains_nan(exercise, number):
    verdict = question(exercise, number).check(float("nan"))
    assert verdict.status == WRONG_KIND, verdict
    assert "NaN ('not a number')" in verdict.message and "spelling" in verdict.message
    assert "(float)" not in verdict.message


@pytest.mark.parametrize("exercise, number", NUMERIC, ids=[f"{e}-q{n}" for e, n in NUMERIC])
def test_every_number_question_explains_a_number_typed_with_commas(exercise, number):
    """574,109 typed as a number is Python's tuple (574, 109): the message says to drop the commas."""
    verdict = question(exercise, number).check((574, 109))
    assert verdict.status == WRONG_KIND, verdict
    assert "several numbers separated by commas (a tuple)" in verdict.message
    assert "without commas, like 574109" in verdict.message


def test_a_whole_number_with_thousands_commas_is_told_to_drop_them():
    """Lesson 05's check 4 (a count in the hundreds of thousands), typed as 574,109 or 1,000."""
    message = question("lesson_05", 4).check((574, 109)).message
    assert message.startswith("I expected a whole number") and "but got a tuple" not in message
    assert "like 574109" in message
    assert "like 1000" in question("lesson_05", 4).check((1, 0)).message
    assert "like 4105170" in question("05_measuring", 2).check((4, 105, 170)).message  # 4,105,170


def test_a_decimal_comma_is_told_python_uses_a_dot():
    """1,5 (a decimal comma) is not a thousands comma: the message says Python writes 1.5."""
    message = question("06_model", 1).check((1, 5)).message
    assert "several numbers separated by commas (a tuple)" in message and "1.5" in message


@pytest.mark.parametrize(
    "value, says",
    [
        (float("nan"), "NaN ('not a number')"),
        (float("inf"), "infinity"),
        ((574, 109), "several numbers separated by commas (a tuple)"),
        (("operation", 1.0), "a tuple"),
        (len, "a function (did you forget the brackets that call it, like len(...)?)"),
        (pd.Series([1]).max, "did you forget the brackets that call it, like .max()?"),
        (pd.DataFrame, "a kind of value"),
    ],
)
def test_kind_of_describes_odd_values_in_plain_words(value, says):
    from takedown.questions import kind_of

    assert says in kind_of(value)


# ---- Letter choices answered with a word ---------------------------------------------------------


@pytest.mark.parametrize(
    "exercise, number, text",
    [("lesson_05", 10, "Activity"), ("01_the_article", 4, "registrars"), ("lesson_01", 4, "none")],
)
def test_a_word_for_a_letter_choice_asks_for_the_letter_only(exercise, number, text):
    verdict = question(exercise, number).check(text)
    assert verdict.status == WRONG_KIND
    assert "but got text (str)" not in verdict.message
    assert "one letter" in verdict.message and repr(text) in verdict.message
    assert "write only the letter of your option" in verdict.message


def test_long_text_for_a_letter_choice_is_shortened():
    verdict = question("01_the_article", 4).check("because " * 100 + "<script>")
    assert verdict.status == WRONG_KIND and len(verdict.message) < 250
    assert "<script>" not in verdict._repr_html_()


# ---- Exercise-specific messages --------------------------------------------------------------


EU_SERVERS = (COUNTRIES["role"] == "seized servers") & COUNTRIES["eu_member"]


@pytest.mark.parametrize(
    "answer",
    [EU_SERVERS, COUNTRIES[EU_SERVERS], COUNTRIES.loc[EU_SERVERS, "name"], COUNTRIES.loc[EU_SERVERS, "iso3"]],
    ids=["true-false-column", "rows", "names-column", "codes-column"],
)
def test_two_conditions_are_judged_by_what_code_gives(answer):
    """Exercise 02, Question 1: the True/False column, the rows it keeps, or their names taken with code are right."""
    assert question("02_countries", 1).check(answer).status == CORRECT


@pytest.mark.parametrize("typed", [1, EU_SERVERS.sum(), ["Netherlands"], pd.Series(["Netherlands"]), "NLD"])
def test_two_conditions_need_the_column_not_a_count_found_by_eye(typed):
    """Exercise 02, Question 1: a count (typed or computed) or a typed list earns nothing, and is told to store the
    True/False column the two tests make: the lesson's table shows the answer to anyone who reads it."""
    verdict = question("02_countries", 1).check(typed)
    assert verdict.status == WRONG_KIND
    assert "True/False column" in verdict.message and "`&`" in verdict.message
    assert question("02_countries", 1).score(typed) == 0


def test_chart_with_the_columns_names_on_its_axes_is_told_to_use_labels():
    """Exercise 02, Question 5: without labels=, the axes show the table's column names: not labelled for a reader."""
    verdict = question("02_countries", 5).check(membership_bars(labels=False))
    assert verdict.status == INCORRECT
    assert "labels=" in verdict.message and "'countries'" in verdict.message
    unnamed = question("02_countries", 5).check(membership_bars().update_layout(yaxis_title_text="How many"))
    assert unnamed.status == INCORRECT and "what the bars count" in unnamed.message


def test_no_sentence_matched_says_in_is_case_sensitive():
    """Exercise 01, Question 2: 0 (from `'europol' in sentence`) is about capital letters, not the possessive."""
    verdict = question("01_the_article", 2).check(0)
    assert verdict.status == INCORRECT
    assert "No sentence matched" in verdict.message and "capitals" in verdict.message
    assert "Europol’s" not in verdict.message


def test_the_lessons_amaq_count_is_named_and_the_right_count_says_of_how_many():
    """Exercise 01, Question 2 (walk-through W1): the lesson's line copied unchanged counts Amaq (3)."""
    amaq = question("01_the_article", 2).check(3)
    assert amaq.status == INCORRECT and "Amaq" in amaq.message and '"Europol"' in amaq.message
    assert "7 of the clean article's 15 sentences" in question("01_the_article", 2).check(7).message


def test_the_copies_of_the_quote_are_sourced_and_printed_by_no_lesson():
    """Exercise 01, Question 3: each copy names a source of the course, and no lesson prints a changed copy."""
    from takedown import text
    from takedown.questions.article import COPIES

    assert {copy["source"] for copy in COPIES} <= set(data.sources()["source"])
    lessons = "".join(path.read_text() for path in (COURSE / "notebooks").glob("*.ipynb"))
    for copy in COPIES:
        if not text.quote_is_in(copy["sentence"], data.article()):
            assert copy["sentence"][30:] not in lessons


def test_a_choice_by_an_outlets_size_is_recorded_with_a_pointer_to_the_rubric():
    """Exercise 01, Question 5 (walk-throughs W1, W3): the classmate's fallacy is recorded, and told its rubric row."""
    size = "Radicalize, because VOA is the biggest outlet of these and so its copy must be the original one here."
    verdict = question("01_the_article", 5).check(size)
    assert verdict.status == CORRECT and "Needs work" in verdict.message
    evidence = (
        "Radicalise: Europol's own release writes radicalised, and VOA changed other words inside the quotes too."
    )
    assert "Needs work" not in question("01_the_article", 5).check(evidence).message


@pytest.mark.parametrize("answer", [{"bgr": 0.125}, pd.Series({"bgr": 0.125})])
def test_bulgarias_centrality_answered_with_every_value_points_to_one_value(answer):
    """Exercise 03, Question 3: every node's centrality gets a pointer to Bulgaria's one value."""
    verdict = question("03_outlets", 3).check(answer)
    assert verdict.status == WRONG_KIND
    assert '"bgr"' in verdict.message and "[...]" in verdict.message


def test_removing_a_node_by_its_drawing_label_says_nodes_go_by_their_ids():
    """Exercise 03, Question 4: `node != "Takedown action"` removes nothing; the graph stays in one piece."""
    import networkx as nx

    from takedown.charts.network import operation_graph

    G = operation_graph()
    pieces = nx.number_connected_components(G.subgraph([node for node in G if node != "Takedown action"]))
    verdict = question("03_outlets", 4).check(pieces)
    assert verdict.status == INCORRECT
    assert "ids" in verdict.message and "label" in verdict.message and '"servers"' in verdict.message
    assert not re.search(r"\b8\b", verdict.message)


def test_telegram_level_with_days_for_hours_says_the_model_counts_hours():
    """Exercise 06, Question 3: find_hours=14 (two weeks in days) gets 'hours, not days'."""
    from takedown import model

    verdict = question("06_model", 3).check(model.steady_state(find_hours=14))
    assert verdict.status == INCORRECT
    assert "hours, not days" in verdict.message and "2019 value" not in verdict.message


def test_a_function_without_brackets_is_told_to_call_it():
    from takedown import model

    verdict = question("06_model", 3).check(model.steady_state)
    assert verdict.status == WRONG_KIND
    assert "a function (did you forget the brackets that call it, like steady_state(...)?)" in verdict.message
    assert "builtins" not in verdict.message


def test_the_model_hint_calls_params_a_dictionary():
    hints = " ".join(question("06_model", 3).hints)
    assert "table" not in hints and "dictionary" in hints


@pytest.mark.slow  # runs a notebook in a kernel
def test_text_typed_without_quotation_marks_gets_a_tip_under_the_error():
    """`answer = b` in a notebook: the NameError is shown as usual, then how to write text; the cell still fails."""
    from nbclient import NotebookClient

    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("%xmode Minimal\nfrom takedown.questions.lesson_02 import c3"),
            nbformat.v4.new_code_cell("goes_to_y = b\nc3.check(goes_to_y)"),
            nbformat.v4.new_code_cell("1 / 0"),
        ]
    )
    NotebookClient(notebook, allow_errors=True, kernel_name="python3", timeout=120).execute()
    error, tip = notebook.cells[1].outputs
    assert error["output_type"] == "error" and error["ename"] == "NameError"
    assert tip["text"].startswith('Tip: if you meant the text b, put it in quotation marks: "b".')
    assert [output["ename"] for output in notebook.cells[2].outputs] == ["ZeroDivisionError"]  # other errors as before
    assert feedback.name_error_tip(ZeroDivisionError("division by zero")) == ""


@pytest.mark.parametrize(
    "line, name, says",
    [
        ('sentence = f"Europol announced the operation in {yaer}."', "yaer", "inside the braces { } of an f-string"),
        ('agreed = countries.loc[~disputed, "name"]', "disputed", "after ~ Python expects a True/False column"),
        (
            "agreed = countries.loc[~countries[disputed], 'name']",
            "disputed",
            'write it in quotation marks, ["disputed"]',
        ),
        ("goes_to_y = b", "b", 'if you meant the text b, put it in quotation marks: "b"'),
        # A student walking lesson 00 typed a number as a word: the tip must not send them to quotation marks.
        (
            "country_count = eigth",
            "eigth",
            "if you meant the number eight, type it in digits, without quotation marks: 8",
        ),
    ],
)
def test_name_error_tip_speaks_of_where_the_name_sits(line, name, says):
    """A student walking lessons 00-02 met NameErrors in an f-string, after ~ and inside [...]: one tip did not fit."""
    assert says in feedback.error_tip(NameError(f"name '{name}' is not defined"), line)


def test_type_and_key_errors_a_beginner_meets_get_a_plain_tip():
    tips = []
    for code in ('~"disputed"', "{1} + {2}", 'pd.DataFrame({"role": [1]})["Role"]'):
        try:
            eval(code, {"pd": pd})
        except (TypeError, KeyError) as error:
            tips.append(feedback.error_tip(error))
    assert 'in front of the column itself, like ~countries["disputed"]' in tips[0]
    assert "Use & for what is in both" in tips[1]
    assert "no column (or entry) called 'Role'" in tips[2] and "table.columns" in tips[2]
    assert feedback.error_tip(TypeError("unsupported operand type(s) for +: 'int' and 'str'")) == ""


def test_a_function_called_instead_of_handed_over_and_a_course_sentence_key_error_get_fitting_tips():
    """Lesson 01's cleaning steps are handed over by name: `drop_comment_form()` with brackets says so. A KeyError
    the course already words as a sentence (lesson 05's labels) gets no tip about table columns under it."""
    from takedown import text

    try:
        text.drop_comment_form()
    except TypeError as error:
        tip = feedback.error_tip(error)
    assert "drop_comment_form() was called without what it works on" in tip and "without brackets" in tip
    assert feedback.error_tip(KeyError('No running total is labelled "2017-01-01". The labels are: …')) == ""
    assert "- for what is in the first but not the second" in feedback.error_tip(
        TypeError("unsupported operand type(s) for +: 'set' and 'set'")
    )


# ---- Feedback that points at the real slip ---------------------------------------------------------


@pytest.mark.parametrize("received", ["2022-07-06 23:30", "2022-06-07 11:30", "2022-06-07 00:00", "2022-06-08 23:30"])
def test_deadline_from_a_wrong_received_time_says_to_check_received(received):
    """Exercise 07, Question 4: the Regulation's hours added to a wrong start (07/06/2022 read month first, a
    12-hour clock, no time, the wrong day) is about `received`, not about removal_deadline_hours."""
    from takedown.questions import framing

    answer = pd.Timestamp(received) + pd.Timedelta(hours=framing.regulation_hours())
    verdict = question("07_policy_and_framing", 4).check(answer)
    assert verdict.status == INCORRECT
    assert "check your `received` Timestamp" in verdict.message and "the time the question gives" in verdict.message
    assert "removal_deadline_hours" not in verdict.message
    assert not re.search(r"00:30|8 June|June 8|\bone hour\b|\b1 hour", verdict.message), verdict.message


def test_deadline_with_day_and_month_swapped_says_to_write_year_month_day():
    verdict = question("07_policy_and_framing", 4).check(pd.Timestamp("07/06/2022 23:30") + pd.Timedelta(hours=1))
    assert "day and the month swapped" in verdict.message and "year-month-day" in verdict.message


def test_deadline_24_hours_later_is_not_told_it_added_days():
    """received + pd.Timedelta(hours=24) is 24 hours later: the message says so, then where the hours are."""
    from takedown.questions import framing

    verdict = question("07_policy_and_framing", 4).check(framing.ORDER_RECEIVED + pd.Timedelta(hours=24))
    assert verdict.status == INCORRECT
    assert verdict.message.startswith("That is 24 hours after the order arrived")
    assert "removal_deadline_hours" in verdict.message and "You added days" not in verdict.message


def test_deadline_24_hours_and_days_for_hours_get_their_own_messages_when_the_rule_differs(monkeypatch):
    """With a 2-hour rule in the data, +24 hours and +2 days are different slips, each named."""
    from takedown import data
    from takedown.questions import framing

    original = data.policy_instruments

    def two_hours():
        table = original()
        table.loc[table["instrument"] == "reg_2021_784", "removal_deadline_hours"] = 2
        return table

    monkeypatch.setattr(data, "policy_instruments", two_hours)
    q4 = question("07_policy_and_framing", 4)
    day_later = q4.check(framing.ORDER_RECEIVED + pd.Timedelta(hours=24)).message
    assert day_later.startswith("That is 24 hours after the order arrived") and "days, not hours" not in day_later
    assert q4.check(framing.ORDER_RECEIVED + pd.Timedelta(days=2)).message.startswith("You added days, not hours")
    assert "check your `received`" in q4.check(pd.Timestamp("2022-07-06 23:30") + pd.Timedelta(hours=2)).message
    assert q4.check(framing.ORDER_RECEIVED + pd.Timedelta(hours=2)).status == CORRECT


def test_cut_quote_hint_says_which_mark_this_copy_uses():
    """Exercise 07, Question 3: PA marks its cut with "..." (three full stops), not the article's "…"; the first
    hint says so, since splitting at "…" leaves the quote whole."""
    from takedown.questions import framing

    first = question("07_policy_and_framing", 3).hints[0]
    assert '"..."' in first and "three full stops" in first and "“…”" in first
    assert len(framing.PA_VERSION.split("…")) == 1 and len(framing.PA_VERSION.split("...")) == 2


def test_days_to_binding_hint_says_how_to_take_one_date():
    """Exercise 07, Question 5: `applies` must be one date, not a one-row Series (which has no .days)."""
    hints = " ".join(question("07_policy_and_framing", 5).hints)
    assert 'events.set_index("id").loc["reg_2021_784_applies", "date"]' in hints
    assert ".item()" in hints and "one date" in hints


def test_total_to_2018_hint_says_iloc_takes_the_last_row():
    """Exercise 05, Question 2: the lessons have not shown .iloc[-1] by then."""
    second = question("05_measuring", 2).hints[1]
    assert "`.iloc[-1]` takes the last row" in second


def test_figure_alt_hint_says_where_chosen_comes_from():
    """Exercise 08, Question 3: `chosen` is Question 2's list of panels, or a list written out."""
    second = question("08_capstone", 3).hints[1]
    assert "Question 2" in second and "run that cell first" in second
    assert 'briefing.alt_text(["countries", ...])' in second


def test_membership_chart_hints_point_to_the_lessons_example_not_the_answer():
    """Exercise 02, Question 5: lesson 02's example drew `continents` (bars on their side); the hints quote that call
    as the lesson has it, and give no call with the answer's columns."""
    hints = question("02_countries", 5).hints
    text = " ".join(hints)
    example = 'px.bar(continents, x="countries", y="continent", orientation="h"'
    lesson = (Path(__file__).resolve().parents[1] / "notebooks" / "02_countries.ipynb").read_text(encoding="utf-8")
    assert example in text and example.replace('"', '\\"') in lesson and "your table" in text
    assert 'x="organisation"' not in text and "px.bar(table" not in text and "worked an example" not in text


@pytest.mark.parametrize(
    "answer", [COUNTRIES["name"].isin([]), COUNTRIES[COUNTRIES["name"].isin(set())]], ids=["column", "rows"]
)
def test_an_empty_servers_in_both_says_to_check_the_source_names(answer):
    """Exercise 02, Question 4: wrong source names give two empty sets; 'missing 3 countries' would not help."""
    verdict = question("02_countries", 4).check(answer)
    assert verdict.status == INCORRECT
    assert "False for every country" in verdict.message and "`source` column" in verdict.message
    assert "missing" not in verdict.message
    assert not re.search(r"Canada|Netherlands|United States|CAN|NLD|USA|\b3\b", verdict.message)


@pytest.mark.parametrize("typed", [["Canada", "Netherlands", "United States"], {"CAN", "NLD", "USA"}])
def test_servers_in_both_needs_the_column_code_marks_not_a_list_copied_from_the_lesson(typed):
    """Exercise 02, Question 4 (review D2: lesson 02's table prints the answer): a typed list is the wrong kind, and
    the message says how to mark the set in `countries`."""
    verdict = question("02_countries", 4).check(typed)
    assert verdict.status == WRONG_KIND and ".isin(" in verdict.message


def test_a_chart_shown_instead_of_stored_says_show_gives_nothing_back():
    """Exercise 02, Question 5 (walk-through W3): `fig = px.bar(...).show()` stores None."""
    verdict = question("02_countries", 5).check(None)
    assert verdict.status == WRONG_KIND and "gives nothing back" in verdict.message and "fig.show()" in verdict.message


def test_a_list_of_names_given_to_iso3_of_says_one_at_a_time():
    """Exercise 02, Question 3 (walk-through W3): `data.iso3_of(fbi_2024)` used to give None silently."""
    with pytest.raises(TypeError, match="one name at a time"):
        data.iso3_of(["Spain", "Iceland"])


def test_a_gap_between_vague_dates_is_a_range_and_the_stored_dates_are_diagnosed():
    """Exercise 04, Question 1: two vague dates give a range; the stored dates' difference is named, and one end
    right earns half the point."""
    q = question("04_timeline", 1)
    stored = q.check((943, 943))
    assert stored.status == INCORRECT and "stored dates" in stored.message
    assert q.score((579, 974)) == 0.5 and "Your shortest gap is right" in q.check((579, 974)).message
    assert q.check(579).status == WRONG_KIND and "range" in q.check(579).message
    assert not re.search(r"\b(579|973)\b", stored.message)


@pytest.mark.parametrize("new_date", [pd.Timestamp("2017-06-12"), "06/12/2017"])
@pytest.mark.parametrize("add_one", [True, False])
def test_new_position_from_a_day_first_date_says_to_write_year_month_day(new_date, add_one):
    """Exercise 04, Question 4: "06/12/2017" is 12 June 2017 to pandas; the count is then off, silently."""
    from takedown import data

    events = data.events()
    answer = (events["date"] < new_date).sum() + (1 if add_one else 0)
    verdict = question("04_timeline", 4).check(answer)
    assert verdict.status == INCORRECT
    assert "year-month-day" in verdict.message and 'pd.Timestamp("2017-12-06")' in verdict.message
    assert "too low" not in verdict.message and "add one" not in verdict.message
    assert not re.search(r"\b10\b", verdict.message), verdict.message


@pytest.mark.parametrize("folder", ["solutions", "exercises"])
def test_exercise_02_gives_students_the_countries_its_check_uses(folder):
    """Question 3's check and the setup cell's `fbi_2024` name the same countries (the FBI's release of June 2024)."""
    from takedown.questions.countries import FBI_2024

    notebook = nbformat.read(COURSE / folder / "02_countries.ipynb", as_version=4)
    setup = next(cell.source for cell in notebook.cells if cell.cell_type == "code")
    line = next(line for line in setup.splitlines() if line.startswith("fbi_2024 = "))
    assert tuple(ast.literal_eval(line.split(" = ", 1)[1])) == FBI_2024
