"""Lesson 07 – the checked activities inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_07
import c1`) and a student answers in the lesson itself. Named "Check 1", "Check 2", ... in the order the
lesson asks them. Multiple choice is at most half of them: the student also completes lines of code
(faded examples), records a prediction, classifies new sentences and checks a later release by leaving it.
"""

from takedown import data, feedback, framing
from takedown.questions import Question, kind_of, multiple_choice, shortened
from takedown.questions.activities import FadedExample, LateralReading, Parsons, Prediction, is_blank

# Check 1: which text could already require removal in April 2018?
c1 = Question(
    name="Check 1",
    judge=multiple_choice(
        "b",
        {
            "a": "No: a Recommendation does not bind. It set the one-hour rule as a general rule, but "
            "platforms still decided under their own terms.",
            "b": "Yes: the Directive of March 2017 was in force and binding on the member states that take part "
            "in it (when adopted, not the UK, Ireland or Denmark). Through their own laws – due by 8 September 2018, so "
            "still being written in April 2018 – they had to ensure the prompt removal of online content "
            "hosted on their territory that publicly provokes terrorist offences, with no hour limit.",
            "c": "No: the Regulation was adopted in April 2021 and has applied since June 2022, four years "
            "after the article.",
            "d": "No: a Communication is guidance: it asked platforms to act “as fast as possible” but "
            "cannot order anything.",
        },
    ),
    hints=(
        "Two things must both be true: the text existed by April 2018, and it binds.",
        "The `kind` column says what each text is: a directive or a regulation binds, a recommendation or a communication does not; each text's name carries its year.",
        "Only one text is both binding and older than April 2018. Which kind of text is it?",
    ),
    solution_code='answer = "b"',
)


# Check 2: the join, one idiom: which column do the two tables share?
def joined_steps():
    return data.events().merge(data.policy_instruments(), on="instrument")


c2 = FadedExample(
    name="Check 2",
    answer_name="steps",
    expected=joined_steps,
    solution_code='steps = events.merge(instruments, on="instrument")',
    right="Yes: `instrument` holds each text's key in both tables; `source` and the other shared columns say "
    "where a row's facts come from, so they differ between an event and a text.",
    mistakes=(
        (
            lambda value: hasattr(value, "columns") and "instrument_x" in value.columns,
            "Your join matched rows on a column both tables have that does not name the EU text: it says where "
            "each row's facts come from, which differs between an event and a text. Which shared column names "
            "the text?",
        ),
    ),
    otherwise="Re-examine the column you named after on=: it must be one of the columns both tables have (your "
    "`shared` line lists them), the one that holds the text's key.",
    hints=(
        "First write the line above the check: `shared = set(events.columns) & set(instruments.columns)`, and run it.",
        "Of the shared columns, three say where a row's facts come from (its source); one names the EU text itself.",
        'steps = events.merge(instruments, on="...")   (the shared column that names the text, in quotation marks)',
    ),
)


# Check 3: found elsewhere? One idiom: .str.contains picks the rows whose quote holds a piece of text. The
# column asked for is not printed on the page, so the answer comes from the line, not from reading.
def _quote_column(column):
    return data.quotes().set_index("quote")[column]


c3 = FadedExample(
    name="Check 3",
    answer_name="found",
    expected=lambda: _quote_column("found_elsewhere").loc["main mouthpiece of IS"],
    solution_code='found = quotes.loc[quotes["quote"].str.contains("mouthpiece"), "found_elsewhere"].item()',
    right="Yes: other reports print the words, but without saying whose they are: the article's “described” "
    "attributes them to Europol, and the course has not seen Europol's own page.",
    mistakes=(
        (
            lambda value: isinstance(value, str) and value in set(data.quotes()["speaker"]),
            "That is a speaker, the column of the worked example: this time take the column `found_elsewhere`.",
        ),
        (
            lambda value: (
                isinstance(value, str) and value in set(_quote_column("found_elsewhere").drop("main mouthpiece of IS"))
            ),
            "That is what the table says of another quote: put a word from the description of Amaq between the "
            "quotation marks.",
        ),
        (
            lambda value: hasattr(value, "index") and hasattr(value, "item") and len(value) == 1,
            "Your line gives a column with one row in it, not yet its value: add `.item()` at the end, to take "
            "the single value out.",
        ),
        (
            lambda value: hasattr(value, "index") and hasattr(value, "item") and len(value) != 1,
            "Your line keeps more than one row, or none: the words between the quotation marks must match only "
            "the description of Amaq (capitals count).",
        ),
    ),
    otherwise="Re-examine your line, part by part: the words between the quotation marks (part of the "
    'description of Amaq, spelled as in the quote table), the column `"found_elsewhere"`, and `.item()` at the end.',
    hints=(
        "Copy the shape of the worked example's line; change the words between the quotation marks and the column.",
        "The description of Amaq is in the quote table's `quote` column: one of its words is enough.",
        'found = quotes.loc[quotes["quote"].str.contains("..."), "found_elsewhere"].item()   (a word of the description)',
    ),
)


