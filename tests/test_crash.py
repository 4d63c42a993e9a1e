"""A process killed mid-write (SIGKILL at random points) leaves a database that opens and holds a
committed prefix: an import or a demo load entirely or not at all, a write loop up to a point."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hunt_core.store import Database

# Child processes killed at random points: seconds each, so the fast inner loop leaves them out.
pytestmark = pytest.mark.slow
SEEDS = [11, 22, 33]
PREAMBLE = """
import datetime as dt, sys
from hunt_core.models import Company
from hunt_core.plugins import get_plugin_manager
from hunt_core.store import Database
from hunt_core.workspace import Workspace
db = Database.open(sys.argv[1])
store = db.store()
ws = Workspace(store, get_plugin_manager(env={}, entrypoints=False, directories=[]),
               lambda: dt.datetime(2026, 11, 26, 9))
print("ready", flush=True)
"""
WRITE_LOOP = """
for i in range(100_000):
    store.add_company(Company(f"Co {i:06d}"))
    print(i, flush=True)
"""
IMPORT = """
from hunt_core.importers import spreadsheets
spreadsheets.import_companies(ws, spreadsheets.read_path(sys.argv[2]))
print("done", flush=True)
"""
DEMO = """
from hunt_core import demo
demo.load_demo(store, companies=400, now=dt.datetime(2026, 11, 26, 9))
print("done", flush=True)
"""


def _start(tmp_path: Path, body: str, *args: str) -> subprocess.Popen[str]:
    """A child process that opens the test database, says `ready`, then runs body."""
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(PREAMBLE) + textwrap.dedent(body))
    return subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "hunt.duckdb"), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "HUNT_PLUGINS_DIR": ""},
    )  # fmt: skip


def _kill_after(child: subprocess.Popen[str], lines: int) -> list[str]:
    """SIGKILL the child once it printed `lines` lines after `ready`; what it printed."""
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.stderr
    seen = [child.stdout.readline().strip() for _ in range(lines)]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    return seen


def _kill_within(child: subprocess.Popen[str], seconds: float) -> bool:
    """SIGKILL the child `seconds` after `ready`; whether it said `done` first."""
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.stderr
    time.sleep(seconds)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    return child.stdout.read().strip().endswith("done")


def _names(tmp_path: Path) -> list[str]:
    """The company names in the reopened database."""
    db = Database.open(tmp_path / "hunt.duckdb")
    try:
        return [c.name for c in db.store().companies()]
    finally:
        db.close()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_write_loop_killed_anywhere_keeps_every_acknowledged_write(
    tmp_path: Path, seed: int
) -> None:
    child = _start(tmp_path, WRITE_LOOP)
    acknowledged = _kill_after(child, random.Random(seed).randint(1, 120))
    names = _names(tmp_path)
    # Every write the loop saw committed is there, and nothing out of order: a prefix.
    assert names == [f"Co {i:06d}" for i in range(len(names))]
    assert len(names) >= int(acknowledged[-1]) + 1


@pytest.mark.parametrize("seed", SEEDS)
def test_an_import_killed_anywhere_is_all_or_nothing(tmp_path: Path, seed: int) -> None:
    sheet = tmp_path / "companies.csv"
    rows = 3000
    sheet.write_text("name,stack\n" + "".join(f"Co {i:05d},C#\n" for i in range(rows)))
    child = _start(tmp_path, IMPORT, str(sheet))
    done = _kill_within(child, random.Random(seed).uniform(0, 1.5))
    names = _names(tmp_path)
    assert len(names) in (0, rows)
    if done:
        assert len(names) == rows


@pytest.mark.parametrize("seed", SEEDS)
def test_a_demo_load_killed_anywhere_is_all_or_nothing(tmp_path: Path, seed: int) -> None:
    child = _start(tmp_path, DEMO)
    done = _kill_within(child, random.Random(seed).uniform(0, 2.0))
    db = Database.open(tmp_path / "hunt.duckdb")
    try:
        counts = [
            db.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("companies", "contacts", "touches", "profiles")
        ]
    finally:
        db.close()
    assert counts == [0, 0, 0, 0] or (counts[0] == 400 and all(counts))
    if done:
        assert counts[0] == 400


def test_a_damaged_wal_is_moved_aside_loudly_and_the_database_opens_again(
    tmp_path: Path,
) -> None:
    child = _start(tmp_path, WRITE_LOOP)
    _kill_after(child, 50)
    wal = tmp_path / "hunt.duckdb.wal"
    data = bytearray(wal.read_bytes())
    data[len(data) // 2] ^= 0xFF
    wal.write_bytes(bytes(data))

    reopen = [sys.executable, "-m", "hunt_core.cli", "--db", str(tmp_path / "hunt.duckdb")]
    first = subprocess.run(
        [*reopen, "rank", "companies", "--json"], capture_output=True, text=True, timeout=120
    )
    assert first.returncode == 0, first.stderr
    [warning] = [line for line in first.stderr.splitlines() if "write-ahead log" in line]
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("hunt.duckdb.wal.damaged-")]
    assert len(aside) == 1 and str(aside[0]) in warning
    assert str(tmp_path / "hunt.duckdb") in warning and "may be missing" in warning
    assert aside[0].read_bytes() == bytes(data)  # kept for recovery, never deleted
    # What the file held at its last checkpoint is still a committed prefix.
    names = _names(tmp_path)
    assert names == [f"Co {i:06d}" for i in range(len(names))]
    again = subprocess.run([*reopen, "next"], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "write-ahead log" not in again.stderr  # no crash loop
