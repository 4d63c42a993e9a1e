"""Transactions: all or nothing, conflicts retried, duplicates in one line, consistent reads."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

import duckdb

from hunt_core.errors import HuntError, InvalidInput
from hunt_core.store import backends

T = TypeVar("T")


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Fold the write-ahead log into the file (after a bulk import); a no-op in memory."""
    con.execute("CHECKPOINT")


ATTEMPTS = 16  # tries of one write that keeps losing to concurrent writes before giving up
BUSY = "another session changed the same data at the same moment; nothing was saved, try again"


class Duplicate(InvalidInput):
    """A write met a row with the same key (a name another write took first)."""


@dataclass
class _Open:
    """The transaction open on one connection: whose data versions it moves, or a read."""

    owners: set[str] = field(default_factory=set)
    reading: bool = False  # opened by reading(): a write inside it is a mistake, refused


_OPEN: weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, _Open] = weakref.WeakKeyDictionary()
_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"  # see reading()


@contextmanager
def _outermost(con: duckdb.DuckDBPyConnection, held: _Open) -> Iterator[None]:
    """Begin, run the block, commit (moving the owners' data versions); roll back on any error."""
    _OPEN[con] = held
    con.begin()
    try:
        if held.reading and backends.on_postgres(con):
            backends.execute_remote(con, _SNAPSHOT)
        yield
        _bump_versions(con, held.owners)
        con.commit()
    except BaseException:
        _rollback(con)
        raise
    finally:
        del _OPEN[con]


@contextmanager
def _attempt(con: duckdb.DuckDBPyConnection, owners: Iterable[str]) -> Iterator[None]:
    """One try of a write, in a transaction of its own or joining the one open on con.

    Raises DuckDB's error as it came, for the caller to classify.
    """
    held = _OPEN.get(con)
    if held is None:
        with _outermost(con, _Open(owners=set(owners))):
            yield
        return
    if held.reading:
        raise RuntimeError("a write inside a consistent read: open the write outside it")
    held.owners.update(owners)
    yield


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
        # A plain UPDATE costs DuckDB a third of an upsert; only an owner's first write inserts.
        moved = con.execute(
            "UPDATE data_versions SET version = version + 1 WHERE owner = ?", [owner]
        ).fetchone()
        if not (moved and moved[0]):
            con.execute(
                "INSERT INTO data_versions (owner, version) VALUES (?, 1) "
                "ON CONFLICT (owner) DO UPDATE SET version = data_versions.version + 1",
                [owner],
            )


def _one_line(exc: duckdb.Error) -> Exception:
    """The error a person sees for a failed write: one line for a duplicate or a lost race."""
    if backends.is_unique_violation(exc):
        return Duplicate(f"that already exists ({backends.first_line(exc)}); nothing was saved")
    if backends.is_conflict(exc):
        return HuntError(BUSY)
    return exc


@contextmanager
def reading(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One consistent read: every query in the block sees the data as its first one did.

    A DuckDB transaction is a snapshot already. The PostgreSQL attach runs READ COMMITTED (so
    that two writers of one row wait rather than fail), where each statement sees the latest
    commit: a write landing between two reads could give a chat whose person was never read.
    So a read asks PostgreSQL for REPEATABLE READ, READ ONLY before its first query. Inside an
    open transaction the block simply joins it.
    """
    if con in _OPEN:
        yield
        return
    with _outermost(con, _Open(reading=True)):
        yield


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
    duplicates = 0  # a conflict may come first, so the one retried duplicate is counted apart
    for attempt in range(ATTEMPTS):
        try:
            with _attempt(con, owners):
                return work()
        except duckdb.Error as exc:
            duplicate = backends.is_unique_violation(exc)
            duplicates += duplicate
            again = backends.is_conflict(exc) or (duplicate and duplicates == 1)
            if not again or attempt == ATTEMPTS - 1:
                raise _one_line(exc) from None
            backends.backoff(attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")
