"""The instructor's journey with a question a person scores, and the gradebooks Canvas and Moodle
import, typed as docs/instructors.md tells it.

A small capstone class (one folder per student): alice hands in the answer key's work, bob the
same with an assessment of his own (with markup and a code fence in it, which the review page must
show as text), carol a blank exercise. The test runs the page's capstone grading command, reads
the review page, fills the scores file as a person would (first with a mistake, which the merge
refuses, then rightly), merges, writes the page's roster and runs both export commands. The
exported files must be the page's examples, line for line.
"""

import csv
import re
import shlex
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course.grading import review

COURSE = Path(__file__).resolve().parents[1]
MARKERS = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION\n", re.S)
README = (COURSE / "docs" / "instructors.md").read_text()  # the instructors' page, where grading is told
BOBS_ASSESSMENT = (
    'assessment = """\nBottom line: <b>we cannot tell</b> whether it worked.\n'
    '```python\nprint("not code")\n```\nSources: Europol, CREST.\n"""\n'
)


def readme_line(start, containing=""):
    """The page's one command that starts so, as `python3 -m course` runs it: `python -m takedown ...` in the
    course's environment (here the course's .venv, linked into the temporary class folder)."""
    lines = [line for line in README.splitlines() if line.startswith(start) and containing in line]
    assert len(lines) == 1, f"docs/instructors.md shows one {start!r} command containing {containing!r}"
    return lines[0].replace("python3 -m course ", ".venv/bin/python -m takedown ", 1)


def readme_block(first_line_start):
    """The fenced block of docs/instructors.md whose first line starts so (a file's example contents)."""
    blocks, block = [], None
    for line in README.splitlines(keepends=True):
        if line.strip().startswith("```"):
            blocks, block = (blocks + [block], None) if block is not None else (blocks, "")
        elif block is not None:
            block += line
    blocks = [block for block in blocks if block.startswith(first_line_start)]
    assert len(blocks) == 1, first_line_start
    return blocks[0]


def capstone_notebook(own=None, blank=False):
    """Exercise 08 as a student hands it in: the answer key's code, `own` code for question 4, or blank."""
    exercise = nbformat.read(COURSE / "exercises" / "08_capstone.ipynb", as_version=4)
    key = nbformat.read(COURSE / "solutions" / "08_capstone.ipynb", as_version=4)
    answers = [
        MARKERS.search(cell.source).group(1)
        for cell in key.cells
        if cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source
    ]
    if own:
        answers[3] = own  # question 4, the assessment
    number = 0
    for cell in exercise.cells:
        if cell.cell_type != "code":
            continue
        if re.search(r"\bq\d\.check\(", cell.source):
            if not blank:
                kept = [
                    line
                    for line in cell.source.splitlines()
                    if not line.endswith("# your answer here")
                    and not line.startswith(("assessment = ...", "figure_alt = ..."))
                ]
                cell.source = answers[number] + "\n".join(kept)
            number += 1
        cell.outputs, cell.execution_count = [], None
    return nbformat.writes(exercise).encode()


