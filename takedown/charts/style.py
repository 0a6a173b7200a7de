"""The course's chart style: colour-blind-safe colours, a lean plotly theme, and `Chart`.

Every chart function in the course returns a `Chart`: the figure (matplotlib or plotly) and a
one-sentence text alternative written from the same data. Showing a `Chart` in a notebook shows
both, so no chart appears without its description. Importing this module makes the course theme
plotly's default, which keeps stored figures small.
"""

import base64
import weakref
from dataclasses import dataclass
from html import escape

import matplotlib.pyplot as plt
import plotly.graph_objects as go
import plotly.io as pio
from IPython import get_ipython
from IPython.display import Markdown, display
from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design": safe for the common kinds of colour blindness.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
GREY = "#D9D9D9"
# The smallest text in a matplotlib chart (points): JupyterLab shrinks a 10-inch figure to fit a
# 1280 px screen, and this still reads at about 11 px.
LABEL_POINTS = 9.5

# A lean plotly theme: plotly's default theme adds about 7 KB to every stored figure.
pio.templates["course"] = go.layout.Template(
    layout=dict(
        colorway=OKABE_ITO,
        font=dict(family="Arial, sans-serif", size=13, color="#222"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis=dict(gridcolor="#E5E5E5", zeroline=False),
        yaxis=dict(gridcolor="#E5E5E5", zeroline=False),
    )
)
pio.templates.default = "course"


@dataclass
class Chart:
    """A figure with its text alternative; a notebook shows both."""

    figure: object
    alt_text: str

    def _ipython_display_(self):
        if isinstance(self.figure, Figure):
            _ALT_TEXTS[self.figure] = self.alt_text
            _show_figures_with_alt()
        display(self.figure)
        display(Markdown(f"**Text alternative:** {self.alt_text}"))


# The text alternative of each Chart's matplotlib figure (weak: a figure no longer used is freed).
_ALT_TEXTS = weakref.WeakKeyDictionary()


def figure_html(fig):
    """A Chart's matplotlib figure as an <img> whose alt is its text alternative; None for other figures.

    JupyterLab shows a PNG output as an <img> with no alt (it ignores `alt` metadata), which a screen
    reader announces as an unlabelled image. Front ends that show HTML (JupyterLab, VS Code, the
    course site) show this one instead; the others (e.g. PDF export) still have the PNG.
    """
    alt = _ALT_TEXTS.get(fig)
    shell = get_ipython()
    if alt is None or shell is None:
        return None
    png = shell.display_formatter.formatters["image/png"](fig)  # the PNG the notebook also stores
    if isinstance(png, str):
        png = base64.b64decode(png)
    if not png:
        return None
    png = base64.b64encode(small_png(png)).decode("ascii")
    return (
        f'<img alt="{escape(alt, quote=True)}" src="data:image/png;base64,{png}" '
        'style="max-width: 100%; height: auto;">'
    )


def small_png(png):
    """The same picture in 256 colours, about half the bytes: the notebook stores each chart twice
    (PNG and this <img>), and a chart's few flat colours survive the palette unchanged to the eye."""
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(png)) as image:
        out = BytesIO()
        image.convert("RGB").quantize(colors=256).save(out, format="PNG", optimize=True)
    return out.getvalue()


def _show_figures_with_alt():
    shell = get_ipython()
    if shell is not None:  # outside IPython nothing is formatted
        shell.display_formatter.formatters["text/html"].for_type(Figure, figure_html)


def matplotlib_chart(fig, alt_text):
    """A Chart of a finished matplotlib figure."""
    # Closing keeps the inline backend from drawing the figure a second time.
    plt.close(fig)
    return Chart(fig, alt_text)


def in_words(items):
    """['a', 'b', 'c'] -> 'a, b and c'."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
