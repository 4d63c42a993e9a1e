"""`hunt roster`, `placements`, `leaderboard`, `review`, `comment`, `comments`: a cohort."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from hunt_core import cohort
from hunt_core.cli.common import Sub, database, json_flag, print_json, print_table
from hunt_core.cli.shapes import comment_json
from hunt_core.errors import InvalidInput, PermissionDenied
from hunt_core.models import PEOPLE_MAX, PEOPLE_MIN
from hunt_core.wording import plural
from hunt_core.workspace import Workspace

RESET_HELP = "admins: let a member who lost their account sign in with a new one"


def setup(commands: Any, sub: Sub) -> None:
    """Add the cohort commands."""
    for name, text, run in (
        ("roster", "the cohort roster: CSV email,name,cohort,role", cmd_roster_import),
        ("placements", "alumni placements: CSV program,company,year", cmd_placements_import),
    ):
        actions = sub(commands, name, text).add_subparsers(metavar="ACTION", required=True)
        action = json_flag(sub(actions, "import", f"import {text}", run))
        action.add_argument("file", metavar="FILE.csv")
        if name == "roster":
            reset = sub(actions, "reset-sign-in", RESET_HELP, cmd_roster_reset_sign_in)
            reset.add_argument("email", metavar="EMAIL")
    board = json_flag(sub(commands, "leaderboard", "outreach leaderboard", cmd_leaderboard))
    board.add_argument("--cohort", metavar="NAME", help="only this cohort's students")
    board.add_argument("--week", action="store_true", help="this week (from Monday), not all time")
    board.add_argument("--by-cohort", action="store_true", help="one row per cohort")
    json_flag(sub(commands, "review", "instructors: your students' target lists", cmd_review))
    comment = sub(commands, "comment", "instructors: comment on a student's list", cmd_comment)
    comment.add_argument("student_email", metavar="STUDENT")
    comment.add_argument("text", metavar="TEXT")
    comment.add_argument("--company", metavar="NAME", help="about one company, not the list")
    json_flag(sub(commands, "comments", "your instructors' comments", cmd_comments))


def cmd_roster_import(ws: Workspace, args: argparse.Namespace) -> None:
    """Add or update roster members from a CSV, all or nothing."""
    rows = cohort.roster_rows(cohort.read_csv(args.file, cohort.ROSTER_COLUMNS), args.file)
    added, updated = database(args).cohorts().import_roster(args.actor, rows, ws.clock())
    if args.json:
        print_json({"file": args.file, "added": added, "updated": updated})
        return
    print(f"Roster from {args.file}: {added} added, {updated} updated.")


def cmd_roster_reset_sign_in(ws: Workspace, args: argparse.Namespace) -> None:
    """Forget the account a member signed in with, so their next sign-in binds a new one."""
    database(args).cohorts().unbind(args.actor, args.email)
    print(
        f"{args.email} may sign in with a new account; their first sign-in binds it, "
        "and their hunt is kept."
    )


def cmd_placements_import(ws: Workspace, args: argparse.Namespace) -> None:
    """Replace the placements of each program in a CSV, all or nothing."""
    table = cohort.read_csv(args.file, cohort.PLACEMENT_COLUMNS)
    rows = cohort.placement_rows(table, args.file, ws.clock().year)
    count = database(args).cohorts().import_placements(args.actor, rows, ws.clock())
    if args.json:
        print_json({"file": args.file, "placements": count})
        return
    print(f"Imported {plural(count, 'placement')} from {args.file}.")


def cmd_leaderboard(ws: Workspace, args: argparse.Namespace) -> None:
    """Outreach per student (or per cohort), never naming anyone's contacts or companies."""
    cohorts = database(args).cohorts()
    if not cohorts.has_roster():
        raise InvalidInput("no roster yet: hunt roster import FILE.csv")
    rows = cohorts.leaderboard(args.actor, now=ws.clock(), week=args.week, cohort=args.cohort)
    if args.by_cohort:
        rows = cohort.cohort_board(rows)
    if args.json:
        print_json([r.as_dict() for r in rows])
        return
    header = ["name", "cohort", "sent", "on-time follow-ups", "chats", "thanks", "full mix"]
    print_table(
        [*header, "referrals"],
        [[r.name, r.cohort, *(str(getattr(r, m)) for m in cohort.MEASURES)] for r in rows],
    )


def cmd_review(ws: Workspace, args: argparse.Namespace) -> None:
    """Each student of your cohorts: companies, people, best scores."""
    from hunt_core import review

    lines = review.review(database(args).cohorts(), ws.plugins, args.actor, ws.clock())
    if args.json:
        print_json([dataclasses.asdict(r) for r in lines])
        return
    if not lines:
        print("No students to review: only instructors see their cohorts' students.")
    for r in lines:
        best = ", ".join(f"{name} {score:.0f}" for name, score in r.top) or "-"
        print(f"{r.name} <{r.email}> ({r.cohort}): {r.companies}/{r.target} companies, "
              f"{r.staffed} with {PEOPLE_MIN}-{PEOPLE_MAX} people; best: {best}")  # fmt: skip


def cmd_comment(ws: Workspace, args: argparse.Namespace) -> None:
    """An instructor's comment on a student's list or one of its companies."""
    cohorts = database(args).cohorts()
    student = cohorts.member_by_email(args.student_email)
    if student is None:
        raise PermissionDenied("only instructors of a student's cohort comment on their list")
    company = None
    if args.company:
        company = cohorts.open_for(args.actor, student.owner).company(args.company)
    cohorts.add_comment(
        args.actor, student.owner, company.id if company else None, args.text, ws.clock()
    )
    print(f"Commented on {company.name if company else 'the list'} of {student.name}.")


def cmd_comments(ws: Workspace, args: argparse.Namespace) -> None:
    """Your instructors' comments, oldest first; reading them marks them seen."""
    comments = ws.store.comments()
    unseen = [c.id for c in comments if c.seen_at is None]
    if unseen and not ws.store.read_only:
        ws.store.mark_comments_seen(unseen, ws.clock())
    if args.json:
        print_json([comment_json(c, c.id in unseen) for c in comments])
        return
    if not comments:
        print("No comments yet.")
    for c in comments:
        about = c.company or "your list"
        print(f"{c.created_at:%Y-%m-%d} {c.author or 'Your instructor'} on {about}: {c.text}")
