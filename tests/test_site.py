"""The static course site, built as `make site` builds it and read in Chromium with the internet blocked.

The site is built once into a temporary folder and served on 127.0.0.1. Each page is opened in
Chromium; every request that is not for the local server is aborted and counted. For every page:
nothing from outside, every plotly chart drawn, every image loaded with a meaningful `alt`, every
internal link (and its #anchor) found, and an axe-core audit with no serious or critical violation.
The audit's findings are written to build/site-audit.json for people to read. The audit uses the
axe-core that axe-playwright-python bundles (4.12.1); TAKEDOWN_AXE_JS=path/to/axe.min.js runs another.

Needs the site's packages (course/authoring/site/requirements.txt) and axe-playwright-python; Chromium
comes from $TAKEDOWN_CHROMIUM or the usual places. Without them these tests skip and say what to
install; under CI they fail.
"""

import html
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

import offline_browser
from bench import free_port
from course.authoring import site as course_site

COURSE = Path(__file__).resolve().parents[1]
AUDIT_REPORT = COURSE / "build" / "site-audit.json"
PLOTLY = "application/vnd.plotly.v1+json"
# The page's own content, as opposed to the theme around it (sidebar, header, search dialog).
CONTENT = "main article"
DRAWN_PLOTS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(plot =>
    [...plot.querySelectorAll('.trace path, path.point, path.js-fill, path.js-line')]
      .some(path => (path.getAttribute('d') || '').length > 10)).length"""
IMAGES_JS = """() => [...document.querySelectorAll('img')].map(image => ({
    src: image.getAttribute('src'), alt: image.getAttribute('alt'), loaded: image.complete && image.naturalWidth > 0}))"""
LINKS_JS = "() => [...document.querySelectorAll('a[href]')].map(link => link.href)"
IN_CONTENT_JS = f"""selectors => selectors.map(selector => {{
    const element = document.querySelector(selector);
    return Boolean(element && element.closest('{CONTENT}'));
}})"""


def page_names():
    """Every page the site must have: home, instructor guide, search, each lesson and reference page, and each
    reader's page of docs/."""
    pages = ["index.html", "instructors.html", "search.html"]
    pages += [f"docs/{path.stem}.html" for path in course_site.docs_pages()]
    return pages + [f"notebooks/{path.stem}.html" for path in course_site.lessons() + course_site.reference_pages()]


