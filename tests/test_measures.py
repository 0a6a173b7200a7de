"""Lesson 05's data and charts: running totals against half-years, bounds, sources, and the charts."""

import io
import re

import matplotlib

matplotlib.use("Agg")  # no windows, no display needed

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex, to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from takedown import charts, data, text  # noqa: E402
from takedown.charts import measures  # noqa: E402
from takedown.questions import answer_key, questions_for  # noqa: E402

CHARTS = ["suspensions_chart", "periods_chart", "referrals_chart", "conway_chart", "crest_chart"]
ALLOWED = {c.lower() for c in charts.OKABE_ITO} | {charts.GREY.lower(), "#ffffff", "#000000"}
QUALIFIERS = {"", ">", "<", "~"}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# ---- Suspensions: running totals and half-years ------------------------------------------------


def test_suspension_figures_are_running_totals_or_half_years():
    table = data.suspensions()
    assert set(table["type"]) == {"cumulative", "half-year"}
    assert set(table["qualifier"]) <= QUALIFIERS
    assert (table["accounts"] > 0).all()
    assert (table["period_start"] <= table["period_end"]).all()


def test_running_totals_all_start_when_counting_began():
    """Every cumulative figure counts from 1 August 2015, so they overlap each other."""
    totals = data.suspensions().query("type == 'cumulative'")
    assert set(totals["period_start"]) == {pd.Timestamp("2015-08-01")}
    assert totals["period_end"].is_unique


def test_half_years_are_six_months_and_follow_one_another():
    halves = data.suspensions().query("type == 'half-year'").sort_values("period_start")
    assert (halves["months"] == 6).all()
    assert (halves["period_start"].dt.month.isin([1, 7])).all()
    gaps = (
        halves["period_start"].iloc[1:].to_numpy() - (halves["period_end"].iloc[:-1] + pd.Timedelta(days=1)).to_numpy()
    )
    assert (gaps == pd.Timedelta(0)).all(), "half-years overlap or leave a gap"


def test_running_totals_and_half_years_add_up():
    """Each running total is the one before it plus the half-years in between (the lesson's check)."""
    table = data.suspensions()
    totals = table.query("type == 'cumulative'").sort_values("period_end")
    halves = table.query("type == 'half-year'")
    for (_, before), (_, after) in zip(totals.iloc[:-1].iterrows(), totals.iloc[1:].iterrows()):
        between = halves[
            (halves["period_start"] > before["period_end"]) & (halves["period_end"] <= after["period_end"])
        ]
        assert before["accounts"] + between["accounts"].sum() == after["accounts"]


def test_months_and_period_labels():
    table = data.suspensions().set_index("period")
    assert table.loc["Aug 2015 – Dec 2016", "months"] == 17
    assert table.loc["Jul–Dec 2016", "months"] == 6


def test_the_primary_figure_wins_over_a_garbled_copy():
    """July–December 2018: Twitter's own blog says 166,513; an aggregator printed 166,153."""
    row = data.suspensions().query("period == 'Jul–Dec 2018'").iloc[0]
    assert row["accounts"] == 166513
    assert row["source_kind"] == "primary"
    assert "166153" in row["note"] or "166,153" in row["note"]


def test_secondary_sources_are_marked():
    """Most suspension figures were read only in copies: they say so, and the weakest one too."""
    table = data.suspensions()
    assert (table["source_kind"] == "secondary").sum() >= 5
    sources = data.sources().set_index("source")
    assert sources.loc["shortpedia_twitter_2018", "checked"] == "secondary only"


# ---- Referrals and research ----------------------------------------------------------------------


def test_referral_bounds_and_types():
    table = data.referrals()
    assert set(table["qualifier"]) <= QUALIFIERS
    assert set(table["type"]) <= {"cumulative", "share", "one action"}
    shares = table[table["type"] == "share"]
    assert (shares["unit"] == "percent").all() and shares["value"].between(0, 100).all()
    assert (table["qualifier"] == ">").sum() >= 3, "the 'more than' figures must stay lower bounds"
    assert table.loc[table["value"] == 30000, "qualifier"].item() == ">"


def test_research_findings_name_their_study_and_where_it_was_read():
    table = data.research_findings()
    sources = set(data.sources()["source"])
    assert set(table["study_source"]) <= sources
    assert set(table["qualifier"]) <= QUALIFIERS
    percent = table[table["unit"] == "percent"]
    assert percent["value"].between(0, 100).all()
    conway = table[table["study"] == "Conway et al. 2019"]
    assert set(conway["study_source"]) == {"conway_2019_paper"}
    assert (conway["source_kind"] == "secondary").all(), "read in the authors' summary, a re-publication"


