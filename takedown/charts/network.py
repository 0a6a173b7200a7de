"""The April 2018 operation as a network: who coordinated, who took part, what was hit (lesson 03).

The graph is built from two course tables, `data.network_nodes()` and `data.network_links()`, so
every node and every link carries its evidence (a quote from the article or a source id). It is
drawn twice: a still picture (matplotlib) and an interactive one (plotly, plain scatter traces: no
map, nothing fetched from the internet). Both use the same layout, computed by networkx with a
fixed seed, so the picture is the same every time.
"""

import matplotlib.pyplot as plt
import networkx as nx
import plotly.graph_objects as go
from matplotlib.lines import Line2D

from takedown.charts.style import OKABE_ITO, Chart, in_words, matplotlib_chart

# The graph itself is lesson 03's domain, in takedown/network.py; kept importable from here for the lessons.
from takedown.network import degree_table, operation_graph  # noqa: F401

# Each kind of node has a colour AND a marker shape, so colour is never the only signal.
KIND_ORDER = ["coordinating body", "national authority", "operation", "outlet", "infrastructure"]
KIND_STYLE = {
    "coordinating body": dict(colour=OKABE_ITO[4], marker="s", plotly="square"),
    "national authority": dict(colour=OKABE_ITO[1], marker="o", plotly="circle"),
    "operation": dict(colour=OKABE_ITO[7], marker="*", plotly="star"),
    "outlet": dict(colour=OKABE_ITO[5], marker="^", plotly="triangle-up"),
    "infrastructure": dict(colour=OKABE_ITO[2], marker="D", plotly="diamond"),
}
EDGE_COLOUR = "#555555"
LAYOUT_SEED = 43  # chosen among seeds 0-59 so that no node sits on a link it is not part of


def layout(graph=None):
    """Node positions from networkx's spring layout with a fixed seed, rounded so they never drift."""
    graph = operation_graph() if graph is None else graph
    positions = nx.spring_layout(graph, seed=LAYOUT_SEED, k=0.5, iterations=200)
    return {node: (round(float(x), 3), round(float(y), 3)) for node, (x, y) in positions.items()}


def _generic(attributes):
    return attributes["agency_named"] == "no"


def _left_out(attributes):
    return attributes["kind"] == "outlet" and not attributes["in_article"]


def _display_label(attributes):
    label = attributes["label"]
    if _left_out(attributes):
        return f"{label}\n(not in the article)"
    if _generic(attributes):
        return f"{label}\n(agency not named)"
    return label


def network_alt_text(graph=None):
    """One sentence describing the network, computed from the graph."""
    graph = operation_graph() if graph is None else graph
    table = degree_table(graph)
    hub = table.iloc[0]
    kinds = table["kind"].value_counts()
    generic = [graph.nodes[n]["label"] for n in graph.nodes if _generic(graph.nodes[n])]
    left_out = [graph.nodes[n]["label"] for n in graph.nodes if _left_out(graph.nodes[n])]
    second = table.iloc[1]
    counts = ", ".join(
        f"{kinds.get(kind, 0)} {kind if kinds.get(kind, 0) == 1 else _plural(kind)}" for kind in KIND_ORDER
    )
    others = graph.number_of_nodes() - 1
    reach = (
        f"every one of the other {others} nodes"
        if hub["links"] == others
        else f"{hub['links']} of the other {others} nodes"
    )
    return (
        f"Network of {graph.number_of_nodes()} nodes and {graph.number_of_edges()} links ({counts}): "
        f"the {hub['label']} node is linked to {reach}, "
        f"the next most connected is {second['label']} with {second['links']} links; "
        f"{len(generic)} national authorities are shown generically because no agency is named in the sources "
        f"({in_words(generic)}), {in_words(left_out)} is marked as named by Europol but not in the article"
        + _disputed_alt(graph)
        + "."
    )


def _disputed_alt(graph):
    disputed = [(a, b) for a, b, link in graph.edges(data=True) if _disputed(link)]
    if not disputed:
        return ""
    return (
        f", and {len(disputed)} {'link follows' if len(disputed) == 1 else 'links follow'} "
        f"{_disputed_accounts(graph)} (dashed: "
        + in_words([f"{graph.nodes[a]['label']} to {graph.nodes[b]['label']}" for a, b in disputed])
        + ")"
    )


