"""Cohorts: roster, sign-in binding, rights, comments, review, leaderboards, peers, placements."""

from __future__ import annotations

import datetime as dt
import inspect
import itertools
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from hunt_core import playbook, snapshot
from hunt_core.cli import main
from hunt_core.cohort import (
    MEASURES,
    ON_TIME_DAYS,
    OPERATOR,
    OTHER_COHORTS,
    PLACEMENT_COLUMNS,
    ROSTER_COLUMNS,
    LeaderRow,
    Member,
    MemberRole,
    RosterRow,
    cohort_board,
    placement_rows,
    read_csv,
    read_csv_bytes,
    roster_rows,
    window,
)
from hunt_core.demo import load_cohort
from hunt_core.errors import InvalidInput, NotFound, PermissionDenied
from hunt_core.models import (
    OUTREACH_KINDS,
    Chat,
    Company,
    Connection,
    Contact,
    Profile,
    Role,
    Touch,
    TouchKind,
)
from hunt_core.plugins import Plugins
from hunt_core.review import review
from hunt_core.store import Cohorts, Database, Store, backends
from hunt_core.store.cohorts import LEADERBOARD, board_params
from hunt_core.store.migrations import migrations
from hunt_core.workspace import Workspace

if TYPE_CHECKING:
    from tests.conftest import Backend

pytestmark = pytest.mark.both_backends

COPIES = itertools.count(1)
NOW = dt.datetime(2026, 11, 26, 9, 0)  # a Thursday: this week started Monday 2026-11-23
ISSUER = "https://accounts.example.com"


def day(month_day: str, hour: int = 9) -> dt.datetime:
    """A moment in November 2026, e.g. day('11-24')."""
    return dt.datetime.fromisoformat(f"2026-{month_day}T{hour:02d}:00")


def row(email: str, name: str, role: MemberRole, *cohorts: str, line: int = 2) -> RosterRow:
    """A checked roster row."""
    return RosterRow(line, email, name, role, cohorts)


def fill(
    db: Database,
    owner: str,
    people: Sequence[tuple[str, str, Role, str]],
    touches: Sequence[tuple[str, TouchKind, str]] = (),
) -> Store:
    """people: (company, person, role, created MM-DD); touches: (person, kind, MM-DD[Thh])."""
    store = db.store(owner)
    companies: dict[str, int] = {}
    contacts: dict[str, int] = {}
    for company, person, role, created in people:
        if company not in companies:
            companies[company] = store.add_company(Company(company)).id or -1
        contact = Contact(companies[company], person, role, created_at=day(created))
        contacts[person] = store.add_contact(contact).id or -1
    for person, kind, when in touches:
        at = dt.datetime.fromisoformat(f"2026-{when}") if "T" in when else day(when)
        store.add_touch(Touch(contacts[person], kind, at))
    return store


@pytest.fixture
def cohorts(db: Database) -> Cohorts:
    """The cohort API over the test database."""
    return db.cohorts()


def seed_school(db: Database, cohorts: Cohorts) -> None:
    """Cohort A: Ana, Ben (alias Rocket), Cai (opted out), Fay; cohort B: Dee, Eve; Ivy teaches
    A, Jon teaches B, Max is an admin. The numbers below are the hand-computed fixtures."""
    cohorts.import_roster(
        OPERATOR,
        [
            row("ana@x.edu", "Ana Diaz", "student", "A"),
            row("ben@x.edu", "Ben Ode", "student", "A"),
            row("cai@x.edu", "Cai Lin", "student", "A"),
            row("fay@x.edu", "Fay Roe", "student", "A"),
            row("dee@x.edu", "Dee Ray", "student", "B"),
            row("eve@x.edu", "Eve Sol", "student", "B"),
            row("ivy@x.edu", "Ivy Teach", "instructor", "A"),
            row("jon@x.edu", "Jon Teach", "instructor", "B"),
            row("max@x.edu", "Max Admin", "admin"),
        ],
        NOW,
    )
    fill(
        db,
        "ana@x.edu",
        [
            ("Acme", "Dev One", "developer", "11-01"),
            ("Acme", "Mgr One", "manager", "11-01"),
            ("Acme", "Rec One", "recruiter", "11-24"),  # Acme's mix completes this week
            ("Bolt", "Dev Two", "developer", "11-01"),
            ("Bolt", "Mgr Two", "manager", "11-01"),
            ("Bolt", "Rec Two", "recruiter", "11-02"),  # Bolt's before this week
            ("Core", "Dev Three", "developer", "11-01"),
        ],
        [
            ("Dev One", "email", "11-10"),
            ("Dev One", "follow-up", "11-20"),  # 10 days after the first message: on time
            ("Mgr One", "connection-request", "11-24"),
            ("Rec One", "message", "11-25"),
            ("Dev Two", "slack", "11-01"),
            ("Dev Two", "follow-up", "11-24"),  # 23 days: late
            ("Mgr Two", "email", "11-12"),
            ("Mgr Two", "follow-up", "11-24"),  # 12 days: on time, this week
            ("Mgr Two", "chat-held", "11-25"),
            ("Mgr Two", "thank-you", "11-25"),
            ("Mgr Two", "referral", "11-26T08:00"),
            ("Rec Two", "reply", "11-03"),
        ],
    )
    fill(
        db,
        "ben@x.edu",
        [("Dyna", "Bo Dev", "developer", "11-01"), ("acme ", "Al Dev", "developer", "11-01")],
        [("Bo Dev", "email", "11-16"), ("Bo Dev", "follow-up", "11-25")],
    )
    fill(
        db, "cai@x.edu", [("Core", "Cy Dev", "developer", "11-01")], [("Cy Dev", "email", "11-24")]
    )
    fill(
        db,
        "fay@x.edu",
        [("ACME", "Fa Dev", "developer", "11-01"), ("Bolt", "Fb", "other", "11-01")],
    )
    fill(
        db, "dee@x.edu", [("Acme", "De Dev", "developer", "11-01")], [("De Dev", "email", "11-24")]
    )
    fill(
        db, "ivy@x.edu", [("Acme", "Iv Dev", "developer", "11-01")], [("Iv Dev", "email", "11-24")]
    )
    cohorts.set_alias(member(cohorts, "ben@x.edu"), "Rocket")
    cohorts.set_opt_out(member(cohorts, "cai@x.edu"), True)


