"""Exercise 07 – Policy and framing: a word's share of the text, reading quotes, the one-hour rule, and telling
quotes from the writer's own framing in new sentences (a rewrite scored by a person)."""

import datetime
import re

import pandas as pd

from takedown import data, feedback, framing
from takedown.questions import (
    Question,
    as_number,
    as_texts,
    as_whole_number,
    judge_whole_number,
    kind_of,
    not_a_number,
    shortened,
)
from takedown.questions.written import rubric, written

ORDER_RECEIVED = pd.Timestamp("2022-06-07 23:30")  # the day Regulation (EU) 2021/784 began to apply


# ---- Question 1: how large a part of the text is one word? (a share, with its base) ---------------


def propaganda_share():
    """“propaganda” as a percentage of every word of the clean article, stop words included."""
    every_word = framing.words(data.article())
    return 100 * every_word.count("propaganda") / len(every_word)


def judge_propaganda_share(answer):
    number = as_number(answer)
    if number is None:
        return not_a_number(
            answer,
            "a percentage as a number, like 2.5",
            text_tip=" Write the number without quotation marks or a % sign.",
            other_tip=" Reduce it to a single number: a count divided by a count, times 100.",
        )
    clean = data.article()
    every_word, kept = framing.words(clean), framing.content_words(clean)
    count = every_word.count("propaganda")
    expected = propaganda_share()
    if abs(number - expected) <= 0.05:
        return feedback.correct(
            f"Yes: about {number:.1f}% of the article's {len(every_word)} words. A count means "
            "little until you know its base: in a short text a few uses make a word stand out."
        )
    if number == 0:
        return feedback.incorrect(
            "0 is not the answer yet: your count found no “propaganda”. `framing.words(clean)` gives every word in "
            'lower case, so count "propaganda" written in small letters (a capital P finds nothing).'
        )
    mistakes = (
        (
            100 * count / len(clean),
            "`len(clean)` counts the characters of the article (letters, spaces, commas), not its words: the "
            "whole is `len(framing.words(clean))`, the number of items in the list of words.",
        ),
        (
            100 * count / len(kept),
            "That is a share of the words the count keeps, without the stop words: the wrong "
            "base. The question asks for a share of every word of the article.",
        ),
        (count / len(every_word), "That is a fraction: multiply it by 100 to get a percentage."),
        (count, "That is how many times the word occurs, not what share of the words it is."),
        (
            100 * len(every_word) / count,
            "You divided the other way round: the part (the word's count) goes on top, the whole (every word) below.",
        ),
        (
            100 * framing.words(data.raw_article()).count("propaganda") / len(framing.words(data.raw_article())),
            "You counted in the raw scrape, which repeats the headline: use the clean article.",
        ),
    )
    for value, message in mistakes:
        if abs(number - value) <= max(0.05, 0.001 * abs(value)):
            return feedback.incorrect(f"{number:,.2f} is not the answer yet. {message}")
    return feedback.incorrect(
        f"{number:,.2f} is not the answer yet. Check the part (how often “propaganda” occurs "
        "in the clean article) and the whole (every word, stop words included), then 100 × "
        "part ÷ whole."
    )


q1 = Question(
    name="Question 1",
    judge=judge_propaganda_share,
    hints=(
        "A share in percent is 100 × part ÷ whole. The part is how often the word occurs; the whole is every word "
        "of the clean article, stop words included.",
        "`framing.words(clean)` gives every word as a list, in lower case; lesson 07's section *Counting words* "
        "counted one word in it with `.count(...)`, and `len(...)` counts the items of a list (of a text, it "
        "counts characters).",
        "A partial line, after `every_word = framing.words(clean)`: "
        "`propaganda_share = 100 * every_word.count(...) / len(...)`",
    ),
    answer_name="propaganda_share",
)


# ---- Question 2: what does the stop-word list leave out? ----------------------------------


