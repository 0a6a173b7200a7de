"""Lesson 03 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_03
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them. Checks 1, 2, 7, 8, 9 and 11 have the student write or order code, one idiom
each (one value out of a table, a join, a link, a node's attributes, a loop over a table, and, written as a
whole line, the label of the largest value); Checks 5 and 6 are predictions, recorded and never marked;
Check 4 is lateral reading the student performs (the ICCT's assessment and its publisher), recorded for the
instructor's review with a three-level rubric.
"""

import networkx as nx
import pandas as pd

from takedown import data, feedback
from takedown.questions import (
    Question,
    Rubric,
    is_real_number,
    kind_of,
    multiple_choice,
)
from takedown.questions.activities import FadedExample, LateralReading, Parsons, Prediction


def _graph():
    """The lesson's network, built from the two tables as section 4 builds it."""
    graph = nx.Graph()
    for row in data.network_nodes().itertuples():
        graph.add_node(row.node, label=row.label, kind=row.kind)
    for row in data.network_links().itertuples():
        graph.add_edge(row.from_node, row.to_node, relation=row.relation)
    return graph


def _amaq():
    outlets = data.outlets()
    return outlets[outlets["outlet"] == "Amaq News Agency"]


def _most_connected():
    return pd.Series(nx.degree_centrality(_graph())).idxmax()


# One idiom, met in lesson 02: one value out of a one-row table; the value it takes out is the catch.
c1 = FadedExample(
    name="Check 1",
    expected=lambda: _amaq()["language_count_qualifier"].item(),
    solution_code='amaq = outlets[outlets["outlet"] == "Amaq News Agency"]\n'
    'amaq_catch = amaq["language_count_qualifier"].item()',
    mistakes=(
        (
            lambda value: is_real_number(value) and value == 9,
            "That is the number the table stores for Amaq, nine. Which column holds the words that go with it?",
        ),
        ("Amaq News Agency", "That is the outlet's name. Which column holds the catch that goes with its number?"),
    ),
    otherwise="Re-examine the column's name: look at the table above, beside `language_count`.",
    right="Yes: “at least”. Nine is a floor, not a total: a table that stored just 9 would lose it.",
    from_the_line="the line that takes the value out of Amaq's row, with the column's name in place of the ___",
    hints=(
        "The table above has two columns about languages: one holds a number, the other words.",
        "The column's name is text: put it in quotation marks inside the square brackets.",
        'A partial answer: `amaq["language_count_..."].item()`.',
    ),
)


def _first_seen_sources():
    """Each outlet's first sighting with its source's row, joined as the lesson's worked example joins profiles."""
    outlets = data.outlets()
    sources = data.sources()[["source", "title", "kind"]]
    return outlets[["outlet", "first_seen_source"]].merge(sources, left_on="first_seen_source", right_on="source")


# One idiom: a join, `.merge(left_on=..., right_on=...)`; the blank is the column the left table matches on.
c2 = FadedExample(
    name="Check 2",
    answer_name="first_seen",
    expected=_first_seen_sources,
    solution_code='first_seen = outlets[["outlet", "first_seen_source"]].merge(sources, left_on="first_seen_source",\n'
    '                                                             right_on="source")',
    mistakes=(
        (
            lambda value: getattr(value, "empty", False),
            "No row matched: the column you named does not hold the sources' names. Which column of your "
            "two-column table names the source of each first sighting?",
        ),
    ),
    otherwise="Re-examine the column after `left_on=`: it is the column of the left table (the outlets) whose "
    "values match the `source` column of the sources table.",
    right="Yes: each first sighting now carries its source's title. Halumu has no first sighting, so no row "
    "of its own: a join keeps only the rows that match.",
    hints=(
        "`left_on=` names a column of the table before `.merge`, `right_on=` one of the table inside the brackets.",
        "Your left table has two columns: `outlet` and the one that names a source.",
        'A partial answer: `left_on="first_seen_..."`.',
    ),
)

