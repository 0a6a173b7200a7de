"""Lesson 04: the events table, its periods, the two timeline charts and the exercise's checks."""

import io
import json
import re

import matplotlib

matplotlib.use("Agg")  # no windows, no display needed

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex, to_rgba  # noqa: E402

from takedown import data, feedback, text  # noqa: E402
from takedown.charts import style, timeline  # noqa: E402
from takedown.questions import questions_for  # noqa: E402

EVENTS = data.events()
ALLOWED = {colour.lower() for colour in style.OKABE_ITO} | {style.GREY.lower(), "#ffffff", "#000000"}

# The five rows lessons 01–02 were built on, exactly as they were: they must survive any extension.
ORIGINAL_ROWS = [
    ("2015-07-01", "month", "Europol's EU Internet Referral Unit (EU IRU) is set up", "", "ctc_eu_iru"),
    (
        "2016-08-01",
        "month",
        "First takedown of Amaq's web infrastructure",
        "A previous takedown effort against Amaq’s web infrastructure proved successful in 2016",
        "europol_statement_copy",
    ),
    ("2017-06-01", "month", "Second strike against Amaq, led by Spain's Guardia Civil", "", "europol_statement_copy"),
    ("2018-04-25", "day", "Multinational takedown action begins", "", "sofia_globe"),
    (
        "2018-04-27",
        "day",
        "Europol announces the operation",
        "Europol has led a joint operation between the EU, US and Canada",
        "europol_statement_copy",
    ),
]

# Events the issue asks for, with the date and precision the sources give.
REQUIRED = {
    "amaq_first_noticed": ("2014-01-01", "year"),
    "nashir_advertised": ("2015-09-26", "day"),
    "eu_iru_set_up": ("2015-07-01", "month"),
    "amaq_takedown_2016": ("2016-08-01", "month"),
    "amaq_strike_2017": ("2017-06-01", "month"),
    "gifct_launched": ("2017-08-01", "day"),
    "takedown_action_begins": ("2018-04-25", "day"),
    "telegram_action_day_2018": ("2018-10-03", "day"),
    "christchurch_call": ("2019-05-15", "day"),
    "telegram_action_days_2019": ("2019-11-21", "day"),
    "reg_2021_784_adopted": ("2021-04-29", "day"),
    "reg_2021_784_applies": ("2022-06-07", "day"),
    "ilam_takedown_2024": ("2024-06-01", "month"),
}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def events():
    return data.events()


# ---- The events table ------------------------------------------------------------------------


def test_original_rows_and_columns_are_kept(events):
    """The extension keeps every row and column lessons 01–02 and their tests rely on."""
    assert list(events.columns[:1]) == ["date"]
    for column in ("precision", "event", "quote", "source"):
        assert column in events.columns
    rows = {(f"{row.date:%Y-%m-%d}", row.precision, row.event, row.quote, row.source) for row in events.itertuples()}
    for original in ORIGINAL_ROWS:
        assert original in rows, original


def test_new_columns_and_ids(events):
    """Every event has a category from the chart's list, and a unique id."""
    assert set(events["category"]) == set(timeline.CATEGORY_ORDER)
    assert events["id"].is_unique
    assert events["id"].str.fullmatch(r"[a-z0-9_]+").all()


@pytest.mark.parametrize("event_id, date_and_precision", REQUIRED.items(), ids=list(REQUIRED))
def test_required_events_have_their_sourced_dates(events, event_id, date_and_precision):
    """The events the issue names are there, with the date and precision their sources support."""
    row = events.set_index("id").loc[event_id]
    assert (f"{row['date']:%Y-%m-%d}", row["precision"]) == date_and_precision
    assert row["source"] and row["source"] != "article"


def test_precision_is_honest_about_what_the_date_stands_for(events):
    """A month is stored as its 1st day and a year as 1 January, so the date never claims more."""
    assert set(events["precision"]) <= {"day", "month", "year"}
    month_or_year = events[events["precision"] != "day"]
    assert (month_or_year["date"].dt.day == 1).all()
    assert (events.loc[events["precision"] == "year", "date"].dt.month == 1).all()


def test_events_are_in_date_order(events):
    assert events["date"].is_monotonic_increasing


