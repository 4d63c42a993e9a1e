"""Session plumbing: who is signed in, the clock, the shared database and plugins, this rerun."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

import streamlit as st

from app_pages.safe import escape
from hunt_core import store
from hunt_core.errors import HuntError
from hunt_core.models import Step
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.snapshot import Snapshot
from hunt_core.store import Database
from hunt_core.workspace import Workspace

log = logging.getLogger("hunt.app")

USER_KEY = "hunt_user"  # set only by tests today; cohort sign-in replaces current_user()
NOW_KEY = "hunt_now"
_WORKSPACE = "_hunt_workspace"
_RUN = "_hunt_run"
_FLASH = "_hunt_flash"
FRIENDLY = "Something went wrong on our side. It has been logged; please try again."


def current_user() -> str:
    """Who is signed in: the single local user until cohort sign-in replaces this seam."""
    return str(st.session_state.get(USER_KEY) or store.LOCAL_USER)


def now() -> dt.datetime:
    """The time: session_state['hunt_now'] or HUNT_NOW when set (tests, demos), else the clock."""
    injected = st.session_state.get(NOW_KEY) or os.environ.get("HUNT_NOW")
    if isinstance(injected, dt.datetime):
        return injected
    return dt.datetime.fromisoformat(str(injected)) if injected else dt.datetime.now()


def db_path() -> str:
    """The database file: `[hunt] db` in Streamlit secrets, else HUNT_DB, else the default."""
    try:
        return str(st.secrets["hunt"]["db"])
    except (KeyError, FileNotFoundError):
        return str(store.default_path())


@st.cache_resource(show_spinner=False)
def database(path: str) -> Database:
    """One open database per file for the whole server; sessions take cursors from it."""
    return Database.open(path)


@st.cache_resource(show_spinner=False)
def plugin_manager() -> Plugins:
    """The plugin manager: the same for every user, so loaded once per server."""
    return get_plugin_manager()


def workspace(user: str) -> Workspace:
    """This session's workspace over its own cursor, made once and kept in session_state."""
    db, plugins = database(db_path()), plugin_manager()
    held = st.session_state.get(_WORKSPACE)
    if held is None or held[0] is not db or held[1] is not plugins or held[2] != user:
        held = (db, plugins, user, Workspace(db.store(user, con=db.cursor()), plugins, now))
        st.session_state[_WORKSPACE] = held
    return held[3]


@dataclass
class Run:
    """One rerun's consistent read: the workspace and a snapshot every view shares."""

    ws: Workspace
    snap: Snapshot

    @cached_property
    def queue(self) -> list[Step]:
        """Every next step, in the guide's order."""
        return self.ws.queue(self.snap)

    @cached_property
    def step(self) -> Step | None:
        """The one thing to do now."""
        return self.ws.next_step(self.snap)


def begin(user: str) -> Run:
    """Read the user's hunt once for this rerun (called by the router before the page)."""
    ws = workspace(user)
    run = Run(ws, ws.snapshot())
    st.session_state[_RUN] = run
    return run


def current() -> Run:
    """This rerun's read, as the router began it."""
    return st.session_state[_RUN]


@contextmanager
def guard() -> Iterator[None]:
    """Show a HuntError as its one line and anything unexpected as a friendly, logged message."""
    try:
        yield
    except HuntError as exc:
        st.error(escape(exc), icon=":material/error:")
    except Exception:
        log.exception("dashboard page failed")
        st.error(FRIENDLY, icon=":material/error:")


def act(action: Callable[[], object], done: str, form: str | None = None) -> None:
    """Run one write; on success empty `form`, keep `done` to show, rerun to redraw every view."""
    with guard():
        action()
        if form:
            st.session_state[f"_gen.{form}"] = st.session_state.get(f"_gen.{form}", 0) + 1
        st.session_state[_FLASH] = done
        st.rerun()


def form_key(form: str) -> str:
    """A form's current key prefix: a save moves it on, so the next run starts the form empty."""
    return f"{form}.{st.session_state.get(f'_gen.{form}', 0)}"


def flash() -> None:
    """Show the feedback of the action that caused this rerun."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.toast(escape(message), icon=":material/check_circle:")