def expected_plots(page_name):
    source = COURSE / "notebooks" / (Path(page_name).stem + ".ipynb")
    if not page_name.startswith("notebooks/") or not source.exists():
        return 0
    return sum(
        PLOTLY in output.get("data", {})
        for cell in nbformat.read(source, as_version=4).cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


def meaningful(alt):
    """An alt that describes: words, not a file name or a hash."""
    return bool(alt) and len(alt.split()) >= 4 and not re.search(r"\.(png|jpe?g|svg|gif)\b|[0-9a-f]{16}", alt)


def needs(what):
    offline_browser.needs(what, "site tests")


@pytest.fixture(scope="module")
def site_build(tmp_path_factory):
    """The site, built by the command `make site` runs, into a temporary folder: (folder, what it printed)."""
    try:
        import axe_playwright_python  # noqa: F401
        import sphinx  # noqa: F401
    except ImportError as error:
        needs(
            f"{error.name} is missing: python -m pip install -r course/authoring/site/requirements.txt "
            "axe-playwright-python==0.1.8"
        )
    out = tmp_path_factory.mktemp("site") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "takedown", "site", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=COURSE,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout


@pytest.fixture(scope="module")
def built_site(site_build):
    return site_build[0]


@pytest.fixture(scope="module")
def server(built_site):
    """The built site served on 127.0.0.1, as a reader's browser would get it from any web server."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(built_site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(80):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("the site's web server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with offline_browser.launched_chromium("site tests") as chromium:
        yield chromium


@pytest.fixture
def page(browser, server):
    """A tab that may only talk to the local site; every other request is aborted and listed."""
    with offline_browser.offline_tab(browser, [server]) as tab:
        yield tab


@pytest.fixture(scope="module")
def audit_report():
    """Every page's axe findings, written to build/site-audit.json when the module is done."""
    report = {}
    yield report
    AUDIT_REPORT.parent.mkdir(exist_ok=True)
    AUDIT_REPORT.write_text(json.dumps(report, indent=1, sort_keys=True))


def wait_for_plots(page, plots, seconds=30):
    deadline = time.monotonic() + seconds
    drawn = page.evaluate(DRAWN_PLOTS_JS)
    while drawn < plots and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        drawn = page.evaluate(DRAWN_PLOTS_JS)
    return drawn


def broken_links(page, server, built_site):
    """Links to this site whose page, or whose #anchor on that page, does not exist."""
    broken = []
    for href in set(page.evaluate(LINKS_JS)):
        if not href.startswith(server):
            continue
        parts = urlsplit(href)
        target = built_site / unquote(parts.path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(href)
        elif parts.fragment and f'id="{unquote(parts.fragment)}"' not in target.read_text(encoding="utf-8"):
            broken.append(href)
    return sorted(broken)


def axe_audit(page):
    """axe-core's violations, split into the page's own content and the theme around it."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    if os.environ.get("TAKEDOWN_AXE_JS"):  # another axe-core build, e.g. npm's axe-core/axe.min.js
        axe.axe_script = Path(os.environ["TAKEDOWN_AXE_JS"]).read_text(encoding="utf-8")
    found = {"content": [], "theme": []}
    for violation in axe.run(page).response["violations"]:
        targets = [node["target"][0] for node in violation["nodes"]]
        for target, in_content in zip(targets, page.evaluate(IN_CONTENT_JS, targets)):
            found["content" if in_content else "theme"].append(
                {"rule": violation["id"], "impact": violation["impact"], "target": target}
            )
    return found


@pytest.mark.parametrize("page_name", page_names())
def test_every_page_works_offline_and_passes_the_audit(page, server, built_site, audit_report, page_name):
    assert (built_site / page_name).is_file(), f"the site has no {page_name}"
    page.goto(f"{server}/{page_name}")
    page.wait_for_load_state("load")
    plots = expected_plots(page_name)
    assert wait_for_plots(page, plots) == plots, f"{page_name}: not every plotly chart was drawn"
    images = page.evaluate(IMAGES_JS)
    assert [image["src"] for image in images if not image["loaded"]] == [], f"{page_name}: images not loaded"
    assert [image for image in images if not meaningful(image["alt"])] == [], (
        f"{page_name}: images without a meaningful alt"
    )
    assert broken_links(page, server, built_site) == []
    assert not any("solutions/" in href for href in page.evaluate(LINKS_JS)), f"{page_name} links to an answer key"
    audit = axe_audit(page)
    audit_report[page_name] = audit
    serious = {
        part: [finding for finding in findings if finding["impact"] in ("serious", "critical")]
        for part, findings in audit.items()
    }
    assert serious["content"] == [], f"{page_name}: serious accessibility problems in the course's content"
    assert serious["theme"] == [], f"{page_name}: serious accessibility problems in the site's theme"
    assert page.outside_requests == [], f"{page_name} tried to reach the internet"


def test_every_lesson_chart_is_named_by_its_text_alternative(built_site):
    """A matplotlib chart's alt, and the figure around a plotly chart, say what the lesson prints under it."""
    for lesson in course_site.lessons():
        images, plots = [], []
        for cell in nbformat.read(lesson, as_version=4).cells:
            kinds = {kind for output in cell.get("outputs", []) for kind in output.get("data", {})}
            alts = [alt for alt in map(course_site.text_alternative, cell.get("outputs", [])) if alt]
            if "image/png" in kinds:
                images += alts[:1]
            if PLOTLY in kinds:
                plots += alts[:1]
        page = (built_site / "notebooks" / f"{lesson.stem}.html").read_text(encoding="utf-8")
        assert [html.unescape(alt) for alt in re.findall(r'<img alt="([^"]*)"', page)] == images, lesson.name
        assert [html.unescape(alt) for alt in re.findall(r'role="figure" aria-label="([^"]*)"', page)] == plots, (
            lesson.name
        )


def test_search_finds_a_lesson_offline(page, server):
    page.goto(f"{server}/search.html?q=Europol")
    page.wait_for_selector("#search-results ul.search li a", timeout=30_000)
    found = page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(link => link.href)")
    assert any("/notebooks/01_the_article.html" in href for href in found), found
    assert page.outside_requests == []


def test_the_sidebar_lists_the_lessons_in_course_order_and_the_instructor_guide(page, server):
    page.goto(f"{server}/index.html")
    sidebar = page.eval_on_selector_all(
        "nav.bd-docs-nav a.reference.internal", "links => links.map(link => link.getAttribute('href'))"
    )
    lessons = [href for href in sidebar if href.startswith("notebooks/")]
    assert lessons == [f"notebooks/{path.stem}.html" for path in course_site.lessons() + course_site.reference_pages()]
    assert "instructors.html" in sidebar
    assert [href for href in sidebar if href.startswith("docs/")] == [
        f"docs/{name}.html" for name in course_site.DOCS_PAGES
    ]
    assert page.locator("main").get_by_text("The course map").count() >= 1


def test_no_page_holds_an_answer_key(built_site):
    """No answer key on any page. The authors' page shows the markers once, around a made-up answer
    (tests/test_release.py checks it is no question's), which is all it may show between them."""
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if path.relative_to(built_site).as_posix() == "docs/authors.html":
            regions = re.findall(r"### BEGIN SOLUTION(.*?)### END SOLUTION", text, re.S)
            assert len(regions) == 1 and "first_country" in regions[0] and "iloc" in regions[0], regions
            text = text.replace(regions[0], "")
            assert text.count("### BEGIN SOLUTION") == 1, path
            continue
        assert "### BEGIN SOLUTION" not in text, path
        assert not re.search(r'href="[^"]*solutions/', text), path


def test_the_site_command_tells_a_maintainer_what_it_built(site_build):
    """It names the site's front page and says which reference pages are still to come."""
    out, printed = site_build
    assert str(out / "index.html") in printed
    for name in course_site.REFERENCE_PAGES:
        present = any((COURSE / "notebooks" / f"{name}{suffix}").exists() for suffix in (".md", ".ipynb"))
        assert (f"notebooks/{name}.md" in printed) != present


def test_make_site_runs_the_site_command():
    planned = subprocess.run(["make", "-n", "site"], capture_output=True, text=True, cwd=COURSE).stdout
    assert "-m takedown site --out build/site" in planned


def test_the_students_page_shows_its_screenshots_with_their_text_alternatives(built_site):
    """docs/students.md's screenshots (docs/images/) reach the site, each with the alt text the page gives it."""
    page = (built_site / "docs" / "students.html").read_text(encoding="utf-8")
    shown = re.findall(
        r'<img[^>]*\balt="([^"]+)"[^>]*\bsrc="([^"]+)"|<img[^>]*\bsrc="([^"]+)"[^>]*\balt="([^"]+)"', page
    )
    images = {html.unescape(alt or alt2): src or src2 for alt, src, src2, alt2 in shown}
    wanted = re.findall(r"!\[([^\]]+)\]\(images/", (COURSE / "docs" / "students.md").read_text(encoding="utf-8"))
    assert len(wanted) >= 2
    for alt in wanted:
        found = [src for text, src in images.items() if " ".join(text.split()) == " ".join(alt.split())]
        assert found, f"no image with the alt text {alt[:60]!r}… on the students' page"
        assert (built_site / "docs" / found[0]).resolve().is_file(), found[0]
