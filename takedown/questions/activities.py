"""Activities where the student writes, orders or records something, built on `Question`.

Each activity is a Question (takedown/questions/__init__.py), so a lesson lists it in its QUESTIONS,
the pace estimate counts it, the fuzz tests feed it odd values, and any bad input gets a sentence,
never a traceback. In a notebook every call shows its box at once; elsewhere it returns the Verdict.

    Prediction        predict – observe – explain: record a guess (never marked), then what surprised you
    FadedExample      complete the missing part (`___`) of a given line; the value it gives is judged
    ModifyAndPredict  predict what a change to a line will give, make the change, compare
    Parsons           put given lines in order; the check names the first position that is not right yet
    LateralReading    record what you found about a source (who publishes it, the original release...);
                      checked for form only, scored later by a person with a three-level rubric
    (charts.chart_with_closed_alt(chart), in takedown/charts/disclosure.py: a chart whose text
     alternative waits in a closed disclosure, for a prediction asked about it)

A course author's rules, shared by all of them: every message in plain words for someone who has never
programmed; a wrong answer is told what to re-examine, never the right answer and never "too high" or
"too low"; nothing a student types can make a check raise.
"""

import ast
import builtins
import io
import math
import numbers
import random
import re
import string
import tokenize
from dataclasses import dataclass, field

from takedown import feedback
from takedown.questions import Note, Question, Rubric, is_real_number, kind_of, shortened

# A prediction or a note of what was found is not right or wrong: it is recorded.
RECORDED = feedback.RECORDED
recorded = feedback.recorded


def words_in(text):
    """The words of a text: 'Europol's own release, 2018' has 3."""
    return re.findall(r"[^\W_]+(?:[’'.,-][^\W_]+)*%?", text)


def judge_short_text(answer, least, most, what):
    """None when `answer` is text of `least` to `most` words, else the verdict saying what to change."""
    if not isinstance(answer, str):
        return feedback.wrong_kind(
            f'I expected {what} as text, between quotation marks ("like this"), but got {kind_of(answer)}.'
        )
    count = len(words_in(answer))
    if count == 0:
        return feedback.not_attempted(f"Write {what} between the quotation marks, then run the cell again.")
    if count < least:
        return feedback.incorrect(
            f"You wrote {count} word{'' if count == 1 else 's'}: write {what} in at least "
            f"{least} words, as a full sentence."
        )
    if count > most:
        return feedback.incorrect(f"You wrote {count} words: keep {what} to {most} words at most.")
    return None


# ---- The blank of a faded example ---------------------------------------------------------------


class Blank:
    """The `___` in a line to complete, for code run outside a notebook (tests, scripts).

    In a notebook a cell that still has a `___` does not run at all (see `blank_cells_wait` below): it
    shows "not attempted yet", wherever the blank sits. Outside one, `___` stands in for the missing part
    as far as it can (`___ + 1`, `___.sum()`, `___["name"]`, `___(x)` all give the blank back) and a check
    given it says "not attempted yet".
    """

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "___"

    def __format__(self, spec):
        return "___"

    def __bool__(self):
        return False

    def __hash__(self):
        return 0

    def __getattr__(self, name):
        if name.startswith("_"):  # IPython, copy and pickle look for these: the blank has none
            raise AttributeError(name)
        return self

    def _same(self, *args, **kwargs):
        return self

    __call__ = __getitem__ = _same
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _same
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = _same
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = __invert__ = __round__ = _same
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _same


___ = Blank()


def is_blank(value):
    """True for the `___` placeholder (or what it gave back), or `...`."""
    return value is ... or isinstance(value, Blank)


# In a notebook, a cell that still has a blank `___` to fill in does not run: it says so instead. A blank
# in the middle of pandas code (`countries[___]`, `.___()`) would otherwise stop the cell with an error
# the student has not made, and the lesson is stored as the student finds it, blank included.


def has_blank(source):
    """True when the code has a `___` of its own (not in a text or a comment)."""
    if "___" not in source:
        return False
    try:
        return any(
            token.type == tokenize.NAME and token.string == "___"
            for token in tokenize.generate_tokens(io.StringIO(source).readline)
        )
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return False


def unfinished_cell(source, namespace=None):
    """What a cell with a blank shows instead of running: the 'not attempted' verdict of the activity
    it checks (found by its `name.check(` line), or a plain note."""
    checked = re.findall(r"^\s*(\w+)\.check\(", source, re.M)
    question = (namespace or {}).get(checked[0]) if checked else None
    name = getattr(question, "name", "") if isinstance(question, Question) else ""
    lines = [number for number, line in enumerate(source.splitlines(), start=1) if has_blank(line)]
    where = f" (line {lines[0]} of the cell)" if lines else ""
    return feedback.show(
        feedback.Verdict(
            feedback.NOT_ATTEMPTED, f"Replace the ___{where} with your part of the line, then run the cell again.", name
        )
    )


