"""The course's charts: titles, axis labels, text alternatives, colours and the offline map."""

import io

import matplotlib

matplotlib.use("Agg")  # no windows, no display needed

import matplotlib.pyplot as plt  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex, to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from takedown import charts, data, text  # noqa: E402
from takedown.charts import style  # noqa: E402

MATPLOTLIB_CHARTS = ["roles_chart", "membership_chart", "static_country_map", "outlet_action_matrix"]
PLOTLY_CHARTS = ["country_map"]
ALL_CHARTS = MATPLOTLIB_CHARTS + PLOTLY_CHARTS

ALLOWED = {c.lower() for c in charts.OKABE_ITO} | {charts.GREY.lower(), "#ffffff", "#000000"}
PALETTE_HUES = {c.lower() for c in charts.OKABE_ITO} - {"#000000"}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def built():
    """Each chart built once: {name: Chart}."""
    made = {name: getattr(charts, name)() for name in ALL_CHARTS}
    yield made
    for chart in made.values():
        if isinstance(chart.figure, Figure):
            plt.close(chart.figure)


def hex_of(colour):
    """A colour as lower-case #rrggbb, or None if it is fully transparent."""
    rgba = to_rgba(colour)
    return None if rgba[3] == 0 else to_hex(rgba)


def is_neutral(hex_colour):
    """White, black or a grey: no hue, so it cannot clash with the palette."""
    return hex_colour[1:3] == hex_colour[3:5] == hex_colour[5:7]


def matplotlib_colours(fig):
    """(fills, inks): colours that fill shapes (bars, polygons, grid cells, legend keys) and
    colours of text, lines and edges."""
    fills, inks = set(), set()

    def add(target, colour):
        found = hex_of(colour)
        if found:
            target.add(found)

    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    for ax in fig.axes:
        for patch in ax.patches:
            add(fills, patch.get_facecolor())
            add(inks, patch.get_edgecolor())
        for image in ax.images:
            for rgba in image.cmap(image.norm(image.get_array())).reshape(-1, 4):
                add(fills, tuple(rgba))
        for item in list(ax.texts) + [ax.title, ax.xaxis.label, ax.yaxis.label]:
            add(inks, item.get_color())
        for line in ax.lines:
            add(inks, line.get_color())
        for tick in (
            ax.xaxis.get_major_ticks()
            + ax.xaxis.get_minor_ticks()
            + ax.yaxis.get_major_ticks()
            + ax.yaxis.get_minor_ticks()
        ):
            if tick.gridline.get_visible():
                add(inks, tick.gridline.get_color())
    for legend in legends:
        for patch in legend.get_patches():
            add(fills, patch.get_facecolor())
            add(inks, patch.get_edgecolor())
        for item in legend.get_texts():
            add(inks, item.get_color())
    return fills, inks


def plotly_colours(fig):
    """(fills, inks) of a plotly figure's traces."""
    fills, inks = set(), set()
    for trace in fig.data:
        if getattr(trace, "fillcolor", None):
            fills.add(hex_of(trace.fillcolor))
        if getattr(trace, "marker", None) is not None and isinstance(trace.marker.color, str):
            fills.add(hex_of(trace.marker.color))
        if getattr(trace, "line", None) is not None and trace.line.color:
            inks.add(hex_of(trace.line.color))
        if getattr(trace, "textfont", None) is not None and trace.textfont.color:
            inks.add(hex_of(trace.textfont.color))
    return fills - {None}, inks - {None}


def main_title(fig):
    """A matplotlib figure's title: its suptitle, or the title of its only axes."""
    suptitle = fig.get_suptitle()
    if suptitle:
        return suptitle
    return fig.axes[0].get_title() if len(fig.axes) == 1 else ""


# ---- Every chart -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_CHARTS)
def test_returns_a_chart(built, name):
    """Each chart function returns a Chart holding a matplotlib or plotly figure."""
    chart = built[name]
    assert isinstance(chart, charts.Chart)
    expected = go.Figure if name in PLOTLY_CHARTS else Figure
    assert isinstance(chart.figure, expected)


@pytest.mark.parametrize("name", MATPLOTLIB_CHARTS)
def test_matplotlib_chart_has_title_and_labelled_axes(built, name):
    """A title, and on every panel a label on both axes."""
    fig = built[name].figure
    assert main_title(fig).strip()
    assert fig.axes
    for ax in fig.axes:
        assert ax.get_xlabel().strip(), f"{name}: an axes has no x label"
        assert ax.get_ylabel().strip(), f"{name}: an axes has no y label"


def test_plotly_map_has_title_and_legend_title(built):
    """The interactive map has a title and says what its colours mean."""
    layout = built["country_map"].figure.layout
    assert (layout.title.text or "").strip()
    assert (layout.legend.title.text or "").strip()


