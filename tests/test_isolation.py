"""Isolation: over random cohorts, roles and data, no path hands anyone a row they may not see.

The rule is restated here on its own (not imported): people read their own hunt; an instructor
also reads the students of their own cohorts; nobody else reads anybody. Every path is checked
against it: stores opened for someone, snapshots and next steps, review, leaderboards, peer
counts, comments, and the CLI's --user / --student.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hunt_core.cli import main
from hunt_core.cohort import OPERATOR, OTHER_COHORTS, Member, MemberRole, RosterRow, cohort_board
from hunt_core.errors import PermissionDenied
from hunt_core.export import dump
from hunt_core.models import Company, Contact, Touch, TouchKind
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.review import review
from hunt_core.store import Cohorts, Database, name_key
from hunt_core.workspace import Workspace

if TYPE_CHECKING:
    from tests.conftest import Backend

NOW = dt.datetime(2026, 11, 26, 9, 0)
COHORTS = ("A", "B", "C")
SHARED = ("Acme", "Bolt", "Core")  # names several people may target (peer counts)
KINDS: tuple[TouchKind, ...] = (
    "email",
    "follow-up",
    "chat-held",
    "thank-you",
    "referral",
    "message",
)
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Person:
    """One generated roster member and their data; index i tags everything they own."""

    i: int
    role: MemberRole
    cohorts: tuple[str, ...]
    shared: tuple[str, ...]
    people: int
    touches: tuple[TouchKind, ...]
    opt_out: bool
    alias: bool

    @property
    def email(self) -> str:
        return f"u{self.i}@x.edu"

    @property
    def companies(self) -> list[str]:
        """Shared names plus one no one else has."""
        return [*self.shared, f"Private {self.i}"]

    def contacts(self) -> list[str]:
        return [f"Contact {j} of u{self.i}" for j in range(self.people)]


@st.composite
def person(draw: st.DrawFn, i: int) -> Person:
    """A random student, instructor or admin with a random hunt."""
    roles: tuple[MemberRole, ...] = ("student", "student", "student", "instructor", "admin")
    role = draw(st.sampled_from(roles))
    one = st.sampled_from(COHORTS)
    if role == "student":
        cohorts: tuple[str, ...] = (draw(one),)
    else:
        low = 1 if role == "instructor" else 0
        cohorts = tuple(sorted(draw(st.sets(one, min_size=low, max_size=2))))
    return Person(
        i=i,
        role=role,
        cohorts=cohorts,
        shared=tuple(draw(st.lists(st.sampled_from(SHARED), unique=True, max_size=3))),
        people=draw(st.integers(0, 3)),
        touches=tuple(draw(st.lists(st.sampled_from(KINDS), max_size=4))),
        opt_out=draw(st.booleans()),
        alias=draw(st.booleans()),
    )


@st.composite
def worlds(draw: st.DrawFn) -> list[Person]:
    """Two to eight people across three cohorts."""
    size = draw(st.integers(2, 8))
    return [draw(person(i)) for i in range(size)]


def may_see(viewer: Person, target: Person) -> bool:
    """The rule, restated independently of hunt_core.cohort."""
    if viewer.i == target.i:
        return True
    return (
        viewer.role == "instructor"
        and target.role == "student"
        and bool(set(viewer.cohorts) & set(target.cohorts))
    )


def build(db: Database, world: list[Person]) -> Cohorts:
    """The roster, every hunt, and comments from each instructor to the students they teach."""
    cohorts = db.cohorts()
    rows = [RosterRow(p.i + 2, p.email, f"Member {p.i}", p.role, p.cohorts) for p in world]
    cohorts.import_roster(OPERATOR, rows, NOW)
    for p in world:
        store = db.store(p.email)
        made = store.add_companies([Company(name) for name in p.companies])
        people = store.add_contacts(
            [
                Contact(made[j % len(made)].id or -1, n, "developer")
                for j, n in enumerate(p.contacts())
            ]
        )
        if people:
            store.add_touches(
                [Touch(people[k % len(people)].id or -1, kind, NOW - dt.timedelta(days=k))
                 for k, kind in enumerate(p.touches)]
            )  # fmt: skip
        me = member(cohorts, p)
        cohorts.set_opt_out(me, p.opt_out)
        if p.alias:
            cohorts.set_alias(me, f"Alias {p.i}")
    for viewer in world:
        for target in world:
            if viewer.role == "instructor" and target.role == "student" and may_see(viewer, target):
                cohorts.add_comment(
                    member(cohorts, viewer), target.email, None, f"Note for u{target.i}", NOW
                )
    return cohorts


def member(cohorts: Cohorts, p: Person) -> Member:
    """The roster member of a generated person."""
    found = cohorts.member_by_email(p.email)
    assert found is not None
    return found


def everything(world: list[Person]) -> set[str]:
    """Every company, contact and comment text anyone owns: never allowed on a leaderboard."""
    return {text for p in world for text in [*p.companies, *p.contacts(), f"Note for u{p.i}"]}


PLUGINS = get_plugin_manager(env={}, entrypoints=False, directories=[])


@pytest.mark.both_backends
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@pytest.mark.slow  # 30 generated worlds of stores and cohorts: half a minute
@given(worlds())
def test_no_path_returns_rows_the_caller_may_not_see(backend: Backend, world: list[Person]) -> None:
    db = Database.open(":memory:" if backend.kind == "file" else backend.new())
    try:
        cohorts = build(db, world)
        for viewer in world:
            check_stores(cohorts, PLUGINS, world, viewer)
            check_review(cohorts, PLUGINS, world, viewer)
            check_peer_counts(cohorts, world, viewer)
            check_leaderboard(cohorts, world, member(cohorts, viewer))
        check_leaderboard(cohorts, world, OPERATOR)
    finally:
        db.close()


def check_stores(cohorts: Cohorts, plugins: Plugins, world: list[Person], viewer: Person) -> None:
    """open_for: exactly the allowed hunts, each holding only its owner's rows, read-only."""
    me = member(cohorts, viewer)
    for target in world:
        if not may_see(viewer, target):
            with pytest.raises(PermissionDenied):
                cohorts.open_for(me, target.email)
            continue
        store = cohorts.open_for(me, target.email)
        assert store.read_only == (viewer.i != target.i)
        snap = Workspace(store, plugins, lambda: NOW).snapshot()
        assert sorted(c.name for c in snap.companies) == sorted(target.companies)
        assert sorted(c.name for c in snap.contacts) == sorted(target.contacts())
        own = {c.id for c in snap.contacts}
        assert {t.contact_id for t in store.touches()} <= own
        assert set(snap.activity) <= own
        exported = dump(store)
        assert sorted(c["name"] for c in exported["companies"]) == sorted(target.companies)
        assert sorted(c["name"] for c in exported["contacts"]) == sorted(target.contacts())
        assert {t["contact_id"] for t in exported["touches"]} <= own
        notes = {c.text for c in store.comments()}
        assert notes <= {f"Note for u{target.i}"}
        step = Workspace(store, plugins, lambda: NOW).next_step(snap)
        if step is not None and step.company:
            assert step.company in target.companies
        if store.read_only:
            with pytest.raises(PermissionDenied):
                store.add_company(Company(f"Intruder {viewer.i}"))


