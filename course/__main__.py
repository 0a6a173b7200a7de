"""The student's command, the same on Windows, macOS and Linux, run from the course folder:

    python3 -m course lab            (Windows: py -m course lab)     set up once, then open the course
    python3 -m course check [02]     check your exercises
    python3 -m course reset 02       start an exercise afresh (your version is kept as a backup)
    python3 -m course test [--fast]  run the course's tests

The work is done by course/bootstrap.py. This file must parse on every Python, 2.7 included, so an
old one prints what to do instead of a SyntaxError: no f-strings here.
"""

import sys

if sys.version_info < (3, 6):
    sys.stderr.write(
        "This is Python %d.%d, too old for the course (it needs Python 3.11 or newer).\n"
        "If you have a newer Python, run the command with it: python3 -m course lab (Windows: py -m course lab).\n"
        "Otherwise install Python 3.12 from https://www.python.org/downloads/ and run the command again.\n"
        % sys.version_info[:2]
    )
    sys.exit(1)

from course import bootstrap  # noqa: E402 (after the version check, which must come first)

sys.exit(bootstrap.main(sys.argv[1:]))
