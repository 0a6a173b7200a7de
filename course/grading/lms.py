"""Gradebooks a learning platform imports: Canvas's gradebook import CSV and Moodle's grading worksheet.

    python3 -m course export gradebook.csv --canvas canvas.csv --assignment "Exercise 02 (123)"
    python3 -m course export gradebook.csv --moodle worksheet.csv

Who is who. A Canvas or Moodle download already names each student with the platform's id
(course/grading/submissions.py: "smithjane (12345)", "Jane Doe (12345)"), and that id is what the
platform matches on: Canvas's user ID, Moodle's participant number ("Participant 12345"). For
other layouts (one folder per student) give a roster, a CSV with the columns

    student,lms_id,name,email,sis_user_id,sis_login_id,section

where `student` is the gradebook's student column and `lms_id` the platform's id; only those two
are required (a roster row also overrides the name and id read from a download's file name).
Nothing is written, and every problem is listed, when a student has no id, has two graded
submissions, or has answers still awaiting review (with --ungraded zero, an answer awaiting review
counts as 0 and the students concerned are named).

Files that cannot hurt a gradebook (what each platform's import code does with a cell, and why):
* Canvas reads an empty grade cell as "no grade" and sends it (posted_grade: null), which clears a
  score Canvas already holds. A student with nothing graded is therefore left out of the file and
  named (or given 0 with --ungraded zero). The "Points Possible" row only sets the points of an
  assignment the import creates; an existing assignment keeps its own, so the output says to set them.
* Moodle's "Upload grading worksheet" (mod/assign/feedback/offline/locallib.php, process_import_grades)
  reads four columns by their names in the uploader's interface language: "Identifier" (recordid,
  with "Participant " (hiddenuser) cut off its front), "Grade", "Last modified (grade)" and each
  enabled feedback type's column ("Feedback comments"). The file is written in English only, and the
  output says to upload it with Moodle's interface in English: in another language the headers do not
  match and Moodle refuses the whole file, which is safe. Translated headers would need each
  language's hiddenuser exactly (Moodle cuts that many characters off the identifier, and English's
  has a trailing space that the mirrored language packs do not show), and a wrong length could send a
  grade to another participant number. It never reads "Maximum Grade": a grade
  above the assignment's own maximum is skipped. An empty grade is skipped; an empty "Feedback
  comments" cell is written (set_editor_text) and erases a comment Moodle holds whenever the row is
  updated. So the comments column is left out when no student has a comment, and when only some do,
  the others go to a second worksheet without that column. Comments are stored as HTML
  (FORMAT_HTML): they are written HTML-escaped, a line break as <br>, and each question's note (merge-review
  joins them as "Q4: … | Q6: …") on a line of its own.
* Moodle parses the file with PHP's fgetcsv (lib/csvlib.class.php, load_csv_content), whose escape
  character is the backslash: a backslash before a quote runs a field on into the next rows and the
  whole upload is refused (rows of unequal length), and Moodle stores and re-reads the rows with
  fputcsv/fgetcsv, which disagree on some backslash runs. A backslash in a comment is therefore
  written as the look-alike FULLWIDTH REVERSE SOLIDUS (U+FF3C), and the students concerned are named.
"""

import html
import re
from pathlib import Path

from course.grading.csvfiles import BadInput, as_points, read_table, write_atomically
from course.grading.grade import points_text
from takedown.questions import EXERCISES, questions_for

ROSTER_COLUMNS = ["student", "lms_id", "name", "email", "sis_user_id", "sis_login_id", "section"]
CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
# The worksheet's columns in English, as Moodle's own download names them. The upload reads only "Identifier"
# (mod/assign/lang/en/assign.php: recordid), "Grade" (lang/en/moodle.php: gradenoun, grade before Moodle 4.x),
# "Last modified (grade)"
# (assign.php: lastmodifiedgrade) and "Feedback comments" (assignfeedback_comments.php: pluginname).
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
MOODLE_COMMENTS = "Feedback comments"
MOODLE_PARTICIPANT = "Participant "  # hiddenuser: Moodle cuts exactly this many characters off the identifier
UNGRADED = ("leave-out", "zero")
BACKSLASH_LOOKALIKE = "\uff3c"
NAMED_WITH_ID = re.compile(r"^(?P<name>.+) \((?P<id>\d+)\)$")


def read_roster(path):
    """{gradebook student: {column: value}} from a roster CSV."""
    if path is None:
        return {}
    rows = read_table(path, "roster")
    columns = rows[0].keys() if rows else ROSTER_COLUMNS
    missing = [column for column in ("student", "lms_id") if column not in columns]
    if missing:
        raise BadInput([f"the roster {path} has no {missing[0]} column (columns: {','.join(ROSTER_COLUMNS)})"])
    roster, problems = {}, []
    for line, row in enumerate(rows, start=2):
        student = (row.get("student") or "").strip()
        if student in roster:
            problems.append(f"{path}, line {line}: {student!r} is on the roster twice")
        roster[student] = {column: (row.get(column) or "").strip() for column in ROSTER_COLUMNS}
    if problems:
        raise BadInput(problems)
    return roster


