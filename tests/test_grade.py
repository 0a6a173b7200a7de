"""The batch grader on a sample class: correct, partial, blank and every kind of bad submission.

The whole class is graded once (under two minutes on 2 cores) by the command an instructor types,
with the default time limits: a test never depends on how fast the machine is; only notebooks
that loop forever reach a limit. The tests then read what it wrote.
"""

import contextlib
import hashlib
import os
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from course.cli import main
from course.grading import grade
from course.grading.review import read_csv
from course.grading.submissions import MOODLE, collect
from takedown import feedback
from takedown.answers import Unreadable, decode, encode
from takedown.questions import questions_for

SAMPLES = Path(__file__).parent / "samples"
COURSE = SAMPLES.parents[1]
SUBMISSIONS = sorted(SAMPLES.glob("*.ipynb"))


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def graded(graded_sample_class):
    """The sample class graded with the instructor's command, once per session (conftest.py): where it wrote,
    and the submissions' hashes before and after."""
    return graded_sample_class


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
    assert "2 of 6 correct; 3 of 8 points." in partial
    assert "✗ Question 2 – Not yet (1 of 2 points)" in partial  # one of the two non-EU countries: half the points
    assert "✗ Question 2 – Not yet" in partial and "United States" not in partial
    assert "could not be graded" in (feedback / "not_json.md").read_text()


def test_a_question_whose_cell_raised_says_which_error(graded):
    """answer_cell_raises.ipynb: Q1's cell raised KeyError; raises.ipynb: a cell that is no answer's raised."""
    rows = {row["submission"]: row for row in read_csv(graded["out"] / "gradebook.csv")}
    assert rows["answer_cell_raises.ipynb"]["Q1"] == "cell raised an error"
    assert rows["answer_cell_raises.ipynb"]["status"] == "graded"
    assert rows["raises.ipynb"]["Q1"] == "correct" and rows["raises.ipynb"]["status"] == grade.CELL_ERROR
    text = (graded["out"] / "feedback" / "answer_cell_raises.md").read_text()
    assert "✗ Question 1 – Your cell raised an error" in text and "Your cell raised KeyError: 'eu'." in text


def test_files_that_are_not_submissions_are_listed_with_the_reason(graded):
    assert read_csv(graded["out"] / "gradebook_skipped.csv") == [
        {"file": "expected_gradebook.csv", "reason": "not a notebook (.ipynb)"}
    ]
    assert "Skipped 1 file (not graded):\n  expected_gradebook.csv: not a notebook (.ipynb)" in graded["printed"]


def test_the_endless_loop_was_run_again_alone_before_its_time_limit_was_recorded(graded):
    assert (
        "infinite_loop.ipynb reached a time limit, was run again alone with double the limits, "
        "and reached the limit again"
    ) in graded["printed"]
    assert "feedback//" not in graded["printed"]


def test_tampering_with_the_checks_does_not_change_the_grade(graded):
    row = next(
        row for row in read_csv(graded["out"] / "gradebook.csv") if row["submission"] == "tampers_with_checks.ipynb"
    )
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
    figure = px.bar(
        counts,
        x="organisation",
        y="countries",
        title="Memberships",
        labels={"organisation": "Organisation", "countries": "Countries"},
    )
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

    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in sources],
        metadata={"takedown": {"exercise": "02_countries"}},
    )
    nbformat.write(notebook, path)
    return path


def test_a_notebook_past_its_time_limit_is_stopped_and_the_next_one_is_still_graded(tmp_path):
    """Sandbox workers are reused across submissions: a stuck one is killed and replaced.

    The first submission ignores the interrupt that ends a cell at its time limit, so only the
    notebook's limit can stop it. The second prints its own folder at the level of file
    descriptors, as a submission could to fake the worker's reply; it must not confuse the grader.
    """
    stuck = tiny_exercise(
        tmp_path / "stuck.ipynb", "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\ntime.sleep(1000)"
    )
    noisy = tiny_exercise(tmp_path / "noisy.ipynb", "import os\nos.system('pwd; sleep 1')")
    limits = grade.Limits(cell_seconds=60, notebook_seconds=10, memory_mb=2048)
    results = grade.grade_files([stuck, noisy], limits, jobs=1, progress=False)
    assert [result.notes for result in results] == [
        [grade.CELLS_CHANGED, grade.TIME_LIMIT_TWICE],
        [grade.CELLS_CHANGED],
    ]
    assert results[0].retried
    assert results[1].verdicts and not any("did not finish" in verdict.message for verdict in results[1].verdicts)


