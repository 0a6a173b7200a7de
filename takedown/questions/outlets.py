"""Exercise 03 – The outlets and the media ecosystem: the outlet left out, and the operation as a network."""
import networkx as nx

from takedown import data, feedback
from takedown.charts.network import operation_graph
from takedown.questions import Question, judge_whole_number, kind_of

# Other spellings of the outlets in reports of the same statement (lesson 03, section 1).
NAME_VARIANTS = {"helumu": "halumu", "halummu": "halumu", "nasher": "nashir", "aamaq": "amaq", "al-amaq": "amaq"}


def outlet_key(name):
    """'the Amaq News Agency' -> 'amaq', 'Helumu' -> 'halumu': one key per outlet, whatever the spelling."""
    words = name.lower().replace("al bayan", "al-bayan").replace("’", "'").split()
    keys = {"amaq", "al-bayan", "nashir", "halumu"}
    for word in words:
        word = NAME_VARIANTS.get(word.strip(".,'\""), word.strip(".,'\""))
        if word in keys:
            return word
    return name.strip().lower()


def judge_left_out(answer):
    if not isinstance(answer, str):
        return feedback.wrong_kind(f'I expected the outlet\'s name as text, like "Nashir", but got {kind_of(answer)}.')
    outlets = data.outlets()
    left_out = {outlet_key(name) for name in outlets.loc[~outlets["in_article"], "outlet"]}
    named = {outlet_key(name) for name in outlets.loc[outlets["in_article"], "outlet"]}
    given = outlet_key(answer)
    if given in left_out:
        return feedback.correct(f"Yes: {answer.strip()} was named in Europol's statement, but the article never mentions it.")
    if given in named:
        return feedback.incorrect(f"{answer.strip()} is in the article. Look for the row where `in_article` is False.")
    return feedback.incorrect(f"{answer.strip()!r} is not one of the outlets in the table. Look at the `outlet` column.")


q1 = Question(
    name="Question 1",
    judge=judge_left_out,
    hints=(
        "The column `in_article` is True for outlets the article names and False for the others.",
        'Keep the rows where `in_article` is False: `outlets.loc[~outlets["in_article"], "outlet"]`, then `.item()`.',
    ),
    solution_code='left_out = outlets.loc[~outlets["in_article"], "outlet"].item()',
)


def judge_generic_authorities(answer):
    nodes = data.network_nodes()
    expected = int((nodes["agency_named"] == "no").sum())
    return judge_whole_number(
        answer, expected, "national authorities are shown generically: the sources name no agency for them",
        too_low="Count every row whose `agency_named` is \"no\".",
        too_high="Count only national authorities with no agency named, not all national authorities.")


q2 = Question(
    name="Question 2",
    judge=judge_generic_authorities,
    hints=(
        'The column `agency_named` of `nodes` is "yes", "no", or empty for nodes that are not national authorities.',
        'Compare the column with "no" and add up the True values: `(nodes["agency_named"] == "no").sum()`.',
    ),
    solution_code='generic_authorities = (nodes["agency_named"] == "no").sum()',
)


def node_id(graph, answer):
    """The node an answer names: its id ('servers') or its label or full name, in any case; else None."""
    wanted = answer.strip().lower()
    for node, attributes in graph.nodes(data=True):
        if wanted in {node.lower(), attributes["label"].lower(), attributes["name"].lower()}:
            return node
    return None


def nodes_in_words(count, other=False):
    """'1 node', '5 nodes' (with other=True: '1 other node'): a count of nodes for a sentence."""
    noun = "node" if count == 1 else "nodes"
    return f"{count} {'other ' if other else ''}{noun}"


def judge_most_connected(answer):
    if not isinstance(answer, str):
        tip = (" Take the node, not its score: `max(centrality, key=centrality.get)` gives the node."
               if isinstance(answer, (tuple, list, float)) else "")
        return feedback.wrong_kind(f'I expected a node\'s name as text, like "servers", but got {kind_of(answer)}.{tip}')
    graph = operation_graph()
    centrality = nx.degree_centrality(graph)
    best = max(centrality.values())
    node = node_id(graph, answer)
    if node is None:
        return feedback.incorrect(f"I cannot find a node called {answer.strip()!r}. Use a node id from `G.nodes`.")
    if centrality[node] == best:
        return feedback.correct(f"Yes: {graph.nodes[node]['label']} has the highest degree centrality "
                                f"({best:.2f}); it is linked to {nodes_in_words(graph.degree(node), other=True)}.")
    return feedback.incorrect(
        f"{graph.nodes[node]['label']} is linked to {nodes_in_words(graph.degree(node))}, but another node has more "
        "links. "
        "Compare all the values of `nx.degree_centrality(G)`.")


q3 = Question(
    name="Question 3",
    judge=judge_most_connected,
    hints=(
        "`nx.degree_centrality(G)` gives a dictionary: for each node, the share of the other nodes it is linked to.",
        "`max(centrality, key=centrality.get)` gives the key (the node) with the largest value.",
    ),
    solution_code=("centrality = nx.degree_centrality(G)\n"
                   "most_connected = max(centrality, key=centrality.get)"),
)


def pieces_without(node):
    graph = operation_graph()
    return nx.number_connected_components(graph.subgraph([other for other in graph if other != node]))


def judge_pieces(answer):
    return judge_whole_number(
        answer, pieces_without("operation"), "separate pieces: without the operation node, most of the network falls apart",
        too_low="Did you remove the operation node first? Count the pieces of the graph without it.",
        too_high="A piece is a group of nodes linked to each other; a node with no links left is a piece on its own.")


q4 = Question(
    name="Question 4",
    judge=judge_pieces,
    hints=(
        'Make the graph without the operation: `G.subgraph([node for node in G if node != "operation"])`.',
        "`nx.number_connected_components(graph)` counts the separate pieces of a graph.",
    ),
    solution_code='pieces = nx.number_connected_components(G.subgraph([node for node in G if node != "operation"]))',
)

QUESTIONS = [q1, q2, q3, q4]
