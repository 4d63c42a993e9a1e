"""AppTest fixtures: a fresh database file per test, nothing cached between tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from .driver import Dash, profile


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh database file named by HUNT_DB, no drop-in plugins, nothing cached from before."""
    path = tmp_path / "hunt.duckdb"
    monkeypatch.setenv("HUNT_DB", str(path))
    monkeypatch.setenv("HUNT_PLUGINS_DIR", "")
    monkeypatch.delenv("HUNT_NOW", raising=False)
    st.cache_resource.clear()
    yield path
    st.cache_resource.clear()


@pytest.fixture
def dash(db_path: Path) -> Dash:
    """A dashboard over the test's database, not started yet (seed first, then start)."""
    return Dash(db_path)


@pytest.fixture
def profiled(dash: Dash) -> Dash:
    """A dashboard whose user has filled in their profile."""
    dash.seed(profile)
    return dash
