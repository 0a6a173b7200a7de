"""The defaults of the course's commands, in one place (the grader's limits, the answer size cap...).

The command line shows them in its help, and grade.Limits starts from them. The answer size cap is
enforced in the kernel that runs a submission, so its one definition is in the runtime
(takedown/answers.py); it is named here so that a reader finds every limit on this page.
"""

from takedown.answers import MAX_BYTES

# Grading one submission (takedown grade --cell-seconds, --notebook-seconds, --memory-mb).
CELL_SECONDS = 30  # one cell; a loop that never ends is stopped here
NOTEBOOK_SECONDS = 300  # the whole notebook, kernel start included
MEMORY_MB = 2048  # the worker and every kernel it starts (its address space)

# One exported answer bigger than this is reported as too large, not read (takedown/answers.py).
ANSWER_BYTES = MAX_BYTES

# Where the grader writes, beside the gradebook, unless told otherwise.
GRADEBOOK = "gradebook.csv"
