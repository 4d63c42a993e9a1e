"""The `hunt` command: a thin argparse layer over Workspace, one module per command group.

`app` opens the database and runs a command, `parser` builds the command line from each group's
`setup`, `shapes` holds the stable JSON shapes scripts rely on, `common` the small helpers.
"""

from hunt_core.cli.app import console, main

__all__ = ["console", "main"]
