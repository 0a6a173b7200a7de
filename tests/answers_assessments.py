"""The pre- and post-assessment: a right, a wrong and a wrong-kind answer for each question (judged as the
grader judges them, outside a kernel; in a notebook the checks only record)."""

PRE_REASONING = """
The 26,000 counts items flagged for removal in one action: what Europol and Telegram did, not who stopped
seeing the material. We would need reach measured before and after, against what would have happened anyway.
"""

POST_REASONING = """
These count accounts Twitter suspended, which is what Twitter did. Fewer suspensions may mean less content,
less enforcement or a move to Telegram; we would need the content present measured the same way twice.
"""

ANSWERS = [
    ("pre_assessment", 1, "b", "a", 1),
    ("pre_assessment", 2, 274460, 1210357, "274460"),
    ("pre_assessment", 3, "d", "b", ["d"]),
    ("pre_assessment", 4, "a", "b", 4),
    ("pre_assessment", 5, "c", "d", None),
    ("pre_assessment", 6, "d", "a", 6.0),
    ("pre_assessment", 7, "a", "c", True),
    ("pre_assessment", 8, PRE_REASONING, "It does not.", 26000),
    ("post_assessment", 1, "c", "a", 3),
    ("post_assessment", 2, 574109, 1210357, "574,109"),
    ("post_assessment", 3, "a", "b", ["a"]),
    ("post_assessment", 4, "d", "a", 4),
    ("post_assessment", 5, "b", "c", None),
    ("post_assessment", 6, "b", "a", 30000),
    ("post_assessment", 7, "c", "d", False),
    ("post_assessment", 8, POST_REASONING, "Less content.", 166513),
]
