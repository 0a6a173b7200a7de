"""Charts of the EU's policy path and of the article as a text (lesson 07)."""

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from takedown import data, framing
from takedown.charts.style import LABEL_POINTS, OKABE_ITO, in_words, matplotlib_chart
from takedown.charts.timeline import when

BINDING_COLOURS = {True: OKABE_ITO[5], False: OKABE_ITO[1]}
KIND_COLOURS = dict(zip(framing.KINDS, [OKABE_ITO[4], OKABE_ITO[0], OKABE_ITO[2]]))


def policy_steps():
    """Each dated step of an EU text: the events of category "policy" joined to policy_instruments()."""
    events = data.events()
    steps = events[events["instrument"] != ""][["date", "precision", "event", "instrument", "id"]]
    return steps.merge(data.policy_instruments(), on="instrument", how="inner").sort_values("date", ignore_index=True)


STEP_NAMES = {"communication": "adopted", "recommendation": "adopted", "proposal": "proposed"}


def step_name(step):
    """What a dated step was: 'proposed', 'adopted', 'in force' or 'applies'."""
    for ending, name in (("_in_force", "in force"), ("_applies", "applies"), ("_adopted", "adopted")):
        if step["id"].endswith(ending):
            return name
    return STEP_NAMES.get(step["kind"], "dated step")


def policy_path_chart():
    """One row per EU text, a marker per dated step, coloured by whether the text binds; the deadline on the right."""
    steps = policy_steps()
    texts = steps.drop_duplicates("instrument").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 4.4))
    for row_number, text_row in texts.iterrows():
        own = steps[steps["instrument"] == text_row["instrument"]]
        colour = BINDING_COLOURS[bool(text_row["binding"])]
        ax.plot(
            own["date"],
            [row_number] * len(own),
            color=colour,
            linewidth=2,
            marker="o",
            markersize=8,
            markeredgecolor="black",
        )
        for number, (_, step) in enumerate(own.iterrows()):
            above = number % 2 == 0
            ax.annotate(
                f"{step_name(step)}\n{when(step['date'], 'day')}",
                (step["date"], row_number),
                textcoords="offset points",
                xytext=(0, 8 if above else -8),
                ha="center",
                va="bottom" if above else "top",
                fontsize=LABEL_POINTS,
                color="#333333",
            )
        deadline = text_row["deadline_wording"]
        if pd.isna(text_row["removal_deadline_hours"]):
            deadline = "no fixed deadline: " + deadline
        ax.annotate(
            "\n".join(textwrap.wrap(deadline, 38)),
            (own["date"].max(), row_number),
            textcoords="offset points",
            xytext=(36, 0),
            va="center",
            fontsize=LABEL_POINTS,
            color="#333333",
        )
    ax.set_yticks(range(len(texts)), [f"{row['name']}\n({row['kind']})" for _, row in texts.iterrows()], fontsize=9)
    ax.set_ylim(len(texts) - 0.35, -0.75)
    span = steps["date"].max() - steps["date"].min()
    ax.set_xlim(steps["date"].min() - span * 0.08, steps["date"].max() + span * 0.8)
    ax.grid(axis="x", color="#E5E5E5")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("Date of each step")
    ax.set_ylabel("EU text")
    ax.set_title("From guidance to binding law: the EU's texts on terrorist content online")
    ax.legend(
        handles=[
            Patch(facecolor=BINDING_COLOURS[True], edgecolor="black", label="binding law"),
            Patch(facecolor=BINDING_COLOURS[False], edgecolor="black", label="not binding"),
        ],
        loc="upper right",
        fontsize=LABEL_POINTS,
    )
    fig.tight_layout()
    one_hour = texts[texts["removal_deadline_hours"].fillna(0) == 1]
    binding = texts[texts["binding"]]
    alt = (
        f"Chart of {len(texts)} EU texts from {when(steps['date'].min(), 'day')} to "
        f"{when(steps['date'].max(), 'day')}: {in_words(texts.loc[~texts['binding'], 'name'])} do not bind, "
        f"{in_words(binding['name'])} is binding law, and {len(one_hour)} of the {len(texts)} texts "
        f"({in_words(one_hour['name'])}) set a one-hour removal deadline."
    )
    return matplotlib_chart(fig, alt)


def word_frequency_chart(top=10):
    """Horizontal bars: the article's most frequent words, stop words left out."""
    counts = framing.word_counts(data.article()).head(top)
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.barh(range(len(counts)), counts["count"], color=OKABE_ITO[4], edgecolor="black")
    for position, count in enumerate(counts["count"]):
        ax.text(count + 0.1, position, str(count), va="center", fontsize=9)
    ax.set_yticks(range(len(counts)), counts["word"])
    ax.invert_yaxis()
    ax.set_xlabel("Times the word occurs in the article")
    ax.set_ylabel("Word")
    ax.set_title(f"The article's {top} most frequent words, stop words left out")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    first = counts.iloc[0]
    alt = (
        f"Bar chart of the {len(counts)} most frequent words of the cleaned article without stop words: "
        f"“{first['word']}” comes first with {first['count']} occurrences, followed by "
        f"{in_words([f'“{word}” ({count})' for word, count in zip(counts['word'][1:], counts['count'][1:])])}."
    )
    return matplotlib_chart(fig, alt)


def mentions_chart():
    """Horizontal bars: how often the article names each actor, coloured by kind of actor."""
    counts = framing.mention_counts(data.article())
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.barh(
        range(len(counts)), counts["mentions"], color=[KIND_COLOURS[kind] for kind in counts["kind"]], edgecolor="black"
    )
    for position, count in enumerate(counts["mentions"]):
        ax.text(count + 0.1, position, str(count), va="center", fontsize=9)
    ax.set_yticks(range(len(counts)), counts["actor"])
    ax.invert_yaxis()
    ax.set_xlabel("Times the article names them (pronouns not counted)")
    ax.set_ylabel("Who or what")
    ax.set_title("Who the article names, and how often")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(
        handles=[Patch(facecolor=KIND_COLOURS[kind], edgecolor="black", label=kind) for kind in framing.KINDS],
        title="Kind",
        loc="lower right",
        fontsize=LABEL_POINTS,
        title_fontsize=LABEL_POINTS,
    )
    fig.tight_layout()
    by_kind = counts.groupby("kind")["mentions"].sum()
    alt = (
        f"Bar chart of how often the article names {len(counts)} actors: {counts.iloc[0]['actor']} most "
        f"({counts.iloc[0]['mentions']} times), then {counts.iloc[1]['actor']} ({counts.iloc[1]['mentions']}); "
        f"in all, {in_words([f'{by_kind[kind]} mentions of {kind}' for kind in framing.KINDS])}."
    )
    return matplotlib_chart(fig, alt)