def judge_stop_word_count(answer):
    clean = data.article()
    every_word = len(framing.words(clean))
    kept = len(framing.content_words(clean))
    expected = every_word - kept
    if isinstance(answer, (set, frozenset)):
        return feedback.wrong_kind(
            "That is the stop-word list itself (a set of words). The question asks how many of the article's "
            "words are stop words: a whole number, like 12."
        )
    if getattr(answer, "ndim", 0) >= 1:  # a column or a table (a numpy number has a shape too, of no size)
        return not_a_number(
            answer,
            "a whole number, like 12",
            other_tip=" Add the column up with `.sum()` to get one number, then subtract.",
        )
    number = as_whole_number(answer)
    if number is not None and number != expected:
        if number == every_word - len(framing.word_counts(clean)):
            return feedback.incorrect(
                "You took away the number of rows of `framing.word_counts(clean)`: each different kept word once. "
                "A kept word can occur many times: add up its `count` column instead."
            )
        if number == every_word:
            return feedback.incorrect("That is every word of the article. Take away the words the count keeps.")
        if number == kept:
            return feedback.incorrect(
                "That is how many words the count keeps. The question asks for the ones it leaves out."
            )
        if number == len(framing.STOP_WORDS):
            return feedback.incorrect(
                "That is how many words the stop-word list has. A stop word can occur many "
                "times in the article: count the occurrences."
            )
        if number == -expected:
            return feedback.incorrect("The number is negative: take the smaller count from the larger one.")
    return judge_whole_number(
        answer,
        expected,
        "of the article's words are stop words that the count leaves out: more than a "
        "third of the text is grammar, which is why the list is needed",
        mistakes=(
            (
                lambda n: n == len(framing.words(data.raw_article())) - len(framing.content_words(data.raw_article())),
                "You counted in the raw scrape, which repeats the headline and keeps page debris: use the clean "
                "article.",
            ),
            (
                lambda n: n == len(set(framing.words(clean)) - set(framing.content_words(clean))),
                "That is how many different stop words occur; the question counts every occurrence (if “the” "
                "occurs 20 times, that is 20 words).",
            ),
        ),
        otherwise="Check both counts: all the words of the clean article (len of framing.words), and the words the "
        "count keeps (the sum of the `count` column); the answer is the first minus the second.",
    )


q2 = Question(
    name="Question 2",
    judge=judge_stop_word_count,
    hints=(
        "The words the count leaves out are all the words minus the words it keeps.",
        "Lesson 07, section *Counting words*: `len(framing.words(clean))` counts all the words; `framing.word_counts(clean)` "
        "is a table of the kept words with a column of how often each occurs, and `.sum()` adds a column up.",
        "A partial line: `stop_word_count = len(...) - framing.word_counts(clean)[...].sum()` – all the words "
        "first, then the column that holds how often each kept word occurs.",
    ),
    answer_name="stop_word_count",
)


# ---- Question 3: check a quote that a news agency cut (a quote the lesson did not check) ------------------
# Europol's statement of 27 April 2018 named four outlets. AFP printed the sentence whole, in its own spelling
# ("Nasher" for Europol's "Nashir"; the Straits Times copy also writes ISIS for IS) (the_news_bulgaria, the AFP
# text in The News, 28 April 2018); the Press Association cut it with "..." (pa_aol_2018, via aol.co.uk,
# 27 April 2018). Both copies were read with the search tool on 2026-12-06; lesson 03 prints another copy of
# AFP's full sentence (the Straits Times), never PA's cut one. Apostrophes are written ' in both.

PA_VERSION = (
    "With this takedown action, targeting major IS-branded media outlets like Amaq... "
    "IS's capability to broadcast and publicise terrorist material has been compromised."
)
AFP_VERSION = (
    "With this takedown action, targeting major IS-branded media outlets like Amaq, but also al-Bayan radio, "
    "Halumu and Nasher news, IS's capability to broadcast and publicise terrorist material has been compromised."
)
CUT_QUOTE_SOURCES = ("pa_aol_2018", "the_news_bulgaria")

