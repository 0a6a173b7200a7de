"""What was measured about disruption (lesson 05): figures in words, and Conway et al.'s shares.

The charts of these figures are in takedown/charts/measures.py; the briefing (takedown/charts/briefing.py)
uses the same helpers, so a figure reads the same in every chart and sentence.
"""

from takedown import data

BOUND_WORDS = {">": "more than", "<": "less than", "~": "about", "": ""}


def number(value, unit=""):
    """12345.0 -> '12,345'; 83.64 -> '83.64'; a percentage gets a % sign."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text + "%" if unit == "percent" else text


def qualified(value, qualifier, unit=""):
    """A figure with its qualifier in words: (30, '>', 'percent') -> 'more than 30%'."""
    words = BOUND_WORDS.get(qualifier, qualifier)
    return f"{words} {number(value, unit)}".strip()


def conway_shares():
    """{group: {measure: (value, qualifier, how)}}: Conway et al.'s shares, computing the one not published."""
    table = data.research_findings().query("study == 'Conway et al. 2019'")
    shares = {}
    for group, rows in table.groupby("group", sort=False):
        found = rows.set_index("measure")
        two_days = found.loc["share suspended within two days of creation"]
        if "share suspended during the study" in found.index:
            during = found.loc["share suspended during the study"]
            study = (during["value"], during["qualifier"], "published")
        else:
            share = (
                100
                * found.loc["accounts suspended during the study", "value"]
                / found.loc["accounts in the study", "value"]
            )
            study = (round(share), "~", "computed by the course")
        shares[group] = {
            "within two days of creation": (two_days["value"], two_days["qualifier"], "published"),
            "by the end of the study": study,
        }
    return shares


class Figures(dict):
    """Published figures looked up by a date written as text: figures["2016-12-31"].

    A plain dictionary, so a student meets one idiom (a value by its label in square brackets); a date
    that no figure has gets a sentence listing the dates there are, not a bare KeyError."""

    what = "figure"

    def __missing__(self, label):
        raise KeyError(
            f'No {self.what} is labelled "{label}". The labels are: {", ".join(self)} '
            '(dates written as text, like "2016-12-31").'
        )


def _figures(kind, date_column, what):
    table = data.suspensions()
    rows = table[table["type"] == kind]
    figures = Figures(
        {day.strftime("%Y-%m-%d"): int(accounts) for day, accounts in zip(rows[date_column], rows["accounts"])}
    )
    figures.what = what
    return figures


def running_totals():
    """Twitter's published running totals of suspended accounts, each labelled by the day it runs to:
    running_totals()["2016-12-31"] counts every suspension from 1 August 2015 to 31 December 2016."""
    return _figures("cumulative", "period_end", "running total")


def half_years():
    """Twitter's published half-year figures, each labelled by the day its six months start:
    half_years()["2017-01-01"] counts the suspensions of January to June 2017."""
    return _figures("half-year", "period_start", "half-year figure")
