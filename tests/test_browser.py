"""The course in a real JupyterLab, in a real browser, with the internet cut off.

Executing notebooks cannot show whether a chart actually draws: a plotly map that needs a CDN
executes fine and shows a student a blank square. These tests start JupyterLab on 127.0.0.1,
drive Chromium with Playwright, abort every request that is not for the local server, and open
each lesson as a student would, waiting until every chart output is drawn. Screenshots go to
screenshots/ (git-ignored) for people to look at; timings to screenshots/timings.json.

Chromium comes from $TAKEDOWN_CHROMIUM or the usual locations; without one these tests skip and
say how to install it (`.ci/run` installs Debian's chromium, so CI always runs them).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

COURSE = Path(__file__).resolve().parents[1]
LESSONS = sorted((COURSE / "notebooks").glob("*.ipynb"))
SCREENSHOTS = COURSE / "screenshots"
BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]
PLOTLY = "application/vnd.plotly.v1+json"
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"  # the notebook in the open tab
# A plot counts as drawn when its SVG holds marks: filled shapes, lines, bars or points.
DRAWN_PLOTS_JS = f"""() => [...document.querySelectorAll('{NOTEBOOK} .js-plotly-plot')].filter(plot =>
    [...plot.querySelectorAll('.trace path, path.point, path.js-fill, path.js-line')]
      .some(path => (path.getAttribute('d') || '').length > 10)).length"""
LOADED_IMAGES_JS = f"""() => [...document.querySelectorAll('{NOTEBOOK} .jp-RenderedImage img')]
    .filter(image => image.complete && image.naturalWidth > 0).length"""


def find_chromium():
    candidates = [os.environ.get("TAKEDOWN_CHROMIUM", "")] + BROWSERS + [shutil.which("chromium") or ""]
    return next((path for path in candidates if path and Path(path).is_file()), None)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def chart_outputs(path):
    """(plotly outputs, images) stored in a notebook: what a student should see drawn."""
    outputs = [output for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"
               for output in cell.outputs]
    return (sum(PLOTLY in output.get("data", {}) for output in outputs),
            sum("image/png" in output.get("data", {}) for output in outputs))


@pytest.fixture(scope="module")
def course_copy(tmp_path_factory):
    """A copy of the course's notebook folders, so nothing the browser does touches the real files."""
    root = tmp_path_factory.mktemp("lab-root")
    for folder in ("notebooks", "exercises"):
        shutil.copytree(COURSE / folder, root / folder)
    return root


@pytest.fixture(scope="module")
def lab(course_copy, tmp_path_factory):
    """JupyterLab on 127.0.0.1 with a token, news and update checks off, settings in a temporary folder."""
    settings = tmp_path_factory.mktemp("lab-settings")
    # Render every cell at once, so charts further down a lesson are drawn without scrolling.
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    notification = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    port, token = free_port(), "course-browser-test"
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", "--LabApp.news_url=", f"--ServerApp.root_dir={course_copy}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={settings / 'workspaces'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(settings / "config"), JUPYTER_RUNTIME_DIR=str(settings / "runtime"))
    server = subprocess.Popen(command, cwd=course_copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("JupyterLab did not start within 30 seconds")
        yield {"url": url, "token": token, "port": port}
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="install the course's requirements.txt")
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser tests: .ci/run installs Debian's chromium")
        pytest.skip("no Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) "
                    "or point TAKEDOWN_CHROMIUM at a Chrome/Chromium binary")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, lab):
    """A browser tab that may only talk to the local JupyterLab; every other request is aborted and listed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = []
    local = (f"http://127.0.0.1:{lab['port']}", f"ws://127.0.0.1:{lab['port']}", "data:", "blob:")

    def route(request_route):
        if request_route.request.url.startswith(local):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.outside_requests = outside
    yield tab
    context.close()


def open_notebook(page, lab, relative_path):
    # ?reset: start from an empty workspace, not with the tabs of the previous test.
    page.goto(f"{lab['url']}/lab/tree/{relative_path}?reset&token={lab['token']}")
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=60_000)


def wait_for_charts(page, plots, images, seconds=60):
    """Wait until the expected number of plots have marks and images have loaded; return what was drawn."""
    deadline = time.monotonic() + seconds
    drawn = loaded = 0
    while time.monotonic() < deadline:
        drawn, loaded = page.evaluate(DRAWN_PLOTS_JS), page.evaluate(LOADED_IMAGES_JS)
        if drawn >= plots and loaded >= images:
            break
        page.wait_for_timeout(250)
    return drawn, loaded


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
    assert (drawn, loaded) == (plots, images), f"{lesson.name}: {drawn}/{plots} plots and {loaded}/{images} images drawn"


def test_a_chart_that_needs_a_cdn_is_caught(page, lab, course_copy):
    """A plotly geo map fetches its base map from a CDN: offline it is blank, and these tests notice."""
    import plotly.express as px

    figure = px.scatter_geo(lat=[50.8], lon=[4.4], title="A map that needs the internet")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("figure", outputs=[
        nbformat.v4.new_output("display_data", data={PLOTLY: json.loads(figure.to_json())})])])
    nbformat.write(notebook, course_copy / "notebooks" / "cdn_map.ipynb")
    open_notebook(page, lab, "notebooks/cdn_map.ipynb")
    drawn, _ = wait_for_charts(page, plots=1, images=0, seconds=8)
    assert page.outside_requests, "the map's request for its base map was not seen"
    assert any("world_110m" in url or "cdn" in url for url in page.outside_requests)
    assert drawn == 0


def test_an_exercise_runs_in_the_browser_and_shows_its_feedback(page, lab, course_copy):
    """A student's first answer, run with Run All: feedback appears for every question."""
    path = course_copy / "exercises" / "02_countries.ipynb"
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.source = cell.source.replace("eu_members = ...  # your answer here", "eu_members = 6")
    nbformat.write(notebook, path)
    open_notebook(page, lab, "exercises/02_countries.ipynb")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-mod-active", timeout=60_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()
    try:
        page.get_by_text("Question 1 – Correct").wait_for(timeout=60_000)
    finally:
        page.screenshot(path=str(SCREENSHOTS / "exercise_02_run.png"))
    page.get_by_text("Question 5 – Not attempted yet").wait_for(timeout=60_000)
    assert page.get_by_text("Not attempted yet").count() >= 4
    assert page.outside_requests == []
