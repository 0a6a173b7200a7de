"""Lesson 08: the ready-made briefing panels, and the capstone's checks of figure and text."""

import json
import re
from pathlib import Path

import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from answers_08 import ASSESSMENT, FIGURE_ALT, PANELS, briefing_figure
from takedown import charts, data, text
from takedown.charts import briefing
from takedown.questions import answer_key, capstone, questions_for

ALLOWED = {c.lower() for c in charts.OKABE_ITO} | {charts.GREY.lower(), "#ffffff", "#000000", "white", "black"}


def q(number):
    return questions_for("08_capstone")[number - 1]


# ---- The ready-made panels ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(briefing.PANELS))
def test_panel_is_one_plain_trace_with_titles(name):
    trace = briefing.panel_trace(name)
    assert isinstance(trace, go.Bar)
    assert trace.type not in capstone.MAP_TRACES
    assert briefing.panel_title(name).strip()
    assert all(title.strip() for title in briefing.axis_titles(name))


@pytest.mark.parametrize("name", list(briefing.PANELS))
def test_panel_colours_come_from_the_palette(name):
    marker = briefing.panel_trace(name).marker
    colours = marker.color if isinstance(marker.color, (list, tuple)) else [marker.color]
    lines = marker.line.color if isinstance(marker.line.color, (list, tuple)) else [marker.line.color]
    assert {c.lower() for c in list(colours) + list(lines) if c} <= ALLOWED


@pytest.mark.parametrize("name", list(briefing.PANELS))
def test_preview_has_title_axes_source_note_and_alt_text(name):
    chart = briefing.preview(name)
    fig = chart.figure
    assert fig.layout.title.text and fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    assert capstone.source_notes(fig), "the preview names its sources"
    assert len(chart.alt_text) > 40 and chart.alt_text.endswith(".") and "\n" not in chart.alt_text
    assert len(text.sentences(chart.alt_text)) == 1
    assert len(fig.to_json()) < 100_000


@pytest.mark.parametrize("name", list(briefing.PANELS))
def test_every_source_of_a_panel_has_a_short_name(name):
    known = set(data.sources()["source"])
    for source in briefing.PANELS[name].sources():
        assert source in known
        assert source in briefing.SHORT_NAMES, f"{source} needs a short name for source notes"


def test_secondary_sources_are_marked_in_source_notes():
    assert any("(secondary)" in name for name in briefing.panel_sources("suspensions"))
    assert "Twitter's blog" in briefing.panel_sources("suspensions")
    assert briefing.panel_sources("telegram") == ["CREST 2021"]


def test_panel_data_follow_the_course_tables():
    suspensions = briefing.panel_trace("suspensions")
    halves = data.suspensions().query("type == 'half-year'").sort_values("period_start")
    assert list(suspensions.y) == list(halves["accounts"])
    countries = briefing.panel_trace("countries")
    assert sum(countries.x) == len(data.countries())
    referrals = briefing.panel_trace("referrals")
    assert "more than 80%" in [label.replace("<br>", " ") for label in referrals.text]


def test_alt_text_of_a_grid_follows_its_panels():
    alt = briefing.alt_text(["countries", "telegram"])
    assert alt.startswith("Figure of 2 panels: (1) Bars of the 8 countries")
    assert "(2) Bars of the average lifespan" in alt
    assert len(text.sentences(alt)) == 1


# ---- Reading a figure ----------------------------------------------------------------------------


def test_panels_are_counted_from_traces_not_from_empty_cells():
    fig = make_subplots(rows=2, cols=2)
    fig.add_trace(go.Bar(x=[1], y=[2]), row=1, col=1)
    assert len(capstone.panels(fig)) == 1
    fig.add_trace(go.Bar(x=[1], y=[3]), row=2, col=2)
    fig.add_trace(go.Scatter(x=[1], y=[3]), row=2, col=2)
    assert len(capstone.panels(fig)) == 2


def test_each_panel_finds_its_own_title():
    fig = briefing_figure()
    titles = [capstone.panel_title(fig, panel) for panel in capstone.panels(fig)]
    assert titles == [briefing.panel_title(name) for name in PANELS]


