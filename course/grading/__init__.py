"""Grading a class: collect submissions, run them in a sandbox, judge, gradebook, review pages, LMS export."""
