"""Gradebooks a learning platform imports: Canvas's gradebook import CSV and Moodle's grading
worksheet, with students matched by the ids in LMS download names or by a roster. Each file is read as
its platform reads it: Canvas's with an RFC 4180 reader (Python's csv), Moodle's with PHP's fgetcsv
rules and Moodle's own steps (tests/php_csv.py)."""

import csv

import pytest

from course.cli import main
from course.grading import grade, lms
from php_csv import ENGLISH, Refused, moodle_worksheet_upload

HEADER = ",".join(grade.gradebook_header(5))
MOODLE_HEADER = [
    "Identifier",
    "Full name",
    "Email address",
    "Status",
    "Grade",
    "Maximum Grade",
    "Grade can be changed",
    "Last modified (submission)",
    "Last modified (grade)",
]


def row(student, points="6", awaiting="", comments="", exercise="02_countries", status="graded", maximum="8"):
    questions = ",".join(["correct,1"] * 5) if exercise else ",,,,,,,,,"
    return (
        f'"{student}",{student.split()[0]}.ipynb,{exercise},{questions},5,5,{points},{maximum if exercise else 0},'
        f'{awaiting},"{comments}",{status}'
    )


def gradebook(tmp_path, *rows):
    path = tmp_path / "gradebook.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def read(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.reader(file))


def written_gradebook(tmp_path, comments):
    """A gradebook written by the csv module, one graded student per {student: review comment}."""
    path = tmp_path / "gradebook.csv"
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(grade.gradebook_header(5))
        for number, (student, comment) in enumerate(comments.items(), start=1):
            writer.writerow(
                [
                    f"{student} ({number})",
                    f"{student}.ipynb",
                    "02_countries",
                    *["correct", "1"] * 5,
                    5,
                    5,
                    5,
                    6,
                    "",
                    comment,
                    "graded",
                ]
            )
    return path


@pytest.fixture
def book(tmp_path):
    return gradebook(
        tmp_path,
        row("smithjane (12345)", "4.5", comments="Q2: one country missing"),
        row("Dave Brown (34567)", "6"),
        row("alice", "3"),
        row("erin", exercise="", status=grade.NOT_JSON),
    )


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "lms-roster.csv"
    path.write_text(
        "student,lms_id,name,email,sis_user_id,sis_login_id,section\n"
        'alice,55501,"Liddell, Alice",alice@example.edu,S-1,aliddell,Section A\n'
        'erin,55502,"Erin Example",erin@example.edu,,,\n',
        encoding="utf-8",
    )
    return path


def test_canvas_gradebook_import_has_canvas_columns_and_a_row_per_student(tmp_path, book, roster, capsys):
    out = tmp_path / "canvas.csv"
    assert (
        main(["export", str(book), "--roster", str(roster), "--canvas", str(out), "--assignment", "Exercise 02 (123)"])
        == 0
    )
    assert read(out) == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Exercise 02 (123)"],
        ["Points Possible", "", "", "", "", "8"],
        ["smithjane", "12345", "", "", "", "4.5"],
        ["Dave Brown", "34567", "", "", "", "6"],
        ["Liddell, Alice", "55501", "S-1", "aliddell", "Section A", "3"],
    ]
    printed = capsys.readouterr().out
    assert f"{out}: Canvas gradebook import, 3 students, 02_countries out of 8 points" in printed
    assert (
        'set the assignment\'s points to 8 in Canvas: the "Points Possible" row only sets the points of an '
        "assignment the import creates, else 4.5 of 8 lands as 4.5/100"
    ) in printed
    assert (
        f"Left out, nothing graded (an empty cell would clear a grade Canvas already holds; --ungraded zero "
        f"sends 0 instead): Erin Example ({grade.NOT_JSON})" in printed
    )


def test_canvas_never_gets_an_empty_grade_and_zero_is_the_instructors_choice(tmp_path, book, roster, capsys):
    out = tmp_path / "canvas.csv"
    assert (
        main(
            [
                "export",
                str(book),
                "--roster",
                str(roster),
                "--canvas",
                str(out),
                "--assignment",
                "Ex 02",
                "--ungraded",
                "zero",
            ]
        )
        == 0
    )
    rows = read(out)
    assert rows[-1] == ["Erin Example", "55502", "", "", "", "0"]
    assert all(row[5] != "" for row in rows[1:]), "an empty cell clears a grade Canvas holds"
    assert f"Given 0 (--ungraded zero), nothing graded: Erin Example ({grade.NOT_JSON})" in capsys.readouterr().out


