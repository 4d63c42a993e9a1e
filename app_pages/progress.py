"""Progress: companies, the funnel from people to referrals, weekly activity, reply rates."""

import streamlit as st

from app_pages import charts, session, ui
from hunt_core import insights

run = session.current()
snap = run.snap
touches = run.ws.touches()
st.title("Progress")

stages = insights.funnel(snap.contacts, touches, snap.chats)
columns = st.columns(len(stages) + 1)
columns[0].metric("Companies", len(snap.companies), help="Target companies, apart from the funnel")
for column, (stage, count) in zip(columns[1:], stages, strict=True):
    column.metric(stage, count, help=insights.FUNNEL_HELP[stage])

funnel, rates = st.columns(2, gap="large")
with funnel:
    st.subheader("Funnel", anchor=False)
    charts.funnel(stages)
with rates:
    st.subheader("Reply rate by channel", anchor=False)
    replies = insights.reply_rates(touches)
    if replies:
        charts.reply_rates(replies)
    else:
        st.caption("No first messages logged yet.")

st.subheader("Weekly activity", anchor=False)
activity = insights.weekly_activity(touches, snap.today)
if activity:
    charts.weekly(activity)
else:
    st.caption("Nothing logged yet: the weeks start with your first message.")

st.subheader("Through the guide", anchor=False)
ui.progress_bars(run.ws.progress(snap))
