"""Activities where students write, order or record (takedown/questions/activities.py): what each says to
a student, that none marks a prediction, that none gives the answer away, and that they work in a kernel."""

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbclient import NotebookClient

from course.authoring import build, site
from course.grading import grade, review
from takedown import data, feedback
from takedown.charts import closed_alt_markdown
from takedown.questions import Question
from takedown.questions.activities import (
    LATERAL_RUBRIC,
    RECORDED,
    SAFETY,
    FadedExample,
    LateralReading,
    ModifyAndPredict,
    Parsons,
    Prediction,
    ___,
    blank_cells_wait,
    has_blank,
)

FORBIDDEN = ("too high", "too low", "Traceback")


def nato_prediction():
    return Prediction(
        name="Prediction 1",
        answer_name="nato_guess",
        between=(0, 8),
        whole=True,
        observed=lambda: f"{int(data.countries()['nato_member'].sum())} of the 8",
    )


def eu_count():
    return FadedExample(
        name="Try it 1",
        expected=lambda: int(data.countries()["eu_member"].sum()),
        solution_code='eu_count = countries["eu_member"].sum()',
        mistakes=(
            (8, "That counts every country: which column says whether a country was in the EU?"),
            (lambda value: value == 2, "That counts the countries outside the EU: look again at the mask."),
        ),
        otherwise="Re-examine the part you filled in: which method adds up a column?",
    )


def ordering():
    return Parsons(
        name="Try it 3",
        lines=('eu = countries[countries["eu_member"]]', 'names = eu["name"]', 'print(len(names), "EU members")'),
        why={2: "It uses `eu`: which line makes `eu`?"},
    )


def lateral():
    return LateralReading(
        name="Check the source 1",
        answer_name="who_publishes",
        task="Who publishes governmenteuropa.eu? Search for the site's name, not in it.",
        offline="No internet? Read the row for governmenteuropa.eu in data.sources().",
    )


# ---- Predictions: recorded, never marked --------------------------------------------------------


@pytest.mark.parametrize("guess", [0, 3, 8, 5.0])
def test_any_prediction_in_range_is_recorded_in_plain_words_and_never_marked(guess):
    p1 = nato_prediction()
    verdict = p1.record(guess)
    assert verdict.status == RECORDED and not verdict.correct
    assert verdict.message.startswith(f"Recorded your prediction: {int(guess)}.")
    assert "right or wrong" in verdict.message and "Correct" not in verdict.headline()
    assert p1.recorded == int(guess) and p1.score(guess) == p1.points


@pytest.mark.parametrize(
    "guess, says",
    [
        (..., "Replace the ... with your answer"),
        ("five", "Write the number without quotation marks"),
        (2.5, "not a whole number"),
        (12, "a number from 0 to 8"),
        (None, "nothing (None)"),
    ],
)
def test_a_prediction_of_the_wrong_form_is_not_recorded(guess, says):
    p1 = nato_prediction()
    verdict = p1.record(guess)
    assert verdict.status != RECORDED and says in verdict.message and p1.recorded is None


def test_explaining_checks_only_the_form_and_sets_the_prediction_beside_the_data():
    p1 = nato_prediction()
    p1.record(5)
    assert p1.explanation_verdict().status == feedback.NOT_ATTEMPTED
    assert "at least 5 words" in p1.explanation_verdict("Surprised.").message
    assert "at most" in p1.explanation_verdict("word " * 100).message
    assert "between quotation marks" in p1.explanation_verdict(5).message
    verdict = p1.explanation_verdict("I did not know Canada and the US were in NATO too.")
    assert verdict.status == RECORDED and "You predicted 5; the data shows 8 of the 8." in verdict.message
    assert verdict.question == "Prediction 1"


def test_explaining_before_predicting_asks_for_the_prediction_cell():
    assert (
        "run the prediction cell above"
        in nato_prediction().explanation_verdict("The numbers were much higher than I thought.").message
    )


