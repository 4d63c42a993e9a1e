"""Companies and people from the CSV or Excel sheet the guide tells you to start: all or nothing.

Every row goes through the same forms as the CLI and the dashboard; a bad cell names its row
(as the spreadsheet shows it, the header being row 1) and its column, and nothing is written.
A name twice in the file is refused naming both rows; one already in the hunt is skipped and
counted, so importing the same sheet again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import openpyxl

from hunt_core import cells, forms
from hunt_core.errors import InvalidInput
from hunt_core.importers import linkedin, text
from hunt_core.importers.text import Table
from hunt_core.models import Company, Contact
from hunt_core.store import Store, name_key

if TYPE_CHECKING:
    from hunt_core.workspace import Workspace

MAX_BYTES = text.MAX_BYTES
MAX_ROWS = 100_000
UNZIPPED_PER_BYTE = 10  # an .xlsx inflating more than this is a zip bomb, not a sheet
SPREADSHEETS = (".xlsx", ".xlsm")
OTHER_SHEETS = (".xls", ".ods", ".numbers")
PROGRESS_EVERY = 250
TOO_BIG = "split it into smaller files"
Progress = Callable[[float], object]  # told the fraction done; what it returns is ignored
T = TypeVar("T")


@dataclass(frozen=True)
class ImportSummary:
    """What one import changed: the names added and the ones already in the hunt."""

    what: str  # "companies" or "people"
    added: tuple[str, ...]
    skipped: tuple[str, ...]

    def message(self, source: str = "") -> str:
        """One line for people: 'Imported 3 companies from x.csv; 2 already in your hunt.'"""
        line = f"Imported {_count(len(self.added), self.what)}"
        if source:
            line += f" from {source}"
        if self.skipped:
            line += f"; {len(self.skipped)} already in your hunt"
        return line + "."

    def as_dict(self) -> dict[str, Any]:
        """The `--json` shape."""
        return {
            "what": self.what,
            "added": len(self.added),
            "skipped": len(self.skipped),
            "added_names": list(self.added),
            "skipped_names": list(self.skipped),
        }


# -- reading files -------------------------------------------------------------------------


def read_path(
    path: str | Path, *, limit: int = MAX_BYTES, max_rows: int | None = MAX_ROWS
) -> Table:
    """The first sheet of a .csv or .xlsx file on disk; the size is checked before reading."""
    data = text.read_bytes(path, limit, TOO_BIG)
    return read_table(data, str(path), limit=limit, max_rows=max_rows)


def read_table(
    data: bytes, filename: str, *, limit: int = MAX_BYTES, max_rows: int | None = MAX_ROWS
) -> Table:
    """The first sheet of a CSV (any text the importers read; , ; or tab) or .xlsx file."""
    _check_size(filename, len(data), limit)
    suffix = Path(filename).suffix.lower()
    if suffix in SPREADSHEETS:
        return next(iter(read_workbook(data, filename, limit=limit, max_rows=max_rows).values()))
    if suffix in OTHER_SHEETS:
        raise InvalidInput(f"{filename}: save it as an Excel workbook (.xlsx) or CSV first")
    return text.table(filename, _csv_lines(data, filename), max_rows=max_rows)


def read_workbook(
    data: bytes,
    filename: str,
    sheets: Sequence[str] | None = None,
    *,
    optional: Sequence[str] = (),
    limit: int = MAX_BYTES,
    max_rows: int | None = MAX_ROWS,
) -> dict[str, Table]:
    """Named sheets of an .xlsx file as tables (None: just the first sheet).

    optional names sheets read when the workbook has them and left out when it does not.
    """
    _check_size(filename, len(data), limit)
    _check_archive(data, filename, limit)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise InvalidInput(f"{filename} is not a readable Excel workbook ({_why(exc)})") from None
    try:
        titles = list(sheets) if sheets is not None else [s.title for s in book.worksheets][:1]
        missing = [t for t in titles if t not in book.sheetnames]
        titles += [t for t in optional if t in book.sheetnames]
        if not titles:
            raise InvalidInput(f"{filename} has no worksheet")
        if missing:
            raise InvalidInput(f"{filename} has no sheet named {missing[0]!r}")
        label = (lambda t: f"{filename}, sheet {t}") if sheets else (lambda _: filename)
        return {t: text.table(label(t), _sheet_lines(book[t]), max_rows=max_rows) for t in titles}
    except InvalidInput:
        raise
    except Exception as exc:  # a sheet can be damaged past the part openpyxl read at load
        raise InvalidInput(f"{filename} is not a readable Excel workbook ({_why(exc)})") from None
    finally:
        book.close()


def _check_size(filename: str, size: int, limit: int) -> None:
    """Refuse an empty file, or one too big to read, before parsing it."""
    if size == 0:
        raise InvalidInput(f"{filename} is empty; the first row must name the columns (name, ...)")
    text.check_size(filename, size, limit, TOO_BIG)


def _check_archive(data: bytes, filename: str, limit: int) -> None:
    """An .xlsx is a zip: refuse anything else, and one that would inflate past reason."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise InvalidInput(f"{filename} is not an Excel workbook (.xlsx)") from None
    if inflated > limit * UNZIPPED_PER_BYTE:
        raise InvalidInput(f"{filename} unpacks to {inflated / 2**20:.0f} MB; that is too big")


