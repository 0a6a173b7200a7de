"""The course's data, loaded as pandas DataFrames.

Every table lives in a CSV file beside this module. A row taken from the article carries
the article's own words in its `quote` column; a row from elsewhere names a `source`,
described once in `sources.csv` (address, and whether the source is primary or secondary).

    from takedown import data
    data.countries()        # the eight countries that took part
"""
from functools import cache
from pathlib import Path

import pandas as pd
import pycountry

from takedown import text

DATA_DIR = Path(__file__).parent
COURSE_DIR = DATA_DIR.parents[1]
SEED = COURSE_DIR / "seeds" / "europol_2018_takedown_article.txt"
WORLD_MAP = DATA_DIR / "world_110m.geojson"


# Every loader of a course table, by name; tests check every table's quotes and sources.
TABLES = {}


def course_table(loader):
    """Register a loader of one of the course's tables (see TABLES)."""
    TABLES[loader.__name__] = loader
    return loader


@cache
def _read(name):
    # keep_default_na=False: an empty cell is an empty string, never NaN, so lessons can print it.
    return pd.read_csv(DATA_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


def _table(name):
    """A fresh copy of a table, so a lesson that edits it cannot change it for the next one."""
    return _read(name).copy()


def _with_sources(table):
    """Add each row's source address and kind (primary, secondary or article)."""
    described = sources()[["source", "url", "kind"]].rename(
        columns={"url": "source_url", "kind": "source_kind"})
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
    """The ISO 3166 alpha-3 code for a country name or code ("the UK" -> "GBR"); None if unknown."""
    if not isinstance(name, str):
        return None
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

    Names and codes come from ISO 3166 (pycountry); `role` is what each country did, as
    reported by the source named in `role_source`.
    """
    table = _table("countries")
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


# ---- Lesson 04: a timeline of disruption ---------------------------------------------------------


# ---- Lesson 05: measuring disruption -------------------------------------------------------------


# ---- Lesson 06: a model of takedown and re-upload -------------------------------------------------


# ---- Lesson 07: policy and framing ---------------------------------------------------------------
