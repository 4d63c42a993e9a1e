"""The obscurity criterion: fewer peers is better, never naming who."""

from __future__ import annotations

import datetime as dt

from hunt_core.builtin_plugins import obscurity
from hunt_core.models import Company, Context, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view

TODAY = dt.date(2026, 11, 26)


def test_peer_counts_by_normalised_name() -> None:
    got = {}
    for peers in range(5):
        context = Context(today=TODAY, peer_counts={"acme labs": peers})
        got[peers] = obscurity.hunt_score_company(view(Company("  ACME   Labs ")), context).points
    assert got == {0: 1.0, 1: 0.7, 2: 0.4, 3: 0.1, 4: 0.1}


def test_reasons_count_but_never_name_peers() -> None:
    one = obscurity.hunt_score_company(
        view(Company("Acme")), Context(today=TODAY, peer_counts={"acme": 1})
    )
    assert one.reason == "1 of your peers also has Acme on their list"
    none = obscurity.hunt_score_company(
        view(Company("Acme")), Context(today=TODAY, peer_counts={"acme": 0})
    )
    assert none.reason == "none of your peers have Acme on their list"


def test_peer_counts_win_over_the_manual_answer() -> None:
    context = Context(today=TODAY, peer_counts={"acme": 3})
    assert (
        obscurity.hunt_score_company(view(Company("Acme", peers_know="no")), context).points == 0.1
    )


def test_manual_answer_yes_no_unknown(context: Context) -> None:
    assert (
        obscurity.hunt_score_company(view(Company("Acme", peers_know="no")), context).points == 1.0
    )
    yes = obscurity.hunt_score_company(view(Company("Acme", peers_know="yes")), context)
    assert yes.points == 0.0 and "already know Acme" in yes.reason
    unknown = obscurity.hunt_score_company(view(Company("Acme")), context)
    assert unknown.points is None
    assert unknown.reason == "unknown: ask a few classmates whether they've heard of Acme"


def test_registers_and_scores_through_the_host(only, profile) -> None:
    plugins = only("obscurity")
    assert plugins.criteria["obscurity"].default_weight == 1
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme")),
        profile=view(profile),
        context=Context(today=TODAY, peer_counts={"acme": 2}),
    )
    assert [(name, s.points) for name, s in got] == [("obscurity", 0.4)]
