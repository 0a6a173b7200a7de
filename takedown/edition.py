"""What this copy of the course is: the choices its edition was written with.

`python3 -m course release student DIR --hidden-checks` writes `edition.json` beside this file (a graded
class whose exercise checks only confirm an answer's form, course/authoring/release.py); the instructor's
repository and the other editions have no such file, and keep full instant feedback. This is the one place
the runtime reads an edition's choices.

Standard library only: it runs in a student's kernel.
"""

import json
from pathlib import Path

SETTINGS = Path(__file__).resolve().parent / "edition.json"


def settings():
    """The edition's choices ({} where there is no edition.json). A file that is there but cannot be read
    still means hidden checks: it is only ever written for them, and a verdict must not leak by accident."""
    if not SETTINGS.is_file():
        return {}
    try:
        found = json.loads(SETTINGS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"hidden_checks": True}
    return found if isinstance(found, dict) else {"hidden_checks": True}


def hidden_checks():
    """True in an edition whose graded questions only record an answer's form in a notebook."""
    return bool(settings().get("hidden_checks", False))
