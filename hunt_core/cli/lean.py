"""Keep DuckDB from importing pandas behind hunt_core's back, so a command starts at once.

DuckDB's Python binding imports pandas (about half a second) whenever it binds a query
parameter, just to check whether the value is a pandas one, and tries again on every query
while pandas is missing. hunt_core never hands DuckDB pandas values, so while a command runs a
meta-path finder refuses `pandas` to exactly those imports: the ones DuckDB makes from C while
hunt_core's own code called it. An `import pandas` statement anywhere (a plugin's, or
hunt_core's), `importlib.import_module`, or DuckDB called from a plugin's code (`.df()`) is
left alone, and once pandas is imported the finder is never asked again.
"""

from __future__ import annotations

import importlib.abc
import opcode
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import hunt_core

BLOCKED = "pandas"
_HUNT_CORE = str(Path(hunt_core.__file__).resolve().parent)
_IMPORT_NAME = opcode.opmap["IMPORT_NAME"]


class _NoPandasForDuckDB(importlib.abc.MetaPathFinder):
    """Refuses pandas to DuckDB's own imports made on behalf of hunt_core code."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> Any:
        """None (let the other finders look) unless this is DuckDB's import for hunt_core."""
        if name == BLOCKED and _from_hunt_core_c_call(sys._getframe(1)):
            raise ModuleNotFoundError(f"No module named {name!r} (not for DuckDB)", name=name)
        return None


def _from_hunt_core_c_call(frame: FrameType | None) -> bool:
    """True when the import was made from C (no import statement) under a hunt_core frame."""
    while frame is not None and frame.f_code.co_filename.startswith("<frozen importlib"):
        frame = frame.f_back
    if frame is None or not frame.f_code.co_filename.startswith(_HUNT_CORE):
        return False
    return frame.f_code.co_code[frame.f_lasti] != _IMPORT_NAME


@contextmanager
def duckdb_without_pandas() -> Iterator[None]:
    """Install the finder for the duration of one command."""
    finder = _NoPandasForDuckDB()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
