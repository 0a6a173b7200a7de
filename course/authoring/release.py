"""Editions of the course: the repository students get, written from this one (the instructor's).

    python3 -m course release student DIR      a graded class: no solution notebooks
    python3 -m course release student DIR --hidden-checks
                                               a class graded on its exercises: checks only record the form
    python3 -m course release self-paced DIR   learners on their own: the answer keys stay

This repository holds the answer keys (`solutions/`: the one place every exercise's answer is kept,
takedown/questions/keys.py), so it is not what students should clone. Like nbgrader's
`generate_assignment` and otter-grader's `otter assign`, `release` writes a separate repository for
them, in a new folder DIR, from an **allowlist** (`SHIPPED`): a file ships only if it is listed, so a
new tool stays out of every edition until someone decides it belongs there.

* lessons (`notebooks/`), blank exercises (`exercises/`, exactly as `python3 -m course build` made them),
  the seeds, JupyterLab's settings, `binder/`, `requirements.txt`, `pyproject.toml`, `.gitignore`,
  the students' check as the edition's CI (`.github/workflows/check-exercises.yml`);
* the runtime package `takedown/` whole (what a kernel imports: it holds no answer key), and of the
  tools (`course/`) only the command line and the students' commands (check, reset, backup);
* the help pages a student or their hub's IT staff reads (`docs/students.md`, `troubleshooting.md`,
  `safety-students.md`, `it.md`), with links to pages the edition leaves out turned into plain words;
* a README for students (from `course/authoring/release_templates/README.md`) and a Makefile with the students'
  targets only (`lab`, `check`, and `test`, which is the check).

The **student** edition has no `solutions/`, so `q1.solution()` says when solutions will come
(`--solutions-note` sets the sentence, written to `takedown/questions/solutions_note.txt`); nothing in
the Python source is rewritten, the keys are simply not there. In both editions a copy of each blank
exercise goes to `takedown/blank/`: `python3 -m course reset` copies it, so no edition needs the authors'
build tool. Before finishing,
the release searches every file it wrote for every solution's code and stops if it finds one (`leaks`).

With `--hidden-checks` the student edition is for a class graded on its exercises: `takedown/edition.json`
(read by takedown/edition.py) makes every exercise question's check, in a notebook, confirm only the answer's
form ("Recorded: a whole number, 12"), as the pre- and post-assessment's always do; `python3 -m course check` counts the
answers recorded and never says right or wrong; hints and the lessons' checks are unchanged; grading judges
the same answers in full. Without it (the default) every check gives full instant feedback.

The **self-paced** edition adds the solution notebooks `solutions/NN_*.ipynb`, so `q1.solution()`
shows the key; it leaves out the instructor guide (`solutions/README.md`).
Choose it only where nothing is graded.

Grade a class with this repository (`python3 -m course grade`): the exercises of both editions
are this repository's exercises, so the grader recognises them.
"""

import ast
import json
import re
import shutil
from functools import partial
from pathlib import Path
from string import Template

import nbformat

from course.student.backup import changed_since_made
from takedown.paths import COURSE
from takedown.questions import keys

TEMPLATES = Path(__file__).resolve().parent / "release_templates"
EDITIONS = ("student", "self-paced")

# What an edition holds, and nothing else: folders (whole) and files, relative to the course's root. The
# exercises are added from exercise_paths(), the self-paced edition's solutions/ from solution_paths().
# Entries marked optional may be absent from a course (older layouts); every other one must be there.
SHIPPED = [
    "notebooks/",
    "seeds/",
    "jupyter-config/",
    "binder/",
    "requirements.txt",
    "pyproject.toml",
    ".gitignore",
    ".github/workflows/check-exercises.yml",
    "takedown/",  # the runtime: what kernels import, no answer key
    "course/__init__.py",
    "course/__main__.py",
    "course/cli.py",
    "course/student/",  # students' commands
    "course/bootstrap.py",
    "course/defaults.py",
    # The pages a student (or the IT staff running their hub) reads; links to pages left out become text.
    "docs/students.md",
    "docs/troubleshooting.md",
    "docs/safety-students.md",
    "docs/it.md",
    "docs/images/",
]
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "backups", "*.backup-*", "*.egg-info")
BLANKS = "takedown/blank"
# Makefile targets students do not use (they need solutions/ or tests/), left out of the edition's Makefile.
AUTHOR_TARGETS = ("test", "$(TESTS_READY)", "bench", "exercises", "notebooks", "site", "$(SITE_READY)")
SOLUTIONS_NOTE = "takedown/questions/solutions_note.txt"  # read by q.solution() (takedown/questions/__init__.py)
EDITION_SETTINGS = "takedown/edition.json"  # the edition's choices, read by the runtime (takedown/edition.py)


