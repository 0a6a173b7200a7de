"""A verdict on one answer: a status and a plain sentence, shown the same way everywhere.

The notebook shows it under the answer; the grader writes the same sentence to a gradebook.
"""

import difflib
import re
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


# ---- A tip under the errors a beginner meets first ---------------------------------------------------
# Each tip reads the line that failed, so that it speaks of what the student wrote there: a name inside an
# f-string's braces, after `~`, inside `table[...]`; a `~` before a text; two sets added with `+`; a column
# name that does not exist.


NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()


def _name_of(error):
    return getattr(error, "name", None) or next(iter(re.findall(r"name '(\w+)' is not defined", str(error))), "")


def name_error_tip(error, line="", known=()):
    """The tip shown under a NameError, fitted to where the unknown name sits in `line` (the line that
    failed, when known), or "" if the error is not a NameError with a name. `known`: the names the
    student's notebook has made, so that a misspelling gets the name it was meant to be."""
    name = _name_of(error) if isinstance(error, NameError) else ""
    if not name:
        return ""
    close = difflib.get_close_matches(name, [k for k in known if isinstance(k, str) and k[:1] != "_"], 1, 0.75)
    if close:
        return (
            f"Tip: Python knows no {name}, but it knows {close[0]}: compare the two spellings letter by letter "
            "(capitals count) and fix the one in your line."
        )
    number = difflib.get_close_matches(name.lower(), NUMBER_WORDS, 1, 0.75)
    if number:
        return (
            f"Tip: if you meant the number {number[0]}, type it in digits, without quotation marks: "
            f"{NUMBER_WORDS.index(number[0])}. If {name} is a variable, run the cell that creates it first, or check "
            "its spelling."
        )
    here = re.escape(name)
    if re.search(r"\{[^{}]*\b" + here + r"\b[^{}]*\}", line) and re.search(r"\bf[\"']", line):
        return (
            f"Tip: {name} is inside the braces {{ }} of an f-string, where Python expects a variable's name. "
            f"Check its spelling, letter by letter, against the line that makes the variable (capitals count)."
        )
    if re.search(r"~\s*" + here + r"\b", line):
        return (
            f'Tip: after ~ Python expects a True/False column, written table["column"], like '
            f'~countries["five_eyes"]. If {name} is a column\'s name, write it that way, in quotation marks; '
            f"if it is a variable, check its spelling."
        )
    if re.search(r"\[[^\[\]]*\b" + here + r"\b[^\[\]]*\]", line):
        return (
            f'Tip: inside table[...] a column\'s name is text: write it in quotation marks, ["{name}"]. '
            f"If {name} is a variable, check its spelling, or run the cell that makes it first."
        )
    return (
        f'Tip: if you meant the text {name}, put it in quotation marks: "{name}". If {name} is a variable, '
        "run the cell that creates it first, or check its spelling."
    )


def type_error_tip(error):
    """The tip under a TypeError from `~"text"`, from `set + set`, or from a function called without what it needs
    (often one meant to be handed over, not called), or ""."""
    message = str(error) if isinstance(error, TypeError) else ""
    if "unary ~" in message and "'str'" in message:
        return (
            "Tip: ~ turns a True/False column around; it cannot turn a text. Put ~ in front of the column "
            'itself, like ~countries["disputed"], not in front of the column\'s name in quotation marks.'
        )
    if re.search(r"for \+: 'set' and 'set'", message):
        return (
            "Tip: two sets are not added with +. Use & for what is in both, ^ for what is in one but not the "
            "other, | for everything in either, and - for what is in the first but not the second."
        )
    missing = re.search(r"^(\w+)\(\) missing \d+ required positional argument", message)
    if missing:
        return (
            f"Tip: {missing[1]}() was called without what it works on. If the line hands the function over for "
            f"something else to call (in a list of steps, say), write its name without brackets: {missing[1]}."
        )
    return ""


def key_error_tip(error):
    """The tip under a KeyError for a name (a column, or an entry of a dictionary) that does not exist, or ""."""
    if not isinstance(error, KeyError) or len(error.args) != 1 or not isinstance(error.args[0], str):
        return ""
    key = error.args[0]
    if " " in key.strip():  # the course's own KeyError already says, in a sentence, what is missing
        return ""
    return (
        f"Tip: there is no column (or entry) called '{key}'. Check its spelling and capitals against the "
        "table's header, or list the column names with table.columns (your table's name in place of table)."
    )


def error_tip(error, line="", known=()):
    """The plain-words tip for a NameError, TypeError or KeyError, or "" when the course has none."""
    return name_error_tip(error, line, known) or type_error_tip(error) or key_error_tip(error)


def failing_line(tb):
    """The line of the student's cell where the error happened ("" when it cannot be found)."""
    import traceback

    try:
        frames = traceback.extract_tb(tb)
    except Exception:  # a tip is a courtesy: never let it hide the error
        return ""
    cells = [frame for frame in frames if frame.filename.startswith("<") or "ipykernel_" in frame.filename]
    return (cells[-1].line or "") if cells else ""


def explain_name_errors(shell):
    """Under every NameError, TypeError or KeyError in this IPython shell, after the usual error, add its tip."""

    def with_tip(shell, etype, value, tb, tb_offset=None):  # IPython calls it instead of showing the error
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        tip = error_tip(value, failing_line(tb), list(getattr(shell, "user_ns", {}) or {}))
        if tip:
            print(tip)

    shell.set_custom_exc((NameError, TypeError, KeyError), with_tip)
