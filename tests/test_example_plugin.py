"""The example plugin package under examples/ works as docs/plugins.md says it does.

Loaded as a drop-in file next to the built-ins, it adds a criterion that scores through the
Scorer; its own test suite passes; and `pip install` really turns it into an entry-point plugin.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest

from hunt_core.models import Company, Context, Profile
from hunt_core.plugins import get_plugin_manager
from hunt_core.scoring import Scorer, signal_check
from hunt_core.store import Database
from tests.plugin_views import view

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "hunt-glassdoor-rating"
SRC = EXAMPLE / "src"
DROPIN = "hunt_glassdoor_rating"  # as a drop-in file the plugin is named after the file
ENTRY_POINT = "glassdoor_rating"  # installed, it is named after its entry point
KEY = "glassdoor_rating"
CONTEXT = Context(today=dt.date(2026, 11, 26))
PROFILE = Profile(name="Ana Diaz", program="Turing", home="Denver, CO", remote="yes")
ACME: dict[str, Any] = {"stack": [".NET"], "remote": "yes", "hires_no_degree": "yes"}


def _manager(env: dict[str, str] | None = None):
    """Built-ins plus the example module as a drop-in, as a fresh manager."""
    return get_plugin_manager(env or {}, entrypoints=False, directories=[SRC])


def test_example_loads_beside_the_builtins() -> None:
    plugins = _manager()
    info = plugins.infos[DROPIN]
    assert (info.source, info.criteria, info.error) == ("directory", [KEY], None)
    assert plugins.criteria[KEY].applies_to == "company"
    assert plugins.criteria[KEY].guide_step == 1
    assert any(i.source == "builtin" for i in plugins.infos.values())
    assert list(plugins.errors()) == []


def test_example_signal_passes_the_host_checks() -> None:
    plugins = _manager()
    company = Company("Acme", id=1, notes="Glassdoor 4.2 (310 reviews)")
    found = plugins.call(
        "hunt_score_company",
        signal_check(plugins.criteria, "company"),
        company=view(company),  # as the host passes it
        profile=view(PROFILE),
        context=CONTEXT,
    )
    ours = [s for name, s in found if name == DROPIN]
    assert len(ours) == 1
    assert ours[0].criterion == KEY
    assert ours[0].points == 0.8
    assert ours[0].reason == "Glassdoor rating 4.2/5 from 310 reviews: employees rate it well"
    assert not plugins.problems


def test_example_scores_and_ranks_through_the_scorer() -> None:
    scorer = Scorer(_manager(), {})
    good = Company("Beta", id=1, notes="Glassdoor 4.6 (500 reviews)", **ACME)
    poor = Company("Alpha", id=2, notes="Glassdoor 2.5 (500 reviews)", **ACME)
    ranked = scorer.companies([poor, good], PROFILE, CONTEXT)
    assert [s.company.name for s in ranked] == ["Beta", "Alpha"]
    signal = next(s for s in ranked[0].signals if s.signal.criterion == KEY)
    assert (signal.plugin, signal.weight, signal.label) == (DROPIN, 1.0, "Glassdoor rating")


def test_an_unknown_rating_counts_neither_for_nor_against() -> None:
    company = Company("Acme", id=1, notes="small team, great mission", **ACME)
    with_plugin = Scorer(_manager(), {}).company(company, PROFILE, CONTEXT)
    without = Scorer(_manager({"HUNT_DISABLE_PLUGINS": DROPIN}), {}).company(
        company, PROFILE, CONTEXT
    )
    # Unknown is neither yes nor no: the rating widens the range on both sides.
    assert with_plugin.low <= without.low and with_plugin.high >= without.high
    assert with_plugin.total == without.total + 1 and with_plugin.known == without.known
    assert with_plugin.low < with_plugin.score < with_plugin.high
    unknown = [s.signal for s in with_plugin.unknown if s.signal.criterion == KEY]
    assert unknown and unknown[0].reason.startswith("unknown: check Acme on glassdoor.com")


def test_user_weight_zero_switches_the_example_off() -> None:
    plugins = _manager()
    company = Company("Acme", id=1, notes="Glassdoor 2.0", **ACME)
    off = Scorer(plugins, {KEY: 0}).company(company, PROFILE, CONTEXT)
    without = Scorer(_manager({"HUNT_DISABLE_PLUGINS": DROPIN}), {}).company(
        company, PROFILE, CONTEXT
    )
    assert off.score == without.score


@pytest.mark.slow  # a pytest run of its own
def test_example_own_tests_pass() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _plugins_json(python: Path, env: dict[str, str]) -> list[dict]:
    """`hunt plugins --json` as the installed console script would run it in that venv."""
    try:
        import hunt_core.cli  # noqa: F401
    except ImportError:  # no CLI yet: print the same shape through the library
        code = (
            "import json; from hunt_core.plugins import get_plugin_manager; "
            "print(json.dumps([i.as_dict() for i in get_plugin_manager().infos.values()]))"
        )
    else:
        code = (
            "import sys; from hunt_core.cli import main; "
            "sys.argv = ['hunt', 'plugins', '--json']; sys.exit(main())"
        )
    result = subprocess.run(
        [str(python), "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _can_build_wheels() -> bool:
    """Whether this environment can build the example without downloading a build backend."""
    if importlib.util.find_spec("wheel") is not None:
        return True  # setuptools before 70.1 builds wheels only with the `wheel` package
    try:
        version = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    return tuple(int(p) for p in version.split(".")[:2] if p.isdigit()) >= (70, 1)


@pytest.mark.slow  # pip installs the package
def test_pip_install_makes_an_entry_point_plugin(tmp_path: Path) -> None:
    if not _can_build_wheels():
        pytest.skip("pip install --no-build-isolation needs setuptools>=70.1 (or wheel) here")
    target = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(target)
    python = target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # --system-site-packages reaches the base interpreter, not this test's venv: let the new
    # venv see the running environment's packages (hunt itself, setuptools) through a .pth.
    extra = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    parents = [p for p in [*extra, *site.getsitepackages()] if p and Path(p).is_dir()]
    (Path(purelib) / "_hunt_test_parent.pth").write_text(
        f"import site; list(map(site.addsitedir, {parents!r}))\n", encoding="utf-8"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("HUNT_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    env["HUNT_DB"] = str(tmp_path / "hunt.duckdb")
    Database.open(env["HUNT_DB"]).close()  # `hunt plugins` needs a database made by `hunt init`
    # Build from a copy: setuptools writes build/ and *.egg-info next to the sources.
    source = tmp_path / EXAMPLE.name
    shutil.copytree(
        EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    installed = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps"),
            *("--no-build-isolation", "--no-index", "--disable-pip-version-check", "--quiet"),
            str(source),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    listed = {p["name"]: p for p in _plugins_json(python, env)}
    assert listed[ENTRY_POINT]["source"] == "entrypoint"
    assert listed[ENTRY_POINT]["criteria"] == [KEY]
    assert listed[ENTRY_POINT]["error"] is None
    assert listed["stack"]["source"] == "builtin"


@pytest.fixture(autouse=True)
def _example_exists() -> None:
    assert (SRC / f"{DROPIN}.py").is_file(), f"example plugin missing under {EXAMPLE}"
