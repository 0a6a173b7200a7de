"""The readers' pages (README.md, docs/) teach one command form, name only commands that exist, show the
screenshots they promise, and state each exercise's points as the questions' modules do (issue 22)."""

import re
from pathlib import Path

import pytest

from course import bootstrap, cli
from takedown.questions import EXERCISES, questions_for

COURSE = Path(__file__).resolve().parents[1]
PAGES = [COURSE / "README.md", *sorted((COURSE / "docs").glob("*.md"))]
TEMPLATE = COURSE / "course" / "authoring" / "release_templates" / "README.md"


def text(path):
    return path.read_text(encoding="utf-8")


def code_spans(markdown):
    """What a reader types: inline code and the lines of fenced blocks."""
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", markdown, re.M | re.S)
    inline = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S))
    return inline + [line.strip() for block in fenced for line in block.splitlines()]


@pytest.mark.parametrize("page", [*PAGES, TEMPLATE], ids=lambda path: path.relative_to(COURSE).as_posix())
def test_every_page_teaches_the_one_command_form(page):
    """`python3 -m course …` (Windows `py -m course …`; on a hub `python -m course …`): never the module behind it,
    a venv's own path, or a make target as the thing to type."""
    typed = code_spans(text(page))
    wrong = [
        span
        for span in typed
        if re.search(r"(^|\s)python3? -m takedown\b|^takedown \w|\.venv[/\\](bin|Scripts)[/\\](python|jupyter)", span)
        or re.match(r"make (lab|check|test|notebooks|exercises|site|bench)\b", span)
    ]
    # The README and the troubleshooting page say, once each, that the old make targets still work.
    allowed = {"make lab", "make test", "make check EXERCISE=02", "make check"}
    if page.name in ("README.md", "troubleshooting.md") and page != TEMPLATE:
        wrong = [span for span in wrong if span not in allowed]
    if (
        page.name == "maintainers.md"
    ):  # the pins and samples scripts, pytest itself, the layout's notes: for maintainers
        wrong = [
            span
            for span in wrong
            if not any(
                allowed in span
                for allowed in ("tests/pins.py", "tests/hostile_samples.py", "tests/class_samples.py", "takedown check")
            )
            and not span.startswith(".venv/bin/python -m pytest")
        ]
    assert wrong == [], f"{page.name} teaches {wrong}"


def test_every_command_the_pages_name_is_one_the_course_has():
    offered = set(cli.parser()._subparsers._group_actions[0].choices) | {"lab", "check", "reset", "test", "setup"}
    named = {
        match
        for page in [*PAGES, TEMPLATE]
        for match in re.findall(r"(?:python3?|py) -m course ([a-z][a-z-]*)", text(page))
    }
    assert named and named <= offered, f"no such command: {named - offered}"
    shown = bootstrap.usage("posix")
    assert all(f"python3 -m course {command}" in shown for command in offered), "--help leaves one out"


def test_the_students_page_shows_small_screenshots_with_alt_text():
    page = text(COURSE / "docs" / "students.md")
    images = re.findall(r"!\[([^\]]*)\]\(([^)\s]+)\)", page)
    assert len(images) >= 2
    for alt, target in images:
        path = COURSE / "docs" / target
        assert path.suffix == ".png" and path.is_file(), target
        assert path.stat().st_size < 200_000, f"{target} is {path.stat().st_size} bytes"
        assert len(alt.split()) >= 8, f"{target}'s alt text says too little: {alt!r}"
        assert "\n" not in alt, f"{target}'s alt text must be one line (the site joins its lines without a space)"


def points_table():
    """{exercise: (questions, points)} from docs/authors.md's points table."""
    rows = {}
    for line in text(COURSE / "docs" / "authors.md").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.match(r"\d\d_|pre_|post_", cells[0]):
            for name in cells[0].split(", "):
                rows[name] = (int(cells[1].split()[0]), int(cells[2].split()[0]))
    return rows


def test_the_authors_points_table_matches_the_questions():
    table = points_table()
    assert set(table) == set(EXERCISES)
    for exercise, (count, points) in table.items():
        questions = questions_for(exercise)
        assert (count, points) == (len(questions), sum(question.points for question in questions)), exercise


def test_the_readme_routes_each_question_of_the_instructor_in_issue_22():
    """From the front page, one click to each: Windows and macOS students, an edition without answers, a
    Moodle download graded and put back, adding a question, what to forward to IT, safety and the law."""
    readme = text(COURSE / "README.md")
    for target in (
        "docs/students.md#windows",
        "docs/students.md#macos",
        "docs/instructors.md#editions-what-students-get",
        "docs/instructors.md#moodle-from-download-to-gradebook",
        "docs/authors.md#add-a-question",
        "docs/it.md",
        "docs/safety.md",
        "docs/safety-students.md",
    ):
        assert f"]({target})" in readme, target
        page, _, anchor = target.partition("#")
        if anchor:
            headings = re.findall(r"^#{2,3} (.+)$", text(COURSE / page), re.M)
            slugs = {re.sub(r"[^\w\- ]", "", heading.lower()).strip().replace(" ", "-") for heading in headings}
            assert anchor in slugs, f"{page} has no heading for #{anchor}"


def test_the_readmes_totals_add_up_the_course_map_and_the_questions():
    """The unit's summary line counts what the course map's rows and the exercises' question modules hold."""
    readme = text(COURSE / "README.md")
    rows = re.findall(r"^\| 0[1-8] \|.*\| (\d+) \+ (\d+)\b[^|]*\|$", readme, re.M)
    lesson_checks = sum(int(checks) for checks, _ in rows)
    exercise_questions = sum(len(questions_for(name)) for name in EXERCISES if name[0].isdigit())  # not the assessments
    total = re.search(r"nine lessons with (\d+) checked questions inside them \((\d+) checks", readme)
    questions = re.search(r"eight exercises with (\d+) questions", readme)
    assert len(rows) == 8 and total and questions
    assert (int(total[1]), int(total[2]), int(questions[1])) == (
        lesson_checks + len(questions_for("00_start_here")),
        lesson_checks,
        exercise_questions,
    )
    assert sum(int(count) for _, count in rows) == exercise_questions
