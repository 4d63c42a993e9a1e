"""Companies and people from the CSV or Excel sheet the guide tells you to start: all or nothing.

Every row goes through the same forms as the CLI and the dashboard; a bad cell names its row
(as the spreadsheet shows it, the header being row 1) and its column, and nothing is written.
A name twice in the file is refused naming both rows; one already in the hunt is skipped and
counted, so importing the same sheet again changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import openpyxl

from hunt_core import forms
from hunt_core.errors import InvalidInput
from hunt_core.importers import linkedin
from hunt_core.models import Company, Contact
from hunt_core.store import Store, name_key

if TYPE_CHECKING:
    from hunt_core.workspace import Workspace

MAX_BYTES = 20 * 2**20
MAX_ROWS = 100_000
UNZIPPED_PER_BYTE = 10  # an .xlsx inflating more than this is a zip bomb, not a sheet
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheet apps may run as a formula
SPREADSHEETS = (".xlsx", ".xlsm")
OTHER_SHEETS = (".xls", ".ods", ".numbers")
PROGRESS_EVERY = 250
Progress = Callable[[float], object]  # told the fraction done; what it returns is ignored
T = TypeVar("T")
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass(frozen=True)
class Table:
    """A sheet's column names and its non-blank rows as text, with their row numbers."""

    source: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numbers: tuple[int, ...]  # the row number the spreadsheet shows, per row

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(row number, {column: cell}) for every row."""
        for number, row in zip(self.numbers, self.rows, strict=True):
            yield number, dict(zip(self.columns, row, strict=True))


@dataclass(frozen=True)
class ImportSummary:
    """What one import changed: the names added and the ones already in the hunt."""

    what: str  # "companies" or "people"
    added: tuple[str, ...]
    skipped: tuple[str, ...]

    def message(self, source: str = "") -> str:
        """One line for people: 'Imported 3 companies from x.csv; 2 already in your hunt.'"""
        text = f"Imported {_count(len(self.added), self.what)}"
        if source:
            text += f" from {source}"
        if self.skipped:
            text += f"; {len(self.skipped)} already in your hunt"
        return text + "."

    def as_dict(self) -> dict[str, Any]:
        """The `--json` shape."""
        return {
            "what": self.what,
            "added": len(self.added),
            "skipped": len(self.skipped),
            "added_names": list(self.added),
            "skipped_names": list(self.skipped),
        }


# -- formula injection ---------------------------------------------------------------------


def neutralise(text: str) -> str:
    """Prefix ' to a cell a spreadsheet app could run as a formula (reversed by unneutralise)."""
    return "'" + text if text.lstrip("'").startswith(DANGEROUS) else text


def unneutralise(text: str) -> str:
    """Undo neutralise: the quote goes only where neutralise would have put one."""
    return text[1:] if text.startswith("'") and text.lstrip("'").startswith(DANGEROUS) else text


def ooxml_escape(text: str) -> str:
    """Write characters XML cannot hold (and CR, which XML turns into LF) as _xHHHH_."""
    text = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", text)
    return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"_x{ord(m[0]):04X}_", text)


def ooxml_unescape(text: str) -> str:
    """Read _xHHHH_ escapes as Excel writes them."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)


# -- reading files -------------------------------------------------------------------------


def read_path(
    path: str | Path, *, limit: int = MAX_BYTES, max_rows: int | None = MAX_ROWS
) -> Table:
    """The first sheet of a .csv or .xlsx file on disk; the size is checked before reading."""
    return read_table(_read_bytes(path, limit), str(path), limit=limit, max_rows=max_rows)


def read_table(
    data: bytes, filename: str, *, limit: int = MAX_BYTES, max_rows: int | None = MAX_ROWS
) -> Table:
    """The first sheet of a CSV (UTF-8 or Windows-1252; , ; or tab) or .xlsx file."""
    _check_size(filename, len(data), limit)
    suffix = Path(filename).suffix.lower()
    if suffix in SPREADSHEETS:
        return next(iter(read_workbook(data, filename, limit=limit, max_rows=max_rows).values()))
    if suffix in OTHER_SHEETS:
        raise InvalidInput(f"{filename}: save it as an Excel workbook (.xlsx) or CSV first")
    return _table(filename, _csv_lines(data, filename), max_rows)


def read_workbook(
    data: bytes,
    filename: str,
    sheets: Sequence[str] | None = None,
    *,
    limit: int = MAX_BYTES,
    max_rows: int | None = MAX_ROWS,
) -> dict[str, Table]:
    """Named sheets of an .xlsx file as tables (None: just the first sheet)."""
    _check_size(filename, len(data), limit)
    _check_archive(data, filename, limit)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise InvalidInput(f"{filename} is not a readable Excel workbook ({_why(exc)})") from None
    try:
        titles = list(sheets) if sheets is not None else [s.title for s in book.worksheets][:1]
        missing = [t for t in titles if t not in book.sheetnames]
        if not titles:
            raise InvalidInput(f"{filename} has no worksheet")
        if missing:
            raise InvalidInput(f"{filename} has no sheet named {missing[0]!r}")
        label = (lambda t: f"{filename}, sheet {t}") if sheets else (lambda _: filename)
        return {t: _table(label(t), _sheet_lines(book[t]), max_rows) for t in titles}
    except InvalidInput:
        raise
    except Exception as exc:  # a sheet can be damaged past the part openpyxl read at load
        raise InvalidInput(f"{filename} is not a readable Excel workbook ({_why(exc)})") from None
    finally:
        book.close()


def _read_bytes(path: str | Path, limit: int) -> bytes:
    """A file's bytes, refusing a folder, a missing file or one over the limit unread."""
    file = Path(path)
    try:
        if file.is_dir():
            raise InvalidInput(f"cannot read {path}: it is a folder, not a file")
        _check_size(str(path), file.stat().st_size, limit)
        return file.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {path}") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None


