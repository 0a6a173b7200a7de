"""Where the course's folders are: the one place that knows the course root.

The package sits at the top of the course's repository (takedown/ beside notebooks/, seeds/, solutions/),
so the root is the folder that holds the package. Every module asks here instead of counting parents
of its own file, which broke each time a module moved.
"""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
COURSE = PACKAGE.parent
DATA = PACKAGE / "data"
SEEDS = COURSE / "seeds"
NOTEBOOKS = COURSE / "notebooks"
SOLUTIONS = COURSE / "solutions"
EXERCISES = COURSE / "exercises"
