"""Students check their completed exercises with nbval, on their machine or in CI.

    python -m takedown check exercises/02_countries.ipynb [--allow-unanswered]
    make check                      (every exercise)

For each exercise this makes a *check notebook* in a temporary folder: the student's own cells,
run as they are but never compared (their outputs, extra cells and errors do not count), and after
each question's cell one course cell that shows that question's verdict. The check cells carry the
output a correct answer shows, taken from the answer key when the exercises were built
(`python -m takedown build` stores it in each exercise's metadata). nbval then runs the notebook
and compares: it passes exactly when every answered question is right. This module is also a pytest
plugin (`-p takedown.selfcheck`) that reports each question in plain sentences instead of a diff.
"""
import ast
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from takedown import feedback
from takedown.questions import EXERCISES, questions_for

COURSE = Path(__file__).resolve().parents[1]
MARKER = "# course check:"


class CheckLine:
    """A verdict as nbval sees it: the headline is compared, the sentence rides in the metadata."""

    def __init__(self, verdict):
        self.verdict = verdict

    def _repr_mimebundle_(self, include=None, exclude=None):
        return ({"text/plain": self.verdict.headline()},
                {"takedown": {"status": self.verdict.status, "message": self.verdict.message}})


def verdict_line(question, name, namespace):
    """The verdict on the variable `name` of a notebook, for the check cell nbval compares."""
    if name not in namespace:
        verdict = feedback.Verdict(feedback.NOT_ATTEMPTED, f"There is no variable {name} yet: run the cell "
                                   "with your answer (or check that its name is unchanged).", question.name)
    else:
        verdict = question.verdict(namespace[name])
    return CheckLine(verdict)


# ---- Making the check notebook ---------------------------------------------------------------

def is_unanswered(notebook, name):
    """True when the student's cells never give `name` a value other than the placeholder `...`."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else []
            if any(isinstance(target, ast.Name) and target.id == name for target in targets):
                if not (isinstance(node.value, ast.Constant) and node.value.value is ...):
                    return False
    return True


def check_cell(number, question, expected):
    cell = nbformat.v4.new_code_cell(
        f"{MARKER} {question.name}\n"
        "from takedown.selfcheck import verdict_line as _course_verdict\n"
        f"_course_verdict(q{number}, {question.answer_name!r}, globals())")
    cell.execution_count = 1  # nbval compares only cells that have been run
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": expected}, execution_count=1)]
    return cell


def expected_for(student, exercise):
    """What a correct answer shows, as stored with the exercise (or, for an older copy, with the course's)."""
    stored = student.metadata.get("takedown", {}).get("expected")
    if stored:
        return stored
    course_copy = COURSE / "exercises" / f"{exercise}.ipynb"
    return nbformat.read(course_copy, as_version=4).metadata.get("takedown", {}).get("expected", {})


def check_notebook(student, exercise, allow_unanswered=False):
    """(check notebook, names of unanswered questions left out) for one student's exercise."""
    expected = expected_for(student, exercise)
    questions = list(enumerate(questions_for(exercise), start=1))
    skipped = [q.name for _, q in questions if allow_unanswered and is_unanswered(student, q.answer_name)]
    cells, placed = [], set()
    for cell in student.cells:
        if cell.cell_type != "code":
            continue
        own = nbformat.v4.new_code_cell(cell.source)
        own.metadata["tags"] = ["raises-exception"]  # a student's error must not stop the checks
        cells.append(own)
        for number, question in questions:
            if f"q{number}.check(" in cell.source and question.name not in placed | set(skipped):
                cells.append(check_cell(number, question, expected.get(question.name, "")))
                placed.add(question.name)
    # A question whose cell was deleted is still checked, at the end.
    cells += [check_cell(number, question, expected.get(question.name, "")) for number, question in questions
              if question.name not in placed | set(skipped)]
    notebook = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": student.metadata.get("kernelspec", {})})
    return notebook, skipped


def exercise_name(path, notebook):
    named = notebook.metadata.get("takedown", {}).get("exercise")
    return named if named in EXERCISES else Path(path).stem if Path(path).stem in EXERCISES else None


# ---- Running nbval and reporting in plain sentences ------------------------------------------

def run(paths, allow_unanswered=False):
    """Check the given exercise notebooks with nbval; print a plain report; return the exit code."""
    workdir = Path(tempfile.mkdtemp(prefix="takedown-check-"))
    to_check, skipped = [], {}
    for path in map(Path, paths):
        try:
            student = nbformat.read(path, as_version=4)
        except Exception:
            print(f"{path}: cannot be read as a notebook. Open it in JupyterLab and save it again.")
            return 2
        exercise = exercise_name(path, student)
        if exercise is None:
            print(f"{path}: not an exercise of this course.")
            return 2
        notebook, skipped[path.name] = check_notebook(student, exercise, allow_unanswered)
        nbformat.write(notebook, workdir / path.name)
        to_check.append(workdir / path.name)
    (workdir / "pytest.ini").write_text("[pytest]\n")
    command = [sys.executable, "-m", "pytest", *map(str, to_check), "--nbval", "--nbval-current-env",
               "-p", "takedown.selfcheck", "-p", "no:cacheprovider", "-q", "--tb=no", "--no-header",
               "-rN", "-c", str(workdir / "pytest.ini"), "--rootdir", str(workdir)]
    for name, questions in skipped.items():
        for question in questions:
            print(f"{name} · ○ {question} – not attempted yet (allowed)")
    return subprocess.run(command, cwd=workdir).returncode


# pytest hooks: collect each check cell's verdict and print them as sentences at the end.
_RESULTS = []


def pytest_runtest_makereport(item, call):
    if call.when != "call" or MARKER not in getattr(getattr(item, "cell", None), "source", ""):
        return None
    outputs = getattr(item, "test_outputs", None) or []
    meta = next((output.get("metadata", {}).get("takedown") for output in outputs
                 if output.get("metadata", {}).get("takedown")), None)
    headline = next((output.get("data", {}).get("text/plain", "") for output in outputs), "")
    notebook = Path(str(item.fspath)).name
    message = meta["message"] if meta else "the check could not run"
    item.stash_verdict = (notebook, headline or "? check", message, call.excinfo is None)
    return None


def pytest_runtest_teardown(item):
    verdict = getattr(item, "stash_verdict", None)
    if verdict:
        _RESULTS.append(verdict)


def pytest_terminal_summary(terminalreporter):
    if not _RESULTS:
        return
    terminalreporter.write_line("")
    for notebook, headline, message, passed in _RESULTS:
        terminalreporter.write_line(f"{notebook} · {headline}: {message}")
    wrong = [result for result in _RESULTS if not result[3]]
    terminalreporter.write_line("")
    terminalreporter.write_line(
        "All answered questions are right." if not wrong else
        f"{len(wrong)} question(s) not right yet: see the sentences above, fix your answers and check again.")

