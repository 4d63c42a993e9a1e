"""Benchmark: a 2,000-student server: the leaderboard query and a student's next step.

Builds a temporary DuckDB with demo cohorts (hunt_core.demo.load_cohort: about 100,000
companies and 600,000 people in bulk), replays each student's touches into earlier weeks
until there are about 3,000,000 touches (one INSERT ... SELECT), then prints the leaderboard
query time (all time and this week; median of several runs; target <= 200 ms) and one
student's snapshot + next step (target <= 100 ms), and the Leaderboard and home pages' reruns
in AppTest, signed in as that student through the app's test identity seam (targets 300 and
100 ms).

With --postgres URL (an empty PostgreSQL database) the same build and figures run there too,
through DuckDB's postgres extension, and each figure is printed with its PostgreSQL/file ratio.

A report, not a test: it always exits 0.

    python bench/bench_cohort.py [--students N] [--cohorts C] [--touches T] [--runs R]
        [--postgres postgresql://USER@127.0.0.1:PORT/DB]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import logging
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from hunt_core.cohort import OPERATOR, cohort_board
from hunt_core.demo import load_cohort
from hunt_core.plugins import get_plugin_manager
from hunt_core.store import Cohorts, Database
from hunt_core.store.transactions import transaction
from hunt_core.workspace import Workspace

NOW = dt.datetime(2026, 11, 26, 9, 0)
BOARD_TARGET_S = 0.200
PAGE_BOARD_TARGET_S = 0.300
ROOT = Path(__file__).resolve().parent.parent
STEP_TARGET_S = 0.100
TITLES = {"leaderboard": "Leaderboard", "home": "Your next step"}  # each page's st.title
COMPANIES = (5, 95)  # per student: about 50 on average, 100,000 for 2,000 students
HISTORY_DAYS = 56  # each replayed copy of a student's touches lies eight weeks further back


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call takes (garbage collection settled first), and its result."""
    gc.collect()
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def median_of(runs: int, action: Callable[[], Any]) -> tuple[float, Any]:
    """The median time of runs calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        seconds, result = timed(action)
        times.append(seconds)
    return statistics.median(times), result


def verdict(seconds: float, target: float) -> str:
    """PASS or MISS against a target."""
    return f"target <= {target * 1000:.0f} ms: {'PASS' if seconds <= target else 'MISS'}"


def build(db: Database, students: int, cohorts: int, touches: int, seed: int) -> None:
    """Demo cohorts in bulk, then older copies of their touches up to about `touches`."""
    per = max(1, students // cohorts)
    made = {"students": 0, "companies": 0, "contacts": 0, "touches": 0}
    start = time.perf_counter()
    for n in range(cohorts):
        size = per if n < cohorts - 1 else students - per * (cohorts - 1)
        counts = load_cohort(
            db, students=size, seed=seed + n, now=NOW, cohort=f"Cohort {n + 1:02d}",
            companies=COMPANIES,
        )  # fmt: skip
        made = {k: made[k] + counts[k] for k in made}
    loaded = time.perf_counter() - start
    copies = max(0, round(touches / max(made["touches"], 1)) - 1)
    total = replay_touches(db, copies, HISTORY_DAYS)
    print(
        f"build           {made['students']:,} students in {cohorts} cohorts, "
        f"{made['companies']:,} companies, {made['contacts']:,} people, {total:,} touches "
        f"({made['touches']:,} demo + {copies} older copies): {time.perf_counter() - start:.1f} s "
        f"(demo load {loaded:.1f} s)"
    )


def replay_touches(db: Database, copies: int, days: int) -> int:
    """Repeat every student's touches copies times, each copy days further back: history."""
    with transaction(db.con):
        db.con.execute(
            "INSERT INTO touches (owner, contact_id, kind, channel, happened_at, text) "
            "SELECT t.owner, t.contact_id, t.kind, t.channel, "
            "t.happened_at - to_days(CAST(n.i * ? AS INTEGER)), t.text "
            "FROM touches t JOIN members m ON m.owner = t.owner AND m.role = 'student', "
            "range(1, ? + 1) n(i)",
            [days, copies],
        )
    row = db.con.execute("SELECT count(*) FROM touches").fetchone()
    return int(row[0]) if row else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--cohorts", type=int, default=20)
    parser.add_argument("--touches", type=int, default=3_000_000, help="about this many")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", metavar="URL", help="also run on this empty database")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)

    print(f"Python {platform.python_version()} on {platform.machine()}, {_cpus()} CPUs")
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="hunt-bench-") as tmp:
        targets = {"file": str(Path(tmp) / "bench.duckdb")}
        if args.postgres:
            targets["postgres"] = args.postgres
        for kind, target in targets.items():
            print(f"-- {kind}")
            figures[kind] = measure(target, args, runs)
    if "postgres" in figures:
        print("-- PostgreSQL / file")
        for label, seconds in figures["postgres"].items():
            base = figures["file"][label]
            print(f"{label:<34} {seconds * 1000:6.0f} ms / {base * 1000:6.0f} ms = "
                  f"{seconds / base:5.1f}x")  # fmt: skip
    return 0


