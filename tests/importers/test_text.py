"""The one text reader: a file in any encoding Excel or LinkedIn saves reads the same everywhere."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hunt_core import cohort
from hunt_core.errors import InvalidInput
from hunt_core.importers import linkedin, spreadsheets, text

# Every encoding a coach's or a student's spreadsheet app may save a CSV in.
ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM (Excel's CSV UTF-8)": lambda t: t.encode("utf-8-sig"),
    "utf-16 le with BOM (Excel's Unicode Text)": lambda t: (
        codecs.BOM_UTF16_LE + t.encode("utf-16-le")
    ),
    "utf-16 be with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-16 le without BOM": lambda t: t.encode("utf-16-le"),
    "utf-16 be without BOM": lambda t: t.encode("utf-16-be"),
    "windows-1252 (old Excel's CSV)": lambda t: t.encode("cp1252"),
}
ROSTER = (
    "email,name,cohort,role\r\n"
    "jose@x.edu,José Núñez,2508-BE,student\r\n"
    "zoe@x.edu,Zoë “Z” Brontë,2508-BE,student\r\n"
)
SHEET = "name,notes\r\nCafé Olé,“smart” quotes…\r\nBrontë & Søn,naïve\r\n"
CONNECTIONS = (
    "Notes:\r\n\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "José,Núñez,,,Café Rio,Señor Developer,12 Mar 2024\r\n"
    "Zoë,Brontë,,,Søn AB,Recruiter,01 Feb 2024\r\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


def roster(data: bytes) -> list[tuple[str, str]]:
    rows = cohort.read_csv_bytes(data, "roster.csv", cohort.ROSTER_COLUMNS)
    return [(r.email, r.name) for r in cohort.roster_rows(rows, "roster.csv")]


def sheet(data: bytes) -> tuple[tuple[str, ...], ...]:
    return spreadsheets.read_table(data, "companies.csv").rows


def connections(data: bytes) -> list[tuple[str, str, str]]:
    return [(c.name, c.company, c.position) for c in linkedin.read_connections(data)]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_same_file_reads_the_same_in_every_encoding(encoding: str) -> None:
    encode = ENCODINGS[encoding]
    assert roster(encode(ROSTER)) == [
        ("jose@x.edu", "José Núñez"),
        ("zoe@x.edu", "Zoë “Z” Brontë"),
    ]
    assert sheet(encode(SHEET)) == (("Café Olé", "“smart” quotes…"), ("Brontë & Søn", "naïve"))
    assert connections(encode(CONNECTIONS)) == [
        ("José Núñez", "Café Rio", "Señor Developer"),
        ("Zoë Brontë", "Søn AB", "Recruiter"),
    ]


@pytest.mark.parametrize("importer", ["roster", "sheet", "linkedin"])
def test_a_png_renamed_csv_is_refused_in_one_line_naming_the_file(
    tmp_path: Path, importer: str
) -> None:
    photo = tmp_path / "photo.csv"
    photo.write_bytes(PNG)
    read = {
        "roster": lambda: cohort.read_csv(str(photo), cohort.ROSTER_COLUMNS),
        "sheet": lambda: spreadsheets.read_path(photo),
        "linkedin": lambda: linkedin.parse(linkedin.read_file(photo), source=str(photo)),
    }[importer]
    with pytest.raises(InvalidInput) as caught:
        read()
    assert str(caught.value) == f"{photo} is not a text file (it looks like a binary file)"


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 8,  # every byte value: NULs at even places only
     b"\x01\x00\x02\x00\x03\x00" * 100,  # little numbers, NULs like UTF-16 LE, but no text
     codecs.BOM_UTF16_LE + b"\x00\xd8",  # a lone surrogate after a UTF-16 BOM
     codecs.BOM_UTF32_LE + "name\n".encode("utf-32-le")],  # UTF-32 read as UTF-16 holds NULs
)  # fmt: skip
def test_binary_data_is_refused_whatever_it_starts_with(data: bytes) -> None:
    with pytest.raises(InvalidInput, match=r"^f.csv is not a text file \(it looks like a binary"):
        text.decode(data, "f.csv")


def test_undecodable_text_and_zips_name_what_to_do() -> None:
    with pytest.raises(InvalidInput, match="not UTF-8 or Windows-1252 text; save it as 'CSV UTF-8"):
        text.decode(b"name\nCaf\x81\n", "f.csv")
    with pytest.raises(InvalidInput, match="Excel workbook or a zip, not a CSV text file; unzip"):
        text.decode(b"PK\x03\x04rest", "f.csv", "unzip it")


def test_a_utf8_bom_before_windows_1252_text_is_dropped() -> None:
    # Some editors add a UTF-8 BOM to a file they keep in Windows-1252.
    assert text.decode(codecs.BOM_UTF8 + "Café\n".encode("cp1252"), "f.csv") == "Café\n"


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_rows_end_in_lf_crlf_or_cr_and_keep_their_numbers(end: str) -> None:
    content = end.join(["name,notes", "", 'Acme,"two\nlines"', "Beta,x"]) + end
    assert list(text.rows(content, "f.csv")) == [
        (1, ["name", "notes"]),
        (2, []),
        (3, ["Acme", "two\nlines"]),
        (4, ["Beta", "x"]),
    ]


def test_a_broken_quote_names_its_row() -> None:
    with pytest.raises(InvalidInput, match=r"^f\.csv: row 3: unexpected end of data$"):
        list(text.rows('name\nAcme\n"open\n', "f.csv"))


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("name,remote", ","), ("name;remote;stack", ";"), ("name\tremote", "\t"), ("name", ",")],
)
def test_the_header_line_decides_the_delimiter(header: str, delimiter: str) -> None:
    assert text.sniff_delimiter(f"\n\n{header}\nAcme;a,b\n") == delimiter


def test_the_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.truncate(30 * text.MB)  # sparse: the size is there, nothing is read
    with pytest.raises(InvalidInput, match=r"big.csv is 30.0 MB, over the 20 MB limit; split it$"):
        text.read_bytes(big, hint="split it")
    with pytest.raises(InvalidInput, match="is a folder"):
        text.read_bytes(tmp_path)


# Rows of text as people type them: no NUL (binary files are the ones holding NUL bytes).
CELL = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=10)
LATIN = st.text(  # what a UTF-16 file without a BOM holds to be told from binary: Latin text
    st.characters(min_codepoint=0x20, max_codepoint=0x7E)
    | st.characters(min_codepoint=0xA0, max_codepoint=0xFF),  # the same in Windows-1252
    max_size=10,
)
WITH_BOM = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom")


def _encode(content: str, encoding: str) -> bytes:
    if encoding.endswith("-bom"):
        codec = encoding.removesuffix("-bom")
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        return bom + content.encode(codec)
    return content.encode(encoding)


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue()


@settings(max_examples=200)
@given(
    encoding=st.sampled_from(WITH_BOM),
    rows=st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=8),
)
def test_any_rows_in_a_bom_or_utf8_file_decode_back_equal(
    encoding: str, rows: list[list[str]]
) -> None:
    content = _csv(rows)
    decoded = text.decode(_encode(content, encoding), "f.csv")
    assert decoded == content
    assert [cells for _, cells in text.rows(decoded, "f.csv")] == rows


@settings(max_examples=200)
@given(
    encoding=st.sampled_from(["utf-16-le", "utf-16-be", "cp1252"]),
    rows=st.lists(st.lists(LATIN, min_size=1, max_size=5), min_size=1, max_size=8),
)
def test_latin_rows_without_a_bom_decode_back_equal(encoding: str, rows: list[list[str]]) -> None:
    content = _csv(rows)
    data = content.encode(encoding)
    # Windows-1252 bytes that also read as other UTF-8 text ("Â" then a no-break space is
    # b"\xc2\xa0", a no-break space in UTF-8) cannot be told apart: UTF-8 wins, as it should.
    assume(encoding != "cp1252" or _utf8(data) in (None, content))
    assert text.decode(data, "f.csv") == content


def _utf8(data: bytes) -> str | None:
    """data read as UTF-8, or None when it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
