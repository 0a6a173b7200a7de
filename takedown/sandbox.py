"""Run submitted notebooks under limits and export their answers (used by the grader).

    python -m takedown.sandbox

is a worker that the grader starts once per job slot and keeps for the whole batch, so Python,
nbformat and nbclient start once rather than once per submission. It reads one job per line on
standard input, a JSON object {"notebook": ..., "workdir": ..., "names": [...], "cell_seconds": N},
and for each job runs the notebook (a copy inside workdir) in a fresh kernel whose working folder
is workdir, with a time limit per cell and a cap on stored output; then it exports the named answer
variables to workdir/answers.json, writes what happened to workdir/run.json (each error with the
cell that raised it), and answers with the job's workdir on a line of its own. The worker caps its
own address space when it starts (TAKEDOWN_GRADE_MEMORY bytes), and every kernel it starts
inherits that cap. The grader kills a worker whose job runs past the notebook's time limit, and
starts another.

This is a temporary folder and resource limits, not a security boundary: a notebook can still
read and write files elsewhere on the machine. Grade untrusted work in a container or a
JupyterHub sandbox.
"""
import json
import os
import resource
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

CELL_SECONDS = 30
MEMORY_BYTES = 2 * 1024**3
OUTPUT_BYTES = 2_000_000
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


def export_cell(names, workdir):
    return nbformat.v4.new_code_cell(
        "from takedown.answers import export_answers as _takedown_export\n"
        f"_takedown_export({names!r}, {str(Path(workdir) / 'answers.json')!r}, globals())")


def limit_memory(max_bytes):
    """Cap this process's address space; the kernel it starts inherits the cap."""
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def run(notebook_path, workdir, names, cell_seconds=CELL_SECONDS):
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(export_cell(names, workdir))
    client = LimitedClient(notebook, timeout=cell_seconds, kernel_name="python3", allow_errors=True,
                           interrupt_on_timeout=True, error_on_timeout=TIMEOUT_ERROR, record_timing=False,
                           # The answers are on disk before the kernel stops: no need to wait for it.
                           shutdown_kernel="immediate",
                           resources={"metadata": {"path": str(workdir)}})
    report = {"kernel_died": False}
    try:
        client.execute()
    except DeadKernelError:
        report["kernel_died"] = True
    # Which cell raised what, so the grader can say "your cell raised KeyError: 'eu'" for a question.
    cell_errors = [{"index": index, "ename": str(output.get("ename", "")),
                    "evalue": str(output.get("evalue", ""))[:300]}
                   for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"
                   for output in cell.get("outputs", []) if output.get("output_type") == "error"]
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


def serve(jobs, replies):
    """Run each job read from `jobs` (lines of JSON); answer each on `replies` with its workdir."""
    for line in jobs:
        job = json.loads(line)
        report = run(job["notebook"], job["workdir"], job["names"], job.get("cell_seconds", CELL_SECONDS))
        (Path(job["workdir"]) / "run.json").write_text(json.dumps(report), encoding="utf-8")
        replies.write(job["workdir"] + "\n")
        replies.flush()


def main():
    limit_memory(int(os.environ.get("TAKEDOWN_GRADE_MEMORY", MEMORY_BYTES)))
    serve(sys.stdin, replies_channel())


if __name__ == "__main__":
    main()
