"""AppTest fixtures: a fresh database file per test, nothing cached between tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.components.v2 import manifest_scanner

from .driver import Dash, demo, profile


@pytest.fixture
def db_path(tmp_path: Path, migrated_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh database file named by HUNT_DB, no drop-in plugins, nothing cached from before.

    The file is a copy of an empty, migrated one: what the app makes on its first run.
    """
    path = tmp_path / "hunt.duckdb"
    shutil.copyfile(migrated_file, path)
    monkeypatch.setenv("HUNT_DB", str(path))
    monkeypatch.setenv("HUNT_PLUGINS_DIR", "")
    monkeypatch.delenv("HUNT_NOW", raising=False)
    st.cache_resource.clear()
    yield path
    st.cache_resource.clear()


@pytest.fixture(autouse=True, scope="session")
def _components_scanned_once() -> Iterator[None]:
    """Scan installed packages for Streamlit components once, not in every new AppTest.

    Each AppTest reads the metadata of every installed package looking for components
    (about 80 ms); nothing is installed while the suite runs, so the first answer holds.
    """
    found = manifest_scanner.scan_component_manifests()
    patch = pytest.MonkeyPatch()
    patch.setattr(manifest_scanner, "scan_component_manifests", lambda *_, **__: found)
    yield
    patch.undo()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_file: Path) -> Path:
    """The demo hunt in a file, loaded once per test process for `Dash.load` to copy."""
    path = tmp_path_factory.mktemp("demo") / "hunt.duckdb"
    shutil.copyfile(migrated_file, path)
    Dash(path).seed(demo)
    return path


@pytest.fixture
def dash(db_path: Path) -> Dash:
    """A dashboard over the test's database, not started yet (seed first, then start)."""
    return Dash(db_path)


@pytest.fixture
def profiled(dash: Dash) -> Dash:
    """A dashboard whose user has filled in their profile."""
    dash.seed(profile)
    return dash
