"""Charts of what was measured about disruption: suspensions, referrals and research (lesson 05).

Every chart says its unit and its period. Figures that are running totals are never drawn on the
same axis as figures for one period, lower bounds ("more than") are drawn hollow and labelled as
such, and figures read only in secondary sources are coloured apart from primary ones.

    from takedown.charts import measures
    measures.suspensions_chart()
"""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from takedown import data
from takedown.charts.style import LABEL_POINTS, OKABE_ITO, matplotlib_chart

# Lesson 05's figures in words and Conway et al.'s shares are domain logic, in takedown/measures.py.
from takedown.measures import BOUND_WORDS, conway_shares, number, qualified  # noqa: F401

PRIMARY, SECONDARY = OKABE_ITO[4], OKABE_ITO[1]  # dark blue, sky blue
KIND_COLOURS = {"primary": PRIMARY, "secondary": SECONDARY}
# Colour is never the only cue: secondary figures are also hatched (bars) and square (points).
KIND_HATCHES = {"primary": None, "secondary": "//"}
KIND_MARKERS = {"primary": "o", "secondary": "s"}
KIND_LABELS = {
    "primary": "figure seen in the platform's or agency's own publication (primary)",
    "secondary": "figure seen only in a news report or copy (secondary)",
}
MEASURE_COLOURS = {
    "items assessed for referral": OKABE_ITO[0],
    "items referred": OKABE_ITO[5],
    "referral decisions": OKABE_ITO[2],
}
ACTION_DAY_COLOURS = {
    "after the October 2018 action day": OKABE_ITO[0],
    "after the November 2019 action day": OKABE_ITO[4],
}

thousands = FuncFormatter(lambda value, _: f"{value:,.0f}")


def _plain_axes(ax):
    ax.spines[["top", "right"]].set_visible(False)


# ---- Twitter suspensions ---------------------------------------------------------------------


def suspensions_chart():
    """Two panels that must not be added together: accounts per half-year, and the running total."""
    table = data.suspensions()
    halves = table[table["type"] == "half-year"].sort_values("period_start")
    totals = table[table["type"] == "cumulative"].sort_values("period_end")
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.6), width_ratios=[1.45, 1])

    positions = range(len(halves))
    for position, (_, row) in zip(positions, halves.iterrows()):
        left.bar(
            position,
            row["accounts"],
            color=KIND_COLOURS[row["source_kind"]],
            edgecolor="black",
            hatch=KIND_HATCHES[row["source_kind"]],
        )
    for position, accounts in zip(positions, halves["accounts"]):
        left.text(position, accounts + 6000, f"{accounts:,}", ha="center", va="bottom", fontsize=9)
    left.set_xticks(list(positions), [label.replace(" ", "\n") for label in halves["period"]])
    left.set_xlabel("Half-year")
    left.set_ylabel("Accounts suspended in the half-year")
    left.set_title("Per half-year")
    left.set_ylim(0, halves["accounts"].max() * 1.18)
    left.yaxis.set_major_formatter(thousands)
    _plain_axes(left)

    start = totals["period_start"].min()
    right.plot(totals["period_end"], totals["accounts"], color="#555555", linewidth=1, zorder=1)
    for kind, rows in totals.groupby("source_kind"):
        right.scatter(
            rows["period_end"],
            rows["accounts"],
            s=60,
            zorder=2,
            edgecolor="black",
            color=KIND_COLOURS[kind],
            marker=KIND_MARKERS[kind],
        )
    for end, accounts in zip(totals["period_end"], totals["accounts"]):
        right.annotate(
            f"{accounts:,}\nby {end:%b %Y}",
            (end, accounts),
            textcoords="offset points",
            xytext=(-8, 8),
            ha="right",
            fontsize=9,
        )
    right.axvline(start, color="#555555", linestyle=":", linewidth=1)
    right.text(
        start,
        totals["accounts"].max() * 0.06,
        f" counting\n starts\n {start.day} {start:%b %Y}",
        fontsize=LABEL_POINTS,
        color="#333333",
        va="bottom",
    )
    right.set_xlabel("End of the period counted")
    right.set_ylabel("Accounts suspended since 1 Aug 2015")
    right.set_title("Running total (cumulative)")
    right.set_ylim(0, totals["accounts"].max() * 1.25)
    right.set_xlim(start - pd.Timedelta(days=45), totals["period_end"].max() + pd.Timedelta(days=60))
    right.xaxis.set_major_locator(mdates.YearLocator())
    right.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    right.yaxis.set_major_formatter(thousands)
    _plain_axes(right)

    kinds = [kind for kind in ("primary", "secondary") if kind in set(table["source_kind"])]
    fig.legend(
        handles=[
            Patch(
                facecolor=KIND_COLOURS[kind],
                edgecolor="black",
                hatch=KIND_HATCHES[kind],
                label=f"{KIND_LABELS[kind]}{' – hatched, square' if KIND_HATCHES[kind] else ''}",
            )
            for kind in kinds
        ],
        loc="lower center",
        ncols=len(kinds),
        fontsize=9,
        frameon=False,
    )
    fig.suptitle("Twitter accounts suspended for promoting terrorism: two kinds of figure")
    fig.tight_layout(rect=(0, 0.07, 1, 1))

    first, last = halves.iloc[0], halves.iloc[-1]
    secondary = int((table["source_kind"] == "secondary").sum())
    alt = (
        f"Two panels: on the left, accounts suspended per half-year went from {first['accounts']:,} "
        f"({first['period']}) to {last['accounts']:,} ({last['period']}); on the right, the running total "
        f"since 1 August 2015 rose from {totals.iloc[0]['accounts']:,} by {totals.iloc[0]['period_end']:%B %Y} "
        f"to {totals.iloc[-1]['accounts']:,} by {totals.iloc[-1]['period_end']:%B %Y}; {secondary} of the "
        f"{len(table)} figures were seen only in secondary sources."
    )
    return matplotlib_chart(fig, alt)


