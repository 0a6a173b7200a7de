"""Charts of the targeted outlets and what the article says was done to them (lessons 01, 03)."""

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import ListedColormap

from takedown import data
from takedown.charts.style import OKABE_ITO, in_words, matplotlib_chart

LEVELS = ["not in the article", "said of the whole operation", "said of this outlet"]


def outlet_action_table():
    """For each outlet and action, what the article says links them (one of LEVELS)."""
    outlets, actions = data.outlets(), data.actions()
    rows = {}
    for _, outlet in outlets.iterrows():
        rows[outlet["outlet"]] = {
            action["action"]: (
                LEVELS[2]
                if action["target"] == outlet["outlet"]
                else LEVELS[1]
                if outlet["in_article"] and action["target"] == "whole operation"
                else LEVELS[0]
            )
            for _, action in actions.iterrows()
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def outlet_action_matrix():
    """A grid of outlets against actions, shaded by how directly the article links the two."""
    table = outlet_action_table()
    levels = table.apply(lambda column: column.map(LEVELS.index)).to_numpy()
    fig, ax = plt.subplots(figsize=(9, 3.8))
    ax.imshow(levels, cmap=ListedColormap(["white", OKABE_ITO[1], OKABE_ITO[4]]), vmin=0, vmax=2, aspect="auto")
    for row in range(levels.shape[0]):
        for col in range(levels.shape[1]):
            ax.text(
                col,
                row,
                LEVELS[levels[row, col]].replace(" of ", "\nof "),
                ha="center",
                va="center",
                fontsize=8.5,
                color="white" if levels[row, col] == 2 else "#111",
            )
    ax.set_xticks(range(len(table.columns)), [c.replace(" of ", "\nof ") for c in table.columns], fontsize=9)
    ax.set_yticks(range(len(table.index)), table.index)
    ax.set_xlabel("Action")
    ax.set_ylabel("Outlet")
    ax.set_title("Which actions does the article link to which outlet?")
    fig.tight_layout()
    linked = (table == LEVELS[2]).stack()
    direct = [f"{action} of {outlet}" for (outlet, action), yes in linked.items() if yes]
    absent = list(table.index[(table == LEVELS[0]).all(axis=1)])
    alt = (
        f"Grid of {len(table.index)} outlets by {len(table.columns)} actions: the article ties only one action "
        f"to a single outlet ({in_words(direct)}); the other actions are described for the whole operation, "
        f"and {in_words(absent)} does not appear in the article at all."
    )
    return matplotlib_chart(fig, alt)
