"""Lesson 03: the outlets' profiles, the operation's network (nodes, links, graph) and its charts."""

import io
import re

import matplotlib

matplotlib.use("Agg")  # no windows, no display needed

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from takedown import charts, data, text  # noqa: E402
from takedown.charts import network  # noqa: E402
from takedown.questions import outlets as questions  # noqa: E402
from test_charts import ALLOWED, PALETTE_HUES, hex_of, is_neutral, plotly_colours  # noqa: E402

KINDS = set(network.KIND_ORDER)
PARTICIPANTS = {"BEL", "BGR", "CAN", "FRA", "NLD", "ROU", "GBR", "USA"}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def raw():
    return data.raw_article()


@pytest.fixture(scope="module")
def source_ids():
    return set(data.sources()["source"])


# ---- The outlets' profiles -------------------------------------------------------------------


def test_outlet_profile_columns_were_added_not_changed():
    """Lesson 03's columns come after the original ones, which keep their order."""
    columns = list(pd.read_csv(data.DATA_DIR / "outlets.csv", nrows=0).columns)
    assert columns[:6] == ["outlet", "kind", "in_article", "quote", "source", "note"]
    assert {"medium", "languages", "first_seen", "profile_source", "first_seen_source"} <= set(columns[6:])


@pytest.mark.parametrize("row", data.outlets().to_dict("records"), ids=lambda row: row["outlet"])
def test_every_outlet_profile_names_a_described_source(row, source_ids):
    """The profile and the first-seen date each name a source of sources.csv (a date needs one)."""
    assert row["profile_source"] in source_ids
    assert row["medium"].strip() and row["languages"].strip()
    if row["first_seen"]:
        assert row["first_seen_source"] in source_ids
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["first_seen"]), row["first_seen"]
    else:
        assert row["first_seen_source"] == "" and row["first_seen_qualifier"] == ""
    assert row["first_seen_qualifier"] in {"", "by"}


def test_language_counts_keep_lower_bounds_explicit():
    """A language count is a whole number or unknown; "at least" is kept in its own column."""
    outlets = data.outlets().set_index("outlet")
    assert str(outlets["language_count"].dtype) == "Int64"
    assert set(outlets["language_count_qualifier"]) <= {"", "at least"}
    assert outlets.loc["Amaq News Agency", "language_count_qualifier"] == "at least"
    assert pd.isna(outlets.loc["Halumu", "language_count"])
    named = outlets.loc["Al-Bayan", "languages"].split(", ")
    assert len(named) == outlets.loc["Al-Bayan", "language_count"]


def test_halumu_has_no_invented_profile():
    """Nothing is known about Halumu beyond its name, and the table says so."""
    halumu = data.outlets().set_index("outlet").loc["Halumu"]
    assert halumu["medium"] == "not described" and halumu["first_seen"] == ""


# ---- The network tables ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def nodes():
    return data.network_nodes()


@pytest.fixture(scope="module")
def links():
    return data.network_links()


def test_nodes_are_unique_and_of_known_kinds(nodes):
    assert nodes["node"].is_unique
    assert set(nodes["kind"]) == KINDS
    assert (nodes["kind"] == "operation").sum() == 1


def test_one_national_authority_per_participating_country(nodes):
    """Eight national authorities, one for each country of the article."""
    authorities = nodes[nodes["kind"] == "national authority"]
    assert sorted(authorities["iso3"]) == sorted(PARTICIPANTS)
    assert set(authorities["agency_named"]) <= {"yes", "no"}
    assert (nodes.loc[nodes["kind"] != "national authority", "agency_named"] == "").all()


def test_generic_authorities_are_marked_and_backed_by_the_article(nodes, raw):
    """Where no agency is named, the node says so, and only the article's list of countries backs it."""
    generic = nodes[nodes["agency_named"] == "no"]
    assert "USA" in set(generic["iso3"])
    assert generic["name"].str.contains("no agency named").all()
    assert (generic["source"] == "article").all()
    assert generic["quote"].map(lambda quote: quote in raw).all()


def test_named_agencies_have_a_source_other_than_the_article(nodes):
    """An agency's name is not in the article, so it must come from another source."""
    named = nodes[nodes["agency_named"] == "yes"]
    assert len(named) >= 1
    assert (named["source"] != "article").all()


