"""Whole-database backups: every table to Parquet with a checksummed manifest, and back exactly."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from hunt_core.cohort import OPERATOR, Member
from hunt_core.errors import HuntError, InvalidInput, PermissionDenied
from hunt_core.store import Cohorts, Database, backends, checkpoint

MANIFEST = "hunt-backup.json"
FORMAT = "hunt-backup"
FORMAT_VERSION = 1
BATCH_ROWS = 100_000  # rows per Arrow batch: a big table streams instead of sitting in memory
_NEXTVAL = re.compile(r"nextval\('([a-z_]+)'")
_TABLE = re.compile(r"^[a-z][a-z0-9_]*$")
# Bare rows `Store.ensure_user` creates on open: a target holding only these is still empty.
_BARE_TABLE = "users"


def may_back_up(actor: Member) -> bool:
    """Only admins (and the operator on the file) copy or replace everyone's data."""
    return actor.role == "admin"


def _check_admin(con: duckdb.DuckDBPyConnection, actor: Member) -> None:
    """Refuse anyone but an admin as the roster has them now (always the operator)."""
    member = actor if actor is OPERATOR else Cohorts(con).member(actor.owner)
    if member is None or not may_back_up(member):
        raise PermissionDenied("only admins back up or restore the whole database")


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every data table of the schema, by name (schema_version is the manifest's own field)."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_schema = current_schema() AND table_name <> 'schema_version' ORDER BY 1"
    ).fetchall()
    return [name for (name,) in rows]


