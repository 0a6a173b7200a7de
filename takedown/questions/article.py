"""Exercise 01 – The article: questions about turning the article into data."""
from takedown import data, feedback, text
from takedown.questions import Question, as_texts, judge_whole_number, kind_of


def judge_sentence_count(answer):
    expected = len(text.sentences(data.article()))
    return judge_whole_number(
        answer, expected, "sentences in the clean article",
        too_low="Count every sentence, headings included: use `text.sentences(clean)`.",
        too_high="Did you count the raw scrape? Its debris lines are not part of the article.")


q1 = Question(
    name="Question 1",
    judge=judge_sentence_count,
    hints=(
        "`text.sentences(clean)` gives a list of sentences; `len(...)` counts the items of a list.",
        "Use the clean text, not the raw scrape: `len(text.sentences(clean))`.",
    ),
    solution_code="sentence_count = len(text.sentences(clean))",
)


def surname(person):
    return person.split()[-1].lower()


def judge_people_quoted(answer):
    names = as_texts(answer)
    if names is None:
        return feedback.wrong_kind(
            f'I expected a list of names, like ["First Person", "Second Person"], but got {kind_of(answer)}.')
    expected = {surname(person) for person in data.people()["person"]}
    given = {name.split()[-1].lower() for name in names if name}
    strangers = [name for name in names if name and name.split()[-1].lower() not in expected]
    if strangers:
        return feedback.incorrect(f"{strangers[0]} is not one of the people the article quotes.")
    if given != expected:
        return feedback.incorrect(
            f"You have {len(given)} of the people the article quotes; someone is missing. "
            "Look for quotation marks.")
    return feedback.correct("Yes: these are the two people whose words the article quotes.")


q2 = Question(
    name="Question 2",
    judge=judge_people_quoted,
    hints=(
        "Quoted words sit between quotation marks (“ and ”). Who says them?",
        "Both people are named in the last two paragraphs: one works for Europol, one for the European Commission.",
    ),
    solution_code='people_quoted = ["Rob Wainwright", "Dimitris Avramopoulos"]',
)


def outlet_key(name):
    """'the Al-Bayan radio station' -> 'al-bayan': the first word that names an outlet."""
    words = name.lower().replace("al bayan", "al-bayan").split()
    keys = {"amaq", "al-bayan", "nashir", "halumu"}
    return next((word for word in words if word in keys), name.lower())


def judge_outlets_named(answer):
    names = as_texts(answer)
    if names is None:
        return feedback.wrong_kind(
            f'I expected a list of outlet names, like ["First", "Second"], but got {kind_of(answer)}.')
    named = data.outlets().query("in_article")
    expected = {outlet_key(name) for name in named["outlet"]}
    given = {outlet_key(name) for name in names if name}
    if "halumu" in given:
        return feedback.incorrect(
            "Halumu was named in Europol's own statement, but this article never mentions it. "
            "List only the outlets the article names.")
    extra = given - expected
    if extra:
        return feedback.incorrect(f"{sorted(extra)[0]!r} is not an outlet the article names as a target.")
    if given != expected:
        return feedback.incorrect(f"You have {len(given)} of the outlets; at least one is missing.")
    return feedback.correct("Yes: the article names these three outlets as targets.")


q3 = Question(
    name="Question 3",
    judge=judge_outlets_named,
    hints=(
        "Outlets are the media the operation targeted: a news agency, a radio station…",
        "Read the paragraph that begins “Along with Amaq”. It names two more outlets.",
    ),
    solution_code='outlets_named = ["Amaq News Agency", "Al-Bayan", "Nashir"]',
)


def judge_actions_evidence(answer):
    if not isinstance(answer, str):
        return feedback.wrong_kind(f"I expected text (a str) copied from the article, but got {kind_of(answer)}.")
    if not text.quote_is_in(answer, data.article()):
        return feedback.incorrect(
            "These words are not found word for word in the article. Copy and paste them "
            "exactly, keeping the article's own punctuation.")
    missing = [word for word in ("servers", "evidence", "registrars") if word not in answer]
    if missing:
        return feedback.incorrect(
            f"This is a real quote, but it does not cover every action: it never says {missing[0]!r}.")
    return feedback.correct("Yes: a verbatim quote that names every action of the operation.")


q4 = Question(
    name="Question 4",
    judge=judge_actions_evidence,
    hints=(
        "Find the sentence that lists what the operation included, and copy the part that names the actions.",
        "It is in the third paragraph and starts with “which included”.",
    ),
    solution_code=('actions_quote = "which included the seizure of servers and digital evidence, '
                   'and the referral of domain registrars used by the terrorist group"'),
)


def judge_earlier_takedown_year(answer):
    earlier = data.events().query("event.str.startswith('First takedown')")
    expected = int(earlier["date"].dt.year.iloc[0])
    return judge_whole_number(
        answer, expected, "is the year of the earlier takedown",
        too_low="Look for the word “previous” in the article.",
        too_high="That is too recent: the article speaks of an earlier takedown.")


q5 = Question(
    name="Question 5",
    judge=judge_earlier_takedown_year,
    hints=("The article mentions “a previous takedown effort against Amaq’s web infrastructure”. When was it?",),
    solution_code="earlier_takedown_year = 2016",
)

QUESTIONS = [q1, q2, q3, q4, q5]
