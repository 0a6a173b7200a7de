"""The layout's rules: the runtime a kernel imports (takedown/) never imports the tools (course/), the
runtime's layers only import downwards, and the tools' package starts with the standard library alone.

The contracts are in pyproject.toml ([tool.importlinter]); import-linter reads the code without running it,
so an import inside a function counts too.
"""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

COURSE = Path(__file__).resolve().parents[1]


def lint_imports():
    program = Path(sys.executable).with_name("lint-imports")
    if not program.exists():
        program = shutil.which("lint-imports")
    if not program:
        pytest.fail("lint-imports is missing: python -m pip install -r tests/requirements.txt")
    return subprocess.run([str(program), "--no-cache"], capture_output=True, text=True, cwd=COURSE)


def test_the_runtime_never_imports_the_tools_and_its_layers_point_down():
    result = lint_imports()
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_a_kernel_module_that_imports_a_tool_breaks_the_contract(tmp_path):
    """The check can fail: a copy of the course whose text module imports the grader is refused."""
    for name in ("takedown", "course"):
        shutil.copytree(COURSE / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(COURSE / "pyproject.toml", tmp_path)
    (tmp_path / "takedown" / "data").mkdir()
    (tmp_path / "takedown" / "data" / "__init__.py").write_text("from takedown import paths, text\n")
    text = tmp_path / "takedown" / "text.py"
    text.write_text(text.read_text() + "\nfrom course.grading import grade  # noqa\n")
    program = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(program), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "takedown.text -> course.grading.grade" in result.stdout


def test_the_tools_package_imports_only_the_standard_library():
    """The set-up command imports course/ before anything is installed."""
    tree = ast.parse((COURSE / "course" / "__init__.py").read_text())
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert all(name.split(".")[0] in sys.stdlib_module_names for name in imported), imported


def test_no_module_counts_parents_of_its_own_file_to_find_the_course():
    """The course root is takedown.paths.COURSE; `Path(__file__).parents[...]` broke at every move. The one
    exception is the set-up command (course/bootstrap.py): it runs before anything is installed, on the
    standard library alone, so it cannot import takedown.paths."""
    allowed = {"takedown/paths.py", "course/bootstrap.py"}
    offenders = [
        str(path.relative_to(COURSE))
        for folder in ("takedown", "course")
        for path in (COURSE / folder).rglob("*.py")
        if "parents[" in path.read_text() and str(path.relative_to(COURSE)) not in allowed
    ]
    assert offenders == []


def test_an_edition_without_the_instructors_tools_still_runs_the_students_commands(tmp_path):
    """Each command imports its module when it runs: without course/grading and course/authoring, `--help`
    and the student's commands work, and an instructor's command says plainly it is not in this edition."""
    shutil.copytree(COURSE / "takedown", tmp_path / "takedown", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        COURSE / "course", tmp_path / "course", ignore=shutil.ignore_patterns("__pycache__", "grading", "authoring")
    )

    # As `python -m takedown ...` in that folder, without this repository's editable install on the path.
    program = (
        "import runpy, sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
        "sys.path.insert(0, ''); runpy.run_module('takedown', run_name='__main__', alter_sys=True)"
    )

    def run(*arguments):
        return subprocess.run([sys.executable, "-c", program, *arguments], capture_output=True, text=True, cwd=tmp_path)

    assert run("--help").returncode == 0
    refused = run("grade", "submissions/")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "this command is for instructors and is not in this edition" in refused.stderr
    assert "not in this edition" in run("release", "student", str(tmp_path / "out")).stderr
    assert "there is no notebook" in run("reset", "exercises/02_countries.ipynb").stderr  # reset itself is there


def layout_block():
    """The tree drawn under "## Layout" in docs/maintainers.md (the first fenced block after the heading)."""
    text = (COURSE / "docs" / "maintainers.md").read_text(encoding="utf-8")
    section = text.split("\n## Layout\n", 1)[1]
    return section.split("```", 2)[1]


def tracked(*paths):
    done = subprocess.run(["git", "ls-files", *paths], cwd=COURSE, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip("not a git checkout")
    return done.stdout.split()


def test_the_layout_in_the_maintainers_page_names_every_folder_and_module_of_the_tree():
    """Each folder and runtime module says where its code runs: a new one must be added to the drawing."""
    files = tracked()
    block = layout_block()
    named = set(re.findall(r"[\w.\-/]+", block))
    top = {name.split("/")[0] + ("/" if "/" in name else "") for name in files} - {".gitignore"}
    packages = {name.split("/")[1] + "/" for name in files if re.match(r"(takedown|course)/[^/]+/", name)}
    modules = {name.split("/")[1] for name in files if re.fullmatch(r"(takedown|course)/\w+\.py", name)}
    modules.discard("__init__.py")
    missing = sorted(
        name
        for name in top | packages | modules
        if name not in named and name.rstrip("/") not in named and not any(name in word for word in named)
    )
    assert missing == [], f"docs/maintainers.md's Layout does not say where these run: {missing}"