# Each outlet and the spellings a student may write (the article and Europol write Nashir, AFP Nasher).
OUTLET_SPELLINGS = {
    "Amaq": r"(?:a'?)?amaq",
    "al-Bayan": r"(?:al[- ]?)?bayan",
    "Halumu": r"h[ae]lumu",
    "Nashir": r"nash[ie]r|nasher",
}
CUT_OUTLETS = ("al-Bayan", "Halumu", "Nashir")


def outlets_named(answer):
    """The outlets a text or a list of texts names, in any of their spellings."""
    joined = " ".join(answer).lower()
    return {name for name, spelling in OUTLET_SPELLINGS.items() if re.search(rf"(?<!\w)(?:{spelling})(?!\w)", joined)}


def cut_positions():
    """(start, end): where in AFP's sentence PA's "..." begins (just after PA's first piece) and ends (where its
    second piece starts), so that AFP_VERSION[start:end] is what the cut removed."""
    first, second = (piece.strip() for piece in PA_VERSION.split("..."))
    start = AFP_VERSION.find(first) + len(first)
    return start, AFP_VERSION.find(second)


def cut_text():
    """What PA's "..." stands for: AFP's words between the end of PA's first piece and the start of its second."""
    start, end = cut_positions()
    return AFP_VERSION[start:end]


def _bare(words):
    """A text without the spaces and punctuation at its two ends, in lower case, spaces made single."""
    return " ".join(words.split()).strip(" ,.;:'\"").lower()


def _two_positions(answer):
    """The answer as two whole numbers (start, end), else None: (77, 128), [77, 128], numpy integers."""
    if isinstance(answer, (str, bytes, dict, set)) or not hasattr(answer, "__len__") or len(answer) != 2:
        return None
    numbers = [as_whole_number(value) for value in answer]
    return None if None in numbers else tuple(numbers)


# Why the words are hidden behind positions: lesson 03 prints another copy of AFP's full sentence, so the words
# the cut removed could be typed from it. Positions in `afp_version`, which this exercise never prints, come only
# from code (`.find`, `len`, phrasebook 29); the check reads the words they pick and shows them, right or wrong.


def judge_cut_positions(answer):
    if isinstance(answer, str):
        if _bare(answer) == _bare(cut_text()):
            return feedback.wrong_kind(
                "Those are the words the cut removed, but the question asks where they stand in `afp_version`: two "
                "positions, like (10, 20). `afp_version.find(piece)` gives the position where a piece starts."
            )
        return feedback.wrong_kind(
            "I expected two positions in `afp_version` (whole numbers), like (10, 20), but got text. "
            "`afp_version.find(piece)` gives the position where a piece starts (phrasebook 29)."
        )
    positions = _two_positions(answer)
    if positions is None:
        return feedback.wrong_kind(
            f"I expected two positions in `afp_version` (whole numbers), like (10, 20), but got {kind_of(answer)}."
        )
    start, end = positions
    if -1 in positions:
        return feedback.incorrect(
            "One of your positions is -1: that is what `.find` gives when the piece is not in the text. Look for "
            'each piece of PA\'s version without the "..." and without spaces at its ends (`.strip()`), in '
            "`afp_version`."
        )
    picked = AFP_VERSION[start:end]
    if not picked.strip():
        return feedback.incorrect(
            f"Your positions ({start}, {end}) pick nothing from `afp_version`: the start must be the smaller "
            "number, where the cut begins, and the end the larger one, where PA's second piece starts."
        )
    shown = f"Your positions pick {shortened(picked, 70)}."
    given, expected = _bare(picked), _bare(cut_text())
    if given == expected:
        return feedback.correct(
            f'Yes: afp_version[{start}:{end}] is "{picked.strip(" ,")}": PA\'s "..." stands for those words, '
            "and the cut kept one outlet of four. Both pieces are in AFP's sentence, so nothing was invented, but "
            "PA's quote does not tell its reader that Halumu was a target – the outlet the article leaves out too "
            "(lesson 03). A marked cut is where checking starts: look at what it removed."
        )
    if given and given == _bare(AFP_VERSION):
        return feedback.incorrect(f"{shown} That is AFP's whole sentence: keep only the part the cut removed.")
    if given and given in _bare(PA_VERSION):
        return feedback.incorrect(
            f"{shown} Those words are in PA's version too, so the cut did not remove them: the cut is the part "
            "of AFP's sentence that PA's version does not have."
        )
    first = PA_VERSION.split("...")[0].strip()
    if start == AFP_VERSION.find(first):
        return feedback.incorrect(
            f"{shown} Your start is where PA's first piece begins; the cut begins where that piece ends: add "
            "its length, `len(...)`, to where it begins."
        )
    if given and (expected in given or given in expected):  # never "more" or "only part": no direction to go
        return feedback.incorrect(
            f"{shown} Compare those words with PA's two pieces: the cut begins exactly where PA's first piece ends "
            "and stops exactly where its second piece begins."
        )
    return feedback.incorrect(
        f"{shown} Check each position: the first is where PA's first piece ends in `afp_version` (where it "
        "starts, plus its length), the second where PA's second piece starts."
    )


