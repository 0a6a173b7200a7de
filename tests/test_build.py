"""The exercises are made from the solutions by one command; these tests fail when they drift."""

from pathlib import Path

import nbformat
import pytest

from course.authoring import build
from course.student import reset
from takedown.questions import EXERCISES, answer_key, questions_for

COURSE = Path(__file__).resolve().parents[1]
SOLUTIONS = build.exercise_notebooks(COURSE / "solutions")  # NN_name, and pre_assessment / post_assessment


def read(path):
    return nbformat.read(path, as_version=4)


def test_every_solution_has_an_exercise_and_questions():
    assert [path.stem for path in SOLUTIONS] == sorted(EXERCISES)
    assert all((COURSE / "exercises" / path.name).exists() for path in SOLUTIONS)


@pytest.mark.parametrize("solution_path", SOLUTIONS, ids=lambda path: path.stem)
def test_exercise_is_what_the_build_command_makes(solution_path):
    """Edit solutions/, run `make exercises`: this fails if someone edited exercises/ by hand instead."""
    expected = build.exercise_from_solution(read(solution_path), solution_path.stem)
    committed = read(COURSE / "exercises" / solution_path.name)
    assert [(cell.cell_type, cell.source) for cell in committed.cells] == [
        (cell.cell_type, cell.source) for cell in expected.cells
    ], f"exercises/{solution_path.name} is out of date: run `make exercises`"
    assert committed.metadata["takedown"] == expected.metadata["takedown"]


@pytest.mark.parametrize("solution_path", SOLUTIONS, ids=lambda path: path.stem)
def test_solution_regions_are_the_questions_solution_code(solution_path):
    """q.solution() shows students the same code the answer key runs."""
    regions = [
        region
        for cell in read(solution_path).cells
        if cell.cell_type == "code"
        for region in build.solution_regions(cell.source)
    ]
    assert regions == [answer_key(question) for question in questions_for(solution_path.stem)]


@pytest.mark.parametrize("solution_path", SOLUTIONS, ids=lambda path: path.stem)
def test_exercise_keeps_no_solution_code(solution_path):
    exercise = build.exercise_from_solution(read(solution_path), solution_path.stem)
    sources = "\n".join(cell.source for cell in exercise.cells)
    assert build.BEGIN not in sources and build.END not in sources
    for question in questions_for(solution_path.stem):
        assert answer_key(question) not in sources
    assert not any("solution-only" in cell.metadata.get("tags", []) for cell in exercise.cells)


def test_placeholder_names_every_assigned_variable():
    code = "servers = reports[0]\namsterdam, afp = set(), set()\ndisputed = amsterdam ^ afp"
    assert build.placeholder_for(code) == [
        "servers = ...  # your answer here",
        "amsterdam = ...  # your answer here",
        "afp = ...  # your answer here",
        "disputed = ...  # your answer here",
    ]
    assert build.placeholder_for("fig.show()") == ["# your code here"]


def test_a_written_answer_starts_between_its_quotation_marks_and_counts_as_not_attempted():
    """A sentence typed into `claim = ...` without quotation marks is a SyntaxError a non-programmer cannot read
    (walk-through W1): the placeholder of a written answer already holds the triple quotation marks."""
    from takedown.questions.article import q5

    written = 'claim = """Radicalise, because\nEuropol spells it so."""'
    assert build.placeholder_for(written) == ['claim = """..."""  # your answer here']
    assert build.placeholder_for('label = "radicalise"') == ["label = ...  # your answer here"]
    assert build.placeholder_for('a = """x"""\nb = 2') == ["a = ...  # your answer here", "b = ...  # your answer here"]
    assert q5.verdict("...").status == q5.verdict().status  # the text "..." is not an attempt


def test_strip_solutions_keeps_the_lines_around_a_region():
    source = "x = 1\n### BEGIN SOLUTION\nanswer = x + 1\n### END SOLUTION\nq1.check(answer)"
    assert build.strip_solutions(source) == "x = 1\nanswer = ...  # your answer here\nq1.check(answer)"


