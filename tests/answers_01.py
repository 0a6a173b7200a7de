"""Answers for exercise 01 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
ACTIONS_QUOTE = ("which included the seizure of servers and digital evidence, "
                 "and the referral of domain registrars used by the terrorist group")

ANSWERS = [
    ("01_the_article", 1, 15, 17, "15"),
    ("01_the_article", 2, ["Rob Wainwright", "Dimitris Avramopoulos"], ["Rob Wainwright"], "Rob Wainwright"),
    ("01_the_article", 3, ["Amaq News Agency", "Al-Bayan", "Nashir"], ["Amaq News Agency", "Al-Bayan"], 3),
    ("01_the_article", 4, ACTIONS_QUOTE, "which included the seizure of servers", ["servers", "registrars"]),
    ("01_the_article", 5, 2016, 2018, "2016"),
]
