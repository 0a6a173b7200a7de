"""Exercise 01 – The article: questions about turning the article into data."""

import re

from takedown import data, feedback, text
from takedown.questions import (
    Question,
    Rubric,
    as_number,
    as_whole_number,
    judge_whole_number,
    kind_of,
    multiple_choice,
    not_a_number,
    wrong_number,
)
from takedown.questions.assessment import judge_reasoning, word_count


def words(some_text):
    """The words of a text: its pieces between spaces and line breaks, as `some_text.split()` cuts them."""
    return len(some_text.split())


def debris_share():
    """Percentage of the raw scrape's words that cleaning removes (page debris)."""
    raw, clean = words(data.raw_article()), words(data.article())
    return 100 * (raw - clean) / raw


def _share(part, whole):
    return 100 * part / whole


def judge_debris_share(answer):
    number = as_number(answer)
    if number is None:
        return not_a_number(
            answer,
            "a percentage, a number like 12.5",
            text_tip=" Write the number without quotation marks or a % sign.",
            other_tip=" Reduce it to a single number: a share of the scrape's words, in percent.",
        )
    expected = debris_share()

    def close(a, b):
        return abs(a - b) <= 0.1 * max(1.0, abs(b) / 10)

    if close(number, expected):
        return feedback.correct(
            f"Yes: about {number:.1f}% of the scrape's words are debris (a repeated headline, a photo credit and "
            "a comment form). Any count of words, names or sentences taken on the raw scrape carries them."
        )
    raw, clean = data.raw_article(), data.article()
    debris = words(raw) - words(clean)
    mistakes = [
        (
            lambda value: close(value * 100, expected),
            "That is a fraction of one: multiply it by 100 to get a percentage.",
        ),
        (
            _share(debris, words(clean)),
            "That divides the debris by the clean article's words. A share of the scrape is taken of the "
            "scrape's own words: divide by the raw scrape's count.",
        ),
        (
            lambda value: value == debris,
            "That is the number of debris words; the question asks what share of the raw scrape's words they "
            "are, in percent.",
        ),
        (
            lambda value: value == round(expected),
            "That is the share rounded to a whole percent: keep your unrounded result (no need to round).",
        ),
        (
            100 - expected,
            "That is the share of the scrape's words that the cleaning keeps: the question asks for the share it removes.",
        ),
        (
            _share(len(text.lines(raw)) - len(text.lines(clean)), len(text.lines(raw))),
            "That is a share of lines: the question counts words. `.split()` cuts a text into words.",
        ),
        (
            _share(len(raw) - len(clean), len(raw)),
            "That is a share of characters (`len` of a text counts its letters, spaces and line breaks): the "
            "question counts words, with `.split()`.",
        ),
        (
            _share(len(text.sentences(raw)) - len(text.sentences(clean)), len(text.sentences(raw))),
            "That is a share of sentences: the question counts words, with `.split()`.",
        ),
    ]
    return wrong_number(
        f"{number:g}",
        number,
        mistakes,
        "Count the words of `raw` and of `clean` the same way, with `len(....split())`: the difference is the "
        "debris. Then divide it by the raw scrape's words and multiply by 100.",
        close,
    )


q1 = Question(
    name="Question 1",
    judge=judge_debris_share,
    hints=(
        "A share in percent is 100 × part ÷ whole. Here the whole is the raw scrape, and the part is what the "
        "cleaning removed from it.",
        "`len(raw.split())` counts the words of the raw scrape; count the words of `clean` the same way. The "
        "difference is the debris.",
        "A partial line: `debris_share = 100 * (... - ...) / ...` – which count is the whole?",
    ),
    answer_name="debris_share",
)


def judge_europol_sentences(answer):
    expected = sum("Europol" in sentence for sentence in text.sentences(data.article()))
    if as_whole_number(answer) == 0:
        return feedback.incorrect(
            "No sentence matched. `in` compares letters exactly, capitals included: "
            "how does the article write the name?"
        )
    sentences = text.sentences(data.article())
    return judge_whole_number(
        answer,
        expected,
        "sentences of the clean article name Europol",
        mistakes=[
            (
                sum("Europol" in sentence for sentence in text.sentences(data.raw_article())),
                "That is the count for the raw scrape (`raw`), which repeats the headline: use `clean`.",
            ),
            (len(sentences), 'That is every sentence of the article: keep only those in which "Europol" occurs.'),
            (
                sum(bool(re.search(r"\bEuropol\b(?!’)", sentence)) for sentence in sentences),
                "Your test reads whole words: a sentence that names Europol only in the possessive (Europol’s) "
                'names it too, and `"Europol" in sentence` counts it.',
            ),
        ],
        otherwise="Count sentences, not mentions (a sentence naming Europol twice counts once), in the clean "
        "text, headings included.",
    )


q2 = Question(
    name="Question 2",
    judge=judge_europol_sentences,
    hints=(
        "Counting the sentences that contain a word is a loop with an `if`, or a list comprehension "
        "with an `if`, like the lesson's count of the sentences that mention Amaq.",
        'Lesson 01, section 3, kept the sentences that mention Amaq with `if "Amaq" in sentence`. Start from '
        "the list `text.sentences(clean)` and change the test.",
        "europol_sentences = len([sentence for sentence in text.sentences(clean) if ...])",
    ),
    answer_name="europol_sentences",
)

# Phrases printed by other reports of the same statement (sources in takedown/data/sources.csv).
VERSIONS = [
    "a major part of the international terrorist threat",  # VOA, Newstalk, Euronews
    "a major part of the global terrorist threat",  # an aggregator page (trilakes_2018)
    "punched a big hole in the capability of IS",  # most copies
    "radicalize young people in Europe",  # VOA (American spelling)
    "Halumu and Nashir news",  # Europol's statement, as Sky News quoted it
]