def blank_cells_wait(lines):
    """An IPython input transformer: a cell with a blank `___` becomes a call to unfinished_cell."""
    source = "".join(lines)
    if not has_blank(source):
        return lines
    return [
        "__import__('takedown.questions.activities', fromlist=['unfinished_cell']).unfinished_cell("
        f"{source!r}, globals())\n"
    ]


def _install_blank_cells_wait():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the course
        return
    shell = get_ipython()
    if shell is None:
        return
    transformers = shell.input_transformers_post
    if not any(getattr(item, "__name__", "") == "blank_cells_wait" for item in transformers):
        transformers.append(blank_cells_wait)


_install_blank_cells_wait()


# ---- Comparing a value with the expected one -------------------------------------------------------


def same_value(answer, expected, tolerance=0.001):
    """True when the answer is the expected value: numbers to within `tolerance` (a share of the value, at
    least 0.01), texts ignoring case and spaces at the ends, tables and columns by their values."""
    if is_real_number(expected):
        if not is_real_number(answer):
            return False
        return math.isfinite(answer) and abs(answer - expected) <= max(0.01, tolerance * abs(expected))
    if isinstance(expected, str):
        return isinstance(answer, str) and answer.strip().casefold() == expected.strip().casefold()
    if hasattr(expected, "equals") and hasattr(expected, "shape"):  # a pandas table or column
        if type(answer) is not type(expected):
            return False
        try:
            return bool(answer.reset_index(drop=True).equals(expected.reset_index(drop=True)))
        except Exception:
            return False
    if isinstance(expected, (list, tuple)):
        return (
            isinstance(answer, (list, tuple))
            and len(answer) == len(expected)
            and all(same_value(a, e, tolerance) for a, e in zip(answer, expected))
        )
    try:
        return bool(answer == expected)
    except Exception:
        return False


def kind_matches(answer, expected):
    """True when the answer is the same kind of value as the expected one (a number for a number...)."""
    if is_real_number(expected):
        return is_real_number(answer)
    if isinstance(expected, str):
        return isinstance(answer, str)
    if isinstance(expected, (list, tuple)):
        return isinstance(answer, (list, tuple))
    return type(answer) is type(expected)


def shown(value, limit=60):
    """A value as a message shows it: a number as it is, a text in quotation marks, cut to about `limit`."""
    if is_real_number(value):
        return f"{value:,}" if isinstance(value, numbers.Integral) else f"{value:,.4g}"
    if isinstance(value, str):
        return shortened(value, limit)
    try:
        text = repr(value)
    except Exception:
        return kind_of(value)
    return text if len(text) <= limit else kind_of(value)


def the_kind(value):
    """'a number', 'a text', 'a list', 'a pandas Series'... for a message."""
    if is_real_number(value):
        return "a number"
    if isinstance(value, str):
        return "a text"
    return kind_of(value)


def _true_false_column(value):
    """True for a pandas Series of True/False (a condition not yet counted)."""
    return type(value).__name__ == "Series" and str(getattr(value, "dtype", "")) == "bool"


# ---- A value the line must compute, not one typed from the page ------------------------------------
# A check that reads only the value passes when a student types what the page prints (`five_eyes_count = 3`):
# the idiom it practises goes unwritten. A FadedExample that sets `from_the_line` sends such a value back to
# the line. In a notebook the check reads the code of the cell that made the answer (IPython keeps every cell
# run, `_ih`): a value written with no name of the data in it (a number, a text, a list typed out, even
# `sorted(["a", "b"])`) was typed by hand. Where no cell can be read (a script, the tests), only the kind of
# value can tell, and only where the taught line gives numpy's or pandas' own kind (`typed_if_plain`):
# `.sum()` gives numpy's integer, but `len()`, `.item()`, `.days` and `sorted()` give Python's own values.

RECENT_CELLS = 50  # how far back to look for the cell that made an answer


def cells_run():
    """The code of the last cells run in this kernel, oldest first ([] outside a notebook)."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        return list(shell.history_manager.input_hist_parsed[-RECENT_CELLS:]) if shell is not None else []
    except Exception:  # no IPython, or a shell without history: only the value's kind can tell
        return []


def user_namespace():
    """The notebook's variables ({} outside a notebook)."""
    try:
        from IPython import get_ipython

        return get_ipython().user_ns
    except Exception:
        return {}


def _parsed(source):
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError, TypeError, RecursionError):
        return None


def _assigned_value(tree, name):
    """The code last assigned to `name` in a cell (`name = ...`; `name += ...` as a whole), or None."""
    found, line = None, -1
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            value = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            value = node.value
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            value = node  # it reads the name itself: made by code
        else:
            continue
        if value is not None and node.lineno >= line:
            found, line = value, node.lineno
    return found