c3 = Question(
    name="Check 3",
    judge=multiple_choice(
        "c",
        {
            "a": "No: whether the writer chose not to publicise an outlet is a choice made about the article, not "
            "something written in it: only the people who wrote and edited it could say, and their answer would "
            "still be a claim to weigh.",
            "b": "No: whether the name was known in 2018 needs other reports of that time; the article cannot tell "
            "you what others knew.",
            "c": "Yes: read how the article lists the outlets: “other outlets like the Al-Bayan radio station and "
            "the Nashir news agency”. “Like” introduces examples, so the article never claimed a full list, and "
            "leaving Halumu out is not an error. The other three need evidence from outside the article.",
            "d": "No: to see what a rewrite lost you need what it rewrote (Europol's statement) beside it; the "
            "article alone cannot show it.",
        },
    ),
    hints=(
        "Ask of each hypothesis: what evidence would test it, and is that evidence in the article itself?",
        "Three of the four are about why someone wrote as they did, or about what others knew; one is about "
        "what the article's sentence says.",
        'in_the_words = "..."   (for each letter, name where the evidence would be: an editor, other 2018 '
        "reports, the statement the article rewrote, or the article's own sentence)",
    ),
    solution_code='in_the_words = "c"',
)

# Lateral reading, performed by the student: what the ICCT's assessment says about Halumu, and who publishes it.
# The rows say what a good answer does, not what the page says (the lesson's closed note has that).
HALUMU_RUBRIC = Rubric(
    levels=(("Strong", 2), ("Adequate", 1), ("Needs work", 0)),
    criteria=(
        (
            "Read what the page says",
            (
                "says whether and how the assessment names Halumu (as what, and on whose word), quoting or "
                "closely paraphrasing it",
                "says whether it names Halumu, without how",
                "does not say, or guesses",
            ),
        ),
        (
            "Left the page to check the publisher",
            (
                "says what kind of organisation publishes it and who funds it, found on other sites than the "
                "publication itself",
                "says what kind of organisation it is, from its own pages",
                "repeats what the page says about itself, or guesses",
            ),
        ),
        (
            "Judgement fits the evidence",
            (
                "says what this source can and cannot tell us about Halumu, and why",
                "a judgement, loosely tied to what was found",
                "no judgement, or one that goes beyond what was found",
            ),
        ),
    ),
)

c4 = LateralReading(
    name="Check 4",
    answer_name="icct_on_halumu",
    task="The International Centre for Counter-Terrorism (ICCT) published an assessment of the operation in June "
    "2018, linked just above this task. Open it and read its opening section only, up to its first heading "
    "(“Telegram: …”), then stop. Does it name Halumu? If so, how: as what, and on whose word? Then leave "
    "the page: search for the publisher's name, “International Centre for Counter-Terrorism”, and write what kind "
    "of organisation it is and who funds it. Name the page you found each thing on.",
    offline="No internet? Open the closed note “Offline: the course's stored notes” just below this task: it "
    "quotes the assessment's opening section as the course stored it, and the course's rows on the publisher; "
    "the cell under it prints those rows (delete the # at the start of its one line). What do they tell you, and "
    "what could you not check without the internet? Name them as your source: “the course's stored notes”.",
    hints=(
        "In the opening section, look for the sentence that lists the outlets the operation targeted: is Halumu "
        "among them, and whose statement does the sentence report?",
        "For the publisher, search for its name on other sites (a government page, a register, a news report), "
        "not for the outlets.",
    ),
    rubric=HALUMU_RUBRIC,
)


# Predict, observe, explain: the student writes a reason before the lesson gives it; recorded, never marked.
c5 = Prediction(
    name="Check 5",
    answer_name="why_generic",
    observed="no source the course holds names the agency that acted there, so the course does not guess one",
    hints=(
        "There is no wrong guess here: look at the `agency_named` and `source` columns, then write the "
        "reason you think most likely, in a sentence.",
    ),
    solution_code='why_generic = "..."   # any sentence is recorded: a guess is not marked',
)


