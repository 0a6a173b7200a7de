"""Did the unit work for this class? Compare the pre- and post-assessment gradebooks, per item and per aim.

    python3 -m course gains pre.csv post.csv --out gains.csv [--chart gains.png] [--roster prepost-roster.csv]

`pre.csv` and `post.csv` are the gradebooks the grader wrote for exercises/pre_assessment.ipynb and
exercises/post_assessment.ipynb (`python3 -m course grade ... --out pre.csv`; for the written item, after
`merge-review`). Only students graded in both count; the others are listed with the reason they were left out.

For each pair of parallel items (Question N of both forms measures the same aim: the AIMS table of
takedown/questions/pre_assessment.py and post_assessment.py) and for each aim, the CSV gives:
  n            students with a score on both forms (a written answer still awaiting review is left out)
  before       the share of the points the class earned on the pre-assessment (for a one-point item: the
               share of students who were right), from 0 to 1
  after        the same on the post-assessment
  gain_g       the normalised gain, Hake's g = (after − before) / (1 − before): the share of what the class
               still had to learn that it learnt. Undefined (blank, with a note) when before = 1: nothing was
               left to learn on that item.
The two forms use different items, so an item's "before" and "after" are two parallel items, not one item
asked twice; the per-aim and overall rows pool the items and are the ones to read first.

Who is who. Students are paired by the gradebooks' student column. A class graded from two Moodle downloads
cannot be paired that way: Moodle numbers an assignment's participants afresh ("Jane Doe (12345)" in one,
"Jane Doe (67890)" in the other). Then give `--roster prepost-roster.csv` (not the roster `export` reads,
whose columns differ), one row per student:

    student,pre,post
    Jane Doe,Participant 12345,Participant 67890

`pre` and `post` say who the student is in each gradebook: the gradebook's student text ("Jane Doe (12345)"),
or the assignment's Moodle identifier ("Participant 12345", the first column of its grading worksheet, or just
12345); `student` is the name the report uses (optional). Students on the roster but missing from a gradebook,
and gradebook students not on the roster, are counted and named with the reason.
"""

import argparse
import csv
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

PRE, POST = "pre_assessment", "post_assessment"
REQUIRED = {"student", "exercise", "status", "Q1", "Q1_points"}


class GainsError(Exception):
    """Bad input: the message says what is wrong in plain words (the command prints it, no traceback)."""


@dataclass
class Gradebook:
    path: Path
    exercise: str
    scores: dict  # student -> [points per question, None when not scored]
    skipped: list = field(default_factory=list)  # (student, reason) for rows that cannot be used


def questions_of(exercise):
    from takedown.questions import questions_for

    return questions_for(exercise)


def aims_of(exercise):
    """{question name: aim key} from the assessment's module."""
    import importlib

    from takedown.questions import EXERCISES

    return importlib.import_module(EXERCISES[exercise]).AIMS


