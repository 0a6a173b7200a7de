"""Answers for exercise 02 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""

import numpy as np
import pandas as pd
import plotly.express as px
from matplotlib.figure import Figure

from takedown import data


def membership_bars(
    counts=(6, 8, 3),
    title="Memberships of the eight countries, April 2018",
    labels=True,
    organisations=("EU", "NATO", "Five Eyes"),
    **options,
):
    """A plotly bar chart of membership counts, as a student would draw it with px.bar."""
    table = pd.DataFrame({"organisation": list(organisations), "countries": list(counts)})
    options = {"x": "organisation", "y": "countries", **options}
    return px.bar(
        table,
        title=title,
        labels={"organisation": "Organisation", "countries": "Number of countries"} if labels else None,
        **options,
    )


_countries = data.countries()
_agreed = _countries.loc[~_countries["disputed"], "name"]
_servers = _countries["role"] == "seized servers"

ANSWERS = [
    ("02_countries", 1, _servers & _countries["eu_member"], _servers | _countries["eu_member"], 1),
    (
        "02_countries",
        2,
        _countries.loc[~_countries["eu_member"], "name"],
        _countries.loc[_countries["eu_member"], "name"],
        "Canada, United States",
    ),
    ("02_countries", 3, ["DEU", "ESP", "EST", "ISL"], ["GER", "ESP", "EST", "ISL"], "DEU, ESP, EST, ISL"),
    (  # the column code marks the countries with: a typed list could be copied from lesson 02's printed table
        "02_countries",
        4,
        _countries["name"].isin({"Canada", "Netherlands", "United States"}),
        _countries["name"].isin({"Bulgaria", "France", "Romania"}),
        ["Canada", "Netherlands", "United States"],
    ),
    ("02_countries", 5, membership_bars(), membership_bars(counts=(6, 7, 3)), Figure()),
    (
        "02_countries",
        6,
        "Canada, the Netherlands and the US get one colour; Bulgaria, France and Romania another, labelled with "
        "both accounts, Europol's and the Belgian prosecutor's, because a map reads as fact.",
        "Servers everywhere.",
        6,
    ),
    ("lesson_02", 1, 8, 9, "eight"),
    ("lesson_02", 2, np.int64(3), np.int64(8), "3"),  # `.sum()` gives numpy's integer; a bare 3 was typed
    ("lesson_02", 3, "a", "b", "y"),
    ("lesson_02", 4, 6, 3, "six"),  # the chart's note: servers in six countries in the other account; 3 is the bar
    ("lesson_02", 5, _agreed, _countries.loc[_countries["disputed"], "name"], 5),
    ("lesson_02", 6, "led the operation", "seized servers", 6),
    (
        "lesson_02",
        7,
        np.int64(5),
        5,
        "5",
    ),  # a count the line gives (numpy's integer); a bare 5 typed by hand is sent back
    ("lesson_02", 8, "b", "z", 3),  # a prediction: any of a, b, c is recorded, "z" is not a choice
    ("lesson_02", 9, ["Canada", "United States"], ["Canada", "Netherlands", "United Kingdom", "United States"], 2),
    ("lesson_02", 10, ["Bulgaria", "France", "Romania"], ["Canada", "Netherlands", "United States"], 3),
    ("lesson_02", 11, ["United Kingdom"], ["Netherlands"], 1),  # set difference: the Netherlands is europol - five_eyes
    ("lesson_02", 12, "d", "a", ["d"]),
    (  # lateral reading, recorded for a person to score: a sentence that names its pages; a few words are too few
        "lesson_02",
        13,
        "The first version on lalibre.be gives the prosecutor's six countries for servers; the later page gives "
        "Europol's split, so a chart must say which version it cites and whose account it shows.",
        "It changed.",
        None,
    ),
]
