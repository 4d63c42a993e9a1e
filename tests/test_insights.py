"""Dashboard numbers: breakdowns, role slots, chats, the funnel, weekly activity, reply rates."""

from __future__ import annotations

import datetime as dt
import urllib.parse

from hunt_core import insights
from hunt_core.models import Chat, Company, Contact, Touch
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


def test_breakdown_has_one_bar_per_criterion_with_weighted_points(profiled: Workspace) -> None:
    _acme(profiled)
    score = profiled.snapshot().company_scores[0]
    bars = insights.breakdown(score)
    assert [b.criterion for b in bars] == [s.signal.criterion for s in score.signals]
    for bar, ws in zip(bars, score.signals, strict=True):
        assert bar.weighted == ws.weight * (ws.signal.points or 0) and bar.reason
    assert any(not b.known and b.weighted == 0 for b in bars)


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


def _touch(contact: int, kind: str, days: float, channel: str = "") -> Touch:
    return Touch(contact, kind, DAY + dt.timedelta(days=days), channel)  # type: ignore[arg-type]


def test_funnel_counts_each_stage_once_per_person() -> None:
    companies = [Company("A", id=1), Company("B", id=2)]
    people = [Contact(1, n, id=i) for i, n in enumerate(["a", "b", "c", "d"], start=1)]
    touches = [
        _touch(1, "email", 0),
        _touch(1, "follow-up", 7),
        _touch(1, "reply", 8),
        _touch(2, "slack", 0),
        _touch(2, "reply", 1),
        _touch(2, "chat-held", 5),
        _touch(3, "connection-request", 0),
        _touch(99, "email", 0),  # someone deleted since: not counted
    ]
    chat_records = [Chat(2, held_at=DAY, referral_offered=True)]
    assert insights.funnel(companies, people, touches, chat_records) == [
        ("Companies", 2),
        ("People", 4),
        ("Messaged", 3),
        ("Replied", 2),
        ("Chats", 1),
        ("Referrals", 1),
    ]


def test_weekly_activity_has_every_week_and_counts_by_kind() -> None:
    touches = [_touch(1, "email", 0), _touch(2, "email", -1), _touch(1, "reply", -8)]
    rows = insights.weekly_activity(touches, DAY.date(), weeks=3)
    weeks = sorted({w for w, _, _ in rows})
    assert len(weeks) == 3 and all(w.weekday() == 0 for w in weeks)
    assert weeks[-1] == insights.week_of(DAY.date())
    counts = {(w, k): n for w, k, n in rows}
    assert counts[(weeks[-1], "email")] == 2 and counts[(weeks[-2], "reply")] == 1
    assert sum(counts.values()) == 3


def test_weekly_activity_of_nothing_is_empty_weeks() -> None:
    rows = insights.weekly_activity([], DAY.date(), weeks=4)
    assert len(rows) == 4 and all(n == 0 for _, _, n in rows)


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


def test_mailto_percent_encodes_every_user_part() -> None:
    url = insights.mailto("jo@acme.io?cc=x@evil.io", "Hi & <b>", "[x](javascript:alert(1))\nline 2")
    assert url.startswith("mailto:jo@acme.io%3Fcc%3Dx@evil.io?subject=")
    query = urllib.parse.parse_qs(url.split("?", 1)[1])
    assert query == {"subject": ["Hi & <b>"], "body": ["[x](javascript:alert(1))\nline 2"]}
    assert " " not in url and "\n" not in url and "<" not in url