def as_points(text):
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_gradebook(path, exercise):
    """The scores of the `exercise` rows of a grader's gradebook, or a GainsError saying what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise GainsError(f"there is no file {path}" if not path.exists() else f"{path} is a folder, not a gradebook")
    try:
        with open(path, newline="", encoding="utf-8-sig") as file:  # -sig: a spreadsheet may add a BOM
            rows = list(csv.DictReader(file))
            header = set(rows[0]) if rows else set()
    except (UnicodeDecodeError, csv.Error):
        raise GainsError(f"{path} is not a gradebook: it is not a CSV text file") from None
    if not REQUIRED <= header:
        raise GainsError(
            f"{path} is not a gradebook written by `python3 -m course grade` (it needs the columns "
            "student, exercise, status, Q1, Q1_points...)"
        )
    exercises = {row["exercise"] for row in rows if row["exercise"]}
    if exercise not in exercises:
        other = {PRE: POST, POST: PRE}[exercise]
        hint = (
            f" It is the {other.replace('_', '-')}'s: give the pre-assessment's gradebook first, then the "
            "post-assessment's."
            if other in exercises
            else f" It holds {', '.join(sorted(exercises)) or 'no graded exercise'}."
        )
        raise GainsError(f"{path} has no {exercise} rows.{hint}")
    count = len(questions_of(exercise))
    book = Gradebook(path, exercise, {})
    for row in rows:
        student = (row["student"] or "").strip()
        if row["exercise"] != exercise:
            if row["exercise"] or student:
                reason = f"another exercise ({row['exercise']})" if row["exercise"] else f"not graded ({row['status']})"
                book.skipped.append((student or row.get("submission", "?"), f"{reason} in {path.name}"))
            continue
        if any(row.get(f"Q{n}") == "recorded" for n in range(1, count + 1)):
            raise GainsError(
                f"{path} holds answers that were only recorded, not judged: it was graded inside a "
                "notebook. Grade the submissions again with the command line, `python3 -m course grade`."
            )
        if student in book.scores:
            book.skipped.append((student, f"a second submission in {path.name} (the first one is used)"))
            continue
        book.scores[student] = [as_points(row.get(f"Q{n}_points")) for n in range(1, count + 1)]
    return book


# ---- Pairing students with a roster -----------------------------------------------------------

ROSTER_SIDES = ("pre", "post")
PARTICIPANT = re.compile(r"(?:participant\s*)?(\d+)", re.I)  # Moodle's worksheet "Participant 12345", or 12345
NAMED_WITH_ID = re.compile(r"\((\d+)\)$")  # the grader's "Jane Doe (12345)" from a Moodle or Canvas download


@dataclass
class RosterRow:
    line: int
    name: str
    pre: str
    post: str


def read_roster(path):
    """The roster's rows, or a GainsError saying what is wrong with the file."""
    path = Path(path)
    if not path.is_file():
        raise GainsError(f"there is no roster {path}" if not path.exists() else f"the roster {path} is a folder")
    try:
        with open(path, newline="", encoding="utf-8-sig") as file:
            reader = csv.DictReader(file)
            columns = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
            rows = list(reader)
    except (UnicodeDecodeError, csv.Error):
        raise GainsError(f"the roster {path} is not a CSV text file") from None
    missing = [side for side in ROSTER_SIDES if side not in columns]
    if missing:
        raise GainsError(
            f"the roster {path} has no {' and no '.join(missing)} column: it needs the columns student,pre,post "
            "(who each student is in the pre- and in the post-assessment's gradebook)"
        )

    def cell(row, column):
        return (row.get(columns.get(column, ""), "") or "").strip()

    roster, problems, seen = [], [], {}
    for line, row in enumerate(rows, start=2):
        pre, post = cell(row, "pre"), cell(row, "post")
        if not (pre or post or cell(row, "student")):
            continue  # an empty line
        entry = RosterRow(line, cell(row, "student") or pre or post, pre, post)
        for what, value in (("student", entry.name), ("pre", pre.casefold()), ("post", post.casefold())):
            if value and (what, value) in seen:
                problems.append(f"line {line}: {what} {value!r} is already on line {seen[what, value]}")
            seen.setdefault((what, value), line)
        roster.append(entry)
    if problems:
        raise GainsError(f"the roster {path} names a student twice (each must be on one line): " + "; ".join(problems))
    if not roster:
        raise GainsError(f"the roster {path} has no students")
    return roster


def find(identifier, book):
    """The gradebook student (usable or not) the roster's identifier names, or None."""
    if identifier in book.scores:
        return identifier
    everyone = list(book.scores) + [student for student, _ in book.skipped if student not in book.scores]
    number = PARTICIPANT.fullmatch(identifier)
    if number:
        found = [s for s in everyone if (m := NAMED_WITH_ID.search(s)) and m[1] == number[1]]
    else:
        found = [s for s in everyone if " ".join(s.split()).casefold() == " ".join(identifier.split()).casefold()]
    return found[0] if len(set(found)) == 1 else None