def code_of_answer(question, name):
    """The code that made the answer `question` is checking, read from the notebook's cells, or None.

    The current cell's `question.check(...)` says what is checked: a name (`c2.check(five_eyes_count)`) is
    looked for in the most recent cell that assigns it; anything else (`c2.check(3)`) is itself the code."""
    history = cells_run()
    if not history:
        return None
    namespace = user_namespace()
    current = _parsed(history[-1])
    for node in ast.walk(current) if current is not None else ():
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("check", "verdict")
            and isinstance(node.func.value, ast.Name)
            and namespace.get(node.func.value.id) is question
            and len(node.args) == 1
        ):
            if not isinstance(node.args[0], ast.Name):
                return node.args[0]
            name = node.args[0].id
            break
    for source in reversed(history):
        tree = _parsed(source)
        value = _assigned_value(tree, name) if tree is not None else None
        if value is not None:
            return value
    return None


def reads_nothing(code):
    """True when code uses no name but Python's own (`7`, `"led the operation"`, `sorted(["Canada"])`): it
    could only have been typed from the page."""
    return not any(
        isinstance(node, ast.Name) and not hasattr(builtins, node.id) for node in ast.walk(code)
    ) and not isinstance(code, ast.AugAssign)


def typed_by_hand(question, answer, typed_if_plain=False):
    """True when the answer was typed rather than made by code: the notebook's cell says so where it can be read;
    elsewhere a plain Python value where the line gives numpy's or pandas' own (`typed_if_plain`)."""
    code = code_of_answer(question, question.answer_name)
    if code is not None:
        return reads_nothing(code)
    return typed_if_plain and type(answer).__module__ == "builtins"


TYPED = "typed by hand"


def typed_value_message(answer, from_the_line):
    """What a value typed from the page is told: write the line that makes it."""
    if is_real_number(answer):
        kind, noun = "a number", "number"
    elif isinstance(answer, str):
        kind, noun = "a text", "text"
    elif isinstance(answer, (list, tuple, set, frozenset)):
        kind, noun = "a list", "list"
    else:
        kind, noun = "a value", "value"
    return (
        f"That is {kind} {TYPED}: the check wants {from_the_line}, so that your line shows how you found it. "
        f"Write it, and Python gives the {noun} itself."
    )


# ---- Predict – observe – explain -----------------------------------------------------------------


