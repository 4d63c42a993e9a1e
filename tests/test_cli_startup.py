"""`hunt next` answers at once: it loads none of the heavy libraries it does not use.

DuckDB would import pandas (half a second) on hunt_core's first parameterised query; the CLI
refuses exactly that import, while a plugin that imports pandas itself still gets it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hunt_core.cli import main
from hunt_core.snapshot import Snapshot
from tests.console import run_script

HEAVY = ("pandas", "httpx", "openpyxl", "icalendar", "rapidfuzz", "altair", "streamlit")
PROBE = (
    "import json, sys; from hunt_core.cli import main; code = main(sys.argv[1:]); "
    "print(json.dumps([m for m in {heavy!r} if m in sys.modules]), file=sys.stderr); "
    "sys.exit(code)"
)


def _run(*args: str, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """`hunt ARGS` in a fresh interpreter, and which heavy modules it had loaded at the end."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done, json.loads(done.stderr.splitlines()[-1])


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A demo hunt with only the built-in plugins."""
    env = {**os.environ, "HUNT_DB": str(tmp_path / "hunt.duckdb"), "HUNT_PLUGINS_DIR": ""}
    for name in ("HUNT_LOAD_PLUGINS", "HUNT_DISABLE_PLUGINS"):
        env.pop(name, None)
    env["HUNT_NOW"] = "2026-11-26T09:00"
    assert main(["--db", env["HUNT_DB"], "demo", "--companies", "5"]) == 0
    return env


def test_hunt_next_loads_no_heavy_library(env: dict[str, str]) -> None:
    done, loaded = _run("next", env=env)
    assert done.stdout.strip(), "a next step is printed"
    assert loaded == []


def test_a_plugin_may_still_import_pandas(
    env: dict[str, str], dropins: Callable[..., Path]
) -> None:
    folder = dropins(
        frames="from hunt_core.api import Criterion, Signal, hookimpl\n\n\n"
        "@hookimpl\ndef hunt_criteria():\n"
        "    return [Criterion(key='frames', label='Frames', applies_to='company',\n"
        "                      default_weight=1, description='uses pandas', guide_step=1)]\n\n\n"
        "@hookimpl\ndef hunt_score_company(company):\n"
        "    import pandas\n\n"
        "    rows = pandas.DataFrame({'name': [company.name]})\n"
        "    reason = f'{len(rows)} row from pandas'\n"
        "    return Signal(criterion='frames', points=1.0, reason=reason)\n"
    )
    done, loaded = _run("rank", "companies", "--json", env={**env, "HUNT_PLUGINS_DIR": str(folder)})
    reasons = {s["reason"] for c in json.loads(done.stdout) for s in c["signals"]}
    assert "1 row from pandas" in reasons
    assert "pandas" in loaded
    assert "warning" not in done.stderr


def test_the_console_script_exits_at_once_yet_runs_exit_handlers_and_writes_everything(
    env: dict[str, str], dropins: Callable[..., Path], tmp_path: Path
) -> None:
    """The script skips the interpreter's teardown, not what a normal exit does before it."""
    mark = tmp_path / "cleaned-up"
    folder = dropins(
        tidy="import atexit, pathlib\n\n"
        f"atexit.register(pathlib.Path({str(mark)!r}).write_text, 'done')\n"
    )
    ranked = run_script("rank", "contacts", "--json", env={**env, "HUNT_PLUGINS_DIR": str(folder)})
    assert ranked.returncode == 0, ranked.stderr
    assert len(json.loads(ranked.stdout)) >= 5, "the whole answer, flushed before the exit"
    assert mark.read_text() == "done", "a plugin's atexit handler ran"
    missing = run_script("--db", str(tmp_path / "nothing.duckdb"), "next", env=env)
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr.startswith("hunt: error: no Hunt database at ")


def test_a_caller_about_to_exit_keeps_every_snapshot_the_command_read(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The console script frees none of them before its exit; main() alone frees them all."""
    kept: list[Snapshot] = []
    assert main(["--db", env["HUNT_DB"], "rank", "contacts", "--json"], keep=kept) == 0
    [snap] = kept
    assert "contact_ranks" in vars(snap), "the ranking it printed is kept with it"
    assert len(json.loads(capsys.readouterr().out)) == len(snap.contact_ranks)
