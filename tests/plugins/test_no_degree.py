"""The no-degree criterion: yes, no, unknown."""

from __future__ import annotations

from hunt_core.builtin_plugins import no_degree
from hunt_core.models import Company, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view


def test_yes_no_unknown() -> None:
    yes = no_degree.hunt_score_company(view(Company("Acme", hires_no_degree="yes")))
    assert (yes.points, yes.reason) == (1.0, "Acme hires developers without CS degrees")
    no = no_degree.hunt_score_company(view(Company("Acme", hires_no_degree="no")))
    assert (no.points, no.reason) == (0.0, "Acme asks for a CS degree")
    unknown = no_degree.hunt_score_company(view(Company("Acme")))
    assert unknown.points is None
    assert unknown.reason == "unknown: check Acme's postings for 'or equivalent experience'"


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("no_degree")
    assert plugins.criteria["no_degree"].default_weight == 2
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", hires_no_degree="no")),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("no_degree", 0.0)]
