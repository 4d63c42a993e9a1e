"""The workspace: writes through forms in one transaction, drafts, chats, weights, the clock."""

from __future__ import annotations

import pytest

from hunt_core.errors import InvalidInput, NotFound
from hunt_core.snapshot import Snapshot, Unread
from hunt_core.workspace import Workspace


def test_add_company_from_text_fields(ws: Workspace) -> None:
    company = ws.add_company(
        {"name": " Acme ", "stack": "C#; .NET", "remote": "Hybrid", "alumni_hired": "2"}
    )
    assert (company.name, company.stack, company.remote, company.alumni_hired) == (
        "Acme", ["C#", ".NET"], "hybrid", 2)  # fmt: skip


@pytest.mark.parametrize(
    ("values", "message"),
    [({"name": ""}, "company name"),
     ({"name": "A", "remote": "maybe"}, "remote 'maybe'"),
     ({"name": "A", "alumni_hired": "two"}, "alumni-hired"),
     ({"name": "A", "colour": "x"}, "colour")],
)  # fmt: skip
def test_bad_company_fields_name_the_problem(ws: Workspace, values, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        ws.add_company(values)
    assert ws.store.companies() == []


def test_contacts_need_a_known_company_and_role(ws: Workspace) -> None:
    ws.add_company({"name": "Acme"})
    with pytest.raises(NotFound, match="no company named 'Nope'"):
        ws.add_contact("Nope", {"name": "Jo", "role": "developer"})
    with pytest.raises(InvalidInput, match="role 'ceo'"):
        ws.add_contact("Acme", {"name": "Jo", "role": "ceo"})
    with pytest.raises(InvalidInput, match="email"):
        ws.add_contact("Acme", {"name": "Jo", "role": "developer", "email": "nope"})
    assert ws.store.contacts() == []


def test_log_validates_kind_and_date_and_writes_nothing_on_error(ws: Workspace) -> None:
    ws.add_company({"name": "Acme"})
    ws.add_contact("Acme", {"name": "Jo", "role": "developer"})
    with pytest.raises(InvalidInput, match="touch kind 'wave'"):
        ws.log("Acme", "Jo", "wave")
    with pytest.raises(InvalidInput, match="--at '2026-13-01'"):
        ws.log("Acme", "Jo", "email", at="2026-13-01")
    assert ws.store.touches() == []


def test_logging_a_chat_keeps_the_chat_record(ws: Workspace, clock) -> None:
    ws.add_company({"name": "Acme"})
    ws.add_contact("Acme", {"name": "Jo", "role": "developer"})
    ws.log("Acme", "Jo", "chat-scheduled", at="2026-12-01")
    chat = ws.store.chats()[0]
    assert chat.scheduled_for is not None
    assert chat.scheduled_for.date().isoformat() == "2026-12-01" and chat.held_at is None
    ws.log("Acme", "Jo", "chat-held")
    assert ws.store.chats()[0].held_at == clock.now


def test_chat_questions_come_from_plugins_until_saved(ws: Workspace) -> None:
    ws.add_company({"name": "Acme", "stack": "C#"})
    ws.add_contact("Acme", {"name": "Jo", "role": "manager"})
    starter = ws.chat_questions("Acme", "Jo")
    assert starter and len(starter) == len(set(starter))
    ws.save_chat("Acme", "Jo", questions=["What makes a junior thrive here?"])
    assert ws.chat_questions("Acme", "Jo") == ["What makes a junior thrive here?"]


def test_weights_are_validated_and_stored(ws: Workspace) -> None:
    ws.set_weight("stack", 5)
    assert ws.weights()["stack"] == 5
    with pytest.raises(InvalidInput, match="unknown criterion"):
        ws.set_weight("karma", 1)
    with pytest.raises(InvalidInput, match="between 0 and 10"):
        ws.set_weight("stack", 11)


def test_first_draft_carries_the_in_and_asks_about_working_there(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme", "uses_product": "yes", "stack": "C#"})
    profiled.add_contact("Acme", {"name": "Jo Park", "role": "developer", "email": "jo@acme.io"})
    text = profiled.draft("Acme", "Jo Park")
    assert text.startswith("Hi Jo,") and "Acme" in text and "Ana Diaz" in text
    assert "what it's like to work there" in text
    assert "Acme's product" in text or "product" in text


def test_linkedin_note_draft_fits_the_plan_limit(profiled: Workspace) -> None:
    profiled.add_company({"name": "A Company With A Rather Long Name Incorporated"})
    profiled.add_contact(
        "A Company With A Rather Long Name Incorporated",
        {"name": "Jo Park", "role": "developer", "linkedin": "https://linkedin.com/in/jo"},
    )
    note = profiled.draft("A Company With A Rather Long Name Incorporated", "Jo Park")
    assert len(note) <= 200
    assert "work there" in note


def test_follow_up_and_thank_you_drafts(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme"})
    profiled.add_contact("Acme", {"name": "Jo", "role": "developer", "email": "jo@acme.io"})
    profiled.log("Acme", "Jo", "email", at="2026-11-16")
    assert "following up on the email I sent you" in profiled.draft("Acme", "Jo", "follow-up")
    assert "Thank you" in profiled.draft("Acme", "Jo", "thank-you")
    with pytest.raises(InvalidInput, match="draft kind"):
        profiled.draft("Acme", "Jo", "poem")


def test_ranking_companies_leaves_everyone_but_friends_unread(store, plugins, clock) -> None:
    kept: list[Snapshot] = []
    ws = Workspace(store, plugins, clock, keep=kept)
    ws.add_company({"name": "Acme"})
    ws.add_contact("Acme", {"name": "Jo Friend", "role": "developer", "friend": "yes"})
    [score] = ws.rank_companies()
    assert "you know Jo Friend" in " ".join(w.signal.reason for w in score.signals)
    [snap] = kept
    assert isinstance(snap.rest, Unread) and "contact_views" not in vars(snap)
    assert [p.name for p in ws.snapshot().contact_views] == ["Jo Friend"]
