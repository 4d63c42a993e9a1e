"""What every command group shares: argparse helpers, the open database, printing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

if TYPE_CHECKING:
    from hunt_core.store import Database
    from hunt_core.workspace import Workspace

Handler = Callable[["Workspace", argparse.Namespace], None]
Sub = Callable[..., argparse.ArgumentParser]  # sub(group, name, help, handler) -> its parser
Flags = tuple[tuple[str, str, str], ...]  # (field, metavar, help)
T = TypeVar("T")


def positive(text: str) -> int:
    """A whole number of at least 1, for argparse."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def json_flag(parser: argparse.ArgumentParser, *, scores: bool = False) -> argparse.ArgumentParser:
    """Add --json, and mark a command that scores (its plugin problems become warnings)."""
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(scores=scores)
    return parser


def flags(parser: argparse.ArgumentParser, fields: Flags) -> None:
    """Add one optional text flag per field: --open-roles fills open_roles."""
    for field, metavar, text in fields:
        parser.add_argument(f"--{field.replace('_', '-')}", dest=field, metavar=metavar, help=text)


def given(args: argparse.Namespace, fields: Flags) -> dict[str, str]:
    """The flags actually given on the command line, by field name."""
    return {
        field: getattr(args, field) for field, _, _ in fields if getattr(args, field) is not None
    }


def db_path(args: argparse.Namespace) -> str:
    """The database in use (a file, or a PostgreSQL URL: show it through `backends.redact`)."""
    from hunt_core.store import default_path

    return str(args.db or default_path())


def database(args: argparse.Namespace) -> Database:
    """The database the command runs on, opened by `app.run` (cohort and admin commands)."""
    db: Database = args.database
    return db


_JSON = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS
CHUNK = 500  # items shaped and encoded at a time by print_json_list


def print_json(value: Any) -> None:
    """JSON for scripts, indented, non-ASCII names kept readable.

    orjson, because the standard encoder spends about a second indenting a 10,000-company
    ranking; int keys become strings, as in the standard library. The UTF-8 bytes go straight
    to stdout's buffer, when it has one, rather than being decoded only to be encoded again.
    """
    _write([orjson.dumps(value, option=_JSON), b"\n"])


def print_json_list(items: Sequence[T], shape: Callable[[T], Any]) -> None:
    """`print_json([shape(i) for i in items])`, byte for byte, shaped and written in chunks.

    A 10,000-company ranking is 40 MB of dicts and JSON at once; a chunk at a time reuses the
    same few MB, which spares the fresh pages of memory the whole would cost.
    """
    if not items:
        _write([b"[]\n"])
        return
    for start in range(0, len(items), CHUNK):
        encoded = orjson.dumps([shape(i) for i in items[start : start + CHUNK]], option=_JSON)
        # An indented list is b"[\n" items b"\n]": the items go out, the brackets once.
        _write([b",\n" if start else b"[\n", memoryview(encoded)[2:-2]])
    _write([b"\n]\n"])


def _write(parts: list[bytes | memoryview]) -> None:
    """UTF-8 bytes to stdout's buffer, or decoded to a text-only stream (a caller's StringIO)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(b"".join(parts).decode())
        return
    sys.stdout.flush()  # whatever was printed before comes first
    for part in parts:  # not joined: that would copy 20 MB for a 10,000-company ranking
        buffer.write(part)


def print_table(header: list[str], rows: list[list[str]]) -> None:
    """Left-aligned columns; the last one runs free."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
