"""data.show: a course table as a student reads it in JupyterLab on a 1280 px screen."""

import re

import pandas as pd

from takedown import data


def cells(html):
    """(style, text) of every data cell of a shown table."""
    return re.findall(r'<td style="([^"]*)">(.*?)</td>', html)


def column(html, frame, name):
    """(style, text) of each cell of one column."""
    width = len(frame.columns)
    position = list(frame.columns).index(name)
    return cells(html)[position::width]


def test_dates_are_written_as_text_on_one_line():
    events = data.events()[["date", "event"]]
    html = data.show(events)._repr_html_()
    dates = column(html, events, "date")
    assert dates[0][1] == "2014-01-01"
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", text) for _, text in dates)
    assert all("white-space: nowrap" in style for style, _ in dates)


def test_text_is_left_aligned_and_wraps():
    sentences = pd.DataFrame({"sentence": ["A long sentence " * 10, "Short."]})
    for style, _ in cells(data.show(sentences)._repr_html_()):
        assert "text-align: left" in style and "white-space: normal" in style


def test_counts_are_whole_numbers_without_decimals():
    findings = data.research_findings()
    html = data.show(findings[["measure", "value"]])._repr_html_()
    values = [text for _, text in column(html, findings[["measure", "value"]], "value")]
    assert "7,800,000" in values and "455" in values
    assert "4.6" in values and "56.8" in values
    assert not any(text.endswith(".0") for text in values)
    assert "7800000.0" not in repr(data.show(findings[["value"]]))


def test_missing_values_read_as_na_and_numbers_are_right_aligned():
    instruments = data.policy_instruments()[["name", "removal_deadline_hours"]]
    hours = column(data.show(instruments)._repr_html_(), instruments, "removal_deadline_hours")
    expected = ["&lt;NA&gt;" if pd.isna(value) else str(int(value)) for value in instruments["removal_deadline_hours"]]
    assert [text for _, text in hours] == expected and "&lt;NA&gt;" in expected and "1" in expected
    assert all("text-align: right" in style for style, _ in hours)


def test_long_column_names_may_break_after_an_underscore():
    """A name like removal_deadline_hours must not force a table wider than the page."""
    html = data.show(data.policy_instruments()[["removal_deadline_hours"]])._repr_html_()
    assert "removal_<wbr>deadline_<wbr>hours" in html


def test_styles_are_in_the_cells_not_in_a_style_block():
    """JupyterLab removes <style> blocks from the outputs of a notebook it does not trust."""
    html = data.show(data.people())._repr_html_()
    assert "<style" not in html and 'style="' in html


def test_text_is_escaped_and_the_frame_is_kept_for_computing():
    frame = pd.DataFrame({"quote": ["<b>not bold</b>"]})
    shown = data.show(frame)
    assert "&lt;b&gt;" in shown._repr_html_()
    assert shown.frame is frame
    assert "<b>not bold</b>" in repr(shown)