def run(command, work):
    ran = subprocess.run(shlex.split(command), cwd=work, capture_output=True, text=True, timeout=1200)
    assert "Traceback" not in ran.stderr, ran.stderr
    return ran


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    work = tmp_path_factory.mktemp("instructor")
    (work / ".venv").symlink_to(Path(sys.executable).parent.parent)  # the course's venv, where README runs it
    command = readme_line("python3 -m course grade ", "--exercise 08_capstone")
    folder = work / shlex.split(command)[4]
    for student, data in {
        "alice": capstone_notebook(),
        "bob": capstone_notebook(own=BOBS_ASSESSMENT),
        "carol": capstone_notebook(blank=True),
    }.items():
        (folder / student).mkdir(parents=True)
        (folder / student / "08_capstone.ipynb").write_bytes(data)
    steps = {"grade": run(command, work)}
    gradebook = work / "grades" / "capstone.csv"
    steps["graded"] = {row["student"]: row for row in review.read_csv(gradebook)}
    scores = work / "grades" / "review" / "scores.csv"
    steps["page"] = (work / "grades" / "review" / "08_capstone_Q4.html").read_text(encoding="utf-8")
    steps["scores"] = review.read_csv(scores)

    merge = readme_line("python3 -m course merge-review ")
    typed = {("alice", "Q4"): ("15", "Clear bottom line; add what the numbers cannot show.")}  # a slip: 15 > 14
    fill(scores, typed)
    before = gradebook.read_bytes()
    steps["bad merge"], steps["unchanged"] = run(merge, work), gradebook.read_bytes() == before
    typed = {
        ("alice", "Q4"): ("12", "Clear bottom line; add what the numbers cannot show."),
        ("alice", "Q6"): ("1", ""),
        ("bob", "Q4"): ("10.5", "Well sourced."),
        ("bob", "Q6"): ("1", ""),
    }
    fill(scores, typed)
    steps["merge"] = run(merge, work)
    steps["merged"] = {row["student"]: row for row in review.read_csv(gradebook)}
    steps["merged again"] = run(merge, work)
    steps["feedback"] = {
        student: (work / "grades" / "feedback" / student / "08_capstone.md").read_text(encoding="utf-8")
        for student in ("alice", "bob", "carol")
    }

    (work / "grades" / "lms-roster.csv").write_text(readme_block("student,lms_id,"), encoding="utf-8")
    steps["canvas"] = run(readme_line("python3 -m course export ", "--canvas"), work)
    steps["moodle"] = run(readme_line("python3 -m course export ", "--moodle"), work)
    steps["work"] = work
    return steps


def fill(scores, typed):
    """Type scores and comments in the scores file, as a person would in a spreadsheet."""
    rows = review.read_csv(scores)
    for row in rows:
        row["score"], row["comment"] = typed.get((row["student"], row["question"]), ("", ""))
    with open(scores, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=review.SCORES_HEADER)
        writer.writeheader()
        writer.writerows(rows)


def test_grading_leaves_the_assessment_awaiting_review_and_says_where_to_score_it(journey):
    ran, rows = journey["grade"], journey["graded"]
    assert ran.returncode == 0, ran.stderr
    assert "answers for a person to score: grades/review/08_capstone_Q4.html\n" in ran.stdout
    assert "type the scores in: grades/review/scores.csv\n" in ran.stdout
    assert "4 answers await a person's review (their points are not in the totals yet)" in ran.stdout
    seen = {
        student: (row["Q4"], row["Q4_points"], row["points"], row["max_points"], row["awaiting_review"])
        for student, row in rows.items()
    }
    assert seen == {
        "alice": ("correct", "", "4", "22", "Q4 Q6"),
        "bob": ("incorrect", "", "4", "22", "Q4 Q6"),
        "carol": ("not attempted", "0", "0", "22", ""),
    }
    assert [(row["student"], row["question"], row["max_points"], row["score"]) for row in journey["scores"]] == [
        ("alice", "Q4", "14", ""),
        ("bob", "Q4", "14", ""),
        ("alice", "Q6", "4", ""),
        ("bob", "Q6", "4", ""),
    ]


def test_the_review_page_shows_every_answer_as_text_with_the_rubric(journey):
    page = journey["page"]
    assert "<script" not in page and "<b>we cannot tell</b>" not in page and "<pre" not in page
    assert (
        "Bottom line: &lt;b&gt;we cannot tell&lt;/b&gt; whether it worked.\n```python\nprint(&#34;not code&#34;)"
        in page
    )  # escaped by Jinja2
    assert "Bottom line: we cannot tell whether the April 2018 operation worked" in page  # alice's (the key's)
    assert "No text answer to score (not attempted): it scores 0." in page  # carol
    assert '<th scope="row">Evidence fits the claim</th>' in page and "Needs work (0)" in page
    # The page shows the very command docs/instructors.md teaches, in the same form (python3 -m course ...).
    shown = readme_line("python3 -m course merge-review ").replace(
        ".venv/bin/python -m takedown ", "python3 -m course "
    )
    assert shown in page and "-m takedown" not in page


