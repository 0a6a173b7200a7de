"""Make the exercise notebooks from the solution notebooks, and run notebooks to store outputs.

A solution notebook marks each answer with two comment lines:

    ### BEGIN SOLUTION
    first_country = countries["name"].iloc[0]
    ### END SOLUTION
    q1.check(first_country)

In the exercise the marked lines become a placeholder for every name they assign
(`first_country = ...  # your answer here`), so the check cell still runs and says
"not attempted yet". Cells tagged `solution-only` are left out of the exercise, and the exercise's
first code cell starts with `%xmode Minimal`, so that a student's error shows as its one last line
(`KeyError: 'eu'`) instead of pages of pandas internals.
"""
import copy
from dataclasses import dataclass
from pathlib import Path

import nbformat
import zmq
from nbclient import NotebookClient
from traitlets.config import Config

from course.student.backup import backup, changed_since_made, fingerprint
from takedown.questions import assigned_names

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
SOLUTION_ONLY = "solution-only"
PLACEHOLDER = "...  # your answer here"
SHORT_ERRORS = ("# When a cell fails, show only what went wrong (%xmode Context shows every step).\n"
                "%xmode Minimal\n")


class SolutionMarkerError(ValueError):
    """A solution region is not closed, or closed without being opened."""


def placeholder_for(solution_code):
    names = assigned_names(solution_code)
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
            if text.startswith("✓ Question"):
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
    exercise.metadata["takedown"] = {"exercise": name, "fingerprint": fingerprint(exercise),
                                     "expected": expected_checks(solution)}
    return exercise


def kernel_config():
    """Encrypt the link to the kernel when pyzmq can (the kernel warns on stderr about plain TCP)."""
    config = Config()
    config.KernelManager.transport_encryption = "auto" if zmq.has("curve") else "disabled"
    return config


def run_notebook(path, timeout=600):
    """Run a notebook top to bottom in a fresh kernel, in its own folder, and save its outputs."""
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}, config=kernel_config()).execute()
    nbformat.write(notebook, path)
    return notebook


def exercise_path(solution_path, exercises_dir):
    return Path(exercises_dir) / Path(solution_path).name


def write_exercise(exercise, target, run=True):
    """Write an exercise, first backing up the notebook there if a student changed it.

    Returns the backup's path, or None when nothing needed saving.
    """
    target = Path(target)
    saved = backup(target) if target.exists() and changed_since_made(target) else None
    nbformat.write(exercise, target)
    if run:
        run_notebook(target)
    return saved


def build_exercises(solutions_dir, exercises_dir, run=True, only=()):
    """Write exercises_dir/NN_*.ipynb from solutions_dir/NN_*.ipynb (all, or `only` these names).

    Returns (written paths, backups made of notebooks that students had changed).
    """
    written, backups = [], []
    for solution_path in sorted(Path(solutions_dir).glob("[0-9][0-9]_*.ipynb")):
        if only and solution_path.stem not in only:
            continue
        exercise = exercise_from_solution(nbformat.read(solution_path, as_version=4), solution_path.stem)
        target = exercise_path(solution_path, exercises_dir)
        saved = write_exercise(exercise, target, run)
        written.append(target)
        backups += [saved] if saved else []
    return written, backups


def fresh_exercise(solutions_dir, name, blanks_dir=None):
    """The blank exercise `name`, made anew from its solution notebook, or else (in a student edition,
    which has no solutions/) copied from the blank exercise stored in `blanks_dir`."""
    solution_path = Path(solutions_dir) / f"{name}.ipynb"
    if solution_path.exists():
        return exercise_from_solution(nbformat.read(solution_path, as_version=4), name)
    if blanks_dir is not None and (Path(blanks_dir) / f"{name}.ipynb").exists():
        return nbformat.read(Path(blanks_dir) / f"{name}.ipynb", as_version=4)
    raise FileNotFoundError(f"there is no exercise called {name} to make a fresh copy of "
                            "(exercises are named like exercises/02_countries.ipynb)")
