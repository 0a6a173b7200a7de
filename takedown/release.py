"""Editions of the course: the repository students get, written from this one (the instructor's).

    python -m takedown release student DIR      a graded class: no answer key anywhere
    python -m takedown release self-paced DIR   learners on their own: the answer keys stay

This repository holds the answer keys (`solutions/`, and every question's `solution_code`), so it
is not what students should clone. Like nbgrader's `generate_assignment` and otter-grader's
`otter assign`, `release` writes a separate repository for them, in a new folder DIR:

* lessons (`notebooks/`), blank exercises (`exercises/`, exactly as `make exercises` built them),
  the seed, JupyterLab's settings, `binder/`, `requirements.txt`, `pyproject.toml`, `.gitignore`;
* the course package `takedown/` without the maintainers' tools that need this repository
  (`site/`, `bench.py`);
* a README for students (from `takedown/release_templates/README.md`), a Makefile with the
  students' targets only (`lab`, `check`, and `test`, which is the check), and the students'
  check as the edition's CI (`.github/workflows/check-exercises.yml`).

The **student** edition leaves out `solutions/`, and in each question module
(`takedown/questions/*.py`) it replaces `solution_code=...` by `answer_name="..."` (the variable
the checks and the grader read), so the answer key stays in one place, this repository. There
`q1.solution()` says when solutions will come (`--solutions-note` sets the sentence). A copy of
each blank exercise goes to `takedown/blank/`, so that `python -m takedown reset` works without
`solutions/`. Before finishing, the release searches every file it wrote for every solution's code
and stops if it finds one (`leaks`).

The **self-paced** edition keeps `solutions/NN_*.ipynb` and the solution code, so `q1.solution()`
shows it and `reset` rebuilds from the answer key; it leaves out the instructor guide
(`solutions/README.md`). Choose it only where nothing is graded.

Grade a class with this repository (`python -m takedown grade`): the exercises of both editions
are this repository's exercises, so the grader recognises them.
"""
import ast
import re
import shutil
from pathlib import Path
from string import Template

import nbformat

from takedown.backup import changed_since_made

COURSE = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "release_templates"
EDITIONS = ("student", "self-paced")

FOLDERS = ["notebooks", "seeds", "jupyter-config", "binder", "takedown"]
FILES = ["requirements.txt", "pyproject.toml", ".gitignore", ".github/workflows/check-exercises.yml",
         # the students' command, python -m course (the Makefile calls it too)
         "course/__init__.py", "course/__main__.py", "course/bootstrap.py"]
NOT_SHIPPED = ["takedown/site", "takedown/bench.py"]   # maintainers' tools that need tests/ or the guide
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "backups", "*.backup-*",
                                 "*.egg-info")
BLANKS = "takedown/blank"
# Makefile targets students do not use (they need solutions/ or tests/), left out of the edition's Makefile.
AUTHOR_TARGETS = ("test", "$(TESTS_READY)", "bench", "exercises", "notebooks", "site", "$(SITE_READY)")
SOLUTIONS_LATER_LINE = re.compile(r"^SOLUTIONS_LATER = .*$", re.M)


class ReleaseError(ValueError):
    """The edition cannot be written (a message for the instructor, shown without a traceback)."""


# ---- Question modules without their solution code ------------------------------------------

def strip_solution_code(source):
    """A question module's source with each `solution_code=...` keyword replaced by `answer_name="..."`.

    The answer's name is the one `Question` would derive from the solution code, so the checks and
    the grader read the same variable in both editions.
    """
    from takedown.questions import assigned_names

    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg == "solution_code":
            code = ast.literal_eval(node.value)
            edits.append((node, f'answer_name="{assigned_names(code)[-1]}"'))  # a name: no quotes to escape
    # Positions are in UTF-8 bytes; edit from the end so earlier positions stay right.
    data = [line.encode("utf-8") for line in lines]
    for node, text in sorted(edits, key=lambda edit: (edit[0].lineno, edit[0].col_offset), reverse=True):
        start, end = node.lineno - 1, node.end_lineno - 1
        head, tail = data[start][:node.col_offset], data[end][node.end_col_offset:]
        data[start:end + 1] = [head + text.encode("utf-8") + tail]
    return b"".join(data).decode("utf-8")


# ---- Looking for answers in what was written -------------------------------------------------

def normalised(text):
    return " ".join(text.split())


def text_of(path):
    """What a reader (or a search) finds in a file: a notebook's cells and text outputs, a Python file's
    source and its strings as Python reads them, any other text file as it is ('' for binary files)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return ""
    if path.suffix == ".ipynb":
        notebook = nbformat.reads(raw, as_version=4)
        parts = []
        for cell in notebook.cells:
            parts.append(cell.source)
            for output in cell.get("outputs", []):
                parts.append(output.get("text", ""))
                parts.extend(str(value) for kind, value in output.get("data", {}).items()
                             if kind.startswith("text/"))  # not images (base64) nor charts' data
        return "\n".join(parts)
    if path.suffix == ".py":
        try:
            strings = [node.value for node in ast.walk(ast.parse(raw))
                       if isinstance(node, ast.Constant) and isinstance(node.value, str)]
        except SyntaxError:
            strings = []
        return "\n".join([raw, *strings])
    return raw


def solution_codes(course=COURSE):
    """Every exercise question's solution code, as this repository's question modules hold it.

    The lessons' own checks are practice, discussed in the lesson right after them, and their
    answers are one letter (`answer = "b"`), which any notebook may contain: they are not searched.
    """
    from takedown.questions import EXERCISES, questions_for

    return [(f"{name} {question.name}", question.solution_code)
            for name in EXERCISES for question in questions_for(name)]


def leaks(folder, codes=None):
    """[(file, what)] for each solution's code found in a file under `folder` (whitespace ignored)."""
    codes = solution_codes() if codes is None else codes
    found = []
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file() or ".git" in path.relative_to(folder).parts:
            continue
        text = normalised(text_of(path))
        found += [(path.relative_to(folder), what) for what, code in codes if normalised(code) in text]
    return found


