"""Whole-database backups: a hosted cohort's data out to Parquet and back, exactly, admins only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hunt_core import backup, demo
from hunt_core.cohort import OPERATOR, RosterRow
from hunt_core.errors import InvalidInput, PermissionDenied
from hunt_core.models import Company, Contact
from hunt_core.plugins import Plugins
from hunt_core.store import Database, backends
from hunt_core.workspace import Workspace
from tests.conftest import NOW, Backend, PostgresServer

COHORT_TABLES = {"members", "member_cohorts", "identities", "comments", "placements", "snoozes"}


def _cohort_db(path: Path) -> Database:
    """A cohort with hunts, comments, placements, a snooze, a bound sign-in and a weight."""
    db = Database.open(path)
    demo.load_cohort(db, students=4, seed=3, now=NOW)
    cohorts = db.cohorts()
    admin = RosterRow(2, "root@example.com", "Rae Root", "admin", ())
    cohorts.import_roster(OPERATOR, [admin], NOW)
    [instructor] = [m for m in cohorts.roster(OPERATOR) if m.role == "instructor"]
    student = cohorts.students(instructor)[0]
    company = db.store(student.owner).companies()[0]
    cohorts.add_comment(instructor, student.owner, company.id, "Add a recruiter here", NOW)
    cohorts.add_comment(instructor, student.owner, None, "Great list", NOW)
    cohorts.member_for_identity("https://issuer", "sub-1", student.email, email_verified=True)
    mine = db.store(student.owner)
    mine.snooze("follow-up:1", NOW.replace(year=2027))
    mine.set_weight("stack", 2.5)
    db.con.execute(
        "INSERT INTO placements VALUES ('Demo', 'demo', 'Acme', 'acme', 2025, 'local', ?)", [NOW]
    )
    return db


def _everything(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    return {t: sorted(db.con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in backup.tables(db.con)}  # fmt: skip


def _outcomes(db: Database, plugins: Plugins) -> tuple[object, ...]:
    """What a student and a coach see: each student's ranking and the leaderboard."""
    cohorts = db.cohorts()
    board = [r.as_dict() for r in cohorts.leaderboard(OPERATOR, now=NOW)]
    ranks = {}
    for member in cohorts.roster(OPERATOR):
        ws = Workspace(db.store(member.owner), plugins, lambda: NOW)
        ranks[member.owner] = [(s.company.name, s.score) for s in ws.rank_companies()]
    return board, ranks


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Database]:
    """A file database holding a small cohort."""
    db = _cohort_db(tmp_path / "source.duckdb")
    yield db
    db.close()


def test_a_restore_reproduces_every_table_ranking_and_leaderboard(
    source: Database, tmp_path: Path, plugins: Plugins
) -> None:
    manifest = backup.backup(source, tmp_path / "backup", OPERATOR, NOW)
    saved = {t["table"] for t in manifest["tables"]}
    assert saved >= COHORT_TABLES | {"users", "companies", "contacts", "touches", "weights"}
    assert manifest["schema_version"] == source.version()
    assert all(t["rows"] for t in manifest["tables"] if t["table"] in COHORT_TABLES)
    before, outcomes = _everything(source), _outcomes(source, plugins)

    target = Database.open(tmp_path / "target.duckdb")
    try:
        counts = backup.restore(target, tmp_path / "backup", OPERATOR)
        assert counts == {t: len(rows) for t, rows in before.items()}
        assert _everything(target) == before
        assert _outcomes(target, plugins) == outcomes
        # A new row takes a fresh id, never one of the restored ones.
        student = target.cohorts().roster(OPERATOR)[-1]
        added = target.store(student.owner).add_company(Company("Brand New Co"))
        assert added.id is not None
        old = source.con.execute("SELECT max(id) FROM companies").fetchone()
        assert old is not None
        assert added.id > old[0]
    finally:
        target.close()


