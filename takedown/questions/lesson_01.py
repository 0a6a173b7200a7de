"""Lesson 01 – the checked questions and activities inside the lesson (not graded).

Each is a Question like an exercise's (the activities are in takedown/questions/activities.py); the lesson
imports them (`from takedown.questions.lesson_01 import c1`) and a student answers in the lesson itself.
They are named "Check 1", "Check 2", ... in the order the lesson asks them.
"""

from dataclasses import dataclass

import pandas as pd

from takedown import data, text
from takedown.questions import Question, multiple_choice
from takedown.questions.activities import FadedExample, LateralReading, ModifyAndPredict, Prediction


def lines_left():
    kept = text.lines(data.raw_article())
    for step in (text.drop_repeated_title, text.drop_photo_captions, text.drop_comment_form):
        kept = step(kept)
    return len(kept)


def sentences_with(word):
    """How many sentences of the clean article contain `word`, exactly as written (capitals count)."""
    return sum(word in sentence for sentence in text.sentences(data.article()))


# ---- Check 1: complete the list of cleaning steps (the student writes the third one) ----------------


def clean_lines(steps=(text.drop_repeated_title, text.drop_photo_captions, text.drop_comment_form)):
    kept = text.lines(data.raw_article())
    for step in steps:
        kept = step(kept)
    return kept


c1 = FadedExample(
    name="Check 1",
    answer_name="kept",
    expected=clean_lines,
    solution_code="steps = [text.drop_repeated_title, text.drop_photo_captions, text.drop_comment_form]\n"
    "kept = text.lines(raw)\nfor step in steps:\n    kept = step(kept)",
    mistakes=(
        (
            lambda value: isinstance(value, list) and len(value) == len(clean_lines(clean_lines.__defaults__[0][:2])),
            "Two steps ran, not three: the comment form is still there. Put the third function's name in place "
            "of the ___.",
        ),
    ),
    otherwise="Re-examine the part you typed: the name of the function for the comment form, after `text.`, "
    "without brackets.",
    right="Yes: three steps, and the debris is gone. The original file is untouched: the cleaning is in code you can read.",
    hints=(
        "Run `dir(text)` in a new cell: it lists every name in `text`. The cleaning functions' names start with "
        "`drop_`: which one is not in the list yet?",
        "Write it as the other two are written: `text.` and the function's name, no brackets.",
    ),
)

# ---- Check 2: complete a line (one idiom: `word in sentence`, inside the list of section 3) --------

c2 = FadedExample(
    name="Check 2",
    answer_name="propaganda_count",
    expected=lambda: sentences_with("propaganda"),
    solution_code='propaganda_count = len([sentence for sentence in sentences["sentence"] if "propaganda" in sentence])',
    mistakes=(
        (
            lambda value: value == sentences_with("Amaq"),
            "That is the count for Amaq: in your line, put the word you are looking for in place of Amaq, between "
            "quotation marks.",
        ),
        (0, "No sentence matched: check the spelling, the small letters and the quotation marks around the word."),
    ),
    otherwise="Re-examine your line: the Amaq line's shape, `len([sentence for sentence in ... if ... in sentence])`, "
    "with the word in small letters as the article writes it, between quotation marks.",
    right="Yes: the word is in about half of the article's sentences. (Exercise 01 asks you to count another "
    "name, starting from the text itself.)",
    from_the_line="the line that counts the sentences, in the shape of the Amaq line, with the new word",
    hints=(
        "Copy the Amaq line just above it, after its `=`: only the word between quotation marks changes.",
        'The word is a text: write it in small letters, between quotation marks, where the Amaq line has "Amaq".',
    ),
)

# ---- Check 3: modify and predict (capital letters matter to `in`), then explain ---------------------


@dataclass(frozen=True)
class ModifyPredictExplain(ModifyAndPredict):
    """A modify-and-predict step that also records, after the reveal, what surprised the student.

    `explain` is Prediction's own (takedown/questions/activities.py): checked for form only, shown beside the
    prediction and what the changed line gave. (It could move into activities.py for every lesson.)
    """

    explain_words: tuple = (5, 80)
    observed: object = None

    recorded = Prediction.recorded
    explanation_verdict = Prediction.explanation_verdict
    explain = Prediction.explain
    _observed = Prediction._observed


c3 = ModifyPredictExplain(
    name="Check 3",
    answer_name="small_a_count",
    expected=lambda: sentences_with("amaq"),
    solution_code='small_a_count = len([sentence for sentence in sentences["sentence"] if "amaq" in sentence])',
    observed=lambda: f"{sentences_with('amaq')} sentences with “amaq” (small a), {sentences_with('Amaq')} with “Amaq”",
    mistakes=(
        (
            lambda value: value == sentences_with("Amaq"),
            "That is still the count with a capital A: change the capital A of “Amaq” in the line to a small a, "
            "and run the cell again.",
        ),
    ),
    otherwise="Re-examine the line: change only the first letter of the name, from a capital A to a small a, "
    "and keep the quotation marks.",
    from_the_line="the counting line of the cell, run with its one capital letter changed",
    right="Yes: no sentence. `in` compares characters exactly, and a capital A is not a small a; the article always "
    'writes the name with a capital. To ignore case, lower-case the text first: `"amaq" in sentence.lower()`.',
    hints=(
        "Write your prediction first: a whole number, how many sentences you expect.",
        "In the line, the name is between quotation marks: change its first letter only, A to a.",
    ),
)