def test_moodle_worksheets_never_erase_a_comment_and_parse_as_moodle_reads_them(tmp_path, book, roster, capsys):
    out = tmp_path / "worksheet.csv"
    assert main(["export", str(book), "--roster", str(roster), "--moodle", str(out)]) == 0
    rows = read(out)
    assert rows == [
        MOODLE_HEADER + ["Feedback comments"],
        ["Participant 12345", "smithjane", "", "", "4.50", "8.00", "Yes", "", "", "Q2: one country missing"],
    ]
    plain = tmp_path / "worksheet_without_comments.csv"
    assert read(plain)[0] == MOODLE_HEADER
    assert read(plain)[2] == [
        "Participant 55501",
        "Liddell, Alice",
        "alice@example.edu",
        "",
        "3.00",
        "8.00",
        "Yes",
        "",
        "",
    ]
    # As Moodle reads them: one comment, and no comments column where an empty cell would erase one.
    assert moodle_worksheet_upload(out.read_text(encoding="utf-8")) == {
        "12345": {"grade": "4.50", "comments": "Q2: one country missing"}
    }
    assert moodle_worksheet_upload(plain.read_text(encoding="utf-8")) == {
        "34567": {"grade": "6.00"},
        "55501": {"grade": "3.00"},
    }
    printed = capsys.readouterr().out
    assert (
        f"{out}: Moodle grading worksheet, 1 student (with their feedback comments), 02_countries out of 8" in printed
    )
    assert f"{plain}: Moodle grading worksheet, 2 students (no comments column, so Moodle keeps" in printed
    assert "set the assignment's Maximum grade to 8 in Moodle" in printed and "ignores the worksheet's" in printed
    assert "Upload with Moodle's language set to English" in printed
    assert '"Feedback comments" feedback type is enabled' in printed
    assert "without a word, a Participant number that is not in the assignment" in printed
    assert "on a first upload it should report 3 grades updated" in printed
    assert (
        f"Left out, nothing graded (Moodle would skip an empty grade anyway; --ungraded zero sends 0 instead): "
        f"Erin Example ({grade.NOT_JSON})" in printed
    )


def test_without_any_comment_the_worksheet_has_no_comments_column(tmp_path, capsys):
    out = tmp_path / "worksheet.csv"
    assert main(["export", str(written_gradebook(tmp_path, {"ann": "", "bo": ""})), "--moodle", str(out)]) == 0
    assert read(out)[0] == MOODLE_HEADER and not (tmp_path / "worksheet_without_comments.csv").exists()
    assert moodle_worksheet_upload(out.read_text(encoding="utf-8")) == {"1": {"grade": "5.00"}, "2": {"grade": "5.00"}}
    assert "feedback type is enabled" not in capsys.readouterr().out


COMMENTS = {
    "quotes": 'Q1: you wrote "Amaq" twice',
    "backslash before a quote": 'Q2: save it in "C:\\data\\", then read it',
    "trailing backslash": "Q3: ends with a backslash \\",
    "newlines and commas": "Q4: first, the claim;\nthen, the evidence.\r\nSources, please.",
    "markup": "Q4: <b>bold</b> & 3 < 5",
    "two questions' notes": "Q4: name the source | Q6: which figure? a | b",
}


def test_comments_reach_moodle_whole(tmp_path, capsys):
    """Quotes, backslashes, line breaks, commas and markup in comments: every cell arrives as written
    (backslashes as their look-alike, the text as the HTML Moodle stores), and no row runs into the next."""
    out = tmp_path / "worksheet.csv"
    assert main(["export", str(written_gradebook(tmp_path, COMMENTS)), "--moodle", str(out)]) == 0
    seen = moodle_worksheet_upload(out.read_text(encoding="utf-8"))
    lookalike = lms.BACKSLASH_LOOKALIKE
    assert seen == {
        "1": {"grade": "5.00", "comments": 'Q1: you wrote "Amaq" twice'},
        "2": {"grade": "5.00", "comments": f'Q2: save it in "C:{lookalike}data{lookalike}", then read it'},
        "3": {"grade": "5.00", "comments": f"Q3: ends with a backslash {lookalike}"},
        "4": {"grade": "5.00", "comments": "Q4: first, the claim;<br>then, the evidence.<br>Sources, please."},
        "5": {"grade": "5.00", "comments": "Q4: &lt;b&gt;bold&lt;/b&gt; &amp; 3 &lt; 5"},
        "6": {"grade": "5.00", "comments": "Q4: name the source<br>Q6: which figure? a | b"},
    }
    assert (
        f"A backslash in the comments of backslash before a quote, trailing backslash is written as {lookalike}"
        in capsys.readouterr().out
    )


