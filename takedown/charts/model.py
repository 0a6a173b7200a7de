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
    parts = [
        f"{name} averages {_count(table.loc[name, 'average_live'])} items live and ends at "
        f"{_count(table.loc[name, 'live_at_end'])}"
        for name in table.index
    ]
    return (
        f"Line chart of items live over {days:.0f} days in the toy model, all three runs starting at "
        f"{_count(start)} items: {'; '.join(parts)}; the infrastructure takedown's lowest point is "
        f"{_count(lowest['live'])} items on day {lowest['day']:.1f}."
    )


def measures_chart(runs=None):
    """Bars: average items live over the run, one bar per scenario, with the value written on it."""
    runs = model.run_scenarios() if runs is None else runs
    table = model.summary(runs)
    fig, ax = plt.subplots(figsize=(8, 3.4))
    names = list(table.index)
    values = table["average_live"]
    ax.barh(
        range(len(names)),
        values,
        color=[SCENARIO_STYLE[name]["color"] for name in names],
        edgecolor="black",
        hatch=None,
    )
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
    alt = (
        f"Bar chart of the average number of items live over {runs['day'].max():.0f} days: "
        + in_words([f"{name} {value:,.0f}" for name, value in ordered.items()])
        + f"; the lowest is {ordered.index[0]}."
    )
    return matplotlib_chart(fig, alt)


# ---- Sliders (lesson 06) ------------------------------------------------------------------------

STILL_NOTE = (
    "Sliders for the model's parameters: run this cell (Shift+Enter) to move them; they need a running notebook."
)


def _still_html(chart):
    """The default chart as HTML (picture, sentence, text alternative): what a notebook that is not
    running shows in place of the sliders."""
    import base64
    import io
    from html import escape

    picture = io.BytesIO()
    chart.figure.savefig(picture, format="png", dpi=100, bbox_inches="tight")
    data_url = "data:image/png;base64," + base64.b64encode(picture.getvalue()).decode()
    return (
        f"<p><b>{escape(STILL_NOTE)}</b> Until then, this is the chart for the default values.</p>"
        f'<img src="{data_url}" alt="{escape(chart.alt_text)}">'
        f"<p><b>Text alternative:</b> {escape(chart.alt_text)}</p>"
    )


def explore():
    """Sliders for the main parameters; the comparison chart redraws when a slider is let go.

    Returns an ipywidgets `interactive`: show it as the last line of a notebook cell. A notebook
    that is not running (opened from disk, or not trusted) cannot show widgets: there it shows the
    chart for the default values and a sentence saying how to get the sliders.
    """
    import ipywidgets as widgets
    from IPython.display import display

    class Explorer(widgets.interactive):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            bundle["text/plain"] = STILL_NOTE + " Until then, the chart in section 4 shows the default values."
            bundle["text/html"] = _still_html(scenario_chart(model.run_scenarios()))
            return bundle

    defaults = model.parameters()
    # Room for the longest label, so no description is cut off.
    style = {"description_width": "20em"}
    layout = widgets.Layout(width="46em")

    def slider(kind, value, low, high, step, description):
        return kind(
            value=value,
            min=low,
            max=high,
            step=step,
            description=description,
            style=style,
            layout=layout,
            continuous_update=False,
        )

    def redraw(find_hours, removal_hours, reupload_share, outage_hours, outage_cut):
        display(
            scenario_chart(
                model.run_scenarios(
                    find_hours=find_hours,
                    removal_hours=removal_hours,
                    reupload_share=reupload_share,
                    outage_hours=outage_hours,
                    outage_cut=outage_cut,
                )
            )
        )

    return Explorer(
        redraw,
        find_hours=slider(widgets.IntSlider, int(defaults["find_hours"]), 1, 720, 1, "Hours until an item is found"),
        removal_hours=slider(
            widgets.IntSlider, int(defaults["removal_hours"]), 0, 72, 1, "Hours from referral to removal"
        ),
        reupload_share=slider(
            widgets.FloatSlider, defaults["reupload_share"], 0, 0.95, 0.05, "Share of removed items re-uploaded"
        ),
        outage_hours=slider(
            widgets.IntSlider, int(defaults["outage_hours"]), 0, 14 * 24, 6, "Hours the infrastructure is down"
        ),
        outage_cut=slider(widgets.FloatSlider, defaults["outage_cut"], 0, 1, 0.05, "Share of posting the outage stops"),
    )