def measure(target: str, args: argparse.Namespace, runs: int) -> dict[str, float]:
    """Build the cohorts in one database, then time every figure there: label -> seconds."""
    db = Database.open(target)
    build(db, args.students, args.cohorts, args.touches, args.seed)
    db.close()  # as a server finds it: written, checkpointed, opened again
    db = Database.open(target)
    cohorts = db.cohorts(db.cursor())
    figures = boards(cohorts, runs)
    student, steps = next_steps(cohorts, runs)
    db.close()
    return {**figures, **steps, **pages(target, student, runs)}


def boards(cohorts: Cohorts, runs: int) -> dict[str, float]:
    """The leaderboard query: all time, this week, and one cohort's students."""
    figures = {}
    for label, week, cohort in (
        ("all time", False, None),
        ("this week", True, None),
        ("one cohort", False, "Cohort 01"),
    ):
        seconds, rows = median_of(
            runs,
            functools.partial(cohorts.leaderboard, OPERATOR, now=NOW, week=week, cohort=cohort),
        )
        print(
            f"leaderboard     {label + ':':<11} median {seconds * 1000:4.0f} ms, {len(rows):,} "
            f"students, {len(cohort_board(rows))} cohort rows   {verdict(seconds, BOARD_TARGET_S)}"
        )
        figures[f"leaderboard {label}"] = seconds
    return figures


def next_steps(cohorts: Cohorts, runs: int) -> tuple[str, dict[str, float]]:
    """A typical and the largest student of the first cohort: snapshot + next step."""
    figures = {}
    plugins = get_plugin_manager(env={}, entrypoints=False, directories=[])
    instructor = cohorts.member_by_email("instructor@cohort01.demo.example")
    students = cohorts.students(instructor) if instructor else []
    sized = sorted((len(cohorts.open_for(s).companies()), s.email, s) for s in students)
    for label, (size, _, student) in (("typical", sized[len(sized) // 2]), ("largest", sized[-1])):
        ws = Workspace(cohorts.open_for(student), plugins, lambda: NOW)

        def step(w: Workspace = ws) -> object:
            """One next step from a fresh snapshot, as the dashboard computes it."""
            return w.next_step(w.snapshot())

        seconds, _ = median_of(runs, step)
        people = len(ws.store.contacts())
        print(
            f"next step       {label} student ({size} companies, {people} people): snapshot + "
            f"next step median {seconds * 1000:.0f} ms   {verdict(seconds, STEP_TARGET_S)}"
        )
        figures[f"next step {label} student"] = seconds
    seconds, peers = median_of(runs, ws.store.peer_counts)
    shared = sum(1 for n in peers.values() if n)
    print(
        f"peer counts     median {seconds * 1000:.1f} ms "
        f"({shared} of {len(peers)} companies also on a classmate's list)"
    )
    figures["peer counts"] = seconds
    return sized[len(sized) // 2][1], figures


def pages(target: str, email: str, runs: int) -> dict[str, float]:
    """Leaderboard and home page reruns for a signed-in student, each with a fresh read."""
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )
    sys.path.insert(0, str(ROOT))  # app_pages comes from the checkout, as with streamlit run
    from app_pages.session import IDENTITY_KEY, TEST_ENV, Identity

    os.environ.update({"HUNT_DB": target, "HUNT_PLUGINS_DIR": "", TEST_ENV: "1"})
    figures = {}
    os.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": secrets.token_hex(32),  # a weak one: the app refuses to start
        "client_id": "bench",
        "client_secret": "bench",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
    at.session_state[IDENTITY_KEY] = Identity("https://bench.example", f"sub-{email}", email, True)
    at.session_state["hunt_now"] = NOW
    at.run()
    for page, goal in (("leaderboard", PAGE_BOARD_TARGET_S), ("home", STEP_TARGET_S)):
        at.switch_page(f"app_pages/{page}.py").run()
        # Time the page itself, never a refusal or an error page that renders in no time.
        shown = [t.value for t in at.title]
        assert not at.error and shown[-1:] == [TITLES[page]], ([e.value for e in at.error], shown)
        times = []
        for _ in range(runs):
            at.session_state["hunt_now"] += dt.timedelta(minutes=1)  # no reuse of the last read
            seconds, _ = timed(at.run)
            times.append(seconds)
            assert not at.exception, [e.value for e in at.exception]
        seconds = statistics.median(times)
        print(
            f"page rerun      {page:<11} median {seconds * 1000:4.0f} ms, signed in as a "
            f"student   {verdict(seconds, goal)}"
        )
        figures[f"page rerun {page}"] = seconds
    return figures


def _cpus() -> int:
    """CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
