"""The location criterion: remote, a wanted city or one within commuting distance, a no, unknown."""

from __future__ import annotations

import dataclasses

import pytest

from hunt_core.builtin_plugins import location
from hunt_core.models import Company, Profile, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view


def test_remote_company_and_remote_friendly_profile(profile: Profile) -> None:
    signal = location.hunt_score_company(view(Company("Acme", remote="yes")), view(profile))
    assert (signal.points, signal.reason) == (1.0, "Acme hires remotely, which you want")
    unsure = dataclasses.replace(profile, remote="unknown")
    assert (
        location.hunt_score_company(view(Company("Acme", remote="yes")), view(unsure)).points == 1.0
    )


def test_remote_listed_as_a_location_counts(profile: Profile) -> None:
    signal = location.hunt_score_company(
        view(Company("Acme", locations=["Remote (US)"])), view(profile)
    )
    assert signal.points == 1.0 and signal.evidence == "company.locations"


def test_city_matches_ignoring_state_and_case(profile: Profile) -> None:
    mine = dataclasses.replace(profile, locations=["denver"], home="", remote="no")
    signal = location.hunt_score_company(
        view(Company("Acme", remote="no", locations=["Austin, TX", "Denver, CO (HQ)"])), view(mine)
    )
    assert signal.points == 1.0
    assert signal.reason == "office in Denver, CO (HQ), which is on your list"


def test_home_city_counts(profile: Profile) -> None:
    mine = dataclasses.replace(profile, locations=[], home="Fargo, ND", remote="no")
    signal = location.hunt_score_company(
        view(Company("A", remote="hybrid", locations=["Fargo"])), view(mine)
    )
    assert signal.points == 1.0 and "where you live" in signal.reason


def test_on_site_elsewhere_is_a_no(profile: Profile) -> None:
    for remote in ("no", "hybrid"):
        signal = location.hunt_score_company(
            view(Company("Acme", remote=remote, locations=["Austin, TX"])), view(profile)
        )
        assert signal.points == 0.0
        assert "Austin, TX" in signal.reason and "Denver, CO" in signal.reason


def test_remote_company_but_you_want_on_site(profile: Profile) -> None:
    onsite = dataclasses.replace(profile, remote="no")
    far = location.hunt_score_company(
        view(Company("A", remote="yes", locations=["Austin"])), view(onsite)
    )
    assert far.points == 0.0 and "on-site" in far.reason
    nowhere = location.hunt_score_company(view(Company("A", remote="yes")), view(onsite))
    assert nowhere.points is None


def test_unknown_remote_and_no_locations_is_unknown(profile: Profile) -> None:
    signal = location.hunt_score_company(view(Company("Acme")), view(profile))
    assert signal.points is None
    assert signal.reason.startswith("unknown: check whether Acme hires remotely")


def test_unknown_remote_with_other_offices_stays_unknown_when_you_would_go_remote(
    profile: Profile,
) -> None:
    signal = location.hunt_score_company(
        view(Company("Acme", locations=["Austin, TX"])), view(profile)
    )
    assert signal.points is None and "Austin, TX" in signal.reason
    onsite = dataclasses.replace(profile, remote="no")
    assert (
        location.hunt_score_company(view(Company("A", locations=["Austin"])), view(onsite)).points
        == 0.0
    )


def test_empty_profile_is_unknown() -> None:
    signal = location.hunt_score_company(
        view(Company("A", remote="no", locations=["Austin"])), view(Profile())
    )
    assert signal.points is None and "profile" in signal.reason


def _on_site(home: str = "", wanted: tuple[str, ...] = (), km: int | None = None) -> Profile:
    """A grad who wants to work on-site, at home or in the wanted cities."""
    return Profile(home=home, locations=list(wanted), remote="no", commute_km=km)


