"""Exercise 01 – The article: questions about turning the article into data."""

import re

from takedown import data, feedback, text
from takedown.questions import Question, Rubric, as_whole_number, judge_whole_number, kind_of, multiple_choice
from takedown.questions.assessment import judge_reasoning, word_count


def judge_sentence_count(answer):
    expected = len(text.sentences(data.article()))
    return judge_whole_number(
        answer,
        expected,
        "sentences in the clean article",
        mistakes=[
            (
                len(text.sentences(data.raw_article())),
                "That is the count for the raw scrape (`raw`): its debris lines are not part of the article. "
                "Count the sentences of `clean`.",
            )
        ],
        otherwise="Count the items of the clean article's list of sentences, `text.sentences(clean)`, with "
        "`len(...)`: headings count as sentences.",
    )


q1 = Question(
    name="Question 1",
    judge=judge_sentence_count,
    hints=(
        "Counting sentences is two steps: split a text into a list of sentences, then count the items of the list.",
        "Lesson 01, section 3, split the article into sentences with `text.sentences(...)`. Which text: the raw "
        "scrape or the clean one? `len(...)` counts the items of a list.",
        "A partial line: `sentence_count = len(...)` – put the list of the clean text's sentences between the brackets.",
    ),
    answer_name="sentence_count",
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
                "Your count leaves out the sentences that name Europol only in the possessive (Europol’s): "
                '`"Europol" in sentence` finds those too, a test on whole words does not.',
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
            f"The value for phrase {wrong[0]} is not what the article shows. Let `text.quote_is_in` decide "
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
        "Use the lesson's glossary: who or what can be “referred”, and to whom?",
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
                "names “radicalise” (Europol's British spelling) as the more likely original",
                "names it, with a hedge that is not argued",
                "names “radicalize”, or neither",
            ),
        ),
        (
            "The reason",
            (
                "rests on evidence a reader can check: Europol writes British spelling (its release has "
                "“radicalised individuals”), and American newsrooms re-spell quotes to their house style; "
                "says a spelling change keeps the meaning, unlike a swapped word",
                "one of these, without saying why it settles the question",
                "size or fame of an outlet, or no reason",
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
    # The reason's substance is who spells how: a spelling convention, a newsroom's style or Europol's own usage.
    if word_count(answer) < 15 or not re.search(
        r"(?i)british|american|english|\b(uk|us|u\.s\.)\b|house style|style guide|-[iy]ze|-ise|radicalised|re-?spel",
        answer,
    ):
        return feedback.incorrect(
            "You named a spelling; now say why, in two to four sentences: what do you know "
            "about who writes which spelling, and about how newsrooms treat quotes?"
        )
    return judge_reasoning(answer)


q5 = Question(
    name="Question 5",
    judge=judge_spelling_reason,
    hints=(
        "Two spellings of one word usually tell you about the copier's house style, not about the speaker.",
        "Europol's own release speaks of “radicalised individuals”: which spelling is that? And which "
        "country is VOA (Voice of America) from?",
        "Write it as: the spelling you choose, then “because …” with what you know about who spells how, and "
        "whether a newsroom may change a quote's spelling.",
    ),
    answer_name="spelling_and_reason",
    points=SPELLING_RUBRIC.max_points,  # 2: a person scores it with the rubric
    rubric=SPELLING_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5]
