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
from hunt_core.cohort import Member
from hunt_core.demo import load_demo
from hunt_core.errors import HuntError
from hunt_core.models import Step
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.snapshot import Snapshot
from hunt_core.store import Cohorts, Database, backends
from hunt_core.workspace import Workspace

log = logging.getLogger("hunt.app")

USER_KEY = "hunt_user"  # local mode only: tests pick the local user this way
DEMO_USER = "demo"  # local mode: the demo hunt lives apart from yours, as another owner
DEMO_COMPANIES, DEMO_SEED = 25, 7
NOW_KEY = "hunt_now"
IDENTITY_KEY = "hunt_identity"  # AppTest only: an Identity object, honoured under TEST_ENV=1
TEST_ENV = "HUNT_TEST_IDENTITY"
_MEMBER = "_hunt_member"
_COHORTS = "_hunt_cohorts"
_WORKSPACE = "_hunt_workspace"
_RUN = "_hunt_run"
_FLASH = "_hunt_flash"
FRIENDLY = "Something went wrong on our side. It has been logged; please try again."


@dataclass(frozen=True)
class Identity:
    """Who an OIDC provider says signed in."""

    issuer: str
    subject: str
    email: str
    email_verified: bool


def cohort_mode() -> bool:
    """True when Streamlit secrets hold an `[auth]` section: sign-in and the roster decide."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets.toml at all: local mode
        return False


def identity() -> Identity | None:
    """The signed-in identity: from st.user only, except an Identity object tests inject.

    The injected one is honoured only when the server's environment sets HUNT_TEST_IDENTITY=1
    and the value is an Identity instance: a browser can only put widget values (strings,
    numbers, lists) into session_state, never a Python object, and no widget uses this key.
    """
    injected = st.session_state.get(IDENTITY_KEY)
    if os.environ.get(TEST_ENV) == "1" and isinstance(injected, Identity):
        return injected
    if st.user.get("is_logged_in") is not True:
        return None
    verified = st.user.get("email_verified")
    return Identity(
        issuer=str(st.user.get("iss") or ""),
        subject=str(st.user.get("sub") or ""),
        email=str(st.user.get("email") or ""),
        email_verified=verified is True or str(verified).lower() == "true",
    )


def cohorts() -> Cohorts:
    """This session's cohort API over its own cursor, kept in session_state."""
    db = database(db_path())
    held = st.session_state.get(_COHORTS)
    if held is None or held[0] is not db:
        held = (db, db.cohorts(db.cursor()))
        st.session_state[_COHORTS] = held
    return held[1]


def sign_in() -> Member | None:
    """Resolve this rerun's roster member from the identity (None: not signed in or not listed).

    Read afresh on every rerun, so a roster change (removed, new role) applies at once.
    """
    found = identity()
    member = None
    if found is not None:
        member = cohorts().member_for_identity(
            found.issuer, found.subject, found.email,
            email_verified=found.email_verified, now=now(),
        )  # fmt: skip
    st.session_state[_MEMBER] = member
    return member


def member() -> Member | None:
    """The roster member this rerun signed in as (None in local mode)."""
    return st.session_state.get(_MEMBER) if cohort_mode() else None


def current_user() -> str:
    """Whose data this session reads and writes: the signed-in member, else the local user."""
    if cohort_mode():
        me = member()
        if me is None:
            raise PermissionError("nobody is signed in")
        return me.owner
    return str(st.session_state.get(USER_KEY) or store.LOCAL_USER)


def now() -> dt.datetime:
    """The time: session_state['hunt_now'] or HUNT_NOW when set (tests, demos), else the clock."""
    injected = st.session_state.get(NOW_KEY) or os.environ.get("HUNT_NOW")
    if isinstance(injected, dt.datetime):
        return injected
    return dt.datetime.fromisoformat(str(injected)) if injected else dt.datetime.now()


def db_path() -> str:
    """The database: `[hunt] db` in Streamlit secrets, else HUNT_DB, else the default.

    A file path or a postgresql:// URL.
    """
    try:
        return backends.locate(str(st.secrets["hunt"]["db"]))
    except (KeyError, FileNotFoundError):
        return store.default_path()


@st.cache_resource(show_spinner=False)
def database(path: str) -> Database:
    """One open database per file for the whole server; sessions take cursors from it."""
    return Database.open(path)


def plugin_manager() -> Plugins:
    """The plugin manager: the same for every user, so loaded once per server."""
    return _plugin_manager(cohort_mode())


@st.cache_resource(show_spinner=False)
def _plugin_manager(cohort: bool) -> Plugins:
    """One manager per mode; a cohort server loads only built-in and allow-listed plugins."""
    return get_plugin_manager(cohort=cohort)


def workspace(user: str) -> Workspace:
    """This session's workspace over its own cursor, made once and kept in session_state."""
    db, plugins = database(db_path()), plugin_manager()
    held = st.session_state.get(_WORKSPACE)
    if held is None or held[0] is not db or held[1] is not plugins or held[2] != user:
        me = member()  # cohort mode: the member's own store, through the rights checks
        own = cohorts().open_for(me) if me is not None else db.store(user, con=db.cursor())
        held = (db, plugins, user, Workspace(own, plugins, now))
        st.session_state[_WORKSPACE] = held
    return held[3]


@dataclass
class Run:
    """A consistent read of the user's hunt that every view of a rerun shares."""

    ws: Workspace
    snap: Snapshot
    key: tuple[object, ...]

    @cached_property
    def queue(self) -> list[Step]:
        """Every next step, in the guide's order."""
        return self.ws.queue(self.snap)

    @cached_property
    def step(self) -> Step:
        """The one thing to do now (never None)."""
        return self.ws.next_step(self.snap)


def begin(user: str) -> Run:
    """This rerun's read (called by the router before the page).

    Every write transaction moves the data version of each owner it changed, in the database,
    so a write made by another replica, the CLI or an instructor shows here too: until the
    version moves (or the minute does), the scored read is reused.
    """
    ws = workspace(user)
    key = (ws, ws.data_version(), now().replace(second=0, microsecond=0))
    run = st.session_state.get(_RUN)
    if run is None or run.key != key:
        run = Run(ws, ws.snapshot(), key)
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
    """Run one write; on success empty `form`, keep `done` to show, rerun to redraw every view.

    The write moves the data version of every owner it changed (a comment moves the
    student's), so each session reading those hunts reads afresh at its next rerun.
    """
    with guard():
        action()
        if form:
            st.session_state[f"_gen.{form}"] = st.session_state.get(f"_gen.{form}", 0) + 1
        st.session_state[_FLASH] = done
        st.rerun()


def open_demo() -> None:
    """Switch this session to the demo hunt (another owner in the same file), filling it once."""
    demo = database(db_path()).store(DEMO_USER, con=database(db_path()).cursor())
    if not demo.companies():
        load_demo(demo, companies=DEMO_COMPANIES, seed=DEMO_SEED, now=now())
    st.session_state[_FLASH] = "Demo hunt loaded. It is kept apart from yours: Settings leads back."
    switch_user(DEMO_USER)


def switch_user(user: str) -> None:
    """Local mode: read and write another owner's hunt from the next rerun on."""
    st.session_state[USER_KEY] = user
    st.rerun()


def form_key(form: str) -> str:
    """A form's current key prefix: a save moves it on, so the next run starts the form empty."""
    return f"{form}.{st.session_state.get(f'_gen.{form}', 0)}"


def flash() -> None:
    """Show the feedback of the action that caused this rerun."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.toast(escape(message), icon=":material/check_circle:")
