# `python -m takedown ...` keeps working: an entry point, never imported by a kernel, so the rule that the
# runtime never imports the tools (tests/test_layout.py) leaves this one file out.
from course.cli import main

raise SystemExit(main())