def _plural(kind):
    return {
        "coordinating body": "coordinating bodies",
        "national authority": "national authorities",
        "operation": "operations",
        "outlet": "outlets",
        "infrastructure": "infrastructure nodes",
    }[kind]


def network_chart():
    """The network as a still picture (matplotlib), with a legend by kind of node."""
    graph = operation_graph()
    positions = layout(graph)
    fig, ax = plt.subplots(figsize=(10, 7.2))
    for a, b in graph.edges:
        (x1, y1), (x2, y2) = positions[a], positions[b]
        disputed = _disputed(graph.edges[a, b])
        ax.plot(
            [x1, x2],
            [y1, y2],
            color=EDGE_COLOUR,
            linewidth=1.6 if disputed else 0.9,
            linestyle=(0, (4, 3)) if disputed else "-",
            alpha=0.9 if disputed else 0.7,
            zorder=1,
        )
    for kind in KIND_ORDER:
        style = KIND_STYLE[kind]
        for node in [n for n in graph.nodes if graph.nodes[n]["kind"] == kind]:
            attributes = graph.nodes[node]
            hollow = _generic(attributes) or _left_out(attributes)
            ax.scatter(
                *positions[node],
                s=420 if kind == "operation" else 190,
                marker=style["marker"],
                facecolor="white" if hollow else style["colour"],
                edgecolor=style["colour"],
                linewidths=2.2,
                linestyle="--" if _left_out(attributes) else "-",
                zorder=3,
            )
            x, y = positions[node]
            ax.annotate(
                _display_label(attributes),
                (x, y),
                xytext=(0, -13),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=8,
                color="#111",
                zorder=4,
                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8),
            )
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=KIND_STYLE[kind]["marker"],
            markersize=9,
            markerfacecolor=KIND_STYLE[kind]["colour"],
            markeredgecolor=KIND_STYLE[kind]["colour"],
            label=kind,
        )
        for kind in KIND_ORDER
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=9,
            markerfacecolor="white",
            markeredgecolor=KIND_STYLE["national authority"]["colour"],
            markeredgewidth=2,
            label="no agency named in the sources",
        ),
        Line2D(
            [],
            [],
            linestyle="",
            marker="^",
            markersize=9,
            markerfacecolor="white",
            markeredgecolor=KIND_STYLE["outlet"]["colour"],
            markeredgewidth=2,
            label="named by Europol, not in the article",
        ),
        Line2D([], [], color=EDGE_COLOUR, label="link (each has a quote or a source)"),
        Line2D(
            [],
            [],
            color=EDGE_COLOUR,
            linewidth=1.6,
            linestyle=(0, (4, 3)),
            label=f"link where accounts differ: {_disputed_accounts(graph)}",
        ),
    ]
    ax.legend(
        handles=handles,
        title="Kind of node",
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=9,
        title_fontsize=10,
        frameon=False,
    )
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    ax.set_xlim(min(xs) - 0.15, max(xs) + 0.15)
    ax.set_ylim(min(ys) - 0.2, max(ys) + 0.1)
    ax.set_axis_off()
    ax.set_title("The April 2018 takedown as a network: who coordinated, who took part, what was hit")
    fig.tight_layout()
    return matplotlib_chart(fig, network_alt_text(graph))


