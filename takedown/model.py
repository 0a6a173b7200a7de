"""A toy model of propaganda posted, removed and re-uploaded, hour by hour (lesson 06).

It is a teaching model, not a forecast. It keeps one number, the items **live** (online and
reachable) at the end of each hour, and moves it with three flows:

    posted      = post_rate                       (less during an infrastructure outage)
    removed     = live ÷ (find_hours + removal_hours)
    re-uploaded = reupload_share × removed in the hour before
    live next hour = live + posted + re-uploaded − removed

An item waits on average `find_hours` until it is found and referred, then `removal_hours` until
it is taken down; so each hour 1 in (find_hours + removal_hours) of the live items goes. The model
has no randomness: the same parameters always give the same numbers.

Three scenarios, all starting from the same "status quo" (routine removal of items, in balance):

* remove items – nothing changes: routine removal goes on;
* take down infrastructure – at hour OUTAGE_START posting drops by `outage_cut` for `outage_hours`,
  then the outlet has adapted and posts as before;
* one-hour rule – from hour 0, referred items are removed after `one_hour_removal_hours`.

The default values live in `data.model_parameters()`, with whether each is illustrative or loosely
anchored to a cited figure.
"""

import pandas as pd

from takedown import data

HOURS = 21 * 24  # every run lasts three weeks, hour by hour (a setting chosen for the lesson)
OUTAGE_START = 3 * 24  # the infrastructure takedown starts on day 3 (a setting chosen for the lesson)
SCENARIOS = ["remove items", "take down infrastructure", "one-hour rule"]
FLOW_PARAMETERS = ["post_rate", "find_hours", "removal_hours", "reupload_share"]


def parameters():
    """The default parameters as a dictionary {name: value}, from data.model_parameters()."""
    table = data.model_parameters()
    return {name: float(value) for name, value in zip(table["parameter"], table["value"])}


def _flows(post_rate=None, find_hours=None, removal_hours=None, reupload_share=None):
    """The four flow parameters, defaults filled in from the table and checked."""
    defaults = parameters()
    given = dict(post_rate=post_rate, find_hours=find_hours, removal_hours=removal_hours, reupload_share=reupload_share)
    for name, value in given.items():
        if isinstance(value, str):  # a parameter's name typed for its value (exercise 06, Question 3)
            looked_up = f'params["{value}"]' if value in defaults else f'params["{name}"]'
            raise ValueError(
                f"{name} needs a number, not the text {value!r}: look the value up in the parameters, like "
                f"{looked_up} (params = model.parameters())"
            )
    flows = {name: float(defaults[name] if value is None else value) for name, value in given.items()}
    if flows["post_rate"] < 0:
        raise ValueError("post_rate must be 0 or more (items per hour)")
    if flows["find_hours"] < 0 or flows["removal_hours"] < 0 or flows["find_hours"] + flows["removal_hours"] < 1:
        raise ValueError("find_hours and removal_hours must be 0 or more, and add up to at least 1 hour")
    if not 0 <= flows["reupload_share"] < 1:
        raise ValueError("reupload_share must be at least 0 and less than 1")
    return flows


def steady_state(post_rate=None, find_hours=None, removal_hours=None, reupload_share=None):
    """Items live in the long run, when what is removed balances what is posted and re-uploaded.

    In balance: removed = posted + re-uploaded, that is  L / T = post_rate + reupload_share × L / T
    with T = find_hours + removal_hours, so  L = post_rate × T / (1 − reupload_share).
    """
    flows = _flows(post_rate, find_hours, removal_hours, reupload_share)
    hours_live = flows["find_hours"] + flows["removal_hours"]
    return flows["post_rate"] * hours_live / (1 - flows["reupload_share"])


def simulate(
    hours=HOURS,
    post_rate=None,
    find_hours=None,
    removal_hours=None,
    reupload_share=None,
    outage_start=OUTAGE_START,
    outage_hours=0,
    outage_cut=0.0,
    start_live=None,
):
    """Run the model hour by hour; one row per hour with what was posted, removed, re-uploaded and live.

    Parameters left out take their default from data.model_parameters(). The run starts with
    `start_live` items live; by default the status quo, steady_state() with the default parameters.
    """
    flows = _flows(post_rate, find_hours, removal_hours, reupload_share)
    if not 0 <= outage_cut <= 1:
        raise ValueError("outage_cut must be between 0 and 1 (the share of posting stopped)")
    if hours < 1 or outage_hours < 0 or outage_start < 0:
        raise ValueError("hours must be at least 1; outage_start and outage_hours 0 or more")
    live = steady_state() if start_live is None else float(start_live)
    if live < 0:
        raise ValueError("start_live must be 0 or more")
    removal_share = 1 / (flows["find_hours"] + flows["removal_hours"])
    removed_before = removal_share * live  # the hour before the run was in balance too
    rows = []
    for hour in range(int(hours)):
        outage = outage_start <= hour < outage_start + outage_hours
        posted = flows["post_rate"] * (1 - outage_cut if outage else 1)
        removed = removal_share * live
        reuploaded = flows["reupload_share"] * removed_before
        live = live + posted + reuploaded - removed
        removed_before = removed
        rows.append((hour + 1, posted, removed, reuploaded, live))
    run = pd.DataFrame(rows, columns=["hour", "posted", "removed", "reuploaded", "live"])
    run.insert(1, "day", run["hour"] / 24)
    return run


def scenario_settings(name, **changes):
    """The keyword arguments of simulate() for one of SCENARIOS, with optional changes to the defaults."""
    if name not in SCENARIOS:
        raise ValueError(f"unknown scenario {name!r}: choose one of {SCENARIOS}")
    defaults = parameters()
    settings = dict(changes)
    if name == "take down infrastructure":
        settings.setdefault("outage_hours", defaults["outage_hours"])
        settings.setdefault("outage_cut", defaults["outage_cut"])
    else:
        settings["outage_hours"] = 0
        settings.pop("outage_cut", None)
    if name == "one-hour rule":
        settings["removal_hours"] = settings.pop("one_hour_removal_hours", defaults["one_hour_removal_hours"])
    else:
        settings.pop("one_hour_removal_hours", None)
    return settings


def run_scenarios(**changes):
    """All three scenarios in one long table (a `scenario` column), from the same starting point.

    Every run starts in balance under routine removal of items with the same parameters, so the
    "remove items" line is flat and the other two show what their change does.
    """
    start = steady_state(**{name: changes[name] for name in FLOW_PARAMETERS if name in changes})
    runs = [
        simulate(start_live=start, **scenario_settings(name, **changes)).assign(scenario=name) for name in SCENARIOS
    ]
    table = pd.concat(runs, ignore_index=True)
    return table[["scenario"] + [column for column in table.columns if column != "scenario"]]


def summary(runs=None):
    """Measures per scenario: average, lowest and final items live, and item-hours live (exposure)."""
    runs = run_scenarios() if runs is None else runs
    grouped = runs.groupby("scenario", sort=False)["live"]
    table = pd.DataFrame(
        {
            "average_live": grouped.mean(),
            "lowest_live": grouped.min(),
            "live_at_end": grouped.last(),
            "item_hours_live": grouped.sum(),
        }
    )
    return table.round(1)
