"""The owner-scoped Store: every query of one user's hunt, none reaching another owner's rows."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, fields
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

import duckdb

from hunt_core.cohort import MIN_GROUP, Comment
from hunt_core.connections import Linkable
from hunt_core.errors import InvalidInput, NotFound, PermissionDenied
from hunt_core.models import (
    ANSWER_KINDS,
    OUTREACH_KINDS,
    Activity,
    Chat,
    Company,
    Connection,
    Contact,
    Posting,
    Profile,
    Touch,
)
from hunt_core.names import compact_key, name_key
from hunt_core.store import backends, bulk
from hunt_core.store.transactions import atomic, reading, transaction

LOCAL_USER = "local"
T = TypeVar("T")
P = ParamSpec("P")


def _columns(model: type) -> list[str]:
    """Stored columns of a dataclass, in field order, without its id."""
    return [f.name for f in fields(model) if f.name != "id"]


M = TypeVar("M", Company, Contact, Touch, Chat, Posting, Connection)
N = TypeVar("N", Company, Contact)
# The table and stored columns behind each model that Store._fetch reads.
_TABLES: dict[type, tuple[str, list[str]]] = {
    Company: ("companies", _columns(Company)),
    Contact: ("contacts", _columns(Contact)),
    Touch: ("touches", _columns(Touch)),
    Chat: ("chats", _columns(Chat)),
    Posting: ("postings", _columns(Posting)),
    Connection: ("connections", _columns(Connection)),
}
_PROFILE = [f.name for f in fields(Profile)]


@dataclass(frozen=True)
class _Named(Generic[N]):
    """A table of named rows, a name unique within a scope: companies per owner, people per company.

    The messages are the ones a person sees; `taken` has a {name} field.
    """

    model: type[N]
    scope: str | None  # the column a name is unique within, besides the owner
    noun: str  # for "no {noun} with id N"
    empty: str
    taken: str
    no_id: str

    def key(self, item: N) -> tuple[Any, str]:
        """What must be unique: (scope value or None, the name's key)."""
        return (getattr(item, self.scope) if self.scope else None, name_key(item.name))


_COMPANIES = _Named(
    Company,
    None,
    "company",
    "company name must not be empty",
    "company {name!r} already exists",
    "company has no id; add it first",
)
_PEOPLE = _Named(
    Contact,
    "company_id",
    "person",
    "a person's name must not be empty",
    "{name!r} is already listed at that company",
    "person has no id; add them first",
)


def _write(method: Callable[Concatenate[Store, P], T]) -> Callable[Concatenate[Store, P], T]:
    """A Store method that writes: checks and writes in one retried transaction (atomic)."""

    @functools.wraps(method)
    def run(self: Store, *args: P.args, **kwargs: P.kwargs) -> T:
        self._writable()
        return atomic(self.con, lambda: method(self, *args, **kwargs), [self.owner])

    return run


# Each of Activity's dates, as an aggregate over one person's touches (fixed SQL).
_ACTIVITY = {
    "first_outreach": "min(happened_at) FILTER (WHERE kind = ANY($outreach))",
    "follow_up": "max(happened_at) FILTER (WHERE kind = 'follow-up')",
    "answer": "max(happened_at) FILTER (WHERE kind = ANY($answers))",
    "chat_scheduled": "max(happened_at) FILTER (WHERE kind = 'chat-scheduled')",
    "chat_held": "max(happened_at) FILTER (WHERE kind = 'chat-held')",
    "thank_you": "max(happened_at) FILTER (WHERE kind = 'thank-you')",
    "referral": "max(happened_at) FILTER (WHERE kind = 'referral')",
    "last": "max(happened_at)",
}


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

        The write methods inside move this owner's data version. A block that only reads
        opens reading() instead.
        """
        self._writable()
        return transaction(self.con)

    def reading(self) -> AbstractContextManager[None]:
        """One consistent read, in a `with` block: every query in it sees the same moment.

        Open to read-only stores too (an instructor's view of a student's hunt).
        """
        return reading(self.con)

    def atomic(self, work: Callable[[], T]) -> T:
        """Run a write of several steps in one transaction, retried when a concurrent one won."""
        self._writable()
        return atomic(self.con, work, [self.owner])

    def data_version(self) -> int:
        """A number that moves with every committed write of this owner's data, on any replica."""
        rows = self._read("SELECT version FROM data_versions WHERE owner = $owner")
        return int(rows[0][0]) if rows else 0

    def _writable(self) -> None:
        """Refuse any write through a read-only store (an instructor viewing a student)."""
        if self.read_only:
            raise PermissionDenied("this hunt is read-only for you: only its owner can change it")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, [self.owner, *params]).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        return self.con.execute(sql, [self.owner, *params]).fetchone()

    def _read(
        self,
        sql: str,
        params: Mapping[str, Any] | None = None,
        order: str = "",
        hide: Sequence[str] = (),
    ) -> list[tuple[Any, ...]]:
        """A read of this owner's rows where the data lives (see backends.query).

        sql is portable with $name parameters, $owner bound to this owner; order is sorted
        by DuckDB on both backends, so names sort alike whatever PostgreSQL's collation.
        """
        return backends.query(
            self.con,
            backends.on_postgres(self.con),
            sql,
            {**(params or {}), "owner": self.owner},
            order=order,
            hide=hide,
        )

    def _fetch(
        self,
        model: type[M],
        where: str = "",
        params: Mapping[str, Any] | None = None,
        order: str = "id",
    ) -> list[M]:
        """This owner's records of one model's table (where and order are fixed SQL, not input)."""
        return [model(*r) for r in self._fields_of(model, where, params, order)]

    def _fields_of(
        self,
        model: type[M],
        where: str = "",
        params: Mapping[str, Any] | None = None,
        order: str = "id",
    ) -> list[tuple[Any, ...]]:
        """This owner's rows of one model's table, each its record's fields in their order.

        Named rows are read with their name_key too, for order to sort by (and not returned).
        """
        table = _TABLES[model][0]
        names = [f.name for f in fields(model)]  # in field order: a row is the arguments
        named = model in (Company, Contact)
        extra = ", name_key" if named else ""
        sql = f"SELECT {', '.join(names)}{extra} FROM {table} WHERE owner = $owner {where}"
        return self._read(sql, params, order=order, hide=("name_key",) if named else ())

    def _by_id(self, model: type[M], row_id: int, noun: str) -> M:
        """This owner's row with this id, or NotFound."""
        found = self._fetch(model, "AND id = $id", {"id": row_id})
        if not found:
            raise NotFound(f"no {noun} with id {row_id}")
        return found[0]

    def _upsert(self, table: str, conflict: Sequence[str], values: Mapping[str, Any]) -> None:
        """Insert one row of this owner, or update the one with the same owner and conflict key.

        Every column is named: PostgreSQL through DuckDB needs an ON CONFLICT insert to name
        every defaulted column.
        """
        keep = {"id", *conflict}
        sets = ", ".join(f"{c} = excluded.{c}" for c in values if c not in keep)
        self.con.execute(
            f"INSERT INTO {table} (owner, {', '.join(values)}) "
            f"VALUES (?, {', '.join('?' for _ in values)}) "
            f"ON CONFLICT ({', '.join(['owner', *conflict])}) DO UPDATE SET {sets}",
            [self.owner, *values.values()],
        )

    def _add_named(self, spec: _Named[N], items: Sequence[N]) -> list[N]:
        """Insert companies or people, setting their ids; any duplicate name writes nothing."""
        table, cols = _TABLES[spec.model]
        scope = spec.scope or "NULL"
        taken = set(self._rows(f"SELECT {scope}, name_key FROM {table} WHERE owner = ?"))
        for item in items:
            key = spec.key(item)
            if not key[1]:
                raise InvalidInput(spec.empty)
            if key in taken:
                raise InvalidInput(spec.taken.format(name=item.name))
            taken.add(key)
        now = dt.datetime.now()
        self.bulk_insert(
            table,
            [
                {
                    **_values(item, cols),
                    "name_key": name_key(item.name),
                    "created_at": item.created_at or now,
                }
                for item in items
            ],
        )
        ids = {
            (s, k): i
            for i, s, k in self._rows(
                f"SELECT id, {scope}, name_key FROM {table} WHERE owner = ? "
                "AND name_key IN (SELECT unnest(?::VARCHAR[]))",
                [sorted({spec.key(item)[1] for item in items})],
            )
        }
        for item in items:
            item.id = ids[spec.key(item)]
        return list(items)

    def _update_named(self, spec: _Named[N], item: N) -> None:
        """Save every attribute of an existing company or person, keeping names unique."""
        if item.id is None:
            raise NotFound(spec.no_id)
        entry: tuple[str, list[str]] = _TABLES[spec.model]
        table, cols = entry[0], entry[1]
        keyed: tuple[Any, str] = spec.key(item)
        within = f"AND {spec.scope} = ?" if spec.scope else ""
        clash = self._one(
            f"SELECT id FROM {table} WHERE owner = ? {within} AND name_key = ? AND id <> ?",
            [*([keyed[0]] if spec.scope else []), keyed[1], item.id],
        )
        key = keyed[1]
        if clash:
            raise InvalidInput(spec.taken.format(name=item.name))
        self._by_id(spec.model, item.id, spec.noun)
        changed: list[str] = [c for c in cols if c != "created_at"]
        sets = ", ".join(f"{c} = ?" for c in changed)
        self.con.execute(
            f"UPDATE {table} SET {sets}, name_key = ? WHERE owner = ? AND id = ?",
            [*[getattr(item, c) for c in changed], key, self.owner, item.id],
        )

    def ensure_user(self, name: str = "") -> None:
        """Create this owner's user row if it is missing.

        Looked up first: every command opens a store, and one that only reads (`hunt next`,
        `hunt backup`) should not write, nor pay for a commit.
        """
        self._writable()
        if self._one("SELECT 1 FROM users WHERE id = ?"):
            return
        self.con.execute(
            "INSERT INTO users (id, name, created_at) VALUES (?, ?, current_timestamp) "
            "ON CONFLICT DO NOTHING",
            [self.owner, name],
        )

    @_write
    def bulk_insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert many rows of this owner at once (executemany is slow)."""
        bulk.insert(self.con, table, [{**row, "owner": self.owner} for row in rows])

    # -- profile -------------------------------------------------------------------------

    def profile(self) -> Profile:
        """This owner's profile, or an empty one (with the guide's default stack)."""
        rows = self._read(f"SELECT {', '.join(_PROFILE)} FROM profiles WHERE owner = $owner")
        return Profile(**dict(zip(_PROFILE, rows[0], strict=True))) if rows else Profile()

    @_write
    def save_profile(self, profile: Profile) -> None:
        """Create or replace this owner's profile."""
        self._upsert("profiles", (), asdict(profile))

    # -- companies -----------------------------------------------------------------------

    def companies(self) -> list[Company]:
        """Every company of this owner, by name."""
        return self._fetch(Company, order="name_key")

    def company(self, name: str) -> Company:
        """The company with this name (any case), or NotFound."""
        found = self._fetch(Company, "AND name_key = $key", {"key": name_key(name)})
        if not found:
            raise NotFound(f"no company named {name!r}; add it first (hunt company add)")
        return found[0]

    def company_by_id(self, company_id: int) -> Company:
        """The company with this id, or NotFound."""
        return self._by_id(Company, company_id, _COMPANIES.noun)

    def add_company(self, company: Company) -> Company:
        """Insert a new company; a name already used raises InvalidInput."""
        return self.add_companies([company])[0]

    @_write
    def add_companies(self, companies: Sequence[Company]) -> list[Company]:
        """Insert companies in one transaction; any duplicate name writes nothing."""
        return self._add_named(_COMPANIES, companies)

    @_write
    def update_company(self, company: Company) -> None:
        """Save every attribute of an existing company."""
        self._update_named(_COMPANIES, company)

    # -- contacts ------------------------------------------------------------------------

    def contacts(self, company_id: int | None = None) -> list[Contact]:
        """This owner's contacts, optionally at one company, by company and then by name.

        Company first because a ranking reads each company's people together: made in that
        order, they lie together in memory, and ranking 60,000 people takes a sixth less time
        than when each one's neighbour works somewhere else.
        """
        return [Contact(*r) for r in self.contact_rows(company_id)]

    def contact_rows(
        self, company_id: int | None = None, *, friends_only: bool = False
    ) -> list[tuple[Any, ...]]:
        """`contacts` as rows of Contact's fields in order: for a reader making its own views.

        friends_only: just the people marked as someone you know.
        """
        where = "AND company_id = $company" if company_id is not None else ""
        where += " AND friend" if friends_only else ""
        order = "company_id, name_key, id"
        return self._fields_of(Contact, where, {"company": company_id}, order=order)

    def linkables(self, *, everyone: bool) -> list[Linkable]:
        """Those marked connected, or everyone, as much as matching a LinkedIn export reads."""
        marked = "" if everyone else "AND connected"
        columns = ", ".join(Linkable._fields)
        rows = self._read(f"SELECT {columns} FROM contacts WHERE owner = $owner {marked}")
        return [Linkable._make(r) for r in rows]

    def contact(self, company: Company, name: str) -> Contact:
        """The person with this name at company, or NotFound."""
        found = self._fetch(
            Contact,
            "AND company_id = $company AND name_key = $key",
            {"company": company.id, "key": name_key(name)},
        )
        if not found:
            raise NotFound(f"no person named {name!r} at {company.name}; add them first")
        return found[0]

    def contact_by_id(self, contact_id: int) -> Contact:
        """The contact with this id, or NotFound."""
        return self._by_id(Contact, contact_id, _PEOPLE.noun)

    def add_contact(self, contact: Contact) -> Contact:
        """Insert one person."""
        return self.add_contacts([contact])[0]

    @_write
    def add_contacts(self, contacts: Sequence[Contact]) -> list[Contact]:
        """Insert people in one transaction; a duplicate at the same company writes nothing."""
        companies = {i for (i,) in self._rows("SELECT id FROM companies WHERE owner = ?")}
        for c in contacts:
            if c.company_id not in companies:
                raise NotFound(f"no company with id {c.company_id}")
        return self._add_named(_PEOPLE, contacts)

    @_write
    def update_contact(self, contact: Contact) -> None:
        """Save every attribute of an existing person."""
        self._update_named(_PEOPLE, contact)

    # -- touches and chats ---------------------------------------------------------------

    @_write
    def add_touches(self, touches: Sequence[Touch]) -> None:
        """Record outreach events in one transaction."""
        known = {i for (i,) in self._rows("SELECT id FROM contacts WHERE owner = ?")}
        for t in touches:
            if t.contact_id not in known:
                raise NotFound(f"no person with id {t.contact_id}")
        self.bulk_insert("touches", [_values(t, _TABLES[Touch][1]) for t in touches])

    def add_touch(self, touch: Touch) -> None:
        """Record one outreach event."""
        self.add_touches([touch])

    def touches(self, contact_id: int | None = None) -> list[Touch]:
        """Touches, oldest first, optionally for one person."""
        where = "AND contact_id = $contact" if contact_id is not None else ""
        return self._fetch(Touch, where, {"contact": contact_id}, order="happened_at, id")

    def activity(self) -> dict[int, Activity]:
        """Per person, the dates that decide their outreach state, aggregated in one query."""
        columns = ", ".join(f"{_ACTIVITY[name]} AS {name}" for name in Activity._fields)
        rows = self._read(
            f"SELECT contact_id, {columns} FROM touches WHERE owner = $owner GROUP BY contact_id",
            {"outreach": sorted(OUTREACH_KINDS), "answers": sorted(ANSWER_KINDS)},
        )
        return {r[0]: Activity._make(r[1:]) for r in rows}

    def notes_used(self, since: dt.datetime, until: dt.datetime) -> int:
        """Personalised LinkedIn notes sent in [since, until)."""
        rows = self._read(
            "SELECT count(*) FROM touches WHERE owner = $owner AND channel = 'linkedin-note' "
            "AND happened_at >= $since AND happened_at < $until",
            {"since": since, "until": until},
        )
        return int(rows[0][0]) if rows else 0

    def chats(self) -> list[Chat]:
        """Every chat of this owner."""
        return self._fetch(Chat, order="scheduled_for, id")

    def chat(self, contact_id: int) -> Chat | None:
        """The chat with one person, if any."""
        found = self._fetch(Chat, "AND contact_id = $contact", {"contact": contact_id})
        return found[0] if found else None

    @_write
    def save_chat(self, chat: Chat) -> None:
        """Create or replace the chat with one person."""
        self.contact_by_id(chat.contact_id)
        (fresh,) = bulk.reserve_ids(self.con, "chats", 1)
        self._upsert("chats", ("contact_id",), {"id": fresh, **_values(chat, _TABLES[Chat][1])})

    # -- job-board postings and LinkedIn connections -------------------------------------

    def postings(self, company_id: int | None = None) -> list[Posting]:
        """Postings, optionally of one company, newest first."""
        where = "AND company_id = $company" if company_id is not None else ""
        return self._fetch(
            Posting,
            where,
            {"company": company_id},
            order="company_id, posted_at DESC NULLS LAST, title, id",
        )

    @_write
    def replace_postings(self, company_id: int, source: str, postings: Sequence[Posting]) -> None:
        """Make a company's postings from one board exactly these, in one transaction."""
        self.company_by_id(company_id)
        self.con.execute(
            "DELETE FROM postings WHERE owner = ? AND company_id = ? AND source = ?",
            [self.owner, company_id, source],
        )
        self.bulk_insert("postings", [_values(p, _TABLES[Posting][1]) for p in postings])

    def connections(self, *, linked_only: bool = False) -> list[Connection]:
        """LinkedIn connections by name; linked_only: just those at a target company."""
        linked = "AND company_id IS NOT NULL" if linked_only else ""
        return self._fetch(Connection, linked, order="lower(first_name), lower(last_name), id")

    @_write
    def save_connections(self, connections: Sequence[Connection]) -> tuple[int, int]:
        """Add new connections and update changed ones (matched on person_key): (added, updated)."""
        cols = _TABLES[Connection][1]
        keys = [c.person_key for c in connections]
        if len(set(keys)) != len(keys):
            raise InvalidInput("the same connection appears twice in one import")
        held = {c.person_key: c for c in self.connections()}
        fresh = [c for c in connections if c.person_key not in held]
        changed = []
        for c in connections:
            old = held.get(c.person_key)
            if old is not None and _values(old, cols) != _values(c, cols):
                c.id = old.id
                changed.append(c)
        if changed:
            self.con.execute(
                "DELETE FROM connections WHERE owner = ? AND id IN (SELECT unnest(?))",
                [self.owner, [c.id for c in changed]],
            )
            self.bulk_insert("connections", [{"id": c.id, **_values(c, cols)} for c in changed])
        self.bulk_insert("connections", [_values(c, cols) for c in fresh])
        return len(fresh), len(changed)

    @_write
    def link_connections(self, company_of: dict[int, int | None]) -> None:
        """Set which target company each connection (by id) works at, None for none."""
        if not company_of:
            return
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

    @_write
    def add_company_alias(self, company_id: int, alias: str) -> None:
        """Confirm that a spelling (and every spelling with its normalised key) means a target."""
        alias_key = compact_key(alias)
        if not alias_key:
            raise InvalidInput(f"alias {alias!r} has no letters or digits")
        self._upsert(
            "company_aliases",
            ("alias_key",),
            {"company_id": company_id, "alias_key": alias_key, "alias": alias},
        )

    # -- preferences ---------------------------------------------------------------------

    def weights(self) -> dict[str, float]:
        """The weights this owner set, by criterion key."""
        return dict(self._read("SELECT criterion, weight FROM weights WHERE owner = $owner"))

    @_write
    def set_weight(self, criterion: str, weight: float) -> None:
        """Store one criterion weight for this owner."""
        self._upsert("weights", ("criterion",), {"criterion": criterion, "weight": weight})

    def snoozed(self, now: dt.datetime) -> set[str]:
        """Keys of next steps snoozed past now."""
        return {k for (k,) in self._read(
            "SELECT step_key FROM snoozes WHERE owner = $owner AND until > $now", {"now": now}
        )}  # fmt: skip

    @_write
    def snooze(self, step_key: str, until: dt.datetime) -> None:
        """Hide a next step until a time."""
        self._upsert("snoozes", ("step_key",), {"step_key": step_key, "until": until})

    # -- cohorts: instructor comments, peers, placements ---------------------------------

    def comments(self, *, unseen: bool = False) -> list[Comment]:
        """Instructor comments on this owner's list, oldest first; unseen: only new ones."""
        rows = self._read(
            "SELECT m.id, coalesce(a.name, '') AS author, m.company_id, c.name, m.text, "
            "m.created_at, m.seen_at FROM comments m LEFT JOIN members a ON a.owner = m.author "
            "LEFT JOIN companies c ON c.owner = m.owner AND c.id = m.company_id "
            "WHERE m.owner = $owner AND (m.company_id IS NULL OR c.id IS NOT NULL) "
            "AND (NOT $unseen OR m.seen_at IS NULL)",
            {"unseen": unseen},
            order="created_at, id",
        )
        return [Comment(*r) for r in rows]

    @_write
    def mark_comments_seen(self, ids: Sequence[int], now: dt.datetime) -> None:
        """Note that this owner has read these comments."""
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
        rows = self._read(
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
            {"least": MIN_GROUP},
        )
        return dict(rows)

    def placements(self, program: str) -> dict[str, tuple[int, int, int]]:
        """name_key of this owner's companies -> (grads of program placed, first, last year)."""
        rows = self._read(
            "SELECT company_key, count(*) AS n, min(year) AS first, max(year) AS last "
            "FROM placements "
            "WHERE company_key IN (SELECT name_key FROM companies WHERE owner = $owner) "
            "AND program_key = $program GROUP BY company_key",
            {"program": name_key(program)},
        )
        return {key: (n, first, last) for key, n, first, last in rows}


def _values(obj: Any, columns: list[str]) -> dict[str, Any]:
    """The named attributes of a dataclass instance as a dict."""
    return {c: getattr(obj, c) for c in columns}