@pytest.mark.parametrize("name", MATPLOTLIB_CHARTS)
def test_matplotlib_chart_draws(built, name):
    """The figure renders to PNG without error."""
    buffer = io.BytesIO()
    built[name].figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


@pytest.mark.parametrize("name", MATPLOTLIB_CHARTS)
def test_matplotlib_chart_is_closed(name):
    """Building a chart leaves no open pyplot figure, so notebooks do not show it twice."""
    before = set(plt.get_fignums())
    getattr(charts, name)()
    assert set(plt.get_fignums()) == before


@pytest.mark.parametrize("name", ALL_CHARTS)
def test_alt_text_is_one_sentence(built, name):
    """The text alternative is a single sentence ending with a full stop."""
    alt = built[name].alt_text
    assert alt.strip() == alt and alt.endswith(".")
    assert "\n" not in alt
    assert len(text.sentences(alt)) == 1, text.sentences(alt)


def test_chart_displays_its_alt_text(built, monkeypatch):
    """Showing a Chart in a notebook shows the figure and then its text alternative."""
    shown = []
    monkeypatch.setattr(style, "display", shown.append)
    chart = built["roles_chart"]
    chart._ipython_display_()
    assert shown[0] is chart.figure
    assert chart.alt_text in shown[1].data


# ---- Alt text says what the data say ---------------------------------------------------------


def test_roles_alt_text_counts_and_names_countries(built):
    """Roles chart: each role with its number of countries, and all eight countries named."""
    alt = built["roles_chart"].alt_text
    countries = data.countries()
    for role, group in countries.groupby("role"):
        noun = "country" if len(group) == 1 else "countries"
        assert f"{len(group)} {noun} {role}" in alt
    for name in countries["name"]:
        assert name in alt


def test_membership_alt_text_gives_the_counts(built):
    """Membership chart: 6 of 8 in the EU, 8 in NATO, 3 in Five Eyes, naming the Five Eyes."""
    alt = built["membership_chart"].alt_text
    assert "6 of the 8 countries were in the EU" in alt
    assert "8 in NATO" in alt
    assert "3 in Five Eyes" in alt
    for name in ("Canada", "United Kingdom", "United States"):
        assert name in alt


@pytest.mark.parametrize("name", ["country_map", "static_country_map"])
def test_map_alt_text_names_every_country(built, name):
    """Maps: how many countries in each panel, every country named, and who led."""
    alt = built[name].alt_text
    assert "2 of the 8 countries are in North America" in alt
    assert "6 in Europe" in alt
    for country in data.countries()["name"]:
        assert country in alt
    assert "Belgium, which led the operation" in alt
    assert "follow Europol's account; for Bulgaria, France and Romania another account differs" in alt


def test_outlet_alt_text_names_the_direct_link_and_the_absent_outlet(built):
    """Outlet grid: its size, the one action tied to Amaq, and Halumu's absence."""
    alt = built["outlet_action_matrix"].alt_text
    assert "4 outlets by 4 actions" in alt
    assert "dismantling of web infrastructure of Amaq News Agency" in alt
    assert "Halumu does not appear in the article" in alt


@pytest.fixture
def seven_countries(monkeypatch):
    """data.countries() without the United States, to see that charts follow the data."""
    original = data.countries
    monkeypatch.setattr(data, "countries", lambda: original().query("iso3 != 'USA'").reset_index(drop=True))


@pytest.mark.parametrize(
    "name, expected",
    [
        ("roles_chart", "2 countries seized servers (Canada and Netherlands)"),
        ("membership_chart", "6 of the 7 countries were in the EU, 7 in NATO and 2 in Five Eyes"),
        ("country_map", "1 of the 7 countries are in North America (Canada)"),
        ("static_country_map", "1 of the 7 countries are in North America (Canada)"),
    ],
)
def test_alt_text_is_derived_from_the_data(seven_countries, name, expected):
    """Change the data and the text alternative changes with it (it is not hand-written)."""
    alt = getattr(charts, name)().alt_text
    assert expected in alt
    assert "United States" not in alt


def test_outlet_alt_text_is_derived_from_the_data(monkeypatch):
    """Rename the absent outlet in the data and the text alternative follows."""
    original = data.outlets
    monkeypatch.setattr(data, "outlets", lambda: original().replace({"outlet": {"Halumu": "Example Outlet"}}))
    alt = charts.outlet_action_matrix().alt_text
    assert "Example Outlet does not appear in the article" in alt
    assert "Halumu" not in alt


