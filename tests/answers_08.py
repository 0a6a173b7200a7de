"""Exercise 08 (capstone): a right, a wrong and a wrong-kind answer for each question."""

from plotly.subplots import make_subplots

from takedown.charts import briefing

PANELS = ["countries", "suspensions", "differential", "telegram"]

ASSESSMENT = """
Bottom line: the April 2018 operation disrupted IS media for a time, but no figure we hold measures its
effect. Twitter's transparency reports (partly known from press copies) show suspensions per half-year
falling from 2016 to 2018, which measures removal, not reach. Conway et al. found pro-IS accounts removed
far faster than other jihadist accounts. CREST found new Telegram channels lasted two weeks after the
sustained 2019 action, against ten months after 2018. These are self-reports and samples of what
survived long enough to be found. Recommendation: measure reach independently before and after each
action, and publish the method.
"""


DO_WE_HAVE_IT = """
Not in the course: every figure we hold counts removals or seizures, which is activity. Nobody has published
how many people saw the outlets' material before and after April 2018, and ICCT found the operation's
efficiency difficult to assess.
"""


NOTE = "Sources<br>" + briefing.source_note(PANELS)

FIGURE_ALT = """Figure of four panels: eight countries by role in Europol's account, disputed for three; Twitter suspensions per half-year falling from
376,890 to 166,513; more than 30% of pro-IS accounts suspended within two days against less than 1% of
others; new Telegram channels lasting 302 days after 2018 and 14 days after 2019."""


def third_panel_grid(name):
    """Lesson 08, Check 5: a grid of three columns whose third panel is `name`."""
    grid = make_subplots(rows=1, cols=3)
    grid.add_trace(briefing.panel_trace("countries"), row=1, col=1)
    grid.add_trace(briefing.panel_trace("referrals"), row=1, col=2)
    grid.add_trace(briefing.panel_trace(name), row=1, col=3)
    return grid


def briefing_figure(
    names=PANELS, title="Did taking down IS media work?", panel_titles=True, axis_titles=True, note=NOTE
):
    """A briefing figure built from ready-made panels, as a student would build it."""
    columns = 2 if len(names) > 1 else 1
    rows = (len(names) + columns - 1) // columns
    fig = make_subplots(
        rows=rows, cols=columns, subplot_titles=[briefing.panel_title(name) for name in names] if panel_titles else None
    )
    for number, name in enumerate(names):
        row, col = number // columns + 1, number % columns + 1
        fig.add_trace(briefing.panel_trace(name), row=row, col=col)
        if axis_titles:
            x_title, y_title = briefing.axis_titles(name)
            fig.update_xaxes(title_text=x_title, row=row, col=col)
            fig.update_yaxes(title_text=y_title, row=row, col=col)
    fig.update_layout(title=title)
    if note:
        fig.add_annotation(text=note, xref="paper", yref="paper", x=0, y=-0.2, showarrow=False)
    return fig


ANSWERS = [
    ("08_capstone", 1, 39.3, 55.8, "39%"),
    ("08_capstone", 2, briefing_figure(), briefing_figure(note=None), "my figure"),
    ("08_capstone", 3, FIGURE_ALT, "A figure with four panels.", ["panel 1", "panel 2"]),
    ("08_capstone", 4, ASSESSMENT, "Twitter removed many accounts (Twitter).", 42),
    ("08_capstone", 5, "a", "d", 3),
    ("08_capstone", 6, DO_WE_HAVE_IT, "We need better data about the operation and its results.", ["no"]),
    (
        "lesson_08",
        1,
        "Europol's then director, Rob Wainwright, said in April 2018 that the operation punched a big hole; "
        "the briefing tests that claim against the numbers.",
        "The operation punched a big hole in the capability of IS to spread propaganda online.",
        3,
    ),  # a written sentence: its form and its attribution are checked, a person scores the rest
    ("lesson_08", 2, "b", "a", 2),
    (
        "lesson_08",
        3,
        ["countries", "referrals", "differential"],
        ["countries", "referrals", "telegram"],
        "differential",
    ),
    ("lesson_08", 4, ["a", "d", "b", "c"], ["a", "b", "d", "c"], 4),
    ("lesson_08", 5, third_panel_grid("differential"), third_panel_grid("telegram"), 5),  # a whole line
    (
        "lesson_08",
        6,
        briefing.source_note(["countries", "referrals"]),
        briefing.source_note(["countries"]),
        ["countries"],
    ),
    ("lesson_08", 7, [[0, 0, 0], [2, 2, 2]], [[0, 3, 0], [2, 2, 2]], "0, 0, 0"),  # scores, recorded
    ("lesson_08", 8, "a", "c", ["a"]),
    ("lesson_08", 9, 166513, 205156, "166513"),  # a whole line: a half-year looked up by its label
    ("lesson_08", 10, "c", "z", 1),  # a prediction, recorded
    (
        "lesson_08",
        11,
        "The April 2018 operation disrupted IS media for a time, but no figure we hold measures its effect on "
        "who saw the material; the EU should fund independent measurement before and after each action.",
        "It worked.",
        42,
    ),
    (
        "lesson_08",
        12,
        "Twitter's own blog (blog.x.com) gives 166,513 accounts for July–December 2018, the same as our panel; "
        "the 205,156 for January–June 2018 rests only on an aggregator's copy, so I would say so.",
        "Twitter.",
        11,
    ),  # lateral reading, recorded
]
