"""A small text analysis of the article (lesson 07): its words, who it names, whom it quotes,
and the words that frame the operation.

Everything here is plain Python on the cleaned article, so a student can read how each number
is made. Nothing is downloaded: the list of stop words is written out below.

    from takedown import data, framing
    framing.word_counts(data.article()).head()
"""

import re

import pandas as pd

# Short, common words that carry grammar rather than content. The list is ours and deliberately
# short: change it and the counts change, which is worth trying.
STOP_WORDS = frozenset(
    """
    a about after all also an and are as at be been but by can could did do for from had has have
    he her his how i if in into is it its more not of on or our she so that the their them there
    these they this those to was we were what when which who will with would
""".split()
)

# A word is a run of letters, perhaps joined by a hyphen or an apostrophe: "ground-breaking",
# "Amaq’s".
WORD = re.compile(r"[A-Za-z]+(?:[-’'][A-Za-z]+)*")
POSSESSIVE = re.compile(r"[’']s$")


def words(text):
    """The words of a text, in order.

    Words are lower-cased, except abbreviations written in capitals (IS, EU, US, UK), which keep
    them: otherwise "US" (the United States) would be counted as "us" and "IS" as "is".
    A possessive ’s is dropped, so "Europol’s" counts as "europol".
    """
    found = []
    for word in WORD.findall(text):
        word = POSSESSIVE.sub("", word)
        found.append(word if len(word) > 1 and word.isupper() else word.lower())
    return found


def content_words(text, stop_words=STOP_WORDS):
    """The words of a text without the stop words."""
    return [word for word in words(text) if word not in stop_words]


def word_counts(text, stop_words=STOP_WORDS):
    """How often each word occurs: a table with columns `word` and `count`, most frequent first.

    Pass `stop_words=()` to count every word. Ties are listed alphabetically, so the order never
    changes from one run to the next.
    """
    counts = pd.Series(content_words(text, stop_words), dtype=str).value_counts()
    table = counts.rename_axis("word").reset_index(name="count")
    table = table.sort_values(["count", "word"], ascending=[False, True], ignore_index=True)
    table.index += 1
    return table


# Who or what the article names, and the names that count as a mention. Pronouns ("he") are not
# counted: that is a choice, and it changes the picture for the two officials.
ACTORS = {
    "Europol": ("police and EU", ["Europol"]),
    "the EU": ("police and EU", ["EU"]),
    "European Commission": ("police and EU", ["European Commission"]),
    "Islamic State (IS)": ("IS and its outlets", ["Islamic State", "IS"]),
    "Amaq": ("IS and its outlets", ["Amaq"]),
    "Al-Bayan": ("IS and its outlets", ["Al-Bayan"]),
    "Nashir": ("IS and its outlets", ["Nashir"]),
    "Rob Wainwright": ("people quoted", ["Wainwright"]),
    "Dimitris Avramopoulos": ("people quoted", ["Avramopoulos"]),
}
KINDS = ["police and EU", "IS and its outlets", "people quoted"]


def count_phrase(phrase, text):
    """How many times a word or phrase occurs in a text as whole words, with the same capitals.

    "EU" is not found inside "Europol", nor "European Commission" inside "European Commissioner".
    """
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in phrase.split()) + r"(?!\w)"
    return len(re.findall(pattern, text))


def mention_counts(text, actors=ACTORS):
    """How often the text names each actor: a table of `actor`, `kind` and `mentions`, most first."""
    rows = [
        {"actor": actor, "kind": kind, "mentions": sum(count_phrase(name, text) for name in names)}
        for actor, (kind, names) in actors.items()
    ]
    table = pd.DataFrame(rows).sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)
    table.index += 1
    return table


# Double quotation marks hold someone's exact words; single ones, in this article, hold a name or
# a description taken from someone else (‘Islamic State’, ‘main mouthpiece of IS’).
QUOTATION_MARKS = {"double": ("“", "”"), "single": ("‘", "’")}


def quotations(text):
    """Every passage between quotation marks: a table of `passage`, `marks` and `words`.

    A closing ’ that is an apostrophe ("Amaq’s") is not the end of a quotation: a single quotation
    must end where no letter follows.
    """
    rows = []
    for marks, (opening, closing) in QUOTATION_MARKS.items():
        end = rf"{closing}(?![A-Za-z])" if marks == "single" else closing
        for found in re.finditer(rf"{opening}(.+?){end}", text, flags=re.DOTALL):
            passage = found.group(1)
            rows.append({"start": found.start(), "passage": passage, "marks": marks, "words": len(words(passage))})
    table = pd.DataFrame(rows, columns=["start", "passage", "marks", "words"]).sort_values("start")
    return table.drop(columns="start").reset_index(drop=True)


# Words that frame the operation, and whose words they are, read from the article sentence by
# sentence: a "direct quote" is inside quotation marks, "reported speech" is attributed ("said
# that ..."), and "the article's own words" are the writer's.
FRAMING = {
    "ground-breaking": ("direct quote", "Rob Wainwright"),
    "punched a big hole": ("direct quote", "Rob Wainwright"),
    "global strength": ("direct quote", "Dimitris Avramopoulos"),
    "unwavering resolve": ("direct quote", "Dimitris Avramopoulos"),
    "main mouthpiece of IS": ("direct quote", "Europol"),
    "vital to crippling": ("reported speech", "Rob Wainwright"),
    "proved successful": ("the article's own words", "the article"),
    "a more secure infrastructure": ("the article's own words", "the article"),
    "comprehensive effort": ("the article's own words", "the article"),
    "a big impact": ("the article's own words", "the article"),
}
VOICES = ["direct quote", "reported speech", "the article's own words"]


def framing_phrases(text, framing=FRAMING):
    """The framing phrases found in a text: `phrase`, `voice`, `whose words` and `count`."""
    rows = [
        {"phrase": phrase, "voice": voice, "whose words": who, "count": count_phrase(phrase, text)}
        for phrase, (voice, who) in framing.items()
    ]
    return pd.DataFrame(rows)


def look_for(text, terms):
    """How many times each term occurs in a text, whatever its capitals: a Series by term.

    A term ending in * matches any ending: "measur*" finds "measure", "measured", "measuring".
    """
    counts = {}
    for term in terms:
        stem = re.escape(term.rstrip("*"))
        pattern = rf"(?<!\w){stem}\w*" if term.endswith("*") else rf"(?<!\w){stem}(?!\w)"
        counts[term] = len(re.findall(pattern, text, flags=re.IGNORECASE))
    return pd.Series(counts, name="count").rename_axis("term")
