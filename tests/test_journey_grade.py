"""The instructor's grading journey, as docs/instructors.md tells it, typed as a person would.

A class's work arrives in the layouts instructors get: one folder per student, a Canvas download
(.zip of `name_studentid_submissionid_file.ipynb`), and Moodle folders (`Full Name_12345_
assignsubmission_file_/`), with the clutter that comes along (checkpoints, backups, macOS files,
notes). The notebooks are made from the course's own exercise and answer key: right answers, a
blank exercise, one wrong answer and one answer whose cell raises. The test runs the README's
grading command, read from docs/instructors.md, in a temporary folder, and reads what it wrote.
"""

import hashlib
import re
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from course.grading.review import read_csv

COURSE = Path(__file__).resolve().parents[1]
MARKERS = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION\n", re.S)


def readme_command():
    """The grading command exactly as docs/instructors.md writes it (for exercise 02; the capstone's is
    tests/test_journey_review.py's), as `python3 -m course` runs it: `python -m takedown grade ...` in the
    course's environment (course/bootstrap.py; here the class folder is a temporary one, so the course's
    .venv is linked into it and called directly)."""
    lines = [
        line
        for line in (COURSE / "docs" / "instructors.md").read_text().splitlines()
        if line.startswith("python3 -m course grade ") and "--exercise 02_countries" in line
    ]
    assert len(lines) == 1, "docs/instructors.md shows one grading command for exercise 02"
    return lines[0].replace("python3 -m course ", ".venv/bin/python -m takedown ", 1)


def student_notebook(answers=None):
    """Exercise 02 as a student hands it in: the answer key's code where `answers` says "key",
    the given code where it gives some, and the blank exercise's `...` elsewhere."""
    exercise = nbformat.read(COURSE / "exercises" / "02_countries.ipynb", as_version=4)
    key = nbformat.read(COURSE / "solutions" / "02_countries.ipynb", as_version=4)
    key_code = {}
    for cell in key.cells:
        number = re.search(r"\bq(\d)\.check\(", cell.source) if cell.cell_type == "code" else None
        if number:
            key_code[int(number.group(1))] = MARKERS.search(cell.source).group(1)
    for cell in exercise.cells:
        number = re.search(r"\bq(\d)\.check\(", cell.source) if cell.cell_type == "code" else None
        if number and (answers or {}).get(int(number.group(1))):
            given = answers[int(number.group(1))]
            code = key_code[int(number.group(1))] if given == "key" else given + "\n"
            kept = [line for line in cell.source.splitlines() if not line.endswith("# your answer here")]
            cell.source = code + "\n".join(kept)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nbformat.writes(exercise).encode()


ALL_RIGHT = {number: "key" for number in range(1, 7)}
BLANK = {}