q3 = Question(
    name="Question 3",
    judge=judge_cut_positions,
    hints=(
        "Lesson 07's section *Checking a quote* cut a quote at its ellipsis with `.split(mark)` and looked for each "
        'piece in the fuller source with `text.quote_is_in(piece, source)`. PA marks its cut with "..." (three '
        "full stops), not the one character “…” the article used: split at the mark this copy uses.",
        "`afp_version.find(piece)` gives the position where a piece starts in AFP's sentence, and `len(piece)` how "
        "many characters it has (phrasebook 29). The cut begins where the first piece ends, and ends where the "
        "second piece starts. Use `.strip()` on each piece first: the split leaves a space at their ends.",
        "A partial line, after `pieces = pa_version.split(...)`: "
        "`start = afp_version.find(pieces[0].strip()) + len(...)`, `end = afp_version.find(...)`; then store the "
        "pair of them in `cut_at`. `print(afp_version[start:end])` shows the words they pick.",
    ),
    answer_name="cut_at",
)


# ---- Question 4: the one-hour rule ---------------------------------------------------------


def regulation_hours():
    instruments = data.policy_instruments().set_index("instrument")
    return int(instruments.loc["reg_2021_784", "removal_deadline_hours"])


def judge_deadline(answer):
    if isinstance(answer, str):
        return feedback.wrong_kind(
            "I expected a date and time (a pandas Timestamp), but got text. "
            "Add a pd.Timedelta to the `received` Timestamp instead of writing the time."
        )
    if not isinstance(answer, datetime.datetime):
        return feedback.wrong_kind(f"I expected a date and time (a pandas Timestamp), but got {kind_of(answer)}.")
    given = pd.Timestamp(answer)
    hours = regulation_hours()
    expected = ORDER_RECEIVED + pd.Timedelta(hours=hours)
    if given == expected:
        return feedback.correct(
            f"Yes: the content must be gone by {expected:%H:%M} on {expected.day} {expected:%B %Y}."
        )
    if given == ORDER_RECEIVED:
        return feedback.incorrect("That is when the order arrived. Add the time the Regulation allows.")
    days_for_hours = ORDER_RECEIVED + pd.Timedelta(days=hours)
    if given == ORDER_RECEIVED + pd.Timedelta(hours=24):
        # A whole day later: 24 hours typed in, or (with a one-hour rule) pd.Timedelta(days=1).
        days = (
            " If you wrote pd.Timedelta(days=...), that counts days, not hours: write hours=... instead."
            if given == days_for_hours
            else ""
        )
        return feedback.incorrect(
            "That is 24 hours after the order arrived. Look up how many hours the Regulation "
            "allows in `removal_deadline_hours` (row reg_2021_784 of `instruments`) and add "
            f"that many with pd.Timedelta(hours=...).{days}"
        )
    if given == days_for_hours:
        return feedback.incorrect("You added days, not hours: use pd.Timedelta(hours=...).")
    start = given - pd.Timedelta(hours=hours)  # where the student started, if the hours they added were right
    if start != ORDER_RECEIVED and _misread_received(start):
        message = (
            "You seem to have added the right hours, but not to the time the order arrived: it arrived at "
            "the time the question gives, so check your `received` Timestamp."
        )
        if _day_and_month_swapped(start):
            message += (
                f' Your date has the day and the month swapped: pandas reads "{ORDER_RECEIVED:%d/%m/%Y}" '
                "month first. Write the date year-month-day, then the time, like "
                'pd.Timestamp("2022-01-31 09:15").'
            )
        return feedback.incorrect(message)
    return feedback.incorrect(
        "That is not the deadline. Look up `removal_deadline_hours` for reg_2021_784 "
        "and add that many hours to `received`."
    )


