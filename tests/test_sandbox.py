"""The grading sandbox's walls, each tried by a hostile submission (course/grading/isolation.py).

Every hostile notebook is exercise 02 answered with the answer key, with one attack first in
question 1's cell. When the wall holds, the attack raises, question 1 says which error ("Your cell
raised FileNotFoundError: ...") and the other four answers keep their marks; when it fails, the
cell runs on and question 1 is marked correct. The class is graded once, with the command an
instructor types, and the tests then check the gradebook, the feedback, and that nothing outside
the sandbox changed: planted files, the course folder, the home folder, a listener on 127.0.0.1.
Each attack is bounded, so that a wall that fails cannot take the machine down.
"""

import contextlib
import csv
import hashlib
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import nbformat
import pytest

from course.cli import main
from course.grading import grade, isolation, sandbox

COURSE = Path(__file__).resolve().parents[1]
KEY = COURSE / "solutions" / "02_countries.ipynb"
MARK = f"written-by-a-submission-{uuid.uuid4().hex[:8]}.txt"
SECRET_VARIABLE = "TAKEDOWN_TEST_INSTRUCTOR_TOKEN"

needs_sandbox = pytest.mark.sandbox  # skips (fails under CI=true) where bubblewrap cannot sandbox: see conftest.py


def answered_with(code):
    """Exercise 02 answered with the key, `code` first in question 1's cell."""
    notebook = nbformat.read(KEY, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if "q1.check(" in cell.source:
                cell.source = code.strip() + "\n" + cell.source
    return nbformat.writes(notebook)


FORK_BOMB = """
import os, time
kernel = os.getpid()
try:
    for _ in range(8):        # a fork bomb: 2**8 processes without a limit ...
        os.fork()
    if os.getpid() == kernel:
        for _ in range(400):  # ... then the kernel alone, until refused (400 more at most)
            if os.fork() == 0:
                break
finally:
    if os.getpid() != kernel:
        time.sleep(60)
        os._exit(0)
"""


def fill(folder, files=128):
    """Write up to 2 GB in 16 MB files into folder."""
    return (
        f"chunk = b'x' * 16 * 1024**2\n"
        f"for number in range({files}):\n"
        f"    with open({folder!r} + f'/fill-{{number}}', 'wb') as file:\n"
        f"        file.write(chunk)\n"
    )


ONE_HUGE_FILE = """
chunk = b'x' * 16 * 1024**2
with open('huge', 'wb') as file:
    for _ in range(128):      # 2 GB at most
        file.write(chunk)
"""


def attacks(paths):
    """{notebook name: (the attack, the error names that show the wall held)}."""
    return {
        "reads_answer_key": ("open('../solutions/02_countries.ipynb').read()", {"FileNotFoundError"}),
        "reads_answer_key_by_full_path": (f"open({str(KEY)!r}).read()", {"FileNotFoundError"}),
        "reads_course_readme": (f"open({str(COURSE / 'README.md')!r}).read()", {"FileNotFoundError"}),
        "reads_tests": (f"open({str(COURSE / 'tests' / 'test_grade.py')!r}).read()", {"FileNotFoundError"}),
        "reads_other_submission": (f"open({str(paths['victim'])!r}).read()", {"FileNotFoundError"}),
        "reads_home": (f"open({str(paths['planted'])!r}).read()", {"FileNotFoundError"}),
        "reads_password_hashes": ("open('/etc/shadow').read()", {"PermissionError", "FileNotFoundError"}),
        "reads_instructor_environment": (f"import os\nos.environ[{SECRET_VARIABLE!r}]", {"KeyError"}),
        "connects_to_listener": (
            f"import socket\nsocket.create_connection(('127.0.0.1', {paths['port']}), timeout=10)",
            {"ConnectionRefusedError", "OSError"},
        ),
        "writes_course_folder": (
            f"open({str(COURSE / MARK)!r}, 'w').write('x')",
            {"OSError", "FileNotFoundError", "PermissionError"},
        ),
        "writes_course_package": (
            f"open({str(COURSE / 'takedown' / MARK)!r}, 'w').write('x')",
            {"OSError", "PermissionError"},
        ),
        "writes_home": (
            f"open({str(Path.home() / MARK)!r}, 'w').write('x')",
            {"OSError", "FileNotFoundError", "PermissionError"},
        ),
        "fork_bomb": (FORK_BOMB, {"BlockingIOError"}),
        "fills_job_folder": (fill("."), {"OSError"}),
        "fills_tmp": (fill("/tmp"), {"OSError"}),
        "writes_one_huge_file": (ONE_HUGE_FILE, {"OSError"}),
    }


# Bubblewrap's own process holds the pipe the worker answers on: a forged answer must change nothing.
FORGES_REPLY = """
import json
with open('/proc/1/fd/1', 'w') as pipe:
    pipe.write(json.dumps({"token": "a guess", "report": {"kernel_died": True}, "answers": {}}) + "\\nhalf a line")
"""


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        return {row["student"]: row for row in csv.DictReader(file)}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    folder = out / "class"
    (folder / "victim").mkdir(parents=True)
    victim = folder / "victim" / "02_countries.ipynb"
    victim.write_text(answered_with(""))
    planted = Path.home() / f".takedown-sandbox-test-{uuid.uuid4().hex[:8]}"
    planted.write_text("the instructor's private file")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    os.environ[SECRET_VARIABLE] = "secret"
    try:
        cases = attacks({"victim": victim, "planted": planted, "port": listener.getsockname()[1]})
        for name, (code, _) in cases.items():
            (folder / name).mkdir()
            (folder / name / "02_countries.ipynb").write_text(answered_with(code))
        (folder / "forges_reply").mkdir()
        (folder / "forges_reply" / "02_countries.ipynb").write_text(answered_with(FORGES_REPLY))
        before = {
            "class": {str(path): digest(path) for path in folder.rglob("*") if path.is_file()},
            "key": digest(KEY),
            "planted": digest(planted),
            "home": sorted(os.listdir(Path.home())),
            "course": sorted(os.listdir(COURSE)),
            "package": sorted(os.listdir(COURSE / "takedown")),
        }
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            status = main(
                [
                    "grade",
                    str(folder),
                    "--exercise",
                    "02_countries",
                    "--out",
                    str(out / "gradebook.csv"),
                    "--feedback",
                    str(out / "feedback"),
                    "--jobs",
                    "2",
                    "--quiet",
                ]
            )
        try:
            listener.accept()
            connected = True
        except BlockingIOError:
            connected = False
        after = {
            "class": {str(path): digest(path) for path in folder.rglob("*") if path.is_file()},
            "key": digest(KEY),
            "planted": digest(planted),
            "home": sorted(os.listdir(Path.home())),
            "course": sorted(os.listdir(COURSE)),
            "package": sorted(os.listdir(COURSE / "takedown")),
        }
    finally:
        del os.environ[SECRET_VARIABLE]
        listener.close()
        planted.unlink()
        for leftover in (COURSE / MARK, COURSE / "takedown" / MARK, Path.home() / MARK):
            leftover.unlink(missing_ok=True)  # only there if a wall failed; the test below says so
    return {
        "status": status,
        "out": out,
        "cases": cases,
        "before": before,
        "after": after,
        "connected": connected,
        "rows": read_csv(out / "gradebook.csv"),
        "marks": [path.exists() for path in (COURSE / MARK, COURSE / "takedown" / MARK, Path.home() / MARK)],
    }


@needs_sandbox
def test_the_batch_completes_with_a_row_for_every_submission(graded):
    assert graded["status"] == 0
    assert set(graded["rows"]) == set(graded["cases"]) | {"victim", "forges_reply"}


@needs_sandbox
@pytest.mark.parametrize("name", list(attacks({"victim": "", "planted": "", "port": 0})))
def test_each_wall_holds_and_the_other_answers_keep_their_marks(graded, name):
    row = graded["rows"][name]
    feedback = (graded["out"] / "feedback" / name / "02_countries.md").read_text()
    if name == "writes_course_folder" and COURSE.is_relative_to("/tmp"):
        # A course cloned under /tmp sits, inside the sandbox, on the sandbox's own empty /tmp: the write
        # lands there and vanishes with it. The wall is that the real folder is unchanged.
        assert not (COURSE / MARK).exists(), "the write reached the real course folder"
        return
    raised = re.search(r"Your cell raised (\w+)[:.]", feedback)
    assert row["Q1"] == "cell raised an error", f"{name}: the attack was not stopped ({row})"
    assert raised and raised.group(1) in graded["cases"][name][1], f"{name}: {feedback}"
    assert [row[f"Q{n}"] for n in range(2, 7)] == ["correct"] * 5 and row["correct"] == "5"
    assert row["status"] == grade.GRADED


@needs_sandbox
def test_the_disk_walls_are_the_sizes_of_the_sandbox(graded):
    feedback = graded["out"] / "feedback"
    assert "No space left on device" in (feedback / "fills_job_folder" / "02_countries.md").read_text()
    assert "No space left on device" in (feedback / "fills_tmp" / "02_countries.md").read_text()
    assert "File too large" in (feedback / "writes_one_huge_file" / "02_countries.md").read_text()


@needs_sandbox
def test_nothing_outside_the_sandbox_changed(graded):
    assert graded["after"] == graded["before"]  # the class, the key, the planted file, the course and home folders
    assert graded["marks"] == [False, False, False]
    assert not graded["connected"], "the listener on 127.0.0.1 was reached"


@needs_sandbox
def test_the_other_submissions_are_graded_as_usual(graded):
    """The victim, and a notebook that wrote a forged answer into the worker's pipe: full marks, no note."""
    for name in ("victim", "forges_reply"):
        row = graded["rows"][name]
        assert (row["correct"], row["status"]) == ("6", grade.GRADED), row


@needs_sandbox
def test_nothing_of_one_submission_is_left_for_the_next_in_the_same_sandbox(tmp_path):
    """One job slot: the second notebook runs in the sandbox the first one used.

    The first leaves a process running, files in /tmp and the home folder, and an IPython startup
    file that would stop the next kernel; the second checks for all of them.
    """
    poisoner = tmp_path / "poisoner.ipynb"
    poisoner.write_text(
        answered_with("""
import os, subprocess
subprocess.Popen(['sleep', '600'])
open('/tmp/left-behind', 'w').write('x')
open(os.path.expanduser('~/left-behind'), 'w').write('x')
startup = os.path.expanduser('~/.ipython/profile_default/startup')
os.makedirs(startup, exist_ok=True)
open(startup + '/00-stop.py', 'w').write('import os; os._exit(1)')
""")
    )
    next_one = tmp_path / "next.ipynb"
    next_one.write_text(
        answered_with("""
import os
sleeping = [pid for pid in os.listdir('/proc') if pid.isdigit() and open(f'/proc/{pid}/cmdline').read().startswith('sleep')]
left = [path for path in ('/tmp/left-behind', os.path.expanduser('~/left-behind')) if os.path.exists(path)]
assert not sleeping and not left, (sleeping, left)
""")
    )
    first, second = grade.grade_files([poisoner, next_one], jobs=1, progress=False)
    assert (first.correct, first.status) == (6, grade.GRADED)
    assert (second.correct, second.status) == (6, grade.GRADED), [verdict.message for verdict in second.verdicts]


def test_without_a_sandbox_the_command_refuses_with_one_sentence(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(isolation, "problem", lambda: "bubblewrap (bwrap) is not installed: install it")
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "a.ipynb").write_text(answered_with(""))
    assert main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "gradebook.csv"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bubblewrap (bwrap) is not installed" in err and "--unisolated" in err
    assert not (tmp_path / "gradebook.csv").exists()


def test_unisolated_grading_warns_and_grades(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(isolation, "problem", lambda: "bubblewrap (bwrap) is not installed: install it")
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "a.ipynb").write_text(answered_with(""))
    assert (
        main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "gradebook.csv"), "--quiet", "--unisolated"])
        == 0
    )
    assert capsys.readouterr().err.startswith("warning: --unisolated: each submission runs with your permissions")
    assert read_csv(tmp_path / "gradebook.csv")["a"]["correct"] == "6"


