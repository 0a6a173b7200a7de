"""The gradebook (one row per submission), the list of skipped files, and the class's summary and chart."""

import csv
from pathlib import Path

from course.grading.statuses import TIME_LIMIT_TWICE
from takedown.questions import questions_for


def points_text(value):
    """Points as a gradebook writes them: 2, 1.5, 0.33; blank for None (awaiting review)."""
    return "" if value is None else f"{round(value, 2):g}"


def gradebook_header(width):
    per_question = [name for n in range(1, width + 1) for name in (f"Q{n}", f"Q{n}_points")]
    return [
        "student",
        "submission",
        "exercise",
        *per_question,
        "correct",
        "out_of",
        "points",
        "max_points",
        "awaiting_review",
        "review_comments",
        "status",
    ]


def write_gradebook(results, path):
    """CSV: one row per submission: who, which file, each question's status and points, the totals and the status."""
    width = max((len(result.verdicts) for result in results), default=0)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(gradebook_header(width))
        for result in results:
            cells = [
                cell
                for verdict, points in zip(result.verdicts, result.scores)
                for cell in (verdict.status, points_text(points))
            ]
            writer.writerow(
                [
                    result.student,
                    result.submission,
                    result.exercise,
                    *cells,
                    *[""] * (2 * width - len(cells)),
                    result.correct,
                    len(result.verdicts),
                    points_text(result.points),
                    points_text(result.max_points),
                    " ".join(f"Q{n}" for n in result.awaiting_review),
                    "",
                    result.status,
                ]
            )


def skipped_path(gradebook):
    """Where the list of skipped files goes: beside the gradebook, e.g. gradebook_skipped.csv."""
    gradebook = Path(gradebook)
    return gradebook.with_name(f"{gradebook.stem}_skipped.csv")


def write_skipped(skipped, path):
    """CSV of every file that was not graded, and why (written even when empty, so it is never stale)."""
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["file", "reason"])
        writer.writerows([item.name, item.reason] for item in skipped)


def skipped_text(skipped, limit=20):
    if not skipped:
        return "No file was skipped."
    lines = [f"Skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} (not graded):"]
    lines += [f"  {item.name}: {item.reason}" for item in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(f"  … and {len(skipped) - limit} more")
    return "\n".join(lines)


def success_by_question(results):
    """{(exercise, question name): (correct, graded)} over the submissions that were run."""
    table = {}
    for result in results:
        for verdict in result.verdicts:
            correct, graded = table.get((result.exercise, verdict.question), (0, 0))
            table[(result.exercise, verdict.question)] = (correct + verdict.correct, graded + 1)
    return table


def points_by_exercise(results):
    """{exercise: (points earned by all its submissions, the most one can earn, how many)}."""
    table = {}
    for result in results:
        if result.verdicts:
            points, _, count = table.get(result.exercise, (0, 0, 0))
            table[result.exercise] = (points + result.points, result.max_points, count + 1)
    return table


def reviewed_questions(results):
    """{(exercise, question name)} of the questions a person scores (with a rubric), among those graded."""
    found = set()
    for result in results:
        names = {verdict.question for verdict in result.verdicts}
        for question in questions_for(result.exercise) if result.verdicts else ():
            if question.needs_review and question.name in names:
                found.add((result.exercise, question.name))
    return found


def summary_text(results):
    graded = [result for result in results if result.verdicts]
    students = len({result.student for result in results})
    lines = [
        f"{len(results)} submissions from {students} student{'s' if students != 1 else ''}: "
        f"{len(graded)} graded, {len(results) - len(graded)} could not be graded."
    ]
    waiting = sum(len(result.awaiting_review) for result in results)
    scored_by_you = reviewed_questions(results)
    for (exercise, question), (correct, total) in success_by_question(results).items():
        if (exercise, question) in scored_by_you:  # the check saw only the answer's form: no "correct" yet
            lines.append(f"  {exercise} {question}: {correct} of {total} answered, for you to score with its rubric")
        else:
            lines.append(f"  {exercise} {question}: {correct} of {total} correct ({correct / total:.0%})")
    for exercise, (points, most, count) in points_by_exercise(results).items():
        so_far = " (before your rubric scores)" if waiting else ""
        lines.append(
            f"  {exercise}: {points_text(points / count)} points on average{so_far}, out of {points_text(most)}"
        )
    if waiting:
        lines.append(
            f"  {waiting} answer{'s' if waiting != 1 else ''} await{'s' if waiting == 1 else ''} "
            "a person's review (their points are not in the totals yet)"
        )
    problems = {}
    for result in results:
        for note in result.notes:
            problems[note] = problems.get(note, 0) + 1
    lines += [f"  {count} × {note}" for note, count in problems.items()]
    for result in results:
        if result.retried:
            outcome = "reached the limit again" if TIME_LIMIT_TWICE in result.notes else "finished"
            lines.append(
                f"  {result.submission} reached a time limit, was run again alone with double the limits, and {outcome}"
            )
    return "\n".join(lines)


def success_chart(results):
    """Bar chart of the share of correct answers per question (a Chart with its text alternative)."""
    import matplotlib.pyplot as plt

    from takedown.charts.style import OKABE_ITO, matplotlib_chart

    table = success_by_question(results)
    labels = [f"{exercise} · {question}" for exercise, question in table]
    shares = [100 * correct / total for correct, total in table.values()]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(labels) + 1.8))
    bars = ax.barh(labels, shares, color=OKABE_ITO[4])
    ax.bar_label(
        bars,
        labels=[f"{share:.0f}% ({correct}/{total})" for share, (correct, total) in zip(shares, table.values())],
        padding=3,
    )
    ax.invert_yaxis()
    ax.set_xlim(0, 118)  # room for the label of a full bar
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("Correct answers, as a share of the submissions graded for that exercise (%)")
    ax.set_ylabel("Question")
    ax.set_title("How the class did on each question")
    fig.tight_layout()
    hardest = labels[shares.index(min(shares))] if shares else "none"
    alt = (
        f"Bar chart of {len(labels)} questions: correct answers range from {min(shares, default=0):.0f}% "
        f"to {max(shares, default=0):.0f}% of the submissions graded; the hardest was {hardest}."
    )
    return matplotlib_chart(fig, alt)