@dataclass(frozen=True)
class Prediction(Question):
    """A prediction: recorded, never marked right or wrong; after the reveal, what surprised the student.

        p1 = Prediction(name="Prediction 1", answer_name="nato_guess", between=(0, 8), whole=True,
                        hints=("Which of the eight are in Europe or North America?",),
                        observed=lambda: f"{int(data.countries()['nato_member'].sum())} of the 8")

    In the lesson, before the chart or table that answers it:

        nato_guess = ...      # your prediction: a whole number from 0 to 8
        p1.record(nato_guess)

    then, after the reveal:

        surprise = "..."      # a sentence or two: what surprised you, and why you think it happened
        p1.explain(surprise)

    What a prediction may be: a number (`between=(low, high)`, `whole=True` for a count), one letter of
    `choices` (a dict letter -> option, shown back to the student), or else a short text (1 to 40 words).
    `observed` (optional) gives what the data shows, as text: `explain` shows it beside the prediction.
    `record` keeps the last prediction in the kernel (`p1.recorded`); `check` is the same as `record`, so
    the course's tools treat a prediction like any check. If a chart comes before the prediction, show it
    with `charts.chart_with_closed_alt(chart)` so that its text alternative does not give the answer away.
    """

    hints: tuple = ()
    judge: object = None
    between: tuple = None
    whole: bool = False
    choices: dict = None
    observed: object = None
    explain_words: tuple = (5, 80)
    log: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        if not self.answer_name:
            raise ValueError(f"{self.name}: say which variable holds the prediction (answer_name=...)")
        object.__setattr__(self, "judge", self._judge_prediction)
        if not self.hints:
            object.__setattr__(
                self,
                "hints",
                ("There is no wrong prediction: write down what you expect, before you look, then read on.",),
            )
        super().__post_init__()

    @property
    def recorded(self):
        """The last prediction recorded in this session, or None."""
        return self.log.get("prediction")

    def _judge_prediction(self, answer):
        if self.choices:
            choice = answer.strip().strip("()").strip().lower() if isinstance(answer, str) else None
            letters = " or ".join(f'"{letter}"' for letter in sorted(self.choices))
            if choice not in self.choices:
                given = (
                    kind_of(answer)
                    if not isinstance(answer, str)
                    else ("empty text" if not answer.strip() else shortened(answer.strip()))
                )
                return feedback.wrong_kind(
                    f"I expected one letter, {letters}, but got {given}: write only the "
                    "letter of the option you expect."
                )
            self.log["prediction"] = choice
            return recorded(
                f"Recorded your prediction: {choice} ({self.choices[choice]}). There is no right or "
                "wrong here: now read on and compare."
            )
        if self.between is not None or self.whole:
            if not is_real_number(answer) or not math.isfinite(answer):
                wanted = "a whole number" if self.whole else "a number"
                tip = " Write the number without quotation marks." if isinstance(answer, str) else ""
                return feedback.wrong_kind(f"I expected {wanted} as your prediction, but got {kind_of(answer)}.{tip}")
            if self.whole and answer != int(answer):
                return feedback.wrong_kind(
                    f"{answer} is not a whole number: your prediction counts things, so give a whole number."
                )
            if self.between is not None and not (self.between[0] <= answer <= self.between[1]):
                low, high = self.between
                return feedback.wrong_kind(
                    f"A prediction here is a number from {low} to {high}: {answer} cannot be "
                    "the answer, whatever happened. Try again."
                )
            value = int(answer) if self.whole else answer
            self.log["prediction"] = value
            return recorded(
                f"Recorded your prediction: {value}. There is no right or wrong here: now read on and compare."
            )
        problem = judge_short_text(answer, 1, 40, "your prediction")
        if problem:
            return problem
        self.log["prediction"] = answer.strip()
        return recorded(
            f"Recorded your prediction: {shortened(answer.strip(), 80)}. There is no right or wrong "
            "here: now read on and compare."
        )

    def score(self, answer=..., verdict=None):
        """A recorded prediction earns its points: taking part is what counts, not being right."""
        verdict = verdict if verdict is not None else self.verdict(answer)
        return self.points if verdict.status == RECORDED else 0

    def record(self, answer=...):
        """Record the student's prediction and say so in plain words (never right or wrong)."""
        return self.check(answer)

    def explanation_verdict(self, text=...):
        """The verdict on what surprised the student: only its form is checked (a sentence or two)."""
        if text is ...:
            return feedback.Verdict(
                feedback.NOT_ATTEMPTED,
                "Replace the ... with a sentence or two between quotation marks, then run the cell again.",
                self.name,
            )
        least, most = self.explain_words
        problem = judge_short_text(text, least, most, "what surprised you")
        if problem:
            return feedback.Verdict(problem.status, problem.message, self.name)
        self.log["explanation"] = text.strip()
        compared = ""
        if self.recorded is not None:
            compared = f" You predicted {shown(self.recorded)}"
            observed = self._observed()
            compared += f"; the data shows {observed}." if observed else "."
        else:
            compared = " (No prediction is recorded in this session: run the prediction cell above too.)"
        return feedback.Verdict(
            RECORDED,
            "Recorded what surprised you." + compared + " Keep your sentence for the "
            "discussion: a wrong prediction you can explain teaches more than a lucky guess.",
            self.name,
        )

    def explain(self, text=...):
        """Record what surprised the student after the reveal (checked for form only)."""
        return feedback.show(self.explanation_verdict(text))

    def _observed(self):
        if self.observed is None:
            return ""
        try:
            return str(self.observed() if callable(self.observed) else self.observed)
        except Exception:  # what the data shows is a courtesy: never let it stop the student
            return ""

    def solution(self):
        return feedback.show(
            Note(
                f"About {self.name}",
                "A prediction has no right answer: it is your own guess, "
                "written down before you look. Then compare it with what the data shows.",
            )
        )


# ---- Faded examples: complete the missing part of a line ----------------------------------------


