"""Answers a person scores: one review page per question, a scores file, and merging the scores back.

    python3 -m course grade submissions/ --exercise 08_capstone --out gradebook.csv
        # also writes review/08_capstone_Q4.html and review/scores.csv beside the gradebook
    python3 -m course merge-review gradebook.csv review/scores.csv --out gradebook.csv [--feedback feedback/]

A question with a rubric (takedown/questions: the capstone's assessment) is checked as usual, but
only a person can score it. For each such question the grader writes one HTML page with the rubric
and every student's answer side by side (a row each), and `scores.csv` with one row per text answer
and an empty `score` column. Every answer is escaped and shown as plain text in a paragraph: never
run, never rendered as HTML, never shown as code. The pages work offline (no script, no link out).
A student without a text answer is listed on the page with the check's verdict and scores 0.

Re-grading keeps the scores already typed in scores.csv for the same submission and question.
`merge-review` reads the filled scores.csv and writes the gradebook with those points and comments;
it checks every row first (a score above the question's maximum or below 0, a score that is not a
number, an unknown student or question) and, if any is wrong, prints one line per problem and
writes nothing. An empty score leaves that answer awaiting review. With `--feedback`, the feedback
file (written by `grade --feedback`) of each student with a score in the scores file ends with the
teacher's scores and comments and the new total, and each scored answer's "✎ Received" heading gives
its score; merging again replaces that part, so it is never doubled.
"""

import csv
import functools
import re
from pathlib import Path

import jinja2

from course.grading.csvfiles import BadInput, as_points, read_csv, read_table, write_atomically  # noqa: F401
from course.grading.feedback_files import scored_heading
from course.grading.grade import feedback_name, gradebook_header, points_text
from takedown.questions import EXERCISES, questions_for

SCORES_HEADER = ["student", "submission", "exercise", "question", "max_points", "score", "comment", "rubric_rows"]
# rubric_rows (optional): each rubric row's level points, in the review page's order ("2 1 2 0 1 2 2"); summed
# into the score, and each row echoed in the student's feedback.
ROW_SEPARATORS = re.compile(r"[\s,;/]+")


def review_questions(exercise):
    """[(number, question)] of the exercise's questions that a person scores."""
    if exercise not in EXERCISES:
        return []
    return [
        (number, question) for number, question in enumerate(questions_for(exercise), start=1) if question.needs_review
    ]


def page_name(exercise, number):
    return f"{exercise}_Q{number}.html"


# ---- Writing the review pages and the scores file -------------------------------------------


def write_review(results, folder, gradebook="gradebook.csv", feedback=None):
    """Write one page per question needing review and scores.csv; return (pages, scores path, scores kept).

    Nothing is written when no graded submission has such a question. `gradebook` (and the `feedback`
    folder, if any) are named in the merge command the pages show."""
    folder = Path(folder)
    merge = f"python3 -m course merge-review {gradebook} {folder / 'scores.csv'} --out {gradebook}"
    if feedback:
        merge += f" --feedback {Path(feedback)}"
    pages = []
    rows = []
    for exercise in dict.fromkeys(result.exercise for result in results if result.verdicts):
        graded = [result for result in results if result.exercise == exercise and result.verdicts]
        for number, question in review_questions(exercise):
            folder.mkdir(parents=True, exist_ok=True)
            page = folder / page_name(exercise, number)
            page.write_text(page_html(exercise, number, question, graded, merge), encoding="utf-8")
            pages.append(page)
            rows += [
                [result.student, result.submission, exercise, f"Q{number}", points_text(question.points), "", "", ""]
                for result in graded
                if number in result.to_review
            ]
    if not pages:
        return [], None, 0
    scores = folder / "scores.csv"
    kept = _keep_scores_entered(rows, scores)
    with open(scores, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(SCORES_HEADER)
        writer.writerows(rows)
    return pages, scores, kept


def _keep_scores_entered(rows, scores):
    """Copy into `rows` the scores and comments already typed in an earlier scores.csv; how many."""
    if not scores.exists():
        return 0
    try:
        earlier = {(row.get("submission"), row.get("exercise"), row.get("question")): row for row in read_csv(scores)}
    except (OSError, UnicodeDecodeError, csv.Error):
        return 0
    kept = 0
    for row in rows:
        old = earlier.get((row[1], row[2], row[3]))
        typed = [(old.get(column) or "").strip() for column in ("score", "comment", "rubric_rows")] if old else []
        if any(typed):
            row[5], row[6], row[7] = typed[0], old.get("comment") or "", typed[2]
            kept += 1
    return kept


STYLE = """
body { font-family: system-ui, sans-serif; font-size: 1rem; line-height: 1.5; color: #111; background: #fff;
       max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
th, td { border: 1px solid #767676; padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #eef5fb; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; margin: 0; max-width: 60rem; }
.none { font-style: italic; color: #444; }
.check { color: #333; font-size: 0.95rem; font-weight: normal; }
.answers th:first-child { width: 16%; } .answers td:nth-child(2) { width: 56%; }
"""


def page_html(exercise, number, question, results, merge):
    """The review page of one question: the rubric, then every graded submission's answer.

    The page is a Jinja2 template with autoescape on: every student's text is escaped and shown as plain
    text, never rendered as HTML."""
    rubric = question.rubric
    rows = [
        {
            "student": result.student,
            "submission": result.submission,
            "answer": result.to_review.get(number),
            "status": result.verdicts[number - 1].status,
            "headline": result.verdicts[number - 1].headline(),
            "message": result.verdicts[number - 1].message,
        }
        for result in results
    ]
    return (
        _template().render(
            title=f"Review: {exercise}, {question.name}",
            style=STYLE,
            merge=merge,
            question=question.name,
            points=points_text(question.points),
            to_score=sum(number in result.to_review for result in results),
            levels=[(level, points_text(points)) for level, points in rubric.levels],
            criteria=rubric.criteria,
            example_rows=" ".join(
                points_text(rubric.levels[place % len(rubric.levels)][1]) for place in range(len(rubric.criteria))
            ),
            rows=rows,
        )
        + "\n"
    )


@functools.cache
def _template():
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,
        keep_trailing_newline=False,
    )
    return environment.get_template("review.html")


