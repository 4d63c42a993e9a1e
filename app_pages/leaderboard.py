"""Leaderboard: the cohort's outreach this week or all time, per student and per cohort."""

import pandas as pd
import streamlit as st

from app_pages import charts, session
from hunt_core.cohort import MEASURES, cohort_board

TITLES = {
    "messages_sent": "Messages sent",
    "follow_ups_on_time": "Follow-ups on time",
    "chats_held": "Chats held",
    "thank_yous": "Thank-yous sent",
    "full_role_mix": "Companies with a full role mix",
    "referrals": "Referrals",
}
# What each measure counts, as the store's leaderboard SQL counts it (store/cohorts.py).
MEANINGS = {
    "messages_sent": "LinkedIn requests, messages, emails and Slack messages sent.",
    "follow_ups_on_time": (
        "People whose first follow-up came within two weeks of the first message: due after "
        "a week without a reply, on time a week later. Each person counts once."
    ),
    "chats_held": "Informational chats held.",
    "thank_yous": "Thank-you notes sent after a chat.",
    "full_role_mix": (
        "Target companies with a developer, a manager and a recruiter on your list, counted "
        "when the third one arrives."
    ),
    "referrals": "Referrals offered or made.",
}

me = session.member()
st.title("Leaderboard")
st.caption(
    "Outreach counts only: no contacts, no companies. Pick an alias or leave the board in "
    "Settings. A cohort with fewer than 3 students on the board is not shown on its own."
)
span, pick = st.columns(2, vertical_alignment="bottom")
week = span.toggle("This week only", value=True, key="leaderboard.week")
measure = pick.selectbox(
    "Measure", list(MEASURES), format_func=TITLES.__getitem__, key="leaderboard.measure"
)
st.caption(MEANINGS[measure])
if me is None:
    st.info("The leaderboard needs cohort sign-in.")
    st.stop()
rows = session.cohorts().leaderboard(me, now=session.now(), week=week)
if not rows:
    st.caption("Nobody is on the board yet.")
    st.stop()


def table(board: list, first: str) -> pd.DataFrame:
    """A board as a table: names as plain text, one column per measure."""
    data = {first: [r.name for r in board], "Cohort": [r.cohort for r in board]}
    data.update({TITLES[m]: [getattr(r, m) for r in board] for m in MEASURES})
    return pd.DataFrame(data)


students, groups = st.tabs(["Students", "Cohorts"])
with students:
    ranked = sorted(rows, key=lambda r: (-getattr(r, measure), r.name))
    charts.leaders([r.name for r in ranked], [getattr(r, measure) for r in ranked])
    st.dataframe(table(rows, "Student"), hide_index=True)
with groups:
    board = cohort_board(rows)
    if board:
        charts.leaders([r.name for r in board], [getattr(r, measure) for r in board])
        st.dataframe(table(board, "Group").drop(columns="Cohort"), hide_index=True)
    else:
        st.caption("No cohort has 3 students on the board yet.")