def periods_chart():
    """Which months each published figure counts: running totals overlap each other and the half-years."""
    table = data.suspensions().sort_values(["type", "period_start", "period_end"], ascending=[False, True, True])
    colours = {"cumulative": OKABE_ITO[0], "half-year": OKABE_ITO[4]}
    fig, ax = plt.subplots(figsize=(9, 4.2))
    for position, (_, row) in enumerate(table.iterrows()):
        width = row["period_end"] + pd.Timedelta(days=1) - row["period_start"]
        ax.barh(position, width, left=row["period_start"], height=0.6, color=colours[row["type"]], edgecolor="black")
        ax.text(row["period_end"] + pd.Timedelta(days=12), position, f"{row['accounts']:,}", va="center", fontsize=9)
    ax.set_yticks(range(len(table)), [f"{row['period']} ({row['type']})" for _, row in table.iterrows()], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(table["period_start"].min() - pd.Timedelta(days=30), table["period_end"].max() + pd.Timedelta(days=170))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("Months counted by the figure")
    ax.set_ylabel("Published figure (accounts)")
    ax.set_title("Which months does each published figure count?")
    ax.legend(
        handles=[Patch(facecolor=colour, edgecolor="black", label=kind) for kind, colour in colours.items()],
        title="Kind of figure",
        loc="upper left",
        fontsize=9,
        frameon=False,
    )
    _plain_axes(ax)
    fig.tight_layout()
    totals, halves = table[table["type"] == "cumulative"], table[table["type"] == "half-year"]
    alt = (
        f"Timeline bars of the months each figure counts: the {len(totals)} running totals all start in "
        f"{totals['period_start'].min():%B %Y} and so overlap each other and the half-years, while the "
        f"{len(halves)} half-years from {halves['period_start'].min():%B %Y} to {halves['period_end'].max():%B %Y} "
        "follow one another without overlapping."
    )
    return matplotlib_chart(fig, alt)


# ---- EU Internet Referral Unit ---------------------------------------------------------------


def _iru_start():
    """When the EU IRU was set up, from the course's events (lesson 01's table)."""
    events = data.events()
    found = events[events["event"].str.contains("Internet Referral Unit") & events["event"].str.contains("set up")]
    return found["date"].min() if len(found) else data.referrals()["as_of"].min() - pd.Timedelta(days=365)


def referrals_chart():
    """The EU IRU's running totals (hollow markers: lower bounds) and the share of content removed."""
    table = data.referrals()
    totals = table[table["type"] == "cumulative"].sort_values("as_of")
    shares = table[table["type"] == "share"].sort_values("as_of")
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.6), width_ratios=[1.3, 1])

    for _, row in totals.iterrows():
        colour = MEASURE_COLOURS.get(row["measure"], OKABE_ITO[6])
        bound = row["qualifier"] == ">"
        left.scatter(
            row["as_of"],
            row["value"],
            s=70,
            marker="^" if bound else "o",
            linewidths=1.5,
            facecolor="white" if bound else colour,
            edgecolor=colour,
            zorder=2,
        )
        same_day = totals.loc[totals["as_of"] == row["as_of"], "value"]
        shift = 0 if len(same_day) == 1 else (11 if row["value"] == same_day.max() else -11)
        early = row["as_of"] < totals["as_of"].min() + (totals["as_of"].max() - totals["as_of"].min()) / 2
        left.annotate(
            f"{qualified(row['value'], row['qualifier'])} {row['measure']}",
            (row["as_of"], row["value"]),
            textcoords="offset points",
            xytext=(9 if early else -9, shift),
            ha="left" if early else "right",
            va="center",
            fontsize=LABEL_POINTS,
        )
    start = _iru_start()
    left.axvline(start, color="#555555", linestyle=":", linewidth=1)
    left.text(
        start, totals["value"].max() * 1.1, f" the unit starts, {start:%B %Y}", fontsize=LABEL_POINTS, color="#333333"
    )
    left.set_ylim(0, totals["value"].max() * 1.2)
    left.set_xlim(start - pd.Timedelta(days=45), totals["as_of"].max() + pd.Timedelta(days=45))
    left.xaxis.set_major_locator(mdates.YearLocator())
    left.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    left.yaxis.set_major_formatter(thousands)
    left.set_xlabel("Date of the report")
    left.set_ylabel("Items since July 2015 (running total)")
    left.set_title("Running totals: three different measures")
    _plain_axes(left)

    positions = range(len(shares))
    for position, (_, row) in zip(positions, shares.iterrows()):
        bound = row["qualifier"] == ">"
        right.bar(
            position,
            row["value"],
            color="white" if bound else PRIMARY,
            edgecolor=PRIMARY,
            hatch="//" if bound else None,
            linewidth=1.5,
        )
        right.text(
            position,
            row["value"] + 2,
            qualified(row["value"], row["qualifier"], "percent"),
            ha="center",
            va="bottom",
            fontsize=9,
        )
    right.set_xticks(list(positions), [f"{date:%b %Y}" for date in shares["as_of"]])
    right.set_ylim(0, 112)
    right.set_yticks(range(0, 101, 20))
    right.set_xlabel("Date of the report")
    right.set_ylabel("Share of referred content removed (%)")
    right.set_title("Share removed by the platforms")
    _plain_axes(right)

    fig.legend(
        handles=[
            Patch(facecolor="black", edgecolor="black", label="filled: an exact figure"),
            Patch(
                facecolor="white", edgecolor="black", hatch="//", label='hollow or hatched: a lower bound ("more than")'
            ),
        ],
        loc="lower center",
        ncols=2,
        fontsize=9,
        frameon=False,
    )
    fig.suptitle("Europol's EU Internet Referral Unit, as reported at three dates")
    fig.tight_layout(rect=(0, 0.07, 1, 1))

    bounds = int((table.loc[table["type"].isin(["cumulative", "share"]), "qualifier"] == ">").sum())
    alt = (
        f"Two panels: on the left, running totals since July 2015 of {totals['measure'].nunique()} different "
        "measures, "
        + ", ".join(
            f"{qualified(row['value'], row['qualifier'])} {row['measure']} ({row['as_of']:%B %Y})"
            for _, row in totals.iterrows()
        )
        + "; on the right, the share of referred content removed, "
        + ", ".join(
            f"{qualified(row['value'], row['qualifier'], 'percent')} ({row['as_of']:%B %Y})"
            for _, row in shares.iterrows()
        )
        + f"; {bounds} of these figures are lower bounds."
    )
    return matplotlib_chart(fig, alt)