class ReleaseError(ValueError):
    """The edition cannot be written (a message for the instructor, shown without a traceback)."""


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
                parts.extend(
                    str(value) for kind, value in output.get("data", {}).items() if kind.startswith("text/")
                )  # not images (base64) nor charts' data
        return "\n".join(parts)
    if path.suffix == ".py":
        try:
            strings = [
                node.value
                for node in ast.walk(ast.parse(raw))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
            ]
        except SyntaxError:
            strings = []
        return "\n".join([raw, *strings])
    return raw


def solution_codes(course=COURSE):
    """[(what, code)]: every exercise question's answer key, as this repository's solution notebooks hold it.

    The lessons' own checks are practice, discussed in the lesson right after them, and their
    answers are one letter (`answer = "b"`), which any notebook may contain: they are not searched.
    """
    from takedown.questions import EXERCISES

    return [
        (f"{name} Question {number}", code)
        for name in EXERCISES
        for number, code in enumerate(keys.answer_codes(name, Path(course) / "solutions"), start=1)
    ]


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
    from course.authoring.build import exercise_notebooks  # lessons' NN_name exercises and the pre/post assessments

    return exercise_notebooks(Path(course) / "exercises")


def solution_paths(course):
    from course.authoring.build import exercise_notebooks  # lessons' NN_name exercises and the pre/post assessments

    return exercise_notebooks(Path(course) / "solutions")


def shipped_files(course):
    """[(path relative to the course)] of every allowlisted file in `course` (exercises and solutions aside)."""
    course, found = Path(course), []
    for entry in SHIPPED:
        name, optional = entry.rstrip("?"), entry.endswith("?")
        path = course / name.rstrip("/")
        if not path.exists():
            if optional:
                continue
            raise ReleaseError(
                f"the course has no {name}, which every edition ships: is this the instructor's repository?"
            )
        if name.endswith("/"):
            found += [
                file.relative_to(course)
                for file in sorted(path.rglob("*"))
                if file.is_file()
                and not SKIPPED(str(file.parent), [file.name])
                and not any(SKIPPED(str(course), [part]) for part in file.relative_to(course).parts)
            ]
        else:
            found.append(path.relative_to(course))
    return found


def copy_into(target, course, relative):
    (target / relative).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(course) / relative, target / relative)


MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def kept_or_words(match, folder):
    """A markdown link as it is if it leads somewhere in `folder` (or to the web), else its words and where."""
    words, address = match.groups()
    if re.match(r"[a-z]+:|#", address) or (folder / address.split("#")[0]).exists():
        return match.group(0)
    text, start = match.string, match.start()
    before = text[text.rfind("\n", 0, start) + 1 : start]  # the line up to the link
    if before.count("(") > before.count(")"):  # already inside brackets: no brackets in brackets
        return f"{words}, in the instructor's copy of the course"
    return f"{words} (in the instructor's copy of the course)"