def identity(student, roster):
    """The student's details for the platform (roster first, else the id in a download's name), or None."""
    if student in roster and roster[student]["lms_id"]:
        return {
            **{column: "" for column in ROSTER_COLUMNS},
            "name": student,
            **{column: value for column, value in roster[student].items() if value},
        }
    named = NAMED_WITH_ID.match(student)
    if named:
        return {
            **{column: "" for column in ROSTER_COLUMNS},
            "student": student,
            "name": named["name"],
            "lms_id": named["id"],
        }
    return None


class Export:
    """The students of one exercise, ready for a platform: [(identity, gradebook row or None)] and notes."""

    def __init__(self, exercise, students, blank, unscored=None):
        self.exercise = exercise
        self.students = students  # [(identity, row)]; row None: nothing graded for them
        self.blank = blank  # {student: why nothing is graded for them}
        self.unscored = unscored or {}  # {student: answers awaiting review, sent as 0 (--ungraded zero)}

    @property
    def max_points(self):
        return sum(question.points for question in questions_for(self.exercise))


def prepare(gradebook, roster=None, exercise=None, ungraded="leave-out"):
    """Read the gradebook and roster and match them; raises BadInput listing every problem.

    With ungraded="zero" an answer still awaiting review is no problem: its points are not in the
    row's total yet, so it counts as 0 (the students are kept in `unscored` for the output)."""
    book = read_table(gradebook, "gradebook")
    if book and not {"student", "exercise", "points", "awaiting_review"} <= set(book[0]):
        raise BadInput([f"{gradebook} is not a gradebook written by python3 -m course grade"])
    people = read_roster(roster)
    graded = [row for row in book if row["exercise"] in EXERCISES and row.get("max_points", "") not in ("", "0")]
    graded_ids = {id(row) for row in graded}
    exercises = sorted({row["exercise"] for row in graded})
    if exercise is None and len(exercises) > 1:
        raise BadInput([f"{gradebook} holds several exercises ({', '.join(exercises)}): say which one with --exercise"])
    exercise = exercise or (exercises[0] if exercises else None)
    if exercise not in EXERCISES:
        raise BadInput(
            [
                f"no exercise to export: {gradebook} has no graded submission"
                if exercise is None
                else f"unknown exercise {exercise!r} (one of: {', '.join(EXERCISES)})"
            ]
        )
    problems, by_student, unscored = [], {}, {}
    for row in book:
        mine = id(row) in graded_ids and row["exercise"] == exercise
        student = row["student"]
        if mine and by_student.get(student):
            problems.append(
                f"{student} has two graded submissions of {exercise} ({by_student[student]['submission']}"
                f" and {row['submission']}): keep one and grade again"
            )
        elif mine or student not in by_student:
            by_student[student] = row if mine else None
            if mine and row["awaiting_review"].strip() and ungraded == "zero":
                unscored[student] = row["awaiting_review"].strip()
            elif mine and row["awaiting_review"].strip():
                problems.append(
                    f"{student}: {row['awaiting_review']} not scored yet (awaiting review): type the scores in the "
                    "scores.csv of the review folder grading wrote (review/ beside the gradebook unless you gave "
                    "--review), then run python3 -m course merge-review GRADEBOOK REVIEW/scores.csv --out GRADEBOOK "
                    "(or export with --ungraded zero)"
                )
    students, blank = [], {}
    for student, row in by_student.items():
        person = identity(student, people)
        if person is None:
            problems.append(
                f"{student}: no platform id (add them to a roster, e.g. --roster grades/lms-roster.csv, columns {','.join(ROSTER_COLUMNS)})"
            )
            continue
        if row is None:
            reasons = sorted({other["status"] for other in book if other["student"] == student})
            blank[person["name"]] = "; ".join(reasons)
        students.append((person, row))
    if problems:
        raise BadInput(problems)
    return Export(exercise, students, blank, unscored)


def grade_of(row, ungraded="leave-out"):
    """The points to send, as text; None for a student to leave out (nothing graded, not sent as zero)."""
    if row is None:
        return "0" if ungraded == "zero" else None
    return points_text(as_points(row["points"]) or 0)


def sent(export, ungraded):
    """[(person, row, grade text)] of the students whose grade goes to the platform."""
    return [
        (person, row, grade_of(row, ungraded)) for person, row in export.students if grade_of(row, ungraded) is not None
    ]


