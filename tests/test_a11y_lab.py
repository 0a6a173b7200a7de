"""Accessibility in JupyterLab: an axe-core audit of every lesson, and an exercise done with the keyboard only.

JupyterLab is started through `make lab` in a temporary copy of the course, and Chromium may not
leave it (lab_server.py). Each lesson in notebooks/ is opened, its charts drawn, and axe-core run
over the whole page. axe's findings are split in two:

* the course's own content: nodes inside a cell's outputs or rendered markdown (what the course's
  lessons, verdict boxes, tables and charts put on screen). Serious or critical ones fail the test.
* JupyterLab's interface: everything else (menus, side bars, tabs, the cell editors). These are
  reported, not asserted: the course cannot fix them, but people should know about them.

Every finding (both groups, with counts by rule and impact) goes to build/lab-audit.json, and a short
summary is printed. The audit uses the axe-core that axe-playwright-python bundles;
TAKEDOWN_AXE_JS=path/to/axe.min.js runs another build (e.g. npm's axe-core).

The keyboard test opens an exercise from the start lesson and answers a question using only the
keyboard: no click, no mouse, from the moment the page has loaded.
"""

import contextlib
import json
import os
from collections import Counter
from pathlib import Path

import nbformat
import pytest

from lab_server import NOTEBOOK, expect, wait_until
from takedown.questions import answer_key, questions_for
from test_browser import LESSONS, SCREENSHOTS, chart_outputs, open_notebook, wait_for_charts

COURSE = Path(__file__).resolve().parents[1]
AUDIT_REPORT = COURSE / "build" / "lab-audit.json"
SERIOUS = ("serious", "critical")
# The course's own content: what a cell's outputs and rendered markdown show.
CONTENT = ".jp-Cell .jp-OutputArea, .jp-Cell .jp-MarkdownOutput, .jp-Cell .jp-RenderedHTMLCommon"
# For each axe target: whether its element lies in the course's content, and the position of its cell
# in the notebook (-1 outside cells). A target is a list of selectors when the node is inside a shadow
# root or frame: its first selector is the host, in the page.
WHERE_JS = f"""targets => targets.map(target => {{
    const element = document.querySelector(Array.isArray(target) ? target[0] : target);
    if (element === null) return [null, -1];
    const cells = [...document.querySelectorAll('{NOTEBOOK} .jp-Cell')];
    return [Boolean(element.closest('{CONTENT}')), cells.indexOf(element.closest('.jp-Cell'))];
}})"""
# Serious findings in the course's content that need a lesson changed (lessons are not this test's to
# edit): (lesson, cell id, rule). Each is still reported; the test fails when one is gone, so the list
# cannot go stale. A pandas table wider than the notebook makes JupyterLab's output area scroll
# sideways, and that scrolling area cannot be reached with the keyboard.
KNOWN_IN_CONTENT = set()  # (lesson, cell id, rule) of serious findings accepted for now: none


def axe_version_and_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    if os.environ.get("TAKEDOWN_AXE_JS"):  # another axe-core build, e.g. npm's axe-core/axe.min.js
        axe.axe_script = Path(os.environ["TAKEDOWN_AXE_JS"]).read_text(encoding="utf-8")
    response = axe.run(page).response
    return response["testEngine"]["version"], response["violations"]


def axe_audit(page, notebook_path):
    """axe-core's findings, one per node, split into the course's content and JupyterLab's interface;
    a finding in a cell names the cell's id."""
    cell_ids = [cell.get("id") for cell in nbformat.read(notebook_path, as_version=4).cells]
    version, violations = axe_version_and_violations(page)
    found = {"axe-core": version, "content": [], "jupyterlab": []}
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"]]
        for node, (in_content, cell) in zip(violation["nodes"], page.evaluate(WHERE_JS, targets)):
            finding = {
                "rule": violation["id"],
                "impact": node.get("impact") or violation["impact"],
                "target": node["target"],
                "html": node["html"][:300],
                "summary": node.get("failureSummary", "")[:500],
            }
            if 0 <= cell < len(cell_ids):
                finding["cell"] = cell_ids[cell]
            # A node axe names but the page no longer has cannot be placed: count it as JupyterLab's,
            # and say so, rather than let it vanish from the report.
            if in_content is None:
                finding["note"] = "element not found when sorting"
            found["content" if in_content else "jupyterlab"].append(finding)
    return found


def counts(findings):
    """{"serious": {"color-contrast": 3, ...}, ...}: findings counted by impact, then rule."""
    table = {}
    for (impact, rule), number in sorted(Counter((f["impact"], f["rule"]) for f in findings).items()):
        table.setdefault(impact, {})[rule] = number
    return table