def _day_and_month_swapped(start):
    """True when `start` is the order's date with its day and month swapped (7 June read as 6 July)."""
    received = ORDER_RECEIVED
    return (
        received.day != received.month
        and received.day <= 12
        and start.year == received.year
        and start.month == received.day
        and start.day == received.month
    )


def _misread_received(start):
    """True when `start` looks like the order's time typed wrong: the right date at another time (a 12-hour
    clock, no time at all), the right time on another date, or the day and the month swapped."""
    received = ORDER_RECEIVED
    return start.date() == received.date() or start.time() == received.time() or _day_and_month_swapped(start)


q4 = Question(
    name="Question 4",
    judge=judge_deadline,
    hints=(
        "The deadline is the time the order arrived plus the hours the Regulation allows.",
        'The hours are in the column `removal_deadline_hours`, row "reg_2021_784" of `instruments`; '
        "lesson 07's section *The dates live in the timeline: a join* added hours to a Timestamp with "
        "`pd.Timedelta(hours=...)`.",
        "deadline = received + pd.Timedelta(hours=...)",
    ),
    answer_name="deadline",
)


# ---- Question 5: from the first one-hour rule to binding law (a join) ----------------------


def days_to_binding():
    events, instruments = data.events(), data.policy_instruments()
    steps = events.merge(instruments, on="instrument")
    first_rule = steps.loc[steps["removal_deadline_hours"].fillna(0) == 1, "date"].min()
    applies = events.set_index("id").loc["reg_2021_784_applies", "date"]
    return int((applies - first_rule).days)


def judge_days_to_binding(answer):
    if isinstance(answer, (datetime.timedelta, pd.Timedelta)):
        return feedback.wrong_kind(
            "I expected a whole number of days, but got a time span (Timedelta). Add .days to turn it into a number."
        )
    if getattr(answer, "ndim", 0) >= 1:  # a column or a table (a numpy number has a shape too, of no size)
        return not_a_number(
            answer,
            "a whole number of days, like 12",
            other_tip=" Pick out each date with `.item()` (phrasebook 12), or `.min()` for the first rule, before you "
            "subtract: one date minus one date, then `.days`.",
        )
    expected = days_to_binding()
    number = as_whole_number(answer)
    if number is not None and number == -expected:
        return feedback.incorrect("The number is negative: subtract the earlier date from the later one.")
    return judge_whole_number(
        answer,
        expected,
        "days passed between the first one-hour rule and binding one-hour removal orders",
        mistakes=(
            (
                lambda n: n == days_from("com_2017_555"),
                "You started from the 2017 Communication, which set no deadline in hours: start from the earliest "
                "step of a text whose deadline is one hour.",
            ),
            (
                lambda n: n == days_from("com_2018_640"),
                "You started from the Commission's 2018 proposal. Check which texts have "
                "`removal_deadline_hours` 1, and the dates of their steps.",
            ),
            (
                lambda n: n == days_to("reg_2021_784_in_force"),
                "You ended on the day the Regulation entered into force; the question ends on the day it began "
                "to apply (reg_2021_784_applies).",
            ),
            (
                lambda n: n == days_to("reg_2021_784_adopted"),
                "You ended on the day the Regulation was adopted; the question ends on the day it began to apply "
                "(reg_2021_784_applies).",
            ),
        ),
        otherwise="Check your two dates: the earliest step of a text whose `removal_deadline_hours` is 1, and the "
        "event reg_2021_784_applies; then the later minus the earlier, and .days.",
    )


