"""`hunt init`, `demo`, `backup` and `restore`: the database itself, made, filled, copied."""

from __future__ import annotations

import argparse
from typing import Any

from hunt_core.cli.common import Sub, database, db_path, json_flag, positive, print_json
from hunt_core.store.backends import redact
from hunt_core.workspace import Workspace


def setup(commands: Any, sub: Sub) -> None:
    """Add `init`, `demo`, `backup` and `restore`."""
    sub(commands, "init", "create the database (or migrate it) and the user", cmd_init)
    demo = sub(commands, "demo", "load a realistic synthetic hunt into an empty user", cmd_demo)
    demo.add_argument("--companies", type=int, default=25, metavar="N")
    demo.add_argument("--seed", type=int, default=0, metavar="S")
    demo.add_argument(
        "--students", type=positive, metavar="N", help="instead: a cohort of N students"
    )
    demo.add_argument("--cohort", default="Demo cohort", metavar="NAME", help="its name")
    text = "admins: the whole database (every user, the roster, comments) to Parquet files in DIR"
    json_flag(sub(commands, "backup", text, cmd_backup)).add_argument("directory", metavar="DIR")
    text = "admins: load a `hunt backup` folder into an empty database, exactly"
    json_flag(sub(commands, "restore", text, cmd_restore)).add_argument("directory", metavar="DIR")


def cmd_init(ws: Workspace, args: argparse.Namespace) -> None:
    """Create and migrate the database; the user row exists once the store is open."""
    print(f"Hunt database ready at {redact(db_path(args))} (user {ws.store.owner}).")
    print("Next: hunt profile set --name ... --program ... --home ..., or try hunt demo.")


def cmd_demo(ws: Workspace, args: argparse.Namespace) -> None:
    """Load synthetic data into an empty hunt, or with --students a cohort onto the roster."""
    from hunt_core import demo  # its word lists load only for this command

    where = redact(db_path(args))
    if args.students:
        counts = demo.load_cohort(
            database(args),
            students=args.students,
            seed=args.seed,
            now=ws.clock(),
            cohort=args.cohort,
            actor=args.actor,
        )
        print(
            f"Added the cohort {args.cohort!r} to {where}: {counts['students']} students "
            f"and an instructor, {counts['companies']} companies, {counts['contacts']} people, "
            f"{counts['touches']} touches."
        )
        return
    counts = demo.load_demo(ws.store, companies=args.companies, seed=args.seed, now=ws.clock())
    print(
        f"Loaded a demo hunt into {where} (user {ws.store.owner}): "
        f"{counts['companies']} companies, {counts['contacts']} people, "
        f"{counts['touches']} touches."
    )
    print("Run `hunt next` to see your one next step.")


def cmd_backup(ws: Workspace, args: argparse.Namespace) -> None:
    """Write the whole database to a folder of Parquet files with a manifest."""
    from hunt_core import backup  # pyarrow loads only for backups

    manifest = backup.backup(database(args), args.directory, args.actor, ws.clock())
    if args.json:
        print_json(manifest)
        return
    rows = sum(t["rows"] for t in manifest["tables"])
    print(f"Backed up {len(manifest['tables'])} tables ({rows} rows) to {args.directory}.")


def cmd_restore(ws: Workspace, args: argparse.Namespace) -> None:
    """Load a backup folder into this empty database."""
    from hunt_core import backup

    counts = backup.restore(database(args), args.directory, args.actor)
    if args.json:
        print_json({"directory": args.directory, "restored": counts})
        return
    print(f"Restored {sum(counts.values())} rows in {len(counts)} tables from {args.directory}.")
