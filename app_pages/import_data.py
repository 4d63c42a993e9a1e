"""Import: your LinkedIn connections, a spreadsheet of companies or people, a job board's roles.

Each kind of file goes: upload, look, press import (one write through session.act), then a
summary that stays on the page after act's rerun (kept in session_state, one key per kind).
The page only draws: hunt_core reads, checks and writes. User text is shown as text (tables,
st.text, select options) or escaped; Markdown carries only this page's own words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from app_pages import session, ui
from app_pages.safe import escape
from hunt_core import forms
from hunt_core.errors import HuntError
from hunt_core.importers import jobboards, spreadsheets
from hunt_core.importers.spreadsheets import Table
from hunt_core.store import name_key

KIND = "import.kind"
KINDS = {
    "linkedin": "LinkedIn connections",
    "sheet": "A spreadsheet",
    "jobs": "Open roles from a job board",
}
PREVIEW_ROWS = 20
IGNORE = "(ignore)"
MAP_COLUMNS = 4  # column pickers side by side
# Summaries of the last import of each kind, kept across act()'s rerun.
LINKEDIN_SUMMARY = "_import.linkedin"
SHEET_SUMMARY = "_import.sheet"
SHEET_TABLE = "_import.sheet.table"  # (file id, Table or the error reading it)
JOBS_SUMMARY = "_import.jobs"
BOARD_CHOICES = {**jobboards.NAMES, "file": "A saved JSON file"}
# Where people see a board, to find its name in (code spans: Markdown never links them).
BOARD_PAGES = {
    "greenhouse": "job-boards.greenhouse.io/acme",
    "lever": "jobs.lever.co/acme",
    "ashby": "jobs.ashbyhq.com/acme",
}
WHAT = {"companies": "Companies", "people": "People at your companies"}

run = session.current()
snap = run.snap


def web_link(url: str) -> str | None:
    """A URL a link column may show: http(s) only, anything else is dropped."""
    return url if url.strip().lower().startswith(("https://", "http://")) else None


def rows_table(rows: Sequence[dict[str, Any]], **config: Any) -> None:
    """Rows of user text as a read-only table (cells are never Markdown)."""
    st.dataframe(pd.DataFrame(rows), hide_index=True, column_config=config or None)


# -- LinkedIn ------------------------------------------------------------------------------


def linkedin_section() -> None:
    """Upload Connections.csv, import it with a progress bar, then the summary and the offers."""
    st.markdown(
        "Get the file from LinkedIn: **Me → Settings & Privacy → Data privacy → Get a copy of "
        "your data**, tick **Connections** and request the archive. LinkedIn e-mails you when "
        "it is ready (usually within minutes); download it, unzip it and choose "
        "`Connections.csv` here."
    )
    upload = st.file_uploader(
        "Connections.csv from LinkedIn", type=["csv", "zip"], key="import.linkedin.file"
    )
    add_people = st.checkbox(
        "Also add everyone at your target companies as people",
        key="import.linkedin.add_people",
        help="Otherwise you choose who to add below, after the import.",
    )
    if upload is not None and st.button(
        "Import connections", type="primary", key="import.linkedin.go"
    ):
        import_linkedin(upload.getvalue(), upload.name, add_people=add_people)
    linkedin_summary(st.session_state.get(LINKEDIN_SUMMARY))
    offered_people()


def import_linkedin(data: bytes, filename: str, *, add_people: bool = False) -> None:
    """Import an export's bytes as one write; the summary is kept for the rerun."""
    bar = st.progress(0.0, text="Reading your connections")

    def progress(fraction: float, text: str) -> None:
        bar.progress(min(1.0, max(0.0, fraction)), text=escape(text))

    def action() -> None:
        summary = run.ws.import_linkedin(
            data, progress=progress, add_people=add_people, source=filename
        )
        st.session_state[LINKEDIN_SUMMARY] = {**summary.as_dict(), "lines": summary.lines()}

    session.act(action, "LinkedIn connections imported. The summary is below.")