# ---- Merging the scores into the gradebook --------------------------------------------------


def merge_review(gradebook, scores, out):
    """Merge the scores typed in `scores` into `gradebook`, written to `out`; return (merged, still awaiting).

    Raises BadInput (every problem, one line each) and writes nothing when a row is wrong."""
    book = read_table(gradebook, "gradebook")
    header = list(book[0].keys()) if book else gradebook_header(0)
    if not {"student", "submission", "exercise", "points", "awaiting_review", "review_comments"} <= set(header):
        raise BadInput(
            [
                f"{gradebook} is not a gradebook written by python3 -m course grade "
                "(it has no points or awaiting_review column)"
            ]
        )
    filled = read_table(scores, "scores file")
    missing = [
        column
        for column in ("student", "submission", "question", "score")
        if column not in (filled[0].keys() if filled else SCORES_HEADER)
    ]
    if missing:
        raise BadInput(
            [
                f"{scores} has no {missing[0]} column: use the scores.csv the grader wrote "
                f"(columns {', '.join(SCORES_HEADER)})"
            ]
        )
    rows = {(row["student"], row["submission"]): row for row in book}
    problems, changes, seen = [], [], set()
    for line, entry in enumerate(filled, start=2):  # line 1 is the header
        problem, change = _check_entry(entry, rows, header, seen)
        if problem:
            problems.append(f"{scores}, line {line}: {problem}")
        elif change:
            changes.append(change)
    if problems:
        raise BadInput(problems)
    for row, number, points, comment in changes:
        row[f"Q{number}_points"] = points_text(points)
        waiting = [name for name in row["awaiting_review"].split() if name != f"Q{number}"]
        row["awaiting_review"] = " ".join(waiting)
        notes = [note for note in row["review_comments"].split(" | ") if note and not note.startswith(f"Q{number}: ")]
        if comment:
            notes.append(f"Q{number}: {' '.join(comment.split())}")
        row["review_comments"] = " | ".join(sorted(notes))
    for row in book:
        row["points"] = points_text(
            sum(
                as_points(row[column]) or 0
                for column in header
                if column.endswith("_points") and column != "max_points" and row[column].strip()
            )
        )
    write_atomically(out, [header] + [[row.get(column, "") for column in header] for row in book])
    awaiting = [(row["student"], name) for row in book for name in row["awaiting_review"].split()]
    return len(changes), awaiting


# ---- Telling students their reviewed scores ---------------------------------------------------

TEACHER_HEADING = "## Scored by your teacher"


SCORED_LINE = re.compile(r"^Question (\d+): ", re.M)


def typed_scores(scores):
    """{(student, submission): {question number: rubric rows typed, or ""}} of the rows of a scores file
    that have a score (or rubric rows) typed."""
    typed = {}
    for entry in read_table(scores, "scores file"):
        question = (entry.get("question") or "").strip()
        levels = (entry.get("rubric_rows") or "").strip()
        if ((entry.get("score") or "").strip() or levels) and question[1:].isdigit():
            key = ((entry.get("student") or "").strip(), (entry.get("submission") or "").strip())
            typed.setdefault(key, {})[int(question[1:])] = levels
    return typed


def rubric_lines(question, levels):
    """Each rubric row as the student reads it ("  - Evidence fits the claim: Strong (2 of 2)")."""
    names = {points: level for level, points in reversed(question.rubric.levels)}
    most = points_text(max(points for _, points in question.rubric.levels))
    return [
        f"  - {criterion}: {names.get(as_points(points), '')} ({points_text(as_points(points))} of {most})"
        for (criterion, _), points in zip(question.rubric.criteria, ROW_SEPARATORS.split(levels))
    ]


def told_rows(told):
    """{question number: its rubric lines} in a feedback file's earlier teacher's section."""
    rows, number = {}, None
    for line in told.splitlines():
        found = SCORED_LINE.match(line)
        if found:
            number = int(found[1])
        elif number is not None and line.startswith("  - "):
            rows.setdefault(number, []).append(line)
        else:
            number = None
    return rows


