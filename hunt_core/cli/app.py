"""Running one `hunt` command: the clock, the database, who signs in, one-line errors."""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import functools
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

import duckdb

from hunt_core import cohort, gcpause
from hunt_core.cli import lean
from hunt_core.cli.common import db_path
from hunt_core.cli.parser import build_parser
from hunt_core.cohort import Member
from hunt_core.errors import HuntError, InvalidInput, PermissionDenied
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.snapshot import Snapshot
from hunt_core.store import LOCAL_USER, Database, Store
from hunt_core.store.backends import is_postgres
from hunt_core.workspace import Workspace

CREATES = ("init", "demo", "restore")  # the commands that may create a missing database file


def clock() -> Callable[[], dt.datetime]:
    """The clock: HUNT_NOW (ISO date-time) when set, as in the dashboard, else the real time."""
    fixed = os.environ.get("HUNT_NOW")
    if not fixed:
        return dt.datetime.now
    try:
        when = dt.datetime.fromisoformat(fixed)
    except ValueError:
        raise InvalidInput(f"HUNT_NOW {fixed!r} is not a date-time (YYYY-MM-DDTHH:MM)") from None
    return lambda: when


def sign_in(db: Database, args: argparse.Namespace) -> tuple[Member, Store]:
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


def run(args: argparse.Namespace, keep: list[Snapshot] | None = None) -> None:
    """Open the database, run the command through a Workspace, and always close the file.

    keep: where the snapshots the command took are kept (see `console`).
    """
    if getattr(args, "standalone", False):  # e.g. `plugins new`: no database involved
        args.run(args)
        return
    now = clock()
    path = db_path(args)
    local = path != ":memory:" and not is_postgres(path)
    if args.command not in CREATES and local and not os.path.exists(path):
        # A typo in --db must not look like lost data: only init (and demo) create a file.
        raise InvalidInput(f"no Hunt database at {path}; run `hunt init`")
    db = Database.open(path)
    try:
        plugins = get_plugin_manager()
        if getattr(args, "trace_plugins", False):
            plugins.trace(sys.stderr)
        args.database = db
        args.actor, store = sign_in(db, args)
        args.run(Workspace(store, plugins, now, keep=keep), args)
        if args.scores:
            _warn(plugins)
    except duckdb.Error as exc:
        raise HuntError(f"database error: {exc}") from None
    finally:
        db.close()


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The parser, built once per process: main() may run many times in one (tests, scripts).

    Parsing never changes it; each call gets a fresh namespace.
    """
    return build_parser()


def main(argv: Sequence[str] | None = None, *, keep: list[Snapshot] | None = None) -> int:
    """Run `hunt`; 0 on success, 1 on bad input (one line on stderr), 2 on a usage error.

    keep: a list that keeps every snapshot the command takes, for a caller about to exit.
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    try:
        # A command reads a hunt, answers and exits: no collector passes over its rows.
        with lean.duckdb_without_pandas(), gcpause.paused():
            run(args, keep)
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


def console() -> NoReturn:
    """The `hunt` program: run main(), then leave without tearing the interpreter down.

    By then the command has closed its database and written its answer; freeing every object
    and module one by one only keeps the prompt waiting (about 15 ms a command; mypy exits the
    same way). The hunt it read is kept too: freeing the rows, views and ranks of 60,000
    people one by one takes 0.1-0.3 s after the answer is out. What a normal exit runs first
    still runs: the atexit handlers (logging's flush, a plugin's own), then the output is
    flushed.
    """
    kept: list[Snapshot] = []
    gc.disable()  # for good: a collection over what is kept would find nothing to free
    code = main(keep=kept)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left after the last write
        code = code or 1
    sys.stderr.flush()
    os._exit(code)


def _warn(plugins: Plugins) -> None:
    """Plugin problems met while scoring, one `warning:` line each on stderr."""
    for line in plugins.errors():
        print(f"warning: {line}", file=sys.stderr)


def _one_line(message: str) -> str:
    """A message with its line breaks folded, so an error is always one line."""
    return " ".join(message.split())
