"""Chromium for the browser tests, with the internet cut off: one place for both kinds of browser test.

`launched_chromium(what_for)` finds Debian's Chromium (or $TAKEDOWN_CHROMIUM) and starts it with
Playwright; without one (or without Playwright) the test skips and says what to install, and under
CI=true it fails instead (`.ci/run` installs Debian's chromium). `offline_tab(browser, local)` opens
a tab that may only load URLs starting with one of `local`; every other request is aborted and
listed in `tab.outside_requests`, so a test can assert that nothing left the machine.
"""

import contextlib
import os
import shutil
from pathlib import Path

import pytest

BROWSERS = [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium():
    candidates = [os.environ.get("TAKEDOWN_CHROMIUM", "")] + BROWSERS + [shutil.which("chromium") or ""]
    return next((path for path in candidates if path and Path(path).is_file()), None)


def needs(what, what_for):
    """Skip, saying what to install; under CI, fail: CI must run every browser test."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the {what_for}: {what}")
    pytest.skip(what)


@contextlib.contextmanager
def launched_chromium(what_for="browser tests"):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        needs("Playwright is missing: install tests/requirements.txt (make test does)", what_for)
    executable = find_chromium()
    if executable is None:
        needs(
            "no Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) "
            "or point TAKEDOWN_CHROMIUM at a Chrome/Chromium binary",
            what_for,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextlib.contextmanager
def offline_tab(browser, local):
    """A 1280 × 900 tab that may only load URLs starting with one of the `local` prefixes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(tuple(local) + ("data:", "blob:")):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.outside_requests = outside
    try:
        yield tab
    finally:
        context.close()