def test_choice_and_text_predictions():
    choice = Prediction(name="P", answer_name="g", choices={"a": "it rises", "b": "it falls"})
    assert choice.record(" (B) ").message.startswith("Recorded your prediction: b (it falls).")
    assert 'one letter, "a" or "b"' in choice.record("c").message
    text = Prediction(name="P", answer_name="g")
    assert text.record("It falls after 2018").status == RECORDED
    assert text.record("  ").status == feedback.NOT_ATTEMPTED
    assert "A prediction has no right answer" in text.solution().body


# ---- Faded examples: the value is judged, the message says what to re-examine ----------------------


def test_a_completed_line_giving_the_right_value_is_correct():
    countries = data.countries()
    assert eu_count().check(countries["eu_member"].sum()).correct
    assert eu_count().check(6.0).correct


@pytest.mark.parametrize(
    "answer, says",
    [
        (8, "That counts every country"),
        (2, "That counts the countries outside the EU"),
        (3, "Re-examine the part you filled in"),
        ("6", "this line should give a number"),
        (pd.DataFrame({"a": [1]}), "this line should give a number"),
    ],
)
def test_a_wrong_value_says_what_to_re_examine_never_too_high_or_low_nor_the_answer(answer, says):
    verdict = eu_count().check(answer)
    assert not verdict.correct and says in verdict.message
    assert not any(word in verdict.message for word in FORBIDDEN) and " 6" not in verdict.message


def test_the_blank_left_in_place_means_not_attempted():
    for unfinished in (___, ___ + 1, ___.sum(), ___["name"], round(___), ...):
        assert eu_count().check(unfinished).status == feedback.NOT_ATTEMPTED


def test_the_blank_is_found_in_code_not_in_text_or_comments():
    assert has_blank('eu_count = countries["eu_member"].___()')
    assert has_blank("x = countries[___]")
    assert not has_blank('x = "___"  # fill in ___ later')
    assert not has_blank("my___name = 1")
    assert blank_cells_wait(["x = 1\n"]) == ["x = 1\n"]


def test_modify_and_predict_sets_the_result_beside_the_prediction():
    m1 = ModifyAndPredict(
        name="Try it 2",
        answer_name="nato_count",
        expected=lambda: int(data.countries()["nato_member"].sum()),
        otherwise="Re-examine the column name you put in: is it the one about NATO?",
    )
    assert m1.predict(7).status == RECORDED
    verdict = m1.check(8)
    assert verdict.correct and "You predicted 7: what did you expect the change to do" in verdict.message
    assert "Re-examine the column name" in m1.check(6).message
    m1.predict(8)
    assert "It is what you predicted." in m1.check(8).message


def test_modify_and_predict_waits_for_the_prediction_before_judging():
    """Lesson 01's Check 3 run with its `predict(...)` left blank: the check must not give the count away."""
    m1 = ModifyAndPredict(name="Try it 2", answer_name="m", expected=lambda: 8, solution_code="m = 8")
    verdict = m1.check(8)
    assert verdict.status == feedback.NOT_ATTEMPTED and "First record your prediction" in verdict.message
    assert "8" not in verdict.message
    m1.predict(7)
    assert m1.check(8).correct


# ---- Parsons problems: the first position that is wrong, never the whole order ----------------------


def test_parsons_lines_are_shown_shuffled_the_same_way_every_time():
    problem = ordering()
    assert problem.shuffled == ordering().shuffled and problem.shuffled != (1, 2, 3)
    listing = problem.listing().splitlines()
    assert [line[:3] for line in listing] == ["a) ", "b) ", "c) "]
    assert sorted(line[4:].strip() for line in listing) == sorted(problem.lines)


def right_order(problem):
    letters = "abcdefghij"
    return [letters[problem.shuffled.index(position)] for position in range(1, len(problem.lines) + 1)]


