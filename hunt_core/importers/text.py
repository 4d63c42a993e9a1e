"""The one reader of every text file Hunt imports: size cap, decoding, CSV rows and their numbers.

Bytes become text the same way for a roster, a company sheet and LinkedIn's export: a BOM
decides (UTF-8, UTF-16 LE or BE); UTF-16 without a BOM is recognised by its NUL bytes; then
UTF-8, then Windows-1252 (what older Excel saves as "CSV"). Anything else holding NUL bytes is
a binary file and is refused in one line. Rows may end in LF, CRLF or CR (old Mac Excel): the
csv module reads all three, and keeps a line break inside a quoted cell as written, so an
export reads back exactly. Row numbers are the spreadsheet's own, the first line being row 1.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hunt_core.errors import InvalidInput

MB = 2**20
MAX_BYTES = 20 * MB
DELIMITERS = (",", ";", "\t")  # comma, European Excel's semicolon, "Text (Tab delimited)"
_SNIFF = 65536  # characters searched for the header line that decides the delimiter
_SAMPLE = 4096  # bytes looked at to tell UTF-16 without a BOM from a binary file
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NUL = re.compile("\x00")  # text never holds one; UTF-32 read as UTF-16 does
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # rare in text, common in binary


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


# -- bytes ---------------------------------------------------------------------------------


def read_bytes(path: str | Path, limit: int = MAX_BYTES, hint: str = "") -> bytes:
    """A file's bytes, refusing a folder, a missing file or one over the limit unread."""
    file = Path(path)
    try:
        if file.is_dir():
            raise InvalidInput(f"cannot read {path}: it is a folder, not a file")
        check_size(str(path), file.stat().st_size, limit, hint)
        with file.open("rb") as handle:
            return handle.read(limit + 1)  # a file growing while read is still capped
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {path}") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None


def check_size(source: str, size: int, limit: int = MAX_BYTES, hint: str = "") -> None:
    """Refuse a file too big to read, before parsing it; hint says what to do instead."""
    if size > limit:
        advice = f"; {hint}" if hint else ""
        raise InvalidInput(
            f"{source} is {size / MB:.1f} MB, over the {limit / MB:.0f} MB limit{advice}"
        )


def decode(data: bytes, source: str, zip_hint: str = "save it as CSV first") -> str:
    """The text of a file's bytes (see the module's docstring); zip_hint: what to do with a zip."""
    if data.startswith(b"PK\x03\x04"):
        raise InvalidInput(
            f"{source} is an Excel workbook or a zip, not a CSV text file; {zip_hint}"
        )
    for bom, codec in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            if codec == "utf-8":
                break  # UTF-8 or, mixed up by some editors, Windows-1252 after the BOM
            return _utf16(data, codec, source, _NUL)
    else:
        codec = _utf16_without_bom(data)
        if codec:
            return _utf16(data, codec, source, _CONTROL)
    if b"\x00" in data:
        raise InvalidInput(_binary(source))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{source} is not UTF-8 or Windows-1252 text; save it as 'CSV UTF-8'"
        ) from None


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the NULs fall as in mostly-Latin UTF-16 text, else ''."""
    pairs = min(len(data), _SAMPLE) // 2
    even, odd = data[0 : 2 * pairs : 2].count(0), data[1 : 2 * pairs : 2].count(0)
    # Latin text has a NUL in every character's high byte; a binary file has NULs anywhere.
    if odd * 4 >= pairs > 0 and even * 16 <= odd:
        return "utf-16-le"
    if even * 4 >= pairs > 0 and odd * 16 <= even:
        return "utf-16-be"
    return ""


def _utf16(data: bytes, codec: str, source: str, never: re.Pattern[str]) -> str:
    """UTF-16 text, or the binary-file refusal when it holds what text never does."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise InvalidInput(_binary(source)) from None
    if never.search(text, 0, _SAMPLE):
        raise InvalidInput(_binary(source))
    return text


def _binary(source: str) -> str:
    return f"{source} is not a text file (it looks like a binary file)"


# -- rows ----------------------------------------------------------------------------------


def sniff_delimiter(text: str) -> str:
    """The separator the header line uses most: comma, semicolon (European Excel) or tab."""
    header = next((line for line in text[:_SNIFF].splitlines() if line.strip()), "")
    return max(DELIMITERS, key=header.count)


def rows(
    text: str, source: str, *, delimiter: str = ",", strict: bool = True
) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of CSV text; a broken quote names its row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells
    except csv.Error as exc:
        raise InvalidInput(f"{source}: row {number + 1}: {exc}") from None


def table(
    source: str,
    lines: Iterable[tuple[int, list[str]]],
    *,
    max_rows: int | None,
    columns: str = "name, ...",
) -> Table:
    """The header (the first non-blank row) and the non-blank rows under it.

    columns: how the empty-file message names the columns the first row should hold.
    """
    header: list[str] | None = None
    found: list[list[str]] = []
    numbers: list[int] = []
    for number, cells in lines:
        if not any(c.strip() for c in cells):
            continue  # spreadsheets save empty rows as a line of separators
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if max_rows is not None and len(found) >= max_rows:
            raise InvalidInput(f"{source} has more than {max_rows:,} rows; split it")
        found.append(cells)
        numbers.append(number)
    if header is None:
        raise InvalidInput(f"{source} is empty; the first row must name the columns ({columns})")
    keep = _named_columns(source, header, found, numbers)
    width = len(header)
    kept = tuple(tuple((row + [""] * width)[i] for i in keep) for row in found)
    return Table(source, tuple(header[i] for i in keep), kept, tuple(numbers))


def _named_columns(
    source: str, header: list[str], found: list[list[str]], numbers: list[int]
) -> list[int]:
    """Indexes of the named columns; a value under no name, or a name twice, is refused."""
    for number, row in zip(numbers, found, strict=True):
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
