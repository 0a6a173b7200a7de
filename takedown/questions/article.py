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
        f"of the clean article's {len(sentences)} sentences name Europol",
        mistakes=[
            (
                sum("Amaq" in sentence for sentence in sentences),
                "That is the number of sentences that mention Amaq, the lesson's count: change the word in "
                'your test to "Europol".',
            ),
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
        'Lesson 01, section 3 (“Who, what, where, when”), kept the sentences that mention Amaq with `if "Amaq" in sentence`. Start from '
        "the list `text.sentences(clean)` and change the test.",
        "europol_sentences = len([sentence for sentence in text.sentences(clean) if ...])",
    ),
    answer_name="europol_sentences",
)

# Wainwright's first sentence as six reports of Europol's statement printed it, word for word from each stored copy
# (sources in takedown/data/sources.csv). No lesson prints these copies: the student finds which keep the article's
# wording with `text.quote_is_in`, and question 5 asks what the differences tell.
COPIES = [
    {
        "source": "newstalk_2018",
        "printed_by": "Newstalk (Ireland)",
        "sentence": "With this ground-breaking operation we have punched a big hole in the capability of IS to spread "
        "propaganda online and radicalise young people in Europe",
    },
    {
        "source": "voa_2018",
        "printed_by": "Voice of America (VOA, United States)",
        "sentence": "With this groundbreaking operation we have punched a big hole in the capability of IS to spread "
        "propaganda online and radicalize young people in Europe",
    },
    {
        "source": "pa_aol_2018",
        "printed_by": "Press Association (PA, United Kingdom)",
        "sentence": "With this ground-breaking operation we have punched a big hole in the capability of IS to spread "
        "propaganda online and radicalise young people in Europe",
    },
    {
        "source": "counterterrorbusiness_2018",
        "printed_by": "Counter Terror Business (United Kingdom)",
        "sentence": "With this ground-breaking operation we have punched a big hole in the capability of IS to spread "
        "propaganda online and radicalise young people in Europe",
    },
    {
        "source": "euronews_isil_2018",
        "printed_by": "Euronews (France)",
        "sentence": "With this ground-breaking operation we have punched a big hole in the capability of ISIL to spread "
        "propaganda online and radicalise young people in Europe",
    },
    {
        "source": "afp_straits_times",
        "printed_by": "The Straits Times (Singapore; AFP's text, house style ISIS for IS)",
        "sentence": "With this groundbreaking operation we have punched a big hole in the capability of ISIS to spread "
        "propaganda online and radicalise young people in Europe",
    },
]


def copies_found():
    """For each copy, in order: is it word for word in the article?"""
    return [text.quote_is_in(copy["sentence"], data.article()) for copy in COPIES]


def judge_copies_found(answer):
    expected = copies_found()
    if isinstance(answer, (str, bytes, dict)) or not hasattr(answer, "__iter__"):
        return feedback.wrong_kind(
            f"I expected a list of True/False values, one per copy, like [True, False, ...], but got {kind_of(answer)}."
        )
    found = list(answer)
    if not all(isinstance(item, bool) or type(item).__name__ in ("bool", "bool_") for item in found):
        return feedback.wrong_kind(
            "I expected a list of True/False values, like [True, False, ...], but the list holds other "
            "things. `text.quote_is_in(sentence, clean)` gives one True or False for one sentence."
        )
    if len(found) != len(expected):
        return feedback.incorrect(
            f"Your list has {len(found)} values; `copies` has {len(expected)} rows: one value per copy, in the "
            "table's order."
        )
    if all(found):
        return feedback.incorrect(
            "Your list says every copy is word for word the article's. Let `text.quote_is_in` compare them "
            "rather than your eye: one letter or one hyphen is enough to make a sentence a different one."
        )
    if [bool(value) for value in found] != expected:
        return feedback.incorrect(
            "At least one value is not what the article shows. Let `text.quote_is_in` decide for each "
            'row of `copies["sentence"]`, in the table\'s order, rather than your eye.'
        )
    same = sum(expected)
    return feedback.correct(
        f"Yes: {same} of the {len(expected)} copies print the sentence word for word as the article does. The "
        "others changed something inside the quotation marks: a hyphen (“groundbreaking”), the name of the group "
        "(“ISIL” for “IS” in Euronews; “ISIS” in The Straits Times, the newspaper's house style: AFP's text printed "
        "elsewhere keeps “IS”) or a spelling (“radicalize”). Question 5 asks what such a difference tells you."
    )


q3 = Question(
    name="Question 3",
    judge=judge_copies_found,
    hints=(
        "Checking many sentences is the lesson's list comprehension over quotes: one `text.quote_is_in` per row "
        "of `copies`.",
        'Go through the column `copies["sentence"]`, and ask of each sentence whether it is in `clean`.',
        'A partial line: `found = [... for sentence in copies["sentence"]]` – in place of the dots, the call that '
        "asks whether this one `sentence` is in `clean`.",
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
        "Compare each action's two wordings, the article's and the release's: which one did the article make "
        "less clear than the release already was?",
        "Read each action's words literally, as a reader who has not seen the release would: who does what, "
        "to whom? Then compare that with what the release says was done.",
        'garbled = "..."   (the letter of the action the article makes least clear, against the release\'s wording)',
    ),
    answer_name="garbled",
)

SPELLINGS = ("radicalise", "radicalize")

# A person scores the reason with this rubric (course/grading/review.py); the check only looks at the form.
SPELLING_RUBRIC = Rubric(
    levels=(("Strong", 1), ("Partly", 0.5), ("Needs work", 0)),
    criteria=(
        (
            "The choice and its evidence",
            (
                "names one spelling and backs it with evidence a reader can check of who wrote each copy: a text "
                "the speaker's organisation wrote itself, or what a newsroom does to the quotes it prints",
                "names one spelling, with a hedge, or with evidence that does not show who wrote which copy",
                "chooses by the size or fame of an outlet, or names no spelling",
            ),
        ),
        (
            "What the difference changes",
            (
                "says whether a change of spelling alters what the speaker said, compared with a change of word "
                "(such as “ISIL” for “IS” in question 3, or “global” for “international”)",
                "says that it matters or not, without comparing it with a change of word",
                "does not say whether it changes what was said",
            ),
        ),
    ),
)

# Words that give an outlet's size or fame as the reason: the rubric's "Needs work" for the choice. The check still
# records the answer (a person scores it); it only points the student to that row of the rubric.
SIZE_WORDS = ("biggest", "largest", "bigger", "larger", "most famous", "best known", "well-known", "well known")


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
    verdict = judge_reasoning(answer)
    if verdict.correct and any(word in answer.lower() for word in SIZE_WORDS):
        return feedback.correct(
            verdict.message + " Before you hand it in: your answer speaks of an outlet's size or fame, and the "
            "rubric scores a choice made by size or fame as Needs work. Who wrote each copy?"
        )
    return verdict


q5 = Question(
    name="Question 5",
    judge=judge_spelling_reason,
    hints=(
        "Two spellings of one word usually tell you about the copier's house style, not about the speaker.",
        "Compare the sentence of Europol's own release quoted above the question with VOA's copy, and with what "
        "question 3 showed VOA does to other words inside the quotation marks.",
        "Write it as: the spelling you choose, then “because …” with what you know about who spells how, and "
        "whether a newsroom may change a quote's spelling.",
    ),
    answer_name="spelling_and_reason",
    points=SPELLING_RUBRIC.max_points,  # 2: a person scores it with the rubric
    rubric=SPELLING_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5]