def test_ctrl_c_stops_grading_at_once_with_a_message(tmp_path):
    """An instructor who presses Ctrl-C gets their terminal back now, not after the class has run."""
    import signal
    import subprocess
    import sys
    import time

    # The kernel names itself once it runs: the sandbox lets it write no file the test could see.
    name = f"stuck-{os.getpid()}"[:15]
    tiny_exercise(
        tmp_path / "stuck.ipynb", f"import time\nopen('/proc/self/comm', 'w').write({name!r})\ntime.sleep(1000)"
    )

    def started():
        for pid in filter(str.isdigit, os.listdir("/proc")):
            with contextlib.suppress(OSError):  # a process that ended meanwhile
                if Path(f"/proc/{pid}/comm").read_text().strip() == name:
                    return True
        return False

    grader = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "takedown",
            "grade",
            str(tmp_path / "stuck.ipynb"),
            "--out",
            str(tmp_path / "gradebook.csv"),
            "--cell-seconds",
            "600",
            "--notebook-seconds",
            "600",
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):  # until the submission is running (a guard against hanging, not a speed test)
            if started() or grader.poll() is not None:
                break
            time.sleep(0.1)
        assert started()
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

    return px.bar(
        x=["EU", "NATO", "Five Eyes"],
        y=list(counts),
        title="Memberships",
        labels={"x": "Organisation", "y": "Number of countries"},
    )


def half_year_chart(with_running_totals=False):
    import plotly.express as px

    from takedown import data

    table = data.suspensions()
    if not with_running_totals:
        table = table[table["type"] == "half-year"]
    return px.bar(
        table,
        x="period",
        y="accounts",
        title="Twitter accounts suspended per half-year",
        labels={"period": "Half-year", "accounts": "Accounts suspended per half-year"},
    )


def copies(figure):
    """The three ways a student's notebook may copy a figure; each stores numbers as typed arrays."""
    import copy

    import plotly.graph_objects as go
    import plotly.io as pio

    return {
        "deepcopy": copy.deepcopy(figure),
        "go.Figure(to_dict)": go.Figure(figure.to_dict()),
        "pio.from_json": pio.from_json(figure.to_json()),
    }


@pytest.mark.parametrize(
    "exercise, number, right, wrong",
    [
        ("02_countries", 5, membership_chart, lambda: membership_chart((6, 7, 3))),
        ("05_measuring", 3, half_year_chart, lambda: half_year_chart(with_running_totals=True)),
    ],
    ids=["02-q5", "05-q3"],
)
@pytest.mark.parametrize("route", ["deepcopy", "go.Figure(to_dict)", "pio.from_json"])
def test_a_copied_chart_is_judged_like_the_original(exercise, number, right, wrong, route):
    question = questions_for(exercise)[number - 1]
    assert question.verdict(right()).correct
    assert question.verdict(copies(right())[route]).correct
    copied_wrong = question.verdict(copies(wrong())[route])
    assert not copied_wrong.correct and copied_wrong.status == "incorrect"
    assert copied_wrong.message == question.verdict(wrong()).message


# ---- A second chance, alone, for a submission that reached a time limit -----------------------


def test_only_submissions_that_reached_a_time_limit_run_again_alone_with_double_the_limits(monkeypatch):
    """A run that is slow because the machine is busy gets a fair second run; the others run once."""
    import threading

    calls, running, lock = [], [0], threading.Lock()

    def fake_grade_file(submission, limits, expected_exercise=None, sandboxes=None):
        with lock:
            running[0] += 1
            calls.append((submission.name, limits, running[0]))
        try:
            slow = submission.name == "slow.ipynb" and limits.cell_seconds < 60  # finishes with 60 s
            stuck = submission.name == "stuck.ipynb"  # never finishes
            return grade.Result(submission.name, submission.student, notes=[grade.TIME_LIMIT] if slow or stuck else [])
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(grade, "grade_file", fake_grade_file)
    limits = grade.Limits(cell_seconds=30, notebook_seconds=300, memory_mb=2048)
    results = grade.grade_files(["a.ipynb", "slow.ipynb", "stuck.ipynb", "b.ipynb"], limits, jobs=2, progress=False)
    assert [(result.submission, result.status, result.retried) for result in results] == [
        ("a.ipynb", grade.GRADED, False),
        ("slow.ipynb", grade.GRADED, True),
        ("stuck.ipynb", grade.TIME_LIMIT_TWICE, True),
        ("b.ipynb", grade.GRADED, False),
    ]
    first, again = calls[:4], calls[4:]
    assert {name for name, used, _ in first} == {"a.ipynb", "slow.ipynb", "stuck.ipynb", "b.ipynb"}
    assert all(used == limits for _, used, _ in first)
    assert [(name, used, at_once) for name, used, at_once in again] == [
        ("slow.ipynb", grade.Limits(60, 600, 2048), 1),
        ("stuck.ipynb", grade.Limits(60, 600, 2048), 1),
    ]


# ---- Finding the submissions in what an instructor downloaded ---------------------------------


def notebook_bytes():
    return (SAMPLES / "blank.ipynb").read_bytes()


