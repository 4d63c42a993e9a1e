"""`hunt plugins new`: the package it writes installs, loads, and its own tests pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hunt_core.errors import InvalidInput
from hunt_core.scaffold import new_plugin
from hunt_core.testing import make_plugins, score_company


def _import(path: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # a pytest run of its own
def test_the_cli_writes_a_package_whose_own_tests_pass(tmp_path: Path) -> None:
    env = {**os.environ, "HUNT_PLUGINS_DIR": ""}
    made = subprocess.run(
        [sys.executable, "-m", "hunt_core.cli", "plugins", "new", "remote-first", "--dir", tmp_path],  # noqa: E501
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    root = tmp_path / "hunt-remote-first"
    assert "pip install -e ." in made.stdout
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.hunt]\nremote_first = "hunt_remote_first"' in pyproject
    assert '"hunt>=1.0,<2"' in pyproject, "depends on a range of the plugin API's major version"
    tested = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=root, capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "3 passed" in tested.stdout
    linted = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "E,F,W,I,B,UP", "."],
        cwd=root, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert linted.returncode == 0, linted.stdout


def test_the_written_plugin_scores_through_the_host(tmp_path: Path) -> None:
    files = new_plugin("b_corp", tmp_path)
    module = _import(next(f for f in files if f.name == "hunt_b_corp.py"))
    plugins = make_plugins(module)
    [met] = score_company(plugins, name="Acme", notes="Certified B corp since 2020")
    assert met.points == 1.0 and met.reason == "your notes on Acme mention b corp"


@pytest.mark.parametrize("name", ["Bad Name", "1st", "x--y", "", "über", "hunt-"])
def test_a_bad_name_is_refused_with_one_line(tmp_path: Path, name: str) -> None:
    with pytest.raises(InvalidInput, match="must be lower case"):
        new_plugin(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["hunt-b-corp", "hunt_b_corp", "b-corp"])
def test_the_package_name_is_taken_as_the_plugin_name(tmp_path: Path, name: str) -> None:
    files = new_plugin(name, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["hunt-b-corp"]
    assert {f.name for f in files} >= {"hunt_b_corp.py", "test_hunt_b_corp.py"}


def test_an_existing_folder_is_never_overwritten(tmp_path: Path) -> None:
    new_plugin("mine", tmp_path)
    marker = tmp_path / "hunt-mine" / "README.md"
    marker.write_text("my edits", encoding="utf-8")
    with pytest.raises(InvalidInput, match="already exists"):
        new_plugin("mine", tmp_path)
    assert marker.read_text(encoding="utf-8") == "my edits"