def test_research_figures_from_the_reference_sheet():
    table = data.research_findings()
    crest = table[table["study"] == "CREST 2021"].set_index(["measure", "group"])["value"]
    assert crest[("average lifespan of new channels", "after the October 2018 action day")] == 302
    assert crest[("average lifespan of new channels", "after the November 2019 action day")] == 14
    assert crest[("new channels created", "after the November 2019 action day")] == 105
    conway = table[table["study"] == "Conway et al. 2019"].set_index(["measure", "group"])
    assert conway.loc[("share suspended within two days of creation", "pro-IS accounts"), "qualifier"] == ">"
    assert conway.loc[("share suspended within two days of creation", "other jihadist accounts"), "qualifier"] == "<"


# ---- Charts --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    made = {name: getattr(measures, name)() for name in CHARTS}
    yield made
    for chart in made.values():
        plt.close(chart.figure)


def title_of(fig):
    return fig.get_suptitle() or (fig.axes[0].get_title() if len(fig.axes) == 1 else "")


@pytest.mark.parametrize("name", CHARTS)
def test_chart_has_title_and_labelled_axes(built, name):
    fig = built[name].figure
    assert isinstance(built[name], charts.Chart) and isinstance(fig, Figure)
    assert title_of(fig).strip()
    for ax in fig.axes:
        assert ax.get_xlabel().strip() and ax.get_ylabel().strip(), f"{name}: an axes has no label"


@pytest.mark.parametrize("name", ["suspensions_chart", "referrals_chart"])
def test_running_totals_have_their_own_axis(built, name):
    """A running total is never drawn on the same axis as a figure for one period."""
    labels = [ax.get_ylabel().lower() for ax in built[name].figure.axes]
    assert any("running total" in label or "since" in label for label in labels)
    assert len(built[name].figure.axes) == 2


def test_units_and_periods_are_in_the_labels(built):
    left, right = built["suspensions_chart"].figure.axes
    assert "accounts" in left.get_ylabel().lower() and "half-year" in left.get_ylabel().lower()
    assert "since" in right.get_ylabel().lower()
    assert all(
        "%" in ax.get_ylabel() or "(average)" in ax.get_ylabel() or "number" in ax.get_ylabel().lower()
        for ax in built["crest_chart"].figure.axes
    )


def test_lower_bounds_are_labelled_in_words(built):
    texts = [t.get_text() for ax in built["referrals_chart"].figure.axes for t in ax.texts]
    assert any(t.startswith("more than 30,000") for t in texts)
    assert "more than 80%" in texts


@pytest.mark.parametrize("name", CHARTS)
def test_chart_draws_and_is_closed(built, name):
    buffer = io.BytesIO()
    built[name].figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")
    before = set(plt.get_fignums())
    getattr(measures, name)()
    assert set(plt.get_fignums()) == before


@pytest.mark.parametrize("name", CHARTS)
def test_alt_text_is_one_sentence(built, name):
    alt = built[name].alt_text
    assert alt.strip() == alt and alt.endswith(".") and "\n" not in alt
    assert len(text.sentences(alt)) == 1, text.sentences(alt)


def hex_of(colour):
    rgba = to_rgba(colour)
    return None if rgba[3] == 0 else to_hex(rgba)


@pytest.mark.parametrize("name", CHARTS)
def test_fills_come_from_the_palette(built, name):
    fig = built[name].figure
    fills = set()
    for ax in fig.axes:
        fills |= {hex_of(patch.get_facecolor()) for patch in ax.patches}
        for collection in ax.collections:
            fills |= {hex_of(tuple(colour)) for colour in collection.get_facecolors()}
    for legend in list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]:
        fills |= {hex_of(patch.get_facecolor()) for patch in legend.get_patches()}
    fills.discard(None)
    assert fills <= ALLOWED, f"{name}: colours outside the palette: {fills - ALLOWED}"


def test_alt_texts_say_what_the_data_say(built):
    assert "376,890 (Jul–Dec 2016)" in built["suspensions_chart"].alt_text
    assert "1,210,357 by December 2017" in built["suspensions_chart"].alt_text
    assert "6 of the 8 figures were seen only in secondary sources" in built["suspensions_chart"].alt_text
    assert "more than 30,000 items referred (July 2017)" in built["referrals_chart"].alt_text
    assert "about 36%" in built["conway_chart"].alt_text
    assert "302 days and 14 days" in built["crest_chart"].alt_text


def test_alt_text_follows_the_data(monkeypatch):
    """Drop the last half-year from the data and the suspensions chart's text alternative changes."""
    original = data.suspensions
    monkeypatch.setattr(data, "suspensions", lambda: original().query("period != 'Jul–Dec 2018'"))
    alt = measures.suspensions_chart().alt_text
    assert "205,156 (Jan–Jun 2018)" in alt and "166,513" not in alt
    assert "6 of the 7 figures" in alt  # the blog's figure is dropped; the @Policy tweet stays primary


