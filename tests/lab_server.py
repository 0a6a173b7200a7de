"""The course in JupyterLab, started as the README says (`make lab`), and a browser that may not leave it.

Shared by the browser tests (test_browser.py, test_journey_lab.py, test_a11y_lab.py), which import these fixtures
(Chromium itself, offline, comes from offline_browser.py, which test_site.py uses too):

* `lab`: `make lab LAB_ARGS="--no-browser --port N"` in a temporary copy of the course's tracked
  files (the course's `.venv` is linked in, so nothing is installed), so nothing the browser does
  touches the real files. The URL and token are read from what `make lab` prints. Jupyter's
  per-user folders (settings a user changed, workspaces, runtime files) point into the temporary
  folder, so the user's own JupyterLab settings neither leak in nor get changed; everything else
  (the server's root, the start lesson, the course's default settings) comes from the course.
* `browser`: Debian's Chromium (or $TAKEDOWN_CHROMIUM) driven by Playwright. Without one the tests
  skip and say how to install it; under CI=true they fail instead (`.ci/run` installs Debian's).
* `page`: a tab that may only talk to 127.0.0.1/localhost; every other request is aborted and listed
  in `page.outside_requests`.
"""
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from offline_browser import launched_chromium, offline_tab
from bench import free_port, printed_lab_url, stop_process_group

COURSE = Path(__file__).resolve().parents[1]
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"  # the notebook in the open tab
START_SECONDS = 90


def tracked_files(course=COURSE):
    """The course's files as a fresh clone has them (git's list; every file when git cannot say)."""
    done = subprocess.run(["git", "ls-files", "-z"], cwd=course, capture_output=True, text=True)
    if done.returncode == 0 and done.stdout:
        return [Path(name) for name in done.stdout.split("\0") if name]
    skip = {".venv", ".git", "build", "screenshots", ".pytest_cache", ".hypothesis"}
    return [path.relative_to(course) for path in course.rglob("*")
            if path.is_file() and not skip & set(path.relative_to(course).parts)]


def copy_course(destination, course=COURSE):
    """A copy of the course's tracked files, with the course's .venv linked in (modification times kept,
    so make sees the set-up as done and installs nothing)."""
    for name in tracked_files(course):
        if (course / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(course / name, destination / name)
    (destination / ".venv").symlink_to(course / ".venv", target_is_directory=True)
    return destination


def wait_for_url(log, server, seconds=START_SECONDS):
    """The URL `make lab` prints once JupyterLab listens, read from its output; fails with the output."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        url = printed_lab_url(log.read_text(errors="replace"))
        if url:
            return url
        if server.poll() is not None:
            break
        time.sleep(0.2)
    pytest.fail(f"`make lab` printed no URL within {seconds} s; its output:\n{log.read_text(errors='replace')[-3000:]}")


def stop(server):
    """Stop make and JupyterLab (started in their own process group); JupyterLab shuts down cleanly on SIGTERM."""
    stop_process_group(server, seconds=20)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`make lab` in a copy of the course: {"url": printed URL, "base", "token", "port", "root", "output"}."""
    root = copy_course(tmp_path_factory.mktemp("course"))
    home = tmp_path_factory.mktemp("jupyter-user")
    ready = subprocess.run(["make", "--question", "setup"], cwd=root, capture_output=True)
    if ready.returncode != 0:
        pytest.fail("the course's .venv is not set up for the current requirements: run `make test` (or make setup)")
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(home / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"))
    log = home / "make-lab.log"
    with open(log, "wb") as output:
        server = subprocess.Popen(["make", "lab", f"LAB_ARGS=--no-browser --port {port}"], cwd=root, env=env,
                                  stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    try:
        url = wait_for_url(log, server)
        token = parse_qs(urlsplit(url).query)["token"][0]
        base = f"http://127.0.0.1:{port}"
        urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=10)
        yield {"url": url, "base": base, "token": token, "port": port, "root": root, "output": log}
    finally:
        stop(server)


@pytest.fixture(scope="module")
def browser():
    with launched_chromium("browser tests") as chromium:
        yield chromium


@pytest.fixture
def page(browser, lab):
    """A browser tab that may only talk to the local JupyterLab; every other request is aborted and listed."""
    port = lab["port"]
    local = [f"{scheme}://{host}:{port}" for host in ("127.0.0.1", "localhost") for scheme in ("http", "ws")]
    with offline_tab(browser, local) as tab:
        yield tab