# ---- Research ----------------------------------------------------------------------------------


def conway_chart():
    """Differential disruption: pro-IS accounts against other jihadist accounts (Conway et al.)."""
    shares = conway_shares()
    groups = list(shares)
    measures = list(next(iter(shares.values())))
    colours = dict(zip(groups, [OKABE_ITO[5], OKABE_ITO[1]]))
    fig, ax = plt.subplots(figsize=(9, 4))
    height = 0.36
    for offset, group in enumerate(groups):
        for position, measure in enumerate(measures):
            value, qualifier, how = shares[group][measure]
            y = position + (offset - 0.5) * height
            bound = qualifier in (">", "<")
            ax.barh(
                y,
                value,
                height=height * 0.92,
                color="white" if bound else colours[group],
                edgecolor=colours[group],
                hatch="//" if bound else None,
                linewidth=1.5,
            )
            note = " (computed by the course)" if how != "published" else ""
            ax.text(value + 1, y, f"{qualified(value, qualifier, 'percent')}{note}", va="center", fontsize=9)
    ax.set_yticks(range(len(measures)), [f"suspended\n{measure}" for measure in measures])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the accounts in the study (%)")
    ax.set_ylabel("When suspended")
    ax.set_title("Twitter accounts suspended, February–April 2017 (Conway et al.)")
    ax.legend(
        handles=[Patch(facecolor=colours[group], edgecolor=colours[group], label=group) for group in groups]
        + [Patch(facecolor="white", edgecolor="black", hatch="//", label="a bound (more than, less than)")],
        title="Accounts",
        loc="upper right",
        fontsize=9,
        frameon=False,
    )
    _plain_axes(ax)
    fig.tight_layout()
    pro_is, other = groups[0], groups[1]
    alt = (
        "Bar chart of Twitter accounts studied by Conway et al. in February to April 2017: "
        + "; ".join(
            f"{qualified(*shares[group][measures[0]][:2], 'percent')} of {group} were suspended "
            f"{measures[0]} and {qualified(*shares[group][measures[1]][:2], 'percent')} "
            f"{measures[1]}"
            for group in (pro_is, other)
        )
        + "."
    )
    return matplotlib_chart(fig, alt)