def check_review(cohorts: Cohorts, plugins: Plugins, world: list[Person], viewer: Person) -> None:
    """Review lines: only the students this person teaches, with only those students' names."""
    lines = review(cohorts, plugins, member(cohorts, viewer), NOW)
    expected = {
        t.email for t in world if t.i != viewer.i and t.role == "student" and may_see(viewer, t)
    }
    assert {r.email for r in lines} == (expected if viewer.role == "instructor" else set())
    by_email = {p.email: p for p in world}
    for line in lines:
        assert {name for name, _ in line.top} <= set(by_email[line.email].companies)


def check_peer_counts(cohorts: Cohorts, world: list[Person], viewer: Person) -> None:
    """Counts for one's own companies only, exactly the other students of the same cohort."""
    counts = cohorts.open_for(member(cohorts, viewer)).peer_counts()
    classmates = [
        p for p in world if p.role == "student" and viewer.role == "student"
        and p.cohorts == viewer.cohorts
    ]  # fmt: skip
    if viewer.role != "student" or len(classmates) < 3:
        assert counts == {}
        return
    expected = {
        name_key(c): sum(1 for p in classmates if p.i != viewer.i and c in p.companies)
        for c in viewer.companies
    }
    assert counts == expected


def check_leaderboard(cohorts: Cohorts, world: list[Person], viewer: Member) -> None:
    """Boards name students who stayed in, by alias or name, and nothing they own."""
    rows = cohorts.leaderboard(viewer, now=NOW)
    shown = {
        f"Alias {p.i}" if p.alias else f"Member {p.i}"
        for p in world
        if p.role == "student" and not p.opt_out
    }
    assert {r.name for r in rows} == shown and len(rows) == len(shown)
    secret = everything(world)
    for r in [*rows, *cohort_board(rows)]:
        assert not {r.name, r.cohort} & secret
    for r in cohort_board(rows):
        assert r.name in (*COHORTS, OTHER_COHORTS) and r.students >= 3