def test_a_score_above_the_maximum_is_refused_as_the_readme_says(journey):
    ran = journey["bad merge"]
    assert ran.returncode == 1 and journey["unchanged"]
    assert ran.stderr.splitlines()[0] == (
        "error: grades/review/scores.csv, line 2: the score 15 for alice (Q4) is above the maximum of 14"
    )
    shown = re.search(
        r"`(error: grades/review/scores.csv, line 2: the\s+score 15 for alice \(Q4\) is above the "
        r"maximum of 14)`",
        README,
    )
    assert shown and " ".join(shown.group(1).split()) == ran.stderr.splitlines()[0]


def test_merging_the_scores_fills_the_points(journey):
    assert journey["merge"].returncode == 0, journey["merge"].stderr
    assert journey["merge"].stdout == (
        "merged 4 scores into grades/capstone.csv\nadded the scores to 2 feedback files in grades/feedback\n"
    )
    assert (
        "it prints\n`merged 4 scores into grades/capstone.csv` and `added the scores to 2 feedback files in "
        "grades/feedback`"
    ) in README
    seen = {
        student: (row["Q4_points"], row["points"], row["awaiting_review"], row["review_comments"])
        for student, row in journey["merged"].items()
    }
    assert seen == {
        "alice": ("12", "17", "", "Q4: Clear bottom line; add what the numbers cannot show."),
        "bob": ("10.5", "15.5", "", "Q4: Well sourced."),
        "carol": ("0", "0", "", ""),
    }


MOODLE_HEADER = (
    "Identifier,Full name,Email address,Status,Grade,Maximum Grade,Grade can be changed,"
    "Last modified (submission),Last modified (grade)"
)


@pytest.mark.parametrize(
    "platform, path, first_line, students",
    [
        ("canvas", "grades/canvas.csv", "Student,ID,", "3 students"),
        ("moodle", "grades/worksheet.csv", MOODLE_HEADER + ",Feedback comments\n", "2 students"),
        # carol has no comment: her row goes without the comments column, which would erase one in Moodle
        ("moodle", "grades/worksheet_without_comments.csv", MOODLE_HEADER + "\n", "1 student"),
    ],
)
def test_the_exported_files_are_the_readmes_examples(journey, platform, path, first_line, students):
    ran = journey[platform]
    assert ran.returncode == 0, ran.stderr
    assert re.search(rf"^{re.escape(path)}: .*, {students}\b.*, 08_capstone out of 22 points$", ran.stdout, re.M)
    assert "set the assignment's" in ran.stdout and "to 22 in" in ran.stdout
    assert (journey["work"] / path).read_text(encoding="utf-8").splitlines() == readme_block(first_line).splitlines()


def test_git_ignores_the_grades_folder_and_the_capstone_class():
    if not (COURSE / ".git").exists():
        pytest.skip("not a git checkout")
    paths = [
        "grades/capstone.csv",
        "grades/review/scores.csv",
        "grades/lms-roster.csv",
        "capstone/alice/08_capstone.ipynb",
    ]
    ignored = subprocess.run(["git", "check-ignore", *paths], cwd=COURSE, capture_output=True, text=True)
    assert ignored.stdout.split() == paths


def test_students_read_their_teachers_scores_in_their_feedback_once(journey):
    """merge-review --feedback ends each scored student's file with the points, the comment and the new total;
    merging twice does not repeat it, and a blank answer (scored 0 by the check) gets no teacher's section."""
    assert journey["merged again"].returncode == 0, journey["merged again"].stderr
    alice, bob, carol = (journey["feedback"][student] for student in ("alice", "bob", "carol"))
    assert alice.endswith(
        "## Scored by your teacher\n\nQuestion 4: 12 of 14 points. Comment: Clear bottom line; "
        "add what the numbers cannot show.\nQuestion 6: 1 of 4 points.\n\nYour points now: 17 of 22.\n"
    )
    assert alice.count("## Scored by your teacher") == 1 and "so far" not in alice
    assert "Question 4: 10.5 of 14 points. Comment: Well sourced." in bob and "Your points now: 15.5 of 22." in bob
    assert "Scored by your teacher" not in carol