def write_canvas(export, path, assignment, ungraded="leave-out"):
    """Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment's
    column, named as in Canvas ("Exercise 02 (123)": the number is the assignment's id in Canvas).
    Returns the lines the command prints after the file's name."""
    rows = [["Points Possible", "", "", "", "", points_text(export.max_points)]]
    students = sent(export, ungraded)
    rows += [
        [person["name"], person["lms_id"], person["sis_user_id"], person["sis_login_id"], person["section"], grade]
        for person, row, grade in students
    ]
    write_atomically(path, [CANVAS_HEADER + [assignment]] + rows)
    most = points_text(export.max_points)
    example = next((grade for _, _, grade in students if grade not in ("0", most)), str(round(export.max_points * 0.9)))
    lines = [
        f"{path}: Canvas gradebook import, {plural(len(students))}, {export.exercise} out of {most} points",
        f'  Before importing, set the assignment\'s points to {most} in Canvas: the "Points Possible" row only '
        f"sets the points of an assignment the import creates, else {example} of {most} lands as {example}/100 "
        "in an assignment worth 100.",
    ]
    return lines + ungraded_lines(export, ungraded, "an empty cell would clear a grade Canvas already holds")


def plural(count):
    return f"{count} student{'' if count == 1 else 's'}"


def ungraded_lines(export, ungraded, why):
    lines = []
    if export.unscored:
        names = "; ".join(f"{student} ({answers})" for student, answers in export.unscored.items())
        lines.append(f"  Unscored answers counted as 0 (--ungraded zero): {names}")
    if not export.blank:
        return lines
    names = "; ".join(f"{name} ({reason})" for name, reason in export.blank.items())
    if ungraded == "zero":
        return lines + [f"  Given 0 (--ungraded zero), nothing graded: {names}"]
    return lines + [f"  Left out, nothing graded ({why}; --ungraded zero sends 0 instead): {names}"]


QUESTION_NOTES = re.compile(r" \| (?=Q\d+: )")


def moodle_comment(text):
    """A review comment as Moodle's worksheet import stores it (HTML) and its CSV reader reads it whole:
    (comment, True when a backslash had to be replaced)."""
    text = QUESTION_NOTES.sub("\n", text)  # merge-review's "Q4: … | Q6: …": each question's note on its own line
    text = "\n".join(line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n"))
    replaced = "\\" in text
    text = html.escape(text.replace("\\", BACKSLASH_LOOKALIKE), quote=False).replace("\n", "<br>")
    return text, replaced


def write_moodle(export, path, ungraded="leave-out"):
    """Moodle's offline grading worksheet, as its "Upload grading worksheet" reads it: one file, or two
    when only some students have a comment (the others' file has no comments column, so that Moodle
    keeps whatever comment it holds for them). Returns the lines the command prints."""
    most = points_text(export.max_points)
    students, backslashes = [], []
    for person, row, grade in sent(export, ungraded):
        comment, replaced = moodle_comment(row.get("review_comments", "") if row else "")
        if replaced:
            backslashes.append(person["name"])
        students.append(
            (
                [
                    f"{MOODLE_PARTICIPANT}{person['lms_id']}",
                    person["name"],
                    person["email"],
                    "",
                    f"{float(grade):.2f}",
                    f"{export.max_points:.2f}",
                    "Yes",
                    "",
                    "",
                ],
                comment,
            )
        )
    commented = [cells + [comment] for cells, comment in students if comment]
    plain = [cells for cells, comment in students if not comment]
    path = Path(path)
    files = []
    if commented:
        files.append((path, [MOODLE_HEADER + [MOODLE_COMMENTS]] + commented, "with their feedback comments"))
    if plain:
        where = path.with_name(f"{path.stem}_without_comments{path.suffix}") if commented else path
        files.append((where, [MOODLE_HEADER] + plain, "no comments column, so Moodle keeps any comment it holds"))
    lines = []
    for where, rows, what in files:
        write_atomically(where, rows)
        lines.append(
            f"{where}: Moodle grading worksheet, {plural(len(rows) - 1)} ({what}), "
            f"{export.exercise} out of {most} points"
        )
    if len(files) == 2:
        lines.append('  Upload both files: an empty "Feedback comments" cell would erase a comment already in Moodle.')
    lines += [
        f"  Before uploading, set the assignment's Maximum grade to {most} in Moodle (Settings > Grade): Moodle "
        "ignores the worksheet's \"Maximum Grade\" column and skips a grade above the assignment's maximum.",
        "  Upload with Moodle's language set to English (user menu > Language): Moodle finds the columns "
        '"Identifier", "Grade", "Last modified (grade)" and "Feedback comments" and the word '
        '"Participant" by their names in the uploader\'s language, and refuses the file otherwise.',
        "  Moodle skips, without a word, a Participant number that is not in the assignment (and a grade it "
        f"already holds): on a first upload it should report {len(students)} grades updated.",
    ]
    if commented:
        lines.append(
            '  The comments import only if the assignment\'s "Feedback comments" feedback type is enabled '
            "(Settings > Feedback types)."
        )
    if backslashes:
        lines.append(
            f"  A backslash in the comments of {', '.join(backslashes)} is written as {BACKSLASH_LOOKALIKE} "
            "(Moodle's CSV reader would misread a backslash)."
        )
    return lines + ungraded_lines(export, ungraded, "Moodle would skip an empty grade anyway")
