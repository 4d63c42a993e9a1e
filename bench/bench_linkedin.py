"""Benchmark: import LinkedIn's largest possible Connections.csv against 500 target companies.

Writes a realistic 30,000-row export (LinkedIn's notes first, ~8,000 distinct company spellings
such as "Acme, Inc." and "ACME", a few typos, members who left, a duplicate row) and 500 target
companies into a temporary DuckDB, then prints in one run: the parse time, the import-and-match
time (parse, link, save, offers, suggestions: one import_linkedin call), a re-import of the same
file, the rows and matches, and PASS or MISS against the 2 s target (the median of fresh imports,
each into its own user, so one slow run on a busy machine does not decide it).

A report, not a test: it always exits 0.

    python bench/bench_linkedin.py [--rows N] [--targets N] [--runs R] [--seed S]
"""

from __future__ import annotations

import argparse
import functools
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hunt_core.importers.linkedin import import_linkedin, parse
from hunt_core.models import Company
from hunt_core.store import Database

T = TypeVar("T")
TARGET_S = 2.0  # import and match 30,000 connections against 500 targets
NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
SYLLABLES = ("ac", "me", "glo", "bex", "ini", "tech", "hoo", "li", "um", "bra", "vo", "zen",
             "tri", "nex", "or", "bit", "cor", "sol", "ara", "vex", "pla", "to", "qui",
             "ly")  # fmt: skip
WORDS = ("", "", "", " Health", " Labs", " Systems", " Bank", " Software", " Analytics",
         " Logistics", " Energy", " Media", " Foods", " Insurance", " Digital")  # fmt: skip
SUFFIXES = (", Inc.", " Inc", " LLC", " Corp", " Corporation", ", Ltd.", " Co.")
FIRST = ("Sam", "Jo", "Priya", "Luis", "Mia", "Noah", "Ava", "Eli", "Zoe", "Ben", "Ana", "Kim",
         "Omar", "Lena", "Raj", "Chen", "Sofia", "Marcus", "Aisha", "Tom", "José",
         "Zoë")  # fmt: skip
LAST = ("Lee", "Park", "Shah", "García", "Wong", "Kim", "Brown", "Stone", "Hart", "Ford",
        "Diaz", "Nguyen", "Okafor", "Müller", "Rossi", "Cohen", "Smith", "Patel",
        "Ali")  # fmt: skip
POSITIONS = ("Software Engineer", "Senior Software Engineer", "Engineering Manager",
             "Technical Recruiter", "Product Manager", "Data Engineer", "Team Lead", "Designer",
             "Talent Acquisition Partner", "DevOps Engineer", "Student", "Account Executive",
             "Director of Engineering", "Full Stack Developer", "HR Business Partner")  # fmt: skip
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def base_names(rng: random.Random, count: int) -> list[str]:
    """Distinct made-up company names such as 'Glotech Health'."""
    names: set[str] = set()
    while len(names) < count:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        names.add(stem + rng.choice(WORDS))
    return sorted(names)


def spellings(rng: random.Random, name: str) -> list[str]:
    """The ways people type one company: legal suffixes, capitals, 'The', now and then a typo."""
    found = [name]
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        roll = rng.random()
        if roll < 0.2:
            found.append(name.upper())
        elif roll < 0.3:
            found.append(f"The {name}")
        elif roll < 0.4 and len(name) > 9:
            cut = rng.randrange(1, len(name) - 1)
            found.append(name[:cut] + name[cut + 1 :])
        else:
            found.append(name + rng.choice(SUFFIXES))
    return found


def write_export(path: Path, rows: int, companies: list[str], targets: int, seed: int) -> None:
    """A Connections.csv: one in ten people works at one of the first `targets` companies."""
    rng = random.Random(seed)
    typed = {name: spellings(rng, name) for name in companies}
    lines = [NOTES, HEADER]
    for i in range(rows):
        if i % 250 == 0:
            lines.append(f",,,,,,{rng.randint(1, 28)} Jan 2021\n")  # a member who left
            continue
        at_target = rng.random() < 0.1
        base = companies[rng.randrange(targets) if at_target else rng.randrange(len(companies))]
        first, last = rng.choice(FIRST), rng.choice(LAST)
        url = f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i:x}"
        email = f"{first.lower()}.{i}@example.com" if rng.random() < 0.05 else ""
        position = rng.choice(POSITIONS)
        day = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2012, 2025)}"
        lines.append(f'{first},{last},{url},{email},"{rng.choice(typed[base])}",{position},{day}\n')
    lines.append(lines[-1])  # exports occasionally repeat a row
    path.write_text("".join(lines), encoding="utf-8")


def timed(run: Callable[[], T]) -> tuple[float, T]:
    """Seconds one call took, and what it returned."""
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    """Build the data, time parse, import and re-import, and report against the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--targets", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3, help="fresh imports, each its own user")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    companies = base_names(rng, 3_500)
    rng.shuffle(companies)
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="hunt-bench-") as tmp:
        export = Path(tmp) / "Connections.csv"
        write_export(export, args.rows, companies, args.targets, args.seed)
        data = export.read_bytes()
        db = Database.open(Path(tmp) / "bench.duckdb")
        try:
            parse_s, parsed = timed(lambda: parse(data))
            import_s: list[float] = []
            for run in range(args.runs):
                store = db.store(f"bench-{run}")
                store.add_companies([Company(name) for name in companies[: args.targets]])
                seconds, summary = timed(functools.partial(import_linkedin, store, data))
                import_s.append(seconds)
            reimport_s, again = timed(lambda: import_linkedin(store, data))
        finally:
            db.close()
    spellings = len({c.company for c in parsed.connections})
    median = statistics.median(import_s)
    verdict = "PASS" if median <= TARGET_S else "MISS"
    print(f"file            {len(data) / 1e6:.1f} MB, {args.rows:,} rows, {spellings:,} spellings")
    print(f"parse           {parse_s:.3f} s ({len(parsed.connections):,} connections)")
    print(
        f"import+match    median {median:.3f} s of {args.runs} (min {min(import_s):.3f} s) "
        f"against {args.targets} targets: {summary.added:,} added, "
        f"{len(summary.matched):,} matched, {len(summary.offered):,} offered, "
        f"{len(summary.suggestions):,} suggested"
    )
    print(f"re-import       {reimport_s:.3f} s: {again.unchanged:,} unchanged, {again.added} added")
    print(f"target          import+match <= {TARGET_S:.1f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
