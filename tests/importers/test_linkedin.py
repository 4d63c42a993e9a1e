"""LinkedIn's Connections.csv: reading every export variant, linking, re-imports, bad files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hunt_core.errors import InvalidInput
from hunt_core.importers import linkedin
from hunt_core.importers.linkedin import (
    MAX_BYTES,
    MAX_ROWS,
    Offer,
    guess_role,
    import_linkedin,
    parse,
    read_connections,
)
from hunt_core.models import Company, Connection, Contact, Profile
from hunt_core.store import Store
from hunt_core.workspace import Workspace

EXPORT = Path(__file__).parent / "fixtures" / "Connections.csv"
NOTE = (
    '"When exporting your connection data, you may notice that some of the email addresses are '
    'missing. You will only see email addresses for connections who have allowed it."'
)
NOTES = f"Notes:\n{NOTE}\n\n"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
OLD_HEADER = "First Name,Last Name,Email Address,Company,Position,Connected On"
SAM = "Sam,Lee,https://www.linkedin.com/in/sam-lee,,Acme Inc,Senior Engineer,12 Mar 2024"
JO = "Jo,Park,https://www.linkedin.com/in/jopark,jo@example.com,ACME,Recruiter,01 Feb 2024"


def export(*rows: str, notes: str = NOTES, header: str = HEADER) -> bytes:
    """A Connections.csv with LinkedIn's notes, the header and these rows."""
    return (notes + header + "\n" + "".join(f"{row}\n" for row in rows)).encode("utf-8")


def targets(store: Store, *names: str) -> dict[str, int]:
    """Add target companies; their ids by name."""
    return {c.name: c.id or -1 for c in store.add_companies([Company(n) for n in names])}


def linked(store: Store) -> dict[str, int | None]:
    """Each stored connection's target company id, by name."""
    return {c.name: c.company_id for c in store.connections()}


# -- reading -------------------------------------------------------------------------------


def test_reads_a_real_export() -> None:
    parsed = parse(EXPORT.read_bytes())
    sam, jo = parsed.connections[:2]
    assert (sam.first_name, sam.last_name, sam.company, sam.position) == (
        "Sam", "Lee", "Acme, Inc.", "Senior Software Engineer")  # fmt: skip
    assert (sam.url, sam.email, sam.connected_on) == (
        "https://www.linkedin.com/in/sam-lee-4b1a2c3", "", dt.date(2024, 3, 12))  # fmt: skip
    assert sam.person_key == "https://www.linkedin.com/in/sam-lee-4b1a2c3"
    assert jo.email == "jo.park@example.com"
    assert "Luis García" in [c.name for c in parsed.connections]
    assert (len(parsed.connections), parsed.skipped_no_name, parsed.duplicates) == (10, 1, 0)


@pytest.mark.parametrize(
    "notes",
    ["", NOTES, f'Notes:\n{NOTE}\n"A second note line, as some exports have."\n\n', "Notes:\n\n",
     f"Notes:\r\n{NOTE}\r\n\r\n"],
    ids=["none", "one", "two", "empty", "crlf"],
)  # fmt: skip
def test_the_header_is_found_after_any_notes(notes: str) -> None:
    [sam] = read_connections(export(SAM, notes=notes))
    assert (sam.name, sam.company) == ("Sam Lee", "Acme Inc")


def test_an_older_export_without_urls_keys_people_by_name_and_company() -> None:
    [sam] = read_connections(export("Sam,Lee,,Acme Inc,Senior Engineer,12 Mar 2024",
                                    header=OLD_HEADER))  # fmt: skip
    assert (sam.url, sam.person_key) == ("", "name:sam lee|acme")


def test_bom_and_crlf() -> None:
    data = ("\ufeff" + HEADER + "\r\n" + SAM + "\r\n" + JO + "\r\n").encode("utf-8")
    assert [c.name for c in read_connections(data)] == ["Sam Lee", "Jo Park"]


def test_windows_1252_names_are_read() -> None:
    data = export("José,Núñez,,,Café Rio,Señor Developer,12 Mar 2024").decode().encode("cp1252")
    [jose] = read_connections(data)
    assert (jose.name, jose.company, jose.position) == ("José Núñez", "Café Rio", "Señor Developer")


def test_members_who_left_are_skipped_and_counted_blank_lines_ignored() -> None:
    parsed = parse(export(SAM, ",,,,,,10 Jan 2022", "", ",,,,,,", " , ,,,Acme,,", JO))
    assert [c.name for c in parsed.connections] == ["Sam Lee", "Jo Park"]
    assert parsed.skipped_no_name == 2


