"""The course's data, loaded as pandas DataFrames.

Every table lives in a CSV file beside this module. A row taken from the article carries
the article's own words in its `quote` column; a row from elsewhere names a `source`,
described once in `sources.csv` (address, and whether the source is primary or secondary).

    from takedown import data
    data.countries()        # the eight countries that took part
"""

from functools import cache, wraps
from html import escape

import numpy as np
import pandas as pd
import pycountry

from takedown import paths, text

DATA_DIR = paths.DATA
COURSE_DIR = paths.COURSE
SEED = paths.SEEDS / "europol_2018_takedown_article.txt"
WORLD_MAP = DATA_DIR / "world_110m.geojson"


# Every loader of a course table, by name; tests check every table's quotes and sources.
TABLES = {}


def course_table(loader):
    """Register a loader of one of the course's tables (see TABLES).

    The table is built once; each call returns a fresh copy, so a lesson that edits its copy
    cannot change the table for the next caller.
    """
    built = cache(loader)

    @wraps(loader)
    def fresh_copy():
        return built().copy()

    TABLES[loader.__name__] = fresh_copy
    return fresh_copy


@cache
def _read(name):
    # keep_default_na=False: an empty cell is an empty string, never NaN, so lessons can print it.
    return pd.read_csv(DATA_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


def _table(name):
    """A fresh copy of a table, so a lesson that edits it cannot change it for the next one."""
    return _read(name).copy()


def _with_sources(table):
    """Add each row's source address and kind (primary, secondary or article)."""
    described = sources()[["source", "url", "kind"]].rename(columns={"url": "source_url", "kind": "source_kind"})
    return table.merge(described, on="source", how="left")


def raw_article():
    """The seed exactly as it was scraped, page debris included."""
    return SEED.read_text(encoding="utf-8")


def article():
    """The article as clean text (headline and paragraphs, no page debris)."""
    return text.clean(raw_article())


@course_table
def sources():
    """Every source the course cites: id, title, address, kind and whether it was seen."""
    return _table("sources")


def country_name(iso3):
    """A country's short English name from ISO 3166 (via pycountry)."""
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name


# Everyday names that ISO 3166 does not list ("UK" is reserved there; the code is GB/GBR).
EVERYDAY_NAMES = {"UK": "GBR", "BRITAIN": "GBR", "GREAT BRITAIN": "GBR"}


def iso3_of(name):
    """The ISO 3166 alpha-3 code for a country name or code ("the UK" -> "GBR"); None if unknown.

    Given a list of names (a natural slip in exercise 02), it raises a TypeError that says what to write, rather
    than give None, which would fail later with a message about None."""
    if isinstance(name, (list, tuple, set, frozenset)) or type(name).__name__ in ("Series", "Index"):
        raise TypeError(
            "data.iso3_of looks up one name at a time, but got several: go through them with a list "
            "comprehension, like [data.iso3_of(name) for name in fbi_2024]."
        )
    return _iso3_of_text(name) if isinstance(name, str) else None


@cache  # pycountry's lookup is slow, and checks call this for every name a student gives
def _iso3_of_text(name):
    cleaned = name.strip()
    if cleaned.lower().startswith("the "):
        cleaned = cleaned[4:].strip()
    if cleaned.upper() in EVERYDAY_NAMES:
        return EVERYDAY_NAMES[cleaned.upper()]
    try:
        return pycountry.countries.lookup(cleaned).alpha_3
    except LookupError:
        return None


@course_table
def memberships():
    """Which of the eight countries belonged to the EU, NATO and Five Eyes in April 2018."""
    table = _table("memberships")
    table["member_apr2018"] = table["member_apr2018"] == "yes"
    return _with_sources(table)


@course_table
def countries():
    """The eight participating countries: name, ISO codes, role, memberships, supporting quote.

    Names and codes come from ISO 3166 (pycountry); `role` is what each country did in the account of
    `role_account`, read in the source named in `role_source`. Where another account differs,
    `disputed` is True and `other_account` says what it reports.
    """
    table = _table("countries")
    table["disputed"] = table["disputed"] == "yes"
    table.insert(1, "name", table["iso3"].map(country_name))
    table.insert(2, "iso2", table["iso3"].map(lambda code: pycountry.countries.get(alpha_3=code).alpha_2))
    member = memberships().pivot(index="iso3", columns="organisation", values="member_apr2018")
    for organisation, column in [("EU", "eu_member"), ("NATO", "nato_member"), ("Five Eyes", "five_eyes")]:
        table[column] = table["iso3"].map(member[organisation]).astype(bool)
    return table


@course_table
def seizure_reports():
    """What two news reports said was seized in which country: they do not agree."""
    table = _table("seizure_reports")
    table.insert(2, "name", table["iso3"].map(country_name))
    return _with_sources(table)


@course_table
def outlets():
    """The media outlets targeted; `in_article` is False for Halumu, which the article leaves out."""
    table = _table("outlets")
    table["in_article"] = table["in_article"] == "yes"
    table["language_count"] = pd.to_numeric(table["language_count"]).astype("Int64")  # empty: not known
    return _with_sources(table)


@course_table
def actions():
    """What the operation did; `target` says whether the article ties an action to one outlet."""
    return _with_sources(_table("actions"))


@course_table
def people():
    """The people the article names and quotes."""
    return _with_sources(_table("people"))


@course_table
def quotes():
    """Words the article quotes, and whether the course found them in another source."""
    return _with_sources(_table("quotes"))


@course_table
def events():
    """Dated events around the operation; `precision` says whether the day or only the month is known."""
    table = _with_sources(_table("events"))
    table.insert(0, "date", pd.to_datetime(table.pop("date")))
    return table


# ---- Lesson 03: the media ecosystem --------------------------------------------------------------


@course_table
def network_nodes():
    """The operation as a network, its nodes: coordinating bodies, national authorities, the operation,
    outlets and infrastructure. `agency_named` is "no" where the sources name no agency (a generic node);
    `in_article` says whether the article names the node itself."""
    table = _table("network_nodes")
    table["in_article"] = table["in_article"] == "yes"
    return _with_sources(table)


@course_table
def network_links():
    """The operation as a network, its links: who did what to whom (`relation`), each with its evidence."""
    return _with_sources(_table("network_links"))


# ---- Lesson 04: a timeline of disruption ---------------------------------------------------------


# ---- Lesson 05: measuring disruption -------------------------------------------------------------


def _months_covered(start, end):
    """Calendar months from start to end, both included: Jul-Dec 2016 -> 6."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _period_label(start, end):
    """'Jul–Dec 2016' within one year, 'Aug 2015 – Dec 2016' across years."""
    if start.year == end.year:
        return f"{start:%b}–{end:%b %Y}"
    return f"{start:%b %Y} – {end:%b %Y}"


@course_table
def suspensions():
    """Twitter accounts suspended for promoting terrorism, as published: `type` says whether a figure
    is a running total since 1 August 2015 ("cumulative") or counts one half-year ("half-year")."""
    table = _table("suspensions")
    for column in ("period_start", "period_end"):
        table[column] = pd.to_datetime(table[column])
    table["accounts"] = table["accounts"].astype(int)
    table.insert(0, "period", [_period_label(s, e) for s, e in zip(table["period_start"], table["period_end"])])
    table.insert(3, "months", [_months_covered(s, e) for s, e in zip(table["period_start"], table["period_end"])])
    return _with_sources(table)


@course_table
def referrals():
    """What Europol's EU Internet Referral Unit reported at four dates; `qualifier` ">" marks a
    lower bound ("more than"), `type` a running total since July 2015, a share, or one action."""
    table = _table("referrals")
    table["as_of"] = pd.to_datetime(table["as_of"])
    table["value"] = table["value"].astype(float)
    return _with_sources(table)


@course_table
def research_findings():
    """Figures from research on takedowns (Conway et al.; CREST); `qualifier` ">" or "<" marks bounds.

    `source` is where the course read the figure; `study_source` is the study itself."""
    table = _table("research_findings")
    table["value"] = table["value"].astype(float)
    return _with_sources(table)


# ---- Lesson 06: a model of takedown and re-upload -------------------------------------------------


@course_table
def model_parameters():
    """The toy model's parameters (lesson 06): value, unit, and whether each is `illustrative` or
    `loosely anchored` to a cited figure (`anchor`, `source`); `source_backs` says whether the source
    backs the value itself or only the behaviour it stands for."""
    table = _table("model_parameters")
    table["value"] = pd.to_numeric(table["value"])
    return _with_sources(table)


# ---- Lesson 07: policy and framing ---------------------------------------------------------------


def _whole_numbers(column):
    """A column of whole numbers in which an empty cell means 'none' (pandas' nullable Int64)."""
    return pd.array([int(value) if value else pd.NA for value in column], dtype="Int64")


@course_table
def policy_instruments():
    """The EU's texts on terrorist content online, one row each: binding or not, who can require
    removal, how fast, what penalties. Their dates are in events() (category "policy"): join the
    two tables on `instrument`."""
    table = _table("policy_instruments")
    table["binding"] = table["binding"] == "yes"
    for column in ("removal_deadline_hours", "max_fine_pct_of_global_turnover"):
        table[column] = _whole_numbers(table[column])
    return _with_sources(table)


# ---- Showing a table on a narrow page -----------------------------------------------------------


def _is_number(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _is_missing(value):
    return value is None or (pd.api.types.is_scalar(value) and not isinstance(value, str) and pd.isna(value))


def _cell_text(value, decimals):
    """How one value reads in a table: dates as year-month-day, whole numbers without decimals."""
    if _is_missing(value):
        return "<NA>"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}" if value == value.normalize() else f"{value:%Y-%m-%d %H:%M}"
    if _is_number(value):
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return str(value)


class Table:
    """A table as a student reads it in JupyterLab: text left-aligned and wrapped, numbers
    right-aligned, dates written as year-month-day on one line, whole numbers without ".0".

    Only for showing: compute with the DataFrame itself (`table.frame`). Styles are written into
    each cell, because JupyterLab drops a table's <style> block in a notebook it does not trust.
    """

    # Text wraps (but not to a word a line); dates and numbers stay on one line.
    TEXT = "text-align: left; white-space: normal; min-width: 6em"
    NUMBER = "text-align: right; white-space: nowrap"
    DATE = "text-align: left; white-space: nowrap"

    def __init__(self, frame, decimals=2, index=True):
        self.frame = frame
        self.decimals = decimals
        self.index = index

    def kind_of(self, name):
        """'date', 'number' or 'text': how a column is aligned and wrapped."""
        values = [value for value in self.frame[name] if not _is_missing(value)]
        if values and all(isinstance(value, pd.Timestamp) for value in values):
            return "date"
        if values and all(_is_number(value) for value in values):
            return "number"
        return "text"

    def text(self):
        """Every cell as it is shown, as a DataFrame of strings."""
        return self.frame.apply(lambda column: column.map(lambda value: _cell_text(value, self.decimals)))

    def _repr_html_(self):
        def header(name):
            # A long column name may break after an underscore rather than push the table off the page.
            return escape(str(name)).replace("_", "_<wbr>")

        kinds = {name: self.kind_of(name) for name in self.frame.columns}
        style = {"date": self.DATE, "number": self.NUMBER, "text": self.TEXT}
        align = {"number": "right", "date": "left", "text": "left"}
        top = "vertical-align: top"
        head = "".join(
            f'<th style="text-align: {align[kinds[name]]}; vertical-align: bottom">{header(name)}</th>'
            for name in self.frame.columns
        )
        if self.index:
            head = f'<th style="text-align: left">{header(self.frame.index.name or "")}</th>' + head
        rows = []
        for label, (_, row) in zip(self.frame.index, self.text().iterrows()):
            cells = "".join(
                f'<td style="{style[kinds[name]]}; {top}">{escape(text)}</td>'
                for name, text in zip(self.frame.columns, row)
            )
            if self.index:
                cells = f'<th style="text-align: left; {top}">{escape(str(label))}</th>' + cells
            rows.append(f"<tr>{cells}</tr>")
        return f'<table class="dataframe"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'

    def __repr__(self):
        return self.text().to_string(index=self.index)


def show(frame, decimals=2, index=True):
    """Show a DataFrame (or Series) so it fits the page: see Table. `decimals`: at most this many."""
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    return Table(frame, decimals=decimals, index=index)
