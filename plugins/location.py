"""Guide step 1: the company hires remotely or in locations you're interested in."""

from __future__ import annotations

import functools
import re

from hunt_core import Criterion, Signal, hookimpl
from hunt_core.models import Company, Profile
from hunt_core.wording import possessive

KEY = "location"
_REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)")


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


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """1.0 when the company hires remotely (and you'd take remote) or has an office you want."""
    offices = [place for place in company.locations if not _REMOTE.search(place)]
    remote = company.remote
    if remote == "unknown" and len(offices) < len(company.locations):
        remote = "yes"
    if remote == "yes" and profile.remote != "no":
        want = ", which you want" if profile.remote == "yes" else ""
        field = "company.remote" if company.remote == "yes" else "company.locations"
        return Signal(KEY, 1.0, f"{company.name} hires remotely{want}", evidence=field)
    wanted = {city(p): p for p in [*profile.locations, profile.home] if p and city(p)}
    for office in offices:
        if city(office) in wanted:
            mine = wanted[city(office)]
            where = "where you live" if mine == profile.home else "which is on your list"
            return Signal(KEY, 1.0, f"office in {office}, {where}", evidence="company.locations")
    if not wanted:
        return Signal(
            KEY, None, "unknown: add your home city and the cities you'd work in to your profile"
        )
    listed = ", ".join(wanted.values())
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
    places = ", ".join(offices[:4])
    if remote == "unknown" and profile.remote != "no":
        return Signal(
            KEY,
            None,
            f"unknown: offices in {places} aren't on your list; "
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
        f"{possessive(company.name)} offices ({places}) aren't in {listed}, and {why}",
        evidence="company.locations",
    )