def test_duplicate_rows_collapse_and_the_later_wins() -> None:
    again = SAM.replace("sam-lee", "Sam-Lee/?trk=public").replace("Senior Engineer", "Staff")
    parsed = parse(export(SAM, JO, SAM, again))
    assert [(c.name, c.position) for c in parsed.connections] == [
        ("Sam Lee", "Staff"), ("Jo Park", "Recruiter")]  # fmt: skip
    assert parsed.duplicates == 2


def test_namesakes_without_urls_at_different_companies_are_two_people() -> None:
    rows = ("Sam,Lee,,Acme,,", "Sam,Lee,,Globex,,")
    assert len(read_connections(export(*rows, header=OLD_HEADER))) == 2


def test_columns_in_another_order_with_extras_and_short_rows() -> None:
    data = export(
        "Acme,Sam,Lee,x", "Globex,Jo", notes="", header="Company,First Name,Last Name,Tag"
    )
    sam, jo = read_connections(data)
    assert (sam.name, sam.company, sam.url, jo.name, jo.company) == (
        "Sam Lee", "Acme", "", "Jo", "Globex")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "date"),
    [("12 Mar 2024", dt.date(2024, 3, 12)), ("2024-03-12", dt.date(2024, 3, 12)),
     ("12-Mar-24", dt.date(2024, 3, 12)), ("1 sept 2023", dt.date(2023, 9, 1)),
     ("31 Feb 2024", None), ("12 Foo 2024", None), ("", None), ("yesterday", None)],
)  # fmt: skip
def test_connected_on_dates(text: str, date: dt.date | None) -> None:
    assert linkedin.parse_connected_on(text) == date


@pytest.mark.parametrize(
    "url",
    ["https://www.linkedin.com/in/sam-lee", "https://www.linkedin.com/in/sam-lee/",
     "HTTPS://WWW.LINKEDIN.COM/in/Sam-Lee?trk=abc", "http://www.linkedin.com/in/sam-lee#top",
     " https://www.linkedin.com/in/sam-lee/ "],
)  # fmt: skip
def test_person_key_normalises_the_url(url: str) -> None:
    key = linkedin.person_key(url, "Sam", "Lee", "Acme")
    assert key == "https://www.linkedin.com/in/sam-lee"


@pytest.mark.parametrize(
    ("position", "role"),
    [("Senior Software Engineer", "developer"), ("Software Developer II", "developer"),
     ("Data Engineer", "developer"), ("SRE", "developer"), ("DevOps Engineer", "developer"),
     ("Full-Stack Developer", "developer"), ("Principal Engineer", "developer"),
     ("Engineering Manager", "manager"), ("Team Lead", "manager"), ("Tech Lead", "manager"),
     ("Director of Engineering", "manager"), ("VP, Engineering", "manager"), ("CTO", "manager"),
     ("Co-Founder & CEO", "manager"), ("Technical Recruiter", "recruiter"),
     ("Talent Acquisition Lead", "recruiter"), ("HR Business Partner", "recruiter"),
     ("Human Resources Generalist", "recruiter"), ("Head of People", "recruiter"),
     ("People Operations Manager", "recruiter"), ("Sourcer", "recruiter"),
     ("Product Designer", "other"), ("Student", "other"), ("Leadership Coach", "other"),
     ("", "other")],
)  # fmt: skip
def test_guess_role(position: str, role: str) -> None:
    assert guess_role(position) == role


# -- bad files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "Connections.csv is empty"),
     (b" \r\n\n", "Connections.csv is empty"),
     (b"name,remote\nAcme,yes\n", "no header row with First Name, Last Name, Company found"),
     (NOTES.encode() + b"First Name,Last Name,URL\nSam,Lee,x\n", "no header row"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a text file (it looks like a binary file)"),
     (b"PK\x03\x04\x14\x00\x06\x00", "an Excel workbook or a zip, not a CSV text file; unzip"),
     (HEADER.encode() + b"\nSam,Lee\x81\x8d\n", "is not UTF-8 or Windows-1252 text"),
     (export('Sam,"' + "x" * 200_000 + '"'), "row 5: field larger than field limit")],
    ids=["empty", "blank", "wrong-columns", "no-company", "png", "zip", "undecodable", "huge-cell"],
)  # fmt: skip
def test_bad_files_are_one_clear_line(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)) as caught:
        read_connections(data)
    assert "\n" not in str(caught.value)


def test_a_file_over_the_size_cap_is_refused() -> None:
    message = r"Connections\.csv is 20\.0 MB, over the 20 MB limit; LinkedIn's"
    with pytest.raises(InvalidInput, match=message):
        read_connections(b"x" * (MAX_BYTES + 1))