@pytest.mark.parametrize(
    ("office", "wanted", "low", "high"),
    [
        ("Aurora, CO", "Denver, CO", 10, 16),
        ("Bloomington, MN", "Minneapolis", 12, 19),
        ("Jersey City", "New York", 3, 10),
        ("Lakewood, CO", "Denver", 6, 12),
    ],
)
def test_an_office_in_a_suburb_of_a_wanted_city_counts(
    office: str, wanted: str, low: int, high: int
) -> None:
    """A suburb a few km from a city you named is a place you'd work; the reason says how far."""
    signal = location.hunt_score_company(
        view(Company("Acme", remote="no", locations=[office])), view(_on_site(wanted=(wanted,)))
    )
    assert signal.points == 1.0, signal.reason
    km = int(signal.reason.split(" km from ")[0].rsplit(" ", 1)[1])
    assert low <= km <= high
    assert office in signal.reason and wanted in signal.reason and "40 km" in signal.reason


def test_an_office_near_home_counts_and_says_home(profile: Profile) -> None:
    mine = dataclasses.replace(profile, home="Minneapolis, MN", locations=[], remote="no")
    signal = location.hunt_score_company(
        view(Company("Acme", remote="hybrid", locations=["St. Paul, MN"])), view(mine)
    )
    assert signal.points == 1.0 and "your home in Minneapolis, MN" in signal.reason


def test_a_city_300_km_away_is_a_no_with_the_distance() -> None:
    signal = location.hunt_score_company(
        view(Company("Acme", remote="no", locations=["Grand Junction, CO"])),
        view(_on_site(home="Denver, CO")),
    )
    assert signal.points == 0.0
    assert "Grand Junction, CO" in signal.reason and "Denver, CO" in signal.reason
    assert "315 km" in signal.reason and "beyond your 40 km" in signal.reason


def test_the_radius_you_set_is_the_one_used() -> None:
    """Aurora is about 13 km from downtown Denver: in at 40 km (default) and 15 km, out at 10 km."""
    aurora = Company("Acme", remote="no", locations=["Aurora, CO"])
    assert location.hunt_score_company(view(aurora), view(_on_site("Denver, CO"))).points == 1.0
    assert (
        location.hunt_score_company(view(aurora), view(_on_site("Denver, CO", km=15))).points == 1.0
    )
    tight = location.hunt_score_company(view(aurora), view(_on_site("Denver, CO", km=10)))
    assert tight.points == 0.0 and "13 km" in tight.reason and "beyond your 10 km" in tight.reason
    # Boulder is about 39 km out: a wider radius brings it in.
    boulder = Company("B", remote="no", locations=["Boulder, CO"])
    assert (
        location.hunt_score_company(view(boulder), view(_on_site("Denver, CO", km=30))).points
        == 0.0
    )
    assert (
        location.hunt_score_company(view(boulder), view(_on_site("Denver, CO", km=50))).points
        == 1.0
    )


def test_a_place_off_the_map_is_unknown_with_a_hint_never_a_no() -> None:
    for offices, home in ((["Gotham City"], "Denver, CO"), (["Austin, TX"], "Hill Valley, CA")):
        signal = location.hunt_score_company(
            view(Company("Acme", remote="no", locations=offices)), view(_on_site(home))
        )
        assert signal.points is None, signal.reason
        assert "can't find" in signal.reason and "Fargo, ND" in signal.reason
    lost = location.hunt_score_company(
        view(Company("Acme", remote="no", locations=["Gotham City"])), view(_on_site("Denver, CO"))
    )
    assert "Gotham City" in lost.reason


def test_a_near_office_counts_even_beside_one_off_the_map() -> None:
    signal = location.hunt_score_company(
        view(Company("Acme", remote="no", locations=["Gotham City", "Aurora, CO"])),
        view(_on_site("Denver, CO")),
    )
    assert signal.points == 1.0 and "Aurora, CO" in signal.reason


def test_far_offices_and_unknown_remote_stay_unknown_with_the_distance(profile: Profile) -> None:
    signal = location.hunt_score_company(
        view(Company("Acme", locations=["Austin, TX"])), view(profile)
    )
    assert signal.points is None
    assert "km from" in signal.reason and "check whether Acme hires remotely" in signal.reason


def test_remote_still_counts_wherever_the_offices_are(profile: Profile) -> None:
    signal = location.hunt_score_company(
        view(Company("Acme", remote="yes", locations=["Grand Junction, CO"])), view(profile)
    )
    assert signal.points == 1.0 and "remotely" in signal.reason


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("location")
    assert plugins.criteria["location"].default_weight == 3
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", remote="no", locations=["Boulder, CO"])),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("location", 1.0)]
