"""Exercise 03 – The outlets and the media ecosystem: the outlet left out, the operation as a network, and what a
network's degree can and cannot show."""

import networkx as nx

from takedown import data, feedback
from takedown.network import operation_graph
from takedown.questions import Question, Rubric, as_whole_number, is_real_number, judge_whole_number, kind_of
from takedown.questions.assessment import judge_reasoning

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
        return feedback.correct(
            f"Yes: {answer.strip()} was named in Europol's statement, but the article never mentions it."
        )
    if given in named:
        return feedback.incorrect(f"{answer.strip()} is in the article. Look for the row where `in_article` is False.")
    return feedback.incorrect(
        f"{answer.strip()!r} is not one of the outlets in the table. Look at the `outlet` column."
    )


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
                lambda number: number < europol,
                "That is not even the servers' links in `G`: count the servers node's links with "
                '`.degree("servers")` in your copy, after adding the three links.',
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
        "Lesson 03 (section 6) made a what-if copy with `G.copy()`, added a link with `.add_edge(...)` "
        'and counted links with `.degree(...)`. The country nodes are "bgr", "fra" and "rou".',
        "A partial line, after adding the three links to `prosecutor = G.copy()`: "
        "`servers_links = prosecutor.degree(...)`.",
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


def country_nodes(graph):
    return [node for node, attributes in graph.nodes(data=True) if attributes.get("kind") == "national authority"]


def judge_most_connected(answer):
    if not isinstance(answer, str):
        if is_real_number(answer):
            tip = (
                " That is a value, a node's centrality; the question asks which country node has the largest one. "
                "In the pandas Series of centralities the node names are the labels: the partner of "
                "`.idxmin()` gives the label of the largest value."
            )
        elif hasattr(answer, "items"):  # a dictionary or a Series: every node with its value
            tip = (
                " That holds several nodes with their values; keep only the name (the label) of the country "
                "node with the largest value: the partner of `.idxmin()` gives it."
            )
        elif isinstance(answer, (tuple, list)):
            tip = " Give the node's name only, as text, without its value."
        else:
            tip = ""
        return feedback.wrong_kind(f'I expected a node\'s name as text, like "nld", but got {kind_of(answer)}.{tip}')
    graph = operation_graph()
    centrality = nx.degree_centrality(graph)
    countries = country_nodes(graph)
    best = max(centrality[node] for node in countries)
    node = node_id(graph, answer)
    if node is None and (data.iso3_of(answer.strip()) or "").lower() in graph:  # a country's name, like "Bulgaria"
        node = data.iso3_of(answer.strip()).lower()
    if node is None:
        return feedback.incorrect(f"I cannot find a node called {answer.strip()!r}. Use a node id from `G.nodes`.")
    if node not in countries:
        return feedback.incorrect(
            f"{graph.nodes[node]['label']} is a node of kind {graph.nodes[node]['kind']!r}, not a country: keep "
            'only the nodes whose `kind` is "national authority" in the `nodes` table before you look for the '
            "largest value."
        )
    if centrality[node] == best:
        return feedback.correct(
            f"Yes: {graph.nodes[node]['label']} has the highest degree centrality of the "
            f"countries ({best:.2f}); it is linked to "
            f"{nodes_in_words(graph.degree(node), other=True)}."
        )
    return feedback.incorrect(
        f"{graph.nodes[node]['label']} is linked to {nodes_in_words(graph.degree(node))}, but another country has "
        "a larger degree centrality. Compare the values of every country node."
    )


q3 = Question(
    name="Question 3",
    judge=judge_most_connected,
    hints=(
        "First the degree centrality of every node, as in lesson 03; then keep only the country nodes, and take "
        "the name (the label) of the largest value.",
        'The `nodes` table says each node\'s `kind`: the countries are the "national authority" rows, and their '
        "ids are in the `node` column. A pandas Series can be indexed with a list of labels: `centrality[ids]`.",
        "A partial line, after `centrality = pd.Series(nx.degree_centrality(G))` and `countries = "
        'nodes.loc[..., "node"]`: `most_connected = centrality[countries]....` – the partner of `.idxmin()`.',
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
        "is a piece on its own. Lesson 03 (section 6) did this with the servers node.",
        "Lesson 03 (section 6) made the graph without the servers with `G.subgraph([...])` and counted its "
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
                "says a link is one kind of action a source named (took part, seized, blocked "
                "access), drawn by whoever built the network, so the degree counts kinds of action, "
                "not their size or importance",
                "says the degree counts links, without saying what a link stands for",
                "reads the degree as the size of a role",
            ),
        ),
        (
            "What would settle it",
            (
                "names evidence of size (how many servers or how much evidence, from a primary "
                "source such as Europol or the prosecutor) and notes that another account draws other "
                "links (question 2)",
                "names one of these",
                "accepts or rejects the claim without saying what would settle it",
            ),
        ),
    ),
)

q5 = Question(
    name="Question 5",
    judge=judge_reasoning,
    hints=(
        "Look at the links of the country you found: what kind of thing does each one stand for?",
        "Would Bulgaria have more links if it had blocked access to a thousand servers instead of four? And in the prosecutor's "
        "account (question 2), would the picture be the same?",
    ),
    answer_name="role_claim",
    points=ROLE_RUBRIC.max_points,  # 2: a person scores it with the rubric
    rubric=ROLE_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5]
