"""The answer keys: read, when asked, from the solution notebooks of the instructor's repository.

The solution notebooks (`solutions/NN_name.ipynb`) are the one source of every exercise's answer: in
the cell that calls `qN.check(...)`, the lines between `### BEGIN SOLUTION` and `### END SOLUTION`.
The exercises are made from them (course/authoring/build.py), and `q.solution()`, the tests and the
release's search for leaked answers all read them here. The question modules hold no answer, so the
runtime package can ship to students and be bound into the grading sandbox as it is: where
`solutions/` is absent (a student edition, the sandbox), there is simply no key to read.

This module uses the standard library only (json), as it runs in a student's kernel.
"""

import json
from pathlib import Path

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


def solutions_folder():
    """Where the instructor's repository keeps the solution notebooks (absent in a student edition)."""
    from takedown import paths

    return paths.SOLUTIONS


def regions(source):
    """The code between each BEGIN SOLUTION and END SOLUTION line of a cell's source, in order."""
    found, region = [], None
    for line in source.splitlines():
        if line.strip() == BEGIN:
            region = []
        elif line.strip() == END and region is not None:
            found.append("\n".join(region))
            region = None
        elif region is not None:
            region.append(line)
    return found


def answer_codes(exercise, folder=None):
    """Each question's answer key, in the questions' order, from `solutions/<exercise>.ipynb`.

    [] when the notebook is not there (a student edition, the grading sandbox) or cannot be read.
    """
    path = Path(folder or solutions_folder()) / f"{exercise}.ipynb"
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    codes = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            codes += regions("".join(source) if isinstance(source, list) else str(source))
    return codes


def answer_code(exercise, number, folder=None):
    """Question `number`'s (1, 2, ...) answer key in `exercise`, or '' when there is none to read."""
    codes = answer_codes(exercise, folder)
    return codes[number - 1] if 0 < number <= len(codes) else ""


def solutions_note():
    """The instructor's sentence saying when solutions come (`release student --solutions-note`), or ''."""
    try:
        return (Path(__file__).parent / "solutions_note.txt").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""
