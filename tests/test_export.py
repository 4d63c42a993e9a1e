"""Export and restore: every table out as CSV, JSON or Excel and back into an empty hunt exactly."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest

from hunt_core import demo, export
from hunt_core.cells import DANGEROUS
from hunt_core.errors import InvalidInput
from hunt_core.models import Chat, Company, Connection, Contact, Posting, Touch
from hunt_core.store import Database, Store

if TYPE_CHECKING:
    from tests.conftest import Backend

pytestmark = pytest.mark.both_backends

NOW = dt.datetime(2026, 11, 26, 9, 0)
TRICKY = ["=SUM(A1)", "+1 555", "-x", "@me", "\tTab", "\rCR", "José, \"quoted\"\nnext line",
          "'=already quoted", "a;b\\c", "_x000D_ literally", "  padded  "]  # fmt: skip


def rich(store: Store) -> Store:
    """The demo hunt plus postings, connections, weights, chats and hostile text everywhere."""
    demo.load_demo(store, companies=5, seed=1, now=NOW)
    profile = store.profile()
    profile.interests = ["a;b", "José", "=cmd"]
    profile.note_chars, profile.notes_uncapped = 250, True
    store.save_profile(profile)
    tricky = store.add_company(
        Company(
            "=SUM(A1) Corp",
            notes="\n".join(TRICKY),
            stack=["C;#", "back\\slash", "@x"],
            locations=["José, NM"],
            alumni_hired=0,
            created_at=NOW,
        )
    )
    person = store.add_contact(
        Contact(
            tricky.id or -1,
            "@me Person",
            title="\tTab lead",
            email="me@x.example",
            friend=True,
            created_at=NOW,
        )
    )
    store.add_touches(
        [
            Touch(person.id or -1, "email", NOW - dt.timedelta(days=9, microseconds=7), "email", t)
            for t in TRICKY
        ]
    )
    store.save_chat(
        Chat(
            person.id or -1,
            scheduled_for=NOW + dt.timedelta(days=2),
            questions=TRICKY,
            notes="-x; +y",
            referral_offered=True,
        )
    )
    first = store.companies()[0]
    store.replace_postings(first.id or -1, "greenhouse", [
        Posting(first.id or -1, "greenhouse", "g-1", "=Junior .NET Developer", NOW,
                location="Omaha, NE", remote=True, description=TRICKY[6], url="https://x/1",
                posted_at=NOW - dt.timedelta(days=3)),
        Posting(first.id or -1, "greenhouse", "g-2", "Senior C#", NOW, remote=None),
    ])  # fmt: skip
    store.replace_postings(tricky.id or -1, "lever", [
        Posting(tricky.id or -1, "lever", "l-1", "Apprentice", NOW, remote=False)])  # fmt: skip
    store.save_connections([
        Connection("https://linkedin.com/in/jo", "Jo", "Park", "https://linkedin.com/in/jo",
                   company="=SUM(A1) Corp", position="-Recruiter",
                   connected_on=dt.date(2024, 3, 12), company_id=tricky.id),
        Connection("Sam Lee", "Sam", "Lee", company="Elsewhere"),
    ])  # fmt: skip
    store.set_weight("stack", 2.5)
    store.set_weight("location", 0.1)
    store.set_weight("gone-plugin", 3.0)
    store.add_company_alias(
        tricky.id or -1, "SUM Corporation"
    )  # confirmed from a LinkedIn near miss
    return store


def canonical(store: Store) -> dict[str, list[Any]]:
    """Every table with ids swapped for natural keys, sorted: equal for equal hunts."""
    tables = export.dump(store)
    company = {c["id"]: c["name"] for c in tables["companies"]}
    person = {c["id"]: (company[c["company_id"]], c["name"]) for c in tables["contacts"]}
    swaps = {"company_id": company, "contact_id": person}
    out: dict[str, list[Any]] = {}
    for name, rows in tables.items():
        keyed = [
            {k: swaps[k].get(v, v) if k in swaps else v for k, v in row.items() if k != "id"}
            for row in rows
        ]
        out[name] = sorted(keyed, key=repr)
    return out


@pytest.fixture
def hunt(store: Store) -> Store:
    return rich(store)


@pytest.fixture
def fresh(backend: Backend) -> Iterator[Store]:
    """An empty hunt in a database of its own (a file, or on PostgreSQL)."""
    database = Database.open(backend.new())
    yield database.store("someone@example.com")
    database.close()


def test_the_rich_hunt_has_every_table(hunt: Store) -> None:
    tables = export.dump(hunt)
    assert {name: bool(rows) for name, rows in tables.items()} == dict.fromkeys(export.SCHEMA, True)


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_round_trip_restores_exactly(hunt: Store, fresh: Store, tmp_path: Path, fmt: str) -> None:
    files = export.export(hunt, tmp_path / "out", fmt)
    assert all(f.exists() for f in files)
    counts = export.restore(fresh, tmp_path / "out")
    assert counts["companies"] == 6 and counts["weights"] == 3
    assert canonical(fresh) == canonical(hunt)
    export.export(fresh, tmp_path / "again", fmt)
    other = Database.open(":memory:").store()
    export.restore(other, tmp_path / "again" / (files[0].name if fmt != "csv" else ""))
    assert canonical(other) == canonical(hunt)


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_download_bytes_restore_too(hunt: Store, fresh: Store, fmt: str) -> None:
    data = export.export_bytes(hunt, fmt)
    name, _ = export.DOWNLOADS[fmt]
    export.restore_bytes(fresh, data, name)
    assert canonical(fresh) == canonical(hunt)


def test_the_csv_zip_is_the_same_bytes_each_time(hunt: Store) -> None:
    data = export.export_bytes(hunt, "csv")
    assert data == export.export_bytes(hunt, "csv")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names == [f"{t}.csv" for t in export.SCHEMA]


def test_csv_cells_are_defused_and_lists_joined(hunt: Store, tmp_path: Path) -> None:
    export.export(hunt, tmp_path, "csv")
    for path in tmp_path.glob("*.csv"):
        text = path.read_text(encoding="utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            assert not any(cell.startswith(DANGEROUS) for cell in row), (path.name, row)
    companies = list(csv.DictReader(io.StringIO((tmp_path / "companies.csv").read_text("utf-8-sig"),
                                                newline="")))  # fmt: skip
    tricky = next(c for c in companies if c["name"] == "'=SUM(A1) Corp")
    assert tricky["stack"] == "C\\;#;back\\\\slash;@x"
    assert any(";" in c["stack"] and "\\" not in c["stack"] for c in companies)
    assert "'=cmd" not in (tmp_path / "profile.csv").read_text("utf-8-sig")  # inside a list cell


def test_xlsx_has_a_sheet_per_table_and_no_formulas(hunt: Store) -> None:
    book = openpyxl.load_workbook(io.BytesIO(export.export_bytes(hunt, "xlsx")))
    assert book.sheetnames == list(export.SCHEMA)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                assert not (isinstance(cell.value, str) and cell.value.startswith(DANGEROUS))
    ids = [c.value for c in book["companies"]["A"][1:]]
    assert all(isinstance(i, int) for i in ids)


def test_json_keeps_text_raw_and_lists_as_arrays(hunt: Store) -> None:
    document = json.loads(export.export_bytes(hunt, "json"))
    assert (document["format"], document["version"]) == ("hunt-export", 1)
    tricky = next(c for c in document["tables"]["companies"] if c["name"].startswith("="))
    assert tricky["name"] == "=SUM(A1) Corp"
    assert tricky["stack"] == ["C;#", "back\\slash", "@x"]


def test_restore_refuses_a_hunt_with_data(hunt: Store, tmp_path: Path) -> None:
    export.export(hunt, tmp_path, "json")
    before = canonical(hunt)
    with pytest.raises(
        InvalidInput, match=r"restore goes into an empty hunt.*already has a profile"
    ):
        export.restore(hunt, tmp_path)
    assert canonical(hunt) == before


def test_a_read_only_store_exports(hunt: Store) -> None:
    viewer = Store(hunt.con, hunt.owner, read_only=True)
    assert export.export_bytes(viewer, "json") == export.export_bytes(hunt, "json")


# -- bad exports: one line, nothing written ------------------------------------------------


def _json_export(hunt: Store, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    export.export(hunt, tmp_path, "json")
    path = tmp_path / export.JSON_NAME
    return path, json.loads(path.read_text("utf-8"))


def _assert_refused(store: Store, source: Path, message: str) -> None:
    empty = canonical(store)
    with pytest.raises(InvalidInput, match=message) as caught:
        export.restore(store, source)
    assert "\n" not in str(caught.value)
    assert canonical(store) == empty


@pytest.mark.parametrize(
    ("change", "message"),
    [(lambda d: d.update(version=2), "export version 2; this Hunt reads version 1"),
     (lambda d: d.pop("format"), "is not a Hunt export"),
     (lambda d: d["tables"].pop("touches"), "tables.touches is missing"),
     (lambda d: d["tables"]["companies"][0].pop("notes"), r"companies\[0\]: not the columns .*"
                                                           "missing notes"),
     (lambda d: d["tables"]["companies"][0].update(remote="sometimes"),
      r"companies\[0\], column remote: remote 'sometimes' is not one of"),
     (lambda d: d["tables"]["touches"][0].update(happened_at="yesterday"),
      r"touches\[0\], column happened_at: 'yesterday' is not a date and time"),
     (lambda d: d["tables"]["contacts"][0].update(company_id=999999),
      r"contacts\[0\], column company_id: no row with id 999999"),
     (lambda d: d["tables"]["companies"][1].update(id=d["tables"]["companies"][0]["id"]),
      r"companies\[1\], column id: id \d+ appears twice"),
     (lambda d: d["tables"]["profile"].append(d["tables"]["profile"][0]), "one row, not 2"),
     # found only while writing, after companies and people went in: all rolled back
     (lambda d: d["tables"]["connections"].append(d["tables"]["connections"][0]),
      "the same connection appears twice"),
     (lambda d: d["tables"]["postings"].append(d["tables"]["postings"][0]),
      "the export holds conflicting rows")],
)  # fmt: skip
def test_a_damaged_json_export_writes_nothing(
    hunt: Store, fresh: Store, tmp_path: Path, change: Any, message: str
) -> None:
    path, document = _json_export(hunt, tmp_path)
    change(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    _assert_refused(fresh, path, message)


def test_malformed_files_are_one_line(hunt: Store, fresh: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / export.JSON_NAME).write_text('{"format": "hunt-export", "version": 1, "tab')
    _assert_refused(fresh, bad, "is not valid JSON")
    (bad / export.JSON_NAME).write_bytes(b"\xff\xfe\x00")
    _assert_refused(fresh, bad, "is not UTF-8")
    (bad / export.XLSX_NAME).write_bytes(b"not a zip")
    _assert_refused(fresh, bad, "holds more than one export")
    (bad / export.JSON_NAME).unlink()
    _assert_refused(fresh, bad, "is not an Excel workbook")
    _assert_refused(fresh, tmp_path / "nowhere", "no such file or folder")
    _assert_refused(fresh, tmp_path, "no Hunt export in")
    (tmp_path / "notes.txt").write_text("hi")
    _assert_refused(fresh, tmp_path / "notes.txt", "is not a Hunt export")
    (tmp_path / "x.zip").write_bytes(b"PK nope")
    _assert_refused(fresh, tmp_path / "x.zip", "is not a zip file")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    _assert_refused(fresh, tmp_path / "deep.json", "nested too deeply")


def test_a_damaged_csv_export_writes_nothing(hunt: Store, fresh: Store, tmp_path: Path) -> None:
    export.export(hunt, tmp_path, "csv")
    (tmp_path / "weights.csv").unlink()
    _assert_refused(fresh, tmp_path, "has no weights.csv")
    export.export(hunt, tmp_path, "csv")
    touches = tmp_path / "touches.csv"
    text = touches.read_text("utf-8-sig")
    touches.write_text(text.replace(",email,", ",wave,", 1), encoding="utf-8-sig")
    _assert_refused(
        fresh, tmp_path, r"touches.csv, row \d+, column kind: kind 'wave' is not one of"
    )
    touches.write_text(text.replace("kind", "sort", 1), encoding="utf-8-sig")
    _assert_refused(fresh, tmp_path, "missing kind; unexpected sort")


def test_a_damaged_xlsx_export_writes_nothing(hunt: Store, fresh: Store, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(export.export_bytes(hunt, "xlsx")))
    del book["chats"]
    book["companies"]["E2"] = "sometimes"  # the remote column
    path = tmp_path / export.XLSX_NAME
    book.save(path)
    _assert_refused(fresh, path, "has no sheet named 'chats'")
    book.create_sheet("chats")
    book.save(path)
    _assert_refused(fresh, path, re.escape("sheet chats is empty"))
    book["chats"].append(list(export.SCHEMA["chats"]))
    book.save(path)
    _assert_refused(fresh, path, "sheet companies, row 2, column remote")


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_an_export_from_before_aliases_still_restores(
    hunt: Store, fresh: Store, tmp_path: Path, fmt: str
) -> None:
    """Exports written before the aliases table have none: they restore, with no aliases."""
    tables = {k: v for k, v in export.dump(hunt).items() if k != "aliases"}
    for name, data in export.render(tables, fmt).items():
        (tmp_path / name).write_bytes(data)
    counts = export.restore(fresh, tmp_path)
    assert counts["aliases"] == 0 and counts["companies"] == 6
    assert fresh.company_aliases() == []
    assert {k: v for k, v in canonical(fresh).items() if k != "aliases"} == {
        k: v for k, v in canonical(hunt).items() if k != "aliases"
    }


def test_a_confirmed_alias_survives_the_round_trip_and_a_bad_one_names_its_row(
    hunt: Store, fresh: Store, tmp_path: Path
) -> None:
    export.export(hunt, tmp_path, "csv")
    restored = Database.open(":memory:").store()
    export.restore(restored, tmp_path)
    [(company_id, alias)] = restored.company_aliases()
    assert (alias, restored.company_by_id(company_id).name) == ("SUM Corporation", "=SUM(A1) Corp")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(aliases.read_text("utf-8-sig").replace("SUM Corporation", "!!"), "utf-8")
    with pytest.raises(InvalidInput, match=r"aliases.csv, row 2: alias '!!' has no letters"):
        export.restore(fresh, tmp_path)
    assert fresh.companies() == [], "nothing half-written"


def test_schema_follows_the_models() -> None:
    for name, model in export.MODELS.items():
        assert set(export.SCHEMA[name]) == {f.name for f in dataclasses.fields(model)}