def test_the_moodle_reader_catches_what_a_plain_csv_writer_makes_of_a_backslash(tmp_path):
    """The check above can fail: with Python's csv module, as the export used to write, a backslash before a
    quote makes Moodle refuse the whole file, and a comment ending in a backslash swallows the next student."""

    def plain(comment):
        path = tmp_path / "plain.csv"
        with open(path, "w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(
                [
                    MOODLE_HEADER + ["Feedback comments"],
                    ["Participant 1", "", "", "", "5.00", "6.00", "Yes", "", "", comment],
                    ["Participant 2", "", "", "", "6.00", "6.00", "Yes", "", "", "Good, clear."],
                ]
            )
        return path.read_text(encoding="utf-8")

    with pytest.raises(Refused, match="csvweirdcolumns"):
        moodle_worksheet_upload(plain(COMMENTS["backslash before a quote"]))
    assert list(moodle_worksheet_upload(plain(COMMENTS["trailing backslash"]))) == ["1"]


def test_every_student_without_an_id_is_named_and_nothing_is_written(tmp_path, book, capsys):
    out = tmp_path / "canvas.csv"
    assert main(["export", str(book), "--canvas", str(out), "--assignment", "Exercise 02"]) == 1
    err = capsys.readouterr().err
    assert "error: alice: no platform id (add them to a roster, e.g. --roster grades/lms-roster.csv" in err
    assert "error: erin: no platform id" in err and "Nothing was written." in err
    assert not out.exists()


def test_answers_still_awaiting_review_stop_the_export(tmp_path, capsys):
    book = gradebook(tmp_path, row("Jane Doe (12345)", "3", awaiting="Q4"), row("Bob Roe (4)", "5"))
    assert main(["export", str(book), "--moodle", str(tmp_path / "w.csv")]) == 1
    err = capsys.readouterr().err
    assert (
        "error: Jane Doe (12345): Q4 not scored yet (awaiting review): type the scores in the scores.csv of the "
        "review folder grading wrote" in err
    )
    assert (
        "python3 -m course merge-review GRADEBOOK REVIEW/scores.csv --out GRADEBOOK (or export with --ungraded zero)"
        in err
    )
    assert not (tmp_path / "w.csv").exists()


def test_ungraded_zero_exports_answers_awaiting_review_as_0_as_the_refusal_says(tmp_path, capsys):
    """The refusal above recommends --ungraded zero, and docs/instructors.md says it exports them as 0."""
    book = gradebook(tmp_path, row("Jane Doe (12345)", "3", awaiting="Q4"), row("Bob Roe (4)", "5"))
    out = tmp_path / "w.csv"
    assert main(["export", str(book), "--moodle", str(out), "--ungraded", "zero"]) == 0
    assert [(line[0], line[4]) for line in read(out)[1:]] == [("Participant 12345", "3.00"), ("Participant 4", "5.00")]
    printed = capsys.readouterr().out
    assert "Unscored answers counted as 0 (--ungraded zero): Jane Doe (12345) (Q4)" in printed


def test_two_graded_submissions_of_one_student_are_refused(tmp_path, capsys):
    book = gradebook(tmp_path, row("Bob Roe (4)", "5"), row("Bob Roe (4)", "6"))
    assert main(["export", str(book), "--moodle", str(tmp_path / "w.csv")]) == 1
    assert "Bob Roe (4) has two graded submissions of 02_countries" in capsys.readouterr().err