# Check 4: a prediction, recorded and never marked: how much of the article is direct quotation?
def quoted_share():
    clean = data.article()
    passages = framing.quotations(clean)
    return passages.loc[passages["marks"] == "double", "words"].sum() / len(framing.words(clean))


c4 = Prediction(
    name="Check 4",
    answer_name="quote_guess",
    choices={"a": "under 10%", "b": "10% to 25%", "c": "25% to 50%", "d": "more than half"},
    solution_code='quote_guess = "b"',
    hints=(
        "There is no wrong prediction: think of the article's two quoted officials and guess what share of "
        "its words they spoke, before you count.",
    ),
    observed=lambda: f"{quoted_share():.0%} of the article's words in double quotation marks",
)


# Check 5: a Parsons problem: put the four lines that compute the share in order (each line uses the one before).
c5 = Parsons(
    name="Check 5",
    lines=(
        "passages = framing.quotations(clean)",
        'double = passages[passages["marks"] == "double"]',
        'quoted_words = double["words"].sum()',
        "share = quoted_words / len(framing.words(clean))",
    ),
    why={
        3: "It adds up the words of `double`: which line makes `double`?",
        4: "It divides `quoted_words`: which line makes it?",
    },
    result=quoted_share,
    solution_code=(
        "passages = framing.quotations(clean)\n"
        'double = passages[passages["marks"] == "double"]\n'
        'quoted_words = double["words"].sum()\n'
        "share = quoted_words / len(framing.words(clean))\n"
        'order = ["c", "b", "d", "a"]'
    ),
    answer_name="order",
    hints=(
        "Start with the line that uses nothing made by another line: it finds the quoted passages.",
        "A line can only use a name that a line above it made: follow passages, then double, then quoted_words.",
        "The share comes last: it needs quoted_words. Which line makes quoted_words, and what does it need?",
    ),
)


# Check 6: the student writes the whole line that counts the words inside single marks (the Parsons lines' idiom).
def _passages():
    return framing.quotations(data.article())


class CountedByTheLine(FadedExample):
    """A count the student writes as a whole line (lesson 02's WholeLineCount): `.sum()` gives numpy's integer,
    so a bare Python number was counted by eye and is sent back to the line."""

    def _judge_value(self, answer):
        if not is_blank(answer) and type(answer) is int:
            return feedback.incorrect(
                "That is a number typed by hand: write the line that counts, so that it shows how you found it "
                '(the rows whose `marks` are "single", their `words`, then `.sum()`).'
            )
        return super()._judge_value(answer)


c6 = CountedByTheLine(
    name="Check 6",
    answer_name="single_words",
    expected=lambda: int(_passages().loc[_passages()["marks"] == "single", "words"].sum()),
    solution_code='single_words = passages[passages["marks"] == "single"]["words"].sum()',
    mistakes=(
        (
            lambda value: value == int(_passages().loc[_passages()["marks"] == "double", "words"].sum()),
            'That is the words inside double marks, the lines above: pick the rows whose `marks` are "single".',
        ),
        (
            lambda value: value == int(_passages()["words"].sum()),
            'That adds up every quoted passage: keep only the rows whose `marks` are "single" first.',
        ),
        (
            lambda value: value == int((_passages()["marks"] == "single").sum()),
            "That counts the passages in single marks, not their words: add up their `words` column with `.sum()`.",
        ),
        (
            lambda value: hasattr(value, "columns"),
            'Your line gives a table: add `["words"].sum()` to add up the words of the rows it keeps.',
        ),
    ),
    otherwise='Re-examine your line, part by part: the rows whose `marks` are "single", their `words` column, '
    "and `.sum()` at the end.",
    right="Yes: 6 words in single marks, against 62 in double marks: two names taken from someone else "
    "(‘Islamic State’ and ‘main mouthpiece of IS’), set apart from the direct quotes.",
    hints=(
        "Copy the shape of the `double` line, then of the `quoted_words` line, into one line.",
        'Pick the rows with `passages[passages["marks"] == "..."]`, then take their `["words"]` and add them up.',
        'A partial answer: `single_words = passages[passages["marks"] == "single"]...`',
    ),
)