def test_parsons_accepts_letters_numbers_text_and_the_code_itself():
    problem = ordering()
    letters = right_order(problem)
    for answer in (
        letters,
        tuple(letters),
        "".join(letters),
        ", ".join(letters).upper(),
        ["abc".index(letter) + 1 for letter in letters],
        "\n".join(f"  {line}" for line in problem.lines),
    ):
        assert problem.check(answer).correct, answer


def test_parsons_names_the_first_wrong_position_and_its_reason_but_not_the_order():
    problem = ordering()
    letters = right_order(problem)
    swapped = [letters[0], letters[2], letters[1]]
    verdict = problem.check(swapped)
    assert not verdict.correct
    assert verdict.message.startswith("Line 2 of your order is not in its place yet (the ones before it are fine).")
    assert "".join(letters) not in verdict.message and str(letters) not in verdict.message
    first_wrong = problem.check([letters[1], letters[0], letters[2]])
    assert "It uses `eu`: which line makes `eu`?" in first_wrong.message


@pytest.mark.parametrize(
    "answer, status, says",
    [
        ([], feedback.NOT_ATTEMPTED, "Put the letters"),
        (["a", "a", "b"], feedback.INCORRECT, "uses a line twice"),
        (["a"], feedback.INCORRECT, "leaves out 2 lines"),
        (["a", "b", "z"], feedback.WRONG_KIND, "'z' is not one of the letters a to c"),
        ([1, 2, 9], feedback.WRONG_KIND, "There is no line 9"),
        ({"a", "b"}, feedback.WRONG_KIND, "a list of letters"),
        ("x = 1\ny = 2", feedback.WRONG_KIND, "is not one of the given lines"),
    ],
)
def test_parsons_bad_orders_get_a_plain_sentence(answer, status, says):
    verdict = ordering().check(answer)
    assert verdict.status == status and says in verdict.message


def test_parsons_accepts_other_orders_that_work():
    problem = Parsons(name="Two starts", lines=("a = 1", "b = 2", "print(a + b)"), also_right=((2, 1, 3),))
    shown = problem.shuffled
    letter = {position: "abc"[shown.index(position)] for position in (1, 2, 3)}
    assert problem.check([letter[2], letter[1], letter[3]]).correct
    assert problem.check([letter[2], letter[3], letter[1]]).message.startswith("Line 2 of your order")


def test_a_parsons_problem_needs_different_lines():
    with pytest.raises(ValueError):
        Parsons(name="Same", lines=("x = 1", "x = 1"))


# ---- Lateral reading: form checked, a person scores it, the grader collects it ---------------------


def test_lateral_reading_shows_the_safety_rule_and_the_offline_fallback():
    note = lateral().show()
    assert SAFETY in note.body and "never for the material" in note.body and "data.sources()" in note.body


@pytest.mark.parametrize(
    "answer, status, says",
    [
        ("A company", feedback.INCORRECT, "at least 15 words"),
        (
            "it is published by some people who seem to work on European policy news and events and more things",
            feedback.INCORRECT,
            "Say where you found it",
        ),
        (
            "governmenteuropa.eu is run by a UK media company, according to its about page and the UK company register.",
            RECORDED,
            "your instructor scores them with the rubric",
        ),
        (42, feedback.WRONG_KIND, "as text"),
    ],
)
def test_lateral_reading_checks_only_the_form(answer, status, says):
    verdict = lateral().check(answer)
    assert verdict.status == status and says in verdict.message


def test_lateral_reading_is_scored_by_a_person_with_three_levels():
    task = lateral()
    assert task.needs_review and task.rubric is LATERAL_RUBRIC and len(task.rubric.levels) == 3
    assert task.points == task.rubric.max_points == 6


