"""Shared fixtures: a fresh database, a fresh plugin manager and a fixed clock per test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from hunt_core import plugins as plugins_module
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.store import Database, Store
from hunt_core.workspace import Workspace

NOW = dt.datetime(2026, 11, 26, 9, 0)
# Skipping a plugin for being slow depends on wall time: on a busy CI machine that must never
# change a test's result, so the suite runs with a budget no honest plugin reaches. The budget's
# own tests set HUNT_PLUGIN_BUDGET explicitly.
SUITE_BUDGET = "600"


@pytest.fixture(autouse=True, scope="session")
def _generous_plugin_budget() -> Iterator[None]:
    """A plugin time budget that wall time on a loaded machine cannot reach (CLI runs too)."""
    patch = pytest.MonkeyPatch()
    patch.setattr(plugins_module, "DEFAULT_BUDGET", float(SUITE_BUDGET))
    patch.setenv("HUNT_PLUGIN_BUDGET", SUITE_BUDGET)
    yield
    patch.undo()


@pytest.fixture
def db() -> Iterator[Database]:
    """An in-memory database at the latest schema."""
    database = Database.open(":memory:")
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> Store:
    """The local user's store."""
    return db.store()


@pytest.fixture
def plugins() -> Plugins:
    """A fresh manager with only the built-in plugins (no entry points, no drop-ins)."""
    return get_plugin_manager(env={}, entrypoints=False, directories=[])


class Clock:
    """A settable clock, so 'a week later' is one assignment."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move time forward."""
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    """A clock fixed at NOW."""
    return Clock()


@pytest.fixture
def ws(store: Store, plugins: Plugins, clock: Clock) -> Workspace:
    """A workspace for the local user with the built-in plugins and a fixed clock."""
    return Workspace(store, plugins, clock)


@pytest.fixture
def profiled(ws: Workspace) -> Workspace:
    """A workspace whose profile is complete, like a real bootcamp grad's."""
    ws.update_profile(
        {
            "name": "Ana Diaz",
            "program": "Turing",
            "colleges": "University of Denver",
            "home": "Denver, CO",
            "locations": "Denver, CO;Boulder, CO",
            "remote": "yes",
            "interests": "healthcare;music",
        }
    )
    return ws
