"""The alumni criterion: points grow with grads hired; None is unknown."""

from __future__ import annotations

import datetime as dt

from hunt_core.builtin_plugins import alumni
from hunt_core.models import Company, Context, Profile, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view

TODAY = dt.date(2026, 11, 26)


def test_points_by_grads_hired(profile: Profile, context: Context) -> None:
    got = {
        n: alumni.hunt_score_company(
            view(Company("A", alumni_hired=n)), view(profile), context
        ).points
        for n in range(5)
    }
    assert got == {0: 0.0, 1: 0.8, 2: 0.9, 3: 1.0, 4: 1.0}


def test_reason_names_the_program(profile: Profile, context: Context) -> None:
    one = alumni.hunt_score_company(view(Company("Acme", alumni_hired=1)), view(profile), context)
    assert one.reason == "Acme has hired 1 Turing grad"
    assert one.pitch == "I know you've hired Turing grads before"
    assert one.evidence == "company.alumni_hired"
    three = alumni.hunt_score_company(view(Company("Acme", alumni_hired=3)), view(profile), context)
    assert three.reason == "Acme has hired 3 Turing grads"
    none = alumni.hunt_score_company(view(Company("Acme", alumni_hired=0)), view(profile), context)
    assert "hasn't hired any Turing grads" in none.reason and none.pitch == ""


def test_unknown_points_to_the_alumni_slack(profile: Profile, context: Context) -> None:
    signal = alumni.hunt_score_company(view(Company("Acme")), view(profile), context)
    assert signal.points is None
    assert signal.reason == (
        "unknown: check the Turing alumni Slack or LinkedIn for Turing grads at Acme"
    )
    anon = alumni.hunt_score_company(view(Company("Acme")), view(Profile()), context)
    assert "your program's alumni Slack" in anon.reason


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("alumni")
    assert plugins.criteria["alumni"].default_weight == 2
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", alumni_hired=2)),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("alumni", 0.9)]


def test_placements_answer_when_alumni_hired_is_unknown(profile: Profile) -> None:
    placed = Context(today=TODAY, placements={"acme": 3}, placement_years={"acme": (2022, 2025)})
    signal = alumni.hunt_score_company(view(Company("ACME")), view(profile), placed)
    assert signal.points == 1.0
    assert signal.reason == "3 Turing grads were placed at ACME (2022-2025)"
    assert signal.evidence == "alumni placements"
    one = Context(today=TODAY, placements={"acme": 1}, placement_years={"acme": (2024, 2024)})
    assert alumni.hunt_score_company(view(Company("Acme")), view(profile), one).reason == (
        "1 Turing grad was placed at Acme (2024)"
    )
    entered = alumni.hunt_score_company(
        view(Company("Acme", alumni_hired=0)), view(profile), placed
    )
    assert entered.points == 0.0  # what you entered wins
    other = alumni.hunt_score_company(view(Company("Globex")), view(profile), placed)
    assert other.points is None  # no placement data: unknown, not zero