def test_lateral_reading_answers_reach_the_review_page_like_the_capstones(tmp_path, monkeypatch):
    """In an exercise, the grader's review path (course/grading/review.py) collects the text for a person to score."""
    task = lateral()
    monkeypatch.setitem(review.EXERCISES, "99_sources", "tests.none")
    monkeypatch.setattr(review, "questions_for", lambda exercise: [task])
    answer = "The site is run by a UK publisher, says Companies House; Europol's own release is on europol.europa.eu."
    result = grade.Result("alice/99_sources.ipynb", "alice", "99_sources")
    verdict = task.verdict(answer)
    points, text = grade.score(task, {task.answer_name: answer}, verdict)
    result.verdicts.append(verdict)
    result.scores.append(points)
    result.maxima.append(task.points)
    result.to_review[1] = text
    pages, scores, _ = review.write_review([result], tmp_path)
    page = pages[0].read_text(encoding="utf-8")
    assert points is None and "Left the page to check it" in page and "Companies House" in page
    assert "99_sources,Q1,6" in scores.read_text(encoding="utf-8")


# ---- Every activity is a Question: never a traceback ---------------------------------------------


@pytest.mark.parametrize("make", [nato_prediction, eu_count, ordering, lateral])
@pytest.mark.parametrize("odd", [None, b"x", {"a": 1}, object(), float("nan"), [[1]], pd.Series([1, 2]), print])
def test_any_value_gets_a_plain_sentence(make, odd):
    activity = make()
    assert isinstance(activity, Question)
    verdict = activity.check(odd)
    assert verdict.message.strip() and "Traceback" not in verdict.message
    assert 0 <= activity.score(odd, verdict) <= activity.points


# ---- In a kernel: a blank cell waits, a chart's text alternative waits ---------------------------------


def test_in_a_notebook_a_cell_with_a_blank_says_not_attempted_and_a_closed_alt_keeps_the_image_alt():
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "from takedown import charts, data\n"
                "from takedown.questions.activities import FadedExample\nfrom takedown.charts import chart_with_closed_alt\n"
                "countries = data.countries()\n"
                "f1 = FadedExample(name='Try it 1', expected=6, solution_code='eu_count = 6')"
            ),
            nbformat.v4.new_code_cell('eu_count = countries["eu_member"].___()   # fill in ___\nf1.check(eu_count)'),
            nbformat.v4.new_code_cell('eu_count = countries["eu_member"].sum()\nf1.check(eu_count)'),
            nbformat.v4.new_code_cell("chart_with_closed_alt(charts.roles_chart())"),
        ]
    )
    NotebookClient(notebook, kernel_name="python3", timeout=120, config=build.kernel_config()).execute()
    waiting = notebook.cells[1].outputs[0]["data"]["text/plain"]
    assert waiting == (
        "○ Try it 1 – Not attempted yet: Replace the ___ (line 1 of the cell) with your part of the "
        "line, then run the cell again."
    )
    assert notebook.cells[2].outputs[0]["data"]["text/plain"].startswith("✓ Try it 1 – Correct")
    figure, alternative = notebook.cells[3].outputs
    alt = charts_alt()
    assert f'alt="{alt}"' in figure["data"]["text/html"].replace("&#x27;", "'")
    markdown = alternative["data"]["text/markdown"]
    assert markdown == closed_alt_markdown(alt) and markdown.startswith("<details><summary>")
    assert site.text_alternative(alternative) == site.plain_text(alt)


def charts_alt():
    from takedown import charts

    return charts.roles_chart().alt_text


