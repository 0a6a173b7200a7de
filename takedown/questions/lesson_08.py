"""Lesson 08 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_08
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them. Checks 3, 5 and 7 have the student complete a line, check 4 put lines in
order; check 8 is a prediction, recorded and never marked.
"""

from takedown.charts import briefing
from takedown.measures import half_years
from takedown.questions import Question, multiple_choice
from takedown.questions.activities import FadedExample, Parsons, Prediction

# Section 2: what kind of number a panel shows (lesson 05: running totals and per-period figures).
c2 = Question(
    name="Check 2",
    judge=multiple_choice(
        "b",
        {
            "a": "No: a running total would only grow. These bars go down, so each counts one period on its own "
            "(lesson 05: cumulative or per period?).",
            "b": "Yes: each bar is the accounts Twitter says it suspended in one half-year, some known to us only "
            "from press copies of its reports (the source note marks them secondary). It counts what Twitter "
            "did, not who saw IS material.",
            "c": "No: Twitter counts accounts it suspended, not people. One person can run many accounts, and a "
            "suspended person can open a new one.",
        },
    ),
    hints=(
        "Lesson 05's questions: is it a running total or a figure for one period? Does it count people or "
        "something else?",
        "Look at the preview's axis titles and its source note, and at whether the bars only ever grow.",
        'answer = "…" – the bars going down settle one option. For the other two, read the axis title word '
        "by word: what exactly is counted?",
    ),
    solution_code='answer = "b"',
)

# ---- Check 1, added for pace (a check at least every 15 minutes): where a claim goes in a briefing ----

c1 = Question(
    name="Check 1",
    judge=multiple_choice(
        "c",
        {
            "a": "No: the bottom line is your answer to the reader's question, and this is a claim by the "
            "organisation whose work is being judged. It says how Europol saw the operation, not what it did.",
            "b": "No: a quote is evidence of what someone said, not of what happened. Europol's director has "
            "reason to call its own operation a success, and the sentence gives no number to check.",
            "c": "Yes: keep it, attributed (Europol's then director, April 2018), as the claim the briefing "
            "tests, and set beside it what the numbers can and cannot show.",
            "d": "No: who said what is part of the story, and the reader may have heard it. Leaving it out "
            "hides the claim instead of testing it.",
        },
    ),
    hints=(
        "Section 1: the article's own words are a claim, not evidence. Whose claim is this one?",
        "Would the speaker have a reason to call the operation a success? Does the sentence give anything "
        "you could measure?",
        'claim_goes = "..."   (cross out d first: does leaving a claim out test it? Then ask of a, b and c '
        "which treats the quote as a fact.)",
    ),
    solution_code='claim_goes = "c"',
)


# ---- Building the briefing: three lines the student writes -----------------------------------------

# Check 3: choose the evidence: add the panel that answers "who gets removed fastest?"
c3 = FadedExample(
    name="Check 3",
    answer_name="my_panels",
    expected=["countries", "referrals", "differential"],
    solution_code='my_panels = ["countries", "referrals", "differential"]',
    mistakes=(
        (
            lambda value: isinstance(value, list) and value[-1:] == ["telegram"],
            "The telegram panel shows how long new channels lasted after action days: it is about what happened "
            "after sustained action. Which panel compares how fast accounts were suspended?",
        ),
        (
            lambda value: isinstance(value, list) and value[-1:] == ["suspensions"],
            "The suspensions panel counts accounts per half-year: how much was removed, not how fast. Which panel "
            "compares how fast accounts were suspended?",
        ),
        (
            lambda value: isinstance(value, list) and value[-1:] and value[-1] not in briefing.PANELS,
            "The name you added is not one of the five panels: copy it from the list of `briefing.PANELS` above, "
            "between quotation marks.",
        ),
        (
            lambda value: isinstance(value, list) and len(value) != 3,
            "Keep the two panels already in the list and add one name after them: three names in all.",
        ),
    ),
    otherwise="Re-examine the name you added: the panel expected is the one whose bars compare how fast accounts "
    "were suspended.",
    hints=(
        "Which of the five panels has a title about time, “within two days”?",
        "Write its name between quotation marks, as it appears in the list of `briefing.PANELS`.",
        'my_panels = ["countries", "referrals", "..."]',
    ),
)

