"""The knows-someone criterion: the company field or a friend among its contacts."""

from __future__ import annotations

import datetime as dt

from hunt_core.builtin_plugins import knows_someone
from hunt_core.models import Company, Contact, Context, Signal
from hunt_core.plugins import as_list

TODAY = dt.date(2026, 11, 26)


def _with(*contacts: Contact) -> Context:
    return Context(today=TODAY, contacts_by_company={7: list(contacts)})


def test_field_names_them(context: Context) -> None:
    signal = knows_someone.hunt_score_company(Company("Acme", knows_someone="Sam Lee"), context)
    assert (signal.points, signal.reason) == (1.0, "you know Sam Lee at Acme")
    assert signal.pitch == "I know Sam Lee, who works with you"
    assert signal.evidence == "company.knows_someone"


def test_friend_contact_names_them() -> None:
    context = _with(Contact(7, "Jo Park", friend=True), Contact(7, "Kim Stranger"))
    signal = knows_someone.hunt_score_company(Company("Acme", id=7), context)
    assert (signal.points, signal.reason) == (1.0, "you know Jo Park at Acme")
    assert signal.pitch == "my friend Jo Park works with you"


def test_both_are_named_once() -> None:
    context = _with(Contact(7, "Sam Lee", friend=True), Contact(7, "Jo Park", friend=True))
    signal = knows_someone.hunt_score_company(
        Company("Acme", id=7, knows_someone="Sam Lee"), context
    )
    assert signal.reason == "you know Sam Lee and Jo Park at Acme"


def test_nobody_is_unknown_never_no() -> None:
    signal = knows_someone.hunt_score_company(Company("Acme", id=7), _with(Contact(7, "Kim")))
    assert signal.points is None
    assert signal.reason == "unknown: check your LinkedIn connections for people at Acme"


def test_adding_someone_never_lowers_points(context: Context) -> None:
    before = knows_someone.hunt_score_company(Company("Acme"), context).points
    after = knows_someone.hunt_score_company(Company("Acme", knows_someone="Sam"), context).points
    assert before is None and after == 1.0


def test_registers_and_scores_through_the_host(only, profile) -> None:
    plugins = only("knows_someone")
    assert plugins.criteria["knows_someone"].default_weight == 2
    assert plugins.criteria["knows_someone"].is_in
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=Company("Acme", id=7),
        profile=profile,
        context=_with(Contact(7, "Jo Park", friend=True)),
    )
    assert [(name, s.points) for name, s in got] == [("knows_someone", 1.0)]