def test_every_activity_answers_any_generated_value_with_a_plain_sentence():
    """The fuzz tests' 1,000 kinds of value (tests/test_fuzz_checks.py), fed to one activity of each kind."""
    from hypothesis import HealthCheck, given, settings

    from test_fuzz_checks import ANY_VALUE, ODD_OBJECTS, Odd

    activities = [
        nato_prediction(),
        eu_count(),
        ordering(),
        lateral(),
        Prediction(name="P", answer_name="g", choices={"a": "rises", "b": "falls"}),
        ModifyAndPredict(name="M", answer_name="m", expected=lambda: 8, solution_code="m = 8"),
    ]

    @settings(
        max_examples=200,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(value=ANY_VALUE)
    def fuzz(value):
        answer = ODD_OBJECTS[value]() if isinstance(value, Odd) else value
        for activity in activities:
            verdict = activity.check(answer)
            assert verdict.status in feedback.LOOK and verdict.message.strip(), activity.name
            assert 0 <= activity.score(answer, verdict) <= activity.points, activity.name
        explained = activities[0].explanation_verdict(answer)
        assert explained.status in feedback.LOOK and explained.message.strip()

    fuzz()


def test_parsons_accepts_the_value_the_lines_give_when_run_in_order():
    countries = data.countries()
    problem = Parsons(
        name="Run it", lines=ordering().lines[:2], result=lambda: countries[countries["eu_member"]]["name"]
    )
    eu = countries[countries["eu_member"]]
    assert problem.check(eu["name"]).correct
    assert not problem.check(countries["name"]).correct


# S1's slips: one "where" rule for every lateral-reading check (lessons 01, 02, 03, 07).
@pytest.mark.parametrize(
    "where",
    [
        "the course's stored notes",
        "the offline cell (data.sources())",
        "the stored copies",
        "lalibre_2018 and lalibre_2018_update",
        "La Libre Belgique",
        "lalibre.be",
        "the ICCT",
    ],
)
def test_an_honest_offline_or_publisher_citation_names_a_place(where):
    answer = f"The first version gives six countries and the later one gives three, as I read in {where} today."
    for name in ("lesson_01", "lesson_02", "lesson_03"):
        module = __import__(f"takedown.questions.{name}", fromlist=["x"])
        for task in (q for q in vars(module).values() if isinstance(q, LateralReading)):
            verdict = task.check(answer)
            assert verdict.status == RECORDED, (name, task.name, where, verdict.message)


def test_an_answer_that_names_no_place_is_asked_where_in_every_lesson():
    answer = "It names Halumu once in a list of targets, and it is published by a think tank funded by two ministries."
    for name in ("lesson_01", "lesson_02", "lesson_03"):
        module = __import__(f"takedown.questions.{name}", fromlist=["x"])
        for task in (q for q in vars(module).values() if isinstance(q, LateralReading)):
            verdict = task.check(answer)
            assert verdict.status == feedback.INCORRECT and "stored notes" in verdict.message, (name, task.name)


def test_a_condition_counted_on_one_column_only_is_told_in_plain_words():
    # S1, lesson 02 Check 7: countries["eu_member"] & ~countries["five_eyes"].sum() gives a True/False column
    from takedown import data
    from takedown.questions import lesson_02

    countries = data.countries()
    verdict = lesson_02.c7.check(countries["eu_member"] & ~countries["five_eyes"].sum())
    assert not verdict.correct and "a column of True/False, not one number" in verdict.message
    assert "round brackets around the whole condition, then `.sum()`" in verdict.message
    assert "Series" not in verdict.message


def test_a_wrong_line_that_matches_the_prediction_is_not_told_it_is_what_you_predicted():
    # S1, lesson 01 Check 3: predict 3, forget to change A to a: the ✗ must not end "It is what you predicted."
    from takedown.questions import lesson_01

    task = lesson_01.c3
    task.log.clear()
    still_capital = lesson_01.sentences_with("Amaq")
    task.predict(still_capital)
    verdict = task.verdict(still_capital)
    task.log.clear()
    assert verdict.status == feedback.INCORRECT and "It is what you predicted." not in verdict.message
    assert "did the line get the change the task asks for?" in verdict.message


# ---- A value typed from the page is sent back to the line (D5: "the line must give what code gives") ------
# Each guarded check: the cell a student runs when they type what the page prints, and the cell that writes
# the line (the lesson's own answer). In a notebook the check reads the cell; here `cells_run` stands in for
# the kernel's history of cells.

from takedown.questions import activities, lesson_01, lesson_02, lesson_03, lesson_04, lesson_08  # noqa: E402

# Whole-line checks whose task gives the line's shape (Check 7's stem, the cells' comments): their message may too.
SHAPE_GIVEN = (lesson_02.c7, lesson_04.c5)
TYPED_FROM_THE_PAGE = [
    (lesson_01.c2, "propaganda_count = 7", 'len([s for s in sentences["sentence"] if "propaganda" in s])'),
    (lesson_01.c3, "small_a_count = 0", 'len([s for s in sentences["sentence"] if "amaq" in s])'),
    (lesson_02.c2, "five_eyes_count = 3", 'countries["five_eyes"].sum()'),
    (lesson_02.c6, 'belgium_role = "led the operation"', 'countries.loc[countries["iso3"] == "BEL", "role"].item()'),
    (lesson_02.c7, "eu_not_five_eyes = 5", '(countries["eu_member"] & ~countries["five_eyes"]).sum()'),
    (lesson_02.c9, 'five_eyes_servers = ["Canada", "United States"]', "sorted(five_eyes & europol)"),
    (lesson_02.c10, 'differ = sorted(["Romania", "France", "Bulgaria"])', "sorted(europol ^ afp)"),
    (lesson_02.c11, 'no_servers = ["United Kingdom"]', "sorted(five_eyes - europol)"),
    (lesson_03.c1, 'amaq_catch = "at least"', 'amaq["language_count_qualifier"].item()'),
    (lesson_03.c8, 'amaq_kind = "outlet"', 'G.nodes["amaq"]["kind"]'),
    (lesson_03.c11, 'most_links = "operation"', "centrality.idxmax()"),
    (lesson_04.c3, "research_count = 3", "len(research)"),
    (lesson_04.c5, "gap = 159", '(dates["telegram_action_day_2018"] - dates["operation_announced"]).days'),
    (lesson_04.c6, "longest = 851", '(pd.to_datetime("2021-01-31") - dates["telegram_action_day_2018"]).days'),
    (lesson_08.c9, "latest = 166_513", 'half_years()["2018-07-01"]'),
]


def _right_value(check):
    value = check._expected()
    return value.item() if hasattr(value, "item") else value  # the plain Python value, as a student types it


def _judged_in_cells(check, monkeypatch, *cells, answer):
    monkeypatch.setattr(activities, "cells_run", lambda: list(cells))
    monkeypatch.setattr(activities, "user_namespace", lambda: {"check": check})
    if isinstance(check, ModifyAndPredict):
        check.log.clear()
        check.predict(answer)  # the prediction comes first, as in the lesson
    try:
        return check.verdict(answer)
    finally:
        if isinstance(check, ModifyAndPredict):
            check.log.clear()


@pytest.mark.parametrize("check, typed, line", TYPED_FROM_THE_PAGE, ids=lambda v: getattr(v, "name", None))
def test_a_right_value_typed_from_the_page_is_sent_back_to_the_line(check, typed, line, monkeypatch):
    right = _right_value(check)
    verdict = _judged_in_cells(check, monkeypatch, f"{typed}\ncheck.check({check.answer_name})", answer=right)
    assert verdict.status == feedback.INCORRECT, verdict
    assert "typed by hand" in verdict.message and "Python gives the" in verdict.message
    assert "It is also what you predicted" not in verdict.message  # Check 3: the line, not the guess, is at stake
    for part in ("sum", "item", " & ", " ^ ", " - ", "idxmax", "2018-07-01", '"amaq"'):
        if part in line and check not in SHAPE_GIVEN:  # the message names the part to write, never the answer
            assert part not in verdict.message, (part, verdict.message)
    # the line itself, as the lesson's cell has the student write it, is still right
    written = f"{check.answer_name} = {line}\ncheck.check({check.answer_name})"
    assert _judged_in_cells(check, monkeypatch, written, answer=right).status == feedback.CORRECT


def test_the_cell_that_made_the_answer_is_found_where_the_check_runs_in_another_cell(monkeypatch):
    right = np.int64(3)
    cells = ['five_eyes_count = countries["five_eyes"].sum()', "x = 1", "check.check(five_eyes_count)"]
    assert _judged_in_cells(lesson_02.c2, monkeypatch, *cells, answer=right).correct
    cells = ["five_eyes_count = 3", "check.check(five_eyes_count)"]
    assert "typed by hand" in _judged_in_cells(lesson_02.c2, monkeypatch, *cells, answer=3).message
    # a number typed into the check's own brackets is read there, whatever an older cell assigned
    cells = ['latest = half_years()["2018-07-01"]', "check.check(166513)"]
    assert "typed by hand" in _judged_in_cells(lesson_08.c9, monkeypatch, *cells, answer=166513).message


def test_a_wrong_value_or_kind_is_judged_as_before_and_a_computed_plain_value_is_right(monkeypatch):
    # a typed value of the wrong kind keeps its own message; the guard speaks only of a value of the right kind
    cells = ['five_eyes_count = "3"\ncheck.check(five_eyes_count)']
    assert _judged_in_cells(lesson_02.c2, monkeypatch, *cells, answer="3").status == feedback.WRONG_KIND
    # int(...) around the line gives a plain number, but the cell shows it was computed
    cells = ['five_eyes_count = int(countries["five_eyes"].sum())\ncheck.check(five_eyes_count)']
    assert _judged_in_cells(lesson_02.c2, monkeypatch, *cells, answer=3).correct


def test_outside_a_notebook_only_numpys_kind_of_value_can_tell():
    # no cell to read (a script, the grader): `.sum()` gives numpy's integer, so a plain 3 was typed ...
    assert "typed by hand" in lesson_02.c2.verdict(3).message
    assert lesson_02.c2.verdict(np.int64(3)).correct
    # ... but len(), .item(), .days and sorted() give Python's own values: those checks judge the value only
    assert lesson_04.c5.verdict(159).correct and lesson_02.c10.verdict(["Bulgaria", "France", "Romania"]).correct


def test_checks_that_ask_for_a_name_or_a_list_typed_on_purpose_have_no_guard():
    # Lesson 08 Check 3 asks for a list of panel names typed by the student: typing it is the task
    assert not lesson_08.c3.from_the_line
    assert lesson_08.c3.verdict(["countries", "referrals", "differential"]).correct


def test_in_a_kernel_the_check_reads_the_cell_a_student_ran():
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "from takedown import data\nfrom takedown.questions.lesson_02 import c2, c10\n"
                "countries = data.countries()\neuropol = {'Canada', 'Netherlands', 'United States'}\n"
                "afp = europol | {'Bulgaria', 'France', 'Romania'}"
            ),
            nbformat.v4.new_code_cell("five_eyes_count = 3\nc2.check(five_eyes_count)"),
            nbformat.v4.new_code_cell('five_eyes_count = int(countries["five_eyes"].sum())\nc2.check(five_eyes_count)'),
            nbformat.v4.new_code_cell('differ = ["Bulgaria", "France", "Romania"]\nc10.check(differ)'),
            nbformat.v4.new_code_cell("differ = sorted(europol ^ afp)\nc10.check(differ)"),
        ]
    )
    NotebookClient(notebook, kernel_name="python3", timeout=120, config=build.kernel_config()).execute()
    shown = [cell.outputs[0]["data"]["text/plain"] for cell in notebook.cells[1:]]
    assert shown[0].startswith("✗ Check 2 – Not yet: That is a number typed by hand"), shown[0]
    assert shown[1].startswith("✓ Check 2"), shown[1]
    assert shown[2].startswith("✗ Check 10 – Not yet: That is a list typed by hand"), shown[2]
    assert shown[3].startswith("✓ Check 10"), shown[3]
