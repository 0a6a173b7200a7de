"""Answers for exercise 03 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

import networkx as nx

from takedown import data


def _small(node):
    """Lesson 03's small network of two links, with one more link from `node` to the servers."""
    small = nx.Graph()
    for country in ("nld", "can", node):
        small.add_edge(country, "servers")
    return small


_outlets = data.outlets()
_first_seen = _outlets[["outlet", "first_seen_source"]].merge(
    data.sources()[["source", "title", "kind"]], left_on="first_seen_source", right_on="source"
)

ANSWERS = [
    ("03_outlets", 1, "b", "d", 4),  # what the nodes left out have in common: the named bodies that took part
    ("03_outlets", 2, 8, 9, "eight"),
    ("03_outlets", 3, 0.125, 0.18, "bgr"),  # Bulgaria without the operation node; 0.18 is the whole network
    ("03_outlets", 4, 8, 1, "eight"),
    (
        "03_outlets",
        5,
        "No: each link is one kind of action a source named, so the degree counts kinds of action, "
        "not their size; the number of servers seized would settle it.",
        "Yes, it does.",
        3,
    ),
    ("lesson_03", 1, "at least", "Amaq News Agency", ["at least"]),  # a faded example: the catch of Amaq's number
    (  # a faded join: the first sightings with their sources' rows; a join on the wrong column finds no row
        "lesson_03",
        2,
        _first_seen,
        _first_seen.iloc[0:0],
        "first_seen_source",
    ),
    ("lesson_03", 3, "c", "d", True),
    (  # lateral reading, recorded for a person to score: what the page says and who publishes it; too few words
        "lesson_03",
        4,
        "The ICCT assessment on icct.nl names Halumu once, in the list of outlets Europol's statement said were "
        "targeted; the ICCT is a think tank in The Hague funded by Dutch ministries, according to a government letter.",
        "It names it.",
        None,
    ),
    ("lesson_03", 5, "No source names the agency.", "too long " * 21, 2),  # a reason, recorded: 42 words is too long
    ("lesson_03", 6, "b", "z", 2),  # a prediction: any of a, b, c is recorded, "z" is not a choice
    ("lesson_03", 7, _small("usa"), _small("US"), 3),  # the network itself: "US" is not the node of the US authorities
    ("lesson_03", 8, "outlet", "Amaq", 7),  # a faded example: Amaq's kind
    ("lesson_03", 9, ["c", "d", "a", "b"], ["d", "c", "a", "b"], 3.5),  # a Parsons problem
    ("lesson_03", 10, "b", "c", 3),
    ("lesson_03", 11, "operation", "servers", ["operation"]),  # a faded example: the label of the largest value
    ("lesson_03", 12, "c", "d", None),
]