def test_more_rows_than_any_network_is_refused() -> None:
    data = export(*["Sam,Lee,,,Acme,,"] * (MAX_ROWS + 1))
    with pytest.raises(InvalidInput, match="more than 50,000 rows; LinkedIn caps a network"):
        read_connections(data)


def test_read_file_names_the_problem(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        linkedin.read_file(tmp_path / "nope.csv")
    with pytest.raises(InvalidInput, match="cannot read"):
        linkedin.read_file(tmp_path)
    big = tmp_path / "Connections.csv"
    with big.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: instant, never read
    with pytest.raises(InvalidInput, match=r"is 50\.0 MB, over the 20 MB limit"):
        linkedin.read_file(big)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused_in_one_line(data: bytes) -> None:
    try:
        connections = read_connections(data)
    except InvalidInput as exc:
        assert "\n" not in str(exc)
    else:
        assert all(isinstance(c, Connection) and c.name for c in connections)


ROWS = {
    codec: st.lists(
        st.lists(st.text(st.characters(codec=codec, exclude_characters="\x00"), max_size=12),
                 max_size=9),
        max_size=25,
    )
    for codec in ("utf-8", "cp1252")
}  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(ROWS)).flatmap(lambda codec: st.tuples(st.just(codec), ROWS[codec])))
def test_the_header_with_random_rows_reads_every_named_row(
    case: tuple[str, list[list[str]]],
) -> None:
    codec, rows = case
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    parsed = parse((NOTES + HEADER + "\n" + out.getvalue()).encode(codec))
    named = [r for r in rows if "".join(r[:2]).split()]
    nameless = [r for r in rows if any(c.strip() for c in r) and r not in named]
    assert len(parsed.connections) + parsed.duplicates == len(named)
    assert parsed.skipped_no_name == len(nameless)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_the_header_with_random_text_never_crashes(body: str) -> None:
    try:
        connections = read_connections((NOTES + HEADER + "\n" + body).encode("utf-8"))
    except InvalidInput as exc:
        assert "\n" not in str(exc)
    else:
        assert all(c.person_key for c in connections)


# -- importing -----------------------------------------------------------------------------


def test_import_links_offers_and_suggests(store: Store) -> None:
    store.save_profile(Profile(program="Turing School of Software & Design"))
    ids = targets(store, "Acme", "Globex")
    summary = import_linkedin(store, EXPORT.read_bytes())
    assert (summary.read, summary.added, summary.updated, summary.unchanged) == (10, 10, 0, 0)
    assert (summary.skipped_no_name, summary.duplicates) == (1, 0)
    assert summary.matched == [("Jo Park", "Acme"), ("Priya Shah", "Acme"), ("Sam Lee", "Acme"),
                               ("Luis García", "Globex")]  # fmt: skip
    assert [(o.name, o.company, o.role) for o in summary.offered] == [
        ("Sam Lee", "Acme", "developer"), ("Priya Shah", "Acme", "manager"),
        ("Jo Park", "Acme", "recruiter"), ("Luis García", "Globex", "manager")]  # fmt: skip
    assert summary.suggestions == [("Initech", 2)]  # not self-employed, not your own school
    assert linked(store)["Sam Lee"] == ids["Acme"]
    assert len(store.connections(linked_only=True)) == 4
    assert store.contacts() == []  # offered, never added unasked


def test_reimporting_the_same_file_changes_nothing(store: Store) -> None:
    targets(store, "Acme")
    import_linkedin(store, EXPORT.read_bytes())
    before = store.connections()
    again = import_linkedin(store, EXPORT.read_bytes())
    assert (again.added, again.updated, again.unchanged) == (0, 0, 10)
    assert store.connections() == before


def test_a_newer_export_updates_and_relinks(store: Store) -> None:
    ids = targets(store, "Acme", "Globex")
    import_linkedin(store, export(SAM, JO))
    moved = SAM.replace("Acme Inc", "Globex").replace("Senior Engineer", "Staff Engineer")
    newer = export(moved, JO, "Kim,Ng,https://www.linkedin.com/in/kimng,,Hooli,Dev,01 Jan 2025")
    summary = import_linkedin(store, newer)
    assert (summary.added, summary.updated, summary.unchanged) == (1, 1, 1)
    [sam] = [c for c in store.connections() if c.name == "Sam Lee"]
    assert (sam.company_id, sam.position) == (ids["Globex"], "Staff Engineer")
    assert len(store.connections()) == 3


