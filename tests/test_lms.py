"""Gradebooks a learning platform imports: Canvas's gradebook import CSV and Moodle's grading
worksheet, with students matched by the ids in LMS download names or by a roster."""
import csv

import pytest

from course.grading import grade
from course.cli import main

HEADER = ",".join(grade.gradebook_header(5))


def row(student, points="6", awaiting="", comments="", exercise="02_countries", status="graded", maximum="6"):
    questions = ",".join(["correct,1"] * 5) if exercise else ",,,,,,,,,"
    return (f'"{student}",{student.split()[0]}.ipynb,{exercise},{questions},5,5,{points},{maximum if exercise else 0},'
            f'{awaiting},"{comments}",{status}')


def gradebook(tmp_path, *rows):
    path = tmp_path / "gradebook.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def read(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.reader(file))


@pytest.fixture
def book(tmp_path):
    return gradebook(tmp_path, row("smithjane (12345)", "4.5", comments="Q2: one country missing"),
                     row("Dave Brown (34567)", "6"), row("alice", "3"),
                     row("erin", exercise="", status=grade.NOT_JSON))


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("student,lms_id,name,email,sis_user_id,sis_login_id,section\n"
                    "alice,55501,\"Liddell, Alice\",alice@example.edu,S-1,aliddell,Section A\n"
                    "erin,55502,\"Erin Example\",erin@example.edu,,,\n", encoding="utf-8")
    return path


def test_canvas_gradebook_import_has_canvas_columns_and_a_row_per_student(tmp_path, book, roster, capsys):
    out = tmp_path / "canvas.csv"
    assert main(["export", str(book), "--roster", str(roster), "--canvas", str(out),
                 "--assignment", "Exercise 02 (123)"]) == 0
    assert read(out) == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Exercise 02 (123)"],
        ["Points Possible", "", "", "", "", "6"],
        ["smithjane", "12345", "", "", "", "4.5"],
        ["Dave Brown", "34567", "", "", "", "6"],
        ["Liddell, Alice", "55501", "S-1", "aliddell", "Section A", "3"],
        ["Erin Example", "55502", "", "", "", ""],
    ]
    printed = capsys.readouterr().out
    assert f"{out}: Canvas gradebook import, 4 students, 02_countries out of 6 points" in printed
    assert f"  erin: empty grade ({grade.NOT_JSON})" in printed


def test_moodle_grading_worksheet_has_moodles_columns_and_participant_ids(tmp_path, book, roster):
    out = tmp_path / "worksheet.csv"
    assert main(["export", str(book), "--roster", str(roster), "--moodle", str(out)]) == 0
    rows = read(out)
    assert rows[0] == ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade",
                       "Grade can be changed", "Last modified (submission)", "Last modified (grade)", "Feedback comments"]
    assert rows[1] == ["Participant 12345", "smithjane", "", "", "4.50", "6.00", "Yes", "", "", "Q2: one country missing"]
    assert rows[3] == ["Participant 55501", "Liddell, Alice", "alice@example.edu", "", "3.00", "6.00", "Yes", "", "", ""]
    assert rows[4][:5] == ["Participant 55502", "Erin Example", "erin@example.edu", "", ""]


def test_every_student_without_an_id_is_named_and_nothing_is_written(tmp_path, book, capsys):
    out = tmp_path / "canvas.csv"
    assert main(["export", str(book), "--canvas", str(out), "--assignment", "Exercise 02"]) == 1
    err = capsys.readouterr().err
    assert "error: alice: no platform id (add them to the roster" in err
    assert "error: erin: no platform id" in err and "Nothing was written." in err
    assert not out.exists()


def test_answers_still_awaiting_review_stop_the_export(tmp_path, capsys):
    book = gradebook(tmp_path, row("Jane Doe (12345)", "3", awaiting="Q4"), row("Bob Roe (4)", "5"))
    assert main(["export", str(book), "--moodle", str(tmp_path / "w.csv")]) == 1
    err = capsys.readouterr().err
    assert "error: Jane Doe (12345): Q4 not scored yet (awaiting review): fill review/scores.csv and run " \
           "python -m takedown merge-review first" in err
    assert not (tmp_path / "w.csv").exists()


def test_two_graded_submissions_of_one_student_are_refused(tmp_path, capsys):
    book = gradebook(tmp_path, row("Bob Roe (4)", "5"), row("Bob Roe (4)", "6"))
    assert main(["export", str(book), "--moodle", str(tmp_path / "w.csv")]) == 1
    assert "Bob Roe (4) has two graded submissions of 02_countries" in capsys.readouterr().err


def test_a_gradebook_of_several_exercises_needs_the_exercise(tmp_path, capsys):
    book = gradebook(tmp_path, row("Bob Roe (4)", "5"), row("Ann Lee (5)", "1", exercise="01_the_article", maximum="5"))
    assert main(["export", str(book), "--moodle", str(tmp_path / "w.csv")]) == 1
    assert "holds several exercises (01_the_article, 02_countries): say which one with --exercise" in capsys.readouterr().err
    assert main(["export", str(book), "--exercise", "02_countries", "--moodle", str(tmp_path / "w.csv")]) == 0
    assert [line[0] for line in read(tmp_path / "w.csv")[1:]] == ["Participant 4", "Participant 5"]
    assert read(tmp_path / "w.csv")[2][4] == ""  # Ann's file was another exercise: no grade for this one


@pytest.mark.parametrize("args, says", [
    (["--canvas", "c.csv"], "--canvas needs --assignment"),
    ([], "say which file to write"),
])
def test_the_export_command_says_what_is_missing(tmp_path, book, capsys, args, says):
    assert main(["export", str(book), *args]) == 2
    assert says in capsys.readouterr().err


def test_a_roster_without_the_id_column_gets_a_message(tmp_path, book, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text("student,email\nalice,a@example.edu\n", encoding="utf-8")
    assert main(["export", str(book), "--roster", str(roster), "--moodle", str(tmp_path / "w.csv")]) == 1
    assert "has no lms_id column" in capsys.readouterr().err
