"""The interests criterion: overlap either way, no, unknown."""

from __future__ import annotations

import dataclasses

from hunt_core.builtin_plugins import interests
from hunt_core.models import Company, Profile, Signal
from hunt_core.plugins import as_list


def test_overlap_is_case_insensitive_and_either_way(profile: Profile) -> None:
    signal = interests.hunt_score_company(Company("Acme", interests=["Healthcare IT"]), profile)
    assert signal.points == 1.0
    assert signal.reason == "Acme works on Healthcare IT, which you care about"
    assert signal.pitch == "I'd love to work on healthcare"  # never claims they care too
    assert signal.evidence == "company.interests"
    broad = dataclasses.replace(profile, interests=["Music education"])
    assert interests.hunt_score_company(Company("A", interests=["MUSIC"]), broad).points == 1.0


def test_no_overlap_is_a_no(profile: Profile) -> None:
    signal = interests.hunt_score_company(Company("Acme", interests=["fintech"]), profile)
    assert signal.points == 0.0
    assert "fintech" in signal.reason and "healthcare" in signal.reason
    assert signal.pitch == ""


def test_either_side_empty_is_unknown(profile: Profile) -> None:
    company = interests.hunt_score_company(Company("Acme"), profile)
    assert company.points is None and company.reason.startswith("unknown: check what Acme")
    mine = interests.hunt_score_company(Company("Acme", interests=["music"]), Profile())
    assert mine.points is None and "profile" in mine.reason


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("interests")
    assert plugins.criteria["interests"].default_weight == 1
    assert plugins.criteria["interests"].is_in
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=Company("Acme", interests=["music"]),
        profile=profile,
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("interests", 1.0)]
