"""Judging the answers a submission exported, in the grader's process (never in the submission's kernel):
the question's own check gives the verdict, and its points (or the text a person scores)."""

from takedown import feedback
from takedown.answers import Unreadable


def answer_of(question, answers):
    return answers.get(question.answer_name, Unreadable("the notebook did not finish running", missing=True))


def judge(question, answers):
    value = answer_of(question, answers)
    if isinstance(value, Unreadable):
        verdict = (
            feedback.uncheckable(f"There is no answer to grade: {value.description}.")
            if value.missing
            else feedback.wrong_kind(f"Your answer could not be graded: it is {value.description}.")
        )
        return feedback.Verdict(verdict.status, verdict.message, question.name)
    return question.verdict(value)


def score(question, answers, verdict):
    """(points earned, text to review): a text answer to a question a person scores has no points yet."""
    value = answer_of(question, answers)
    if verdict.status == feedback.RAISED or isinstance(value, Unreadable):
        return 0, None
    if question.needs_review and isinstance(value, str) and value.strip() and verdict.status != feedback.NOT_ATTEMPTED:
        return None, value  # the placeholder """...""" is not attempted: 0 points, nothing to review
    return question.score(value, verdict), None
