"""The grader's sample class (tests/samples/) is the one tests/class_samples.py writes from today's exercise 02:
a question changed in the exercise and not in the samples would leave the grading tests grading an old exercise."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import class_samples  # noqa: E402

COURSE = Path(__file__).resolve().parents[1]


def test_the_samples_are_made_from_the_current_exercise(tmp_path):
    class_samples.main(COURSE, tmp_path)
    written = sorted(path.name for path in tmp_path.glob("*.ipynb"))
    assert written and all((COURSE / "tests" / "samples" / name).exists() for name in written)
    stale = [
        name for name in written if (tmp_path / name).read_bytes() != (COURSE / "tests" / "samples" / name).read_bytes()
    ]
    assert stale == [], f"run `.venv/bin/python tests/class_samples.py` to regenerate {stale}"
