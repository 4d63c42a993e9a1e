"""The one place SQL lives: the database (DuckDB file or PostgreSQL), migrations, owner queries."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import os
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import duckdb
import platformdirs

from hunt_core import backends
from hunt_core.cohort import (
    MIN_GROUP,
    ON_TIME_DAYS,
    OPERATOR,
    Comment,
    LeaderRow,
    Member,
    Placement,
    RosterRow,
    clean_alias,
    clean_comment,
    leader_row,
    may_comment,
    may_import_placements,
    may_read,
    window,
)
from hunt_core.errors import (
    DatabaseBusy,
    HuntError,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from hunt_core.models import (
    ANSWER_KINDS,
    OUTREACH_KINDS,
    Chat,
    Company,
    Connection,
    Contact,
    Posting,
    Profile,
    Touch,
)
from hunt_core.names import compact_key, name_key

LOCAL_USER = "local"
T = TypeVar("T")
P = ParamSpec("P")
_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def default_path() -> str:
    """Where the database lives: HUNT_DB (a file or a postgresql:// URL), else a user data file."""
    if os.environ.get("HUNT_DB"):
        return backends.locate(os.environ["HUNT_DB"])
    return str(platformdirs.user_data_path("hunt", appauthor=False) / "hunt.duckdb")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every bundled migration, in order."""
    found = []
    for entry in importlib.resources.files("hunt_core.migrations").iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _columns(model: type) -> list[str]:
    """Stored columns of a dataclass, in field order, without its id."""
    return [f.name for f in fields(model) if f.name != "id"]


_COMPANY = _columns(Company)
_CONTACT = _columns(Contact)
_TOUCH = _columns(Touch)
_CHAT = _columns(Chat)
_POSTING = _columns(Posting)
_CONNECTION = _columns(Connection)
M = TypeVar("M", Company, Contact, Touch, Chat, Posting, Connection)
# The table and stored columns behind each model that Store._fetch reads.
_TABLES: dict[type, tuple[str, list[str]]] = {
    Company: ("companies", _COMPANY),
    Contact: ("contacts", _CONTACT),
    Touch: ("touches", _TOUCH),
    Chat: ("chats", _CHAT),
    Posting: ("postings", _POSTING),
    Connection: ("connections", _CONNECTION),
}
_PROFILE = [f.name for f in fields(Profile)]
# Tables whose rows carry an owner and may be loaded in bulk.
_OWNED = ("companies", "contacts", "touches", "chats", "postings", "connections", "profiles")
_SEQUENCES = {
    "companies": "company_ids",
    "contacts": "contact_ids",
    "touches": "touch_ids",
    "chats": "chat_ids",
}


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Fold the write-ahead log into the file (after a bulk import); a no-op in memory."""
    con.execute("CHECKPOINT")


# -- transactions ----------------------------------------------------------------------------

ATTEMPTS = 16  # tries of one write that keeps losing to concurrent writes before giving up
BUSY = "another session changed the same data at the same moment; nothing was saved, try again"


class Duplicate(InvalidInput):
    """A write met a row with the same key (a name another write took first)."""


@dataclass
class _Open:
    """The transaction open on one connection: how deep, whose data versions it moves."""

    depth: int = 1
    owners: set[str] = field(default_factory=set)


_OPEN: weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, _Open] = weakref.WeakKeyDictionary()


@contextmanager
def _attempt(con: duckdb.DuckDBPyConnection, owners: Iterable[str]) -> Iterator[None]:
    """One try: begin, commit (moving the owners' data versions), roll back on any error.

    Nested calls on the same connection join the outer transaction. Raises DuckDB's error
    as it came, for the caller to classify.
    """
    held = _OPEN.get(con)
    if held is not None:
        held.owners.update(owners)
        held.depth += 1
        try:
            yield
        finally:
            held.depth -= 1
        return
    held = _OPEN[con] = _Open(owners=set(owners))
    con.begin()
    try:
        yield
        _bump_versions(con, held.owners)
        con.commit()
    except BaseException:
        _rollback(con)
        raise
    finally:
        del _OPEN[con]


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back, unless DuckDB already did: its error must not be hidden by a second one."""
    try:
        con.rollback()
    except duckdb.TransactionException as exc:
        if "no transaction is active" not in str(exc):
            raise


def _bump_versions(con: duckdb.DuckDBPyConnection, owners: Iterable[str]) -> None:
    """Move each owner's data version, in the write's own transaction, so every replica sees it."""
    for owner in sorted(owners):  # one order everywhere, so two writers never deadlock
        con.execute(
            "INSERT INTO data_versions (owner, version) VALUES (?, 1) "
            "ON CONFLICT (owner) DO UPDATE SET version = data_versions.version + 1",
            [owner],
        )


def data_version(con: duckdb.DuckDBPyConnection, owner: str) -> int:
    """How many write transactions have changed owner's data: compare it, never read into it."""
    row = con.execute("SELECT version FROM data_versions WHERE owner = ?", [owner]).fetchone()
    return int(row[0]) if row else 0


def _one_line(exc: duckdb.Error) -> Exception:
    """The error a person sees for a failed write: one line for a duplicate or a lost race."""
    if backends.is_unique_violation(exc):
        return Duplicate(f"that already exists ({_first_line(exc)}); nothing was saved")
    if backends.is_conflict(exc):
        return HuntError(BUSY)
    return exc


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, owners: Iterable[str] = ()) -> Iterator[None]:
    """All or nothing, in a `with` block; nested calls join the outer transaction.

    A block cannot be run again, so a write lost to a concurrent one ends in one line (BUSY)
    here; atomic() runs a function and retries it instead.
    """
    try:
        with _attempt(con, owners):
            yield
    except duckdb.Error as exc:
        if con in _OPEN:  # an inner block: the outer one decides
            raise
        raise _one_line(exc) from None