# Check 4: a Parsons problem: the lines that put the Telegram panel in the second column of a grid.
c4 = Parsons(
    name="Check 4",
    lines=(
        "grid = make_subplots(rows=1, cols=2)",
        'trace = briefing.panel_trace("telegram")',
        "grid.add_trace(trace, row=1, col=2)",
        'grid.update_yaxes(title_text=briefing.axis_titles("telegram")[1], row=1, col=2)',
    ),
    also_right=((2, 1, 3, 4),),
    solution_code=(
        "grid = make_subplots(rows=1, cols=2)\n"
        'trace = briefing.panel_trace("telegram")\n'
        "grid.add_trace(trace, row=1, col=2)\n"
        'grid.update_yaxes(title_text=briefing.axis_titles("telegram")[1], row=1, col=2)\n'
        'order = ["a", "d", "b", "c"]'
    ),
    answer_name="order",
    why={
        3: "It adds `trace` to `grid`: both must exist before it.",
        4: "It titles an axis of a panel: the panel must be in the grid first.",
    },
    hints=(
        "The grid must exist before anything is added to it, and a trace before it is added.",
        "A line can only use a name (a variable) that a line above it made: `grid` and `trace` come first.",
        "Titling an axis comes last: it changes a panel that must already be there.",
    ),
)

# Check 5: the source note for your own panels: call the function with the list of names.
c5 = FadedExample(
    name="Check 5",
    answer_name="note",
    expected=lambda: briefing.source_note(["countries", "referrals"]),
    solution_code="note = briefing.source_note(chosen)",
    mistakes=(
        (
            lambda value: isinstance(value, str) and value.count("panel:") == 1,
            "Your note covers one panel: give source_note the whole list of your panels, the name `chosen`.",
        ),
    ),
    otherwise="Re-examine what you put between the brackets: the source note expected covers every panel of the "
    "figure, the list named `chosen` on the lines above.",
    hints=(
        "source_note needs the names of every panel in your figure, as a list.",
        "The list of your panels' names was made in section 3. What is it called?",
        "note = briefing.source_note(...)   (the name of the list of panels)",
    ),
)


# Section 5: keep the April 2018 operation and Twitter's figures apart (lesson 05: activity or effect?).
c6 = Question(
    name="Check 6",
    judge=multiple_choice(
        "a",
        {
            "a": "Yes: it credits one platform's suspensions to the operation. The operation seized servers, not "
            "Twitter accounts; Twitter's suspensions count what Twitter removed under its own rules, in a later "
            "half-year (activity), not what the operation changed for its audience (effect).",
            "b": "No: this sentence names both, but keeps them apart: Twitter's figure with its period and source, "
            "and what the operation seized. It is fine as it stands.",
            "c": "No: this sentence names both and says exactly why one cannot measure the other. It is fine as it "
            "stands.",
        },
    ),
    hints=(
        "Lesson 05's first question: activity or effect? And whose action does each figure belong to?",
        "Set each sentence beside the ✗ example at the start of section 5: which mistake does it make, if any?",
        'answer = "…" – all three name Twitter and the operation. Ask of each: does it draw a conclusion about '
        "the operation from Twitter's figure?",
    ),
    solution_code='answer = "a"',
)


# Check 7: a figure for the assessment, looked up by its label (lesson 05's idiom), not typed from memory.
c7 = FadedExample(
    name="Check 7",
    answer_name="latest",
    expected=lambda: half_years()["2018-07-01"],
    solution_code='from takedown.measures import half_years\nlatest = half_years()["2018-07-01"]',
    mistakes=(
        (
            lambda value: value == half_years()["2018-01-01"],
            "That is January–June 2018: the half-year wanted starts in July.",
        ),
        (
            lambda value: value == half_years()["2017-07-01"],
            "That is July–December 2017: the half-year wanted is a year later.",
        ),
    ),
    otherwise="Re-examine the label you wrote: the first day of July 2018, year-month-day, in quotation marks.",
    right="Yes: 166,513 accounts in July–December 2018, Twitter's own figure (the aggregator's copy said "
    "166,153). The sentence keeps its kind (a half-year), its period and its source.",
    hints=(
        'A half-year is labelled by the day its six months start, written like "2017-01-01".',
        "July–December 2018 starts on the first of July 2018.",
    ),
)


# Check 8: predict the fall in suspensions before computing it, then say what the fall can and cannot mean.
c8 = Prediction(
    name="Check 8",
    answer_name="fall_guess",
    choices={
        "a": "less than a quarter",
        "b": "about a third",
        "c": "more than half",
        "d": "none: the figure rose",
    },
    observed=lambda: (
        f"from {half_years()['2016-07-01']:,} to {half_years()['2018-07-01']:,} accounts a half-year, a fall of "
        f"{1 - half_years()['2018-07-01'] / half_years()['2016-07-01']:.0%}"
    ),
    hints=(
        "There is no wrong prediction: write down what you expect, before you compute, then read on.",
        "The suspensions panel of section 2 shows the first and the last half-year.",
    ),
)


QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8]
