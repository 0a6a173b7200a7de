"""The CSV files grading reads and writes (gradebook, scores, roster, LMS imports): read with a plain
message when a file is wrong, written whole or not at all."""

import csv
import math
import os
import tempfile
from pathlib import Path


class BadInput(ValueError):
    """Problems found in a file the instructor gave, one plain line each."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as file:  # -sig: a spreadsheet may add a BOM
        return list(csv.DictReader(file))


def as_points(text):
    """A score typed by a person: '7', '7.5' or '7,5'; None when it is not a number."""
    text = text.strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_table(path, what):
    """The rows of a CSV file the instructor gave (`what` names it in the message); BadInput when unreadable."""
    try:
        return read_csv(path)
    except FileNotFoundError:
        raise BadInput([f"there is no {what} {path}"]) from None
    except (UnicodeDecodeError, csv.Error):
        raise BadInput([f"{path} is not a CSV file saved as UTF-8 (save it again as CSV UTF-8)"]) from None


def write_atomically(path, rows):
    """Write the whole CSV (a list of rows) to a temporary file beside `path`, then put it in place:
    never half a file, and the old one stays whole if anything goes wrong."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
