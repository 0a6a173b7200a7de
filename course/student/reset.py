"""Start an exercise afresh (`takedown reset exercises/02_countries.ipynb`), keeping a backup of the work.

The fresh copy is made from the answer key where the instructor's repository has solutions/, and else
(a student edition) copied from the blank exercise the edition stores in takedown/blank/. Running a
notebook and writing an exercise are shared with `takedown build` (course/authoring/build.py).
"""

from pathlib import Path

import nbformat
import zmq
from nbclient import NotebookClient
from traitlets.config import Config

from course.student.backup import backup, changed_since_made


def kernel_config():
    """Encrypt the link to the kernel when pyzmq can (the kernel warns on stderr about plain TCP)."""
    config = Config()
    config.KernelManager.transport_encryption = "auto" if zmq.has("curve") else "disabled"
    return config


def run_notebook(path, timeout=600):
    """Run a notebook top to bottom in a fresh kernel, in its own folder, and save its outputs."""
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        config=kernel_config(),
    ).execute()
    nbformat.write(notebook, path)
    return notebook


def write_exercise(exercise, target, run=True):
    """Write an exercise, first backing up the notebook there if a student changed it.

    Returns the backup's path, or None when nothing needed saving.
    """
    target = Path(target)
    saved = backup(target) if target.exists() and changed_since_made(target) else None
    nbformat.write(exercise, target)
    if run:
        run_notebook(target)
    return saved


def fresh_exercise(solutions_dir, name, blanks_dir=None):
    """The blank exercise `name`: in an edition, the copy stored in `blanks_dir` (takedown/blank/); in the
    instructor's repository, which has none, made anew from its solution notebook by the authors' build."""
    if blanks_dir is not None and (Path(blanks_dir) / f"{name}.ipynb").exists():
        return nbformat.read(Path(blanks_dir) / f"{name}.ipynb", as_version=4)
    solution_path = Path(solutions_dir) / f"{name}.ipynb"
    if solution_path.exists():
        from course.authoring.build import exercise_from_solution  # editions ship no authoring tools

        return exercise_from_solution(nbformat.read(solution_path, as_version=4), name)
    raise FileNotFoundError(
        f"there is no exercise called {name} to make a fresh copy of "
        "(exercises are named like exercises/02_countries.ipynb)"
    )
