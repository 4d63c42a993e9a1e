"""Dashboard numbers: breakdowns, role slots, chats, the funnel, weekly activity, reply rates."""

from __future__ import annotations

import datetime as dt
import urllib.parse

from hunt_core import insights
from hunt_core.models import Chat, Contact, Touch, TouchKind
from hunt_core.workspace import Workspace

DAY = dt.datetime(2026, 11, 26, 9, 0)


def _acme(ws: Workspace) -> None:
    ws.add_company({"name": "Acme", "stack": "C#", "remote": "yes"})
    ws.add_contact("Acme", {"name": "Dev One", "role": "developer", "email": "d@acme.io"})
    ws.add_contact("Acme", {"name": "Rec One", "role": "recruiter", "coding_school": "Turing"})


def test_each_channel_logs_as_the_touch_the_guide_names() -> None:
    kinds = {ch: insights.touch_kind_for(ch) for ch in ("slack", "email", "linkedin-note")}
    assert kinds == {"slack": "slack", "email": "email", "linkedin-note": "connection-request"}
    assert insights.touch_kind_for("intro") == insights.touch_kind_for("whatever") == "message"


def test_a_hunt_is_new_until_a_profile_or_a_company_exists(ws: Workspace) -> None:
    assert insights.is_new_hunt(ws.snapshot())
    ws.add_company({"name": "Acme"})
    assert not insights.is_new_hunt(ws.snapshot())


def test_a_profile_alone_ends_the_greeting(ws: Workspace) -> None:
    ws.update_profile({"name": "Ana"})
    assert not insights.is_new_hunt(ws.snapshot())


def test_breakdown_has_one_bar_per_criterion_with_points_earned_and_possible(
    profiled: Workspace,
) -> None:
    _acme(profiled)
    score = profiled.snapshot().company_scores[0]
    bars = insights.breakdown(score)
    assert [b.criterion for b in bars] == [s.signal.criterion for s in score.signals]
    for bar in bars:
        assert 0 <= bar.weighted <= bar.possible and bar.reason
        assert sum(points for _, points in bar.parts) == bar.possible
    # what the bars add up to is the score: earned (unknown at its prior) over possible
    earned = sum(b.weighted for b in bars)
    assert round(100 * earned / sum(b.possible for b in bars), 1) == score.score


def test_an_unknown_is_drawn_at_its_prior_not_as_big_as_a_yes() -> None:
    yes = insights.Bar("stack", "Stack", "stack", 3, 1.0, "knows C#")
    unknown = insights.Bar("alumni", "Alumni", "alumni", 3, None, "unknown: ask", prior=0.5)
    no = insights.Bar("product", "Product", "product", 3, 0.0, "not used")
    off = insights.Bar("obscurity", "Obscure", "obscurity", 0, 1.0, "peers never heard of it")
    assert yes.parts == [(insights.EARNED, 3.0), (insights.MISSED, 0.0)]
    assert unknown.parts == [(insights.PRIOR, 1.5), (insights.OPEN, 1.5)]
    assert no.parts == [(insights.EARNED, 0.0), (insights.MISSED, 3.0)]
    assert off.parts == [(insights.OFF, 0.0)] and off.possible == 0
    drawn = {part for bar in (yes, unknown, no, off) for part, _ in bar.parts}
    assert drawn == set(insights.PARTS), "every part a bar can have has its legend entry"


def test_summary_names_score_range_and_coverage(profiled: Workspace) -> None:
    _acme(profiled)
    score = profiled.snapshot().company_scores[0]
    text = insights.summary(score)
    assert text.startswith(f"{score.score:.0f}/100, could be {score.low:.0f}-{score.high:.0f}")
    assert f"{score.known} of {score.total} criteria known" in text


def test_role_slots_show_who_fills_each_role_and_who_is_extra() -> None:
    people = [
        Contact(1, "Dev A", "developer"),
        Contact(1, "Dev B", "developer"),
        Contact(1, "Dev C", "developer"),
        Contact(1, "Pat", "other"),
    ]
    slots, others = insights.role_slots(people)
    assert [(s.role, len(s.people), s.open, s.missing) for s in slots] == [
        ("developer", 3, 0, False),
        ("manager", 0, 2, True),
        ("recruiter", 0, 2, True),
    ]
    assert others == ["Pat"]


def test_in_common_reads_the_commonality_reason(profiled: Workspace) -> None:
    _acme(profiled)
    ranks = {r.contact.name: r for r in profiled.snapshot().contact_ranks}
    assert "Turing" in insights.in_common(ranks["Rec One"])
    assert insights.in_common(ranks["Dev One"]) == ""


def test_a_week_after_a_message_the_follow_up_is_due(profiled: Workspace, clock) -> None:
    _acme(profiled)
    profiled.log("Acme", "Dev One", "email", channel="email")
    assert insights.follow_ups_due(profiled.snapshot()) == []
    clock.advance(days=7)
    due = insights.follow_ups_due(profiled.snapshot())
    assert [(e.contact.name, e.company.name, e.due) for e in due] == [
        ("Dev One", "Acme", (DAY + dt.timedelta(days=7)).date())
    ]


def test_chats_split_into_coming_and_held_and_thank_yous(profiled: Workspace) -> None:
    _acme(profiled)
    profiled.log("Acme", "Dev One", "chat-scheduled", at="2026-12-03")
    profiled.log("Acme", "Rec One", "chat-held")
    coming, held = insights.chats(profiled.snapshot())
    assert [e.contact.name for e in coming] == ["Dev One"]
    assert [e.contact.name for e in held] == ["Rec One"]
    due = insights.thank_yous_due(profiled.snapshot())
    assert [e.contact.name for e in due] == ["Rec One"]
    profiled.log("Acme", "Rec One", "thank-you")
    assert insights.thank_yous_due(profiled.snapshot()) == []


