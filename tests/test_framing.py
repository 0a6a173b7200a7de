"""Lesson 07: the EU policy table and its join with the timeline, the text analysis, charts and checks."""

import io
import re

import matplotlib

matplotlib.use("Agg")  # no windows, no display needed

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex, to_rgba  # noqa: E402

from takedown import data, feedback, framing, text  # noqa: E402
from takedown.charts import framing as framing_charts  # noqa: E402
from takedown.charts import style  # noqa: E402
from takedown.questions import questions_for  # noqa: E402

ALLOWED = {colour.lower() for colour in style.OKABE_ITO} | {style.GREY.lower(), "#ffffff", "#000000"}
CHARTS = ["policy_path_chart", "word_frequency_chart", "mentions_chart"]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def clean():
    return data.article()


@pytest.fixture(scope="module")
def instruments():
    return data.policy_instruments().set_index("instrument")


# ---- The policy table ------------------------------------------------------------------------


def test_one_row_per_eu_text(instruments):
    assert list(instruments.index) == [
        "dir_2017_541",
        "com_2017_555",
        "rec_2018_334",
        "com_2018_640",
        "reg_2021_784",
        "dsa_2022_2065",
    ]
    assert list(instruments["kind"]) == [
        "directive",
        "communication",
        "recommendation",
        "proposal",
        "regulation",
        "regulation",
    ]


def test_only_the_regulation_binds(instruments):
    assert instruments["binding"].dtype == bool
    assert list(instruments.index[instruments["binding"]]) == ["dir_2017_541", "reg_2021_784", "dsa_2022_2065"]


def test_deadlines_are_whole_hours_or_empty(instruments):
    """The Communication sets no hour limit: that is missing (NA), never 0."""
    hours = instruments["removal_deadline_hours"]
    assert str(hours.dtype) == "Int64"
    assert hours.isna().tolist() == [True, True, False, False, False, True]
    assert (hours.dropna() == 1).all()


def test_fine_ceiling_only_where_the_course_verified_it(instruments):
    """4% of turnover is verified for the 2018 proposal only; the Regulation's cell stays empty and says why."""
    fines = instruments["max_fine_pct_of_global_turnover"]
    assert str(fines.dtype) == "Int64"
    assert fines.dropna().to_dict() == {"com_2018_640": 4}
    assert "up to 4%" in instruments.loc["com_2018_640", "penalties"]
    assert "not checked" in instruments.loc["reg_2021_784", "penalties"]


def test_legal_texts_cite_eur_lex_as_primary_sources(instruments):
    for key in ("rec_2018_334", "com_2018_640", "reg_2021_784"):
        assert "eur-lex.europa.eu" in instruments.loc[key, "source_url"]
        assert instruments.loc[key, "source_kind"] == "primary"


def test_policy_table_holds_no_dates(instruments):
    """Dates live once, in events.csv; the two tables are joined on `instrument`."""
    assert not [column for column in instruments.columns if "date" in column or "year" in column]


def test_every_text_has_dated_steps_in_the_timeline(instruments):
    steps = data.events().merge(instruments.reset_index(), on="instrument")
    # The Directive and the DSA are context for the path; their dates are not yet in lesson 04's timeline.
    assert set(instruments.index) - set(steps["instrument"]) == {"dir_2017_541", "dsa_2022_2065"}
    assert (steps["category"] == "policy").all()
    regulation = steps[steps["instrument"] == "reg_2021_784"].set_index("id")["date"]
    assert regulation["reg_2021_784_adopted"] == pd.Timestamp("2021-04-29")
    assert regulation["reg_2021_784_applies"] == pd.Timestamp("2022-06-07")


def test_policy_steps_follow_the_law_making_order():
    steps = framing_charts.policy_steps()
    assert steps["date"].is_monotonic_increasing
    first = steps.drop_duplicates("instrument")["instrument"].tolist()
    assert first == ["com_2017_555", "rec_2018_334", "com_2018_640", "reg_2021_784"]
    assert [framing_charts.step_name(step) for _, step in steps.iterrows()] == [
        "adopted",
        "adopted",
        "proposed",
        "adopted",
        "in force",
        "applies",
    ]