def test_every_event_has_a_described_source_with_an_address(events):
    sources = data.sources().set_index("source")
    assert set(events["source"]) <= set(sources.index)
    # A source whose page shows terrorist media is cited by name only, without an address (issue 18).
    unlinked = events["source"].map(sources["url"]) == ""
    assert events.loc[~unlinked, "source_url"].str.match(r"https?://|seeds/").all()
    assert (events.loc[unlinked, "source_url"] == "").all()


def test_only_policy_events_name_an_eu_instrument(events):
    """`instrument` links policy steps to lesson 07's table; other events leave it empty."""
    linked = events[events["instrument"] != ""]
    assert (linked["category"] == "policy").all()
    assert set(linked["instrument"]) <= set(data.policy_instruments()["instrument"])


def test_adaptation_quote_is_in_the_article():
    """The lesson's theme quotes the seed exactly."""
    assert text.quote_is_in("leading the media outlet to develop a more secure infrastructure", data.raw_article())
    assert "a more secure infrastructure" in data.raw_article()


# ---- Periods ---------------------------------------------------------------------------------


def test_periods_cover_what_the_date_stands_for():
    periods = timeline.with_periods().set_index("id")
    assert periods.loc["amaq_first_noticed", "end"] == pd.Timestamp("2015-01-01")
    assert periods.loc["amaq_takedown_2016", "end"] == pd.Timestamp("2016-09-01")
    assert periods.loc["takedown_action_begins", "end"] == pd.Timestamp("2018-04-26")
    assert (periods["end"] > periods["start"]).all()


@pytest.mark.parametrize(
    "date, precision, words",
    [
        ("2014-01-01", "year", "2014"),
        ("2016-08-01", "month", "Aug 2016"),
        ("2018-04-25", "day", "25 Apr 2018"),
        ("2018-10-03", "day", "3 Oct 2018"),
    ],
)
def test_dates_are_written_as_precisely_as_known(date, precision, words):
    assert timeline.when(pd.Timestamp(date), precision) == words


def test_with_periods_does_not_change_the_table_it_is_given(events):
    before = events.copy(deep=True)
    timeline.with_periods(events)
    pd.testing.assert_frame_equal(events, before)


# ---- Charts ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    made = {"interactive": timeline.interactive_timeline(), "static": timeline.static_timeline()}
    yield made
    plt.close(made["static"].figure)


def test_static_timeline_has_title_labels_and_every_event(built):
    fig = built["static"].figure
    ax = fig.axes[0]
    assert ax.get_title().strip() and ax.get_xlabel().strip() and ax.get_ylabel().strip()
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert len(labels) == len(data.events())
    assert labels[0].startswith("2014:")
    assert ax.get_legend() is not None and ax.get_legend().get_title().get_text()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


def test_static_timeline_draws_a_bar_for_each_vague_date(built):
    """One bar per event known only to the month or the year, spanning its period."""
    ax = built["static"].figure.axes[0]
    bars = [line for line in ax.lines if len(line.get_xdata()) == 2]
    assert len(bars) == (data.events()["precision"] != "day").sum()


def test_interactive_timeline_has_titles_and_no_map_traces(built):
    fig = built["interactive"].figure
    assert isinstance(fig, go.Figure)
    assert (fig.layout.title.text or "").strip()
    assert (fig.layout.xaxis.title.text or "").strip() and (fig.layout.yaxis.title.text or "").strip()
    assert (fig.layout.legend.title.text or "").strip()
    assert not any("geo" in trace.type or trace.type.startswith("choropleth") for trace in fig.data)


def test_interactive_timeline_shows_every_event_once_with_its_source(built):
    fig = built["interactive"].figure
    hovers = [hover for trace in fig.data if trace.hovertext is not None for hover in trace.hovertext]
    events = data.events()
    assert len(hovers) == len(events)
    for _, row in events.iterrows():
        title = timeline.source_title(row["source"])
        assert sum(row["event"] in hover and title in hover for hover in hovers) == 1, row["event"]


def test_interactive_timeline_is_small_and_uses_the_course_template(built):
    figure_json = built["interactive"].figure.to_json()
    assert len(figure_json) < 100_000
    assert len(json.dumps(json.loads(figure_json)["layout"].get("template", {}))) < 1500