# ---- Check 4: two sites agree on who led: does their agreement settle it? (independence of sources) --

c4 = Question(
    name="Check 4",
    judge=multiple_choice(
        "b",
        {
            "a": "No: two sites that agree may both be passing on the same account, and neither says how it "
            "knows who led. Agreement is evidence only when the sources found it out separately.",
            "b": "Yes: agreement counts only between sources that found things out separately. The article "
            "rewrites Europol's release, and NL Times cites the Dutch broadcaster NOS (“De actie werd in Europa "
            "geleid door Europol”); neither says how it knows, so two copies may be one account. Section 6 has "
            "you find the release itself.",
            "c": "No: a site in a country that took part has no inside knowledge for that: NL Times cites "
            "another broadcaster, NOS. Ask whether the two sites found it out separately.",
            "d": "No: too strong. A news site can be right about a police operation; what matters here is "
            "whether the two sites found it out separately, or repeat one account.",
        },
    ),
    hints=(
        "Two sources that agree confirm each other only if each found it out on its own.",
        "Does either site say how it knows who led? Whose words might both be passing on?",
        'settles = "..."   (cross out a and c: agreement and nationality are not evidence by themselves. Of the '
        "two “no” answers, which one is not too strong?)",
    ),
    solution_code='settles = "b"',
)

# ---- Check 5: what "all True" proves ------------------------------------------------------------

c5 = Question(
    name="Check 5",
    judge=multiple_choice(
        "a",
        {
            "a": "Yes: `quote_is_in` proves that each quoted row's words are really in the article – so anyone can "
            "check what the row rests on. Whether the article is right is a second question, for other sources "
            "(as with who led the operation).",
            "b": "No: re-examine what the check reads: a quote and the article's text, nothing else. Would the "
            "article's first sentence (“Europol has led a joint operation”) pass it? Check 4 asked whether that "
            "sentence is true.",
            "c": "No: the check reads only the article; no other source is asked, so nothing was checked "
            "against Europol's release or anyone else's account.",
        },
    ),
    hints=(
        "Ask what the check reads, and what it compares with what.",
        "`text.quote_is_in(quote, raw)` looks at two things only: a quote, and the article's text.",
        'all_true_shows = "..."   (think of Check 4: would the article\'s sentence about who led the '
        "operation pass this check?)",
    ),
    solution_code='all_true_shows = "a"',
)

# ---- Offline help for Checks 6, 7 and 10: what the course stored, shown only when a student asks --------


def stored_notes(*names):
    """What the course's stored sources record about these sources (their titles), one row each."""
    return data.sources().set_index("source").loc[list(names), ["title"]]


# The release's two sentences on who led and who coordinated, as the re-published copy prints them
# (europol_statement_copy; the lesson's comparison table quotes them too).
RELEASE_ROLES = (
    "Led by the Belgian Federal Prosecutor’s Office and with the support of Eurojust",
    "coordinated by the European Union Internet Referral Unit (EU IRU)",
)


def offline_notes():
    """For a student without the internet: the stored rows on the publisher and on the copies of Europol's
    release, then the release's own words on who led and who coordinated."""
    rows = stored_notes("governmenteuropa_86937", "europol_statement_copy", "sofia_globe", "teiss_europol_2018")
    roles = pd.DataFrame(
        {"title": [f"the release's words: “{words}”" for words in RELEASE_ROLES]},
        index=["europol_statement_copy", "europol_statement_copy"],
    )
    return pd.concat([rows, roles])


# ---- Checks 6 and 7: lateral reading, performed by the student (recorded, scored by a person) ------

c6 = LateralReading(
    name="Check 6",
    answer_name="who_publishes",
    task="Who publishes governmenteuropa.eu, the site that published our article? Leave the article: search for "
    "“Government Europa” (the publisher's name, not the article's topic) and read what other sites say about "
    "it, and what its own “about” or imprint page says. Write who publishes it, what kind of publication it "
    "is, and where you found each thing.",
    offline="No internet? In the offline cell below this task, delete the # at the start of its one line, then "
    "run it: it shows what the course's stored sources record. What do they say about the publisher, and what do "
    "they not tell you? Name them as your source: “the course's stored notes”.",
    hints=(
        "Search for the publisher's name on other sites (a company register, a press directory, a news "
        "report), not for the article's topic.",
        "Say where you found each thing: the name of the site or organisation, or its address.",
    ),
)