@pytest.fixture(scope="module")
def audit_report(request):
    """Every lesson's findings; written to build/lab-audit.json, with totals, when the module is done."""
    report = {}
    yield report
    if not report:
        return
    everything = {
        part: [finding for lesson in report.values() for finding in lesson[part]] for part in ("content", "jupyterlab")
    }
    summary = {part: counts(findings) for part, findings in everything.items()}
    AUDIT_REPORT.parent.mkdir(exist_ok=True)
    AUDIT_REPORT.write_text(
        json.dumps({"totals": summary, "lessons": report}, indent=1, sort_keys=True), encoding="utf-8"
    )
    # Shown even when pytest captures output (a print would be swallowed after a pass).
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        print_summary(report, everything, summary)


def print_summary(report, everything, summary):
    print(
        f"\nAccessibility audit of {len(report)} lessons in JupyterLab "
        f"(axe-core {next(iter(report.values()))['axe-core']}), written to {AUDIT_REPORT}:"
    )
    for part, title in (("content", "course content"), ("jupyterlab", "JupyterLab's interface")):
        print(f"  {title}: {len(everything[part])} nodes")
        for impact, rules in summary[part].items():
            print(f"    {impact}: " + ", ".join(f"{rule} {number}" for rule, number in rules.items()))


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.stem)
def test_every_lesson_in_jupyterlab_has_no_serious_accessibility_problem_in_its_content(
    page, lab, audit_report, lesson
):
    plots, images = chart_outputs(lesson)
    open_notebook(page, lab, f"notebooks/{lesson.name}")
    # Audit the lesson as a student sees it: charts drawn, kernel ready, nothing still loading.
    assert wait_for_charts(page, plots, images, seconds=90) == (plots, images), f"{lesson.name}: charts not drawn"
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)
    audit = axe_audit(page, lesson)
    audit_report[lesson.stem] = audit
    serious = [finding for finding in audit["content"] if finding["impact"] in SERIOUS]
    new = [
        finding for finding in serious if (lesson.stem, finding.get("cell"), finding["rule"]) not in KNOWN_IN_CONTENT
    ]
    assert new == [], f"{lesson.name}: serious accessibility problems in the course's content"
    known = {key for key in KNOWN_IN_CONTENT if key[0] == lesson.stem}
    gone = known - {(lesson.stem, finding.get("cell"), finding["rule"]) for finding in serious}
    assert not gone, f"fixed, so take them out of KNOWN_IN_CONTENT: {sorted(gone)}"
    assert page.outside_requests == [], f"{lesson.name} tried to reach the internet"


# ---- An exercise done with the keyboard only ------------------------------------------------

EXERCISE = "02_countries"
# Question 1 takes the True/False column two tests make: its answer is a line of code (the key's first line), typed
# key by key (the editor closes brackets and quotes itself, and typing the closing one steps over it).
RIGHT_LINE = answer_key(questions_for(EXERCISE)[0]).splitlines()[0]
# Counts every pointer event the page receives (a keyboard press makes none), to show none was used.
COUNT_POINTER_EVENTS_JS = """
window.pointerEvents = 0;
for (const kind of ['pointerdown', 'mousedown', 'wheel']) {
    window.addEventListener(kind, event => { if (event.isTrusted) window.pointerEvents += 1; }, true);
}"""
ACTIVE_CELL_JS = f"""() => [...document.querySelectorAll('{NOTEBOOK} .jp-Cell')]
    .findIndex(cell => cell.classList.contains('jp-mod-active'))"""


def cell_index(notebook_path, startswith):
    cells = nbformat.read(notebook_path, as_version=4).cells
    return next(
        index for index, cell in enumerate(cells) if cell.cell_type == "code" and cell.source.startswith(startswith)
    )


def move_to_cell(page, index):
    """Arrow keys in command mode until cell `index` is the active one; after each press, wait for the active
    cell to move (a key lost under load is pressed again)."""
    for _ in range(50):
        active = page.evaluate(ACTIVE_CELL_JS)
        if active == index:
            return
        page.keyboard.press("ArrowDown" if active < index else "ArrowUp")
        wait_until(page, f"before => ({ACTIVE_CELL_JS})() !== before", seconds=5, arg=active)
    pytest.fail(f"the arrow keys did not reach cell {index} (active: {page.evaluate(ACTIVE_CELL_JS)})")


def type_into(page, selector, text, open_with=None, attempts=3):
    """Type `text` into the box `selector` with the keyboard, and check it arrived. Under load JupyterLab may
    take the focus back while a notebook finishes loading and the keys are lost: then (re)open the box with
    the `open_with` shortcut, if it has one, and type again."""
    box = page.locator(selector)
    for _ in range(attempts):
        if open_with and not box.is_visible():
            page.keyboard.press(open_with)
        box.wait_for(state="visible")
        page.wait_for_function(f"document.activeElement?.matches({selector!r})")
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
        try:
            expect(box).to_have_value(text, timeout=5_000)
            return
        except AssertionError:  # the keys went elsewhere: type them again
            continue
    pytest.fail(f"the box {selector} would not take the keys {text!r} (it holds {box.input_value()!r})")