@dataclass(frozen=True)
class FadedExample(Question):
    """Complete the missing part of a given line; the check judges the value the completed line gives.

        f1 = FadedExample(
            name="Try it 1",
            expected=lambda: int(data.countries()["eu_member"].sum()),
            solution_code='eu_count = countries["eu_member"].sum()',
            mistakes=((8, "That counts every country: add up the True values of the eu_member column."),
                      (lambda value: value == 2, "That counts the countries outside the EU: which column ...?")),
            otherwise="Re-examine the part you filled in: which column says whether a country is in the EU?",
            hints=("A True counts as 1 when you add up a column.",),
        )

    In the lesson:

        eu_count = countries["eu_member"].___()   # replace ___ with the method that adds up a column
        f1.check(eu_count)

    A cell that still has a `___` (three underscores, outside quotes and comments) does not run in a
    notebook: it shows "○ Try it 1 – Not attempted yet: Replace the ___ (line 1 of the cell) ...", so the
    lesson is stored as the student finds it, without an error, wherever the blank is. Once the student
    types their part, the cell runs as usual. Keep the blank and the check in the same cell.
    `expected` is a function giving the right value (a number, a text, a list, a pandas table or column).
    `mistakes` pairs a wrong value (or a function value -> True/False) with what to re-examine; any other
    wrong value gets `otherwise`. A message never gives the right value and never says "too high" or
    "too low": it names the part of the line to look at again.

    `from_the_line` ("the line that adds up the column, with the method's name in place of the ___") makes
    the check refuse a value typed from the page, in plain words, in place of the line that makes it (see
    `typed_by_hand` above); `typed_if_plain=True` where the taught line gives numpy's or pandas' own kind of
    value, so that a plain Python number is refused even where the notebook's cell cannot be read.
    """

    judge: object = None
    hints: tuple = ("Compare your line with the worked example just above it: which part is different?",)
    expected: object = None
    mistakes: tuple = ()
    otherwise: str = "Not yet: re-examine the part you filled in, and compare it with the worked example above."
    right: str = ""
    from_the_line: str = ""
    typed_if_plain: bool = False

    def __post_init__(self):
        if self.expected is None:
            raise ValueError(f"{self.name}: give `expected`, a function that returns the right value")
        object.__setattr__(self, "judge", self._judge_value)
        super().__post_init__()

    def _expected(self):
        return self.expected() if callable(self.expected) else self.expected

    def _judge_value(self, answer):
        if is_blank(answer):
            return feedback.not_attempted("Replace the ___ in the line with your part, then run the cell again.")
        expected = self._expected()
        if self.from_the_line and kind_matches(answer, expected) and typed_by_hand(self, answer, self.typed_if_plain):
            return feedback.incorrect(typed_value_message(answer, self.from_the_line))
        if same_value(answer, expected):
            return feedback.correct(self.right or f"Yes: your line gives {shown(answer)}.")
        for wrong, message in self.mistakes:
            try:
                hit = bool(wrong(answer) if callable(wrong) else same_value(answer, wrong))
            except Exception:  # a rule about a mistake must not stop the check (e.g. a table given)
                hit = False
            if hit:
                return feedback.incorrect(message)
        if is_real_number(expected) and _true_false_column(answer):  # (a & ~b.sum()): .sum() on one column only
            return feedback.wrong_kind(
                "Your line gives a column of True/False, not one number: put round brackets around the whole "
                "condition, then `.sum()` after them, like (… & …).sum()."
            )
        if not kind_matches(answer, expected):
            return feedback.wrong_kind(
                f"Your line gives {kind_of(answer)}, but this line should give {the_kind(expected)}. {self.otherwise}"
            )
        return feedback.incorrect(self.otherwise)


@dataclass(frozen=True)
class ModifyAndPredict(FadedExample):
    """Predict what a change to a line will give, make the change, run it, compare.

    More than a faded example: the student first says what they expect (recorded, never marked), then
    changes a working line and the check judges the new value and sets it beside the prediction.

        m1 = ModifyAndPredict(
            name="Try it 2", answer_name="nato_count",
            expected=lambda: int(data.countries()["nato_member"].sum()),
            solution_code='nato_count = countries["nato_member"].sum()',
            otherwise="Re-examine the column name you put in: is it the one about NATO?",
        )

        m1.predict(...)          # first: what will the line give once you change "eu_member" to "nato_member"?
        nato_count = countries["eu_member"].sum()    # then change this line, and run the cell
        m1.check(nato_count)
    """

    log: dict = field(default_factory=dict, compare=False, repr=False)

    def predict(self, answer=...):
        """Record what the student expects the changed line to give (never marked)."""
        if answer is ...:
            verdict = feedback.not_attempted(
                "Replace the ... with what you expect the changed line to give, then run the cell again."
            )
        elif isinstance(answer, str) and not answer.strip():
            verdict = feedback.not_attempted("Write what you expect, then run the cell again.")
        else:
            self.log["prediction"] = answer
            verdict = recorded(f"Recorded your prediction: {shown(answer)}. Now change the line and run it.")
        return feedback.show(feedback.Verdict(verdict.status, verdict.message, self.name))

    def verdict(self, answer=...):
        if "prediction" not in self.log and not is_blank(answer):
            # The check waits for the prediction: judging the changed line first would give its answer away.
            return feedback.Verdict(
                feedback.NOT_ATTEMPTED,
                "First record your prediction: replace the ... in the `predict(...)` line with what you expect, "
                "then run the cell again. The check waits for it, so that the result cannot spoil your guess.",
                self.name,
            )
        verdict = super().verdict(answer)
        guess = self.log.get("prediction", None)
        if TYPED in verdict.message:  # a value typed by hand is sent back to the line, not set beside the guess
            return verdict
        if verdict.status in (feedback.CORRECT, feedback.INCORRECT) and "prediction" in self.log:
            if same_value(answer, guess) and verdict.status == feedback.INCORRECT:
                said = " It is also what you predicted: did the line get the change the task asks for?"
            elif same_value(answer, guess):
                said = " It is what you predicted."
            else:
                said = (
                    f" You predicted {shown(guess)}: what did you expect the change to do, and what did it do instead?"
                )
            return feedback.Verdict(verdict.status, verdict.message + said, verdict.question)
        return verdict


