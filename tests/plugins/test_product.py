"""The product criterion: yes with a pitch, no, unknown."""

from __future__ import annotations

from hunt_core.builtin_plugins import product
from hunt_core.models import Company, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view


def test_yes_no_unknown() -> None:
    yes = product.hunt_score_company(view(Company("Acme", uses_product="yes")))
    assert (yes.points, yes.reason) == (1.0, "you use Acme's product")
    assert yes.pitch == "I've been using your product"
    no = product.hunt_score_company(view(Company("Acme", uses_product="no")))
    assert no.points == 0.0 and no.pitch == ""
    unknown = product.hunt_score_company(view(Company("Acme")))
    assert unknown.points is None and unknown.reason.startswith("unknown: try Acme's product")


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("product")
    assert plugins.criteria["product"].default_weight == 1
    assert plugins.criteria["product"].is_in
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", uses_product="yes")),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("product", 1.0)]