# Check 7: classify new sentences (constructed answer): a direct quote, reported speech, or framing?
SENTENCES = (
    'Europol called the operation "a major success".',
    "The takedown crippled the group.",
    "The prosecutor said that the servers would lead police to the outlets' administrators.",
    "In a welcome blow to extremists, police seized servers in three countries.",
)
LABELS = ("quote", "framing", "reported", "framing")
WORDS = {
    "quote": "quote",
    "direct quote": "quote",
    "direct": "quote",
    "quotation": "quote",
    "reported": "reported",
    "reported speech": "reported",
    "paraphrase": "reported",
    "framing": "framing",
    "writer": "framing",
    "own words": "framing",
    "writer's own": "framing",
}
WHY = (
    "Sentence 1: look for quotation marks. Words inside them, with a speaker named, are whose?",
    "Sentence 2: is any of it in quotation marks, or does the sentence say who thinks so? If neither, whose "
    "judgement is it?",
    "Sentence 3: no quotation marks, but the sentence names a speaker and says what they said. What is that called?",
    "Sentence 4: the facts (servers seized) are attributed to no one and could be checked; but who calls it "
    "“a welcome blow”?",
)


def judge_labels(answer):
    if isinstance(answer, str) or not isinstance(answer, (list, tuple)):
        return feedback.wrong_kind(
            f'I expected a list of four words between square brackets, like ["quote", '
            f'"framing", ...], but got {kind_of(answer)}.'
        )
    if len(answer) != len(LABELS):
        return feedback.wrong_kind(
            f"I expected {len(LABELS)} labels, one per sentence in order, but got {len(answer)}."
        )
    given = []
    for number, label in enumerate(answer, start=1):
        word = WORDS.get(label.strip().lower()) if isinstance(label, str) else None
        if word is None:
            said = shortened(label, 30) if isinstance(label, str) else kind_of(label)
            return feedback.wrong_kind(
                f'Label {number} is {said}: I expected one of "quote", "reported" or '
                '"framing", between quotation marks.'
            )
        given.append(word)
    wrong = [number for number, (mine, right) in enumerate(zip(given, LABELS)) if mine != right]
    if not wrong:
        return feedback.correct(
            "Yes: a quote in marks with its speaker, the writer's own judgement twice (one of "
            "them wrapped round a checkable fact), and reported speech you cannot check word "
            "for word."
        )
    first = wrong[0]
    return feedback.incorrect(f"{len(LABELS) - len(wrong)} of {len(LABELS)} right. {WHY[first]}")


c7 = Question(
    name="Check 7",
    judge=judge_labels,
    hints=(
        "Ask two questions of each sentence: are some words in quotation marks, and does it say who said them?",
        "Quotation marks and a speaker: a quote. A speaker but no marks (“said that …”): reported. Neither: "
        "the writer's own framing.",
        "Sentence 4 mixes a fact with a judgement: label it by the judgement. Whose judgement is it?",
    ),
    solution_code='labels = ["quote", "framing", "reported", "framing"]',
)

# Check 8: what kind of claim is "radicalise young people in Europe"?
c8 = Question(
    name="Check 8",
    judge=multiple_choice(
        "c",
        {
            "a": "No: it is more than a choice of words. It asserts causes and effects that could be true or "
            "false: that this propaganda radicalised young people in Europe, and that the operation "
            "reduced it.",
            "b": "No: the reviews above find the internet plays a part alongside offline contact, on small "
            "and modest evidence; none of them shows that this propaganda radicalised young people in "
            "Europe, nor measures the operation's effect on it.",
            "c": "Yes: it is a factual claim, made by the head of the agency whose operation it praises, that "
            "the research we checked neither establishes nor disproves. Report it as his claim, not as "
            "a finding.",
        },
    ),
    hints=(
        "Could the statement be true or false? If so, it is more than framing.",
        "Whose words are they, and what do the research reviews in this section say about the "
        "internet's role and about the evidence?",
        "For b to be right, one of the reviews above must measure young people in Europe, or this "
        "operation's effect. Check them one by one.",
    ),
    solution_code='answer = "c"',
)


# Check 9: split the article's quote where it was cut (one idiom: .split).
ARTICLE_QUOTE = "global strength and… unwavering resolve to fight against terrorist content online"

