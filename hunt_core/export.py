"""Everything of one user out as CSV files, JSON or one workbook, and back into an empty hunt.

Tables: profile, companies, contacts, touches, chats, postings, connections, weights and
aliases (the other spellings of a target you confirmed); snoozed steps are passing state and
stay behind. Ids are kept in the files so rows can refer to each other; a restore gives new ids
and remaps contacts and aliases -> companies and touches/chats -> contacts.
In CSV and Excel a list is one cell of ';'-joined items (a ';' or '\\' inside an item is
escaped with '\\'), and a cell a spreadsheet could run as a formula gets a leading quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, get_args

import openpyxl

from hunt_core import cells, forms, models
from hunt_core.errors import HuntError, InvalidInput
from hunt_core.importers.spreadsheets import read_table, read_workbook
from hunt_core.importers.text import Table
from hunt_core.models import Chat, Company, Connection, Contact, Posting, Profile, Touch, choice
from hunt_core.store import Duplicate, Store, checkpoint
from hunt_core.wording import plural

FORMATS = ("csv", "json", "xlsx")
FORMAT = "hunt-export"
FORMAT_VERSION = 1
JSON_NAME = "hunt-export.json"
XLSX_NAME = "hunt-export.xlsx"
ZIP_NAME = "hunt-export.zip"
# What the dashboard's download buttons offer: file name and media type per format.
DOWNLOADS = {
    "csv": (ZIP_NAME, "application/zip"),
    "json": (JSON_NAME, "application/json"),
    "xlsx": (XLSX_NAME, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
MAX_BYTES = 512 * 2**20  # a whole hunt outgrows the spreadsheet import's limit
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # the same hunt zips to the same bytes
MODELS: dict[str, type] = {
    "profile": Profile,
    "companies": Company,
    "contacts": Contact,
    "touches": Touch,
    "chats": Chat,
    "postings": Posting,
    "connections": Connection,
}
_KINDS = {
    "str": "text",
    "list[str]": "list",
    "int": "int",
    "int | None": "int?",
    "float": "float",
    "bool": "bool",
    "bool | None": "bool?",
    "dt.datetime": "datetime",
    "dt.datetime | None": "datetime?",
    "dt.date | None": "date?",
}
_CHOICES = {
    name: get_args(getattr(models, name))
    for name in ("Remote", "YesNo", "Role", "TouchKind", "LinkedInPlan")
}
Row = dict[str, Any]
Raw = list[tuple[str, Mapping[str, Any]]]  # (where the row is, its cells) per table


def _schema(model: type) -> dict[str, str]:
    """Column -> kind of a model's table, id first; an unknown field type fails loudly here."""
    kinds = {f.name: _KINDS.get(str(f.type)) or f"choice:{f.type}" for f in fields(model)}
    for column, kind in kinds.items():
        if kind.startswith("choice:") and kind[7:] not in _CHOICES:
            raise TypeError(f"export cannot store {model.__name__}.{column} ({kind[7:]})")
    if "id" not in kinds:
        return kinds
    kinds.pop("id")  # optional on a model not yet saved, always there in an export
    return {"id": "int", **kinds}


SCHEMA: dict[str, dict[str, str]] = {name: _schema(m) for name, m in MODELS.items()} | {
    "weights": {"criterion": "text", "weight": "float"},
    "aliases": {"company_id": "int", "alias": "text"},
}
# Tables added after exports of this format version were first written: an older export
# without one restores it empty rather than being refused.
ADDED_LATER = ("aliases",)
_REQUIRED = [name for name in SCHEMA if name not in ADDED_LATER]


# -- export --------------------------------------------------------------------------------