# ---- Words -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sample, expected",
    [
        ("The US and us", ["the", "US", "and", "us"]),
        ("IS is here", ["IS", "is", "here"]),
        ("Europol’s ground-breaking work", ["europol", "ground-breaking", "work"]),
        ("Amaq's app, I think.", ["amaq", "app", "i", "think"]),
        ("", []),
    ],
)
def test_words(sample, expected):
    assert framing.words(sample) == expected


def test_stop_words_are_a_short_explicit_list():
    assert 20 < len(framing.STOP_WORDS) < 100
    assert all(word == word.lower() and word.isalpha() for word in framing.STOP_WORDS)
    assert "IS" not in framing.STOP_WORDS and "is" in framing.STOP_WORDS


def test_word_counts_leave_out_stop_words_and_break_ties_alphabetically(clean):
    counts = framing.word_counts(clean)
    assert not set(counts["word"]) & framing.STOP_WORDS
    assert list(counts.index[:3]) == [1, 2, 3]
    assert counts.iloc[0].tolist() == ["operation", 9]
    assert counts.set_index("word").loc["propaganda", "count"] == framing.words(clean).count("propaganda") == 7
    ordered = counts.sort_values(["count", "word"], ascending=[False, True], ignore_index=True)
    assert counts["word"].tolist() == ordered["word"].tolist()
    assert counts["count"].sum() == len(framing.content_words(clean))


def test_word_counts_without_a_stop_list_count_everything(clean):
    counts = framing.word_counts(clean, stop_words=())
    assert counts.iloc[0]["word"] == "the"
    assert counts["count"].sum() == len(framing.words(clean))


@pytest.mark.parametrize(
    "phrase, sample, expected",
    [
        ("EU", "Europol and the EU", 1),
        ("European Commission", "European Commissioner, European Commission’s", 1),
        ("IS", "IS is; (IS)", 2),
        ("big hole", "a big\nhole", 1),
    ],
)
def test_count_phrase_matches_whole_words_with_their_capitals(phrase, sample, expected):
    assert framing.count_phrase(phrase, sample) == expected


def test_mention_counts(clean):
    counts = framing.mention_counts(clean).set_index("actor")["mentions"]
    assert counts["Islamic State (IS)"] == 10
    assert counts["Europol"] == 7
    assert counts["Rob Wainwright"] == counts["Dimitris Avramopoulos"] == 1
    assert set(framing.mention_counts(clean)["kind"]) == set(framing.KINDS)


# ---- Quotations and framing ------------------------------------------------------------------


def test_quotations_find_both_kinds_of_mark_and_skip_apostrophes(clean):
    passages = framing.quotations(clean)
    assert passages["marks"].value_counts().to_dict() == {"single": 2, "double": 2}
    assert not passages["passage"].str.contains("Amaq’s web").any()
    assert passages.iloc[0]["passage"] == "Islamic State"


def test_every_quoted_passage_is_in_the_quote_table(clean):
    """What the article puts in quotation marks is what the course's quote table holds."""
    table = data.quotes()["quote"]
    for passage in framing.quotations(clean)["passage"]:
        if passage == "Islamic State":  # a name in scare quotes, not anybody's words
            continue
        assert any(text.quote_is_in(quote, passage) or text.quote_is_in(passage, quote) for quote in table), passage


def test_framing_phrases_are_in_the_article_and_their_voice_is_right(clean):
    """A 'direct quote' phrase sits inside quotation marks; the others do not."""
    phrases = framing.framing_phrases(clean)
    assert (phrases["count"] >= 1).all()
    assert set(phrases["voice"]) == set(framing.VOICES)
    passages = " | ".join(framing.quotations(clean)["passage"])
    for _, row in phrases.iterrows():
        inside = framing.count_phrase(row["phrase"], passages) > 0
        assert inside == (row["voice"] == "direct quote"), row["phrase"]


