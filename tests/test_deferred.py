"""The mapping made on first use."""

from __future__ import annotations

import time

import pytest

from hunt_core.deferred import Deferred, made_since


def test_it_is_made_once_on_first_read_and_reads_like_the_mapping() -> None:
    made: list[int] = []

    def make() -> dict[int, str]:
        made.append(1)
        return {1: "one", 2: "two"}

    lazy = Deferred(make)
    assert (made, lazy.made, repr(lazy)) == ([], False, "Deferred(...)")
    assert lazy.get(1) == "one" and lazy.get(3) is None and lazy.get(3, "none") == "none"
    assert (lazy[2], 2 in lazy, 3 in lazy, len(lazy), list(lazy)) == ("two", True, False, 2, [1, 2])
    assert dict(lazy) == {1: "one", 2: "two"} and lazy == {1: "one", 2: "two"}
    assert (made, lazy.made, repr(lazy)) == ([1], True, "Deferred({1: 'one', 2: 'two'})")
    with pytest.raises(KeyError):
        lazy[3]


def test_no_one_can_write_to_it_nor_to_what_it_made() -> None:
    source = {1: "one"}
    lazy: Deferred[int, str] = Deferred(lambda: source)
    with pytest.raises(TypeError):
        lazy[1] = "uno"  # type: ignore[index]
    source[1] = "changed"
    assert lazy[1] == "changed", "made on first read, not before"
    source[1] = "after"
    assert lazy[1] == "changed", "a copy, held: the maker's mapping cannot change it later"
    with pytest.raises(AttributeError):
        lazy.extra = 1  # type: ignore[attr-defined]


def test_the_time_spent_making_is_known_to_whoever_timed_the_first_read() -> None:
    def slow() -> dict[int, int]:
        time.sleep(0.05)
        return {1: 1}

    before = time.perf_counter()
    lazy = Deferred(slow)
    assert made_since(before) == 0.0
    assert lazy[1] == 1
    assert made_since(before) >= 0.05
    assert made_since(time.perf_counter()) == 0.0, "made before: not counted"
