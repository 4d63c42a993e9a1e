"""Small wording helpers so counts read right everywhere ("1 person", "2 people")."""

from __future__ import annotations


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 person', '2 people'; many defaults to one + 's'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
