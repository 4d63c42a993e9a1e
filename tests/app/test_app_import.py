"""The Import page and Settings' export: upload, preview, one write, a summary that stays.

Uploads go through AppTest's own FileUploader (streamlit >= 1.5x: `upload(name, bytes, mime)`
registers the bytes as the browser would), so the pages are driven exactly as people use them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1.element_tree import Element

from app_pages.safe import escape
from hunt_core.workspace import Workspace

from .driver import Dash, profile
from .test_app_safety import PAYLOADS, UNSAFE

HERE = Path(__file__).resolve().parent
CONNECTIONS = (HERE.parent / "importers" / "fixtures" / "Connections.csv").read_bytes()
GREENHOUSE = (HERE.parent / "importers" / "payloads" / "greenhouse.json").read_bytes()
COMPANIES_CSV = (
    b"Name,Stack,Remote,Hires no degree,Glassdoor\r\n"
    b"Zeta,Java,no,no,3.1\r\n"
    b"Acme,.NET; C#,yes,yes,4.5\r\n"
)


def _acme(ws: Workspace) -> None:
    profile(ws)
    ws.add_company({"name": "Acme"})


def _kind(dash: Dash, kind: str) -> Dash:
    """Open the Import page on one kind of file."""
    dash.open("import_data")
    dash.at.radio(key="import.kind").set_value(kind)
    dash.at.run()
    return dash


def _upload(dash: Dash, key: str, name: str, data: bytes, mime: str = "text/csv") -> Dash:
    """Choose a file in an uploader, as the browser does, and rerun."""
    dash.at.file_uploader(key=key).upload(name, data, mime)
    dash.at.run()
    return dash


def _one_error(dash: Dash) -> str:
    """The single error the page shows (and no traceback)."""
    assert not dash.at.exception, [e.value for e in dash.at.exception]
    errors = [e.value for e in dash.at.error]
    assert len(errors) == 1, errors
    return errors[0]


def _companies(dash: Dash) -> list[str]:
    """The company names the ranked table shows, from a fresh session over the same file."""
    reloaded = Dash(dash.db_path).start().open("companies")
    reloaded.assert_ok()
    return list(reloaded.at.dataframe[0].value["Company"]) if reloaded.at.dataframe else []


def _assert_inert(dash: Dash) -> None:
    """No Markdown string on the page can start HTML, a link or an image from user text."""
    dash.assert_ok()
    assert not dash.at.get("html")
    for text in dash.markdown():
        assert not UNSAFE.search(text), f"unescaped Markdown: {text!r}"
        assert not any(p in text for p in PAYLOADS), text


# -- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["linkedin", "sheet", "jobs"])
@pytest.mark.parametrize("demo", [False, True], ids=["empty", "demo"])
def test_the_import_page_runs_on_empty_and_demo_data(
    dash: Dash, kind: str, demo: bool, demo_file: Path
) -> None:
    if demo:
        dash.load(demo_file)
    _kind(dash.start(), kind).assert_ok()
    assert dash.at.title[0].value == "Import your data"
    if kind == "jobs" and not demo:
        assert "Add a target company first" in dash.at.info[0].value
    if kind == "jobs" and demo:
        assert dash.at.selectbox(key="import.jobs.company").value is not None


# -- spreadsheets --------------------------------------------------------------------------


def test_a_spreadsheet_adds_companies_and_they_appear_ranked(profiled: Dash) -> None:
    _kind(profiled.start(), "sheet")
    _upload(profiled, "import.sheet.file", "companies.csv", COMPANIES_CSV).assert_ok()
    preview = profiled.at.dataframe[0].value
    assert list(preview.columns) == ["Name", "Stack", "Remote", "Hires no degree", "Glassdoor"]
    assert list(preview["Name"]) == ["Zeta", "Acme"]
    mapped = [
        s.value for s in profiled.at.selectbox if (s.key or "").startswith("import.sheet.map.")
    ]
    assert mapped == ["name", "stack", "remote", "hires_no_degree", "(ignore)"]
    profiled.press("import.sheet.go").assert_ok()
    assert profiled.toasted("Spreadsheet imported")
    message = "Imported 2 companies from companies.csv."
    assert [s.value for s in profiled.at.success] == [escape(message)], "kept after the rerun"
    assert _companies(profiled) == ["Acme", "Zeta"], "ranked: Acme fits the profile better"

    profiled.press("import.sheet.go").assert_ok()
    again = "Imported 0 companies from companies.csv; 2 already in your hunt."
    assert [s.value for s in profiled.at.success] == [escape(again)]
    assert _companies(profiled) == ["Acme", "Zeta"]


def test_the_mapping_renames_a_column_and_people_join_their_company(profiled: Dash) -> None:
    profiled.seed(lambda ws: ws.add_company({"name": "Acme"}))
    _kind(profiled.start(), "sheet")
    profiled.at.radio(key="import.sheet.what").set_value("people")
    profiled.at.run()
    sheet = b"Employer,Full name,Role\nAcme,Dev One,developer\nAcme,Rae,recruiter\n"
    _upload(profiled, "import.sheet.file", "people.csv", sheet)
    maps = [
        s for s in profiled.at.selectbox if (s.key or "").startswith("import.sheet.map.people.")
    ]
    assert [s.value for s in maps] == ["(ignore)", "(ignore)", "role"]
    maps[0].set_value("company")
    maps[1].set_value("name")
    profiled.at.run()
    profiled.press("import.sheet.go").assert_ok()
    assert [s.value for s in profiled.at.success] == [escape("Imported 2 people from people.csv.")]
    people = Dash(profiled.db_path).start().open("people")
    assert {"Dev One", "Rae"} <= set(people.at.dataframe[0].value["Person"])


BAD_SHEETS = {
    "a bad cell": ("bad.csv", b"name,remote\nAcme,yes\nBeta,maybe\n", "row 3, column remote"),
    "a name twice": ("dup.csv", b"name\nAcme\nacme\n", "already on row 2"),
    "empty": ("empty.csv", b"", "empty"),
    "binary renamed .csv": ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "a broken workbook": ("book.xlsx", b"PK\x03\x04 not really a zip", "not an Excel workbook"),
    "50 MB": ("huge.csv", b"name\n" + b"Acme\n" * (10 * 2**20), "over the 20 MB limit"),
}


@pytest.mark.parametrize("case", BAD_SHEETS, ids=list(BAD_SHEETS))
def test_a_bad_spreadsheet_shows_one_error_and_writes_nothing(profiled: Dash, case: str) -> None:
    name, data, reason = BAD_SHEETS[case]
    _kind(profiled.start(), "sheet")
    _upload(profiled, "import.sheet.file", name, data)
    if "import.sheet.go" in profiled.widget_keys():
        profiled.press("import.sheet.go")
    error = _one_error(profiled)
    assert escape(reason) in error
    assert not profiled.toasts()
    assert _companies(profiled) == []


def test_a_sheet_whose_name_column_is_ignored_is_refused(profiled: Dash) -> None:
    _kind(profiled.start(), "sheet")
    _upload(profiled, "import.sheet.file", "companies.csv", COMPANIES_CSV)
    next(s for s in profiled.at.selectbox if (s.key or "").endswith(".0")).set_value("(ignore)")
    profiled.at.run()
    profiled.press("import.sheet.go")
    assert escape("no 'name' column") in _one_error(profiled)
    assert _companies(profiled) == []


# -- LinkedIn ------------------------------------------------------------------------------


def test_linkedin_shows_the_summary_links_connections_and_adds_the_chosen(dash: Dash) -> None:
    dash.seed(_acme)
    _kind(dash.start(), "linkedin")
    _upload(dash, "import.linkedin.file", "Connections.csv", CONNECTIONS)
    dash.press("import.linkedin.go").assert_ok()
    assert dash.toasted("LinkedIn connections imported")
    headline = "Read 10 connections from Connections.csv: 10 added, 0 updated, 0 unchanged."
    assert [s.value for s in dash.at.success] == [escape(headline)]
    assert [m.value for m in dash.at.metric] == ["10", "10", "0", "0", "3"]
    matched = dash.at.dataframe[0].value
    assert set(matched["Connection"]) == {"Sam Lee", "Jo Park", "Priya Shah"}
    assert set(matched["Company"]) == {"Acme"}

    offered = dash.at.multiselect(key="import.linkedin.offered")
    sam = next(o for o in offered.options if o.startswith("Sam Lee"))
    offered.select(sam)
    dash.at.run()
    dash.press("import.linkedin.add").assert_ok()
    assert dash.toasted("Added 1 person to message")
    left = dash.at.multiselect(key="import.linkedin.offered").options
    assert not any(o.startswith("Sam Lee") for o in left) and len(left) == 2
    assert dash.at.success, "the summary stays after the rerun"
    people = Dash(dash.db_path).start().open("people")
    assert "Sam Lee" in set(people.at.dataframe[0].value["Person"])

    targets = dash.at.multiselect(key="import.linkedin.targets")
    assert "Initech" in targets.options
    targets.select("Initech")
    dash.at.run()
    dash.press("import.linkedin.add_targets").assert_ok()
    assert dash.toasted("Added 1 target company")
    assert "Initech" not in dash.at.multiselect(key="import.linkedin.targets").options
    now_offered = dash.at.multiselect(key="import.linkedin.offered").options
    assert any(o.startswith("Noah Kim · Initech") for o in now_offered), "relinked"

    dash.press("import.linkedin.go").assert_ok()
    again = "Read 10 connections from Connections.csv: 0 added, 0 updated, 10 unchanged."
    assert [s.value for s in dash.at.success] == [escape(again)], "nothing twice"


def test_a_near_miss_is_offered_and_linked_only_once_confirmed(dash: Dash) -> None:
    dash.seed(lambda ws: ws.add_company({"name": "Company40"}))
    _kind(dash.start(), "linkedin")
    export = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Kim,Ng,https://www.linkedin.com/in/kimng,,Company450,Engineer,01 Jan 2025\n"
    )
    _upload(dash, "import.linkedin.file", "Connections.csv", export)
    dash.press("import.linkedin.go").assert_ok()
    assert [m.value for m in dash.at.metric][-1] == "0", "a near miss is never linked unasked"
    [line] = [t.value for t in dash.at.text if "looks like" in t.value]
    assert line.startswith("Company450 (1 connection) looks like Company40: ")
    dash.press("import.linkedin.alias.0").assert_ok()
    assert dash.toasted("Company450 is Company40 now")
    assert not [t.value for t in dash.at.text if "looks like" in t.value]
    dash.press("import.linkedin.go").assert_ok()
    assert [m.value for m in dash.at.metric][-1] == "1", "the confirmed name now links"
    assert set(dash.at.dataframe[0].value["Connection"]) == {"Kim Ng"}


def test_a_zip_instead_of_connections_csv_is_one_clear_error(dash: Dash) -> None:
    dash.seed(_acme)
    _kind(dash.start(), "linkedin")
    _upload(dash, "import.linkedin.file", "Basic_LinkedInDataExport.zip", b"PK\x03\x04rest")
    dash.press("import.linkedin.go")
    assert escape("unzip LinkedIn's export") in _one_error(dash)
    assert not dash.at.success


# -- job boards ----------------------------------------------------------------------------


def _acme_health(ws: Workspace) -> None:
    profile(ws)
    ws.add_company({"name": "Acme Health"})


def test_a_saved_job_board_file_shows_the_postings(dash: Dash) -> None:
    dash.seed(_acme_health)
    _kind(dash.start(), "jobs")
    assert "No open roles stored" in " ".join(c.value for c in dash.at.caption)
    dash.at.radio(key="import.jobs.source").set_value("file")
    dash.at.run()
    _upload(dash, "import.jobs.file", "acme.json", GREENHOUSE, "application/json")
    dash.press("import.jobs.go").assert_ok()
    assert dash.toasted("Open roles at Acme Health imported")
    roles = dash.at.dataframe[0].value
    count = len(json.loads(GREENHOUSE)["jobs"])
    assert 0 < len(roles) <= count
    assert "Senior Software Engineer, .NET" in set(roles["Title"])
    assert all(str(link).startswith("https://") for link in roles["Link"].dropna())
    assert set(roles["Board"]) == {"Greenhouse"}
    summary = dash.at.success[0].value
    assert summary.startswith(escape(f"{len(roles)} open roles at Acme Health from Greenhouse"))


@pytest.mark.parametrize(
    ("source", "board", "file", "reason"),
    [
        ("greenhouse", "../../admin", None, "is not valid"),
        ("lever", "", None, "is not valid"),
        ("file", None, b"{not json", "is not valid JSON"),
        ("file", None, b'{"hello": 1}', "not a job-board payload"),
    ],
)
def test_a_bad_board_or_file_shows_one_error_and_keeps_the_roles(
    dash: Dash, source: str, board: str | None, file: bytes | None, reason: str
) -> None:
    dash.seed(_acme_health)
    _kind(dash.start(), "jobs")
    dash.at.radio(key="import.jobs.source").set_value(source)
    dash.at.run()
    if file is not None:
        _upload(dash, "import.jobs.file", "saved.json", file, "application/json")
    else:
        dash.at.text_input(key=f"import.jobs.board.{source}").set_value(board)
    dash.press("import.jobs.go")
    assert escape(reason) in _one_error(dash)
    assert "No open roles stored" in " ".join(c.value for c in dash.at.caption)


# -- Settings: export and restore ----------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("csv", "hunt-export.zip"), ("json", "hunt-export.json"), ("xlsx", "hunt-export.xlsx")],
)
def test_settings_prepares_each_export_for_download(
    dash: Dash, fmt: str, name: str, demo_file: Path
) -> None:
    dash.load(demo_file)
    dash.start().open("settings").assert_ok()
    assert "settings.export.download" not in dash.widget_keys(), "nothing built until asked"
    button = dash.at.get("download_button")[0]
    assert isinstance(button, Element)  # a widget, not a container
    assert button.label.startswith("Download follow-ups and chats")
    dash.at.selectbox(key="settings.export.format").set_value(fmt)
    dash.press("settings.export.prepare").assert_ok()
    assert dash.widget("settings.export.download").label == f"Download {name}"
    dash.later(minutes=2)
    assert "settings.export.download" in dash.widget_keys(), "still valid: nothing was written"


def test_an_export_restores_into_an_empty_hunt_and_not_into_a_full_one(
    dash: Dash, demo_file: Path
) -> None:
    dash.load(demo_file)
    dash.start().open("settings")
    dash.at.selectbox(key="settings.export.format").set_value("json")
    dash.press("settings.export.prepare")
    data = dash.at.session_state["_settings.export"][2]
    assert json.loads(data)["format"] == "hunt-export"

    _upload(dash, "settings.restore.file", "hunt-export.json", data, "application/json")
    dash.press("settings.restore.go")
    assert escape("restore goes into an empty hunt") in _one_error(dash)

    fresh = Dash(dash.db_path).start(user="restored").open("settings")
    _upload(fresh, "settings.restore.file", "hunt-export.json", data, "application/json")
    fresh.press("settings.restore.go").assert_ok()
    assert fresh.toasted("Restored your hunt from hunt-export.json")
    assert fresh.at.success[0].value.startswith("Restored your profile, 25 companies, ")
    assert fresh.at.success[0].value.endswith(" and 0 aliases.")
    companies = fresh.open("companies").at.dataframe[0].value
    assert len(companies) == 25


def test_restoring_something_that_is_not_an_export_is_one_error(dash: Dash) -> None:
    dash.start().open("settings")
    _upload(dash, "settings.restore.file", "hunt-export.zip", b"PK\x03\x04junk", "application/zip")
    dash.press("settings.restore.go")
    _one_error(dash)
    assert _companies(dash) == []


# -- injection -----------------------------------------------------------------------------


def _hostile_sheet() -> bytes:
    """Payloads as column names and as every cell."""
    header = ["name", *PAYLOADS]
    rows = [[p, *PAYLOADS] for p in PAYLOADS]
    lines = [",".join(f'"{c}"' for c in row) for row in [header, *rows]]
    return "\n".join(lines).encode()


def test_hostile_cells_and_column_names_render_inert(profiled: Dash) -> None:
    _kind(profiled.start(), "sheet")
    _upload(profiled, "import.sheet.file", "hostile.csv", _hostile_sheet())
    _assert_inert(profiled)
    plain = profiled.plain()
    assert all(p in plain for p in PAYLOADS), "shown, as text"
    profiled.press("import.sheet.go")
    _assert_inert(profiled)
    assert set(profiled.at.dataframe[1].value["Name"]) == set(PAYLOADS)
    assert sorted(_companies(profiled)) == sorted(PAYLOADS)


def test_hostile_connections_and_postings_render_inert(dash: Dash) -> None:
    dash.seed(_acme)
    people = "".join(
        f'"{p}","x","javascript:alert({i})","","Acme","{p}","12 Mar 2024"\n'
        for i, p in enumerate(PAYLOADS)
    )
    export = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + people
    others = "".join(f'"{p}","y","","","{PAYLOADS[0]}","","1 Jan 2024"\n' for p in PAYLOADS)
    _kind(dash.start(), "linkedin")
    _upload(dash, "import.linkedin.file", "Connections.csv", (export + others).encode())
    dash.press("import.linkedin.go")
    _assert_inert(dash)
    offered = dash.at.dataframe[-1].value
    assert len(offered) == len(PAYLOADS) and offered["Profile"].isna().all(), "no script links"
    assert PAYLOADS[0] in set(dash.at.dataframe[1].value["Company"]), "a hostile suggestion"

    jobs = [
        {"absolute_url": "javascript:alert(1)", "id": i, "title": p, "location": {"name": p}}
        for i, p in enumerate(PAYLOADS)
    ]
    board = {"jobs": jobs}
    dash.at.radio(key="import.kind").set_value("jobs")
    dash.at.run()
    dash.at.radio(key="import.jobs.source").set_value("file")
    dash.at.run()
    _upload(dash, "import.jobs.file", "board.json", json.dumps(board).encode(), "application/json")
    dash.press("import.jobs.go")
    _assert_inert(dash)
    roles = dash.at.dataframe[0].value
    assert set(roles["Title"]) == set(PAYLOADS) and roles["Link"].isna().all()