def _check_size(filename: str, size: int, limit: int) -> None:
    """Refuse an empty file, or one too big to read, before parsing it."""
    if size == 0:
        raise InvalidInput(f"{filename} is empty; the first row must name the columns (name, ...)")
    if size > limit:
        raise InvalidInput(
            f"{filename} is {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB limit; "
            "split it into smaller files"
        )


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
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _csv_lines(data: bytes, filename: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of a CSV file; a broken quote names its row."""
    if data.startswith(b"PK\x03\x04"):
        raise InvalidInput(f"{filename} is an Excel workbook or a zip, not CSV; name it .xlsx")
    if b"\x00" in data:
        raise InvalidInput(f"{filename} is not a CSV text file (it holds binary data)")
    text = _decode(data, filename)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, [unneutralise(c) for c in cells]
    except csv.Error as exc:
        raise InvalidInput(f"{filename}: row {number + 1}: {exc}") from None


def _decode(data: bytes, filename: str) -> str:
    """UTF-8 (with or without Excel's BOM), else Windows-1252 as older Excel saves CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{filename} is not UTF-8 or Windows-1252 text; save it as 'CSV UTF-8'"
        ) from None


def _delimiter(text: str) -> str:
    """The separator the header line uses most: comma, semicolon (European Excel) or tab."""
    header = next((line for line in text[:65536].splitlines() if line.strip()), "")
    return max((",", ";", "\t"), key=header.count)


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
        return unneutralise(ooxml_unescape(value))
    return str(value)


def _table(source: str, lines: Iterable[tuple[int, list[str]]], max_rows: int | None) -> Table:
    """The header (the first non-blank row) and the non-blank rows under it."""
    header: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    for number, cells in lines:
        if not any(c.strip() for c in cells):
            continue  # spreadsheets save empty rows as a line of separators
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if max_rows is not None and len(rows) >= max_rows:
            raise InvalidInput(f"{source} has more than {max_rows:,} rows; split it")
        rows.append(cells)
        numbers.append(number)
    if header is None:
        raise InvalidInput(f"{source} is empty; the first row must name the columns (name, ...)")
    keep = _named_columns(source, header, rows, numbers)
    width = len(header)
    kept = tuple(tuple((row + [""] * width)[i] for i in keep) for row in rows)
    return Table(source, tuple(header[i] for i in keep), kept, tuple(numbers))


def _named_columns(
    source: str, header: list[str], rows: list[list[str]], numbers: list[int]
) -> list[int]:
    """Indexes of the named columns; a value under no name, or a name twice, is refused."""
    for number, row in zip(numbers, rows, strict=True):
        if any(c.strip() for c in row[len(header) :]):
            raise InvalidInput(f"{source}: row {number} has more cells than the header has columns")
        for index, cell in enumerate(row[: len(header)]):
            if cell.strip() and not header[index]:
                raise InvalidInput(
                    f"{source}: row {number} has a value in column {index + 1}, "
                    "which has no name in the header row"
                )
    named = [i for i, name in enumerate(header) if name]
    seen: set[str] = set()
    for i in named:
        if header[i] in seen:
            raise InvalidInput(f"{source}: column {header[i]!r} appears twice")
        seen.add(header[i])
    return named


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
