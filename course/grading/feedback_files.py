"""One feedback file per submission: the same plain sentences the notebook shows, never an expected answer.

A written answer a person scores is "✎ Received" until it is scored (its check looked only at the form, so
it is never "✓ Correct" here) and is kept out of the count of correct answers; merge-review then turns its
heading into the score (course/grading/review.py, update_feedback)."""

from pathlib import Path

from course.grading.gradebook import points_text


def received_heading(question, most):
    """The heading of a written answer a person has not scored yet."""
    return f"## ✎ {question} – Received (your teacher scores it, out of {points_text(most)} points)"


def scored_heading(question, points, most):
    """The heading of a written answer once a person scored it (merge-review --feedback)."""
    return f"## ✎ {question} – Scored by your teacher: {points} of {points_text(most)} points"


def counts_text(result):
    """ "2 of 6 correct", or, with written answers awaiting a person, the checked answers and those answers."""
    waiting = result.awaiting_review
    if not waiting:
        return f"{result.correct} of {len(result.verdicts)} correct"
    checked = [verdict for number, verdict in enumerate(result.verdicts, start=1) if number not in waiting]
    right = sum(verdict.correct for verdict in checked)
    return (
        f"{right} of {len(checked)} checked answer{'' if len(checked) == 1 else 's'} correct, and {len(waiting)} "
        f"written answer{'' if len(waiting) == 1 else 's'} your teacher scores"
    )


def feedback_text(result):
    """The student's feedback: the same plain sentences the notebook shows, never an expected answer."""
    lines = [f"# Feedback for {result.student} on {result.submission}", ""]
    if result.exercise:
        lines.append(
            f"Exercise {result.exercise}: {counts_text(result)}; "
            f"{points_text(result.points)} of {points_text(result.max_points)} points"
            + (" so far (your teacher scores the rest with the rubric)." if result.awaiting_review else ".")
        )
    if result.notes:
        lines += ["", "Notes from the grader: " + "; ".join(result.notes) + "."]
    if not result.verdicts:
        lines += [
            "",
            "This file could not be graded. Submit the exercise notebook from the course's "
            "exercises/ folder, saved from JupyterLab.",
        ]
    for verdict, points, most in zip(result.verdicts, result.scores, result.maxima):
        if points is None:  # a written answer awaiting a person: received, not judged
            heading = received_heading(verdict.question, most)
        else:
            worth = f"{points_text(points)} of {points_text(most)} point{'s' if most != 1 else ''}"
            heading = f"## {verdict.headline()} ({worth})"
        lines += ["", heading, "", verdict.message]
    return "\n".join(lines) + "\n"


def feedback_name(submission):
    """The feedback file's path inside the feedback folder: the submission's, a zip's name as a folder."""
    parts = [part[:-4] if part.lower().endswith(".zip") else part for part in Path(submission).parts]
    return Path(*parts).with_suffix(".md")


def write_feedback(results, folder):
    """One Markdown file per submission, in the same layout as the class folder (alice/02_countries.md)."""
    folder = Path(folder)
    written = set()
    for result in results:
        target = folder / feedback_name(result.submission)
        number = 1
        while target in written:  # two submissions with the same path (given from two folders)
            number += 1
            target = target.with_name(f"{feedback_name(result.submission).stem}-{number}.md")
        written.add(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(feedback_text(result), encoding="utf-8")
