"""Guide step 1: the company hires remotely or in locations you're interested in."""

from __future__ import annotations

from hunt_core import geo
from hunt_core.api import Company, Criterion, Profile, Signal, hookimpl

from ._places import counts, km_text, offices, reach, says_remote, wanted, where, yours

KEY = "location"
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


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """1.0 when the company hires remotely (and you'd take remote) or has an office within reach.

    An office counts when it is in, or within your commuting radius of, your home or a city
    on your list; a place the map doesn't know makes the verdict unknown, never a no.
    """
    sites = offices(company.locations)
    remote = company.remote
    if remote == "unknown" and says_remote(company.locations):
        remote = "yes"
    if remote == "yes" and profile.remote != "no":
        want = ", which you want" if profile.remote == "yes" else ""
        field = "company.remote" if company.remote == "yes" else "company.locations"
        return Signal(
            criterion=KEY, points=1.0, reason=f"{company.name} hires remotely{want}", evidence=field
        )
    mine = wanted(profile)
    if not mine:
        return Signal(
            criterion=KEY,
            points=None,
            reason="unknown: add your home city and the cities you'd work in to your profile",
        )
    listed = ", ".join(mine)
    if not sites:
        if remote == "yes":
            return Signal(
                criterion=KEY,
                points=None,
                reason=f"unknown: {company.name} hires remotely but you want on-site; "
                f"check whether it has an office in {listed}",
            )
        return Signal(
            criterion=KEY,
            points=None,
            reason=(
                f"unknown: check whether {company.name} hires remotely, and where it has offices"
            ),
        )
    found = reach(sites, mine)
    if found is not None and counts(found, profile):
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"office in {found.office}, {where(found, profile)}",
            evidence="company.locations",
        )
    lost = [p for p in dict.fromkeys([*sites, *mine]) if geo.resolve(p) is None]
    if lost or found is None or found.km is None:  # a place off the map may be next door
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: can't find {', '.join(lost)} on the map; {_MAP_HINT}",
        )
    radius = profile.commute_radius
    apart = (
        f"its nearest office, {found.office}, is {km_text(found.km)} "
        f"from {yours(found.mine, profile)}"
    )
    if remote == "unknown" and profile.remote != "no":
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: {apart}, beyond your {radius} km; "
            f"check whether {company.name} hires remotely",
        )
    why = {
        "yes": "you want on-site rather than remote",
        "hybrid": "it works hybrid",
        "no": "it doesn't hire remotely",
    }.get(remote, "you want on-site")
    return Signal(
        criterion=KEY,
        points=0.0,
        reason=f"{apart}, beyond your {radius} km, and {why}",
        evidence="company.locations",
    )
