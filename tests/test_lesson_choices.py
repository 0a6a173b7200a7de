"""The lessons' multiple-choice checks do not give themselves away (issue 21): across all the lessons the right
option is seldom the longest one shown, and the right letters are spread over a to d. The exercises have the same
rules (tests/test_exercise_quality.py).

A lesson's check is multiple choice when its one-line solution assigns a letter (`answer = "b"`); its options are
the option lines of the markdown between the previous code cell and the cell that calls its `.check(`."""

import importlib
import re
from pathlib import Path

import nbformat
import pytest

from choices import options_in, right_is_longest, right_is_shortest
from takedown.questions import PRACTICE

COURSE = Path(__file__).resolve().parents[1]
LESSONS = sorted((COURSE / "notebooks").glob("0[0-8]_*.ipynb"))
LETTER = re.compile(r"""^\s*\w+\s*=\s*["']([a-d])["']\s*$""")
CHECK = re.compile(r"\b(\w+)\.check\(")


def checks_module(path):
    return importlib.import_module(PRACTICE.get(f"lesson_{path.name[:2]}") or PRACTICE[path.stem])


def choice_items(path):
    """(check name, right letter, {letter: option text}) for each multiple-choice check the lesson asks."""
    module, items, shown = checks_module(path), [], ""
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            shown += "\n" + cell.source
            continue
        for name in CHECK.findall(cell.source):
            right = LETTER.match(getattr(getattr(module, name, None), "solution_code", None) or "")
            if right:
                items.append((name, right.group(1), options_in(shown)))
        shown = ""
    return items


def all_items():
    return [(path.name, *item) for path in LESSONS for item in choice_items(path)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: path.stem)
def test_each_choice_shows_its_options_with_the_right_one_among_them(path):
    for name, right, options in choice_items(path):
        assert len(options) >= 3 and right in options, (path.name, name, options)


def test_the_right_option_is_seldom_the_longest():
    items = all_items()
    longest = [(lesson, name) for lesson, name, right, options in items if right_is_longest(options, right)]
    assert items and len(longest) <= len(items) / 3, f"{len(longest)} of {len(items)}: {longest}"


def test_an_options_length_is_no_clue_over_the_whole_course():
    """Over every multiple-choice item (lessons, exercises, assessments), the right option is the longest about as
    often as chance would make it: sometimes (at least 1 in 8), seldom (at most 1 in 3); and seldom the shortest."""
    from takedown.questions import EXERCISES
    from test_exercise_quality import choice_items as exercise_items

    items = [(right, options) for *_, right, options in all_items() + exercise_items(list(EXERCISES))]
    longest = sum(right_is_longest(options, right) for right, options in items)
    shortest = sum(right_is_shortest(options, right) for right, options in items)
    assert len(items) / 8 <= longest <= len(items) / 3, f"right option longest in {longest} of {len(items)}"
    assert shortest <= len(items) / 3, f"right option shortest in {shortest} of {len(items)}"


def test_right_letters_are_spread_over_a_to_d():
    letters = [right for _, _, right, _ in all_items()]
    counts = {letter: letters.count(letter) for letter in "abcd"}
    assert counts["d"] > 0, counts
    assert max(counts.values()) <= max(2, 0.4 * len(letters)), counts


def test_options_are_read_whole():
    """A wrapped option is read to its end, and an option's own line break ends it."""
    options = options_in("Which?\n\na) one  \nb) two,\n   wrapped<br>\nc) three\n\nWrite your letter.")
    assert options == {"a": "one", "b": "two, wrapped", "c": "three"}
    assert right_is_longest(options, "b") and not right_is_longest(options, "c")
