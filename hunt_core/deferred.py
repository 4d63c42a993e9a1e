"""A read-only mapping made on its first use, so a ranking that never reads it never pays."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")


# When each recent Deferred was made: the host's time, not the time of the plugin whose read
# made it happen (see made_since). One per ranking at most, so a few suffice.
_MAKING: deque[tuple[float, float]] = deque(maxlen=16)


def made_since(started: float) -> float:
    """Seconds spent making Deferred mappings since perf_counter() read ``started``.

    A plugin's call is timed against its budget; reading 60,000 people on its first look at
    `contacts_by_company` is the host's work, so the budget check takes it out.
    """
    return sum(end - begin for begin, end in _MAKING if begin >= started)


class Deferred(Mapping[K, V]):
    """A mapping that calls ``make`` once, when something first reads it, and is read-only.

    `rank companies` hands every plugin a Context whose people and their outreach states are
    Deferred: reading 60,000 people costs that ranking more than scoring 10,000 companies, and
    no built-in company criterion needs them (knows_someone reads `friends_by_company`). A
    plugin that does read them gets them all, as of the same moment as the rest of the hunt
    (see snapshot.take).
    """

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[], Mapping[K, V]]) -> None:
        self._make: Callable[[], Mapping[K, V]] | None = make
        self._made: Mapping[K, V] | None = None

    def _mapping(self) -> Mapping[K, V]:
        """The mapping, made on the first call and held read-only."""
        if self._made is None:
            assert self._make is not None
            started = time.perf_counter()
            self._made = MappingProxyType(dict(self._make()))
            self._make = None  # what it closed over (a store, a snapshot) is not kept
            _MAKING.append((started, time.perf_counter()))
        return self._made

    @property
    def made(self) -> bool:
        """True once something has read the mapping."""
        return self._made is not None

    def __getitem__(self, key: K) -> V:
        return self._mapping()[key]

    def get(self, key: K, default: Any = None) -> Any:
        """The value for key, else default (the mapping's own get: no second lookup)."""
        return self._mapping().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._mapping()

    def __iter__(self) -> Iterator[K]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())

    def __repr__(self) -> str:
        return f"Deferred({dict(self._made)!r})" if self._made is not None else "Deferred(...)"
