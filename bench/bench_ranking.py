"""Benchmark: rank 10,000 companies x 6 contacts, and what the plugin path costs.

Builds a temporary DuckDB with synthetic data, then prints in one run: the time to load it, to
rank companies and to rank contacts (median of several runs, each on a fresh snapshot), and
the ratio of the plugin path (Scorer through Plugins.call_each) to calling the same built-in
hunt_score_company functions in a plain loop, merged and weighted the same way.

A report, not a test: it always exits 0.

    python bench/bench_ranking.py [--companies N] [--runs R] [--seed S]
    python -m cProfile -s cumtime bench/bench_ranking.py --companies 2000   # where time goes
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import importlib
import inspect
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hunt_core import snapshot, views
from hunt_core.demo import load_demo
from hunt_core.models import Company, CompanyScore, Profile, Signal
from hunt_core.plugins import BUILTIN_PACKAGE, Plugins, get_plugin_manager
from hunt_core.scoring import Scorer
from hunt_core.store import Database, Store

NOW = dt.datetime(2026, 11, 26, 9, 0)
RANK_TARGET_S = 1.0  # rank 10,000 companies in under 1 s (scaled linearly for other sizes)
RATIO_TARGET = 1.5  # plugin path at most 1.5x calling the plugin functions directly
TARGET_COMPANIES = 10_000


# -- data ----------------------------------------------------------------------------------


def load(store: Store, companies: int, seed: int) -> None:
    """Fill the store with the demo's realistic synthetic hunt."""
    load_demo(store, companies=companies, seed=seed, now=NOW)


# -- the direct path -----------------------------------------------------------------------


def direct_impls(plugins: Plugins) -> list[tuple[str, Callable[..., Any], tuple[str, ...]]]:
    """The built-in modules' hunt_score_company functions, imported and called plainly."""
    found = []
    for name, info in sorted(plugins.infos.items()):
        if info.source != "builtin" or info.error:
            continue
        module = importlib.import_module(f"{BUILTIN_PACKAGE}.{name}")
        function = getattr(module, "hunt_score_company", None)
        if function is not None:
            found.append((name, function, tuple(inspect.signature(function).parameters)))
    return found


def rank_direct(
    impls: list[tuple[str, Callable[..., Any], tuple[str, ...]]],
    scorer: Scorer,
    companies: list[Company],
    profile: Profile,
    context: Any,
) -> list[CompanyScore]:
    """Scorer.companies without the plugin manager: same functions and views, judge, sort."""
    scores = []
    seen = views.profile(profile)
    for company in companies:
        args = {"company": views.company(company), "profile": seen, "context": context}
        results: list[tuple[str, Signal]] = []
        for name, function, argnames in impls:
            out = function(*[args[a] for a in argnames])
            if isinstance(out, Signal):
                results.append((name, out))
            elif out:
                results.extend((name, s) for s in out)
        scores.append(scorer.judge(company, results))
    return sorted(scores, key=lambda s: (-s.score, s.company.name.casefold(), s.company.id or 0))


# -- timing --------------------------------------------------------------------------------


def timed(action: Callable[[], Any], *, gc_paused: bool = False) -> tuple[float, Any]:
    """Seconds one call takes (garbage collection settled first), and its result."""
    gc.collect()
    if gc_paused:
        gc.disable()
    try:
        start = time.perf_counter()
        result = action()
        return time.perf_counter() - start, result
    finally:
        gc.enable()


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=TARGET_COMPANIES)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    n, runs = args.companies, max(1, args.runs)

    print(f"Python {platform.python_version()} on {platform.machine()}, {_cpus()} CPUs")
    with tempfile.TemporaryDirectory(prefix="hunt-bench-") as tmp:
        db = Database.open(Path(tmp) / "bench.duckdb")
        store = db.store()
        load_s, _ = timed(lambda: load(store, n, args.seed))
        people = len(store.contacts())
        print(
            f"load            {n:,} companies, {people:,} contacts (hunt_core.demo): {load_s:.2f} s"
        )

        plugins = get_plugin_manager(env={}, entrypoints=False, directories=[])
        builtin = sorted(n for n, i in plugins.infos.items() if i.source == "builtin")
        print(f"plugins         {len(builtin)} built-in: {', '.join(builtin)}")

        take_s, context_s, rank_s, contact_s = [], [], [], []
        for _ in range(runs):
            t, snap = timed(lambda: snapshot.take(store, plugins, NOW))
            take_s.append(t)
            # company_scores builds snap.context first; time that part on its own as well
            context_s.append(timed(functools.partial(getattr, snap, "context"))[0])
            rank_s.append(
                context_s[-1] + timed(functools.partial(getattr, snap, "company_scores"))[0]
            )
            contact_s.append(timed(functools.partial(getattr, snap, "contact_ranks"))[0])
        db.close()

    target = RANK_TARGET_S * n / TARGET_COMPANIES
    rank = statistics.median(rank_s)
    context = statistics.median(context_s)
    print(f"read            snapshot.take (all rows): median {statistics.median(take_s):.3f} s")
    print(
        f"rank companies  median {rank:.3f} s (first run {rank_s[0]:.3f} s, "
        f"{1e6 * rank / n:.0f} us/company)   target < {target:.2f} s: {verdict(rank < target)}"
    )
    print(
        f"  of which      {context:.3f} s building snap.context, "
        f"{rank - context:.3f} s scoring and sorting"
    )
    print(
        f"rank contacts   median {statistics.median(contact_s):.3f} s "
        f"(first run {contact_s[0]:.3f} s, {people:,} people; no target)"
    )

    # The same companies, profile, context and weights; only the dispatch differs.
    scorer = snap.scorer
    companies, profile, context = snap.companies, snap.profile, snap.context
    impls = direct_impls(plugins)
    pluggy_s, direct_s = [], []
    for _ in range(runs):
        t, via_plugins = timed(lambda: scorer.companies(companies, profile, context))
        pluggy_s.append(t)
        # Scorer pauses the cyclic GC for its batch; the direct loop gets the same treatment.
        t, via_direct = timed(
            lambda: rank_direct(impls, scorer, companies, profile, context), gc_paused=True
        )
        direct_s.append(t)
    same = [(s.company.id, s.score, s.low, s.high, s.known) for s in via_plugins] == [
        (s.company.id, s.score, s.low, s.high, s.known) for s in via_direct
    ]
    ratio = statistics.median(pluggy_s) / statistics.median(direct_s)
    plugin_s = statistics.median(pluggy_s)
    print(f"plugin path     median {plugin_s:.3f} s (Scorer via Plugins.call_each)")
    print(
        f"direct calls    median {statistics.median(direct_s):.3f} s "
        f"({len(impls)} built-in hunt_score_company functions; same ranking: {same})"
    )
    print(
        f"ratio           plugin/direct {ratio:.2f}   target <= {RATIO_TARGET}: "
        f"{verdict(ratio <= RATIO_TARGET)}"
    )
    if plugins.problems:
        print("plugin problems:", *plugins.errors(), sep="\n  ")
    return 0


def _cpus() -> int:
    """CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
