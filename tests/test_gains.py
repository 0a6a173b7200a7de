"""The gains command on a small sample class: what a teacher reads (shares, Hake's g per aim, who was left
out) and plain messages on bad input."""

import csv
import re
from pathlib import Path

import pytest

from course.grading import gains
from takedown import feedback
from takedown.questions import questions_for

try:  # the grader moves to course/grading (issue 19); the gradebook format is the same
    from course.grading.grade import Result, write_gradebook
except ImportError:
    from course.grading.grade import Result, write_gradebook

# Points per student and item (Question 1 ... Question 10; Question 10 is the written item, out of 4, as
# scored with the rubric and merged). ana, ben, chloe and dev took both; eve only the pre-assessment, fay only
# the post-assessment; zed's post-assessment file was not a notebook.
PRE = {
    "ana": [1, 0, 1, 1, 1, 0, 0, 1, 0, 2],
    "ben": [0, 0, 1, 1, 0, 0, 1, 0, 0, 0],
    "chloe": [0, 0, 0, 1, 1, 0, 0, 0, 1, 1],
    "dev": [0, 0, 0, 1, 0, 1, 0, 0, 0, 1],
    "eve": [1, 1, 1, 1, 1, 1, 1, 1, 1, 4],
}
POST = {
    "ana": [1, 1, 1, 1, 1, 1, 1, 1, 1, 4],
    "ben": [1, 1, 1, 1, 1, 1, 0, 1, 1, 2],
    "chloe": [1, 0, 1, 1, 1, 0, 1, 1, 0, 3],
    "dev": [0, 1, 0, 1, 0, 1, 1, 0, 1, 3],
    "fay": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
}
AIMS = (
    "activity_or_effect",
    "running_or_period",
    "whose_account",
    "what_it_shows",
    "source_standing",
    "date_precision",
    "what_a_link_means",
    "model_parameters",
    "who_publishes",
)


def gradebook(path, exercise, points, extra=()):
    """A gradebook as the grader writes it, from points per student (None: awaiting review)."""
    questions = questions_for(exercise)
    results = []
    for student, scores in points.items():
        verdicts = [
            feedback.Verdict(feedback.CORRECT if score == question.points else feedback.INCORRECT, "", question.name)
            for score, question in zip(scores, questions)
        ]
        results.append(
            Result(
                submission=f"{student}/{exercise}.ipynb",
                student=student,
                exercise=exercise,
                verdicts=verdicts,
                scores=list(scores),
                maxima=[q.points for q in questions],
            )
        )
    results += list(extra)
    write_gradebook(results, path)
    return path


@pytest.fixture
def books(tmp_path):
    not_a_notebook = Result(
        submission="zed/post_assessment.ipynb", student="zed", notes=["not a notebook (JSON of another kind)"]
    )
    return (
        gradebook(tmp_path / "pre.csv", "pre_assessment", PRE),
        gradebook(tmp_path / "post.csv", "post_assessment", POST, [not_a_notebook]),
    )


