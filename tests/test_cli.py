"""The one command line (course/cli.py): every subcommand under `takedown`, one place for defaults, --debug."""

import subprocess
import sys

from course import cli, defaults
from course.grading import grade


def test_every_command_is_under_one_name():
    help_text = cli.parser().format_help()
    for command in (
        "grade",
        "merge-review",
        "export",
        "check",
        "reset",
        "build",
        "run",
        "release",
        "link",
        "site",
        "pace",
        "bench",
    ):
        assert command in help_text


def test_the_graders_limits_come_from_the_defaults():
    args = cli.parser().parse_args(["grade", "submissions/"])
    assert (args.cell_seconds, args.notebook_seconds, args.memory_mb) == (
        defaults.CELL_SECONDS,
        defaults.NOTEBOOK_SECONDS,
        defaults.MEMORY_MB,
    )
    assert grade.Limits() == grade.Limits(defaults.CELL_SECONDS, defaults.NOTEBOOK_SECONDS, defaults.MEMORY_MB)


def test_debug_keeps_the_workers_error_output(monkeypatch):
    """Without --debug the worker's stderr is dropped; with it, the worker writes to the grader's stderr."""
    assert cli.parser().parse_args(["grade", "x", "--debug"]).debug
    started = []
    monkeypatch.setattr(grade.subprocess, "Popen", lambda command, **options: started.append(options))
    for debug in (False, True):
        grade.Sandbox(grade.Limits(isolated=False, debug=debug)).start()
    assert [options["stderr"] for options in started] == [subprocess.DEVNULL, None]
    assert grade.Limits(debug=True).doubled().debug


def test_python_m_course_and_python_m_takedown_run_the_same_command():
    for package in ("takedown", "course"):
        done = subprocess.run([sys.executable, "-m", package, "--version"], capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.startswith("takedown ")
