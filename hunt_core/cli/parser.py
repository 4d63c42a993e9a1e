"""The whole `hunt` command line: the global options, then each command group's `setup`."""

from __future__ import annotations

import argparse
from typing import Any

from hunt_core.cli import cohort, database, imports, people, plugins, steps
from hunt_core.cli.common import Handler
from hunt_core.store import LOCAL_USER


def build_parser() -> argparse.ArgumentParser:
    """The parser; each command's `run` handler is in its parsed namespace."""
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

    for group in (database, people, imports, steps, plugins, cohort):
        group.setup(commands, sub)
    return parser