def test_halumu_node_is_marked_as_not_in_the_article(nodes):
    halumu = nodes.set_index("node").loc["halumu"]
    assert halumu["kind"] == "outlet" and not halumu["in_article"]
    assert halumu["source"] != "article" and halumu["quote"] == ""


@pytest.mark.parametrize("name", ["network_nodes", "network_links"])
def test_evidence_is_a_quote_for_the_article_and_a_source_otherwise(name, raw, source_ids):
    """Every row has its evidence: quotes only with source 'article', verbatim; other sources described."""
    table = data.TABLES[name]()
    assert table["source"].isin(source_ids).all()
    from_article = table["source"] == "article"
    assert table.loc[from_article, "quote"].map(lambda quote: bool(quote) and quote in raw).all()
    assert (table.loc[~from_article, "quote"] == "").all()


def test_nodes_in_the_article_carry_its_words(nodes, raw):
    """A node marked in_article is backed by a quote from the article, and the others are not."""
    assert (nodes.loc[nodes["in_article"], "source"] == "article").all()
    assert (nodes.loc[~nodes["in_article"], "quote"] == "").all()


def test_links_join_known_nodes_once(nodes, links):
    known = set(nodes["node"])
    assert set(links["from_node"]) <= known and set(links["to_node"]) <= known
    pairs = links.apply(lambda row: frozenset((row["from_node"], row["to_node"])), axis=1)
    assert pairs.is_unique, "two links join the same pair of nodes"
    assert (links["from_node"] != links["to_node"]).all()
    assert (links["relation"].str.strip() != "").all()


def test_every_node_has_a_link(nodes, links):
    assert set(nodes["node"]) == set(links["from_node"]) | set(links["to_node"])


def test_seizure_links_follow_the_seizure_report(nodes, links):
    """Who seized servers or evidence follows the same report as the countries table."""
    iso3 = dict(zip(nodes["node"], nodes["iso3"]))
    seized = links[(links["relation"] == "seized") & (links["source"] == "guardian_isis_2018")]
    reports = data.seizure_reports().query("source == 'guardian_isis_2018'")
    from_links = {
        (iso3[row.from_node], {"servers": "servers seized", "evidence": "digital evidence seized"}[row.to_node])
        for row in seized.itertuples()
    }
    assert from_links == set(zip(reports["iso3"], reports["reported"]))


# ---- The graph -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph():
    return network.operation_graph()


def test_graph_has_every_node_and_link(graph, nodes, links):
    assert graph.number_of_nodes() == len(nodes)
    assert graph.number_of_edges() == len(links)
    assert graph.nodes["halumu"]["in_article"] is False or not graph.nodes["halumu"]["in_article"]
    assert graph.edges["nld", "servers"]["relation"] == "seized"


def test_graph_is_connected_through_the_operation(graph):
    assert nx.is_connected(graph)
    assert graph.degree("operation") == graph.number_of_nodes() - 1


def test_degree_table_matches_networkx(graph):
    table = network.degree_table(graph)
    centrality = nx.degree_centrality(graph)
    assert list(table["links"]) == sorted(table["links"], reverse=True)
    for row in table.itertuples():
        assert row.links == graph.degree(row.node)
        assert row.degree_centrality == pytest.approx(centrality[row.node], abs=0.001)


def test_layout_is_fixed(graph):
    """The same positions every time (fixed seed), for every node."""
    first, second = network.layout(graph), network.layout(graph)
    assert first == second and set(first) == set(graph.nodes)


# ---- The charts ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    made = {
        "network_chart": network.network_chart(),
        "degree_chart": network.degree_chart(),
        "interactive_network_chart": network.interactive_network_chart(),
    }
    yield made
    for chart in made.values():
        if isinstance(chart.figure, Figure):
            plt.close(chart.figure)


@pytest.mark.parametrize("name", ["network_chart", "degree_chart", "interactive_network_chart"])
def test_returns_a_chart_with_a_one_sentence_alt_text(built, name):
    chart = built[name]
    assert isinstance(chart, charts.Chart)
    assert isinstance(chart.figure, go.Figure if name.startswith("interactive") else Figure)
    alt = chart.alt_text
    assert alt.strip() == alt and alt.endswith(".") and "\n" not in alt
    assert len(text.sentences(alt)) == 1, text.sentences(alt)


