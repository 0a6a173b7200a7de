"""Lesson 08 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_08
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them.
"""
from takedown.questions import Question, multiple_choice

# Section 2: what kind of number a panel shows (lesson 05: running totals and per-period figures).
c2 = Question(
    name="Check 2",
    judge=multiple_choice("b", {
        "a": "No: a running total would only grow. These bars go down, so each counts one period on its own "
             "(lesson 05: cumulative or per period?).",
        "b": "Yes: each bar is the accounts Twitter says it suspended in one half-year, some known to us only "
             "from press copies of its reports (the source note marks them secondary). It counts what Twitter "
             "did, not who saw IS material.",
        "c": "No: Twitter counts accounts it suspended, not people. One person can run many accounts, and a "
             "suspended person can open a new one.",
    }),
    hints=(
        "Lesson 05's questions: is it a running total or a figure for one period? Does it count people or "
        "something else?",
        "Look at the preview's axis titles and its source note, and at whether the bars only ever grow.",
        'answer = "…" – the bars going down settle one option. For the other two, read the axis title word '
        'by word: what exactly is counted?',
    ),
    solution_code='answer = "b"',
)

# Section 5: keep the April 2018 operation and Twitter's figures apart (lesson 05: activity or effect?).
c3 = Question(
    name="Check 3",
    judge=multiple_choice("b", {
        "a": "No: this sentence gives one platform's figure with its period and its source, and says nothing "
             "about the April 2018 operation. It is fine as it stands.",
        "b": "Yes: it joins two things that do not belong together. The operation seized servers, not Twitter "
             "accounts, and Twitter's suspensions count what one platform removed (activity), not what the "
             "operation changed for its audience (effect).",
        "c": "No: this sentence is about the operation alone, and it gives Europol's account as Europol's: "
             "servers seized in three countries, digital evidence in three more.",
    }),
    hints=(
        "Lesson 05's first question: activity or effect? And whose action does each figure belong to?",
        "Set each sentence beside the ✗ example at the start of section 5: which mistake does it make, if any?",
        'answer = "…" – sentence a is about Twitter alone. Now ask of b and c: which figures does each use, '
        'and what does it conclude from them?',
    ),
    solution_code='answer = "b"',
)

# ---- Check 1, added for pace (a check at least every 15 minutes): where a claim goes in a briefing ----

c1 = Question(
    name="Check 1",
    judge=multiple_choice("c", {
        "a": "No: the bottom line is your answer to the reader's question, and this is a claim by the "
             "organisation whose work is being judged. It says how Europol saw the operation, not what it did.",
        "b": "No: a quote is evidence of what someone said, not of what happened. Europol's director has "
             "reason to call its own operation a success, and the sentence gives no number to check.",
        "c": "Yes: keep it, attributed (Europol's then director, April 2018), as the claim the briefing "
             "tests, and set beside it what the numbers can and cannot show.",
        "d": "No: who said what is part of the story, and the reader may have heard it. Leaving it out "
             "hides the claim instead of testing it.",
    }),
    hints=(
        "Section 1: the article's own words are a claim, not evidence. Whose claim is this one?",
        "Would the speaker have a reason to call the operation a success? Does the sentence give anything "
        "you could measure?",
        "claim_goes = \"...\"   (cross out d first: does leaving a claim out test it? Then ask of a, b and c "
        "which treats the quote as a fact.)",
    ),
    solution_code='claim_goes = "c"',
)


QUESTIONS = [c1, c2, c3]