def test_computed_share_is_marked_as_computed():
    shares = measures.conway_shares()
    value, qualifier, how = shares["other jihadist accounts"]["by the end of the study"]
    assert how == "computed by the course" and qualifier == "~" and value == round(100 * 163 / 451)
    assert shares["pro-IS accounts"]["by the end of the study"][2] == "published"


@pytest.mark.parametrize(
    "value, qualifier, unit, expected",
    [
        (30000.0, ">", "", "more than 30,000"),
        (80.0, ">", "percent", "more than 80%"),
        (83.64, "", "percent", "83.64%"),
        (1.0, "<", "percent", "less than 1%"),
        (4.6, "", "", "4.6"),
    ],
)
def test_qualified_numbers_read_as_words(value, qualifier, unit, expected):
    assert measures.qualified(value, qualifier, unit) == expected


# ---- Exercise 05: feedback that teaches the trap without giving the answer ----------------------


def q(number):
    return questions_for("05_measuring")[number - 1]


@pytest.mark.parametrize(
    "number, answer, says",
    [
        (1, 636248, "running total itself"),
        (1, 376890, "half-year"),
        (1, 636248 + 376890, "Subtract"),
        (2, 4105170, "every row"),
        (2, 636248 + 935897 + 1210357, "running totals"),
        (2, 376890 + 299649 + 274460 + 205156 + 166513, "half-years only"),
        (2, 1210357, "which months does this total not cover"),
        (4, 455 * 0.63, "part"),
        (4, 455 / 63, "0.63"),
        (4, 455, "the part"),
        (5, "a", "carries the 'more than'"),
        (5, "b", "drops the qualifier"),
        (5, "d", "the lower bound"),
    ],
)
def test_each_trap_gets_its_own_message(number, answer, says):
    verdict = q(number).check(answer)
    assert verdict.status == "incorrect"
    assert says.lower() in verdict.message.lower()


@pytest.mark.parametrize(
    "number, answer, forbidden",
    [
        (1, 636248, [r"259,?358"]),
        (1, 1, [r"259,?358"]),
        (1, 10**9, [r"259,?358"]),
        (2, 4105170, [r"1,?582,?026"]),
        (2, 1322668, [r"1,?582,?026"]),
        (2, 5, [r"1,?582,?026"]),
        (4, 455, [r"\b72[0-9]\b"]),
        (4, 500, [r"\b72[0-9]\b"]),
    ],
)
def test_wrong_answers_never_reveal_the_expected_number(number, answer, forbidden):
    verdict = q(number).check(answer)
    assert verdict.status == "incorrect"
    for pattern in forbidden:
        assert not re.search(pattern, verdict.message), verdict.message


@pytest.mark.parametrize("answer", [722, 722.2, 717, 728])
def test_whole_accepts_what_the_rounded_share_allows(answer):
    """63% is rounded, so any whole from 455/0.635 to 455/0.625 is right; far outside it is not."""
    assert q(4).check(answer).status == "correct"


@pytest.mark.parametrize("answer", [700, 750, 63])
def test_whole_outside_the_rounding_is_not_right(answer):
    assert q(4).check(answer).status == "incorrect"


def test_chart_question_wants_unit_and_period():
    from answers_05 import half_year_bars

    assert q(3).check(half_year_bars(value_label="Accounts")).status == "incorrect"
    assert "period" in q(3).check(half_year_bars(value_label="Accounts")).message
    assert "unit" in q(3).check(half_year_bars(value_label="Suspensions per half-year")).message
    assert q(3).check(half_year_bars(title=None)).status == "incorrect"
    horizontal = half_year_bars(orientation="h", x="accounts", y="period")
    assert q(3).check(horizontal).status == "correct"


def test_numpy_and_float_answers_are_read():
    import numpy as np

    assert q(1).check(np.int64(259358)).status == "correct"
    assert q(2).check(1582026.0).status == "correct"
    assert q(4).check(np.float64(722.2)).status == "correct"
    assert q(5).check(" (C) ").status == "correct"
    assert q(1).check(True).status == "wrong kind"