@pytest.mark.both_backends
def test_writes_after_a_restore_take_ids_above_every_restored_one(
    source: Database, tmp_path: Path, backend: Backend
) -> None:
    backup.backup(source, tmp_path / "backup", OPERATOR, NOW)
    highest = {
        table: source.con.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]  # type: ignore[index]
        for table in backup.sequences(source.con)
    }
    assert highest["companies"] and highest["touches"] and highest["comments"]
    target = Database.open(backend.new())
    try:
        backup.restore(target, tmp_path / "backup", OPERATOR)
        positions = backends.sequence_positions(target.con, target.postgres)
        for table, sequence in backup.sequences(target.con).items():
            assert positions[sequence] >= highest[table], table
        # Real writes through the store and the cohort API, each drawing from its sequence.
        cohorts = target.cohorts()
        [instructor] = [m for m in cohorts.roster(OPERATOR) if m.role == "instructor"]
        student = cohorts.students(instructor)[0]
        mine = target.store(student.owner)
        company = mine.add_company(Company("Brand New Co"))
        assert company.id is not None and company.id > highest["companies"]
        contact = mine.add_contact(Contact(company_id=company.id, name="Nia New"))
        assert contact.id is not None and contact.id > highest["contacts"]
        comment = cohorts.add_comment(instructor, student.owner, None, "Welcome back", NOW)
        assert comment > highest["comments"]
        [fresh_touch] = target.reserve_ids("touches", 1)
        assert fresh_touch > highest["touches"]
    finally:
        target.close()


@pytest.mark.slow  # starts the session's PostgreSQL server
def test_a_file_round_trips_through_postgresql_and_back_unchanged(
    tmp_path: Path, plugins: Plugins, postgres_server: PostgresServer
) -> None:
    source = _cohort_db(tmp_path / "source.duckdb")
    outcomes = _outcomes(source, plugins)  # first: a student's first read adds their users row
    source.close()
    made = _hunt("backup", str(tmp_path / "from-file"), db=tmp_path / "source.duckdb")
    assert made.returncode == 0, made.stderr
    # Read after the command: any `hunt` run adds the operator's bare users row.
    source = Database.open(tmp_path / "source.duckdb")
    before = _everything(source)
    source.close()
    url = postgres_server.create(f"round_trip_{os.getpid()}", "hunt_template")
    steps: list[tuple[str, Path, Path | str]] = [
        ("restore", tmp_path / "from-file", url),
        ("backup", tmp_path / "from-postgres", url),
        ("restore", tmp_path / "from-postgres", tmp_path / "back.duckdb"),
    ]
    for command, folder, target in steps:
        done = _hunt(command, str(folder), db=target)
        assert done.returncode == 0, (command, target, done.stderr)
        if target == url:  # check PostgreSQL in between, not only what comes back from it
            on_postgres = Database.open(url)
            try:
                assert _everything(on_postgres) == before
                assert _outcomes(on_postgres, plugins) == outcomes
            finally:
                on_postgres.close()
    first, second = (backup.read_manifest(tmp_path / f) for f in ("from-file", "from-postgres"))
    # The sequences' positions travel too, not only the highest id in each table.
    assert second["sequences"] == first["sequences"] != {}
    assert _counts(second) == _counts(first)
    back = Database.open(tmp_path / "back.duckdb")
    try:
        assert _everything(back) == before
        assert _outcomes(back, plugins) == outcomes
        # A reopened DuckDB file reports a sequence's next value as its last: one ahead at most.
        positions = backends.sequence_positions(back.con, False)
        assert positions.keys() == first["sequences"].keys()
        assert all(0 <= positions[s] - at <= 1 for s, at in first["sequences"].items())
    finally:
        back.close()


def _counts(manifest: dict[str, Any]) -> dict[str, int]:
    """table -> rows, as a manifest records them."""
    return {t["table"]: t["rows"] for t in manifest["tables"]}