@pytest.mark.slow  # runs the CLI for every member of 8 generated worlds
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds())
def test_the_cli_user_option_has_exactly_that_members_rights(world: list[Person]) -> None:
    with tempfile.TemporaryDirectory(prefix="hunt-iso-") as tmp:
        path = str(Path(tmp) / "hunt.duckdb")
        db = Database.open(path)
        build(db, world)
        db.close()
        secret = everything(world)
        for viewer in world:
            for target in world:
                code, out = cli("--db", path, "--user", viewer.email, "--student", target.email,
                                "rank", "companies", "--json")  # fmt: skip
                assert code == (0 if may_see(viewer, target) else 1)
                names = {row["company"] for row in json.loads(out)} if code == 0 else set()
                assert names == (set(target.companies) if code == 0 else set())
            code, out = cli("--db", path, "--user", viewer.email, "leaderboard", "--json")
            assert code == 0
            assert not {v for row in json.loads(out) for v in row.values()} & secret


def cli(*args: str) -> tuple[int, str]:
    """Run `hunt` in-process; (exit code, stdout)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue()


@pytest.mark.both_backends
def test_a_student_reads_their_own_hunt_with_nobody_elses_rows_after_another_user(
    db: Database,
) -> None:
    """Back to back in one process (as on one server): nothing of the first reaches the second."""
    world = [Person(0, "student", ("A",), ("Acme",), 2, ("email",), False, False),
             Person(1, "student", ("A",), ("Acme",), 2, ("email",), False, False)]  # fmt: skip
    cohorts = build(db, world)
    first = Workspace(cohorts.open_for(member(cohorts, world[0])), PLUGINS, lambda: NOW)
    second = Workspace(cohorts.open_for(member(cohorts, world[1])), PLUGINS, lambda: NOW)
    shown = (first.rank_contacts(), second.rank_contacts(), first.queue(), second.queue())
    assert {r.contact.name for r in shown[1]} == set(world[1].contacts())
    assert all("u0" not in (s.contact or "") for s in shown[3])


# Process-wide caches in the domain and the dashboard. Each is a pure function of its
# arguments (chart specs, city lookups, a company's offices, fields of work, spellings, title
# levels and date parsing, name keys, demo slugs) or holds no one's rows (the server's
# database handle and plugin manager, the CLI's argument parser), so it can never hand one
# person's rows to another. A new cache must be checked against that and added here.
ALLOWED_CACHES = {
    ("app_pages/charts.py", "_breakdown_spec"),
    ("app_pages/charts.py", "_funnel_spec"),
    ("app_pages/charts.py", "_leaders_spec"),
    ("app_pages/charts.py", "_reply_spec"),
    ("app_pages/charts.py", "_weekly_spec"),
    ("app_pages/session.py", "database"),
    ("app_pages/session.py", "_plugin_manager"),
    ("hunt_core/cli/app.py", "_parser"),
    ("hunt_core/demo.py", "_slug"),
    ("hunt_core/geo.py", "_hints"),
    ("hunt_core/geo.py", "_alternates"),
    ("hunt_core/geo.py", "_geonames"),
    ("hunt_core/geo.py", "_index"),
    ("hunt_core/geo.py", "resolve"),
    ("hunt_core/importers/linkedin.py", "guess_role"),
    ("hunt_core/importers/linkedin.py", "parse_connected_on"),
    ("hunt_core/industries.py", "_lookup"),
    ("hunt_core/industries.py", "fields_of"),
    ("hunt_core/industries.py", "words"),
    ("hunt_core/names.py", "company_key"),
    ("plugins/hyper_local.py", "_closest"),
    ("plugins/job_postings.py", "_hints"),
    ("plugins/interests.py", "_match"),
    ("plugins/_places.py", "reach"),
    ("plugins/_places.py", "city"),
    ("plugins/_places.py", "offices"),
    ("plugins/_places.py", "says_remote"),
    ("plugins/_places.py", "_wanted"),
    ("plugins/_terms.py", "families"),
    ("plugins/_terms.py", "level"),
    ("plugins/_terms.py", "mentions"),
    ("plugins/_terms.py", "your_stack"),
}


def _cached_functions() -> set[tuple[str, str]]:
    """(file, function) of every function decorated with a cache anywhere in the app."""
    found = set()
    files = [*ROOT.glob("hunt_core/**/*.py"), *ROOT.glob("plugins/*.py"),
             *ROOT.glob("app_pages/*.py"), ROOT / "streamlit_app.py"]  # fmt: skip
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(
                "cache" in ast.unparse(d) and "cached_property" not in ast.unparse(d)
                for d in node.decorator_list
            ):
                found.add((str(path.relative_to(ROOT)), node.name))
    return found


def test_no_cache_can_hold_one_persons_rows_for_another() -> None:
    assert _cached_functions() <= ALLOWED_CACHES, sorted(_cached_functions() - ALLOWED_CACHES)