def test_a_gradebook_of_several_exercises_needs_the_exercise(tmp_path, capsys):
    book = gradebook(tmp_path, row("Bob Roe (4)", "5"), row("Ann Lee (5)", "1", exercise="01_the_article", maximum="5"))
    assert main(["export", str(book), "--moodle", str(tmp_path / "w.csv")]) == 1
    assert (
        "holds several exercises (01_the_article, 02_countries): say which one with --exercise"
        in capsys.readouterr().err
    )
    assert main(["export", str(book), "--exercise", "02_countries", "--moodle", str(tmp_path / "w.csv")]) == 0
    assert [line[0] for line in read(tmp_path / "w.csv")[1:]] == ["Participant 4"]  # Ann: nothing graded, left out
    assert "Left out, nothing graded" in capsys.readouterr().out and "Ann Lee (5)" not in read(tmp_path / "w.csv")


@pytest.mark.parametrize(
    "args, says",
    [
        (["--canvas", "c.csv"], "--canvas needs --assignment"),
        ([], "say which file to write"),
    ],
)
def test_the_export_command_says_what_is_missing(tmp_path, book, capsys, args, says):
    assert main(["export", str(book), *args]) == 2
    assert says in capsys.readouterr().err


def test_a_roster_without_the_id_column_gets_a_message(tmp_path, book, capsys):
    roster = tmp_path / "lms-roster.csv"
    roster.write_text("student,email\nalice,a@example.edu\n", encoding="utf-8")
    assert main(["export", str(book), "--roster", str(roster), "--moodle", str(tmp_path / "w.csv")]) == 1
    assert "has no lms_id column" in capsys.readouterr().err


# Moodle's French strings (language pack fr: assign.php recordid, lastmodifiedgrade, hiddenuser;
# moodle.php grade; assignfeedback_comments.php pluginname), as download.moodle.org's packs hold them
# (mirrored in github.com/projectestac/moodle-langpacks).
FRENCH = {
    "recordid": "Identifiant",
    "grade": "Note",
    "lastmodifiedgrade": "Dernière modification (note)",
    "comments": "Feedback par commentaires",
    "hiddenuser": "Participant",
}


def test_an_upload_in_another_language_is_refused_whole_never_misapplied(tmp_path, book, roster):
    """The worksheet is written in English, as the output says; a French interface refuses it rather than
    import part of it."""
    out = tmp_path / "worksheet.csv"
    assert main(["export", str(book), "--roster", str(roster), "--moodle", str(out)]) == 0
    assert moodle_worksheet_upload(out.read_text(encoding="utf-8"), ENGLISH)
    with pytest.raises(Refused, match="invalidgradeimport"):
        moodle_worksheet_upload(out.read_text(encoding="utf-8"), FRENCH)


def test_a_download_zipped_without_the_utf8_flag_keeps_accented_names(tmp_path):
    """Info-ZIP's zip (and older tools) store UTF-8 names without saying so; Python reads them as code page 437.
    The grader reads them as their maker wrote them, so "Zoë Ñúñez" stays herself in the gradebook."""
    import zipfile

    from course.grading.submissions import collect

    folder = "Zoë Ñúñez_12345_assignsubmission_file_"
    download = tmp_path / "moodle.zip"
    with zipfile.ZipFile(download, "w") as archive:
        info = zipfile.ZipInfo(f"{folder}/02_countries.ipynb")
        archive.writestr(info, b"{}")
    raw = bytearray(download.read_bytes())
    flagged = bytes(raw).replace(folder.encode("utf-8"), folder.encode("utf-8"))  # the names as UTF-8 bytes
    assert flagged == bytes(raw)
    with zipfile.ZipFile(download) as archive:
        member = archive.infolist()[0]
    if member.flag_bits & 0x800:  # Python set the flag: write the zip as Info-ZIP does, without it
        offsets = [i for i in range(len(raw) - 4) if raw[i : i + 4] in (b"PK\x03\x04", b"PK\x01\x02")]
        for offset in offsets:
            at = offset + (6 if raw[offset + 2] == 3 else 8)
            flags = int.from_bytes(raw[at : at + 2], "little") & ~0x800
            raw[at : at + 2] = flags.to_bytes(2, "little")
        download.write_bytes(bytes(raw))
    with zipfile.ZipFile(download) as archive:
        assert archive.infolist()[0].filename != f"{folder}/02_countries.ipynb"  # garbled as Python reads it
    with collect([download]) as found:
        assert [item.student for item in found.submissions] == ["Zoë Ñúñez (12345)"]