# ---- Parsons problems: put given lines in order ----------------------------------------------------

LETTERS = string.ascii_lowercase


@dataclass(frozen=True)
class Parsons(Question):
    """Put given lines in order. The lines are shown shuffled, each with a letter; the student answers with
    the letters (or the numbers) in the right order; the check names the first position that is not right
    yet, never the whole order.

        p3 = Parsons(
            name="Try it 3",
            lines=('eu = countries[countries["eu_member"]]',       # the right order, top to bottom
                   'names = eu["name"]',
                   'print(len(names), "EU members")'),
            why={1: "It uses `eu`: which line makes `eu`?"},      # optional, by position (1 = first line)
        )

        p3.show()                     # the shuffled lines, lettered a, b, c...
        order = ["c", "a", "b"]       # your order: letters (or numbers), first line first
        p3.check(order)

    The shuffled order is fixed by the question's name, so the stored lesson never changes. Accepted
    answers: a list or tuple of letters or numbers, a text such as "c, a, b" or "cab", or the code itself
    (the lines typed or pasted in order, between triple quotes: spaces at the ends of lines do not matter).
    `also_right` lists other orders (as tuples of positions, 1 = first line) that work just as well.
    `result` (optional), a function giving what the lines make in the right order (e.g. the last line's
    value), lets a student who ran the lines in order hand in that value instead: `p3.check(names)`.
    """

    judge: object = None
    hints: tuple = ()
    lines: tuple = ()
    why: dict = None
    also_right: tuple = ()
    result: object = None
    solution_code: str = ""

    def __post_init__(self):
        if len(self.lines) < 2:
            raise ValueError(f"{self.name}: a Parsons problem needs at least two lines")
        if len(set(line.strip() for line in self.lines)) != len(self.lines):
            raise ValueError(f"{self.name}: two lines are the same; make each line different")
        object.__setattr__(self, "judge", self._judge_order)
        if not self.solution_code:
            object.__setattr__(self, "solution_code", "\n".join(self.lines))
        if not self.answer_name:
            object.__setattr__(self, "answer_name", "order")
        if not self.hints:
            object.__setattr__(
                self,
                "hints",
                (
                    "Start with the line that uses nothing made by another line.",
                    "A line can only use a name (a variable) that a line above it made.",
                ),
            )
        super().__post_init__()

    @property
    def shuffled(self):
        """The positions (1 = first line of the right order) in the order they are shown, a, b, c..."""
        order = list(range(1, len(self.lines) + 1))
        generator = random.Random(self.name)
        while order == sorted(order):
            generator.shuffle(order)
        return tuple(order)

    def listing(self):
        return "\n".join(
            f"{LETTERS[index]})  {self.lines[position - 1]}" for index, position in enumerate(self.shuffled)
        )

    def show(self):
        """Show the shuffled lines, each with its letter."""
        return feedback.show(Note(f"{self.name}: put these lines in order", self.listing(), code=True))

    def _positions(self, answer):
        """The answer as the positions it puts in order (1 = first right line), or a message saying what is wrong."""
        count = len(self.lines)
        letters = LETTERS[:count]
        if isinstance(answer, str) and "\n" in answer.strip():  # the code itself
            typed = [line.strip() for line in answer.strip().splitlines() if line.strip()]
            known = {line.strip(): position for position, line in enumerate(self.lines, start=1)}
            unknown = [line for line in typed if line not in known]
            if unknown:
                return f"The line {shortened(unknown[0], 60)} is not one of the given lines: copy them as they are."
            return [known[line] for line in typed]
        if isinstance(answer, str):
            items = re.findall(r"[A-Za-z]+|\d+", answer)
            if len(items) == 1 and items[0].isalpha() and len(items[0]) > 1:
                items = list(items[0])  # "cab"
        elif isinstance(answer, (list, tuple)):
            items = list(answer)
        else:
            return (
                f"I expected your order as a list of letters, like {list(letters[:2])}..., but got {kind_of(answer)}."
            )
        shown = list(self.shuffled)
        positions = []
        for item in items:
            if isinstance(item, str) and item.strip().lower() in letters and item.strip():
                positions.append(shown[letters.index(item.strip().lower())])
            elif isinstance(item, str) and item.strip().isdigit():
                number = int(item)
                if not 1 <= number <= count:
                    return f"There is no line {number}: the lines are {letters[0]} to {letters[-1]} (or 1 to {count})."
                positions.append(shown[number - 1])
            elif isinstance(item, numbers.Integral) and not isinstance(item, bool):
                if not 1 <= item <= count:
                    return f"There is no line {item}: the lines are {letters[0]} to {letters[-1]} (or 1 to {count})."
                positions.append(shown[int(item) - 1])
            else:
                return (
                    f"{shortened(item, 20) if isinstance(item, str) else kind_of(item)} is not one of the "
                    f"letters {letters[0]} to {letters[-1]}: give each line by its letter."
                )
        return positions

    def _judge_order(self, answer):
        if self.result is not None and not is_blank(answer) and same_value(answer, self.result()):
            return feedback.correct("Yes: that is what the lines give in the right order. Run them to see each step.")
        positions = self._positions(answer)
        if isinstance(positions, str):
            return feedback.wrong_kind(positions)
        if not positions:
            return feedback.not_attempted(
                "Put the letters of the lines in your order, first line first, then run the cell again."
            )
        count = len(self.lines)
        if len(set(positions)) != len(positions):
            return feedback.incorrect("Your order uses a line twice: give each line once.")
        if len(positions) < count:
            missing = count - len(positions)
            return feedback.incorrect(
                f"Your order leaves out {missing} line{'s' if missing > 1 else ''}: every line is needed, each once."
            )
        accepted = [tuple(range(1, count + 1))] + [tuple(order) for order in self.also_right]
        if tuple(positions) in accepted:
            return feedback.correct(f"Yes: the {count} lines are in an order that works. Run them to see what they do.")
        # The first position that no accepted order agrees with, given the lines before it.
        wrong = 1 + max(
            next((index for index, (a, b) in enumerate(zip(positions, order)) if a != b), count) for order in accepted
        )
        reason = (self.why or {}).get(positions[wrong - 1], "")
        placed = "The first line of your order" if wrong == 1 else f"Line {wrong} of your order"
        before = "" if wrong == 1 else " (the ones before it are fine)"
        message = f"{placed} is not in its place yet{before}."
        message += (
            f" {reason}"
            if reason
            else (
                " Ask of that line: does it use a name that only a later line makes?"
                if wrong > 1
                else " Which line uses nothing made by another?"
            )
        )
        return feedback.incorrect(message)


