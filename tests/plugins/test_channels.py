"""Channels: the guide's order, the LinkedIn notes quota, and warmth as a criterion."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hunt_core.builtin_plugins import channels
from hunt_core.models import Channel, Company, Contact, Context, Profile, Signal
from hunt_core.plugins import as_list

TODAY = dt.date(2026, 11, 26)
ACME = Company("Acme", id=1)
EVERYTHING = Contact(
    1,
    "Sam Lee",
    email="sam@example.com",
    email_source="their GitHub profile",
    linkedin="https://linkedin.com/in/samlee",
    college="University of Denver",
    coding_school="Turing",
    mutual="Jo Park",
)


def _keys(found: list[Channel]) -> list[str]:
    return [c.key for c in found]


def test_guide_order_warmest_first(profile: Profile, context: Context) -> None:
    found = channels.hunt_channels(EVERYTHING, profile, context)
    assert _keys(found) == [
        "slack",
        "intro",
        "alumni-directory",
        "email",
        "linkedin-note",
        "linkedin",
    ]
    assert [c.warmth for c in found] == [1.0, 1.0, 0.9, 0.7, 0.4, 0.2]
    assert all(c.available for c in found)
    assert found[0].reason == "Sam is a fellow Turing grad: message them on the alumni Slack"
    assert found[1].reason == "ask Jo Park for an intro to Sam"
    assert found[2].reason == "look Sam up in the University of Denver alumni directory"
    assert "sam@example.com (found on their GitHub profile)" in found[3].reason


def test_friend_gets_a_direct_message(profile: Profile, context: Context) -> None:
    found = channels.hunt_channels(Contact(1, "Sam Lee", friend=True), profile, context)
    assert [(c.key, c.reason) for c in found] == [("intro", "message your friend Sam directly")]


def test_notes_left_is_counted(profile: Profile) -> None:
    context = Context(today=TODAY, notes_left=3)
    note = channels.hunt_channels(Contact(1, "Sam", linkedin="x"), profile, context)[0]
    assert note.key == "linkedin-note" and note.available
    assert note.reason.startswith("3 of your personalised notes left this month")
    assert "200 characters" in note.reason


def test_spent_notes_quota_is_shown_unavailable(profile: Profile) -> None:
    context = Context(today=TODAY, notes_left=0)
    note, plain = channels.hunt_channels(Contact(1, "Sam", linkedin="x"), profile, context)
    assert (note.key, note.available) == ("linkedin-note", False)
    assert note.reason == "this month's personalised notes are spent: find their email instead"
    assert (plain.key, plain.available, plain.warmth) == ("linkedin", True, 0.2)
    signal = channels.hunt_score_contact(Contact(1, "Sam", linkedin="x"), profile, context)
    assert signal.points == 0.2


def test_warmth_is_the_warmest_available_channel(profile: Profile, context: Context) -> None:
    for contact, points in [
        (EVERYTHING, 1.0),
        (Contact(1, "Sam", college="University of Denver", email="s@x"), 0.9),
        (Contact(1, "Sam", email="s@x", linkedin="x"), 0.7),
        (Contact(1, "Sam", linkedin="x"), 0.4),
    ]:
        signal = channels.hunt_score_contact(contact, profile, context)
        assert signal.points == points
        assert signal.reason == channels.hunt_channels(contact, profile, context)[0].reason


def test_no_channel_is_unknown_with_a_hint(profile: Profile, context: Context) -> None:
    bare = channels.hunt_score_contact(Contact(1, "Sam"), profile, context)
    assert bare.points is None
    assert bare.reason == (
        "unknown: find their email (personal site, GitHub, LinkedIn) or LinkedIn profile"
    )
    gh = channels.hunt_score_contact(Contact(1, "Sam", github="github.com/sam"), profile, context)
    assert gh.reason == "unknown: check their GitHub profile (github.com/sam) for an email"
    site = channels.hunt_score_contact(Contact(1, "Sam", website="sam.dev"), profile, context)
    assert "personal site (sam.dev)" in site.reason


def test_other_program_is_not_the_alumni_slack(profile: Profile, context: Context) -> None:
    other = dataclasses.replace(EVERYTHING, coding_school="Hack Reactor", mutual="")
    assert _keys(channels.hunt_channels(other, profile, context))[0] == "alumni-directory"


def test_registers_both_hooks_through_the_host(only, profile) -> None:
    plugins = only("channels")
    assert plugins.criteria["channel_warmth"].default_weight == 2
    assert plugins.criteria["channel_warmth"].guide_step == 3
    context = Context(today=TODAY, notes_left=0)
    args = {"contact": EVERYTHING, "company": ACME, "profile": profile, "context": context}
    found = plugins.call("hunt_channels", as_list(Channel), **args)
    assert [c.key for _, c in found][:2] == ["slack", "intro"]
    scored = plugins.call("hunt_score_contact", as_list(Signal), **args)
    assert [(name, s.points) for name, s in scored] == [("channels", 1.0)]
