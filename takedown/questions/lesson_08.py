"""Lesson 08 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_08
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them. Check 1 has the student write an attributed sentence (its form checked);
check 3 has them complete a line; checks 5, 6 and 9 write a whole one (a panel added to a grid, a source
note, a half-year looked up); check 4 puts lines in order; checks 7 (scoring two sentences with the rubric)
and 10 (a prediction) are recorded, never marked; checks 11 (a bottom line) and 12 (a figure checked at its
source, lateral reading) are checked for form only.
"""

import re
from dataclasses import dataclass, replace

from takedown import feedback
from takedown.charts import briefing
from takedown.measures import half_years
from takedown.questions import Question, kind_of, multiple_choice
from takedown.questions.activities import (
    FadedExample,
    LateralReading,
    Parsons,
    Prediction,
    is_blank,
    judge_short_text,
    recorded,
    words_in,
)
from takedown.questions.written import rubric

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

# ---- Check 1: where a claim goes in a briefing, written by the student (attributed, to be tested) ---------
ATTRIBUTION = re.compile(
    r"(?i)\b(said|says|say|claimed|claims|claim|called|calls|described|according to|stated|states|told|"
    r"declared|announced)\b"
)
SPEAKER = re.compile(r"(?i)\b(wainwright|director|europol|head)\b")

CLAIM_RUBRIC = rubric(
    (
        "Attributed",
        (
            "names who said it, in what role, and when",
            "names who said it",
            "states the claim as the briefing's own",
        ),
    ),
    (
        "Tested, not adopted",
        (
            "says the briefing sets the claim against what the numbers can and cannot show",
            "marks it as a claim",
            "uses it as evidence or as the bottom line",
        ),
    ),
)


def judge_claim_sentence(answer):
    problem = judge_short_text(answer, 8, 40, "your sentence")
    if problem:
        return problem
    if not SPEAKER.search(answer):
        return feedback.incorrect(
            "Say whose claim it is: name the speaker (Europol's then director, Rob Wainwright), so a reader sees "
            "it is his claim, not your finding."
        )
    if not ATTRIBUTION.search(answer):
        return feedback.incorrect(
            "Attribute it with a verb such as “said” or “claimed” (or “according to”): without one, the sentence "
            "reads as if the briefing itself made the claim."
        )
    return feedback.correct(
        f"{len(words_in(answer))} words, with the claim given to its speaker. The check cannot judge the rest: "
        "score it on the two rows above, then read on."
    )


