"""Channels: the guide's order, the LinkedIn notes quota, and warmth as a criterion."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hunt_core.builtin_plugins import channels
from hunt_core.channels import CHANNEL_LABELS, best_channel
from hunt_core.models import Channel, Company, Contact, Context, Profile, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view

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


def _score(contact: Contact, profile: Profile, context: Context) -> Signal:
    """The warmth signal as the host computes it: from the channels offered, once."""
    return channels.hunt_score_contact(
        view(contact), channels.hunt_channels(view(contact), view(profile), context)
    )


def test_guide_order_warmest_first(profile: Profile, context: Context) -> None:
    found = channels.hunt_channels(view(EVERYTHING), view(profile), context)
    assert _keys(found) == ["slack", "intro", "alumni-directory", "email", "linkedin-note"]
    assert [c.warmth for c in found] == [1.0, 1.0, 0.9, 0.7, 0.4]
    assert all(c.available for c in found)
    assert [c.label for c in found] == [CHANNEL_LABELS[c.key] for c in found]
    assert found[0].reason == "Sam is a fellow Turing grad: message them on the alumni Slack"
    assert found[1].reason == "ask Jo Park for an intro to Sam"
    assert found[2].reason == "look Sam up in the University of Denver alumni directory"
    assert "sam@example.com (found on their GitHub profile)" in found[3].reason


def test_never_a_bare_connection_request(profile: Profile) -> None:
    for left in (None, 0, 3):
        found = channels.hunt_channels(
            view(Contact(1, "Sam", linkedin="x")),
            view(profile),
            Context(today=TODAY, notes_left=left),
        )
        assert _keys(found) == ["linkedin-note"]


def test_friend_gets_a_direct_message(profile: Profile, context: Context) -> None:
    found = channels.hunt_channels(view(Contact(1, "Sam Lee", friend=True)), view(profile), context)
    assert [(c.key, c.label, c.reason) for c in found] == [
        ("friend", "Friend", "message your friend Sam directly")
    ]


def test_the_reason_says_how_many_notes_are_left(profile: Profile) -> None:
    context = Context(today=TODAY, notes_left=2)
    note = channels.hunt_channels(view(Contact(1, "Sam", linkedin="x")), view(profile), context)[0]
    assert note.key == "linkedin-note" and note.available
    assert "2 of 5 LinkedIn notes left this month" in note.reason
    assert "200 characters" in note.reason


def test_spent_notes_and_no_email_means_find_their_email_first(profile: Profile) -> None:
    context = Context(today=TODAY, notes_left=0)
    sam = Contact(1, "Sam Lee", linkedin="x", github="github.com/sam")
    (note,) = channels.hunt_channels(view(sam), view(profile), context)
    assert (note.key, note.available) == ("linkedin-note", False)
    assert note.reason == "0 of 5 LinkedIn notes left this month"
    signal = _score(sam, profile, context)
    assert signal.points is None
    assert signal.reason == (
        "unknown: 0 of 5 LinkedIn notes left this month; find their email first: "
        "check their GitHub profile (github.com/sam) for an email"
    )


def test_a_plan_with_no_notes_at_all_also_means_find_their_email(profile: Profile) -> None:
    none = dataclasses.replace(profile, notes_per_month=0)
    context = Context(today=TODAY, notes_left=0)
    sam = Contact(1, "Sam", linkedin="x")
    best = best_channel(channels.hunt_channels(view(sam), view(none), context), sam)
    assert best.key == "find-email" and best.label == "Find their email"
    assert best.reason.startswith("0 of 0 LinkedIn notes left this month; find their email")


def test_a_first_degree_connection_gets_a_message_not_a_note(profile: Profile) -> None:
    spent = Context(today=TODAY, notes_left=0)
    marked = Contact(1, "Sam", linkedin="x", connected=True)
    imported = Contact(1, "Sam", linkedin="x", id=7)
    for contact, context in [
        (marked, spent),
        (imported, Context(today=TODAY, notes_left=0, connected=frozenset({7}))),
    ]:
        found = channels.hunt_channels(view(contact), view(profile), context)
        assert _keys(found) == ["linkedin-message"]
        assert found[0].available and found[0].label == "LinkedIn message"
        assert "no connection request or note needed" in found[0].reason
        assert _score(contact, profile, context).points == 0.5


def test_email_stays_warmer_than_a_linkedin_message(profile: Profile, context: Context) -> None:
    both = Contact(1, "Sam", email="s@x", connected=True)
    assert _keys(channels.hunt_channels(view(both), view(profile), context)) == [
        "email",
        "linkedin-message",
    ]


def test_warmth_is_the_warmest_available_channel(profile: Profile, context: Context) -> None:
    for contact, points in [
        (EVERYTHING, 1.0),
        (Contact(1, "Sam", college="University of Denver", email="s@x"), 0.9),
        (Contact(1, "Sam", email="s@x", linkedin="x"), 0.7),
        (Contact(1, "Sam", linkedin="x"), 0.4),
    ]:
        signal = _score(contact, profile, context)
        assert signal.points == points
        assert (
            signal.reason == channels.hunt_channels(view(contact), view(profile), context)[0].reason
        )


def test_no_channel_is_find_their_email_with_the_guides_hints(
    profile: Profile, context: Context
) -> None:
    bare = _score(Contact(1, "Sam Lee"), profile, context)
    assert bare.points is None
    assert bare.reason.startswith("unknown: find their email first: search for Sam Lee")
    for hint in ("personal site", "GitHub profile", "LinkedIn"):
        assert hint in bare.reason
    gh = _score(Contact(1, "Sam", github="github.com/sam"), profile, context)
    assert gh.reason.endswith("check their GitHub profile (github.com/sam) for an email")
    site = _score(Contact(1, "Sam", website="sam.dev"), profile, context)
    assert "personal site (sam.dev)" in site.reason


def test_other_program_is_not_the_alumni_slack(profile: Profile, context: Context) -> None:
    other = dataclasses.replace(EVERYTHING, coding_school="Hack Reactor", mutual="")
    assert (
        _keys(channels.hunt_channels(view(other), view(profile), context))[0] == "alumni-directory"
    )


def test_registers_both_hooks_through_the_host(only, profile) -> None:
    plugins = only("channels")
    assert plugins.criteria["channel_warmth"].default_weight == 2
    assert plugins.criteria["channel_warmth"].guide_step == 3
    context = Context(today=TODAY, notes_left=0)
    args = {"contact": EVERYTHING, "company": ACME, "profile": profile, "context": context}
    found = plugins.call("hunt_channels", as_list(Channel), **args)
    assert [c.key for _, c in found][:2] == ["slack", "intro"]
    offered = [c for _, c in found]
    scored = plugins.call("hunt_score_contact", as_list(Signal), **args, channels=offered)
    assert [(name, s.points) for name, s in scored] == [("channels", 1.0)]
