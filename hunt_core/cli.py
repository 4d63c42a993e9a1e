"""The `hunt` command: a thin argparse layer over Workspace, for people, scripts and instructors."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import duckdb

from hunt_core import demo, forms
from hunt_core.errors import HuntError, InvalidInput
from hunt_core.models import DRAFT_KINDS, ROLES, TOUCH_KINDS, CompanyScore, ContactRank, Step
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.store import LOCAL_USER, Database, default_path, name_key
from hunt_core.workspace import Workspace

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
)
ROLE_METAVAR = "|".join(ROLES)
DETAILS_SHOWN = 8  # progress lines per step in text mode, so a big hunt stays readable
THEN_SHOWN = 4  # queued steps `hunt next` lists after the first


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
    # The same options after the command name; SUPPRESS keeps them from overwriting the above.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument(
        "--user", metavar="EMAIL", default=argparse.SUPPRESS, help=argparse.SUPPRESS
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
    text = "companies from a CSV; columns are the company add flags with _ (hires_no_degree)"
    csv_import = sub(imports, "companies", text, cmd_import)
    csv_import.add_argument("file", metavar="FILE.csv")
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
    _json_flag(sub(commands, "plugins", "loaded plugins and their errors", cmd_plugins))
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


def _rank_commands(rank: argparse.ArgumentParser, sub: Callable[..., Any]) -> None:
    """`rank companies` and `rank contacts`."""
    what = rank.add_subparsers(metavar="WHAT", required=True)
    for name, text, run in (
        ("companies", "target companies, best first, with every signal", cmd_rank_companies),
        ("contacts", "people, who to reach first and through which channel", cmd_rank_contacts),
    ):
        action = _json_flag(sub(what, name, text, run), scores=True)
        action.add_argument("--top", type=_positive, metavar="N", help="only the first N")


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


def cmd_import(ws: Workspace, args: argparse.Namespace) -> None:
    """Import companies from a CSV file, all or nothing."""
    added = ws.add_companies(read_company_csv(args.file))
    print(f"Imported {len(added)} compan{'y' if len(added) == 1 else 'ies'} from {args.file}.")


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
        print(f"{number:>3}. {score.company.name}  {score.score:.1f}/100")
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
        via = rank.channel.label if rank.channel else "no channel yet"
        print(f"{rank.priority:6.1f}  {who}: {via}")
        print(f"        {'; '.join(rank.reasons)}")


def cmd_next(ws: Workspace, args: argparse.Namespace) -> None:
    """The one next step, and what comes after it."""
    steps = ws.queue()
    if args.json:
        _print_json(step_json(steps[0]) if steps else None)
        return
    if not steps:
        print("Nothing to do right now: every step is done or snoozed.")
        return
    first = steps[0]
    print(first.action)
    print(f"  Why: {first.why}")
    print(f"  (Not now? hunt snooze {first.key} --days 1)")
    if len(steps) > 1:
        print("\nThen:")
        for step in steps[1 : THEN_SHOWN + 1]:
            print(f"  - {step.action}")


def cmd_plugins(ws: Workspace, args: argparse.Namespace) -> None:
    """Every plugin, where it came from, its criteria and its load error."""
    infos = [info.as_dict() for info in ws.plugins.infos.values()]
    if args.json:
        _print_json(infos)
        return
    rows = [
        [i["name"], i["source"], ", ".join(i["criteria"]) or "-", i["error"] or "ok"] for i in infos
    ]
    _print_table(["plugin", "source", "criteria", "status"], rows)


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
    print(f"Snoozed {args.step_key} for {args.days} day{'s' if args.days != 1 else ''}.")


def cmd_progress(ws: Workspace, args: argparse.Namespace) -> None:
    """Progress per guide step."""
    progress = ws.progress()
    if args.json:
        _print_json([dataclasses.asdict(p) for p in progress])
        return
    for p in progress:
        print(f"{p.step}. {p.title:<22} {p.done}/{p.target}  {p.summary}")
        for line in p.details[:DETAILS_SHOWN]:
            print(f"     {line}")
        if len(p.details) > DETAILS_SHOWN:
            print(f"     ... and {len(p.details) - DETAILS_SHOWN} more")


def cmd_demo(ws: Workspace, args: argparse.Namespace) -> None:
    """Load synthetic data into an empty hunt."""
    counts = demo.load_demo(ws.store, companies=args.companies, seed=args.seed, now=ws.clock())
    print(
        f"Loaded a demo hunt into {_db_path(args)} (user {ws.store.owner}): "
        f"{counts['companies']} companies, {counts['contacts']} people, "
        f"{counts['touches']} touches."
    )
    print("Run `hunt next` to see your one next step.")


# -- JSON shapes (stable: scripts and instructors rely on them) --------------------------


def company_json(score: CompanyScore) -> dict[str, Any]:
    """`hunt rank companies --json` item."""
    return {
        "company": score.company.name,
        "score": score.score,
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
        "channel": rank.channel.key if rank.channel else None,
        "reasons": list(rank.reasons),
    }


def step_json(step: Step) -> dict[str, Any]:
    """`hunt next --json`."""
    return {
        "step": step.step,
        "action": step.action,
        "why": step.why,
        "company": step.company,
        "contact": step.contact,
    }


# -- CSV ---------------------------------------------------------------------------------


def read_company_csv(path: str) -> list[dict[str, str]]:
    """Company rows from a CSV file, each checked and named by its row; any problem is one line."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, strict=True)
            try:
                return _company_rows(path, reader)
            except csv.Error as exc:  # line_num counts the lines read before the bad one
                raise InvalidInput(f"{path}: row {reader.line_num + 1}: {exc}") from None
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text; save it as 'CSV UTF-8'") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None


