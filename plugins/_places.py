"""Place matching the built-in location plugins share (private: not for third-party plugins).

location and job_postings both ask whether an office is in or near a place of yours, and they
and hyper_local all read a company's offices from its places; the answers live here, not in
one of them, so none imports another's internals.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from hunt_core import geo
from hunt_core.api import Profile

REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)")


@functools.lru_cache(maxsize=4096)  # the same few city strings recur across thousands of companies
def city(place: str) -> str:
    """The city part of a place, folded: 'Denver, CO (HQ)' -> 'denver'."""
    return " ".join(_PARENS.sub(" ", place).split(",")[0].casefold().split())


class Reach(NamedTuple):
    """An office and the place of yours it is in or near; km None when they share a name."""

    office: str
    mine: str
    km: float | None


def km_text(km: float) -> str:
    """A distance as a reader says it: 'under 1 km', '13 km', '1,240 km'."""
    return "under 1 km" if km < 1 else f"{km:,.0f} km"


def yours(place: str, profile: Profile) -> str:
    """'your home in Fargo, ND' or 'Denver, CO on your list'."""
    return f"your home in {place}" if place == profile.home else f"{place} on your list"


def wanted(profile: Profile) -> tuple[str, ...]:
    """Your home, then the cities on your list, each once."""
    return _wanted(profile.home, profile.locations)


@functools.lru_cache(maxsize=64)  # asked for every company, of the same few profiles
def _wanted(home: str, locations: tuple[str, ...]) -> tuple[str, ...]:
    """wanted() for a home and a list of cities."""
    return tuple(p for p in dict.fromkeys([home, *locations]) if p and city(p))


@functools.lru_cache(maxsize=16384)  # three plugins ask, for every company
def offices(places: tuple[str, ...]) -> tuple[str, ...]:
    """The offices among a company's places: each trimmed, without blanks and 'remote'."""
    return tuple(p.strip() for p in places if p.strip() and not REMOTE.search(p))


@functools.lru_cache(maxsize=16384)
def says_remote(places: tuple[str, ...]) -> bool:
    """True when one of a company's places is 'remote' (or 'Remote, US')."""
    return any(REMOTE.search(p) for p in places)


def nearest(places: Sequence[str], profile: Profile) -> Reach | None:
    """An office in a city of yours by name, else the closest pair on the map at any distance."""
    return reach(offices(tuple(places)), wanted(profile))


@functools.lru_cache(maxsize=16384)  # the same offices and places recur across many companies
def reach(offices: tuple[str, ...], mine: tuple[str, ...]) -> Reach | None:
    """nearest() for offices already without 'remote' and your places already listed."""
    by_city = {city(p): p for p in reversed(mine)}  # home wins a tie: it is listed first
    for office in offices:
        if city(office) in by_city:
            return Reach(office, by_city[city(office)], None)
    # Geocode only now: a name match or a remote answer never builds the map's index.
    pairs = [(*near, office) for office in offices if (near := _closest(office, mine))]
    if not pairs:
        return None
    km, place, office = min(pairs)
    return Reach(office, place, km)


def _closest(office: str, mine: tuple[str, ...]) -> tuple[float, str] | None:
    """(km, place) of the place of yours nearest an office, or None if either is off the map."""
    here = geo.resolve(office)
    if here is None:
        return None
    placed = [(geo.distance_km(here, there), p) for p in mine if (there := geo.resolve(p))]
    return min(placed, default=None)


def counts(reach: Reach, profile: Profile) -> bool:
    """Whether the office is in or within your commuting radius of a place of yours."""
    return reach.km is None or reach.km <= profile.commute_radius


def where(reach: Reach, profile: Profile) -> str:
    """'where you live', 'which is on your list' or '13 km from ... (within your 40 km)'."""
    if reach.km is None:
        return "where you live" if reach.mine == profile.home else "which is on your list"
    return (
        f"{km_text(reach.km)} from {yours(reach.mine, profile)} "
        f"(within your {profile.commute_radius} km)"
    )
