"""What the tests share: their tiers (markers), the skips for missing tools, and the expensive set-ups done
once per test session.

Tiers (markers registered in pyproject.toml):
* `slow`: starts a kernel, runs or builds notebooks, grades a class, builds the site or the student edition,
  or drives a browser. `pytest -n 2 -m "not slow" tests` is the fast tier (under a minute): the runtime's
  logic — questions and their feedback, data, text, charts' figures — without kernels.
* `browser`: needs Chromium and Playwright (JupyterLab in a real browser, the static site).
* `sandbox`: grades in the bubblewrap sandbox (Linux with user namespaces).
  Browser and sandbox tests are slow too. Whole modules are put in a tier in SLOW_MODULES below (one place,
  with the reason); single tests with `@pytest.mark.slow`; a test that asks for the `lab`, `page` or
  `browser` fixture is a browser test.

Skips: without Chromium or bubblewrap these tests skip and say what to install, except under CI=true, where
they fail: CI must never pass by skipping.

Done once per session (and shared by the test workers of `pytest -n 2`):
* `graded_sample_class`: tests/samples/ graded with the instructor's command;
* `lab`: JupyterLab started with `python3 -m course lab` in a copy of the course (tests/lab_server.py); `page` gives each
  test a fresh offline tab and, after it, puts the server back as it was (no kernels, no saved workspace,
  the course's files as committed).
"""

import contextlib
import hashlib
import io
import json
import os
from pathlib import Path

import pytest

import lab_server
import offline_browser

COURSE = Path(__file__).resolve().parents[1]
SAMPLES = Path(__file__).parent / "samples"

# Modules whose every test is slow, and the tools they need beyond Python (why, in a word each).
SLOW_MODULES = {
    "test_a11y_lab": {"browser"},  # JupyterLab in Chromium, axe audits
    "test_browser": {"browser"},  # JupyterLab in Chromium, every lesson drawn
    "test_journey_lab": {"browser"},  # a student's session in JupyterLab
    "test_site": set(),  # builds the static site (its page tests are browser tests)
    "test_grade": {"sandbox"},  # grades classes in the sandbox
    "test_journey_grade": {"sandbox"},  # the README's grading command on a class
    "test_journey_review": {"sandbox"},  # grading, review and merge as the README tells them
    "test_sandbox": set(),  # hostile submissions graded (the sandbox tests are marked there)
    "test_journey_check": set(),  # `make check` runs nbval on exercises
    "test_selfcheck": set(),  # the check command runs notebooks
    "test_release": set(),  # builds student editions, starts `make lab`, grades
}
BROWSER_FIXTURES = {"lab", "page", "browser"}


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        module = Path(str(item.fspath)).stem
        kinds = set(SLOW_MODULES.get(module, ()))
        if module in SLOW_MODULES or str(item.fspath).endswith(".ipynb"):  # nbval runs the notebook in a kernel
            kinds.add("slow")
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            kinds.add("browser")
        if item.get_closest_marker("browser") or item.get_closest_marker("sandbox"):
            kinds.add("slow")
        if kinds & {"browser", "sandbox"}:
            kinds.add("slow")
        for kind in sorted(kinds):
            if not item.get_closest_marker(kind):
                item.add_marker(kind)


@pytest.hookimpl(tryfirst=True)  # before any fixture starts a server or grades a class
def pytest_runtest_setup(item):
    if item.get_closest_marker("browser"):
        problem = browser_problem()
        if problem:
            offline_browser.needs(problem, "browser tests")  # skips, or fails under CI=true
    if item.get_closest_marker("sandbox"):
        problem = sandbox_problem()
        if problem:
            offline_browser.needs(f"no grading sandbox here: {problem}", "sandbox tests")


_problems = {}


def browser_problem():
    if "browser" not in _problems:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            _problems["browser"] = "Playwright is missing: install tests/requirements.txt (make test does)"
        else:
            _problems["browser"] = (
                None
                if offline_browser.find_chromium()
                else (
                    "no Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) "
                    "or point TAKEDOWN_CHROMIUM at a Chrome/Chromium binary"
                )
            )
    return _problems["browser"]


def sandbox_problem():
    if "sandbox" not in _problems:
        from course.grading import isolation

        _problems["sandbox"] = isolation.problem()
    return _problems["sandbox"]


# ---- Done once per session, shared by the workers ---------------------------------------------------------


def shared_folder(tmp_path_factory):
    """A folder every worker of this run sees (pytest-xdist gives each worker its own temporary folder)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def only_one_worker(lock_path):
    """Hold `lock_path` while the block runs, so a set-up shared by the workers is done by one of them."""
    try:
        import fcntl
    except ImportError:  # Windows: no sandbox there, so nothing shared is graded
        yield
        return
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def graded_sample_class(tmp_path_factory):
    """tests/samples/ graded once with the instructor's command (exercise 02, two jobs): {"status", "out"
    (where the gradebook and feedback are), "before"/"after" (the submissions' hashes), "printed"}."""
    shared = shared_folder(tmp_path_factory)
    out, record = shared / "sample-class", shared / "sample-class.json"
    with only_one_worker(shared / "sample-class.lock"):
        if not record.exists():
            from course.cli import main

            submissions = sorted(SAMPLES.glob("*.ipynb"))
            out.mkdir(exist_ok=True)
            before = {path.name: digest(path) for path in submissions}
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                status = main(
                    [
                        "grade",
                        str(SAMPLES),
                        "--exercise",
                        "02_countries",
                        "--out",
                        str(out / "gradebook.csv"),
                        "--feedback",
                        str(out / "feedback"),
                        "--jobs",
                        "2",
                        "--quiet",
                    ]
                )
            after = {path.name: digest(path) for path in submissions}
            record.write_text(
                json.dumps({"status": status, "before": before, "after": after, "printed": printed.getvalue()}),
                encoding="utf-8",
            )
    return {**json.loads(record.read_text(encoding="utf-8")), "out": out}


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """`python3 -m course lab` in a copy of the course, once per session (per test worker): {"url": the printed URL,
    "base", "token", "port", "root": the copy, "home": Jupyter's per-user folders, "output": the command's log}."""
    with lab_server.started_lab(tmp_path_factory) as started:
        yield started


@pytest.fixture(scope="session")
def browser():
    with offline_browser.launched_chromium("browser tests") as chromium:
        yield chromium


@pytest.fixture
def page(browser, lab):
    """A browser tab that may only talk to the local JupyterLab; every other request is aborted and listed.
    After the test, the server is put back as the next test expects it."""
    port = lab["port"]
    local = [f"{scheme}://{host}:{port}" for host in ("127.0.0.1", "localhost") for scheme in ("http", "ws")]
    try:
        with offline_browser.offline_tab(browser, local) as tab:
            yield tab
    finally:
        lab_server.reset(lab)
