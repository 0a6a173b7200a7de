"""Charts of the timeline of disruption, 2014–2024 (lesson 04).

An event's date is only as exact as its `precision`: "2014" (year) stands for the whole of 2014,
"Aug 2016" (month) for the whole month. The charts show such an event as a bar across its period,
so that a date known to the year does not look as exact as one known to the day.
"""

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import plotly.graph_objects as go
from matplotlib.lines import Line2D

from takedown import data
from takedown.charts.style import LABEL_POINTS, OKABE_ITO, Chart, in_words, matplotlib_chart

CATEGORY_ORDER = ["outlet", "operation", "institution", "policy", "research"]
CATEGORY_COLOURS = dict(zip(CATEGORY_ORDER, [OKABE_ITO[5], OKABE_ITO[4], OKABE_ITO[2], OKABE_ITO[0], OKABE_ITO[6]]))
# Each kind of event also has its own marker shape, so the chart never relies on colour alone.
CATEGORY_MARKERS = {"outlet": "s", "operation": "o", "institution": "D", "policy": "^", "research": "v"}
CATEGORY_SYMBOLS = {
    "outlet": "square",
    "operation": "circle",
    "institution": "diamond",
    "policy": "triangle-up",
    "research": "triangle-down",
}
CATEGORY_NAMES = {
    "outlet": "IS media outlets",
    "operation": "operations against them",
    "institution": "new bodies and forums",
    "policy": "policy",
    "research": "research",
}
PERIOD = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}
PRECISION_WORDS = {"day": "day known", "month": "only the month known", "year": "only the year known"}


def when(date, precision):
    """A date written as precisely as it is known: '25 Apr 2018', 'Aug 2016' or '2014'."""
    if precision == "year":
        return f"{date:%Y}"
    if precision == "month":
        return f"{date:%b %Y}"
    return f"{date.day} {date:%b %Y}"


def with_periods(events=None):
    """The events with `start` and `end` (the period their date stands for) and `when` (the date in words)."""
    events = data.events() if events is None else events.copy()
    events["start"] = events["date"]
    events["end"] = [date + PERIOD[precision] for date, precision in zip(events["date"], events["precision"])]
    events["when"] = [when(date, precision) for date, precision in zip(events["date"], events["precision"])]
    return events


def source_title(source):
    """A source's title, shortened to fit in a hover box."""
    return textwrap.shorten(data.sources().set_index("source").loc[source, "title"], width=70, placeholder="…")


def _lanes(events, close=pd.Timedelta(days=120)):
    """A y position per event: its category's lane, nudged up or down when it is close to the one before."""
    positions = {}
    for lane, category in enumerate(CATEGORY_ORDER):
        previous, nudge = None, 0
        for index, start in events.loc[events["category"] == category, "start"].sort_values().items():
            nudge = (-nudge if nudge else 0.18) if previous is not None and start - previous < close else 0
            positions[index] = lane + nudge
            previous = start
    return pd.Series(positions)


def _alt_text(events, kind):
    counts = events["category"].value_counts()
    parts = [
        f"{counts[category]} about {CATEGORY_NAMES[category]}" for category in CATEGORY_ORDER if category in counts
    ]
    vague = (events["precision"] != "day").sum()
    return (
        f"{kind} of {len(events)} dated events from {events['date'].min():%Y} to {events['date'].max():%Y}: "
        f"{in_words(parts)}; {vague} of them are known only to the month or the year and are drawn "
        f"as a bar across that period."
    )


