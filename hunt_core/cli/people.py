"""`hunt profile`, `company`, `contact` and `log`: who you are, your targets, their people."""

from __future__ import annotations

import argparse
from typing import Any

from hunt_core.cli import find_email
from hunt_core.cli.common import Flags, Sub, flags, given, json_flag, print_json
from hunt_core.cli.shapes import profile_json
from hunt_core.errors import InvalidInput
from hunt_core.models import ROLES, TOUCH_KINDS
from hunt_core.workspace import Workspace

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


def setup(commands: Any, sub: Sub) -> None:
    """Add `profile`, `company`, `contact` and `log`."""
    profile = sub(commands, "profile", "your profile").add_subparsers(
        metavar="ACTION", required=True
    )
    flags(sub(profile, "set", "change profile fields", cmd_profile_set), PROFILE_FLAGS)
    json_flag(sub(profile, "show", "show your profile", cmd_profile_show))

    company = sub(commands, "company", "target companies").add_subparsers(
        metavar="ACTION", required=True
    )
    for name, text, run in (
        ("add", "add a target company", cmd_company_add),
        ("edit", "change fields of a company", cmd_company_edit),
    ):
        action = sub(company, name, text, run)
        action.add_argument("name", metavar="NAME")
        flags(action, COMPANY_FLAGS)
    alias = sub(company, "alias", "confirm another name of a company (as LinkedIn spells it)",
                cmd_company_alias)  # fmt: skip
    alias.add_argument("name", metavar="NAME")
    alias.add_argument("spelling", metavar="OTHER_NAME")

    contact = sub(commands, "contact", "people at target companies").add_subparsers(
        metavar="ACTION", required=True
    )
    for name, text, run in (
        ("add", "add a person at a company", cmd_contact_add),
        ("edit", "change fields of a person", cmd_contact_edit),
    ):
        action = sub(contact, name, text, run)
        action.add_argument("company", metavar="COMPANY")
        action.add_argument("name", metavar="NAME")
        action.add_argument("--role", metavar="|".join(ROLES), required=name == "add")
        flags(action, CONTACT_FLAGS)
    find_email.setup(contact, sub)

    log = sub(commands, "log", "record an outreach event with a person", cmd_log)
    log.add_argument("company", metavar="COMPANY")
    log.add_argument("contact", metavar="CONTACT")
    log.add_argument("kind", metavar="KIND", help="|".join(TOUCH_KINDS))
    log.add_argument("--channel", default="", help="how: email, slack, linkedin-note, ...")
    log.add_argument(
        "--at",
        metavar="YYYY-MM-DD",
        help="when it happened (default: now); for chat-scheduled, the day of the chat",
    )
    log.add_argument("--text", default="", help="what was said")


def cmd_profile_set(ws: Workspace, args: argparse.Namespace) -> None:
    """Change the given profile fields."""
    values = given(args, PROFILE_FLAGS)
    if not values:
        raise InvalidInput("give at least one field to change, e.g. --home 'Omaha, NE'")
    ws.update_profile(values)
    print(f"Profile updated: {', '.join(values)}.")


def cmd_profile_show(ws: Workspace, args: argparse.Namespace) -> None:
    """Print the profile."""
    profile = profile_json(ws.store.profile())
    if args.json:
        print_json(profile)
        return
    for key, value in profile.items():
        print(f"{key + ':':<17} {_text(value)}")


def cmd_company_add(ws: Workspace, args: argparse.Namespace) -> None:
    """Add a company from flags."""
    company = ws.add_company({"name": args.name, **given(args, COMPANY_FLAGS)})
    print(f"Added {company.name}.")


def cmd_company_edit(ws: Workspace, args: argparse.Namespace) -> None:
    """Change the given fields of a company."""
    values = given(args, COMPANY_FLAGS)
    if not values:
        raise InvalidInput("give at least one field to change, e.g. --stack 'C#; .NET'")
    company = ws.edit_company(args.name, values)
    print(f"Updated {company.name}: {', '.join(values)}.")


def cmd_company_alias(ws: Workspace, args: argparse.Namespace) -> None:
    """Confirm that another spelling is this company; LinkedIn connections follow it."""
    company, linked = ws.confirm_alias(args.name, args.spelling)
    print(f"{args.spelling} is {company.name} now: {linked} LinkedIn connection(s) linked.")


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


def _contact_values(args: argparse.Namespace) -> dict[str, str]:
    """Name, role (when given) and the other contact flags."""
    values = {"name": args.name, **given(args, CONTACT_FLAGS)}
    if args.role is not None:
        values["role"] = args.role
    return values


def _text(value: Any) -> str:
    """A profile value as people read it."""
    if isinstance(value, list):
        return "; ".join(value) or "-"
    return "-" if value in (None, "") else str(value)
