"""`python -m course` (course/bootstrap.py), piece by piece: the paths it chooses on Windows and elsewhere, the
Python it looks for and what it says when there is none (on a real old Python too, where this machine has one),
the exercise names it understands, when it reinstalls, when it uses a hub's Python, and that the Makefile, CI,
README and the GitHub workflow all go through it. The end-to-end runs are in test_journey_setup.py."""

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from course import bootstrap

COURSE = Path(__file__).resolve().parents[1]


# ---- Windows and the rest --------------------------------------------------------------------


def test_windows_venv_paths_are_under_scripts_with_exe():
    assert bootstrap.venv_python(Path("C:/course/.venv"), os_name="nt") == Path("C:/course/.venv/Scripts/python.exe")
    assert bootstrap.venv_tool(Path("C:/course/.venv"), "uv", os_name="nt") == Path("C:/course/.venv/Scripts/uv.exe")


def test_macos_and_linux_venv_paths_are_under_bin():
    assert bootstrap.venv_python(Path("/c/.venv"), os_name="posix") == Path("/c/.venv/bin/python")
    assert bootstrap.venv_tool(Path("/c/.venv"), "uv", os_name="posix") == Path("/c/.venv/bin/uv")


def test_windows_looks_for_python_with_the_py_launcher_newest_first():
    found = bootstrap.python_candidates(os_name="nt", which=lambda name: "C:/Windows/" + name)
    assert found[:3] == [["py", "-3.13"], ["py", "-3.12"], ["py", "-3.11"]]
    elsewhere = bootstrap.python_candidates(os_name="posix", which=lambda name: "/usr/bin/" + name)
    assert elsewhere[:3] == [["python3.13"], ["python3.12"], ["python3.11"]]
    # Only commands that exist are tried
    assert bootstrap.python_candidates(os_name="posix", which=lambda name: None) == []


def test_windows_children_print_utf8_and_import_this_folder_first():
    environ = bootstrap.child_environment({"PYTHONPATH": "elsewhere"}, course=COURSE, os_name="nt")
    assert environ["PYTHONPATH"].split(os.pathsep) == [str(COURSE), "elsewhere"]
    assert environ["PYTHONUTF8"] == "1"
    assert "PYTHONUTF8" not in bootstrap.child_environment({}, course=COURSE, os_name="posix")


# ---- Finding a Python 3.11 or newer, or saying how to get one -------------------------------


def test_this_python_is_used_when_new_enough():
    assert bootstrap.find_python((3, 12), "/usr/bin/python3.12", probe=pytest.fail) == "/usr/bin/python3.12"


def test_an_old_python_finds_a_newer_one_on_the_computer():
    versions = {"python3.12": ((3, 12), "/opt/py/bin/python3.12"), "python3": ((3, 9), "/usr/bin/python3")}
    found = bootstrap.find_python(
        (3, 9),
        "/usr/bin/python3",
        os_name="posix",
        which=lambda name: name in versions,
        probe=lambda command: versions.get(command[0]),
    )
    assert found == "/opt/py/bin/python3.12"
    assert (
        bootstrap.find_python(
            (3, 9), "/usr/bin/python3", os_name="posix", which=lambda name: True, probe=lambda command: None
        )
        is None
    )


@pytest.mark.parametrize(
    "platform, expected",
    [
        ("win32", ["winget install Python.Python.3.12", "python.org/downloads/windows", "py -m course lab"]),
        ("darwin", ["brew install python@3.12", "python.org/downloads/macos", "python3 -m course lab"]),
        ("linux", ["sudo apt install python3.11 python3.11-venv", "python3 -m course lab"]),
    ],
)
def test_without_a_new_python_it_says_how_to_get_one_on_each_system(platform, expected):
    text = bootstrap.how_to_get_python((3, 9), "/usr/bin/python3", platform)
    assert "This is Python 3.9" in text and "3.11 or newer" in text
    for words in expected:
        assert words in text


def test_an_old_python_gets_the_how_to_not_a_traceback(tmp_path, monkeypatch, capsys):
    """Simulated: no Python 3.11 or newer anywhere; the command says what to do, makes nothing, exits 1."""
    course = tmp_path / "course"
    (course / "exercises").mkdir(parents=True)
    (course / "exercises" / "02_countries.ipynb").write_text("{}")
    (course / "requirements.txt").write_text("pandas==3.1.1\n")
    monkeypatch.setattr(bootstrap, "find_python", lambda *args, **kwargs: None)
    monkeypatch.setattr(bootstrap, "use_current_python", lambda *args, **kwargs: (False, "old"))
    assert bootstrap.main(["check", "02"], course=course) == 1
    printed = capsys.readouterr().out
    assert "the course needs Python 3.11 or newer" in printed and "Traceback" not in printed
    assert not (course / ".venv").exists()


def real_python(version):
    """A real interpreter of that version on this machine (pyenv's), or None."""
    for folder in sorted(Path.home().glob(f".pyenv/versions/{version}*/bin")):
        for name in (f"python{version}", "python"):
            if (folder / name).exists():
                return folder / name
    return None


