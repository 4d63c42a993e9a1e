"""The role-gap criterion: who to reach next at a company, by role."""

from __future__ import annotations

import datetime as dt

from hunt_core.builtin_plugins import role_gap
from hunt_core.models import Company, Contact, Context, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view

TODAY = dt.date(2026, 11, 26)
ACME = Company("Acme", id=1)
DEV = Contact(1, "Dana Dev", role="developer", id=10)
DEV2 = Contact(1, "Eli Dev", role="developer", id=11)
DEV3 = Contact(1, "Fay Dev", role="developer", id=12)
BOSS = Contact(1, "Max Boss", role="manager", id=20)


def _ctx(states: dict[int, str]) -> Context:
    people = [DEV, DEV2, DEV3, BOSS]
    return Context(
        today=TODAY, contacts_by_company={1: tuple(view(c) for c in people)}, states=states
    )


def test_nobody_of_the_role_reached_yet() -> None:
    signal = role_gap.hunt_score_contact(view(DEV), view(ACME), _ctx({20: "messaged"}))
    assert (signal.points, signal.reason) == (1.0, "no developer at Acme contacted yet")
    new = role_gap.hunt_score_contact(view(DEV), view(ACME), _ctx({11: "new", 12: "new"}))
    assert new.points == 1.0


def test_one_of_the_role_already_reached() -> None:
    signal = role_gap.hunt_score_contact(view(DEV), view(ACME), _ctx({11: "messaged"}))
    assert signal.points == 0.3
    assert (
        signal.reason
        == "you've already reached a developer at Acme (Eli Dev); the guide asks for 1-2"
    )


def test_two_of_the_role_already_reached() -> None:
    signal = role_gap.hunt_score_contact(
        view(DEV), view(ACME), _ctx({11: "replied", 12: "messaged"})
    )
    assert signal.points == 0.1 and "2 developers" in signal.reason


def test_the_person_themself_does_not_count() -> None:
    assert role_gap.hunt_score_contact(view(DEV), view(ACME), _ctx({10: "messaged"})).points == 1.0


def test_someone_you_had_a_chat_with_is_not_told_nobody_was_contacted() -> None:
    for state in ("waiting", "replied", "chat-held", "thanked"):
        signal = role_gap.hunt_score_contact(view(DEV), view(ACME), _ctx({10: state}))
        assert "contacted yet" not in signal.reason
        assert signal.reason == (
            "Dana Dev is one of the 1-2 developers the guide asks for at Acme, "
            "and you've reached them"
        )


def test_a_third_reached_developer_is_past_the_guides_two() -> None:
    signal = role_gap.hunt_score_contact(
        view(DEV), view(ACME), _ctx({10: "chat-held", 11: "replied", 12: "waiting"})
    )
    assert signal.points == 0.1
    assert signal.reason.startswith("you've reached 3 developers at Acme (Dana Dev, ")


def test_manager_role_is_named_and_other_scores_low() -> None:
    boss = role_gap.hunt_score_contact(view(BOSS), view(ACME), _ctx({}))
    assert boss.reason == "no manager or team lead at Acme contacted yet"
    other = role_gap.hunt_score_contact(view(Contact(1, "Ola Sales", id=30)), view(ACME), _ctx({}))
    assert other.points == 0.2 and "Ola Sales" in other.reason


def test_registers_and_scores_through_the_host(only, profile) -> None:
    plugins = only("role_gap")
    assert plugins.criteria["role_gap"].default_weight == 2
    assert plugins.criteria["role_gap"].applies_to == "contact"
    got = plugins.call(
        "hunt_score_contact",
        as_list(Signal),
        contact=DEV,
        company=ACME,
        profile=profile,
        context=_ctx({11: "messaged"}),
    )
    assert [(name, s.points) for name, s in got] == [("role_gap", 0.3)]
