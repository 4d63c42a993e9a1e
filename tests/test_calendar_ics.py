"""The .ics file: a follow-up per unanswered first message, an event per chat, stable UIDs."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from hunt_core.calendar_ics import build_calendar, calendar_ics
from hunt_core.workspace import Workspace

QUESTIONS = ["What does a first week look like, for a junior?", 'Any "must read"; docs?']


@pytest.fixture
def hunt(ws: Workspace, clock) -> Workspace:
    """Jo waits for a follow-up, Sam answered, Ana was followed up, Bo has a chat, Cy held one."""
    ws.add_company({"name": "Acme, Inc."})
    for name in ("Jo Park", "Sam Lee", "Ana Diaz", "Bo Chen", "Cy Ode", "Di New"):
        ws.add_contact("Acme, Inc.", {"name": name, "role": "developer"})
    for name in ("Jo Park", "Sam Lee", "Ana Diaz", "Bo Chen", "Cy Ode"):
        ws.log("Acme, Inc.", name, "email", at="2026-11-16")
    ws.log("Acme, Inc.", "Sam Lee", "reply", at="2026-11-18")
    ws.log("Acme, Inc.", "Ana Diaz", "follow-up", at="2026-11-24")
    ws.log("Acme, Inc.", "Bo Chen", "reply", at="2026-11-17")
    ws.save_chat("Acme, Inc.", "Bo Chen", scheduled_for=dt.datetime(2026, 12, 1, 10, 30),
                 questions=QUESTIONS)  # fmt: skip
    ws.log("Acme, Inc.", "Cy Ode", "chat-held", at="2026-11-20")
    return ws


def events(data: bytes) -> dict[str, dict[str, object]]:
    """Events by UID, with their decoded fields."""
    parsed = Calendar.from_ical(data)
    return {
        str(e["uid"]): {
            key: e.decoded(key) for key in ("summary", "dtstart", "dtend", "description")
        }
        for e in parsed.walk("VEVENT")
    }


def test_follow_ups_and_chats_become_events(hunt: Workspace) -> None:
    people = {p.name: p.id for p in hunt.store.contacts()}
    found = events(calendar_ics(hunt.store, hunt.clock()))
    assert set(found) == {
        f"hunt-followup-{people['Jo Park']}@hunt.local",
        f"hunt-chat-{people['Bo Chen']}@hunt.local",
        f"hunt-chat-{people['Cy Ode']}@hunt.local",
    }
    jo = found[f"hunt-followup-{people['Jo Park']}@hunt.local"]
    assert jo["summary"] == "Follow up with Jo Park at Acme, Inc."
    assert (jo["dtstart"], jo["dtend"]) == (dt.date(2026, 11, 23), dt.date(2026, 11, 24))
    bo = found[f"hunt-chat-{people['Bo Chen']}@hunt.local"]
    assert bo["summary"] == "Coffee chat with Bo Chen at Acme, Inc."
    assert (bo["dtstart"], bo["dtend"]) == (
        dt.datetime(2026, 12, 1, 10, 30), dt.datetime(2026, 12, 1, 11, 0))  # fmt: skip
    assert bo["description"] == "\n".join(f"- {q}" for q in QUESTIONS)
    cy = found[f"hunt-chat-{people['Cy Ode']}@hunt.local"]
    assert cy["dtstart"] == dt.datetime(2026, 11, 20, 12, 0)


def test_the_same_hunt_gives_the_same_file_and_uids_stay(hunt: Workspace, clock) -> None:
    first = calendar_ics(hunt.store, hunt.clock())
    assert first == calendar_ics(hunt.snapshot(), hunt.clock())
    assert first == calendar_ics(hunt.store, hunt.clock())
    hunt.log("Acme, Inc.", "Jo Park", "reply", at="2026-11-25")
    hunt.save_chat("Acme, Inc.", "Bo Chen", scheduled_for=dt.datetime(2026, 12, 2, 9, 0))
    later = events(calendar_ics(hunt.store, hunt.clock()))
    assert not any(uid.startswith("hunt-followup-") and "Jo" in str(e["summary"])
                   for uid, e in later.items())  # fmt: skip
    bo_id = hunt.store.contact(hunt.store.company("Acme, Inc."), "Bo Chen").id
    assert later[f"hunt-chat-{bo_id}@hunt.local"]["dtstart"] == dt.datetime(2026, 12, 2, 9, 0)


def test_the_file_is_a_valid_calendar(hunt: Workspace) -> None:
    data = calendar_ics(hunt.store, hunt.clock())
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = build_calendar(hunt.store, hunt.clock())
    assert str(calendar["version"]) == "2.0" and "PRODID" in calendar
    for event in calendar.walk("VEVENT"):
        assert event.decoded("dtstamp") == hunt.clock().astimezone(dt.UTC)


def test_an_empty_hunt_is_an_empty_calendar(ws: Workspace) -> None:
    assert events(calendar_ics(ws.store, ws.clock())) == {}
