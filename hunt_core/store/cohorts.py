"""Cohorts: the roster, sign-in, rights, comments, placements and the leaderboard SQL.

The cross-student queries here are portable SQL (DuckDB and PostgreSQL read them alike) run
through backends.query, so on PostgreSQL they run there. Rows are sorted in Python, because
PostgreSQL's collation need not sort names as DuckDB does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from hunt_core.cohort import (
    ON_TIME_DAYS,
    OPERATOR,
    LeaderRow,
    Member,
    Placement,
    RosterRow,
    clean_alias,
    clean_comment,
    leader_row,
    may_comment,
    may_import_placements,
    may_read,
    window,
)
from hunt_core.errors import InvalidInput, NotFound, PermissionDenied
from hunt_core.models import OUTREACH_KINDS
from hunt_core.names import name_key
from hunt_core.store import backends
from hunt_core.store.owner import Store
from hunt_core.store.transactions import transaction

# {where} is a fixed condition written in the methods below, never user input.
_MEMBERS = """
    SELECT m.owner, m.email, m.name, m.role,
        array_agg(mc.cohort ORDER BY mc.cohort) FILTER (WHERE mc.cohort IS NOT NULL),
        m.alias, m.opt_out
    FROM members m LEFT JOIN member_cohorts mc ON mc.owner = m.owner
    WHERE {where}
    GROUP BY m.owner, m.email, m.name, m.role, m.alias, m.opt_out
"""
_IN_COHORTS = "m.owner IN (SELECT owner FROM member_cohorts WHERE cohort = ANY($cohorts))"

# One query per board (parameters, never formatting): the roster joined to four measures, each
# a CTE read from the touches and people themselves on a file, from tallies that triggers keep
# on PostgreSQL (migration 0011). Both follow one definition per measure:
# - kinds: touches per owner and kind in [since, until);
# - on_time: people whose first follow-up falls in the window and came at most $on_time days
#   after their first message (a person counts once, so weekly boards add up to all time);
# - mixes: companies whose developer, manager and recruiter were all there first in the window.
_BOARD = """
WITH roster AS (
    SELECT m.owner, CASE WHEN m.alias <> '' THEN m.alias ELSE m.name END AS name, mc.cohort
    FROM members m JOIN member_cohorts mc ON mc.owner = m.owner
    WHERE m.role = 'student' AND m.active AND NOT m.opt_out
        AND ($cohort IS NULL OR mc.cohort = $cohort)
), {measures}, counts AS (
    SELECT owner,
        CAST(sum(n) FILTER (WHERE kind = ANY($outreach)) AS BIGINT) AS sent,
        CAST(sum(n) FILTER (WHERE kind = 'chat-held') AS BIGINT) AS held,
        CAST(sum(n) FILTER (WHERE kind = 'thank-you') AS BIGINT) AS thanked,
        CAST(sum(n) FILTER (WHERE kind = 'referral') AS BIGINT) AS referred
    FROM kinds GROUP BY owner
)
SELECT r.name, r.cohort, coalesce(c.sent, 0) AS sent, coalesce(f.n, 0) AS on_time,
    coalesce(c.held, 0) AS held, coalesce(c.thanked, 0) AS thanked,
    coalesce(x.complete, 0) AS complete, coalesce(c.referred, 0) AS referred
FROM roster r LEFT JOIN counts c ON c.owner = r.owner LEFT JOIN on_time f ON f.owner = r.owner
    LEFT JOIN mixes x ON x.owner = r.owner
