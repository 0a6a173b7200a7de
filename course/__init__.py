"""The course's tools: the commands students, authors and instructors run (never imported by a kernel).

    course/student/    check, reset and back up exercises          (ships in every edition)
    course/authoring/  build, release, site, pace, links           (the instructor's repository)
    course/grading/    collect, sandbox, judge, gradebook, review, LMS export
    course/cli.py      the one `takedown` command with every subcommand

The runtime a kernel imports is the other package, `takedown`; it never imports this one (a test
checks it). This file imports only the standard library: the set-up command runs it before anything
else is installed.
"""
