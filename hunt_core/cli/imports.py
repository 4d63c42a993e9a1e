"""`hunt import ...`, `export` and `calendar`: data in from sheets, LinkedIn and job boards, out."""

from __future__ import annotations

import argparse
from typing import Any

from hunt_core.cli.common import Sub, json_flag, print_json
from hunt_core.cli.shapes import jobs_json
from hunt_core.errors import HuntError
from hunt_core.wording import plural
from hunt_core.workspace import Workspace

POSTINGS_SHOWN = 10  # postings `hunt import jobs` lists after its summary


def setup(commands: Any, sub: Sub) -> None:
    """Add `import companies|contacts|linkedin|jobs|export`, `export DIR`, `calendar FILE`."""
    imports = sub(commands, "import", "bulk import").add_subparsers(metavar="WHAT", required=True)
    for what, text in (
        ("companies", "companies from .csv or .xlsx; columns as the company add flags"),
        ("contacts", "people from .csv or .xlsx: company, name, role and the contact flags"),
    ):
        sheet = json_flag(sub(imports, what, text, cmd_import_sheet))
        sheet.add_argument("file", metavar="FILE")
        sheet.set_defaults(what=what)
    text = "restore an export (folder, .json, .xlsx or .zip) into an empty hunt"
    restore = json_flag(sub(imports, "export", text, cmd_import_export))
    restore.add_argument("path", metavar="DIR")
    text = "write everything to DIR: CSV files, hunt-export.json or hunt-export.xlsx"
    out = json_flag(sub(commands, "export", text, cmd_export))
    out.add_argument("directory", metavar="DIR")
    out.add_argument("--format", default="csv", metavar="csv|json|xlsx", help="default: csv")
    text = "write follow-ups and coffee chats to an .ics file for your calendar app"
    ics = json_flag(sub(commands, "calendar", text, cmd_calendar))
    ics.add_argument("file", metavar="FILE.ics")

    text = "open roles from a company's job board; they feed the criteria"
    jobs = json_flag(sub(imports, "jobs", text, cmd_import_jobs))
    jobs.add_argument("company", metavar="COMPANY")
    board = jobs.add_mutually_exclusive_group(required=True)
    board.add_argument("--greenhouse", metavar="TOKEN", help="board in boards.greenhouse.io/TOKEN")
    board.add_argument("--lever", metavar="SITE", help="site in jobs.lever.co/SITE")
    board.add_argument("--ashby", metavar="NAME", help="board in jobs.ashbyhq.com/NAME")
    board.add_argument(
        "--file", metavar="PAYLOAD.json", help="a saved answer of any of the three APIs"
    )

    text = "LinkedIn's Connections.csv: link people to your targets and suggest new companies"
    linkedin = json_flag(sub(imports, "linkedin", text, cmd_import_linkedin))
    linkedin.add_argument("file", metavar="Connections.csv")
    linkedin.add_argument(
        "--add-people", action="store_true", help="add the connections at your targets as people"
    )


def cmd_import_sheet(ws: Workspace, args: argparse.Namespace) -> None:
    """Import companies or people from a .csv or .xlsx file, all or nothing."""
    from hunt_core.importers import spreadsheets  # openpyxl loads only for these commands

    table = spreadsheets.read_path(args.file)
    if args.what == "companies":
        summary = spreadsheets.import_companies(ws, table)
    else:
        summary = spreadsheets.import_contacts(ws, table)
    if args.json:
        print_json({"file": args.file, **summary.as_dict()})
        return
    print(summary.message(args.file))


def cmd_import_export(ws: Workspace, args: argparse.Namespace) -> None:
    """Restore an export into an empty hunt."""
    from hunt_core import export

    counts = export.restore(ws.store, args.path)
    if args.json:
        print_json({"path": args.path, "restored": counts})
        return
    print(f"Restored {export.summary(counts)} from {args.path}.")


def cmd_export(ws: Workspace, args: argparse.Namespace) -> None:
    """Write everything to a folder in one format."""
    from hunt_core import export

    files = export.export(ws.store, args.directory, args.format)
    if args.json:
        print_json({"directory": args.directory, "format": args.format,
                    "files": [str(f) for f in files]})  # fmt: skip
        return
    print(f"Exported your hunt to {args.directory}: {', '.join(f.name for f in files)}.")


def cmd_calendar(ws: Workspace, args: argparse.Namespace) -> None:
    """Write follow-ups and chats as an .ics file."""
    from hunt_core import calendar_ics  # icalendar loads only for this command

    calendar = calendar_ics.build_calendar(ws.store, ws.clock())
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    follow_ups = sum(uid.startswith("hunt-followup-") for uid in uids)
    try:
        with open(args.file, "wb") as out:
            out.write(calendar.to_ical())
    except OSError as exc:
        raise HuntError(f"cannot write {args.file}: {exc.strerror or exc}") from None
    if args.json:
        print_json({"file": args.file, "follow_ups": follow_ups, "chats": len(uids) - follow_ups})
        return
    chats = plural(len(uids) - follow_ups, "coffee chat", "coffee chats")
    print(
        f"Wrote {plural(follow_ups, 'follow-up', 'follow-ups')} and {chats} to {args.file}; "
        "import it into your calendar app."
    )


def cmd_import_linkedin(ws: Workspace, args: argparse.Namespace) -> None:
    """Import connections, link them to targets; --add-people adds those at targets as people."""
    from hunt_core.importers import linkedin  # rapidfuzz loads only for LinkedIn matching

    data = linkedin.read_file(args.file)
    summary = ws.import_linkedin(data, add_people=args.add_people, source=args.file)
    if args.json:
        print_json(summary.as_dict())
        return
    print("\n".join(summary.lines()))
    if summary.offered and not summary.people_added:
        print(f"Add them: hunt import linkedin {args.file} --add-people")


def cmd_import_jobs(ws: Workspace, args: argparse.Namespace) -> None:
    """Replace a company's postings from one job board, then list them."""
    from hunt_core.importers import jobboards  # httpx loads only for job imports

    data = jobboards.read_file(args.file) if args.file is not None else None
    summary = ws.import_jobs(
        args.company, greenhouse=args.greenhouse, lever=args.lever, ashby=args.ashby, file=data
    )
    company = ws.store.company(args.company)
    postings = [p for p in ws.store.postings(company.id) if p.source == summary.source]
    if args.json:
        print_json(jobs_json(company.name, summary, postings))
        return
    roles = plural(summary.fetched, "open role")
    print(
        f"{company.name}: {roles} from {jobboards.NAMES[summary.source]} "
        f"({summary.added} new, {summary.removed} closed, {summary.kept} still open)."
    )
    for posting in postings[:POSTINGS_SHOWN]:
        remote = posting.remote and "remote" not in posting.location.casefold()
        where = "; ".join(w for w in (posting.location, "remote" if remote else "") if w)
        print(f"  - {posting.title}" + (f" ({where})" if where else ""))
    if len(postings) > POSTINGS_SHOWN:
        print(f"  ... and {len(postings) - POSTINGS_SHOWN} more")
    if postings:
        print("They now count in `hunt rank companies`.")
