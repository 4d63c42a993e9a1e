"""`hunt contact find-email`: addresses on a person's GitHub and website, saved on request."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from hunt_core.cli.common import Sub, json_flag, print_json
from hunt_core.cli.shapes import email_json
from hunt_core.errors import InvalidInput
from hunt_core.workspace import Workspace

if TYPE_CHECKING:
    from hunt_core.find_email import Candidate


def setup(actions: Any, sub: Sub) -> None:
    """`contact find-email COMPANY NAME [--save N|EMAIL] [--json]`."""
    text = "look for a person's email on their GitHub and personal website"
    find = json_flag(sub(actions, "find-email", text, cmd_contact_find_email))
    find.add_argument("company", metavar="COMPANY")
    find.add_argument("name", metavar="NAME")
    find.add_argument(
        "--save", metavar="N|EMAIL", help="save the Nth address found (or this one) as their email"
    )


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
        print_json([email_json(c.email, c.source) for c in found.candidates])
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
