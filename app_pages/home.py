"""Next step: the one thing to do now and why, progress through the guide, the queue behind it."""

import streamlit as st

from app_pages import fields, session, ui
from hunt_core import insights

run = session.current()
st.title("Your next step")

if insights.is_new_hunt(run.snap):
    st.markdown(
        "Welcome! Hunt turns the networking guide into **one clear next step** at a time: "
        "pick target companies, find people there, reach out, follow up and have chats. "
        "Start with your profile, or look around a demo hunt first."
    )
    profile_col, demo_col = st.columns(2)
    with profile_col, st.form("welcome"):
        st.subheader("Set up your profile", anchor=False)
        values = fields.profile_fields("welcome", run.snap.profile)
        if st.form_submit_button("Save profile", type="primary", key="welcome:save"):
            session.act(lambda: run.ws.update_profile(values), "Profile saved.")
    with demo_col, st.container(border=True):
        st.subheader("Or try a demo hunt", anchor=False)
        st.markdown(
            f"A made-up job seeker with {session.DEMO_COMPANIES} companies, their people, "
            "messages, replies and chats, so every page has something to show. It stays "
            "reachable later from Settings, kept apart from your own hunt."
        )
        if st.button("Load demo data", key="welcome.demo"):
            with session.guard(), st.spinner("Loading the demo hunt..."):
                session.open_demo()
else:
    ui.step_card(run, run.step)
    later, progress = st.columns([3, 2], gap="large")
    with later:
        st.subheader("Then", anchor=False)
        if run.queue[1:]:
            ui.steps_list(run.queue[1:])
        else:
            st.caption("Nothing else queued.")
    with progress:
        st.subheader("Through the guide", anchor=False)
        ui.progress_bars(run.ws.progress(run.snap))
