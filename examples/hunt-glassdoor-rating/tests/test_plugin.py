"""Tests for the Glassdoor rating plugin, run through Hunt's own plugin manager."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hunt_core.models import Company, Context, Profile
from hunt_core.plugins import get_plugin_manager
from hunt_core.scoring import Scorer, signal_check

SRC = Path(__file__).resolve().parents[1] / "src"
NAME = "hunt_glassdoor_rating"  # a drop-in plugin is named after its file
CONTEXT = Context(today=dt.date(2025, 3, 3))


@pytest.fixture
def plugins():
    """A fresh manager per test with only this plugin, loaded from its source folder."""
    return get_plugin_manager(env={}, builtins=False, entrypoints=False, directories=[SRC])


def score(plugins, notes: str):
    """The one signal this plugin gives for a company with these notes."""
    found = plugins.call(
        "hunt_score_company",
        signal_check(plugins.criteria, "company"),
        company=Company("Acme", id=1, notes=notes),
        profile=Profile(),
        context=CONTEXT,
    )
    assert [name for name, _ in found] == [NAME]
    return found[0][1]


def test_loads_and_declares_its_criterion(plugins):
    info = plugins.infos[NAME]
    assert (info.source, info.criteria, info.error) == ("directory", ["glassdoor_rating"], None)
    criterion = plugins.criteria["glassdoor_rating"]
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


def test_unknown_never_counts_against_the_company(plugins):
    scorer = Scorer(plugins, weights={})
    rated = scorer.company(Company("Rated", notes="Glassdoor 4.5"), Profile(), CONTEXT)
    unrated = scorer.company(Company("Unrated"), Profile(), CONTEXT)
    assert rated.score == 100.0
    assert unrated.score == 100 * unrated.signals[0].prior  # unknown: counted at its prior
    assert (unrated.low, unrated.high, unrated.known, unrated.total) == (0.0, 100.0, 0, 1)
    assert [s.signal.criterion for s in unrated.unknown] == ["glassdoor_rating"]