def test_a_newer_export_with_urls_updates_people_from_an_older_one(store: Store) -> None:
    targets(store, "Acme")
    old = export("Sam,Lee,,Acme Inc,Engineer,12 Mar 2024", "Jo,Park,,ACME,Recruiter,",
                 header=OLD_HEADER)  # fmt: skip
    import_linkedin(store, old)
    summary = import_linkedin(store, export(SAM, JO))
    assert (summary.added, summary.updated) == (0, 2)
    assert sorted(c.url for c in store.connections()) == [
        "https://www.linkedin.com/in/jopark", "https://www.linkedin.com/in/sam-lee"]  # fmt: skip
    assert import_linkedin(store, export(SAM, JO)).unchanged == 2


def test_add_people_adds_connections_at_targets_as_contacts(store: Store) -> None:
    ids = targets(store, "Acme")
    summary = import_linkedin(store, export(SAM, JO), add_people=True)
    assert summary.people_added == ["Sam Lee", "Jo Park"]
    jo, sam = store.contacts()
    assert (sam.company_id, sam.role, sam.title, sam.linkedin) == (
        ids["Acme"],
        "developer",
        "Senior Engineer",
        "https://www.linkedin.com/in/sam-lee",
    )
    assert (sam.email, sam.email_source, sam.mutual, sam.friend) == ("", "", "", False)
    assert sam.connected and jo.connected  # first-degree: reached by message, no note spent
    assert (jo.role, jo.email, jo.email_source) == (
        "recruiter",
        "jo@example.com",
        "LinkedIn export",
    )
    again = import_linkedin(store, export(SAM, JO), add_people=True)
    assert (again.offered, again.people_added, len(store.contacts())) == ([], [], 2)


def test_people_already_listed_are_not_offered(store: Store) -> None:
    ids = targets(store, "Acme")
    store.add_contacts([Contact(ids["Acme"], "sam LEE", "developer"),
                        Contact(ids["Acme"], "Joanna P.", linkedin="https://linkedin.com/x"),
                        Contact(ids["Acme"], "J. Park",
                                linkedin="http://www.linkedin.com/in/JoPark/")])  # fmt: skip
    assert import_linkedin(store, export(SAM, JO)).offered == []


def test_add_offered_skips_anyone_already_listed(store: Store) -> None:
    ids = targets(store, "Acme")
    offer = Offer("Sam Lee", "Acme", ids["Acme"], "Engineer", "developer")
    assert [c.name for c in linkedin.add_offered(store, [offer, offer])] == ["Sam Lee"]
    assert linkedin.add_offered(store, [offer]) == []


def test_relink_follows_the_targets(store: Store) -> None:
    import_linkedin(store, EXPORT.read_bytes())
    assert store.connections(linked_only=True) == []
    initech = store.add_company(Company("Initech, Inc."))
    assert linkedin.relink(store) == 2
    assert {c.name for c in store.connections(linked_only=True)} == {"Mia Wong", "Noah Kim"}
    initech.name = "Hooli"
    store.update_company(initech)
    assert linkedin.relink(store) == 2
    assert store.connections(linked_only=True) == []
    assert linkedin.relink(store) == 0


def test_the_workspace_relinks_when_companies_change(ws: Workspace) -> None:
    ws.import_linkedin(EXPORT.read_bytes())
    acme = ws.add_company({"name": "ACME Corp"})
    assert {c.name for c in ws.store.connections(linked_only=True)} == {
        "Sam Lee", "Jo Park", "Priya Shah"}  # fmt: skip
    ws.edit_company("ACME Corp", {"name": "Acme Bank"})
    assert ws.store.connections(linked_only=True) == []
    ws.add_company({"name": "Globex"})
    assert [c.name for c in ws.store.connections(linked_only=True)] == ["Luis García"]
    assert acme.id is not None


def test_a_failed_import_writes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    targets(store, "Acme")

    def broken(_contacts: list[Contact]) -> list[Contact]:
        raise InvalidInput("disk full")

    monkeypatch.setattr(store, "add_contacts", broken)
    with pytest.raises(InvalidInput, match="disk full"):
        import_linkedin(store, export(SAM, JO), add_people=True)
    assert store.connections() == []
    with pytest.raises(InvalidInput):
        import_linkedin(store, b"\x00\x01binary")
    assert store.connections() == []