def interactive_network_chart():
    """The same network in plotly: hover over a node for its full name, links and evidence."""
    graph = operation_graph()
    positions = layout(graph)
    fig = go.Figure()
    for disputed in (False, True):
        edge_x, edge_y = [], []
        for a, b in graph.edges:
            if _disputed(graph.edges[a, b]) == disputed:
                edge_x += [positions[a][0], positions[b][0], None]
                edge_y += [positions[a][1], positions[b][1], None]
        name = f"link where accounts differ: {_disputed_accounts(graph)}" if disputed else "link (quote or source)"
        fig.add_trace(
            go.Scatter(
                x=edge_x,
                y=edge_y,
                mode="lines",
                hoverinfo="skip",
                name=name,
                line=dict(color=EDGE_COLOUR, width=2 if disputed else 1, dash="dash" if disputed else "solid"),
            )
        )
    for kind in KIND_ORDER:
        style = KIND_STYLE[kind]
        members = [n for n in graph.nodes if graph.nodes[n]["kind"] == kind]
        hollow = [_generic(graph.nodes[n]) or _left_out(graph.nodes[n]) for n in members]
        fig.add_trace(
            go.Scatter(
                x=[positions[n][0] for n in members],
                y=[positions[n][1] for n in members],
                mode="markers+text",
                name=kind,
                text=[graph.nodes[n]["label"] for n in members],
                textposition="bottom center",
                textfont=dict(size=10, color="#111"),
                marker=dict(
                    symbol=[style["plotly"] + ("-open" if h else "") for h in hollow],
                    size=22 if kind == "operation" else 14,
                    color=style["colour"],
                    line=dict(color=style["colour"], width=2),
                ),
                hovertext=[_hover(graph, n) for n in members],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        title="The April 2018 takedown as a network (hover over a node)",
        xaxis=dict(visible=False),
        yaxis=dict(visible=False),
        height=560,
        legend=dict(
            title=dict(text="Kind of node<br><sup>open symbol: no agency named,<br>or not in the article</sup>"),
            x=1.0,
            xanchor="left",
            y=1.0,
            yanchor="top",
        ),
        margin=dict(l=10, r=10, t=60, b=10),
        hoverlabel=dict(align="left"),
    )
    return Chart(fig, network_alt_text(graph))


def _hover(graph, node):
    attributes = graph.nodes[node]
    evidence = f"article: “{attributes['quote']}”" if attributes["quote"] else f"source: {attributes['source']}"
    lines = [f"<b>{attributes['name']}</b>", f"{attributes['kind']}, {graph.degree(node)} links", evidence]
    if _left_out(attributes) or _generic(attributes):
        lines.append(attributes["note"])
    for other in graph.neighbors(node):
        link = graph.edges[node, other]
        if _disputed(link):
            lines.append(f"accounts differ, {link['relation']} {graph.nodes[other]['label']}: {link['note']}")
    return "<br>".join(lines)


def _disputed(link):
    return link.get("disputed") == "yes"


def _disputed_accounts(graph):
    """Whose account the links where accounts differ follow: "Europol's account; another differs"."""
    accounts = in_words(
        [
            f"{account}'s"
            for account in dict.fromkeys(link["account"] for *_, link in graph.edges(data=True) if _disputed(link))
        ]
    )
    return f"{accounts} account; another differs"


def degree_chart(graph=None):
    """Horizontal bars: each node's number of links, most connected at the top."""
    graph = operation_graph() if graph is None else graph
    table = degree_table(graph)
    fig, ax = plt.subplots(figsize=(8, 5.6))
    colours = [KIND_STYLE[kind]["colour"] for kind in table["kind"]]
    ax.barh(range(len(table)), table["links"], color=colours, edgecolor="black", linewidth=0.5)
    ax.set_yticks(range(len(table)), table["label"], fontsize=9)
    ax.invert_yaxis()
    for position, links in enumerate(table["links"]):
        ax.text(links + 0.15, position, str(links), va="center", fontsize=8.5)
    ax.set_xlabel(f"Number of links (degree); degree centrality = links ÷ {graph.number_of_nodes() - 1}")
    ax.set_ylabel("Node")
    ax.set_title("Which node connects the most others?")
    ax.legend(
        handles=[plt.Rectangle((0, 0), 1, 1, color=KIND_STYLE[kind]["colour"], label=kind) for kind in KIND_ORDER],
        title="Kind of node",
        fontsize=8.5,
        loc="lower right",
    )
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    top, second = table.iloc[0], table.iloc[1]
    alt = (
        f"Bar chart of the number of links of each of the {len(table)} nodes: {top['label']} has {top['links']} "
        f"(degree centrality {top['degree_centrality']:.2f}), then {second['label']} with {second['links']}; "
        f"{int((table['links'] == 1).sum())} nodes have a single link."
    )
    return matplotlib_chart(fig, alt)
