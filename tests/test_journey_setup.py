"""A new student's set-up, typed as the README says, from a fresh `git clone` of the course, with no `make` on
PATH: `python3 -m course check 02` sets the course up and checks a blank exercise ("0 of 6 questions
answered"), then `python3 -m course lab -- --no-browser --port P` starts JupyterLab answering on 127.0.0.1.
And a hub-like run: a Python that already has the course's packages (IT's image, not to be written to) runs
`python -m course check 02` with no .venv made, and says when the image's copy of the course package would
keep pulled updates from the notebooks.

Installs come from uv's cache (seconds when it is warm). Times are printed (pytest -s), never asserted."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from course import bootstrap

COURSE = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
LAB_URL = re.compile(r"http://127\.0\.0\.1:\d+/\S*\?token=([0-9a-f]+)")


def base_python():
    """A Python 3.11 or newer that is not a venv (the one a student has), for the student's `python3`."""
    for candidate in (
        Path(sys.base_prefix) / "bin" / "python3",
        Path(sys.base_prefix) / "python.exe",
        shutil.which("python3"),
    ):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    pytest.skip("no base Python 3 found")


def student_environment(tmp_path):
    """A person's environment: PATH with python3 alone (no make, no uv, no git), Jupyter's per-user folders
    in tmp_path, HOME kept (uv's cache)."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir(exist_ok=True)
    if not (bin_folder / "python3").exists():
        (bin_folder / "python3").symlink_to(base_python())
    assert shutil.which("make", path=str(bin_folder)) is None
    # The machine's own settings (certificates, proxies, caches) stay; what this test run added goes.
    drop = (
        "VIRTUAL_ENV",
        "PYTHONPATH",
        "PYTHONHOME",
        "MAKEFLAGS",
        "MAKELEVEL",
        "MFLAGS",
        "JUPYTERHUB_USER",
        "COURSE_USE_CURRENT_ENV",
        "COURSE_INSTALLER",
        "GITHUB_STEP_SUMMARY",
    )
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in drop and not name.startswith(("PYTEST_", "JUPYTER"))
    }
    environ.update(
        PATH=str(bin_folder),
        JUPYTER_CONFIG_DIR=str(tmp_path / "jupyter" / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "jupyter" / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "jupyter" / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "jupyter" / "workspaces"),
    )
    return environ


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process):
    """Stop the command and the JupyterLab it started (their own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A fresh clone of this repository's last commit."""
    folder = tmp_path_factory.mktemp("fresh") / "course"
    subprocess.run(["git", "clone", "--quiet", str(COURSE), str(folder)], check=True)
    return folder


@pytest.mark.skipif(os.name != "posix", reason="the journey starts JupyterLab in a process group (POSIX)")
def test_a_fresh_clone_sets_up_checks_and_opens_without_make(clone, tmp_path):
    environ = student_environment(tmp_path)
    started = time.monotonic()
    done = subprocess.run(
        ["python3", "-m", "course", "check", "02"],
        cwd=clone,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=1200,
    )
    check_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stdout
    assert "Setting up the course" in done.stdout and "Traceback" not in done.stdout
    assert "0 of 6 questions answered" in done.stdout, done.stdout
    assert bootstrap.venv_python(clone / ".venv").exists()

    port = free_port()
    log = tmp_path / "lab.log"
    started = time.monotonic()
    with open(log, "wb") as output:
        lab = subprocess.Popen(
            ["python3", "-m", "course", "lab", "--", "--no-browser", "--port", str(port)],
            cwd=clone,
            env=environ,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        answered = None
        while time.monotonic() - started < 180 and lab.poll() is None:
            token = LAB_URL.findall(log.read_text(errors="replace"))
            if token:
                try:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/api/status?token={token[-1]}", timeout=5
                    ) as reply:
                        assert reply.status == 200
                    answered = time.monotonic() - started
                    break
                except OSError:
                    pass
            time.sleep(0.2)
        assert answered, f"JupyterLab did not answer; it printed:\n{log.read_text(errors='replace')[-3000:]}"
        printed = log.read_text(errors="replace")
        assert "Setting up the course" not in printed  # set up once, by the check
        assert f"http://127.0.0.1:{port}/lab/tree/notebooks/00_start_here.ipynb?token=" in printed
    finally:
        stop(lab)
    print(
        f"\nfresh clone: set-up and check of a blank exercise {check_seconds:.1f} s; "
        f"then JupyterLab answering in {answered:.1f} s"
    )


# ---- A hub: IT's Python already has the packages; nothing is installed or written into it ----


def hub_python(tmp_path, stale_copy):
    """A hub-like Python: a venv of its own that reaches the packages of this course's .venv through a .pth
    file (as an image's environment has them), optionally with an older copy of `takedown` installed
    non-editable, as `pip install .` in an image puts it."""
    venv_python = COURSE / ".venv" / "bin" / "python"
    if not venv_python.exists():
        pytest.skip("the course's .venv is not set up (python3 -m course setup)")
    packages = subprocess.run(
        [str(venv_python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    hub = tmp_path / "hub"
    subprocess.run([str(base_python()), "-m", "venv", "--without-pip", str(hub)], check=True)
    site = Path(
        subprocess.run(
            [str(hub / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    lines = [packages]
    if stale_copy:
        image = tmp_path / "image-site-packages"
        shutil.copytree(COURSE / "takedown", image / "takedown", ignore=shutil.ignore_patterns("__pycache__"))
        lines.insert(0, str(image))
    (site / "hub-image.pth").write_text("\n".join(lines) + "\n")
    return hub / "bin" / "python"


def listing(folder):
    return sorted(
        (str(path.relative_to(folder)), path.stat().st_mtime)
        for path in folder.rglob("*")
        if "__pycache__" not in path.parts
    )


def course_copy(tmp_path):
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=COURSE, capture_output=True, text=True, check=True)
    copy = tmp_path / "home" / "course"
    for name in filter(None, tracked.stdout.split("\0")):
        if (COURSE / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(COURSE / name, copy / name)
    return copy


@pytest.mark.parametrize("stale_copy", [False, True], ids=["packages-only", "image-copy-of-takedown"])
def test_on_a_hub_the_check_uses_the_hubs_python_and_makes_no_venv(tmp_path, stale_copy):
    python = hub_python(tmp_path, stale_copy)
    course = course_copy(tmp_path)
    before = listing(python.parent.parent)
    environ = dict(student_environment(tmp_path), JUPYTERHUB_USER="ada")
    done = subprocess.run(
        [str(python), "-m", "course", "check", "02"],
        cwd=course,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout
    assert "0 of 6 questions answered" in done.stdout, done.stdout
    assert not (course / ".venv").exists() and "Setting up the course" not in done.stdout
    assert listing(python.parent.parent) == before, "the hub's environment was written to"
    # The image's copy (or no copy) of the course package: updates pulled into the course folder would not
    # reach the notebooks, and IT is told what to do; the check itself used this folder's copy.
    assert "Note for your instructor or IT" in done.stdout
    assert f"PYTHONPATH={course}" in done.stdout
    if stale_copy:
        assert "image-site-packages/takedown, not from this course folder" in done.stdout
    else:
        assert "No module named takedown" in done.stdout


def test_on_a_hub_with_pythonpath_set_as_the_it_handout_says_nothing_is_reported(tmp_path):
    python = hub_python(tmp_path, stale_copy=True)
    course = course_copy(tmp_path)
    environ = dict(student_environment(tmp_path), JUPYTERHUB_USER="ada", PYTHONPATH=str(course))
    done = subprocess.run(
        [str(python), "-m", "course", "check", "02"],
        cwd=course,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0 and "0 of 6 questions answered" in done.stdout, done.stdout
    assert "Note for your instructor or IT" not in done.stdout and not (course / ".venv").exists()


def test_an_old_python3_finds_a_newer_python_and_sets_up_with_it(tmp_path):
    """As on a Mac whose python3 is Apple's 3.9 and Homebrew's python3.11 is on PATH: the same command works."""
    old, new = Path.home() / ".pyenv/versions", base_python()
    found = sorted(old.glob("3.9*/bin/python3.9"))
    if not found:
        pytest.skip("no Python 3.9 on this machine")
    course = course_copy(tmp_path)
    environ = student_environment(tmp_path)
    bin_folder = Path(environ["PATH"])
    (bin_folder / "python3").unlink()
    (bin_folder / "python3").symlink_to(found[0])
    (bin_folder / "python3.11").symlink_to(new)
    done = subprocess.run(
        ["python3", "-m", "course", "setup"],
        cwd=course,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout
    assert "This Python (3.9) is too old for the course; using" in done.stdout
    assert bootstrap.venv_version(course / ".venv") >= (3, 11)
