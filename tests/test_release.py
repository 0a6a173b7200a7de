"""The editions a class gets (`python3 -m course release student|self-paced DIR`, docs/instructors.md "Editions").

The student edition holds only the allowlisted files (`release.SHIPPED`), and no exercise's answer written out.
Two searches, over every file it holds:

* **Solution code** (`release.leaks`, also run by the command itself): each solution region of
  `solutions/*.ipynb` (the one place answer keys are kept), whitespace ignored; and each
  line of a solution that is 30 characters or longer, unless that line is one of the question's own
  hints (hints give such a step on purpose and ship in both editions).
* **Correct answers**: the answer key is run once (each exercise's setup cell, then each solution)
  and each answer's value is searched for where it is distinctive: a text of 3 characters or more
  written as a string literal (`"GBR"`, `'Halumu'`), or, for a text that is not in the course's data,
  anywhere at all (a model assessment); a list or set of texts written as one (in any order); a
  number with decimals (to 1 and 2 places) or a whole number of 4 digits or more that is not in the
  data; a date. Whole numbers under 1000 and True/False are everywhere and are not searched;
  figures are found through their code. The data students compute the answers from
  (`takedown/data/`, `seeds/`) is not an answer, so those files are left out of this search.

Then the edition is committed to a new git repository, cloned, and the clone runs, from scratch,
what its README tells students to type: `python3 -m course check` (which sets up its own .venv), an
exercise answered from the key, `python3 -m course check 02 --complete`, `python3 -m course reset 02`,
`q1.solution()` and `python3 -m course lab`; the
instructor grades the notebook the student completed with this repository's grader.
"""

import csv
import math
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pandas as pd
import pytest

from course.authoring import build, release
from takedown.questions import EXERCISES, PRACTICE, answer_key, questions_for

COURSE = Path(__file__).resolve().parents[1]
DATA = ("takedown/data", "seeds")  # what students compute answers from: not answers
SOLUTIONS = build.exercise_notebooks(COURSE / "solutions")  # NN_name, and pre_assessment / post_assessment
LONG_LINE = 30


