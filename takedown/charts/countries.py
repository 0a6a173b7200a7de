"""Charts of the eight participating countries: roles, memberships and maps (lesson 02).

The maps are drawn from the shipped Natural Earth boundaries as plain shapes, so they need no
map service: plotly's geo maps would fetch a base map from the internet.
"""

import json
import textwrap

import matplotlib.pyplot as plt
import plotly.graph_objects as go
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch, Polygon
from plotly.subplots import make_subplots

from takedown import data
from takedown.charts.style import GREY, OKABE_ITO, Chart, in_words, matplotlib_chart

ROLE_ORDER = ["led the operation", "seized servers", "seized digital evidence", "referred web domains"]
ROLE_COLOURS = dict(zip(ROLE_ORDER, [OKABE_ITO[4], OKABE_ITO[5], OKABE_ITO[0], OKABE_ITO[2]]))
DISPUTED_HATCH = "//"


# A role is one account of what a country did, never a bare fact: every display below says whose
# account it shows and marks the roles that another account contradicts (data.countries()).


def role_accounts(countries):
    """Whose account the roles follow, in words: "Europol's" (or "A's and B's")."""
    return in_words([f"{account}'s" for account in dict.fromkeys(countries["role_account"])])


def role_label(role, countries):
    """A role as a chart labels it: "(accounts differ)" when another account gives a different role for its countries.

    Not "(disputed)": the accounts differ and may be reconcilable (lesson 02 teaches why the difference matters)."""
    group = countries[countries["role"] == role]
    if len(group) and group["disputed"].all():
        return f"{role} (accounts differ)"
    if group["disputed"].any():
        return f"{role} (accounts differ for {in_words(group.loc[group['disputed'], 'name'])})"
    return role


def account_note(countries):
    """One line saying whose account the roles are and where another account differs."""
    note = f"Roles in {role_accounts(countries)} account"
    disputed = countries[countries["disputed"]]
    for other, group in disputed.groupby("other_account", sort=False):
        note += f"; for {in_words(group['name'])} another account differs: {other}"
    return note


def roles_with_names(countries):
    """[(role, [country names])] in ROLE_ORDER, roles with no country left out."""
    groups = [(role, list(countries.loc[countries["role"] == role, "name"])) for role in ROLE_ORDER]
    return [(role, names) for role, names in groups if names]


def roles_chart():
    """Horizontal bars: how many countries had each role in Europol's account, disputed roles hatched."""
    countries = data.countries()
    groups = roles_with_names(countries)
    fig, ax = plt.subplots(figsize=(9, 4))
    for position, (role, names) in enumerate(groups):
        disputed = countries.loc[countries["role"] == role, "disputed"].any()
        ax.barh(
            position,
            len(names),
            color=ROLE_COLOURS[role],
            edgecolor="black",
            hatch=DISPUTED_HATCH if disputed else None,
        )
        ax.text(len(names) + 0.08, position, ", ".join(names), va="center", fontsize=10)
    ax.set_yticks(range(len(groups)), [role_label(role, countries) for role, _ in groups])
    ax.invert_yaxis()
    ax.set_xlim(0, 6)
    ax.set_xlabel("Number of countries")
    ax.set_ylabel("Role in the operation")
    ax.set_title(f"What each country did, in {role_accounts(countries)} account (April 2018)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.text(
        0.01,
        0.01,
        "\n".join(textwrap.wrap(account_note(countries) + " (hatched bars).", 110)),
        fontsize=8,
        color="#333333",
        va="bottom",
    )
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    alt = (
        f"Bar chart of the countries' roles in {role_accounts(countries)} account: "
        + "; ".join(
            f"{len(names)} {'country' if len(names) == 1 else 'countries'} {role} ({in_words(names)})"
            + _disputed_clause(countries, role)
            for role, names in groups
        )
        + "."
    )
    return matplotlib_chart(fig, alt)


def _disputed_clause(countries, role):
    group = countries[(countries["role"] == role) & countries["disputed"]]
    return "".join(f", another account differs: {other}" for other in dict.fromkeys(group["other_account"]))