def test_close_events_in_one_lane_do_not_sit_on_top_of_each_other(built):
    """The announcement came two days after the action began: the two markers are nudged apart."""
    fig = built["interactive"].figure
    points = {}
    for trace in fig.data:
        if trace.hovertext is not None:
            for x, y, hover in zip(trace.x, trace.y, trace.hovertext):
                points[hover] = (x, y)
    begins = next(point for hover, point in points.items() if "Multinational takedown action begins" in hover)
    announced = next(point for hover, point in points.items() if "Europol announces the operation" in hover)
    assert begins[1] != announced[1]


def _hex(colour):
    rgba = to_rgba(colour)
    return None if rgba[3] == 0 else to_hex(rgba)


def test_static_colours_come_from_the_palette(built):
    fig = built["static"].figure
    colours = set()
    for line in fig.axes[0].lines:
        for colour in (line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()):
            colours.add(_hex(colour))
    legend = fig.axes[0].get_legend()
    for handle in legend.legend_handles:
        colours.add(_hex(handle.get_markerfacecolor()))
    colours.discard(None)
    assert colours <= ALLOWED, colours - ALLOWED
    assert {colour.lower() for colour in timeline.CATEGORY_COLOURS.values()} <= colours


def test_interactive_colours_come_from_the_palette(built):
    colours = set()
    for trace in built["interactive"].figure.data:
        marker_colour = trace.marker.color
        colours |= set(marker_colour) if isinstance(marker_colour, tuple) else {marker_colour}
        colours |= {trace.marker.line.color, trace.line.color}
    colours = {_hex(colour) for colour in colours if colour}
    assert colours <= ALLOWED, colours - ALLOWED


def test_category_colours_are_distinct():
    assert len(set(timeline.CATEGORY_COLOURS.values())) == len(timeline.CATEGORY_ORDER)


def test_alt_text_is_one_sentence_with_the_counts(built):
    events = data.events()
    for chart in built.values():
        alt = chart.alt_text
        assert alt.endswith(".") and "\n" not in alt
        assert len(text.sentences(alt)) == 1
        assert f"{len(events)} dated events" in alt
        assert f"{(events['precision'] != 'day').sum()} of them are known only to the month or the year" in alt
        assert f"{(events['category'] == 'policy').sum()} about policy" in alt


def test_alt_text_is_derived_from_the_data(monkeypatch):
    """Drop the research events and the text alternatives follow."""
    original = data.events
    monkeypatch.setattr(data, "events", lambda: original().query("category != 'research'").reset_index(drop=True))
    for chart in (timeline.static_timeline(), timeline.interactive_timeline()):
        assert "research" not in chart.alt_text
        assert f"{len(original()) - 3} dated events" in chart.alt_text


# ---- Exercise checks: messages never give the answer away ----------------------------------


@pytest.mark.parametrize(
    "number, wrong, forbidden",
    [
        (1, (943, 943), [r"\b579\b", r"\b973\b"]),
        (1, (578, 974), [r"\b579\b", r"\b973\b"]),
        (1, (579, 974), [r"\b973\b"]),
        (2, EVENTS[EVENTS["date"].dt.year == 2019], [r"\b8\b"]),
        (2, EVENTS[EVENTS["date"] >= "2018-01-01"], [r"\b8\b"]),
        (5, 100 * 3 / 22, [r"\b7\b", r"42\.9", r"\b43\b"]),
        (3, 574, [r"\b575\b"]),
        (3, -575, [r"\b575\b"]),
        (4, 9, [r"\b10\b"]),
        (4, 12, [r"\b10\b"]),
        (5, 6, [r"\b9\b"]),
    ],
)
def test_wrong_answers_do_not_reveal_the_answer(number, wrong, forbidden):
    import re

    verdict = questions_for("04_timeline")[number - 1].check(wrong)
    assert verdict.status == feedback.INCORRECT, verdict
    for pattern in forbidden:
        assert not re.search(pattern, verdict.message), verdict.message


