"""The pandas phrasebook (notebooks/phrasebook.md): every example runs on the course's data and gives what
the page says it gives, and lesson 00 links to the phrasebook and to the glossary's programming terms."""

import re
from pathlib import Path

import nbformat
import pytest

COURSE = Path(__file__).resolve().parents[1]
PHRASEBOOK = COURSE / "notebooks" / "phrasebook.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
SHOWN = re.compile(r"^(?P<expression>[^#\n]+?)\s+# → (?P<shown>.+)$", re.M)


def blocks():
    return BLOCK.findall(PHRASEBOOK.read_text(encoding="utf-8"))


def test_the_phrasebook_has_about_25_idioms_each_with_a_common_mistake():
    text = PHRASEBOOK.read_text(encoding="utf-8")
    idioms = re.findall(r"^\*\*\d+\. ", text, re.M)
    assert 25 <= len(idioms) <= 30
    assert len(re.findall(r"^\*Mistake:\*", text, re.M)) == len(idioms)
    assert len(blocks()) == len(idioms) + 1  # the set-up block, then one example per idiom


def test_every_example_runs_in_order_and_gives_what_the_page_shows(capsys):
    import matplotlib

    matplotlib.use("Agg")
    namespace = {}
    checked = 0
    for number, code in enumerate(blocks()):
        exec(compile(code, f"phrasebook block {number}", "exec"), namespace)
        for match in SHOWN.finditer(code):
            value = eval(match["expression"], namespace)
            assert str(value) == match["shown"].strip(), f"block {number}: {match['expression']} gives {value}"
            checked += 1
    assert checked >= 25


@pytest.mark.parametrize("page", ["phrasebook.md", "glossary.md#programming-terms"])
def test_lesson_00_links_the_phrasebook_and_the_glossarys_programming_terms(page):
    notebook = nbformat.read(COURSE / "notebooks" / "00_start_here.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert f"]({page})" in text


def test_the_glossary_defines_the_programming_terms_the_course_uses():
    glossary = (COURSE / "notebooks" / "glossary.md").read_text(encoding="utf-8")
    terms = glossary.split("## Programming terms", 1)[1]
    for term in (
        "Variable",
        "String",
        "List",
        "DataFrame",
        "Column",
        "Row",
        "Function",
        "Argument",
        "Method",
        "Error",
        "NameError",
        "KeyError",
        "Kernel",
        "Cell",
    ):
        assert re.search(rf"^\*\*{term}\b", terms, re.M), f"the glossary's programming terms lack {term}"
