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

from hunt_core.insights import Bar, ChannelRate

ROWS = "rows"
COUNTS, UNKNOWN = "counts", "unknown: check it"
PRIMARY = "#2e7d6b"  # the theme's primary colour (.streamlit/config.toml)
LABELS = alt.Axis(labelLimit=240)  # criterion labels are short sentences


def _draw(spec: dict[str, Any], rows: pd.DataFrame) -> None:
    """Draw a cached spec over rows (Streamlit moves datasets out of the spec it gets)."""
    st.vega_lite_chart({**spec, "datasets": {ROWS: rows}})


@functools.cache
def _breakdown_spec() -> dict[str, Any]:
    tooltip = [
        alt.Tooltip("criterion:N", title="Criterion"),
        alt.Tooltip("reason:N", title="Why"),
        alt.Tooltip("points:Q", title="Weighted points", format=".1f"),
        alt.Tooltip("possible:Q", title="Weight", format=".1f"),
        alt.Tooltip("plugin:N", title="Plugin"),
    ]
    base = alt.Chart(alt.NamedData(ROWS)).encode(
        y=alt.Y("criterion:N", sort=None, title=None, axis=LABELS), tooltip=tooltip
    )
    possible = base.mark_bar(color="#e8e8e8").encode(x=alt.X("possible:Q", title="Points"))
    status = alt.Scale(domain=[COUNTS, UNKNOWN], range=[PRIMARY, "#e0a526"])
    got = base.mark_bar().encode(
        x="points:Q",
        color=alt.Color("status:N", scale=status, title=None, legend=alt.Legend(orient="bottom")),
        opacity=alt.condition(f"datum.status == '{UNKNOWN}'", alt.value(0.5), alt.value(1.0)),
    )
    return (possible + got).properties(height=alt.Step(22)).to_dict()


def breakdown(bars: Sequence[Bar]) -> None:
    """One bar per criterion: weighted points over the most it could add; unknowns stand out."""
    rows = pd.DataFrame(
        {
            "criterion": [b.label for b in bars],
            "points": [b.weighted if b.known else b.weight for b in bars],
            "possible": [b.weight for b in bars],
            "status": [COUNTS if b.known else UNKNOWN for b in bars],
            "reason": [b.reason for b in bars],
            "plugin": [b.plugin for b in bars],
        }
    )
    _draw(_breakdown_spec(), rows)


@functools.cache
def _funnel_spec() -> dict[str, Any]:
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar(color=PRIMARY)
        .encode(
            y=alt.Y("stage:N", sort=None, title=None),
            x=alt.X("count:Q", title="How many"),
            tooltip=["stage:N", "count:Q"],
        )
        .to_dict()
    )


def funnel(stages: Sequence[tuple[str, int]]) -> None:
    """Companies down to referrals, one bar per stage."""
    _draw(_funnel_spec(), pd.DataFrame(stages, columns=["stage", "count"]))


@functools.cache
def _weekly_spec() -> dict[str, Any]:
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar()
        .encode(
            x=alt.X("week:O", title="Week starting"),
            y=alt.Y("touches:Q", title="Touches"),
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
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar(color=PRIMARY)
        .encode(
            x=alt.X(
                "rate:Q",
                title="Reply rate",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y("channel:N", sort="-x", title=None),
            tooltip=[
                "channel:N",
                alt.Tooltip("rate:Q", title="Reply rate", format=".0%"),
                alt.Tooltip("sent:Q", title="First messages"),
                alt.Tooltip("replied:Q", title="Answered"),
            ],
        )
        .to_dict()
    )


def reply_rates(rates: Sequence[ChannelRate]) -> None:
    """Share of first messages answered, per channel."""
    data = [(r.channel, r.rate, r.sent, r.replied) for r in rates]
    _draw(_reply_spec(), pd.DataFrame(data, columns=["channel", "rate", "sent", "replied"]))


@functools.cache
def _leaders_spec() -> dict[str, Any]:
    return (
        alt.Chart(alt.NamedData(ROWS))
        .mark_bar(color=PRIMARY)
        .encode(
            y=alt.Y("name:N", sort="-x", title=None, axis=LABELS),
            x=alt.X("value:Q", title="How many"),
            tooltip=[alt.Tooltip("name:N", title="Name"), alt.Tooltip("value:Q", title="How many")],
        )
        .to_dict()
    )


def leaders(names: Sequence[str], values: Sequence[int]) -> None:
    """One measure of a leaderboard, one bar per student or cohort, the most first."""
    _draw(_leaders_spec(), pd.DataFrame({"name": list(names), "value": list(values)}))
