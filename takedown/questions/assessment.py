"""What the pre- and post-assessment share: the unit's aims, the judges that only record an answer in a
notebook, and the rubric of their reasoning question.

The two assessments (pre_assessment.py, post_assessment.py) measure what the unit teaches, before lesson 01
and after lesson 08: ten items each, item N of both a parallel pair (the same aim, the same kind of item,
different material; the post-assessment's are made-up cases no lesson prints). So that taking the pre-assessment teaches
nothing, their checks never say right or wrong where a student can see them: in a Jupyter kernel (the
exercise notebook, `make check`) an answer of the right form is only "Recorded: option c" (`recorded_only`,
shared with the hidden-checks edition: takedown/questions/__init__.py). The grader judges the same answers
in its own process, outside any kernel (course/grading/grade.py), with the full verdicts; the gains command
(course/grading/gains.py) then compares the class's two gradebooks per item and per aim. Grade them with the
command line, as every exercise: inside a notebook the checks would only record.
"""

import re

from takedown import feedback
from takedown.questions import (
    Rubric,
    as_whole_number,
    form_of,
    kind_of,
    letter,
    multiple_choice,
    not_a_number,
    only_the_form,
    recorded_only,
)
from takedown.questions.written import written

# The unit's aims that both assessments measure (the instructor guide's objectives, in a student's words).
# Each assessment maps its questions to these keys in its AIMS table.
AIM_NAMES = {
    "activity_or_effect": "Tell what was done (activity) from what it changed (effect)",
    "whose_account": "Say whose account a figure or claim is",
    "running_or_period": "Tell running totals from per-period figures",
    "what_it_shows": "Say what a figure can and cannot show",
    "source_standing": "Weigh a source's standing",
    "date_precision": "Say how exactly a date is known, and give a gap as a range",
    "what_a_link_means": "Say what a link in a network stands for",
    "model_parameters": "Tell an illustrative value in a model from a measured one",
    "who_publishes": "Find out who publishes a site before trusting it",
}

REASONING_WORDS = (15, 150)


def choice(correct, explanations):
    """A multiple-choice judge that only records in a kernel (the explanations are for the graded feedback)."""
    return recorded_only(multiple_choice(correct, explanations), letter)


def running_total_mistakes(earlier, later, earlier_date, later_date, period):
    """{a likely wrong number: what it most likely means} for a period's figure taken from two running totals."""
    return {
        later: f"That is the running total up to {later_date}, not the figure for {period}: a period's "
        "figure is what the running total grew by during it.",
        earlier: f"That is the running total up to {earlier_date}, before the period began.",
        later + earlier: "You added the two running totals: the later one already contains the earlier one.",
    }


def count(expected, mistakes, otherwise):
    """A whole-number judge that only records in a kernel. `expected` is a function giving the answer;
    `mistakes` is a function giving {a likely wrong number: what it most likely means}; `otherwise` says
    what to re-examine. No message says which way to go."""

    def judge(answer):
        number = as_whole_number(answer)
        if number is None:
            return not_a_number(answer, "a whole number, like 12")
        if number == expected():
            return feedback.correct(f"Yes: {number:,}.")
        return feedback.incorrect(mistakes().get(number, otherwise))

    return recorded_only(judge, form_of)


def word_count(text):
    return len(re.findall(r"[^\W_]+(?:[’'.,-][^\W_]+)*%?", text))


def judge_reasoning(answer):
    """The form of a short written answer; a person scores its substance with RUBRIC."""
    if not isinstance(answer, str):
        return feedback.wrong_kind(f'I expected your answer as text, between """ and """, but got {kind_of(answer)}.')
    words = word_count(answer)
    least, most = REASONING_WORDS
    if words < least:
        return feedback.incorrect(
            f"Your answer has {words} word{'' if words == 1 else 's'}; write at least {least} (two to five sentences)."
        )
    if words > most:
        return feedback.incorrect(f"Your answer has {words} words; keep it to {most} at most.")
    return feedback.correct(f"{words} words kept. Your instructor scores the reasoning with the rubric.")


def words_recorded(answer):
    words = word_count(answer)
    return f"{words} word{'' if words == 1 else 's'}"


# The assessments' written item uses the course's judge for written answers (written.py), and, like their other
# items, says in a notebook only what was recorded ("Recorded: 52 words").
_written = written(
    *REASONING_WORDS, asks="say what the numbers count, and what you would need to know to judge the claim."
)


def reasoning(answer):
    verdict = _written(answer)
    if verdict.status == feedback.RECORDED:  # written() in a kernel: the form was right
        return only_the_form(feedback.correct(verdict.message), answer, words_recorded)
    return only_the_form(verdict, answer, words_recorded) if feedback.in_a_kernel() else verdict


reasoning.describe = words_recorded
reasoning.written = True  # a person scores it with RUBRIC (tests and tools look for this mark)

# Both forms' reasoning question is scored the same way, so their scores compare.
RUBRIC = Rubric(
    levels=(("Strong", 2), ("Adequate", 1), ("Needs work", 0)),
    criteria=(
        (
            "What the figure counts",
            (
                "says it counts what someone did (activity), by whom, and not what audiences saw",
                "says it counts something done, without saying what it leaves out",
                "treats the figure as the effect",
            ),
        ),
        (
            "What the claim would need",
            (
                "names evidence of effect: reach or use measured the same way before and "
                "after, against what would have happened without the action (e.g. a move "
                "to other platforms)",
                "names one thing that is missing, vaguely",
                "accepts or rejects the claim without saying what would settle it",
            ),
        ),
    ),
)
