"""Write the grader's sample class (tests/samples/*.ipynb) from the blank exercise 02 and its answer key: right,
partial, blank and wrong answers, and notebooks that misbehave (an endless loop, a killed kernel, a flood of
output...), then the hostile samples (tests/hostile_samples.py). tests/samples/expected_gradebook.csv says what
the grader makes of each (tests/test_grade.py, tests/test_sandbox.py).

    .venv/bin/python tests/class_samples.py     (from the course root, after `make exercises` changed 01 or 02)

not_json.ipynb and not_a_notebook.ipynb are not made from an exercise and are left as they are.
"""

import re
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).parent))
import hostile_samples  # noqa: E402
from takedown.questions.keys import answer_codes  # noqa: E402

PLACEHOLDER = re.compile(r'^\w+ = (?:\.\.\.|"""\.\.\.""")  # your answer here$')  # a written answer's: """..."""

# Cells a misbehaving student adds after the setup cell.
EXTRA = {
    "floods_output": "for line in range(300_000):\n    print('spam ' * 20)",
    "infinite_loop": "while True:\n    pass",
    "kills_kernel": "import os\nos._exit(1)",
    "memory_hog": "hoard = bytearray(50 * 1024**3)",
    "raises": "1 / 0",
    "sys_exit": "import sys\nsys.exit('I am done')",
    "tampers_with_checks": (
        "import takedown.feedback\n"
        "from takedown.questions import countries as key\n"
        "always_right = lambda answer: takedown.feedback.correct('Correct!')\n"
        "for question in key.QUESTIONS:\n"
        "    object.__setattr__(question, 'judge', always_right)\n"
        "takedown.feedback.incorrect = takedown.feedback.correct"
    ),
    "writes_files": (
        "import os\nopen('junk.txt', 'w').write('x' * 1000)\nos.remove('junk.txt')\nos.remove('submission.ipynb')"
    ),
}

RIGHT = "right"  # the answer key's code
# sample -> {question number: the code that replaces the placeholders (RIGHT: the key's)}; other questions stay blank
ANSWERS = {
    "blank": {},
    "correct": dict.fromkeys(range(1, 7), RIGHT),
    "cells_deleted": dict.fromkeys(range(1, 7), RIGHT),
    "cells_reordered": dict.fromkeys(range(1, 7), RIGHT),
    "partial": {1: RIGHT, 2: 'not_in_eu = countries.loc[countries["iso3"] == "CAN", "name"]', 3: RIGHT},
    "answer_cell_raises": {1: 'eu_servers = countries["eu"].sum()', 2: RIGHT},
    "floods_output": {1: RIGHT},
    "infinite_loop": {1: RIGHT, 2: RIGHT},
    "kills_kernel": {1: RIGHT},
    "memory_hog": {1: RIGHT},
    "raises": {1: RIGHT, 2: RIGHT},
    "sys_exit": {1: RIGHT},
    "tampers_with_checks": {1: 'eu_servers = countries["eu_member"]', 3: 'new_in_2024 = ["GER", "ESP", "EST", "ISL"]'},
    "writes_files": {1: RIGHT, 2: RIGHT},
}


def answer_cells(notebook):
    """The code cells holding placeholders, in the questions' order."""
    return [
        cell
        for cell in notebook.cells
        if cell.cell_type == "code" and any(map(PLACEHOLDER.match, cell.source.splitlines()))
    ]


def sample(blank, name, keys):
    notebook = nbformat.read(blank, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    cells = answer_cells(notebook)
    for number, code in ANSWERS[name].items():
        cell = cells[number - 1]
        kept = [line for line in cell.source.splitlines() if not PLACEHOLDER.match(line)]
        cell.source = "\n".join([keys[number - 1] if code == RIGHT else code, *kept])
    if name == "cells_deleted":  # question 4's cell is gone
        notebook.cells.remove(cells[3])
    if name == "cells_reordered":  # questions 4 and 5 swapped their cells
        first, second = notebook.cells.index(cells[3]), notebook.cells.index(cells[4])
        notebook.cells[first], notebook.cells[second] = notebook.cells[second], notebook.cells[first]
    if name in EXTRA:
        setup = next(index for index, cell in enumerate(notebook.cells) if cell.cell_type == "code")
        extra = nbformat.v4.new_code_cell(EXTRA[name])
        extra["id"] = "added-by-student"
        notebook.cells.insert(setup + 1, extra)
    return notebook


def main(course, out=None):
    """Write the samples into tests/samples/ (or `out`)."""
    course = Path(course)
    samples = Path(out) if out else course / "tests" / "samples"
    blank = course / "exercises" / "02_countries.ipynb"
    keys = answer_codes("02_countries", course / "solutions")
    for name in ANSWERS:
        nbformat.write(sample(blank, name, keys), samples / f"{name}.ipynb")
    nbformat.write(sample(course / "exercises" / "01_the_article.ipynb", "blank", []), samples / "other_exercise.ipynb")
    hostile_samples.main(course, samples)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
