"""Guide step 1, an "In": you are hyper local, the company's office is close to where you live."""

from __future__ import annotations

import functools

from hunt_core import geo
from hunt_core.api import Company, Criterion, Profile, Signal, hookimpl, possessive

from ._places import offices

KEY = "hyper_local"
NEAR_KM, FAR_KM = 15.0, 150.0


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the hyper-local criterion."""
    return [
        Criterion(
            key=KEY,
            label="Office close to home",
            applies_to="company",
            default_weight=1,
            description='An "In": you are hyper local; their office is close to where you live.',
            guide_step=1,
            is_in=True,
        )
    ]


def points_for(km: float) -> float:
    """1.0 within 15 km, falling linearly to 0.0 at 150 km."""
    if km <= NEAR_KM:
        return 1.0
    return max(0.0, (FAR_KM - km) / (FAR_KM - NEAR_KM))


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """Points for the distance from your home to the company's nearest office."""
    if not profile.home.strip():
        return Signal(
            criterion=KEY, points=None, reason="unknown: add your home city to your profile"
        )
    home = geo.resolve(profile.home)
    if home is None:
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: can't find your home '{profile.home}' on the map; "
            "use a city name like 'Fargo, ND'",
        )
    sites = offices(company.locations)
    if not sites:
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: add {possessive(company.name)} office city",
        )
    placed = _closest(home, sites)
    if placed is None:
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: can't find {possessive(company.name)} office ({', '.join(sites)}) "
            "on the map; "
            "use a city name like 'Fargo, ND'",
        )
    km, office = placed
    points = points_for(km)
    far = "under 1 km" if km < 1 else f"{km:,.0f} km"
    pitch = ""
    if km <= NEAR_KM:
        # Not "a few minutes": the distance is between town centres, and 15 km can be 20.
        pitch = f"I live in {profile.home}, close to your office"
    elif points > 0:
        pitch = f"I live in {profile.home}, about {far} from your {office} office"
    return Signal(
        criterion=KEY,
        points=points,
        reason=(
            f"{possessive(company.name)} office in {office} is {far} "
            f"from your home in {profile.home}"
        ),
        evidence="company.locations",
        pitch=pitch,
    )


@functools.lru_cache(maxsize=16384)  # the same offices recur across many companies
def _closest(home: tuple[float, float], sites: tuple[str, ...]) -> tuple[float, str] | None:
    """(km, office) of the office nearest home, or None when none of them is on the map."""
    return min(
        ((geo.distance_km(home, p), o) for o in sites if (p := geo.resolve(o))), default=None
    )