# ---- Writing an edition ----------------------------------------------------------------------

def exercise_paths(course):
    return sorted((Path(course) / "exercises").glob("[0-9][0-9]_*.ipynb"))


def write_makefile(course, target):
    """The course's Makefile without the authors' and maintainers' targets, and `test` = the check."""
    blocks = Path(course, "Makefile").read_text(encoding="utf-8").split("\n\n")
    kept = [block for block in blocks[1:]
            if not any(line.startswith(f"{name}:") for name in AUTHOR_TARGETS for line in block.splitlines())]
    kept = [re.sub(r"^TESTS_READY :=.*\n?", "", block, flags=re.M) for block in kept]
    kept = [re.sub(r"^\.PHONY: .*$", ".PHONY: lab check test setup clean", block, flags=re.M) for block in kept]
    header = ("# The course's commands for students (see README.md):\n"
              "#   make lab     set up, then open the course in JupyterLab\n"
              "#   make check   check your exercises (make test does the same: it is this copy's test)\n")
    footer = "# This copy's test, as its CI runs it: the students' check.\ntest: check\n"
    (target / "Makefile").write_text("\n\n".join([header, *kept, footer]).replace("\n\n\n", "\n\n"),
                                     encoding="utf-8")


def write_readme(edition, target):
    parts = {"solutions": (TEMPLATES / f"solutions-{edition}.md").read_text(encoding="utf-8").strip()}
    text = Template((TEMPLATES / "README.md").read_text(encoding="utf-8")).substitute(parts)
    (target / "README.md").write_text(text, encoding="utf-8")


def release(edition, target, course=COURSE, solutions_note=None):
    """Write the `edition` of the course into the new folder `target`; return a summary (dict)."""
    course, target = Path(course), Path(target)
    if edition not in EDITIONS:
        raise ReleaseError(f"there is no {edition!r} edition: choose {' or '.join(EDITIONS)}")
    if not (course / "solutions").is_dir():
        raise ReleaseError("an edition is written from the instructor's repository, the one with solutions/; "
                           f"{course} has none")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ReleaseError(f"{target} already exists and is not empty: give a new folder")
    if target.resolve() == course.resolve() or course.resolve() in target.resolve().parents:
        raise ReleaseError(f"{target} is inside the course's own folder: give a folder outside it")
    exercises = exercise_paths(course)
    changed = [path.name for path in exercises if changed_since_made(path)]
    if changed:
        raise ReleaseError(f"exercises/{changed[0]} is not what `make exercises` made (someone edited it): "
                           "run `make exercises` first")

    target.mkdir(parents=True, exist_ok=True)
    for folder in FOLDERS:
        shutil.copytree(course / folder, target / folder, ignore=SKIPPED)
    for name in FILES:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(course / name, target / name)
    for name in NOT_SHIPPED:
        shutil.rmtree(target / name) if (target / name).is_dir() else (target / name).unlink(missing_ok=True)
    (target / "exercises").mkdir()
    for path in exercises:
        shutil.copy2(path, target / "exercises" / path.name)

    if edition == "student":
        stripped = []
        for module in sorted((target / "takedown" / "questions").glob("*.py")):
            if module.name == "__init__.py":
                continue
            source = module.read_text(encoding="utf-8")
            if "solution_code" in source:
                module.write_text(strip_solution_code(source), encoding="utf-8")
                stripped.append(module.name)
        if solutions_note:
            init = target / "takedown" / "questions" / "__init__.py"
            init.write_text(SOLUTIONS_LATER_LINE.sub(lambda _: f"SOLUTIONS_LATER = {solutions_note!r}",
                                                     init.read_text(encoding="utf-8"), count=1), encoding="utf-8")
        (target / BLANKS).mkdir()
        for path in exercises:
            shutil.copy2(path, target / BLANKS / path.name)
    else:
        stripped = []
        (target / "solutions").mkdir()
        for path in sorted((course / "solutions").glob("[0-9][0-9]_*.ipynb")):
            shutil.copy2(path, target / "solutions" / path.name)
    write_makefile(course, target)
    write_readme(edition, target)

    if edition == "student":
        found = leaks(target)
        if found:
            where, what = found[0]
            raise ReleaseError(f"the edition in {target} still holds the solution of {what} (in {where}): "
                               "delete the folder and tell the course's maintainers")
    files = [path for path in target.rglob("*") if path.is_file()]
    return {"edition": edition, "target": target, "files": len(files),
            "lessons": len(list((target / "notebooks").glob("*.ipynb"))), "exercises": len(exercises),
            "stripped": stripped}


def summary_text(summary):
    """What the command prints: what was written, and what to do next."""
    target, edition = summary["target"], summary["edition"]
    lines = [f"wrote the {edition} edition of the course in {target}: {summary['files']} files, "
             f"{summary['lessons']} lessons, {summary['exercises']} exercises"]
    if edition == "student":
        lines.append(f"no answer keys: solutions/ left out, solution code taken out of "
                     f"{len(summary['stripped'])} question modules ({', '.join(summary['stripped'])}); "
                     "q.solution() says when solutions will come")
    else:
        lines.append("self-paced: solutions/ and q.solution() are kept (not for a graded class)")
    lines += ["next: put it on GitHub as a template repository, for example",
              f"  cd {target} && git init -b main && git add -A && git commit -m 'The course'",
              "  then push it to a new repository and tick Settings > Template repository",
              "grade the class's work with this repository: python -m takedown grade ..."]
    return "\n".join(lines)
