"""Outreach: for one person the channel and why, a draft to copy or email, and follow-ups due."""

import functools

import pandas as pd
import streamlit as st

from app_pages import session, ui
from app_pages.safe import escape
from hunt_core import insights, outreach
from hunt_core.models import ContactRank
from hunt_core.wording import capitalized, plural

SHOWN = 5  # follow-ups drafted at once, so a long list stays quick and readable

run = session.current()
snap = run.snap
profile = snap.profile
st.title("Outreach")

cap = profile.monthly_notes
if cap is None:
    st.caption(f"Personalised LinkedIn notes this month: {snap.notes_used}, no monthly cap.")
else:
    used = min(1.0, snap.notes_used / cap) if cap else 1.0
    st.progress(used, text=f"Personalised LinkedIn notes this month: {snap.notes_used} of {cap}")


def follow_up_box(entry: insights.Entry) -> None:
    """One person's follow-up draft with sent and replied buttons."""
    person, at = entry.contact, entry.company
    with st.container(border=True):
        text = ui.draft_box(run, entry, "follow-up", "follow_up", f" · due {entry.due}")
        sent, replied = st.columns(2)
        if sent.button("Mark follow-up sent", key=f"follow_up.sent.{person.id}", type="primary"):
            session.act(
                functools.partial(run.ws.log, at.name, person.name, "follow-up", text=text),
                f"Logged your follow-up to {person.name}.",
            )
        if replied.button("They replied", key=f"follow_up.replied.{person.id}"):
            session.act(
                functools.partial(run.ws.log, at.name, person.name, "reply"),
                f"Logged {person.name}'s reply.",
            )


def first_message(rank: ContactRank) -> None:
    """The first message to someone not messaged yet: channel, draft, and Mark sent."""
    contact, company = rank.contact, rank.company
    options = snap.channels(contact)
    suggested = f"{rank.channel.label}. {capitalized(rank.channel.reason)}"  # reasons are clauses
    st.markdown(f"**Suggested:** {escape(suggested)}")
    with st.expander("Every way to reach them"):
        ui.table(
            pd.DataFrame(
                {
                    "Channel": [c.label for c in options],
                    "Warmth": [c.warmth for c in options],
                    "Usable now": ["yes" if c.available else "no" for c in options],
                    "Why": [c.reason for c in options],
                }
            ),
            long=("Why",),
        )
    usable = {c.key: c.label for c in options if c.available}
    if not usable:
        return
    person_id = contact.id or -1
    channel = ui.pick("Send through", usable, f"outreach.channel.{person_id}")
    note = channel == "linkedin-note"
    limit = profile.note_limit if note else None
    # A friend's intro starts with the request to the mutual connection, then your message.
    asks_intro = channel == "intro" and bool(contact.mutual.strip()) and not contact.friend
    draft_kind = "intro" if asks_intro else "linkedin-note" if note else "first"
    draft = run.ws.draft(company.name, contact.name, draft_kind, snap, channel)
    text = st.text_area(
        "Your message",
        draft,
        height=200,
        max_chars=limit,
        key=f"outreach.draft.{person_id}.{channel}.{limit}",
    )
    count = (
        f"{len(text)} / {limit} characters (the LinkedIn note limit)"
        if limit
        else f"{len(text)} characters"
    )
    st.caption(count)
    st.code(text, language=None, wrap_lines=True)
    if asks_intro:
        with st.expander(f"Then, your message to {escape(contact.first_name)}"):
            st.code(
                run.ws.draft(company.name, contact.name, "first", snap, channel),
                language=None,
                wrap_lines=True,
            )
    if channel == "email" and contact.email:
        subject = f"Curious about working at {company.name}"
        st.link_button(
            "Open in your email app",
            insights.mailto(contact.email, subject, text),
            icon=":material/mail:",
        )
    kind = insights.touch_kind_for(channel)
    if st.button("Mark sent", type="primary", key="outreach.sent"):
        session.act(
            lambda: run.ws.log(company.name, contact.name, kind, channel=channel, text=text),
            f"Logged your message to {contact.name}. Follow up in a week if they do not reply.",
        )


due = insights.follow_ups_due(snap)
ranks = {r.contact.id or -1: r for r in snap.contact_ranks}
person_id = None
if not ranks:
    st.info("Add people at your target companies first: then this page drafts your messages.")
    st.page_link(ui.PEOPLE, label="Add people", icon=":material/group:")
else:
    names = {i: f"{r.contact.name} · {r.company.name} ({r.state})" for i, r in ranks.items()}
    person_id = ui.pick("Person", names, ui.OUTREACH_PERSON)
    rank = ranks[person_id]
    contact, company = rank.contact, rank.company
    # The panel follows the person's state: one message, one follow-up, then the chat.
    mine = next((e for e in due if e.contact.id == person_id), None)
    if rank.state == "new":
        first_message(rank)
    elif mine is not None:
        follow_up_box(mine)
    elif rank.state in ("waiting", "followed-up"):
        when = outreach.follow_up_on(snap.activity_of(contact))
        later = f" Follow up on {when} if they do not reply." if when else ""
        st.info(f"Messaged; waiting for {escape(contact.name)}'s reply.{later}")
        if st.button("They replied", key="outreach.replied"):
            session.act(
                lambda: run.ws.log(company.name, contact.name, "reply"),
                f"Logged {contact.name}'s reply.",
            )
    else:
        st.info(f"{escape(contact.name)} replied: the chat is next, on the Chats page.")
        st.page_link(ui.CHATS, label="Go to Chats", icon=":material/forum:")
    history = run.ws.touches(contact)
    if history:
        st.caption("What happened so far")
        ui.table(
            pd.DataFrame(
                {
                    "When": [t.happened_at for t in history],
                    "What": [t.kind for t in history],
                    "Channel": [t.channel for t in history],
                    "Text": [t.text for t in history],
                }
            ),
            long=("Text",),
            full="Read the messages in full",
        )

st.subheader("Follow-ups due", anchor=False)
others = [e for e in due if e.contact.id != person_id]
if not due:
    st.caption("None due: a follow-up comes due a week after a first message without a reply.")
elif not others:
    st.caption("Only the one above.")
for entry in others[:SHOWN]:
    follow_up_box(entry)
if len(others) > SHOWN:
    st.caption(f"{plural(len(others) - SHOWN, 'more follow-up')} due after these.")