def atomic(con: duckdb.DuckDBPyConnection, work: Callable[[], T], owners: Iterable[str] = ()) -> T:
    """Run work in one transaction, again (bounded, with jitter) when a concurrent write won.

    A conflict is retried up to ATTEMPTS times; a duplicate key once, since work's own checks
    then see the row that won the race and say so as for any duplicate. Inside an open
    transaction work simply joins it, and the outermost caller retries.
    """
    if con in _OPEN:
        with _attempt(con, owners):
            return work()
    for attempt in range(ATTEMPTS):
        try:
            with _attempt(con, owners):
                return work()
        except duckdb.Error as exc:
            again = backends.is_conflict(exc) or (
                attempt == 0 and backends.is_unique_violation(exc)
            )
            if not again or attempt == ATTEMPTS - 1:
                raise _one_line(exc) from None
            backends.backoff(attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _write(method: Callable[Concatenate[Store, P], T]) -> Callable[Concatenate[Store, P], T]:
    """A Store method that writes: checks and writes in one retried transaction (atomic)."""

    @functools.wraps(method)
    def run(self: Store, *args: P.args, **kwargs: P.kwargs) -> T:
        self._writable()
        return atomic(self.con, lambda: method(self, *args, **kwargs), [self.owner])

    return run


def _first_line(exc: BaseException) -> str:
    """An error's first line."""
    return (str(exc).splitlines() or [""])[0]


class Database:
    """A DuckDB file or a PostgreSQL database with the Hunt schema; hands out owner Stores."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path
        self.postgres = backends.is_postgres(path)
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Database:
        """Open (creating and migrating if needed) the database at path, default_path() if None.

        path is a file, ":memory:" or a postgresql:// URL.
        """
        target = backends.locate(str(path)) if path else default_path()
        shown = backends.redact(target)
        postgres = backends.is_postgres(target)
        try:
            if not postgres and target != ":memory:":
                Path(target).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HuntError(f"cannot create the folder for database {target}: {exc}") from None
        try:
            con = backends.connect(target, read_only=read_only)
        except duckdb.IOException as exc:
            # DuckDB's words when another process holds the file's write lock; the path is
            # taken out first, so a folder named "lockers" is not mistaken for a lock.
            held = "could not set lock" in str(exc).replace(target, "").lower()
            if held and not postgres:
                pid = re.search(r"PID (\d+)", str(exc))
                who = f" (PID {pid.group(1)})" if pid else ""
                raise DatabaseBusy(
                    f"database {target} is in use by another process{who}; close it and retry"
                ) from None
            raise HuntError(f"cannot open database {shown}: {_first_line(exc)}") from None
        except duckdb.Error as exc:
            raise HuntError(f"cannot open database {shown}: {_first_line(exc)}") from None
        db = cls(con, target)
        try:
            if not read_only:
                db.migrate()
                if not db.postgres:
                    # DuckDB 1.5.5 cannot replay schema changes from its write-ahead log ("no
                    # default database set"), so a crash after a migration would lose the whole
                    # log: fold the schema into the file before anything else is written.
                    checkpoint(con)
            backends.lock_down(con)
        except BaseException:
            con.close()
            raise
        return db

    def close(self) -> None:
        """Close the file (or the PostgreSQL connection) so another process may open it."""
        self.con.close()

    def version(self) -> int:
        """The schema version applied, 0 for an empty database."""
        try:  # cheaper than information_schema, which loads PostgreSQL's whole catalog
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0] or 0) if row else 0

    def migrate(self, target: int | None = None) -> int:
        """Apply pending migrations up to target (default all), each in its own transaction.

        On PostgreSQL two replicas may start together: one applies a migration, the other's
        attempt fails on the tables it finds, and it goes on once the version shows it applied.
        """
        with self._lock:
            current = self.version()
            if current == 0:
                with transaction(self.con):
                    backends.run_ddl(
                        self.con,
                        self.postgres,
                        "CREATE TABLE IF NOT EXISTS schema_version "
                        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                        "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)",
                    )
            for version, name, sql in migrations():
                if version <= current or (target is not None and version > target):
                    continue
                try:
                    with transaction(self.con):
                        backends.run_ddl(self.con, self.postgres, sql)
                        self.con.execute(
                            "INSERT INTO schema_version (version, name, applied_at) "
                            "VALUES (?, ?, current_timestamp)",
                            [version, name],
                        )
                except (HuntError, duckdb.Error):
                    if not self.postgres or self.version() < version:
                        raise
                current = version
            return current

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own for one thread (Streamlit session threads, workers)."""
        cur = self.con.cursor()
        if self.postgres:
            cur.execute(f"USE {backends.CATALOG}")  # each cursor starts on DuckDB's memory
        return cur

    def store(
        self, owner: str = LOCAL_USER, *, con: duckdb.DuckDBPyConnection | None = None
    ) -> Store:
        """An owner-scoped Store, creating the user row on first use."""
        store = Store(con or self.con, owner)
        store.ensure_user()
        return store

    # -- cohorts (operator level: whoever holds the Database holds the file) -------------

    def cohorts(self, con: duckdb.DuckDBPyConnection | None = None) -> Cohorts:
        """The rights-checked cohort API over one connection (a cursor per session thread)."""
        return Cohorts(con or self.con)

    def reserve_ids(self, table: str, count: int) -> list[int]:
        """count fresh ids for companies, contacts, touches or chats, for bulk loads."""
        return backends.next_ids(self.con, self.postgres, _SEQUENCES[table], count)

    def bulk_load(self, tables: Mapping[str, Sequence[dict[str, Any]]]) -> None:
        """Insert rows of many owners (each row names its owner) in one transaction: demos."""
        if set(tables) - set(_OWNED):
            raise ValueError(f"bulk load into {sorted(set(tables) - set(_OWNED))} is not allowed")
        owners = {row["owner"] for rows in tables.values() for row in rows}
        with transaction(self.con, owners):
            for table, rows in tables.items():
                _bulk_insert(self.con, table, rows)
        checkpoint(self.con)

    def replay_touches(self, copies: int, days: int) -> int:
        """Repeat every student's touches copies times, each copy days further back: history."""
        with transaction(self.con):
            self.con.execute(
                "INSERT INTO touches (owner, contact_id, kind, channel, happened_at, text) "
                "SELECT t.owner, t.contact_id, t.kind, t.channel, "
                "t.happened_at - to_days(CAST(n.i * ? AS INTEGER)), t.text "
                "FROM touches t JOIN members m ON m.owner = t.owner AND m.role = 'student', "
                "range(1, ? + 1) n(i)",
                [days, copies],
            )
        row = self.con.execute("SELECT count(*) FROM touches").fetchone()
        return int(row[0]) if row else 0


class Store:
    """Every query for one owner; nothing here can read or write another owner's rows."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, owner: str, *, read_only: bool = False
    ) -> None:
        if not owner:
            raise InvalidInput("user must not be empty")
        self.con = con
        self.owner = owner
        self.read_only = read_only

    # -- plumbing ------------------------------------------------------------------------

    def transaction(self) -> AbstractContextManager[None]:
        """All or nothing, in a `with` block; nested calls join the outer one.

        The write methods inside move this owner's data version; a block that only reads
        (a consistent export) leaves it.
        """
        self._writable()
        return transaction(self.con)

    def atomic(self, work: Callable[[], T]) -> T:
        """Run a write of several steps in one transaction, retried when a concurrent one won."""
        self._writable()
        return atomic(self.con, work, [self.owner])

    def data_version(self) -> int:
        """A number that moves with every committed write of this owner's data, on any replica."""
        return data_version(self.con, self.owner)

    def _writable(self) -> None:
        """Refuse any write through a read-only store (an instructor viewing a student)."""
        if self.read_only:
            raise PermissionDenied("this hunt is read-only for you: only its owner can change it")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, [self.owner, *params]).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        return self.con.execute(sql, [self.owner, *params]).fetchone()

    def _fetch(
        self, model: type[M], where: str = "", params: Sequence[Any] = (), order: str = "id"
    ) -> list[M]:
        """This owner's rows of one model's table (where and order are fixed SQL, not input)."""
        entry: tuple[str, list[str]] = _TABLES[model]
        table, names = entry[0], ["id", *entry[1]]
        rows = self._rows(
            f"SELECT {', '.join(names)} FROM {table} WHERE owner = ? {where} ORDER BY {order}",
            params,
        )
        return [model(**dict(zip(names, r, strict=True))) for r in rows]

    def ensure_user(self, name: str = "") -> None:
        """Create this owner's user row if it is missing."""
        self._writable()
        self.con.execute(
            "INSERT INTO users (id, name, created_at) VALUES (?, ?, current_timestamp) "
            "ON CONFLICT DO NOTHING",
            [self.owner, name],
        )

    @_write
    def bulk_insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert many rows of this owner at once (executemany is slow)."""
        self._writable()
        if table not in _OWNED:
            raise ValueError(f"bulk insert into {table!r} is not allowed")
        _bulk_insert(self.con, table, [{**row, "owner": self.owner} for row in rows])

    # -- profile -------------------------------------------------------------------------

    def profile(self) -> Profile:
        """This owner's profile, or an empty one (with the guide's default stack)."""
        row = self._one(f"SELECT {', '.join(_PROFILE)} FROM profiles WHERE owner = ?")
        return Profile(**dict(zip(_PROFILE, row, strict=True))) if row else Profile()

    @_write
    def save_profile(self, profile: Profile) -> None:
        """Create or replace this owner's profile."""
        values = asdict(profile)
        cols = ", ".join(_PROFILE)
        marks = ", ".join("?" for _ in _PROFILE)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _PROFILE)
        with self.transaction():
            self.con.execute(
                f"INSERT INTO profiles (owner, {cols}) VALUES (?, {marks}) "
                f"ON CONFLICT (owner) DO UPDATE SET {updates}",
                [self.owner, *[values[c] for c in _PROFILE]],
            )

    # -- companies -----------------------------------------------------------------------

    def companies(self) -> list[Company]:
        """Every company of this owner, by name."""
        return self._fetch(Company, order="name_key")

    def company(self, name: str) -> Company:
        """The company with this name (any case), or NotFound."""
        found = self._fetch(Company, "AND name_key = ?", [name_key(name)])
        if not found:
            raise NotFound(f"no company named {name!r}; add it first (hunt company add)")
        return found[0]

    def company_by_id(self, company_id: int) -> Company:
        """The company with this id, or NotFound."""
        found = self._fetch(Company, "AND id = ?", [company_id])
        if not found:
            raise NotFound(f"no company with id {company_id}")
        return found[0]

    def add_company(self, company: Company) -> Company:
        """Insert a new company; a name already used raises InvalidInput."""
        return self.add_companies([company])[0]

    @_write
    def add_companies(self, companies: Sequence[Company]) -> list[Company]:
        """Insert companies in one transaction; any duplicate name writes nothing."""
        seen: dict[str, str] = {}
        existing = {k for (k,) in self._rows("SELECT name_key FROM companies WHERE owner = ?")}
        for c in companies:
            key = name_key(c.name)
            if not key:
                raise InvalidInput("company name must not be empty")
            if key in existing or key in seen:
                raise InvalidInput(f"company {c.name!r} already exists")
            seen[key] = c.name
        now = dt.datetime.now()
        rows = [
            {
                **_values(c, _COMPANY),
                "name_key": name_key(c.name),
                "created_at": c.created_at or now,
            }
            for c in companies
        ]
        with self.transaction():
            self.bulk_insert("companies", rows)
            ids = dict(
                self._rows(
                    "SELECT name_key, id FROM companies WHERE owner = ? AND name_key IN "
                    "(SELECT unnest(?::VARCHAR[]))",
                    [list(seen)],
                )
            )
        for c in companies:
            c.id = ids[name_key(c.name)]
        return list(companies)

    @_write
    def update_company(self, company: Company) -> None:
        """Save every attribute of an existing company."""
        if company.id is None:
            raise NotFound("company has no id; add it first")
        key = name_key(company.name)
        clash = self._one(
            "SELECT name FROM companies WHERE owner = ? AND name_key = ? AND id <> ?",
            [key, company.id],
        )
        if clash:
            raise InvalidInput(f"company {company.name!r} already exists")
        self.company_by_id(company.id)
        cols = [c for c in _COMPANY if c != "created_at"]
        sets = ", ".join(f"{c} = ?" for c in cols)
        with self.transaction():
            self.con.execute(
                f"UPDATE companies SET {sets}, name_key = ? WHERE owner = ? AND id = ?",
                [*[getattr(company, c) for c in cols], key, self.owner, company.id],
            )

    @_write
    def delete_company(self, company_id: int) -> None:
        """Remove a company with its people, their touches and chats."""
        with self.transaction():
            people = "SELECT id FROM contacts WHERE owner = ? AND company_id = ?"
            for table in ("touches", "chats"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE owner = ? AND contact_id IN ({people})",
                    [self.owner, self.owner, company_id],
                )
            self.con.execute(
                "DELETE FROM contacts WHERE owner = ? AND company_id = ?", [self.owner, company_id]
            )
            self.con.execute(
                "DELETE FROM postings WHERE owner = ? AND company_id = ?", [self.owner, company_id]
            )
            self.con.execute(
                "UPDATE connections SET company_id = NULL WHERE owner = ? AND company_id = ?",
                [self.owner, company_id],
            )
            self.con.execute(
                "DELETE FROM company_aliases WHERE owner = ? AND company_id = ?",
                [self.owner, company_id],
            )
            self.con.execute(
                "DELETE FROM companies WHERE owner = ? AND id = ?", [self.owner, company_id]
            )

    # -- contacts ------------------------------------------------------------------------

    def contacts(self, company_id: int | None = None) -> list[Contact]:
        """This owner's contacts, optionally at one company, by name."""
        where, params = ("AND company_id = ?", [company_id]) if company_id is not None else ("", [])
        return self._fetch(Contact, where, params, order="name_key, id")

    def contact(self, company: Company, name: str) -> Contact:
        """The person with this name at company, or NotFound."""
        found = self._fetch(
            Contact, "AND company_id = ? AND name_key = ?", [company.id, name_key(name)]
        )
        if not found:
            raise NotFound(f"no person named {name!r} at {company.name}; add them first")
        return found[0]

    def contact_by_id(self, contact_id: int) -> Contact:
        """The contact with this id, or NotFound."""
        found = self._fetch(Contact, "AND id = ?", [contact_id])
        if not found:
            raise NotFound(f"no person with id {contact_id}")
        return found[0]

    @_write
    def add_contacts(self, contacts: Sequence[Contact]) -> list[Contact]:
        """Insert people in one transaction; a duplicate at the same company writes nothing."""
        companies = {c.id for c in self.companies()}
        existing = set(self._rows("SELECT company_id, name_key FROM contacts WHERE owner = ?"))
        for c in contacts:
            key = (c.company_id, name_key(c.name))
            if c.company_id not in companies:
                raise NotFound(f"no company with id {c.company_id}")
            if not key[1]:
                raise InvalidInput("a person's name must not be empty")
            if key in existing:
                raise InvalidInput(f"{c.name!r} is already listed at that company")
            existing.add(key)
        now = dt.datetime.now()
        rows = [
            {
                **_values(c, _CONTACT),
                "name_key": name_key(c.name),
                "created_at": c.created_at or now,
            }
            for c in contacts
        ]
        with self.transaction():
            self.bulk_insert("contacts", rows)
            ids = {
                (cid, key): i
                for i, cid, key in self._rows(
                    "SELECT id, company_id, name_key FROM contacts WHERE owner = ?"
                )
            }
        for c in contacts:
            c.id = ids[(c.company_id, name_key(c.name))]
        return list(contacts)

    def add_contact(self, contact: Contact) -> Contact:
        """Insert one person."""
        return self.add_contacts([contact])[0]

    @_write
    def update_contact(self, contact: Contact) -> None:
        """Save every attribute of an existing person."""
        if contact.id is None:
            raise NotFound("person has no id; add them first")
        key = name_key(contact.name)
        clash = self._one(
            "SELECT id FROM contacts "
            "WHERE owner = ? AND company_id = ? AND name_key = ? AND id <> ?",
            [contact.company_id, key, contact.id],
        )
        if clash:
            raise InvalidInput(f"{contact.name!r} is already listed at that company")
        self.contact_by_id(contact.id)
        cols = [c for c in _CONTACT if c != "created_at"]
        sets = ", ".join(f"{c} = ?" for c in cols)
        with self.transaction():
            self.con.execute(
                f"UPDATE contacts SET {sets}, name_key = ? WHERE owner = ? AND id = ?",
                [*[getattr(contact, c) for c in cols], key, self.owner, contact.id],
            )

    @_write
    def delete_contact(self, contact_id: int) -> None:
        """Remove a person with their touches and chat."""
        with self.transaction():
            for table, column in (
                ("touches", "contact_id"),
                ("chats", "contact_id"),
                ("contacts", "id"),
            ):
                self.con.execute(
                    f"DELETE FROM {table} WHERE owner = ? AND {column} = ?",
                    [self.owner, contact_id],
                )

    # -- touches and chats ---------------------------------------------------------------

    @_write
    def add_touches(self, touches: Sequence[Touch]) -> None:
        """Record outreach events in one transaction."""
        known = {i for (i,) in self._rows("SELECT id FROM contacts WHERE owner = ?")}
        for t in touches:
            if t.contact_id not in known:
                raise NotFound(f"no person with id {t.contact_id}")
        with self.transaction():
            self.bulk_insert("touches", [_values(t, _TOUCH) for t in touches])

    def add_touch(self, touch: Touch) -> None:
        """Record one outreach event."""
        self.add_touches([touch])

    def touches(self, contact_id: int | None = None) -> list[Touch]:
        """Touches, oldest first, optionally for one person."""
        where, params = ("AND contact_id = ?", [contact_id]) if contact_id is not None else ("", [])
        return self._fetch(Touch, where, params, order="happened_at, id")

    def activity(self) -> dict[int, dict[str, Any]]:
        """Per person, the dates that decide their outreach state, aggregated in one query."""
        rows = self._rows(
            """
            SELECT contact_id,
                min(happened_at) FILTER (WHERE list_contains($2, kind)),
                max(happened_at) FILTER (WHERE kind = 'follow-up'),
                max(happened_at) FILTER (WHERE list_contains($3, kind)),
                max(happened_at) FILTER (WHERE kind = 'chat-scheduled'),
                max(happened_at) FILTER (WHERE kind = 'chat-held'),
                max(happened_at) FILTER (WHERE kind = 'thank-you'),
                max(happened_at) FILTER (WHERE kind = 'referral'),
                max(happened_at)
            FROM touches WHERE owner = $1 GROUP BY contact_id
            """,
            [sorted(OUTREACH_KINDS), sorted(ANSWER_KINDS)],
        )
        keys = ("first_outreach", "follow_up", "answer", "chat_scheduled", "chat_held",
                "thank_you", "referral", "last")  # fmt: skip
        return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in rows}

    def notes_used(self, since: dt.datetime, until: dt.datetime) -> int:
        """Personalised LinkedIn notes sent in [since, until)."""
        row = self._one(
            "SELECT count(*) FROM touches WHERE owner = ? AND channel = 'linkedin-note' "
            "AND happened_at >= ? AND happened_at < ?",
            [since, until],
        )
        return int(row[0]) if row else 0

    def chats(self) -> list[Chat]:
        """Every chat of this owner."""
        return self._fetch(Chat, order="scheduled_for, id")

    def chat(self, contact_id: int) -> Chat | None:
        """The chat with one person, if any."""
        found = self._fetch(Chat, "AND contact_id = ?", [contact_id])
        return found[0] if found else None

    @_write
    def save_chat(self, chat: Chat) -> None:
        """Create or replace the chat with one person."""
        self.contact_by_id(chat.contact_id)
        values = _values(chat, _CHAT)
        cols = ", ".join(_CHAT)
        marks = ", ".join("?" for _ in _CHAT)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _CHAT if c != "contact_id")
        with self.transaction():
            # PostgreSQL through DuckDB: an ON CONFLICT insert names every defaulted column.
            (fresh,) = backends.next_ids(self.con, backends.on_postgres(self.con), "chat_ids", 1)
            self.con.execute(
                f"INSERT INTO chats (id, owner, {cols}) VALUES (?, ?, {marks}) "
                f"ON CONFLICT (owner, contact_id) DO UPDATE SET {updates}",
                [fresh, self.owner, *values.values()],
            )

    # -- job-board postings and LinkedIn connections -------------------------------------

    def postings(self, company_id: int | None = None) -> list[Posting]:
        """Postings, optionally of one company, newest first."""
        where, params = ("AND company_id = ?", [company_id]) if company_id is not None else ("", [])
        return self._fetch(
            Posting, where, params, order="company_id, posted_at DESC NULLS LAST, title, id"
        )

    @_write
    def replace_postings(self, company_id: int, source: str, postings: Sequence[Posting]) -> None:
        """Make a company's postings from one board exactly these, in one transaction."""
        self.company_by_id(company_id)
        with self.transaction():
            self.con.execute(
                "DELETE FROM postings WHERE owner = ? AND company_id = ? AND source = ?",
                [self.owner, company_id, source],
            )
            self.bulk_insert("postings", [_values(p, _POSTING) for p in postings])

    def connections(self, *, linked_only: bool = False) -> list[Connection]:
        """LinkedIn connections by name; linked_only: just those at a target company."""
        linked = "AND company_id IS NOT NULL" if linked_only else ""
        return self._fetch(Connection, linked, order="lower(first_name), lower(last_name), id")

    @_write
    def save_connections(self, connections: Sequence[Connection]) -> tuple[int, int]:
        """Add new connections and update changed ones (matched on person_key): (added, updated)."""
        keys = [c.person_key for c in connections]
        if len(set(keys)) != len(keys):
            raise InvalidInput("the same connection appears twice in one import")
        held = {c.person_key: c for c in self.connections()}
        fresh = [c for c in connections if c.person_key not in held]
        changed = []
        for c in connections:
            old = held.get(c.person_key)
            if old is not None and _values(old, _CONNECTION) != _values(c, _CONNECTION):
                c.id = old.id
                changed.append(c)
        with self.transaction():
            if changed:
                self.con.execute(
                    "DELETE FROM connections WHERE owner = ? AND id IN (SELECT unnest(?))",
                    [self.owner, [c.id for c in changed]],
                )
                self.bulk_insert(
                    "connections", [{"id": c.id, **_values(c, _CONNECTION)} for c in changed]
                )
            self.bulk_insert("connections", [_values(c, _CONNECTION) for c in fresh])
        return len(fresh), len(changed)

    @_write
    def link_connections(self, company_of: dict[int, int | None]) -> None:
        """Set which target company each connection (by id) works at, None for none."""
        if not company_of:
            return
        with self.transaction():
            self.con.execute(
                "UPDATE connections SET company_id = m.cid FROM "
                "(SELECT unnest(?::BIGINT[]) AS id, unnest(?::BIGINT[]) AS cid) AS m "
                "WHERE connections.owner = ? AND connections.id = m.id",
                [list(company_of), list(company_of.values()), self.owner],
            )

    def company_aliases(self) -> list[tuple[int, str]]:
        """(company id, spelling) of every other name of a target the owner confirmed."""
        return [
            (int(cid), str(alias))
            for cid, alias in self._rows(
                "SELECT company_id, alias FROM company_aliases WHERE owner = ? ORDER BY alias_key"
            )
        ]

    def add_company_alias(self, company_id: int, alias: str) -> None:
        """Confirm that a spelling (and every spelling with its normalised key) means a target."""
        alias_key = compact_key(alias)
        if not alias_key:
            raise InvalidInput(f"alias {alias!r} has no letters or digits")
        with self.transaction():
            self.con.execute(
                "INSERT INTO company_aliases VALUES (?, ?, ?, ?) ON CONFLICT (owner, alias_key) "
                "DO UPDATE SET company_id = excluded.company_id, alias = excluded.alias",
                [self.owner, company_id, alias_key, alias],
            )

    # -- preferences ---------------------------------------------------------------------

    def weights(self) -> dict[str, float]:
        """The weights this owner set, by criterion key."""
        return dict(self._rows("SELECT criterion, weight FROM weights WHERE owner = ?"))

    @_write
    def set_weight(self, criterion: str, weight: float) -> None:
        """Store one criterion weight for this owner."""
        with self.transaction():
            self.con.execute(
                "INSERT INTO weights VALUES (?, ?, ?) "
                "ON CONFLICT (owner, criterion) DO UPDATE SET weight = excluded.weight",
                [self.owner, criterion, weight],
            )

    def snoozed(self, now: dt.datetime) -> set[str]:
        """Keys of next steps snoozed past now."""
        return {k for (k,) in self._rows(
            "SELECT step_key FROM snoozes WHERE owner = ? AND until > ?", [now]
        )}  # fmt: skip

    @_write
    def snooze(self, step_key: str, until: dt.datetime) -> None:
        """Hide a next step until a time."""
        with self.transaction():
            self.con.execute(
                "INSERT INTO snoozes VALUES (?, ?, ?) "
                "ON CONFLICT (owner, step_key) DO UPDATE SET until = excluded.until",
                [self.owner, step_key, until],
            )

    # -- cohorts: instructor comments, peers, placements ---------------------------------

    def comments(self, *, unseen: bool = False) -> list[Comment]:
        """Instructor comments on this owner's list, oldest first; unseen: only new ones."""
        rows = self._rows(
            "SELECT m.id, coalesce(a.name, ''), m.company_id, c.name, m.text, m.created_at, "
            "m.seen_at FROM comments m LEFT JOIN members a ON a.owner = m.author "
            "LEFT JOIN companies c ON c.owner = m.owner AND c.id = m.company_id "
            "WHERE m.owner = ? AND (m.company_id IS NULL OR c.id IS NOT NULL) "
            "AND (NOT ? OR m.seen_at IS NULL) ORDER BY m.created_at, m.id",
            [unseen],
        )
        return [Comment(*r) for r in rows]

    @_write
    def mark_comments_seen(self, ids: Sequence[int], now: dt.datetime) -> None:
        """Note that this owner has read these comments."""
        with self.transaction():
            self.con.execute(
                "UPDATE comments SET seen_at = ? WHERE owner = ? AND seen_at IS NULL "
                "AND id IN (SELECT unnest(?::BIGINT[]))",
                [now, self.owner, list(ids)],
            )

    def peer_counts(self) -> dict[str, int]:
        """name_key -> how many other students of this student's cohort target that company.

        Empty (unknown) unless this owner is a student of a cohort of at least MIN_GROUP
        students, so a count never points at one classmate.
        """
        rows = backends.query(
            self.con,
            backends.on_postgres(self.con),
            """
            WITH mine AS (
                SELECT mc.cohort FROM members m JOIN member_cohorts mc ON mc.owner = m.owner
                WHERE m.owner = $owner AND m.role = 'student' AND m.active
            ), peers AS (
                SELECT mc.owner FROM member_cohorts mc JOIN members m ON m.owner = mc.owner
                WHERE mc.cohort IN (SELECT cohort FROM mine) AND m.role = 'student' AND m.active
            )
            SELECT k.name_key, count(DISTINCT c.owner)
            FROM companies k LEFT JOIN companies c ON c.name_key = k.name_key
                AND c.owner <> $owner AND c.owner IN (SELECT owner FROM peers)
            WHERE k.owner = $owner AND (SELECT count(*) FROM peers) >= $least
            GROUP BY k.name_key
            """,
            {"owner": self.owner, "least": MIN_GROUP},
        )
        return dict(rows)

    def placements(self, program: str) -> dict[str, tuple[int, int, int]]:
        """name_key of this owner's companies -> (grads of program placed, first, last year)."""
        rows = self._rows(
            "SELECT company_key, count(*), min(year), max(year) FROM placements "
            "WHERE company_key IN (SELECT name_key FROM companies WHERE owner = ?) "
            "AND program_key = ? GROUP BY company_key",
            [name_key(program)],
        )
        return {key: (n, first, last) for key, n, first, last in rows}


