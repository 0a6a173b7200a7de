"""How long a lesson takes, and how long a student goes without a checked question.

The course's rule of thumb for a class that reads and runs everything: reading at 130 words a
minute, 1 minute to run a code cell, 2 more for a chart or table it shows, 3 more for a check
(a cell with a line that calls `something.check(...)`,
`.record(...)` or `.explain(...)`), and 4 for each discussion prompt. The
optional *Going further* sections are left out (the discussion after them is counted). It is an estimate for planning, not a measurement:
the lessons' stated times and the course maps come from it, and tests keep the gaps short.

    takedown pace            # every lesson: estimated minutes and the gaps between checks
"""

import re
import sys
from dataclasses import dataclass

import nbformat

from takedown.paths import NOTEBOOKS

WORDS_PER_MINUTE = 130
# A line that calls a check, or records a prediction or what surprised the student (activities.py);
# "# c1.check" does not count.
CHECK = re.compile(r"^\w+\.(?:check|record|explain)\(", re.M)
CHART_TYPES = {"image/png", "application/vnd.plotly.v1+json"}
LINK_ADDRESS = re.compile(r"\]\([^)]*\)")
LESSONS = NOTEBOOKS


@dataclass(frozen=True)
class Pace:
    minutes: float  # the whole lesson, discussion included
    gaps: tuple  # minutes from the start to the first check, then between checks
    after_last_check: float  # key points and discussion, after the last check


def is_check(cell):
    return cell.cell_type == "code" and bool(CHECK.search(cell.source))


def shows_chart_or_table(cell):
    return any(
        set(output.get("data", {})) & CHART_TYPES or "<table" in str(output.get("data", {}).get("text/html", ""))
        for output in cell.get("outputs", [])
    )


def cell_minutes(cell):
    if cell.cell_type == "markdown":
        prose, _, discussion = cell.source.partition("## Discussion")
        prompts = len(re.findall(r"^\d+\. ", discussion, re.M))
        words = LINK_ADDRESS.sub("]", prose + discussion).split()  # a link's address is not read
        return len(words) / WORDS_PER_MINUTE + 4 * prompts
    if cell.cell_type != "code":
        return 0
    return 1 + (3 if is_check(cell) else 2 if shows_chart_or_table(cell) else 0)


def pace(path):
    """The estimate for one lesson notebook."""
    elapsed, last_check, gaps, optional = 0.0, 0.0, [], False
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":  # skip from "Going further" to the closing discussion
            optional = ("## Going further" in cell.source or optional) and not cell.source.lstrip().startswith(
                "## Discussion"
            )
        if optional:
            continue
        elapsed += cell_minutes(cell)
        if is_check(cell):
            gaps.append(elapsed - last_check)
            last_check = elapsed
    return Pace(elapsed, tuple(gaps), elapsed - last_check)


def main():
    for path in sorted(LESSONS.glob("[0-9]*.ipynb")):
        estimate = pace(path)
        gaps = ", ".join(f"{gap:.0f}" for gap in estimate.gaps) or "no checks"
        print(f"{path.stem:<24} {estimate.minutes:4.0f} min   minutes before each check: {gaps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
