"""Run submitted notebooks under limits and export their answers (used by the grader).

    python course/grading/sandbox.py

is a worker that the grader starts once per job slot and keeps for the whole batch, so Python,
nbformat and nbclient start once rather than once per submission. Unless grading is unisolated,
the grader starts it inside bubblewrap (course/grading/isolation.py), and every kernel it starts runs
in there with it. It reads one job per line on standard input, a JSON object {"token": ...,
"notebook": the submission's text, "names": [...], "cell_seconds": N}, and for each job writes the
notebook into a job folder (/job in the sandbox, else a new temporary folder) and runs it there in a
fresh kernel, with a time limit per cell and a cap on stored output; the kernel then exports the
named answer variables to the job folder's answers.json. The worker answers with one line of JSON,
{"token": the job's, "report": what happened (each error with the cell that raised it),
"answers": the exported answers, "retire": true when this sandbox should not take another job}.

Inside the sandbox, before answering, the worker ends every other process in it (whatever the
submission left running) and empties the writable folders, so nothing of one submission is there
when the next one runs (only the font caches it made before the first submission are put back). A
submission's processes can reach the pipes the worker answers on (through bubblewrap's own process):
the grader accepts only a line carrying the job's token, which they cannot read (the worker cannot
be inspected by them: it is not dumpable, and they have no capabilities). The worker caps its own
address space (TAKEDOWN_GRADE_MEMORY bytes) and, in the sandbox, the size of one file and its
processes; every kernel it starts inherits the caps. The grader kills a worker whose job runs past
the notebook's time limit, and starts another.
"""

import ctypes
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

CELL_SECONDS = 30
MEMORY_BYTES = 2 * 1024**3
OUTPUT_BYTES = 2_000_000
ANSWERS_BYTES = 5_000_000  # per answer (takedown.answers.MAX_BYTES), plus room for the tags
TIMEOUT_ERROR = {"ename": "CellTimeoutError", "evalue": "the cell ran past the time limit", "traceback": []}


class LimitedClient(NotebookClient):
    """A notebook client that drops outputs past a byte budget instead of holding them in memory."""

    output_budget = OUTPUT_BYTES
    output_dropped = False

    def output(self, outs, msg, display_id, cell_index):
        self.output_budget -= len(json.dumps(msg.get("content", {}), default=str))
        if self.output_budget < 0:
            self.output_dropped = True
            return None
        return super().output(outs, msg, display_id, cell_index)


# Run last: a notebook that filled its folder still has its answers exported (what it wrote there is
# discarded after the run anyway; the submission's copy is kept for the next line).
EXPORT = """\
import os as _takedown_os, shutil as _takedown_shutil
from takedown.answers import export_answers as _takedown_export
_takedown_disk = _takedown_os.statvfs({folder!r})
if _takedown_disk.f_bavail * _takedown_disk.f_frsize < 32 * 1024**2:
    for _takedown_entry in _takedown_os.scandir({folder!r}):
        if _takedown_entry.name == "submission.ipynb":
            continue
        try:
            _takedown_os.remove(_takedown_entry.path)
        except OSError:
            _takedown_shutil.rmtree(_takedown_entry.path, ignore_errors=True)
_takedown_export({names!r}, {answers!r}, globals())"""


def export_cell(names, workdir):
    return nbformat.v4.new_code_cell(
        EXPORT.format(folder=str(workdir), names=names, answers=str(Path(workdir) / "answers.json"))
    )