def test_seed_words_the_lesson_names_are_verbatim():
    raw = data.raw_article()
    for words in (
        "ground-breaking",
        "punched a big hole",
        "a more secure infrastructure",
        "global strength and… unwavering resolve",
    ):
        assert words in raw


@pytest.mark.parametrize(
    "terms, expected",
    [
        (["evidence"], {"evidence": 2}),
        (["measur*", "Freedom"], {"measur*": 0, "Freedom": 0}),
        (["oper*"], {"oper*": 10}),  # operation (9) and operations (1)
        (["EUROPOL"], {"EUROPOL": 7}),
    ],
)
def test_look_for(clean, terms, expected):
    assert framing.look_for(clean, terms).to_dict() == expected


# ---- Charts ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    made = {name: getattr(framing_charts, name)() for name in CHARTS}
    yield made
    for chart in made.values():
        plt.close(chart.figure)


@pytest.mark.parametrize("name", CHARTS)
def test_chart_has_title_labels_and_draws(built, name):
    fig = built[name].figure
    ax = fig.axes[0]
    assert ax.get_title().strip() and ax.get_xlabel().strip() and ax.get_ylabel().strip()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


@pytest.mark.parametrize("name", CHARTS)
def test_alt_text_is_one_sentence(built, name):
    alt = built[name].alt_text
    assert alt.endswith(".") and "\n" not in alt
    assert len(text.sentences(alt)) == 1, text.sentences(alt)


def _hex(colour):
    rgba = to_rgba(colour)
    return None if rgba[3] == 0 else to_hex(rgba)


@pytest.mark.parametrize("name", CHARTS)
def test_colours_come_from_the_palette(built, name):
    ax = built[name].figure.axes[0]
    colours = {_hex(patch.get_facecolor()) for patch in ax.patches}
    for line in ax.lines:
        colours |= {_hex(line.get_color()), _hex(line.get_markerfacecolor())}
    if ax.get_legend():
        colours |= {_hex(patch.get_facecolor()) for patch in ax.get_legend().get_patches()}
    colours.discard(None)
    assert colours and colours <= ALLOWED, colours - ALLOWED


def test_word_chart_shows_the_top_words(built, clean):
    ax = built["word_frequency_chart"].figure.axes[0]
    expected = framing.word_counts(clean).head(10)
    assert [tick.get_text() for tick in ax.get_yticklabels()] == expected["word"].tolist()
    assert [patch.get_width() for patch in ax.patches] == expected["count"].tolist()


def test_mentions_chart_colours_bars_by_kind(built, clean):
    ax = built["mentions_chart"].figure.axes[0]
    counts = framing.mention_counts(clean)
    assert [tick.get_text() for tick in ax.get_yticklabels()] == counts["actor"].tolist()
    colours = [_hex(patch.get_facecolor()) for patch in ax.patches]
    assert colours == [framing_charts.KIND_COLOURS[kind].lower() for kind in counts["kind"]]


def test_policy_chart_marks_every_step_and_colours_by_binding(built):
    ax = built["policy_path_chart"].figure.axes[0]
    steps = framing_charts.policy_steps()
    assert sum(len(line.get_xdata()) for line in ax.lines) == len(steps)
    binding_colour = framing_charts.BINDING_COLOURS[True].lower()
    assert [_hex(line.get_color()) == binding_colour for line in ax.lines] == [False, False, False, True]
    assert "Regulation (EU) 2021/784 is binding law" in built["policy_path_chart"].alt_text


def test_alt_texts_are_derived_from_the_data(monkeypatch):
    """Give the charts another text and their text alternatives follow it."""
    sample = "Europol acted. Europol spoke. Europol waited; IS answered. Amaq posted."
    monkeypatch.setattr(data, "article", lambda: sample)
    assert "“europol” comes first with 3 occurrences" in framing_charts.word_frequency_chart().alt_text
    assert "Europol most (3 times)" in framing_charts.mentions_chart().alt_text