def test_static_network_has_title_and_legend_by_kind(built):
    fig = built["network_chart"].figure
    ax = fig.axes[0]
    assert ax.get_title().strip()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert KINDS <= set(labels)
    assert "no agency named in the sources" in labels and "named by Europol, not in the article" in labels
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


def test_static_network_labels_every_node_and_marks_halumu(built, graph):
    texts = [t.get_text() for t in built["network_chart"].figure.axes[0].texts]
    for node in graph.nodes:
        assert any(graph.nodes[node]["label"] in shown for shown in texts), node
    assert "Halumu\n(not in the article)" in texts


def test_static_network_colours_come_from_the_palette(built):
    fills = set()
    for collection in built["network_chart"].figure.axes[0].collections:
        fills |= {hex_of(tuple(colour)) for colour in collection.get_facecolors()}
        fills |= {hex_of(tuple(colour)) for colour in collection.get_edgecolors()}
    fills.discard(None)
    assert fills <= ALLOWED and fills & PALETTE_HUES
    lines = {hex_of(line.get_color()) for line in built["network_chart"].figure.axes[0].lines}
    assert all(colour in ALLOWED or is_neutral(colour) for colour in lines)


def test_degree_chart_has_title_labels_and_palette(built):
    ax = built["degree_chart"].figure.axes[0]
    assert ax.get_title().strip() and ax.get_xlabel().strip() and ax.get_ylabel().strip()
    bars = {hex_of(patch.get_facecolor()) for patch in ax.patches}
    assert bars <= ALLOWED and bars & PALETTE_HUES
    assert [tick.get_text() for tick in ax.get_yticklabels()] == list(network.degree_table()["label"])


def test_interactive_network_is_plain_scatter_with_legend(built):
    fig = built["interactive_network_chart"].figure
    assert {trace.type for trace in fig.data} == {"scatter"}
    assert not {"geo", "mapbox", "map"} & set(fig.to_plotly_json()["layout"])
    assert (fig.layout.title.text or "").strip() and (fig.layout.legend.title.text or "").strip()
    assert KINDS <= {trace.name for trace in fig.data}
    fills, inks = plotly_colours(fig)
    assert fills <= ALLOWED and fills & PALETTE_HUES
    assert all(colour in ALLOWED or is_neutral(colour) for colour in inks)
    assert len(fig.to_json()) < 100_000


def test_interactive_network_hover_gives_evidence(built, graph):
    fig = built["interactive_network_chart"].figure
    hovers = [hover for trace in fig.data if trace.hovertext for hover in trace.hovertext]
    assert len(hovers) == graph.number_of_nodes()
    assert all("article:" in hover or "source:" in hover for hover in hovers)


def test_alt_text_is_computed_from_the_graph(built, graph):
    alt = built["network_chart"].alt_text
    assert f"{graph.number_of_nodes()} nodes and {graph.number_of_edges()} links" in alt
    assert "Halumu" in alt and "US authorities" in alt
    assert built["interactive_network_chart"].alt_text == alt


def test_alt_text_follows_the_data(monkeypatch):
    """Drop a link from the data: the counts in the text alternative change with it."""
    original = data.network_links
    monkeypatch.setattr(data, "network_links", lambda: original().iloc[:-1])
    alt = network.network_alt_text()
    assert "18 nodes and 25 links" in alt
    assert "Servers with 5 links" in alt


# ---- The exercise's expected answers come from the data ---------------------------------------


def test_pieces_without_a_node_is_computed():
    """Without the operation the network falls apart; without the servers it holds together."""
    assert questions.pieces_without("servers") == 1
    assert questions.pieces_without("operation") > 1


