"""Altair charts: a company's score breakdown, the funnel, weekly activity, reply rates.

Each chart is written in Altair once, without data, and kept as a Vega-Lite spec: Altair's
schema validation costs more than a whole rerun's budget, and the spec never changes. A draw
hands the spec this user's rows by name.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from hunt_core import insights

ROWS = "rows"
PRIMARY = "#2e7d6b"  # the theme's primary colour (.streamlit/config.toml)
LABELS = alt.Axis(labelLimit=240)  # criterion labels are short sentences
COUNT_AXIS = alt.Axis(tickMinStep=1, format="d")  # counts: whole numbers, never 0.5
# One colour per part of a breakdown bar, in insights.PARTS order: earned, missed, unknown
# at its prior, the rest of an unknown's range, and a criterion that doesn't count.
PART_COLOURS = (PRIMARY, "#d9d9d9", "#e0a526", "#f6e3b4", "#9e9e9e")


def _draw(spec: dict[str, Any], rows: pd.DataFrame) -> None:
    """Draw a cached spec over rows (Streamlit moves datasets out of the spec it gets)."""
    st.vega_lite_chart({**spec, "datasets": {ROWS: rows}})


@functools.cache
def _breakdown_spec() -> dict[str, Any]:
    tooltip = [
        alt.Tooltip("criterion:N", title="Criterion"),
        alt.Tooltip("part:N", title="Part"),
        alt.Tooltip("points:Q", title="Weighted points", format=".2f"),
        alt.Tooltip("possible:Q", title="Points possible", format=".1f"),
        alt.Tooltip("reason:N", title="Why"),
        alt.Tooltip("plugin:N", title="Plugin"),
    ]
    parts = alt.Scale(domain=list(insights.PARTS), range=list(PART_COLOURS))
    colour = alt.Color(
        "part:N",
        scale=parts,
        title=None,
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=200),
    )
    base = alt.Chart(alt.NamedData(ROWS)).encode(
        y=alt.Y("criterion:N", sort=None, title=None, axis=LABELS), tooltip=tooltip, color=colour
    )
    bars = base.mark_bar().encode(
        x=alt.X("points:Q", stack="zero", title="Weighted points: earned against possible"),
        order=alt.Order("order:Q"),
    )
    # A bar of length 0 would hide a switched-off criterion; a tick at 0 shows it is there.
    # A predicate, not an expression: the part's name has an apostrophe.
    off = (
        base.transform_filter(alt.FieldEqualPredicate(field="part", equal=insights.OFF))
        .mark_tick(thickness=3)
        .encode(x="points:Q")
    )
    return (bars + off).properties(height=alt.Step(22)).to_dict()


def breakdown(bars: Sequence[insights.Bar], title: str) -> None:
    """One stacked bar per criterion: points earned (or its prior while unknown) then the rest."""
    rows = [
        (b.label, part, points, b.possible, order, b.reason, b.plugin)
        for b in bars
        for order, (part, points) in enumerate(b.parts)
    ]
    columns = ["criterion", "part", "points", "possible", "order", "reason", "plugin"]
    spec = {**_breakdown_spec(), "title": {"text": title, "anchor": "start"}}
    _draw(spec, pd.DataFrame(rows, columns=columns))


@functools.cache
def _funnel_spec() -> dict[str, Any]:
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar(color=PRIMARY)
        .encode(
            y=alt.Y("stage:N", sort=None, title=None),
            x=alt.X("count:Q", title="How many", axis=COUNT_AXIS),
            tooltip=["stage:N", "count:Q"],
        )
        .to_dict()
    )


def funnel(stages: Sequence[tuple[str, int]]) -> None:
    """People down to referrals, one bar per stage, each no longer than the one above."""
    _draw(_funnel_spec(), pd.DataFrame(stages, columns=["stage", "count"]))


@functools.cache
def _weekly_spec() -> dict[str, Any]:
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar()
        .encode(
            x=alt.X("week:O", title="Week starting"),
            y=alt.Y("touches:Q", title="Touches", axis=COUNT_AXIS),
            color=alt.Color("kind:N", title="Kind"),
            tooltip=["week:O", "kind:N", "touches:Q"],
        )
        .to_dict()
    )


def weekly(rows: Sequence[tuple[dt.date, str, int]]) -> None:
    """Touches per week, stacked by kind."""
    data = [(w.isoformat(), k, n) for w, k, n in rows]
    _draw(_weekly_spec(), pd.DataFrame(data, columns=["week", "kind", "touches"]))


@functools.cache
def _reply_spec() -> dict[str, Any]:
    # The counts are in each bar's label: as text after the bar they ran off a half-width chart.
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar(color=PRIMARY)
        .encode(
            x=alt.X(
                "rate:Q",
                title="Answered",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y("channel:N", sort="-x", title=None, axis=LABELS),
            tooltip=[
                alt.Tooltip("channel:N", title="Channel"),
                alt.Tooltip("rate:Q", title="Reply rate", format=".0%"),
                alt.Tooltip("sent:Q", title="First messages"),
                alt.Tooltip("replied:Q", title="Answered"),
            ],
        )
        .to_dict()
    )


def reply_rates(rates: Sequence[insights.ChannelRate]) -> None:
    """Share of first messages answered, per channel, each labelled with its counts."""
    data = [(r.label, r.rate, r.sent, r.replied) for r in rates]
    _draw(_reply_spec(), pd.DataFrame(data, columns=["channel", "rate", "sent", "replied"]))


@functools.cache
def _leaders_spec() -> dict[str, Any]:
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar(color=PRIMARY)
        .encode(
            y=alt.Y("name:N", sort="-x", title=None, axis=LABELS),
            x=alt.X("value:Q", title="How many", axis=COUNT_AXIS),
            tooltip=[alt.Tooltip("name:N", title="Name"), alt.Tooltip("value:Q", title="How many")],
        )
        .to_dict()
    )


def leaders(names: Sequence[str], values: Sequence[int]) -> None:
    """One measure of a leaderboard, one bar per student or cohort, the most first."""
    _draw(_leaders_spec(), pd.DataFrame({"name": list(names), "value": list(values)}))
