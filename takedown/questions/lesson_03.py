"""Lesson 03 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_03
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them.
"""
from takedown.questions import Question, multiple_choice

c1 = Question(
    name="Check 1",
    judge=multiple_choice("b", {
        "a": "No: “at least” makes nine a lower bound. Amaq may have used more languages than nine.",
        "b": "Yes: nine is a floor, not a total. A table that stored just 9 would lose the “at least”.",
        "c": "No: “at least nine” rules out fewer than nine; it is not a rounded figure.",
    }),
    hints=(
        "Read the words “at least” slowly: what do they allow, and what do they rule out?",
        "Could Amaq have used ten languages, if the report is right? Could it have used eight?",
        'A partial answer: `at_least_nine = "..."` with one letter between the quotation marks.',
    ),
    solution_code='at_least_nine = "b"',
)

c2 = Question(
    name="Check 2",
    judge=multiple_choice("b", {
        "a": "No: Europol's statement names Halumu, so it shows the name was available. It cannot tell you "
             "what the article's writer chose, or why.",
        "b": "Yes: only the people who wrote and edited the article know why they left Halumu out. Their "
             "answer is still a claim to weigh, but it is the only direct evidence of the reason.",
        "c": "No: counting other reports tells you how common the name was in the press, not why this "
             "writer dropped it. The Guardian left it out too, perhaps for another reason.",
    }),
    hints=(
        "The question is about a choice someone made. Who made it?",
        "Look at the list of reasons above the question: whose choice would each reason explain?",
        'A partial answer: `why_left_out = "..."` with one letter between the quotation marks.',
    ),
    solution_code='why_left_out = "b"',
)

c3 = Question(
    name="Check 3",
    judge=multiple_choice("b", {
        "a": "No: the article itself names Canada, France, the Netherlands, Romania and the US as taking "
             "part. What is missing is which of their agencies acted.",
        "b": "Yes: where no source names the agency, a generic node (\"Canadian authorities\") says only what "
             "the sources support. Guessing an agency would put an unsupported fact in the data.",
        "c": "No: no source says these countries kept it secret. The sources we hold simply do not say; "
             "that is a gap in the record, not evidence of secrecy.",
    }),
    hints=(
        "Look at the `agency_named` and `source` columns of the table above.",
        "What would the course need in order to name, say, the Dutch agency that acted?",
        'A partial answer: `why_generic = "..."` with one letter between the quotation marks.',
    ),
    solution_code='why_generic = "b"',
)


c4 = Question(
    name="Check 4",
    judge=multiple_choice("c", {
        "a": "No: a node drawn in the middle is not more important for that. Importance needs a measure, "
             "like the degree in section 6.",
        "b": "No: the layout knows nothing about maps. Countries are placed by their links, not by geography.",
        "c": "Yes: a spring layout only pulls linked nodes together. Left, right, up and down carry no "
             "information, and another seed would move everything.",
    }),
    hints=(
        "How did the spring layout decide where to put each node?",
        "Reread the paragraph above the drawing: what does it say about position?",
        'A partial answer: `position_means = "..."` with one letter between the quotation marks.',
    ),
    solution_code='position_means = "c"',
)


c5 = Question(
    name="Check 5",
    judge=multiple_choice("b", {
        "a": "No: the servers have six links, many but not the most: they are not linked to every country "
             "or outlet.",
        "b": "Yes: we linked every country, coordinating body and outlet to the operation node, so it has "
             "the most links by construction.",
        "c": "No: in our drawing Europol's unit is linked only to the operation it coordinated.",
    }),
    hints=(
        "Degree counts a node's links. Which node did the course link to almost everything?",
        "Look at the drawing above: which node sits in the middle with lines going out to all kinds of node?",
        'A partial answer: `hub = "..."` with one letter between the quotation marks.',
    ),
    solution_code='hub = "b"',
)

c6 = Question(
    name="Check 6",
    judge=multiple_choice("c", {
        "a": "No: a missing link is not evidence that nothing happened. It may mean only that no source we "
             "hold reported it.",
        "b": "No: nothing in our sources says that. Saying so would put a fact in the data that no source "
             "supports.",
        "c": "Yes: the network maps the public record. A missing link means no source we hold reports it; "
             "something may or may not have happened.",
    }),
    hints=(
        "What does a link in this network stand for: an event, or a source saying an event happened?",
        "Section 4 says each link has its evidence. What would a link between Nashir and the servers need?",
        'A partial answer: `missing_link = "..."` with one letter between the quotation marks.',
    ),
    solution_code='missing_link = "c"',
)

QUESTIONS = [c1, c2, c3, c4, c5, c6]