def test_source_names_are_grounded_in_the_sources_table():
    """Every name a note may cite appears in the title or address of a source the course holds."""
    sources = " ".join(data.sources()["title"]) + " " + " ".join(data.sources()["url"])
    for name in capstone.SOURCE_NAMES:
        assert re.search(re.escape(name), sources, re.IGNORECASE), name


@pytest.mark.parametrize(
    "note, expected",
    [
        ("Sources: Europol; CREST 2021", {"Europol", "CREST"}),
        ("<b>Sources</b><br>Twitter's blog; Reuters (secondary)", {"Twitter", "Reuters"}),
        ("Sources: crestfallen europolitics", set()),
    ],
)
def test_names_cited_are_whole_words(note, expected):
    assert set(capstone.names_cited(note)) == expected


# ---- Question 2: what the figure check asks for ---------------------------------------------------


@pytest.mark.parametrize(
    "figure, says",
    [
        (briefing_figure(PANELS[:2]), "2 panels"),
        (briefing_figure(PANELS[:1]), "one panel"),
        (go.Figure(), "no panel"),
        (briefing_figure(title=None), "title"),
        (briefing_figure(title="   "), "title"),
        (briefing_figure(panel_titles=False), "Panel 1 has no title"),
        (briefing_figure(axis_titles=False), "axis title"),
    ],
    ids=["two-panels", "one-panel", "empty", "no-title", "blank-title", "no-panel-titles", "no-axis-titles"],
)
def test_figure_check_says_what_is_missing(figure, says):
    verdict = q(2).check(figure)
    assert verdict.status == "incorrect"
    assert says in verdict.message


def test_figure_check_refuses_plotly_maps():
    fig = briefing_figure()
    fig.add_trace(go.Scattergeo(lon=[4.4], lat=[50.8]))
    verdict = q(2).check(fig)
    assert verdict.status == "incorrect" and "internet" in verdict.message


def test_figure_of_own_traces_passes():
    """Students may draw their own panels: any three titled, labelled xy panels pass."""
    fig = make_subplots(rows=1, cols=3, subplot_titles=["A fell", "B rose", "C stayed"])
    for col in (1, 2, 3):
        fig.add_trace(go.Scatter(x=[2016, 2017], y=[col, col + 1]), row=1, col=col)
        fig.update_yaxes(title_text="Accounts per half-year", row=1, col=col)
    fig.update_layout(title="Three panels")
    fig.add_annotation(text="Sources: Europol; CREST 2021", xref="paper", yref="paper", x=0, y=-0.2, showarrow=False)
    assert q(2).check(fig).status == "correct"


@pytest.mark.parametrize(
    "figure, says",
    [
        (briefing_figure(note=None), "add a source note"),
        (briefing_figure(note="Sources: my own research"), "fewer than two"),
        (briefing_figure(note="Sources: Europol"), "fewer than two"),
    ],
    ids=["no-note", "no-named-source", "one-source"],
)
def test_source_note_check_says_what_is_missing(figure, says):
    verdict = q(2).check(figure)
    assert verdict.status == "incorrect"
    assert says in verdict.message


def test_a_hand_written_source_note_passes():
    assert (
        q(2)
        .check(briefing_figure(note="Sources: Twitter transparency reports via Reuters (secondary); CREST 2021"))
        .status
        == "correct"
    )


# ---- Question 3: the text alternative ------------------------------------------------------------


@pytest.mark.parametrize(
    "answer, says",
    [
        ("Four panels: 1, 2.", "at least 20"),
        (" ".join(["panel 12"] * 101), "200 at most"),
        (" ".join(["word"] * 30) + " 12 and 14", "has panels"),
        ("Figure of four panels " + " ".join(["word"] * 30), "key numbers"),
    ],
    ids=["short", "long", "no-panels", "no-numbers"],
)
def test_text_alternative_check(answer, says):
    verdict = q(3).check(answer)
    assert verdict.status == "incorrect" and says in verdict.message