@pytest.mark.parametrize("version", ["2.7", "3.6", "3.9"])
def test_a_real_old_python_prints_the_how_to(tmp_path, version):
    """Where this machine has an old Python: it runs the student's command and gets the how-to, exit 1."""
    python = real_python(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine")
    bin_folder = tmp_path / "bin"  # a PATH with this old Python alone, so no newer one can be found
    bin_folder.mkdir()
    (bin_folder / "python3").symlink_to(python)
    course = tmp_path / "course"  # a course not set up yet: no .venv
    for name in ("course", "exercises"):
        shutil.copytree(COURSE / name, course / name, ignore=shutil.ignore_patterns("__pycache__", "backups"))
    for name in ("requirements.txt", "pyproject.toml"):
        shutil.copy2(COURSE / name, course / name)
    done = subprocess.run(
        [str(python), "-m", "course", "check", "02"],
        cwd=course,
        capture_output=True,
        text=True,
        env={"PATH": str(bin_folder), "HOME": str(tmp_path)},
    )
    printed = done.stdout + done.stderr
    assert done.returncode == 1, printed
    assert f"This is Python {version}" in printed and "3.11 or newer" in printed, printed
    assert "Traceback" not in printed and "SyntaxError" not in printed
    assert not (course / ".venv").exists()


def test_bootstrap_parses_as_python_3_7_and_avoids_newer_calls():
    source = (COURSE / "course" / "bootstrap.py").read_text()
    ast.parse(source, feature_version=(3, 7))  # no walrus, no match, no positional-only parameters...
    ast.parse((COURSE / "course" / "__main__.py").read_text(), feature_version=(3, 7))
    tree = ast.parse(source)
    keywords = {node.arg for node in ast.walk(tree) if isinstance(node, ast.keyword)}
    attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for newer in ("capture_output", "text"):  # subprocess.run's, from 3.7
        assert newer not in keywords, f"{newer}= does not exist on Python 3.6, which must still print the how-to"
    assert not {"removeprefix", "removesuffix", "is_relative_to"} & attributes
    assert "from __future__ import annotations" not in source
    main = (COURSE / "course" / "__main__.py").read_text()
    assert 'f"' not in main and "f'" not in main, "course/__main__.py must parse on Python 2.7: no f-strings"


# ---- Exercise names --------------------------------------------------------------------------


def test_exercise_names_are_expanded_by_the_course_itself():
    expected = COURSE / "exercises" / "02_countries.ipynb"
    for name in ("02", "02_countries", "02_countries.ipynb", "exercises/02_countries.ipynb"):
        assert [Path(path).resolve() for path in bootstrap.exercise_paths([name], COURSE)] == [expected], name
    everything = bootstrap.exercise_paths([], COURSE)
    assert expected in everything and len(everything) >= 8
    assert not any("backup" in str(path) for path in everything)


def test_an_unknown_exercise_names_the_exercises_there_are():
    with pytest.raises(bootstrap.Problem) as problem:
        bootstrap.exercise_paths(["99"], COURSE)
    assert "There is no exercise '99'" in str(problem.value) and "02_countries" in str(problem.value)
    assert "python3 -m course check 01" in str(problem.value)


# ---- Reinstalling only when the requirements change -----------------------------------------


def test_the_stamp_changes_with_the_requirements_and_their_includes_not_with_line_endings(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "requirements.txt").write_text("-e .\npandas==3.1.1\n")
    (tmp_path / "tests" / "requirements.txt").write_text("-r ../extra.txt\npytest-xdist==3.8.0\n")
    (tmp_path / "extra.txt").write_text("axe==1\n")
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    base = bootstrap.fingerprint(["requirements.txt"], tmp_path)
    both = bootstrap.fingerprint(["requirements.txt", "tests/requirements.txt"], tmp_path)
    (tmp_path / "requirements.txt").write_bytes(b"-e .\r\npandas==3.1.1\r\n")
    assert bootstrap.fingerprint(["requirements.txt"], tmp_path) == base
    (tmp_path / "extra.txt").write_text("axe==2\n")
    assert bootstrap.fingerprint(["requirements.txt"], tmp_path) == base
    assert bootstrap.fingerprint(["requirements.txt", "tests/requirements.txt"], tmp_path) != both
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert bootstrap.fingerprint(["requirements.txt"], tmp_path) != base
    assert bootstrap.pins("tests/requirements.txt", tmp_path) == {"axe": "2", "pytest-xdist": "3.8.0"}


def test_the_course_pins_are_read_from_requirements_txt():
    pinned = bootstrap.pins("requirements.txt", COURSE)
    assert pinned["jupyterlab"] and pinned["nbval"] and "takedown" not in pinned


# ---- A hub's Python ------------------------------------------------------------------------


def test_which_python_runs_the_course():
    choose = bootstrap.use_current_python
    here = COURSE / "takedown"
    fine, missing = ([], []), (["pandas"], [])
    assert choose({"JUPYTERHUB_USER": "ada"}, COURSE, (3, 12), "/srv/conda", fine)[0] is True
    assert choose({"JUPYTERHUB_USER": "ada"}, COURSE, (3, 12), "/srv/conda", missing)[0] is False
    assert choose({"COURSE_USE_CURRENT_ENV": "0", "JUPYTERHUB_USER": "ada"}, COURSE, (3, 12), "/x", fine)[0] is False
    assert choose({"COURSE_USE_CURRENT_ENV": "1"}, COURSE, (3, 12), "/srv/conda", ([], ["pandas 3.0"]))[0] is True
    with pytest.raises(bootstrap.Problem, match="lacks 1 of the packages this needs: pandas"):
        choose({"COURSE_USE_CURRENT_ENV": "1"}, COURSE, (3, 12), "/srv/conda", missing)
    # Elsewhere: only a Python with exactly the pinned packages and this folder's takedown
    assert choose({}, COURSE, (3, 12), "/home/me/env", fine, origin=here)[0] is True
    assert choose({}, COURSE, (3, 12), "/home/me/env", fine, origin=Path("/other/takedown"))[0] is False
    assert choose({}, COURSE, (3, 12), "/home/me/env", ([], ["pandas 3.0"]), origin=here)[0] is False
    # The course's own .venv is set up (and kept up to date) as the course's own environment
    assert choose({"JUPYTERHUB_USER": "ada"}, COURSE, (3, 12), str(COURSE / ".venv"), fine)[0] is False
    assert choose({"JUPYTERHUB_USER": "ada"}, COURSE, (3, 9), "/srv/conda", fine)[0] is False


def test_a_stale_copy_of_the_course_package_is_reported_with_the_fix():
    assert bootstrap.stale_package_note(COURSE / "takedown", COURSE) is None
    stale = bootstrap.stale_package_note(Path("/opt/conda/lib/python3.12/site-packages/takedown"), COURSE)
    assert "site-packages/takedown, not from this course folder" in stale
    assert "updates you pull" in stale and f"PYTHONPATH={COURSE}" in stale
    assert "No module named takedown" in bootstrap.stale_package_note(None, COURSE)


# ---- One implementation: the Makefile, CI, the README and the workflow use it ---------------


def make_plan(*arguments):
    done = subprocess.run(["make", "-n", *arguments], cwd=COURSE, capture_output=True, text=True)
    if done.returncode != 0 and "not found" in done.stderr:
        pytest.skip("no make here")
    return done.stdout


def test_the_makefile_targets_call_the_same_command():
    assert re.search(
        r"-m course lab -- --no-browser --port 8899$", make_plan("lab", "LAB_ARGS=--no-browser --port 8899"), re.M
    )
    assert re.search(r"-m course test$", make_plan("test"), re.M)
    assert re.search(r"-m course check 02 --complete$", make_plan("check", "EXERCISE=02", "COMPLETE=1"), re.M)
    assert re.search(r"-m course check\s*$", make_plan("check"), re.M)


def test_ci_runs_exactly_the_readme_test_command():
    ci = (COURSE / ".ci" / "run").read_text()
    readme = (COURSE / "README.md").read_text()
    assert ci.rstrip().splitlines()[-1] == "python3 -m course test"
    assert "`python3 -m course test`" in readme and "`python3 -m course lab`" in readme
    assert "`py -m course lab`" in readme


def test_the_workflow_runs_the_student_path_on_three_systems():
    workflow = yaml.safe_load((COURSE / ".github" / "workflows" / "course.yml").read_text())
    student = workflow["jobs"]["student-path"]
    assert set(student["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-latest", "ubuntu-latest"}
    commands = " ".join(step.get("run", "") for step in student["steps"])
    assert "-m course check 02" in commands and "0 of 6 questions answered" in commands
    assert "-m course lab -- --no-browser" in commands


def test_help_lists_every_command_grouped_by_who_uses_it(capsys):
    """`python3 -m course --help` names the students', instructors', authors' and maintainers' commands, each
    one a command the full command line (course/cli.py) or the front door itself really has."""
    from course import cli

    assert bootstrap.main(["--help"]) == 0
    shown = capsys.readouterr().out
    titles = [line for line in shown.splitlines() if line.startswith("For ")]
    assert [title.split()[1].rstrip(",:") for title in titles] == ["students", "instructors", "authors", "maintainers"]
    commands = set(re.findall(r"^  python3 -m course ([a-z-]+)", shown, re.M))
    offered = set(cli.parser()._subparsers._group_actions[0].choices) - {"check", "reset"}
    assert offered <= commands, f"--help leaves out {offered - commands}"
    assert commands <= offered | {"lab", "check", "reset", "test", "setup"}
    windows = bootstrap.usage("nt")
    assert "  py -m course release student DIR" in windows and "python3 -m course release" not in windows