def test_what_the_nodes_left_out_have_in_common_is_what_question_1_says():
    """Q1's right option and its explanations rest on the data: apart from Halumu, the nodes the article leaves out
    are named bodies, named by Europol's statement or AFP; a link count is not a role (the leader has one link)."""
    nodes = data.network_nodes().set_index("node")
    left_out = nodes[~nodes["in_article"]]
    bodies = left_out.drop("halumu")
    assert list(left_out.loc[["halumu"], "kind"]) == ["outlet"] and (bodies["kind"] != "outlet").all()
    assert set(bodies["kind"]) == {"coordinating body", "national authority"}
    assert (bodies.loc[bodies["kind"] == "national authority", "agency_named"] == "yes").all()
    assert set(bodies["source"]) == {"europol_statement_copy", "teiss_europol_2018", "the_news_bulgaria"}
    degree = dict(network.operation_graph().degree())
    national = nodes.index[nodes["kind"] == "national authority"]
    assert degree["bel"] == 1 and max(national, key=degree.get) == "bgr"
    assert all(degree["bgr"] > degree[other] for other in national if other != "bgr")
    assert questions.q1.check("b").correct and questions.q1.check("B").correct
    assert "`kind` column" in questions.q1.check("a").message and "`source` column" in questions.q1.check("c").message
    # d's reply sends the student back to the rows, without Q5's key (what a link stands for)
    assert not questions.q1.check("d").correct and "share of the work" not in questions.q1.check("d").message


def test_centrality_without_the_operation_is_computed_and_its_mistakes_named():
    """Q3's answer is a value no lesson prints; the lesson's own value and a count of links are diagnosed."""
    expected = questions.bulgaria_centrality_without("operation")
    assert round(expected, 3) == 0.125
    assert questions.q3.check(expected).correct and questions.q3.check(0.14).status == "incorrect"
    assert questions.q3.check(round(expected, 2)).correct
    whole = questions.q3.check(0.18)
    assert whole.status == "incorrect" and "with the operation node" in whole.message
    assert "count of links" in questions.q3.check(2).message
    assert questions.q3.check("Bulgaria").status == "wrong kind"


@pytest.mark.parametrize(
    "number, wrong, forbidden",
    [
        (1, "a", [r"(?i)\boption b\b", r"\bb\)", r"(?i)names countries"]),
        (1, "d", [r"(?i)\boption b\b", r"\bb\)", r"(?i)names countries"]),
        (2, 9, [r"\b8\b", r"(?i)\beight\b"]),
        (2, 6, [r"\b8\b", r"(?i)\beight\b"]),
        (2, 7, [r"\b8\b", r"(?i)\beight\b"]),
        (3, 0.5, [r"0\.125", r"0\.12\b", r"0\.13\b"]),
        (3, 0.18, [r"0\.125", r"0\.12\b", r"0\.13\b"]),
        (4, 1, [r"\b8\b", r"(?i)\beight\b"]),
        (4, 12, [r"\b8\b", r"(?i)\beight\b"]),
    ],
)
def test_wrong_answer_message_does_not_reveal_the_answer(number, wrong, forbidden):
    verdict = questions.QUESTIONS[number - 1].check(wrong)
    assert verdict.status == "incorrect"
    for pattern in forbidden:
        assert not re.search(pattern, verdict.message), verdict.message


def test_the_rows_question_1_keeps_are_shown_or_an_empty_table_is_explained():
    """Q1 (walk-through W1): `nodes[nodes["in_article"] == "False"]` keeps no row; the student is told why, not shown
    an empty table, and the rows the key keeps are shown with the columns the question reads."""
    nodes = data.network_nodes()
    empty = questions.show_left_out(nodes[nodes["in_article"] == "False"])
    assert empty.status == "incorrect" and "not text" in empty.message and "quotation marks" in empty.message
    assert questions.show_left_out(...).status == "not attempted"
    assert questions.show_left_out("b").status == "wrong kind"
    shown = questions.show_left_out(nodes[~nodes["in_article"]])
    assert "Halumu" in shown._repr_html_() and "note" in shown._repr_html_()


def test_a_prosecutor_that_is_g_itself_is_named_in_a_notebook(monkeypatch):
    """Q2 (walk-through W1): `prosecutor = G` changes G; in a notebook the check says so, even with the right count."""
    import IPython

    graph = network.operation_graph()

    class Shell:
        kernel = object()
        user_ns = {"G": graph, "prosecutor": graph}

    monkeypatch.setattr(IPython, "get_ipython", lambda: Shell())
    verdict = questions.q2.judge(questions.servers_links_in_prosecutors_account())
    assert verdict.status == "incorrect" and "G.copy()" in verdict.message
    Shell.user_ns = {"G": graph, "prosecutor": graph.copy()}
    assert questions.q2.judge(questions.servers_links_in_prosecutors_account()).correct
