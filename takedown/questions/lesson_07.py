"""Lesson 07 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_07
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them.
"""
from takedown.questions import Question, multiple_choice

# Check 1: which text could already require removal in April 2018?
c1 = Question(
    name="Check 1",
    judge=multiple_choice("b", {
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
    }),
    hints=(
        "Two things must both be true: the text existed by April 2018, and it binds.",
        "The `binding` column of the policy table says which texts bind; the rows' dates are in section 2.",
        "Only one text is both binding and older than April 2018. Which kind of text is it?",
    ),
    solution_code='answer = "b"',
)

# Check 2: whose words? Quote, reported speech, or the writer's own framing.
c2 = Question(
    name="Check 2",
    judge=multiple_choice("b", {
        "a": "No: “a major success” is in quotation marks and attributed to Europol: a direct quote. "
             "The writer reports it; the words are Europol's.",
        "b": "Yes: nothing attributes “crippled the group” to anyone, so the judgement is the writer's "
             "own. That is framing: it tells the reader how to see the operation without saying who thinks so.",
        "c": "No: only one of the two is attributed. Ask of each: is it in quotation marks, or does the "
             "sentence say who said it?",
        "d": "No: one of them is attributed to nobody. An unattributed judgement is the writer's own.",
    }),
    hints=(
        "Words are someone else's if they are in quotation marks or attributed (“X said that …”).",
        "Look for quotation marks and for a speaker in each sentence.",
        "Ask two questions of each phrase: is it inside quotation marks, and does its sentence say who "
        "said it? A phrase with neither is the writer's own.",
    ),
    solution_code='answer = "b"',
)

# Check 3: naming choices.
c3 = Question(
    name="Check 3",
    judge=multiple_choice("a", {
        "a": "Yes: the qualifiers (“so-called”, “group”) and the French choice of “Daesh” both refuse "
             "the claim to be a state; the BBC declined “Daesh” because the group's enemies use it as a "
             "slur, and it wanted to stay impartial.",
        "b": "No: “Daesh” is an Arabic acronym that the group's opponents use; the BBC called it "
             "pejorative. The AP noted that the United Nations used ISIL.",
        "c": "No: ISIS and ISIL are two translations of the same Arabic name: al-Sham is rendered "
             "“Syria” in one and “the Levant” in the other.",
        "d": "No: the BBC qualifies the name precisely because the name alone could suggest that such a "
             "state exists; that is a refusal of the group's claim, not support for it.",
    }),
    hints=(
        "Ask of each name: what does it grant the group, and what does it signal about the speaker?",
        "Re-read what the BBC, the AP and the French foreign minister each said about the word “state”.",
        "Cross out the options that contradict the sources quoted above the question.",
    ),
    solution_code='answer = "a"',
)

# Check 4: what kind of claim is "radicalise young people in Europe"?
c4 = Question(
    name="Check 4",
    judge=multiple_choice("c", {
        "a": "No: it is more than a choice of words. It asserts causes and effects that could be true or "
             "false: that this propaganda radicalised young people in Europe, and that the operation "
             "reduced it.",
        "b": "No: the reviews above find the internet plays a part alongside offline contact, on small "
             "and modest evidence; none of them shows that this propaganda radicalised young people in "
             "Europe, nor measures the operation's effect on it.",
        "c": "Yes: it is a factual claim, made by the head of the agency whose operation it praises, that "
             "the research we checked neither establishes nor disproves. Report it as his claim, not as "
             "a finding.",
    }),
    hints=(
        "Could the statement be true or false? If so, it is more than framing.",
        "Whose words are they, and what do the research reviews in this section say about the "
        "internet's role and about the evidence?",
        "For b to be right, one of the reviews above must measure young people in Europe, or this "
        "operation's effect. Check them one by one.",
    ),
    solution_code='answer = "c"',
)

# Check 5: a prediction or a finding?
c5 = Question(
    name="Check 5",
    judge=multiple_choice("a", {
        "a": "Yes: in December 2018 the law was still a proposal, so the experts could only predict."
             " Since the Regulation applies (June 2022), records of removal orders, of content "
             "put back after complaints and of court challenges could test the prediction.",
        "b": "No: it could not be a measurement in 2018: the Regulation applied only from June 2022, so "
             "there were no removals under it to count.",
        "c": "No: the Regulation's own text says what it intends (its first recital speaks of safeguards "
             "to freedom of expression), not what happened once it applied. A law cannot test a "
             "prediction about itself.",
    }),
    hints=(
        "Check the dates: when did the experts write, and when did the Regulation begin to apply?",
        "The warning is in section 9; when the Regulation began to apply is in the list of texts in section 2.",
        "Cross out b first: in December 2018 nothing had been removed under the Regulation yet. Then compare "
        "a and c: does each look at what the law says, or at what happened?",
    ),
    solution_code='answer = "a"',
)

QUESTIONS = [c1, c2, c3, c4, c5]