def test_the_text_alternative_must_be_the_students_own_edit():
    """D2: the untouched output of briefing.alt_text(chosen) passed Question 3. It is a draft: the check wants the
    student's own edit (a point first, shorter sentences), and says so."""
    assert q(3).check(FIGURE_ALT).status == "correct"
    for chosen in (["countries", "suspensions", "telegram"], list(briefing.PANELS)):
        verdict = q(3).check(briefing.alt_text(chosen))
        assert verdict.status == "incorrect" and "make it yours" in verdict.message
    edited = "Taking down servers did not stop the outlets for long. " + briefing.alt_text(["suspensions", "telegram"])
    assert q(3).check(edited).status == "correct"


# ---- Question 4: length and a source, never the quality ---------------------------------------


def words(n, source="Europol"):
    return " ".join(["word"] * (n - 1) + [source])


@pytest.mark.parametrize(
    "answer, status, says",
    [
        (words(79), "incorrect", "at least 80"),
        (words(301), "incorrect", "300 at most"),
        (words(120, source="nobody"), "incorrect", "source"),
        (words(80), "correct", "cannot judge"),
        (words(120, source="https://doi.org/10.1080/1057610X.2018.1513984"), "correct", "cannot judge"),
    ],
)
def test_assessment_check_counts_words_and_looks_for_a_source(answer, status, says):
    verdict = q(4).check(answer)
    assert verdict.status == status
    assert says in verdict.message


def test_assessment_check_is_honest_about_what_it_checks():
    """A text of filler words that names a source passes: the check is formal, the rubric judges."""
    verdict = q(4).check(words(150))
    assert verdict.status == "correct" and "rubric" in verdict.message


def test_word_count():
    assert capstone.word_count("Twitter's 1,210,357 accounts – 63% in 2017.") == 6
    assert capstone.WORDS[0] <= capstone.word_count(ASSESSMENT) <= capstone.WORDS[1]


# ---- Question 1: a number read with lesson 05's question, activity or effect? --------------------


@pytest.mark.parametrize(
    "answer, says",
    [
        (-39.3, "sign"),
        (0.393, "fraction"),
        (60.7, "left"),
        (64.8, "EARLIER"),
        (55.8, "which lesson 08 computed"),  # the lesson's first-to-last fall, printed there: not this question's
        (18.8, "two halves of 2018"),
        (31.5, "first halves"),
        (27.2, "2016 with 2017"),
        (86.2, "running total"),  # the running total to December 2017 taken for the half-year
        (10, "Not quite"),
    ],
)
def test_suspension_fall_traps(answer, says):
    verdict = q(1).check(answer)
    assert verdict.status == "incorrect" and says in verdict.message
    assert not re.search(r"39\.3|\b39\b", verdict.message)


@pytest.mark.parametrize("answer", [39.33, 39, 39.5])
def test_suspension_fall_accepts_rounding(answer):
    assert q(1).check(answer).status == "correct"


def test_the_fall_compares_the_same_half_of_two_years_which_no_lesson_prints():
    """Issue 20: lesson 08 prints the first-to-last fall (56%); the exercise asks for another one."""
    assert round(capstone.half_year_fall(), 1) == 39.3
    lesson = (COURSE / "notebooks" / "08_capstone.ipynb").read_text(encoding="utf-8")
    assert "a fall of 56%" in lesson and not re.search(r"\b39(\.3)?%", lesson)


def test_right_answer_says_it_is_activity_not_the_operations_effect():
    """Lesson 05 ("Activity or effect?") and lesson 08 (section 5): Twitter's figures are not the operation's."""
    message = q(1).check(39.3).message
    assert "activity" in message and "not the effect of the April 2018 operation" in message
    assert "headline" not in " ".join([message, *q(1).hints]).lower()


def test_model_answer_does_not_credit_the_operation_with_twitters_figures():
    namespace = {}
    exec(answer_key(capstone.q4), namespace)
    model = namespace["assessment"]
    bottom_line = model.strip().split("\n\n")[0]
    assert "Twitter" not in bottom_line and "suspension" not in bottom_line.lower()
    assert not re.search(r"(?i)removal works|suspensions? (are |were )?falling", model)
    assert "not the operation's effect" in model
    assert "ICCT" in model and "VOX-Pol report, 2017" in model


