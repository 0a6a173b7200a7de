"""One feedback file per submission: the same plain sentences the notebook shows, never an expected answer."""

from pathlib import Path

from course.grading.gradebook import points_text


def feedback_text(result):
    """The student's feedback: the same plain sentences the notebook shows, never an expected answer."""
    lines = [f"# Feedback for {result.student} on {result.submission}", ""]
    if result.exercise:
        lines.append(
            f"Exercise {result.exercise}: {result.correct} of {len(result.verdicts)} correct; "
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
        worth = (
            f"to be scored by your teacher, out of {points_text(most)} points"
            if points is None
            else f"{points_text(points)} of {points_text(most)} point{'s' if most != 1 else ''}"
        )
        lines += ["", f"## {verdict.headline()} ({worth})", "", verdict.message]
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
