"""Compile the pinned requirement files from their short input files, and say when they are stale.

Each `*.in` lists what the course (or its tests) asks for directly; its `*.txt` pins that AND everything it
pulls in, on Windows, macOS and Linux (`uv pip compile --universal`), so an install made months later gives
the same stored outputs that nbval compares. The `.txt` header records a hash of its `.in`, so a test
(tests/test_pins.py) can tell when someone edited one without the other.

Regenerate after editing an `.in` file (uv is in the course's venv after `make setup`):
    .venv/bin/python tests/pins.py
"""

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

COURSE = Path(__file__).resolve().parents[1]
# Paths relative to the course folder, compiled in this order.
# (input, output, constrained by): the tests' pins are held to the course's, so the two install together.
PAIRS = [
    ("requirements.in", "requirements.txt", None),
    ("tests/requirements.in", "tests/requirements.txt", "requirements.txt"),
]
PYTHON = "3.11"  # the oldest Python the course supports (pyproject.toml's requires-python, binder/runtime.txt)
COMMAND = "uv pip compile --universal --python-version {python} {source} -o {target}"
HASH_LINE = re.compile(r"^# input sha256: ([0-9a-f]{64})$", re.M)


def digest(source):
    return hashlib.sha256((COURSE / source).read_bytes()).hexdigest()


def header(source):
    return (
        f"# Pinned requirements, generated from {source} (edit that file, not this one).\n"
        f"# Regenerate with:  .venv/bin/python tests/pins.py\n"
        f"# input sha256: {digest(source)}\n"
    )


def compile_pins(source, target, constraints=None, uv=None):
    uv = (
        uv
        or next((str(path) for path in [Path(sys.executable).with_name("uv")] if path.is_file()), None)
        or shutil.which("uv")
        or sys.exit("uv is needed: make setup installs it into .venv/bin/")
    )
    command = [
        uv,
        "pip",
        "compile",
        "--quiet",
        "--universal",
        "--python-version",
        PYTHON,
        "--no-header",
        source,
        "-o",
        target,
    ]
    with tempfile.TemporaryDirectory() as scratch:
        if constraints:  # uv takes no editable line (`-e .`) as a constraint: the pins alone
            pins = Path(scratch) / "constraints.txt"
            pins.write_text(
                "".join(
                    line
                    for line in (COURSE / constraints).read_text(encoding="utf-8").splitlines(keepends=True)
                    if not line.startswith("-e ")
                ),
                encoding="utf-8",
            )
            command += ["--constraint", str(pins)]
        subprocess.run(command, cwd=COURSE, check=True)
        path = COURSE / target
        text = path.read_text(encoding="utf-8")
        if constraints:  # name the course's file, not the scratch copy, in the "# via" notes
            text = text.replace(str(pins), constraints)
    path.write_text(header(source) + text, encoding="utf-8")


def recorded_digest(target):
    found = HASH_LINE.search((COURSE / target).read_text(encoding="utf-8"))
    return found.group(1) if found else None


if __name__ == "__main__":
    for source, target, constraints in PAIRS:
        compile_pins(source, target, constraints)
        print(f"{target}: pinned from {source}")