def teacher_section(row, numbers, rows=None):
    """The lines a student reads about their answers a person scored (question `numbers`), or [] when none is;
    `rows`: {question number: the lines of its rubric rows}."""
    comments = dict(note.split(": ", 1) for note in row["review_comments"].split(" | ") if ": " in note)
    lines = []
    for number, question in review_questions(row["exercise"]):
        points = row.get(f"Q{number}_points", "").strip()
        if number in numbers and points:
            comment = comments.get(f"Q{number}", "")
            lines.append(
                f"Question {number}: {points} of {points_text(question.points)} points."
                + (f" Comment: {comment}" if comment else "")
            )
            lines += (rows or {}).get(number, [])
    if not lines:
        return []
    waiting = row["awaiting_review"].split()
    total = f"Your points now: {row['points']} of {row['max_points']}" + (
        f" ({', '.join(waiting)} still to be scored)." if waiting else "."
    )
    return [TEACHER_HEADING, ""] + lines + ["", total]


def update_feedback(gradebook, folder, scores):
    """End the feedback file of each student with a score typed in `scores` with `teacher_section`, and turn
    each scored answer's "Received" heading into its score; return (files updated, files missing).

    Only the rows of the scores file with a score are told "Scored by your teacher" (an answer the check
    scored 0, e.g. a blank one, was never a person's); the questions an earlier merge told are kept."""
    typed = typed_scores(scores)
    updated, missing = 0, []
    for row in read_table(gradebook, "gradebook"):
        key = (row["student"], row["submission"])
        if key not in typed:
            continue
        path = Path(folder) / feedback_name(row["submission"])
        if not path.is_file():
            missing.append(str(path))
            continue
        earlier, _, told = path.read_text(encoding="utf-8").partition(TEACHER_HEADING)
        numbers = set(typed[key]) | {int(number) for number in SCORED_LINE.findall(told)}
        rows = told_rows(told)
        questions = dict(review_questions(row["exercise"]))
        for number, levels in typed[key].items():
            rows[number] = rubric_lines(questions[number], levels) if levels and number in questions else []
        section = teacher_section(row, numbers, rows)
        if not section:
            continue
        earlier = earlier.rstrip("\n").replace(
            " so far (your teacher scores the rest with the rubric).", " before your teacher's scores below."
        )
        for number, question in review_questions(row["exercise"]):
            points = row.get(f"Q{number}_points", "").strip()
            if number in numbers and points:
                earlier = re.sub(
                    rf"^## ✎ {re.escape(question.name)} – (Received|Scored by your teacher).*$",
                    scored_heading(question.name, points, question.points),
                    earlier,
                    flags=re.M,
                )
        path.write_text(earlier + "\n\n" + "\n".join(section) + "\n", encoding="utf-8")
        updated += 1
    return updated, missing


def _check_entry(entry, rows, header, seen):
    """(problem, None) or (None, change) or (None, None) for a row left empty."""
    student, submission = (entry.get("student") or "").strip(), (entry.get("submission") or "").strip()
    question, typed = (entry.get("question") or "").strip(), (entry.get("score") or "").strip()
    row = rows.get((student, submission))
    if row is None:
        return f"unknown student {student!r} with submission {submission!r}: not in the gradebook", None
    reviewed = dict((f"Q{number}", item) for number, item in review_questions(row["exercise"]))
    if question not in reviewed or f"{question}_points" not in header:
        return f"{question!r} is not a question a person scores in {row['exercise'] or 'this submission'}", None
    if (student, submission, question) in seen:
        return f"{student} has two rows for {question}: keep one", None
    seen.add((student, submission, question))
    levels = (entry.get("rubric_rows") or "").strip()
    if not typed and not levels:
        return None, None
    if levels:
        rubric = reviewed[question].rubric
        values = ROW_SEPARATORS.split(levels)
        allowed = [points for _, points in rubric.levels]
        if len(values) != len(rubric.criteria):
            return (
                f"{student} ({question}) has {len(values)} rubric rows; the rubric of {reviewed[question].name} "
                f"has {len(rubric.criteria)}"
            ), None
        for place, value in enumerate(values, start=1):
            if as_points(value) not in allowed:
                return (
                    f"the rubric row {place} for {student} ({question}) is {value}: each row is one of "
                    f"{', '.join(points_text(points) for points in allowed)}"
                ), None
        total = sum(as_points(value) for value in values)
        if typed and as_points(typed) != total:
            return (
                f"the score {typed} for {student} ({question}) is not the sum of its rubric rows ({points_text(total)})"
            ), None
        typed = typed or points_text(total)
    points, most = as_points(typed), reviewed[question].points
    if points is None:
        return f"the score {typed!r} for {student} ({question}) is not a number", None
    if points < 0:
        return f"the score {typed} for {student} ({question}) is below 0", None
    if points > most:
        return f"the score {typed} for {student} ({question}) is above the maximum of {points_text(most)}", None
    return None, (row, int(question[1:]), points, (entry.get("comment") or "").strip())
