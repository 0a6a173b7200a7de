"""Exercise questions with instant feedback, in the style of Kaggle's learntools.

Each exercise has a module here (`article`, `countries`, ...) defining its questions once:
how to judge an answer, its hints, and the name of the variable that holds the answer. The exercise
notebook, the solution notebook, the grader and the tests all use these same objects.

The answers themselves are not here: the solution notebooks (`solutions/NN_name.ipynb`) are the one
source of every exercise's answer key, and `q.solution()` reads it from there when asked
(takedown/questions/keys.py). Where that folder is absent (a student edition, the grading sandbox)
it says when solutions will come. The lessons' practice checks (`lesson_NN`, `welcome`) are never
graded and their answers are discussed in the lesson right after them, so they keep their one-line
solutions inline (`solution_code=`).

    from takedown.questions.countries import q1
    q1.check(answer)   # a verdict in plain words, never a traceback
    q1.hint()          # a nudge; q1.hint(2), q1.hint(3) ... are more specific
    q1.solution()      # the answer key's code (where the solution notebooks are)

In a notebook each of these shows its box at once, so a cell can call all three and every box
stays on screen; outside a notebook they return the Verdict or Note (`verdict` always does).

Points. A question is worth `points` (1 unless it says otherwise). A right answer earns all of them;
any other earns none, unless the question has a `partial` function: for an answer the check calls
incorrect (not a blank, not one of the wrong kind), `partial(answer)` gives the share of the points
it earns, from 0 to 1 (e.g. a list of countries with one of two missing: 0.5). `score` never gives
less than 0 or more than `points`, whatever `partial` returns. The verdict shown is unchanged: a
partly right answer is still "Not yet".

A question with a `rubric` needs a person: the grader exports its text answers to a review page
(course/grading/review.py) and leaves its points blank until the instructor's scores are merged.

Hidden checks. In a kernel, a check that only records says "Recorded: a whole number, 12" for a right and a
wrong answer alike (`only_the_form`): the pre- and post-assessment's checks always (`recorded_only`), and
every exercise question's in an edition released with `--hidden-checks` (takedown/edition.py). A wrong kind
of answer is still told, hints stay, the lessons' practice checks keep full feedback, and the grader, which
judges outside any kernel, always gets the full verdict.
"""

import ast
import importlib
import math
import numbers
import sys
from dataclasses import dataclass, replace
from html import escape

from takedown import edition, feedback

# How a value is described to a student; the text module uses it too, so it sits below the questions.
from takedown.kinds import is_nan, is_real_number, kind_of, several_numbers  # noqa: F401

try:  # in a notebook, a NameError such as `answer = b` also says how to write text (takedown/feedback.py)
    from IPython import get_ipython

    if get_ipython() is not None:
        feedback.explain_name_errors(get_ipython())
except ImportError:
    pass

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
    "pre_assessment": "takedown.questions.pre_assessment",  # before lesson 01 (no NN_: not a lesson's exercise)
    "post_assessment": "takedown.questions.post_assessment",  # after lesson 08
}

# Checked questions inside the lessons (not exercises): lesson 00's practice question, and each
# lesson's in-lesson checks (predictions, multiple choice, "which source would settle this?").
# They are never graded; a lesson imports them, e.g. `from takedown.questions.lesson_01 import c1`.
PRACTICE = {
    "00_start_here": "takedown.questions.welcome",
}
for _number in (name[:2] for name in EXERCISES if name[:2].isdigit()):  # the assessments have no lesson
    PRACTICE[f"lesson_{_number}"] = f"takedown.questions.lesson_{_number}"


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
        return (
            f'<div style="border-left: 6px solid #0072B2; background: #eef5fb; color: #111; '
            f'padding: 0.5em 0.8em; margin: 0.3em 0;"><strong>{escape(self.title)}</strong>: '
            f"{body}</div>"
        )


# What q.solution() says where the solution notebooks are absent (a student edition), unless the instructor's
# `release student --solutions-note` wrote another sentence into solutions_note.txt beside this file.
SOLUTIONS_LATER = "Solutions will be available after the deadline – ask your instructor."


