"""Spreadsheet import: CSV and Excel read as text, rows checked by the forms, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hunt_core.errors import InvalidInput
from hunt_core.forms import COMPANY_FIELDS, CONTACT_FIELDS
from hunt_core.importers.linkedin import import_linkedin
from hunt_core.importers.spreadsheets import (
    MAX_BYTES,
    Table,
    import_companies,
    import_contacts,
    read_path,
    read_table,
    suggest_mapping,
)
from hunt_core.models import Company
from hunt_core.store import Database, Store
from hunt_core.workspace import Workspace


def xlsx(rows: list[list[Any]], at: str = "A1") -> bytes:
    """A workbook whose first sheet holds rows starting at cell `at`."""
    book = openpyxl.Workbook()
    sheet = book.active
    start = sheet[at]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.cell(start.row + r, start.column + c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table(text: str, name: str = "companies.csv") -> Table:
    return read_table(text.encode("utf-8"), name)


# -- reading -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbfname,remote\r\nAcme,yes\r\n",  # Excel's "CSV UTF-8": BOM and CRLF
     b"name;remote\nAcme;yes\n",  # European Excel separates with semicolons
     b"name\tremote\nAcme\tyes\n",
     b"\n\nname,remote\n,\nAcme,yes\n"],  # blank lines before and inside
)  # fmt: skip
def test_csv_dialects_read_the_same(data: bytes) -> None:
    read = read_table(data, "c.csv")
    assert (read.columns, read.rows) == (("name", "remote"), (("Acme", "yes"),))


def test_csv_falls_back_to_windows_1252() -> None:
    read = read_table("name,notes\nCafé Olé,“smart” quotes…\n".encode("cp1252"), "c.csv")
    assert read.rows == (("Café Olé", "“smart” quotes…"),)


def test_row_numbers_are_the_spreadsheets_own() -> None:
    read = table('name,notes\n\nAcme,"two\nlines"\n,\nBeta,x\n')
    assert list(read.records()) == [
        (3, {"name": "Acme", "notes": "two\nlines"}),
        (5, {"name": "Beta", "notes": "x"}),
    ]


def test_short_rows_are_padded_and_trailing_empty_cells_ignored() -> None:
    assert table("name,remote,stack\nAcme\nBeta,yes,C#,,\n").rows == (
        ("Acme", "", ""), ("Beta", "yes", "C#"))  # fmt: skip


def test_xlsx_cells_become_text() -> None:
    rows: list[list[Any]] = [["Name", "Alumni hired", "Founded", "Remote", "Score"],
            ["Acme", 3.0, dt.datetime(2024, 3, 12), True, 2.5],
            [None, None, None, None, None],
            ["Beta", 12, dt.date(2020, 1, 2), False, None]]  # fmt: skip
    read = read_table(xlsx(rows, at="B3"), "targets.xlsx")
    assert read.columns == ("Name", "Alumni hired", "Founded", "Remote", "Score")
    assert read.rows == (("Acme", "3", "2024-03-12", "yes", "2.5"),
                         ("Beta", "12", "2020-01-02", "no", ""))  # fmt: skip
    assert read.numbers == (4, 6)


def test_neutralised_cells_read_back_as_written() -> None:
    read = table("name,notes\n'=Acme,'+1 555\nBeta,'hello\n")
    assert read.rows == (("=Acme", "+1 555"), ("Beta", "'hello"))


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [(b"", "c.csv", "c.csv is empty"),
     (b"\n,,\n", "c.csv", "is empty"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv", "photo.csv is not a text file (it"),
     (xlsx([["name"], ["Acme"]]), "renamed.csv", "is an Excel workbook or a zip"),
     (b"name\nAcme\n", "c.xlsx", "not an Excel workbook"),
     (b"PK\x03\x04broken", "c.xlsx", "not an Excel workbook"),
     (b"name\n", "old.xls", "save it as an Excel workbook (.xlsx) or CSV"),
     (b"name\nCaf\x81\n", "c.csv", "not UTF-8 or Windows-1252"),
     (b'name,notes\nAcme,"open\n', "c.csv", "row 2: unexpected end of data"),
     (b"name,remote\nAcme,yes,extra\n", "c.csv", "row 2 has more cells than the header"),
     (b"name,,remote\nAcme,x,yes\n", "c.csv", "row 2 has a value in column 2"),
     (b"name,Name,name\nA,B,C\n", "c.csv", "column 'name' appears twice")],
)  # fmt: skip
def test_unreadable_files_are_one_clear_line(data: bytes, filename: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)) as caught:
        read_table(data, filename)
    assert "\n" not in str(caught.value)


def test_a_50_mb_file_is_refused_before_parsing(tmp_path: Path) -> None:
    data = b"name\n" + b"x" * (50 * 2**20)
    start = time.perf_counter()
    with pytest.raises(InvalidInput, match=r"50\.0 MB, over the 20 MB limit"):
        read_table(data, "huge.csv")
    big = tmp_path / "huge.xlsx"
    with big.open("wb") as out:
        out.truncate(50 * 2**20)  # sparse: the size is there, nothing is read
    with pytest.raises(InvalidInput, match="over the 20 MB limit"):
        read_path(big)
    assert time.perf_counter() - start < 1


def test_read_path_names_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        read_path(tmp_path / "nope.csv")
    with pytest.raises(InvalidInput, match="is a folder"):
        read_path(tmp_path)
    (tmp_path / "ok.csv").write_text("name\nAcme\n")
    assert read_path(tmp_path / "ok.csv").rows == (("Acme",),)


def test_row_cap() -> None:
    with pytest.raises(InvalidInput, match="more than 2 rows"):
        read_table(b"name\na\nb\nc\n", "c.csv", max_rows=2)
    assert len(read_table(b"name\na\nb\n", "c.csv", max_rows=2).rows) == 2
    assert MAX_BYTES == 20 * 2**20


# -- mapping -------------------------------------------------------------------------------


def test_suggest_mapping_matches_headers_loosely() -> None:
    columns = ["Name", "Hires no degree", "Open-Roles", "Colour", "name"]
    assert suggest_mapping(columns, COMPANY_FIELDS) == {
        "Name": "name",
        "Hires no degree": "hires_no_degree",
        "Open-Roles": "open_roles",
    }


@pytest.mark.parametrize(
    ("text", "mapping", "message"),
    [("name,colour\nAcme,red\n", None, "unknown column 'colour'"),
     ("Name,name\nA,B\n", None, "column 'name' appears twice"),
     ("remote\nyes\n", None, "no 'name' column"),
     ("Company,Where\nAcme,x\n", {"Where": "locations"}, "no 'name' column"),
     ("Company\nAcme\n", {"Firm": "name"}, "no column 'Firm' in the file"),
     ("Company\nAcme\n", {"Company": "title"}, "unknown field 'title'"),
     ("A,B\nx,y\n", {"A": "name", "B": "name"}, "'A' and 'B' both map to name")],
)  # fmt: skip
def test_mapping_problems(store: Store, text: str, mapping: Any, message: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)):
        import_companies(store, table(text), mapping)
    assert store.companies() == []


def test_a_chosen_mapping_renames_and_ignores_columns(store: Store) -> None:
    sheet = table("Company,Remote?,Internal id\nAcme,hybrid,17\n")
    summary = import_companies(
        store, sheet, {"Company": "name", "Remote?": "remote", "Internal id": None}
    )
    assert summary.added == ("Acme",)
    assert [(c.name, c.remote) for c in store.companies()] == [("Acme", "hybrid")]


# -- companies -----------------------------------------------------------------------------


def test_import_companies_validates_through_the_forms(ws: Workspace) -> None:
    sheet = table(
        "Name,Remote,Stack,Hires no degree,Locations,Alumni hired\n"
        '"Acme, Inc.",Yes,"C#; .NET",unknown,"Omaha, NE; Lincoln, NE",2\n'
        "Beta,hybrid,,,,\n"
    )
    summary = import_companies(ws, sheet)
    assert summary.message() == "Imported 2 companies."
    acme, beta = ws.store.companies()
    assert (acme.name, acme.remote, acme.stack, acme.locations, acme.alumni_hired) == (
        "Acme, Inc.", "yes", ["C#", ".NET"], ["Omaha, NE", "Lincoln, NE"], 2)  # fmt: skip
    assert (beta.remote, beta.hires_no_degree, beta.alumni_hired) == ("hybrid", "unknown", None)


@pytest.mark.parametrize(
    ("rows", "message"),
    [("A,yes,\nB,yes,\nC,sometimes,\n",
      "row 4, column remote: 'sometimes' is not one of yes, no, hybrid, unknown"),
     ("A,yes,two\n", "row 2, column alumni hired: 'two' is not a whole number"),
     ("A,,-1\n", "row 2, column alumni hired: '-1' must not be negative"),
     (",yes,\n", "row 2, column Name: company name must not be empty"),
     ("Acme,,\nBeta,,\n ACME ,,\n", "row 4: 'ACME' is already on row 2")],
)  # fmt: skip
def test_a_bad_row_names_row_and_column_and_writes_nothing(
    store: Store, rows: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)):
        import_companies(store, table("Name,remote,alumni hired\n" + rows))
    assert store.companies() == []


def test_companies_already_there_are_skipped_so_a_reimport_is_harmless(store: Store) -> None:
    store.add_company(Company("Acme", remote="no"))
    sheet = table("name,remote\nacme,yes\nBeta,yes\nGamma,no\n")
    first = import_companies(store, sheet)
    assert (first.added, first.skipped) == (("Beta", "Gamma"), ("acme",))
    assert first.message() == "Imported 2 companies; 1 already in your hunt."
    again = import_companies(store, sheet)
    assert again.message() == "Imported 0 companies; 3 already in your hunt."
    assert again.as_dict()["skipped"] == 3
    assert [(c.name, c.remote) for c in store.companies()] == [
        ("Acme", "no"), ("Beta", "yes"), ("Gamma", "no")]  # fmt: skip


def test_progress_reaches_one(store: Store) -> None:
    seen: list[float] = []
    rows = "".join(f"Company {i}\n" for i in range(600))
    import_companies(store, table("name\n" + rows), progress=seen.append)
    assert seen[0] == 0 and seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) > 2


def test_import_companies_from_xlsx(store: Store) -> None:
    data = xlsx([["Name", "Alumni hired", "Remote"], ["Acme", 2.0, "Hybrid"]])
    import_companies(store, read_table(data, "t.xlsx"))
    assert [(c.name, c.alumni_hired, c.remote) for c in store.companies()] == [
        ("Acme", 2, "hybrid")]  # fmt: skip


# -- people --------------------------------------------------------------------------------


@pytest.fixture
def targets(store: Store) -> Store:
    store.add_companies([Company("Acme"), Company("Beta")])
    return store


def test_import_contacts_at_existing_companies(targets: Store) -> None:
    sheet = table(
        "Company,Name,Role,Email,Friend,Coding school\n"
        "acme,Jo Park,Developer,jo@acme.example,yes,Turing\n"
        "Beta,Jo Park,recruiter,,,\n"
        "Acme,Sam Lee,manager,,no,\n"
    )
    summary = import_contacts(targets, sheet)
    assert summary.message() == "Imported 3 people."
    assert summary.added == ("Jo Park (Acme)", "Jo Park (Beta)", "Sam Lee (Acme)")
    people = {(p.name, p.company_id): p for p in targets.contacts()}
    acme, beta = targets.companies()
    assert acme.id is not None and beta.id is not None
    jo = people[("Jo Park", acme.id)]
    assert (jo.role, jo.email, jo.friend, jo.coding_school) == (
        "developer", "jo@acme.example", True, "Turing")  # fmt: skip
    assert people[("Jo Park", beta.id)].role == "recruiter"
    again = import_contacts(targets, sheet)
    assert again.message() == "Imported 0 people; 3 already in your hunt."
    assert len(targets.contacts()) == 3


@pytest.mark.parametrize(
    ("rows", "message"),
    [("Acme,Jo,developer,\nNope,Sam,manager,\n",
      "row 3, column company: no company named 'Nope' in your hunt"),
     (",Jo,developer,\n", "row 2, column company: the company is missing"),
     ("Acme,Jo,ceo,\n", "row 2, column role: 'ceo' is not one of developer"),
     ("Acme,Jo,developer,nope\n", "row 2, column email: 'nope' has no @"),
     ("Acme,,developer,\n", "row 2, column name: person's name must not be empty"),
     ("Acme,Jo,developer,\nBeta,Jo,manager,\nacme, jo ,manager,\n",
      "row 4: 'jo' at Acme is already on row 2")],
)  # fmt: skip
def test_bad_people_rows_name_row_and_column(targets: Store, rows: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)):
        import_contacts(targets, table("company,name,role,email\n" + rows, "people.csv"))
    assert targets.contacts() == []


def test_contacts_need_company_and_name_columns(targets: Store) -> None:
    with pytest.raises(InvalidInput, match="no 'company' column"):
        import_contacts(targets, table("name,role\nJo,developer\n"))
    with pytest.raises(InvalidInput, match="unknown column 'stack'"):
        import_contacts(targets, table("company,name,stack\nAcme,Jo,C#\n"))


# -- fuzz: a summary or one InvalidInput, never a partial write ----------------------------


@pytest.fixture(scope="module")
def fuzz_db() -> Iterator[Database]:
    database = Database.open(":memory:")
    yield database
    database.close()


def _fresh(db: Database) -> Store:
    return db.store(f"fuzz-{uuid.uuid4().hex}")


def _import_or_refuse(store: Store, data: bytes, filename: str, people: bool) -> None:
    """Import data, checking that a refusal wrote nothing and a success wrote what it says."""
    before = (len(store.companies()), len(store.contacts()))
    run = import_contacts if people else import_companies
    try:
        summary = run(store, read_table(data, filename))
    except InvalidInput as exc:
        assert "\n" not in str(exc)
        assert (len(store.companies()), len(store.contacts())) == before
        return
    added = len(store.contacts()) - before[1] if people else len(store.companies()) - before[0]
    assert added == len(summary.added)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(data=st.binary(max_size=400), name=st.sampled_from(["f.csv", "f.xlsx", "f.txt"]))
def test_fuzz_arbitrary_bytes(fuzz_db: Database, data: bytes, name: str) -> None:
    _import_or_refuse(_fresh(fuzz_db), data, name, people=False)


cells = st.text(max_size=12) | st.sampled_from(
    ["yes", "no", "hybrid", "=1+1", "'-x", "3", "-2", "Acme", " acme ", "a;b", "developer", ""]
)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from([*COMPANY_FIELDS, "Name", "Hires no degree", "colour"]),
        min_size=1,
        max_size=5,
    ),
    rows=st.lists(st.lists(cells, max_size=6), max_size=6),
)
def test_fuzz_company_cells(fuzz_db: Database, header: list[str], rows: list[list[str]]) -> None:
    _import_or_refuse(_fresh(fuzz_db), _csv(header, rows), "f.csv", people=False)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from([*CONTACT_FIELDS, "Company", "colour"]), min_size=1, max_size=5
    ),
    rows=st.lists(st.lists(cells, max_size=6), max_size=6),
)
def test_fuzz_contact_cells(fuzz_db: Database, header: list[str], rows: list[list[str]]) -> None:
    store = _fresh(fuzz_db)
    store.add_company(Company("Acme"))
    _import_or_refuse(store, _csv(header, rows), "f.csv", people=True)


def test_imported_companies_pick_up_linkedin_connections(store: Store) -> None:
    connections = Path(__file__).parent / "fixtures" / "Connections.csv"
    import_linkedin(store, connections.read_bytes())
    assert store.connections(linked_only=True) == []
    import_companies(store, table("name\nACME Corp\n"))
    assert {c.name for c in store.connections(linked_only=True)} >= {"Sam Lee"}