@pytest.fixture(scope="session")
def seeded() -> dict[str, str]:
    """The school, seeded once per backend kind: a file or a PostgreSQL template to copy."""
    return {}


@pytest.fixture
def db(
    request: pytest.FixtureRequest, backend: Backend, seeded: dict[str, str], tmp_path: Path
) -> Iterator[Database]:
    """A fresh database; a copy of the seeded school for tests that use `school`.

    Seeding takes dozens of writes; copying a seeded file (or creating a PostgreSQL database
    from a seeded template) takes milliseconds, so the suite seeds each backend once.
    """
    if "school" not in request.fixturenames:
        database = Database.open(":memory:" if backend.kind == "file" else backend.new())
    else:
        if backend.kind not in seeded:
            seeded[backend.kind] = backend.new()
            template = Database.open(seeded[backend.kind])
            seed_school(template, template.cohorts())
            template.close()
        if backend.server is None:
            copy = tmp_path / "school.duckdb"
            shutil.copy(seeded["file"], copy)
            database = Database.open(str(copy))
        else:
            name = seeded["postgres"].rsplit("/", 1)[1]
            database = Database.open(backend.server.create(f"{name}_{next(COPIES)}", name))
    yield database
    database.close()


@pytest.fixture
def school(db: Database, cohorts: Cohorts) -> Cohorts:
    """The seeded school (see seed_school), a fresh copy per test."""
    return cohorts


def member(cohorts: Cohorts, email: str) -> Member:
    """A roster member who must exist."""
    found = cohorts.member_by_email(email)
    assert found is not None, email
    return found