def test_folders_per_student_canvas_and_moodle_names_and_skipped_files(tmp_path):
    class_folder = tmp_path / "class"
    files = {
        "alice/02_countries.ipynb": notebook_bytes(),
        "alice/.ipynb_checkpoints/02_countries-checkpoint.ipynb": notebook_bytes(),
        "alice/02_countries.backup-20261201-101500.ipynb": notebook_bytes(),
        "bob/week2/draft/02_countries.ipynb": notebook_bytes(),
        "bob/backups/02_countries.ipynb": notebook_bytes(),
        "bob/notes.txt": b"notes",
        "Jane Doe_12345_assignsubmission_file_/my work.ipynb": notebook_bytes(),
        "Old Style_777_assignsubmission_file_02_countries.ipynb": notebook_bytes(),
        "smithjane_LATE_23456_78901_02_countries.ipynb": notebook_bytes(),
        "erin.ipynb": notebook_bytes(),
        ".DS_Store": b"x",
        "bob/.git/HEAD": b"ref",
        "bob/.git/objects/ab/cdef": b"x",
    }
    for name, data in files.items():
        (class_folder / name).parent.mkdir(parents=True, exist_ok=True)
        (class_folder / name).write_bytes(data)
    with collect([class_folder]) as found:
        assert [(item.name, item.student) for item in found.submissions] == [
            ("alice/02_countries.ipynb", "alice"),
            ("bob/week2/draft/02_countries.ipynb", "bob"),
            ("erin.ipynb", "erin"),
            ("Jane Doe_12345_assignsubmission_file_/my work.ipynb", "Jane Doe (12345)"),
            ("Old Style_777_assignsubmission_file_02_countries.ipynb", "Old Style (777)"),
            ("smithjane_LATE_23456_78901_02_countries.ipynb", "smithjane (23456)"),
        ]
        assert {item.name: item.reason for item in found.skipped} == {
            ".DS_Store": "a hidden file",
            "alice/.ipynb_checkpoints/02_countries-checkpoint.ipynb": "a checkpoint Jupyter saves by itself, not the submission",
            "alice/02_countries.backup-20261201-101500.ipynb": "a backup copy (the course keeps these when it resets or updates an exercise), not the submission",
            "bob/backups/02_countries.ipynb": "a backup copy (the course keeps these when it resets or updates an exercise), not the submission",
            "bob/notes.txt": "not a notebook (.ipynb)",
            "bob/.git/": "a hidden folder (2 files, not searched)",
        }


def test_a_zip_download_is_read_safely_and_never_written(tmp_path, monkeypatch):
    from course.grading import submissions

    download = tmp_path / "canvas.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("smithjane_12345_67890_02_countries.ipynb", notebook_bytes())
        archive.writestr("doejohn_LATE_23456_78901_02_countries.ipynb", notebook_bytes())
        archive.writestr("__MACOSX/._smithjane_12345_67890_02_countries.ipynb", b"x")
        archive.writestr("../../escape.ipynb", notebook_bytes())
        archive.writestr("/absolute.ipynb", notebook_bytes())
        archive.writestr("inner.zip", b"PK")
        archive.writestr("huge_11111_22222_02_countries.ipynb", b" " * 2000)
        link = zipfile.ZipInfo("link.ipynb")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    before = digest(download)
    monkeypatch.setattr(submissions, "MAX_MEMBER_BYTES", 1000)
    monkeypatch.setattr(submissions, "MAX_ZIP_BYTES", 10**9)
    with collect([download]) as found:
        assert [(item.name, item.student) for item in found.submissions] == []  # both are over 1000 bytes
    monkeypatch.setattr(submissions, "MAX_MEMBER_BYTES", 50 * 1024**2)
    with collect([download]) as found:
        unzipped = [item.path for item in found.submissions]
        assert [(item.name, item.student) for item in found.submissions] == [
            ("canvas.zip/smithjane_12345_67890_02_countries.ipynb", "smithjane (12345)"),
            ("canvas.zip/doejohn_LATE_23456_78901_02_countries.ipynb", "doejohn (23456)"),
            ("canvas.zip/huge_11111_22222_02_countries.ipynb", "huge (11111)"),
        ]
        assert all(path.read_bytes() for path in unzipped[:2])
        reasons = {item.name: item.reason for item in found.skipped}
        assert reasons["canvas.zip/__MACOSX/._smithjane_12345_67890_02_countries.ipynb"].startswith("macOS metadata")
        assert reasons["canvas.zip/../../escape.ipynb"] == "a path that leads out of the zip's folder (not extracted)"
        assert reasons["canvas.zip/absolute.ipynb"] == "a path that leads out of the zip's folder (not extracted)"
        assert reasons["canvas.zip/inner.zip"].startswith("a zip inside the zip")
        assert reasons["canvas.zip/link.ipynb"] == "a link (not extracted)"
    assert not any(path.exists() for path in unzipped)  # the temporary copies are gone
    assert not (tmp_path.parent / "escape.ipynb").exists() and not Path("/absolute.ipynb").exists()
    assert digest(download) == before


