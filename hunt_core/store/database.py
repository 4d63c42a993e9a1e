"""The database: a DuckDB file or PostgreSQL opened and migrated; hands out Stores and Cohorts."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import platformdirs

from hunt_core.errors import DatabaseBusy, HuntError
from hunt_core.store import backends, bulk, migrations
from hunt_core.store.cohorts import Cohorts
from hunt_core.store.owner import LOCAL_USER, Store
from hunt_core.store.transactions import transaction


def default_path() -> str:
    """Where the database lives: HUNT_DB (a file or a postgresql:// URL), else a user data file."""
    if os.environ.get("HUNT_DB"):
        return backends.locate(os.environ["HUNT_DB"])
    return str(platformdirs.user_data_path("hunt", appauthor=False) / "hunt.duckdb")


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """After a bulk import: fold the WAL into the file, or refresh PostgreSQL's statistics.

    PostgreSQL plans for the tables as they were: a first leaderboard right after a demo load
    took minutes without fresh statistics.
    """
    if backends.on_postgres(con):
        backends.refresh_statistics(con)
    else:
        con.execute("CHECKPOINT")


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
            raise HuntError(f"cannot open database {shown}: {backends.first_line(exc)}") from None
        except duckdb.Error as exc:
            raise HuntError(f"cannot open database {shown}: {backends.first_line(exc)}") from None
        db = cls(con, target)
        try:
            if not read_only:
                db.migrate()
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
        return migrations.version(self.con)

    def migrate(self, target: int | None = None) -> int:
        """Apply pending migrations up to target (default all), each in its own transaction.

        On a file they are checkpointed at once: DuckDB 1.5 fails to replay a column added
        with a default from the write-ahead log, so a crash before the next checkpoint would
        otherwise cost the log.
        """
        with self._lock:
            before = migrations.version(self.con)
            after = migrations.migrate(self.con, self.postgres, target)
            if after != before and not self.postgres:
                checkpoint(self.con)
            return after

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

    def cohorts(self, con: duckdb.DuckDBPyConnection | None = None) -> Cohorts:
        """The rights-checked cohort API over one connection (a cursor per session thread).

        Operator level: whoever holds the Database holds the file.
        """
        return Cohorts(con or self.con)

    def reserve_ids(self, table: str, count: int) -> list[int]:
        """count fresh ids for companies, contacts, touches or chats, for bulk loads."""
        return bulk.reserve_ids(self.con, table, count)

    def bulk_load(self, tables: Mapping[str, Sequence[dict[str, Any]]]) -> None:
        """Insert rows of many owners (each row names its owner) in one transaction: demos."""
        owners = {row["owner"] for rows in tables.values() for row in rows}
        with transaction(self.con, owners):
            for table, rows in tables.items():
                bulk.insert(self.con, table, rows)
        checkpoint(self.con)
