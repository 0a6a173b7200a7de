"""Exercise 05 (measuring disruption): a right, a wrong and a wrong-kind answer for each question."""

import plotly.express as px
from matplotlib.figure import Figure

from takedown import data
from takedown.questions.lesson_05 import channel_chart


def half_year_bars(
    with_running_totals=False,
    title="Twitter accounts suspended per half-year",
    value_label="Accounts suspended per half-year",
    **options,
):
    """A bar chart of the half-year figures, as a student would draw it with px.bar."""
    table = data.suspensions()
    if not with_running_totals:
        table = table[table["type"] == "half-year"]
    options = {"x": "period", "y": "accounts", **options}
    return px.bar(table, title=title, labels={"period": "Half-year", "accounts": value_label}, **options)


REPORT = """About 1.6 million accounts, adding up Twitter's own published figures (a running total and two
later half-years). It counts what one platform removed, not how many people saw the material or whether the
April 2018 operation worked."""

ANSWERS = [
    ("05_measuring", 1, 259358, 636248, "259358"),
    ("05_measuring", 2, 1582026, 4105170, "1,582,026"),
    ("05_measuring", 3, half_year_bars(), half_year_bars(with_running_totals=True), Figure()),
    ("05_measuring", 4, 722.2, 286.65, "722"),
    ("05_measuring", 5, "c", "a", False),
    ("05_measuring", 6, REPORT, "About 1.6 million accounts.", ["About 1.6 million"]),
    # In-lesson checks (takedown/questions/lesson_05.py)
    ("lesson_05", 1, 166513, 166153, "d"),
    ("lesson_05", 2, "b", "e", 4105170),  # a prediction: recorded, never marked
    ("lesson_05", 3, 274460, 574109, "274460"),
    ("lesson_05", 4, 574109, 1210357, "574109"),
    ("lesson_05", 5, 574109 / 12, 574109 / 29, "47842"),
    ("lesson_05", 6, "a", "b", 30000),
    ("lesson_05", 7, "a", "e", 90),  # a prediction: recorded, never marked
    ("lesson_05", 8, "d", "a", ["b"]),
    # a faded example: the worked px.bar example's selection changed to another row of the CREST table
    ("lesson_05", 9, channel_chart(), channel_chart("average lifespan of new channels"), 12),  # a whole px.bar call
    ("lesson_05", 10, "c", "b", "activity"),
    ("lesson_05", 11, "d", "a", 3),
]