def linkedin_summary(summary: dict[str, Any] | None) -> None:
    """What the last import changed, who works at your targets, and companies to consider."""
    if not summary:
        return
    st.subheader("What the import changed", anchor=False)
    st.success(escape(summary["lines"][0]), icon=":material/check_circle:")
    read, added, updated, unchanged, matched = st.columns(5)
    read.metric("Connections read", summary["read"])
    added.metric("Added", summary["added"])
    updated.metric("Updated", summary["updated"])
    unchanged.metric("Unchanged", summary["unchanged"])
    matched.metric("At your targets", len(summary["matched"]))
    left_out = [
        f"{plural(n, 'row', 'rows')} {why}"
        for n, why in (
            (summary["skipped_no_name"], "with no name (members who left)"),
            (summary["duplicates"], "repeating an earlier one"),
        )
        if n
    ]
    if left_out:
        st.caption(f"Left out {' and '.join(left_out)}.")
    if summary["people_added"]:
        st.caption(f"Added {len(summary['people_added'])} of them as people to message.")
    if summary["matched"]:
        st.markdown("**Your connections at your target companies**")
        rows_table([{"Connection": m["name"], "Company": m["company"]} for m in summary["matched"]])
    else:
        st.caption("None of these connections works at one of your target companies yet.")
    near_misses(summary.get("near_misses", []))
    target_suggestions(summary["suggestions"])


def near_misses(misses: Sequence[dict[str, Any]]) -> None:
    """Spellings close to a target's name, never linked unasked: confirm each that is the same."""
    confirmed = run.ws.confirmed_aliases()
    open_ones = [m for m in misses if name_key(m["spelling"]) not in confirmed]
    if not open_ones:
        return
    st.markdown("**Close to one of your targets, but not linked**")
    st.caption("Linked only when you confirm it is the same company.")
    for i, m in enumerate(open_ones):
        text, button = st.columns((4, 1))
        text.text(
            f"{m['spelling']} ({plural(m['connections'], 'connection', 'connections')}) looks "
            f"like {m['target']}: {m['similarity']:.0f}% similar"
        )
        if button.button("Same company", key=f"import.linkedin.alias.{i}"):
            spelling, target = m["spelling"], m["target"]
            session.act(
                functools.partial(run.ws.confirm_alias, target, spelling),
                f"{spelling} is {target} now: its connections are linked.",
            )


def target_suggestions(suggestions: Sequence[dict[str, Any]]) -> None:
    """Companies where several connections work and that are not targets yet: add some."""
    held = {name_key(c.name) for c in snap.companies}
    fresh = [s for s in suggestions if name_key(s["company"]) not in held]
    if not fresh:
        return
    st.markdown("**Companies where several of your connections work**")
    st.caption("Someone you know there is the best way in. Add the ones you would work for.")
    rows_table([{"Company": s["company"], "Connections": s["connections"]} for s in fresh])
    names = [s["company"] for s in fresh]
    chosen = st.multiselect("Add as target companies", names, key="import.linkedin.targets")
    if chosen and st.button("Add as targets", key="import.linkedin.add_targets"):
        session.act(
            lambda: run.ws.add_targets(chosen),
            f"Added {plural(len(chosen), 'target company', 'target companies')}.",
        )


def offered_people() -> None:
    """Connections at your targets who are not people in your hunt yet: pick some to add."""
    offers = run.ws.linkedin_offers(snap)
    if not offers:
        return
    st.subheader("People you know at your targets", anchor=False)
    st.caption(
        "Your LinkedIn connections at your target companies who are not in your hunt yet. "
        "The role is guessed from their position; you can change it on the People page."
    )
    rows_table(
        [
            {
                "Name": o.name,
                "Company": o.company,
                "Role": o.role,
                "Position": o.position,
                "Profile": web_link(o.linkedin),
            }
            for o in offers
        ],
        Profile=st.column_config.LinkColumn("Profile"),
    )
    labels = {i: f"{o.name} · {o.company} ({o.role})" for i, o in enumerate(offers)}
    chosen = st.multiselect(
        "Add as people to message", list(labels), format_func=labels.__getitem__,
        key="import.linkedin.offered",
    )  # fmt: skip
    if chosen and st.button("Add chosen people", type="primary", key="import.linkedin.add"):
        picked = [offers[i] for i in chosen]
        session.act(
            lambda: run.ws.add_offered(picked),
            f"Added {plural(len(picked), 'person', 'people')} to message.",
        )


# -- spreadsheets --------------------------------------------------------------------------


