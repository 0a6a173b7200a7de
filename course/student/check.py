"""Students check their exercises with nbval, on their machine or in CI.

    python3 -m course check 02 [--complete]     (Windows: py -m course check 02; none named: every exercise)

For each exercise this makes a *check notebook* in a temporary folder: the student's own cells,
run as they are but never compared (their outputs, extra cells and errors do not count), and after
each question's cell one course cell that shows that question's verdict. nbval runs the notebook and
compares each check cell with what it should show:

* an answered question must show what a correct answer shows, taken from the answer key when the
  exercises were built (`python -m takedown build` stores it in each exercise's metadata);
* a question still holding its placeholder (`eu_members = ...`) must show "not attempted yet", so
  work in progress passes while every answered question is right. With `--complete` every question
  must show the correct answer's output.

In an edition released with `--hidden-checks` (takedown/edition.py), and for the pre- and post-assessment
always, an answered question's check only records its form: it passes when the answer is of the right kind
("✎ Recorded"), a wrong kind still fails with its message, and the report never says right or wrong: it
counts the answers recorded, to be judged at grading.

A first course cell records, for each cell run, the error it raised (an IPython `post_run_cell`
hook), so a check can say "your cell raised KeyError: 'eu'" rather than "not attempted".
This module is also a pytest plugin (`-p course.student.check`) that reports each question in plain
sentences, a progress line, and (when `$GITHUB_STEP_SUMMARY` names a file) a Markdown table there.
"""

import ast
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from course.bootstrap import spelled
from course.student.backup import is_backup
from takedown import edition, feedback
from takedown.paths import COURSE
from takedown.questions import EXERCISES, questions_for

MARKER = "# course check:"
SETUP_MARKER = "# course check setup"


# ---- Making the check notebook ---------------------------------------------------------------


