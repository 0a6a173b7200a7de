"""Students check their exercises with nbval: pass exactly when every answered question is right."""
import copy
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from takedown import build, selfcheck
from takedown.questions import EXERCISES, questions_for

COURSE = Path(__file__).resolve().parents[1]
EXERCISE = COURSE / "exercises" / "02_countries.ipynb"


def completed(folder, answers=None, extra_cells=(), name="02_countries.ipynb"):
    """The exercise completed with the answer key's code, except the answers given as {number: code}."""
    notebook = nbformat.read(EXERCISE, as_version=4)
    answers = {**{n: q.solution_code for n, q in enumerate(questions_for("02_countries"), 1)}, **(answers or {})}
    for number, code in answers.items():
        cell = next(cell for cell in notebook.cells if f"q{number}.check(" in cell.source)
        kept = [line for line in cell.source.splitlines() if "# your answer here" not in line]
        cell.source = (code + "\n" if code else "") + "\n".join(kept) if code is not None else cell.source
    for position, source in extra_cells:
        notebook.cells.insert(position, nbformat.v4.new_code_cell(source))
    path = folder / name
    nbformat.write(notebook, path)
    return path


def check(*args):
    result = subprocess.run([sys.executable, "-m", "takedown", "check", *map(str, args)],
                            capture_output=True, text=True, cwd=COURSE)
    return result.returncode, result.stdout + result.stderr


def test_the_answer_keys_answers_pass(tmp_path):
    status, report = check(completed(tmp_path))
    assert status == 0, report
    assert "All answered questions are right." in report
    assert report.count("✓ Question") == 5


def test_one_wrong_answer_fails_naming_the_question_and_its_feedback(tmp_path):
    status, report = check(completed(tmp_path, {3: 'uk_code = "UK"'}))
    assert status == 1
    assert "02_countries.ipynb · ✗ Question 3 – Not yet: 'UK' is not the ISO 3166 alpha-3 code" in report
    assert report.count("✓ Question") == 4
    assert "GBR" not in report.split("Question 3 – Not yet")[1].splitlines()[0]


def test_unanswered_questions_are_not_attempted_and_can_be_allowed(tmp_path):
    path = completed(tmp_path, {4: None, 5: None})
    status, report = check(path)
    assert status == 1 and "○ Question 4 – Not attempted yet" in report
    status, report = check(path, "--allow-unanswered")
    assert status == 0, report
    assert "Question 5 – not attempted yet (allowed)" in report


def test_editing_style_does_not_matter(tmp_path):
    """Extra exploration cells (with output, even an error) and cells run out of order still pass."""
    path = completed(tmp_path, extra_cells=[(5, "countries.head()"), (8, "print('exploring')\n1 / 0")])
    notebook = nbformat.read(path, as_version=4)
    for count, cell in enumerate(reversed([c for c in notebook.cells if c.cell_type == "code"]), start=1):
        cell.execution_count = count * 7
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="old output\n")]
    nbformat.write(notebook, path)
    status, report = check(path)
    assert status == 0, report


def test_a_deleted_check_cell_is_still_checked(tmp_path):
    path = completed(tmp_path)
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [cell for cell in notebook.cells if "q2.check(" not in cell.source]
    nbformat.write(notebook, path)
    status, report = check(path)
    assert status == 1 and "Question 2 – Not attempted yet: There is no variable not_in_eu" in report


def test_a_file_that_is_not_an_exercise_gets_a_clear_message(tmp_path):
    path = tmp_path / "notes.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    assert check(path) == (2, f"{path}: not an exercise of this course.\n")


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_expected_outputs_come_from_the_answer_key(name):
    """The outputs a correct answer shows are the answer key's own, stored by the build command."""
    solution = nbformat.read(COURSE / "solutions" / f"{name}.ipynb", as_version=4)
    exercise = nbformat.read(COURSE / "exercises" / f"{name}.ipynb", as_version=4)
    expected = exercise.metadata["takedown"]["expected"]
    assert expected == build.expected_checks(solution)
    assert sorted(expected) == sorted(q.name for q in questions_for(name))
    assert all(headline == f"✓ {question} – Correct" for question, headline in expected.items())


def test_the_check_notebook_keeps_student_cells_uncompared():
    student = nbformat.read(EXERCISE, as_version=4)
    notebook, skipped = selfcheck.check_notebook(student, "02_countries")
    own = [cell for cell in notebook.cells if selfcheck.MARKER not in cell.source]
    checks = [cell for cell in notebook.cells if selfcheck.MARKER in cell.source]
    assert skipped == [] and len(checks) == 5
    assert all(cell.execution_count is None and not cell.outputs for cell in own)
    assert all(cell.outputs[0]["data"]["text/plain"].endswith("Correct") for cell in checks)


# ---- The workflow files stay in step with .ci/run and the README ------------------------------

def run_steps(path):
    workflow = yaml.safe_load(path.read_text())
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def test_the_course_workflow_runs_the_readme_test_command_like_ci():
    readme, ci = (COURSE / "README.md").read_text(), (COURSE / ".ci" / "run").read_text()
    steps = run_steps(COURSE / ".github" / "workflows" / "course.yml")
    assert steps == ["make test"]
    assert re.search(r"^make test$", ci, re.M) and "`make test`" in readme


def test_the_students_workflow_runs_the_documented_check_command():
    workflow = yaml.safe_load((COURSE / ".github" / "workflows" / "check-exercises.yml").read_text())
    assert run_steps(COURSE / ".github" / "workflows" / "check-exercises.yml") == ["make check"]
    assert "is_template" in workflow["jobs"]["check"]["if"]
    assert "`make check`" in (COURSE / "README.md").read_text()
