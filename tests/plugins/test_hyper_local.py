"""The hyper-local criterion: distance from home to the nearest office."""

from __future__ import annotations

import dataclasses

import pytest

from hunt_core.builtin_plugins import hyper_local
from hunt_core.models import Company, Profile, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view


@pytest.mark.parametrize(
    ("km", "points"),
    [(0, 1.0), (15, 1.0), (15.0001, 1.0), (82.5, 0.5), (150, 0.0), (151, 0.0), (5000, 0.0)],
)
def test_points_fall_linearly_from_15_to_150_km(km: float, points: float) -> None:
    assert hyper_local.points_for(km) == pytest.approx(points, abs=1e-4)


def test_same_town_is_a_full_in_with_a_pitch() -> None:
    fargo = Profile(home="West Fargo, ND")
    signal = hyper_local.hunt_score_company(
        view(Company("Acme", locations=["Fargo, ND"])), view(fargo)
    )
    assert signal.points == 1.0
    assert signal.reason == "Acme's office in Fargo, ND is 8 km from your home in West Fargo, ND"
    assert signal.pitch == "I live in West Fargo, ND, close to your office"
    assert signal.evidence == "company.locations"


def test_nearest_office_wins_and_remote_is_skipped(profile: Profile) -> None:
    company = Company("Acme", locations=["Remote", "Austin, TX", "Boulder, CO"])
    signal = hyper_local.hunt_score_company(view(company), view(profile))
    assert signal.points == pytest.approx((150 - 39) / 135, abs=0.02)
    assert "Boulder, CO" in signal.reason and "39 km" in signal.reason
    assert signal.pitch == "I live in Denver, CO, about 39 km from your Boulder, CO office"


def test_far_away_scores_zero_without_pitch(profile: Profile) -> None:
    signal = hyper_local.hunt_score_company(
        view(Company("Acme", locations=["Fargo, ND"])), view(profile)
    )
    assert signal.points == 0.0
    assert "km from your home in Denver, CO" in signal.reason
    assert signal.pitch == ""


def test_unknown_without_home_or_office(profile: Profile) -> None:
    no_home = hyper_local.hunt_score_company(
        view(Company("A", locations=["Denver"])), view(Profile())
    )
    assert no_home.points is None and "add your home city" in no_home.reason
    lost = dataclasses.replace(profile, home="Nowhereville")
    assert (
        hyper_local.hunt_score_company(view(Company("A", locations=["Denver"])), view(lost)).points
        is None
    )
    remote = hyper_local.hunt_score_company(
        view(Company("Acme", locations=["Remote"])), view(profile)
    )
    assert remote.points is None and remote.reason == "unknown: add Acme's office city"
    unplaced = hyper_local.hunt_score_company(
        view(Company("Acme", locations=["Atlantis Base"])), view(profile)
    )
    assert unplaced.points is None and "Atlantis Base" in unplaced.reason


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("hyper_local")
    assert plugins.criteria["hyper_local"].default_weight == 1
    assert plugins.criteria["hyper_local"].is_in
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", locations=["Denver, CO"])),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("hyper_local", 1.0)]
