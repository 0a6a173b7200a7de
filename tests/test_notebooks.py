"""Notebook hygiene: what a student opening a notebook would trip over, checked on the stored files."""

import json
import re
from pathlib import Path

import nbformat
import pytest

from course.authoring.pace import pace
from takedown.questions import questions_for

COURSE = Path(__file__).resolve().parents[1]
LESSONS = sorted((COURSE / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((COURSE / "solutions").glob("*.ipynb"))
EXERCISES = sorted((COURSE / "exercises").glob("*.ipynb"))
ALL = LESSONS + SOLUTIONS + EXERCISES

OUTSIDE_CODE = re.compile(
    r"https?://(cdn\.plot\.ly|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|unpkg\.com)"
    r"|<script[^>]+src=[\"']?https?://"
)
MACHINE_PATH = re.compile(r"(/root/|/home/[a-z]|/tmp/|C:\\\\Users)")
CHART_TYPES = {"image/png", "application/vnd.plotly.v1+json"}


def name(path):
    return f"{path.parent.name}/{path.name}"


def read(path):
    return nbformat.read(path, as_version=4)


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def output_text(output):
    parts = [output.get("text", "")] + [
        value if isinstance(value, str) else json.dumps(value) for value in output.get("data", {}).values()
    ]
    return "\n".join(parts)


def check_outputs(notebook):
    """The plain-text verdicts shown under the check cells, in order."""
    return [
        output["data"]["text/plain"]
        for cell in code_cells(notebook)
        for output in cell.outputs
        if re.search(r"^[✓✗○?✎] Question \d", output.get("data", {}).get("text/plain", ""))
    ]


def test_there_are_lessons_solutions_and_exercises():
    assert [path.name for path in LESSONS][:3] == ["00_start_here.ipynb", "01_the_article.ipynb", "02_countries.ipynb"]
    assert [path.name for path in SOLUTIONS] == [path.name for path in EXERCISES]


@pytest.mark.parametrize("path", ALL, ids=name)
def test_opens_with_a_markdown_introduction_and_content_note(path):
    first = read(path).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith("# ")
    assert "Content note" in first.source and "no propaganda material" in first.source
    assert "Do not go looking for the material itself" in first.source, "the legal-risk warning is missing"
    assert "student support service" in first.source


# The content note's one source: every notebook and both READMEs quote this line word for word.
CONTENT_NOTE = Path(__file__).resolve().parents[1] / "docs" / "content_note.md"


def test_every_notebook_carries_the_same_content_note():
    note = CONTENT_NOTE.read_text(encoding="utf-8").strip()
    differ = [
        name(path)
        for path in ALL
        if next(line for line in read(path).cells[0].source.splitlines() if "Content note" in line) != note
    ]
    assert not differ, (
        f"the content note differs from docs/content_note.md in: {differ} (copy it, do not edit it there)"
    )
    for readme in ("README.md", "course/authoring/release_templates/README.md"):
        assert note in (CONTENT_NOTE.parents[1] / readme).read_text(encoding="utf-8"), (
            f"{readme} does not quote the note"
        )


def test_the_content_note_states_the_uk_law_as_it_is():
    """Section 58 is about information useful to a terrorist, section 2 about disseminating publications (issue 18)."""
    note = CONTENT_NOTE.read_text(encoding="utf-8")
    assert "laws differ by country" in note
    assert "information of a kind likely to be useful to a person committing or preparing an act of terrorism" in note
    assert "Terrorism Act 2000, section 58" in note and "(since 2019) view" in note
    assert (
        "disseminate terrorist publications or possess them with a view to doing so, intending to encourage or "
        "assist terrorism or reckless as to whether that is the effect (Terrorism Act 2006, section 2)" in note
    )  # s.2(1): the mental element (intent, or recklessness) is part of the offence
    assert "viewing, downloading, keeping or sharing it can be a crime (in the UK" not in note  # the old overstatement


@pytest.mark.parametrize("path", LESSONS, ids=name)
def test_lesson_states_time_and_objectives_and_ends_with_discussion(path):
    cells = read(path).cells
    assert "**Time**" in cells[0].source and "**You will" in cells[0].source
    assert "## Discussion" in cells[-1].source


@pytest.mark.parametrize("path", ALL, ids=name)
def test_every_code_cell_ran_once_in_order_without_error(path):
    """Stored outputs are part of the product: each code cell ran, top to bottom, in one session."""
    cells = [cell for cell in code_cells(read(path)) if cell.source.strip()]
    assert [cell.execution_count for cell in cells] == list(range(1, len(cells) + 1)), (
        f"{name(path)} was not run top to bottom: run `make notebooks`"
    )
    errors = [
        output
        for cell in cells
        if not fails_on_purpose(cell)
        for output in cell.outputs
        if output.output_type == "error" or output.get("name") == "stderr"
    ]
    assert not errors, f"{name(path)} has a stored error or warning: {output_text(errors[0])[:200]}"


def fails_on_purpose(cell):
    """A cell that shows an error on purpose (lesson 00's NameError): tagged `raises-exception`, which both
    nbclient (`takedown run`) and nbval understand; under strict nbval the stored error must come back."""
    return "raises-exception" in cell.metadata.get("tags", [])


@pytest.mark.parametrize("path", ALL, ids=name)
def test_a_cell_failing_on_purpose_stores_its_error_and_says_so(path):
    for cell in code_cells(read(path)):
        if fails_on_purpose(cell):
            assert [output.output_type for output in cell.outputs if output.output_type == "error"] == ["error"], (
                f"{name(path)}: a cell tagged raises-exception must store the one error it shows on purpose"
            )
            assert "on purpose" in cell.source, f"{name(path)}: say in the cell that it fails on purpose"


@pytest.mark.parametrize("path", ALL, ids=name)
def test_no_output_loads_code_from_the_internet_or_shows_a_local_path(path):
    for cell in code_cells(read(path)):
        for output in cell.outputs:
            text = output_text(output)
            assert not OUTSIDE_CODE.search(text), f"{name(path)} loads code from the internet"
            assert not MACHINE_PATH.search(text), f"{name(path)} shows a path of the author's machine"


@pytest.mark.parametrize("path", ALL, ids=name)
def test_notebook_is_small(path):
    assert path.stat().st_size < 1_000_000, f"{name(path)} is {path.stat().st_size // 1000} KB"


@pytest.mark.parametrize("path", LESSONS, ids=name)
def test_every_chart_is_followed_by_its_text_alternative(path):
    for cell in code_cells(read(path)):
        kinds = [set(output.get("data", {})) for output in cell.outputs]
        for position, kind in enumerate(kinds):
            if kind & CHART_TYPES:
                following = cell.outputs[position + 1] if position + 1 < len(cell.outputs) else {}
                markdown = following.get("data", {}).get("text/markdown", "")
                closed = markdown.startswith("<details>") and "\n\n**Text alternative:** " in markdown  # activities.py
                assert markdown.startswith("**Text alternative:**") or closed, (
                    f"a chart in {name(path)} has no text alternative under it"
                )


@pytest.mark.parametrize("path", ALL, ids=name)
def test_plotly_figures_are_stored_as_data_not_as_embedded_javascript(path):
    for cell in code_cells(read(path)):
        for output in cell.outputs:
            data = output.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                assert "text/html" not in data
                figure = data["application/vnd.plotly.v1+json"]
                assert len(json.dumps(figure["layout"].get("template", {}))) < 1500, "lean course template"
            assert "plotly.js" not in data.get("text/html", "")


@pytest.mark.parametrize("path", SOLUTIONS, ids=name)
def test_the_answer_key_passes_every_check(path):
    verdicts = check_outputs(read(path))
    assert len(verdicts) == len(questions_for(path.stem))
    # The assessments' checks only record an answer in a notebook (takedown/questions/assessment.py).
    # An answer a person scores with a rubric is only recorded too (Question.verdict): never "✓ Correct".
    for verdict, question in zip(verdicts, questions_for(path.stem)):
        recorded = path.stem.endswith("_assessment") or question.needs_review
        assert verdict.startswith("✎ " if recorded else "✓ "), verdict


@pytest.mark.parametrize("path", EXERCISES, ids=name)
def test_a_blank_exercise_runs_and_says_not_attempted(path):
    notebook = read(path)
    verdicts = check_outputs(notebook)
    assert len(verdicts) == len(questions_for(path.stem))
    assert all("Not attempted yet" in verdict for verdict in verdicts), verdicts
    assert notebook.metadata["takedown"]["exercise"] == path.stem


# ---- The course maps state each lesson's own time --------------------------------------------
# A lesson's first cell is the one place its time is estimated; the README's and lesson 00's course
# maps and the instructor guide's unit plan repeat it, and drift when a lesson grows.


def stated_times(lesson):
    """(lesson minutes, exercise minutes or None) from the lesson's **Time** row."""
    row = next(line for line in read(lesson).cells[0].source.splitlines() if "**Time**" in line)
    exercise = re.search(r"exercise \((\d+(?:–\d+)?) minutes", row)
    return int(re.search(r"about (\d+) minutes", row).group(1)), exercise and exercise.group(1)


def course_map_times(markdown):
    """{lesson number: (lesson minutes, exercise minutes or None)} from a course map's table rows."""
    times = {}
    for number, cell in re.findall(r"^\| (\d\d) \| [^|]*\|[^|]*\| ([^|]+) \|", markdown, re.M):
        exercise = re.search(r"\+ (\d+(?:–\d+)?) min", cell)
        times[number] = (int(re.match(r"(\d+)", cell).group(1)), exercise and exercise.group(1))
    return times


def unit_plan_times(markdown):
    """{lesson number: (minutes, exercise minutes or None, checks)} from the instructor guide's unit plan."""
    plan = {}
    for number, cell, exercise in re.findall(r"^\| \d \| \d \| (\d\d) [^|]+\| ([^|]+) \| ([^|]+) \|", markdown, re.M):
        minutes, checks = re.match(r"(\d+) min \((\d+) ", cell).groups()
        exercise_minutes = re.search(r"\((\d+(?:–\d+)?) min", exercise)
        plan[number] = (int(minutes), exercise_minutes and exercise_minutes.group(1), int(checks))
    return plan


def lesson_times():
    return {lesson.name[:2]: stated_times(lesson) for lesson in LESSONS if lesson.name[:2].isdigit()}


@pytest.mark.parametrize("where", ["README.md", "notebooks/00_start_here.ipynb"])
def test_course_map_states_each_lessons_own_time(where):
    path = COURSE / where
    markdown = path.read_text() if path.suffix == ".md" else "\n".join(cell.source for cell in read(path).cells)
    assert course_map_times(markdown) == lesson_times()


def test_unit_plan_states_each_lessons_own_time_and_checks():
    plan = unit_plan_times((COURSE / "solutions" / "README.md").read_text())
    checks = {
        number: len(questions_for("00_start_here" if number == "00" else f"lesson_{number}"))
        for number in lesson_times()
    }
    assert plan == {number: (*times, checks[number]) for number, times in lesson_times().items()}


# ---- Lessons are done, not only read: a check at least every 15 minutes ---------------------------


@pytest.mark.parametrize("lesson", [path for path in LESSONS if path.name[:2] != "00"], ids=name)
def test_a_checked_question_comes_at_least_every_15_minutes(lesson):
    estimate = pace(lesson)
    assert len(estimate.gaps) >= 2
    assert round(max(estimate.gaps)) <= 15, (
        f"minutes read or run before each check: {[round(gap) for gap in estimate.gaps]}"
    )


@pytest.mark.parametrize("lesson", LESSONS, ids=name)
def test_stated_time_is_within_a_fifth_of_the_estimate(lesson):
    """The lesson's stated minutes, with its "plus N to discuss" if it says so, against the course's rule."""
    row = next(line for line in read(lesson).cells[0].source.splitlines() if "**Time**" in line)
    discussion = re.search(r"plus (\d+)(?:–\d+)? to discuss", row)
    stated = stated_times(lesson)[0] + (int(discussion.group(1)) if discussion else 0)
    assert abs(stated - pace(lesson).minutes) <= pace(lesson).minutes / 5, f"estimated {pace(lesson).minutes:.0f} min"


def test_readme_course_map_counts_each_lessons_checks_and_exercise_questions():
    """The README's last column, "checks + questions" (lesson 00: "1 practice"), from the question modules."""
    counted = {}
    for number, cell in re.findall(
        r"^\| (\d\d) \| [^|]*\|[^|]*\| [^|]+ \| ([^|]+) \|", (COURSE / "README.md").read_text(), re.M
    ):
        counted[number] = tuple(int(part) for part in re.findall(r"\d+", cell)[:2])
    expected = {"00": (len(questions_for("00_start_here")),)}
    for number, exercise in ((path.name[:2], path.stem) for path in EXERCISES if path.name[:2].isdigit()):
        expected[number] = (len(questions_for(f"lesson_{number}")), len(questions_for(exercise)))
    assert counted == expected