def test_a_missing_bwrap_is_named(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert isolation.problem.__wrapped__().startswith("bubblewrap (bwrap) is not installed")


def test_the_worker_never_ends_other_processes_outside_a_sandbox():
    """Outside its own process namespace "every other process" would be the instructor's."""
    with pytest.raises(RuntimeError):
        sandbox.clear_sandbox("/nonexistent")


@needs_sandbox
def test_a_sandbox_left_with_what_it_cannot_clear_is_replaced(tmp_path):
    """System V message queues outlive their processes: the next notebook gets a fresh sandbox."""
    leaves_queue = tmp_path / "leaves_queue.ipynb"
    leaves_queue.write_text(
        answered_with("""
import ctypes
assert ctypes.CDLL(None).msgget(0, 0o1600) >= 0   # IPC_PRIVATE, IPC_CREAT | 0600
""")
    )
    next_one = tmp_path / "next.ipynb"
    next_one.write_text(
        answered_with("""
queues = open('/proc/sysvipc/msg').read().splitlines()[1:]
assert not queues, queues
""")
    )
    first, second = grade.grade_files([leaves_queue, next_one], jobs=1, progress=False)
    assert (first.correct, first.status) == (6, grade.GRADED)
    assert (second.correct, second.status) == (6, grade.GRADED), [verdict.message for verdict in second.verdicts]


# ---- No answer key within reach of a graded kernel (issue 19) ---------------------------------------
# Each hostile sample is the blank exercise 02 with every answer line replaced by an attempt on the key:
# exec(qN.solution_code); qN.solution() made to return its note; a search of every file the kernel can read
# for lines that assign the answers' names, keeping what the check accepts; importing the course's tools and
# reading solutions/ by relative and package-relative paths; answers made equal to anything, with the grader's
# export of the answers (it runs in the graded kernel) replaced by one that writes them as "correct"
# (forges_the_export). The sandbox binds the runtime (takedown/, which holds no key) and seeds/ only, and the
# grader judges only what decodes as plain data, so each must score nothing; the answer key still gets full marks.
SAMPLES = COURSE / "tests" / "samples"
HOSTILE = ["execs_solution_code", "asks_for_solution", "searches_every_file", "reaches_for_tools", "forges_the_export"]


def scores(rows):
    return {name: (row["points"], row["max_points"]) for name, row in rows.items()}


def graded_class(tmp_path, names):
    folder = tmp_path / "class"
    folder.mkdir()
    for name in names:
        shutil.copy2(SAMPLES / f"{name}.ipynb", folder / f"{name}.ipynb")
    return folder


@needs_sandbox
def test_the_hostile_samples_score_nothing_from_the_instructors_repository(graded_sample_class):
    """Graded with the instructor's command from this repository, where the keys are: tests/samples/ holds the
    hostile samples and the answer key's copy, and is graded once per session (conftest.py)."""
    assert graded_sample_class["status"] == 0
    rows = read_csv(graded_sample_class["out"] / "gradebook.csv")
    assert {name: score for name, score in scores(rows).items() if name in {*HOSTILE, "correct"}} == {
        **{name: ("0", "8") for name in HOSTILE},
        "correct": ("6", "8"),
    }


@needs_sandbox
def test_the_hostile_samples_score_nothing_in_a_student_editions_sandbox(tmp_path, monkeypatch):
    """The sandbox binds a student edition's runtime (what a class has): still nothing from the keys."""
    from course.authoring import release

    edition = tmp_path / "edition"
    release.release("student", edition)
    monkeypatch.setattr(isolation, "runtime", lambda: edition / "takedown")
    results = grade.grade_files([SAMPLES / f"{name}.ipynb" for name in [*HOSTILE, "correct"]], jobs=2, progress=False)
    assert [result.points for result in results] == [0] * len(HOSTILE) + [6]


@needs_sandbox
def test_the_sandbox_hands_its_kernel_the_runtime_it_binds(tmp_path):
    """Graded next to another checkout of the course (PYTHONPATH names it), a correct submission still runs:
    the kernel imports the runtime the sandbox binds, not the one the virtual environment's install names."""
    other = tmp_path / "other-checkout"
    for name in ("takedown", "seeds", "exercises", "solutions"):
        shutil.copytree(COURSE / name, other / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("course",):  # the tools, where the layout has them
        if (COURSE / name).is_dir():
            shutil.copytree(COURSE / name, other / name, ignore=shutil.ignore_patterns("__pycache__"))
    folder = graded_class(tmp_path, ["correct"])
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST")}
    env["PYTHONPATH"] = str(other)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "takedown",
            "grade",
            str(folder),
            "--exercise",
            "02_countries",
            "--out",
            str(tmp_path / "gradebook.csv"),
            "--quiet",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    row = read_csv(tmp_path / "gradebook.csv")["correct"]
    assert (row["points"], row["status"]) == ("6", grade.GRADED), row


def test_the_sandbox_binds_the_runtime_and_never_the_keys_or_the_tools():
    bound = {source for source, _ in isolation.visible_paths()}
    assert isolation.runtime() in bound and COURSE.resolve() / "seeds" in bound
    for kept_out in ("solutions", "tests", "course", "exercises", "notebooks"):
        assert not any(
            path == COURSE.resolve() / kept_out or (COURSE.resolve() / kept_out) in path.parents
            for path in bound
            if path != isolation.WORKER
        ), kept_out
    command = isolation.bwrap_command(["true"], {})
    settings = {command[index + 1]: command[index + 2] for index, word in enumerate(command) if word == "--setenv"}
    assert settings["PYTHONPATH"] == str(isolation.runtime().parent)


@pytest.mark.parametrize("platform, system", [("win32", "Windows"), ("darwin", "macOS")])
@pytest.mark.parametrize("unisolated", [[], ["--unisolated"]])
def test_on_windows_and_macos_grading_refuses_and_names_the_routes(
    tmp_path, monkeypatch, capsys, platform, system, unisolated
):
    """No traceback, nothing written, and the message says where grading does run (also with --unisolated,
    which needs Linux too), pointing to the page that gives the steps."""
    monkeypatch.setattr(sys, "platform", platform)
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "a.ipynb").write_text(answered_with(""))
    assert (
        main(["grade", str(tmp_path / "class"), "--out", str(tmp_path / "gradebook.csv"), "--quiet", *unisolated]) == 2
    )
    captured = capsys.readouterr()
    err = captured.err
    assert "Traceback" not in err and captured.out == ""
    assert err.startswith(f"error: grading runs on Linux only, and this is {system}")
    for route in (
        "JupyterHub: open a Terminal there",
        "WSL 2 with Ubuntu",
        "wsl --install",
        "sudo apt-get install bubblewrap",
        "Linux container (Docker or Podman)",
        "docs/grading-platforms.md",
    ):
        assert route in err
    assert (COURSE / "docs" / "grading-platforms.md").is_file()
    assert not (tmp_path / "gradebook.csv").exists()
