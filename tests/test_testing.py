"""hunt_core.testing, the pytest plugin for plugin authors: its fixtures and helpers work."""

from __future__ import annotations

import types

import pytest

from hunt_core.api import Criterion, Signal, hookimpl
from hunt_core.testing import make_company, make_plugins, score_company, score_contact


def _plugin(score=None, criteria=None) -> types.SimpleNamespace:
    """A plugin object with the given hook implementations."""
    ns = types.SimpleNamespace(__name__="mine")
    ns.hunt_criteria = hookimpl(
        lambda: (
            criteria
            or [
                Criterion(
                    key="mine",
                    label="Mine",
                    applies_to="company",
                    default_weight=1,
                    description="mine",
                    guide_step=1,
                )
            ]
        )
    )
    if score:
        ns.hunt_score_company = hookimpl(score)
    return ns


def test_the_fixtures_are_registered_for_every_pytest_run(hunt_plugins, hunt_demo) -> None:
    plugins = hunt_plugins(
        _plugin(lambda company: Signal(criterion="mine", points=1.0, reason="yes"))
    )
    assert set(plugins.criteria) == {"mine"}, "only your plugin, no built-ins"
    assert len(hunt_demo.rank_companies()) == 25


def test_score_company_returns_the_accepted_signals() -> None:
    plugins = make_plugins(
        _plugin(lambda company: Signal(criterion="mine", points=0.5, reason=f"{company.name} ok"))
    )
    assert score_company(plugins, name="Birch") == [
        Signal(criterion="mine", points=0.5, reason="Birch ok")
    ]


def test_a_problem_the_host_would_report_fails_the_test_loudly() -> None:
    plugins = make_plugins(
        _plugin(lambda company: Signal(criterion="mine", points=2.0, reason="too many points"))
    )
    with pytest.raises(AssertionError, match=r"points 2.0 not in \[0, 1\]"):
        score_company(plugins)


def test_a_write_to_the_company_fails_inside_the_plugin() -> None:
    def sneaky(company):
        company.name += " [HACKED]"

    with pytest.raises(AssertionError, match="AttributeError"):
        score_company(make_plugins(_plugin(sneaky)), company=make_company(name="Acme"))


def test_score_contact_runs_contact_hooks() -> None:
    ns = _plugin(
        criteria=[
            Criterion(
                key="warm",
                label="Warm",
                applies_to="contact",
                default_weight=1,
                description="warm",
                guide_step=2,
            )
        ]
    )
    ns.hunt_score_contact = hookimpl(
        lambda contact: Signal(criterion="warm", points=1.0, reason=contact.first_name)
    )
    assert score_contact(make_plugins(ns), name="Ana Diaz") == [
        Signal(criterion="warm", points=1.0, reason="Ana")
    ]


def test_builtins_can_score_beside_yours() -> None:
    plugins = make_plugins(_plugin(), builtins=True)
    assert {"mine", "stack", "location"} <= set(plugins.criteria)


@pytest.mark.filterwarnings("ignore:hunt_core\\.Signal is deprecated:DeprecationWarning")
def test_given_the_file_hunt_plugins_records_the_deprecations_of_its_import(
    hunt_plugins, tmp_path
) -> None:
    path = tmp_path / "my_plugin.py"
    path.write_text(
        "from hunt_core import Signal  # the 1.0 spelling, on purpose\n"
        "from hunt_core.api import hookimpl\n\n\n"
        "@hookimpl\ndef hunt_score_company(company):\n    return None\n",
        encoding="utf-8",
    )
    [message] = hunt_plugins(path).infos["my_plugin"].deprecations
    assert message.startswith("hunt_core.Signal is deprecated") and "(my_plugin.py:1)" in message
