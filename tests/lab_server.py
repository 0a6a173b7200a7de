"""The course in JupyterLab, started as the README says (`python3 -m course lab`), and a browser that may not leave it.

Shared by the browser tests (test_browser.py, test_journey_lab.py, test_a11y_lab.py) through the fixtures of
conftest.py (Chromium itself, offline, comes from offline_browser.py, which test_site.py uses too):

* `lab` (once per session): `python3 -m course lab -- --no-browser --port N` in a temporary copy of the course's tracked
  files (the course's `.venv` is linked in, so nothing is installed), so nothing the browser does
  touches the real files. The URL and token are read from what `python3 -m course lab` prints. Jupyter's
  per-user folders (settings a user changed, workspaces, runtime files) point into the temporary
  folder, so the user's own JupyterLab settings neither leak in nor get changed; everything else
  (the server's root, the start lesson, the course's default settings) comes from the course.
* `browser`: Debian's Chromium (or $TAKEDOWN_CHROMIUM) driven by Playwright. Without one the tests
  skip and say how to install it; under CI=true they fail instead (`.ci/run` installs Debian's).
* `page`: a tab that may only talk to 127.0.0.1/localhost; every other request is aborted and listed
  in `page.outside_requests`. After each test `reset` puts the shared server back as it was.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from bench import free_port, printed_lab_url, stop_process_group
from course import bootstrap

COURSE = Path(__file__).resolve().parents[1]
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"  # the notebook in the open tab
START_SECONDS = 90


def readme_python():
    """The README's `python3` (the one on PATH), else this Python: `python3 -m course lab` runs with it."""
    return shutil.which("python3") or sys.executable


def expect(*args, **kwargs):
    """Playwright's auto-waiting assertions (imported when used: without Playwright the tests skip, see conftest.py)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(*args, **kwargs)


def wait_until(page, script, seconds, arg=None):
    """Wait until the JavaScript function `script` returns something true (Playwright polls it); False on time out."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(script, arg=arg, timeout=seconds * 1000)
        return True
    except PlaywrightTimeout:
        return False


def tracked_files(course=COURSE):
    """The course's files as a fresh clone has them (git's list; every file when git cannot say)."""
    done = subprocess.run(["git", "ls-files", "-z"], cwd=course, capture_output=True, text=True)
    if done.returncode == 0 and done.stdout:
        return [Path(name) for name in done.stdout.split("\0") if name]
    skip = {".venv", ".git", "build", "screenshots", ".pytest_cache", ".hypothesis"}
    return [
        path.relative_to(course)
        for path in course.rglob("*")
        if path.is_file() and not skip & set(path.relative_to(course).parts)
    ]


def copy_course(destination, course=COURSE):
    """A copy of the course's tracked files, with the course's .venv linked in (modification times kept,
    so the set-up is seen as done and nothing is installed)."""
    for name in tracked_files(course):
        if (course / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(course / name, destination / name)
    (destination / ".venv").symlink_to(course / ".venv", target_is_directory=True)
    return destination


def wait_for_url(log, server, seconds=START_SECONDS):
    """The URL `python3 -m course lab` prints once JupyterLab listens, read from its output; fails with the output."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        url = printed_lab_url(log.read_text(errors="replace"))
        if url:
            return url
        if server.poll() is not None:
            break
        time.sleep(0.2)
    pytest.fail(
        f"`python3 -m course lab` printed no URL within {seconds} s; its output:\n{log.read_text(errors='replace')[-3000:]}"
    )


def stop(server):
    """Stop the command and JupyterLab (started in their own process group); JupyterLab shuts down cleanly on SIGTERM."""
    stop_process_group(server, seconds=20)


@contextlib.contextmanager
def started_lab(tmp_path_factory):
    """`python3 -m course lab` in a copy of the course: {"url": printed URL, "base", "token", "port", "root", "home", "output"}.
    The `lab` fixture (conftest.py) starts one per test session."""
    root = copy_course(tmp_path_factory.mktemp("course"))
    home = tmp_path_factory.mktemp("jupyter-user")
    if bootstrap.read_stamp(COURSE / ".venv").get(bootstrap.REQUIREMENTS) != bootstrap.fingerprint(
        [bootstrap.REQUIREMENTS]
    ):
        pytest.fail(
            "the course's .venv is not set up for the current requirements: run `python3 -m course test` "
            "(or python3 -m course setup)"
        )
    port = free_port()
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
    )
    log = home / "course-lab.log"
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [readme_python(), "-m", "course", "lab", "--", "--no-browser", "--port", str(port)],
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = wait_for_url(log, server)
        token = parse_qs(urlsplit(url).query)["token"][0]
        base = f"http://127.0.0.1:{port}"
        urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=10)
        yield {"url": url, "base": base, "token": token, "port": port, "root": root, "home": home, "output": log}
    finally:
        stop(server)


def api(lab, path, method="GET"):
    """JupyterLab's REST API: the answer's JSON (None when empty)."""
    request = urllib.request.Request(f"{lab['base']}{path}?token={lab['token']}", method=method)
    with urllib.request.urlopen(request, timeout=30) as answer:
        body = answer.read()
    return json.loads(body) if body else None


def reset(lab):
    """Put a shared server back as a test expects to find it: no kernel running (a notebook opens with a fresh
    one, its first cell numbered [1]), no saved workspace (the printed URL opens the start lesson alone), and
    the course's notebooks as committed (nothing a test typed and JupyterLab saved)."""
    for session in api(lab, "/api/sessions"):
        api(lab, f"/api/sessions/{session['id']}", method="DELETE")
    for kernel in api(lab, "/api/kernels"):
        api(lab, f"/api/kernels/{kernel['id']}", method="DELETE")
    for workspace in (lab["home"] / "workspaces").glob("*"):
        workspace.unlink()
    for name in tracked_files():
        if name.suffix == ".ipynb" and (COURSE / name).is_file():
            copy = lab["root"] / name
            if not copy.is_file() or copy.read_bytes() != (COURSE / name).read_bytes():
                shutil.copy2(COURSE / name, copy)