def paired(roster, pre, post, roster_path):
    """The two gradebooks keyed by the roster's names (only students found in both), and who was left out, why."""
    new_pre, new_post = Gradebook(pre.path, pre.exercise, {}), Gradebook(post.path, post.exercise, {})
    dropped, used = [], {PRE: set(), POST: set()}
    for entry in roster:
        found, why = {}, []
        for side, book, identifier in ((PRE, pre, entry.pre), (POST, post, entry.post)):
            form = side.replace("_", "-")
            student = find(identifier, book) if identifier else None
            if student:
                used[side].add(student)
            if student in book.scores:
                found[side] = student
            elif student:
                reasons = [reason for name, reason in book.skipped if name == student]
                why.append(f"their {form} could not be used ({reasons[0] if reasons else 'not graded'})")
            elif identifier:
                why.append(f"{book.path.name} has no student {identifier!r}")
            else:
                why.append(f"no {form} identifier on the roster")
        if len(found) == 2:
            new_pre.scores[entry.name] = pre.scores[found[PRE]]
            new_post.scores[entry.name] = post.scores[found[POST]]
            dropped += [  # a second submission, say: its first one is used
                (entry.name, reason)
                for side, book in ((PRE, pre), (POST, post))
                for student, reason in book.skipped
                if student == found[side]
            ]
            continue
        took = "".join(f"took the {side.replace('_', '-')} only: " for side in found)
        dropped.append((entry.name, f"{took}{'; '.join(why)} ({roster_path.name}, line {entry.line})"))
    for side, book in ((PRE, pre), (POST, post)):
        not_listed = f"not on the roster ({roster_path.name})"
        dropped += [
            (student, f"in {book.path.name} but {not_listed}") for student in book.scores if student not in used[side]
        ]
        dropped += [
            (student, f"{reason}; {not_listed}")
            for student, reason in book.skipped
            if student not in used[side] and student not in book.scores
        ]
    if not new_pre.scores:
        raise GainsError(
            f"no student on the roster {roster_path.name} was found in both gradebooks (e.g. line {roster[0].line}: "
            f"{dropped[0][1]}). Its pre and post columns name each student as the gradebooks do, "
            "e.g. 'Jane Doe (12345)', or by the assignment's Moodle identifier, e.g. 'Participant 12345'"
        )
    return new_pre, new_post, dropped


def share(pairs, maxima):
    """The share of the points earned over (points, item number) pairs."""
    most = sum(maxima[number] for _, number in pairs)
    return sum(points for points, _ in pairs) / most if most else None


def hake_g(before, after):
    """(g, note): g is None, with the reason, when before is 1 (nothing left to learn)."""
    if before is None or after is None:
        return None, "no student with a score on both forms"
    if before >= 1:
        return None, "undefined: every student was right before, so there was nothing left to gain"
    return (after - before) / (1 - before), ""


