"""Ready-made panels for a one-page briefing (lesson 08), built from the data of lessons 02 and 05.

Each panel is one plotly trace, with a suggested title, axis titles and the sources it rests on, so
that a student can place it in a grid made with `plotly.subplots.make_subplots`:

    from takedown.charts import briefing
    fig.add_trace(briefing.panel_trace("suspensions"), row=1, col=2)

A hollow bar is a bound ("more than", "less than"), never an exact figure; its label says which.
No panel is a map trace: plotly's geo maps fetch their base map from the internet.
"""

from dataclasses import dataclass

import plotly.graph_objects as go

from takedown import data
from takedown.charts.countries import ROLE_COLOURS, ROLE_ORDER, role_accounts, role_label
from takedown.charts.measures import ACTION_DAY_COLOURS, KIND_COLOURS, PRIMARY
from takedown.charts.style import OKABE_ITO, Chart, in_words
from takedown.measures import conway_shares, number, qualified

# Readable at 100% zoom: labels on and beside bars, and source notes under a figure (pixels).
LABEL_SIZE = 13
NOTE_SIZE = 12
# A label above a narrow bar keeps its size (plotly would shrink it to the bar's width).
OUTSIDE_LABELS = dict(textfont=dict(size=LABEL_SIZE), constraintext="none", cliponaxis=False)

# A short name for each source a panel can rest on, as a source note would print it.
SHORT_NAMES = {
    "article": "the course's article",
    "europol_statement_copy": "Europol's statement, re-published copy",
    "guardian_isis_2018": "The Guardian, reporting Europol's account",
    "teiss_europol_2018": "teiss, quoting Europol's statement",
    "twitter_blog_2019": "Twitter's blog",
    "reuters_twitter_2016h2": "Reuters",
    "securityweek_twitter_2017h1": "SecurityWeek",
    "masslive_twitter_2017h2": "MassLive",
    "twitter_policy_2018": "Twitter's @Policy tweet",
    "shortpedia_twitter_2018": "Shortpedia",
    "europol_iru_one_year": "Europol",
    "uk_pq_2017_eu_iru": "UK Home Office answer in Parliament",
    "europarl_2018_iru": "European Commission answer to the European Parliament",
    "europol_telegram_nov2019": "Europol",
    "europol_is_referral_nov2019": "Europol's release (re-published copy)",
    "conway_2019_paper": "Conway et al. 2019",
    "conway_2017_summary": "Conway et al. (authors' summary)",
    "crest_telegram_2021": "CREST 2021",
}


@dataclass(frozen=True)
class Panel:
    """One ready-made panel: its trace, titles, sources and text alternative."""

    name: str
    title: str
    x_title: str
    y_title: str
    build: object  # function: () -> (trace, source ids, alt sentence)

    def trace(self):
        return self.build()[0]

    def sources(self):
        return self.build()[1]

    def alt_text(self):
        return self.build()[2]


def _wrapped(names, width=20):
    """Names joined with commas, on lines of about `width` characters (<br> between lines)."""
    lines = [""]
    for position, name in enumerate(names):
        piece = name + ("," if position < len(names) - 1 else "")
        if lines[-1] and len(lines[-1]) + 1 + len(piece) > width:
            lines.append(piece)
        else:
            lines[-1] = f"{lines[-1]} {piece}".strip()
    return "<br>".join(lines)


def _countries():
    countries = data.countries()
    counts = [(role, list(countries.loc[countries["role"] == role, "name"])) for role in ROLE_ORDER]
    counts = [(role, names) for role, names in counts if names]
    trace = go.Bar(
        y=[role_label(role, countries) for role, _ in counts],
        x=[len(names) for _, names in counts],
        orientation="h",
        marker=dict(color=[ROLE_COLOURS[role] for role, _ in counts], line=dict(color="black", width=1)),
        text=[_wrapped(names) for _, names in counts],
        textposition="auto",
        insidetextanchor="middle",
        textfont=dict(size=LABEL_SIZE),
        hovertemplate="%{y}: %{text}<extra></extra>",
        name="countries by role",
    )
    sources = ["article"] + sorted(set(countries["role_source"]))
    alt = (
        f"Bars of the {len(countries)} countries by role in {role_accounts(countries)} account: "
        + "; ".join(f"{len(names)} {role_label(role, countries)} ({in_words(names)})" for role, names in counts)
        + "."
    )
    return trace, sources, alt