# ---- Exercise checks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number, wrong, forbidden",
    [
        (1, 2.85, [r"1\.8"]),
        (1, 7, [r"1\.8"]),
        (6, ["own", "quote", "reported", "reported", "quote", "quote"], [r"\b5\b", "sentence 5", r"\b1\b", "one of"]),
        (2, 246, [r"\b137\b"]),
        (2, 383, [r"\b137\b"]),
        (3, (0, 77), ["Bayan", "Nas[hi]{2}e?r", "Halumu", r"\b128\b"]),
        (3, (77, 100), ["Nas[hi]{2}e?r", r"\b128\b"]),
        (4, pd.Timestamp("2022-06-07 23:30"), ["00:30", "June 8", "8 June"]),
        (4, pd.Timestamp("2022-06-08 23:30"), ["00:30"]),
        (5, 1558, [r"\b1559\b"]),
        (5, 1560, [r"\b1559\b"]),
    ],
)
def test_wrong_answers_do_not_reveal_the_answer(number, wrong, forbidden):
    verdict = questions_for("07_policy_and_framing")[number - 1].check(wrong)
    assert verdict.status == feedback.INCORRECT, verdict
    for pattern in forbidden:
        assert not re.search(pattern, verdict.message), verdict.message


@pytest.mark.parametrize(
    "number, answer",
    [
        (2, 137.0),
        (3, (77, 128)),
        (3, [79, 126]),  # the same words without the comma and the spaces at their ends
        (3, (np.int64(77), np.int64(128))),  # positions computed with pandas or numpy
        (4, pd.Timestamp("2022-06-08 00:30").to_pydatetime()),
    ],
)
def test_other_right_answers_are_accepted(number, answer):
    assert questions_for("07_policy_and_framing")[number - 1].check(answer).status == feedback.CORRECT


@pytest.mark.parametrize(
    "number, answer, says",
    [
        (1, 2.8455, "wrong base"),
        (1, 0.018277, "multiply it by 100"),
        (1, 0, "lower case"),  # count("Propaganda") with a capital finds nothing (walk-through W2)
        (1, 100 * 7 / len(data.article()), "characters"),  # len(clean) counts characters, not words
        (2, framing.STOP_WORDS, "stop-word list itself"),  # not "a builtins frozenset"
        (2, 224, "rows of"),  # every word minus the rows of word_counts (each kept word once)
        (5, pd.Series([1559], index=[7]), ".item()"),
        (6, ["quote", "quote", "reported", "reported", "quote", "quote"], "writer's own"),
        (6, ["own", "quote", "quote", "quote", "own", "quote"], "every piece of reported speech a quote"),
        (6, ["own", "reported", "quote", "reported", "own", "quote"], "not all right"),
        (6, ["own", "quote"], "6 labels"),
        (5, 1713, "2017 Communication"),
        (2, 62, "stop-word list has"),
        (2, 246, "the count keeps"),
        (2, 138, "raw scrape"),
        (2, 29, "different stop words"),
        (2, -137, "negative"),
        (2, "137", "without quotation marks"),
        (3, "Europol", "got text"),
        (3, ", but also al-Bayan radio, Halumu and Nasher news,", "asks where they stand"),
        (3, ["al-Bayan", "Halumu", "Nasher"], "two positions"),
        (3, (0, 77), "in PA's version too"),
        (3, (1, 77), "in PA's version too"),
        (3, (77, 100), "Compare those words with PA's two pieces"),
        (3, (60, 128), "Compare those words with PA's two pieces"),
        (3, (0, 128), "begins where that piece ends"),
        (3, (25, 128), "Compare those words with PA's two pieces"),
        (3, (0, 400), "whole sentence"),
        (3, (-1, 128), "-1"),
        (3, (128, 77), "pick nothing"),
        (3, 3, "two positions"),
        (4, pd.Timestamp("2022-06-07 23:30"), "when the order arrived"),
        (4, pd.Timestamp("2022-06-08 23:30"), "days, not hours"),
        (4, "2022-06-08 00:30", "Timestamp"),
        (5, -1559, "negative"),
    ],
)
def test_wrong_answers_get_a_specific_message(number, answer, says):
    verdict = questions_for("07_policy_and_framing")[number - 1].check(answer)
    assert verdict.status in (feedback.INCORRECT, feedback.WRONG_KIND)
    assert says in verdict.message


