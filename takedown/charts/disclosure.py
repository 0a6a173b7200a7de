"""A chart shown with its text alternative in a closed disclosure, for a prediction asked about it.

It lives with the charts (presentation); the prediction itself is in takedown/questions/activities.py.
"""

from dataclasses import dataclass

from takedown.charts import style

CLOSED_ALT_SUMMARY = "Text alternative (open it after you have recorded your prediction)"


def closed_alt_markdown(alt_text, summary=CLOSED_ALT_SUMMARY):
    """A chart's text alternative inside a closed <details> disclosure, as Markdown."""
    return f"<details><summary>{summary}</summary>\n\n**Text alternative:** {alt_text}\n\n</details>"


@dataclass
class ClosedAltChart:
    """A Chart shown with its text alternative in a closed disclosure (see chart_with_closed_alt)."""

    chart: object
    summary: str = CLOSED_ALT_SUMMARY

    @property
    def figure(self):
        return self.chart.figure

    @property
    def alt_text(self):
        return self.chart.alt_text

    def _ipython_display_(self):
        from IPython.display import Markdown, display
        from matplotlib.figure import Figure

        if isinstance(self.chart.figure, Figure):  # the image keeps its alt for screen readers
            style._ALT_TEXTS[self.chart.figure] = self.chart.alt_text
            style._show_figures_with_alt()
        display(self.chart.figure)
        display(Markdown(closed_alt_markdown(self.chart.alt_text, self.summary)))


def chart_with_closed_alt(chart, summary=CLOSED_ALT_SUMMARY):
    """Show a chart whose text alternative waits in a closed disclosure, for a prediction asked about it.

        chart_with_closed_alt(charts.roles_chart())

    The text alternative printed under a chart would give away a prediction asked just below it, so it
    sits in a `<details>` the student opens after answering. A matplotlib chart's image keeps the text
    alternative as its `alt`, so screen-reader users still hear it; a plotly chart has no such `alt`, and
    its readers open the disclosure (a native control, reachable with the keyboard).
    """
    return ClosedAltChart(chart, summary)
