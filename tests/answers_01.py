"""Answers for exercise 01 and lesson 01's checks (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
ANSWERS = [
    ("01_the_article", 1, 15, 17, "15"),
    ("01_the_article", 2, 7, 8, "seven"),
    ("01_the_article", 3, [True, False, True, False, False], [True, True, True, False, False], "True"),
    ("01_the_article", 4, "d", "a", 3),
    ("01_the_article", 5, "Radicalise: Europol writes British spelling, as in its release's “radicalised individuals”, "
                          "and VOA, an American outlet, re-spells quotes to its house style.",
     "radicalise", ["radicalise"]),
    ("lesson_01", 1, 10, 11, "10"),
    ("lesson_01", 2, "b", "a", 2),
    ("lesson_01", 3, "c", "b", 3),
    ("lesson_01", 4, "b", "a", ["b"]),
    ("lesson_01", 5, "b", "a", True),
    ("lesson_01", 6, "b", "a", None),
]