def test_suspensions_chart_marks_secondary_figures_without_colour(built):
    """Primary and secondary figures differ by hatching (bars) and marker shape (points), not colour alone."""
    left, right = built["suspensions_chart"].figure.axes
    halves = data.suspensions().query("type == 'half-year'").sort_values("period_start")
    hatches = [patch.get_hatch() for patch in left.patches]
    assert hatches == [measures.KIND_HATCHES[kind] for kind in halves["source_kind"]]
    assert len(set(hatches)) == 2, "the primary and the secondary bars look alike apart from colour"
    from matplotlib.markers import MarkerStyle

    def shape(marker):
        style = MarkerStyle(marker)
        return style.get_path().transformed(style.get_transform()).vertices.round(6).tobytes()

    totals = data.suspensions().query("type == 'cumulative'")
    drawn = [
        collection.get_paths()[0].vertices.round(6).tobytes()
        for collection in right.collections
        if len(collection.get_offsets())
    ]
    assert sorted(drawn) == sorted(shape(measures.KIND_MARKERS[kind]) for kind in sorted(set(totals["source_kind"])))
    assert shape(measures.KIND_MARKERS["primary"]) != shape(measures.KIND_MARKERS["secondary"])
    legend_hatches = {
        patch.get_hatch() for legend in built["suspensions_chart"].figure.legends for patch in legend.get_patches()
    }
    assert legend_hatches == {None, "//"}


def test_lesson_05_asks_every_check_in_order_with_its_options():
    from takedown import feedback
    from takedown.questions import lesson_05
    from test_timeline import lesson_checks_asked

    asked = lesson_checks_asked("notebooks/05_measuring.ipynb", "lesson_05")
    assert [name for name, _ in asked] == [f"c{n}" for n in range(1, len(lesson_05.QUESTIONS) + 1)]
    for (_, markdown), question in zip(asked, lesson_05.QUESTIONS):
        assert f"**{question.name}" in markdown
        if not re.search(r'= "[a-d]"$', answer_key(question)):  # a number to compute: say where it goes
            assert f"`{question.answer_name}`" in markdown
            continue
        options = re.findall(r"^([a-d])\) ", markdown, re.M)
        assert options and options == sorted(options), markdown
        assert question.verdict(chr(ord(options[-1]) + 1)).status == feedback.WRONG_KIND


def test_lesson_05_works_px_bar_and_def_before_the_exercise_needs_them():
    from pathlib import Path

    import nbformat

    cells = nbformat.read(Path(__file__).resolve().parents[1] / "notebooks/05_measuring.ipynb", as_version=4).cells
    sources = [cell.source for cell in cells]
    bar = next(i for i, source in enumerate(sources) if "px.bar(" in source and cells[i].cell_type == "code")
    assert "px.bar" in sources[bar - 1] and "labels" in sources[bar - 1]
    assert "suspensions" not in sources[bar], "the worked example must not be the exercise's answer"
    # No `def` for a two-line subtraction (issue 21): figures are looked up by label, an idiom explained
    # (with its phrasebook entry) just before the first cell that uses it.
    assert not any(cell.cell_type == "code" and re.search(r"^def ", cell.source, re.M) for cell in cells)
    lookup = next(
        i for i, source in enumerate(sources) if 'running_totals["' in source and cells[i].cell_type == "code"
    )
    assert "square brackets" in sources[lookup - 1] and "phrasebook" in sources[lookup - 1]


def test_running_totals_and_half_years_are_looked_up_by_their_dates():
    """Lesson 05's look-up tables: a running total by the day it runs to, a half-year by the day it starts;
    a date no figure has gets a sentence listing the labels, not a bare KeyError."""
    from takedown.measures import half_years, running_totals

    totals, halves = running_totals(), half_years()
    assert totals["2017-12-31"] - totals["2016-12-31"] == halves["2017-01-01"] + halves["2017-07-01"]
    assert totals["2016-12-31"] + halves["2017-01-01"] == totals["2017-06-30"]
    with pytest.raises(KeyError) as missing:
        totals["2016-12-30"]
    assert 'No running total is labelled "2016-12-30"' in missing.value.args[0]
    assert "The labels are: 2016-12-31, 2017-06-30, 2017-12-31" in missing.value.args[0]


def test_exercise_05_tells_a_reversed_subtraction_a_series_and_an_unused_axis_label():
    """Walk-through W2: a negative Question 1, two one-row selections subtracted (a Series), and labels keyed
    "x"/"y" (which plotly ignores) each get a message that says what to do."""
    import pandas as pd
    import plotly.express as px

    assert "negative" in q(1).check(-259358).message
    assert ".item()" in q(1).check(pd.Series([float("nan")], index=[3])).message
    half_years = data.suspensions().query("type == 'half-year'")
    ignored = px.bar(
        half_years,
        x="period",
        y="accounts",
        title="Per half-year",
        labels={"x": "Half-year", "y": "Accounts per half-year"},
    )
    verdict = q(3).check(ignored)
    assert verdict.status == "incorrect" and 'labels={"accounts"' in verdict.message