def _values(obj: Any, columns: list[str]) -> dict[str, Any]:
    """The named attributes of a dataclass instance as a dict."""
    return {c: getattr(obj, c) for c in columns}


def _bulk_insert(
    con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict[str, Any]]
) -> None:
    """Insert many rows (table and column names from the store, never input) via Arrow.

    No file is involved, so this works with DuckDB's external access switched off; the
    insert casts each column to the table's type, so ISO text for a date or time is read as one.
    """
    if not rows:
        return
    import pyarrow as pa  # ~100 ms to import: only bulk writes need it

    names = list(rows[0])
    data = pa.table({n: _arrow_column(pa, [row[n] for row in rows]) for n in names})
    view = f"hunt_rows_{threading.get_ident()}"  # one per thread: cursors share the name space
    con.register(view, data)
    try:
        cols = ", ".join(names)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}")
    finally:
        con.unregister(view)


def _arrow_column(pa: Any, values: list[Any]) -> Any:
    """One column for Arrow: as it is, or as text when its values mix types (text and dates)."""
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in values], pa.string())


# -- cohorts ---------------------------------------------------------------------------------

# The cross-student queries below are portable SQL (DuckDB and PostgreSQL read them alike) run
# through backends.query, so on PostgreSQL they run there. Rows are sorted in Python, because
# PostgreSQL's collation need not sort names as DuckDB does.
# {where} is a fixed condition written in the methods below, never user input.
_MEMBERS = """
    SELECT m.owner, m.email, m.name, m.role,
        array_agg(mc.cohort ORDER BY mc.cohort) FILTER (WHERE mc.cohort IS NOT NULL),
        m.alias, m.opt_out
    FROM members m LEFT JOIN member_cohorts mc ON mc.owner = m.owner
    WHERE {where}
    GROUP BY m.owner, m.email, m.name, m.role, m.alias, m.opt_out
"""
_IN_COHORTS = "m.owner IN (SELECT owner FROM member_cohorts WHERE cohort = ANY($cohorts))"

