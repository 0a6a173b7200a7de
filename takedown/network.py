"""The April 2018 operation as a network (lesson 03): who coordinated, who took part, what was hit.

The graph is built from two course tables, `data.network_nodes()` and `data.network_links()`, so every
node and every link carries its evidence (a quote from the article or a source id). The charts that
draw it are in takedown/charts/network.py; lesson 03's questions judge answers against this graph.
"""

import networkx as nx
import pandas as pd

from takedown import data


def operation_graph():
    """The operation as a networkx Graph: node and link attributes come from the course tables."""
    nodes, links = data.network_nodes(), data.network_links()
    graph = nx.Graph()
    for row in nodes.to_dict("records"):
        graph.add_node(row.pop("node"), **row)
    for row in links.to_dict("records"):
        graph.add_edge(row.pop("from_node"), row.pop("to_node"), **row)
    return graph


def degree_table(graph=None):
    """Each node's number of links (degree) and degree centrality, most connected first."""
    graph = operation_graph() if graph is None else graph
    centrality = nx.degree_centrality(graph)
    table = pd.DataFrame(
        {
            "node": list(graph.nodes),
            "label": [graph.nodes[node]["label"] for node in graph.nodes],
            "kind": [graph.nodes[node]["kind"] for node in graph.nodes],
            "links": [graph.degree(node) for node in graph.nodes],
            "degree_centrality": [round(centrality[node], 3) for node in graph.nodes],
        }
    )
    return table.sort_values(["links", "label"], ascending=[False, True], ignore_index=True)
