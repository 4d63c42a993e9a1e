"""The plugin manager: loading from every source, allow/block lists, and failure isolation."""

from __future__ import annotations

import importlib.metadata
import os
import textwrap
from pathlib import Path

import pytest

from hunt_core import plugins as plugins_module
from hunt_core.models import Company, Context, Profile
from hunt_core.plugins import get_plugin_manager
from hunt_core.scoring import Scorer

TODAY = Context(today=__import__("datetime").date(2026, 11, 26))

GOOD = """
from hunt_core import Criterion, Signal, hookimpl

@hookimpl
def hunt_criteria():
    return [Criterion("mission", "Mission match", "company", 2, "Their mission", 1)]

@hookimpl
def hunt_score_company(company):
    return Signal("mission", 1.0, f"{company.name} has a mission you like")
"""


def _write(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def _only(names: str, folder: Path | None = None):
    env = {"HUNT_LOAD_PLUGINS": names}
    return get_plugin_manager(env, entrypoints=False, directories=[folder] if folder else [])


def test_builtins_load_with_their_criteria(plugins) -> None:
    builtin = {n: i for n, i in plugins.infos.items() if i.source == "builtin"}
    assert "templates" in builtin
    assert all(i.error is None for i in builtin.values())
    for key, owner in plugins.criterion_plugin.items():
        assert key in plugins.infos[owner].criteria


def test_directory_plugin_scores_like_a_builtin(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    plugins = _only("mission", tmp_path)
    assert plugins.infos["mission"].source == "directory"
    assert plugins.infos["mission"].criteria == ["mission"]
    score = Scorer(plugins, {}).company(Company("Acme", id=1), Profile(), TODAY)
    assert score.score == 100.0
    assert score.signals[0].signal.reason == "Acme has a mission you like"
    assert score.signals[0].plugin == "mission"


def test_plugins_dir_variable_takes_several_folders(tmp_path) -> None:
    _write(tmp_path / "a", "mission", GOOD)
    _write(tmp_path / "b", "other", GOOD.replace("mission", "other"))
    env = {"HUNT_PLUGINS_DIR": f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}"}
    plugins = get_plugin_manager(env, builtins=False, entrypoints=False)
    assert {"mission", "other"} <= set(plugins.criteria)


def test_allow_and_block_lists(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    env = {"HUNT_DISABLE_PLUGINS": "mission,templates"}
    blocked = get_plugin_manager(env, entrypoints=False, directories=[tmp_path])
    assert "mission" not in blocked.infos and "templates" not in blocked.infos
    assert _only("").infos == {}
    assert set(_only("templates, mission", tmp_path).infos) == {"templates", "mission"}


def test_a_plugin_that_raises_is_reported_and_the_rest_still_score(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    _write(
        tmp_path,
        "broken",
        """
        from hunt_core import Criterion, hookimpl

        @hookimpl
        def hunt_criteria():
            return [Criterion("broken", "Broken", "company", 1, "raises", 1)]

        @hookimpl
        def hunt_score_company(company):
            raise ZeroDivisionError("division by zero")
    """,
    )
    plugins = _only("mission,broken", tmp_path)
    scorer = Scorer(plugins, {})
    for i in range(3):
        score = scorer.company(Company(f"C{i}", id=i), Profile(), TODAY)
        # mission still scores; the broken criterion is unknown, neither yes nor no
        assert [(s.signal.criterion, s.signal.points) for s in score.signals] == [
            ("mission", 1.0), ("broken", None)]  # fmt: skip
        assert (score.known, score.total, score.high) == (1, 2, 100.0)
    problem = plugins.problems[("broken", "hunt_score_company")]
    assert problem.count == 3 and "ZeroDivisionError" in problem.error
    assert any("broken" in line for line in plugins.errors())


@pytest.mark.parametrize(
    "returned",
    ["'a string'", "42", "[Signal('mission', 1.0, 'ok'), 'junk']", "Signal('mission', 1.5, 'x')",
     "Signal('nope', 1.0, 'undeclared')", "Signal('mission', 1.0, '')"],
)  # fmt: skip
def test_a_wrong_typed_plugin_is_isolated(tmp_path, returned: str) -> None:
    _write(tmp_path, "good", GOOD)
    _write(
        tmp_path,
        "wrong",
        f"""
        from hunt_core import Criterion, Signal, hookimpl

        @hookimpl
        def hunt_criteria():
            return [Criterion("wrong", "Wrong", "company", 1, "bad returns", 1)]

        @hookimpl
        def hunt_score_company():
            return {returned}
    """,
    )
    plugins = _only("good,wrong", tmp_path)
    score = Scorer(plugins, {}).company(Company("Acme", id=1), Profile(), TODAY)
    judged = [s.signal.criterion for s in score.signals if s.signal.known]
    assert judged == ["mission"] and [s.signal.criterion for s in score.unknown] == ["wrong"]
    assert ("wrong", "hunt_score_company") in plugins.problems


def test_import_error_unknown_hook_and_bad_criteria_are_reported(tmp_path) -> None:
    _write(tmp_path, "noimport", "import does_not_exist_anywhere\n")
    _write(
        tmp_path,
        "typo",
        """
        from hunt_core import hookimpl

        @hookimpl
        def hunt_score_compnay(company):
            return None
    """,
    )
    _write(
        tmp_path,
        "badcrit",
        """
        from hunt_core import Criterion, hookimpl

        @hookimpl
        def hunt_criteria():
            return [Criterion("Bad Key", "x", "company", 1, "", 1),
                    Criterion("stack", "dup", "company", 1, "", 1)]
    """,
    )
    plugins = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    assert "ModuleNotFoundError" in plugins.infos["noimport"].error
    assert "hunt_score_compnay" in plugins.infos["typo"].error
    assert plugins.infos["badcrit"].criteria == []
    problems = plugins.problems[("badcrit", "hunt_criteria")]
    assert problems.count == 2
    assert plugins.criterion_plugin["stack"] == "stack"


def test_missing_plugins_folder_is_reported(tmp_path) -> None:
    missing = tmp_path / "nope"
    plugins = get_plugin_manager({}, builtins=False, entrypoints=False, directories=[missing])
    assert plugins.infos[str(missing)].error == "plugins folder not found"


def test_entry_point_plugins_load_and_name_clashes_are_reported(tmp_path, monkeypatch) -> None:
    _write(tmp_path, "hunt_mission_pkg", GOOD)
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = [
        importlib.metadata.EntryPoint("mission", "hunt_mission_pkg", "hunt"),
        importlib.metadata.EntryPoint("templates", "hunt_mission_pkg", "hunt"),
        importlib.metadata.EntryPoint("ghost", "no_such_module_here", "hunt"),
    ]
    monkeypatch.setattr(plugins_module.importlib.metadata, "entry_points", lambda group: eps)
    plugins = get_plugin_manager({}, directories=[])
    assert plugins.infos["mission"].source == "entrypoint"
    assert plugins.criterion_plugin["mission"] == "mission"
    assert "already used" in plugins.infos["templates (entrypoint)"].error
    assert plugins.infos["ghost"].error.startswith("ModuleNotFoundError")


def test_each_manager_is_fresh(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    with_it = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    without = get_plugin_manager({}, entrypoints=False, directories=[])
    assert "mission" in with_it.criteria and "mission" not in without.criteria
