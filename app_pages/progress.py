"""Progress: the funnel from companies to referrals, weekly activity, reply rate by channel."""

import streamlit as st

from app_pages import charts, session, ui
from hunt_core import insights

run = session.current()
snap = run.snap
touches = run.ws.store.touches()
st.title("Progress")

stages = insights.funnel(snap.companies, snap.contacts, touches, snap.chats)
for column, (stage, count) in zip(st.columns(len(stages)), stages, strict=True):
    column.metric(stage, count)

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
charts.weekly(insights.weekly_activity(touches, snap.today))

st.subheader("Through the guide", anchor=False)
ui.progress_bars(run.ws.progress(snap))
