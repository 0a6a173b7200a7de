"""The course installs as the ecosystem expects: a wheel holds both packages with their data files and
templates, imports every data loader and loads every table, and `takedown` is a command.

The wheel is built offline with uv (installed with the tests) from a copy of the source, so the
repository gets no build/ or .egg-info from this test.
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

COURSE = Path(__file__).resolve().parents[1]


def uv():
    program = Path(sys.executable).with_name("uv")
    return str(program) if program.exists() else shutil.which("uv")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    if not uv():
        pytest.fail("uv is missing: python -m pip install uv (or make .venv/.installed-tests)")
    source = tmp_path_factory.mktemp("source")
    for name in ("takedown", "course"):
        shutil.copytree(COURSE / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "blank"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(COURSE / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [uv(), "build", "--wheel", "--offline", "--out-dir", str(out), str(source)], capture_output=True, text=True
    )
    if built.returncode != 0 and "offline" in built.stderr.lower() and not os.environ.get("CI"):
        pytest.skip("setuptools is not in uv's cache and the test does not go online: " + built.stderr[-300:])
    assert built.returncode == 0, built.stderr[-3000:]
    return next(out.glob("takedown-*.whl"))


def test_the_wheel_holds_every_subpackage_data_file_and_template(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in [
        path.parent for folder in ("takedown", "course") for path in (COURSE / folder).rglob("__init__.py")
    ]:
        assert f"{package.relative_to(COURSE).as_posix()}/__init__.py" in names
    shipped = [
        path.relative_to(COURSE).as_posix()
        for path in (COURSE / "takedown" / "data").iterdir()
        if path.suffix in (".csv", ".geojson")
    ]
    shipped += [
        path.relative_to(COURSE).as_posix()
        for path in (COURSE / "course").rglob("*")
        if path.suffix in (".md", ".html")
    ]
    assert shipped and [name for name in shipped if name not in names] == []
    # Tools stay out of the installed code: the maintainers' bench lives beside the tests.
    assert not [name for name in names if name.startswith("tests/") or name.endswith("bench.py")]


def test_the_installed_wheel_loads_every_table_and_runs_its_command(wheel, tmp_path):
    target = tmp_path / "installed"
    installed = subprocess.run(
        [uv(), "pip", "install", "--offline", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    program = """
import json, takedown
from takedown import data
from course.authoring import release, site
rows = {name: len(loader()) for name, loader in data.TABLES.items()}
print(json.dumps({"package": takedown.__file__, "rows": rows, "map": data.WORLD_MAP.is_file(),
                  "release": sorted(path.name for path in release.TEMPLATES.iterdir()),
                  "site": sorted(path.name for path in (site.HERE / "templates").iterdir())}))
"""
    # Run away from the repository (no editable copy on the path first), with the wheel's copy first.
    env = dict(os.environ, PYTHONPATH=str(target))
    ran = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert ran.returncode == 0, ran.stderr[-3000:]
    found = json.loads(ran.stdout)
    assert found["package"].startswith(str(target))
    assert set(found["rows"]) == set(__import__("takedown.data", fromlist=["TABLES"]).TABLES)
    assert all(count > 0 for count in found["rows"].values()), found["rows"]
    assert found["map"]
    assert "README.md" in found["release"] and "theme-switcher.html" in found["site"]
    command = subprocess.run(
        [sys.executable, "-m", "takedown", "--help"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert command.returncode == 0 and "grade" in command.stdout and "bench" in command.stdout
    entry_points = next(target.glob("takedown-*.dist-info")) / "entry_points.txt"
    assert "takedown = course.cli:main" in entry_points.read_text()