# ---- Lateral reading: check a source by leaving it ----------------------------------------------

LATERAL_RUBRIC = Rubric(
    levels=(("Strong", 2), ("Adequate", 1), ("Needs work", 0)),
    criteria=(
        (
            "Left the page to check it",
            (
                "names who publishes or funds the source, found on other sites than the source itself",
                "names who publishes it, from the source's own pages",
                "repeats what the source says about itself, or guesses",
            ),
        ),
        (
            "Evidence named",
            (
                "names where each finding comes from (an official register, a primary release, a reputable report)",
                "names one place",
                "no place named",
            ),
        ),
        (
            "Judgement fits the evidence",
            (
                "says how far the source can be trusted for this claim, and why",
                "a judgement, loosely tied to what was found",
                "no judgement, or one that goes beyond what was found",
            ),
        ),
    ),
)

# Form only, one rule for every lateral-reading check: the answer names a place a reader can go to. That is a
# site's address, a publisher's name (from the course's sources, or an organisation the lessons send students
# to), a source key of takedown/data/sources.csv (lalibre_2018), or the course's stored/offline notes or copies
# (the offline route is as honest a place as a web page). Words like "says" or "a page" alone name no place.
WHERE_FOUND = re.compile(
    r"(?i)https?://|www\.|\b[\w-]+\.(?:eu|int|org|com|gov|net|uk|be|fr|nl|info|news)\b"
    r"|\b(?:stored|offline|course'?s?|saved)\s+(?:\w+\s+)?(?:notes?|cop(?:y|ies)|sources?|rows?|cell|versions?)\b"
    r"|data\.(?:sources|show)\b|\boffline (?:cell|route)\b"
    r"|\b(?:about (?:page|us)|imprint|company regist(?:er|ry)|companies house)\b"
)

# Organisations the lateral-reading tasks send students to, besides the publishers named in sources.csv.
ORGANISATIONS = (
    "Europol",
    "Eurojust",
    "ICCT",
    "International Centre for Counter-Terrorism",
    "La Libre",
    "Lockcode",
    "teiss",
    "VRT",
    "federal prosecutor",
    "Belgian police",
)


def _sources_rows():
    import csv

    from takedown import paths

    try:
        with open(paths.DATA / "sources.csv", encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError:  # a package without its data: the address and notes rules still work
        return []


def _alternatives(names, flags=""):
    names = sorted({n.strip() for n in names if len(n.strip()) > 2}, key=len, reverse=True)
    return flags + r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z])"