c1 = Question(
    name="Check 1",
    judge=judge_claim_sentence,
    hints=(
        "Section 1: the article's own words are a claim, not evidence. Whose claim is this one, and in what role?",
        "A briefing keeps the claim, attributed, and says it will test it against the numbers.",
        "Start with who said it and when, e.g. “In April 2018, Europol's director …”, then say what the briefing "
        "does with the claim.",
    ),
    solution_code=(
        'claim_goes = """Europol\'s then director, Rob Wainwright, said in April 2018 that the operation punched a '
        'big hole in IS propaganda; the briefing tests that claim against what the numbers can show."""'
    ),
    points=CLAIM_RUBRIC.max_points,
    rubric=CLAIM_RUBRIC,
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


# Check 5: the student writes the whole add_trace line that puts a panel in the third column of a grid.
def judge_third_panel(answer):
    if not hasattr(answer, "add_trace") or not hasattr(answer, "data"):
        return feedback.wrong_kind(f"I expected the grid, a plotly figure, but got {kind_of(answer)}.")
    traces = list(answer.data)
    if len(traces) < 3:
        return feedback.incorrect(
            "The grid still has two panels: your line must add a trace to it, `grid.add_trace(...)`, with the "
            "panel's trace between the round brackets, then `row=` and `col=`."
        )
    if len(traces) > 3:
        return feedback.incorrect(
            "The grid has more than three panels: keep one `add_trace` line of your own, then run the whole cell "
            "again (it makes a new grid each time)."
        )
    third = traces[2]
    names = {name: briefing.panel_trace(name) for name in briefing.PANELS}
    same = [name for name, trace in names.items() if list(trace.y or []) == list(third.y or [])]
    if "differential" not in same:
        picked = same[0] if same else None
        why = {
            "telegram": "The telegram panel shows how long new channels lasted, not who is removed fastest.",
            "suspensions": "The suspensions panel counts accounts per half-year: how much, not how fast.",
            "countries": "The countries panel is already in the first column.",
            "referrals": "The referrals panel is already in the second column.",
        }.get(picked, 'Give `add_trace` one of the ready-made panels: `briefing.panel_trace("name")`.')
        return feedback.incorrect(f"{why} Which panel compares how fast accounts were suspended (Check 3)?")
    if third.xaxis != "x3":
        return feedback.incorrect(
            "The panel is the right one, but not in the third column: end your line with `row=1, col=3`."
        )
    return feedback.correct(
        "Yes: one line adds a panel: the trace, then where it goes. The exercise's figure is built the same way."
    )


c5 = Question(
    name="Check 5",
    judge=judge_third_panel,
    answer_name="grid",
    solution_code=(
        "grid = make_subplots(rows=1, cols=3)\n"
        'grid.add_trace(briefing.panel_trace("countries"), row=1, col=1)\n'
        'grid.add_trace(briefing.panel_trace("referrals"), row=1, col=2)\n'
        'grid.add_trace(briefing.panel_trace("differential"), row=1, col=3)'
    ),
    hints=(
        "Copy the shape of the two `add_trace` lines above it: only the panel's name and the column change.",
        "The panel that shows who gets removed fastest is the one you added in Check 3.",
        'grid.add_trace(briefing.panel_trace("..."), row=1, col=...)',
    ),
)


# Check 6: the source note for the figure's panels: the student writes the whole call, not one name in it.
c6 = FadedExample(
    name="Check 6",
    answer_name="note",
    expected=lambda: briefing.source_note(["countries", "referrals"]),
    solution_code="note = briefing.source_note(chosen)",
    mistakes=(
        (
            lambda value: isinstance(value, str) and value.count("panel:") == 1,
            "Your note covers one panel: give source_note the whole list of the figure's panels, the name `chosen`.",
        ),
        (
            lambda value: isinstance(value, str) and value.count("panel:") == 3,
            "Your note covers three panels, the list of Check 3. The figure drawn in section 3 shows the panels of the "
            "list named `chosen`: give source_note that list.",
        ),
        (
            lambda value: value is briefing.source_note,
            "Your line names the function but does not call it: add round brackets after it, with the list of "
            "the figure's panels inside.",
        ),
    ),
    otherwise="Re-examine what you put between the round brackets: the source note expected covers every panel of "
    "the figure, the list named `chosen` in section 3.",
    hints=(
        "source_note needs the names of every panel in your figure, as a list, between its round brackets.",
        "The list of the figure's panels was made in section 3. What is it called? Start your line with "
        "`briefing.source_note(`.",
        "note = briefing.source_note(...)   (the name of the list of panels, between the brackets)",
    ),
)


# Check 7: score the two example sentences on three rows of the capstone's rubric, then compare with the key.
ROWS = ("Evidence fits the claim", "Kinds of number", "Limits")


@dataclass(frozen=True)
class RubricScores(Prediction):
    """Scores given to two sentences on the rubric's rows: recorded, never marked, like a prediction; the key
    comes after, and `explain` records where the student's scores differ from it and why."""

    def _judge_prediction(self, answer):
        wanted = (
            f"two lists of {len(ROWS)} scores, one for each sentence, like [[2, 1, 0], [1, 1, 2]]: each score 2, 1 or 0"
        )
        if not isinstance(answer, (list, tuple)) or len(answer) != 2:
            return feedback.wrong_kind(f"I expected {wanted}, but got {kind_of(answer)}.")
        if any(is_blank(score) for row in answer if isinstance(row, (list, tuple)) for score in row):
            return feedback.not_attempted("Replace every ... with a score, 2, 1 or 0, then run the cell again.")
        for which, row in zip(("weak", "strong"), answer):
            if not isinstance(row, (list, tuple)) or len(row) != len(ROWS):
                return feedback.wrong_kind(
                    f"I expected {len(ROWS)} scores in `{which}`, one for each row ({', '.join(ROWS).lower()}), "
                    f"but got {kind_of(row)}."
                )
            if not all(score in (0, 1, 2) and not isinstance(score, (bool, str)) for score in row):
                return feedback.wrong_kind(
                    f"I expected each score in `{which}` to be 2, 1 or 0 (a number, without quotation marks)."
                )
        self.log["prediction"] = [list(row) for row in answer]
        return recorded(
            f"Recorded your scores: the ✗ sentence {', '.join(map(str, answer[0]))}; the ✓ sentence "
            f"{', '.join(map(str, answer[1]))}. There is no right or wrong here: now read the key below."
        )

    def explanation_verdict(self, text=...):
        verdict = super().explanation_verdict(text)
        message = verdict.message.replace("Recorded what surprised you", "Recorded where your scores differ")
        message = message.replace("what surprised you", "your sentence")
        message = message.replace("You predicted", "You scored").replace("the data shows", "the key gives")
        message = message.replace("a wrong prediction you can explain", "a score you can explain")
        message = message.replace("No prediction is recorded", "No scores are recorded")
        message = message.replace("the prediction cell above", "the scoring cell above")
        return replace(verdict, message=message)


c7 = RubricScores(
    name="Check 7",
    answer_name="scores",
    observed="✗ 0, 0 (or 1), 0 and ✓ 2, 2, 2",
    hints=(
        "There is no wrong score here: read each sentence against each row, write what you would give, then "
        "compare with the key.",
        "Evidence fits the claim: does the sentence claim more than its figure shows? Kinds of number: does "
        "it say whether the figure is a running total or one period? Limits: does it say what the figure "
        "cannot show?",
    ),
)


# Section 5: keep the April 2018 operation and Twitter's figures apart (lesson 05: activity or effect?).
c8 = Question(
    name="Check 8",
    judge=multiple_choice(
        "a",
        {
            "a": "Yes: it credits one platform's suspensions to the operation, even though it names the figure's kind. The operation seized servers, not "
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


# Check 9: a figure for the assessment, looked up by its label (lesson 05's idiom): the student writes the whole
# look-up, not only the label.
c9 = FadedExample(
    name="Check 9",
    answer_name="latest",
    expected=lambda: half_years()["2018-07-01"],
    solution_code='from takedown.measures import half_years\nlatest = half_years()["2018-07-01"]',
    mistakes=(
        (
            lambda value: isinstance(value, dict),
            "Your line gives the whole table of half-years: add the label of one half-year in square brackets "
            "after `half_years()`.",
        ),
        (
            lambda value: value == half_years()["2018-01-01"],
            "That is January–June 2018: the half-year wanted starts in July.",
        ),
        (
            lambda value: value == half_years()["2017-07-01"],
            "That is July–December 2017: the half-year wanted is a year later.",
        ),
    ),
    otherwise="Re-examine your line: `half_years()` gives the table of half-years, and the label between square "
    "brackets, the first day of July 2018 written year-month-day in quotation marks, picks one.",
    from_the_line="the look-up, `half_years()` with the half-year's label in square brackets",
    right="Yes: 166,513 accounts in July–December 2018, Twitter's own figure (the aggregator's copy said "
    "166,153). The sentence keeps its kind (a half-year), its period and its source.",
    hints=(
        "Lesson 05 looked up one half-year with `half_years()` followed by its label in square brackets.",
        'A half-year is labelled by the day its six months start, written like "2017-01-01": '
        "July–December 2018 starts on the first of July 2018.",
    ),
)


# Check 10: predict the fall in suspensions before computing it, then say what the fall can and cannot mean.
c10 = Prediction(
    name="Check 10",
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


# Check 11: the bottom line of the student's own briefing, 20 to 40 words: the form is checked, a person scores it.
BOTTOM_LINE_RUBRIC = rubric(
    (
        "Answers the question",
        (
            "the sentence answers the policy maker's question",
            "the answer is there, but hedged or buried",
            "no clear answer",
        ),
    ),
    (
        "Evidence fits the claim",
        (
            "claims no more than the course's figures show",
            "one claim goes a little further than its figure",
            'a claim that no figure supports (for example "punched a big hole")',
        ),
    ),
)


def judge_bottom_line(answer):
    problem = judge_short_text(answer, 20, 40, "your bottom line")
    if problem:
        return problem
    return feedback.correct(
        f"{len(words_in(answer))} words kept. The check does not judge what you say: score it yourself on the "
        "rubric's first two rows, then compare with a classmate's."
    )


c11 = Question(
    name="Check 11",
    judge=judge_bottom_line,
    hints=(
        "One sentence: did the April 2018 takedown work, as far as the course's figures can tell, and what "
        "should be done next?",
        "Keep activity and effect apart: what was removed or seized is not what people stopped seeing.",
        "Count your words: 20 to 40. Cut adjectives before you cut evidence.",
    ),
    solution_code=(
        'bottom_line = """The April 2018 operation disrupted IS media for a time, but no figure we hold measures '
        "its effect on who saw the material; the EU should fund independent measurement before and after each "
        'action."""'
    ),
    points=BOTTOM_LINE_RUBRIC.max_points,
    rubric=BOTTOM_LINE_RUBRIC,
)


# Check 12: before the briefing goes out, check one figure at the page that first published it (recorded).
c12 = LateralReading(
    name="Check 12",
    answer_name="figure_checked",
    task="Before a briefing goes out, someone checks its figures at their source. Pick one figure from your "
    "panels, for example Twitter's 166,513 suspensions for July–December 2018 or its 376,890 for July–December "
    "2016, and find the page of the organisation that first published it (Twitter's own blog, Europol's or the "
    "Commission's own site), not a copy. Does it give the same number, for the same period? Is the page your "
    "source note names the publisher's own, or a copy? Write what you found and where.",
    offline="No internet? Run the offline cell just below this task (delete the # at the start of its one line first): it shows the "
    "course's stored sources for Twitter's figures, each with its kind (primary or a copy). Which figures rest "
    "only on copies, and what would you tell the policy maker about them?",
    hints=(
        "Go to the publisher's own site (Twitter's blog, Europol's newsroom) and look for the report of that "
        "half-year; do not search for the material itself.",
        "Say where you found the figure (the page or the organisation), whether it matches, and what that means "
        "for your briefing.",
    ),
)


QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12]