@dataclass(frozen=True)
class Rubric:
    """How a person scores an answer: one row per criterion, one column per level, each level worth points."""

    levels: tuple  # ((level, points), ...), best first, e.g. (("Strong", 2), ("Adequate", 1), ...)
    criteria: tuple  # ((criterion, (what each level looks like, in the order of `levels`)), ...)

    @property
    def max_points(self):
        return len(self.criteria) * max(points for _, points in self.levels)


@dataclass(frozen=True)
class Question:
    """One question: how to judge an answer, hints, the answer's name, and what it is worth."""

    name: str
    judge: object  # function: answer -> Verdict (only called with a real attempt)
    hints: tuple
    solution_code: str = ""  # lessons' practice checks only; an exercise's key is in its solution notebook
    answer_name: str = ""  # the variable the check and the grader read (practice: the last name assigned)
    points: float = 1
    partial: object = None  # function: an incorrect answer -> the share of the points it earns (0 to 1)
    rubric: Rubric = None  # set when a person scores the answer (course/grading/review.py)

    def __post_init__(self):
        if not self.answer_name and self.solution_code:
            object.__setattr__(self, "answer_name", assigned_names(self.solution_code)[-1])
        if not self.answer_name:
            raise ValueError(f"{self.name}: give the variable that holds the answer (answer_name=...)")
        if (
            isinstance(self.points, bool)
            or not isinstance(self.points, numbers.Real)
            or not (math.isfinite(self.points) and self.points > 0)
        ):
            raise ValueError(f"{self.name}: points must be a positive number, not {self.points!r}")
        if self.rubric is not None and self.rubric.max_points != self.points:
            raise ValueError(
                f"{self.name}: worth {self.points} points, but its rubric gives {self.rubric.max_points} at most"
            )

    @property
    def needs_review(self):
        """True when a person scores the answer with the rubric (the check only looks at its form)."""
        return self.rubric is not None

    def score(self, answer=..., verdict=None):
        """The points an answer earns (give its `verdict` when it is known, to judge it once)."""
        verdict = verdict if verdict is not None else self.verdict(answer)
        if verdict.correct:
            return self.points
        if self.partial is None or verdict.status != feedback.INCORRECT:
            return 0
        try:
            share = float(self.partial(answer))
        except Exception:  # a partial-credit rule must never stop a check or a grade
            return 0
        if not math.isfinite(share):
            return 0
        return min(self.points, round(self.points * min(1.0, max(0.0, share)), 2))

    def check(self, answer=...):
        """Show the verdict on an answer in a notebook (return it elsewhere)."""
        return feedback.show(self.verdict(answer))

    def verdict(self, answer=...):
        """Judge an answer; `...` (the placeholder) means the question was not attempted, and so does the text
        "..." (the placeholder of a written answer, between triple quotation marks)."""
        if answer is ... or (isinstance(answer, str) and answer.strip() in ("...", "…")):
            verdict = feedback.not_attempted()
        else:
            try:
                verdict = self.judge(answer)
            except Exception:  # a check must never show a student a traceback
                verdict = feedback.uncheckable(
                    f"Your answer ({kind_of(answer)}) could not be read by the check. "
                    "Make sure the cell above ran without an error, then try again."
                )
        verdict = replace(verdict, question=self.name)
        if self.checks_hidden():
            verdict = only_the_form(verdict, answer, getattr(self.judge, "describe", None))
        if self.needs_review and verdict.correct and feedback.in_a_kernel():
            # A person scores it with the rubric: the notebook keeps the answer and never calls it right.
            verdict = replace(verdict, status=feedback.RECORDED)
        return verdict

    def checks_hidden(self):
        """True where this question's verdict is hidden: in a kernel, in a hidden-checks edition, for an
        exercise's (graded) question; never for a lesson's practice check, never in the grader."""
        return edition.hidden_checks() and feedback.in_a_kernel() and place_of(self)[0] in EXERCISES

    def hint(self, number=1):
        """The first hint, or hint `number` (hints get more specific)."""
        number = max(1, min(int(number), len(self.hints)))
        more = f" (hint {number} of {len(self.hints)})" if len(self.hints) > 1 else ""
        return feedback.show(Note(f"Hint for {self.name}{more}", self.hints[number - 1]))

    def solution(self):
        """The answer key's code for this question, read from its solution notebook (without it: when solutions
        come)."""
        code = answer_key(self)
        if not code:
            from takedown.questions import keys

            return feedback.show(Note(f"Solution for {self.name}", keys.solutions_note() or SOLUTIONS_LATER))
        return feedback.show(Note(f"Solution for {self.name}", code, code=True))