def membership_chart():
    """A grid of the eight countries against the EU, NATO and Five Eyes (April 2018)."""
    countries = data.countries()
    columns = {"EU": "eu_member", "NATO": "nato_member", "Five Eyes": "five_eyes"}
    grid = countries[list(columns.values())].astype(int).to_numpy()
    fig, ax = plt.subplots(figsize=(6, 4.4))
    ax.imshow(grid, cmap=ListedColormap(["white", OKABE_ITO[4]]), vmin=0, vmax=1, aspect="auto")
    for row, col in [(r, c) for r in range(grid.shape[0]) for c in range(grid.shape[1])]:
        member = bool(grid[row, col])
        ax.text(
            col,
            row,
            "member" if member else "–",
            ha="center",
            va="center",
            color="white" if member else "#555",
            fontsize=10,
        )
    ax.set_xticks(range(len(columns)), list(columns))
    ax.set_yticks(range(len(countries)), countries["name"])
    ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(countries))], minor=True)
    ax.grid(which="minor", color="#999", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("Organisation")
    ax.set_ylabel("Country")
    ax.set_title(f"Memberships of the {len(countries)} countries, April 2018")
    fig.tight_layout()
    counts = {name: int(countries[column].sum()) for name, column in columns.items()}
    alt = (
        f"Grid of memberships in April 2018: {counts['EU']} of the {len(countries)} countries were in the EU, "
        f"{counts['NATO']} in NATO and {counts['Five Eyes']} in Five Eyes "
        f"({in_words(countries.loc[countries['five_eyes'], 'name'])})."
    )
    return matplotlib_chart(fig, alt)


# ---- Maps: polygons from the shipped Natural Earth file, drawn without any map service ------


def world_shapes():
    """{ISO alpha-3 code or name: list of polygon outer rings [(lon, lat), ...]} from Natural Earth 1:110m."""
    features = json.loads(data.WORLD_MAP.read_text(encoding="utf-8"))["features"]
    return {
        feature["id"] or feature["properties"]["name"]: [
            _unwrapped(polygon[0]) for polygon in feature["geometry"]["coordinates"]
        ]
        for feature in features
    }


def _unwrapped(ring):
    """A ring that crosses the 180° meridian (eastern Russia) is moved east so it is not drawn across the map."""
    lons = [lon for lon, _ in ring]
    if max(lons) - min(lons) <= 180:
        return ring
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]


# Two panels, so that the European countries are not dwarfed by Canada and the United States.
PANELS = {"North America": ((-170, -50), (15, 75)), "Europe": ((-12, 32), (35, 61))}
NORTH_AMERICA = {"CAN", "USA", "MEX"}


def _in_view(ring, view):
    (west, east), (south, north) = view
    return any(west <= lon <= east and south <= lat <= north for lon, lat in ring)


def _outline(rings):
    """Rings joined into one line for plotly, with None between rings so they are not connected."""
    lons, lats = [], []
    for ring in rings:
        lons += [lon for lon, _ in ring] + [None]
        lats += [lat for _, lat in ring] + [None]
    return lons, lats


def _label_point(rings, view):
    """Where to write a country's name: the middle of its largest shape in view."""
    ring = max((r for r in rings if _in_view(r, view)), key=len)
    return sum(lon for lon, _ in ring) / len(ring), sum(lat for _, lat in ring) / len(ring)


def _countries_by_panel(countries):
    in_america = countries["iso3"].isin(NORTH_AMERICA)
    return {"North America": countries[in_america], "Europe": countries[~in_america]}


def country_map():
    """Interactive map (plotly): the eight countries coloured by role and named; hover for details."""
    shapes, countries = world_shapes(), data.countries()
    taking_part = set(countries["iso3"])
    fig = make_subplots(
        rows=1, cols=2, column_widths=[0.45, 0.55], subplot_titles=list(PANELS), horizontal_spacing=0.03
    )
    shown_in_legend = set()
    for col, (panel, view) in enumerate(PANELS.items(), start=1):
        background = [
            ring for code, rings in shapes.items() if code not in taking_part for ring in rings if _in_view(ring, view)
        ]
        lons, lats = _outline(background)
        fig.add_trace(
            go.Scatter(
                x=lons,
                y=lats,
                fill="toself",
                fillcolor=GREY,
                mode="lines",
                line=dict(color="white", width=0.5),
                hoverinfo="skip",
                name="did not take part",
                legendgroup="none",
                showlegend=col == 1,
            ),
            row=1,
            col=col,
        )
        for _, country in _countries_by_panel(countries)[panel].iterrows():
            role = country["role"]
            lons, lats = _outline(ring for ring in shapes[country["iso3"]] if _in_view(ring, view))
            fig.add_trace(
                go.Scatter(
                    x=lons,
                    y=lats,
                    fill="toself",
                    fillcolor=ROLE_COLOURS[role],
                    mode="lines",
                    line=dict(color="black", width=0.6),
                    name=role_label(role, countries),
                    legendgroup=role,
                    showlegend=role not in shown_in_legend,
                    legendrank=ROLE_ORDER.index(role),
                    hoveron="fills",
                    text=_hover_text(country),
                    hoverinfo="text",
                ),
                row=1,
                col=col,
            )
            shown_in_legend.add(role)
        names = _countries_by_panel(countries)[panel]
        points = [_label_point(shapes[code], view) for code in names["iso3"]]
        fig.add_trace(
            go.Scatter(
                x=[round(x, 2) for x, _ in points],
                y=[round(y, 2) for _, y in points],
                mode="text",
                text=list(names["iso2"]),
                textfont=dict(size=11, color="black"),
                hoverinfo="skip",
                showlegend=False,
            ),
            row=1,
            col=col,
        )
        (west, east), (south, north) = view
        fig.update_xaxes(range=[west, east], visible=False, row=1, col=col)
        fig.update_yaxes(
            range=[south, north],
            visible=False,
            scaleanchor=f"x{col if col > 1 else ''}",
            scaleratio=1.5,
            row=1,
            col=col,
        )
    fig.update_layout(
        title=f"The eight countries that took part, by role in {role_accounts(countries)} account "
        f"(April 2018)<br><sup>{account_note(countries)}</sup>",
        legend=dict(
            orientation="h",
            x=0.5,
            xanchor="center",
            y=0,
            yanchor="top",
            title=dict(text=f"Role in the operation ({role_accounts(countries)} account)", side="top center"),
        ),
        height=470,
        margin=dict(l=10, r=10, t=100, b=10),
    )
    return Chart(fig, _map_alt_text(countries))