def _company_rows(path: str, reader: csv.DictReader[str]) -> list[dict[str, str]]:
    """Validate header and rows so an error names the file's own row number (line)."""
    columns = _csv_columns(path, reader.fieldnames)
    rows: list[dict[str, str]] = []
    first_seen: dict[str, int] = {}
    for raw in reader:
        number = reader.line_num
        if None in raw:
            raise InvalidInput(f"{path}: row {number} has more cells than the header has columns")
        row = {column: raw[header] for header, column in columns.items() if raw[header] is not None}
        if not any(v.strip() for v in row.values()):
            continue  # spreadsheets export empty rows as a line of commas
        try:
            key = name_key(forms.company_from(row).name)
        except InvalidInput as exc:
            raise InvalidInput(f"{path}: row {number}: {exc}") from None
        if key in first_seen:
            raise InvalidInput(
                f"{path}: row {number}: {row['name']!r} is already on row {first_seen[key]}"
            )
        first_seen[key] = number
        rows.append(row)
    return rows


def _csv_columns(path: str, header: Sequence[str] | None) -> dict[str, str]:
    """Header cell -> company field ('Hires-No-Degree' -> hires_no_degree); unknown ones refused."""
    if not header:
        raise InvalidInput(f"{path} is empty; the first row must name the columns (name, ...)")
    columns: dict[str, str] = {}
    for cell in header:
        column = cell.strip().lower().replace("-", "_").replace(" ", "_")
        if column not in forms.COMPANY_FIELDS:
            known = ", ".join(forms.COMPANY_FIELDS)
            raise InvalidInput(f"{path}: unknown column {cell!r} (columns: {known})")
        if column in columns.values():
            raise InvalidInput(f"{path}: column {cell!r} appears twice")
        columns[cell] = column
    if "name" not in columns.values():
        raise InvalidInput(f"{path}: no 'name' column")
    return columns


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
    clock = _clock()
    db = Database.open(args.db)
    try:
        plugins = get_plugin_manager()
        ws = Workspace(db.store(args.user), plugins, clock)
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
