"""Gradebooks a learning platform imports: Canvas's gradebook import CSV and Moodle's grading worksheet.

    python -m takedown export gradebook.csv --canvas canvas.csv --assignment "Exercise 02 (123)"
    python -m takedown export gradebook.csv --moodle worksheet.csv

Who is who. A Canvas or Moodle download already names each student with the platform's id
(course/grading/submissions.py: "smithjane (12345)", "Jane Doe (12345)"), and that id is what the
platform matches on: Canvas's user ID, Moodle's participant number ("Participant 12345"). For
other layouts (one folder per student) give a roster, a CSV with the columns

    student,lms_id,name,email,sis_user_id,sis_login_id,section

where `student` is the gradebook's student column and `lms_id` the platform's id; only those two
are required (a roster row also overrides the name and id read from a download's file name).

What is exported: one row per student, their points for the exercise; the maximum is the
exercise's. A student whose file could not be graded gets an empty grade (the platform leaves an
empty grade alone) and is named in the command's output. Nothing is written, and every problem is
listed, when a student has no id, has two graded submissions, or has answers still awaiting review.
"""
import re

from course.grading.grade import points_text
from takedown.questions import EXERCISES, questions_for
from course.grading.review import BadInput, _read, _write_atomically, as_points

ROSTER_COLUMNS = ["student", "lms_id", "name", "email", "sis_user_id", "sis_login_id", "section"]
CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_HEADER = ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade",
                 "Grade can be changed", "Last modified (submission)", "Last modified (grade)", "Feedback comments"]
NAMED_WITH_ID = re.compile(r"^(?P<name>.+) \((?P<id>\d+)\)$")


def read_roster(path):
    """{gradebook student: {column: value}} from a roster CSV."""
    if path is None:
        return {}
    rows = _read(path, "roster")
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
        return {**{column: "" for column in ROSTER_COLUMNS}, "name": student, **{
            column: value for column, value in roster[student].items() if value}}
    named = NAMED_WITH_ID.match(student)
    if named:
        return {**{column: "" for column in ROSTER_COLUMNS}, "student": student, "name": named["name"],
                "lms_id": named["id"]}
    return None


class Export:
    """The students of one exercise, ready for a platform: [(identity, gradebook row or None)] and notes."""

    def __init__(self, exercise, students, blank):
        self.exercise = exercise
        self.students = students      # [(identity, row)]; row None: nothing graded for them
        self.blank = blank            # lines naming the students left with an empty grade, and why

    @property
    def max_points(self):
        return sum(question.points for question in questions_for(self.exercise))


def prepare(gradebook, roster=None, exercise=None):
    """Read the gradebook and roster and match them; raises BadInput listing every problem."""
    book = _read(gradebook, "gradebook")
    if book and not {"student", "exercise", "points", "awaiting_review"} <= set(book[0]):
        raise BadInput([f"{gradebook} is not a gradebook written by python -m takedown grade"])
    people = read_roster(roster)
    graded = [row for row in book if row["exercise"] in EXERCISES and row.get("max_points", "") not in ("", "0")]
    graded_ids = {id(row) for row in graded}
    exercises = sorted({row["exercise"] for row in graded})
    if exercise is None and len(exercises) > 1:
        raise BadInput([f"{gradebook} holds several exercises ({', '.join(exercises)}): "
                        "say which one with --exercise"])
    exercise = exercise or (exercises[0] if exercises else None)
    if exercise not in EXERCISES:
        raise BadInput([f"no exercise to export: {gradebook} has no graded submission" if exercise is None
                        else f"unknown exercise {exercise!r} (one of: {', '.join(EXERCISES)})"])
    problems, by_student = [], {}
    for row in book:
        mine = id(row) in graded_ids and row["exercise"] == exercise
        student = row["student"]
        if mine and by_student.get(student):
            problems.append(f"{student} has two graded submissions of {exercise} ({by_student[student]['submission']}"
                            f" and {row['submission']}): keep one and grade again")
        elif mine or student not in by_student:
            by_student[student] = row if mine else None
            if mine and row["awaiting_review"].strip():
                problems.append(f"{student}: {row['awaiting_review']} not scored yet (awaiting review): fill "
                                "review/scores.csv and run python -m takedown merge-review first")
    students, blank = [], []
    for student, row in by_student.items():
        person = identity(student, people)
        if person is None:
            problems.append(f"{student}: no platform id (add them to the roster: --roster, columns "
                            f"{','.join(ROSTER_COLUMNS)})")
            continue
        if row is None:
            reasons = sorted({other["status"] for other in book if other["student"] == student})
            blank.append(f"{student}: empty grade ({'; '.join(reasons)})")
        students.append((person, row))
    if problems:
        raise BadInput(problems)
    return Export(exercise, students, blank)


def grade_of(row):
    return "" if row is None else points_text(as_points(row["points"]) or 0)


def write_canvas(export, path, assignment):
    """Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment's
    column, named as in Canvas ("Exercise 02 (123)": the number is the assignment's id in Canvas)."""
    rows = [["Points Possible", "", "", "", "", points_text(export.max_points)]]
    rows += [[person["name"], person["lms_id"], person["sis_user_id"], person["sis_login_id"], person["section"],
              grade_of(row)] for person, row in export.students]
    _write_atomically(path, [CANVAS_HEADER + [assignment]] + rows)


def write_moodle(export, path):
    """Moodle's offline grading worksheet, as its "Upload grading worksheet" reads it."""
    most = f"{export.max_points:.2f}"
    rows = [[f"Participant {person['lms_id']}", person["name"], person["email"], "",
             "" if row is None else f"{as_points(row['points']) or 0:.2f}", most, "Yes", "", "",
             "" if row is None else row.get("review_comments", "")]
            for person, row in export.students]
    _write_atomically(path, [MOODLE_HEADER] + rows)


def export_text(export, written):
    lines = [f"{path}: {what}, {len(export.students)} students, {export.exercise} out of "
             f"{points_text(export.max_points)} points" for path, what in written]
    lines += [f"  {line}" for line in export.blank]
    return "\n".join(lines)

