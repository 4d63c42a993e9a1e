"""Derived data kept in the cache folder: built once, read back the same, rebuilt when damaged.

Every cache hunt_core keeps through hunt_core/cache.py is listed in DERIVED and held to the
same promises; a new one is added there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from hunt_core import geo, industries


class Derived(NamedTuple):
    """One cached derivation: where its file is, the process caches over it, what it answers."""

    cache_file: Callable[[], Path]
    memo: tuple[Any, ...]  # the functools caches that hold this process's copy
    answers: Callable[[], object]  # what must be the same built, read back or rebuilt


PLACES = ["Fargo ND", "London, Ontario, Canada", "NYC", "Nowhereville", "Zürich"]
TERMS = ["payments", "fintec", "Offices of Dentists", "music education", "gaming"]
DERIVED = {
    "geo index": Derived(
        geo.cache_file,
        (geo._index, geo._hints, geo.resolve),
        lambda: [geo.resolve(p) for p in PLACES],
    ),
    "interest term map": Derived(
        industries.cache_file,
        (industries._lookup, industries.fields_of),
        lambda: [industries.fields_of(t) for t in TERMS],
    ),
}


@pytest.fixture(params=list(DERIVED))
def derived(request: pytest.FixtureRequest) -> Iterator[Derived]:
    """Each cached derivation, with this process's copy forgotten after the test."""
    found = DERIVED[request.param]
    yield found
    _forget(found)


def _fresh(derived: Derived, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Forget what this process built, and keep the next file in folder."""
    monkeypatch.setenv("HUNT_CACHE_DIR", str(folder))
    _forget(derived)


def _forget(derived: Derived) -> None:
    for memo in derived.memo:
        memo.cache_clear()


def test_built_once_into_the_cache_and_read_back(
    derived: Derived, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(derived, monkeypatch, tmp_path)
    built = derived.answers()
    cache = derived.cache_file()
    assert cache.parent == tmp_path and cache.exists()
    assert [f.name for f in tmp_path.iterdir()] == [cache.name]  # no half-written file
    _fresh(derived, monkeypatch, tmp_path)
    assert derived.answers() == built
    cache.write_bytes(b"not what was built")  # damaged: built again, the same answers
    _fresh(derived, monkeypatch, tmp_path)
    assert derived.answers() == built


def test_without_a_writable_cache_it_lives_in_memory(
    derived: Derived, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the cache folder should be")
    _fresh(derived, monkeypatch, blocked)
    in_memory = derived.answers()
    assert not derived.cache_file().exists()
    _fresh(derived, monkeypatch, tmp_path / "writable")
    assert derived.answers() == in_memory, "the same answers as from a cache file"
