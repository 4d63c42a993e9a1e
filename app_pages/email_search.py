"""The People page's "Look for their email": candidates with sources, saved only when confirmed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from app_pages import session, ui
from app_pages.safe import escape
from hunt_core.models import Company, Contact

if TYPE_CHECKING:
    from hunt_core.find_email import Found  # httpx loads only when someone looks

_FOUND = "_people.email.found"  # (person id, github, website, Found) of the last search


def look_for_email(run: session.Run, company: Company, person: Contact) -> None:
    """For a person with a GitHub or website: search when asked, then offer what was found."""
    if not (person.github.strip() or person.website.strip()):
        return
    key = f"people.email.{person.id}"
    asked = (person.id, person.github, person.website)
    if st.button("Look for their email", key=f"{key}:find", icon=":material/search:"):
        st.session_state.pop(_FOUND, None)
        with session.guard(), st.spinner("Looking on their GitHub and website..."):
            st.session_state[_FOUND] = (*asked, run.ws.find_email(company.name, person.name))
    held = st.session_state.get(_FOUND)
    if held is None or held[:3] != asked:  # a search for someone else, or before an edit
        return
    _offer(run, company, person, held[3], key)


def _offer(run: session.Run, company: Company, person: Contact, found: Found, key: str) -> None:
    """What one search found, each with where, and a confirm button that saves the chosen one."""
    for problem in found.problems:
        st.warning(escape(problem), icon=":material/warning:")
    if not found.candidates:
        st.info(
            "No email found on their GitHub or website. Look on their LinkedIn, or send a "
            "connection request with a message."
        )
        return
    st.caption("Found (nothing is saved until you confirm):")
    st.text("\n".join(f"{c.email}  (found in {c.source})" for c in found.candidates))
    options = {i: f"{c.email} · {c.source}" for i, c in enumerate(found.candidates)}
    index = ui.pick("Their email", options, f"{key}:pick")
    if st.button("Save this email", type="primary", key=f"{key}:save"):
        chosen = found.candidates[index]
        st.session_state.pop(_FOUND, None)
        values = {"email": chosen.email, "email_source": chosen.source}
        session.act(
            lambda: run.ws.edit_contact(company.name, person.name, values),
            f"Saved {chosen.email} as {person.name}'s email.",
        )