# ---- Colours ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_CHARTS)
def test_fill_colours_come_from_the_palette(built, name):
    """Shapes are filled only with Okabe–Ito colours, the course grey, white or black."""
    fig = built[name].figure
    fills, _ = plotly_colours(fig) if name in PLOTLY_CHARTS else matplotlib_colours(fig)
    assert fills, f"{name}: no filled shapes found"
    assert fills <= ALLOWED, f"{name}: colours outside the palette: {fills - ALLOWED}"
    assert fills & PALETTE_HUES, f"{name}: uses no colour of the palette"


@pytest.mark.parametrize("name", ALL_CHARTS)
def test_text_and_line_colours_are_palette_or_neutral(built, name):
    """Text, edges and grid lines use the palette or a neutral grey: no other hue."""
    fig = built[name].figure
    _, inks = plotly_colours(fig) if name in PLOTLY_CHARTS else matplotlib_colours(fig)
    odd = {colour for colour in inks if colour not in ALLOWED and not is_neutral(colour)}
    assert not odd, f"{name}: text or line colours outside the palette: {odd}"


def test_roles_use_distinct_palette_colours():
    """Each of the four roles has its own Okabe–Ito colour."""
    colours = [charts.ROLE_COLOURS[role] for role in charts.ROLE_ORDER]
    assert len(set(colours)) == 4
    assert set(colours) <= set(charts.OKABE_ITO)
    assert set(data.countries()["role"]) <= set(charts.ROLE_ORDER)


# ---- The interactive map works offline -------------------------------------------------------


def test_map_uses_no_map_service(built):
    """No geo, choropleth or tile-map traces (they need the internet): only scatter shapes."""
    fig = built["country_map"].figure
    assert {trace.type for trace in fig.data} == {"scatter"}
    layout = fig.to_plotly_json()["layout"]
    assert not {"geo", "mapbox", "map"} & set(layout)


def test_map_hover_names_every_country(built):
    """Hovering shows each participating country (and its role) somewhere on the map."""
    fig = built["country_map"].figure
    hover_texts = [trace.text for trace in fig.data if trace.hoverinfo != "skip" and isinstance(trace.text, str)]
    for _, country in data.countries().iterrows():
        assert any(country["name"] in hover and country["role"] in hover for hover in hover_texts), country["name"]


def test_map_json_is_small(built):
    """The stored figure stays under 150 KB so notebooks stay small."""
    assert len(built["country_map"].figure.to_json()) < 150_000


def test_map_uses_the_lean_course_template(built):
    """The course template is smaller than plotly's default theme and carries the palette."""
    fig = built["country_map"].figure
    assert tuple(fig.layout.template.layout.colorway) == tuple(charts.OKABE_ITO)
    with_default_theme = go.Figure(fig)
    with_default_theme.update_layout(template="plotly")
    assert len(fig.to_json()) < len(with_default_theme.to_json())


# ---- Outlets and actions ---------------------------------------------------------------------


def test_outlet_action_table_shape_and_levels():
    """One row per outlet, one column per action, every cell one of the LEVELS."""
    table = charts.outlet_action_table()
    assert list(table.index) == list(data.outlets()["outlet"])
    assert list(table.columns) == list(data.actions()["action"])
    assert set(table.to_numpy().ravel()) <= set(charts.LEVELS)


def test_halumu_is_not_in_the_article_for_any_action():
    """Halumu, absent from the article, is linked to no action."""
    table = charts.outlet_action_table()
    assert (table.loc["Halumu"] == "not in the article").all()


def test_only_amaq_infrastructure_is_said_of_one_outlet():
    """The only action the article ties to a single outlet is dismantling Amaq's web infrastructure."""
    table = charts.outlet_action_table()
    direct = [
        (outlet, action)
        for outlet in table.index
        for action in table.columns
        if table.loc[outlet, action] == "said of this outlet"
    ]
    assert direct == [("Amaq News Agency", "dismantling of web infrastructure")]


def test_whole_operation_actions_apply_to_outlets_in_the_article():
    """Seizures and referrals were said of the whole operation, so of each outlet the article names."""
    table = charts.outlet_action_table()
    general = ["seizure of servers", "seizure of digital evidence", "referral of domain registrars"]
    for outlet in ("Amaq News Agency", "Al-Bayan", "Nashir"):
        assert (table.loc[outlet, general] == "said of the whole operation").all()


@pytest.mark.slow  # a fresh Python imports plotly and nbformat
def test_showing_a_plotly_figure_does_not_load_the_slow_iri_parser():
    """plotly shows a figure through nbformat, which imports jsonschema's format checkers; with
    rfc3987-syntax installed (jsonschema 4.25+ pulls it in) that import costs 1.4-3 s in every
    kernel, which students feel in each lesson. requirements.txt pins jsonschema to avoid it."""
    import subprocess
    import sys

    script = (
        "import sys, plotly.io._renderers, nbformat\n"
        "print(sorted(name for name in sys.modules if name.startswith(('rfc3987_syntax', 'lark'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