def sheet_section() -> None:
    """Upload a sheet, preview it, map its columns, import all rows or none."""
    what = st.radio(
        "The sheet lists", list(WHAT), format_func=WHAT.__getitem__, horizontal=True,
        key="import.sheet.what",
    )  # fmt: skip
    if what == "people":
        st.caption(
            "Each row names its company, which must already be in your hunt: import or add "
            "the companies first."
        )
    upload = st.file_uploader(
        "CSV or Excel file (.csv, .xlsx)",
        type=["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods", "numbers"],
        key="import.sheet.file",
        help="The first row names the columns, as the CLI's import uses them.",
    )
    if upload is not None:
        table = read_sheet(upload)
        if table is not None:
            sheet_mapping(table, what, upload.file_id)
    sheet_summary(st.session_state.get(SHEET_SUMMARY))


def read_sheet(upload: UploadedFile) -> Table | None:
    """The uploaded sheet, read once per file; a file hunt_core refuses shows its one line."""
    held = st.session_state.get(SHEET_TABLE)
    if held is None or held[0] != upload.file_id:
        try:
            result: Table | str = spreadsheets.read_table(upload.getvalue(), upload.name)
        except HuntError as exc:
            result = str(exc)
        held = (upload.file_id, result)
        st.session_state[SHEET_TABLE] = held
    if isinstance(held[1], str):
        st.error(escape(held[1]), icon=":material/error:")
        return None
    return held[1]


def sheet_mapping(table: Table, what: str, file_id: str) -> None:
    """The preview, a field for each column (suggested from its name), and the import button."""
    fields = forms.COMPANY_FIELDS if what == "companies" else forms.CONTACT_FIELDS
    shown = min(PREVIEW_ROWS, len(table.rows))
    st.caption(f"{len(table.rows)} rows; the first {shown} are shown.")
    st.dataframe(
        pd.DataFrame(list(table.rows[:PREVIEW_ROWS]), columns=list(table.columns)), hide_index=True
    )
    st.markdown("**Which field each column fills**")
    suggested = spreadsheets.suggest_mapping(table.columns, fields)
    options = [IGNORE, *fields]
    mapping: dict[str, str | None] = {}
    for index, column in enumerate(table.columns):
        if index % MAP_COLUMNS == 0:  # a row of pickers at a time, read left to right
            grid = st.columns(MAP_COLUMNS)
        field = grid[index % MAP_COLUMNS].selectbox(
            escape(column),
            options,
            index=options.index(suggested.get(column, IGNORE)),
            key=f"import.sheet.map.{what}.{file_id}.{index}",
        )
        mapping[column] = None if field == IGNORE else field
    if st.button(f"Import {what}", type="primary", key="import.sheet.go"):
        import_sheet(table, what, mapping)


def import_sheet(table: Table, what: str, mapping: dict[str, str | None]) -> None:
    """All rows or none, as one write; the summary is kept for the rerun."""
    bar = st.progress(0.0, text="Checking every row")
    load = spreadsheets.import_companies if what == "companies" else spreadsheets.import_contacts

    def action() -> None:
        summary = load(run.ws, table, mapping, lambda f: bar.progress(min(1.0, max(0.0, f))))
        st.session_state[SHEET_SUMMARY] = {
            **summary.as_dict(),
            "message": summary.message(table.source),
        }

    session.act(action, "Spreadsheet imported. The summary is below.")


def sheet_summary(summary: dict[str, Any] | None) -> None:
    """The last sheet import: added, already there, and where to see them."""
    if not summary:
        return
    st.subheader("What the import changed", anchor=False)
    st.success(escape(summary["message"]), icon=":material/check_circle:")
    added, skipped = st.columns(2)
    with added:
        st.markdown("**Added**")
        if summary["added_names"]:
            rows_table([{"Name": n} for n in summary["added_names"]])
        else:
            st.caption("Nothing new.")
    with skipped:
        st.markdown("**Already in your hunt (left as they were)**")
        if summary["skipped_names"]:
            rows_table([{"Name": n} for n in summary["skipped_names"]])
        else:
            st.caption("None.")
    if summary["what"] == "companies":
        st.page_link(ui.COMPANIES, label="See your companies ranked", icon=":material/apartment:")
    else:
        st.page_link(ui.PEOPLE, label="See your people", icon=":material/group:")


