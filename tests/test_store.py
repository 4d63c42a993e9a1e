"""The store: round trips, owner scoping, transactions, migrations and locking."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from hunt_core.cohort import OPERATOR, roster_rows
from hunt_core.errors import DatabaseBusy, HuntError, InvalidInput, NotFound
from hunt_core.models import Chat, Company, Contact, Profile, Touch, TouchKind
from hunt_core.store import Database, Duplicate, Store, backends, name_key
from hunt_core.store.migrations import migrations
from tests.conftest import PostgresServer

pytestmark = pytest.mark.both_backends
AT = dt.datetime(2026, 11, 2, 12, 0)


def _id(record: Company | Contact) -> int:
    """A stored record's id (the store always sets one)."""
    assert record.id is not None
    return record.id


def _acme(store: Store) -> tuple[Company, Contact]:
    company = store.add_company(
        Company("Acme, Inc.", stack=[".NET", "C#"], remote="yes", alumni_hired=2, notes="x")
    )
    person = store.add_contact(
        Contact(_id(company), "Jane Doe", "developer", email="j@acme.io", friend=True)
    )
    return company, person


def test_profile_round_trip(store: Store) -> None:
    assert store.profile() == Profile()
    profile = Profile(name="Ana", colleges=["DU"], stack=["C#"], linkedin="premium", note_chars=250)
    store.save_profile(profile)
    assert store.profile() == profile


def test_company_and_contact_round_trip(store: Store) -> None:
    company, person = _acme(store)
    loaded = store.company("ACME, INC.")
    assert loaded.stack == [".NET", "C#"] and loaded.alumni_hired == 2 and loaded.id == company.id
    assert store.contacts(company.id)[0].name == "Jane Doe"
    person.title = "Engineer"
    store.update_contact(person)
    assert store.contact(company, "jane doe").title == "Engineer"


def test_touches_chats_weights_snoozes_round_trip(store: Store) -> None:
    _, person = _acme(store)
    store.add_touch(Touch(_id(person), "email", AT, "email", "hello"))
    assert store.touches()[0].text == "hello"
    assert store.activity()[_id(person)].first_outreach == AT
    store.save_chat(Chat(_id(person), scheduled_for=AT, questions=["What is a first year like?"]))
    chat = store.chat(_id(person))
    assert chat is not None and chat.questions == ["What is a first year like?"]
    store.set_weight("stack", 2.5)
    assert store.weights() == {"stack": 2.5}
    store.snooze("add-company", AT + dt.timedelta(days=1))
    assert store.snoozed(AT) == {"add-company"}
    assert store.snoozed(AT + dt.timedelta(days=2)) == set()


def test_duplicate_company_in_a_batch_writes_nothing(store: Store) -> None:
    store.add_company(Company("Acme"))
    with pytest.raises(InvalidInput, match="already exists"):
        store.add_companies([Company("Beta"), Company(" acme ")])
    assert [c.name for c in store.companies()] == ["Acme"]