def _suspensions():
    table = data.suspensions()
    halves = table[table["type"] == "half-year"].sort_values("period_start")
    trace = go.Bar(
        x=list(halves["period"]),
        y=list(halves["accounts"]),
        marker=dict(color=list(halves["source_kind"].map(KIND_COLOURS)), line=dict(color="black", width=1)),
        text=[f"{value:,}" for value in halves["accounts"]],
        textposition="outside",
        **OUTSIDE_LABELS,
        customdata=list(halves["source_kind"]),
        hovertemplate="%{x}: %{y:,} accounts (%{customdata} source)<extra></extra>",
        name="accounts per half-year",
    )
    secondary = int((halves["source_kind"] == "secondary").sum())
    alt = (
        f"Bars of Twitter accounts suspended for promoting terrorism per half-year, from "
        f"{halves.iloc[0]['accounts']:,} in {halves.iloc[0]['period']} to {halves.iloc[-1]['accounts']:,} in "
        f"{halves.iloc[-1]['period']}; {secondary} of the {len(halves)} figures come from secondary sources."
    )
    return trace, list(dict.fromkeys(halves["source"])), alt


def _referrals():
    table = data.referrals()
    shares = table[table["type"] == "share"].sort_values("as_of")
    bounds = [qualifier == ">" for qualifier in shares["qualifier"]]
    trace = go.Bar(
        x=[f"{date:%b %Y}" for date in shares["as_of"]],
        y=list(shares["value"]),
        marker=dict(color=["white" if bound else PRIMARY for bound in bounds], line=dict(color=PRIMARY, width=2.5)),
        # "more than" on a line of its own: the label stays above its bar in a narrow panel
        text=[
            qualified(v, q, "percent").replace(" than ", " than<br>")
            for v, q in zip(shares["value"], shares["qualifier"])
        ],
        textposition="outside",
        **OUTSIDE_LABELS,
        hovertemplate="%{x}: %{text}<extra></extra>",
        name="share removed",
    )
    alt = (
        "Bars of the share of content referred by Europol's EU Internet Referral Unit that platforms removed: "
        + ", ".join(
            f"{qualified(v, q, 'percent')} ({d:%B %Y})"
            for v, q, d in zip(shares["value"], shares["qualifier"], shares["as_of"])
        )
        + "."
    )
    return trace, list(dict.fromkeys(shares["source"])), alt


def _differential():
    shares = conway_shares()
    groups = list(shares)
    measure = "within two days of creation"
    values = [shares[group][measure] for group in groups]
    bounds = [qualifier in (">", "<") for _, qualifier, _ in values]
    colours = [OKABE_ITO[5], OKABE_ITO[1]]
    trace = go.Bar(
        x=groups,
        y=[value for value, _, _ in values],
        marker=dict(
            color=["white" if bound else colour for bound, colour in zip(bounds, colours)],
            line=dict(color=colours, width=2.5),
        ),
        text=[qualified(value, qualifier, "percent") for value, qualifier, _ in values],
        textposition="outside",
        **OUTSIDE_LABELS,
        hovertemplate="%{x}: %{text}<extra></extra>",
        name="suspended within two days",
    )
    findings = data.research_findings().query("study == 'Conway et al. 2019'")
    sources = list(dict.fromkeys(list(findings["study_source"]) + list(findings["source"])))
    alt = (
        f"Bars of the share of Twitter accounts suspended {measure} in February to April 2017 (Conway et al.): "
        + " against ".join(
            f"{qualified(value, qualifier, 'percent')} of {group}"
            for group, (value, qualifier, _) in zip(groups, values)
        )
        + "."
    )
    return trace, sources, alt


def _telegram():
    table = data.research_findings().query("measure == 'average lifespan of new channels'")
    labels = [group.replace("after the ", "after ").replace(" action day", "") for group in table["group"]]
    trace = go.Bar(
        x=labels,
        y=list(table["value"]),
        marker=dict(color=[ACTION_DAY_COLOURS[group] for group in table["group"]], line=dict(color="black", width=1)),
        text=[f"{number(value)} days" for value in table["value"]],
        textposition="outside",
        **OUTSIDE_LABELS,
        hovertemplate="%{x}: %{text}<extra></extra>",
        name="average lifespan",
    )
    alt = (
        "Bars of the average lifespan of new jihadist Telegram channels (CREST 2021): "
        + " against ".join(f"{number(v)} days for channels created {g}" for v, g in zip(table["value"], table["group"]))
        + "."
    )
    return trace, list(dict.fromkeys(table["source"])), alt