# One query per board (parameters, never formatting). Grouping by (owner, kind) and keeping
# the per-person work to people with a follow-up keeps 3,000,000 touches near 100 ms.
_LEADERBOARD = """
WITH roster AS (
    SELECT m.owner, CASE WHEN m.alias <> '' THEN m.alias ELSE m.name END AS name, mc.cohort
    FROM members m JOIN member_cohorts mc ON mc.owner = m.owner
    WHERE m.role = 'student' AND m.active AND NOT m.opt_out
        AND ($cohort IS NULL OR mc.cohort = $cohort)
), kinds AS (
    SELECT owner, kind, count(*) AS n FROM touches
    WHERE happened_at >= $since AND happened_at < $until
    GROUP BY owner, kind
), counts AS (
    SELECT owner,
        CAST(sum(n) FILTER (WHERE kind = ANY($outreach)) AS BIGINT) AS sent,
        CAST(sum(n) FILTER (WHERE kind = 'chat-held') AS BIGINT) AS held,
        CAST(sum(n) FILTER (WHERE kind = 'thank-you') AS BIGINT) AS thanked,
        CAST(sum(n) FILTER (WHERE kind = 'referral') AS BIGINT) AS referred
    FROM kinds GROUP BY owner
), followed AS (
    -- a follow-up is on time up to a week after it fell due (ON_TIME_DAYS after the first message)
    SELECT contact_id, min(owner) AS owner, min(happened_at) AS stamp FROM touches
    WHERE kind = 'follow-up' AND happened_at >= $since AND happened_at < $until
    GROUP BY contact_id
), on_time AS (
    SELECT f.owner, count(*) AS n FROM followed f JOIN (
        SELECT contact_id, min(happened_at) AS first FROM touches
        WHERE kind = ANY($outreach) AND contact_id IN (SELECT contact_id FROM followed)
        GROUP BY contact_id
    ) o ON o.contact_id = f.contact_id
    WHERE f.stamp >= o.first AND f.stamp <= o.first + $on_time * INTERVAL '1 day'
    GROUP BY f.owner
), mixes AS (
    -- roles as bits: 7 = developer, manager and recruiter; `before` is the mix at the window start
    SELECT owner, count(*) AS complete FROM (
        SELECT min(owner) AS owner,
            bit_or(CASE role WHEN 'developer' THEN 1 WHEN 'manager' THEN 2
                WHEN 'recruiter' THEN 4 ELSE 0 END) FILTER (WHERE created_at < $until) AS mix,
            bit_or(CASE role WHEN 'developer' THEN 1 WHEN 'manager' THEN 2
                WHEN 'recruiter' THEN 4 ELSE 0 END) FILTER (WHERE created_at < $since) AS before
        FROM contacts GROUP BY company_id
    ) AS per_company WHERE mix = 7 AND coalesce(before, 0) <> 7 GROUP BY owner
)
SELECT r.name, r.cohort, coalesce(c.sent, 0) AS sent, coalesce(f.n, 0) AS on_time,
    coalesce(c.held, 0) AS held, coalesce(c.thanked, 0) AS thanked,
    coalesce(x.complete, 0) AS complete, coalesce(c.referred, 0) AS referred
FROM roster r LEFT JOIN counts c ON c.owner = r.owner LEFT JOIN on_time f ON f.owner = r.owner
    LEFT JOIN mixes x ON x.owner = r.owner
"""