# ---- Checks that only record an answer's form --------------------------------------------------

AFTER_GRADING = "This check does not say whether it is right: your instructor sees that after grading."


def form_of(answer):
    """What was recorded, in plain words, without judging it: "a whole number, 12", "the text 'UK'"."""
    if isinstance(answer, bool) or answer is None:
        return kind_of(answer)
    if isinstance(answer, numbers.Integral):
        return f"a whole number, {int(answer)}"
    if is_real_number(answer) and not is_nan(answer):
        number = float(answer)
        return f"a whole number, {int(number)}" if number.is_integer() else f"a number, {round(number, 6)!r}"
    if isinstance(answer, str):
        words = len(answer.split())
        if words > 6 or "\n" in answer.strip():
            return f"a text of {words} words"
        return f"the text {shortened(answer.strip())}"
    if isinstance(answer, (list, tuple, set)):
        items = len(answer)
        shown = repr(sorted(answer, key=str) if isinstance(answer, set) else answer)
        listed = f", {shown}" if len(shown) <= 60 else ""
        return f"{kind_of(answer)} of {items} item{'' if items == 1 else 's'}{listed}"
    if hasattr(answer, "shape") and len(getattr(answer, "shape", ())) >= 1:
        rows = answer.shape[0]
        return f"{kind_of(answer)} of {rows} row{'' if rows == 1 else 's'}"
    return kind_of(answer)


def only_the_form(verdict, answer, describe=None):
    """The verdict a student sees where a check only records: a right or a wrong answer becomes "Recorded:
    <what it is>" (`describe(answer)`, else `form_of`). Every other verdict keeps its message: a wrong kind,
    an empty answer or an error is about the form, not about whether the answer is right."""
    if verdict.status not in (feedback.CORRECT, feedback.INCORRECT):
        return verdict
    try:
        described = (describe or form_of)(answer)
    except Exception:  # describing must never stop a check
        described = kind_of(answer)
    return feedback.Verdict(feedback.RECORDED, f"{described}. {AFTER_GRADING}", verdict.question)


def recorded_only(judge, describe=None):
    """A judge that, in a kernel, always says only that an answer of the right form was recorded (the
    assessments'). `describe(answer)` says what was recorded ("option c"; default `form_of`)."""

    def hidden(answer):
        verdict = judge(answer)
        return only_the_form(verdict, answer, describe) if feedback.in_a_kernel() else verdict

    hidden.describe = describe
    return hidden


def place_of(question):
    """(exercise or lesson, number from 1) of a question whose module is loaded, or (None, 0)."""
    for notebook, module in {**EXERCISES, **PRACTICE}.items():
        loaded = sys.modules.get(module)
        for number, candidate in enumerate(getattr(loaded, "QUESTIONS", ()), start=1):
            if candidate is question:
                return notebook, number
    return None, 0


def answer_key(question):
    """A question's answer key: an exercise's from its solution notebook ('' where that is absent), a
    practice check's from its module. The one function the tools and the tests read keys with."""
    if question.solution_code:
        return question.solution_code
    notebook, number = place_of(question)
    if notebook not in EXERCISES:
        return ""
    from takedown.questions import keys

    return keys.answer_code(notebook, number)


def assigned_names(code):
    """Names the code assigns at its top level, in order: `a = 1; b, c = 2, 3` -> [a, b, c]."""
    names = []
    for statement in ast.parse(code).body:
        targets = (
            statement.targets
            if isinstance(statement, ast.Assign)
            else ([statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) else [])
        )
        for target in targets:
            for node in ast.walk(target):
                if isinstance(node, ast.Name) and node.id not in names:
                    names.append(node.id)
    return names


