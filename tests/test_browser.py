"""The course in a real JupyterLab, in a real browser, with the internet cut off.

Executing notebooks cannot show whether a chart actually draws: a plotly map that needs a CDN
executes fine and shows a student a blank square. These tests start JupyterLab as the README says
(`make lab`, in a temporary copy of the course: see lab_server.py), drive Chromium with Playwright,
abort every request that is not for the local server, and open each lesson as a student would,
waiting until every chart output is drawn. Screenshots go to screenshots/ (git-ignored) for people
to look at; timings to screenshots/timings.json.

Chromium comes from $TAKEDOWN_CHROMIUM or the usual locations; without one these tests skip and
say how to install it (`.ci/run` installs Debian's chromium, so CI always runs them).
"""

import json
import time
from pathlib import Path

import nbformat
import pytest

from lab_server import NOTEBOOK, wait_until

COURSE = Path(__file__).resolve().parents[1]
LESSONS = sorted((COURSE / "notebooks").glob("*.ipynb"))
SCREENSHOTS = COURSE / "screenshots"
PLOTLY = "application/vnd.plotly.v1+json"
# A plot counts as drawn when its SVG holds marks: filled shapes, lines, bars or points.
DRAWN_PLOTS_JS = f"""() => [...document.querySelectorAll('{NOTEBOOK} .js-plotly-plot')].filter(plot =>
    [...plot.querySelectorAll('.trace path, path.point, path.js-fill, path.js-line')]
      .some(path => (path.getAttribute('d') || '').length > 10)).length"""
LOADED_IMAGES_JS = f"""() => [...document.querySelectorAll('{NOTEBOOK} .jp-OutputArea-output img')]
    .filter(image => image.complete && image.naturalWidth > 0).length"""


def chart_outputs(path):
    """(plotly outputs, images) stored in a notebook: what a student should see drawn."""
    outputs = [
        output
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "code"
        for output in cell.outputs
    ]

    def shows_an_image(data):  # a PNG, or HTML with an <img> (a chart with its alt text, lesson 06's preview)
        return "image/png" in data or "<img" in "".join(data.get("text/html", ""))

    return (
        sum(PLOTLY in output.get("data", {}) for output in outputs),
        sum(shows_an_image(output.get("data", {})) for output in outputs),
    )


def open_notebook(page, lab, relative_path):
    # ?reset: start from an empty workspace, not with the tabs of the previous test.
    page.goto(f"{lab['base']}/lab/tree/{relative_path}?reset&token={lab['token']}")
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=60_000)


def wait_for_charts(page, plots, images, seconds=60):
    """Wait until the expected number of plots have marks and images have loaded (or `seconds` have passed);
    return (plots drawn, images loaded)."""
    wait_until(
        page,
        f"([plots, images]) => ({DRAWN_PLOTS_JS})() >= plots && ({LOADED_IMAGES_JS})() >= images",
        seconds,
        arg=[plots, images],
    )
    return page.evaluate(DRAWN_PLOTS_JS), page.evaluate(LOADED_IMAGES_JS)


def record_timing(name, seconds):
    SCREENSHOTS.mkdir(exist_ok=True)
    timings_file = SCREENSHOTS / "timings.json"
    timings = json.loads(timings_file.read_text()) if timings_file.exists() else {}
    timings[name] = round(seconds, 2)
    timings_file.write_text(json.dumps(timings, indent=1, sort_keys=True))


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.stem)
def test_every_chart_of_a_lesson_is_drawn_with_no_internet(page, lab, lesson):
    plots, images = chart_outputs(lesson)
    started = time.monotonic()
    open_notebook(page, lab, f"notebooks/{lesson.name}")
    drawn, loaded = wait_for_charts(page, plots, images)
    record_timing(lesson.stem, time.monotonic() - started)
    page.screenshot(path=str(SCREENSHOTS / f"{lesson.stem}.png"), full_page=True)
    assert page.outside_requests == [], f"{lesson.name} tried to reach the internet"
    assert (drawn, loaded) == (plots, images), (
        f"{lesson.name}: {drawn}/{plots} plots and {loaded}/{images} images drawn"
    )


def test_a_chart_that_needs_a_cdn_is_caught(page, lab):
    """A plotly geo map fetches its base map from a CDN: offline it is blank, and these tests notice."""
    import plotly.express as px

    figure = px.scatter_geo(lat=[50.8], lon=[4.4], title="A map that needs the internet")
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "figure", outputs=[nbformat.v4.new_output("display_data", data={PLOTLY: json.loads(figure.to_json())})]
            )
        ]
    )
    nbformat.write(notebook, lab["root"] / "notebooks" / "cdn_map.ipynb")
    open_notebook(page, lab, "notebooks/cdn_map.ipynb")
    drawn, _ = wait_for_charts(page, plots=1, images=0, seconds=8)
    assert page.outside_requests, "the map's request for its base map was not seen"
    assert any("world_110m" in url or "cdn" in url for url in page.outside_requests)
    assert drawn == 0
