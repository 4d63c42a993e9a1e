"""Bulk loading: many rows in one INSERT through Arrow, fresh ids for rows that point at rows."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import duckdb

from hunt_core.store import backends

# Tables whose rows carry an owner and may be loaded in bulk.
OWNED = ("companies", "contacts", "touches", "chats", "postings", "connections", "profiles")
_SEQUENCES = {
    "companies": "company_ids",
    "contacts": "contact_ids",
    "touches": "touch_ids",
    "chats": "chat_ids",
}


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows of an owned table via Arrow (column names from the store, never input).

    No file is involved, so this works with DuckDB's external access switched off; the
    insert casts each column to the table's type, so ISO text for a date or time is read as one.
    """
    if table not in OWNED:
        raise ValueError(f"bulk insert into {table!r} is not allowed")
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


def reserve_ids(con: duckdb.DuckDBPyConnection, table: str, count: int) -> list[int]:
    """count fresh ids for companies, contacts, touches or chats, for rows loaded in bulk."""
    return backends.next_ids(con, backends.on_postgres(con), _SEQUENCES[table], count)


def _arrow_column(pa: Any, values: list[Any]) -> Any:
    """One column for Arrow: as it is, or as text when its values mix types (text and dates)."""
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in values], pa.string())