def judge_versions_found(answer):
    expected = [text.quote_is_in(version, data.article()) for version in VERSIONS]
    if isinstance(answer, str) or not hasattr(answer, "__iter__") or isinstance(answer, dict):
        return feedback.wrong_kind(
            f"I expected a list of True/False values, one per phrase, like [True, False, ...], "
            f"but got {kind_of(answer)}."
        )
    found = list(answer)
    if not all(isinstance(item, bool) or type(item).__name__ in ("bool", "bool_") for item in found):
        return feedback.wrong_kind(
            "I expected a list of True/False values, like [True, False, ...], but the list holds other "
            "things. `text.quote_is_in(phrase, clean)` gives one True or False."
        )
    if len(found) != len(expected):
        return feedback.incorrect(
            f"Your list has {len(found)} values; `versions` has {len(expected)} phrases: one value per phrase."
        )
    wrong = [number for number, (mine, right) in enumerate(zip(found, expected), start=1) if bool(mine) != right]
    if wrong:
        return feedback.incorrect(
            "Not yet: at least one value is not what the article shows. Let `text.quote_is_in` decide "
            "rather than your eye: one changed letter is enough to make a phrase a different one."
        )
    return feedback.correct(
        "Yes: the article has two of the phrases word for word. Of the other three, one swaps a word, "
        "one changes a spelling and one names an outlet the article leaves out."
    )


q3 = Question(
    name="Question 3",
    judge=judge_versions_found,
    hints=(
        "Checking many phrases is the lesson's list comprehension over quotes: one `text.quote_is_in` per item.",
        "Go through `versions`, and ask of each phrase whether it is in `clean`.",
        "A partial line: `found = [... for version in versions]` – in place of the dots, the call that asks "
        "whether this one `version` is in `clean`.",
    ),
    answer_name="found",
)

q4 = Question(
    name="Question 4",
    judge=multiple_choice(
        "d",
        {
            "a": "No: the release says servers were seized (it names where; the article does not), so the "
            "article keeps this action, only shorter.",
            "b": "No: the release says digital evidence was seized; the article keeps this action, only without "
            "the countries.",
            "c": "No: the article words this as an aim (“sought to … dismantle”), not as something done, which "
            "is a fair reading of a release about disruption.",
            "d": "Yes: a registrar is a company that sells web addresses (domains). Europol's own words are "
            "already ambiguous: the UK's Counter Terrorism Internet Referral Unit “took the lead in the "
            "referral process of top-level domain registrars abused by IS” – were IS's domains referred to "
            "the registrars that sold them, or were the registrars themselves reported to someone? The "
            "article compressed this further, dropping “process” and who did it, so read literally its "
            "words say the registrars were referred. It did not invent an action; it made an unclear one "
            "less clear. Neither text says exactly what was done: a journalist would ask Europol.",
        },
    ),
    hints=(
        "A rewrite error is wording that says something the source does not: check each action against the "
        "release, and against what the words themselves mean.",
        "Read each action's words literally, as a reader who has not seen the release would: who does what, "
        "to whom? Then compare that with what the release says was done.",
        'garbled = "..."   (the letter of the action whose words, read literally, say something the release does not)',
    ),
    answer_name="garbled",
)

SPELLINGS = ("radicalise", "radicalize")

# A person scores the reason with this rubric (course/grading/review.py); the check only looks at the form.
SPELLING_RUBRIC = Rubric(
    levels=(("Strong", 1), ("Partly", 0.5), ("Needs work", 0)),
    criteria=(
        (
            "The choice",
            (
                "gives checkable evidence of who wrote each copy",
                "names a spelling, with a hedge or a reason that does not connect it to who wrote which copy",
                "chooses by the size or fame of an outlet, or names no spelling",
            ),
        ),
        (
            "The reason",
            (
                "gives evidence a reader can check (a text the speaker's organisation wrote itself; a "
                "newsroom's known house style) and says whether a spelling change alters what was said, "
                "compared with a changed word",
                "gives one of these, without saying why it settles the question",
                "gives no evidence a reader could check, or no reason",
            ),
        ),
    ),
)


def judge_spelling_reason(answer):
    """The form of a choice plus its reason: it names one spelling and gives a reason of 15 to 150 words."""
    if not isinstance(answer, str):
        return feedback.wrong_kind(f'I expected your answer as text, between """ and """, but got {kind_of(answer)}.')
    named = {spelling for spelling in SPELLINGS if spelling in answer.lower()}
    if len(named) != 1:
        return feedback.incorrect(
            "Start with the spelling you choose, written as in the article or in VOA's copy "
            "(“radicalise” or “radicalize”), and only that one; then give your reason."
        )
    # The form only: a person judges the reason's substance with the rubric (a keyword test would tell what to argue).
    if word_count(answer) < 15:
        return feedback.incorrect("You named a spelling; now say why, in at least 15 words (two to four sentences).")
    return judge_reasoning(answer)


q5 = Question(
    name="Question 5",
    judge=judge_spelling_reason,
    hints=(
        "Two spellings of one word usually tell you about the copier's house style, not about the speaker.",
        "Find a text each organisation wrote itself, and ask who wrote each copy you have: the speaker, or a "
        "newsroom that printed it?",
        "Write it as: the spelling you choose, then “because …” with what you know about who spells how, and "
        "whether a newsroom may change a quote's spelling.",
    ),
    answer_name="spelling_and_reason",
    points=SPELLING_RUBRIC.max_points,  # 2: a person scores it with the rubric
    rubric=SPELLING_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5]
