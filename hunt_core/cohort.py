"""Cohorts: roster members and roles, who may see what, leaderboard measures, roster CSVs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal, get_args

from hunt_core.errors import InvalidInput
from hunt_core.importers import text
from hunt_core.models import FOLLOW_UP_DAYS, choice, required_text, split_list

MemberRole = Literal["student", "instructor", "admin"]
MEMBER_ROLES: tuple[str, ...] = get_args(MemberRole)
ROSTER_COLUMNS = ("email", "name", "cohort", "role")
PLACEMENT_COLUMNS = ("program", "company", "year")

MIN_GROUP = 3  # a cohort with fewer students on the board is not shown as its own row
OTHER_COHORTS = "other cohorts"
ON_TIME_DAYS = 2 * FOLLOW_UP_DAYS  # due a week after the first message, on time a week later
ALIAS_MAX = 40
COMMENT_MAX = 2000
FIRST_YEAR = 1990
MEASURES = (
    "messages_sent",
    "follow_ups_on_time",
    "chats_held",
    "thank_yous",
    "full_role_mix",
    "referrals",
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ALL_TIME = (dt.datetime(1970, 1, 1), dt.datetime(9999, 12, 31))


@dataclass(frozen=True)
class Member:
    """A person on the roster; owner is the fixed key of their data."""

    owner: str
    email: str
    name: str
    role: MemberRole
    cohorts: tuple[str, ...] = ()
    alias: str = ""
    opt_out: bool = False

    @property
    def cohort(self) -> str:
        """A student's cohort (an instructor's first one; '' for none)."""
        return self.cohorts[0] if self.cohorts else ""


# The person running the CLI on the database file (store.LOCAL_USER): manages the roster as an
# admin would, and like an admin reads only its own hunt.
OPERATOR = Member(owner="local", email="", name="database operator", role="admin")


def may_read(viewer: Member, target: Member) -> bool:
    """Own data always; an instructor also reads the students of their own cohorts."""
    if viewer.owner == target.owner:
        return True
    return may_comment(viewer, target)


def may_comment(viewer: Member, target: Member) -> bool:
    """An instructor comments on (and reads) the students of their own cohorts only."""
    return (
        viewer.role == "instructor"
        and target.role == "student"
        and bool(set(viewer.cohorts) & set(target.cohorts))
    )


def may_import_placements(viewer: Member) -> bool:
    """Instructors and admins keep the alumni placements table."""
    return viewer.role in ("instructor", "admin")


@dataclass(frozen=True)
class RosterRow:
    """One checked roster line; line is its row number in the file."""

    line: int
    email: str
    name: str
    role: MemberRole
    cohorts: tuple[str, ...]


@dataclass(frozen=True)
class Placement:
    """One grad of a program hired by a company in a year."""

    line: int
    program: str
    company: str
    year: int


@dataclass(frozen=True)
class Comment:
    """An instructor's feedback on a student's list (company None) or on one company."""

    id: int
    author: str  # the instructor's name, never their data key
    company_id: int | None
    company: str | None
    text: str
    created_at: dt.datetime
    seen_at: dt.datetime | None = None


@dataclass(frozen=True)
class LeaderRow:
    """One leaderboard line: a student (or a cohort) and one number per measure."""

    name: str
    cohort: str
    messages_sent: int = 0
    follow_ups_on_time: int = 0
    chats_held: int = 0
    thank_yous: int = 0
    full_role_mix: int = 0
    referrals: int = 0
    students: int = 1

    def as_dict(self) -> dict[str, Any]:
        """The JSON row of `hunt leaderboard --json`."""
        row = asdict(self)
        del row["students"]
        return row


# -- boards and free text -------------------------------------------------------------------


def window(now: dt.datetime, week: bool) -> tuple[dt.datetime, dt.datetime]:
    """[since, until) of a board: this calendar week (from Monday 00:00), or all time."""
    if not week:
        return _ALL_TIME
    monday = dt.datetime.combine(now.date() - dt.timedelta(days=now.weekday()), dt.time())
    return monday, monday + dt.timedelta(days=7)


def cohort_board(rows: Iterable[LeaderRow]) -> list[LeaderRow]:
    """Student rows summed per cohort, most messages first, small cohorts folded in one last row."""
    # A group under MIN_GROUP students is never shown on its own: neither a cohort nor the fold.
    groups: dict[str, list[LeaderRow]] = {}
    for row in rows:
        groups.setdefault(row.cohort, []).append(row)
    small = [r for rs in groups.values() if len(rs) < MIN_GROUP for r in rs]
    board = [_sum(name, rs) for name, rs in groups.items() if len(rs) >= MIN_GROUP]
    board.sort(key=lambda r: (-r.messages_sent, r.name))
    return [*board, _sum(OTHER_COHORTS, small)] if len(small) >= MIN_GROUP else board


def _sum(cohort: str, rows: Sequence[LeaderRow]) -> LeaderRow:
    """One cohort row: every measure summed over its students."""
    totals = {m: sum(getattr(r, m) for r in rows) for m in MEASURES}
    return LeaderRow(name=cohort, cohort=cohort, students=len(rows), **totals)


def leader_row(values: Sequence[Any]) -> LeaderRow:
    """A LeaderRow from (name, cohort, *measures) as the store's query returns them."""
    names = [f.name for f in fields(LeaderRow)][: 2 + len(MEASURES)]
    return LeaderRow(**dict(zip(names, values, strict=True)))