def _publishers_and_keys():
    """The names a lateral-reading answer may give as its "where": source keys (those with a _, so that the key
    `article` is not any mention of an article), the name in a source's address (sofiaglobe), organisations,
    in any capitals; publishers named in a source's title ("(The Sofia Globe, 27 April 2018)"), with their
    capitals (so that "the independent report" is not The Independent)."""
    loose, exact = set(ORGANISATIONS), set()
    for row in _sources_rows():
        if "_" in row.get("source", ""):
            loose.add(row["source"])
        host = re.match(r"https?://(?:www\.)?([\w-]+)\.", row.get("url", ""))
        if host and len(host[1]) > 3:
            loose.add(host[1])
        exact.update(re.findall(r"\(([A-Z][^,()]{2,40}?)(?:,| via )", row.get("title", "")))
    return re.compile(_alternatives(loose, "(?i)") + "|" + _alternatives(exact, "(?-i:") + ")")


def names_a_place(answer):
    """True when a lateral-reading answer says where it found things: an address, a publisher, a source key, or
    the course's stored notes (WHERE_FOUND, _publishers_and_keys)."""
    global PUBLISHERS
    if PUBLISHERS is None:
        PUBLISHERS = _publishers_and_keys()
    return bool(WHERE_FOUND.search(answer) or PUBLISHERS.search(answer))


PUBLISHERS = None  # read from sources.csv on first use

SAFETY = (
    "Search only for publishers, officials and their releases, never for the material itself: do not open "
    "or search for propaganda."
)


@dataclass(frozen=True)
class LateralReading(Question):
    """A lateral-reading task: the student checks a source by leaving it (who publishes a site, where the
    original release is) and records what they found. The check looks only at the form (enough words, a
    place named); a person scores it later with a three-level rubric (`LATERAL_RUBRIC` by default).

        lr1 = LateralReading(
            name="Check the source 1", answer_name="who_publishes",
            task="Who publishes governmenteuropa.eu? Search for the site's name, not in it: what do others say?",
            offline="No internet? Read the row for governmenteuropa.eu in data.sources().",
            hints=("Look for the publisher's name on other sites: a company register, a press directory.",),
        )

        lr1.show()               # the task, the safety rule and the offline fallback
        who_publishes = \"\"\"...\"\"\"  # what you found, and where you found it
        lr1.check(who_publishes)

    Targets must be safe: publishers, officials and their releases, never the material (the safety rule,
    `SAFETY`, is shown with every task). `offline` says what to use without the internet, from the
    course's stored sources. Answers are collected like the capstone's assessment: in an exercise module
    the grader exports them to a review page with the rubric (course/grading/review.py). Lessons are not graded
    today, so a task in a lesson is checked for form and stays in the student's notebook.
    """

    judge: object = None
    hints: tuple = ()
    task: str = ""
    offline: str = ""
    words: tuple = (15, 200)
    rubric: Rubric = LATERAL_RUBRIC
    points: float = None
    solution_code: str = ""

    def __post_init__(self):
        if not self.answer_name:
            raise ValueError(f"{self.name}: say which variable holds the answer (answer_name=...)")
        if not self.task:
            raise ValueError(f"{self.name}: say what the student should find (task=...)")
        object.__setattr__(self, "judge", self._judge_findings)
        if self.points is None:
            object.__setattr__(self, "points", self.rubric.max_points)
        if not self.hints:
            object.__setattr__(
                self,
                "hints",
                (
                    "Leave the page: search for the name of the site or of its owner, and read what others say about "
                    "it.",
                    "Say where you found each thing: the name of the site or organisation, or its address.",
                ),
            )
        super().__post_init__()

    def show(self):
        """Show the task, the safety rule and the offline fallback."""
        body = f"{self.task}\n\n{SAFETY}" + (f"\n\n{self.offline}" if self.offline else "")
        return feedback.show(Note(self.name, body))

    def _judge_findings(self, answer):
        least, most = self.words
        problem = judge_short_text(answer, least, most, "what you found and where")
        if problem:
            return problem
        if not names_a_place(answer):
            return feedback.incorrect(
                "Say where you found it, so a reader can check it too: the site's address, the publisher's "
                "name, or, offline, the course's stored notes (or the source's key, like lalibre_2018)."
            )
        return recorded(
            f"Recorded: {len(words_in(answer))} words that say what you found and where. The check "
            "cannot judge your findings: your instructor scores them with the rubric (did you leave "
            "the page, name your evidence, and judge no further than it goes?)."
        )

    def solution(self):
        return feedback.show(
            Note(
                f"About {self.name}",
                "There is no single answer to copy: what counts is what "
                "you found, where, and how far it lets you trust the source. Compare with a "
                "classmate, then with the rubric.",
            )
        )


ACTIVITIES = (Prediction, FadedExample, ModifyAndPredict, Parsons, LateralReading)