# ---- Describing and reading answers safely -------------------------------------------------


def without_commas(value):
    """The number a tuple like (574, 109) was meant to be, written as text ("574109"), or None.

    Python reads 574,109 as (574, 109) and 1,000 as (1, 0): after the first part, each part is a group of
    three digits (0, or 100 to 999: "050" is not allowed in Python, so (1, 50) was not typed as 1,050).
    The last part may have decimals (1,706.4 is (1, 706.4)). Anything else gives None.
    """
    if not several_numbers(value):
        return None
    first, *groups = value
    if not (isinstance(first, numbers.Integral) and 0 < first < 1000):
        return None
    digits = str(int(first))
    for position, group in enumerate(groups, start=1):
        if isinstance(group, numbers.Integral):
            if not (group == 0 or 100 <= group <= 999):
                return None
            digits += f"{int(group):03d}"
        elif position == len(groups) and 0 <= group < 1000 and "e" not in repr(float(group)):
            whole, decimals = repr(float(group)).split(".")
            digits += f"{int(whole):03d}.{decimals}"
        else:
            return None
    return digits


def shortened(text, limit=40):
    """A student's text, quoted the Python way (quotes, \\n for a new line) and cut to about `limit` characters."""
    text = str(text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def not_a_number(answer, wanted, text_tip=" Write the number without quotation marks.", other_tip="", empty=""):
    """The wrong-kind verdict on an answer that should be a number and is not one.

    `wanted` says what was expected, e.g. "a whole number, like 12". A text gets `text_tip`; a table, a
    list or the like gets `other_tip` (e.g. "Reduce it to a single number"). NaN gets a message of its
    own (`empty` names what to check, e.g. "the scenario's name"); so do numbers typed with commas.
    """
    if is_nan(answer):
        where = f", e.g. {empty}" if empty else ""
        return feedback.wrong_kind(
            "Your answer is NaN ('not a number'): pandas gives it when there was nothing to compute with, "
            f"most often because the rows you picked were empty. Check the spelling of the names you compare "
            f"with{where}."
        )
    if several_numbers(answer):
        meant = without_commas(answer)
        if meant is not None:
            tip = f" Write the number without commas, like {meant}."
        else:
            tip = (
                " Write one number, without commas: in Python a decimal point is a dot, like 1.5, and "
                "thousands have no separator, like 12345."
            )
    elif isinstance(answer, str):
        tip = text_tip
    elif not isinstance(answer, type) and (hasattr(answer, "shape") or isinstance(answer, (list, tuple, set, dict))):
        tip = other_tip
    else:
        tip = ""
    return feedback.wrong_kind(f"I expected {wanted}, but got {kind_of(answer)}.{tip}")


def as_whole_number(value):
    """The value as an int if it is a whole number (3, 3.0, numpy's int64), else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        return None
    if value != int(value):
        return None
    return int(value)


def as_number(value):
    """The value as a float if it is a real, finite number (not True/False), else None."""
    if not is_real_number(value):
        return None
    try:
        number = float(value)
    except (OverflowError, TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_texts(value):
    """A list, tuple, set or pandas Series of texts as a list of stripped strings, else None."""
    if isinstance(value, str) or not hasattr(value, "__iter__") or isinstance(value, dict):
        return None
    items = list(value)
    if not all(isinstance(item, str) for item in items):
        return None
    return [item.strip() for item in items]


def diagnosis(number, mistakes, close):
    """What a wrong number most likely means: the message of the first known mistake it matches, else None.

    `mistakes` is a sequence of (mistake, message): a mistake is the value a known slip gives (a running total
    taken for a period, hours counted as days, the header counted as a row...), or a function that takes the
    student's number and says True when it matches; `close(a, b)` compares numbers with the question's tolerance."""
    for mistake, message in mistakes:
        try:
            matched = mistake(number) if callable(mistake) else close(number, mistake)
        except Exception:  # a diagnosis must never stop a check
            matched = False
        if matched:
            return message
    return None


def wrong_number(shown, number, mistakes, otherwise, close):
    """The verdict on a wrong number: what it most likely means, else what to re-examine — never which way
    to go ("too high", "too low", "more", "fewer" would let a student halve the range without any code)."""
    said = diagnosis(number, mistakes, close)
    if said is None:
        said = otherwise or "Re-read the question: which rows, which column and which period does it ask about?"
    return feedback.incorrect(f"{shown} is not the answer yet. {said}")


def _otherwise(otherwise, too_low, too_high):
    # Older checks gave one tip for each side; both are shown together, so neither says which way to go.
    return " ".join(part for part in (otherwise, too_low, too_high) if part)


def judge_whole_number(answer, expected, what, mistakes=(), otherwise="", empty="", too_low="", too_high=""):
    """Compare a whole-number answer. A wrong one gets what it most likely means (`mistakes`: see diagnosis),
    else `otherwise`: what to re-examine. The message never says which way to go."""
    number = as_whole_number(answer)
    if number is None:
        return not_a_number(answer, "a whole number, like 12", empty=empty)
    if number == expected:
        return feedback.correct(f"Yes: {number} {what}.")
    return wrong_number(number, number, mistakes, _otherwise(otherwise, too_low, too_high), lambda a, b: a == b)


def judge_number(answer, expected, what, mistakes=(), otherwise="", empty="", too_low="", too_high=""):
    """Compare a number with `expected()`; rounding to a whole item is fine.

    `expected` is a function, so the model runs only for answers that are numbers. The message never
    shows the expected value, nor which way to go: a wrong number gets what it most likely means
    (`mistakes`, see diagnosis), else `otherwise`. `empty` names what to check when the answer is NaN
    (see not_a_number). `too_low` and `too_high` are older checks' two tips, now always shown together."""
    number = as_number(answer)
    if number is None:
        return not_a_number(
            answer,
            "a single number, like 512.3",
            empty=empty,
            other_tip=" Reduce it to a single number, for example with .mean() or .min().",
        )
    expected = expected()

    def close(a, b):
        return abs(a - b) <= max(1.0, 0.001 * abs(b))

    if close(number, expected):
        return feedback.correct(f"Yes: about {number:,.0f} {what}.")
    return wrong_number(f"{number:,.1f}", number, mistakes, _otherwise(otherwise, too_low, too_high), close)


DIRECTION_WORDS = (
    "too high",
    "too low",
    "too small",
    "too large",
    "too big",
    "too many",
    "too few",
    "higher",
    "lower",
    "more than that",
    "fewer than that",
    "go up",
    "go down",
)


def multiple_choice(correct, explanations):
    """A judge for a one-letter choice, e.g. multiple_choice("b", {"a": "...", "b": "...", "c": "..."}).

    `explanations` says, for every option, why it is right or wrong: a student who picks a wrong
    option reads why that option is wrong, not which one is right. Answers are letters as text
    ("b", "B", " (b) " all count as b); other text is told to give the letter only.
    """
    options = sorted(explanations)
    if correct not in explanations:
        raise ValueError(f"the correct option {correct!r} has no explanation")
    quoted = [f'"{option}"' for option in options]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" or {quoted[-1]}"  # "a", "b" or "c"

    def judge(answer):
        choice = answer.strip().strip("()").strip().lower() if isinstance(answer, str) else None
        if isinstance(answer, str) and choice not in explanations:
            given = "empty text" if not answer.strip() else shortened(answer.strip())
            return feedback.wrong_kind(
                f"I expected one letter, {listed}, but got {given}: write only the letter of your option."
            )
        if choice not in explanations:
            return feedback.wrong_kind(
                f'I expected one of the letters {listed} as text, like "{options[0]}", but got {kind_of(answer)}.'
            )
        if choice == correct:
            return feedback.correct(explanations[choice])
        return feedback.incorrect(explanations[choice])

    judge.describe = letter  # where the check only records: "option c"
    return judge


def letter(answer):
    """A multiple-choice answer as it is recorded: " (B) " is "option b"."""
    return f"option {answer.strip().strip('()').strip().lower()}"