PANELS = {
    "countries": Panel(
        "countries",
        "Who acted, in Europol's account: the eight countries, April 2018",
        "Number of countries",
        "Role in the operation",
        _countries,
    ),
    "suspensions": Panel(
        "suspensions",
        "Twitter: accounts suspended per half-year",
        "Half-year",
        "Accounts suspended per half-year",
        _suspensions,
    ),
    "referrals": Panel(
        "referrals",
        "EU Internet Referral Unit: share of referred content removed",
        "Date of the report",
        "Share removed (%)",
        _referrals,
    ),
    "differential": Panel(
        "differential",
        "Twitter, Feb–Apr 2017: accounts suspended within two days",
        "Accounts in the study",
        "Suspended within 2 days (%)",
        _differential,
    ),
    "telegram": Panel(
        "telegram",
        "Telegram: how long new channels lasted after two action days",
        "Channels created",
        "Average lifespan (days)",
        _telegram,
    ),
}


def panel(name):
    """The ready-made panel called `name`; a name that is not one says which names there are."""
    if name not in PANELS:
        names = ", ".join(f'"{known}"' for known in PANELS)
        raise KeyError(
            f"There is no panel called {name!r}. The panels are {names} (written in lower case, in quotation marks)."
        )
    return PANELS[name]


def panel_trace(name):
    """The plotly trace of a ready-made panel, e.g. panel_trace("suspensions")."""
    return panel(name).trace()


def panel_title(name):
    """A suggested title for the panel (write your own if it makes your point better)."""
    return panel(name).title


def axis_titles(name):
    """(x-axis title, y-axis title) for the panel, with units."""
    return panel(name).x_title, panel(name).y_title


def panel_sources(name):
    """The short names of the sources the panel rests on, with (secondary) after secondary ones."""
    kinds = dict(zip(data.sources()["source"], data.sources()["kind"]))
    names = []
    for source in panel(name).sources():
        label = SHORT_NAMES.get(source, source) + (" (secondary)" if kinds.get(source) == "secondary" else "")
        if label not in names:
            names.append(label)
    return names


NOTE_LINE = 90  # characters: a line of a source note fits under a two-panel grid on a 1280 px screen


def source_note(names):
    """A source note for a briefing made of these panels: one line per panel (wrapped between sources)."""
    lines = []
    for name in names:
        line = f"{name.capitalize()} panel:"
        for source in panel_sources(name):
            if len(line) + len(source) + 2 > NOTE_LINE:
                lines.append(line + ";")
                line = source  # a source is never split across lines
            else:
                line += (" " if line.endswith(":") else "; ") + source
        lines.append(line)
    return "<br>".join(lines)


def fit_panel(fig, trace, row=None, col=None):
    """Make room for a panel's value labels, count whole countries, and list roles top-down."""
    where = dict(row=row, col=col) if row else {}
    fig.update_xaxes(automargin=True, title_standoff=8, **where)
    fig.update_yaxes(automargin=True, title_standoff=8, **where)
    if trace.orientation == "h":
        fig.update_xaxes(dtick=1, range=[0, max(trace.x) * 1.1], **where)
        fig.update_yaxes(autorange="reversed", **where)
    else:
        fig.update_yaxes(range=[0, max(trace.y) * 1.2], **where)
    return fig


def alt_text(names):
    """One sentence describing a figure made of these panels, in order."""
    parts = [f"({number}) {panel(name).alt_text().rstrip('.')}" for number, name in enumerate(names, start=1)]
    return f"Figure of {len(names)} panels: " + "; ".join(parts) + "."


def preview(name):
    """One panel on its own, with its titles, a source note and its text alternative."""
    chosen = panel(name)
    fig = go.Figure(chosen.trace())
    fig.update_layout(
        title=chosen.title,
        xaxis_title=chosen.x_title,
        yaxis_title=chosen.y_title,
        height=380,
        showlegend=False,
        margin=dict(t=60, b=95, r=20),
    )
    fit_panel(fig, fig.data[0])
    fig.add_annotation(
        text="Sources: " + "; ".join(panel_sources(name)),
        xref="paper",
        yref="paper",
        x=0,
        y=-0.32,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font=dict(size=NOTE_SIZE),
    )
    return Chart(fig, chosen.alt_text())
