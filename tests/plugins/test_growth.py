"""The growth criterion: entry-level and growth roles, quoted."""

from __future__ import annotations

import pytest

from hunt_core.builtin_plugins import growth
from hunt_core.models import Company, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view


@pytest.mark.parametrize(
    "title",
    [
        "Junior .NET Developer",
        "Jr. Developer",
        "Entry-level Support Engineer",
        "Software Apprentice",
        "Associate Software Engineer",
        "New Grad Engineer",
        "Graduate Developer",
        "Summer Intern",
        "Software Engineer I",
    ],
)
def test_entry_level_titles(title: str) -> None:
    signal = growth.hunt_score_company(view(Company("Acme", open_roles=[title])))
    assert signal.points == 1.0
    assert signal.reason == f"posting '{title}' is entry level"


@pytest.mark.parametrize(
    "title",
    ["Senior C# Engineer", "Staff Engineer", "Tech Lead", "Head of People", "Recruiter",
     "Talent Partner", "HR Generalist", "People Ops Manager", "Principal Engineer"],
)  # fmt: skip
def test_growth_titles(title: str) -> None:
    signal = growth.hunt_score_company(view(Company("Acme", open_roles=[title])))
    assert signal.points == 0.8
    assert signal.reason == f"posting '{title}' signals growth"


@pytest.mark.parametrize(
    "title", ["Software Engineer II", "Internal Tools Engineer", "Associate Director", "Chrome Dev"]
)
def test_lookalikes_are_not_entry_level(title: str) -> None:
    assert growth.hunt_score_company(view(Company("A", open_roles=[title]))).points != 1.0


def test_both_kinds_quote_both() -> None:
    company = Company("Acme", open_roles=["Senior C# Engineer", "Junior Developer", "Recruiter"])
    signal = growth.hunt_score_company(view(company))
    assert signal.points == 1.0
    assert signal.reason == (
        "posting 'Junior Developer' is entry level, and 'Senior C# Engineer' (and 1 more) "
        "signals growth"
    )


def test_other_roles_score_low_and_no_roles_is_unknown() -> None:
    signal = growth.hunt_score_company(view(Company("Acme", open_roles=["Account Executive"])))
    assert signal.points == 0.2 and "Account Executive" in signal.reason
    unknown = growth.hunt_score_company(view(Company("Acme")))
    assert unknown.points is None
    assert unknown.reason == "unknown: check Acme's careers page for open roles"


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("growth")
    assert plugins.criteria["growth"].default_weight == 2
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", open_roles=["Staff Engineer"])),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("growth", 0.8)]