def sequences(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """table -> the sequence its id column draws from, read from the column defaults.

    Asked where the tables live: through the attach, PostgreSQL's defaults are not shown.
    """
    rows = backends.query(
        con,
        backends.on_postgres(con),
        "SELECT table_name, column_default FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND column_name = 'id' "
        "AND column_default LIKE 'nextval%'",
        {},
    )
    found = {str(table): _NEXTVAL.search(str(default)) for table, default in rows}
    return {table: match.group(1) for table, match in found.items() if match}


def _schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The migration the database is at."""
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def _hunt_version() -> str:
    """The installed Hunt's version, for the manifest."""
    try:
        return importlib.metadata.version("hunt")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _sha256(path: Path) -> str:
    """The hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _files() -> Iterator[duckdb.DuckDBPyConnection]:
    """A private in-memory DuckDB that does the file work (Parquet in and out).

    The database's own connection never touches a file, so backups keep working when the
    store turns external access off; rows cross between the two as Arrow batches.
    """
    local = duckdb.connect(":memory:")
    try:
        yield local
    finally:
        local.close()


def backup(db: Database, directory: str | Path, actor: Member, now: dt.datetime) -> dict[str, Any]:
    """Write every table to DIR/<table>.parquet plus the manifest; return the manifest."""
    con = db.con
    _check_admin(con, actor)
    folder = Path(directory).expanduser()
    if (folder / MANIFEST).exists():
        raise InvalidInput(f"{folder} already holds a backup; pick an empty folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HuntError(f"cannot create {folder}: {exc.strerror or exc}") from None
    entries = []
    con.begin()  # one snapshot: every table as of the same moment
    try:
        seqs = sequences(con)
        positions = backends.sequence_positions(con, db.postgres)
        with _files() as local:
            for table in tables(con):
                path = folder / f"{table}.parquet"
                # Table names come from the catalog above, never from input.
                reader = con.execute(f"SELECT * FROM {table}").to_arrow_reader(BATCH_ROWS)
                local.register("rows", reader)
                local.execute(f"COPY rows TO '{_quoted(path)}' (FORMAT parquet)")
                local.unregister("rows")
                count = local.execute("SELECT count(*) FROM read_parquet(?)", [str(path)])
                entries.append(
                    {
                        "table": table,
                        "file": path.name,
                        "rows": int(count.fetchone()[0]),  # type: ignore[index]
                        "sha256": _sha256(path),
                    }
                )
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "hunt_version": _hunt_version(),
            "schema_version": _schema_version(con),
            "created_at": now.isoformat(),
            "tables": entries,
            "sequences": {seq: positions.get(seq, 0) for seq in sorted(seqs.values())},
        }
    finally:
        con.rollback()  # read only: nothing to keep
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _quoted(path: Path) -> str:
    """A path as the inside of a SQL string literal (COPY takes no parameter for its target)."""
    return str(path).replace("'", "''")


def read_manifest(directory: str | Path) -> dict[str, Any]:
    """The manifest of a backup folder, its files present and their checksums matching."""
    folder = Path(directory).expanduser()
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"{folder} is not a Hunt backup: no {MANIFEST}") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InvalidInput(f"cannot read {folder / MANIFEST}: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InvalidInput(f'{folder / MANIFEST} is not a Hunt backup (no "format": "{FORMAT}")')
    if manifest.get("version") != FORMAT_VERSION:
        raise InvalidInput(
            f"{folder / MANIFEST} is backup format {manifest.get('version')!r}; "
            f"this Hunt reads format {FORMAT_VERSION}"
        )
    for entry in manifest.get("tables") or []:
        table = str(entry.get("table", ""))
        if not _TABLE.match(table) or entry.get("file") != f"{table}.parquet":
            raise InvalidInput(f"{folder / MANIFEST}: bad table entry {table!r}")
        path = folder / entry["file"]
        if not path.is_file():
            raise InvalidInput(f"{path} is missing from the backup")
        if _sha256(path) != entry.get("sha256"):
            raise InvalidInput(
                f"{path} does not match its checksum in {MANIFEST}: the backup is damaged"
            )
    return manifest


def _occupied(con: duckdb.DuckDBPyConnection, names: list[str]) -> list[str]:
    """Tables that hold data (a users row with no name counts as nothing)."""
    busy = []
    for table in names:
        where = " WHERE name <> ''" if table == _BARE_TABLE else ""
        row = con.execute(f"SELECT count(*) FROM {table}{where}").fetchone()
        if row and row[0]:
            busy.append(table)
    return busy


def restore(db: Database, directory: str | Path, actor: Member) -> dict[str, int]:
    """Load a backup into an empty database exactly, all or nothing: rows per table."""
    con = db.con
    _check_admin(con, actor)
    folder = Path(directory).expanduser()
    manifest = read_manifest(folder)
    here = _schema_version(con)
    if manifest.get("schema_version") != here:
        raise InvalidInput(
            f"the backup is at schema version {manifest.get('schema_version')}, this database "
            f"at {here}: restore it with Hunt {manifest.get('hunt_version')}"
        )
    known = set(tables(con))
    entries = manifest["tables"]
    unknown = sorted({e["table"] for e in entries} - known)
    if unknown:
        raise InvalidInput(f"the backup holds tables this Hunt does not have: {unknown}")
    busy = _occupied(con, sorted(known))
    if busy:
        raise InvalidInput(
            f"the database is not empty ({', '.join(busy)} hold rows); restore into a new one"
        )
    counts: dict[str, int] = {}
    con.begin()
    try:
        con.execute(f"DELETE FROM {_BARE_TABLE}")  # only nameless rows, checked above
        with _files() as local:
            for entry in entries:
                table = entry["table"]
                path = folder / entry["file"]
                reader = local.execute(
                    "SELECT * FROM read_parquet(?)", [str(path)]
                ).to_arrow_reader(BATCH_ROWS)
                con.register("incoming", reader)
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
                con.unregister("incoming")
                row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
                counts[table] = int(row[0]) if row else 0
                if counts[table] != entry["rows"]:
                    raise InvalidInput(
                        f"{path} holds {counts[table]} rows, the manifest says {entry['rows']}"
                    )
        _advance(con, db.postgres, manifest.get("sequences") or {})
        con.commit()
    except BaseException:
        con.rollback()
        raise
    checkpoint(con)
    return counts


def _advance(con: duckdb.DuckDBPyConnection, postgres: bool, recorded: dict[str, Any]) -> None:
    """Move each id sequence past both its backed-up value and the highest restored id."""
    for table, sequence in sequences(con).items():
        row = con.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
        target = max(int(row[0]) if row else 0, int(recorded.get(sequence, 0)))
        backends.advance_sequence(con, postgres, sequence, target)