def unlink_pages_left_out(target):
    """In the edition's help pages, a link to a page it does not ship (the instructors' page, say) becomes
    its words plus where to find it, so a student never follows a link that leads nowhere."""
    for page in sorted((Path(target) / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        text = MARKDOWN_LINK.sub(partial(kept_or_words, folder=page.parent), text)
        page.write_text(text, encoding="utf-8")


def write_makefile(course, target):
    """The course's Makefile without the authors' and maintainers' targets, and `test` = the check."""
    blocks = Path(course, "Makefile").read_text(encoding="utf-8").split("\n\n")
    kept = [
        block
        for block in blocks[1:]
        if not any(line.startswith(f"{name}:") for name in AUTHOR_TARGETS for line in block.splitlines())
    ]
    kept = [re.sub(r"^TESTS_READY :=.*\n?", "", block, flags=re.M) for block in kept]
    kept = [re.sub(r"^\.PHONY: .*$", ".PHONY: lab check test setup clean", block, flags=re.M) for block in kept]
    header = (
        "# The course's commands for students (see README.md):\n"
        "#   make lab     set up, then open the course in JupyterLab\n"
        "#   make check   check your exercises (make test does the same: it is this copy's test)\n"
    )
    footer = "# This copy's test, as its CI runs it: the students' check.\ntest: check\n"
    (target / "Makefile").write_text("\n\n".join([header, *kept, footer]).replace("\n\n\n", "\n\n"), encoding="utf-8")


def write_readme(edition, target, hidden_checks=False):
    feedback = "hidden" if hidden_checks else "instant"
    parts = {
        name: (TEMPLATES / f"{name}-{choice}.md").read_text(encoding="utf-8").strip()
        for name, choice in (("solutions", edition), ("checks", feedback), ("check_command", feedback))
    }
    text = Template((TEMPLATES / "README.md").read_text(encoding="utf-8")).substitute(parts)
    (target / "README.md").write_text(text, encoding="utf-8")


def write_settings(target, hidden_checks=False):
    """Write the edition's choices where the runtime reads them (nothing for full instant feedback)."""
    path = Path(target) / EDITION_SETTINGS
    path.unlink(missing_ok=True)  # the instructor's own copy, if any, is not this edition's
    if hidden_checks:
        settings = {
            "hidden_checks": True,
            "why": "A graded class: in a notebook, each exercise question's check only records the answer's "
            "form; the instructor's grading judges it. Written by `python3 -m course release student "
            "--hidden-checks`.",
        }
        path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")


def release(edition, target, course=COURSE, solutions_note=None, hidden_checks=False):
    """Write the `edition` of the course into the new folder `target`; return a summary (dict)."""
    course, target = Path(course), Path(target)
    if edition not in EDITIONS:
        raise ReleaseError(f"there is no {edition!r} edition: choose {' or '.join(EDITIONS)}")
    if hidden_checks and edition != "student":
        raise ReleaseError(
            "hidden checks are for a graded class: add --hidden-checks to `release student`; the self-paced "
            "edition keeps full instant feedback"
        )
    if not (course / "solutions").is_dir():
        raise ReleaseError(
            f"an edition is written from the instructor's repository, the one with solutions/; {course} has none"
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ReleaseError(f"{target} already exists and is not empty: give a new folder")
    if target.resolve() == course.resolve() or course.resolve() in target.resolve().parents:
        raise ReleaseError(f"{target} is inside the course's own folder: give a folder outside it")
    exercises = exercise_paths(course)
    changed = [path.name for path in exercises if changed_since_made(path)]
    if changed:
        raise ReleaseError(
            f"exercises/{changed[0]} is not what `python3 -m course build` made (someone edited it): run `python3 -m course build` first"
        )

    files = shipped_files(course)
    target.mkdir(parents=True, exist_ok=True)
    for relative in files:
        copy_into(target, course, relative)
    for path in exercises:
        copy_into(target, course, path.relative_to(course))
    (target / SOLUTIONS_NOTE).unlink(missing_ok=True)  # the instructor's own note is not this edition's
    write_settings(target, hidden_checks)

    (target / BLANKS).mkdir()  # what `reset` copies in every edition (only the instructor's repository builds)
    for path in exercises:
        shutil.copy2(path, target / BLANKS / path.name)
    if edition == "student":
        if solutions_note:
            (target / SOLUTIONS_NOTE).write_text(solutions_note.strip() + "\n", encoding="utf-8")
    else:
        for path in solution_paths(course):
            copy_into(target, course, path.relative_to(course))
    unlink_pages_left_out(target)
    write_makefile(course, target)
    write_readme(edition, target, hidden_checks)

    searched = None
    if edition == "student":
        codes = solution_codes(course)
        found = leaks(target, codes)
        searched = (sum(1 for path in target.rglob("*") if path.is_file()), len(codes))
        if found:
            where, what = found[0]
            raise ReleaseError(
                f"the edition in {target} still holds the solution of {what} (in {where}): "
                "delete the folder and tell the course's maintainers"
            )
    files = [path for path in target.rglob("*") if path.is_file()]
    return {
        "edition": edition,
        "target": target,
        "files": len(files),
        "lessons": len(list((target / "notebooks").glob("*.ipynb"))),
        "exercises": len(exercises),
        "hidden_checks": hidden_checks,
        "searched": searched,  # (files, solutions) the leak search covered, or None (self-paced)
    }


def summary_text(summary):
    """What the command prints: what was written, and what to do next."""
    target, edition = summary["target"], summary["edition"]
    lines = [
        f"wrote the {edition} edition of the course in {target}: {summary['files']} files, "
        f"{summary['lessons']} lessons, {summary['exercises']} exercises"
    ]
    if edition == "student":
        lines.append(
            "no answer keys: solutions/ left out (the only place they are kept); "
            "q.solution() says when solutions will come"
        )
        if summary.get("searched"):
            files, codes = summary["searched"]
            lines.append(
                f"searched all {files} files written for the code of all {codes} exercise solutions: none found "
                "(the lessons' practice answers and the checks' code ship, see docs/instructors.md)"
            )
    else:
        lines.append("self-paced: solutions/ and q.solution() are kept (not for a graded class)")
    if summary.get("hidden_checks"):
        lines.append(
            "hidden checks: in a notebook and in `python3 -m course check`, each exercise question's check only records the "
            "answer's form; grading gives the verdicts (takedown/edition.json)"
        )
    elif edition == "student":
        lines.append(
            "instant feedback: each check says at once whether an answer is right (for a class graded on its "
            "exercises, --hidden-checks makes them record only the answer's form)"
        )
    lines += [
        "next: put it on GitHub as a template repository, for example",
        f"  cd {target} && git init -b main && git add -A && git commit -m 'The course'",
        "  then push it to a new repository and tick Settings > Template repository",
        "grade the class's work with this repository: python3 -m course grade ... (docs/instructors.md)",
    ]
    return "\n".join(lines)
