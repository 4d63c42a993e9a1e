"""Chats: thank-yous due, coming and held chats, questions to ask, notes and referrals."""

import functools

import pandas as pd
import streamlit as st

from app_pages import session, ui
from hunt_core import insights

SHOWN = 5  # thank-yous drafted at once

run = session.current()
snap = run.snap
st.title("Chats")
coming, held = insights.chats(snap)

st.subheader("Thank-yous due", anchor=False)
thanks = insights.thank_yous_due(snap)
if not thanks:
    st.caption("None due. After every chat, send a thank-you: it keeps the door open.")
for entry in thanks[:SHOWN]:
    person, at = entry.contact, entry.company
    with st.container(border=True):
        text = ui.draft_box(run, entry, "thank-you", "thanks")
        if st.button("Mark thank-you sent", key=f"thanks.sent.{person.id}", type="primary"):
            session.act(
                functools.partial(run.ws.log, at.name, person.name, "thank-you", text=text),
                f"Logged your thank-you to {person.name}.",
            )

upcoming, past = st.columns(2, gap="large")
with upcoming:
    st.subheader("Coming up", anchor=False)
    if coming:
        st.dataframe(
            pd.DataFrame(
                {
                    "When": [e.chat.scheduled_for if e.chat else None for e in coming],
                    "Person": [e.contact.name for e in coming],
                    "Company": [e.company.name for e in coming],
                    "Questions": [len(e.chat.questions) if e.chat else 0 for e in coming],
                }
            ),
            hide_index=True,
        )
    else:
        st.caption("No chats scheduled yet.")
with past:
    st.subheader("Held", anchor=False)
    if held:
        ui.table(
            pd.DataFrame(
                {
                    "Person": [e.contact.name for e in held],
                    "When": [e.chat.held_at if e.chat else None for e in held],
                    "Company": [e.company.name for e in held],
                    "Referral offered": [bool(e.chat and e.chat.referral_offered) for e in held],
                    "Notes": [e.chat.notes if e.chat else "" for e in held],
                }
            ),
            long=("Notes",),
            full="Read the notes in full",
        )
    else:
        st.caption("No chats held yet.")

people = {
    c.id or -1: f"{c.name} · {snap.company_by_id[c.company_id].name}"
    for c in sorted(snap.contacts, key=lambda c: c.name.casefold())
}
if people:
    form = session.form_key("chat.schedule")
    # A "schedule the chat" step opens this form on the person who replied.
    wanted = st.session_state.pop(ui.CHAT_SCHEDULE, None)
    unfold = ui.arrived_for("schedule-chat")
    ids = list(people)
    first = ids.index(wanted) if wanted in people else 0
    with st.expander("Schedule a chat", expanded=unfold), st.form(form):
        who = st.selectbox(
            "With", ids, index=first, format_func=people.__getitem__, key=f"{form}:who"
        )
        day = st.date_input("On", snap.today, key=f"{form}:day")
        if st.form_submit_button("Schedule", type="primary", key=f"{form}:save"):
            person = snap.contacts_by_id[who]
            at = snap.company_by_id[person.company_id]
            session.act(
                lambda: run.ws.log(at.name, person.name, "chat-scheduled", at=day.isoformat()),
                f"Chat with {person.name} scheduled for {day.isoformat()}.",
                "chat.schedule",
            )

with_chat = {e.contact.id or -1: f"{e.contact.name} · {e.company.name}" for e in coming + held}
if with_chat:
    st.subheader("Prepare and record a chat", anchor=False)
    chosen = ui.pick("Chat with", with_chat, ui.CHAT_PERSON)
    person = snap.contacts_by_id[chosen]
    at = snap.company_by_id[person.company_id]
    chat = snap.chat_by_contact.get(chosen)
    questions = run.ws.chat_questions(at.name, person.name)
    form = f"chat.{chosen}"
    with st.form(form):
        st.caption(
            "Questions specific to their role and the company; learn about the company rather "
            "than ask for a job. One question per line."
        )
        asked = st.text_area("Questions", "\n".join(questions), height=220, key=f"{form}:q")
        notes = st.text_area(
            "Notes",
            chat.notes if chat else "",
            key=f"{form}:notes",
            help="The first sentence (one thing they told you) goes into your thank-you.",
        )
        referral = st.checkbox(
            "They offered a referral",
            bool(chat and chat.referral_offered),
            key=f"{form}:referral",
        )
        if st.form_submit_button("Save", type="primary", key=f"{form}:save"):
            lines = [q.strip() for q in asked.splitlines() if q.strip()]
            session.act(
                lambda: run.ws.save_chat(
                    at.name, person.name, questions=lines, notes=notes, referral_offered=referral
                ),
                f"Saved your chat with {person.name}.",
            )
    not_held = chat is None or chat.held_at is None
    if not_held and st.button("Mark chat held", key="chat.held"):
        session.act(
            lambda: run.ws.log(at.name, person.name, "chat-held"),
            f"Logged your chat with {person.name}. Next: a thank-you.",
        )
elif not people:
    st.caption("Add people and reach out: chats come from replies.")
