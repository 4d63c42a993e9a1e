"""Outreach: states, the one follow-up after a week, the LinkedIn note quota and drafts."""

from __future__ import annotations

import datetime as dt

import pytest

from hunt_core import outreach
from hunt_core.errors import InvalidInput
from hunt_core.models import Activity, Profile, Template
from hunt_core.outreach import follow_up_on, state_of

SENT = dt.datetime(2026, 11, 2, 12)
DAY = dt.timedelta(days=1)


def test_follow_up_is_due_a_week_after_an_unanswered_first_message() -> None:
    sent = Activity(first_outreach=SENT)
    assert follow_up_on(sent) == dt.date(2026, 11, 9)
    assert state_of(sent, dt.date(2026, 11, 8)) == "waiting"
    assert state_of(sent, dt.date(2026, 11, 9)) == "follow-up-due"


def test_one_follow_up_then_no_more_nudges() -> None:
    followed = Activity(first_outreach=SENT, follow_up=SENT + 7 * DAY)
    assert follow_up_on(followed) is None
    assert state_of(followed, dt.date(2027, 1, 1)) == "followed-up"


def test_a_reply_or_chat_stops_the_follow_up() -> None:
    replied = Activity(first_outreach=SENT, answer=SENT + DAY)
    assert follow_up_on(replied) is None and state_of(replied, dt.date(2026, 12, 1)) == "replied"
    chat = Activity(first_outreach=SENT, answer=SENT, chat_scheduled=SENT + 3 * DAY)
    assert state_of(chat, dt.date(2026, 12, 1)) == "chat-scheduled"


def test_thanks_after_the_chat_closes_the_loop() -> None:
    held = Activity(first_outreach=SENT, answer=SENT, chat_held=SENT + 2 * DAY)
    assert state_of(held, SENT.date()) == "chat-held"
    thanked = held._replace(thank_you=SENT + 3 * DAY)
    assert state_of(thanked, SENT.date()) == "thanked"
    assert state_of(Activity(), SENT.date()) == "new"


def test_note_quota_by_plan_and_override() -> None:
    free = Profile(linkedin="free")
    assert (free.note_limit, free.monthly_notes) == (200, 5)
    assert outreach.notes_left(free, 3) == 2 and outreach.notes_left(free, 9) == 0
    premium = Profile(linkedin="premium")
    assert (premium.note_limit, premium.monthly_notes) == (300, None)
    assert outreach.notes_left(premium, 100) is None
    custom = Profile(linkedin="free", note_chars=300, notes_per_month=10)
    assert (custom.note_limit, outreach.notes_left(custom, 4)) == (300, 6)


def test_month_window() -> None:
    assert outreach.month_start(dt.date(2026, 12, 31)) == dt.datetime(2026, 12, 1)
    assert outreach.next_month_start(dt.date(2026, 12, 31)) == dt.datetime(2027, 1, 1)


def _problem(template: Template) -> str:
    """What is wrong with a template; the test fails if nothing is."""
    problem = outreach.template_problem(template)
    assert problem is not None, f"{template.text!r} was accepted"
    return problem


def test_templates_reject_unknown_variables() -> None:
    assert outreach.template_problem(Template(kind="first", text="Hi {first_name}")) is None
    assert "unknown variable" in _problem(Template(kind="first", text="Hi {password}"))
    assert "kind" in _problem(Template(kind="sms", text="Hi"))  # type: ignore[arg-type]
    assert "parse" in _problem(Template(kind="first", text="Hi {oops"))


def test_draft_fits_the_limit_or_is_trimmed() -> None:
    options = {
        "linkedin-note": [
            Template(kind="linkedin-note", text="Hi {first_name}, " + "long words " * 30),
            Template(kind="linkedin-note", text="Hi {first_name}, may I ask about {company}?"),
        ]
    }
    values = {"first_name": "Jo", "company": "Acme"}
    assert outreach.draft(options, "linkedin-note", [values], 200) == "Hi Jo, may I ask about Acme?"
    trimmed = outreach.draft(options, "linkedin-note", [values], 20)
    assert len(trimmed) <= 20
    with pytest.raises(InvalidInput, match="no 'thank-you'"):
        outreach.draft(options, "thank-you", [values])


def test_user_text_in_values_is_never_a_placeholder() -> None:
    options = {"first": [Template(kind="first", text="Hi {first_name} at {company}")]}
    text = outreach.draft(options, "first", [{"first_name": "{company}", "company": "{0}"}])
    assert text == "Hi {company} at {0}"