def digests(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    work = tmp_path_factory.mktemp("instructor")
    (work / ".venv").symlink_to(Path(sys.executable).parent.parent)  # the course's venv, where README runs it
    command = readme_command()
    folder = work / shlex.split(command)[4]
    files = {
        "alice/02_countries.ipynb": student_notebook(ALL_RIGHT),
        "alice/.ipynb_checkpoints/02_countries-checkpoint.ipynb": student_notebook(BLANK),
        "bob/02_countries.ipynb": student_notebook(
            {**ALL_RIGHT, 2: 'not_in_eu = countries.loc[countries["iso3"] == "CAN", "name"]'}
        ),
        "bob/notes.txt": b"my notes",
        "carol/02_countries.ipynb": student_notebook({1: 'eu_servers = countries["eu"].sum()'}),
        "carol/02_countries.backup-20261201-101500.ipynb": student_notebook(BLANK),
        "Dave Brown_34567_assignsubmission_file_/02_countries.ipynb": student_notebook(
            {**ALL_RIGHT, 3: 'new_in_2024 = ["GER", "ESP", "EST", "ISL"]'}
        ),
        "Dave Brown_34567_assignsubmission_file_/.DS_Store": b"\0",
    }
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    with zipfile.ZipFile(folder / "canvas_download.zip", "w") as download:
        download.writestr("smithjane_12345_67890_02_countries.ipynb", student_notebook(ALL_RIGHT))
        download.writestr("doejohn_LATE_23456_78901_02_countries.ipynb", student_notebook(BLANK))
        download.writestr("__MACOSX/._smithjane_12345_67890_02_countries.ipynb", b"\0")
    before = digests(folder)
    ran = subprocess.run(shlex.split(command), cwd=work, capture_output=True, text=True, timeout=1200)
    return {"work": work, "folder": folder, "ran": ran, "before": before, "after": digests(folder)}


def test_the_readme_command_grades_the_class_and_changes_nothing_in_its_folder(journey):
    assert journey["ran"].returncode == 0, journey["ran"].stderr
    assert "Traceback" not in journey["ran"].stderr
    assert journey["after"] == journey["before"]
    assert "feedback for each student: feedback/\n" in journey["ran"].stdout


def test_every_submission_is_graded_with_the_right_verdicts_and_says_who_it_is(journey):
    rows = read_csv(journey["work"] / "gradebook.csv")
    seen = {
        row["student"]: (row["submission"], [row[f"Q{n}"] for n in range(1, 7)], row["correct"], row["status"])
        for row in rows
    }
    right, blank = ["correct"] * 6, ["not attempted"] * 6
    assert seen == {
        "alice": ("alice/02_countries.ipynb", right, "6", "graded"),
        "bob": (
            "bob/02_countries.ipynb",
            ["correct", "incorrect", "correct", "correct", "correct", "correct"],
            "5",
            "graded",
        ),
        "carol": ("carol/02_countries.ipynb", ["cell raised an error"] + blank[1:], "0", "graded"),
        "Dave Brown (34567)": (
            "Dave Brown_34567_assignsubmission_file_/02_countries.ipynb",
            ["correct", "correct", "incorrect", "correct", "correct", "correct"],
            "5",
            "graded",
        ),
        "smithjane (12345)": ("canvas_download.zip/smithjane_12345_67890_02_countries.ipynb", right, "6", "graded"),
        "doejohn (23456)": ("canvas_download.zip/doejohn_LATE_23456_78901_02_countries.ipynb", blank, "0", "graded"),
    }
    assert len(rows) == 6
    assert "6 submissions from 6 students: 6 graded, 0 could not be graded." in journey["ran"].stdout


def test_skipped_files_are_listed_with_their_reasons(journey):
    expected = {
        "alice/.ipynb_checkpoints/02_countries-checkpoint.ipynb": "a checkpoint Jupyter saves by itself, not the submission",
        "bob/notes.txt": "not a notebook (.ipynb)",
        "canvas_download.zip/__MACOSX/._smithjane_12345_67890_02_countries.ipynb": "macOS metadata added by the zip program, not a submission",
        "carol/02_countries.backup-20261201-101500.ipynb": "a backup copy (the course keeps these when it resets or updates an exercise), not the submission",
        "Dave Brown_34567_assignsubmission_file_/.DS_Store": "a hidden file",
    }
    listed = {row["file"]: row["reason"] for row in read_csv(journey["work"] / "gradebook_skipped.csv")}
    assert listed == expected
    assert "Skipped 5 files (not graded):" in journey["ran"].stdout
    for name, reason in expected.items():
        assert f"  {name}: {reason}\n" in journey["ran"].stdout


def test_each_student_gets_feedback_that_names_the_error_and_never_the_answer(journey):
    feedback = journey["work"] / "feedback"
    files = sorted(str(path.relative_to(feedback)) for path in feedback.rglob("*.md"))
    assert files == [
        "Dave Brown_34567_assignsubmission_file_/02_countries.md",
        "alice/02_countries.md",
        "bob/02_countries.md",
        "canvas_download/doejohn_LATE_23456_78901_02_countries.md",
        "canvas_download/smithjane_12345_67890_02_countries.md",
        "carol/02_countries.md",
    ]
    carol = (feedback / "carol" / "02_countries.md").read_text()
    assert carol.startswith("# Feedback for carol on carol/02_countries.ipynb")
    assert "Your cell raised KeyError: 'eu'." in carol
    assert "Your cell raised" not in (feedback / "bob" / "02_countries.md").read_text()
    texts = {path: path.read_text() for path in feedback.rglob("*.md")}
    for text in texts.values():
        assert "eu_member" not in text and ".sum()" not in text  # no answer key's code
    bob = (feedback / "bob" / "02_countries.md").read_text()
    assert "✗ Question 2 – Not yet" in bob and "United States" not in bob
    dave = (feedback / "Dave Brown_34567_assignsubmission_file_" / "02_countries.md").read_text()
    assert "✗ Question 3 – Not yet" in dave and "DEU" not in dave
    assert "DEU" not in (feedback / "canvas_download" / "doejohn_LATE_23456_78901_02_countries.md").read_text()


def test_the_chart_is_written_beside_the_gradebook(journey):
    assert (journey["work"] / "gradebook.png").stat().st_size > 5000
    assert "chart: gradebook.png" in journey["ran"].stdout


def test_git_ignores_what_grading_writes_and_the_class_folder():
    """Run in the course folder as the README says, the outputs and students' work stay out of git."""
    if not (COURSE / ".git").exists():
        pytest.skip("not a git checkout")
    paths = [
        "gradebook.csv",
        "gradebook.png",
        "gradebook_skipped.csv",
        "feedback/alice/02_countries.md",
        "submissions/alice/02_countries.ipynb",
    ]
    ignored = subprocess.run(["git", "check-ignore", *paths], cwd=COURSE, capture_output=True, text=True)
    assert ignored.stdout.split() == paths
