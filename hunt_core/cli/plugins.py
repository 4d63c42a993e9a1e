"""`hunt plugins [--json]` and `hunt plugins new NAME`: what is loaded, and a template to start."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from hunt_core.cli.common import Sub, json_flag, print_json, print_table
from hunt_core.cli.shapes import plugin_json
from hunt_core.workspace import Workspace


def setup(commands: Any, sub: Sub) -> None:
    """Add `plugins` and `plugins new`."""
    plugins = json_flag(sub(commands, "plugins", "loaded plugins and their errors", cmd_plugins))
    new = sub(
        plugins.add_subparsers(metavar="new", required=False),
        "new",
        "write a ready-to-install plugin package with one criterion and a passing test",
        cmd_plugins_new,
    )
    new.add_argument("name", metavar="NAME", help="e.g. remote-first: writes ./hunt-remote-first")
    new.add_argument("--dir", default=".", metavar="DIR", help="where to write it (default: .)")
    new.set_defaults(standalone=True)


def cmd_plugins(ws: Workspace, args: argparse.Namespace) -> None:
    """Every plugin: source, version, path, hooks, criteria, and how it fared on your hunt.

    The ranking runs first, so a plugin that fails on every call shows its problems here; a
    plugin that uses a deprecated API still works, and says what to change.
    """
    ws.rank_contacts()
    problems = list(ws.plugins.problems.values())
    if args.json:
        print_json([plugin_json(info, problems) for info in ws.plugins.infos.values()])
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
    print_table(["plugin", "source", "version", "criteria", "status"], rows)
    for lines in (list(ws.plugins.errors()), list(ws.plugins.deprecations())):
        if lines:
            print()
            print("\n".join(lines))


def cmd_plugins_new(args: argparse.Namespace) -> None:
    """Write a new plugin package and say what to do next."""
    from hunt_core import scaffold

    files = scaffold.new_plugin(args.name, Path(args.dir))
    root = files[0].parent
    print(f"Wrote {root}:")
    for path in files:
        print(f"  {path.relative_to(root)}")
    print(f"\nNext: cd {root} && pip install -e . && pytest   (then `hunt plugins` lists it)")