def test_a_zip_member_past_the_size_cap_is_not_extracted(tmp_path, monkeypatch):
    from course.grading import submissions

    download = tmp_path / "class.zip"
    with zipfile.ZipFile(download, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("small.ipynb", b"{}")
        archive.writestr("bomb.ipynb", b"0" * 5000)  # compresses to a few bytes
    monkeypatch.setattr(submissions, "MAX_MEMBER_BYTES", 1000)
    with collect([download]) as found:
        assert [item.name for item in found.submissions] == ["class.zip/small.ipynb"]
        assert [(item.name, item.reason) for item in found.skipped] == [
            ("class.zip/bomb.ipynb", "larger than 0 MB once unzipped (not extracted)")
        ]


def test_a_damaged_zip_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "download.zip").write_bytes(b"not a zip at all")
    with collect([tmp_path / "class"]) as found:
        assert [(item.name, item.reason) for item in found.skipped] == [("download.zip", "not a readable zip file")]


def test_moodle_folder_names_are_recognised():
    assert MOODLE.match("Jane van der Berg_4567_assignsubmission_file_")["name"] == "Jane van der Berg"


def test_a_folder_without_notebooks_gets_a_clear_message(tmp_path, capsys):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "readme.txt").write_text("hello")
    assert main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "gradebook.csv")]) == 1
    err = capsys.readouterr().err
    assert "error: no notebook (.ipynb) to grade in" in err and "readme.txt: not a notebook (.ipynb)" in err
    assert "Traceback" not in err and not (tmp_path / "gradebook.csv").exists()


def test_the_chart_labels_each_bar_and_says_what_it_divides_by():
    right, wrong = feedback.correct("yes"), feedback.incorrect("no")
    results = [
        grade.Result("a.ipynb", "a", "02_countries", [replace(verdict, question="Question 1")])
        for verdict in (right, right, wrong)
    ]
    chart = grade.success_chart(results)
    ax = chart.figure.axes[0]
    assert [text.get_text() for text in ax.texts] == ["67% (2/3)"]
    assert "share of the submissions graded for that exercise" in ax.get_xlabel()


def test_a_hidden_checks_edition_is_graded_exactly_as_the_default_one(graded, tmp_path):
    """`release student --hidden-checks` changes what a student's kernel shows, never a grade: the sample class's
    judged submissions, graded with that edition's runtime (its edition.json; the kernels import it too), give
    the default gradebook's rows and feedback files, word for word."""
    import re
    import shutil
    import subprocess
    import sys

    from course.authoring import release

    rows = {row["submission"]: row for row in read_csv(graded["out"] / "gradebook.csv")}
    verdicts = {
        name: [value for column, value in row.items() if re.fullmatch(r"Q\d+", column)] for name, row in rows.items()
    }
    # Every submission with an answer judged right or wrong, but those that reached a limit (they take long)
    judged = sorted(
        name
        for name, row in rows.items()
        if {feedback.CORRECT, feedback.INCORRECT} & set(verdicts[name]) and "limit" not in row["status"]
    )
    assert {feedback.CORRECT, feedback.INCORRECT} <= {value for name in judged for value in verdicts[name]}

    edition = tmp_path / "edition"
    shutil.copytree(COURSE / "takedown", edition / "takedown", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(COURSE / "seeds", edition / "seeds")
    release.write_settings(edition, hidden_checks=True)
    assert (edition / release.EDITION_SETTINGS).is_file()
    submissions = tmp_path / "class"
    submissions.mkdir()
    for name in judged:
        shutil.copy2(SAMPLES / name, submissions / name)
    out = tmp_path / "graded"
    command = [sys.executable, "-m", "takedown", "grade", str(submissions), "--exercise", "02_countries"]
    command += ["--out", str(out / "gradebook.csv"), "--feedback", str(out / "feedback"), "--jobs", "2", "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(edition))  # the grader, its sandbox and its kernels use the edition's runtime
    used = "import takedown, takedown.edition as e; print(takedown.__file__, e.hidden_checks())"
    done = subprocess.run([sys.executable, "-c", used], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.stdout.split() == [str(edition / "takedown" / "__init__.py"), "True"], done.stderr
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

    assert read_csv(out / "gradebook.csv") == [rows[name] for name in judged]
    for name in judged:
        stem = Path(name).stem
        assert (out / "feedback" / f"{stem}.md").read_text() == (graded["out"] / "feedback" / f"{stem}.md").read_text()
    assert "Recorded" not in "".join(path.read_text() for path in (out / "feedback").glob("*.md"))
