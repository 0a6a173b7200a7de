"""Written answers that a person scores with a short rubric: the reasoning question of each exercise.

The check looks only at the form – text, of a sensible length – and says so ("✎ Recorded" in a notebook, never
"✓ Correct"); it never pretends to judge the reasoning (a check that looks for words like "no" or "not" would credit "Yes, we have it, no doubt"). The grader
exports the text to the review page (course/grading/review.py), where the instructor scores it with the
question's `Rubric`.
"""

import re

from takedown import feedback
from takedown.questions import Rubric, kind_of

LEVELS = (("Strong", 2), ("Adequate", 1), ("Needs work", 0))


def word_count(text):
    return len(re.findall(r"[^\W_]+(?:[’'.,-][^\W_]+)*%?", text))


def rubric(*criteria):
    """A rubric with the course's three levels (2, 1, 0 points): criteria are (name, (strong, adequate, weak))."""
    return Rubric(levels=LEVELS, criteria=tuple(criteria))


def written(least, most, asks):
    """A judge for a written answer of `least` to `most` words; `asks` says what a short answer should add."""

    def judge(answer):
        if not isinstance(answer, str):
            return feedback.wrong_kind(
                f'I expected your answer as text, between """ and """, but got {kind_of(answer)}.'
            )
        words = word_count(answer)
        if words < least:
            return feedback.incorrect(
                f"Your answer has {words} word{'' if words == 1 else 's'}; write at least {least}: {asks}"
            )
        if words > most:
            return feedback.incorrect(f"Your answer has {words} words; keep it to {most} at most.")
        # Question.verdict shows it as "Recorded" in a notebook (a person scores it); the grader counts it answered.
        return feedback.correct(
            f"{words} words kept. The check does not judge the reasoning: your teacher "
            "scores it with the rubric shown above the question – read it against yours."
        )

    return judge
