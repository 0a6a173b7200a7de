"""A new student's first session, as the README tells it: `make lab`, then an exercise, typed by hand.

JupyterLab is started through `make lab` in a temporary copy of the course (lab_server.py), with
LAB_ARGS for the port and no browser only, and the browser opens the address it printed. With the
internet blocked, the student lands on the start lesson, goes up to the course folder in the file
browser, into exercises/, double-clicks 02_countries.ipynb, runs it, and types answers with the
keyboard: a wrong kind of answer, a wrong one, a right one, and then un-comments a hint. Each cell
must show the sentence that question's check gives for that answer (the answers come from
tests/test_questions.py's table; the sentences from the checks themselves).
"""

import nbformat
import pytest

from lab_server import NOTEBOOK, expect
from takedown import feedback
from takedown.questions import answer_key, countries
from test_browser import SCREENSHOTS
from test_questions import ANSWERS

EXERCISE = "02_countries"
ANSWER = {
    number: (right, wrong, wrong_kind) for exercise, number, right, wrong, wrong_kind in ANSWERS if exercise == EXERCISE
}
FILE_BROWSER = "#filebrowser"
NEWS = "Would you like to get notified about official Jupyter news?"


def answer_cell_index(notebook_path, number):
    """Position of the code cell that checks question `number` (what the student scrolls to)."""
    cells = nbformat.read(notebook_path, as_version=4).cells
    return next(index for index, cell in enumerate(cells) if f"q{number}.check(" in cell.source)


def listing_item(page, name):
    return page.locator(
        f"{FILE_BROWSER} .jp-DirListing-item", has=page.locator(".jp-DirListing-itemText", has_text=name)
    ).first


def listed_names(page):
    return page.locator(f"{FILE_BROWSER} .jp-DirListing-item .jp-DirListing-itemText").all_inner_texts()


def replace_line(page, cell, line, text, attempts=3):
    """Click into a cell's editor, select one whole line with the keyboard and type over it; wait until the
    line holds the text (keys lost under load are typed again)."""
    target = cell.locator(".cm-content .cm-line").nth(line)
    for _ in range(attempts):
        target.click()
        expect(cell.locator(".cm-editor.cm-focused")).to_be_visible()
        page.keyboard.press("Home")
        page.keyboard.press("Home")  # the first press may stop at the indentation
        page.keyboard.press("Shift+End")
        page.keyboard.type(text)
        try:
            expect(target).to_have_text(text, timeout=5_000)
            return
        except AssertionError:
            continue
    pytest.fail(f"line {line} of the cell would not take the keys {text!r} (it holds {target.inner_text()!r})")


def run_cell(page, cell, says, seconds=60):
    """Shift+Enter, then wait until the cell's output says `says`; return the output's text."""
    page.keyboard.press("Shift+Enter")
    output = cell.locator(".jp-OutputArea-output", has_text=says)
    output.first.wait_for(timeout=seconds * 1000)
    return cell.locator(".jp-OutputArea").inner_text()


def kernel_idle(page):
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)


def test_a_student_opens_the_course_finds_an_exercise_and_types_answers(page, lab):
    # The printed address opens the start lesson, with no pop-up asking about news.
    page.goto(lab["url"])
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=60_000)
    assert (
        page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel", has_text="00_start_here.ipynb").count() >= 1
    )
    kernel_idle(page)
    assert page.get_by_text(NEWS).count() == 0, "JupyterLab asks about news"

    # In the file browser: up to the course folder, into exercises/, double-click the exercise.
    page.locator(f"{FILE_BROWSER} .jp-BreadCrumbs-home").click()
    listing_item(page, "exercises").wait_for()
    assert {"notebooks", "exercises", "solutions", "README.md"} <= set(listed_names(page))
    listing_item(page, "exercises").dblclick()
    listing_item(page, f"{EXERCISE}.ipynb").dblclick()
    page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel", has_text=f"{EXERCISE}.ipynb").wait_for()
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=60_000)
    kernel_idle(page)

    # Run All, as the exercise's first cell asks.
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()
    notebook_file = lab["root"] / "exercises" / f"{EXERCISE}.ipynb"
    cells = page.locator(f"{NOTEBOOK} .jp-Cell")
    q1, q3 = (cells.nth(answer_cell_index(notebook_file, number)) for number in (1, 3))
    q1.locator(".jp-OutputArea-output", has_text="Question 1 – Not attempted yet").wait_for(timeout=90_000)
    kernel_idle(page)

    right, wrong, wrong_kind = ANSWER[1]
    try:
        # Text where a number is expected: the wrong-kind sentence, not a traceback.
        expected = countries.q1.check(wrong_kind)
        assert expected.status == feedback.WRONG_KIND
        replace_line(page, q1, 0, f"eu_servers = {wrong_kind!r}")
        shown = run_cell(page, q1, "Question 1 – Not yet")
        assert str(expected) in shown and "Traceback" not in shown

        # A wrong answer to question 3: "Not yet", and what to look at.
        expected = countries.q3.check(ANSWER[3][1])
        replace_line(page, q3, 1, f"new_in_2024 = {ANSWER[3][1]!r}")  # line 0 is codes_2024
        shown = run_cell(page, q3, "✗ Question 3 – Not yet")
        assert str(expected) in shown

        # The right answer to question 1, then its hint un-commented: verdict and hint side by side.
        replace_line(page, q1, 0, answer_key(countries.q1).splitlines()[0])  # a line of code: the column two tests make
        shown = run_cell(page, q1, "✓ Question 1 – Correct")
        assert str(countries.q1.check(right)) in shown
        replace_line(page, q1, 2, "q1.hint()")
        run_cell(page, q1, "Hint for Question 1")
        expect(q1.locator(".jp-OutputArea-output", has_text="✓ Question 1 – Correct")).to_be_visible()
        expect(q1.locator(".jp-OutputArea-output", has_text="Hint for Question 1")).to_be_visible()
    finally:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "journey_02_countries.png"), full_page=True)
    assert page.get_by_text(NEWS).count() == 0
    assert page.outside_requests == [], "JupyterLab or the course tried to reach the internet"


def test_make_lab_serves_the_course_folder(lab):
    """The server's root is the course folder: lessons and exercises are both there, as every lesson says."""
    import json
    import urllib.request

    def contents(path):
        with urllib.request.urlopen(f"{lab['base']}/api/contents/{path}?content=1&token={lab['token']}") as answer:
            return {item["name"] for item in json.load(answer)["content"]}

    assert {"notebooks", "exercises", "solutions"} <= contents("")
    assert f"{EXERCISE}.ipynb" in contents("exercises")
    assert "/lab/tree/notebooks/00_start_here.ipynb?token=" in lab["url"]


@pytest.mark.parametrize(
    "setting, value",
    [
        ("@jupyterlab/apputils-extension:notification", {"fetchNews": "false"}),
        ("@jupyterlab/notebook-extension:tracker", {"windowingMode": "none"}),
    ],
)
def test_make_lab_ships_the_course_settings(lab, setting, value):
    """The course's defaults reach JupyterLab: no news pop-up; every cell of a lesson rendered at once
    (charts further down a lesson drawn without scrolling)."""
    import json
    import urllib.request

    with urllib.request.urlopen(f"{lab['base']}/lab/api/settings/{setting}?token={lab['token']}") as answer:
        schema = json.load(answer)["schema"]["properties"]
    for key, expected in value.items():
        assert schema[key]["default"] == expected
