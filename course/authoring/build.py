"""Make the exercise notebooks from the solution notebooks, and run notebooks to store outputs.

A solution notebook marks each answer with two comment lines:

    ### BEGIN SOLUTION
    first_country = countries["name"].iloc[0]
    ### END SOLUTION
    q1.check(first_country)

In the exercise the marked lines become a placeholder for every name they assign
(`first_country = ...  # your answer here`), so the check cell still runs and says
"not attempted yet". A written answer (a region that assigns one text in triple quotes) becomes that name
given three dots between triple quotation marks (WRITTEN_PLACEHOLDER): the quotation marks are already there,
so a sentence typed between them runs (typed without them, it is a SyntaxError), and the check reads the
text "..." as not attempted. Cells tagged `solution-only` are left out of the exercise, and the exercise's
first code cell starts with `%xmode Minimal`, so that a student's error shows as its one last line
(`KeyError: 'eu'`) instead of pages of pandas internals.
"""

import ast
import copy
from dataclasses import dataclass
from pathlib import Path

import nbformat

from course.student.backup import fingerprint

# Running a notebook and writing an exercise are shared with the students' reset command.
from course.student.reset import kernel_config, run_notebook, write_exercise  # noqa: F401
from takedown import feedback
from takedown.questions import assigned_names

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
SOLUTION_ONLY = "solution-only"
CORRECT, RECORDED = feedback.LOOK[feedback.CORRECT][0], feedback.LOOK[feedback.RECORDED][0]  # headline symbols
PLACEHOLDER = "...  # your answer here"
SHORT_ERRORS = "# When a cell fails, show only what went wrong (%xmode Context shows every step).\n%xmode Minimal\n"


class SolutionMarkerError(ValueError):
    """A solution region is not closed, or closed without being opened."""


WRITTEN_PLACEHOLDER = '"""..."""  # your answer here'


def is_written_answer(solution_code):
    """True when the code assigns one text written in triple quotes, and nothing else: a written answer."""
    statements = ast.parse(solution_code).body
    return (
        len(statements) == 1
        and isinstance(statements[0], ast.Assign)
        and isinstance(statements[0].value, ast.Constant)
        and isinstance(statements[0].value.value, str)
        and solution_code.rstrip().endswith(('"""', "'''"))
    )


def placeholder_for(solution_code):
    names = assigned_names(solution_code)
    if names and is_written_answer(solution_code):
        return [f"{names[0]} = {WRITTEN_PLACEHOLDER}"]
    return [f"{name} = {PLACEHOLDER}" for name in names] or ["# your code here"]


@dataclass(frozen=True)
class Region:
    """The code between a BEGIN SOLUTION and an END SOLUTION line."""

    code: str


def parse(source):
    """A cell's source as a list of parts: plain lines (str) and solution regions (Region)."""
    parts, region = [], None
    for line in source.splitlines():
        if line.strip() == BEGIN:
            if region is not None:
                raise SolutionMarkerError(f"{BEGIN} inside another solution region")
            region = []
        elif line.strip() == END:
            if region is None:
                raise SolutionMarkerError(f"{END} without a {BEGIN} before it")
            parts.append(Region("\n".join(region)))
            region = None
        elif region is not None:
            region.append(line)
        else:
            parts.append(line)
    if region is not None:
        raise SolutionMarkerError(f"{BEGIN} without an {END} after it")
    return parts


def solution_regions(source):
    """The code inside each solution region of a cell's source."""
    return [part.code for part in parse(source) if isinstance(part, Region)]


def strip_solutions(source):
    """A cell's source with every solution region replaced by its placeholder."""
    lines = []
    for part in parse(source):
        lines.extend(placeholder_for(part.code) if isinstance(part, Region) else [part])
    return "\n".join(lines)


def expected_checks(solution):
    """{question name: headline} shown under the answer key's checks: what a correct answer shows."""
    expected = {}
    for cell in solution.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/plain", "")
            if text.startswith(
                (f"{CORRECT} Question", f"{RECORDED} Question")
            ):  # correct, or recorded (the assessments)
                headline = text.split(":", 1)[0]
                expected[headline.split(" – ")[0][2:]] = headline
    return expected


def exercise_from_solution(solution, name):
    """A fresh exercise notebook (no outputs) made from a solution notebook."""
    exercise = copy.deepcopy(solution)
    exercise.cells = [cell for cell in exercise.cells if SOLUTION_ONLY not in cell.metadata.get("tags", [])]
    for cell in exercise.cells:
        if cell.cell_type == "code":
            cell.source = strip_solutions(cell.source)
            cell.outputs = []
            cell.execution_count = None
    first = next((cell for cell in exercise.cells if cell.cell_type == "code"), None)
    if first is not None:
        first.source = SHORT_ERRORS + first.source
    exercise.metadata["takedown"] = {
        "exercise": name,
        "fingerprint": fingerprint(exercise),
        "expected": expected_checks(solution),
    }
    return exercise


def exercise_path(solution_path, exercises_dir):
    return Path(exercises_dir) / Path(solution_path).name


def exercise_notebooks(folder):
    """The exercise notebooks in a folder (solutions/ or exercises/): those named in the registry of exercises,
    NN_name for a lesson's and pre_assessment / post_assessment for the assessments, in name order."""
    from takedown.questions import EXERCISES

    return sorted(path for path in Path(folder).glob("*.ipynb") if path.stem in EXERCISES)


def build_exercises(solutions_dir, exercises_dir, run=True, only=()):
    """Write exercises_dir/NAME.ipynb from solutions_dir/NAME.ipynb for every exercise (or `only` these names).

    Returns (written paths, backups made of notebooks that students had changed).
    """
    written, backups = [], []
    for solution_path in exercise_notebooks(solutions_dir):
        if only and solution_path.stem not in only:
            continue
        exercise = exercise_from_solution(nbformat.read(solution_path, as_version=4), solution_path.stem)
        target = exercise_path(solution_path, exercises_dir)
        saved = write_exercise(exercise, target, run)
        written.append(target)
        backups += [saved] if saved else []
    return written, backups