@pytest.mark.parametrize(
    "number, answer",
    [
        (1, [579, 973]),
        (1, (579.0, pd.Series([973]).iloc[0])),
        (2, EVENTS.loc[(EVENTS["date"] >= "2018-01-01") & (EVENTS["date"] <= "2019-12-31"), ["date", "event"]]),
        (4, pd.Series([10]).iloc[0]),
    ],
)
def test_other_right_answers_are_accepted(number, answer):
    assert questions_for("04_timeline")[number - 1].check(answer).status == feedback.CORRECT


@pytest.mark.parametrize(
    "number, answer, says",
    [
        (1, (973, 579), "put the shortest first"),
        (1, (943, 973), "stored dates"),
        (1, (578, 973), "subtract one day"),
        (1, 579, "a range"),
        (1, (pd.Timedelta(days=579), pd.Timedelta(days=973)), ".days"),
        (2, 8, "len(in_2018_2019)"),
        (2, pd.DataFrame({"a": [1]}), "rows of `events`"),
        (5, 100 * 3 / 22, "every event"),
        (3, -575, "negative"),
        (4, 9, "before it"),
    ],
)
def test_wrong_answers_get_a_specific_message(number, answer, says):
    verdict = questions_for("04_timeline")[number - 1].check(answer)
    assert verdict.status in (feedback.INCORRECT, feedback.WRONG_KIND)
    assert says in verdict.message


def test_exercise_04_question_1_uses_the_lessons_periods():
    """Q1's range comes from the same periods as lesson 04's `timeline.with_periods` (start, and the day after the end)."""
    from takedown.questions import timeline as questions

    lesson = timeline.with_periods().set_index("id")[["start", "end"]]
    assert lesson.equals(questions._periods()[["start", "end"]])
    assert questions.gap_range() == (579, 973)


def test_exercise_04_question_1_teaches_what_the_events_own_words_narrow():
    """Fact-check R3: "during the siege of Kobanî" rules out January–August 2014; the siege began 13 September 2014,
    so the longest gap is really 718 days. Europol reports "a first takedown", not Amaq's first one."""
    from takedown.questions import timeline as questions

    assert questions.narrowed_longest() == 718
    assert "Kobanî" in data.events().set_index("id").loc[questions.FIRST_SEEN, "event"]
    message = questions_for("04_timeline")[0].check((579, 973)).message
    assert "13 September 2014" in message and "718 days" in message and "nearly three years" not in message
    assert "two years and eight months" in message
    prompt = "".join(
        "".join(cell["source"])
        for cell in json.loads((data.COURSE_DIR / "solutions" / "04_timeline.ipynb").read_text(encoding="utf-8"))[
            "cells"
        ]
        if "## Question 1" in "".join(cell["source"])
    )
    assert "the first takedown Europol reports" in prompt and "its first takedown" not in prompt
    assert "kobani_siege_start" in set(data.sources()["source"])


def test_checks_follow_the_data(monkeypatch):
    """Add an event in 2018 and the expected count for 2018–2019 moves with it."""
    original = data.events
    extra = original().iloc[[10]].assign(id="extra_event", date=pd.Timestamp("2018-07-01"))
    monkeypatch.setattr(data, "events", lambda: pd.concat([original(), extra]).sort_values("date", ignore_index=True))
    q2 = questions_for("04_timeline")[1]
    events = data.events()
    in_2018_2019 = events[(events["date"] >= "2018-01-01") & (events["date"] <= "2019-12-31")]
    assert len(in_2018_2019) == 9 and q2.check(in_2018_2019).status == feedback.CORRECT
    assert q2.check(in_2018_2019.drop(in_2018_2019.index[-1])).status == feedback.INCORRECT


def test_static_timeline_labels_are_readable_on_a_laptop_screen():
    """JupyterLab shrinks the 10-inch picture to the page; its event names must stay readable there."""
    ax = timeline.static_timeline().figure.axes[0]
    labels = ax.get_yticklabels()
    assert len(labels) == len(data.events())
    assert all(label.get_fontsize() >= style.LABEL_POINTS >= 9 for label in labels)
    assert all(text.get_fontsize() >= style.LABEL_POINTS for text in ax.get_legend().get_texts())