def gains(pre, post):
    """(rows of the gains table, students matched, students dropped with their reasons)."""
    pre_questions, post_questions = questions_of(PRE), questions_of(POST)
    pre_aims, post_aims = aims_of(PRE), aims_of(POST)
    if len(pre_questions) != len(post_questions) or any(
        pre_aims[a.name] != post_aims[b.name] for a, b in zip(pre_questions, post_questions)
    ):
        raise GainsError("the two assessments' items are not parallel (see their AIMS tables)")
    matched = sorted(set(pre.scores) & set(post.scores))
    dropped = [
        (student, f"took the pre-assessment only ({pre.path.name})")
        for student in sorted(set(pre.scores) - set(post.scores))
    ]
    dropped += [
        (student, f"took the post-assessment only ({post.path.name})")
        for student in sorted(set(post.scores) - set(pre.scores))
    ]
    # A row that could not be used counts only for a student with no usable row (not for a second submission).
    dropped += [
        (student, reason)
        for student, reason in pre.skipped + post.skipped
        if student not in matched and student not in pre.scores and student not in post.scores
    ]
    dropped += [(student, reason) for student, reason in pre.skipped + post.skipped if student in matched]
    if not matched:
        raise GainsError(
            f"no student is in both gradebooks ({len(pre.scores)} in {pre.path.name}, {len(post.scores)} in "
            f"{post.path.name}): check that both were graded from the same class, with the same names. A class "
            "graded from two Moodle downloads has different participant numbers in each: pair the students "
            "with --roster prepost-roster.csv (columns student,pre,post)"
        )
    maxima_before = {n: q.points for n, q in enumerate(pre_questions)}
    maxima_after = {n: q.points for n, q in enumerate(post_questions)}

    def pairs(numbers):
        before, after, students = [], [], set()
        for student in matched:
            for n in numbers:
                b, a = pre.scores[student][n], post.scores[student][n]
                if b is not None and a is not None:  # a written answer awaiting review on either form is left out
                    before.append((b, n))
                    after.append((a, n))
                    students.add(student)
        return before, after, len(students)

    def row(level, item, aim, numbers):
        before, after, n = pairs(numbers)
        shares = share(before, maxima_before), share(after, maxima_after)
        g, note = hake_g(*shares)
        waiting = sum(
            pre.scores[student][k] is None or post.scores[student][k] is None for student in matched for k in numbers
        )
        if waiting:  # a written answer not scored yet: `python3 -m course merge-review` first
            left_out = f"{waiting} answer{'s' if waiting != 1 else ''} awaiting review left out"
            note = f"{note}; {left_out}" if note else left_out
        return {
            "level": level,
            "item": item,
            "aim": aim,
            "n": n,
            "before": shares[0],
            "after": shares[1],
            "gain_g": g,
            "note": note,
        }

    from takedown.questions.assessment import AIM_NAMES

    rows = [row("item", question.name, pre_aims[question.name], [n]) for n, question in enumerate(pre_questions)]
    for aim in AIM_NAMES:
        numbers = [n for n, question in enumerate(pre_questions) if pre_aims[question.name] == aim]
        if numbers:
            rows.append(row("aim", "", aim, numbers))
    rows.append(row("all", "", "all items", list(range(len(pre_questions)))))
    return rows, matched, dropped


def rounded(value):
    return "" if value is None else f"{value:.2f}"


def aim_name(aim):
    """The aim in a teacher's words ("Tell running totals from per-period figures"); "All items" for the total."""
    from takedown.questions.assessment import AIM_NAMES

    return AIM_NAMES.get(aim, "All items" if aim == "all items" else aim)


def write_csv(rows, path):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(
            ["level", "item", "aim", "aim_name", "n", "share_right_before", "share_right_after", "gain_g", "note"]
        )
        for row in rows:
            writer.writerow(
                [
                    row["level"],
                    row["item"],
                    row["aim"],
                    aim_name(row["aim"]),
                    row["n"],
                    rounded(row["before"]),
                    rounded(row["after"]),
                    rounded(row["gain_g"]),
                    row["note"],
                ]
            )


def chart(rows, path):
    """Before and after per aim, as paired bars labelled with g; returns the one-sentence text alternative."""
    import matplotlib

    matplotlib.use("Agg")  # a file, no window
    import matplotlib.pyplot as plt

    from takedown.charts.style import OKABE_ITO
    from takedown.questions.assessment import AIM_NAMES

    aims = [row for row in rows if row["level"] in ("aim", "all")]
    labels = [AIM_NAMES.get(row["aim"], "All items") for row in aims]
    fig, ax = plt.subplots(figsize=(11, 0.8 * len(aims) + 2.2))
    places = range(len(aims))
    before = [100 * (row["before"] or 0) for row in aims]
    after = [100 * (row["after"] or 0) for row in aims]
    ax.barh([p - 0.2 for p in places], before, height=0.4, color=OKABE_ITO[0], label="Before (pre-assessment)")
    ax.barh([p + 0.2 for p in places], after, height=0.4, color=OKABE_ITO[4], label="After (post-assessment)")
    for place, row in zip(places, aims):
        g = "g undefined" if row["gain_g"] is None else f"g = {row['gain_g']:.2f}"
        ax.text(max(before[place], after[place]) + 2, place, f"{g} (n = {row['n']})", va="center", fontsize=9.5)
    ax.set_yticks(list(places), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 130)  # room for the labels right of a full bar
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("Share of the points the class earned (%)")
    ax.set_ylabel("Aim of the unit")
    ax.set_title("The class before and after the unit, per aim")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=9.5, frameon=False)
    fig.tight_layout()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    overall = aims[-1]
    gains_by_aim = [(row["gain_g"], label) for row, label in zip(aims[:-1], labels) if row["gain_g"] is not None]
    g = "undefined" if overall["gain_g"] is None else f"{overall['gain_g']:.2f}"
    if not gains_by_aim:
        spread = "no aim's gain could be computed"
    elif len({round(gain, 2) for gain, _ in gains_by_aim}) == 1:
        spread = f"every aim's gain was the same (g = {gains_by_aim[0][0]:.2f})"
    else:
        spread = f'the largest gain was in "{max(gains_by_aim)[1]}", the smallest in "{min(gains_by_aim)[1]}"'
    return (
        f"Paired bar chart of {len(aims) - 1} aims for {overall['n']} students: over all items the class earned "
        f"{100 * (overall['before'] or 0):.0f}% of the points before the unit and {100 * (overall['after'] or 0):.0f}% "
        f"after (normalised gain g = {g}); {spread}."
    )


