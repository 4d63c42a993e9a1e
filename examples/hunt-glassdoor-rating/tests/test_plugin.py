"""Tests for the Glassdoor rating plugin, with the fixtures Hunt's pytest plugin provides."""

from __future__ import annotations

import hunt_glassdoor_rating
import pytest

from hunt_core.api import check_criterion
from hunt_core.testing import make_company, score_company

KEY = "glassdoor_rating"


@pytest.fixture
def plugins(hunt_plugins):
    """A fresh manager per test with only this plugin, loaded as Hunt loads an installed one."""
    return hunt_plugins(hunt_glassdoor_rating)


def score(plugins, notes: str):
    """The one signal this plugin gives for a company with these notes."""
    [signal] = score_company(plugins, name="Acme", notes=notes)
    return signal


def test_loads_and_declares_its_criterion(plugins):
    info = plugins.infos["hunt_glassdoor_rating"]
    assert (info.criteria, info.error) == ([KEY], None)
    criterion = plugins.criteria[KEY]
    check_criterion(criterion)  # what the host would refuse at load raises here
    assert (criterion.applies_to, criterion.guide_step) == ("company", 1)
    assert list(plugins.errors()) == []


@pytest.mark.parametrize(
    ("notes", "points"),
    [
        ("Glassdoor 4.5 (300 reviews)", 1.0),
        ("glassdoor: 3.75/5", 0.5),
        ("Rated 4.8 out of 5 on Glassdoor, 1,204 reviews", 1.0),
        ("2.9 on Glassdoor", 0.0),
        ("Glassdoor rating 4,5", 1.0),
        ("Glassdoor 4.5, but only 10 reviews", 0.75),
    ],
)
def test_rating_in_notes_scores(plugins, notes, points):
    signal = score(plugins, notes)
    assert signal.points == points
    assert signal.reason.startswith("Glassdoor rating ")
    assert signal.evidence == "company.notes"


def test_few_reviews_are_named_in_the_reason(plugins):
    assert "only 10 reviews" in score(plugins, "Glassdoor 4.5, 10 reviews").reason


@pytest.mark.parametrize("notes", ["", "great mission, small team", "Glassdoor 10"])
def test_no_rating_is_unknown_not_zero(plugins, notes):
    signal = score(plugins, notes)
    assert signal.points is None
    assert signal.reason.startswith("unknown: ")
    assert "glassdoor.com" in signal.reason


def test_the_reason_names_the_company_to_check(plugins):
    [signal] = score_company(plugins, make_company(name="Birch Health", notes=""))
    assert "check Birch Health on glassdoor.com" in signal.reason


def test_scores_next_to_the_built_in_criteria(hunt_plugins):
    with_builtins = hunt_plugins(hunt_glassdoor_rating, builtins=True)
    signals = score_company(with_builtins, name="Acme", notes="Glassdoor 4.5", stack=["C#"])
    by_criterion = {s.criterion: s for s in signals}
    assert by_criterion[KEY].points == 1.0
    assert by_criterion["stack"].points == 1.0  # Hunt's own criteria still score beside it
