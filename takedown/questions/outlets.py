"""Exercise 03 – The outlets and the media ecosystem: the outlet left out, and the operation as a network."""
import networkx as nx

from takedown import data, feedback
from takedown.network import operation_graph
from takedown.questions import Question, as_whole_number, is_real_number, judge_whole_number, kind_of

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
        "Keep the rows where `in_article` is False (the `~` sign turns True into False) and take the `outlet` column.",
        'A partial line: `left_out = outlets.loc[~..., "outlet"].item()` – which column goes after the `~`?',
    ),
    answer_name="left_out",
)


# The countries whose servers the Belgian federal prosecutor's account adds to Europol's (lesson 02).
PROSECUTOR_ADDS = ("bgr", "fra", "rou")


def servers_links_in_prosecutors_account():
    graph = operation_graph().copy()
    for node in PROSECUTOR_ADDS:
        graph.add_edge(node, "servers", relation="seized")
    return graph.degree("servers")


def judge_servers_links(answer):
    expected = servers_links_in_prosecutors_account()
    europol = operation_graph().degree("servers")
    number = as_whole_number(answer)
    if number == europol:
        return feedback.incorrect(f"{number} is the servers' links in Europol's account, the graph as it is. "
                                  "Add the links the prosecutor's account adds to a copy first.")
    if number == europol + len(PROSECUTOR_ADDS) and number != expected:
        return feedback.incorrect(
            f"{number} is too high. Was one of the three countries already linked to the servers? "
            "A network holds at most one link between two nodes.")
    return judge_whole_number(
        answer, expected, "links for the servers in the Belgian prosecutor's account: Bulgaria was already "
        "linked to them (it blocked access), so only France and Romania add a link",
        too_low="Add a link from each of Bulgaria, France and Romania to the servers, then count again.",
        too_high="Count the links of the servers node in your copy with `.degree(\"servers\")`.")


q2 = Question(
    name="Question 2",
    judge=judge_servers_links,
    hints=(
        "The prosecutor's account adds a “seized” link from Bulgaria, France and Romania to the servers. "
        "Work on a copy of the graph, so that `G` stays Europol's account for the other questions.",
        "Lesson 03 (section 6) made a what-if copy with `G.copy()`, added a link with `.add_edge(...)` "
        "and counted links with `.degree(...)`. The country nodes are \"bgr\", \"fra\" and \"rou\".",
        'A partial line, after adding the three links to `prosecutor = G.copy()`: '
        '`servers_links = prosecutor.degree(...)`.',
    ),
    answer_name="servers_links",
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
        if is_real_number(answer):
            tip = (" That is a value, a node's centrality; the question asks which node has the largest one. "
                   "In the pandas Series of centralities the node names are the labels: the partner of "
                   "`.idxmin()` gives the label of the largest value.")
        elif hasattr(answer, "items"):   # a dictionary or a Series: every node with its value
            tip = (" That holds every node with its value; keep only the name (the label) of the node with the "
                   "largest value: the partner of `.idxmin()` gives it.")
        elif isinstance(answer, (tuple, list)):
            tip = " Give the node's name only, as text, without its value."
        else:
            tip = ""
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
        "The most connected node is the one linked to the largest share of the other nodes: the highest "
        "degree centrality. You want its name (the label), not its value.",
        "Lesson 03 (section 6) made a pandas column of degree centralities with `pd.Series(...)` and showed "
        "`.idxmin()`, which gives the label of a column's smallest value. Its partner gives the largest.",
        "A partial line: `most_connected = pd.Series(...)....` – the centrality dictionary between the "
        "brackets, then the partner of `.idxmin()`.",
    ),
    answer_name="most_connected",
)


def pieces_without(node):
    graph = operation_graph()
    return nx.number_connected_components(graph.subgraph([other for other in graph if other != node]))


def judge_pieces(answer):
    whole = nx.number_connected_components(operation_graph())
    if as_whole_number(answer) == whole != pieces_without("operation"):
        return feedback.incorrect(
            f"{whole} {'piece is' if whole == 1 else 'pieces are'} the whole network, with no node left out. Did "
            "you name the node by its label in the drawing, like \"Takedown action\"? In `G` nodes are named by "
            "their ids (like \"servers\" in lesson 03), not by the labels in the drawing: `list(G.nodes)` shows "
            "the ids.")
    return judge_whole_number(
        answer, pieces_without("operation"), "separate pieces: without the operation node, most of the network falls apart",
        too_low="Did you remove the operation node first? Count the pieces of the graph without it.",
        too_high="A piece is a group of nodes linked to each other; a node with no links left is a piece on its own.")


q4 = Question(
    name="Question 4",
    judge=judge_pieces,
    hints=(
        "A piece (a connected component) is a group of nodes linked to each other; a node with no links left "
        "is a piece on its own. Lesson 03 (section 6) did this with the servers node.",
        "Lesson 03 (section 6) made the graph without the servers with `G.subgraph([...])` and counted its "
        "pieces with `nx.number_connected_components(...)`. Do the same, leaving out a different node.",
        "A partial line: `pieces = nx.number_connected_components(G.subgraph([node for node in G if ...]))` – "
        "which nodes do you keep?",
    ),
    answer_name="pieces",
)

QUESTIONS = [q1, q2, q3, q4]
