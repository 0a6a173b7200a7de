"""Exercise 03 – The outlets and the media ecosystem: what the article leaves out, the operation as a network, and what a
network's degree can and cannot show."""

import networkx as nx
import pandas as pd

from takedown import data, feedback
from takedown.network import operation_graph
from takedown.questions import (
    Question,
    Rubric,
    as_number,
    as_whole_number,
    judge_whole_number,
    kind_of,
    multiple_choice,
    not_a_number,
)
from takedown.questions.assessment import judge_reasoning

# The columns question 1 reads to decide, in the order they are shown.
EVIDENCE_COLUMNS = ["label", "kind", "source", "note"]


def show_left_out(rows):
    """Show the rows question 1 keeps with the columns it reads, or say why they cannot be the nodes the article
    leaves out: an empty table most often comes from comparing `in_article` with the text "False" (lesson 03's
    `agency_named` holds text, "yes" and "no"; `in_article` holds True and False). Walk-through W1."""
    if rows is ...:
        return feedback.show(feedback.not_attempted("Replace the ... with the rows you keep, then run the cell again."))
    if not isinstance(rows, pd.DataFrame) or not set(EVIDENCE_COLUMNS) <= set(rows.columns):
        return feedback.show(
            feedback.wrong_kind(
                f"I expected rows of `nodes` (a table with its columns), but got {kind_of(rows)}: keep the rows with "
                "`nodes[...]`, and put the True/False column that picks them inside the brackets."
            )
        )
    if rows.empty:
        return feedback.show(
            feedback.incorrect(
                "Your table has no rows: no node passed your test. `in_article` holds True and False, not text: "
                "compare it with False written without quotation marks, or turn it round with `~` (phrasebook, "
                "entry 7)."
            )
        )
    return data.show(rows[EVIDENCE_COLUMNS])


# Question 1: the nodes the article leaves out are, apart from Halumu, the named bodies that took part (each named by
# Europol's statement or AFP, see network_nodes.csv's source and note); the article names countries and Europol.
q1 = Question(
    name="Question 1",
    judge=multiple_choice(
        "b",
        {
            "b": "Yes: apart from Halumu, they are Eurojust, the Belgian Federal Prosecutor's Office, Bulgaria's "
            "Interior Ministry and the UK's Counter Terrorism Internet Referral Unit, each named by Europol's "
            "statement or AFP. The article writes “authorities from Belgium, Bulgaria, …” and “Europol has led”: "
            "a short rewrite that names countries and one agency loses who acted, even the office that led. That "
            "is a hypothesis about how the omission happened, like those for Halumu: only the writer could "
            "confirm it.",
            "a": "No: look at the `kind` column of the rows you kept. Only Halumu is an outlet; the others are a "
            "coordinating body and national authorities. Not giving publicity is one hypothesis for Halumu "
            "(lesson 03), but it cannot explain leaving out a prosecutor's office.",
            "c": "No: look at the `source` column of the rows you kept. Eurojust and the Belgian Federal "
            "Prosecutor's Office come from Europol's statement (europol_statement_copy), the UK's unit from the "
            "statement as teiss quoted it (teiss_europol_2018), and Bulgaria's ministry from AFP: the statement "
            "the article rewrote names most of them.",
            "d": "No: check the `kind` column of the rows you kept.",
        },
    ),
    hints=(
        "Keep the nodes the article does not mention: `~` turns True into False (phrasebook, entry 7). Then read "
        "their `kind`, `source` and `note` columns, which the line under yours shows.",
        "A partial line: `not_in_article = nodes[~nodes[...]]`. Which column says whether the article mentions a node?",
        "Test each option against the rows you kept: is it true of all of them but Halumu? Compare them with the "
        "article's own words, “authorities from Belgium, Bulgaria, Canada, …”.",
    ),
    answer_name="omission",
)


# The countries whose servers the Belgian federal prosecutor's account adds to Europol's (lesson 02).
PROSECUTOR_ADDS = ("bgr", "fra", "rou")


def servers_links_in_prosecutors_account():
    graph = operation_graph().copy()
    for node in PROSECUTOR_ADDS:
        graph.add_edge(node, "servers", relation="seized")
    return graph.degree("servers")


