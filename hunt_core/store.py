"""The one place SQL lives: the DuckDB file, its migrations, and owner-scoped queries."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import platformdirs

from hunt_core.errors import DatabaseBusy, HuntError, InvalidInput, NotFound
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

LOCAL_USER = "local"
T = TypeVar("T")
_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def default_path() -> Path:
    """Where the database lives: HUNT_DB, else a file in the user data directory."""
    if os.environ.get("HUNT_DB"):
        return Path(os.environ["HUNT_DB"]).expanduser()
    return platformdirs.user_data_path("hunt", appauthor=False) / "hunt.duckdb"


def name_key(name: str) -> str:
    """The case- and space-insensitive key two names must not share."""
    return " ".join(name.casefold().split())


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
_PROFILE = [f.name for f in fields(Profile)]


class Database:
    """A DuckDB file with the Hunt schema; hand out owner-scoped Stores over it."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Database:
        """Open (creating and migrating if needed) the database at path, default_path() if None."""
        target = ":memory:" if path == ":memory:" else str(path or default_path())
        try:
            if target != ":memory:":
                Path(target).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HuntError(f"cannot create the folder for database {target}: {exc}") from None
        try:
            con = duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                pid = re.search(r"PID (\d+)", str(exc))
                who = f" (PID {pid.group(1)})" if pid else ""
                raise DatabaseBusy(
                    f"database {target} is in use by another process{who}; close it and retry"
                ) from None
            raise HuntError(f"cannot open database {target}: {exc}") from None
        except duckdb.Error as exc:
            raise HuntError(f"cannot open database {target}: {exc}") from None
        db = cls(con, target)
        if not read_only:
            db.migrate()
        return db

    def close(self) -> None:
        """Close the file so another process may open it."""
        self.con.close()

    def version(self) -> int:
        """The schema version applied, 0 for an empty file."""
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0) if row else 0

    def migrate(self, target: int | None = None) -> int:
        """Apply pending migrations up to target (default all), each in its own transaction."""
        with self._lock:
            self.con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
            )
            current = self.version()
            for version, name, sql in migrations():
                if version <= current or (target is not None and version > target):
                    continue
                self.con.begin()
                try:
                    self.con.execute(sql)
                    self.con.execute(
                        "INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name]
                    )
                    self.con.commit()
                except Exception:
                    self.con.rollback()
                    raise
                current = version
            return current

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own for one thread (Streamlit session threads, workers)."""
        return self.con.cursor()

    def store(
        self, owner: str = LOCAL_USER, *, con: duckdb.DuckDBPyConnection | None = None
    ) -> Store:
        """An owner-scoped Store, creating the user row on first use."""
        store = Store(con or self.con, owner)
        store.ensure_user()
        return store


class Store:
    """Every query for one owner; nothing here can read or write another owner's rows."""

    def __init__(self, con: duckdb.DuckDBPyConnection, owner: str) -> None:
        if not owner:
            raise InvalidInput("user must not be empty")
        self.con = con
        self.owner = owner
        self._depth = 0

    # -- plumbing ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write, all or nothing; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.con.begin()
        self._depth = 1
        try:
            yield
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        finally:
            self._depth = 0

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, [self.owner, *params]).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        return self.con.execute(sql, [self.owner, *params]).fetchone()

    def ensure_user(self, name: str = "") -> None:
        """Create this owner's user row if it is missing."""
        self.con.execute(
            "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", [self.owner, name]
        )

    def bulk_insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert many rows at once through a temporary NDJSON file (executemany is slow)."""
        if not rows:
            return
        if table not in {"companies", "contacts", "touches", "chats", "postings", "connections"}:
            raise ValueError(f"bulk insert into {table!r} is not allowed")
        types = {
            name: kind
            for name, kind in self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ?",
                [table],
            ).fetchall()
        }
        names = list(rows[0])
        spec = "{" + ", ".join(f"'{n}': '{types[n]}'" for n in names) + "}"
        with tempfile.TemporaryDirectory(prefix="hunt-") as tmp:
            path = Path(tmp) / "rows.ndjson"
            with path.open("w", encoding="utf-8") as out:
                for row in rows:
                    out.write(json.dumps({**row, "owner": self.owner}, default=str) + "\n")
            cols = ", ".join(["owner", *names])
            # Table and column names come from the schema above, never from user input.
            self.con.execute(
                f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_json(?, "
                f"columns={spec[:-1]}, 'owner': 'VARCHAR'}}, format='newline_delimited')",
                [str(path)],
            )

    # -- profile -------------------------------------------------------------------------

    def profile(self) -> Profile:
        """This owner's profile, or an empty one (with the guide's default stack)."""
        row = self._one(f"SELECT {', '.join(_PROFILE)} FROM profiles WHERE owner = ?")
        return Profile(**dict(zip(_PROFILE, row, strict=True))) if row else Profile()

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
        rows = self._rows(
            f"SELECT id, {', '.join(_COMPANY)} FROM companies WHERE owner = ? ORDER BY name_key"
        )
        return [Company(**dict(zip(["id", *_COMPANY], r, strict=True))) for r in rows]

    def company(self, name: str) -> Company:
        """The company with this name (any case), or NotFound."""
        row = self._one(
            f"SELECT id, {', '.join(_COMPANY)} FROM companies WHERE owner = ? AND name_key = ?",
            [name_key(name)],
        )
        if row is None:
            raise NotFound(f"no company named {name!r}; add it first (hunt company add)")
        return Company(**dict(zip(["id", *_COMPANY], row, strict=True)))

    def company_by_id(self, company_id: int) -> Company:
        """The company with this id, or NotFound."""
        row = self._one(
            f"SELECT id, {', '.join(_COMPANY)} FROM companies WHERE owner = ? AND id = ?",
            [company_id],
        )
        if row is None:
            raise NotFound(f"no company with id {company_id}")
        return Company(**dict(zip(["id", *_COMPANY], row, strict=True)))

    def add_company(self, company: Company) -> Company:
        """Insert a new company; a name already used raises InvalidInput."""
        return self.add_companies([company])[0]

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
        cols = [c for c in _COMPANY if c != "created_at"]
        sets = ", ".join(f"{c} = ?" for c in cols)
        with self.transaction():
            done = self.con.execute(
                f"UPDATE companies SET {sets}, name_key = ? "
                "WHERE owner = ? AND id = ? RETURNING id",
                [*[getattr(company, c) for c in cols], key, self.owner, company.id],
            ).fetchall()
        if not done:
            raise NotFound(f"no company with id {company.id}")

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
                "DELETE FROM companies WHERE owner = ? AND id = ?", [self.owner, company_id]
            )

    # -- contacts ------------------------------------------------------------------------

    def contacts(self, company_id: int | None = None) -> list[Contact]:
        """This owner's contacts, optionally at one company, by name."""
        where, params = ("AND company_id = ?", [company_id]) if company_id is not None else ("", [])
        rows = self._rows(
            f"SELECT id, {', '.join(_CONTACT)} FROM contacts WHERE owner = ? {where} "
            "ORDER BY name_key, id",
            params,
        )
        return [Contact(**dict(zip(["id", *_CONTACT], r, strict=True))) for r in rows]

    def contact(self, company: Company, name: str) -> Contact:
        """The person with this name at company, or NotFound."""
        row = self._one(
            f"SELECT id, {', '.join(_CONTACT)} FROM contacts "
            "WHERE owner = ? AND company_id = ? AND name_key = ?",
            [company.id, name_key(name)],
        )
        if row is None:
            raise NotFound(f"no person named {name!r} at {company.name}; add them first")
        return Contact(**dict(zip(["id", *_CONTACT], row, strict=True)))

    def contact_by_id(self, contact_id: int) -> Contact:
        """The contact with this id, or NotFound."""
        row = self._one(
            f"SELECT id, {', '.join(_CONTACT)} FROM contacts WHERE owner = ? AND id = ?",
            [contact_id],
        )
        if row is None:
            raise NotFound(f"no person with id {contact_id}")
        return Contact(**dict(zip(["id", *_CONTACT], row, strict=True)))

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
        cols = [c for c in _CONTACT if c != "created_at"]
        sets = ", ".join(f"{c} = ?" for c in cols)
        with self.transaction():
            done = self.con.execute(
                f"UPDATE contacts SET {sets}, name_key = ? WHERE owner = ? AND id = ? RETURNING id",
                [*[getattr(contact, c) for c in cols], key, self.owner, contact.id],
            ).fetchall()
        if not done:
            raise NotFound(f"no person with id {contact.id}")

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
        rows = self._rows(
            f"SELECT id, {', '.join(_TOUCH)} FROM touches WHERE owner = ? {where} "
            "ORDER BY happened_at, id",
            params,
        )
        return [Touch(**dict(zip(["id", *_TOUCH], r, strict=True))) for r in rows]

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
        rows = self._rows(
            f"SELECT id, {', '.join(_CHAT)} FROM chats WHERE owner = ? ORDER BY scheduled_for, id"
        )
        return [Chat(**dict(zip(["id", *_CHAT], r, strict=True))) for r in rows]

    def chat(self, contact_id: int) -> Chat | None:
        """The chat with one person, if any."""
        row = self._one(
            f"SELECT id, {', '.join(_CHAT)} FROM chats WHERE owner = ? AND contact_id = ?",
            [contact_id],
        )
        return Chat(**dict(zip(["id", *_CHAT], row, strict=True))) if row else None

    def save_chat(self, chat: Chat) -> None:
        """Create or replace the chat with one person."""
        self.contact_by_id(chat.contact_id)
        values = _values(chat, _CHAT)
        cols = ", ".join(_CHAT)
        marks = ", ".join("?" for _ in _CHAT)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _CHAT if c != "contact_id")
        with self.transaction():
            self.con.execute(
                f"INSERT INTO chats (owner, {cols}) VALUES (?, {marks}) "
                f"ON CONFLICT (owner, contact_id) DO UPDATE SET {updates}",
                [self.owner, *values.values()],
            )

    # -- job-board postings and LinkedIn connections -------------------------------------

    def postings(self, company_id: int | None = None) -> list[Posting]:
        """Postings, optionally of one company, newest first."""
        where, params = ("AND company_id = ?", [company_id]) if company_id is not None else ("", [])
        rows = self._rows(
            f"SELECT id, {', '.join(_POSTING)} FROM postings WHERE owner = ? {where} "
            "ORDER BY company_id, posted_at DESC NULLS LAST, title, id",
            params,
        )
        return [Posting(**dict(zip(["id", *_POSTING], r, strict=True))) for r in rows]

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
        rows = self._rows(
            f"SELECT id, {', '.join(_CONNECTION)} FROM connections WHERE owner = ? {linked} "
            "ORDER BY lower(first_name), lower(last_name), id"
        )
        return [Connection(**dict(zip(["id", *_CONNECTION], r, strict=True))) for r in rows]

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

    # -- preferences ---------------------------------------------------------------------

    def weights(self) -> dict[str, float]:
        """The weights this owner set, by criterion key."""
        return dict(self._rows("SELECT criterion, weight FROM weights WHERE owner = ?"))

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

    def snooze(self, step_key: str, until: dt.datetime) -> None:
        """Hide a next step until a time."""
        with self.transaction():
            self.con.execute(
                "INSERT INTO snoozes VALUES (?, ?, ?) "
                "ON CONFLICT (owner, step_key) DO UPDATE SET until = excluded.until",
                [self.owner, step_key, until],
            )


def _values(obj: Any, columns: list[str]) -> dict[str, Any]:
    """The named attributes of a dataclass instance as a dict."""
    return {c: getattr(obj, c) for c in columns}
