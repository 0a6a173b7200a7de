"""Exercise 05 (measuring disruption): a right, a wrong and a wrong-kind answer for each question."""
import plotly.express as px
from matplotlib.figure import Figure

from takedown import data


def half_year_bars(with_running_totals=False, title="Twitter accounts suspended per half-year",
                   value_label="Accounts suspended per half-year", **options):
    """A bar chart of the half-year figures, as a student would draw it with px.bar."""
    table = data.suspensions()
    if not with_running_totals:
        table = table[table["type"] == "half-year"]
    options = {"x": "period", "y": "accounts", **options}
    return px.bar(table, title=title, labels={"period": "Half-year", "accounts": value_label}, **options)


ANSWERS = [
    ("05_measuring", 1, 259358, 636248, "259358"),
    ("05_measuring", 2, 1582026, 4105170, "1,582,026"),
    ("05_measuring", 3, half_year_bars(), half_year_bars(with_running_totals=True), Figure()),
    ("05_measuring", 4, 36.14, 63, "36%"),
    ("05_measuring", 5, False, True, "False"),
]
