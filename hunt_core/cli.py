"""The `hunt` command: a thin argparse layer over Workspace, for people, scripts and instructors."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import shlex
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from hunt_core import backends, cohort, demo, review, scaffold
from hunt_core.cohort import Comment, Member
from hunt_core.errors import HuntError, InvalidInput, PermissionDenied
from hunt_core.models import (
    DRAFT_KINDS,
    PEOPLE_MAX,
    PEOPLE_MIN,
    ROLES,
    TOUCH_KINDS,
    CompanyScore,
    ContactRank,
    Step,
)
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.store import LOCAL_USER, Cohorts, Database, Store, default_path
from hunt_core.wording import plural
from hunt_core.workspace import Workspace

if TYPE_CHECKING:
    from hunt_core.find_email import Candidate
    from hunt_core.importers.jobboards import JobsSummary
    from hunt_core.models import Posting

Handler = Callable[[Workspace, argparse.Namespace], None]
Flags = tuple[tuple[str, str, str], ...]  # (field, metavar, help)

PROFILE_FLAGS: Flags = (
    ("name", "NAME", "your name"),
    ("program", "NAME", "your bootcamp or program, e.g. 'Turing School'"),
    ("colleges", "NAMES", "colleges you attended, ;-separated"),
    ("home", "CITY", "where you live, e.g. 'Omaha, NE'"),
    ("locations", "CITIES", "cities you would work in, ;-separated"),
    ("remote", "yes|no|hybrid", "whether you want remote work"),
    ("stack", "TECH", "what you build with, ;-separated (default '.NET; C#')"),
    ("interests", "TOPICS", "what you care about, ;-separated"),
    ("linkedin", "free|premium", "your LinkedIn plan"),
    ("note_chars", "N", "characters allowed in a LinkedIn note (plan default if empty)"),
    ("notes_per_month", "N", "personalised LinkedIn notes per month (plan default if empty)"),
    ("commute_km", "KM", "how far from home or a wanted city an office still counts (default 40)"),
)
COMPANY_FLAGS: Flags = (
    ("website", "URL", "the company's website"),
    ("locations", "CITIES", "office cities, ;-separated, e.g. 'Omaha, NE; Lincoln, NE'"),
    ("remote", "yes|no|hybrid", "whether they hire remotely"),
    ("stack", "TECH", "languages and frameworks, ;-separated"),
    ("hires_no_degree", "yes|no|unknown", "open to developers without a CS degree"),
    ("alumni_hired", "N", "grads of your program they have hired"),
    ("open_roles", "TITLES", "open job titles, ;-separated"),
    ("interests", "TOPICS", "what the company works on, ;-separated"),
    ("uses_product", "yes|no", "you use or love their product"),
    ("knows_someone", "NAME", "someone you know who works there"),
    ("peers_know", "yes|no|unknown", "whether your peers have heard of it"),
    ("notes", "TEXT", "anything else"),
)
CONTACT_FLAGS: Flags = (
    ("title", "TITLE", "their job title"),
    ("email", "EMAIL", "their email address"),
    ("email_source", "WHERE", "where you found the email (personal site, GitHub, LinkedIn)"),
    ("linkedin", "URL", "their LinkedIn profile"),
    ("github", "URL", "their GitHub profile"),
    ("website", "URL", "their personal website"),
    ("college", "NAME", "their college"),
    ("coding_school", "NAME", "their coding school"),
    ("mutual", "NAME", "a mutual connection"),
    ("friend", "yes|no", "whether they are your friend"),
    ("connected", "yes|no", "already a first-degree LinkedIn connection of yours"),
)
ROLE_METAVAR = "|".join(ROLES)
DETAILS_SHOWN = 8  # progress lines per step in text mode, so a big hunt stays readable
THEN_SHOWN = 4  # queued steps `hunt next` lists after the first
POSTINGS_SHOWN = 10  # postings `hunt import jobs` lists after its summary
CREATES = ("init", "demo", "restore")  # the commands that may create a missing database file


# -- parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The whole `hunt` command line."""
    parser = argparse.ArgumentParser(
        prog="hunt", description="Your networking job hunt, one clear next step at a time."
    )
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $HUNT_DB or user data dir)"
    )
    parser.add_argument(
        "--user", metavar="EMAIL", default=LOCAL_USER, help="whose hunt (default: local)"
    )
    parser.add_argument(
        "--student", metavar="EMAIL", help="instructors: read this student's hunt (read-only)"
    )
    parser.add_argument(
        "--trace-plugins",
        action="store_true",
        help="print every plugin hook call with its duration (or set HUNT_TRACE_PLUGINS=1)",
    )
    # The same options after the command name; SUPPRESS keeps them from overwriting the above.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument(
        "--user", metavar="EMAIL", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    common.add_argument(
        "--student", metavar="EMAIL", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    common.add_argument(
        "--trace-plugins", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def sub(
        group: Any, name: str, text: str, run: Handler | None = None
    ) -> argparse.ArgumentParser:
        """Add a command that runs `run`; global options work after its name too."""
        child = group.add_parser(name, help=text, description=text, parents=[common])
        child.set_defaults(run=run, scores=False)
        return child

    _setup_commands(commands, sub)
    return parser


def _setup_commands(commands: Any, sub: Callable[..., argparse.ArgumentParser]) -> None:
    """Add every command to the parser."""
    sub(commands, "init", "create the database (or migrate it) and the user", cmd_init)
    _profile_commands(sub(commands, "profile", "your profile"), sub)
    _company_commands(sub(commands, "company", "target companies"), sub)
    imports = sub(commands, "import", "bulk import").add_subparsers(metavar="WHAT", required=True)
    _sheet_commands(commands, imports, sub)
    _jobs_command(imports, sub)
    _linkedin_command(imports, sub)
    _contact_commands(sub(commands, "contact", "people at target companies"), sub)
    log = sub(commands, "log", "record an outreach event with a person", cmd_log)
    log.add_argument("company", metavar="COMPANY")
    log.add_argument("contact", metavar="CONTACT")
    log.add_argument("kind", metavar="KIND", help="|".join(TOUCH_KINDS))
    log.add_argument("--channel", default="", help="how: email, slack, linkedin-note, ...")
    log.add_argument("--at", metavar="YYYY-MM-DD", help="when (default: now)")
    log.add_argument("--text", default="", help="what was said")
    _rank_commands(sub(commands, "rank", "rankings with their reasons"), sub)
    _json_flag(
        sub(commands, "next", "the one next step and the queue behind it", cmd_next), scores=True
    )
    plugins = _json_flag(sub(commands, "plugins", "loaded plugins and their errors", cmd_plugins))
    new = sub(
        plugins.add_subparsers(metavar="new", required=False),
        "new",
        "write a ready-to-install plugin package with one criterion and a passing test",
        cmd_plugins_new,
    )
    new.add_argument("name", metavar="NAME", help="e.g. remote-first: writes ./hunt-remote-first")
    new.add_argument("--dir", default=".", metavar="DIR", help="where to write it (default: .)")
    new.set_defaults(standalone=True)
    draft = sub(commands, "draft", "draft a message to a person", cmd_draft)
    draft.add_argument("company", metavar="COMPANY")
    draft.add_argument("contact", metavar="CONTACT")
    draft.add_argument("--kind", default="first", metavar="|".join(DRAFT_KINDS))
    draft.set_defaults(scores=True)
    _weight_commands(sub(commands, "weights", "how much each criterion counts", cmd_weights), sub)
    snooze = sub(commands, "snooze", "hide a next step for some days", cmd_snooze)
    snooze.add_argument("step_key", metavar="STEP_KEY", help="as shown by `hunt next`")
    snooze.add_argument("--days", type=int, default=1, metavar="N")
    _json_flag(sub(commands, "progress", "progress per guide step", cmd_progress), scores=True)
    demo_cmd = sub(commands, "demo", "load a realistic synthetic hunt into an empty user", cmd_demo)
    demo_cmd.add_argument("--companies", type=int, default=25, metavar="N")
    demo_cmd.add_argument("--seed", type=int, default=0, metavar="S")
    demo_cmd.add_argument(
        "--students", type=_positive, metavar="N", help="instead: a cohort of N students"
    )
    demo_cmd.add_argument("--cohort", default="Demo cohort", metavar="NAME", help="its name")
    _cohort_commands(commands, sub)
    _backup_commands(commands, sub)


def _positive(text: str) -> int:
    """A whole number of at least 1, for argparse."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _json_flag(parser: argparse.ArgumentParser, *, scores: bool = False) -> argparse.ArgumentParser:
    """Add --json, and mark a command that scores (its plugin problems become warnings)."""
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(scores=scores)
    return parser


def _flags(parser: argparse.ArgumentParser, flags: Flags) -> None:
    """Add one optional text flag per field: --open-roles fills open_roles."""
    for field, metavar, text in flags:
        parser.add_argument(f"--{field.replace('_', '-')}", dest=field, metavar=metavar, help=text)


def _profile_commands(profile: argparse.ArgumentParser, sub: Callable[..., Any]) -> None:
    """`profile set` and `profile show`."""
    actions = profile.add_subparsers(metavar="ACTION", required=True)
    _flags(sub(actions, "set", "change profile fields", cmd_profile_set), PROFILE_FLAGS)
    _json_flag(sub(actions, "show", "show your profile", cmd_profile_show))


def _company_commands(company: argparse.ArgumentParser, sub: Callable[..., Any]) -> None:
    """`company add` and `company edit`, with the same flags."""
    actions = company.add_subparsers(metavar="ACTION", required=True)
    for name, text, run in (
        ("add", "add a target company", cmd_company_add),
        ("edit", "change fields of a company", cmd_company_edit),
    ):
        action = sub(actions, name, text, run)
        action.add_argument("name", metavar="NAME")
        _flags(action, COMPANY_FLAGS)
    alias = sub(actions, "alias", "confirm another name of a company (as LinkedIn spells it)",
                cmd_company_alias)  # fmt: skip
    alias.add_argument("name", metavar="NAME")
    alias.add_argument("spelling", metavar="OTHER_NAME")


def _contact_commands(contact: argparse.ArgumentParser, sub: Callable[..., Any]) -> None:
    """`contact add` (--role required) and `contact edit`."""
    actions = contact.add_subparsers(metavar="ACTION", required=True)
    for name, text, run in (
        ("add", "add a person at a company", cmd_contact_add),
        ("edit", "change fields of a person", cmd_contact_edit),
    ):
        action = sub(actions, name, text, run)
        action.add_argument("company", metavar="COMPANY")
        action.add_argument("name", metavar="NAME")
        action.add_argument("--role", metavar=ROLE_METAVAR, required=name == "add")
        _flags(action, CONTACT_FLAGS)
    _find_email_command(actions, sub)


def _find_email_command(actions: Any, sub: Callable[..., Any]) -> None:
    """`contact find-email COMPANY NAME [--save N|EMAIL] [--json]`."""
    text = "look for a person's email on their GitHub and personal website"
    find = _json_flag(sub(actions, "find-email", text, cmd_contact_find_email))
    find.add_argument("company", metavar="COMPANY")
    find.add_argument("name", metavar="NAME")
    find.add_argument(
        "--save", metavar="N|EMAIL", help="save the Nth address found (or this one) as their email"
    )


def _rank_commands(rank: argparse.ArgumentParser, sub: Callable[..., Any]) -> None:
    """`rank companies` and `rank contacts`."""
    what = rank.add_subparsers(metavar="WHAT", required=True)
    for name, text, run in (
        ("companies", "target companies, best first, with every signal", cmd_rank_companies),
        ("contacts", "people, who to reach first and through which channel", cmd_rank_contacts),
    ):
        action = _json_flag(sub(what, name, text, run), scores=True)
        action.add_argument("--top", type=_positive, metavar="N", help="only the first N")


def _sheet_commands(commands: Any, imports: Any, sub: Callable[..., Any]) -> None:
    """`import companies|contacts|export`, `export DIR` and `calendar FILE.ics`."""
    for what, text in (
        ("companies", "companies from .csv or .xlsx; columns as the company add flags"),
        ("contacts", "people from .csv or .xlsx: company, name, role and the contact flags"),
    ):
        sheet = _json_flag(sub(imports, what, text, cmd_import_sheet))
        sheet.add_argument("file", metavar="FILE")
        sheet.set_defaults(what=what)
    text = "restore an export (folder, .json, .xlsx or .zip) into an empty hunt"
    restore = _json_flag(sub(imports, "export", text, cmd_import_export))
    restore.add_argument("path", metavar="DIR")
    text = "write everything to DIR: CSV files, hunt-export.json or hunt-export.xlsx"
    out = _json_flag(sub(commands, "export", text, cmd_export))
    out.add_argument("directory", metavar="DIR")
    out.add_argument("--format", default="csv", metavar="csv|json|xlsx", help="default: csv")
    text = "write follow-ups and coffee chats to an .ics file for your calendar app"
    ics = _json_flag(sub(commands, "calendar", text, cmd_calendar))
    ics.add_argument("file", metavar="FILE.ics")


def _linkedin_command(imports: Any, sub: Callable[..., Any]) -> None:
    """`import linkedin FILE [--add-people]`: LinkedIn's Connections.csv export."""
    text = "LinkedIn's Connections.csv: link people to your targets and suggest new companies"
    linkedin = _json_flag(sub(imports, "linkedin", text, cmd_import_linkedin))
    linkedin.add_argument("file", metavar="Connections.csv")
    linkedin.add_argument(
        "--add-people", action="store_true", help="add the connections at your targets as people"
    )


def _jobs_command(imports: Any, sub: Callable[..., Any]) -> None:
    """`import jobs COMPANY` from exactly one board, or a saved answer of any of them."""
    text = "open roles from a company's job board; they feed the criteria"
    jobs = _json_flag(sub(imports, "jobs", text, cmd_import_jobs))
    jobs.add_argument("company", metavar="COMPANY")
    board = jobs.add_mutually_exclusive_group(required=True)
    board.add_argument("--greenhouse", metavar="TOKEN", help="board in boards.greenhouse.io/TOKEN")
    board.add_argument("--lever", metavar="SITE", help="site in jobs.lever.co/SITE")
    board.add_argument("--ashby", metavar="NAME", help="board in jobs.ashbyhq.com/NAME")
    board.add_argument(
        "--file", metavar="PAYLOAD.json", help="a saved answer of any of the three APIs"
    )


def _weight_commands(weights: argparse.ArgumentParser, sub: Callable[..., Any]) -> None:
    """`weights [--json]` and `weights set CRITERION WEIGHT`."""
    _json_flag(weights)
    actions = weights.add_subparsers(metavar="ACTION")
    change = sub(actions, "set", "set one criterion's weight (0 switches it off)", cmd_weight_set)
    change.add_argument("criterion", metavar="CRITERION")
    change.add_argument("weight", metavar="WEIGHT", type=float)


# -- commands ----------------------------------------------------------------------------


def cmd_init(ws: Workspace, args: argparse.Namespace) -> None:
    """Create and migrate the database; the user row exists once the store is open."""
    print(f"Hunt database ready at {_db_path(args)} (user {ws.store.owner}).")
    print("Next: hunt profile set --name ... --program ... --home ..., or try hunt demo.")


def cmd_profile_set(ws: Workspace, args: argparse.Namespace) -> None:
    """Change the given profile fields."""
    values = _given(args, PROFILE_FLAGS)
    if not values:
        raise InvalidInput("give at least one field to change, e.g. --home 'Omaha, NE'")
    ws.update_profile(values)
    print(f"Profile updated: {', '.join(values)}.")


def cmd_profile_show(ws: Workspace, args: argparse.Namespace) -> None:
    """Print the profile."""
    profile = dataclasses.asdict(ws.store.profile())
    if args.json:
        _print_json(profile)
        return
    for key, value in profile.items():
        print(f"{key + ':':<17} {_text(value)}")


def cmd_company_add(ws: Workspace, args: argparse.Namespace) -> None:
    """Add a company from flags."""
    company = ws.add_company({"name": args.name, **_given(args, COMPANY_FLAGS)})
    print(f"Added {company.name}.")


def cmd_company_edit(ws: Workspace, args: argparse.Namespace) -> None:
    """Change the given fields of a company."""
    values = _given(args, COMPANY_FLAGS)
    if not values:
        raise InvalidInput("give at least one field to change, e.g. --stack 'C#; .NET'")
    company = ws.edit_company(args.name, values)
    print(f"Updated {company.name}: {', '.join(values)}.")


def cmd_company_alias(ws: Workspace, args: argparse.Namespace) -> None:
    """Confirm that another spelling is this company; LinkedIn connections follow it."""
    company, linked = ws.confirm_alias(args.name, args.spelling)
    print(f"{args.spelling} is {company.name} now: {linked} LinkedIn connection(s) linked.")


def cmd_import_sheet(ws: Workspace, args: argparse.Namespace) -> None:
    """Import companies or people from a .csv or .xlsx file, all or nothing."""
    from hunt_core.importers import spreadsheets  # openpyxl loads only for these commands

    table = spreadsheets.read_path(args.file)
    if args.what == "companies":
        summary = spreadsheets.import_companies(ws, table)
    else:
        summary = spreadsheets.import_contacts(ws, table)
    if args.json:
        _print_json({"file": args.file, **summary.as_dict()})
        return
    print(summary.message(args.file))


def cmd_import_export(ws: Workspace, args: argparse.Namespace) -> None:
    """Restore an export into an empty hunt."""
    from hunt_core import export

    counts = export.restore(ws.store, args.path)
    if args.json:
        _print_json({"path": args.path, "restored": counts})
        return
    print(f"Restored {_counts(counts)} from {args.path}.")


def cmd_export(ws: Workspace, args: argparse.Namespace) -> None:
    """Write everything to a folder in one format."""
    from hunt_core import export

    files = export.export(ws.store, args.directory, args.format)
    if args.json:
        _print_json({"directory": args.directory, "format": args.format,
                     "files": [str(f) for f in files]})  # fmt: skip
        return
    print(f"Exported your hunt to {args.directory}: {', '.join(f.name for f in files)}.")


def cmd_calendar(ws: Workspace, args: argparse.Namespace) -> None:
    """Write follow-ups and chats as an .ics file."""
    from hunt_core import calendar_ics

    calendar = calendar_ics.build_calendar(ws.store, ws.clock())
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    follow_ups = sum(uid.startswith("hunt-followup-") for uid in uids)
    try:
        with open(args.file, "wb") as out:
            out.write(calendar.to_ical())
    except OSError as exc:
        raise HuntError(f"cannot write {args.file}: {exc.strerror or exc}") from None
    if args.json:
        _print_json({"file": args.file, "follow_ups": follow_ups, "chats": len(uids) - follow_ups})
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
        _print_json(summary.as_dict())
        return
    print("\n".join(summary.lines()))
    if summary.offered and not summary.people_added:
        print(f"Add them: hunt import linkedin {args.file} --add-people")


def cmd_contact_add(ws: Workspace, args: argparse.Namespace) -> None:
    """Add a person at a company."""
    person = ws.add_contact(args.company, _contact_values(args))
    print(f"Added {person.name} ({person.role}) at {ws.store.company(args.company).name}.")


def cmd_contact_edit(ws: Workspace, args: argparse.Namespace) -> None:
    """Change the given fields of a person."""
    values = _contact_values(args)
    del values["name"]
    if not values:
        raise InvalidInput("give at least one field to change, e.g. --email ana@example.com")
    person = ws.edit_contact(args.company, args.name, values)
    print(f"Updated {person.name}: {', '.join(values)}.")


def cmd_contact_find_email(ws: Workspace, args: argparse.Namespace) -> None:
    """List the addresses found with their sources; with --save, save the confirmed one."""
    found = ws.find_email(args.company, args.name)
    for problem in found.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.save is not None:
        chosen = _chosen(found.candidates, args.save)
        values = {"email": chosen.email, "email_source": chosen.source}
        person = ws.edit_contact(args.company, args.name, values)
        print(f"Saved {chosen.email} as {person.name}'s email (from {chosen.source}).")
    elif args.json:
        _print_json([{"email": c.email, "source": c.source} for c in found.candidates])
    elif not found.candidates:
        print(
            f"No email found for {args.name} on GitHub or their website: look on their "
            "LinkedIn, or send a connection request with a message."
        )
    else:
        for number, candidate in enumerate(found.candidates, 1):
            print(f"{number}. {candidate.email}  (found in {candidate.source})")
        again = shlex.join(["hunt", "contact", "find-email", args.company, args.name])
        print(f"Nothing is saved yet. To save one: {again} --save N")


def _chosen(candidates: Sequence[Candidate], choice: str) -> Candidate:
    """The candidate numbered (from 1) or named by choice; one line when it is neither."""
    if choice.strip().isdigit() and 1 <= int(choice) <= len(candidates):
        return candidates[int(choice) - 1]
    for candidate in candidates:
        if candidate.email.casefold() == choice.strip().casefold():
            return candidate
    found = ", ".join(c.email for c in candidates) or "nothing"
    raise InvalidInput(f"--save {choice!r} is not one of the addresses found ({found})")


def cmd_log(ws: Workspace, args: argparse.Namespace) -> None:
    """Record a touch."""
    touch = ws.log(
        args.company, args.contact, args.kind, channel=args.channel, at=args.at, text=args.text
    )
    day = f"{touch.happened_at:%Y-%m-%d}"
    print(f"Logged {touch.kind} with {args.contact} at {args.company} on {day}.")


def cmd_rank_companies(ws: Workspace, args: argparse.Namespace) -> None:
    """Companies best first, each signal with its points, weight and reason."""
    scores = ws.rank_companies()[: args.top]
    if args.json:
        _print_json([company_json(s) for s in scores])
        return
    if not scores:
        print("No companies yet: hunt company add NAME, or hunt import companies FILE.csv")
    for number, score in enumerate(scores, start=1):
        print(
            f"{number:>3}. {score.company.name}  {score.score:.1f}/100"
            f"  (range {score.span}; {score.coverage})"
        )
        for weighted in score.signals:
            signal = weighted.signal
            points = "?" if signal.points is None else f"{signal.points:.2f}"
            print(f"       {points:>4} x{weighted.weight:<4g} {weighted.label}: {signal.reason}")


def cmd_rank_contacts(ws: Workspace, args: argparse.Namespace) -> None:
    """People in the order to reach them, with channel and reasons."""
    ranks = ws.rank_contacts()[: args.top]
    if args.json:
        _print_json([contact_json(r) for r in ranks])
        return
    if not ranks:
        print("No people yet: hunt contact add COMPANY NAME --role developer")
    for rank in ranks:
        who = f"{rank.contact.name} ({rank.contact.role}) at {rank.company.name}"
        via = rank.channel.label
        print(f"{rank.priority:6.1f}  {who}: {via}")
        print(f"        {'; '.join(rank.reasons)}")


def cmd_next(ws: Workspace, args: argparse.Namespace) -> None:
    """The one next step, and what comes after it."""
    first, *later = ws.queue()
    if args.json:
        _print_json({**step_json(first), "queue": [step_json(s) for s in later]})
        return
    print(first.action)
    print(f"  Why: {first.why}")
    print(f"  (Not now? hunt snooze {first.key} --days 1)")
    if later:
        print("\nThen:")
        for step in later[:THEN_SHOWN]:
            print(f"  - {step.action}")


def cmd_plugins(ws: Workspace, args: argparse.Namespace) -> None:
    """Every plugin: source, version, path, hooks, criteria, and how it fared on your hunt.

    The ranking runs first, so a plugin that fails on every call shows its problems here.
    """
    ws.rank_contacts()
    problems = list(ws.plugins.problems.values())
    if args.json:
        _print_json([info.as_dict(problems) for info in ws.plugins.infos.values()])
        return
    counts = Counter(p.plugin for p in problems)
    rows = [
        [
            info.name,
            info.source,
            info.version or "-",
            ", ".join(info.criteria) or "-",
            info.status(counts[info.name], details=False),
        ]
        for info in ws.plugins.infos.values()
    ]
    _print_table(["plugin", "source", "version", "criteria", "status"], rows)
    lines = list(ws.plugins.errors())
    if lines:
        print()
        print("\n".join(lines))


def cmd_plugins_new(args: argparse.Namespace) -> None:
    """Write a new plugin package and say what to do next."""
    files = scaffold.new_plugin(args.name, Path(args.dir))
    root = files[0].parent
    print(f"Wrote {root}:")
    for path in files:
        print(f"  {path.relative_to(root)}")
    print(f"\nNext: cd {root} && pip install -e . && pytest   (then `hunt plugins` lists it)")


def cmd_draft(ws: Workspace, args: argparse.Namespace) -> None:
    """Print a message draft."""
    print(ws.draft(args.company, args.contact, args.kind))


def cmd_weights(ws: Workspace, args: argparse.Namespace) -> None:
    """Every criterion's weight in force."""
    weights = ws.weights()
    if args.json:
        _print_json(weights)
        return
    rows = []
    for key, weight in weights.items():
        criterion = ws.plugins.criteria[key]
        default = f"{criterion.default_weight:g}"
        rows.append([key, f"{weight:g}", default, criterion.applies_to, criterion.label])
    _print_table(["criterion", "weight", "default", "for", "label"], rows)


def cmd_weight_set(ws: Workspace, args: argparse.Namespace) -> None:
    """Set one criterion's weight."""
    ws.set_weight(args.criterion, args.weight)
    print(f"Weight of {args.criterion} set to {args.weight:g}.")


def cmd_snooze(ws: Workspace, args: argparse.Namespace) -> None:
    """Hide a next step for some days."""
    ws.snooze(args.step_key, args.days)
    print(f"Snoozed {args.step_key} for {plural(args.days, 'day')}.")


def cmd_progress(ws: Workspace, args: argparse.Namespace) -> None:
    """Progress per guide step."""
    progress = ws.progress()
    if args.json:
        _print_json([dataclasses.asdict(p) for p in progress])
        return
    for p in progress:
        print(f"{p.step}. {p.title:<22} {p.summary}")
        for line in p.details[:DETAILS_SHOWN]:
            print(f"     {line}")
        if len(p.details) > DETAILS_SHOWN:
            print(f"     ... and {len(p.details) - DETAILS_SHOWN} more")


def cmd_demo(ws: Workspace, args: argparse.Namespace) -> None:
    """Load synthetic data into an empty hunt, or with --students a cohort onto the roster."""
    if args.students:
        _demo_cohort(ws, args)
        return
    counts = demo.load_demo(ws.store, companies=args.companies, seed=args.seed, now=ws.clock())
    print(
        f"Loaded a demo hunt into {_db_path(args)} (user {ws.store.owner}): "
        f"{counts['companies']} companies, {counts['contacts']} people, "
        f"{counts['touches']} touches."
    )
    print("Run `hunt next` to see your one next step.")


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
        _print_json(jobs_json(company.name, summary, postings))
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


# -- cohorts ------------------------------------------------------------------------------


def _cohort_commands(commands: Any, sub: Callable[..., argparse.ArgumentParser]) -> None:
    """`roster import`, `placements import`, `leaderboard`, `review`, `comment`, `comments`."""
    for name, text, run in (
        ("roster", "the cohort roster: CSV email,name,cohort,role", cmd_roster_import),
        ("placements", "alumni placements: CSV program,company,year", cmd_placements_import),
    ):
        actions = sub(commands, name, text).add_subparsers(metavar="ACTION", required=True)
        action = _json_flag(sub(actions, "import", f"import {text}", run))
        action.add_argument("file", metavar="FILE.csv")
    board = _json_flag(sub(commands, "leaderboard", "outreach leaderboard", cmd_leaderboard))
    board.add_argument("--cohort", metavar="NAME", help="only this cohort's students")
    board.add_argument("--week", action="store_true", help="this week (from Monday), not all time")
    board.add_argument("--by-cohort", action="store_true", help="one row per cohort")
    _json_flag(sub(commands, "review", "instructors: your students' target lists", cmd_review))
    comment = sub(commands, "comment", "instructors: comment on a student's list", cmd_comment)
    comment.add_argument("student_email", metavar="STUDENT")
    comment.add_argument("text", metavar="TEXT")
    comment.add_argument("--company", metavar="NAME", help="about one company, not the list")
    _json_flag(sub(commands, "comments", "your instructors' comments", cmd_comments))


def _cohorts(ws: Workspace) -> Cohorts:
    """The cohort API on the command's connection."""
    return Cohorts(ws.store.con)


def cmd_roster_import(ws: Workspace, args: argparse.Namespace) -> None:
    """Add or update roster members from a CSV, all or nothing."""
    rows = cohort.roster_rows(cohort.read_csv(args.file, cohort.ROSTER_COLUMNS), args.file)
    added, updated = _cohorts(ws).import_roster(args.actor, rows, ws.clock())
    if args.json:
        _print_json({"file": args.file, "added": added, "updated": updated})
        return
    print(f"Roster from {args.file}: {added} added, {updated} updated.")


def cmd_placements_import(ws: Workspace, args: argparse.Namespace) -> None:
    """Replace the placements of each program in a CSV, all or nothing."""
    table = cohort.read_csv(args.file, cohort.PLACEMENT_COLUMNS)
    rows = cohort.placement_rows(table, args.file, ws.clock().year)
    count = _cohorts(ws).import_placements(args.actor, rows, ws.clock())
    if args.json:
        _print_json({"file": args.file, "placements": count})
        return
    print(f"Imported {plural(count, 'placement')} from {args.file}.")


def cmd_leaderboard(ws: Workspace, args: argparse.Namespace) -> None:
    """Outreach per student (or per cohort), never naming anyone's contacts or companies."""
    cohorts = _cohorts(ws)
    if not cohorts.has_roster():
        raise InvalidInput("no roster yet: hunt roster import FILE.csv")
    rows = cohorts.leaderboard(args.actor, now=ws.clock(), week=args.week, cohort=args.cohort)
    if args.by_cohort:
        rows = cohort.cohort_board(rows)
    if args.json:
        _print_json([r.as_dict() for r in rows])
        return
    header = ["name", "cohort", "sent", "on-time follow-ups", "chats", "thanks", "full mix"]
    _print_table(
        [*header, "referrals"],
        [[r.name, r.cohort, *(str(getattr(r, m)) for m in cohort.MEASURES)] for r in rows],
    )


def cmd_review(ws: Workspace, args: argparse.Namespace) -> None:
    """Each student of your cohorts: companies, people, best scores."""
    lines = review.review(_cohorts(ws), ws.plugins, args.actor, ws.clock())
    if args.json:
        _print_json([dataclasses.asdict(r) for r in lines])
        return
    if not lines:
        print("No students to review: only instructors see their cohorts' students.")
    for r in lines:
        best = ", ".join(f"{name} {score:.0f}" for name, score in r.top) or "-"
        print(f"{r.name} <{r.email}> ({r.cohort}): {r.companies}/{r.target} companies, "
              f"{r.staffed} with {PEOPLE_MIN}-{PEOPLE_MAX} people; best: {best}")  # fmt: skip


def cmd_comment(ws: Workspace, args: argparse.Namespace) -> None:
    """An instructor's comment on a student's list or one of its companies."""
    cohorts = _cohorts(ws)
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
        _print_json([comment_json(c, c.id in unseen) for c in comments])
        return
    if not comments:
        print("No comments yet.")
    for c in comments:
        about = c.company or "your list"
        print(f"{c.created_at:%Y-%m-%d} {c.author or 'Your instructor'} on {about}: {c.text}")


def comment_json(comment: Comment, new: bool) -> dict[str, Any]:
    """`hunt comments --json` item; new: not read before this command."""
    return {
        "author": comment.author,
        "company": comment.company,
        "text": comment.text,
        "created_at": comment.created_at.isoformat(),
        "new": new,
    }


def _demo_cohort(ws: Workspace, args: argparse.Namespace) -> None:
    """A synthetic cohort with a hunt per student, onto the roster."""
    counts = demo.load_cohort(
        Database(ws.store.con, _db_path(args)),
        students=args.students,
        seed=args.seed,
        now=ws.clock(),
        cohort=args.cohort,
        actor=args.actor,
    )
    print(
        f"Added the cohort {args.cohort!r} to {_db_path(args)}: {counts['students']} students "
        f"and an instructor, {counts['companies']} companies, {counts['contacts']} people, "
        f"{counts['touches']} touches."
    )


def _sign_in(db: Database, args: argparse.Namespace) -> tuple[Member, Store]:
    """Who runs the command and whose hunt it reads.

    Without a roster, or without --user, the database operator on their own hunt (single-user
    local mode unchanged); with a roster, --user EMAIL is that member with exactly their rights.
    """
    cohorts = db.cohorts()
    student = getattr(args, "student", None)
    if not cohorts.has_roster() or args.user == LOCAL_USER:
        if student:
            raise InvalidInput("--student needs --user EMAIL of an instructor on the roster")
        return cohort.OPERATOR, db.store(args.user)
    member = cohorts.member_by_email(args.user)
    if member is None:
        raise PermissionDenied(f"{args.user} is not on the roster; ask your instructor")
    target = cohorts.member_by_email(student) if student else member
    if target is None:
        raise PermissionDenied("you may not see that hunt")
    return member, cohorts.open_for(member, target.owner)


# -- whole-database backups --------------------------------------------------------------


def _backup_commands(commands: Any, sub: Callable[..., argparse.ArgumentParser]) -> None:
    """`backup DIR` and `restore DIR`: every user and the cohort tables, as Parquet."""
    text = "admins: the whole database (every user, the roster, comments) to Parquet files in DIR"
    _json_flag(sub(commands, "backup", text, cmd_backup)).add_argument("directory", metavar="DIR")
    text = "admins: load a `hunt backup` folder into an empty database, exactly"
    _json_flag(sub(commands, "restore", text, cmd_restore)).add_argument("directory", metavar="DIR")


def cmd_backup(ws: Workspace, args: argparse.Namespace) -> None:
    """Write the whole database to a folder of Parquet files with a manifest."""
    from hunt_core import backup

    manifest = backup.backup(ws.store.con, args.directory, args.actor, ws.clock())
    if args.json:
        _print_json(manifest)
        return
    rows = sum(t["rows"] for t in manifest["tables"])
    print(f"Backed up {len(manifest['tables'])} tables ({rows} rows) to {args.directory}.")


def cmd_restore(ws: Workspace, args: argparse.Namespace) -> None:
    """Load a backup folder into this empty database."""
    from hunt_core import backup

    counts = backup.restore(ws.store.con, args.directory, args.actor)
    if args.json:
        _print_json({"directory": args.directory, "restored": counts})
        return
    print(f"Restored {sum(counts.values())} rows in {len(counts)} tables from {args.directory}.")


# -- JSON shapes (stable: scripts and instructors rely on them) --------------------------


def company_json(score: CompanyScore) -> dict[str, Any]:
    """`hunt rank companies --json` item."""
    return {
        "company": score.company.name,
        "score": score.score,
        "low": score.low,
        "high": score.high,
        "coverage": {"known": score.known, "total": score.total},
        "signals": [
            {
                "criterion": s.signal.criterion,
                "points": s.signal.points,
                "weight": s.weight,
                "reason": s.signal.reason,
            }
            for s in score.signals
        ],
    }


def contact_json(rank: ContactRank) -> dict[str, Any]:
    """`hunt rank contacts --json` item."""
    return {
        "contact": rank.contact.name,
        "company": rank.company.name,
        "role": rank.contact.role,
        "priority": rank.priority,
        "channel": rank.channel.key,
        "reasons": list(rank.reasons),
    }


def jobs_json(company: str, summary: JobsSummary, postings: list[Posting]) -> dict[str, Any]:
    """`hunt import jobs --json`."""
    return {
        "company": company,
        **dataclasses.asdict(summary),
        "postings": [
            {
                "title": p.title,
                "location": p.location,
                "remote": p.remote,
                "url": p.url,
                "posted_at": p.posted_at.isoformat() if p.posted_at else None,
            }
            for p in postings
        ],
    }


def step_json(step: Step) -> dict[str, Any]:
    """`hunt next --json`, and each item of its queue."""
    return {
        "step": step.step,
        "action": step.action,
        "why": step.why,
        "company": step.company,
        "contact": step.contact,
    }


# -- helpers -----------------------------------------------------------------------------


def _given(args: argparse.Namespace, flags: Flags) -> dict[str, str]:
    """The flags actually given on the command line, by field name."""
    return {
        field: getattr(args, field) for field, _, _ in flags if getattr(args, field) is not None
    }


def _contact_values(args: argparse.Namespace) -> dict[str, str]:
    """Name, role (when given) and the other contact flags."""
    values = {"name": args.name, **_given(args, CONTACT_FLAGS)}
    if args.role is not None:
        values["role"] = args.role
    return values


def _counts(counts: dict[str, int]) -> str:
    """Rows per restored table as words, the profile left out."""
    words = (("companies", "company", "companies"), ("contacts", "person", "people"),
             ("touches", "touch", "touches"), ("chats", "chat", "chats"),
             ("postings", "posting", "postings"), ("connections", "connection", "connections"),
             ("weights", "weight", "weights"))  # fmt: skip
    parts = [plural(counts[table], one, many) for table, one, many in words]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _db_path(args: argparse.Namespace) -> str:
    """The database file in use."""
    return str(args.db or default_path())


def _text(value: Any) -> str:
    """A profile value as people read it."""
    if isinstance(value, list):
        return "; ".join(value) or "-"
    return "-" if value in (None, "") else str(value)


def _print_json(value: Any) -> None:
    """JSON for scripts, non-ASCII names kept readable."""
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    """Left-aligned columns; the last one runs free."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())


def _warn(plugins: Plugins) -> None:
    """Plugin problems met while scoring, one `warning:` line each on stderr."""
    for line in plugins.errors():
        print(f"warning: {line}", file=sys.stderr)


def _one_line(message: str) -> str:
    """A message with its line breaks folded, so an error is always one line."""
    return " ".join(message.split())


def _clock() -> Callable[[], dt.datetime]:
    """The clock: HUNT_NOW (ISO date-time) when set, as in the dashboard, else the real time."""
    fixed = os.environ.get("HUNT_NOW")
    if not fixed:
        return dt.datetime.now
    try:
        when = dt.datetime.fromisoformat(fixed)
    except ValueError:
        raise InvalidInput(f"HUNT_NOW {fixed!r} is not a date-time (YYYY-MM-DDTHH:MM)") from None
    return lambda: when


def _run(args: argparse.Namespace) -> None:
    """Open the database, run the command through a Workspace, and always close the file."""
    if getattr(args, "standalone", False):  # e.g. `plugins new`: no database involved
        args.run(args)
        return
    clock = _clock()
    path = _db_path(args)
    local = path != ":memory:" and not backends.is_postgres(path)
    if args.command not in CREATES and local and not os.path.exists(path):
        # A typo in --db must not look like lost data: only init, demo and restore create one.
        raise InvalidInput(f"no Hunt database at {path}; run `hunt init`")
    db = Database.open(path)
    try:
        plugins = get_plugin_manager()
        if getattr(args, "trace_plugins", False):
            plugins.trace(sys.stderr)
        args.actor, store = _sign_in(db, args)
        ws = Workspace(store, plugins, clock)
        args.run(ws, args)
        if args.scores:
            _warn(plugins)
    except duckdb.Error as exc:
        raise HuntError(f"database error: {exc}") from None
    finally:
        db.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run `hunt`; 0 on success, 1 on bad input (one line on stderr), 2 on a usage error."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    try:
        _run(args)
    except HuntError as exc:
        print(f"hunt: error: {_one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) left; silence the flush at exit instead of a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # e.g. a --db folder that cannot be created
        print(f"hunt: error: {_one_line(str(exc))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