def prosecutor_is_g():
    """True when, in the student's notebook, `prosecutor` is the graph `G` itself (`prosecutor = G`, no `.copy()`):
    the links then went into G too, although question 2 asks to keep G as Europol's account. Only a kernel has the
    notebook's names; the grader, which judges the number alone, gets False."""
    if not feedback.in_a_kernel():
        return False
    from IPython import get_ipython

    names = get_ipython().user_ns
    return "G" in names and names.get("prosecutor") is names["G"]


def judge_servers_links(answer):
    if prosecutor_is_g():
        return feedback.incorrect(
            "Your `prosecutor` is `G` itself: `prosecutor = G` gives the same network a second name, so the links "
            "went into `G` too, and `G` is no longer Europol's account. Run the setup cell again to restore `G`, "
            "then make the copy with `prosecutor = G.copy()`."
        )
    expected = servers_links_in_prosecutors_account()
    europol = operation_graph().degree("servers")
    number = as_whole_number(answer)
    if number == europol:
        return feedback.incorrect(
            f"{number} is the servers' links in Europol's account, the graph as it is. "
            "Add the links the prosecutor's account adds to a copy first."
        )
    return judge_whole_number(
        answer,
        expected,
        "links for the servers in the Belgian prosecutor's account: Bulgaria was already "
        "linked to them (it blocked access), so only France and Romania add a link",
        mistakes=[
            (
                europol + len(PROSECUTOR_ADDS),
                "That is Europol's count plus one link per country. Was one of the three countries already "
                "linked to the servers? A network holds at most one link between two nodes.",
            ),
            (
                len(PROSECUTOR_ADDS),
                "That counts only the links you added. `G.copy()` keeps every link `G` already has: count all the "
                'servers node\'s links in your copy with `.degree("servers")`, after adding the three.',
            ),
        ],
        otherwise="Add a link from each of Bulgaria, France and Romania to the servers in your copy, then count "
        'the servers node\'s links in that copy with `.degree("servers")`.',
    )


q2 = Question(
    name="Question 2",
    judge=judge_servers_links,
    hints=(
        "The prosecutor's account adds a “seized” link from Bulgaria, France and Romania to the servers. "
        "Work on a copy of the graph, so that `G` stays Europol's account for the other questions.",
        "Lesson 03 (section 6, “Which node connects the most others?”) made a what-if copy with `G.copy()`, added a link with `.add_edge(...)` "
        'and counted links with `.degree(...)`. The country nodes are "bgr", "fra" and "rou".',
        "A partial line, after adding the three links to `prosecutor = G.copy()`: "
        "`servers_links = prosecutor.degree(...)`.",
    ),
    answer_name="servers_links",
)


def without_node(node):
    graph = operation_graph()
    return graph.subgraph([other for other in graph if other != node])


def bulgaria_centrality_without(node="operation"):
    return nx.degree_centrality(without_node(node))["bgr"]


def judge_bulgaria_centrality(answer):
    number = as_number(answer)
    if number is None:
        return not_a_number(
            answer,
            "Bulgaria's degree centrality, a number like 0.5",
            other_tip=' Keep only Bulgaria\'s value: take the one for `"bgr"` from the centralities, with `[...]`.',
            empty='the node id "bgr"',
        )
    expected = bulgaria_centrality_without("operation")
    whole = operation_graph()
    smaller = without_node("operation")

    # An answer rounded to two places is compared at that precision, a longer one more closely.
    two_places = abs(number * 100 - round(number * 100)) < 1e-9

    def near(value):
        return abs(number - value) <= (0.0051 if two_places else 0.003)

    if near(expected):
        return feedback.correct(
            f"Yes: {expected:.3f}. Without the operation node Bulgaria keeps {smaller.degree('bgr')} links, "
            f"out of {len(smaller) - 1} possible: its centrality changed because the network we drew changed."
        )
    mistakes = [
        (
            nx.degree_centrality(whole)["bgr"],
            "That is Bulgaria's centrality in the whole network `G`, with the operation node. Compute it in "
            "the graph without that node.",
        ),
        (
            smaller.degree("bgr") / (len(whole) - 1),
            "That divides Bulgaria's links by the whole network's other nodes: in the smaller graph there is one "
            "node fewer to link to. Let `nx.degree_centrality` do the division on the smaller graph.",
        ),
    ]
    for value, message in mistakes:
        if near(value):
            return feedback.incorrect(f"{number:.3f} is not the answer yet. {message}")
    if number == smaller.degree("bgr") or number == whole.degree("bgr"):
        return feedback.incorrect(
            f"{number:g} is a count of links, not a centrality: degree centrality divides a node's links by the "
            "number of other nodes. `nx.degree_centrality(...)` gives it."
        )
    return feedback.incorrect(
        f"{number:g} is not the answer yet. Make the graph without the operation node with `G.subgraph([...])`, "
        'compute `nx.degree_centrality(...)` on that graph, and take the value of `"bgr"`.'
    )