# -- roster CSV ------------------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "roster.csv") -> str:
    """A CSV file with this text."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_roster_csv_becomes_checked_rows(tmp_path: Path) -> None:
    text = (
        "Email,name,cohort,ROLE\n"
        " Ana@X.edu ,Ana Diaz,2508-BE,student\n"
        ",,,\n"
        "ivy@x.edu,Ivy Teach,2508-BE; 2510-FE,Instructor\n"
        "max@x.edu,Max Admin,,admin\n"
    )
    path = write(tmp_path, text)
    rows = roster_rows(read_csv(path, ROSTER_COLUMNS), path)
    assert rows == [
        RosterRow(2, "ana@x.edu", "Ana Diaz", "student", ("2508-BE",)),
        RosterRow(4, "ivy@x.edu", "Ivy Teach", "instructor", ("2508-BE", "2510-FE")),
        RosterRow(5, "max@x.edu", "Max Admin", "admin", ()),
    ]
    upload = ("\ufeff" + text).encode("utf-8")
    assert roster_rows(read_csv_bytes(upload, "upload", ROSTER_COLUMNS), "up") == rows


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty; the first row must name the columns (email, name, cohort, role)"),
        ("email,name,cohort\n", "no 'role' column"),
        ("email,name,cohort,role,team\n", "unknown column 'team'"),
        ("email,name,cohort,role,Email\n", "column 'Email' appears twice"),
        ("email,name,cohort,role\nana@x.edu,Ana,A,teacher\n", "row 2: role 'teacher' is not one"),
        ("email,name,cohort,role\nana-at-x,Ana,A,student\n", "row 2: email 'ana-at-x' is not an"),
        ("email,name,cohort,role\nana@x.edu,,A,student\n", "row 2: name must not be empty"),
        ("email,name,cohort,role\nana@x.edu,Ana,A;B,student\n", "row 2: cohort: a student is in"),
        ("email,name,cohort,role\nana@x.edu,Ana,,instructor\n", "row 2: cohort: an instructor"),
        ("email,name,cohort,role\nana@x.edu,Ana,Other Cohorts,student\n", "is reserved"),
        ("email,name,cohort,role\nana@x.edu,Ana,A,student,extra\n", "row 2 has more cells"),
        (
            "email,name,cohort,role\na@x.edu,A,A,student\n\nA@x.edu,B,A,student\n",
            "row 4: a@x.edu is already on row 2",
        ),
    ],
)
def test_a_bad_roster_names_its_row_and_column(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InvalidInput, match=re.escape(message)) as caught:
        roster_rows(read_csv(path, ROSTER_COLUMNS), path)
    assert str(caught.value).startswith(path)


def test_unreadable_roster_files_are_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        read_csv(str(tmp_path / "missing.csv"), ROSTER_COLUMNS)
    odd = tmp_path / "odd.csv"
    odd.write_bytes(b"email,name,cohort,role\nj@x.edu,Jos\x81,A,student\n")
    with pytest.raises(InvalidInput, match="is not UTF-8 or Windows-1252 text"):
        read_csv(str(odd), ROSTER_COLUMNS)
    photo = tmp_path / "photo.csv"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InvalidInput, match=r"photo\.csv is not a text file \(it looks like a bin"):
        read_csv(str(photo), ROSTER_COLUMNS)


def test_a_roster_saved_by_old_excel_is_read(tmp_path: Path) -> None:
    old = tmp_path / "roster.csv"  # Excel's plain "CSV" on Windows: Windows-1252, CRLF
    old.write_bytes("email,name,cohort,role\r\nj@x.edu,José Núñez,A,student\r\n".encode("cp1252"))
    [row] = roster_rows(read_csv(str(old), ROSTER_COLUMNS), str(old))
    assert row.name == "José Núñez"


# -- roster import ---------------------------------------------------------------------------


def test_import_adds_then_updates_and_the_data_key_never_changes(cohorts: Cohorts) -> None:
    assert not cohorts.has_roster()
    assert cohorts.import_roster(OPERATOR, [row("ana@x.edu", "Ana", "student", "A")], NOW) == (1, 0)
    assert cohorts.has_roster()
    ana = member(cohorts, "ANA@x.edu")
    assert (ana.owner, ana.cohort, ana.role) == ("ana@x.edu", "A", "student")
    moved = [row("ana@x.edu", "Ana Diaz", "instructor", "B", "C"), row("bo@x.edu", "Bo", "admin")]
    assert cohorts.import_roster(OPERATOR, moved, NOW) == (1, 1)
    again = member(cohorts, "ana@x.edu")
    assert (again.owner, again.name, again.role, again.cohorts) == (
        "ana@x.edu",
        "Ana Diaz",
        "instructor",
        ("B", "C"),
    )


def test_a_removed_member_cannot_enter_and_re_adding_restores_their_data(
    db: Database, cohorts: Cohorts
) -> None:
    cohorts.import_roster(OPERATOR, [row("ana@x.edu", "Ana", "student", "A")], NOW)
    ana = member(cohorts, "ana@x.edu")
    cohorts.open_for(ana).add_company(Company("Acme"))
    cohorts.remove_member(OPERATOR, "ana@x.edu")
    assert cohorts.member_by_email("ana@x.edu") is None
    with pytest.raises(PermissionDenied):
        cohorts.open_for(ana)
    cohorts.import_roster(OPERATOR, [row("ana@x.edu", "Ana", "student", "A")], NOW)
    assert [c.name for c in cohorts.open_for(member(cohorts, "ana@x.edu")).companies()] == ["Acme"]


def test_students_cannot_import_and_instructors_only_their_own_students(school: Cohorts) -> None:
    ana, ivy = member(school, "ana@x.edu"), member(school, "ivy@x.edu")
    with pytest.raises(PermissionDenied):
        school.import_roster(ana, [row("new@x.edu", "New", "student", "A")], NOW)
    assert school.import_roster(ivy, [row("new@x.edu", "New", "student", "A")], NOW) == (1, 0)
    refused = [
        [row("n2@x.edu", "N", "student", "B")],  # another cohort
        [row("n3@x.edu", "N", "instructor", "A")],  # not a student
        [row("n4@x.edu", "N", "admin")],
        [row("dee@x.edu", "Dee", "student", "A")],  # pulls in a student of cohort B
        [row("jon@x.edu", "Jon", "student", "A")],  # demotes an instructor
        [
            row("n5@x.edu", "N", "student", "A", line=2),
            row("max@x.edu", "M", "student", "A", line=3),
        ],
    ]
    for rows in refused:
        with pytest.raises(PermissionDenied, match=f"row {rows[-1].line}"):
            school.import_roster(ivy, rows, NOW)
    assert school.member_by_email("n5@x.edu") is None  # all or nothing
    assert member(school, "dee@x.edu").cohort == "B"


def test_a_roster_import_writes_nothing_when_it_fails(cohorts: Cohorts) -> None:
    rows = [row("a@x.edu", "A", "student", "A"), row("b@x.edu", "B", "student", "A")]
    boom = [*rows, RosterRow(4, "a@x.edu", "Again", "student", ("A",))]  # same key twice
    with pytest.raises(InvalidInput, match="twice"):
        cohorts.import_roster(OPERATOR, boom, NOW)
    assert not cohorts.has_roster()


def test_roster_lists_follow_roles(school: Cohorts) -> None:
    assert len(school.roster(member(school, "max@x.edu"))) == 9
    assert {m.email for m in school.roster(member(school, "ivy@x.edu"))} == {
        "ana@x.edu", "ben@x.edu", "cai@x.edu", "fay@x.edu", "ivy@x.edu",
    }  # fmt: skip
    with pytest.raises(PermissionDenied):
        school.roster(member(school, "ana@x.edu"))
    assert [m.email for m in school.students(member(school, "jon@x.edu"))] == [
        "dee@x.edu", "eve@x.edu",
    ]  # fmt: skip
    assert school.students(member(school, "ana@x.edu")) == []
    assert school.students(member(school, "max@x.edu")) == []


# -- sign-in ---------------------------------------------------------------------------------


def signed_in(
    cohorts: Cohorts, subject: str, email: str | None, issuer: str = ISSUER, verified: bool = True
) -> str | None:
    """The data key a sign-in lands on, None when it does not enter."""
    found = cohorts.member_for_identity(issuer, subject, email, email_verified=verified, now=NOW)
    return found.owner if found else None


def test_the_first_sign_in_binds_by_verified_email_then_only_the_subject_counts(
    cohorts: Cohorts,
) -> None:
    cohorts.import_roster(OPERATOR, [row("ana@x.edu", "Ana", "student", "A")], NOW)
    assert signed_in(cohorts, "sub-1", "ANA@x.edu") == "ana@x.edu"
    # The email changed at the identity provider: the same person, the same data.
    assert signed_in(cohorts, "sub-1", "ana@new.example") == "ana@x.edu"
    assert signed_in(cohorts, "sub-1", None, verified=False) == "ana@x.edu"


def test_a_new_subject_with_a_known_email_does_not_take_over(cohorts: Cohorts) -> None:
    cohorts.import_roster(OPERATOR, [row("ana@x.edu", "Ana", "student", "A")], NOW)
    assert signed_in(cohorts, "sub-1", "ana@x.edu") == "ana@x.edu"
    assert signed_in(cohorts, "sub-2", "ana@x.edu") is None
    assert signed_in(cohorts, "sub-1", "ana@x.edu", issuer="https://slack.com") is None
    cohorts.unbind(OPERATOR, "ana@x.edu")  # an admin resets a lost account
    assert signed_in(cohorts, "sub-2", "ana@x.edu") == "ana@x.edu"
    assert signed_in(cohorts, "sub-1", "ana@x.edu") is None


def test_sign_ins_that_do_not_enter(cohorts: Cohorts) -> None:
    cohorts.import_roster(OPERATOR, [row("ana@x.edu", "Ana", "student", "A")], NOW)
    assert signed_in(cohorts, "s", "ana@x.edu", verified=False) is None
    assert signed_in(cohorts, "s", "stranger@x.edu") is None
    assert signed_in(cohorts, "", "ana@x.edu") is None
    assert signed_in(cohorts, "s", "ana@x.edu", issuer="") is None
    assert signed_in(cohorts, "s", "ana@x.edu") == "ana@x.edu"
    cohorts.remove_member(OPERATOR, "ana@x.edu")
    assert signed_in(cohorts, "s", "ana@x.edu") is None


def test_only_admins_unbind(school: Cohorts) -> None:
    with pytest.raises(PermissionDenied):
        school.unbind(member(school, "ivy@x.edu"), "ana@x.edu")
    with pytest.raises(NotFound):
        school.unbind(member(school, "max@x.edu"), "nobody@x.edu")


# -- rights ----------------------------------------------------------------------------------


def test_open_for_follows_the_rights(school: Cohorts) -> None:
    ana, ben, dee = (member(school, e) for e in ("ana@x.edu", "ben@x.edu", "dee@x.edu"))
    ivy, jon, top = (member(school, e) for e in ("ivy@x.edu", "jon@x.edu", "max@x.edu"))
    own = school.open_for(ana)
    assert (own.owner, own.read_only) == ("ana@x.edu", False)
    assert school.open_for(ana, ana.owner).owner == "ana@x.edu"
    seen = school.open_for(ivy, ana.owner)
    assert (seen.owner, seen.read_only) == ("ana@x.edu", True)
    assert [c.name for c in seen.companies()] == ["Acme", "Bolt", "Core"]
    for viewer, target in [(ben, ana), (ivy, dee), (jon, ana), (top, ana), (OPERATOR, ana),
                           (ana, ivy), (ivy, jon)]:  # fmt: skip
        with pytest.raises(PermissionDenied, match="you may not see that hunt"):
            school.open_for(viewer, target.owner)
    with pytest.raises(PermissionDenied):
        school.open_for(ivy, "nobody@x.edu")


def test_rights_follow_the_roster_now_not_a_stale_member(school: Cohorts) -> None:
    ivy = member(school, "ivy@x.edu")
    school.import_roster(OPERATOR, [row("ivy@x.edu", "Ivy Teach", "instructor", "B")], NOW)
    with pytest.raises(PermissionDenied):
        school.open_for(ivy, "ana@x.edu")  # the Member object still says cohort A
    forged = Member("ana@x.edu", "ana@x.edu", "Ana", "instructor", ("B",))
    with pytest.raises(PermissionDenied):
        school.open_for(forged, "dee@x.edu")


# Every Store method that writes, called with valid arguments on a read-only store.
WRITES: dict[str, Callable[[Store, Company, Contact], Any]] = {
    "ensure_user": lambda s, co, p: s.ensure_user("x"),
    "bulk_insert": lambda s, co, p: s.bulk_insert("companies", [{"name": "Z", "name_key": "z"}]),
    "save_profile": lambda s, co, p: s.save_profile(Profile(name="Mallory")),
    "add_company": lambda s, co, p: s.add_company(Company("Zeta")),
    "add_companies": lambda s, co, p: s.add_companies([Company("Zeta")]),
    "update_company": lambda s, co, p: s.update_company(Company(co.name, id=co.id, notes="x")),
    "add_contacts": lambda s, co, p: s.add_contacts([Contact(co.id or -1, "Zed")]),
    "add_contact": lambda s, co, p: s.add_contact(Contact(co.id or -1, "Zed")),
    "update_contact": lambda s, co, p: s.update_contact(Contact(p.company_id, p.name, id=p.id)),
    "add_touches": lambda s, co, p: s.add_touches([Touch(p.id or -1, "email", NOW)]),
    "add_touch": lambda s, co, p: s.add_touch(Touch(p.id or -1, "email", NOW)),
    "save_chat": lambda s, co, p: s.save_chat(Chat(p.id or -1, notes="x")),
    "replace_postings": lambda s, co, p: s.replace_postings(co.id or -1, "lever", []),
    "save_connections": lambda s, co, p: s.save_connections([Connection("k", "Zed")]),
    "link_connections": lambda s, co, p: s.link_connections({1: co.id}),
    "add_company_alias": lambda s, co, p: s.add_company_alias(co.id or -1, "Zeta Corp"),
    "set_weight": lambda s, co, p: s.set_weight("stack", 2.0),
    "snooze": lambda s, co, p: s.snooze("profile", NOW),
    "mark_comments_seen": lambda s, co, p: s.mark_comments_seen([1], NOW),
    "transaction": lambda s, co, p: s.transaction().__enter__(),
}


def _tables(db: Database) -> dict[str, int]:
    """Row counts of every owned table."""
    tables = ["companies", "contacts", "touches", "chats", "postings", "connections", "profiles",
              "weights", "snoozes", "comments", "users", "company_aliases"]  # fmt: skip
    counts = {t: db.con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in tables}
    assert all(row is not None for row in counts.values())
    return {t: row[0] for t, row in counts.items() if row is not None}


@pytest.mark.parametrize("method", sorted(WRITES))
def test_every_write_through_a_read_only_store_is_refused(
    db: Database, school: Cohorts, method: str
) -> None:
    seen = school.open_for(member(school, "ivy@x.edu"), "ana@x.edu")
    company = seen.company("Acme")
    person = seen.contact(company, "Dev One")
    before = _tables(db)
    with pytest.raises(PermissionDenied, match="read-only"):
        WRITES[method](seen, company, person)
    assert _tables(db) == before


def test_every_store_method_that_writes_is_covered() -> None:
    """A new write method must go through the guarded plumbing and be listed in WRITES."""
    writes = ("INSERT", "UPDATE ", "DELETE", "self.transaction()", "bulk_insert(", "self._upsert",
              "self._add_named", "self._update_named")  # fmt: skip
    writers = set()
    for name, method in inspect.getmembers(Store, inspect.isfunction):
        source = inspect.getsource(method)
        if not name.startswith("_") and any(w in source for w in writes):
            writers.add(name)
    assert writers - {"transaction"} <= set(WRITES), sorted(writers - set(WRITES))


# -- comments and review ---------------------------------------------------------------------


def test_instructors_comment_on_their_students_and_students_see_it_next(
    db: Database, school: Cohorts, plugins: Plugins
) -> None:
    ivy, ana = member(school, "ivy@x.edu"), member(school, "ana@x.edu")
    acme = school.open_for(ivy, ana.owner).company("Acme")
    first = school.add_comment(ivy, ana.owner, acme.id, "Great pick; find a recruiter.", NOW)
    school.add_comment(ivy, ana.owner, None, "Add two more companies.", NOW)
    own = school.open_for(ana)
    comments = own.comments()
    assert [(c.author, c.company, c.text) for c in comments] == [
        ("Ivy Teach", "Acme", "Great pick; find a recruiter."),
        ("Ivy Teach", None, "Add two more companies."),
    ]
    own.save_profile(Profile(name="Ana", program="Turing", home="Denver, CO", remote="yes"))
    step = Workspace(own, plugins, lambda: NOW).next_step()
    assert step is not None
    assert (step.key, step.action, step.company) == (
        f"comment:{first}", "Your instructor commented on Acme", "Acme",
    )  # fmt: skip
    assert step.why == "Ivy Teach: Great pick; find a recruiter."
    own.mark_comments_seen([c.id for c in comments], NOW)
    assert own.comments(unseen=True) == []
    assert [c.seen_at for c in own.comments()] == [NOW, NOW]
    assert playbook.next_step(snapshot.take(own, plugins, NOW)).kind != "comment"
    assert [c.text for c in school.open_for(ivy, ana.owner).comments()] == [
        c.text for c in comments
    ]
    assert school.open_for(member(school, "ben@x.edu")).comments() == []


def test_comments_are_refused_outside_the_rules(school: Cohorts) -> None:
    ivy, jon, ana, ben = (member(school, e) for e in ("ivy@x.edu", "jon@x.edu", "ana@x.edu",
                                                       "ben@x.edu"))  # fmt: skip
    for author, student in [(jon, ana), (ben, ana), (ana, ana), (member(school, "max@x.edu"), ana),
                            (ivy, member(school, "ivy@x.edu"))]:  # fmt: skip
        with pytest.raises(PermissionDenied):
            school.add_comment(author, student.owner, None, "hi", NOW)
    bens_company = school.open_for(ben).company("Dyna").id
    with pytest.raises(NotFound):
        school.add_comment(ivy, ana.owner, bens_company, "not hers", NOW)
    with pytest.raises(InvalidInput):
        school.add_comment(ivy, ana.owner, None, "   ", NOW)
    with pytest.raises(InvalidInput, match="at most"):
        school.add_comment(ivy, ana.owner, None, "x" * 2001, NOW)


def test_review_lists_only_the_instructors_students(school: Cohorts, plugins: Plugins) -> None:
    lines = review(school, plugins, member(school, "ivy@x.edu"), NOW)
    assert [(r.name, r.cohort, r.companies, r.staffed) for r in lines] == [
        ("Ana Diaz", "A", 3, 2), ("Ben Ode", "A", 2, 0), ("Cai Lin", "A", 1, 0),
        ("Fay Roe", "A", 2, 0),
    ]  # fmt: skip
    assert lines[0].target == 5 and len(lines[0].top) == 3
    assert {name for name, _ in lines[0].top} == {"Acme", "Bolt", "Core"}
    assert all(0 <= score <= 100 for _, score in lines[0].top)
    assert review(school, plugins, member(school, "ana@x.edu"), NOW) == []
    assert review(school, plugins, member(school, "max@x.edu"), NOW) == []


# -- leaderboards ----------------------------------------------------------------------------


def board(school: Cohorts, week: bool, cohort: str | None = None) -> list[tuple[Any, ...]]:
    """(name, cohort, measures...) rows as anyone sees them."""
    rows = school.leaderboard(member(school, "eve@x.edu"), now=NOW, week=week, cohort=cohort)
    return [tuple(r.as_dict().values()) for r in rows]


def test_all_time_board_matches_the_hand_computed_numbers(school: Cohorts) -> None:
    # name, cohort, sent, follow-ups on time, chats, thank-yous, full role mix, referrals
    assert board(school, week=False) == [
        ("Ana Diaz", "A", 5, 2, 1, 1, 2, 1),
        ("Rocket", "A", 1, 1, 0, 0, 0, 0),  # Ben's alias; Cai opted out; no instructors
        ("Dee Ray", "B", 1, 0, 0, 0, 0, 0),
        ("Eve Sol", "B", 0, 0, 0, 0, 0, 0),
        ("Fay Roe", "A", 0, 0, 0, 0, 0, 0),
    ]


def test_this_weeks_board_counts_from_monday(school: Cohorts) -> None:
    assert window(NOW, True) == (dt.datetime(2026, 11, 23), dt.datetime(2026, 11, 30))
    assert board(school, week=True) == [
        ("Ana Diaz", "A", 2, 1, 1, 1, 1, 1),  # Acme's mix completed on Tuesday
        ("Dee Ray", "B", 1, 0, 0, 0, 0, 0),
        ("Rocket", "A", 0, 1, 0, 0, 0, 0),
        ("Eve Sol", "B", 0, 0, 0, 0, 0, 0),
        ("Fay Roe", "A", 0, 0, 0, 0, 0, 0),
    ]
    assert [r[0] for r in board(school, week=True, cohort="B")] == ["Dee Ray", "Eve Sol"]


def test_cohort_rows_never_break_out_a_group_under_three(school: Cohorts) -> None:
    rows = school.leaderboard(member(school, "ana@x.edu"), now=NOW)
    # A has three students on the board (Cai opted out); B has two and is not shown.
    assert cohort_board(rows) == [LeaderRow("A", "A", 6, 3, 1, 1, 2, 1, students=3)]
    small = [LeaderRow(f"s{i}", c, 1) for i, c in enumerate(["X", "X", "Y", "Z", "Z", "Z"])]
    assert cohort_board(small) == [
        LeaderRow("Z", "Z", 3, students=3),
        LeaderRow(OTHER_COHORTS, OTHER_COHORTS, 3, students=3),  # X and Y together
    ]


def test_alias_and_opt_out_are_the_students_own(school: Cohorts) -> None:
    ana = member(school, "ana@x.edu")
    assert school.set_alias(ana, "  Comet   Tail ") == "Comet Tail"
    assert board(school, False)[0][0] == "Comet Tail"
    for taken in ("rocket", "Dee Ray"):
        with pytest.raises(InvalidInput, match="is taken"):
            school.set_alias(ana, taken)
    with pytest.raises(InvalidInput, match="at most 40"):
        school.set_alias(ana, "x" * 41)
    school.set_alias(ana, "")
    school.set_opt_out(ana, True)
    assert "Ana Diaz" not in [r[0] for r in board(school, False)]
    school.set_opt_out(ana, False)
    assert board(school, False)[0][0] == "Ana Diaz"
    with pytest.raises(PermissionDenied):
        school.set_alias(OPERATOR, "Op")


def test_a_person_counts_once_at_their_first_follow_up(school: Cohorts, db: Database) -> None:
    # Dee's first message on Nov 9, follow-ups on Nov 16 (on time) and Nov 24 (this week).
    fill(
        db,
        "dee@x.edu",
        [("Echo", "Ed Dev", "developer", "11-01")],
        [("Ed Dev", "email", "11-09"), ("Ed Dev", "follow-up", "11-16"),
         ("Ed Dev", "follow-up", "11-24")],
    )  # fmt: skip
    on_time = {r[0]: r[3] for r in board(school, week=True)}
    assert on_time["Dee Ray"] == 0  # this week's follow-up is her second: counted last week
    assert {r[0]: r[3] for r in board(school, week=False)}["Dee Ray"] == 1


def test_weekly_boards_add_up_to_the_all_time_board(school: Cohorts) -> None:
    eve = member(school, "eve@x.edu")
    totals: dict[str, list[int]] = {}
    for weeks_back in range(-1, 12):  # every week that holds a touch or a new person
        now = NOW - dt.timedelta(weeks=weeks_back)
        for r in school.leaderboard(eve, now=now, week=True):
            row = totals.setdefault(r.name, [0] * 6)
            for i, value in enumerate(tuple(r.as_dict().values())[2:]):
                row[i] += value
    assert {r[0]: list(r[2:]) for r in board(school, week=False)} == totals


@pytest.mark.postgres_only  # a file counts its touches directly
def test_postgres_tallies_follow_every_write_to_touches_and_people(
    school: Cohorts, db: Database
) -> None:
    """On PostgreSQL the board reads trigger-kept tallies: they must equal counting afresh."""
    con = db.con

    def both(week: bool) -> tuple[list[Any], list[Any]]:
        since, until = window(NOW, week)
        params = board_params(since, until, None, all_time=not week)
        tallied, counted = (sorted(backends.query(con, True, LEADERBOARD[t], params))
                            for t in (True, False))  # fmt: skip
        return tallied, counted

    def execute(sql: str) -> None:
        con.execute(f"CALL postgres_execute('{backends.CATALOG}', ?)", [sql])

    assert both(week=False)[0] == both(week=False)[1]
    for change in (
        # a follow-up moved out of this week, a message deleted, a role changed, a person gone
        "UPDATE touches SET happened_at = happened_at - INTERVAL '9 days' WHERE kind = 'follow-up'"
        " AND happened_at >= '2026-11-24'",
        "DELETE FROM touches WHERE kind = 'email' AND happened_at < '2026-11-11'",
        "UPDATE contacts SET role = 'other' WHERE name = 'Rec Two'",
        "DELETE FROM contacts WHERE name = 'Rec One'",
        "UPDATE contacts SET created_at = '2026-11-25' WHERE name = 'Mgr Two'",
    ):
        execute(change)
        for week in (False, True):
            tallied, counted = both(week)
            assert tallied == counted, change
    execute("TRUNCATE touches")
    assert all(r[2] == r[3] == 0 for r in both(week=False)[0])


def test_the_tallies_use_the_outreach_kinds_and_days_of_the_code() -> None:
    sql = next(text for _, name, text in migrations() if name == "0011_postgres_tallies.sql")
    kinds = "'follow-up', " + ", ".join(f"'{k}'" for k in sorted(OUTREACH_KINDS))
    assert sql.count(f"IN ({kinds})") == 2
    assert f"INTERVAL '{ON_TIME_DAYS} days'" in sql


def test_leaderboards_are_for_roster_members(school: Cohorts) -> None:
    gone = member(school, "fay@x.edu")
    school.remove_member(OPERATOR, "fay@x.edu")
    with pytest.raises(PermissionDenied):
        school.leaderboard(gone, now=NOW)
    assert len(school.leaderboard(OPERATOR, now=NOW)) == 4


# -- cohort-aware criteria -------------------------------------------------------------------


def test_peer_counts_are_other_students_of_the_cohort_by_name(school: Cohorts) -> None:
    ana = school.open_for(member(school, "ana@x.edu"))
    # Acme: Ben ("acme ") and Fay ("ACME"); Bolt: Fay; Core: Cai (opted out of boards only).
    assert ana.peer_counts() == {"acme": 2, "bolt": 1, "core": 1}
    assert school.open_for(member(school, "dee@x.edu")).peer_counts() == {}  # cohort of two
    assert school.open_for(member(school, "ivy@x.edu")).peer_counts() == {}  # not a student


def test_peer_counts_reach_the_obscurity_criterion(school: Cohorts, plugins: Plugins) -> None:
    snap = snapshot.take(school.open_for(member(school, "ana@x.edu")), plugins, NOW)
    reasons = {
        s.company.name: next(
            w.signal.reason for w in s.signals if w.signal.criterion == "obscurity"
        )
        for s in snap.company_scores
    }
    assert reasons["Acme"] == "2 of your peers also have Acme on their list"
    assert reasons["Bolt"] == "1 of your peers also has Bolt on their list"


def test_local_mode_has_no_peer_counts_and_no_comments(store: Store) -> None:
    store.add_company(Company("Acme"))
    assert store.peer_counts() == {}
    assert store.comments() == []
    assert store.placements("Turing") == {}


def test_placements_csv_rows_and_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "program,company,year\nTuring,Acme,2023\nTuring, Acme ,2025\n", "p.csv")
    rows = placement_rows(read_csv(path, PLACEMENT_COLUMNS), path, 2026)
    assert [(p.line, p.program, p.company, p.year) for p in rows] == [
        (2, "Turing", "Acme", 2023), (3, "Turing", "Acme", 2025),
    ]  # fmt: skip
    for text, message in [
        ("program,company,year\nTuring,Acme,20x3\n", "row 2: year '20x3' is not a year"),
        ("program,company,year\nTuring,Acme,2027\n", "row 2: year '2027' is not a year"),
        ("program,company,year\nTuring,,2023\n", "row 2: company must not be empty"),
        ("program,company\n", "no 'year' column"),
    ]:
        bad = write(tmp_path, text, "bad.csv")
        with pytest.raises(InvalidInput, match=message):
            placement_rows(read_csv(bad, PLACEMENT_COLUMNS), bad, 2026)


def test_placements_feed_the_alumni_criterion_per_program(
    school: Cohorts, plugins: Plugins, tmp_path: Path
) -> None:
    path = write(tmp_path, "program,company,year\n" + "".join(
        f"{p},{c},{y}\n" for p, c, y in [("Turing", "Acme", 2022), ("turing ", "ACME", 2025),
                                         ("Turing", "acme", 2024), ("Galvanize", "Bolt", 2021)]
    ), "p.csv")  # fmt: skip
    rows = placement_rows(read_csv(path, PLACEMENT_COLUMNS), path, 2026)
    with pytest.raises(PermissionDenied):
        school.import_placements(member(school, "ana@x.edu"), rows, NOW)
    assert school.import_placements(member(school, "ivy@x.edu"), rows, NOW) == 4
    ana = school.open_for(member(school, "ana@x.edu"))
    ana.save_profile(Profile(name="Ana", program="Turing"))
    assert ana.placements("Turing") == {"acme": (3, 2022, 2025)}
    snap = snapshot.take(ana, plugins, NOW)
    alumni = {
        s.company.name: next(w.signal for w in s.signals if w.signal.criterion == "alumni")
        for s in snap.company_scores
    }
    assert alumni["Acme"].reason == "3 Turing grads were placed at Acme (2022-2025)"
    assert alumni["Bolt"].points is None  # Galvanize's placement is not Ana's program
    # A new file for a program replaces that program's placements, and only those.
    again = placement_rows(
        [(2, {"program": "Turing", "company": "Core", "year": "2020"})], "f", 2026
    )
    school.import_placements(member(school, "max@x.edu"), again, NOW)
    assert ana.placements("Turing") == {"core": (1, 2020, 2020)}
    assert ana.placements("Galvanize") == {"bolt": (1, 2021, 2021)}


# -- demo cohorts ----------------------------------------------------------------------------


def test_a_demo_cohort_joins_the_roster_with_a_hunt_each(db: Database, cohorts: Cohorts) -> None:
    counts = load_cohort(db, students=6, seed=3, now=NOW, cohort="Spring 2027")
    assert counts["students"] == 6 and counts["companies"] >= 30 and counts["touches"] > 0
    ivy = member(cohorts, "instructor@spring2027.demo.example")
    students = cohorts.students(ivy)
    assert len(students) == 6 and {s.cohort for s in students} == {"Spring 2027"}
    store = cohorts.open_for(ivy, students[0].owner)
    assert store.profile().name == students[0].name and 5 <= len(store.companies()) <= 50
    assert {c.owner for c in students} == {s.email for s in students}
    assert len(cohorts.leaderboard(ivy, now=NOW)) == 6
    with pytest.raises(InvalidInput, match="already on the roster"):
        load_cohort(db, students=2, seed=3, now=NOW, cohort="Spring 2027")
    with pytest.raises(PermissionDenied):
        load_cohort(db, students=2, now=NOW, cohort="Other", actor=students[0])
    assert load_cohort(db, students=1, seed=3, now=NOW, cohort="Tiny")["students"] == 1


def test_demo_cohorts_are_the_same_for_the_same_seed() -> None:
    made = []
    for _ in range(2):
        db = Database.open(":memory:")
        load_cohort(db, students=3, seed=9, now=NOW)
        made.append(db.con.execute("SELECT owner, name FROM companies ORDER BY id").fetchall())
        db.close()
    assert made[0] == made[1]


# -- the CLI ---------------------------------------------------------------------------------


@pytest.fixture
def hunt(backend: Backend, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run `hunt ARGS` in-process on a fresh database: (exit code, stdout, stderr)."""
    monkeypatch.setenv("HUNT_DB", backend.new())
    monkeypatch.setenv("HUNT_PLUGINS_DIR", "")
    monkeypatch.setenv("HUNT_NOW", NOW.isoformat())

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init")[0] == 0
    return run