c7 = LateralReading(
    name="Check 7",
    answer_name="original_release",
    task="Find Europol's own press release of 27 April 2018 with the search box of Europol's own newsroom "
    "(europol.europa.eu), not a general search engine: its title begins “Islamic State propaganda machine hit "
    "by law enforcement”. Compare its first paragraphs with the article: who does each "
    "say led the operation? Write what you found and where. If you cannot find Europol's own page, say so, "
    "and use the stored copies printed by the offline cell above (Lockcode's copy, The Sofia Globe, teiss), not copies found "
    "elsewhere on the web: some show pictures of the material.",
    offline="No internet? Run the offline cell above (delete the # at the start of its one line): its last "
    "two rows are the stored release's own words on who led and who coordinated. Compare them with the article's "
    "first sentence.",
    hints=(
        "Go to the agency's own site, not to a search for the operation's targets.",
        "Look for the words “led by” and “coordinated by” in the release, and name the page you read them on.",
    ),
)

# ---- Check 8: what the rewrite cut ---------------------------------------------------------------

c8 = Question(
    name="Check 8",
    judge=multiple_choice(
        "c",
        {
            "a": "No: that is the article's story (“This necessitated the latest operation”), and the article is "
            "what you are checking. Re-read the release's steps, year by year, and look for each one in the article.",
            "b": "No: nothing in the release says so, and Amaq was still a target in 2018.",
            "c": "Yes: the release tells of a second strike in June 2017, led by Spain's Guardia Civil. The "
            "article leaves it out, so its story jumps from 2016 straight to “the latest operation”, "
            "as if 2016 alone had made it necessary.",
            "d": "No: that warning came at the end of 2015, before the 2016 takedown, not between it and 2018 "
            "(the article cut it too).",
        },
    ),
    hints=(
        "A cut is something the source says that the rewrite does not say at all.",
        "Take the release's steps one at a time (in Europol's page or its stored copies, from Check 7; offline, "
        "the course's timeline, data.events(), lists the case's steps with their sources), and look for each in "
        "the article's clean text.",
        'cut = "..."   (the letter of the step that the release tells and the article never mentions, between 2016 and 2018)',
    ),
    solution_code='cut = "c"',
)

# ---- Check 9: write the whole line (one idiom: picking rows with ==) --------------------------------


def _avramopoulos_rows():
    quotes = data.quotes()
    return quotes[quotes["speaker"] == "Dimitris Avramopoulos"]


c9 = FadedExample(
    name="Check 9",
    answer_name="avramopoulos",
    expected=_avramopoulos_rows,
    solution_code='avramopoulos = quotes[quotes["speaker"] == "Dimitris Avramopoulos"]',
    mistakes=(
        (
            lambda value: getattr(value, "empty", False),
            "No row matched: `==` compares the whole text exactly. Copy "
            "the commissioner's full name from the `speaker` column, spelling and capitals included.",
        ),
        (
            lambda value: (
                len(value) == len(data.quotes()[data.quotes()["speaker"] == "Rob Wainwright"])
                and "Rob Wainwright" in set(value["speaker"])
            ),
            "Those are Wainwright's rows, as in the example: put the commissioner's name in place of Wainwright's.",
        ),
        (
            lambda value: isinstance(value, str),
            "That is a name on its own: the line should keep the rows of the quotes table whose speaker is that "
            "name, as the Wainwright line above does.",
        ),
        (
            lambda value: str(getattr(value, "dtype", "")) == "bool",
            "That is the condition on its own: one True or False per quote. Put it inside quotes[...] to keep "
            "the rows where it says True.",
        ),
        (
            lambda value: hasattr(value, "columns") and len(value) == len(data.quotes()),
            "That is the whole quotes table: keep only the commissioner's rows, with a condition in square brackets.",
        ),
    ),
    otherwise="Re-examine your line: the quotes table, then in square brackets the condition that the `speaker` "
    "column equals the commissioner's full name, between quotation marks, as the column writes it.",
    right="Yes: one row. Read its `note`: the article's “…” stands for one word of his statement.",
    hints=(
        "Compare your line with the Wainwright line above it: only the name between quotation marks changes.",
        "The `speaker` column gives the commissioner's first name and surname; `==` needs both, spelled the same.",
        'avramopoulos = quotes[quotes["speaker"] == ...]   (the table, then the condition in square brackets)',
    ),
)

# ---- Check 10: which copy of a quote is the original? ----------------------------------------------

c10 = Question(
    name="Check 10",
    judge=multiple_choice(
        "b",
        {
            "a": "No: a stronger word is not a sign of the original. Copies drift both ways, and a word that "
            "sounds bigger is exactly what an editor might add.",
            "b": "Yes: most copies, from outlets that printed the statement at length (VOA, Newstalk, Euronews, "
            "Counter Terror Business), have “international”; the one “global” copy is a site that mixes in "
            "unrelated stories. The course has not seen Europol's own page, so this is the likely "
            "original, not a proven one.",
            "c": "No: you cannot be certain without Europol's own page, but you can weigh the copies: how many "
            "agree, and how careful each one is.",
            "d": "No: the article is one of the copies, not the source. Its wording is what we are checking.",
        },
    ),
    hints=(
        "When copies disagree, ask how many independent copies carry each version, and how careful they are.",
        "Read the table of copies above the question: which word does each print, and what kind of site is it?",
        'original = "..."   (cross out d first: the article is one of the copies being checked. Then count '
        "the copies that print each word, and note what kind of site each is.)",
    ),
    solution_code='original = "b"',
)


QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10]
