"""Fixtures for built-in plugin tests: a grad's profile, an empty context, one-plugin managers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from hunt_core.models import Context, Profile
from hunt_core.plugins import Plugins, get_plugin_manager

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def profile() -> Profile:
    """A Turing grad in Denver who knows .NET and C#."""
    return Profile(
        name="Ana Diaz",
        program="Turing",
        colleges=["University of Denver"],
        home="Denver, CO",
        locations=["Denver, CO", "Boulder, CO"],
        remote="yes",
        interests=["healthcare", "music"],
    )


@pytest.fixture
def context() -> Context:
    """A context with nobody else known."""
    return Context(today=TODAY)


@pytest.fixture
def only() -> Callable[[str], Plugins]:
    """Build a manager that loads just the named built-in plugin, as the host would."""

    def load(name: str) -> Plugins:
        plugins = get_plugin_manager(
            env={"HUNT_LOAD_PLUGINS": name}, entrypoints=False, directories=[]
        )
        assert plugins.infos[name].error is None
        assert list(plugins.errors()) == []
        return plugins

    return load
