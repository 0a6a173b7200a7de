"""What the check cells run in the student's kernel when `takedown check` tests an exercise.

The check command (course/student/check.py) adds cells to a copy of the exercise that import this
module: it runs in a kernel, so it lives in the runtime, beside the questions it asks for a verdict.
"""

from takedown import feedback
from takedown.questions import questions_for


class CheckLine:
    """A verdict as nbval sees it: the headline is compared, the sentence rides in the metadata."""

    def __init__(self, verdict):
        self.verdict = verdict

    def _repr_mimebundle_(self, include=None, exclude=None):
        return (
            {"text/plain": self.verdict.headline()},
            {
                "takedown": {
                    "status": self.verdict.status,
                    "message": self.verdict.message,
                    "question": self.verdict.question,
                }
            },
        )


_LAST_ERROR = {"error": None}


def record_errors(shell):
    """Remember the error (or None) of every cell run, so the next check can name it."""

    def remember(result):
        _LAST_ERROR["error"] = result.error_before_exec or result.error_in_exec

    shell.events.register("post_run_cell", remember)


def verdict_line(exercise, number, name, namespace):
    """The verdict on question `number`, whose answer is the variable `name`, for the check cell."""
    question = questions_for(exercise)[number - 1]
    error = _LAST_ERROR["error"]
    if error is not None:
        detail = error.msg if isinstance(error, SyntaxError) else str(error)  # not its temporary file name
        verdict = feedback.cell_raised(type(error).__name__, detail, said=True)  # the headline says "raised"
    elif name not in namespace:
        verdict = feedback.Verdict(
            feedback.NOT_ATTEMPTED,
            f"There is no variable {name} yet: run the cell with your answer (or check that its name is unchanged).",
        )
    else:
        verdict = question.verdict(namespace[name])
    return CheckLine(feedback.Verdict(verdict.status, verdict.message, question.name))