def as_python(source):
    """A cell's source as plain Python: IPython's magics (the exercises' `%xmode Minimal`) become calls."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def is_unanswered(notebook, name):
    """True when the student's cells never give `name` a value other than the placeholder `...`.

    A cell that cannot be parsed (a syntax error) and mentions the name counts as an answer: the
    check then says the cell raised SyntaxError.
    """
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(as_python(cell.source))
        except SyntaxError:
            if re.search(rf"\b{re.escape(name)}\b", cell.source):
                return False
            continue
        placeholders = {
            id(node.targets[0])
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.value, ast.Constant)
            and (node.value.value is ... or node.value.value in ("...", "…"))  # a written answer's: """..."""
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Name)
                and node.id == name
                and isinstance(node.ctx, ast.Store)
                and id(node) not in placeholders
            ):
                return False
    return True


def setup_cell():
    cell = nbformat.v4.new_code_cell(
        f"{SETUP_MARKER}\n"
        "from takedown.checkcell import record_errors as _course_record_errors\n"
        "_course_record_errors(get_ipython())"
    )
    return cell  # never run before, so nbval runs it without comparing


def check_cell(exercise, number, question, expected):
    cell = nbformat.v4.new_code_cell(
        f"{MARKER} {question.name}\n"
        "from takedown.checkcell import verdict_line as _course_verdict\n"
        f"_course_verdict({exercise!r}, {number}, {question.answer_name!r}, globals())"
    )
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


def check_notebook(student, exercise, complete=False):
    """The check notebook for one student's exercise (see the module's docstring)."""
    correct = expected_for(student, exercise)
    questions = list(enumerate(questions_for(exercise), start=1))
    hidden = edition.hidden_checks()  # a right answer only shows "Recorded" in this edition's kernels

    def expected(question):
        if not complete and is_unanswered(student, question.answer_name):
            return feedback.Verdict(feedback.NOT_ATTEMPTED, "", question.name).headline()
        if hidden:
            return feedback.Verdict(feedback.RECORDED, "", question.name).headline()
        return correct.get(question.name, "")

    cells, placed = [setup_cell()], set()
    for cell in student.cells:
        if cell.cell_type != "code":
            continue
        own = nbformat.v4.new_code_cell(cell.source)
        own.metadata["tags"] = ["raises-exception"]  # a student's error must not stop the checks
        cells.append(own)
        for number, question in questions:
            if f"q{number}.check(" in cell.source and question.name not in placed:
                cells.append(check_cell(exercise, number, question, expected(question)))
                placed.add(question.name)
    # A question whose cell was deleted is still checked, at the end.
    cells += [
        check_cell(exercise, number, question, expected(question))
        for number, question in questions
        if question.name not in placed
    ]
    return nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": student.metadata.get("kernelspec", {})})


def find_exercise(path):
    """The exercise notebook a path names, also when it is short or doubled (what `make check EXERCISE=...` gives).

    exercises/02_countries.ipynb is itself; exercises/02_countries.ipynb.ipynb (EXERCISE=02_countries.ipynb)
    and exercises/02.ipynb (EXERCISE=02) are exercises/02_countries.ipynb when exactly one notebook there
    starts so. Otherwise a ValueError says which names there are.
    """
    path = Path(path)
    if path.is_file():
        return path
    name = path.name
    while name.lower().endswith(".ipynb"):
        name = name[: -len(".ipynb")]
    folder = path.parent
    notebooks = sorted(found for found in folder.glob("*.ipynb") if not is_backup(found)) if folder.is_dir() else []
    matches = [found for found in notebooks if name and found.stem.lower().startswith(name.lower())]
    exact = [found for found in matches if found.stem.lower() == name.lower()]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    names = [found.stem for found in notebooks if found.stem in EXERCISES] or list(EXERCISES)
    which = f"{name!r} fits more than one exercise" if len(matches) > 1 else f"there is no notebook {path}"
    raise ValueError(
        f"{which}. The exercises are: {', '.join(names)}. Name one by its number "
        f"({spelled()} check {names[0][:2]}) or by its file "
        f"({spelled()} check {(folder if notebooks else Path('exercises')) / names[0]}.ipynb)."
    )


def exercise_name(path, notebook):
    named = notebook.metadata.get("takedown", {}).get("exercise")
    return named if named in EXERCISES else Path(path).stem if Path(path).stem in EXERCISES else None


# ---- Running nbval and reporting in plain sentences ------------------------------------------


def run(paths, complete=False):
    """Check the given exercise notebooks with nbval; print a plain report; return the exit code."""
    paths = [Path(path) for path in paths]
    backups = [path for path in paths if is_backup(path)]
    for path in backups:
        print(
            f"{path}: a backup of your work, not an exercise, so it is not checked. To check those "
            f"answers, copy them into the exercise, e.g. exercises/{path.name.split('.backup-')[0]}.ipynb."
        )
    paths = [path for path in paths if path not in backups]
    if not paths:
        return 2
    with tempfile.TemporaryDirectory(prefix="takedown-check-") as folder:
        workdir = Path(folder)
        to_check = []
        for path in paths:
            try:
                student = nbformat.read(path, as_version=4)
            except Exception:
                print(f"{path}: cannot be read as a notebook. Open it in JupyterLab and save it again.")
                return 2
            exercise = exercise_name(path, student)
            if exercise is None:
                print(f"{path}: not an exercise of this course.")
                return 2
            nbformat.write(check_notebook(student, exercise, complete), workdir / path.name)
            to_check.append(workdir / path.name)
        (workdir / "pytest.ini").write_text("[pytest]\n")
        command = [
            sys.executable,
            "-m",
            "pytest",
            *map(str, to_check),
            "--nbval",
            "--nbval-current-env",
            "-p",
            "course.student.check",
            "-p",
            "no:cacheprovider",
            "-qq",
            "--tb=no",
            "--no-header",
            "-rN",
            "-c",
            str(workdir / "pytest.ini"),
            "--rootdir",
            str(workdir),
        ]
        if complete:
            command.append("--takedown-complete")
        return subprocess.run(command, cwd=workdir).returncode


# pytest hooks: collect each check cell's verdict and print them as sentences at the end.
_RESULTS = []


def pytest_addoption(parser):
    parser.addoption("--takedown-complete", action="store_true", help="every question must be answered")


def pytest_report_teststatus(report, config):
    """No progress dots: a student reads the sentences at the end, not one mark per cell."""
    if report.when == "call":
        return report.outcome, "", ""
    return None


def pytest_runtest_makereport(item, call):
    if call.when != "call" or MARKER not in getattr(getattr(item, "cell", None), "source", ""):
        return None
    outputs = getattr(item, "test_outputs", None) or []
    meta = (
        next(
            (
                output.get("metadata", {}).get("takedown")
                for output in outputs
                if output.get("metadata", {}).get("takedown")
            ),
            None,
        )
        or {}
    )
    headline = next((output.get("data", {}).get("text/plain", "") for output in outputs), "")
    question = item.cell.source.splitlines()[0][len(MARKER) :].strip()
    item.stash_verdict = {
        "notebook": Path(str(item.fspath)).name,
        "question": question,
        "headline": headline or f"? {question} – Could not check",
        "status": meta.get("status", feedback.UNCHECKABLE),
        "message": meta.get("message", "the check could not run"),
        "passed": call.excinfo is None,
    }
    return None


def pytest_runtest_teardown(item):
    verdict = getattr(item, "stash_verdict", None)
    if verdict:
        _RESULTS.append(verdict)


def progress(results, complete=False):
    """One line: how many questions are answered and whether they are right, e.g. '12 of 37 answered, all right'.

    Where checks only record (a hidden-checks edition, the assessments), it says how many were recorded and
    never that they are right: '12 of 37 questions answered, 12 recorded. A recorded answer is of the right form...'."""
    blank = [r for r in results if r["status"] == feedback.NOT_ATTEMPTED and (r["passed"] or complete)]
    wrong = [r for r in results if not r["passed"] and r not in blank]
    recorded = [r for r in results if r["status"] == feedback.RECORDED and r["passed"]]
    answered = len(results) - len(blank)
    line = f"{answered} of {len(results)} questions answered"
    if recorded and not edition.hidden_checks() and not any("assessment" in r["notebook"] for r in recorded):
        # Full checks and no assessment: only answers a person scores are recorded; the rest was judged here.
        right = answered - len(recorded) - len(wrong)
        kept = f"{len(recorded)} answer{'' if len(recorded) == 1 else 's'} kept for a person to score with its rubric."
        if wrong:
            them = "it" if len(wrong) == 1 else "them"
            line += f", {len(wrong)} not right yet: fix {them} (each question's sentence says what to look at) and check again. {kept}"
        else:
            line += (f", {right} right, " if right else ", ") + kept
        done = "answered"
    elif recorded or (answered and edition.hidden_checks()):
        them = "it" if len(wrong) == 1 else "them"
        right = answered - len(recorded) - len(wrong)
        line += f", {len(recorded)} recorded" + (f", {right} right" if right else "")
        if wrong:
            line += f", {len(wrong)} to fix: fix {them} (each question's sentence says what) and check again."
        else:
            line += "."
        line += " A recorded answer is of the right form; whether it is right is judged when your instructor grades it."
        done = "answered"
    elif wrong:
        them = "it" if len(wrong) == 1 else "them"
        line += (
            f", {len(wrong)} not right yet: fix {them} (each question's sentence says what to look at) and check again."
        )
        done = "answered and right"
    else:
        line += ", all right." if answered else " yet."
        done = "answered and right"
    if complete and blank:
        line += f" --complete needs all {len(results)} {done}: {len(blank)} to go."
    return line


def step_summary(results, line):
    """The report as Markdown, for the page of a GitHub Actions run."""

    def status(result):
        symbol, word, _, _ = feedback.LOOK.get(result["status"], feedback.LOOK[feedback.UNCHECKABLE])
        return f"{symbol} {word}"

    rows = [
        f"| {r['notebook']} | {r['question']} | {status(r)} | {r['message'].replace('|', '&#124;')} |".replace(
            "\n", " "
        )
        for r in results
    ]
    return "\n".join(
        [
            "### Checking my exercises",
            "",
            line,
            "",
            "| Exercise | Question | Status | What the check says |",
            "|---|---|---|---|",
            *rows,
            "",
        ]
    )


def pytest_terminal_summary(terminalreporter, config):
    if not _RESULTS:
        return
    for result in _RESULTS:
        terminalreporter.write_line(f"{result['notebook']} · {result['headline']}: {result['message']}")
    line = progress(_RESULTS, config.getoption("--takedown-complete"))
    terminalreporter.write_line("")
    terminalreporter.write_line(line)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(step_summary(_RESULTS, line))