def test_static_timeline_tells_kinds_apart_without_colour(built):
    """Each kind of event has its own marker shape, in the chart and in its legend (not colour alone)."""
    assert len(set(timeline.CATEGORY_MARKERS.values())) == len(timeline.CATEGORY_ORDER)
    ax = built["static"].figure.axes[0]
    points = [line for line in ax.lines if len(line.get_xdata()) == 1]
    events = timeline.with_periods().sort_values("start", kind="stable").reset_index(drop=True)
    assert [line.get_marker() for line in points] == [timeline.CATEGORY_MARKERS[c] for c in events["category"]]
    legend = {
        text.get_text(): handle.get_marker()
        for text, handle in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles)
    }
    assert [legend[timeline.CATEGORY_NAMES[c]] for c in timeline.CATEGORY_ORDER] == [
        timeline.CATEGORY_MARKERS[c] for c in timeline.CATEGORY_ORDER
    ]


def test_interactive_timeline_gives_each_kind_its_own_symbol(built):
    symbols = {}
    for trace in built["interactive"].figure.data:
        if trace.mode == "markers" and trace.legendgroup:
            symbols.setdefault(trace.legendgroup, set()).add(trace.marker.symbol)
    assert all(len(found) == 1 for found in symbols.values()), symbols
    assert len({next(iter(found)) for found in symbols.values()}) == len(timeline.CATEGORY_ORDER)


# ---- Lesson 04's in-lesson checks --------------------------------------------------------------


def lesson_checks_asked(notebook, module):
    """The checks a lesson's code cells run, in order, with the options shown in the cell above each."""
    from pathlib import Path

    import nbformat

    cells = nbformat.read(Path(__file__).resolve().parents[1] / notebook, as_version=4).cells
    asked = []
    for before, cell in zip(cells, cells[1:]):
        found = re.search(rf"from takedown\.questions\.{module} import (c\d+)", cell.source)
        if cell.cell_type == "code" and found:
            name = found.group(1)
            # a check is called with .check, a prediction with .record (recorded, never marked)
            assert re.search(rf"^{name}\.(?:check|record)\(", cell.source, re.M) and f"# {name}.hint()" in cell.source
            assert "= ...   # your" in cell.source or re.search(r"\b___\b", cell.source), (
                "the check cell must start unanswered (a ... to replace, or a ___ to complete)"
            )
            asked.append((name, before.source))
    return asked


def test_lesson_04_asks_every_check_in_order_with_its_options():
    """Each check is asked in order; a letter choice (multiple choice or prediction) shows every option it explains."""
    from pathlib import Path

    import nbformat

    from takedown.questions import lesson_04
    from takedown.questions.activities import Prediction

    cells = nbformat.read(Path(__file__).resolve().parents[1] / "notebooks/04_timeline.ipynb", as_version=4).cells
    asked = []
    for before, cell in zip(cells, cells[1:]):
        found = re.search(r"^(c\d+)\.(?:check|record)\(", cell.source, re.M)
        if cell.cell_type == "code" and found:
            asked.append((found.group(1), before.source, cell.source))
    assert [name for name, *_ in asked] == [f"c{n}" for n in range(1, len(lesson_04.QUESTIONS) + 1)]
    for (_, markdown, source), question in zip(asked, lesson_04.QUESTIONS):
        assert f"**{question.name}" in markdown
        assert "= ...   # your" in source or '= """..."""   # your' in source or "___" in source, (
            "the check cell must start unanswered"
        )
        options = re.findall(r"^([a-d])\) ", markdown, re.M)
        if not options:  # a faded example: the student completes a line
            continue
        assert options == sorted(options), markdown
        for option in options:  # every option shown has its own explanation, and none is unexplained
            assert question.verdict(option).message.strip()
            if isinstance(question, Prediction):
                assert question.verdict(option).status == feedback.RECORDED
        assert question.verdict(chr(ord(options[-1]) + 1)).status == feedback.WRONG_KIND


def test_question_6_shows_question_2s_rows_or_says_question_2_comes_first():
    """Walk-through W1: the rows question 6 asks about are shown whole (a plain table cuts `event` short)."""
    from takedown.questions import timeline as questions

    assert questions.show_kept(...).status == feedback.NOT_ATTEMPTED
    shown = questions.show_kept(EVENTS[EVENTS["date"].dt.year == 2019])._repr_html_()
    assert "Christchurch" in shown and "precision" in shown
