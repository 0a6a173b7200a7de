"""Students check their exercises with nbval: pass exactly when every answered question is right."""

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from course.authoring import build
from course.student import backup
from course.student import check as selfcheck
from takedown.questions import EXERCISES, answer_key, questions_for

COURSE = Path(__file__).resolve().parents[1]
EXERCISE = COURSE / "exercises" / "02_countries.ipynb"
WRONG_CODES = 'new_in_2024 = ["GER", "ESP", "EST", "ISL"]'  # Question 3: Germany's code in sport, not ISO's


def completed(folder, answers=None, extra_cells=(), name="02_countries.ipynb"):
    """The exercise completed with the answer key's code, except the answers given as {number: code}."""
    notebook = nbformat.read(EXERCISE, as_version=4)
    answers = {**{n: answer_key(q) for n, q in enumerate(questions_for("02_countries"), 1)}, **(answers or {})}
    for number, code in answers.items():
        cell = next(cell for cell in notebook.cells if f"q{number}.check(" in cell.source)
        kept = [line for line in cell.source.splitlines() if "# your answer here" not in line]
        cell.source = (code + "\n" if code else "") + "\n".join(kept) if code is not None else cell.source
    for position, source in extra_cells:
        notebook.cells.insert(position, nbformat.v4.new_code_cell(source))
    path = folder / name
    nbformat.write(notebook, path)
    return path