ROSTER = (
    "email,name,cohort,role\n"
    "ana@x.edu,Ana Diaz,A,student\nben@x.edu,Ben Ode,A,student\nfay@x.edu,Fay Roe,A,student\n"
    "ivy@x.edu,Ivy Teach,A,instructor\n"
)


def test_cli_roster_leaderboard_comments_and_user_rights(hunt: Any, tmp_path: Path) -> None:
    assert hunt("--user", "ana@x.edu", "company", "add", "Acme")[0] == 0  # local mode: any key
    assert "no roster yet" in hunt("leaderboard")[2]
    code, out, _ = hunt("roster", "import", write(tmp_path, ROSTER))  # the operator bootstraps
    assert (code, out) == (0, f"Roster from {tmp_path / 'roster.csv'}: 4 added, 0 updated.\n")
    # ana@x.edu's local data became Ana's: her data key is the email she was first added with.
    assert (
        json.loads(hunt("--user", "ANA@x.edu", "rank", "companies", "--json")[1])[0]["company"]
        == "Acme"
    )
    code, _, err = hunt("--user", "stranger@x.edu", "next")
    assert code == 1 and "stranger@x.edu is not on the roster; ask your instructor" in err
    code, _, err = hunt("--user", "ben@x.edu", "--student", "ana@x.edu", "rank", "companies")
    assert code == 1 and "you may not see that hunt" in err
    code, out, _ = hunt("--user", "ivy@x.edu", "--student", "ana@x.edu", "rank", "companies")
    assert code == 0 and "Acme" in out
    code, _, err = hunt("--user", "ivy@x.edu", "--student", "ana@x.edu", "company", "add", "Bolt")
    assert code == 1 and "read-only" in err
    code, _, err = hunt("--user", "ana@x.edu", "roster", "import", write(tmp_path, ROSTER))
    assert code == 1 and "only instructors and admins" in err
    code, out, _ = hunt("--user", "ivy@x.edu", "comment", "ana@x.edu", "Nice!", "--company", "acme")
    assert (code, out) == (0, "Commented on Acme of Ana Diaz.\n")
    assert hunt("--user", "ben@x.edu", "comment", "ana@x.edu", "Hi")[0] == 1
    profile = ["--name", "Ana", "--program", "Turing", "--home", "Denver, CO", "--remote", "yes"]
    assert hunt("--user", "ana@x.edu", "profile", "set", *profile)[0] == 0
    code, out, _ = hunt("--user", "ana@x.edu", "next", "--json")
    assert json.loads(out)["action"] == "Your instructor commented on Acme"
    comments = json.loads(hunt("--user", "ana@x.edu", "comments", "--json")[1])
    assert [(c["author"], c["company"], c["text"], c["new"]) for c in comments] == [
        ("Ivy Teach", "Acme", "Nice!", True)
    ]
    assert json.loads(hunt("--user", "ana@x.edu", "comments", "--json")[1])[0]["new"] is False
    rows = json.loads(hunt("--user", "ben@x.edu", "leaderboard", "--json")[1])
    assert rows[0] == {"name": "Ana Diaz", "cohort": "A", "messages_sent": 0,
                       "follow_ups_on_time": 0, "chats_held": 0, "thank_yous": 0,
                       "full_role_mix": 0, "referrals": 0}  # fmt: skip
    assert [r["name"] for r in json.loads(hunt("leaderboard", "--by-cohort", "--json")[1])] == ["A"]
    assert hunt("leaderboard", "--week", "--cohort", "A")[1].startswith("name")
    review_out = json.loads(hunt("--user", "ivy@x.edu", "review", "--json")[1])
    assert [r["email"] for r in review_out] == ["ana@x.edu", "ben@x.edu", "fay@x.edu"]