def test_the_cut_quote_is_checked_against_two_recorded_copies():
    """Exercise 07, Question 3: both copies come from recorded sources; PA's pieces are in AFP's sentence, and
    what PA cut is the three outlets after Amaq (Halumu among them: the outlet the article leaves out)."""
    from takedown.questions import framing as exercise

    recorded = set(data.sources()["source"])
    assert set(exercise.CUT_QUOTE_SOURCES) <= recorded
    pieces = [piece.strip() for piece in exercise.PA_VERSION.split("...")]
    assert len(pieces) == 2 and all(text.quote_is_in(piece, exercise.AFP_VERSION) for piece in pieces)
    start = exercise.AFP_VERSION.find(pieces[0]) + len(pieces[0])
    cut = exercise.AFP_VERSION[start : exercise.AFP_VERSION.find(pieces[1])]
    assert exercise.outlets_named([cut]) == set(exercise.CUT_OUTLETS)
    assert "Halumu" in exercise.CUT_OUTLETS and "halumu" not in data.article().lower()
    assert exercise.cut_text() == cut


def test_question_3_asks_for_positions_no_lesson_prints():
    """Reviewers R4 and D2: lesson 03 prints another copy of AFP's full sentence, so the words the cut removed could
    be typed. The question asks where they stand in `afp_version` instead, which only code finds; the prompt names
    neither the removed outlets nor the positions, typed words are told what is asked, and every verdict on a pair
    of positions shows the words they pick."""
    from pathlib import Path

    import nbformat

    from takedown.questions import framing as exercise

    root = Path(__file__).resolve().parents[1]
    nb = nbformat.read(root / "exercises" / "07_policy_and_framing.ipynb", as_version=4)
    prompt = next(cell.source for cell in nb.cells if cell.source.startswith("## Question 3"))
    assert "cut_at" in prompt and "phrasebook" in prompt
    start, end = exercise.cut_positions()
    for name in ("Halumu", "al-Bayan", "Nasher news", str(start), str(end)):
        assert name not in prompt
    q3 = questions_for("07_policy_and_framing")[2]
    assert q3.check(exercise.cut_text()).status == feedback.WRONG_KIND
    assert q3.check(["al-Bayan", "Halumu", "Nasher"]).status == feedback.WRONG_KIND
    assert "Your positions pick 'With this" in q3.check((0, 30)).message
    assert "al-Bayan radio, Halumu" in q3.check((start, end)).message


def test_deadline_check_follows_the_policy_table(monkeypatch):
    """Make the rule 24 hours in the data and the expected deadline moves with it."""
    original = data.policy_instruments

    def longer():
        table = original()
        table.loc[table["instrument"] == "reg_2021_784", "removal_deadline_hours"] = 24
        return table

    monkeypatch.setattr(data, "policy_instruments", longer)
    q4 = questions_for("07_policy_and_framing")[3]
    assert q4.check(pd.Timestamp("2022-06-08 23:30")).status == feedback.CORRECT
    assert q4.check(pd.Timestamp("2022-06-08 00:30")).status == feedback.INCORRECT


def test_policy_path_notes_are_readable_on_a_laptop_screen():
    """The steps and deadlines written beside the markers are not smaller than the course's label size."""
    ax = framing_charts.policy_path_chart().figure.axes[0]
    assert ax.texts, "the chart writes each step and deadline beside its marker"
    assert all(note.get_fontsize() >= style.LABEL_POINTS >= 9 for note in ax.texts)


# ---- The lesson as taught: names, evidence, balance, checks and time -------------------------