def test_a_non_empty_target_is_refused_and_left_alone(source: Database, tmp_path: Path) -> None:
    backup.backup(source, tmp_path / "backup", OPERATOR, NOW)
    target = Database.open(tmp_path / "target.duckdb")
    try:
        target.store("someone").add_company(Company("Mine"))
        with pytest.raises(InvalidInput, match="not empty"):
            backup.restore(target, tmp_path / "backup", OPERATOR)
        assert [c.name for c in target.store("someone").companies()] == ["Mine"]
    finally:
        target.close()


def test_a_damaged_file_fails_its_checksum_and_nothing_is_written(
    source: Database, tmp_path: Path
) -> None:
    backup.backup(source, tmp_path / "backup", OPERATOR, NOW)
    touches = tmp_path / "backup" / "touches.parquet"
    data = bytearray(touches.read_bytes())
    data[len(data) // 2] ^= 0xFF
    touches.write_bytes(bytes(data))
    target = Database.open(tmp_path / "target.duckdb")
    try:
        with pytest.raises(InvalidInput, match=r"touches\.parquet does not match its checksum"):
            backup.restore(target, tmp_path / "backup", OPERATOR)
        assert target.con.execute("SELECT count(*) FROM companies").fetchone() == (0,)
    finally:
        target.close()


def test_only_admins_back_up_or_restore_in_cohort_mode(source: Database, tmp_path: Path) -> None:
    cohorts = source.cohorts()
    roster = cohorts.roster(OPERATOR)
    admin = next(m for m in roster if m.role == "admin")
    for member in roster:
        if member.role != "admin":
            with pytest.raises(PermissionDenied):
                backup.backup(source, tmp_path / member.owner, member, NOW)
            assert not (tmp_path / member.owner).exists()
    assert backup.backup(source, tmp_path / "by-admin", admin, NOW)["tables"]
    # Rights follow the roster as it is now: a demoted admin is refused at once.
    demoted = RosterRow(2, admin.email, admin.name, "student", ("Demo cohort",))
    cohorts.import_roster(OPERATOR, [demoted], NOW)
    with pytest.raises(PermissionDenied):
        backup.backup(source, tmp_path / "after", admin, NOW)


# -- through the `hunt` command -------------------------------------------------------------


def _hunt(*args: str, db: Path | str) -> subprocess.CompletedProcess[str]:
    """Run `hunt` in a subprocess on one database (a file or a PostgreSQL URL)."""
    env = {**os.environ, "HUNT_DB": str(db), "HUNT_PLUGINS_DIR": "", "HUNT_NOW": NOW.isoformat()}
    return subprocess.run(
        [sys.executable, "-m", "hunt_core.cli", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def _one_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a failed command."""
    assert result.returncode == 1, result
    [line] = result.stderr.splitlines()
    assert line.startswith("hunt: error: ")
    return line


def test_the_cli_backs_up_and_restores_and_names_each_refusal(tmp_path: Path) -> None:
    db = _cohort_db(tmp_path / "a.duckdb")
    student = next(m.email for m in db.cohorts().roster(OPERATOR) if m.role == "student")
    db.close()
    refused = _hunt("--user", student, "backup", str(tmp_path / "s"), db=tmp_path / "a.duckdb")
    assert "only admins" in _one_error(refused)

    made = _hunt("backup", str(tmp_path / "b"), "--json", db=tmp_path / "a.duckdb")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["format"] == "hunt-backup"
    a_db = tmp_path / "a.duckdb"
    again = _hunt("--user", "root@example.com", "backup", str(tmp_path / "b"), db=a_db)
    assert "already holds a backup" in _one_error(again)

    into_full = _hunt("restore", str(tmp_path / "b"), db=tmp_path / "a.duckdb")
    assert "not empty" in _one_error(into_full)
    restored = _hunt("restore", str(tmp_path / "b"), db=tmp_path / "new.duckdb")
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith("Restored ")
    boards = [_hunt("leaderboard", "--json", db=tmp_path / f) for f in ("a.duckdb", "new.duckdb")]
    assert json.loads(boards[0].stdout) == json.loads(boards[1].stdout) != []
