"""Exercise questions with instant feedback, in the style of Kaggle's learntools.

Each exercise has a module here (`article`, `countries`, ...) defining its questions once:
how to judge an answer, hints, and the solution code. The exercise notebook, the solution
notebook and the tests all use these same objects.

    from takedown.questions.countries import q1
    q1.check(answer)   # a verdict in plain words, never a traceback
    q1.hint()          # a nudge; q1.hint(2), q1.hint(3) ... are more specific
    q1.solution()      # the answer key's code

In a notebook each of these shows its box at once, so a cell can call all three and every box
stays on screen; outside a notebook they return the Verdict or Note (`verdict` always does).
"""
import ast
import importlib
import math
import numbers
from dataclasses import dataclass, replace
from html import escape

from takedown import feedback

# Exercise notebook name (without .ipynb) -> module that defines its questions.
# A lesson's line is uncommented when its solution notebook exists.
EXERCISES = {
    "01_the_article": "takedown.questions.article",
    "02_countries": "takedown.questions.countries",
    "03_outlets": "takedown.questions.outlets",
    "04_timeline": "takedown.questions.timeline",
    "05_measuring": "takedown.questions.measuring",
    "06_model": "takedown.questions.model",
    "07_policy_and_framing": "takedown.questions.framing",
    "08_capstone": "takedown.questions.capstone",
}

# Questions shown in lessons (not exercises), for practice.
PRACTICE = {
    "00_start_here": "takedown.questions.welcome",
}


def questions_for(notebook):
    """The questions of one exercise or lesson, in order, e.g. questions_for("02_countries")."""
    return importlib.import_module({**EXERCISES, **PRACTICE}[notebook]).QUESTIONS


@dataclass(frozen=True)
class Note:
    """A hint or a solution, shown as a short boxed text."""
    title: str
    body: str
    code: bool = False

    def __repr__(self):
        return f"{self.title}:\n{self.body}"

    def _repr_html_(self):
        body = f"<pre>{escape(self.body)}</pre>" if self.code else escape(self.body)
        return (f'<div style="border-left: 6px solid #0072B2; background: #eef5fb; color: #111; '
                f'padding: 0.5em 0.8em; margin: 0.3em 0;"><strong>{escape(self.title)}</strong>: '
                f"{body}</div>")


# What q.solution() says in a student edition; `release student --solutions-note` rewrites this line there.
SOLUTIONS_LATER = "Solutions will be available after the deadline – ask your instructor."


@dataclass(frozen=True)
class Question:
    """One question: how to judge an answer, hints, and the solution's code."""
    name: str
    judge: object          # function: answer -> Verdict (only called with a real attempt)
    hints: tuple
    solution_code: str = ""   # empty in a student edition (takedown/release.py), which keeps only answer_name
    answer_name: str = ""     # the variable that holds the answer: by default the last name the solution assigns

    def __post_init__(self):
        if not self.answer_name:
            object.__setattr__(self, "answer_name", assigned_names(self.solution_code)[-1])

    def check(self, answer=...):
        """Show the verdict on an answer in a notebook (return it elsewhere)."""
        return feedback.show(self.verdict(answer))

    def verdict(self, answer=...):
        """Judge an answer; `...` (the placeholder) means the question was not attempted."""
        if answer is ...:
            verdict = feedback.not_attempted()
        else:
            try:
                verdict = self.judge(answer)
            except Exception:  # a check must never show a student a traceback
                verdict = feedback.uncheckable(
                    f"Your answer ({kind_of(answer)}) could not be read by the check. "
                    "Make sure the cell above ran without an error, then try again.")
        return replace(verdict, question=self.name)

    def hint(self, number=1):
        """The first hint, or hint `number` (hints get more specific)."""
        number = max(1, min(int(number), len(self.hints)))
        more = f" (hint {number} of {len(self.hints)})" if len(self.hints) > 1 else ""
        return feedback.show(Note(f"Hint for {self.name}{more}", self.hints[number - 1]))

    def solution(self):
        """The answer key's code for this question (in a student edition: when solutions come)."""
        if not self.solution_code:
            return feedback.show(Note(f"Solution for {self.name}", SOLUTIONS_LATER))
        return feedback.show(Note(f"Solution for {self.name}", self.solution_code, code=True))


def assigned_names(code):
    """Names the code assigns at its top level, in order: `a = 1; b, c = 2, 3` -> [a, b, c]."""
    names = []
    for statement in ast.parse(code).body:
        targets = statement.targets if isinstance(statement, ast.Assign) else (
            [statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) else [])
        for target in targets:
            for node in ast.walk(target):
                if isinstance(node, ast.Name) and node.id not in names:
                    names.append(node.id)
    return names


# ---- Describing and reading answers safely -------------------------------------------------

def kind_of(value):
    """A plain description of what kind of value a student gave, e.g. 'text (str)'."""
    if value is None:
        return "nothing (None)"
    if isinstance(value, bool):
        return "True/False (bool)"
    if isinstance(value, numbers.Integral):
        return "a whole number (int)"
    if isinstance(value, numbers.Real):
        return "a decimal number (float)"
    if isinstance(value, str):
        return "text (str)"
    names = {list: "a list", tuple: "a tuple", set: "a set", dict: "a dictionary (dict)"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    try:
        return f"a {type(value).__module__.split('.')[0]} {type(value).__name__}"
    except Exception:
        return "a value of an unusual kind"


def as_whole_number(value):
    """The value as an int if it is a whole number (3, 3.0, numpy's int64), else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        return None
    if value != int(value):
        return None
    return int(value)


def as_texts(value):
    """A list, tuple, set or pandas Series of texts as a list of stripped strings, else None."""
    if isinstance(value, str) or not hasattr(value, "__iter__") or isinstance(value, dict):
        return None
    items = list(value)
    if not all(isinstance(item, str) for item in items):
        return None
    return [item.strip() for item in items]


def judge_whole_number(answer, expected, what, too_low="", too_high=""):
    """Compare a whole-number answer, saying only whether it is too low or too high."""
    number = as_whole_number(answer)
    if number is None:
        tip = " Write the number without quotation marks." if isinstance(answer, str) else ""
        return feedback.wrong_kind(f"I expected a whole number, like 12, but got {kind_of(answer)}.{tip}")
    if number == expected:
        return feedback.correct(f"Yes: {number} {what}.")
    if number < expected:
        return feedback.incorrect(f"{number} is too low. {too_low}".strip())
    return feedback.incorrect(f"{number} is too high. {too_high}".strip())