def clean_alias(alias: str) -> str:
    """A printable alias of at most ALIAS_MAX characters ('' clears it)."""
    text = " ".join(str(alias).split())
    if len(text) > ALIAS_MAX:
        raise InvalidInput(f"alias must be at most {ALIAS_MAX} characters")
    if not text.isprintable():
        raise InvalidInput("alias must be plain text")
    return text


def clean_comment(text: str) -> str:
    """Comment text: not blank, at most COMMENT_MAX characters."""
    body = required_text(text, "comment")
    if len(body) > COMMENT_MAX:
        raise InvalidInput(f"comment must be at most {COMMENT_MAX} characters")
    return body


# -- CSV -------------------------------------------------------------------------------------


def read_csv(path: str, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """(row number, cells) of each non-blank row of a CSV file whose header names columns."""
    return read_csv_bytes(text.read_bytes(path), path, columns)


def read_csv_bytes(
    data: bytes, source: str, columns: Sequence[str]
) -> list[tuple[int, dict[str, str]]]:
    """The same as read_csv for a file already in memory (an upload)."""
    text.check_size(source, len(data))
    content = text.decode(data, source)
    table = text.table(
        source, text.rows(content, source), max_rows=None, columns=", ".join(columns)
    )
    header = _header(source, table.columns, columns)
    return [(line, {header[k]: v.strip() for k, v in row.items()}) for line, row in table.records()]


def _header(source: str, cells: Sequence[str], columns: Sequence[str]) -> dict[str, str]:
    """Header cell -> column name ('E-mail ' is not 'email'); unknown or missing ones refused."""
    header: dict[str, str] = {}
    for cell in cells:
        column = cell.strip().lower()
        if column not in columns:
            raise InvalidInput(f"{source}: unknown column {cell!r} (columns: {', '.join(columns)})")
        if column in header.values():
            raise InvalidInput(f"{source}: column {cell!r} appears twice")
        header[cell] = column
    missing = [c for c in columns if c not in header.values()]
    if missing:
        raise InvalidInput(f"{source}: no {', '.join(repr(c) for c in missing)} column")
    return header


def roster_rows(rows: Iterable[tuple[int, Mapping[str, str]]], source: str) -> list[RosterRow]:
    """Checked roster rows; an email listed twice is refused with both row numbers."""
    out: list[RosterRow] = []
    first: dict[str, int] = {}
    for line, row in rows:
        try:
            member = _roster_row(line, row)
        except InvalidInput as exc:
            raise InvalidInput(f"{source}: row {line}: {exc}") from None
        if member.email in first:
            raise InvalidInput(
                f"{source}: row {line}: {member.email} is already on row {first[member.email]}"
            )
        first[member.email] = line
        out.append(member)
    return out


def _roster_row(line: int, row: Mapping[str, str]) -> RosterRow:
    """One roster line: a valid email, a name, a role and the cohorts that role needs."""
    role: Any = choice(row.get("role"), MEMBER_ROLES, "role")
    cohorts = tuple(dict.fromkeys(" ".join(c.split()) for c in split_list(row.get("cohort"))))
    if any(c.casefold() == OTHER_COHORTS for c in cohorts):
        raise InvalidInput(f"cohort {OTHER_COHORTS!r} is reserved for the leaderboard")
    if role == "student" and len(cohorts) != 1:
        raise InvalidInput("cohort: a student is in exactly one cohort")
    if role == "instructor" and not cohorts:
        raise InvalidInput("cohort: an instructor teaches at least one cohort (;-separated)")
    return RosterRow(line, email_key(row.get("email")), required_text(row.get("name"), "name"),
                     role, cohorts)  # fmt: skip


def email_key(value: str | None) -> str:
    """An email address, trimmed and lowercased, or InvalidInput naming the column."""
    email = (value or "").strip().lower()
    if not _EMAIL.match(email):
        raise InvalidInput(f"email {value!r} is not an email address")
    return email


def placement_rows(
    rows: Iterable[tuple[int, Mapping[str, str]]], source: str, this_year: int
) -> list[Placement]:
    """Checked placements: program, company and a year between FIRST_YEAR and this year."""
    out = []
    for line, row in rows:
        try:
            year_text = required_text(row.get("year"), "year")
            if not year_text.isdigit() or not FIRST_YEAR <= int(year_text) <= this_year:
                raise InvalidInput(
                    f"year {year_text!r} is not a year between {FIRST_YEAR} and {this_year}"
                )
            program = required_text(row.get("program"), "program")
            company = required_text(row.get("company"), "company")
            out.append(Placement(line, program, company, int(year_text)))
        except InvalidInput as exc:
            raise InvalidInput(f"{source}: row {line}: {exc}") from None
    return out
