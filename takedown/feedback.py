"""A verdict on one answer: a status and a plain sentence, shown the same way everywhere.

The notebook shows it under the answer; the grader writes the same sentence to a gradebook.
"""

from dataclasses import dataclass
from html import escape

CORRECT = "correct"
INCORRECT = "incorrect"
WRONG_KIND = "wrong kind"
NOT_ATTEMPTED = "not attempted"
UNCHECKABLE = "could not check"
RAISED = "cell raised an error"
# A prediction, a finding, or an assessment's answer: kept, never marked right or wrong in the notebook
# (questions/activities.py; an assessment's answers are judged at grading, questions/assessment.py).
RECORDED = "recorded"

# Each status has a symbol and a word, so the colour is never the only signal.
LOOK = {
    CORRECT: ("✓", "Correct", "#1a7f37", "#e6f4ea"),
    INCORRECT: ("✗", "Not yet", "#b35900", "#fff4e5"),
    WRONG_KIND: ("✗", "Not yet", "#b35900", "#fff4e5"),
    NOT_ATTEMPTED: ("○", "Not attempted yet", "#555555", "#f2f2f2"),
    UNCHECKABLE: ("?", "Could not check", "#555555", "#f2f2f2"),
    RAISED: ("✗", "Your cell raised an error", "#b35900", "#fff4e5"),
    RECORDED: ("✎", "Recorded", "#0072B2", "#eef5fb"),
}


@dataclass(frozen=True)
class Verdict:
    status: str
    message: str
    question: str = ""

    @property
    def correct(self):
        return self.status == CORRECT

    def headline(self):
        symbol, word, _, _ = LOOK[self.status]
        where = f"{self.question} – " if self.question else ""
        return f"{symbol} {where}{word}"

    def __repr__(self):
        return f"{self.headline()}: {self.message}"

    def _repr_html_(self):
        _, _, ink, paper = LOOK[self.status]
        return (
            f'<div style="border-left: 6px solid {ink}; background: {paper}; color: #111; '
            f'padding: 0.5em 0.8em; margin: 0.3em 0;" role="status">'
            f"<strong>{escape(self.headline())}</strong>: {escape(self.message)}</div>"
        )


def correct(message):
    return Verdict(CORRECT, message)


def incorrect(message):
    return Verdict(INCORRECT, message)


def wrong_kind(message):
    return Verdict(WRONG_KIND, message)


def not_attempted(message="Replace the ... with your answer, then run the cell again."):
    return Verdict(NOT_ATTEMPTED, message)


def recorded(message):
    return Verdict(RECORDED, message)


def uncheckable(message):
    return Verdict(UNCHECKABLE, message)


def cell_raised(error_name, error_value="", said=False):
    """The verdict when the cell meant to give the answer stopped with an error (e.g. KeyError: 'eu').

    With said=True the sentence starts with the error itself ("KeyError: 'eu'. Read ..."), for a report
    that prints it right after the headline, which already says "Your cell raised an error".
    """
    error = f"{error_name}: {error_value}" if error_value else error_name
    advice = f"{error[:200]}. Read the last line of the error under the cell, fix that line and run the cell again."
    return Verdict(RAISED, advice if said else f"Your cell raised {advice}")


def in_a_kernel():
    """True in a Jupyter kernel (where a student sees the verdict), False in the grader's or pytest's process.

    Checks that only record (the assessments', and every graded question's in a hidden-checks edition)
    hide the verdict here only: the grader judges outside any kernel and gets it in full."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the course
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def show(value):
    """Show a verdict or note at once in a notebook and return None; outside one, return it.

    A cell shows only its last value, so `q1.check(x)` followed by `q1.hint()` would hide the verdict.
    Displaying each one as it is made keeps every verdict, hint and solution on screen.
    """
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython ships with the course
        return value
    if get_ipython() is None:
        return value
    display(value)
    return None


# ---- A tip under the errors a beginner meets first: takedown/error_tips.py (these names are imported from here).
from takedown.error_tips import (  # noqa: E402, F401
    error_tip,
    explain_name_errors,
    failing_line,
    key_error_tip,
    name_error_tip,
    syntax_error_tip,
    type_error_tip,
    value_error_tip,
)
