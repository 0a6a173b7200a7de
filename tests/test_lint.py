"""The code passes ruff's lint rules and is formatted as `ruff format` writes it (both configured in
pyproject.toml, [tool.ruff]): unused imports, undefined names, imports out of order and the like are caught
before a reviewer has to."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

COURSE = Path(__file__).resolve().parents[1]


def ruff():
    found = Path(sys.executable).with_name("ruff")
    if found.is_file():
        return str(found)
    return shutil.which("ruff") or pytest.fail("ruff is missing: install tests/requirements.txt (make test does)")


def test_ruff_finds_nothing_to_fix():
    done = subprocess.run(
        [ruff(), "check", "--no-fix", "--output-format", "concise", "."], cwd=COURSE, capture_output=True, text=True
    )
    assert done.returncode == 0, (
        f"`ruff check` found problems (`ruff check --fix` fixes the ones marked [*]):\n{done.stdout}{done.stderr}"
    )


def test_the_code_is_formatted_as_ruff_formats_it():
    done = subprocess.run([ruff(), "format", "--check", "--diff", "."], cwd=COURSE, capture_output=True, text=True)
    assert done.returncode == 0, (
        f"`ruff format` would change these files (run `ruff format .` and commit):\n{done.stdout[-4000:]}{done.stderr}"
    )