def dump(store: Store) -> dict[str, list[Row]]:
    """Every table of this owner as rows of Python values, read in one transaction."""
    with store.reading():  # so the tables agree
        return {
            "profile": [asdict(store.profile())],
            "companies": [asdict(c) for c in store.companies()],
            "contacts": [asdict(c) for c in store.contacts()],
            "touches": [asdict(t) for t in store.touches()],
            "chats": [asdict(c) for c in store.chats()],
            "postings": [asdict(p) for p in store.postings()],
            "connections": [asdict(c) for c in store.connections()],
            "weights": [{"criterion": k, "weight": w} for k, w in sorted(store.weights().items())],
            "aliases": [{"company_id": c, "alias": a} for c, a in store.company_aliases()],
        }


def export(store: Store, directory: str | Path, fmt: str = "csv") -> list[Path]:
    """Write the hunt into directory (created if needed); the files written."""
    files = render(dump(store), fmt)
    folder = Path(directory)
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
            written.append(folder / name)
    except OSError as exc:
        raise HuntError(f"cannot write the export to {folder}: {exc.strerror or exc}") from None
    return written


def export_bytes(store: Store, fmt: str) -> bytes:
    """One download: a zip of the CSV files, the JSON file, or the workbook (see DOWNLOADS)."""
    files = render(dump(store), fmt)
    if len(files) == 1:
        return next(iter(files.values()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def render(tables: Mapping[str, list[Row]], fmt: str) -> dict[str, bytes]:
    """File name -> bytes of an export in one format."""
    fmt = choice(fmt, FORMATS, "export format")
    if fmt == "json":
        return {JSON_NAME: _json_bytes(tables)}
    if fmt == "xlsx":
        return {XLSX_NAME: _xlsx_bytes(tables)}
    return {f"{name}.csv": _csv_bytes(name, rows) for name, rows in tables.items()}


def _json_bytes(tables: Mapping[str, list[Row]]) -> bytes:
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "tables": {name: [_json_row(row) for row in rows] for name, rows in tables.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _json_row(row: Row) -> Row:
    """Dates and times as ISO text; everything else is JSON already."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def _csv_bytes(name: str, rows: list[Row]) -> bytes:
    """One table as CSV with Excel's BOM, every cell defused."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    columns = list(SCHEMA[name])
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cells.neutralise(_text(row[c])) for c in columns])
    return out.getvalue().encode("utf-8-sig")


def _xlsx_bytes(tables: Mapping[str, list[Row]]) -> bytes:
    """One sheet per table; numbers stay numbers, everything else is defused text."""
    book = openpyxl.Workbook(write_only=True)
    for name, rows in tables.items():
        sheet = book.create_sheet(name)
        columns = list(SCHEMA[name])
        sheet.append(columns)
        for row in rows:
            sheet.append([_xlsx_cell(row[c]) for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return cells.to_xlsx(_text(value))


def _text(value: Any) -> str:
    """A value as one cell of text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(i.replace("\\", "\\\\").replace(";", "\\;") for i in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


# -- restore -------------------------------------------------------------------------------


def restore(store: Store, source: str | Path) -> dict[str, int]:
    """Load an export folder, .json, .xlsx or .zip into this empty hunt; rows per table."""
    path = Path(source)
    if path.is_dir():
        files = {p.name: p for p in path.iterdir() if p.is_file()}
        return _restore(store, _from_files(str(path), {n: _file(p) for n, p in files.items()}))
    return restore_bytes(store, _file(path)(), str(path))


def restore_bytes(store: Store, data: bytes, filename: str) -> dict[str, int]:
    """Load an uploaded export (.json, .xlsx or .zip of the CSV files) into this empty hunt."""
    return _restore(store, _from_bytes(data, filename))


def _file(path: Path) -> Callable[[], bytes]:
    """A reader of one file that refuses a missing or oversized one in one line."""

    def read() -> bytes:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise InvalidInput(f"{path} is over the {MAX_BYTES // 2**20} MB limit")
            return path.read_bytes()
        except FileNotFoundError:
            raise InvalidInput(f"no such file or folder: {path}") from None
        except OSError as exc:
            raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None

    return read


def _from_bytes(data: bytes, filename: str) -> dict[str, Raw]:
    """The raw tables of one export file, by its kind."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".json":
        return _from_json(data, filename)
    if suffix == ".xlsx":
        return _from_xlsx(data, filename)
    if suffix == ".zip":
        return _from_zip(data, filename)
    raise InvalidInput(
        f"{filename} is not a Hunt export; give the export folder, {JSON_NAME}, {XLSX_NAME} "
        f"or {ZIP_NAME}"
    )


def _from_files(where: str, files: Mapping[str, Callable[[], bytes]]) -> dict[str, Raw]:
    """The one export among a folder's (or zip's) files: JSON, workbook or the CSV files."""
    csvs = [f"{name}.csv" for name in SCHEMA]
    kinds = [n for n in (JSON_NAME, XLSX_NAME) if n in files]
    if any(n in files for n in csvs):
        kinds.append("the CSV files")
    if not kinds:
        raise InvalidInput(
            f"no Hunt export in {where} (expected {JSON_NAME}, {XLSX_NAME} or companies.csv ...)"
        )
    if len(kinds) > 1:
        raise InvalidInput(
            f"{where} holds more than one export ({' and '.join(kinds)}); name the file to restore"
        )
    if kinds[0] in (JSON_NAME, XLSX_NAME):
        return _from_bytes(files[kinds[0]](), f"{where}/{kinds[0]}")
    missing = [f"{n}.csv" for n in _REQUIRED if f"{n}.csv" not in files]
    if missing:
        raise InvalidInput(f"{where} has no {missing[0]}; is it a whole Hunt export?")
    return {
        name: _csv_rows(files[f"{name}.csv"](), f"{where}/{name}.csv", name)
        if f"{name}.csv" in files
        else []
        for name in SCHEMA
    }


def _csv_rows(data: bytes, label: str, name: str) -> Raw:
    return _table_rows(read_table(data, label, limit=MAX_BYTES, max_rows=None), name)


def _from_zip(data: bytes, filename: str) -> dict[str, Raw]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise InvalidInput(f"{filename} is not a zip file") from None
    infos = {Path(i.filename).name: i for i in archive.infolist() if not i.is_dir()}

    def member(info: zipfile.ZipInfo) -> Callable[[], bytes]:
        def read() -> bytes:
            if info.file_size > MAX_BYTES:
                raise InvalidInput(f"{filename}: {info.filename} is too big")
            try:
                return archive.read(info)
            except (zipfile.BadZipFile, OSError, ValueError) as exc:
                raise InvalidInput(f"{filename}: cannot read {info.filename}: {exc}") from None

        return read

    with archive:
        return _from_files(filename, {n: member(i) for n, i in infos.items()})


def _from_xlsx(data: bytes, filename: str) -> dict[str, Raw]:
    tables = read_workbook(
        data, filename, _REQUIRED, optional=ADDED_LATER, limit=MAX_BYTES, max_rows=None
    )
    return {name: _table_rows(tables[name], name) if name in tables else [] for name in SCHEMA}


def _table_rows(table: Table, name: str) -> Raw:
    """The rows of a CSV file or sheet, whose columns must be the table's."""
    _check_columns(table.source, table.columns, name)
    return [(f"{table.source}, row {n}", record) for n, record in table.records()]


def _check_columns(where: str, columns: Sequence[str], name: str) -> None:
    expected = SCHEMA[name]
    missing = [c for c in expected if c not in columns]
    extra = [c for c in columns if c not in expected]
    if missing or extra:
        detail = "; ".join(
            part for part in (
                f"missing {', '.join(missing)}" if missing else "",
                f"unexpected {', '.join(extra)}" if extra else "",
            ) if part
        )  # fmt: skip
        raise InvalidInput(f"{where}: not the columns of a Hunt {name} export ({detail})")


def _from_json(data: bytes, filename: str) -> dict[str, Raw]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{filename} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{filename} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:  # as the job-board importer says it
        raise InvalidInput(f"{filename} is not JSON Hunt can read: nested too deeply") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(f'{filename} is not a Hunt export (no "format": "{FORMAT}")')
    if document.get("version") != FORMAT_VERSION:
        raise InvalidInput(
            f"{filename} is export version {document.get('version')!r}; "
            f"this Hunt reads version {FORMAT_VERSION}"
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise InvalidInput(f'{filename} has no "tables" object')
    return {name: _json_rows(filename, tables, name) for name in SCHEMA}


def _json_rows(filename: str, tables: Mapping[str, Any], name: str) -> Raw:
    rows = tables.get(name)
    if rows is None and name in ADDED_LATER:
        return []
    if not isinstance(rows, list):
        raise InvalidInput(f"{filename}: tables.{name} is missing or not a list")
    raw: Raw = []
    for index, row in enumerate(rows):
        where = f"{filename}, {name}[{index}]"
        if not isinstance(row, dict):
            raise InvalidInput(f"{where} is not an object")
        _check_columns(where, list(row), name)
        raw.append((where, row))
    return raw


def _restore(store: Store, raw: Mapping[str, Raw]) -> dict[str, int]:
    """Check every row, then write them all in one transaction into an empty hunt."""
    _refuse_non_empty(store)
    tables = {name: [(at, _typed(name, at, row)) for at, row in raw[name]] for name in SCHEMA}
    if len(tables["profile"]) != 1:
        raise InvalidInput(f"the profile table must hold one row, not {len(tables['profile'])}")
    try:
        with store.transaction():
            _write(store, tables)
    except Duplicate as exc:
        raise InvalidInput(f"the export holds conflicting rows: {_first_line(exc)}") from None
    checkpoint(store.con)
    return {name: len(rows) for name, rows in tables.items()}


def summary(counts: Mapping[str, int]) -> str:
    """What a restore wrote, as words: '25 companies, 1 person, ... and 0 aliases'."""
    words = (("companies", "company", "companies"), ("contacts", "person", "people"),
             ("touches", "touch", "touches"), ("chats", "chat", "chats"),
             ("postings", "posting", "postings"), ("connections", "connection", "connections"),
             ("weights", "weight", "weights"), ("aliases", "alias", "aliases"))  # fmt: skip
    parts = [plural(counts.get(table, 0), one, many) for table, one, many in words]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _refuse_non_empty(store: Store) -> None:
    """A restore recreates a hunt; mixing it into one with data would corrupt both."""
    held = [
        f"{n} {what}"
        for what, n in (
            ("companies", len(store.companies())),
            ("connections", len(store.connections())),
            ("weights", len(store.weights())),
        )
        if n
    ]
    if store.profile() != Profile():
        held.insert(0, "a profile")
    if held:
        raise InvalidInput(
            f"restore goes into an empty hunt, and user {store.owner!r} already has "
            f"{', '.join(held)}; restore into a new, empty hunt"
        )


def _write(store: Store, tables: Mapping[str, list[tuple[str, Row]]]) -> None:
    """Insert every table, mapping the file's ids to the new ones."""
    store.save_profile(Profile(**tables["profile"][0][1]))
    companies = _ids(tables["companies"], Company)
    store.add_companies(list(companies.values()))
    company_id = {old: c.id for old, c in companies.items()}
    contacts = _ids(_remap(tables["contacts"], "company_id", company_id), Contact)
    store.add_contacts(list(contacts.values()))
    contact_id = {old: c.id for old, c in contacts.items()}
    store.add_touches(
        [Touch(**row) for row in _plain(_remap(tables["touches"], "contact_id", contact_id))]
    )
    store.bulk_insert("chats", _plain(_remap(tables["chats"], "contact_id", contact_id)))
    store.bulk_insert("postings", _plain(_remap(tables["postings"], "company_id", company_id)))
    linked = _remap(tables["connections"], "company_id", company_id, optional=True)
    store.save_connections([Connection(**row) for row in _plain(linked)])
    for _, row in tables["weights"]:
        store.set_weight(row["criterion"], row["weight"])
    for where, row in _remap(tables["aliases"], "company_id", company_id):
        try:
            store.add_company_alias(row["company_id"], row["alias"])
        except InvalidInput as exc:
            raise InvalidInput(f"{where}: {exc}") from None


def _ids(rows: list[tuple[str, Row]], model: Callable[..., Any]) -> dict[int, Any]:
    """Model instances without ids, by the id the file gave them (each id once)."""
    found: dict[int, Any] = {}
    for where, row in rows:
        old = row["id"]
        if old in found:
            raise InvalidInput(f"{where}, column id: id {old} appears twice")
        found[old] = model(**{k: v for k, v in row.items() if k != "id"})
    return found


def _remap(
    rows: list[tuple[str, Row]], column: str, ids: Mapping[int, Any], *, optional: bool = False
) -> list[tuple[str, Row]]:
    """Rows with a reference to another table swapped for the new id."""
    out = []
    for where, row in rows:
        old = row[column]
        if old is None and optional:
            out.append((where, row))
            continue
        if old not in ids:
            raise InvalidInput(f"{where}, column {column}: no row with id {old} to refer to")
        out.append((where, {**row, column: ids[old]}))
    return out


def _plain(rows: list[tuple[str, Row]]) -> list[Row]:
    """Row values without the file's own id."""
    return [{k: v for k, v in row.items() if k != "id"} for _, row in rows]


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# -- typed values --------------------------------------------------------------------------


def _typed(name: str, where: str, row: Mapping[str, Any]) -> Row:
    """A row's cells (text from CSV or Excel, values from JSON) as the model's types."""
    typed = {}
    for column, kind in SCHEMA[name].items():
        try:
            typed[column] = _value(kind, row[column], column)
        except InvalidInput as exc:
            raise InvalidInput(f"{where}, column {column}: {exc}") from None
    return typed


def _value(kind: str, raw: Any, column: str) -> Any:
    """One value of a kind; '' (or null) is None for the optional kinds."""
    if kind.endswith("?"):
        return None if raw is None or raw == "" else _value(kind[:-1], raw, column)
    if kind.startswith("choice:"):
        return choice(_str(raw), _CHOICES[kind[7:]], column)
    return _PARSERS[kind](raw)


def _str(raw: Any) -> str:
    if not isinstance(raw, str):
        raise InvalidInput(f"{raw!r} is not text")
    return raw


def _list(raw: Any) -> list[str]:
    """A JSON array of text, or ';'-joined text with '\\' escapes."""
    if isinstance(raw, list):
        return [_str(item) for item in raw]
    return list(_items(_str(raw))) if raw else []


def _items(text: str) -> Iterator[str]:
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            current.append(next(chars, ""))
        elif char == ";":
            yield "".join(current)
            current = []
        else:
            current.append(char)
    yield "".join(current)


def _int(raw: Any) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    try:
        return int(_str(raw).strip())
    except ValueError:
        raise InvalidInput(f"{raw!r} is not a whole number") from None


def _float(raw: Any) -> float:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    try:
        return float(_str(raw).strip())
    except ValueError:
        raise InvalidInput(f"{raw!r} is not a number") from None


def _bool(raw: Any) -> bool:
    return forms.yes_no_bool(raw if isinstance(raw, bool) else _str(raw), "value")


def _datetime(raw: Any) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(_str(raw).strip())
    except ValueError:
        raise InvalidInput(f"{raw!r} is not a date and time (YYYY-MM-DDTHH:MM:SS)") from None


def _date(raw: Any) -> dt.date:
    return models.parse_date(_str(raw), "value")


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "text": _str,
    "list": _list,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "datetime": _datetime,
    "date": _date,
}
