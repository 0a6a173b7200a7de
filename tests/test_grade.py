"""The batch grader on a sample class: correct, partial, blank and every kind of bad submission.

The whole class is graded once (about a minute on 2 cores) by the command an instructor types;
the tests then read what it wrote.
"""
import csv
import hashlib
from pathlib import Path

import pytest

from takedown import grade
from takedown.__main__ import main
from takedown.answers import Unreadable, decode, encode
from takedown.questions import questions_for

SAMPLES = Path(__file__).parent / "samples"
SUBMISSIONS = sorted(SAMPLES.glob("*.ipynb"))


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade the sample class with the instructor's command; return where it wrote, and file hashes."""
    out = tmp_path_factory.mktemp("grading")
    before = {path.name: digest(path) for path in SUBMISSIONS}
    status = main(["grade", str(SAMPLES), "--exercise", "02_countries", "--out", str(out / "gradebook.csv"),
                   "--feedback", str(out / "feedback"), "--cell-seconds", "5", "--notebook-seconds", "90",
                   "--memory-mb", "2048", "--jobs", "2", "--quiet"])
    after = {path.name: digest(path) for path in SUBMISSIONS}
    return {"status": status, "out": out, "before": before, "after": after}


def test_the_command_succeeds_and_leaves_every_submission_byte_for_byte_unchanged(graded):
    assert graded["status"] == 0
    assert graded["after"] == graded["before"]


def test_the_gradebook_is_the_expected_one(graded):
    """One row per submission, one column per question, a total and a status, as in expected_gradebook.csv."""
    assert read_csv(graded["out"] / "gradebook.csv") == read_csv(SAMPLES / "expected_gradebook.csv")


def test_every_submission_gets_a_feedback_file_without_expected_answers(graded):
    feedback = graded["out"] / "feedback"
    assert sorted(path.stem for path in feedback.glob("*.md")) == sorted(path.stem for path in SUBMISSIONS)
    partial = (feedback / "partial.md").read_text()
    assert "2 of 5 correct" in partial
    assert "✗ Question 2 – Not yet" in partial and "United States" not in partial
    assert "could not be graded" in (feedback / "not_json.md").read_text()


def test_tampering_with_the_checks_does_not_change_the_grade(graded):
    row = next(row for row in read_csv(graded["out"] / "gradebook.csv")
               if row["submission"] == "tampers_with_checks.ipynb")
    assert row["Q1"] == "incorrect" and row["correct"] == "0"
    assert grade.TAMPERING in row["status"]


def test_a_chart_of_success_per_question_is_written(graded):
    chart = graded["out"] / "gradebook.png"
    assert chart.exists() and chart.stat().st_size > 5000


def test_results_come_back_in_the_order_given():
    results = grade.grade_files([SAMPLES / "not_json.ipynb", SAMPLES / "not_a_notebook.ipynb"], progress=False)
    assert [result.submission for result in results] == ["not_json.ipynb", "not_a_notebook.ipynb"]
    assert [result.status for result in results] == [grade.NOT_JSON, grade.NOT_NOTEBOOK]


def test_an_unknown_notebook_is_not_an_exercise(tmp_path):
    path = tmp_path / "essay.ipynb"
    path.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    assert grade.grade_file(path).status == grade.NOT_EXERCISE


def test_the_exercise_is_recognised_from_its_imports_when_metadata_is_gone():
    notebook, exercise, _ = grade.read_submission(SAMPLES / "correct.ipynb")
    del notebook.metadata["takedown"]
    assert grade.exercise_of(notebook) == "02_countries"


@pytest.mark.parametrize("value", [6, "GBR", ["Canada", "United States"], {"FRA", "ROU"}, None, ..., 2.5])
def test_answers_survive_the_trip_out_of_the_kernel(value):
    assert decode(encode(value)) == value or (value is ... and decode(encode(value)) is ...)


def test_a_figure_survives_the_trip_and_is_judged_the_same():
    import pandas as pd
    import plotly.express as px
    counts = pd.DataFrame({"organisation": ["EU", "NATO", "Five Eyes"], "countries": [6, 8, 3]})
    figure = px.bar(counts, x="organisation", y="countries", title="Memberships",
                    labels={"organisation": "Organisation", "countries": "Countries"})
    q5 = questions_for("02_countries")[4]
    assert q5.check(decode(encode(figure))).correct


def test_objects_that_cannot_travel_become_unreadable_not_errors():
    class Hostile:
        def __repr__(self):
            raise RuntimeError("no")
    assert isinstance(decode(encode(Hostile())), Unreadable)
    assert isinstance(decode({"kind": "plotly figure", "figure": {"data": [{"type": "nonsense"}]}}), Unreadable)
    assert isinstance(decode("not even a dict"), Unreadable)