# ---- Readable at 100% zoom -----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(briefing.PANELS))
def test_bar_labels_and_source_notes_are_readable(name):
    """Labels on the bars and the source note are at least 12 px, and plotly may not shrink a label."""
    trace = briefing.panel_trace(name)
    assert trace.textfont.size >= 12
    if trace.textposition == "outside":
        assert trace.constraintext == "none", "plotly shrinks an outside label to the bar's width otherwise"
    notes = [note for note in briefing.preview(name).figure.layout.annotations if "Sources" in note.text]
    assert notes and all(note.font.size >= 12 for note in notes)


def test_long_labels_inside_bars_are_broken_into_short_lines():
    """A row of country names on a bar wraps, so it fits a narrow panel at full size."""
    labels = briefing.panel_trace("countries").text
    assert any("<br>" in label for label in labels)
    assert all(len(line) <= 22 for label in labels for line in label.split("<br>"))
    names = [name.strip(", ") for label in labels for name in label.replace("<br>", " ").split(", ")]
    assert sorted(names) == sorted(data.countries()["name"])


def test_source_note_lines_fit_under_a_two_panel_grid():
    """Each line of a source note is short enough to fit the page, and no source name is split."""
    note = briefing.source_note(list(briefing.PANELS))
    lines = note.split("<br>")
    assert all(len(line) <= briefing.NOTE_LINE for line in lines)
    for name in briefing.PANELS:
        for source in briefing.panel_sources(name):
            assert any(source in line for line in lines), source


# ---- One rubric, with its points, wherever a student or instructor reads it ------------------------

COURSE = Path(__file__).resolve().parents[1]


def rubric_table(notebook):
    """(header levels, rows) of the rubric table in a capstone notebook: the markdown table after 'The rubric'."""
    cells = json.loads((COURSE / notebook).read_text(encoding="utf-8"))["cells"]
    text = next(
        "".join(cell["source"])
        for cell in cells
        if cell["cell_type"] == "markdown" and re.search(r"## (\d\. )?The rubric", "".join(cell["source"]))
    )
    lines = text[re.search(r"## (\d\. )?The rubric", text).start() :].splitlines()
    header = next(line for line in lines if line.startswith("| Criterion"))
    rows = [
        tuple(part.strip().strip("*") for part in line.strip("|").split("|"))
        for line in lines
        if line.startswith("| **")
    ]
    return [part.strip() for part in header.strip("|").split("|")][1:], rows


@pytest.mark.parametrize(
    "notebook", ["notebooks/08_capstone.ipynb", "solutions/08_capstone.ipynb", "exercises/08_capstone.ipynb"]
)
def test_the_rubric_table_shows_the_questions_rubric_and_points(notebook):
    levels, rows = rubric_table(notebook)
    assert levels == [
        f"{level} ({points} point{'' if points == 1 else 's'})" for level, points in capstone.RUBRIC.levels
    ]
    assert rows == [(criterion, *texts) for criterion, texts in capstone.RUBRIC.criteria]


def test_the_answer_keys_source_note_is_as_readable_as_the_lessons():
    """The lesson, the answer key and the question's solution all write the source note at briefing.NOTE_SIZE."""
    assert "font=dict(size=briefing.NOTE_SIZE)" in answer_key(capstone.q2)
    assert not re.search(r"size=\d", answer_key(capstone.q2))
    for notebook in ("notebooks/08_capstone.ipynb", "solutions/08_capstone.ipynb"):
        code = "".join(
            "".join(cell["source"])
            for cell in json.loads((COURSE / notebook).read_text())["cells"]
            if cell["cell_type"] == "code"
        )
        assert "size=briefing.NOTE_SIZE" in code and not re.search(r"font=dict\(size=\d", code), notebook


# ---- Questions 5 and 6: what number would show the effect, and do we have it? -------------------------


def test_a_claim_of_effect_without_a_measure_is_not_yet_a_finding():
    """Question 5 applies lesson 05's question to a statement no lesson shows; each wrong option is a real mistake
    and its verdict says which (an insider's view taken for a measure, a claim of effect called activity, an
    outlet's moves read as fewer people reached)."""
    assert q(5).check("a").status == "correct"
    for wrong in "bcd":
        verdict = q(5).check(wrong)
        assert verdict.status == "incorrect" and verdict.message.startswith("No:")
    assert "measurement" in q(5).check("b").message and "effect" in q(5).check("c").message
    assert "activity" in q(5).check("d").message
    assert not any(re.search(r'"a"', hint) for hint in q(5).hints), "a hint is never the answer"