def read(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_the_teacher_reads_shares_and_gain_per_aim(books, tmp_path, capsys):
    pre, post = books
    assert gains.main([str(pre), str(post), "--out", str(tmp_path / "gains.csv")]) == 0
    rows = {(row["level"], row["item"] or row["aim"]): row for row in read(tmp_path / "gains.csv")}
    aim = {
        name: (
            rows["aim", name]["share_right_before"],
            rows["aim", name]["share_right_after"],
            rows["aim", name]["gain_g"],
            rows["aim", name]["n"],
        )
        for name in AIMS
    }
    # Activity or effect pools Question 1 (1 of 4 points before, 3 after) and the written Question 10
    # (4 of 16, then 12 of 16): 5/20 = 0.25 before, 15/20 = 0.75 after, g = 0.5 / 0.75.
    assert aim["activity_or_effect"] == ("0.25", "0.75", "0.67", "4")
    assert aim["running_or_period"] == ("0.00", "0.75", "0.75", "4")  # 0/4 then 3/4
    assert aim["whose_account"] == ("0.50", "0.75", "0.50", "4")
    assert aim["what_it_shows"] == ("1.00", "1.00", "", "4")  # everyone right before: no gain to compute
    assert aim["source_standing"] == ("0.50", "0.75", "0.50", "4")
    for name in ("date_precision", "what_a_link_means", "model_parameters", "who_publishes"):
        assert aim[name] == ("0.25", "0.75", "0.67", "4"), name  # 1/4 then 3/4: g = 0.5 / 0.75
    overall = rows["all", "all items"]
    # 17 of 52 points before (4 students × 13), 40 of 52 after: g = (40/52 − 17/52) / (1 − 17/52) = 23/35.
    assert (overall["share_right_before"], overall["share_right_after"], overall["gain_g"]) == ("0.33", "0.77", "0.66")
    said = capsys.readouterr().out
    assert said.startswith("4 students took both assessments; 3 left out:")
    assert "eve: took the pre-assessment only" in said and "fay: took the post-assessment only" in said
    assert "zed: not graded (not a notebook (JSON of another kind)) in post.csv" in said


def test_an_item_everyone_had_right_before_has_no_gain_and_says_why(books, tmp_path):
    pre, post = books
    gains.main([str(pre), str(post), "--out", str(tmp_path / "gains.csv")])
    item = next(row for row in read(tmp_path / "gains.csv") if row["item"] == "Question 4")
    assert (item["share_right_before"], item["share_right_after"], item["gain_g"]) == ("1.00", "1.00", "")
    assert item["note"].startswith("undefined: every student was right before")
    assert [row["item"] for row in read(tmp_path / "gains.csv") if row["level"] == "item"] == [
        f"Question {n}" for n in range(1, 11)
    ]


def test_a_written_answer_awaiting_review_is_left_out_of_its_item(tmp_path):
    post = dict(POST, ana=POST["ana"][:9] + [None])
    pre_path = gradebook(tmp_path / "pre.csv", "pre_assessment", PRE)
    post_path = gradebook(tmp_path / "post.csv", "post_assessment", post)
    gains.main([str(pre_path), str(post_path), "--out", str(tmp_path / "gains.csv")])
    rows = {row["item"] or row["aim"]: row for row in read(tmp_path / "gains.csv")}
    assert rows["Question 10"]["n"] == "3" and rows["Question 1"]["n"] == "4"
    assert rows["Question 10"]["share_right_after"] == "0.67"  # 8 of 12 points: ben, chloe, dev


def test_the_chart_has_a_text_alternative_beside_it(books, tmp_path, capsys):
    pre, post = books
    chart = tmp_path / "gains.png"
    assert gains.main([str(pre), str(post), "--out", str(tmp_path / "gains.csv"), "--chart", str(chart)]) == 0
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    alt = (tmp_path / "gains.txt").read_text()
    assert alt.count(".") >= 1 and alt.startswith("Paired bar chart of 9 aims for 4 students")
    assert "33% of the points before the unit and 77% after" in alt and "g = 0.66" in alt


@pytest.mark.parametrize(
    "problem, says",
    [
        ("missing", "error: there is no file"),
        ("not_csv", "is not a gradebook"),
        ("other_csv", "is not a gradebook written by `python3 -m course grade`"),
        ("swapped", "It is the post-assessment's: give the pre-assessment's gradebook first"),
        ("other_exercise", "has no pre_assessment rows. It holds 02_countries"),
        ("nobody_in_common", "no student is in both gradebooks (5 in pre.csv, 1 in post.csv)"),
    ],
)
def test_bad_input_gets_a_plain_message_not_a_traceback(books, tmp_path, capsys, problem, says):
    pre, post = books
    if problem == "missing":
        pre = tmp_path / "nowhere.csv"
    elif problem == "not_csv":
        pre = tmp_path / "picture.csv"
        pre.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    elif problem == "other_csv":
        pre = tmp_path / "lms-roster.csv"
        pre.write_text("name,email\nana,ana@example.org\n")
    elif problem == "swapped":
        pre = post
    elif problem == "other_exercise":
        pre = tmp_path / "other.csv"
        write_gradebook(
            [
                Result(
                    submission="ana.ipynb",
                    student="ana",
                    exercise="02_countries",
                    verdicts=[feedback.Verdict(feedback.CORRECT, "", "Question 1")],
                    scores=[1],
                    maxima=[1],
                )
            ],
            pre,
        )
    elif problem == "nobody_in_common":
        post = gradebook(tmp_path / "post.csv", "post_assessment", {"someone": POST["fay"]})
    assert gains.main([str(pre), str(post), "--out", str(tmp_path / "gains.csv")]) == 1
    said = capsys.readouterr()
    assert says in said.err and "Traceback" not in said.err + said.out
    assert not (tmp_path / "gains.csv").exists()


COURSE = Path(__file__).resolve().parents[1]
INSTRUCTORS = (COURSE / "docs" / "instructors.md").read_text(encoding="utf-8")
SAMPLE_PRE, SAMPLE_POST = COURSE / "docs" / "samples" / "gains-pre.csv", COURSE / "docs" / "samples" / "gains-post.csv"


def test_the_terminal_names_each_aim_in_words_and_says_how_to_read_g(books, tmp_path, capsys):
    from takedown.questions.assessment import AIM_NAMES

    pre, post = books
    assert gains.main([str(pre), str(post), "--out", str(tmp_path / "gains.csv")]) == 0
    said = capsys.readouterr().out
    assert not [aim for aim in AIMS if aim in said], "internal codes such as date_precision"
    assert f"  {AIM_NAMES['date_precision']}: 0.25 before, 0.75 after, g = 0.67 (n = 4)" in said
    assert "  All items: 0.33 before, 0.77 after, g = 0.66 (n = 4)" in said
    reading = next(line for line in said.splitlines() if line.startswith("How to read g:"))
    assert "share of the possible gain" in reading and "under about 20 students" in reading
    assert "this class: 4 students" in reading
    # the page says the same
    assert "share of the possible gain" in INSTRUCTORS and "under about 20 students" in INSTRUCTORS


def test_the_sample_gradebooks_the_page_points_to_are_this_tests_class_and_run(books, tmp_path, capsys):
    """docs/instructors.md points to a pre/post pair an instructor can try gains on: this test's class, as the
    grader writes it (so it stays in step with the gradebook's format)."""
    pre, post = books
    assert SAMPLE_PRE.read_text(encoding="utf-8") == pre.read_text(encoding="utf-8")
    assert SAMPLE_POST.read_text(encoding="utf-8") == post.read_text(encoding="utf-8")
    command = "python3 -m course gains docs/samples/gains-pre.csv docs/samples/gains-post.csv"
    assert command in INSTRUCTORS
    assert gains.main([str(SAMPLE_PRE), str(SAMPLE_POST), "--out", str(tmp_path / "gains.csv")]) == 0
    assert capsys.readouterr().out.startswith("4 students took both assessments; 3 left out:")


def test_the_two_rosters_of_the_instructors_page_have_different_names():
    """gains' roster (student,pre,post) and export's (student,lms_id,...) are different files: one name for both
    would make an instructor following both sections overwrite one with the other."""
    gains_rosters = set(re.findall(r"python3 -m course gains .*--roster (\S+)", INSTRUCTORS))
    export_rosters = set(re.findall(r"python3 -m course export .*--roster (\S+)", INSTRUCTORS))
    assert gains_rosters == {"grades/prepost-roster.csv"} and export_rosters == {"grades/lms-roster.csv"}
    assert "grades/roster.csv" not in INSTRUCTORS and "`roster.csv`" not in INSTRUCTORS


def test_the_command_runs_as_documented(books, tmp_path):
    """`python3 -m course gains ...`, as docs/instructors.md says (the full command line's `gains`)."""
    import subprocess
    import sys
    from pathlib import Path

    pre, post = books
    done = subprocess.run(
        [sys.executable, "-m", "course", "gains", str(pre), str(post), "--out", str(tmp_path / "gains.csv")],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "4 students took both assessments" in done.stdout


# ---- A class graded from two Moodle downloads: each assignment numbers its participants afresh ----------------

FULL_NAMES = {"ana": "Ana Silva", "ben": "Ben Okafor", "chloe": "Chloé Martin", "dev": "Dev Patel", "eve": "Eve Li"}
PRE_IDS = {"ana": 101, "ben": 102, "chloe": 103, "dev": 104, "eve": 105}
POST_IDS = {"ana": 207, "ben": 203, "chloe": 201, "dev": 202, "fay": 204}


def moodle_books(folder):
    """The sample class as the grader names students from Moodle downloads: "Full Name (participant number)"."""
    named = {**FULL_NAMES, "fay": "Fay Oduya"}
    pre = {f"{named[s]} ({PRE_IDS[s]})": points for s, points in PRE.items()}
    post = {f"{named[s]} ({POST_IDS[s]})": points for s, points in POST.items()}
    return gradebook(folder / "pre.csv", "pre_assessment", pre), gradebook(folder / "post.csv", "post_assessment", post)


def write_roster(path, rows):
    path.write_text("student,pre,post\n" + "".join(f"{','.join(row)}\n" for row in rows), encoding="utf-8")
    return path


def test_without_a_roster_two_moodle_downloads_cannot_be_paired_and_the_message_says_what_to_do(tmp_path, capsys):
    pre, post = moodle_books(tmp_path)
    assert gains.main([str(pre), str(post), "--out", str(tmp_path / "gains.csv")]) == 1
    said = capsys.readouterr()
    assert "no student is in both gradebooks" in said.err and "--roster prepost-roster.csv" in said.err
    assert "Traceback" not in said.err + said.out


def test_a_roster_pairs_moodle_participants_and_gives_the_same_gains_as_names(books, tmp_path, capsys):
    """Each form an instructor may paste works: Moodle's worksheet identifier, the bare number, the gradebook's
    own text; the gains are those of the class paired by name; who is left out is counted and named."""
    by_name = tmp_path / "by-name"
    by_name.mkdir()
    pre, post = books
    assert gains.main([str(pre), str(post), "--out", str(by_name / "gains.csv")]) == 0
    capsys.readouterr()

    moodle = tmp_path / "moodle"
    moodle.mkdir()
    pre, post = moodle_books(moodle)
    roster = write_roster(
        tmp_path / "prepost-roster.csv",
        [
            ("Ana Silva", "Participant 101", "Participant 207"),
            ("Ben Okafor", "102", "203"),
            ("Chloé Martin", "Chloé Martin (103)", "chloé martin (201)"),
            ("Dev Patel", "Participant 104", "Participant 202"),
            ("Eve Li", "Participant 105", "Participant 299"),  # a post-assessment number that is not there
            ("Gil Ramos", "Participant 106", ""),  # took neither
        ],
    )
    out = moodle / "gains.csv"
    assert gains.main([str(pre), str(post), "--out", str(out), "--roster", str(roster)]) == 0
    assert read(out) == read(by_name / "gains.csv")
    said = capsys.readouterr().out
    assert said.startswith("4 students took both assessments; 3 left out:")
    assert (
        "Eve Li: took the pre-assessment only: post.csv has no student 'Participant 299' (prepost-roster.csv, line 6)"
        in said
    )
    assert "Gil Ramos: pre.csv has no student 'Participant 106'; no post-assessment identifier on the roster" in said
    assert "Fay Oduya (204): in post.csv but not on the roster (prepost-roster.csv)" in said


@pytest.mark.parametrize(
    "roster, says",
    [
        (None, "there is no roster"),
        ("name,email\nAna,ana@example.org\n", "has no pre and no post column: it needs the columns student,pre,post"),
        (
            "student,pre,post\nAna,101,207\nAnna,101,208\n",
            "names a student twice (each must be on one line): line 3: pre '101' is already on line 2",
        ),
        ("student,pre,post\nAna,999,998\n", "no student on the roster prepost-roster.csv was found in both gradebooks"),
        ("student,pre,post\n", "has no students"),
    ],
)
def test_a_bad_roster_gets_a_plain_message_not_a_traceback(tmp_path, capsys, roster, says):
    pre, post = moodle_books(tmp_path)
    path = tmp_path / "prepost-roster.csv"
    if roster is not None:
        path.write_text(roster, encoding="utf-8")
    assert gains.main([str(pre), str(post), "--out", str(tmp_path / "gains.csv"), "--roster", str(path)]) == 1
    said = capsys.readouterr()
    assert says in said.err and "Traceback" not in said.err + said.out
    assert not (tmp_path / "gains.csv").exists()


def test_equal_gains_are_not_called_largest_and_smallest_and_aims_are_named_in_words(tmp_path):
    rows = [
        {"level": "aim", "item": "", "aim": aim, "n": 3, "before": 0.5, "after": 0.5, "gain_g": 0.0, "note": ""}
        for aim in ("whose_account", "running_or_period")
    ]
    rows.append(
        {"level": "all", "item": "", "aim": "all items", "n": 3, "before": 0.5, "after": 0.5, "gain_g": 0.0, "note": ""}
    )
    alt = gains.chart(rows, tmp_path / "gains.png")
    assert "every aim's gain was the same (g = 0.00)" in alt and "largest" not in alt
    gains.write_csv(rows, tmp_path / "gains.csv")
    lines = (tmp_path / "gains.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("level,item,aim,aim_name,n,")
    assert "Say whose account a figure or claim is" in lines[1] and "All items" in lines[3]
