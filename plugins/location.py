"""Guide step 1: the company hires remotely or in locations you're interested in."""

from __future__ import annotations

import functools
import re

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


def _km(km: float) -> str:
    """A distance as a reader says it: 'under 1 km', '13 km', '1,240 km'."""
    return "under 1 km" if km < 1 else f"{km:,.0f} km"


def _yours(place: str, profile: Profile) -> str:
    """'your home in Fargo, ND' or 'Denver, CO on your list'."""
    return f"your home in {place}" if place == profile.home else f"{place} on your list"


def _nearest(
    offices: list[str], wanted: list[str]
) -> tuple[tuple[float, str, str] | None, list[str]]:
    """(km, office, wanted place) of the closest pair on the map, and the places not on it."""
    points = {p: geo.resolve(p) for p in {*offices, *wanted}}
    lost = [p for p in dict.fromkeys([*offices, *wanted]) if points[p] is None]
    pairs = [
        (geo.distance_km(here, there), office, mine)
        for office in offices
        if (here := points[office]) is not None
        for mine in wanted
        if (there := points[mine]) is not None
    ]
    return min(pairs, default=None), lost


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
    mine = [p for p in dict.fromkeys([profile.home, *profile.locations]) if p and city(p)]
    by_city = {city(p): p for p in reversed(mine)}  # home wins a tie: it is listed first
    for office in offices:
        if city(office) in by_city:
            place = by_city[city(office)]
            where = "where you live" if place == profile.home else "which is on your list"
            return Signal(KEY, 1.0, f"office in {office}, {where}", evidence="company.locations")
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
    radius = profile.commute_radius
    nearest, lost = _nearest(offices, mine)
    if nearest is not None and nearest[0] <= radius:
        km, office, place = nearest
        return Signal(
            KEY,
            1.0,
            f"office in {office}, {_km(km)} from {_yours(place, profile)} "
            f"(within your {radius} km)",
            evidence="company.locations",
        )
    if lost or nearest is None:  # a place off the map may be the one next door
        return Signal(
            KEY,
            None,
            f"unknown: can't find {', '.join(lost)} on the map; {_MAP_HINT}",
        )
    km, office, place = nearest
    apart = f"the nearest office, {office}, is {_km(km)} from {_yours(place, profile)}"
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
        f"{company.name}: {apart}, beyond your {radius} km, and {why}",
        evidence="company.locations",
    )