def crest_chart():
    """New jihadist Telegram channels after Europol's 2018 and 2019 action days (CREST 2021)."""
    table = data.research_findings().query("study == 'CREST 2021' and group.str.startswith('after')")
    measures = list(dict.fromkeys(table["measure"]))
    fig, axes = plt.subplots(1, len(measures), figsize=(11, 4.2))
    for ax, measure in zip(axes, measures):
        rows = table[table["measure"] == measure]
        labels = [
            group.replace("after the ", "after\n").replace(" action day", "\naction day") for group in rows["group"]
        ]
        ax.bar(range(len(rows)), rows["value"], color=[ACTION_DAY_COLOURS[g] for g in rows["group"]], edgecolor="black")
        for position, value in enumerate(rows["value"]):
            ax.text(position, value * 1.02, number(value), ha="center", va="bottom", fontsize=10)
        ax.set_xticks(range(len(rows)), labels, fontsize=9)
        ax.set_ylim(0, rows["value"].max() * 1.18)
        unit = rows["unit"].iloc[0]
        ax.set_ylabel(
            f"{unit[0].upper() + unit[1:]} (average)" if measure.startswith("average") else f"Number of {unit}"
        )
        ax.set_xlabel("When the channels were created")
        ax.set_title(
            measure[0].upper() + measure[1:].replace(" of new channels", "").replace(" in new channels", ""),
            fontsize=11,
        )
        _plain_axes(ax)
    fig.suptitle("New jihadist Telegram channels after Europol's two action days (CREST 2021)")
    fig.tight_layout()
    parts = []
    for measure in measures:
        rows = table[table["measure"] == measure]
        values = " and ".join(f"{number(v)} {u}" for v, u in zip(rows["value"], rows["unit"]))
        parts.append(f"{measure}: {values}")
    alt = (
        "Three bar charts comparing new channels after the October 2018 and the November 2019 action day, "
        "in that order: " + "; ".join(parts) + "."
    )
    return matplotlib_chart(fig, alt)
