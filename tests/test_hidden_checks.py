"""Hidden checks (`release student --hidden-checks`): in a kernel, a graded question's check confirms only the
answer's form; lessons, the grader and the default edition keep full verdicts (takedown/edition.py,
takedown/questions/__init__.py `only_the_form`). The edition as released, its `make check` and its grading
are tested in test_release.py and test_grade.py."""

import json
import re

import pytest

from answers_02 import membership_bars  # noqa: F401 (the answer tables' own helpers)
from course.student import check as selfcheck
from takedown import edition, feedback
from takedown.questions import AFTER_GRADING, EXERCISES, form_of, questions_for
from test_questions import ANSWERS, IDS

VERDICT_WORDS = re.compile(r"(?i)\b(yes|no|correct|incorrect|wrong|right answer|not yet|close|almost|exactly)\b")


@pytest.fixture
def hidden(monkeypatch):
    """A student's kernel in a hidden-checks edition."""
    monkeypatch.setattr(edition, "hidden_checks", lambda: True)
    monkeypatch.setattr(feedback, "in_a_kernel", lambda: True)


def full_verdict(question, answer, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(edition, "hidden_checks", lambda: False)
        return question.verdict(answer)


@pytest.mark.parametrize("exercise, number, right, wrong, wrong_kind", ANSWERS, ids=IDS)
def test_a_graded_question_records_only_the_form_and_a_lesson_check_keeps_its_verdict(
    hidden, monkeypatch, exercise, number, right, wrong, wrong_kind
):
    """Right and wrong get the same words but for what was recorded; any other verdict (a wrong kind, a blank) is
    the one students get today; the hints are the same; a lesson's practice check is unchanged."""
    question = questions_for(exercise)[number - 1]
    for answer in (right, wrong, wrong_kind, ...):
        full = full_verdict(question, answer, monkeypatch)
        shown = question.verdict(answer)
        assert shown.question == question.name
        judged = full.status in (feedback.CORRECT, feedback.INCORRECT)
        judged = judged or (question.needs_review and full.status == feedback.RECORDED)  # kept for its rubric
        if exercise not in EXERCISES or not judged:
            assert shown == full
            continue
        assert shown.status == feedback.RECORDED and shown.headline().endswith("Recorded"), shown
        described = (getattr(question.judge, "describe", None) or form_of)(answer)  # the answer's form, not its worth
        assert shown.message == f"{described}. {AFTER_GRADING}"
        if not isinstance(answer, str):  # (a text answer is quoted as the student wrote it)
            assert not VERDICT_WORDS.search(described), described
    hints = [question.hint(n) for n in range(1, len(question.hints) + 1)]
    with monkeypatch.context() as patched:
        patched.setattr(edition, "hidden_checks", lambda: False)
        assert hints == [question.hint(n) for n in range(1, len(question.hints) + 1)]


@pytest.mark.parametrize("exercise", list(EXERCISES))
def test_the_grader_gets_the_full_verdict_in_a_hidden_checks_edition(monkeypatch, exercise):
    """Outside a kernel (the grader's process) the edition's choice changes nothing."""
    monkeypatch.setattr(edition, "hidden_checks", lambda: True)
    assert not feedback.in_a_kernel()
    rows = [row for row in ANSWERS if row[0] == exercise]
    assert rows
    for _, number, right, wrong, wrong_kind in rows:
        question = questions_for(exercise)[number - 1]
        for answer in (right, wrong, wrong_kind):
            assert question.verdict(answer) == full_verdict(question, answer, monkeypatch)


def test_what_is_recorded_is_said_plainly():
    assert form_of(12) == "a whole number, 12" and form_of(12.0) == "a whole number, 12"
    assert form_of(2.5) == "a number, 2.5"
    assert form_of("GBR") == "the text 'GBR'"
    assert form_of("one two three four five six seven eight") == "a text of 8 words"
    assert form_of(["Canada", "United States"]) == "a list of 2 items, ['Canada', 'United States']"
    assert form_of(True) == "True/False (bool)"


def test_the_edition_file_decides_and_a_damaged_one_still_hides(tmp_path, monkeypatch):
    settings = tmp_path / "edition.json"
    monkeypatch.setattr(edition, "SETTINGS", settings)
    assert not edition.hidden_checks()  # no file: the instructor's repository and the default editions
    settings.write_text(json.dumps({"hidden_checks": True}))
    assert edition.hidden_checks()
    settings.write_text(json.dumps({"hidden_checks": False}))
    assert not edition.hidden_checks()
    settings.write_text("{not json")
    assert edition.hidden_checks()  # only ever written for hidden checks: a verdict must not leak by accident


def test_the_repository_itself_has_no_edition_file():
    assert not edition.SETTINGS.exists()


# ---- make check in a hidden-checks edition ------------------------------------------------------------------


def result(status, passed=True, question="Question 1", notebook="02_countries.ipynb"):
    return {"notebook": notebook, "question": question, "status": status, "passed": passed}


def test_the_check_expects_recorded_for_every_answered_question(monkeypatch):
    import nbformat

    from takedown.paths import COURSE

    exercise = sorted(name for name in EXERCISES if name[:2].isdigit())[1]
    student = nbformat.read(COURSE / "exercises" / f"{exercise}.ipynb", as_version=4)
    monkeypatch.setattr(edition, "hidden_checks", lambda: True)
    for complete, word in ((False, "Not attempted yet"), (True, "Recorded")):
        notebook = selfcheck.check_notebook(student, exercise, complete)
        checks = [cell for cell in notebook.cells if selfcheck.MARKER in cell.source]
        assert len(checks) == len(questions_for(exercise))
        assert all(cell.outputs[0]["data"]["text/plain"].endswith(word) for cell in checks)


def test_the_report_counts_answers_recorded_and_never_says_right(monkeypatch):
    monkeypatch.setattr(edition, "hidden_checks", lambda: True)
    recorded, blank = result(feedback.RECORDED), result(feedback.NOT_ATTEMPTED)
    line = selfcheck.progress([recorded, recorded, blank])
    assert line.startswith("2 of 3 questions answered, 2 recorded. A recorded answer is of the right form;")
    assert "judged when your instructor grades it" in line
    assert not re.search(r"(?i)\ball right\b|not right", line)
    wrong_kind = result(feedback.WRONG_KIND, passed=False)
    line = selfcheck.progress([recorded, wrong_kind, blank], complete=True)
    assert "3 questions answered, 1 recorded, 1 to fix" in line and "not right" not in line
    assert line.endswith("--complete needs all 3 answered: 1 to go.")
    assert selfcheck.progress([blank, blank]) == "0 of 2 questions answered yet."


def test_without_hidden_checks_the_report_is_unchanged(monkeypatch):
    monkeypatch.setattr(edition, "hidden_checks", lambda: False)
    right, wrong = result(feedback.CORRECT), result(feedback.INCORRECT, passed=False)
    assert selfcheck.progress([right, right]) == "2 of 2 questions answered, all right."
    assert selfcheck.progress([right, wrong]).startswith("2 of 2 questions answered, 1 not right yet")
    # an assessment checked beside an exercise: its answers are recorded, the exercise's right
    line = selfcheck.progress([right, result(feedback.RECORDED, notebook="pre_assessment.ipynb")])
    assert line.startswith("2 of 2 questions answered, 1 recorded, 1 right.")


def test_a_written_answer_is_kept_for_its_rubric_never_called_right(monkeypatch):
    """With full checks, an exercise's written answer shows "Recorded" and the report says a person scores it."""
    monkeypatch.setattr(edition, "hidden_checks", lambda: False)
    right, written = result(feedback.CORRECT), result(feedback.RECORDED, notebook="05_measuring.ipynb")
    line = selfcheck.progress([right, right, written])
    assert line == "3 of 3 questions answered, 2 right, 1 answer kept for a person to score with its rubric."
    wrong = result(feedback.INCORRECT, passed=False)
    line = selfcheck.progress([right, wrong, written])
    assert line.startswith("3 of 3 questions answered, 1 not right yet: fix it") and line.endswith("with its rubric.")
    assert "all right" not in selfcheck.progress([written])


def test_an_answer_a_person_scores_says_recorded_in_a_notebook_and_counts_as_answered_for_the_grader(monkeypatch):
    from takedown.questions import Question, Rubric
    from takedown.questions.written import written

    rubric = Rubric(levels=(("Strong", 2), ("Needs work", 0)), criteria=(("Reason", ("a reason", "none")),))
    question = Question(
        "Question 9", written(5, 50, asks="a reason."), ("Say why.",), answer_name="why", points=2, rubric=rubric
    )
    text = "Because the outlets posted again within days, the effect was short."
    monkeypatch.setattr(feedback, "in_a_kernel", lambda: True)
    shown = question.verdict(text)
    assert shown.status == feedback.RECORDED and "does not judge the reasoning" in shown.message
    assert "✓" not in shown.headline() and "Correct" not in shown.headline()
    assert question.verdict("Too short.").status == feedback.INCORRECT  # the form is still checked
    monkeypatch.setattr(feedback, "in_a_kernel", lambda: False)
    assert question.verdict(text).correct and question.score(text) == 2  # the grader: answered, then the rubric
