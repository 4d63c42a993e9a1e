"""The location criterion: remote, a wanted city, a no, and unknown."""

from __future__ import annotations

import dataclasses

from hunt_core.builtin_plugins import location
from hunt_core.models import Company, Profile, Signal
from hunt_core.plugins import as_list


def test_remote_company_and_remote_friendly_profile(profile: Profile) -> None:
    signal = location.hunt_score_company(Company("Acme", remote="yes"), profile)
    assert (signal.points, signal.reason) == (1.0, "Acme hires remotely, which you want")
    unsure = dataclasses.replace(profile, remote="unknown")
    assert location.hunt_score_company(Company("Acme", remote="yes"), unsure).points == 1.0


def test_remote_listed_as_a_location_counts(profile: Profile) -> None:
    signal = location.hunt_score_company(Company("Acme", locations=["Remote (US)"]), profile)
    assert signal.points == 1.0 and signal.evidence == "company.locations"


def test_city_matches_ignoring_state_and_case(profile: Profile) -> None:
    mine = dataclasses.replace(profile, locations=["denver"], home="", remote="no")
    signal = location.hunt_score_company(
        Company("Acme", remote="no", locations=["Austin, TX", "Denver, CO (HQ)"]), mine
    )
    assert signal.points == 1.0
    assert signal.reason == "office in Denver, CO (HQ), which is on your list"


def test_home_city_counts(profile: Profile) -> None:
    mine = dataclasses.replace(profile, locations=[], home="Fargo, ND", remote="no")
    signal = location.hunt_score_company(Company("A", remote="hybrid", locations=["Fargo"]), mine)
    assert signal.points == 1.0 and "where you live" in signal.reason


def test_on_site_elsewhere_is_a_no(profile: Profile) -> None:
    for remote in ("no", "hybrid"):
        signal = location.hunt_score_company(
            Company("Acme", remote=remote, locations=["Austin, TX"]), profile
        )
        assert signal.points == 0.0
        assert "Austin, TX" in signal.reason and "Denver, CO" in signal.reason


def test_remote_company_but_you_want_on_site(profile: Profile) -> None:
    onsite = dataclasses.replace(profile, remote="no")
    far = location.hunt_score_company(Company("A", remote="yes", locations=["Austin"]), onsite)
    assert far.points == 0.0 and "on-site" in far.reason
    nowhere = location.hunt_score_company(Company("A", remote="yes"), onsite)
    assert nowhere.points is None


def test_unknown_remote_and_no_locations_is_unknown(profile: Profile) -> None:
    signal = location.hunt_score_company(Company("Acme"), profile)
    assert signal.points is None
    assert signal.reason.startswith("unknown: check whether Acme hires remotely")


def test_unknown_remote_with_other_offices_stays_unknown_when_you_would_go_remote(
    profile: Profile,
) -> None:
    signal = location.hunt_score_company(Company("Acme", locations=["Austin, TX"]), profile)
    assert signal.points is None and "Austin, TX" in signal.reason
    onsite = dataclasses.replace(profile, remote="no")
    assert location.hunt_score_company(Company("A", locations=["Austin"]), onsite).points == 0.0


def test_empty_profile_is_unknown() -> None:
    signal = location.hunt_score_company(Company("A", remote="no", locations=["Austin"]), Profile())
    assert signal.points is None and "profile" in signal.reason


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("location")
    assert plugins.criteria["location"].default_weight == 3
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=Company("Acme", remote="no", locations=["Boulder, CO"]),
        profile=profile,
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("location", 1.0)]