def check(*args, env=None):
    result = subprocess.run(
        [sys.executable, "-m", "takedown", "check", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=COURSE,
        env=env,
    )
    return result.returncode, result.stdout + result.stderr


def test_the_answer_keys_answers_pass(tmp_path):
    status, report = check(completed(tmp_path))
    assert status == 0, report
    assert "6 of 6 questions answered, 5 right, 1 answer kept for a person to score with its rubric." in report
    assert report.count("✓ Question") == 5 and report.count("✎ Question 6 – Recorded") == 1


def test_one_wrong_answer_fails_naming_the_question_and_its_feedback(tmp_path):
    status, report = check(completed(tmp_path, {3: WRONG_CODES}))
    assert status == 1
    assert "02_countries.ipynb · ✗ Question 3 – Not yet: 'GER' is not an ISO 3166 alpha-3 code" in report
    assert report.count("✓ Question") == 4
    assert "DEU" not in report.split("Question 3 – Not yet")[1].splitlines()[0]
    assert "6 of 6 questions answered, 1 not right yet" in report


def test_unanswered_questions_pass_and_progress_says_so_but_complete_needs_them(tmp_path):
    path = completed(tmp_path, {4: None, 5: None})
    status, report = check(path)
    assert status == 0, report
    assert "○ Question 4 – Not attempted yet" in report and "○ Question 5 – Not attempted yet" in report
    assert "4 of 6 questions answered, 3 right, 1 answer kept for a person to score with its rubric." in report
    status, report = check(path, "--complete")
    assert status == 1
    assert (
        "4 of 6 questions answered, 3 right, 1 answer kept for a person to score with its rubric. --complete needs all 6 answered: 2 to go."
        in report
    )
    assert check(path, "--allow-unanswered")[0] == 0  # the old flag is still accepted


def test_a_blank_exercise_passes_with_nothing_answered():
    status, report = check(EXERCISE)
    assert status == 0, report
    assert "0 of 6 questions answered yet." in report


def test_a_wrong_answer_fails_even_while_others_are_unanswered(tmp_path):
    status, report = check(completed(tmp_path, {1: 'eu_servers = countries["eu_member"]', 4: None, 5: None}))
    assert status == 1
    assert "✗ Question 1 – Not yet" in report and "4 of 6 questions answered, 1 not right yet" in report


def test_a_cell_that_raises_is_reported_as_raising_not_as_unanswered(tmp_path):
    path = completed(
        tmp_path, {2: 'not_in_eu = list(countries.loc[~countries["eu"], "name"])', 3: 'new_in_2024 = ["DEU'}
    )
    status, report = check(path)
    assert status == 1
    assert "✗ Question 2 – Your cell raised an error: KeyError: 'eu'. Read the last line" in report
    line = next(line for line in report.splitlines() if "Question 3 –" in line)
    assert "Your cell raised an error: SyntaxError: unterminated string literal" in line and ".py" not in line
    assert "There is no variable" not in report
    assert "6 of 6 questions answered, 2 not right yet" in report


def test_an_error_in_another_cell_does_not_count_against_the_next_question(tmp_path):
    """An exploration cell that raises, just before an answer cell, is not that question's error."""
    path = completed(tmp_path, extra_cells=[(8, "countries['eu']")])
    status, report = check(path)
    assert status == 0, report


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


def test_a_deleted_check_call_is_still_checked(tmp_path):
    path = completed(tmp_path, {3: WRONG_CODES})
    notebook = nbformat.read(path, as_version=4)
    cell = next(cell for cell in notebook.cells if "q3.check(" in cell.source)
    cell.source = cell.source.replace("q3.check(new_in_2024)", "")
    nbformat.write(notebook, path)
    status, report = check(path)
    assert status == 1 and "✗ Question 3 – Not yet: 'GER' is not" in report


def test_a_deleted_answer_cell_counts_as_unanswered_unless_complete(tmp_path):
    path = completed(tmp_path)
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [cell for cell in notebook.cells if "q2.check(" not in cell.source]
    nbformat.write(notebook, path)
    status, report = check(path)
    assert status == 0 and "Question 2 – Not attempted yet: There is no variable not_in_eu" in report
    assert check(path, "--complete")[0] == 1


def test_a_file_that_is_not_an_exercise_gets_a_clear_message(tmp_path):
    path = tmp_path / "notes.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    assert check(path) == (2, f"{path}: not an exercise of this course.\n")


def test_a_backup_is_not_checked_and_says_why(tmp_path):
    saved = backup.backup(completed(tmp_path, {3: WRONG_CODES}))
    status, report = check(saved)
    assert status == 2
    assert report.startswith(f"{saved}: a backup of your work, not an exercise, so it is not checked.")
    assert "exercises/02_countries.ipynb" in report
    status, report = check(saved, EXERCISE)  # an old backup caught by exercises/*.ipynb: skipped
    assert status == 0 and "not an exercise, so it is not checked" in report
    assert report.count("02_countries.ipynb · ") == 6


def test_no_temporary_folder_is_left_behind(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    assert check(completed(tmp_path, {3: WRONG_CODES}), env=env)[0] == 1
    notes = tmp_path / "notes.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), notes)
    assert check(notes, env=env)[0] == 2
    assert list(temp.glob("takedown-check-*")) == []


def test_in_github_actions_the_report_is_added_to_the_step_summary(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier steps\n")
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    status, _ = check(completed(tmp_path, {3: WRONG_CODES, 5: None}), env=env)
    assert status == 1
    text = summary.read_text()
    assert text.startswith("earlier steps\n")
    assert "5 of 6 questions answered, 1 not right yet" in text
    rows = [line for line in text.splitlines() if line.startswith("| 02_countries")]
    assert rows[0].startswith("| 02_countries.ipynb | Question 1 | ✓ Correct | Yes: 1")
    assert rows[2].startswith("| 02_countries.ipynb | Question 3 | ✗ Not yet | 'GER' is not")
    assert rows[4].startswith("| 02_countries.ipynb | Question 5 | ○ Not attempted yet |")
    assert len(rows) == 6 and "| Exercise | Question | Status | What the check says |" in text


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_expected_outputs_come_from_the_answer_key(name):
    """The outputs a correct answer shows are the answer key's own, stored by the build command."""
    solution = nbformat.read(COURSE / "solutions" / f"{name}.ipynb", as_version=4)
    exercise = nbformat.read(COURSE / "exercises" / f"{name}.ipynb", as_version=4)
    expected = exercise.metadata["takedown"]["expected"]
    assert expected == build.expected_checks(solution)
    assert sorted(expected) == sorted(q.name for q in questions_for(name))
    for question in questions_for(name):  # assessments, and answers a person scores, are only recorded
        recorded = name.endswith("_assessment") or question.needs_review
        shown = "✎ {} – Recorded" if recorded else "✓ {} – Correct"
        assert expected[question.name] == shown.format(question.name)


def test_the_check_notebook_keeps_student_cells_uncompared():
    student = nbformat.read(EXERCISE, as_version=4)
    for complete, word in ((False, "Not attempted yet"), (True, "Correct")):
        notebook = selfcheck.check_notebook(student, "02_countries", complete)
        own = [cell for cell in notebook.cells if selfcheck.MARKER not in cell.source]
        checks = [cell for cell in notebook.cells if selfcheck.MARKER in cell.source]
        assert len(checks) == 6 and selfcheck.SETUP_MARKER in own[0].source
        assert all(cell.execution_count is None and not cell.outputs for cell in own)
        assert all(cell.outputs[0]["data"]["text/plain"].endswith(word) for cell in checks[:5])
        assert checks[5].outputs[0]["data"]["text/plain"].endswith("Not attempted yet" if not complete else "Recorded")


@pytest.mark.parametrize(
    "source, unanswered",
    [
        ("eu_servers = ...  # your answer here", True),
        ("eu_servers = 1", False),
        ("eu_servers = ...\neu_servers += 1", False),
        ("for eu_servers in range(7): pass", False),
        ("total = eu_servers", True),
        ("eu_servers = (", False),  # a syntax error in an attempt: the check says so
        ("other = (", True),
    ],
)
def test_an_answer_is_any_value_given_to_the_answers_variable(source, unanswered):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    assert selfcheck.is_unanswered(notebook, "eu_servers") is unanswered


def test_in_a_notebook_a_cell_shows_the_verdict_and_then_the_hint():
    """Un-commenting `q1.hint()` under `q1.check(...)` keeps the verdict on screen, and hint(2) is the next hint."""
    from nbclient import NotebookClient

    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("from takedown.questions.countries import q1\nq1.check(7)\nq1.hint()\nq1.hint(2)")
        ]
    )
    NotebookClient(notebook, kernel_name="python3", config=build.kernel_config()).execute()
    shown = [output["data"]["text/html"] for output in notebook.cells[0].outputs if "data" in output]
    assert len(shown) == 3
    assert "Question 1 – Not yet" in shown[0]
    assert "Hint for Question 1 (hint 1 of 3)" in shown[1] and "Hint for Question 1 (hint 2 of 3)" in shown[2]


# ---- The workflow files stay in step with .ci/run and the README ------------------------------


def run_steps(path):
    workflow = yaml.safe_load(path.read_text())
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def test_the_course_workflow_runs_the_readme_test_command_like_ci():
    readme, ci = (COURSE / "README.md").read_text(), (COURSE / ".ci" / "run").read_text()
    workflow = yaml.safe_load((COURSE / ".github" / "workflows" / "course.yml").read_text())
    steps = [step["run"] for step in workflow["jobs"]["test"]["steps"] if "run" in step]
    assert steps[-1] == "python3 -m course test" and all(step.startswith("sudo apt-get") for step in steps[:-1])
    assert re.search(r"^python3 -m course test$", ci, re.M) and "`python3 -m course test`" in readme


def test_the_students_workflow_runs_the_documented_check_command():
    workflow = yaml.safe_load((COURSE / ".github" / "workflows" / "check-exercises.yml").read_text())
    assert run_steps(COURSE / ".github" / "workflows" / "check-exercises.yml") == ["python3 -m course check"]
    assert "is_template" in workflow["jobs"]["check"]["if"]
    assert "`python3 -m course check`" in (COURSE / "docs" / "students.md").read_text()  # the students' page names it


# ---- Naming the exercise to check ----------------------------------------------------------------


@pytest.fixture
def exercises_folder(tmp_path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    for name in ("01_the_article", "02_countries", "03_outlets"):
        (folder / f"{name}.ipynb").write_text("{}")
    return folder


@pytest.mark.parametrize(
    "given", ["02_countries.ipynb", "02_countries.ipynb.ipynb", "02.ipynb", "02", "02_countries", "02_count.ipynb"]
)
def test_an_exercise_can_be_named_by_its_number_or_with_ipynb_twice(exercises_folder, given):
    """make check EXERCISE=02 and EXERCISE=02_countries.ipynb both find exercises/02_countries.ipynb."""
    assert selfcheck.find_exercise(exercises_folder / given) == exercises_folder / "02_countries.ipynb"


@pytest.mark.parametrize("given", ["04.ipynb", "0.ipynb", "countries.ipynb", ".ipynb"])
def test_an_unknown_or_ambiguous_exercise_name_lists_the_valid_ones(exercises_folder, given):
    with pytest.raises(ValueError) as raised:
        selfcheck.find_exercise(exercises_folder / given)
    message = str(raised.value)
    assert "01_the_article, 02_countries, 03_outlets" in message and "02" in message


def test_make_check_with_a_number_checks_that_exercise(tmp_path):
    """The command takes exercises/02.ipynb (what `make check EXERCISE=02` passes) as the exercise 02."""
    folder = tmp_path / "exercises"
    folder.mkdir()
    nbformat.write(nbformat.read(EXERCISE, as_version=4), folder / "02_countries.ipynb")
    status, report = check(folder / "02.ipynb")
    assert status == 0, report
    assert "0 of 6 questions answered yet." in report
    status, report = check(folder / "09.ipynb")
    assert status == 2 and "there is no notebook" in report and "02_countries" in report


def test_a_raised_error_is_said_once(tmp_path):
    """The headline says "Your cell raised an error"; the sentence after it starts with the error itself."""
    status, report = check(completed(tmp_path, {3: 'new_in_2024 = ["DEU'}))
    assert status == 1
    line = next(line for line in report.splitlines() if "Question 3 –" in line)
    assert "Your cell raised an error: SyntaxError: " in line
    assert line.count("Your cell raised") == 1