def type_first_line(page, cell, text, attempts=3):
    """In a cell's editor (in edit mode), type `text` over its first line with the keyboard, and wait until the
    line holds it; keys lost under load are typed again."""
    line = cell.locator(".cm-content .cm-line").first
    for _ in range(attempts):
        page.keyboard.press("Control+Home")
        page.keyboard.press("Shift+End")
        page.keyboard.type(text)
        try:
            expect(line).to_have_text(text, timeout=5_000)
            return
        except AssertionError:
            continue
    pytest.fail(f"the cell's first line would not take the keys {text!r} (it holds {line.inner_text()!r})")


def choose_palette_item(page, label):
    """Arrow down the command palette's results until the active one is `label`."""
    page.locator("#command-palette .lm-CommandPalette-item", has_text=label).first.wait_for()  # filtered
    active = page.locator("#command-palette .lm-CommandPalette-item.lm-mod-active")
    for _ in range(20):  # no item may be active yet (seen under load): the arrow key activates the first
        try:
            expect(active).to_contain_text(label, timeout=2_000)
            return
        except AssertionError:
            page.keyboard.press("ArrowDown")
    pytest.fail(f"the arrow keys did not reach {label!r} in the command palette")


def test_an_exercise_question_can_be_answered_with_the_keyboard_only(page, lab):
    page.add_init_script(COUNT_POINTER_EVENTS_JS)
    page.goto(lab["url"])
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=60_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)

    # From the start lesson: the command palette, "Open from Path…", the exercise's path.
    type_into(page, "#command-palette input", "Open from Path", open_with="Control+Shift+C")
    choose_palette_item(page, "Open from Path")
    page.keyboard.press("Enter")
    type_into(page, ".jp-Dialog input", f"exercises/{EXERCISE}.ipynb")
    page.keyboard.press("Enter")
    page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel", has_text=f"{EXERCISE}.ipynb").wait_for()
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=60_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)

    notebook_file = lab["root"] / "exercises" / f"{EXERCISE}.ipynb"
    setup, answer = cell_index(notebook_file, ""), cell_index(notebook_file, "eu_servers = ...")
    cells = page.locator(f"{NOTEBOOK} .jp-Cell")
    try:
        # Command mode; down to the set-up cell and run it (Shift+Enter also moves to the next cell).
        page.keyboard.press("Escape")
        move_to_cell(page, setup)
        page.keyboard.press("Shift+Enter")
        cells.nth(setup).locator(".jp-InputPrompt", has_text="[1]").wait_for(timeout=90_000)

        # Down to question 1's cell, Enter to edit, replace the placeholder line, Shift+Enter.
        move_to_cell(page, answer)
        page.keyboard.press("Enter")
        expect(cells.nth(answer).locator(".cm-editor.cm-focused")).to_be_visible()
        type_first_line(page, cells.nth(answer), RIGHT_LINE)
        page.keyboard.press("Shift+Enter")
        verdict = cells.nth(answer).locator(".jp-OutputArea-output", has_text="✓ Question 1 – Correct")
        verdict.wait_for(timeout=90_000)
    finally:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "keyboard_02_countries.png"), full_page=True)

    # A screen reader announces the verdict when it appears: it is a live "status" region.
    assert verdict.locator('[role="status"]', has_text="✓ Question 1 – Correct").count() == 1
    assert page.evaluate("window.pointerEvents") == 0, "the mouse was used"
    assert page.outside_requests == []


# ---- A chart's image carries its text alternative ---------------------------------------------


def test_a_course_chart_image_carries_its_text_alternative_as_alt():
    """In a kernel, a Chart's matplotlib figure comes as an <img> whose alt is the text alternative, with
    the same PNG kept for front ends that cannot show HTML; a student's own figure is left as it is."""
    import base64
    import html
    import io
    import re

    from nbclient import NotebookClient

    from takedown import charts

    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("from takedown import charts\ncharts.membership_chart()"),
            nbformat.v4.new_code_cell(
                "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2])\nplt.show()"
            ),
        ]
    )
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(COURSE)}}
    ).execute()
    chart_image, student_image = (
        [output["data"] for output in cell.outputs if "image/png" in output.get("data", {})] for cell in notebook.cells
    )
    assert len(chart_image) == 1 and len(student_image) == 1
    shown = chart_image[0]["text/html"]
    alt = re.fullmatch(r'<img alt="([^"]*)" src="data:image/png;base64,([^"]*)" [^>]*>', shown)
    assert alt, shown[:200]
    assert html.unescape(alt.group(1)) == charts.membership_chart().alt_text
    from PIL import Image  # the <img> shows the same picture as the stored PNG, in fewer bytes

    shown_image = Image.open(io.BytesIO(base64.b64decode(alt.group(2))))
    stored_image = Image.open(io.BytesIO(base64.b64decode(chart_image[0]["image/png"])))
    assert shown_image.size == stored_image.size and len(alt.group(2)) < len(chart_image[0]["image/png"])
    assert "text/html" not in student_image[0]
