"""Follow-ups and coffee chats as an .ics calendar file any calendar app can import.

Each event's UID is stable (hunt-followup-<contact id>@hunt.local, hunt-chat-<contact id>@...),
so importing a newer file updates the events instead of adding them twice. Times are floating
(no time zone), as the hunt stores them: the chat is at 10:00 wherever you are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from icalendar import Calendar, Event

from hunt_core import outreach
from hunt_core.models import Activity, Chat, Company, Contact
from hunt_core.snapshot import Snapshot
from hunt_core.store import Store

PRODID = "-//Hunt//Networking job hunt//EN"
CHAT_MINUTES = 30
UID_DOMAIN = "hunt.local"


def calendar_ics(source: Store | Snapshot, now: dt.datetime) -> bytes:
    """The follow-ups due and the chats, coming or held, as .ics bytes."""
    return build_calendar(source, now).to_ical()


def build_calendar(source: Store | Snapshot, now: dt.datetime) -> Calendar:
    """One all-day event per follow-up and a 30-minute event per chat."""
    companies, contacts, activity, chats = _read(source)
    stamp = now.astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Hunt: follow-ups and coffee chats")
    by_contact = {c.id: c for c in contacts}
    events = [
        *_follow_ups(contacts, companies, activity, stamp),
        *_chats(chats, by_contact, companies, stamp),
    ]
    for event in sorted(events, key=lambda e: (str(e.decoded("dtstart")), str(e["uid"]))):
        calendar.add_component(event)
    return calendar


def _read(
    source: Store | Snapshot,
) -> tuple[dict[int | None, Company], list[Contact], dict[int, Activity], list[Chat]]:
    """Companies by id, people, their outreach dates and chats, from a snapshot or the store."""
    if isinstance(source, Snapshot):
        companies, contacts, chats = source.companies, source.contacts, source.chats
        activity = source.activity
    else:
        companies, contacts, chats = source.companies(), source.contacts(), source.chats()
        activity = source.activity()
    return {c.id: c for c in companies}, contacts, activity, chats


def _follow_ups(
    contacts: list[Contact],
    companies: dict[int | None, Company],
    activity: dict[int, Activity],
    stamp: dt.datetime,
) -> Iterator[Event]:
    """An all-day event on the day each unanswered first message needs its one follow-up."""
    for person in contacts:
        done = activity.get(person.id or -1, Activity())
        due = outreach.follow_up_on(done)
        if due is None or done.first_outreach is None:
            continue
        event = _event(f"hunt-followup-{person.id}@{UID_DOMAIN}", stamp)
        event.add("summary", f"Follow up with {person.name} at {_company(companies, person)}")
        event.add("dtstart", due)
        event.add("dtend", due + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
        event.add(
            "description",
            f"Your first message went out on {done.first_outreach:%Y-%m-%d} and has no answer "
            "yet. Follow up once, a week later, then let it rest.",
        )
        yield event


def _chats(
    chats: list[Chat],
    by_contact: dict[int | None, Contact],
    companies: dict[int | None, Company],
    stamp: dt.datetime,
) -> Iterator[Event]:
    """A 30-minute event per chat with a time, its prepared questions as the description."""
    for chat in chats:
        person = by_contact.get(chat.contact_id)
        start = chat.scheduled_for or chat.held_at
        if person is None or start is None:
            continue
        event = _event(f"hunt-chat-{person.id}@{UID_DOMAIN}", stamp)
        event.add("summary", f"Coffee chat with {person.name} at {_company(companies, person)}")
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=CHAT_MINUTES))
        questions = "\n".join(f"- {q}" for q in chat.questions)
        event.add("description", questions or "No questions prepared yet: add some in Hunt.")
        yield event


def _event(uid: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    return event


def _company(companies: dict[int | None, Company], person: Contact) -> str:
    company = companies.get(person.company_id)
    return company.name if company else "their company"
