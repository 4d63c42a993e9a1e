"""What differs between a DuckDB file and PostgreSQL through DuckDB: opening, DDL, errors, ids.

DuckDB is the SQL engine on both. A `postgresql://` URL is attached through DuckDB's postgres
extension, so the store's queries run unchanged; only what the attach cannot do lives here:
DDL with sequences and list defaults (run in PostgreSQL itself), fresh ids from sequences,
queries across students pushed down to PostgreSQL, and errors that arrive as plain text.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
import os
import random
import re
import sys
import tempfile
import time
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import platformdirs

from hunt_core.errors import HuntError

log = logging.getLogger(__name__)

CATALOG = "hunt"  # the attached PostgreSQL database's name inside DuckDB
_SCHEMES = ("postgresql://", "postgres://")
_EXTENSION = "postgres_scanner"  # the file name DuckDB looks for; `postgres` is its alias


def is_postgres(target: str) -> bool:
    """True for a PostgreSQL URL, False for a file path (or :memory:)."""
    return target.startswith(_SCHEMES)


def locate(value: str) -> str:
    """A database target as given: a URL kept verbatim, a file path with ~ expanded."""
    return value if is_postgres(value) else str(Path(value).expanduser())


_KIND: weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, bool] = weakref.WeakKeyDictionary()


def on_postgres(con: duckdb.DuckDBPyConnection) -> bool:
    """True when con's current database is an attached PostgreSQL one (asked once per cursor)."""
    known = _KIND.get(con)
    if known is None:
        row = con.execute(
            "SELECT type FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchone()
        known = _KIND[con] = bool(row and row[0] == "postgres")
    return known


def redact(target: str) -> str:
    """A target fit for messages: a URL's password replaced by ***."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", target)


def connect(target: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection on a file, or on an in-memory DuckDB with PostgreSQL attached.

    The caller runs the migrations, then `lock_down`.
    """
    if not is_postgres(target):
        con = _open_file(target, read_only=read_only)
    else:
        con = duckdb.connect()
        try:
            _load_postgres(con)
            mode = ", READ_ONLY" if read_only else ""
            # READ COMMITTED: two sessions writing one row wait for each other instead of
            # failing with "could not serialize access" as under REPEATABLE READ.
            con.execute(
                f"ATTACH {_quote(target)} AS {CATALOG} "
                f"(TYPE postgres, ISOLATION_LEVEL 'READ COMMITTED'{mode})"
            )
            con.execute(f"USE {CATALOG}")
        except BaseException:
            con.close()
            raise
    return con


def lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """Switch external access off and lock the configuration, once migrations have run.

    After this no query run through the store can read or write files or reach other servers
    (read_csv('/etc/passwd') fails). It comes after the migrations because DuckDB changes a
    setting of its own when one transaction alters two tables, which a locked one refuses.
    """
    locked = con.execute("SELECT current_setting('lock_configuration')").fetchone()
    if not (locked and locked[0]):  # a file opened twice in one process shares one instance
        con.execute("SET enable_external_access = false")
        # DuckDB draws a progress bar on stdout for a slow query: it would corrupt `--json`.
        con.execute("SET enable_progress_bar = false")
        con.execute("SET lock_configuration = true")


def _settings() -> dict[str, Any]:
    """DuckDB settings for a file from the environment: HUNT_DUCKDB_THREADS, its worker threads.

    DuckDB starts one worker per core by default. A machine running many small Hunt
    processes at once (a test suite on every core) spends less starting and stopping them
    with one each; a big cohort file's leaderboard is faster with the default.
    """
    threads = os.environ.get("HUNT_DUCKDB_THREADS", "").strip()
    if not threads:
        return {}
    if not threads.isdigit() or int(threads) < 1:
        raise HuntError(f"HUNT_DUCKDB_THREADS {threads!r} is not a whole number of at least 1")
    return {"threads": int(threads)}


def _open_file(target: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open a file; a damaged write-ahead log is moved aside loudly instead of failing every open.

    DuckDB refuses a file whose WAL fails its checksum, so a server would crash on every
    restart. The WAL holds only what was written since the last checkpoint: the file itself is
    consistent without it, and the damaged log is kept next to it for recovery.
    """
    settings = _settings()
    try:
        return duckdb.connect(target, read_only=read_only, config=settings)
    except duckdb.Error as exc:
        wal = Path(f"{target}.wal")
        if read_only or target == ":memory:" or "WAL" not in str(exc) or not wal.is_file():
            raise
        aside = wal.with_name(f"{wal.name}.damaged-{dt.datetime.now():%Y%m%dT%H%M%S%f}")
        wal.rename(aside)
        message = (
            f"database {target}: its write-ahead log was damaged ({' '.join(str(exc).split())}) "
            f"and is moved to {aside}; changes written since the last checkpoint may be missing"
        )
        log.error(message)
        print(f"hunt: warning: {message}", file=sys.stderr)
        return duckdb.connect(target, read_only=read_only, config=settings)


def _load_postgres(con: duckdb.DuckDBPyConnection) -> None:
    """Load the postgres extension: from the installed wheel with no network, else INSTALL."""
    version = "v" + duckdb.__version__
    spec = importlib.util.find_spec("duckdb_extension_postgres")
    shipped = None
    if spec and spec.submodule_search_locations:
        root = Path(next(iter(spec.submodule_search_locations)))
        shipped = next(iter(root.glob(f"extensions/{version}/*.duckdb_extension")), None)
    if shipped is None:
        try:
            con.execute("INSTALL postgres")
            con.execute("LOAD postgres")
        except duckdb.Error as exc:
            raise HuntError(
                f"cannot load DuckDB's postgres extension for DuckDB {duckdb.__version__} "
                f"({first_line(exc)}); install Hunt with its postgres extra: "
                'pip install "hunt[postgres]"'
            ) from None
        return
    # DuckDB finds an extension only at <dir>/<version>/<platform>/<name>.duckdb_extension.
    row = con.execute("PRAGMA platform").fetchone()
    name = Path(version, str(row[0] if row else ""), f"{_EXTENSION}.duckdb_extension")
    cache = platformdirs.user_cache_path("hunt", appauthor=False) / "duckdb-extensions"
    spare = Path(tempfile.gettempdir()) / f"hunt-duckdb-extensions-{os.getuid()}"
    for folder in (cache, spare):  # a read-only home (some hosts) falls back to the temp dir
        try:
            _link(folder / name, shipped)
            break
        except OSError:
            continue
    else:
        raise HuntError(f"cannot lay out DuckDB's postgres extension in {cache} or {spare}")
    con.execute(f"SET extension_directory = {_quote(str(folder))}")
    con.execute("LOAD postgres")


def _link(place: Path, shipped: Path) -> None:
    """Make place a symbolic link to the shipped extension file, atomically."""
    if place.exists() and place.resolve() == shipped.resolve():
        return
    place.parent.mkdir(parents=True, exist_ok=True)
    link = place.with_suffix(f".{random.getrandbits(32):x}.tmp")
    link.symlink_to(shipped.resolve())
    link.replace(place)  # atomic: replicas starting together never see half a link


# -- DDL ---------------------------------------------------------------------------------------

# The attach cannot create sequences, nextval defaults or list defaults, so on PostgreSQL a
# migration runs in PostgreSQL itself after this translation of the DuckDB types and literals
# the migrations use. Write migrations in the common subset: standard DDL, VARCHAR[] lists,
# list literals as defaults, DOUBLE, sequences and nextval defaults.
_LIST_LITERAL = re.compile(r"\bDEFAULT\s+\[([^\]]*)\]", re.IGNORECASE)
_DOUBLE = re.compile(r"\bDOUBLE\b(?!\s+PRECISION)", re.IGNORECASE)


def postgres_ddl(sql: str) -> str:
    """A DuckDB migration as PostgreSQL DDL: list defaults as arrays, DOUBLE as double precision."""

    def array(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        return f"DEFAULT ARRAY[{inner}]::VARCHAR[]" if inner else "DEFAULT '{}'"

    return _DOUBLE.sub("DOUBLE PRECISION", _LIST_LITERAL.sub(array, sql))


POSTGRES_ONLY = "-- postgres only"  # a migration's statements after this line: PostgreSQL only


def run_ddl(con: duckdb.DuckDBPyConnection, postgres: bool, sql: str) -> None:
    """Run a migration's DDL in the open transaction: in DuckDB, or translated in PostgreSQL.

    Statements after a POSTGRES_ONLY line (indexes for queries PostgreSQL runs) skip DuckDB.
    """
    if not postgres:
        common = sql.partition(POSTGRES_ONLY)[0]
        if any(line.strip() and not line.lstrip().startswith("--") for line in common.splitlines()):
            con.execute(common)
        return
    execute_remote(con, postgres_ddl(sql))
    con.execute("CALL pg_clear_cache()")  # the attach re-reads the tables it just gained


_MIGRATION_LOCK = 0x68756E74  # "hunt": the advisory lock key every replica migrates under


def lock_migrations(con: duckdb.DuckDBPyConnection, postgres: bool) -> None:
    """Wait for, and hold until the open transaction ends, the right to migrate (PostgreSQL).

    Replicas starting together each take PostgreSQL's transaction-level advisory lock in the
    migration's own transaction, so one migrates while the other waits and then finds the
    work done. A file needs none: DuckDB lets one process write it.
    """
    if not postgres:
        return
    execute_remote(con, f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
    con.execute("CALL pg_clear_cache()")  # the tables may have changed while this waited


def refresh_statistics(con: duckdb.DuckDBPyConnection) -> None:
    """Let PostgreSQL's planner see rows just loaded in bulk (it would plan for empty tables)."""
    execute_remote(con, "ANALYZE")


def execute_remote(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Run fixed SQL in PostgreSQL itself, in the connection's open transaction if any."""
    con.execute(f"CALL postgres_execute('{CATALOG}', ?)", [sql])


# -- ids and pushed-down queries ---------------------------------------------------------------


def next_ids(
    con: duckdb.DuckDBPyConnection, postgres: bool, sequence: str, count: int
) -> list[int]:
    """count fresh values of a sequence (a fixed name from the store, never user input)."""
    if not postgres:
        rows = con.execute(f"SELECT nextval('{sequence}') FROM range(?)", [count]).fetchall()
    else:
        sql = f"SELECT nextval('{sequence}') FROM generate_series(1, {int(count)})"
        rows = con.execute(f"SELECT * FROM postgres_query('{CATALOG}', ?)", [sql]).fetchall()
    return [int(i) for (i,) in rows]


def sequence_positions(con: duckdb.DuckDBPyConnection, postgres: bool) -> dict[str, int]:
    """sequence -> the highest value it handed out (0 before its first use), per backend.

    On PostgreSQL the sequences live in PostgreSQL (created by its own DDL), so DuckDB's
    catalog does not list them: pg_sequences does. A reopened DuckDB file reports a sequence's
    next value as its last (DuckDB 1.5.5): one too high, never too low, so no id is reused.
    """
    if not postgres:
        rows = con.execute(
            "SELECT sequence_name, coalesce(last_value, start_value - 1) FROM duckdb_sequences() "
            "WHERE database_name = current_database() AND schema_name = current_schema()"
        ).fetchall()
    else:
        sql = (
            "SELECT sequencename, coalesce(last_value, start_value - 1) FROM pg_sequences "
            "WHERE schemaname = current_schema()"
        )
        rows = con.execute(f"SELECT * FROM postgres_query('{CATALOG}', ?)", [sql]).fetchall()
    return {str(name): int(value) for name, value in rows}


def advance_sequence(
    con: duckdb.DuckDBPyConnection, postgres: bool, sequence: str, past: int
) -> None:
    """Make a sequence (a name from the catalog, never input) hand out values above past only."""
    if not postgres:
        missing = past - sequence_positions(con, postgres).get(sequence, 0)
        if missing > 0:  # DuckDB has no setval: draw the values instead
            con.execute(f"SELECT max(nextval('{sequence}')) FROM range(?)", [missing]).fetchall()
        return
    if past > 0:  # setval(0) is below the minimum; greatest() never moves a sequence back
        sql = (
            f"SELECT setval('{sequence}', greatest({int(past)}, "
            "(SELECT coalesce(last_value, 0) FROM pg_sequences "
            f"WHERE schemaname = current_schema() AND sequencename = {_quote(sequence)})))"
        )
        execute_remote(con, sql)


_PARAMETER = re.compile(r"\$([a-z_]+)\b")


def query(
    con: duckdb.DuckDBPyConnection,
    postgres: bool,
    sql: str,
    params: Mapping[str, Any],
    *,
    order: str = "",
    hide: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """Run a query where the data is: bound in DuckDB, in PostgreSQL itself.

    Through the attach, DuckDB would pull whole tables over the wire to filter and aggregate
    them (and scan each table in a query of its own); postgres_query makes PostgreSQL do it in
    one round trip. sql must be portable (standard SQL that both engines read) with $name
    parameters, which are inlined as PostgreSQL literals there. order (fixed SQL naming result
    columns) is sorted by DuckDB on both, so it never depends on PostgreSQL's collation; hide
    names result columns that are there only for order, left out of the rows returned.
    """
    by = f" ORDER BY {order}" if order else ""
    shown = f"* EXCLUDE ({', '.join(hide)})" if hide else "*"
    if not postgres:
        used = {k: v for k, v in params.items() if f"${k}" in sql}
        wrapped = f"SELECT {shown} FROM ({sql}) AS q{by}" if by or hide else sql
        return con.execute(wrapped, used).fetchall()
    text = _PARAMETER.sub(lambda m: pg_literal(params[m.group(1)]), sql)
    found = f"SELECT {shown} FROM postgres_query('{CATALOG}', ?){by}"
    return con.execute(found, [text]).fetchall()


def pg_literal(value: Any) -> str:
    """A Python value as a PostgreSQL literal (standard_conforming_strings: quotes doubled)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.datetime):
        return f"CAST({_quote(value.isoformat(sep=' '))} AS TIMESTAMP)"
    if isinstance(value, dt.date):
        return f"CAST({_quote(value.isoformat())} AS DATE)"
    if isinstance(value, str):
        return f"CAST({_quote(value)} AS VARCHAR)"
    if isinstance(value, Sequence):
        if not value:
            return "CAST(ARRAY[] AS VARCHAR[])"
        return f"ARRAY[{', '.join(pg_literal(v) for v in value)}]"
    raise TypeError(f"no PostgreSQL literal for {type(value).__name__}")


def _quote(text: str) -> str:
    """A SQL string literal."""
    if "\x00" in text:
        raise ValueError("a NUL character cannot be part of a SQL string")
    return "'" + text.replace("'", "''") + "'"


# -- errors ------------------------------------------------------------------------------------

# PostgreSQL's errors reach DuckDB as plain duckdb.Error, so they are told apart by their text.
_UNIQUE = ("duplicate key", "violates unique constraint", "violates primary key constraint")
_CONFLICT = (
    "transaction conflict",
    "could not serialize access",
    "deadlock detected",
    "conflict on tuple",
    "conflict on update",
)


def is_unique_violation(exc: BaseException) -> bool:
    """True for a duplicate key: a name or id another write took first."""
    if isinstance(exc, duckdb.ConstraintException):
        return "duplicate key" in str(exc).lower()
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(s in text for s in _UNIQUE)


def is_conflict(exc: BaseException) -> bool:
    """True for a write that lost to a concurrent one and succeeds when run again."""
    text = str(exc).lower()
    if isinstance(exc, duckdb.TransactionException) and "conflict" in text:
        return True
    return isinstance(exc, duckdb.Error) and any(s in text for s in _CONFLICT)


def backoff(attempt: int) -> None:
    """Wait before retry number attempt: exponential with full jitter, a few ms to ~0.3 s."""
    time.sleep(random.uniform(0, min(0.3, 0.005 * 2**attempt)))


def first_line(exc: BaseException) -> str:
    """An error's first line."""
    return (str(exc).splitlines() or [""])[0]