def _touch(contact: int, kind: TouchKind, days: float, channel: str = "") -> Touch:
    return Touch(contact, kind, DAY + dt.timedelta(days=days), channel)


def test_funnel_counts_each_stage_once_per_person_and_never_widens() -> None:
    people = [Contact(1, n, id=i) for i, n in enumerate(["a", "b", "c", "d", "e"], start=1)]
    touches = [
        _touch(1, "email", 0),
        _touch(1, "follow-up", 7),
        _touch(1, "reply", 8),
        _touch(2, "slack", 0),
        _touch(2, "reply", 1),
        _touch(2, "chat-held", 5),
        _touch(3, "connection-request", 0),
        _touch(5, "chat-held", 2),  # met at a meetup: a chat means they were reached
        _touch(99, "email", 0),  # someone deleted since: not counted
    ]
    chat_records = [Chat(2, held_at=DAY, referral_offered=True)]
    stages = insights.funnel(people, touches, chat_records)
    assert stages == [
        ("People", 5),
        ("Messaged", 4),
        ("Replied", 3),
        ("Chats", 2),
        ("Referrals", 1),
    ]
    counts = [n for _, n in stages]
    assert counts == sorted(counts, reverse=True), "a funnel: no stage above the one before"


def test_weekly_activity_starts_at_the_first_week_with_activity() -> None:
    touches = [_touch(1, "email", -14), _touch(2, "email", 0), _touch(1, "reply", -13)]
    rows = insights.weekly_activity(touches, DAY.date(), weeks=12)
    weeks = sorted({w for w, _, _ in rows})
    assert weeks[0] == insights.week_of((DAY - dt.timedelta(days=14)).date())
    assert weeks[-1] == insights.week_of(DAY.date()) and len(weeks) == 3
    assert all(w.weekday() == 0 for w in weeks)
    counts = {(w, k): n for w, k, n in rows}
    assert counts[(weeks[0], "email")] == 1 and counts[(weeks[1], "email")] == 0
    assert sum(counts.values()) == 3


def test_weekly_activity_keeps_to_the_window_and_counts_by_kind() -> None:
    touches = [_touch(1, "email", 0), _touch(2, "email", -1), _touch(1, "reply", -8)]
    touches.append(_touch(3, "email", -100))  # before the window
    rows = insights.weekly_activity(touches, DAY.date(), weeks=3)
    weeks = sorted({w for w, _, _ in rows})
    assert len(weeks) == 3 and weeks[-1] == insights.week_of(DAY.date())
    counts = {(w, k): n for w, k, n in rows}
    assert counts[(weeks[-1], "email")] == 2 and counts[(weeks[-2], "reply")] == 1
    assert sum(counts.values()) == 3


def test_weekly_activity_of_nothing_is_nothing() -> None:
    assert insights.weekly_activity([], DAY.date(), weeks=4) == []


def test_reply_rate_is_per_channel_of_the_first_message() -> None:
    touches = [
        _touch(1, "email", 0, "email"),
        _touch(1, "reply", 2),
        _touch(2, "email", 0, "email"),
        _touch(3, "connection-request", 0, "linkedin-note"),
        _touch(3, "email", 3, "email"),  # a later message does not change the first channel
        _touch(4, "reply", -1),  # an answer before any message is not a reply to one
        _touch(4, "slack", 0),
    ]
    rates = {r.channel: (r.sent, r.replied, r.rate) for r in insights.reply_rates(touches)}
    assert rates == {"email": (2, 1, 0.5), "linkedin-note": (1, 0, 0.0), "slack": (1, 0, 0.0)}


def test_reply_rates_use_the_channel_names_and_say_what_they_rest_on() -> None:
    touches = [
        _touch(1, "email", 0, "email"),
        _touch(1, "reply", 2),
        _touch(2, "email", 0, "email"),
        _touch(3, "connection-request", 0, "linkedin-note"),
        _touch(4, "connection-request", 0),  # an older log without a channel
    ]
    labels = [r.label for r in insights.reply_rates(touches)]
    assert sorted(labels) == ["Email: 1 of 2", "LinkedIn note: 0 of 1", "LinkedIn request: 0 of 1"]
    assert insights.channel_label("carrier-pigeon") == "Carrier pigeon"


def test_mailto_percent_encodes_every_user_part() -> None:
    url = insights.mailto("jo@acme.io?cc=x@evil.io", "Hi & <b>", "[x](javascript:alert(1))\nline 2")
    assert url.startswith("mailto:jo@acme.io%3Fcc%3Dx@evil.io?subject=")
    query = urllib.parse.parse_qs(url.split("?", 1)[1])
    assert query == {"subject": ["Hi & <b>"], "body": ["[x](javascript:alert(1))\nline 2"]}
    assert " " not in url and "\n" not in url and "<" not in url


def test_channel_names_are_the_ones_the_channel_plugins_offer(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme"})
    person = {"name": "Kim Lee", "role": "developer", "email": "kim@acme.io",
              "linkedin": "linkedin.com/in/kim", "coding_school": "Turing",
              "college": "University of Denver"}  # fmt: skip
    profiled.add_contact("Acme", person)
    snap = profiled.snapshot()
    offered = snap.channels(snap.contacts[0])
    fixed = {c.key: c.label for c in offered if c.key in insights.CHANNEL_LABELS}
    assert len(fixed) >= 3
    assert fixed == {key: insights.channel_label(key) for key in fixed}