def test_progress_is_reported_up_to_done(store: Store) -> None:
    seen: list[tuple[float, str]] = []
    import_linkedin(store, export(SAM), progress=lambda f, text: seen.append((f, text)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert seen[0][1] == "read 1 connection"


def test_summary_lines_and_json(store: Store) -> None:
    targets(store, "Acme")
    rows = [
        f"P{i},Q,https://www.linkedin.com/in/p{i},,Acme,Engineer,12 Mar 2024" for i in range(12)
    ]
    summary = import_linkedin(store, export(*rows, ",,,,,,12 Mar 2024", rows[0]))
    lines = summary.lines()
    assert lines[0] == "Read 12 connections from Connections.csv: 12 added, 0 updated, 0 unchanged."
    assert "Skipped 1 row with no name (members who left) and 1 duplicate row." in lines
    assert "12 connections at your target companies." in lines
    assert "  ... and 2 more" in lines
    assert "  P0 Q (developer: Engineer) at Acme" in lines
    data = summary.as_dict()
    assert list(data) == [
        "source", "read", "added", "updated", "unchanged", "skipped_no_name", "duplicates",
        "matched", "offered", "suggestions", "people_added", "near_misses",
    ]  # fmt: skip
    assert data["offered"][0] == {
        "name": "P0 Q", "company": "Acme", "position": "Engineer", "role": "developer"}  # fmt: skip


def test_connections_at_a_target_become_the_knows_someone_in(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme"})
    profiled.import_linkedin(export(SAM))
    snap = profiled.snapshot()
    [acme] = snap.companies
    assert [c.name for c in snap.context.connections_by_company[acme.id or -1]] == ["Sam Lee"]
    [score] = profiled.rank_companies()
    signal = next(s.signal for s in score.signals if s.signal.criterion == "knows_someone")
    assert signal.points == 0.8
    assert signal.reason == "you're connected to Sam Lee (Senior Engineer) at Acme on LinkedIn"


# -- precision before recall ---------------------------------------------------------------


def test_a_close_name_is_suggested_with_its_similarity_never_linked(store: Store) -> None:
    targets(store, "Company40", "Acme")
    summary = import_linkedin(store, export(
        "Kim,Ng,https://www.linkedin.com/in/kimng,,Company450,Engineer,01 Jan 2025",
        "Bo,Li,https://www.linkedin.com/in/boli,,Company450,Recruiter,01 Jan 2025",
        "Al,Ma,https://www.linkedin.com/in/alma,,Acme Health Partners of Ohio,Nurse,01 Jan 2025",
    ))  # fmt: skip
    assert summary.matched == []
    assert store.connections(linked_only=True) == []
    [miss] = [m for m in summary.near_misses if m.spelling == "Company450"]
    assert (miss.target, miss.connections) == ("Company40", 2)
    assert 85 <= miss.similarity < 100
    assert f"  Company450 (2 connections) looks like Company40: {miss.similarity:.0f}% similar" in (
        summary.lines()
    )
    assert summary.as_dict()["near_misses"][0]["spelling"] == "Company450"


def test_legal_forms_case_and_punctuation_still_link(store: Store) -> None:
    ids = targets(store, "Acme, Inc.")
    names = ["ACME LLC", "acme", '"Acme, Ltd."', "Acme GmbH", "ACME CORP"]
    rows = [
        f"P{i},Q,https://www.linkedin.com/in/p{i},,{name},Engineer,12 Mar 2024"
        for i, name in enumerate(names)
    ]
    summary = import_linkedin(store, export(*rows))
    assert len(summary.matched) == 5 and summary.near_misses == []
    assert set(linked(store).values()) == {ids["Acme, Inc."]}


def test_a_confirmed_alias_links_and_survives_a_reimport(ws: Workspace) -> None:
    ws.add_company({"name": "Company40"})
    data = export("Kim,Ng,https://www.linkedin.com/in/kimng,,Company450,Engineer,01 Jan 2025")
    assert ws.import_linkedin(data).near_misses
    company, changed = ws.confirm_alias("Company40", "Company450")
    assert (company.name, changed) == ("Company40", 1)
    assert [c.name for c in ws.store.connections(linked_only=True)] == ["Kim Ng"]
    again = ws.import_linkedin(data)
    assert (again.matched, again.near_misses, again.unchanged) == ([("Kim Ng", "Company40")], [], 1)


def test_imported_connections_are_reached_by_linkedin_message(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme"})
    profiled.add_contact("Acme", {"name": "Sam Lee", "role": "developer",
                                  "linkedin": "https://www.linkedin.com/in/sam-lee"})  # fmt: skip
    profiled.add_contact("Acme", {"name": "Max Roe", "role": "manager", "linkedin": "x"})
    profiled.import_linkedin(export(SAM))
    channels = {r.contact.name: r.channel.key for r in profiled.rank_contacts()}
    assert channels == {"Sam Lee": "linkedin-message", "Max Roe": "linkedin-note"}