# Predict before the links are shown: which node will have the most links? Recorded, never marked.
c6 = Prediction(
    name="Check 6",
    answer_name="hub",
    choices={
        "a": "the servers",
        "b": 'the operation ("Takedown action")',
        "c": "Europol's Internet Referral Unit, which coordinated",
    },
    observed=lambda: f'the node with the most links is "{_most_connected()}"',
    hints=(
        "There is no wrong prediction: degree counts a node's links. Which node do you think the course "
        "linked to the most others?",
    ),
    solution_code='hub = "b"   # any of the three letters is recorded: a prediction is not marked',
)


# One idiom: a link between two nodes. The check reads the network itself, so a link to any other new node
# (a guess like "US") is told apart from the US authorities' node, which the student looks up in the nodes table.
US, SERVERS = "usa", "servers"


def judge_small_network(answer):
    if not isinstance(answer, nx.Graph):
        return feedback.wrong_kind(
            f"I expected the network `with_usa`, but got {kind_of(answer)}: keep `c7.check(with_usa)` as it is, "
            "and change only the ___ in the line above it."
        )
    if not answer.has_node(SERVERS):
        return feedback.incorrect(
            "This network has no servers node: run the worked example's cell again, then this one."
        )
    links = answer.degree(SERVERS)
    if answer.has_edge(US, SERVERS) and links == 3:
        return feedback.correct(
            "Yes: the US authorities' node, linked to the servers, which now have three links. A link joins two "
            "nodes, and a node's degree counts its links."
        )
    if answer.has_edge(US, SERVERS):
        return feedback.incorrect(
            f"The US authorities are linked, but the servers have {links} links: another link is in the network "
            "too: keep one add_edge line in the cell (it starts from a fresh copy of the small network each time)."
        )
    if links == 2:
        return feedback.incorrect(
            "The servers still have the two links of the worked example: did the line run? Put the node's name "
            "between quotation marks in place of the ___, and run the cell again."
        )
    return feedback.incorrect(
        "That links a node that is not the US authorities' node: the network's nodes are written as the `node` "
        "column of the nodes table writes them. Find the US authorities there and put that name in place of "
        "the ___ (no other cell needs running: this one starts from a fresh copy of the small network)."
    )


c7 = Question(
    name="Check 7",
    judge=judge_small_network,
    answer_name="with_usa",
    solution_code='with_usa = small.copy()\nwith_usa.add_edge("usa", "servers")',
    hints=(
        "Copy the worked example's `add_edge` line and change only the country's node.",
        "Find the US authorities in the nodes table of section 4: the `node` column gives the name to use.",
        'A partial answer: `with_usa.add_edge("...", "servers")`, lower case, like "nld" and "can".',
    ),
)

# One idiom: a node's attributes are a dictionary, read one by its name (written as a whole line).
c8 = FadedExample(
    name="Check 8",
    expected="outlet",
    solution_code='amaq_kind = G.nodes["amaq"]["kind"]',
    mistakes=(
        ("Amaq", "That is the node's label. Which attribute says what kind of thing the node is?"),
        (
            "infrastructure",
            "That is the servers' kind, from the example above: your line should read the node of Amaq, "
            '"amaq", instead.',
        ),
        (
            lambda value: isinstance(value, dict),
            "That is the whole dictionary of the node. Add the name of "
            "one attribute, in square brackets and quotation marks.",
        ),
    ),
    otherwise="Re-examine your line: the network, the node in square brackets after `.nodes`, then the attribute's "
    "name in square brackets; look at the dictionary the cell above printed for the servers.",
    right='Yes: Amaq\'s kind is "outlet". A dictionary gives the value stored under a name.',
    from_the_line="the line that reads it from the network: `G.nodes`, the node, then the attribute's name",
    hints=(
        "The cell above printed the servers' dictionary: which names does it hold?",
        "An attribute's name is text: write it in quotation marks, inside the square brackets.",
        "A partial answer: `amaq_kind = G.nodes[...][...]`: the node, then one attribute name, each in quotation marks.",
    ),
)

