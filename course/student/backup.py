"""Nothing a student wrote is lost: backups before any reset or update of an exercise.

    python -m takedown reset exercises/02_countries.ipynb

saves the student's notebook as exercises/backups/02_countries.backup-YYYYMMDD-HHMMSS.ipynb, then
puts a fresh exercise in its place. `python -m takedown build` also backs up an exercise a student
has changed before writing the new version. Backups go in a folder of their own, so that
`make check` (which checks exercises/*.ipynb) never takes one for an exercise; a student can still
open them in JupyterLab. Each exercise records a fingerprint of the cells it was made with, so a
changed notebook is recognised whatever the change.
"""

import hashlib
import json
import shutil
import time
from pathlib import Path

import nbformat


def fingerprint(notebook):
    """A short hash of a notebook's cells (their kinds and sources), ignoring outputs."""
    cells = [(cell.cell_type, cell.source) for cell in notebook.cells]
    return hashlib.sha256(json.dumps(cells).encode("utf-8")).hexdigest()[:16]


def changed_since_made(path):
    """True when the notebook at `path` is not the one the course made (a student edited it)."""
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception:  # unreadable: certainly not what the course wrote
        return True
    made = notebook.metadata.get("takedown", {}).get("fingerprint")
    return made != fingerprint(notebook)


BACKUPS = "backups"  # the folder, beside the exercises, that holds their backups
TAG = ".backup-"


def is_backup(path):
    """True for a notebook this module saved (by its name, wherever it has been moved since)."""
    return TAG in Path(path).name


def backup(path):
    """Copy `path` to a timestamped backup in the `backups` folder beside it; return the backup's path."""
    path = Path(path)
    folder = path.parent / BACKUPS
    folder.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}{TAG}{stamp}{path.suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{path.stem}{TAG}{stamp}-{counter}{path.suffix}"
    shutil.copy2(path, target)
    return target
