"""Answers for exercise 02 (tests/test_questions.py): exercise, question, right, wrong, wrong kind."""
import pandas as pd
import plotly.express as px
from matplotlib.figure import Figure


def membership_bars(counts=(6, 8, 3), title="Memberships of the eight countries, April 2018",
                    labels=True, organisations=("EU", "NATO", "Five Eyes"), **options):
    """A plotly bar chart of membership counts, as a student would draw it with px.bar."""
    table = pd.DataFrame({"organisation": list(organisations), "countries": list(counts)})
    options = {"x": "organisation", "y": "countries", **options}
    return px.bar(table, title=title,
                  labels={"organisation": "Organisation", "countries": "Number of countries"} if labels else None,
                  **options)


ANSWERS = [
    ("02_countries", 1, 6, 5, "six"),
    ("02_countries", 2, ["Canada", "United States"], ["Canada"], "Canada, United States"),
    ("02_countries", 3, "GBR", "GBX", 826),
    ("02_countries", 4, ["Canada", "Netherlands", "United States"], ["Bulgaria", "France", "Romania"],
     "Canada, Netherlands, United States"),
    ("02_countries", 5, membership_bars(), membership_bars(counts=(6, 7, 3)), Figure()),
    ("lesson_02", 1, 8, 6, "eight"),
    ("lesson_02", 2, 5, 6, "five"),
    ("lesson_02", 3, "b", "a", "y"),
    ("lesson_02", 4, "b", "a", 2),
    ("lesson_02", 5, 3, 6, "three"),
    ("lesson_02", 6, "c", "a", ["c"]),
]