@pytest.mark.parametrize(
    "source",
    [
        "### BEGIN SOLUTION\na = 1",
        "a = 1\n### END SOLUTION",
        "### BEGIN SOLUTION\n### BEGIN SOLUTION\na = 1\n### END SOLUTION",
    ],
)
def test_unbalanced_markers_are_reported(source):
    with pytest.raises(build.SolutionMarkerError):
        build.strip_solutions(source)


def test_build_writes_exercises_that_match_the_committed_ones(tmp_path):
    written, backups = build.build_exercises(COURSE / "solutions", tmp_path, run=False)
    assert backups == []
    assert [path.name for path in written] == [path.name for path in SOLUTIONS]
    for path in written:
        committed = read(COURSE / "exercises" / path.name)
        assert [cell.source for cell in read(path).cells] == [cell.source for cell in committed.cells]


@pytest.mark.slow  # runs a notebook in two kernels
def test_an_exercise_shows_a_beginner_a_short_error(tmp_path, capfd):
    """A typo in an exercise shows the error's one line, not a page of pandas internals, and survives a reset."""
    exercise = reset.fresh_exercise(COURSE / "solutions", "02_countries")
    cell = next(cell for cell in exercise.cells if "q2.check(" in cell.source)
    cell.source = cell.source.replace(
        "not_in_eu = ...  # your answer here", 'not_in_eu = list(countries.loc[~countries["eu"], "name"])'
    )
    path = tmp_path / "02_countries.ipynb"
    nbformat.write(exercise, path)
    notebook = nbformat.read(path, as_version=4)
    from nbclient import NotebookClient

    NotebookClient(notebook, kernel_name="python3", allow_errors=True, config=build.kernel_config()).execute()
    [error] = [output for cell in notebook.cells for output in cell.get("outputs", []) if output.output_type == "error"]
    assert (error.ename, error.evalue) == ("KeyError", "'eu'")
    assert len("\n".join(error.traceback).splitlines()) <= 2
    assert "without encryption" not in capfd.readouterr().err
    # The README's way back to the full traceback.
    notebook.cells.append(nbformat.v4.new_code_cell('%xmode Context\ncountries["eu"]'))
    NotebookClient(notebook, kernel_name="python3", allow_errors=True, config=build.kernel_config()).execute()
    [full] = [output for output in notebook.cells[-1].outputs if output.output_type == "error"]
    assert len("\n".join(full.traceback).splitlines()) > 10  # the course's tip may follow it


@pytest.mark.parametrize("solution_path", SOLUTIONS, ids=lambda path: path.stem)
def test_each_check_cell_says_how_to_get_the_next_hint(solution_path):
    """The README says `q1.hint(2)` gives the next hint: each exercise's check cell says so where there is one."""
    exercise = read(COURSE / "exercises" / solution_path.name)
    for number, question in enumerate(questions_for(solution_path.stem), start=1):
        [cell] = [cell for cell in exercise.cells if f"q{number}.check(" in cell.source]
        if solution_path.stem.endswith("_assessment"):  # an assessment offers no hint and no solution
            assert "hint(" not in cell.source and "solution(" not in cell.source
            continue
        assert f"# q{number}.hint()" in cell.source and f"# q{number}.solution()" in cell.source
        assert (f"q{number}.hint(2)" in cell.source) == (len(question.hints) > 1)


@pytest.mark.slow  # starts a kernel
def test_running_a_notebook_prints_no_kernel_warning(tmp_path, capfd):
    """The kernel's 'running over TCP without encryption' warning is gone: its link is encrypted."""
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), path)
    build.run_notebook(path)
    assert read(path).cells[0].outputs[0]["data"]["text/plain"] == "2"
    assert "without encryption" not in capfd.readouterr().err