def days_from(event_id):
    """Days from an event to the day the Regulation began to apply (a wrong start a student may pick)."""
    events = data.events().set_index("id")
    if event_id not in events.index:
        return None
    return int((events.loc["reg_2021_784_applies", "date"] - events.loc[event_id, "date"]).days)


def days_to(event_id):
    """Days from the first one-hour rule to an event (a wrong end a student may pick)."""
    events = data.events().set_index("id")
    if event_id not in events.index:
        return None
    return days_to_binding() - int((events.loc["reg_2021_784_applies", "date"] - events.loc[event_id, "date"]).days)


q5 = Question(
    name="Question 5",
    judge=judge_days_to_binding,
    hints=(
        "Days between two dates: the later date minus the earlier one, then `.days`.",
        "The start is the earliest step of a text whose `removal_deadline_hours` is 1: join `events` and "
        "`instruments` as in lesson 07's section *The dates live in the timeline: a join*, and take the smallest of those dates (`.min()` gives a "
        "column's smallest value, as `.mean()` gives its average). The end is the event with id "
        '"reg_2021_784_applies".',
        'A partial line, after `steps = events.merge(instruments, on="instrument")`: '
        "`first_rule = steps.loc[steps[...] == 1, ...].min()` – the column of hours, then the column of dates. "
        "The end must be one date too, not a column of one row (a column has no `.days`): "
        '`events.set_index("id").loc["reg_2021_784_applies", "date"]` gives one date, and so does `.item()` '
        "added to a selection of one row.",
    ),
    answer_name="days_to_binding",
)


# ---- Question 6: quote, reported speech, or the writer's own framing? (new sentences, constructed answer) --
# Sentences written for the exercise, about Europol's November 2019 action against IS on Telegram; the speakers
# are unnamed and the words invented (no real person is quoted), so the only thing to judge is their form.

SENTENCES = (
    ("The crackdown dealt a crushing blow to the jihadists' online propaganda machine.", "own"),
    ("“We will keep up the pressure for as long as it takes,” a Europol spokesperson told reporters.", "quote"),
    ("A Telegram representative said that the company had removed thousands of channels that week.", "reported"),
    ("Researchers at the institute said the channels were coming back more slowly than before.", "reported"),
    ("Once again, Europe's police have shown that terrorists have nowhere to hide online.", "own"),
    ("“It is too early to say whether this changes anything,” one researcher said.", "quote"),
)
LABELS = {
    "quote": "quote",
    "direct quote": "quote",
    "quotation": "quote",
    "reported": "reported",
    "reported speech": "reported",
    "indirect": "reported",
    "own": "own",
    "own words": "own",
    "writer": "own",
    "framing": "own",
    "writer's own": "own",
}


def _label(item):
    return LABELS.get(" ".join(item.strip().strip(".").lower().replace("’", "'").split()))