def interactive_timeline():
    """Interactive timeline (plotly): one lane per category; hover over a marker for the event and its source."""
    events = with_periods()
    y = _lanes(events)
    fig = go.Figure()
    for category in CATEGORY_ORDER:
        rows = events[events["category"] == category]
        spans = rows[rows["precision"] != "day"]
        xs, ys = [], []
        for index, row in spans.iterrows():
            xs += [f"{row['start']:%Y-%m-%d}", f"{row['end']:%Y-%m-%d}", None]
            ys += [y[index], y[index], None]
        if xs:
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    line=dict(color=CATEGORY_COLOURS[category], width=7),
                    opacity=0.45,
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=category,
                )
            )
        # A legend entry with a filled marker, then the events: filled when the day is known, open if not.
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=CATEGORY_NAMES[category],
                legendgroup=category,
                marker=dict(color=CATEGORY_COLOURS[category], size=11, symbol=CATEGORY_SYMBOLS[category]),
            )
        )
        exact = rows["precision"] == "day"
        fig.add_trace(
            go.Scatter(
                x=[f"{start:%Y-%m-%d}" for start in rows["start"]],
                y=[y[index] for index in rows.index],
                mode="markers",
                name=CATEGORY_NAMES[category],
                legendgroup=category,
                showlegend=False,
                marker=dict(
                    color=[CATEGORY_COLOURS[category] if known else "white" for known in exact],
                    size=11,
                    symbol=CATEGORY_SYMBOLS[category],
                    line=dict(color=CATEGORY_COLOURS[category], width=2),
                ),
                hovertext=[
                    f"<b>{row['when']}</b> ({PRECISION_WORDS[row['precision']]})<br>{row['event']}"
                    f"<br>Source ({row['source_kind']}): {source_title(row['source'])}"
                    for _, row in rows.iterrows()
                ],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        title="A timeline of disruption, 2014–2024",
        xaxis=dict(title="Date (open circle and bar: only the month or the year is known)", type="date"),
        yaxis=dict(
            title=dict(text="Kind of event", standoff=12),
            automargin=True,
            tickvals=list(range(len(CATEGORY_ORDER))),
            ticktext=[CATEGORY_NAMES[category] for category in CATEGORY_ORDER],
            range=[len(CATEGORY_ORDER) - 0.5, -0.5],
        ),
        legend=dict(title=dict(text="Kind of event"), orientation="h", x=0, y=-0.25, yanchor="top"),
        height=460,
        margin=dict(l=10, r=10, t=60, b=10),
    )
    return Chart(fig, _alt_text(events, "Interactive timeline"))


def static_timeline():
    """The timeline as a still picture (matplotlib): one row per event, earliest at the top, named on the left."""
    events = with_periods().sort_values("start", kind="stable").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(10, 8.6))
    for row_number, row in events.iterrows():
        colour = CATEGORY_COLOURS[row["category"]]
        if row["precision"] != "day":
            ax.plot(
                [row["start"], row["end"]],
                [row_number, row_number],
                color=colour,
                linewidth=6,
                alpha=0.45,
                solid_capstyle="butt",
            )
        exact = row["precision"] == "day"
        ax.plot(
            [row["start"]],
            [row_number],
            marker=CATEGORY_MARKERS[row["category"]],
            markersize=7,
            linestyle="none",
            color=colour,
            markerfacecolor=colour if exact else "white",
            markeredgecolor="black" if exact else colour,
            markeredgewidth=1 if exact else 2,
        )
    labels = [
        textwrap.shorten(f"{row['when']}: {row['event']}", width=64, placeholder="…") for _, row in events.iterrows()
    ]
    ax.set_yticks(range(len(events)), labels, fontsize=LABEL_POINTS)
    ax.set_ylim(len(events) - 0.5, -0.5)
    ax.set_xlim(pd.Timestamp("2013-10-01"), pd.Timestamp("2025-03-01"))
    ax.grid(axis="x", color="#E5E5E5")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("Date (open circle and bar: only the month or the year is known)")
    ax.set_ylabel("Event, in order of date", labelpad=8)
    ax.set_title("A timeline of disruption, 2014–2024")
    handles = [
        Line2D(
            [],
            [],
            marker=CATEGORY_MARKERS[category],
            linestyle="none",
            markersize=7,
            markeredgecolor="black",
            markerfacecolor=CATEGORY_COLOURS[category],
            label=CATEGORY_NAMES[category],
        )
        for category in CATEGORY_ORDER
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=7,
            markeredgecolor="black",
            markerfacecolor="white",
            label="open: only month or year known",
        )
    ]
    ax.legend(
        handles=handles, title="Kind of event", loc="lower left", fontsize=LABEL_POINTS, title_fontsize=LABEL_POINTS
    )
    fig.tight_layout()
    return matplotlib_chart(fig, _alt_text(events, "Timeline"))
