"""The interests criterion: the same field in other words or with a typo, a no, unknown."""

from __future__ import annotations

import dataclasses

import pytest

from hunt_core.builtin_plugins import interests
from hunt_core.models import Company, Profile, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view


def _score(mine: list[str], theirs: list[str]) -> Signal:
    """The verdict for a grad with these interests on a company working on those."""
    return interests.hunt_score_company(
        view(Company("Acme", interests=theirs)), view(Profile(interests=mine))
    )


def test_the_same_words_match_ignoring_case_either_way(profile: Profile) -> None:
    signal = interests.hunt_score_company(
        view(Company("Acme", interests=["Healthcare IT"])), view(profile)
    )
    assert signal.points == 1.0
    assert signal.reason == "Acme works on Healthcare IT, which matches your healthcare"
    assert signal.evidence == "company.interests"
    broad = dataclasses.replace(profile, interests=["Music education"])
    assert (
        interests.hunt_score_company(view(Company("A", interests=["MUSIC"])), view(broad)).points
        == 1.0
    )


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("fintech", "payments"),
        ("fintech", "banking software"),
        ("payments", "financial services"),
        ("healthcare", "health tech"),
        ("healthcare", "medical software"),
        ("health tech", "hospitals"),
        ("climate", "clean energy"),
        ("climate", "solar"),
        ("clean energy", "Solar Electric Power Generation"),
        ("edtech", "online learning"),
        ("govtech", "civic tech"),
        ("e-commerce", "retail"),
    ],
)
def test_a_field_named_in_other_words_matches(mine: str, theirs: str) -> None:
    """'Works on payments' is the fintech you care about, whichever side names it."""
    for a, b in ((mine, theirs), (theirs, mine)):
        signal = _score([a], [b])
        assert signal.points == 1.0, signal.reason
        assert f"Acme works on {b}, which matches your {a}" in signal.reason


def test_the_reason_names_both_interests_and_the_field() -> None:
    signal = _score(["music", "fintech"], ["logistics", "payments"])
    assert signal.reason == (
        "Acme works on payments, which matches your fintech (both financial services)"
    )
    assert signal.pitch == "I'm interested in fintech, so your work on payments stood out to me"


def test_the_same_words_win_over_a_shared_field() -> None:
    signal = _score(["fintech", "payments"], ["payments"])
    assert signal.reason == "Acme works on payments, one of your interests"


def test_an_interest_both_sides_name_alike_is_said_once() -> None:
    signal = _score(["Agriculture"], ["agriculture"])
    assert signal.reason == "Acme works on agriculture, one of your interests"
    assert signal.pitch == "I'm interested in Agriculture, so your work stood out to me"


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("fintec", "payments"),
        ("heathcare", "medical software"),
        ("healthcare", "helth tech"),
        ("fintech", "paymnets"),
        ("climte tech", "solar"),
    ],
)
def test_a_spelling_mistake_still_matches(mine: str, theirs: str) -> None:
    assert _score([mine], [theirs]).points == 1.0


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("banking", "gaming"),
        ("banking", "baking"),
        ("gaming", "mining"),
        ("fintech", "edtech"),
        ("real estate", "retail"),
        ("healthcare", "childcare"),
        ("music", "medical"),
        ("wealth management", "health"),
        ("climate", "oil and gas"),
        ("healthcare", "fintech"),
    ],
)
def test_unrelated_fields_and_near_miss_spellings_dont_match(mine: str, theirs: str) -> None:
    """A near miss in spelling is another field, not a typo: 'gaming' is not 'banking'."""
    for a, b in ((mine, theirs), (theirs, mine)):
        signal = _score([a], [b])
        assert signal.points == 0.0, signal.reason
        assert a in signal.reason and b in signal.reason
        assert signal.pitch == ""


def test_either_side_empty_is_unknown(profile: Profile) -> None:
    company = interests.hunt_score_company(view(Company("Acme")), view(profile))
    assert company.points is None and company.reason.startswith("unknown: check what Acme")
    mine = interests.hunt_score_company(view(Company("Acme", interests=["music"])), view(Profile()))
    assert mine.points is None and "profile" in mine.reason


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("interests")
    assert plugins.criteria["interests"].default_weight == 1
    assert plugins.criteria["interests"].is_in
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", interests=["music"])),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("interests", 1.0)]