"""
# Grouping by (owner, kind) and looking up first messages only for people with a follow-up in
# the window keeps 3,000,000 touches near 100 ms in DuckDB; role mixes as bits, because a
# count(DISTINCT role) per company costs a third more.
_FROM_TOUCHES = """kinds AS (
    SELECT owner, kind, count(*) AS n FROM touches
    WHERE happened_at >= $since AND happened_at < $until
    GROUP BY owner, kind
), followed AS (
    SELECT contact_id, min(owner) AS owner, min(happened_at) AS first_at FROM touches
    WHERE kind = 'follow-up' AND happened_at >= $since AND happened_at < $until
    GROUP BY contact_id
), on_time AS (
    SELECT f.owner, count(*) AS n FROM followed f JOIN (
        SELECT contact_id, min(happened_at) AS first_message FROM touches
        WHERE kind = ANY($outreach) AND contact_id IN (SELECT contact_id FROM followed)
        GROUP BY contact_id
    ) o ON o.contact_id = f.contact_id
    WHERE f.first_at >= o.first_message
        AND f.first_at <= o.first_message + $on_time * INTERVAL '1 day'
        AND NOT EXISTS (  -- the window's first follow-up must be the person's first
            SELECT 1 FROM touches e WHERE e.kind = 'follow-up' AND e.contact_id = f.contact_id
                AND e.happened_at < $since)
    GROUP BY f.owner
), mixes AS (
    -- roles as bits: 7 = developer, manager and recruiter; `before` is the mix at the window start
    SELECT owner, count(*) AS complete FROM (
        SELECT min(owner) AS owner,
            bit_or(CASE role WHEN 'developer' THEN 1 WHEN 'manager' THEN 2
                WHEN 'recruiter' THEN 4 ELSE 0 END) FILTER (WHERE created_at < $until) AS mix,
            bit_or(CASE role WHEN 'developer' THEN 1 WHEN 'manager' THEN 2
                WHEN 'recruiter' THEN 4 ELSE 0 END) FILTER (WHERE created_at < $since) AS before
        FROM contacts GROUP BY company_id
    ) AS per_company WHERE mix = 7 AND coalesce(before, 0) <> 7 GROUP BY owner
)"""
# The windows are whole calendar weeks or all time (cohort.window), so weekly tallies answer.
_FROM_TALLIES = """kinds AS (
    SELECT owner, kind, n FROM tally.touch_totals WHERE $all_time
    UNION ALL
    SELECT owner, kind, n FROM tally.touch_weeks
    WHERE NOT $all_time AND week >= CAST($since AS DATE) AND week < CAST($until AS DATE)
), on_time AS (
    SELECT owner, count(*) AS n FROM tally.follow_ups
    WHERE on_time AND first_at >= $since AND first_at < $until GROUP BY owner
), mixes AS (
    SELECT owner, count(*) AS complete FROM tally.role_mixes
    WHERE complete_at >= $since AND complete_at < $until GROUP BY owner
)"""
LEADERBOARD = {  # by backends.on_postgres
    False: _BOARD.format(measures=_FROM_TOUCHES),
    True: _BOARD.format(measures=_FROM_TALLIES),
}


def board_params(
    since: dt.datetime, until: dt.datetime, cohort: str | None, *, all_time: bool
) -> dict[str, Any]:
    """The parameters of a LEADERBOARD query for one window (and cohort, or all)."""
    return {
        "cohort": cohort,
        "since": since,
        "until": until,
        "all_time": all_time,
        "outreach": sorted(OUTREACH_KINDS),
        "on_time": ON_TIME_DAYS,
    }


class Cohorts:
    """The roster, sign-in, rights and cohort-wide reads over one connection.

    Every method that acts for someone takes the acting Member and re-reads it from the roster,
    so rights always follow the current roster, never a stale object.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def _query(self, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """A query across students, run where the data lives (see backends.query)."""
        return backends.query(self.con, backends.on_postgres(self.con), sql, params)

    def _members(self, where: str, params: Mapping[str, Any] | None = None) -> list[Member]:
        """Active members matching one fixed condition."""
        return self._members_any(f"m.active AND {where}", params)

    def _members_any(self, where: str, params: Mapping[str, Any] | None = None) -> list[Member]:
        """Members matching one fixed condition, removed ones too, by name and email."""
        rows = self._query(_MEMBERS.format(where=where), params or {})
        found = [Member(o, e, n, r, tuple(c or ()), a, x) for o, e, n, r, c, a, x in rows]
        return sorted(found, key=lambda m: (m.name, m.email))

    def _fresh(self, actor: Member) -> Member:
        """The actor as the roster has them now; PermissionDenied when no longer on it."""
        if actor is OPERATOR:
            return actor
        member = self.member(actor.owner)
        if member is None:
            raise PermissionDenied("you are not on the roster; ask your instructor")
        return member

    def _own(self, actor: Member) -> Member:
        """The actor, who must be a roster member (not the operator)."""
        member = self._fresh(actor)
        if member is OPERATOR:
            raise PermissionDenied("only people on the roster have a roster row")
        return member

    # -- the roster ----------------------------------------------------------------------

    def has_roster(self) -> bool:
        """True once anyone was ever put on the roster: cohort mode."""
        rows = self._query("SELECT count(*) FROM members", {})
        return bool(rows and rows[0][0])

    def member(self, owner: str) -> Member | None:
        """The active member with this data key."""
        found = self._members("m.owner = $owner", {"owner": owner})
        return found[0] if found else None

    def member_by_email(self, email: str) -> Member | None:
        """The active member with this email (any case)."""
        found = self._members("m.email = $email", {"email": email.strip().lower()})
        return found[0] if found else None

    def roster(self, actor: Member) -> list[Member]:
        """Admins: everyone; instructors: the members of their cohorts; students: refused."""
        viewer = self._fresh(actor)
        if viewer.role == "admin":
            return self._members("true")
        if viewer.role == "instructor":
            return self._members(_IN_COHORTS, {"cohorts": list(viewer.cohorts)})
        raise PermissionDenied("only instructors and admins see the roster")

    def students(self, actor: Member) -> list[Member]:
        """The students whose hunts actor may read: an instructor's cohorts, else none."""
        viewer = self._fresh(actor)
        if viewer.role != "instructor":
            return []
        return self._members(
            f"m.role = 'student' AND {_IN_COHORTS}", {"cohorts": list(viewer.cohorts)}
        )

    def import_roster(
        self, actor: Member, rows: Sequence[RosterRow], now: dt.datetime
    ) -> tuple[int, int]:
        """Add or update members by email, all or nothing: (added, updated).

        Admins may list anyone; instructors only students of their own cohorts. A member's
        data key is set when first added and kept when their name, role or cohort changes.
        """
        viewer = self._fresh(actor)
        emails = [r.email for r in rows]
        if len(set(emails)) != len(emails):
            raise InvalidInput("the same email appears twice in one roster import")
        known = dict(
            self.con.execute(
                "SELECT email, owner FROM members WHERE list_contains(?, email)",
                [[r.email for r in rows]],
            ).fetchall()
        )
        if viewer.role != "admin":
            self._check_instructor_rows(viewer, rows, known)
        owners = [known.get(r.email, r.email) for r in rows]
        # Every member's view of the cohort changes with it, so their data versions move.
        with transaction(self.con, owners):
            # PostgreSQL through DuckDB: an ON CONFLICT insert names every defaulted column.
            self.con.execute(
                "INSERT INTO members (owner, email, name, role, added_at, alias, opt_out, active) "
                "SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                "unnest(?::VARCHAR[]), ?, '', false, true ON CONFLICT (owner) DO UPDATE SET "
                "name = excluded.name, role = excluded.role, active = true",
                [owners, [r.email for r in rows], [r.name for r in rows],
                 [r.role for r in rows], now],
            )  # fmt: skip
            self.con.execute("DELETE FROM member_cohorts WHERE list_contains(?, owner)", [owners])
            pairs = [(o, c) for o, r in zip(owners, rows, strict=True) for c in r.cohorts]
            self.con.execute(
                "INSERT INTO member_cohorts SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                [[o for o, _ in pairs], [c for _, c in pairs]],
            )
        added = sum(1 for r in rows if r.email not in known)
        return added, len(rows) - added

    def _check_instructor_rows(
        self, viewer: Member, rows: Sequence[RosterRow], known: dict[str, str]
    ) -> None:
        """Instructors add and change students of their own cohorts, nobody else."""
        if viewer.role != "instructor":
            raise PermissionDenied("only instructors and admins import the roster")
        mine = set(viewer.cohorts)
        held = {
            m.owner: m
            for m in self._members_any("m.owner = ANY($owners)", {"owners": list(known.values())})
        }
        for row in rows:
            old = held.get(known.get(row.email, ""))
            ours = row.role == "student" and set(row.cohorts) <= mine
            if not ours or (old and not (old.role == "student" and set(old.cohorts) <= mine)):
                raise PermissionDenied(
                    f"row {row.line}: instructors list students of their own cohorts only "
                    f"({', '.join(viewer.cohorts)})"
                )

    def remove_member(self, actor: Member, email: str) -> None:
        """Take someone off the roster (their data stays; re-adding them restores it)."""
        viewer = self._fresh(actor)
        target = self.member_by_email(email)
        if target is None:
            raise NotFound(f"{email} is not on the roster")
        if viewer.role != "admin" and not may_comment(viewer, target):
            raise PermissionDenied("only admins, or instructors of a student's cohort, remove")
        with transaction(self.con, [target.owner]):
            self.con.execute("UPDATE members SET active = false WHERE owner = ?", [target.owner])

    def set_alias(self, actor: Member, alias: str) -> str:
        """Set (or with '' clear) the name the actor shows on leaderboards."""
        me = self._own(actor)
        text = clean_alias(alias)
        taken = self.con.execute(
            "SELECT count(*) FROM members WHERE owner <> ? "
            "AND (lower(alias) = lower(?) OR lower(name) = lower(?))",
            [me.owner, text, text],
        ).fetchone()
        if text and taken and taken[0]:
            raise InvalidInput(f"the name {text!r} is taken on the roster; pick another")
        with transaction(self.con, [me.owner]):
            self.con.execute("UPDATE members SET alias = ? WHERE owner = ?", [text, me.owner])
        return text

    def set_opt_out(self, actor: Member, opt_out: bool) -> None:
        """Leave (True) or rejoin (False) the leaderboards."""
        me = self._own(actor)
        with transaction(self.con, [me.owner]):
            self.con.execute("UPDATE members SET opt_out = ? WHERE owner = ?", [opt_out, me.owner])

    # -- sign-in -------------------------------------------------------------------------

    def member_for_identity(
        self,
        issuer: str,
        subject: str,
        email: str | None,
        *,
        email_verified: bool,
        now: dt.datetime | None = None,
    ) -> Member | None:
        """Who an OIDC sign-in is: by (issuer, subject) once bound, else None if not allowed.

        The first sign-in binds the member whose roster email matches the email, which the
        provider must have verified (its email_verified claim; no default, so a caller must
        decide); later ones ignore the email. A member already bound to another sign-in is not
        taken over by a new one with the same email (an admin may unbind them).
        """
        if not issuer or not subject:
            return None
        row = self.con.execute(
            "SELECT owner FROM identities WHERE issuer = ? AND subject = ?", [issuer, subject]
        ).fetchone()
        if row:
            return self.member(row[0])
        member = self.member_by_email(email or "") if email_verified and email else None
        if member is None:
            return None
        try:
            self.con.execute(
                "INSERT INTO identities VALUES (?, ?, ?, ?, ?)",
                [issuer, subject, member.owner, member.email, now or dt.datetime.now()],
            )
        except duckdb.Error as exc:
            if not backends.is_unique_violation(exc):
                raise
            return None  # this member signs in with another identity
        return member

    def unbind(self, actor: Member, email: str) -> None:
        """Let a member bind a new sign-in (a lost account): admins only."""
        if self._fresh(actor).role != "admin":
            raise PermissionDenied("only admins reset a member's sign-in")
        target = self.member_by_email(email)
        if target is None:
            raise NotFound(f"{email} is not on the roster")
        self.con.execute("DELETE FROM identities WHERE owner = ?", [target.owner])

    # -- access --------------------------------------------------------------------------

    def open_for(self, actor: Member, owner: str | None = None) -> Store:
        """The actor's own Store, or read-only the Store of a student they may see."""
        viewer = self._fresh(actor)
        if owner is None or owner == viewer.owner:
            store = Store(self.con, viewer.owner)
            store.ensure_user(viewer.name)
            return store
        target = self.member(owner)
        if target is None or not may_read(viewer, target):
            raise PermissionDenied("you may not see that hunt")
        return Store(self.con, target.owner, read_only=True)

    def add_comment(
        self,
        actor: Member,
        student: str,
        company_id: int | None,
        text: str,
        now: dt.datetime,
    ) -> int:
        """An instructor's comment on a student's list (company_id None) or one company."""
        viewer = self._fresh(actor)
        target = self.member(student)
        if target is None or not may_comment(viewer, target):
            raise PermissionDenied("only instructors of a student's cohort comment on their list")
        body = clean_comment(text)
        if company_id is not None:
            Store(self.con, target.owner, read_only=True).company_by_id(company_id)
        with transaction(self.con, [target.owner]):
            (comment_id,) = backends.next_ids(
                self.con, backends.on_postgres(self.con), "comment_ids", 1
            )
            self.con.execute(
                "INSERT INTO comments (id, owner, author, company_id, text, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [comment_id, target.owner, viewer.owner, company_id, body, now],
            )
        return comment_id

    # -- leaderboards and placements ----------------------------------------------------

    def leaderboard(
        self, actor: Member, *, now: dt.datetime, week: bool = False, cohort: str | None = None
    ) -> list[LeaderRow]:
        """Per student (alias or name; opted-out students left out), most messages first."""
        self._fresh(actor)
        since, until = window(now, week)
        params = board_params(since, until, cohort, all_time=not week)
        rows = self._query(LEADERBOARD[backends.on_postgres(self.con)], params)
        rows.sort(key=lambda r: (-r[2], -r[3], -r[4], r[0], r[1]))
        return [leader_row(r) for r in rows]

    def import_placements(self, actor: Member, rows: Sequence[Placement], now: dt.datetime) -> int:
        """Make the placements of each program in rows exactly those rows, all or nothing."""
        viewer = self._fresh(actor)
        if not may_import_placements(viewer):
            raise PermissionDenied("only instructors and admins import placements")
        programs = sorted({name_key(p.program) for p in rows})
        # Students of those programs see placements in their scores: their versions move.
        students = [
            owner
            for owner, program in self.con.execute(
                "SELECT owner, program FROM profiles WHERE program <> ''"
            ).fetchall()
            if name_key(program) in programs
        ]
        with transaction(self.con, students):
            self.con.execute(
                "DELETE FROM placements WHERE list_contains(?, program_key)", [programs]
            )
            self.con.execute(
                "INSERT INTO placements SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), ?, ?",
                [[p.program for p in rows], [name_key(p.program) for p in rows],
                 [p.company for p in rows], [name_key(p.company) for p in rows],
                 [p.year for p in rows], viewer.owner, now],
            )  # fmt: skip
        return len(rows)