def _hover_text(country):
    text = f"{country['name']}: {country['role']} ({country['role_account']}'s account)"
    return text + (f"<br>another account differs: {country['other_account']}" if country["disputed"] else "")


def static_country_map():
    """The same map drawn with matplotlib, for print and for readers without JavaScript."""
    shapes, countries = world_shapes(), data.countries()
    colour_of = dict(zip(countries["iso3"], countries["role"].map(ROLE_COLOURS)))
    disputed = set(countries.loc[countries["disputed"], "iso3"])
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.6), width_ratios=[0.45, 0.55])
    for ax, (panel, view) in zip(axes, PANELS.items()):
        for code, rings in shapes.items():
            for ring in rings:
                if _in_view(ring, view):
                    ax.add_patch(
                        Polygon(
                            ring,
                            closed=True,
                            facecolor=colour_of.get(code, GREY),
                            edgecolor="black" if code in colour_of else "white",
                            linewidth=0.5,
                            hatch=DISPUTED_HATCH if code in disputed else None,
                        )
                    )
        for _, country in _countries_by_panel(countries)[panel].iterrows():
            x, y = _label_point(shapes[country["iso3"]], view)
            ax.text(x, y, country["iso2"], ha="center", va="center", fontsize=9, fontweight="bold")
        (west, east), (south, north) = view
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect(1.5)
        ax.set_title(panel)
        ax.set_xlabel("Longitude (degrees)")
        ax.set_ylabel("Latitude (degrees)")
    fig.suptitle(
        f"The eight countries that took part, by role in {role_accounts(countries)} account (April 2018)\n"
        + "\n".join(textwrap.wrap(account_note(countries) + " (hatched).", 130)),
        fontsize=10,
    )
    fig.legend(
        handles=[
            Patch(
                facecolor=ROLE_COLOURS[role],
                edgecolor="black",
                label=role_label(role, countries),
                hatch=DISPUTED_HATCH if countries.loc[countries["role"] == role, "disputed"].any() else None,
            )
            for role in ROLE_ORDER
        ]
        + [Patch(facecolor=GREY, label="did not take part")],
        title=f"Role in the operation ({role_accounts(countries)} account)",
        loc="lower center",
        ncols=3,
        fontsize=9,
    )
    fig.tight_layout(rect=(0, 0.14, 1, 1))
    return matplotlib_chart(fig, _map_alt_text(countries))


def _map_alt_text(countries):
    in_america = countries["iso3"].isin(NORTH_AMERICA)
    led = countries.loc[countries["role"] == ROLE_ORDER[0], "name"]
    disputed = countries.loc[countries["disputed"], "name"]
    return (
        f"Map in two panels, North America and Europe, with each country's two-letter code: {in_america.sum()} of the {len(countries)} countries are in "
        f"North America ({in_words(countries.loc[in_america, 'name'])}) and {(~in_america).sum()} in Europe "
        f"({in_words(countries.loc[~in_america, 'name'])}); {in_words(led)}, which {ROLE_ORDER[0]}, "
        f"has a colour of its own, and the roles follow {role_accounts(countries)} account"
        + (f"; for {in_words(disputed)} another account differs" if len(disputed) else "")
        + "."
    )
