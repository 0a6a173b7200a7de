"""A student's journey with their own check, typed exactly as docs/students.md ("Check your exercise")
says: complete an exercise, `python3 -m course check 02`, get something wrong, `python3 -m course reset 02`,
check everything again. It runs in a copy of the course, with the course's .venv linked in (so the command
finds it set up). `make check` calls the same command (tests/test_bootstrap.py)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from course.authoring import build
from takedown.questions import EXERCISES, answer_key, questions_for

COURSE = Path(__file__).resolve().parents[1]
STUDENTS = Path("docs") / "students.md"
PYTHON = "python3"  # as the page says (Windows: py)
VENV = COURSE / ".venv"


@pytest.fixture
def course(tmp_path):
    """A copy of the course's tracked files, its .venv linked (so nothing reinstalls), and its own TMPDIR."""
    if not (VENV / ".course-setup.json").exists():  # written by course/bootstrap.py once it has set up .venv
        pytest.skip("run `python3 -m course setup` first: the journey uses the course's .venv")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=COURSE, capture_output=True, text=True, check=True)
    copy = tmp_path / "course"
    for name in filter(None, tracked.stdout.split("\0")):
        if (COURSE / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(COURSE / name, copy / name)
    (copy / ".venv").symlink_to(VENV)
    installed = (VENV / ".course-setup.json").stat().st_mtime
    for name in ("requirements.txt", "pyproject.toml"):  # older than the install, so make does not reinstall
        os.utime(copy / name, (installed - 60, installed - 60))
    (tmp_path / "tmp").mkdir()
    return copy


def type_in(course, *command):
    """Run a command in the course folder as a person would type it; (exit code, what it printed)."""
    # A person's shell: not inside `make test` (whose MAKELEVEL would make make say "make[1]: …").
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("MAKE", "MFLAGS")) and name != "GITHUB_STEP_SUMMARY"
    }
    env["TMPDIR"] = str(course.parent / "tmp")
    result = subprocess.run(list(command), cwd=course, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def answer(path, answers):
    """Write answers into the question cells, {number: code}, above their check lines; run and save."""
    notebook = nbformat.read(path, as_version=4)
    for number, code in answers.items():
        cell = next(cell for cell in notebook.cells if f"q{number}.check(" in cell.source)
        checks = [line for line in cell.source.splitlines() if line.lstrip("# ").startswith(f"q{number}.")]
        cell.source = "\n".join([code, *checks])
    # As the student saved it after running every cell in JupyterLab (errors and all).
    NotebookClient(
        notebook,
        kernel_name="python3",
        allow_errors=True,
        config=build.kernel_config(),
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    nbformat.write(notebook, path)


def test_a_student_checks_gets_it_wrong_resets_and_checks_again(course):
    exercise = course / "exercises" / "02_countries.ipynb"
    key = {number: answer_key(question) for number, question in enumerate(questions_for("02_countries"), 1)}
    readme = (course / STUDENTS).read_text()
    assert "`python3 -m course check 02`" in readme and "`python3 -m course check`" in readme
    assert "`python3 -m course reset 02`" in readme
    assert "`python3 -m course check 02 --complete`" in readme

    # 1. The whole exercise done with the answer key's answers: the check passes and says so.
    answer(exercise, key)
    status, output = type_in(course, PYTHON, "-m", "course", "check", "02")
    assert status == 0, output
    assert "6 of 6 questions answered, 5 right, 1 answer kept for a person to score with its rubric." in output
    assert (
        output.count("✓ Question") == 5 and "✎ Question 6 – Recorded" in output and "\\" not in output
    )  # no echoed recipe lines

    # 2. One answer wrong and one cell that raises: the check fails, naming both questions and why.
    answer(
        exercise,
        {
            2: 'not_in_eu = list(countries.loc[~countries["eu"], "name"])',
            3: 'new_in_2024 = ["GER", "ESP", "EST", "ISL"]',
        },
    )
    status, output = type_in(course, PYTHON, "-m", "course", "check", "02")
    assert status != 0
    assert "02_countries.ipynb · ✗ Question 2 – Your cell raised an error: KeyError: 'eu'" in output
    assert "02_countries.ipynb · ✗ Question 3 – Not yet: 'GER' is not an ISO 3166 alpha-3 code" in output
    assert "6 of 6 questions answered, 2 not right yet" in (output)
    work = exercise.read_text()

    # 3. Reset: the student's work is kept where the README says, and the exercise is fresh.
    status, output = type_in(course, PYTHON, "-m", "course", "reset", "02")
    assert status == 0, output
    [saved] = (course / "exercises" / "backups").glob("02_countries.backup-*.ipynb")
    assert "exercises/backups/02_countries.backup-<date>-<time>.ipynb" in readme
    assert saved.read_text() == work
    assert any('countries["eu"]' in cell.source for cell in nbformat.read(saved, as_version=4).cells)
    assert f"your notebook is saved as exercises/backups/{saved.name}" in output
    assert "without encryption" not in output and "Warning" not in output
    assert "eu_servers = ...  # your answer here" in exercise.read_text()

    # 4. Every exercise checked again (the assessments too): nothing answered, nothing wrong, and the backup
    # is not checked.
    total = sum(len(questions_for(name)) for name in EXERCISES)  # the exercises' and each assessment's
    status, output = type_in(course, PYTHON, "-m", "course", "check")
    assert status == 0, output
    assert f"0 of {total} questions answered yet." in output
    assert output.count("02_countries.ipynb · ") == 6 and "backup" not in output

    # 5. Before handing in, every question is required.
    status, output = type_in(course, PYTHON, "-m", "course", "check", "--complete")
    assert status != 0
    assert (
        f"0 of {total} questions answered yet. --complete needs all {total} answered and right: {total} to go."
        in output
    )

    assert list((course.parent / "tmp").glob("takedown-check-*")) == []


def test_the_students_pages_example_of_work_in_progress_is_what_the_check_prints(course):
    """The students' page shows a real report: question 1 wrong, 2 right, question 3's cell raising, 4 to 6 blank."""
    readme = (course / STUDENTS).read_text()
    block = re.search(r"```\n\$ (python3 -m course check 02)\n(.*?)```", readme, re.S)
    assert block, "the students' page's example of the check's output is missing"
    key = {number: answer_key(question) for number, question in enumerate(questions_for("02_countries"), 1)}
    answer(
        course / "exercises" / "02_countries.ipynb",
        {
            1: 'eu_servers = countries["role"] == "seized servers"',
            2: key[2],
            3: 'new_in_2024 = sorted(set(countries["code"]))',
        },
    )
    status, output = type_in(course, *block.group(1).split())
    assert status != 0
    assert block.group(2).strip().splitlines() == output.strip().splitlines()