LESSON_07 = "notebooks/07_policy_and_framing.ipynb"


def lesson_cells():
    from pathlib import Path

    import nbformat

    return nbformat.read(Path(__file__).resolve().parents[1] / LESSON_07, as_version=4).cells


def test_daesh_is_explained_before_the_lesson_first_uses_it():
    """A student meets 'Daesh' first in the section that says what the name is and who uses it."""
    markdown = [cell.source for cell in lesson_cells() if cell.cell_type == "markdown"]
    first = next(source for source in markdown if "Daesh" in source)
    assert "Arabic acronym" in first and "BBC" in first and "ISIL" in first


def test_new_sections_link_only_to_recorded_sources():
    """Every address linked in the sections on names, evidence and civil liberties is in sources.csv."""
    recorded = set(data.sources()["url"])
    sections = [
        cell.source
        for cell in lesson_cells()
        if cell.cell_type == "markdown"
        and (
            "## 10. What to call the group" in cell.source
            or "Radicalise young people" in cell.source
            or "UN Special Rapporteurs" in cell.source
        )
    ]
    assert len(sections) == 3
    links = [url for source in sections for url in re.findall(r"\]\((https?://[^)\s]+)\)", source)]
    unrecorded = [url for url in links if url not in recorded]
    assert links and not unrecorded, unrecorded


def test_the_young_people_claim_is_not_presented_as_a_finding():
    cells = [cell.source for cell in lesson_cells()]
    [place] = [n for n, source in enumerate(cells) if "Radicalise young people" in source]
    section = cells[place]
    assert "RAND" in section and "Conway" in section and "contested" in section
    # Said after Check 7 (before it, it would give the check's answer away).
    [after] = [n for n, source in enumerate(cells) if "measures *young people*" in source]
    assert "measures *young people*" not in section and after > place + 1 and "c8.check(" in cells[place + 1]


def test_question_3_says_what_pas_quote_leaves_out_not_what_pas_story_does():
    """Fact-check R3: the stored copy of PA's story is cut off, so the course cannot say its reader "never learns"."""
    from takedown.questions import framing as exercise

    message = questions_for("07_policy_and_framing")[2].check(exercise.cut_positions()).message
    assert "PA's quote does not tell its reader that Halumu was a target" in message
    assert "never learns" not in message


def test_lesson_07_checks_3_and_6_need_the_line_not_what_the_page_shows():
    """Designer D5: Check 3 asked for a speaker the page prints, Check 6 passed with a 6 counted by eye."""
    import numpy as np

    from takedown.questions import lesson_07

    assert lesson_07.c6.verdict(6).status == feedback.INCORRECT
    assert lesson_07.c6.verdict(np.int64(6)).status == feedback.CORRECT
    shown = "\n".join(cell.source + str(cell.get("outputs", "")) for cell in lesson_cells()[:21])
    assert "without a speaker" not in shown and lesson_07.c3.verdict("Europol").status == feedback.INCORRECT
    # Check 2: the shared column is found with sets, not named above the check
    [place] = [n for n, cell in enumerate(lesson_cells()) if "c2.check(" in cell.source]
    before = "\n".join(cell.source for cell in lesson_cells()[:place] if cell.cell_type == "markdown")
    assert not re.search(r"\binstrument\b", before)


def test_names_for_the_group_are_reasons_of_those_who_use_them():
    """Fact-check FC 7: the refusal is each user's stated reason, not a property of the word; Daesh contains 'State'."""
    from takedown.questions import lesson_07

    cells = [cell.source for cell in lesson_cells()]
    [section] = [source for source in cells if "## 10. What to call the group" in source]
    assert "chosen by those who use it" in section and "*State* included" in section
    assert "all refuse" not in section and "each refuse" not in "\n".join(cells)
    assert "chosen, by those who use it, to avoid granting the claim" in lesson_07.c12.verdict("b").message
    assert "ellipsis = " in "\n".join(cells) and 'split("…")' not in "\n".join(cells)
