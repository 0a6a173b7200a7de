"""The seed article and the course's data tables: provenance, codes, memberships and loaders."""

import hashlib
import json
import re

import pandas as pd
import pycountry
import pytest

from takedown import data

SEED_SHA256 = "5fc87e755a5090ad88a66e2ac1db56d3195c817d9b5a891d1ce141f3b8331425"
PARTICIPANTS = {"BEL", "BGR", "CAN", "FRA", "NLD", "ROU", "GBR", "USA"}
SOURCE_KINDS = {"primary", "secondary", "article"}


@pytest.fixture(scope="module")
def raw():
    return data.SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def source_ids():
    return set(data.sources()["source"])


def tables_with(column):
    """(name, table) for every table of data.TABLES that has the column."""
    return [(name, loader()) for name, loader in data.TABLES.items() if column in loader().columns]


# ---- The seed --------------------------------------------------------------------------------


def test_seed_is_unchanged():
    """The seed article is byte-for-byte the scraped file (it must never be edited)."""
    assert hashlib.sha256(data.SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_folder_has_readme():
    """seeds/README.md explains where the seed comes from."""
    assert (data.COURSE_DIR / "seeds" / "README.md").is_file()


def test_raw_article_is_the_seed_file(raw):
    """data.raw_article() returns the seed exactly, debris included."""
    assert data.raw_article() == raw
    assert "Please enter your comment!" in data.raw_article()


# ---- Quotes and sources ----------------------------------------------------------------------


@pytest.mark.parametrize("name", [name for name, _ in tables_with("quote")])
def test_every_quote_is_verbatim_in_the_seed(name, raw):
    """A quote in any table is the article's own words, found as-is in the raw seed."""
    table = data.TABLES[name]()
    quotes = [quote for quote in table["quote"] if quote]
    assert quotes, f"{name} has no quotes at all"
    missing = [quote for quote in quotes if quote not in raw]
    assert not missing, f"quotes in {name} not found in the seed: {missing}"


@pytest.mark.parametrize("name", [name for name, _ in tables_with("source") if name != "sources"])
def test_rows_from_the_article_carry_a_quote(name):
    """A row whose source is the article backs itself with the article's words."""
    table = data.TABLES[name]()
    from_article = table[table["source"] == "article"]
    if "quote" not in table.columns:
        assert from_article.empty, f"{name} has rows from the article but no quote column"
        return
    unquoted = from_article[from_article["quote"].str.strip() == ""]
    assert unquoted.empty, f"rows of {name} from the article without a quote:\n{unquoted}"


@pytest.mark.parametrize("name", [name for name in data.TABLES if name != "sources"])
def test_every_source_is_described_in_sources_csv(name, source_ids):
    """Every `source` (and the countries' `role_source`) names a row of sources.csv."""
    table = data.TABLES[name]()
    columns = [column for column in ("source", "role_source") if column in table.columns]
    assert columns, f"{name} names no source"
    for column in columns:
        unknown = set(table[column]) - source_ids
        assert not unknown, f"{name}.{column} names unknown sources: {unknown}"


def test_source_ids_are_unique():
    """Each source is described once."""
    assert data.sources()["source"].is_unique


@pytest.mark.parametrize("row", data.sources().to_dict("records"), ids=lambda row: row["source"])
def test_source_has_address_and_kind(row):
    """Each source has a kind and a web address; the article's address is the seed file."""
    assert row["kind"] in SOURCE_KINDS
    assert row["title"].strip()
    if row["source"] == "article":
        assert row["kind"] == "article"
        path = data.COURSE_DIR / row["url"]
        assert path.is_file()
        assert path.resolve() == data.SEED.resolve()
    elif row["terrorist_media"] != "no":
        # A page that shows (or may show) terrorist media is cited by name only: no address to follow (issue 18).
        assert row["url"] == "" and "not linked" in row["title"], row["source"]
    else:
        assert row["kind"] != "article"
        assert re.match(r"https?://[^\s/]+\.[^\s/]+", row["url"]), row["url"]


def test_merged_tables_know_each_sources_address():
    """Loaders add source_url and source_kind to every row (no row loses its source)."""
    unlinked = set(data.sources().query("url == ''")["source"])  # cited by name only (issue 18)
    for name, table in tables_with("source_url"):
        named = table[~table["source"].isin(unlinked)] if "source" in table.columns else table
        assert (named["source_url"].fillna("") != "").all(), name
        assert set(table["source_kind"]) <= SOURCE_KINDS, name


# ---- Countries -------------------------------------------------------------------------------


def test_eight_participating_countries():
    """Exactly the eight countries the article lists, each once."""
    countries = data.countries()
    assert len(countries) == 8
    assert countries["iso3"].is_unique
    assert set(countries["iso3"]) == PARTICIPANTS


@pytest.mark.parametrize("row", data.countries().to_dict("records"), ids=lambda row: row["iso3"])
def test_country_codes_and_names_match_iso_3166(row):
    """Codes are real ISO 3166 codes and names are pycountry's."""
    country = pycountry.countries.get(alpha_3=row["iso3"])
    assert country is not None, f"{row['iso3']} is not an ISO alpha-3 code"
    assert row["iso2"] == country.alpha_2
    assert row["name"] == (getattr(country, "common_name", None) or country.name)


@pytest.mark.parametrize("row", data.countries().to_dict("records"), ids=lambda row: row["iso3"])
def test_article_name_of_each_country_is_in_the_article(row, raw):
    """The article's own name for a country appears in it and resolves to the country's code."""
    assert row["named_in_article_as"] in raw
    assert data.iso3_of(row["named_in_article_as"]) == row["iso3"]


def test_eu_membership_in_april_2018():
    """Six of the eight were EU members in April 2018, the UK among them."""
    countries = data.countries().set_index("iso3")
    assert countries["eu_member"].sum() == 6
    assert countries.loc["GBR", "eu_member"]
    assert set(countries.index[~countries["eu_member"]]) == {"CAN", "USA"}


def test_nato_and_five_eyes():
    """All eight are in NATO; Five Eyes members among them are Canada, the UK and the US."""
    countries = data.countries().set_index("iso3")
    assert countries["nato_member"].sum() == 8
    assert set(countries.index[countries["five_eyes"]]) == {"CAN", "GBR", "USA"}


def test_memberships_table_covers_every_country_and_organisation():
    """One row per country and organisation, so no membership is silently missing."""
    memberships = data.memberships()
    assert len(memberships) == 8 * 3
    assert set(memberships["iso3"]) == PARTICIPANTS
    assert set(memberships["organisation"]) == {"EU", "NATO", "Five Eyes"}
    assert not memberships.duplicated(["iso3", "organisation"]).any()


def test_seizure_reports_name_participants_only():
    """Both news reports speak only of participating countries, and each says whose account it gives."""
    reports = data.seizure_reports()
    assert set(reports["iso3"]) <= PARTICIPANTS
    assert set(reports["source"]) == {"guardian_isis_2018", "afp_straits_times"}
    assert (reports["account"].str.strip() != "").all()
    assert reports.groupby("source")["account"].nunique().eq(1).all()


# ---- Outlets and events ----------------------------------------------------------------------


def test_halumu_is_the_only_outlet_missing_from_the_article(raw):
    """Halumu is flagged as not in the article, and truly is absent; the other three are present."""
    outlets = data.outlets()
    assert list(outlets.loc[~outlets["in_article"], "outlet"]) == ["Halumu"]
    assert "halumu" not in raw.lower()
    for key_word in ("Amaq", "Al-Bayan", "Nashir"):
        assert key_word in raw
    assert outlets["in_article"].sum() == 3


def test_events_have_dates():
    """Every event has a real date and a precision."""
    events = data.events()
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    assert events["date"].notna().all()
    assert set(events["precision"]) <= {"day", "month", "year"}


def test_events_include_2016_takedown_and_april_2018_operation():
    """The timeline has the earlier takedown (2016) and the operation itself (April 2018)."""
    events = data.events()
    takedown_2016 = events[(events["date"].dt.year == 2016) & events["event"].str.contains("takedown", case=False)]
    assert len(takedown_2016) == 1
    april_2018 = events[(events["date"].dt.year == 2018) & (events["date"].dt.month == 4)]
    assert april_2018["event"].str.contains("operation", case=False).any()


# ---- iso3_of ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, code",
    [
        ("the UK", "GBR"),
        ("The UK", "GBR"),
        ("  the UK ", "GBR"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("US", "USA"),
        ("the US", "USA"),
        ("Netherlands", "NLD"),
        ("the Netherlands", "NLD"),
        ("FRA", "FRA"),
        ("Belgium", "BEL"),
    ],
)
def test_iso3_of_known_names(name, code):
    """Everyday names and codes resolve to ISO alpha-3."""
    assert data.iso3_of(name) == code


@pytest.mark.parametrize("name", ["Atlantis", "", "the", "Europe"])
def test_iso3_of_unknown_names_is_none(name):
    """An unknown name gives None, not an error."""
    assert data.iso3_of(name) is None


@pytest.mark.parametrize("value", [None, 42, 3.5, {"UK": 1}, b"UK"])
def test_iso3_of_non_text_is_none(value):
    """Anything that is not text gives None (a list of names: see below)."""
    assert data.iso3_of(value) is None


@pytest.mark.parametrize("value", [["UK"], ("Spain", "Iceland"), pd.Series(["Spain"])])
def test_iso3_of_a_list_of_names_says_one_name_at_a_time(value):
    """Exercise 02 Q3 (walk-through W3): `data.iso3_of(fbi_2024)` gave None, which failed later far from the slip."""
    with pytest.raises(TypeError, match="one name at a time"):
        data.iso3_of(value)


# ---- Loaders ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(data.TABLES))
def test_loaders_return_fresh_copies(name):
    """Editing a loaded table (as a lesson might) does not change the next load."""
    loader = data.TABLES[name]
    before = loader().copy(deep=True)
    edited = loader()
    column = next(c for c in edited.columns if pd.api.types.is_string_dtype(edited[c]))
    edited.loc[edited.index[0], column] = "EDITED"
    edited["extra"] = 1
    pd.testing.assert_frame_equal(loader(), before)


def test_article_loader_returns_clean_text():
    """data.article() is the cleaned seed, without page debris."""
    assert "©" not in data.article()
    assert data.article().startswith("Europol announces operation")


# ---- The map file ----------------------------------------------------------------------------


def test_world_map_has_every_participating_country():
    """The shipped map has a shape for each of the eight countries."""
    features = json.loads(data.WORLD_MAP.read_text(encoding="utf-8"))["features"]
    shapes = {feature["id"]: feature["geometry"]["coordinates"] for feature in features}
    assert PARTICIPANTS <= set(shapes)
    for code in PARTICIPANTS:
        assert shapes[code], f"{code} has no polygon"
