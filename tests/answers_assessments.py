"""The pre- and post-assessment: a right, a wrong and a wrong-kind answer for each question (judged as the
grader judges them, outside a kernel; in a notebook the checks only record)."""

PRE_REASONING = """
The 26,000 counts items flagged for removal in one action: what Europol and Telegram did, not who stopped
seeing the material. We would need reach measured before and after, against what would have happened anyway.
"""

POST_REASONING = """
These count videos the site removed, which is what the site did. Fewer removals may mean less content,
less enforcement or a move elsewhere; we would need the content present measured the same way twice.
"""

ANSWERS = [
    ("pre_assessment", 1, "b", "a", 1),
    ("pre_assessment", 2, 274460, 1210357, "274460"),
    ("pre_assessment", 3, "d", "b", ["d"]),
    ("pre_assessment", 4, "a", "b", 4),
    ("pre_assessment", 5, "c", "d", None),
    ("pre_assessment", 6, "c", "a", 40),
    ("pre_assessment", 7, "b", "a", True),
    ("pre_assessment", 8, "d", "c", 0.3),
    ("pre_assessment", 9, "a", "b", ["a"]),
    ("pre_assessment", 10, PRE_REASONING, "It does not.", 26000),
    ("post_assessment", 1, "d", "a", 3),
    ("post_assessment", 2, 13695, 61905, "13,695"),
    ("post_assessment", 3, "c", "b", ["c"]),
    ("post_assessment", 4, "b", "a", 4),
    ("post_assessment", 5, "a", "b", None),
    ("post_assessment", 6, "b", "a", 22),
    ("post_assessment", 7, "d", "a", False),
    ("post_assessment", 8, "a", "d", 0.02),
    ("post_assessment", 9, "c", "a", ["c"]),
    ("post_assessment", 10, POST_REASONING, "Less content.", 52000),
]