def test_cli_placements_and_demo_cohort(hunt: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "program,company,year\nTuring,Acme,2024\n", "p.csv")
    assert hunt("placements", "import", path)[1] == f"Imported 1 placement from {path}.\n"
    bad = write(tmp_path, "program,company,year\nTuring,Acme,soon\n", "bad.csv")
    code, _, err = hunt("placements", "import", bad)
    assert code == 1 and "row 2: year 'soon'" in err
    code, out, _ = hunt("demo", "--students", "4", "--cohort", "Fall")
    assert code == 0 and "4 students and an instructor" in out
    rows = json.loads(hunt("leaderboard", "--json", "--cohort", "Fall")[1])
    assert len(rows) == 4 and all(set(r) == {"name", "cohort", *MEASURES} for r in rows)
    code, _, err = hunt("--user", "student1@fall.demo.example", "demo", "--students", "2")
    assert code == 1 and "only instructors and admins" in err


def test_cli_an_admin_resets_a_lost_sign_in_and_the_hunt_stays(hunt: Any, tmp_path: Path) -> None:
    assert hunt("roster", "import", write(tmp_path, ROSTER))[0] == 0
    assert hunt("--user", "ana@x.edu", "company", "add", "Acme")[0] == 0
    db = Database.open(os.environ["HUNT_DB"])
    try:
        assert signed_in(db.cohorts(), "old-account", "ana@x.edu") == "ana@x.edu"
    finally:
        db.close()
    code, _, err = hunt("--user", "ivy@x.edu", "roster", "reset-sign-in", "ana@x.edu")
    assert code == 1 and "only admins reset a member's sign-in" in err
    code, _, err = hunt("roster", "reset-sign-in", "nobody@x.edu")
    assert code == 1 and err == "hunt: error: nobody@x.edu is not on the roster\n"
    code, out, _ = hunt("roster", "reset-sign-in", "ana@x.edu")  # the operator is an admin
    assert code == 0 and out.startswith("ana@x.edu may sign in with a new account")
    db = Database.open(os.environ["HUNT_DB"])
    try:
        assert signed_in(db.cohorts(), "new-account", "ana@x.edu") == "ana@x.edu"
        assert signed_in(db.cohorts(), "old-account", "ana@x.edu") is None
    finally:
        db.close()
    assert "Acme" in hunt("--user", "ana@x.edu", "rank", "companies")[1], "her hunt is kept"