c9 = FadedExample(
    name="Check 9",
    answer_name="pieces",
    expected=lambda: ARTICLE_QUOTE.split("…"),
    solution_code="pieces = article_quote.split(ellipsis)",
    mistakes=(
        (
            lambda value: isinstance(value, list) and len(value) == 1,
            "Your line gives one piece: what you split on is not in the quote. The article's ellipsis is one "
            "character, not three dots: use the name `ellipsis`, which holds it.",
        ),
    ),
    otherwise="Re-examine your line: the text to cut (`article_quote`), then `.split(...)` with the mark that "
    "shows where the article cut words between its brackets.",
    hints=(
        "`.split(mark)` cuts a text wherever `mark` appears and gives the pieces as a list.",
        "The text is `article_quote`; the mark where words were left out is held by the name `ellipsis`.",
        "pieces = article_quote.split(...)   (replace ... with the name that holds the ellipsis)",
    ),
)

# Check 10: lateral reading on a safe target: a later official release against an independent report.
c10 = LateralReading(
    name="Check 10",
    answer_name="what_i_found",
    task="In November 2019 police hit IS media again. Leave this notebook and find (1) Europol's own press release "
    "of 25 November 2019 on the Belgian-led action, on europol.europa.eu (its newsroom), and (2) one report "
    "of the same action by an independent news organisation (a Belgian broadcaster, a news agency). What figure "
    "does each give for the items taken down, and who does each say led the action? Does the report check the "
    "figure, or repeat what officials said? Write what you found and where, in 2 to 4 sentences.",
    offline="No internet? Run data.show(data.sources().query(\"source in ['europol_is_referral_nov2019', "
    "'politie_be_is_nov2019', 'vrt_2019']\")[['title', 'kind']]) and compare the three rows: what each "
    "says, which are official (Europol, the Belgian police) and which is an independent report.",
    hints=(
        'Search for the publisher and the date ("Europol press release 25 November 2019"), never for the '
        "material itself.",
        "Set the two side by side: the figure, who led, and whether the report names its own source for the figure.",
    ),
    solution_code=(
        'what_i_found = """Europol\'s release on europol.europa.eu gives over 26,000 items referred, in an action '
        "led by Belgium; the VRT NWS report (vrt.be) quotes the Belgian prosecutor's spokesman, so it "
        'repeats what officials said rather than checking the figure."""'
    ),
)

# Check 11: a prediction or a finding?
c11 = Question(
    name="Check 11",
    judge=multiple_choice(
        "a",
        {
            "a": "Yes: in December 2018 the law was still a proposal, so the experts could only predict."
            " Since the Regulation applies (June 2022), records of removal orders, of content "
            "put back after complaints and of court challenges could test the prediction.",
            "b": "No: the experts counted nothing. They read the proposal's definition and warned what it would "
            "likely lead platforms to do; a measurement would report removals found, with numbers and a method.",
            "c": "No: the Regulation's own text says what it intends (its first recital speaks of safeguards "
            "to freedom of expression), not what happened once it applied. A law cannot test a "
            "prediction about itself.",
        },
    ),
    hints=(
        "Check the dates: when did the experts write, and when did the Regulation begin to apply?",
        "The warning is in section 9; when the Regulation began to apply is in the list of texts in section 2.",
        "Cross out b first: does the warning report anything counted, or read a definition? Then compare "
        "a and c: does each look at what the law says, or at what happened?",
    ),
    solution_code='answer = "a"',
)

# Check 12 (section 10): apply the users' stated reasons for each name to a new style guide (the right option is b).
# Each reason belongs to its user (Fabius; the BBC's director general, as the Times reported; AP), not to the word:
# "Daesh" is itself an acronym whose words include "State".
c12 = Question(
    name="Check 12",
    judge=multiple_choice(
        "b",
        {
            "a": "No: the guide rules it out. The BBC declined *Daesh* because the group's enemies use it "
            "pejoratively (as the Times reported); and the acronym's own words still include “State”.",
            "b": "Yes: the qualifier keeps the paper from calling the group a state in its own voice, the reason "
            "AP and the BBC gave for theirs, and it is no insult. A name does not refuse or grant by itself: each "
            "is chosen, by those who use it, to avoid granting the claim (Fabius for *Daesh*; the BBC's director "
            "general, as the Times reported, for *so-called*).",
            "c": "No: that is the group's own name with nothing to mark it as the group's claim: the paper would "
            "call it a state in its own voice.",
            "d": "No: that is the group's earlier name in full, translated (the AP and the UN used ISIL in 2014): "
            "with no qualifier it still calls the group a state in the paper's own voice.",
        },
    ),
    hints=(
        "Take the guide's two rules one at a time, and cross out each name that breaks one of them.",
        "Which names call the group a state with nothing to show it is the group's claim? Which name do its "
        "enemies use, according to the BBC?",
        "One name is left: the group's own name, with a word that shows it is a group's claim.",
    ),
    solution_code='answer = "b"',
)

QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12]
