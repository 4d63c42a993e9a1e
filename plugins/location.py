"""Guide step 1: the company hires remotely or in locations you're interested in."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from hunt_core import Criterion, Signal, geo, hookimpl
from hunt_core.models import Company, Profile

KEY = "location"
_REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)")
_MAP_HINT = "use a city name like 'Fargo, ND'"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the location criterion."""
    return [
        Criterion(
            key=KEY,
            label="Remote or a place you want",
            applies_to="company",
            default_weight=3,
            description="Hiring remotely or in locations you're interested in.",
            guide_step=1,
        )
    ]


@functools.lru_cache(maxsize=4096)  # the same few city strings recur across thousands of companies
def city(place: str) -> str:
    """The city part of a place, folded: 'Denver, CO (HQ)' -> 'denver'."""
    return " ".join(_PARENS.sub(" ", place).split(",")[0].casefold().split())


class Reach(NamedTuple):
    """An office and the place of yours it is in or near; km None when they share a name."""

    office: str
    mine: str
    km: float | None


def _km(km: float) -> str:
    """A distance as a reader says it: 'under 1 km', '13 km', '1,240 km'."""
    return "under 1 km" if km < 1 else f"{km:,.0f} km"


def _yours(place: str, profile: Profile) -> str:
    """'your home in Fargo, ND' or 'Denver, CO on your list'."""
    return f"your home in {place}" if place == profile.home else f"{place} on your list"


def wanted(profile: Profile) -> list[str]:
    """Your home, then the cities on your list, each once."""
    return [p for p in dict.fromkeys([profile.home, *profile.locations]) if p and city(p)]


def nearest(places: Sequence[str], profile: Profile) -> Reach | None:
    """An office in a city of yours by name, else the closest pair on the map at any distance."""
    offices = [p.strip() for p in places if p.strip() and not _REMOTE.search(p)]
    return _reach(tuple(offices), tuple(wanted(profile)))


@functools.lru_cache(maxsize=16384)  # the same offices and places recur across many companies
def _reach(offices: tuple[str, ...], mine: tuple[str, ...]) -> Reach | None:
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
        f"{_km(reach.km)} from {_yours(reach.mine, profile)} "
        f"(within your {profile.commute_radius} km)"
    )


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """1.0 when the company hires remotely (and you'd take remote) or has an office within reach.

    An office counts when it is in, or within your commuting radius of, your home or a city
    on your list; a place the map doesn't know makes the verdict unknown, never a no.
    """
    offices = [place for place in company.locations if not _REMOTE.search(place)]
    remote = company.remote
    if remote == "unknown" and len(offices) < len(company.locations):
        remote = "yes"
    if remote == "yes" and profile.remote != "no":
        want = ", which you want" if profile.remote == "yes" else ""
        field = "company.remote" if company.remote == "yes" else "company.locations"
        return Signal(KEY, 1.0, f"{company.name} hires remotely{want}", evidence=field)
    mine = wanted(profile)
    if not mine:
        return Signal(
            KEY, None, "unknown: add your home city and the cities you'd work in to your profile"
        )
    listed = ", ".join(mine)
    if not offices:
        if remote == "yes":
            return Signal(
                KEY,
                None,
                f"unknown: {company.name} hires remotely but you want on-site; "
                f"check whether it has an office in {listed}",
            )
        return Signal(
            KEY,
            None,
            f"unknown: check whether {company.name} hires remotely, and where it has offices",
        )
    found = _reach(tuple(offices), tuple(mine))
    if found is not None and counts(found, profile):
        return Signal(
            KEY, 1.0, f"office in {found.office}, {where(found, profile)}", "company.locations"
        )
    lost = [p for p in dict.fromkeys([*offices, *mine]) if geo.resolve(p) is None]
    if lost or found is None or found.km is None:  # a place off the map may be next door
        return Signal(
            KEY,
            None,
            f"unknown: can't find {', '.join(lost)} on the map; {_MAP_HINT}",
        )
    radius = profile.commute_radius
    apart = (
        f"its nearest office, {found.office}, is {_km(found.km)} from {_yours(found.mine, profile)}"
    )
    if remote == "unknown" and profile.remote != "no":
        return Signal(
            KEY,
            None,
            f"unknown: {apart}, beyond your {radius} km; "
            f"check whether {company.name} hires remotely",
        )
    why = {
        "yes": "you want on-site rather than remote",
        "hybrid": "it works hybrid",
        "no": "it doesn't hire remotely",
    }.get(remote, "you want on-site")
    return Signal(
        KEY,
        0.0,
        f"{apart}, beyond your {radius} km, and {why}",
        evidence="company.locations",
    )