class Cohorts:
    """The roster, sign-in, rights and cohort-wide reads over one connection.

    Every method that acts for someone takes the acting Member and re-reads it from the roster,
    so rights always follow the current roster, never a stale object.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def _query(self, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """A query across students, run where the data lives (see backends.query)."""
        return backends.query(self.con, backends.on_postgres(self.con), sql, params)

    def _members(self, where: str, params: Mapping[str, Any] | None = None) -> list[Member]:
        """Active members matching one fixed condition."""
        return self._members_any(f"m.active AND {where}", params)

    def _members_any(self, where: str, params: Mapping[str, Any] | None = None) -> list[Member]:
        """Members matching one fixed condition, removed ones too, by name and email."""
        rows = self._query(_MEMBERS.format(where=where), params or {})
        found = [Member(o, e, n, r, tuple(c or ()), a, x) for o, e, n, r, c, a, x in rows]
        return sorted(found, key=lambda m: (m.name, m.email))

    def _fresh(self, actor: Member) -> Member:
        """The actor as the roster has them now; PermissionDenied when no longer on it."""
        if actor is OPERATOR:
            return actor
        member = self.member(actor.owner)
        if member is None:
            raise PermissionDenied("you are not on the roster; ask your instructor")
        return member

    def _own(self, actor: Member) -> Member:
        """The actor, who must be a roster member (not the operator)."""
        member = self._fresh(actor)
        if member is OPERATOR:
            raise PermissionDenied("only people on the roster have a roster row")
        return member

    # -- the roster ----------------------------------------------------------------------

    def has_roster(self) -> bool:
        """True once anyone was ever put on the roster: cohort mode."""
        rows = self._query("SELECT count(*) FROM members", {})
        return bool(rows and rows[0][0])

    def member(self, owner: str) -> Member | None:
        """The active member with this data key."""
        found = self._members("m.owner = $owner", {"owner": owner})
        return found[0] if found else None

    def member_by_email(self, email: str) -> Member | None:
        """The active member with this email (any case)."""
        found = self._members("m.email = $email", {"email": email.strip().lower()})
        return found[0] if found else None

    def roster(self, actor: Member) -> list[Member]:
        """Admins: everyone; instructors: the members of their cohorts; students: refused."""
        viewer = self._fresh(actor)
        if viewer.role == "admin":
            return self._members("true")
        if viewer.role == "instructor":
            return self._members(_IN_COHORTS, {"cohorts": list(viewer.cohorts)})
        raise PermissionDenied("only instructors and admins see the roster")

    def students(self, actor: Member) -> list[Member]:
        """The students whose hunts actor may read: an instructor's cohorts, else none."""
        viewer = self._fresh(actor)
        if viewer.role != "instructor":
            return []
        return self._members(
            f"m.role = 'student' AND {_IN_COHORTS}", {"cohorts": list(viewer.cohorts)}
        )

    def import_roster(
        self, actor: Member, rows: Sequence[RosterRow], now: dt.datetime
    ) -> tuple[int, int]:
        """Add or update members by email, all or nothing: (added, updated).

        Admins may list anyone; instructors only students of their own cohorts. A member's
        data key is set when first added and kept when their name, role or cohort changes.
        """
        viewer = self._fresh(actor)
        emails = [r.email for r in rows]
        if len(set(emails)) != len(emails):
            raise InvalidInput("the same email appears twice in one roster import")
        known = dict(
            self.con.execute(
                "SELECT email, owner FROM members WHERE list_contains(?, email)",
                [[r.email for r in rows]],
            ).fetchall()
        )
        if viewer.role != "admin":
            self._check_instructor_rows(viewer, rows, known)
        owners = [known.get(r.email, r.email) for r in rows]
        # Every member's view of the cohort changes with it, so their data versions move.
        with transaction(self.con, owners):
            # PostgreSQL through DuckDB: an ON CONFLICT insert names every defaulted column.
            self.con.execute(
                "INSERT INTO members (owner, email, name, role, added_at, alias, opt_out, active) "
                "SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                "unnest(?::VARCHAR[]), ?, '', false, true ON CONFLICT (owner) DO UPDATE SET "
                "name = excluded.name, role = excluded.role, active = true",
                [owners, [r.email for r in rows], [r.name for r in rows],
                 [r.role for r in rows], now],
            )  # fmt: skip
            self.con.execute("DELETE FROM member_cohorts WHERE list_contains(?, owner)", [owners])
            pairs = [(o, c) for o, r in zip(owners, rows, strict=True) for c in r.cohorts]
            self.con.execute(
                "INSERT INTO member_cohorts SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                [[o for o, _ in pairs], [c for _, c in pairs]],
            )
        added = sum(1 for r in rows if r.email not in known)
        return added, len(rows) - added

    def _check_instructor_rows(
        self, viewer: Member, rows: Sequence[RosterRow], known: dict[str, str]
    ) -> None:
        """Instructors add and change students of their own cohorts, nobody else."""
        if viewer.role != "instructor":
            raise PermissionDenied("only instructors and admins import the roster")
        mine = set(viewer.cohorts)
        held = {
            m.owner: m
            for m in self._members_any("m.owner = ANY($owners)", {"owners": list(known.values())})
        }
        for row in rows:
            old = held.get(known.get(row.email, ""))
            ours = row.role == "student" and set(row.cohorts) <= mine
            if not ours or (old and not (old.role == "student" and set(old.cohorts) <= mine)):
                raise PermissionDenied(
                    f"row {row.line}: instructors list students of their own cohorts only "
                    f"({', '.join(viewer.cohorts)})"
                )

    def remove_member(self, actor: Member, email: str) -> None:
        """Take someone off the roster (their data stays; re-adding them restores it)."""
        viewer = self._fresh(actor)
        target = self.member_by_email(email)
        if target is None:
            raise NotFound(f"{email} is not on the roster")
        if viewer.role != "admin" and not may_comment(viewer, target):
            raise PermissionDenied("only admins, or instructors of a student's cohort, remove")
        with transaction(self.con, [target.owner]):
            self.con.execute("UPDATE members SET active = false WHERE owner = ?", [target.owner])

    def set_alias(self, actor: Member, alias: str) -> str:
        """Set (or with '' clear) the name the actor shows on leaderboards."""
        me = self._own(actor)
        text = clean_alias(alias)
        taken = self.con.execute(
            "SELECT count(*) FROM members WHERE owner <> ? "
            "AND (lower(alias) = lower(?) OR lower(name) = lower(?))",
            [me.owner, text, text],
        ).fetchone()
        if text and taken and taken[0]:
            raise InvalidInput(f"the name {text!r} is taken on the roster; pick another")
        with transaction(self.con, [me.owner]):
            self.con.execute("UPDATE members SET alias = ? WHERE owner = ?", [text, me.owner])
        return text

    def set_opt_out(self, actor: Member, opt_out: bool) -> None:
        """Leave (True) or rejoin (False) the leaderboards."""
        me = self._own(actor)
        with transaction(self.con, [me.owner]):
            self.con.execute("UPDATE members SET opt_out = ? WHERE owner = ?", [opt_out, me.owner])

    # -- sign-in -------------------------------------------------------------------------

    def member_for_identity(
        self,
        issuer: str,
        subject: str,
        email: str | None,
        *,
        email_verified: bool,
        now: dt.datetime | None = None,
    ) -> Member | None:
        """Who an OIDC sign-in is: by (issuer, subject) once bound, else None if not allowed.

        The first sign-in binds the member whose roster email matches the email, which the
        provider must have verified (its email_verified claim; no default, so a caller must
        decide); later ones ignore the email. A member already bound to another sign-in is not
        taken over by a new one with the same email (an admin may unbind them).
        """
        if not issuer or not subject:
            return None
        row = self.con.execute(
            "SELECT owner FROM identities WHERE issuer = ? AND subject = ?", [issuer, subject]
        ).fetchone()
        if row:
            return self.member(row[0])
        member = self.member_by_email(email or "") if email_verified and email else None
        if member is None:
            return None
        try:
            self.con.execute(
                "INSERT INTO identities VALUES (?, ?, ?, ?, ?)",
                [issuer, subject, member.owner, member.email, now or dt.datetime.now()],
            )
        except duckdb.Error as exc:
            if not backends.is_unique_violation(exc):
                raise
            return None  # this member signs in with another identity
        return member

    def unbind(self, actor: Member, email: str) -> None:
        """Let a member bind a new sign-in (a lost account): admins only."""
        if self._fresh(actor).role != "admin":
            raise PermissionDenied("only admins reset a member's sign-in")
        target = self.member_by_email(email)
        if target is None:
            raise NotFound(f"{email} is not on the roster")
        self.con.execute("DELETE FROM identities WHERE owner = ?", [target.owner])

    # -- access --------------------------------------------------------------------------

    def open_for(self, actor: Member, owner: str | None = None) -> Store:
        """The actor's own Store, or read-only the Store of a student they may see."""
        viewer = self._fresh(actor)
        if owner is None or owner == viewer.owner:
            store = Store(self.con, viewer.owner)
            store.ensure_user(viewer.name)
            return store
        target = self.member(owner)
        if target is None or not may_read(viewer, target):
            raise PermissionDenied("you may not see that hunt")
        return Store(self.con, target.owner, read_only=True)

    def add_comment(
        self,
        actor: Member,
        student: str,
        company_id: int | None,
        text: str,
        now: dt.datetime,
    ) -> int:
        """An instructor's comment on a student's list (company_id None) or one company."""
        viewer = self._fresh(actor)
        target = self.member(student)
        if target is None or not may_comment(viewer, target):
            raise PermissionDenied("only instructors of a student's cohort comment on their list")
        body = clean_comment(text)
        if company_id is not None:
            Store(self.con, target.owner, read_only=True).company_by_id(company_id)
        with transaction(self.con, [target.owner]):
            (comment_id,) = backends.next_ids(
                self.con, backends.on_postgres(self.con), "comment_ids", 1
            )
            self.con.execute(
                "INSERT INTO comments (id, owner, author, company_id, text, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [comment_id, target.owner, viewer.owner, company_id, body, now],
            )
        return comment_id

    # -- leaderboards and placements ----------------------------------------------------

    def leaderboard(
        self, actor: Member, *, now: dt.datetime, week: bool = False, cohort: str | None = None
    ) -> list[LeaderRow]:
        """Per student (alias or name; opted-out students left out), most messages first."""
        self._fresh(actor)
        since, until = window(now, week)
        rows = self._query(
            _LEADERBOARD,
            {
                "cohort": cohort,
                "since": since,
                "until": until,
                "outreach": sorted(OUTREACH_KINDS),
                "on_time": ON_TIME_DAYS,
            },
        )
        rows.sort(key=lambda r: (-r[2], -r[3], -r[4], r[0], r[1]))
        return [leader_row(r) for r in rows]

    def import_placements(self, actor: Member, rows: Sequence[Placement], now: dt.datetime) -> int:
        """Make the placements of each program in rows exactly those rows, all or nothing."""
        viewer = self._fresh(actor)
        if not may_import_placements(viewer):
            raise PermissionDenied("only instructors and admins import placements")
        programs = sorted({name_key(p.program) for p in rows})
        # Students of those programs see placements in their scores: their versions move.
        students = [
            owner
            for owner, program in self.con.execute(
                "SELECT owner, program FROM profiles WHERE program <> ''"
            ).fetchall()
            if name_key(program) in programs
        ]
        with transaction(self.con, students):
            self.con.execute(
                "DELETE FROM placements WHERE list_contains(?, program_key)", [programs]
            )
            self.con.execute(
                "INSERT INTO placements SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), ?, ?",
                [[p.program for p in rows], [name_key(p.program) for p in rows],
                 [p.company for p in rows], [name_key(p.company) for p in rows],
                 [p.year for p in rows], viewer.owner, now],
            )  # fmt: skip
        return len(rows)
