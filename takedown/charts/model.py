"""Charts of the toy takedown model (lesson 06): the three scenarios over time, and their measures."""
import matplotlib.pyplot as plt

from takedown import model
from takedown.charts.style import GREY, OKABE_ITO, in_words, matplotlib_chart

# Each scenario has a colour AND a line style, so colour is never the only signal.
SCENARIO_STYLE = {
    "remove items": dict(color=OKABE_ITO[4], linestyle="-"),
    "take down infrastructure": dict(color=OKABE_ITO[5], linestyle="--"),
    "one-hour rule": dict(color=OKABE_ITO[2], linestyle=":"),
}


def _outage_window(runs):
    """(first, last) day of the infrastructure outage in these runs, or None if there is none."""
    infrastructure = runs[runs["scenario"] == "take down infrastructure"]
    posted = infrastructure["posted"]
    cut = infrastructure[posted < posted.max() - 1e-9]
    if cut.empty:
        return None
    return (cut["hour"].min() - 1) / 24, cut["hour"].max() / 24


def scenario_chart(runs=None):
    """Lines of items live, hour by hour over three weeks, one line per scenario."""
    runs = model.run_scenarios() if runs is None else runs
    fig, ax = plt.subplots(figsize=(8, 4.2))
    window = _outage_window(runs)
    if window:
        ax.axvspan(*window, color=GREY, alpha=0.6, linewidth=0, label="infrastructure down")
    for name, style in SCENARIO_STYLE.items():
        run = runs[runs["scenario"] == name]
        ax.plot(run["day"], run["live"], linewidth=2.2, label=name, **style)
    start = runs["live"].iloc[0]
    ax.set_xlim(0, runs["day"].max())
    ax.set_xticks(range(0, int(runs["day"].max()) + 1, 3))
    ax.set_ylim(0, max(runs["live"].max(), start) * 1.12)
    ax.set_xlabel("Time since the start of the run (days)")
    ax.set_ylabel("Items live (count)")
    ax.set_title("A toy model: items live under three strategies (illustrative, not a forecast)")
    ax.legend(title="Scenario", loc="lower left", fontsize=9, title_fontsize=9, ncols=2)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return matplotlib_chart(fig, scenario_alt_text(runs))


def _count(value):
    """A number of items for a sentence: whole, with thousands separators; ties round the same way."""
    return f"{round(float(value), 6):,.0f}"


def scenario_alt_text(runs):
    """One sentence about the three runs, computed from them."""
    table = model.summary(runs)
    days = runs["day"].max()
    start = runs["live"].iloc[0]
    infrastructure = runs[runs["scenario"] == "take down infrastructure"]
    lowest = infrastructure.loc[infrastructure["live"].idxmin()]
    parts = [f"{name} averages {_count(table.loc[name, 'average_live'])} items live and ends at "
             f"{_count(table.loc[name, 'live_at_end'])}" for name in table.index]
    return (f"Line chart of items live over {days:.0f} days in the toy model, all three runs starting at "
            f"{_count(start)} items: {'; '.join(parts)}; the infrastructure takedown's lowest point is "
            f"{_count(lowest['live'])} items on day {lowest['day']:.1f}.")


def measures_chart(runs=None):
    """Bars: average items live over the run, one bar per scenario, with the value written on it."""
    runs = model.run_scenarios() if runs is None else runs
    table = model.summary(runs)
    fig, ax = plt.subplots(figsize=(8, 3.4))
    names = list(table.index)
    values = table["average_live"]
    ax.barh(range(len(names)), values, color=[SCENARIO_STYLE[name]["color"] for name in names],
            edgecolor="black", hatch=None)
    for position, value in enumerate(values):
        ax.text(value * 1.01, position, f"{value:,.0f}", va="center", fontsize=10)
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    ax.set_xlim(0, values.max() * 1.15)
    ax.set_xlabel(f"Average items live over {runs['day'].max():.0f} days (count)")
    ax.set_ylabel("Scenario")
    ax.set_title("Average items live, by scenario (toy model)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    ordered = values.sort_values()
    alt = (f"Bar chart of the average number of items live over {runs['day'].max():.0f} days: "
           + in_words([f"{name} {value:,.0f}" for name, value in ordered.items()])
           + f"; the lowest is {ordered.index[0]}.")
    return matplotlib_chart(fig, alt)
