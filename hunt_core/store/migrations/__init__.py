"""Numbered SQL migrations, applied in order, each in its own transaction."""

from __future__ import annotations

import importlib.resources
import re

import duckdb

from hunt_core.store import backends
from hunt_core.store.transactions import transaction

_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every bundled migration, in order."""
    found = []
    for entry in importlib.resources.files(__name__).iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version applied, 0 for an empty database."""
    try:  # cheaper than information_schema, which loads PostgreSQL's whole catalog
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.CatalogException:
        return 0
    return int(row[0] or 0) if row else 0


_SCHEMA_VERSION = (
    "CREATE TABLE IF NOT EXISTS schema_version "
    "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
    "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
)


def migrate(con: duckdb.DuckDBPyConnection, postgres: bool, target: int | None = None) -> int:
    """Apply pending migrations up to target (default all), each in its own transaction.

    On PostgreSQL two replicas may start together: each transaction first takes the migration
    lock (backends.lock_migrations) and reads the version again under it, so exactly one
    replica applies each migration and the other skips what it finds applied.
    """
    current = version(con)
    if current == 0:
        with transaction(con):
            backends.lock_migrations(con, postgres)
            backends.run_ddl(con, postgres, _SCHEMA_VERSION)
    for number, name, sql in migrations():
        if number <= current or (target is not None and number > target):
            continue
        current = _apply(con, postgres, number, name, sql)
    return current


def _apply(con: duckdb.DuckDBPyConnection, postgres: bool, number: int, name: str, sql: str) -> int:
    """Apply one migration unless another replica already did; the version after it."""
    with transaction(con):
        backends.lock_migrations(con, postgres)
        found = version(con)
        if found >= number:  # applied while this one waited for the lock
            return found
        backends.run_ddl(con, postgres, sql)
        con.execute(
            "INSERT INTO schema_version (version, name, applied_at) "
            "VALUES (?, ?, current_timestamp)",
            [number, name],
        )
    return number