q3 = Question(
    name="Question 3",
    judge=judge_bulgaria_centrality,
    hints=(
        "Degree centrality depends on the whole graph: take the operation node out first, then compute the "
        "centrality of every node in what is left, as lesson 03 did for the whole network.",
        "Lesson 03 (section 6, “Which node connects the most others?”) left the servers out with `G.subgraph([node for node in G if ...])`. Do the same "
        'with `"operation"`, store it in `without_operation`, and call `nx.degree_centrality(...)` on it.',
        "A partial line: `bulgaria_centrality = nx.degree_centrality(...)[...]` – which graph, and which node id?",
    ),
    answer_name="bulgaria_centrality",
)


def pieces_without(node):
    graph = operation_graph()
    return nx.number_connected_components(graph.subgraph([other for other in graph if other != node]))


def judge_pieces(answer):
    whole = nx.number_connected_components(operation_graph())
    if as_whole_number(answer) == whole != pieces_without("operation"):
        return feedback.incorrect(
            f"{whole} {'piece is' if whole == 1 else 'pieces are'} the whole network, with no node left out. Did "
            'you name the node by its label in the drawing, like "Takedown action"? In `G` nodes are named by '
            'their ids (like "servers" in lesson 03), not by the labels in the drawing: `list(G.nodes)` shows '
            "the ids."
        )
    graph = operation_graph()
    return judge_whole_number(
        answer,
        pieces_without("operation"),
        "separate pieces: without the operation node, most of the network falls apart",
        mistakes=[
            (
                pieces_without("servers"),
                "That is the number of pieces without the servers node, the lesson's "
                "case: leave out the operation node instead.",
            ),
            (
                len(graph) - 1,
                "That is the number of nodes left, not of pieces: a piece is a group of nodes "
                "linked to each other, counted once.",
            ),
            (
                graph.degree("operation"),
                "That is the operation node's number of links: count the pieces of the "
                "graph without it, with `nx.number_connected_components(...)`.",
            ),
        ],
        otherwise="A piece is a group of nodes linked to each other; a node with no links left is a piece on its "
        "own. Count them in the graph without the operation node.",
    )


q4 = Question(
    name="Question 4",
    judge=judge_pieces,
    hints=(
        "A piece (a connected component) is a group of nodes linked to each other; a node with no links left "
        "is a piece on its own. Lesson 03 (section 6, “Which node connects the most others?”) did this with the servers node.",
        "Lesson 03 (section 6, “Which node connects the most others?”) made the graph without the servers with `G.subgraph([...])` and counted its "
        "pieces with `nx.number_connected_components(...)`. Do the same, leaving out a different node.",
        "A partial line: `pieces = nx.number_connected_components(G.subgraph([node for node in G if ...]))` – "
        "which nodes do you keep?",
    ),
    answer_name="pieces",
)

# A person scores the explanation with this rubric (course/grading/review.py); the check only looks at the form.
ROLE_RUBRIC = Rubric(
    levels=(("Strong", 1), ("Partly", 0.5), ("Needs work", 0)),
    criteria=(
        (
            "What the links count",
            (
                "explains what one link in this network stands for, and from that what a country's degree "
                "can and cannot measure",
                "describes the degree as a count of links without saying what a link stands for",
                "restates the claim or the number without examining what it counts",
            ),
        ),
        (
            "What would settle it",
            (
                "names a specific kind of evidence that would settle the claim and where it would come from, "
                "and says how the network depends on whose account it follows",
                "does one of these",
                "accepts or rejects the claim without saying what would settle it",
            ),
        ),
    ),
)

q5 = Question(
    name="Question 5",
    judge=judge_reasoning,
    hints=(
        "Look at Bulgaria's links in the table shown just above your answer cell: what kind of thing does each "
        "one stand for?",
        "Would Bulgaria have more links if it had blocked access to a thousand servers instead of four? And in the prosecutor's "
        "account (question 2), would the picture be the same?",
    ),
    answer_name="role_claim",
    points=ROLE_RUBRIC.max_points,  # 2: a person scores it with the rubric
    rubric=ROLE_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5]