def reading_g(students):
    """One sentence on how to read g, with the class's size (a small class makes g jumpy)."""
    return (
        "How to read g: it is the share of the possible gain the class made (0: none of what it still had to "
        "learn, 1: all of it; below 0: it did worse after); under about 20 students, or for one item with few "
        "answers, one student moves it a lot, so read it as a rough sign, not a measure "
        f"(this class: {students} student{'' if students == 1 else 's'})."
    )


def report(rows, matched, dropped, out):
    lines = [
        f"{len(matched)} student{'s' if len(matched) != 1 else ''} took both assessments; "
        f"{len(dropped)} left out" + (":" if dropped else ".")
    ]
    lines += [f"  {student}: {reason}" for student, reason in dropped]
    for row in rows:
        if row["level"] != "item":
            g = "g undefined" if row["gain_g"] is None else f"g = {row['gain_g']:.2f}"
            note = f"; {row['note']}" if row["note"] else ""
            lines.append(
                f"  {aim_name(row['aim'])}: {rounded(row['before'])} before, {rounded(row['after'])} after, {g} "
                f"(n = {row['n']}{note})"
            )
    lines.append(reading_g(len(matched)))
    lines.append(f"wrote {out}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m course gains",
        description="Compare a class's pre- and post-assessment gradebooks: per item and per aim, the share right "
        "before and after and the normalised gain (Hake's g).",
    )
    parser.add_argument("pre", help="the pre-assessment's gradebook (python3 -m course grade ... --out pre.csv)")
    parser.add_argument("post", help="the post-assessment's gradebook")
    parser.add_argument("--out", required=True, help="where to write the gains table (CSV)")
    parser.add_argument("--chart", help="also draw the gains per aim (PNG); its text alternative goes beside it (.txt)")
    parser.add_argument(
        "--roster",
        help="pair students whose names differ between the gradebooks (two Moodle downloads): a CSV, e.g. "
        "grades/prepost-roster.csv, with the columns student,pre,post, each student's name in the pre- and in the post-assessment's gradebook or "
        "their Moodle identifier there (Participant 12345)",
    )
    args = parser.parse_args(argv)
    try:
        pre, post = read_gradebook(args.pre, PRE), read_gradebook(args.post, POST)
        unpaired = []
        if args.roster:
            pre, post, unpaired = paired(read_roster(args.roster), pre, post, Path(args.roster))
        rows, matched, dropped = gains(pre, post)
        dropped = unpaired + dropped
    except GainsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    write_csv(rows, args.out)
    print(report(rows, matched, dropped, args.out))
    if args.chart:
        alt = chart(rows, args.chart)
        alt_path = Path(args.chart).with_suffix(".txt")
        alt_path.write_text(alt + "\n", encoding="utf-8")
        print(f"wrote {args.chart} and its text alternative {alt_path}:\n  {alt}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