def test_failed_transaction_leaves_nothing_half_written(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_company(Company("Acme"))
        raise RuntimeError("boom")
    assert store.companies() == []


def test_touch_for_unknown_person_is_refused(store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_touch(Touch(999, "email", AT))
    assert store.touches() == []


def test_owners_never_see_each_other(db: Database) -> None:
    ana, ben = db.store("ana@example.com"), db.store("ben@example.com")
    company, person = _acme(ana)
    ana.add_touch(Touch(_id(person), "email", AT))
    ana.set_weight("stack", 1)
    assert ben.companies() == [] and ben.contacts() == [] and ben.touches() == []
    assert ben.weights() == {} and ben.activity() == {}
    with pytest.raises(NotFound):
        ben.company("Acme, Inc.")
    with pytest.raises(NotFound):
        ben.contact_by_id(_id(person))
    assert ana.companies()[0].name == "Acme, Inc."
    with pytest.raises(NotFound):
        ben.update_company(company)


def test_name_key_ignores_case_and_spacing() -> None:
    assert name_key("  Acme   Inc ") == name_key("acme inc")


def test_migrations_are_numbered_in_order() -> None:
    versions = [v for v, _, _ in migrations()]
    assert versions == sorted(versions) and versions[0] == 1
    assert len(set(versions)) == len(versions)


def test_migrates_a_v1_database_keeping_its_data(tmp_path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    v1 = Database(con, str(path))
    assert v1.migrate(target=1) == 1
    # written as the v1 code did: today's store also moves data versions (migration 0007)
    con.execute(
        "INSERT INTO companies (owner, name, name_key, stack) VALUES ('local', 'Acme', 'acme', ?)",
        [["C#"]],
    )
    with pytest.raises(duckdb.CatalogException):
        con.execute("SELECT * FROM weights")
    con.close()
    db = Database.open(path)
    assert db.version() == max(v for v, _, _ in migrations())
    store = db.store()
    assert store.company("acme").stack == ["C#"]
    store.set_weight("stack", 2)
    assert store.weights() == {"stack": 2}
    db.close()


def test_opening_a_known_users_store_writes_nothing(tmp_path: Path) -> None:
    """Every command opens a store: one that only reads must not write, even its user row."""
    path = str(tmp_path / "hunt.duckdb")
    db = Database.open(path)
    db.store("ana@example.com")
    db.close()
    con = duckdb.connect(path, read_only=True)  # any write would raise here
    try:
        Store(con, "ana@example.com").ensure_user("Ana")
        with pytest.raises(duckdb.Error, match="read-only"):
            Store(con, "bo@example.com").ensure_user("Bo")  # a new user is still written
    finally:
        con.close()


def test_reopening_does_not_migrate_twice(tmp_path) -> None:
    path = tmp_path / "h.duckdb"
    Database.open(path).close()
    db = Database.open(path)
    row = db.con.execute("SELECT count(*) FROM schema_version").fetchone()
    assert row is not None
    count = row[0]
    assert count == len(migrations())
    db.close()


# Each child says it is ready, waits for the go file, then opens (so migrates) the database.
_MIGRATE_AT_ONCE = """
import pathlib, sys, time
from hunt_core.store import Database
ready, go, url = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
ready.touch()
while not go.exists():
    time.sleep(0.001)
Database.open(url).close()
"""


def _migrating_child(ready: Path, go: Path, url: str) -> subprocess.Popen[str]:
    """A process that opens url once the go file appears (it touches ready first)."""
    command = [sys.executable, "-c", _MIGRATE_AT_ONCE, str(ready), str(go), url]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow  # starts PostgreSQL and four processes
@pytest.mark.parametrize("round_", [1, 2, 3])  # a fresh race each round
def test_two_processes_migrating_one_fresh_postgresql_database_both_succeed_once_each(
    postgres_server: PostgresServer, tmp_path, round_: int
) -> None:
    url = postgres_server.create(f"race_{os.getpid()}_{round_}")  # empty: nothing migrated
    go = tmp_path / "go"
    children = [_migrating_child(tmp_path / f"ready-{n}", go, url) for n in (1, 2)]
    try:
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"ready-{n}").exists() for n in (1, 2)):
            assert time.monotonic() < deadline, "the children never got ready"
            time.sleep(0.01)
        go.touch()  # both start migrating the same moment
        results = [child.communicate(timeout=120) for child in children]
    finally:
        for child in children:
            child.kill()
    for child, (_, err) in zip(children, results, strict=True):
        assert child.returncode == 0, err
    db = Database.open(url)
    try:
        applied = db.con.execute(
            "SELECT version, count(*) FROM schema_version GROUP BY version ORDER BY version"
        ).fetchall()
    finally:
        db.close()
    assert applied == [(v, 1) for v, _, _ in migrations()]


def test_a_second_process_gets_a_clear_busy_message(tmp_path) -> None:
    path = tmp_path / "busy.duckdb"
    Database.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time, duckdb
            con = duckdb.connect({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseBusy, match="in use by another process"):
            Database.open(path)
    finally:
        holder.communicate("")


# -- concurrent writes, locking, external access (issue 10) ---------------------------------


def _together(count: int, work: Callable[[int], object]) -> list[object]:
    """Run work(i) in count threads released at once; each result or raised exception."""
    gate = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i: int) -> None:
        gate.wait()
        try:
            results[i] = work(i)
        except Exception as exc:  # the test looks at what each writer met
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_sessions_editing_one_company_both_succeed(db: Database) -> None:
    company = db.store().add_company(Company("Acme"))
    stores = [db.store(con=db.cursor()) for _ in range(4)]

    def edit(i: int) -> None:
        for n in range(5):
            mine = stores[i].company_by_id(_id(company))
            mine.notes = f"writer {i} edit {n}"
            stores[i].update_company(mine)
            stores[i].set_weight("stack", float(i))

    assert _together(4, edit) == [None] * 4  # no "Transaction conflict" reaches anyone
    assert db.store().company("acme").notes in {f"writer {i} edit 4" for i in range(4)}
    assert db.store().weights()["stack"] in {0.0, 1.0, 2.0, 3.0}


@pytest.mark.postgres_only  # the leaderboard's tallies are PostgreSQL triggers (migration 0011)
def test_touches_of_one_person_from_four_sessions_at_once_all_count(db: Database) -> None:
    _, person = _acme(db.store())
    stores = [db.store(con=db.cursor()) for _ in range(4)]

    def touch(i: int) -> None:
        for n in range(5):  # email on days 0, 2, 4; follow-ups on days 1, 3 of each writer's week
            kind: TouchKind = "follow-up" if n % 2 else "email"
            stores[i].add_touch(Touch(_id(person), kind, AT + dt.timedelta(days=7 * i + n)))

    assert _together(4, touch) == [None] * 4
    owner = {"owner": db.store().owner, "id": person.id}
    totals = "SELECT kind, n FROM tally.touch_totals WHERE owner = $owner ORDER BY kind"
    assert backends.query(db.con, True, totals, owner) == [("email", 12), ("follow-up", 8)]
    weeks = "SELECT sum(n) FROM tally.touch_weeks WHERE owner = $owner"
    assert backends.query(db.con, True, weeks, owner) == [(20,)]
    first = "SELECT first_at, on_time FROM tally.follow_ups WHERE contact_id = $id"
    assert backends.query(db.con, True, first, owner) == [(AT + dt.timedelta(days=1), True)]


@pytest.mark.postgres_only  # the tallies' row locks are PostgreSQL's
def test_two_sessions_writing_two_kinds_in_opposite_orders_both_count(db: Database) -> None:
    """A touch locks its owner's tally row for its kind: two sessions of one owner writing an
    email and a follow-up in opposite orders deadlock, PostgreSQL aborts one transaction, and
    the store runs it again."""
    store = db.store()
    company = store.add_company(Company("Acme"))
    ann, bo = store.add_contacts(
        [Contact(_id(company), "Ann Lee", "developer"), Contact(_id(company), "Bo Chen", "manager")]
    )
    store.add_touches([Touch(_id(ann), "email", AT), Touch(_id(bo), "email", AT)])
    stores = [db.store(con=db.cursor()) for _ in range(2)]
    attempts = [0, 0]
    later = AT + dt.timedelta(days=3)
    orders = [
        (Touch(_id(ann), "message", later), Touch(_id(bo), "follow-up", later)),
        (Touch(_id(bo), "follow-up", later), Touch(_id(ann), "message", later)),
    ]

    def write(i: int) -> None:
        def work() -> None:
            attempts[i] += 1
            first, second = orders[i]
            stores[i].add_touch(first)
            time.sleep(0.3)  # the other session takes its first kind meanwhile
            stores[i].add_touch(second)

        stores[i].atomic(work)

    assert _together(2, write) == [None, None]
    assert attempts in ([1, 2], [2, 1]), "one ran again after PostgreSQL broke the deadlock"
    totals = "SELECT kind, n FROM tally.touch_totals WHERE owner = $owner ORDER BY kind"
    assert backends.query(db.con, True, totals, {"owner": store.owner}) == [
        ("email", 2),
        ("follow-up", 2),
        ("message", 2),
    ]
    first = "SELECT first_at, on_time FROM tally.follow_ups WHERE contact_id = $id"
    assert backends.query(db.con, True, first, {"owner": store.owner, "id": bo.id}) == [
        (later, True)
    ]


def test_a_lost_duplicate_name_race_reads_like_any_duplicate(db: Database) -> None:
    stores = [db.store(con=db.cursor()) for _ in range(4)]
    results = _together(4, lambda i: stores[i].add_company(Company("Acme")))
    lost = [r for r in results if isinstance(r, Exception)]
    assert len(lost) == 3 and len(db.store().companies()) == 1
    for exc in lost:
        assert isinstance(exc, InvalidInput) and str(exc) == "company 'Acme' already exists"


def test_a_failed_write_reports_its_cause_not_a_second_rollback(store: Store) -> None:
    store.set_weight("stack", 1)
    with pytest.raises(Duplicate, match="already exists") as caught, store.transaction():
        store.con.execute("INSERT INTO weights VALUES (?, 'stack', 2)", [store.owner])
    assert "no transaction is active" not in str(caught.value)
    assert store.weights() == {"stack": 1}


def test_a_read_block_sees_one_moment_while_another_session_writes(db: Database) -> None:
    reader, writer = (db.store(con=db.cursor()) for _ in range(2))
    with reader.reading():
        assert reader.companies() == []
        writer.add_company(Company("Acme"))  # commits in a session of its own
        assert reader.companies() == []  # PostgreSQL's READ COMMITTED alone would show Acme
    assert [c.name for c in reader.companies()] == ["Acme"]


def test_a_read_block_is_open_to_a_read_only_store_and_refuses_writes(db: Database) -> None:
    db.store().add_company(Company("Acme"))
    viewer = Store(db.cursor(), db.store().owner, read_only=True)
    with viewer.reading():
        assert [c.name for c in viewer.companies()] == ["Acme"]
    owner = db.store(con=db.cursor())
    with owner.reading(), pytest.raises(RuntimeError, match="inside a consistent read"):
        owner.add_company(Company("Beta"))
    assert [c.name for c in owner.companies()] == ["Acme"]


def test_a_write_moves_the_data_version_seen_by_another_connection(db: Database) -> None:
    other = Database.open(db.path) if db.postgres else db  # another replica on PostgreSQL
    try:
        reader = other.store("ana@x.edu", con=other.cursor())
        before = reader.data_version()
        db.store("ana@x.edu").add_company(Company("Acme"))
        assert reader.data_version() > before
        assert db.store("bo@x.edu").data_version() == 0  # nobody else's read goes stale
    finally:
        if other is not db:
            other.close()


def test_an_instructor_comment_moves_the_students_data_version(db: Database) -> None:
    cohorts = db.cohorts()
    rows = roster_rows(
        [(2, {"email": "ana@x.edu", "name": "Ana", "cohort": "A", "role": "student"}),
         (3, {"email": "ivy@x.edu", "name": "Ivy", "cohort": "A", "role": "instructor"})],
        "roster.csv",
    )  # fmt: skip
    cohorts.import_roster(OPERATOR, rows, AT)
    student = db.store("ana@x.edu")
    before = student.data_version()
    ivy = cohorts.member("ivy@x.edu")
    assert ivy is not None
    cohorts.add_comment(ivy, "ana@x.edu", None, "Add two more companies", AT)
    assert student.data_version() > before


def test_store_queries_cannot_read_files(db: Database) -> None:
    for con in (db.con, db.cursor()):
        with pytest.raises(duckdb.Error, match="disabled"):
            con.execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    db.store().add_companies([Company("Acme"), Company("Beta")])  # bulk writes still work
    assert [c.name for c in db.store().companies()] == ["Acme", "Beta"]


def test_a_path_naming_a_lock_is_not_reported_busy(tmp_path) -> None:
    blocked = tmp_path / "lockers" / "hunt.duckdb"
    blocked.mkdir(parents=True)  # a folder where the file should be: cannot open, not busy
    with pytest.raises(HuntError) as caught:
        Database.open(blocked)
    assert not isinstance(caught.value, DatabaseBusy)
    assert "in use by another process" not in str(caught.value)


def test_duckdb_threads_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "hunt.duckdb")
    for threads in ("1", "3"):
        monkeypatch.setenv("HUNT_DUCKDB_THREADS", threads)
        db = Database.open(path)
        try:
            assert db.con.execute("SELECT current_setting('threads')").fetchone() == (int(threads),)
        finally:
            db.close()
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv("HUNT_DUCKDB_THREADS", bad)
        with pytest.raises(HuntError, match=f"HUNT_DUCKDB_THREADS '{bad}' is not a whole number"):
            Database.open(path)