def limit_memory(max_bytes):
    """Cap this process's address space; the kernel it starts inherits the cap."""
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def run(notebook_path, workdir, names, cell_seconds=CELL_SECONDS):
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(export_cell(names, workdir))
    client = LimitedClient(
        notebook,
        timeout=cell_seconds,
        kernel_name="python3",
        allow_errors=True,
        interrupt_on_timeout=True,
        error_on_timeout=TIMEOUT_ERROR,
        record_timing=False,
        # The answers are on disk before the kernel stops: no need to wait for it.
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(workdir)}},
    )
    report = {"kernel_died": False}
    try:
        client.execute()
    except DeadKernelError:
        report["kernel_died"] = True
    # Which cell raised what, so the grader can say "your cell raised KeyError: 'eu'" for a question.
    cell_errors = [
        {"index": index, "ename": str(output.get("ename", "")), "evalue": str(output.get("evalue", ""))[:300]}
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    report.update(cell_errors=cell_errors, output_dropped=client.output_dropped)
    return report


def replies_channel():
    """The pipe to the grader, moved off standard output so that kernels cannot write into it.

    Kernels inherit the worker's standard output; a submission printing at the level of file
    descriptors (os.system, C libraries) then writes to /dev/null, not into the grader's replies.
    """
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")  # not inherited (PEP 446)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return channel


def read_answers(path, count):
    """The exported answers as tagged data ({} when missing, too large or not an object)."""
    try:
        if not path.is_file() or path.stat().st_size > count * ANSWERS_BYTES + 1_000_000:
            return {}
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def serve(jobs, replies, job_folder=None):
    """Run each job read from `jobs` (lines of JSON); answer each with a line of JSON on `replies`.

    With `job_folder` (in the sandbox) every job runs there and the sandbox is cleared after it;
    without, each job gets a temporary folder of its own.
    """
    caches = font_caches(job_folder) if job_folder else {}
    for line in jobs:
        job = json.loads(line)
        workdir = Path(job_folder) if job_folder else Path(tempfile.mkdtemp(prefix="takedown-grade-"))
        try:
            restore(caches, workdir)
            notebook = workdir / "submission.ipynb"
            notebook.write_text(job["notebook"], encoding="utf-8")
            report = run(notebook, workdir, job["names"], job.get("cell_seconds", CELL_SECONDS))
            answers = read_answers(workdir / "answers.json", len(job["names"]))
        finally:
            retire = not clear_sandbox(workdir) if job_folder else shutil.rmtree(workdir, ignore_errors=True)
        reply = {"token": job.get("token"), "report": report, "answers": answers, "retire": bool(retire)}
        # A newline first: anything a submission wrote into the pipe stays on lines of its own.
        replies.write("\n" + json.dumps(reply) + "\n")
        replies.flush()
        if retire:
            return


# ---- Inside the sandbox -----------------------------------------------------------------------


def font_caches(home):
    """The font caches matplotlib (and fontconfig) write in an empty home folder, made once, before any
    submission runs: {path under home: content}. Without them every kernel in the sandbox, whose home is
    emptied after each submission, built them again when it drew or imported a chart (half a second each)."""
    try:
        subprocess.run(
            [sys.executable, "-c", "import matplotlib.font_manager"],
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        pass  # no caches kept: each kernel builds its own, as before
    caches = {}
    for path in Path(home).rglob("*"):
        if path.is_file() and not path.is_symlink() and path.stat().st_size < 16 * 1024**2:
            caches[str(path.relative_to(home))] = path.read_bytes()
    return caches


def restore(caches, home):
    """Put the font caches back in a home folder that clear_sandbox emptied."""
    for name, content in caches.items():
        path = Path(home, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def in_own_sandbox():
    """True in bubblewrap's process namespace: bwrap is process 1 and this worker process 2.

    Checked before ending "every other process", which outside a sandbox would mean the user's.
    """
    return os.getpid() == 2 and os.getppid() == 1


def clear_sandbox(job_folder):
    """End every process but this worker, empty the writable folders; False if anything stayed."""
    if not in_own_sandbox():
        raise RuntimeError("not in a sandbox of its own: refusing to end every other process")
    try:
        os.kill(-1, signal.SIGKILL)  # every process it may signal, in this namespace, but itself and bwrap
    except ProcessLookupError:
        pass  # there was none
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    clean = True
    deadline = time.monotonic() + 10
    while others():  # orphans are reaped by bwrap, process 1
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    mounts = mount_points()
    for folder in (Path(job_folder), Path("/tmp"), Path("/dev/shm")):
        clean = empty(folder, mounts) and clean
    # System V shared memory, queues and semaphores outlive processes: a sandbox holding any is retired.
    for kind in ("shm", "msg", "sem"):
        try:
            if len(Path("/proc/sysvipc", kind).read_text().splitlines()) > 1:
                clean = False
        except OSError:
            pass
    return clean


def empty(folder, mounts):
    """Delete what is in folder, but not the read-only binds in it (a virtual environment under /tmp)."""
    clean = True
    for entry in folder.iterdir():
        if entry in mounts:
            continue
        try:
            if any(entry in mount.parents for mount in mounts):
                clean = empty(entry, mounts) and clean
            elif entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            clean = False
    return clean


def mount_points():
    """Every mount point in this sandbox (from /proc/self/mountinfo, with its octal escapes undone)."""
    lines = Path("/proc/self/mountinfo").read_text().splitlines()
    return {Path(re.sub(r"\\([0-7]{3})", lambda match: chr(int(match[1], 8)), line.split()[4])) for line in lines}


def others():
    return [int(name) for name in os.listdir("/proc") if name.isdigit() and int(name) not in (1, os.getpid())]


def undumpable():
    """Keep this worker's memory and open pipes (the job's token) away from a submission's processes."""
    PR_SET_DUMPABLE = 4
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


def limit_sandbox(file_bytes, processes):
    """Cap the size of one file and, where the kernel counts them per sandbox (not as root), processes."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))


def main():
    limit_memory(int(os.environ.get("TAKEDOWN_GRADE_MEMORY", MEMORY_BYTES)))
    job_folder = os.environ.get("TAKEDOWN_GRADE_JOB")
    if job_folder:
        undumpable()
        limit_sandbox(int(os.environ["TAKEDOWN_GRADE_FILE"]), int(os.environ["TAKEDOWN_GRADE_PROCESSES"]))
        if not in_own_sandbox():
            raise SystemExit("course.grading.sandbox: TAKEDOWN_GRADE_JOB is set, but this is not a bubblewrap sandbox")
    serve(sys.stdin.buffer, replies_channel(), job_folder)


if __name__ == "__main__":
    main()
