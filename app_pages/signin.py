"""The door in cohort mode: a sign-in page, or a polite page for people not on the roster."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from app_pages import session
from app_pages.safe import escape
from hunt_core.cohort import Member
from hunt_core.deploy import cookie_secret_problem

PROVIDERS = {"google": "Google", "slack": "Slack"}


def providers() -> list[str]:
    """The named providers in `[auth.NAME]` sections; [''] for a single unnamed `[auth]` one."""
    named = [k for k, v in st.secrets["auth"].items() if isinstance(v, Mapping)]
    return named or [""]


def gate() -> Member:
    """The signed-in roster member, or draw the sign-in or the polite page and stop the run.

    A missing, example or weak cookie secret stops every run first: with a known secret anyone
    could sign a cookie that opens another student's hunt.
    """
    problem = cookie_secret_problem(st.secrets["auth"].get("cookie_secret"))
    if problem:
        st.title("Hunt")
        st.error(f"This server is not set up safely yet: {problem}.", icon=":material/lock:")
        st.stop()
    me = session.sign_in()
    if me is not None:
        return me
    st.title("Hunt")
    if session.identity() is None:
        st.markdown("Sign in to see your hunt. Your instructor added you to the cohort's roster.")
        for name in providers():
            label = f"Sign in with {PROVIDERS.get(name, name.title())}" if name else "Sign in"
            if st.button(label, type="primary", key=f"signin.{name or 'default'}"):
                st.login(name) if name else st.login()
    else:
        st.info(
            "You are signed in, but this account is not on a cohort roster yet. Please ask your "
            "instructor to add the email address you signed in with.",
            icon=":material/badge:",
        )
        st.text(f"Signed in as: {session.identity().email or 'no email shared'}")  # type: ignore[union-attr]
        if st.button("Sign out", key="signin.logout"):
            st.logout()
    st.stop()
    raise AssertionError("unreachable")


def sidebar(me: Member) -> None:
    """Who is signed in, and the way out."""
    st.sidebar.caption(f"Signed in as {escape(me.name)} ({escape(me.role)})")
    if st.sidebar.button("Sign out", key="signin.sidebar.logout"):
        st.logout()