def _why(exc: Exception) -> str:
    """A short reason from a parser's exception, on one line."""
    reason = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__


def _csv_lines(data: bytes, filename: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of a CSV file, cells read back as export wrote them."""
    content = text.decode(data, filename, "if it is an Excel workbook, name it .xlsx")
    for number, row in text.rows(content, filename, delimiter=text.sniff_delimiter(content)):
        yield number, [cells.unneutralise(c) for c in row]


def _sheet_lines(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells as text) of a worksheet."""
    sheet.reset_dimensions()  # some writers record a wrong used range; read every row
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, [_cell_text(v) for v in row]


def _cell_text(value: Any) -> str:
    """A cell as text: whole numbers without .0, dates in ISO, TRUE/FALSE as yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return cells.from_xlsx(value)
    return str(value)


# -- column mapping ------------------------------------------------------------------------


def _field_name(column: str) -> str:
    """A header as a field name: 'Hires no degree' and 'Hires-No-Degree' are hires_no_degree."""
    return re.sub(r"[\s\-]+", "_", column.strip().casefold())


def suggest_mapping(columns: Sequence[str], fields: Sequence[str]) -> dict[str, str]:
    """Column -> field for the columns whose names match a field (the first one wins)."""
    mapping: dict[str, str] = {}
    for column in columns:
        field = _field_name(column)
        if field in fields and field not in mapping.values():
            mapping[column] = field
    return mapping


def _mapping(
    table: Table,
    chosen: Mapping[str, str | None] | None,
    fields: Sequence[str],
    required: Sequence[str],
) -> dict[str, str]:
    """The column -> field mapping to use; by default every column must name a field."""
    if chosen is None:
        mapping = suggest_mapping(table.columns, fields)
        for column in table.columns:
            if column not in mapping:
                raise InvalidInput(_unmapped(table.source, column, fields))
    else:
        mapping = {column: field for column, field in chosen.items() if field}
        _check_chosen(table, mapping, fields)
    for field in required:
        if field not in mapping.values():
            raise InvalidInput(f"{table.source}: no {field!r} column")
    return mapping


def _unmapped(source: str, column: str, fields: Sequence[str]) -> str:
    """Why a column has no field: unknown, or a second column for the same field."""
    field = _field_name(column)
    if field in fields:
        return f"{source}: column {column!r} appears twice (as {field})"
    return f"{source}: unknown column {column!r} (columns: {', '.join(fields)})"


def _check_chosen(table: Table, mapping: Mapping[str, str], fields: Sequence[str]) -> None:
    """A chosen mapping may name only the file's columns and known fields, each field once."""
    seen: dict[str, str] = {}
    for column, field in mapping.items():
        if column not in table.columns:
            raise InvalidInput(f"{table.source}: no column {column!r} in the file")
        if field not in fields:
            raise InvalidInput(f"unknown field {field!r} (fields: {', '.join(fields)})")
        if field in seen:
            raise InvalidInput(f"columns {seen[field]!r} and {column!r} both map to {field}")
        seen[field] = column


# -- importing -----------------------------------------------------------------------------


def import_companies(
    target: Store | Workspace,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Add the sheet's companies in one transaction; those already in the hunt are skipped."""
    store = _store(target)
    columns = _mapping(table, mapping, forms.COMPANY_FIELDS, ("name",))
    held = {name_key(c.name) for c in store.companies()}
    first_row: dict[str, int] = {}
    fresh: list[Company] = []
    skipped: list[Company] = []
    placeholder = Company(name="-")
    for number, row in _rows(table, columns, progress):
        company = _built(
            table, number, row, columns, forms.company_from,
            lambda one: forms.company_from(one, placeholder),
        )  # fmt: skip
        key = name_key(company.name)
        _first_time(table.source, number, repr(company.name), first_row.setdefault(key, number))
        (skipped if key in held else fresh).append(company)
    with store.transaction():
        store.add_companies(fresh)
        linkedin.relink(store)  # a new target may be where some of your connections work
    _done(progress)
    return ImportSummary("companies", _names(fresh), _names(skipped))


def import_contacts(
    target: Store | Workspace,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Add the sheet's people at companies already in the hunt, all or nothing."""
    store = _store(target)
    columns = _mapping(table, mapping, forms.CONTACT_FIELDS, ("company", "name"))
    companies = {name_key(c.name): c for c in store.companies()}
    held = {(c.company_id, name_key(c.name)) for c in store.contacts()}
    first_row: dict[tuple[int, str], int] = {}
    fresh: list[tuple[Contact, str]] = []
    skipped: list[tuple[Contact, str]] = []
    placeholder = Contact(company_id=0, name="-")
    for number, row in _rows(table, columns, progress):
        company = _company_of(table.source, number, row, columns, companies)
        company_id = company.id or -1
        build = functools.partial(forms.contact_from, company_id=company_id)
        person = _built(
            table, number, row, columns, build, lambda one: forms.contact_from(one, 0, placeholder)
        )
        key = (company_id, name_key(person.name))
        what = f"{person.name!r} at {company.name}"
        _first_time(table.source, number, what, first_row.setdefault(key, number))
        (skipped if key in held else fresh).append((person, company.name))
    with store.transaction():
        store.add_contacts([person for person, _ in fresh])
    _done(progress)
    at = [f"{p.name} ({company})" for p, company in fresh]
    return ImportSummary("people", tuple(at), tuple(f"{p.name} ({c})" for p, c in skipped))


def _store(target: Store | Workspace) -> Store:
    """The store of a workspace, or the store itself."""
    return target if isinstance(target, Store) else target.store


def _rows(
    table: Table, columns: Mapping[str, str], progress: Progress | None
) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, {field: non-blank cell}), reporting progress as it goes."""
    total = len(table.rows) or 1
    for index, (number, record) in enumerate(table.records()):
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress(index / total)
        yield number, {f: record[c] for c, f in columns.items() if record[c].strip()}


def _built(
    table: Table,
    number: int,
    row: dict[str, str],
    columns: Mapping[str, str],
    build: Callable[[dict[str, str]], T],
    probe: Callable[[dict[str, str]], object],
) -> T:
    """build(row), or an error naming the row and the column whose cell the forms refused."""
    try:
        return build(row)
    except InvalidInput as exc:
        field = _culprit(row, probe)
        if field is None:
            raise InvalidInput(f"{table.source}: row {number}: {exc}") from None
        column = next(c for c, f in columns.items() if f == field)
        reason = _without_label(str(exc), field)
        raise InvalidInput(f"{table.source}: row {number}, column {column}: {reason}") from None


def _culprit(row: dict[str, str], probe: Callable[[dict[str, str]], object]) -> str | None:
    """The field the forms refuse on its own, else the required name left blank."""
    for field, value in row.items():
        try:
            probe({field: value})
        except InvalidInput:
            return field
    return "name" if "name" not in row else None


def _without_label(message: str, field: str) -> str:
    """'remote 'x' is not one of ...' reads "'x' is not one of ..." once the column is named."""
    for label in (field, field.replace("_", "-")):
        if message.startswith(f"{label} '"):
            return message[len(label) + 1 :]
    return message


def _company_of(
    source: str,
    number: int,
    row: dict[str, str],
    columns: Mapping[str, str],
    companies: Mapping[str, Company],
) -> Company:
    """The target company a person's row names, which must already be in the hunt."""
    column = next(c for c, f in columns.items() if f == "company")
    name = row.get("company", "").strip()
    if not name:
        raise InvalidInput(f"{source}: row {number}, column {column}: the company is missing")
    found = companies.get(name_key(name))
    if found is None:
        raise InvalidInput(
            f"{source}: row {number}, column {column}: no company named {name!r} in your hunt; "
            "import or add it first"
        )
    return found


def _first_time(source: str, number: int, what: str, first: int) -> None:
    """Refuse a row that repeats an earlier row of the same file."""
    if first != number:
        raise InvalidInput(f"{source}: row {number}: {what} is already on row {first}")


def _done(progress: Progress | None) -> None:
    if progress is not None:
        progress(1.0)


def _names(companies: Sequence[Company]) -> tuple[str, ...]:
    return tuple(c.name for c in companies)


def _count(n: int, what: str) -> str:
    """'1 company', '3 companies', '1 person', '2 people'."""
    one = {"companies": "company", "people": "person"}[what]
    return f"{n} {one if n == 1 else what}"