def test_the_footprint_statement_is_sourced_and_in_no_lesson():
    sources = data.sources().set_index("source")
    assert capstone.FOOTPRINT_QUOTE in sources.loc[capstone.FOOTPRINT_SOURCE, "title"]
    assert sources.loc[capstone.FOOTPRINT_SOURCE, "terrorist_media"] == "no"
    for lesson in sorted((COURSE / "notebooks").glob("*.ipynb")):
        assert "footprint" not in lesson.read_text(encoding="utf-8").lower(), lesson.name


@pytest.mark.parametrize("notebook", ["solutions/08_capstone.ipynb", "exercises/08_capstone.ipynb"])
def test_the_notebook_shows_question_5s_options_and_question_6s_rubric(notebook):
    cells = json.loads((COURSE / notebook).read_text())["cells"]
    text = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    for letter, option in capstone.FOOTPRINT_OPTIONS.items():
        assert f"- {letter}) {option}" in text
    for criterion, levels in capstone.DO_WE_HAVE_IT_RUBRIC.criteria:
        assert f"| **{criterion}** | " + " | ".join(levels) + " |" in text


def test_question_6s_rubric_states_criteria_not_the_answer():
    """Issue 20: the rubric students see must not hold the answer ("says we do not, and why: ...")."""
    shown = " ".join(" ".join(levels) for _, levels in capstone.DO_WE_HAVE_IT_RUBRIC.criteria).lower()
    for answer in ("we do not", "icct", "telegram", "difficult to assess", "reach", "says we have it"):
        assert answer not in shown, answer


def test_the_model_answer_says_we_do_not_have_it_as_lessons_05_and_08_do():
    namespace = {}
    exec(answer_key(capstone.q6), namespace)
    model = namespace["do_we_have_it"]
    assert model.strip().startswith("No.") and "ICCT" in model and "difficult" in model and "activity" in model
    assert q(6).check(model).status == "correct"
    assert q(6).check("No, we do not.").status == "incorrect"  # too short to give a reason


def test_whether_we_have_the_number_is_scored_by_a_person_not_by_keywords():
    """Issue 20: the old check credited any 20-150 words with "no", "not", "yes"... ("Yes, we have it" scored)."""
    assert q(6).needs_review and q(6).points == q(6).rubric.max_points == 4
    filler = "Yes, we have it: " + " ".join(["word"] * 30)
    verdict = q(6).check(filler)
    assert "teacher scores" in verdict.message and "right" not in verdict.message.lower()
    assert [criterion for criterion, _ in q(6).rubric.criteria] == ["The figures tested", "What it would take"]


def test_the_footprint_quote_is_the_officials_whole_sentence():
    """Fact-check R3: the sentence goes on "but the golden objective ... has not yet been reached"; 25 April to
    19 August 2018 is 116 days, almost four months."""
    assert capstone.FOOTPRINT_QUOTE.endswith("has not yet been reached")
    for notebook in ("solutions/08_capstone.ipynb", "exercises/08_capstone.ipynb"):
        cells = json.loads((COURSE / notebook).read_text())["cells"]
        shown = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
        assert f'*"{capstone.FOOTPRINT_QUOTE}."*' in shown and "almost four months after the operation" in shown
        assert 'definitely less than it was before."' not in shown


def test_question_6_names_the_one_assessment_the_course_holds_and_bbc_monitoring():
    """Fact-check R3: the ICCT analysis is the one assessment *the course holds*; BBC Monitoring's observation too."""
    hint = q(6).hints[1]
    assert "the one assessment of the operation the course holds" in hint and "BBC Monitoring" in hint
    namespace = {}
    exec(answer_key(capstone.q6), namespace)
    model = namespace["do_we_have_it"]
    assert "the course holds" in model and "BBC Monitoring" in model
    assert q(6).check(model).status == "correct"