def test_the_command_explains_a_missing_file(capsys):
    assert main(["grade", "no/such/file.ipynb"]) == 1
    assert "no such file" in capsys.readouterr().err


def tiny_exercise(path, *sources):
    """An exercise-02 notebook made of these code cells only (no check cells; its questions stay unanswered)."""
    import nbformat
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources],
                                        metadata={"takedown": {"exercise": "02_countries"}})
    nbformat.write(notebook, path)
    return path


def test_a_notebook_past_its_time_limit_is_stopped_and_the_next_one_is_still_graded(tmp_path):
    """Sandbox workers are reused across submissions: a stuck one is killed and replaced.

    The first submission ignores the interrupt that ends a cell at its time limit, so only the
    notebook's limit can stop it. The second prints its own folder at the level of file
    descriptors, as a submission could to fake the worker's reply; it must not confuse the grader.
    """
    stuck = tiny_exercise(tmp_path / "stuck.ipynb",
                          "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\ntime.sleep(1000)")
    noisy = tiny_exercise(tmp_path / "noisy.ipynb", "import os\nos.system('pwd; sleep 1')")
    limits = grade.Limits(cell_seconds=60, notebook_seconds=20, memory_mb=2048)
    results = grade.grade_files([stuck, noisy], limits, jobs=1, progress=False)
    assert [result.notes for result in results] == [[grade.CELLS_CHANGED, grade.TIME_LIMIT], [grade.CELLS_CHANGED]]
    assert results[1].verdicts and not any("did not finish" in verdict.message for verdict in results[1].verdicts)


def test_ctrl_c_stops_grading_at_once_with_a_message(tmp_path):
    """An instructor who presses Ctrl-C gets their terminal back now, not after the class has run."""
    import signal
    import subprocess
    import sys
    import time
    started = tmp_path / "started"
    tiny_exercise(tmp_path / "stuck.ipynb", f"import time\nopen({str(started)!r}, 'w').close()\ntime.sleep(1000)")
    grader = subprocess.Popen([sys.executable, "-m", "takedown", "grade", str(tmp_path / "stuck.ipynb"),
                               "--out", str(tmp_path / "gradebook.csv"), "--cell-seconds", "600", "--notebook-seconds", "600",
                               "--quiet"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):  # until the submission is running (a guard against hanging, not a speed test)
            if started.exists() or grader.poll() is not None:
                break
            time.sleep(0.1)
        assert started.exists()
        grader.send_signal(signal.SIGINT)
        _, err = grader.communicate(timeout=60)  # without the fix it waits for the 600 s limits
    finally:
        if grader.poll() is None:
            grader.kill()
    assert grader.returncode == 130
    assert "Grading stopped before the end: no gradebook or feedback was written" in err
    assert "Traceback" not in err
    assert not (tmp_path / "gradebook.csv").exists()


# ---- Copied charts are judged by their data ----------------------------------------------------

def membership_chart(counts=(6, 8, 3)):
    import plotly.express as px
    return px.bar(x=["EU", "NATO", "Five Eyes"], y=list(counts), title="Memberships",
                  labels={"x": "Organisation", "y": "Number of countries"})


def half_year_chart(with_running_totals=False):
    import plotly.express as px

    from takedown import data
    table = data.suspensions()
    if not with_running_totals:
        table = table[table["type"] == "half-year"]
    return px.bar(table, x="period", y="accounts", title="Twitter accounts suspended per half-year",
                  labels={"period": "Half-year", "accounts": "Accounts suspended per half-year"})


def copies(figure):
    """The three ways a student's notebook may copy a figure; each stores numbers as typed arrays."""
    import copy

    import plotly.graph_objects as go
    import plotly.io as pio
    return {"deepcopy": copy.deepcopy(figure), "go.Figure(to_dict)": go.Figure(figure.to_dict()),
            "pio.from_json": pio.from_json(figure.to_json())}


@pytest.mark.parametrize("exercise, number, right, wrong", [
    ("02_countries", 5, membership_chart, lambda: membership_chart((6, 7, 3))),
    ("05_measuring", 3, half_year_chart, lambda: half_year_chart(with_running_totals=True)),
], ids=["02-q5", "05-q3"])
@pytest.mark.parametrize("route", ["deepcopy", "go.Figure(to_dict)", "pio.from_json"])
def test_a_copied_chart_is_judged_like_the_original(exercise, number, right, wrong, route):
    question = questions_for(exercise)[number - 1]
    assert question.verdict(right()).correct
    assert question.verdict(copies(right())[route]).correct
    copied_wrong = question.verdict(copies(wrong())[route])
    assert not copied_wrong.correct and copied_wrong.status == "incorrect"
    assert copied_wrong.message == question.verdict(wrong()).message