# One idiom: a loop over a table's rows, put in order.
c9 = Parsons(
    name="Check 9",
    lines=(
        "links_only = nx.Graph()",
        "for row in links.itertuples():",
        "    links_only.add_edge(row.from_node, row.to_node)",
        "link_count = links_only.number_of_edges()",
    ),
    why={
        1: "Every other line uses `links_only`: the line that makes it comes first.",
        2: "The `for` line's indented line adds links to `links_only`, which must exist before: which line makes it?",
        3: "The indented line runs once per row: it needs the `for` line just above it.",
        4: "Count the links once they have all been added.",
    },
    result=lambda: _graph().number_of_edges(),
    solution_code="links_only = nx.Graph()\nfor row in links.itertuples():\n"
    "    links_only.add_edge(row.from_node, row.to_node)\nlink_count = links_only.number_of_edges()\n"
    'order = ["c", "d", "a", "b"]',
    answer_name="order",
    hints=(
        "Start with the line that uses nothing made by another line.",
        "An indented line belongs to the `for` line just above it.",
        "The count comes last: once every link is in the network.",
    ),
)

c10 = Question(
    name="Check 10",
    judge=multiple_choice(
        "b",
        {
            "a": "No: a node drawn in the middle is not more important for that. Importance needs a measure, "
            "like the degree in section 6.",
            "b": "Yes: a spring layout only pulls linked nodes together. Left, right, up and down carry no "
            "information, and another seed would move everything.",
            "c": "No: the layout knows nothing about maps. Countries are placed by their links, not by geography.",
        },
    ),
    hints=(
        "How did the spring layout decide where to put each node?",
        "Look at where the national authorities sit on the page: next to their neighbours on a map, or next "
        "to the nodes they share links with?",
        'A partial answer: `position_means = "..."` with one letter between the quotation marks.',
    ),
    solution_code='position_means = "b"',
)

# One idiom: the label of the largest value, written as a whole line.
c11 = FadedExample(
    name="Check 11",
    answer_name="most_links",
    expected=_most_connected,
    solution_code="most_links = centrality.idxmax()",
    mistakes=(
        (
            lambda value: isinstance(value, float),
            "That is a value, not a label: `.max()` gives the largest "
            "number; which method gives the name that goes with it?",
        ),
        (
            lambda value: value == pd.Series(nx.degree_centrality(_graph())).idxmin(),
            "That is one of the least connected nodes: the worked example's method finds the smallest value. "
            "Which method finds the largest?",
        ),
        (
            lambda value: hasattr(value, "iloc"),
            "That is a whole column of values: the line should end with the method that gives one label, the "
            "name of the node with the largest value.",
        ),
        (
            lambda value: isinstance(value, dict),
            "That is networkx's dictionary of every node's value: start from the `centrality` column instead.",
        ),
    ),
    otherwise="Re-examine your line: the `centrality` column, then the method that gives the label of the largest "
    "value (the worked example's `.idxmin()` gives the smallest).",
    right="Yes: the operation node has the most links. Now compare it with your prediction.",
    from_the_line="the line that finds it: the `centrality` column, then the method that gives the label of the "
    "largest value",
    hints=(
        "The worked example above uses `.idxmin()`: min for the smallest. What would the largest be?",
        "The method gives the label (the node's name), not the value.",
        "most_links = centrality.idx...()   (the column, then the method, with round brackets)",
    ),
)

c12 = Question(
    name="Check 12",
    judge=multiple_choice(
        "c",
        {
            "a": "No: nothing in our sources says that, even as a likelihood. Saying so would put a guess in the "
            "data that no source supports.",
            "b": "No: “probably” still claims something about events. Re-examine what a link in this network "
            "stands for: an event, or a source that reports one? Then ask whether silence in the sources is "
            "evidence that nothing happened.",
            "c": "Yes: the network maps the public record. A missing link means no source we hold reports it; "
            "something may or may not have happened.",
            "d": "No: the article and Europol's statement both name Nashir among the outlets targeted, and the "
            "network links Nashir to the operation for that reason. A missing link to the servers says nothing "
            "about that.",
        },
    ),
    hints=(
        "What does a link in this network stand for: an event, or a source saying an event happened?",
        "Section 4 says each link has its evidence. What would a link between Nashir and the servers need?",
        'A partial answer: `missing_link = "..."` with one letter between the quotation marks.',
    ),
    solution_code='missing_link = "c"',
)

QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12]