def run(command, cwd, **kwargs):
    """Run a command as a person would type it (outside make); (exit code, what it printed)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("MAKE", "MFLAGS")) and name != "GITHUB_STEP_SUMMARY"
    }
    env.update(kwargs.pop("env", {}))
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, **kwargs)
    return done.returncode, done.stdout + done.stderr


def write_edition(edition, folder, *options):
    status, output = run([sys.executable, "-m", "takedown", "release", edition, str(folder), *options], COURSE)
    assert status == 0, output
    return output


@pytest.fixture(scope="module")
def student(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editions") / "student"
    output = write_edition("student", folder)
    return folder, output


@pytest.fixture(scope="module")
def self_paced(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editions") / "self-paced"
    write_edition("self-paced", folder)
    return folder


# ---- What the answer key holds ---------------------------------------------------------------


def key_questions():
    """The graded questions (the lessons' practice checks are discussed in the lessons themselves)."""
    return [
        (name, number, question) for name in EXERCISES for number, question in enumerate(questions_for(name), start=1)
    ]


def questions_module(name):
    return {**EXERCISES, **PRACTICE}[name].replace(".", "/")


def solution_regions():
    return [
        (path.stem, region)
        for path in SOLUTIONS
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "code"
        for region in build.solution_regions(cell.source)
    ]


def setup_code(name):
    path = COURSE / "solutions" / f"{name}.ipynb"
    if not path.exists():
        return ""
    return next(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")


def answer_values():
    """[(exercise, question name, value)]: the answer key run once, as in the solution notebooks."""
    values = []
    for name in EXERCISES:
        namespace = {}
        exec(setup_code(name), namespace)
        for question in questions_for(name):
            exec(answer_key(question).replace("fig.show()", ""), namespace)
            values.append((name, question.name, namespace[question.answer_name]))
    return values


def data_text(course=COURSE):
    return " ".join(
        "\n".join(
            release.text_of(path) for folder in DATA for path in sorted((course / folder).rglob("*")) if path.is_file()
        ).split()
    )


def outputs_text(path):
    """What a notebook displays as results: its text outputs ('' for other files)."""
    if path.suffix != ".ipynb":
        return ""
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(
        str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells
        for output in cell.get("outputs", [])
    )


def answer_patterns(value, data):
    """[(regular expression, where)] that find `value` written out, where is "anywhere" or "outputs"."""
    if isinstance(value, str):
        text = " ".join(value.split())
        if len(text) < 3:
            return []
        if text in data:  # data students compute from: an answer only where a result shows it
            return [(re.escape(repr(value.strip())), "outputs")]
        lines = [" ".join(line.split()) for line in value.splitlines() if len(line.strip()) >= LONG_LINE]
        return [(re.escape(part), "anywhere") for part in [text, *lines]]
    if isinstance(value, pd.Series):
        return [(re.escape(" ".join(value.to_string().split())), "outputs")]
    if isinstance(value, pd.Timestamp):
        return [(re.escape(str(value)), "anywhere")]
    if isinstance(value, (list, tuple, set)) and value and all(isinstance(item, str) for item in value):
        item = "(?:" + "|".join(rf"""['"]{re.escape(text)}['"]""" for text in value) + ")"
        return [(rf"[\[\{{\(]\s*{item}(?:\s*,\s*{item}){{{len(value) - 1}}}\s*,?\s*[\]\}}\)]", "anywhere")]
    number = value.item() if hasattr(value, "item") else value
    if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
        return []
    if float(number).is_integer():
        whole = int(number)
        if abs(whole) < 1000 or re.search(rf"(?<![\d.,]){whole}(?!\d)", data):
            return []
        return [(rf"(?<![\d.,]){whole}(?!\d)", "anywhere"), (rf"(?<![\d.,]){whole:,}(?!\d)", "anywhere")]
    # Two significant figures at least: a centrality of 0.125 is written out as 0.12 or 0.125, not as 0.1.
    shown = (1, 2) if abs(number) >= 1 else (2, 3)
    return [(rf"(?<![\d.]){re.escape(f'{number:.{places}f}')}(?!\d)", "anywhere") for places in shown]


def searched_files(folder):
    return [
        path
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
        and ".git" not in path.relative_to(folder).parts
        and not any(path.relative_to(folder).as_posix().startswith(data) for data in DATA)
    ]


def answers_found(folder, values=None, data=None):
    """{(file, exercise, question)} for each correct answer written out in the edition."""
    values = answer_values() if values is None else values
    data = data_text() if data is None else data
    searches = [
        (name, question, pattern, where)
        for name, question, value in values
        for pattern, where in answer_patterns(value, data)
    ]
    found = set()
    for path in searched_files(folder):
        texts = {"anywhere": " ".join(release.text_of(path).split()), "outputs": " ".join(outputs_text(path).split())}
        found |= {
            (path.relative_to(folder).as_posix(), name, question)
            for name, question, pattern, where in searches
            if re.search(pattern, texts[where])
        }
    return found


def solution_lines_found(folder):
    """[(file, exercise, question, line)] for each long line of a solution found outside its hints."""
    lines = [
        (name, f"Question {number}" if name in EXERCISES else question.name, " ".join(line.split()))
        for name, number, question in key_questions()
        for line in answer_key(question).splitlines()
        if len(line.strip()) >= LONG_LINE
        and not any(" ".join(line.split()) in " ".join(hint.split()) for hint in question.hints)
    ]
    found = []
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(folder).parts:
            text = " ".join(release.text_of(path).split())
            found += [(path.relative_to(folder).as_posix(), *line) for line in lines if line[2] in text]
    return found


# Lessons that show, as they teach the method, a result an exercise then asks students to work out
# themselves. They are not the answer key, and they ship; the lessons' authors decide (see the report).
LESSONS_SHOW = {
    ("notebooks/03_outlets.ipynb", "03_outlets", "Question 1"),  # 'Halumu' left out
    ("notebooks/03_outlets.ipynb", "03_outlets", "Question 3"),  # 'operation', most connected
    ("notebooks/03_outlets.ipynb", "07_policy_and_framing", "Question 2"),  # the same word, 'operation'
    # The pre-assessment is taken before lesson 01: lesson 05 later prints the half-year figure its running-total
    # item asks students to compute (the post-assessment's item is a made-up case).
    ("notebooks/05_measuring.ipynb", "pre_assessment", "Question 2"),
    ("exercises/05_measuring.ipynb", "pre_assessment", "Question 2"),
    ("takedown/blank/05_measuring.ipynb", "pre_assessment", "Question 2"),
    ("notebooks/08_capstone.ipynb", "pre_assessment", "Question 2"),
    # Not an answer: exercise 07 Q1's share (1.83) happens to be a package version pinned in requirements.txt.
    ("requirements.txt", "07_policy_and_framing", "Question 1"),
    # Not answers: exercise 03 Q3's 0.125 rounds to 0.12, a package version (cycler 0.12.1) and a cell of lesson
    # 06's table of model parameters.
    ("requirements.txt", "03_outlets", "Question 3"),
    ("notebooks/06_model.ipynb", "03_outlets", "Question 3"),
    # Exercise 07 Q3's answer is a slice of AFP's sentence, which the student loads (`framing.AFP_VERSION`) and
    # lesson 03 prints whole: the question is which part the Press Association's cut removed.
    ("takedown/questions/framing.py", "07_policy_and_framing", "Question 3"),
    ("notebooks/03_outlets.ipynb", "07_policy_and_framing", "Question 3"),
    # Not an answer: exercise 01 Q1's 5.88 % rounds to 5.9, a package version in requirements.txt.
    ("requirements.txt", "01_the_article", "Question 1"),
}


# ---- The student edition holds no answer -----------------------------------------------------


def test_the_student_edition_has_the_course_and_no_answer_key(student):
    folder, output = student
    assert not (folder / "solutions").exists() and not (folder / "tests").exists()
    assert not (folder / ".ci").exists() and not (folder / "takedown" / "site").exists()
    names = [path.name for path in SOLUTIONS]
    assert sorted(path.name for path in (folder / "exercises").glob("*.ipynb")) == names
    assert sorted(path.name for path in (folder / "takedown" / "blank").glob("*.ipynb")) == names
    assert len(list((folder / "notebooks").glob("*.ipynb"))) == len(list((COURSE / "notebooks").glob("*.ipynb")))
    assert [path.name for path in (folder / ".github" / "workflows").iterdir()] == ["check-exercises.yml"]
    readme = " ".join((folder / "README.md").read_text().split())
    assert "`python3 -m course lab`" in readme and "`py -m course lab`" in readme and "solutions/" not in readme
    assert "`python3 -m course check`" in readme and "`make " not in readme and ".venv/bin/" not in readme
    assert "`q1.solution()` says when solutions will be available" in readme
    makefile = (folder / "Makefile").read_text()
    assert re.search(r"^check:", makefile, re.M) and re.search(r"^test: check$", makefile, re.M)
    assert not re.search(r"^(exercises|notebooks|bench|site):", makefile, re.M)
    assert "no answer keys" in output and str(folder) in output
    assert re.search(r"searched all \d+ files written for the code of all \d+ exercise solutions: none found", output)


# Where a student edition's files may come from: whole folders (ending in /) and single files.
ALLOWED = (
    "notebooks/",
    "exercises/",
    "seeds/",
    "jupyter-config/",
    "binder/",
    "takedown/",
    "course/student/",
    "course/__init__.py",
    "course/__main__.py",
    "course/cli.py",
    "course/bootstrap.py",
    "course/defaults.py",
    "requirements.txt",
    "pyproject.toml",
    ".gitignore",
    ".github/workflows/check-exercises.yml",
    "README.md",
    "Makefile",
    "docs/students.md",
    "docs/troubleshooting.md",
    "docs/safety-students.md",
    "docs/it.md",
    "docs/images/",
)


def test_a_student_finds_the_help_pages_and_every_link_in_them_leads_somewhere(student):
    """The edition's README routes a student to set-up, troubleshooting and safety; a link to a page the
    edition leaves out (the instructors' page) is plain words, never a dead link."""
    folder, _ = student
    readme = (folder / "README.md").read_text()
    for page in ("docs/students.md", "docs/troubleshooting.md", "docs/safety-students.md", "notebooks/phrasebook.md"):
        assert f"]({page})" in readme and (folder / page).is_file(), page
    pages = [folder / "README.md", *sorted((folder / "docs").glob("*.md"))]
    for page in pages:
        for address in re.findall(r"\]\(([^)\s]+)\)", page.read_text()):
            if re.match(r"[a-z]+:|#", address):
                continue
            assert (page.parent / address.split("#")[0]).exists(), (page.name, address)
    troubleshooting = (folder / "docs" / "troubleshooting.md").read_text()
    assert "(instructors' page, in the instructor's copy of the course)" in troubleshooting  # no brackets in brackets
    assert "maintainers' page (in the instructor's copy of the course)" in troubleshooting
    assert "](instructors.md" not in troubleshooting and "](it.md" in troubleshooting
    assert not any("(in the instructor's copy of the course))" in page.read_text() for page in pages)
    assert "](docs/students.md#what-to-do-each-week)" in readme
    students = (folder / "docs" / "students.md").read_text()
    assert "## What to do each week" in students and "pre_assessment.ipynb" in students
    assert "post_assessment.ipynb" in students and "--complete" in students


def test_the_student_edition_holds_only_allowlisted_files(student):
    """A new tool, a new test or a maintainer's note stays out until someone lists it (release.SHIPPED)."""
    folder, _ = student
    files = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())
    other = [
        name
        for name in files
        if not any(name == allowed or (allowed.endswith("/") and name.startswith(allowed)) for allowed in ALLOWED)
    ]
    assert other == [], f"files no list allows: {other}"
    assert not any(name.startswith(("solutions/", "tests/", "course/grading/", "course/authoring/")) for name in files)
    runtime = sorted(
        path.relative_to(COURSE).as_posix()
        for path in (COURSE / "takedown").rglob("*.py")
        if "__pycache__" not in path.parts
    )
    assert [name for name in files if name.startswith("takedown/") and name.endswith(".py")] == runtime


def test_the_editions_python_is_the_courses_unchanged(student):
    """No rewriting of Python source: the keys are simply not there (they live in solutions/)."""
    folder, _ = student
    for path in folder.rglob("*.py"):
        assert path.read_bytes() == (COURSE / path.relative_to(folder)).read_bytes(), path


def test_no_solution_code_in_the_student_edition(student):
    folder, _ = student
    codes = release.solution_codes()
    regions = {}
    for name, region in solution_regions():  # the regions of each exercise, in the order its notebook asks them
        regions.setdefault(name, []).append(region)
    assert codes == [
        (f"{name} {question.name}", regions[name][number - 1]) for name, number, question in key_questions()
    ]
    assert release.leaks(folder, codes) == []
    for name in EXERCISES:  # graded questions carry no key; the lessons' practice checks keep theirs
        module = folder / (questions_module(name) + ".py")
        assert "solution_code=" not in module.read_text(), module.name


def test_no_correct_answer_in_the_student_edition(student):
    folder, _ = student
    found = answers_found(folder)
    assert found - LESSONS_SHOW == set()


def test_the_searches_find_answers_where_they_are(tmp_path):
    """The searches can fail: an answer key's cell, a model answer's line, a list and a number are found."""
    key = nbformat.read(COURSE / "solutions" / "02_countries.ipynb", as_version=4)
    nbformat.write(key, tmp_path / "copied.ipynb")
    (tmp_path / "notes.md").write_text("New in 2024: ['ISL', 'DEU', 'ESP', 'EST']; fall: 39.33 %")
    capstone = answer_key(questions_for("08_capstone")[3]).splitlines()[5]
    (tmp_path / "essay.txt").write_text(f"My briefing.\n{capstone}\n")
    found = release.leaks(tmp_path)
    assert ("copied.ipynb", "02_countries Question 5") in [(str(path), what) for path, what in found]
    assert answers_found(tmp_path) >= {
        ("notes.md", "02_countries", "Question 3"),
        ("notes.md", "08_capstone", "Question 1"),
        ("essay.txt", "08_capstone", "Question 4"),
    }


def test_question_modules_keep_their_answer_names_and_say_when_solutions_come(student):
    """The checks and the grader read the same variables; q.solution() gives the note, not code."""
    folder, _ = student
    script = (
        "from takedown.questions import EXERCISES, answer_key, questions_for\n"
        "for name in EXERCISES:\n"
        "    for q in questions_for(name):\n"
        "        print(name, q.name, q.answer_name, repr(answer_key(q)), repr(q.solution().body))\n"
    )
    status, output = run([sys.executable, "-c", script], folder)
    assert status == 0, output
    lines = output.splitlines()
    assert len(lines) == len(key_questions())
    for line, (name, _, question) in zip(lines, key_questions()):
        assert line.startswith(f"{name} {question.name} {question.answer_name} '' ")
        assert "Solutions will be available after the deadline" in line


def test_the_readme_example_is_no_questions_answer():
    """The authors' page's and build.py's example of a solution region is made up, not a question's answer key."""
    examples = [
        build.solution_regions(block)[0]
        for block in (
            re.search(r"```python\n(.*?)```", (COURSE / "docs" / "authors.md").read_text(), re.S).group(1),
            build.__doc__,
        )
    ]
    codes = [" ".join(answer_key(question).split()) for _, _, question in key_questions()]
    names = {question.answer_name for _, _, question in key_questions()}
    for example in examples:
        example = " ".join(example.split())
        assert not any(example in code or code in example for code in codes), example
        assert not set(build.assigned_names(example)) & names, example


def test_release_refuses_a_folder_that_is_not_empty_and_says_why(tmp_path):
    (tmp_path / "work.txt").write_text("a student's notes")
    status, output = run([sys.executable, "-m", "takedown", "release", "student", str(tmp_path)], COURSE)
    assert status == 1 and "already exists and is not empty" in output and "Traceback" not in output
    assert [path.name for path in tmp_path.iterdir()] == ["work.txt"]


def test_the_solutions_note_is_the_instructors_choice(tmp_path):
    folder = tmp_path / "class"
    write_edition("student", folder, "--solutions-note", "Solutions come out on Friday, 12 June.")
    status, output = run(
        [sys.executable, "-c", "from takedown.questions.countries import q1\nprint(q1.solution().body)"], folder
    )
    assert (status, output.strip()) == (0, "Solutions come out on Friday, 12 June.")


# ---- Hidden checks: a class graded on its exercises ----------------------------------------------


@pytest.fixture(scope="module")
def hidden(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editions") / "hidden"
    output = write_edition("student", folder, "--hidden-checks")
    return folder, output


def literal_answers(exercise):
    """(number, wrong, wrong kind) for each question of the exercise whose table values are written as literals."""
    import ast

    from test_questions import ANSWERS

    found = []
    for name, number, _, wrong, wrong_kind in ANSWERS:
        try:
            literal = ast.literal_eval(repr(wrong)) == wrong and ast.literal_eval(repr(wrong_kind)) == wrong_kind
        except (ValueError, SyntaxError):
            literal = False
        if name == exercise and literal:
            found.append((number, wrong, wrong_kind))
    return found


def give(path, number, value):
    """Set question `number`'s answer to `value` just before its check (after the answer key's lines)."""
    notebook = nbformat.read(path, as_version=4)
    name = questions_for(path.stem)[number - 1].answer_name
    cell = next(cell for cell in notebook.cells if f"q{number}.check(" in cell.source)
    lines = cell.source.splitlines()
    at = next(index for index, line in enumerate(lines) if f"q{number}.check(" in line)
    cell.source = "\n".join([*lines[:at], f"{name} = {value!r}", *lines[at:]])
    nbformat.write(notebook, path)


def test_the_default_editions_give_instant_feedback(student, self_paced):
    for folder in (student[0], self_paced):
        assert not (folder / release.EDITION_SETTINGS).exists()
        readme = " ".join((folder / "README.md").read_text().split())
        assert "says, for each question, whether your answer is right" in readme and "Recorded" not in readme
    assert (
        "hidden checks:" not in student[1] and "--hidden-checks makes them record only the answer's form" in student[1]
    )


def test_hidden_checks_are_only_for_the_student_edition(tmp_path):
    status, output = run(
        [sys.executable, "-m", "takedown", "release", "self-paced", str(tmp_path / "x"), "--hidden-checks"], COURSE
    )
    assert status == 1 and "the self-paced edition keeps full instant feedback" in output
    assert "Traceback" not in output and not (tmp_path / "x").exists()


def test_a_hidden_checks_edition_records_answers_and_its_check_never_says_right(hidden):
    """In the edition's own kernels (its takedown/edition.json): the answer key's answers and a wrong one are all
    "Recorded", an answer of the wrong kind is told and fails the check, and the report never says right."""
    import json

    folder, output = hidden
    assert "hidden checks:" in output and "no answer keys" in output
    assert json.loads((folder / release.EDITION_SETTINGS).read_text())["hidden_checks"] is True
    readme = " ".join((folder / "README.md").read_text().split())
    assert "In this class the exercises are graded" in readme and "whether your answer is right" not in readme
    assert not release.leaks(folder)

    exercise = "02_countries"
    total = len(questions_for(exercise))
    path = folder / "exercises" / f"{exercise}.ipynb"
    answer_from_key(path, exercise)
    (wrong_at, wrong, _), (kind_at, other_wrong, wrong_kind) = literal_answers(exercise)[:2]
    give(path, wrong_at, wrong)
    give(path, kind_at, wrong_kind)
    edition = {"PYTHONPATH": str(folder)}  # the edition's own takedown and students' commands, in its kernels too
    check = [sys.executable, "-m", "takedown", "check", f"exercises/{exercise}.ipynb", "--complete"]
    status, report = run(check, folder, env=edition)
    assert status == 1, report
    lines = [line for line in report.splitlines() if line.startswith(f"{exercise}.ipynb · ")]
    assert len(lines) == total, report
    assert f"✗ Question {kind_at} – Not yet: I expected" in lines[kind_at - 1]
    others = [line for number, line in enumerate(lines, start=1) if number != kind_at]
    assert all(" – Recorded: " in line and "This check does not say whether it is right" in line for line in others)
    assert "✓" not in report and "Correct" not in report and "not right" not in report
    assert f"{total} of {total} questions answered, {total - 1} recorded, 1 to fix" in report

    give(path, kind_at, other_wrong)  # now two wrong answers, both of the right form: the check passes
    status, report = run(check, folder, env=edition)
    assert status == 0, report
    assert f"{total} of {total} questions answered, {total} recorded. A recorded answer is of the right form" in report
    assert report.count(" – Recorded: ") == total and "✓" not in report and "Correct" not in report


# Promises a student edition cannot keep: a verdict at once (hidden checks give none), the key's code on asking
# (the student edition has none), "answered and right" before handing in. Once in every exercise's first cell.
BROKEN_PROMISES = (
    "at once whether",
    "tells you at once",
    "to see the answer key",
    "answered and right",
    "every answered question is right",
    "are checked at once",
)


def what_students_read(folder):
    """{file: text} of the exercises' text cells and the students' page, whitespace joined."""
    texts = {"docs/students.md": (folder / "docs" / "students.md").read_text()}
    for path in sorted((folder / "exercises").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        texts[f"exercises/{path.name}"] = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    return {name: " ".join(text.split()) for name, text in texts.items()}


@pytest.mark.parametrize("which", ["student", "hidden"])
def test_what_students_read_promises_no_verdict_or_key_the_edition_does_not_give(which, student, hidden):
    """The exercises' "How this works" and docs/students.md are shared by every edition: they say what a check
    does in a class with hidden checks, and when `q1.solution()` has no key, and never promise more."""
    folder = {"student": student, "hidden": hidden}[which][0]
    texts = what_students_read(folder)
    assert len(texts) == 1 + len(SOLUTIONS)
    for name, text in texts.items():
        assert not [phrase for phrase in BROKEN_PROMISES if phrase in text], name
        assert "recorded" in text.lower(), name
    for name, text in texts.items():
        if name.startswith("exercises/0"):  # the lessons' exercises (the assessments only ever record)
            assert "graded with hidden checks" in text and "says when solutions will be available" in text, name
    assert "If your class is graded with hidden checks" in texts["docs/students.md"]


def test_the_promise_search_finds_a_broken_promise(tmp_path):
    """The search can fail: the old opening cell's sentence is found."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "exercises").mkdir()
    (tmp_path / "docs" / "students.md").write_text(
        "Run the cell: the check underneath tells you at once whether\nyou are right."
    )
    texts = what_students_read(tmp_path)
    assert [phrase for phrase in BROKEN_PROMISES if phrase in texts["docs/students.md"]] == [
        "at once whether",
        "tells you at once",
    ]


# ---- The self-paced edition keeps the answer keys --------------------------------------------


def test_the_self_paced_edition_keeps_solutions(self_paced):
    folder = self_paced
    assert sorted(path.name for path in (folder / "solutions").iterdir()) == [path.name for path in SOLUTIONS]
    blanks = sorted(path.name for path in (folder / "takedown" / "blank").iterdir())
    assert blanks == sorted(path.name for path in release.exercise_paths(COURSE))
    assert not (folder / "course" / "authoring").exists()  # reset copies the blank: no authors' tool ships
    status, output = run(
        [sys.executable, "-c", "from takedown.questions.countries import q1\nprint(q1.solution().body)"], folder
    )
    assert (status, output.strip()) == (0, answer_key(questions_for("02_countries")[0]))
    assert "`q1.solution()` shows the answer key's code" in " ".join((folder / "README.md").read_text().split())
    status, output = run(
        [sys.executable, "-m", "takedown", "reset", "--no-run", "exercises/02_countries.ipynb"], folder
    )
    assert status == 0 and "is a fresh exercise again" in output, output


# ---- The student edition works on its own, from a fresh clone --------------------------------


def answer_from_key(path, exercise):
    """Type the answer key's code into each question cell of a student's exercise (as a student would)."""
    notebook = nbformat.read(path, as_version=4)
    for number, question in enumerate(questions_for(exercise), start=1):
        cell = next(cell for cell in notebook.cells if f"q{number}.check(" in cell.source)
        placeholder = build.placeholder_for(answer_key(question))
        lines = [line for line in cell.source.splitlines() if line not in placeholder]
        cell.source = "\n".join([answer_key(question), *lines])
    nbformat.write(notebook, path)


def test_a_class_clones_the_student_edition_and_uses_it(student, tmp_path):
    """From its own fresh clone, typed as its README says: `python3 -m course check` sets up and passes, a
    completed exercise passes `python3 -m course check 02 --complete`, `python3 -m course reset 02` works
    without solutions/, `python3 -m course lab` answers; the instructor grades the completed notebook with
    this repository and gets full marks."""
    edition, _ = student
    assert run(["git", "init", "-q", "-b", "main"], edition)[0] == 0
    assert run(["git", "add", "-A"], edition)[0] == 0
    status, output = run(
        ["git", "-c", "user.name=Instructor", "-c", "user.email=i@example.edu", "commit", "-qm", "The course"], edition
    )
    assert status == 0, output
    clone = tmp_path / "clone"
    assert run(["git", "clone", "-q", str(edition), str(clone)], tmp_path)[0] == 0
    uv = shutil.which("uv") or str(COURSE / ".venv" / "bin" / "uv")
    path = f"{Path(uv).parent}{os.pathsep}{os.environ['PATH']}"  # uv found on PATH, as the command looks
    python3 = shutil.which("python3") or sys.executable  # the README's python3

    status, output = run([python3, "-m", "course", "check"], clone, env={"PATH": path})
    assert status == 0, output
    assert f"0 of {len(key_questions())} questions answered yet." in output
    assert (clone / ".venv" / "bin" / "python").exists()

    answer_from_key(clone / "exercises" / "02_countries.ipynb", "02_countries")
    status, output = run([python3, "-m", "course", "check", "02", "--complete"], clone)
    assert status == 0, output
    assert "6 of 6 questions answered, 5 right, 1 answer kept for a person to score with its rubric." in output
    submitted = tmp_path / "submissions" / "alice"
    submitted.mkdir(parents=True)
    shutil.copy2(clone / "exercises" / "02_countries.ipynb", submitted / "02_countries.ipynb")

    status, output = run([python3, "-m", "course", "reset", "02"], clone)
    assert status == 0, output
    assert "exercises/02_countries.ipynb is a fresh exercise again" in output
    [saved] = (clone / "exercises" / "backups").glob("02_countries.backup-*.ipynb")
    assert "q1.check(eu_servers)" in saved.read_text()
    fresh = nbformat.read(clone / "exercises" / "02_countries.ipynb", as_version=4)
    blank = nbformat.read(COURSE / "exercises" / "02_countries.ipynb", as_version=4)
    assert [cell.source for cell in fresh.cells] == [cell.source for cell in blank.cells]

    status, output = run(
        [".venv/bin/python", "-c", "from takedown.questions.countries import q1\nprint(q1.solution().body)"], clone
    )
    assert (status, output.strip()) == (0, "Solutions will be available after the deadline – ask your instructor.")
    status, output = run([".venv/bin/python", "-m", "takedown", "build"], clone)
    assert status == 2 and "the instructor's repository has it" in output and "Traceback" not in output

    from bench import free_port
    from lab_server import stop, wait_for_url

    port, log = free_port(), tmp_path / "lab.log"
    home = tmp_path / "jupyter-user"
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
    )
    with open(log, "wb") as printed:
        server = subprocess.Popen(
            [python3, "-m", "course", "lab", "--", "--no-browser", "--port", str(port)],
            cwd=clone,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=printed,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = urlsplit(wait_for_url(log, server))  # Jupyter takes the next port if this one was taken
        token = parse_qs(url.query)["token"][0]
        with urllib.request.urlopen(
            f"http://{url.netloc}/api/contents/notebooks/00_start_here.ipynb?content=0&token={token}", timeout=30
        ) as answer:
            assert answer.status == 200, log.read_text()
    finally:
        stop(server)

    gradebook = tmp_path / "gradebook.csv"
    status, output = run(
        [
            sys.executable,
            "-m",
            "takedown",
            "grade",
            str(tmp_path / "submissions"),
            "--exercise",
            "02_countries",
            "--out",
            str(gradebook),
            "--quiet",
        ],
        COURSE,
    )
    assert status == 0, output
    [row] = list(csv.DictReader(gradebook.open()))
    assert (row["student"], row["correct"], row["out_of"], row["status"]) == ("alice", "6", "6", "graded")


@pytest.mark.parametrize("exercise", [path.stem for path in SOLUTIONS])
def test_every_question_of_a_blank_exercise_counts_as_not_attempted(exercise):
    """So the edition's CI (`make check` on the blank exercises) passes; a word in a comment of a cell
    with `%xmode Minimal` (02's `disputed`) once counted as an answer."""
    from course.student import check as selfcheck

    blank = nbformat.read(COURSE / "exercises" / f"{exercise}.ipynb", as_version=4)
    assert all(selfcheck.is_unanswered(blank, question.answer_name) for question in questions_for(exercise))