def judge_whose_words(answer):
    texts = as_texts(answer)
    if texts is None:
        return feedback.wrong_kind(
            f'I expected a list of labels as text, like ["own", "quote", ...], but got {kind_of(answer)}.'
        )
    if len(texts) != len(SENTENCES):
        return feedback.wrong_kind(
            f"I expected {len(SENTENCES)} labels, one for each sentence in order, but got {len(texts)}."
        )
    unknown = [text for text in texts if _label(text) is None]
    if unknown:
        return feedback.wrong_kind(
            f'{shortened(unknown[0])} is not one of the labels: write "quote", "reported" or "own" for each sentence.'
        )
    given = [_label(text) for text in texts]
    expected = [kind for _, kind in SENTENCES]
    if given == expected:
        return feedback.correct(
            "Yes: quotation marks make a direct quote; “said that” without them is reported "
            "speech, still someone else's claim; a judgement with neither is the writer's own "
            "framing, however confident it sounds."
        )
    # Only a systematic mistake is named: every sentence of one kind given the same wrong label. Saying how many
    # labels differ, or which, would let six labels of three kinds be guessed.
    said = []
    for kind in ("quote", "reported", "own"):
        labels_given = {g for g, e in zip(given, expected) if e == kind}
        if len(labels_given) == 1 and (kind, *labels_given) in SYSTEMATIC:
            said.append(SYSTEMATIC[kind, *labels_given])
    return feedback.incorrect(
        "Not yet: the labels are not all right. Ask two questions of each sentence: are there quotation marks, "
        "and does it say who is speaking?" + "".join(f" {point}" for point in said)
    )


# A whole kind labelled as another: what that mistake means.
SYSTEMATIC = {
    ("reported", "quote"): "You labelled every piece of reported speech a quote: “said (that)” without quotation "
    "marks reports someone's words, it does not quote them.",
    ("quote", "reported"): "You labelled every direct quote reported speech: words inside quotation marks, with "
    "their speaker, are a direct quote.",
    ("reported", "own"): "You labelled every piece of reported speech the writer's own: a sentence that names who "
    "said it is someone else's claim, even if you doubt it.",
    ("quote", "own"): "You labelled every direct quote the writer's own: words in quotation marks belong to the "
    "speaker the sentence names.",
    ("own", "quote"): "You gave every sentence of the writer's own to a speaker: a sentence with no quotation marks "
    "and no speaker is the writer's own, however strong its words.",
    ("own", "reported"): "You gave every sentence of the writer's own to a speaker: a sentence with no quotation "
    "marks and no speaker is the writer's own, however strong its words.",
}


q6 = Question(
    name="Question 6",
    judge=judge_whose_words,
    hints=(
        "Lesson 07's section *Words that frame* told three kinds apart: a direct quote (in quotation marks), "
        "reported speech (“X said that …”), and the writer's own framing.",
        "Ask of each sentence: are there quotation marks? does it name a speaker? Neither means the writer's own.",
        'The answer is a list of six texts in the order of the sentences, each "quote", "reported" or "own", like '
        '`whose_words = ["reported", "own", ...]`.',
    ),
    answer_name="whose_words",
)


# ---- Question 7: rewrite a framing sentence (reasoning, scored by a person) ------------------------

REWRITE_WORDS = (25, 120)

REWRITE_RUBRIC = rubric(
    (
        "Whose judgement",
        (
            "the rewrite either attributes the judgement to someone who could make it or reduces it to "
            "what can be checked, and adds no new claim",
            "softens the words, but the judgement is still the writer's own",
            "keeps the judgement as the writer's, or invents a speaker's words",
        ),
    ),
    (
        "What would make it a finding",
        (
            "names the evidence that would support the judgement as a finding, or says none is published",
            "says evidence is needed without saying which",
            "names no evidence, or only evidence of activity (what was removed), as if it showed an effect",
        ),
    ),
)

q7 = Question(
    name="Question 7",
    judge=written(*REWRITE_WORDS, asks="your rewrite of the sentence, then what evidence would make it a finding."),
    hints=(
        "Lesson 07: a confident claim is not a finding. Ask who could say “a crushing blow”, and on what evidence.",
        "Does anyone in the report make that judgement? If no one does, do not give it to a speaker: keep only what "
        "can be checked (what was removed, where, when, and who says so).",
        "Then one or two sentences: what measure would show a “crushing blow” (lesson 05: activity or effect?).",
    ),
    answer_name="rewrite",
    points=REWRITE_RUBRIC.max_points,  # 4: a person scores it with the rubric (course/grading/review.py)
    rubric=REWRITE_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7]