# -- job boards ----------------------------------------------------------------------------


def jobs_section() -> None:
    """Pick a company and its board (or a saved answer), import its roles, list them."""
    if not snap.companies:
        st.info("Add a target company first: open roles are kept with the company.")
        st.page_link(ui.COMPANIES, label="Add a company", icon=":material/apartment:")
        return
    companies = {s.company.id or -1: s.company.name for s in snap.company_scores}
    company_id = ui.pick("Company", companies, "import.jobs.company")
    company = companies[company_id]
    source = st.radio(
        "Where its roles are listed", list(BOARD_CHOICES), format_func=BOARD_CHOICES.__getitem__,
        horizontal=True, key="import.jobs.source",
    )  # fmt: skip
    if source == "file":
        upload = st.file_uploader(
            "A saved Greenhouse, Lever or Ashby answer (.json)",
            type=["json"],
            key="import.jobs.file",
        )
        if upload is not None and st.button("Import roles", type="primary", key="import.jobs.go"):
            import_jobs(company, "file", upload.getvalue())
    else:
        board = st.text_input(
            f"{jobboards.BOARDS[source]} name",
            key=f"import.jobs.board.{source}",
            help=f"The name in the board's web address: acme in `{BOARD_PAGES[source]}`",
        )
        if st.button("Fetch open roles", type="primary", key="import.jobs.go"):
            with st.spinner(f"Asking {jobboards.NAMES[source]} for the open roles..."):
                import_jobs(company, source, board.strip())
    jobs_summary(st.session_state.get(JOBS_SUMMARY), company)
    postings(company_id, company)


def import_jobs(company: str, source: str, given: str | bytes) -> None:
    """Replace the company's roles from one board as one write; the summary is kept."""

    def action() -> None:
        if isinstance(given, bytes):
            summary = run.ws.import_jobs(company, file=given)
        else:
            board: dict[str, Any] = {source: given}  # which keyword is chosen at run time
            summary = run.ws.import_jobs(company, **board)
        st.session_state[JOBS_SUMMARY] = {"company": company, **dataclasses.asdict(summary)}

    session.act(action, f"Open roles at {company} imported.")


def jobs_summary(summary: dict[str, Any] | None, company: str) -> None:
    """The last job-board import, when it was for the company shown."""
    if not summary or summary["company"] != company:
        return
    board = jobboards.NAMES.get(summary["source"], summary["source"])
    st.success(
        escape(
            f"{plural(summary['fetched'], 'open role', 'open roles')} at {company} from {board}: "
            f"{summary['added']} new, {summary['kept']} still open, {summary['removed']} gone."
        ),
        icon=":material/check_circle:",
    )


def postings(company_id: int, company: str) -> None:
    """The company's stored open roles, links only to web pages."""
    held = [p for p in snap.postings if p.company_id == company_id]
    st.subheader("Open roles", anchor=False)
    if not held:
        st.caption("No open roles stored for this company yet.")
        return
    rows_table(
        [
            {
                "Title": p.title,
                "Location": p.location,
                "Remote": {True: "yes", False: "no", None: "unknown"}[p.remote],
                "Posted": posted(p.posted_at),
                "Board": jobboards.NAMES.get(p.source, p.source),
                "Link": web_link(p.url),
            }
            for p in held
        ],
        Link=st.column_config.LinkColumn("Link"),
    )
    st.caption(f"{plural(len(held), 'open role', 'open roles')} at {escape(company)}.")


def posted(when: dt.datetime | None) -> str:
    """A posting date as the day, or empty when the board did not say."""
    return when.date().isoformat() if when else ""


def plural(n: int, one: str, many: str) -> str:
    """'1 person', '2 people'."""
    return f"{n} {one if n == 1 else many}"


SECTIONS: dict[str, Callable[[], None]] = {
    "linkedin": linkedin_section,
    "sheet": sheet_section,
    "jobs": jobs_section,
}

st.title("Import your data")
st.caption(
    "Bring what you already have: it feeds the scores and the next step. To take everything "
    "out again, use Export and backup in Settings."
)
kind = st.radio(
    "What to import", list(KINDS), format_func=KINDS.__getitem__, horizontal=True, key=KIND
)
SECTIONS[kind]()
