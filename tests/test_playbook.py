"""The one next step, in the guide's order and urgency, and progress per guide step."""

from __future__ import annotations

import datetime as dt

import pytest

from hunt_core import insights, playbook
from hunt_core.errors import InvalidInput
from hunt_core.models import Step
from hunt_core.workspace import Workspace

ROLES = (("Dev", "developer"), ("Mgr", "manager"), ("Rec", "recruiter"))


def _kinds(ws: Workspace) -> list[str]:
    return [s.kind for s in ws.queue()]


def _company_with_people(ws: Workspace, name: str, *, emails: bool = True) -> None:
    ws.add_company({"name": name, "stack": "C#", "remote": "yes"})
    for person, role in ROLES:
        email = f"{person.lower()}@{name.lower()}.io" if emails else ""
        ws.add_contact(name, {"name": f"{person} {name}", "role": role, "email": email})


def _five(ws: Workspace) -> None:
    """The guide's five companies, each with a developer, a manager and a recruiter."""
    for n in range(5):
        _company_with_people(ws, f"Co{n}")


def test_an_empty_hunt_starts_with_the_profile(ws: Workspace) -> None:
    step = ws.next_step()
    assert step.kind == "profile" and step.step == 1
    assert "name" in step.action and step.why
    assert _kinds(ws)[:2] == ["profile", "add-company"]


def test_the_card_keeps_asking_for_companies_until_there_are_five(profiled: Workspace) -> None:
    for n in range(5):
        step = profiled.next_step()
        assert step.kind == "add-company" and f"({n}/5)" in step.action, step
        _company_with_people(profiled, f"Co{n}")
    assert "add-company" not in [s.kind for s in profiled.queue() if s.key == "add-company"]
    assert profiled.next_step().kind == "message"


def test_a_company_short_of_people_asks_for_the_missing_role(profiled: Workspace) -> None:
    for n in range(4):
        _company_with_people(profiled, f"Co{n}")
    profiled.add_company({"name": "Acme"})
    step = profiled.next_step()
    assert step.kind == "find-people" and step.company == "Acme"
    before = step.action
    profiled.add_contact("Acme", {"name": "Jo", "role": "developer"})
    after = profiled.next_step()
    assert "no manager or recruiter" in after.action and after.action != before


def test_people_at_the_top_five_come_before_any_message(profiled: Workspace) -> None:
    """Guide step 2 (3-6 people per company) before steps 3-4: one person is not enough."""
    for n in range(5):
        profiled.add_company({"name": f"Co{n}", "stack": "C#", "remote": "yes"})
    profiled.add_contact("Co0", {"name": "Jo", "role": "developer", "email": "jo@co0.io"})
    keys = [s.key for s in profiled.queue()]
    assert keys[0].startswith("find-people:")
    last_people = max(i for i, k in enumerate(keys) if k.startswith("find-people:"))
    assert min(i for i, k in enumerate(keys) if k.startswith("message:")) > last_people


def test_message_the_top_ranked_contact_once_the_companies_are_staffed(
    profiled: Workspace,
) -> None:
    _five(profiled)
    step = profiled.next_step()
    assert step.kind == "message" and step.contact and step.contact.endswith(step.company or "")
    assert "email" in step.action.lower()


def test_a_person_without_any_channel_needs_finding(profiled: Workspace) -> None:
    _five(profiled)
    profiled.add_contact("Co0", {"name": "Jo", "role": "developer"})
    step = next(s for s in profiled.queue() if s.contact == "Jo")
    assert step.kind == "find-channel"


def test_a_week_later_the_follow_up_comes_first(profiled: Workspace, clock) -> None:
    _five(profiled)
    first = profiled.next_step()
    assert first.company is not None and first.contact is not None
    profiled.log(first.company, first.contact, "email", channel="email")
    assert profiled.next_step().contact != first.contact
    clock.advance(days=7)
    step = profiled.next_step()
    assert (step.kind, step.contact, step.step) == ("follow-up", first.contact, 5)
    profiled.log(first.company, first.contact, "follow-up", channel="email")
    clock.advance(days=30)
    assert all(s.contact != first.contact for s in profiled.queue())


def test_a_reply_asks_for_a_chat_and_a_past_chat_asks_to_be_recorded(
    profiled: Workspace, clock
) -> None:
    _five(profiled)
    profiled.log("Co0", "Dev Co0", "email")
    profiled.log("Co0", "Dev Co0", "reply")
    step = profiled.next_step()
    assert (step.kind, step.contact, step.step) == ("schedule-chat", "Dev Co0", 6)
    profiled.log("Co0", "Dev Co0", "chat-scheduled", at="2026-11-28")
    profiled.save_chat("Co0", "Dev Co0", questions=["What does onboarding look like?"])
    assert all(s.contact != "Dev Co0" for s in profiled.queue())
    clock.advance(days=3)
    step = profiled.next_step()
    assert (step.kind, step.contact) == ("record-chat", "Dev Co0")
    assert "2026-11-28" in step.why or "yesterday" in step.why


def test_chat_prep_then_thank_you_outrank_everything_but_the_profile(
    profiled: Workspace, clock
) -> None:
    _company_with_people(profiled, "Acme")
    profiled.log("Acme", "Dev Acme", "email")
    profiled.log("Acme", "Dev Acme", "chat-scheduled", at="2026-11-27")
    assert profiled.next_step().kind == "prep-chat"
    profiled.save_chat("Acme", "Dev Acme", questions=["What does onboarding look like?"])
    assert profiled.next_step().kind != "prep-chat"
    clock.advance(days=2)
    profiled.log("Acme", "Dev Acme", "chat-held")
    step = profiled.next_step()
    assert (step.kind, step.contact) == ("thank-you", "Dev Acme")
    profiled.log("Acme", "Dev Acme", "thank-you")
    assert profiled.next_step().kind != "thank-you"


def test_thank_yous_and_chats_to_schedule_come_longest_waiting_first(profiled: Workspace) -> None:
    """Whoever has waited longest comes first: not the first by name, nor by company."""
    held = {
        "Zed": ("Acme", "2026-11-20"),
        "Amy": ("Beta", "2026-11-22"),
        "Bo": ("Acme", "2026-11-24"),
    }
    for company in ("Acme", "Beta"):
        profiled.add_company({"name": company})
    for person, (company, day) in held.items():
        profiled.add_contact(company, {"name": person, "role": "developer"})
        profiled.log(company, person, "email", at="2026-11-01")
        profiled.log(company, person, "reply", at=day)
    steps = [s for s in profiled.queue() if s.kind == "schedule-chat"]
    assert [s.contact for s in steps] == ["Zed", "Amy", "Bo"]
    for person, (company, day) in held.items():
        profiled.log(company, person, "chat-held", at=day)
    steps = [s for s in profiled.queue() if s.kind == "thank-you"]
    assert [s.contact for s in steps] == ["Zed", "Amy", "Bo"]
    due = insights.thank_yous_due(profiled.snapshot())
    assert [e.contact.name for e in due] == ["Zed", "Amy", "Bo"]


def test_two_people_of_one_name_waiting_on_the_same_day_still_get_a_note(
    profiled: Workspace,
) -> None:
    """The note sorts by date, then name, then id: it never has to compare two people."""
    for company in ("Acme", "Beta"):
        profiled.add_company({"name": company})
        profiled.add_contact(company, {"name": "Sam Lee", "role": "developer"})
        profiled.log(company, "Sam Lee", "email", at="2026-11-24")
    note = playbook.waiting_note(profiled.snapshot())
    assert note.startswith("You are waiting on 2 replies; the next follow-up (Sam Lee at Acme)")


def test_snoozed_steps_leave_the_queue_until_they_wake(profiled: Workspace, clock) -> None:
    step = profiled.next_step()
    profiled.snooze(step.key, days=2)
    assert all(s.key != step.key for s in profiled.queue())
    clock.advance(days=3)
    assert profiled.next_step().key == step.key


def test_snoozing_a_key_that_is_no_step_is_refused(profiled: Workspace) -> None:
    with pytest.raises(InvalidInput, match="'follow-up:99' is no next step"):
        profiled.snooze("follow-up:99")
    assert profiled.store.snoozed(dt.datetime(2030, 1, 1)) == set()


def test_with_everything_snoozed_the_card_still_names_an_action(profiled: Workspace) -> None:
    for step in profiled.queue():
        profiled.snooze(step.key, days=3)
    step = profiled.next_step()
    assert step.kind == "add-company" and step.action and step.why
    assert profiled.queue() == [step]


def test_while_waiting_on_replies_the_card_says_when_and_builds_the_pipeline(
    profiled: Workspace, clock
) -> None:
    _five(profiled)
    for n in range(5):
        for person, _ in ROLES:
            profiled.log(f"Co{n}", f"{person} Co{n}", "email", channel="email")
    clock.advance(days=2)
    step = profiled.next_step()
    assert step.key.startswith(playbook.MEANWHILE_KEYS)
    assert "waiting on 15 replies" in step.why
    assert "next follow-up" in step.why and "2026-12-03" in step.why
    assert step.kind in {"find-people", "add-company", "check-criterion"}
    assert step.action and step.why.count("Meanwhile") == 1


def test_a_role_with_one_person_asks_for_a_second_while_waiting(profiled: Workspace) -> None:
    _five(profiled)
    for n in range(5):
        for person, _ in ROLES:
            profiled.log(f"Co{n}", f"{person} Co{n}", "email")
    step = profiled.next_step()
    assert step.key == f"second:{step.company_id}:developer"
    assert step.action == f"Add a second developer at {step.company}"


def test_when_every_step_is_done_it_suggests_the_next_company(profiled: Workspace) -> None:
    _five(profiled)
    for n in range(5):
        for person, role in ROLES:
            profiled.add_contact(f"Co{n}", {"name": f"{person}2 Co{n}", "role": role})
        for contact in profiled.store.contacts(profiled.store.company(f"Co{n}").id):
            for kind in ("email", "reply", "chat-held", "thank-you"):
                profiled.log(f"Co{n}", contact.name, kind)
    step = profiled.next_step()
    assert (step.kind, step.key) == ("add-company", "another-company")
    assert "number 6" in step.action and "C#" in step.action
    assert "Every step of the guide is done" in step.why
    assert "hires" in step.why and "In" in step.why


def test_unknown_criteria_become_steps_to_check(profiled: Workspace) -> None:
    _five(profiled)
    kinds = _kinds(profiled)
    assert "check-criterion" in kinds
    check = next(s for s in profiled.queue() if s.kind == "check-criterion")
    assert check.action.startswith("Co") and "unknown" in check.why


def test_progress_counts_each_guide_step(profiled: Workspace) -> None:
    _company_with_people(profiled, "Acme")
    profiled.add_company({"name": "Beta"})
    profiled.add_contact("Beta", {"name": "Bo", "role": "developer"})
    profiled.log("Acme", "Dev Acme", "email")
    progress = {p.step: p for p in profiled.progress()}
    assert progress[1].summary == "2 / 5 target companies"
    assert "Beta: 1 person, no manager, no recruiter" in progress[2].details
    assert progress[2].done == 1
    assert progress[2].summary == "1 / 2 companies with 3-6 people and every role"
    assert progress[4].summary == "1 / 4 people messaged"
    assert progress[5].summary == "0 follow-ups sent, 0 due"
    assert [p.step for p in progress.values()] == [1, 2, 3, 4, 5, 6]


def test_follow_up_progress_grows_with_follow_ups_sent_not_with_ones_falling_due(
    profiled: Workspace, clock
) -> None:
    # "Follow up if I don't hear a response in a week": progress is follow-ups done.
    _company_with_people(profiled, "Acme")
    for person in ("Dev", "Mgr", "Rec"):
        profiled.log("Acme", f"{person} Acme", "email")
    waiting = next(p for p in profiled.progress() if p.step == 5)
    clock.advance(days=8)  # all three follow-ups are now due: more work, not more progress
    due = next(p for p in profiled.progress() if p.step == 5)
    assert (due.done, due.target) == (0, 3) and due.done <= waiting.done
    assert due.summary == "0 follow-ups sent, 3 due"
    profiled.log("Acme", "Dev Acme", "follow-up")
    sent = next(p for p in profiled.progress() if p.step == 5)
    assert (sent.done, sent.target) == (1, 3) and sent.summary == "1 follow-up sent, 2 due"


def test_a_criterion_to_check_says_how_far_the_score_could_move(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme", "stack": "C#"})
    [score] = profiled.rank_companies()
    step = next(s for s in profiled.queue() if s.kind == "check-criterion")
    assert f"anywhere in {score.low:.0f}-{score.high:.0f}" in step.why
    assert f"{score.known} of {score.total} criteria known" in step.why


def test_progress_caps_companies_at_the_guides_five(profiled: Workspace) -> None:
    for n in range(7):
        profiled.add_company({"name": f"Co{n}"})
    first = profiled.progress()[0]
    assert (first.summary, first.done, first.target) == ("5 / 5 target companies", 5, 5)
    assert "7 on your list" in first.details[0]


def test_an_empty_hunt_shows_no_zero_of_zero(profiled: Workspace) -> None:
    summaries = [p.summary for p in profiled.progress()]
    assert not any("0/0" in s or "0 / 0" in s for s in summaries), summaries
    assert summaries[1:] == [
        "No companies yet", "No people yet", "No people yet", "Nobody messaged yet",
        "No chats held yet",
    ]  # fmt: skip


# -- following only the card, from an empty hunt ------------------------------------------

PHASES = {
    "profile": "profile",
    "add-company": "companies",
    "find-people": "people",
    "find-channel": "messages",
    "message": "messages",
    "follow-up": "follow-ups",
    "schedule-chat": "chats",
    "prep-chat": "chats",
    "record-chat": "chats",
    "thank-you": "thank-yous",
}
GUIDE = ["profile", "companies", "people", "messages", "follow-ups", "chats", "thank-yous"]


class User:
    """A new user who does exactly what the card says, and a world where people reply."""

    def __init__(self, ws: Workspace, clock) -> None:
        self.ws, self.clock = ws, clock
        self.added = 0
        self.replies_on: dict[tuple[str, str], dt.datetime] = {}

    def do(self, step: Step) -> None:
        """Do the step as its action says; a step while waiting is done, then a day passes."""
        ws, company, contact = self.ws, step.company or "", step.contact or ""
        if step.kind == "profile":
            ws.update_profile({"name": "Ana Diaz", "program": "Turing", "home": "Denver, CO",
                               "remote": "yes", "stack": "C#; .NET"})  # fmt: skip
        elif step.kind == "add-company":
            ws.add_company({"name": f"Target {self.added}", "stack": "C#", "remote": "yes"})
            self.added += 1
        elif step.kind == "find-people":
            _, missing = playbook.role_gaps(ws.snapshot(), step.company_id or -1)
            role = missing[0] if missing else step.action.split()[3]  # "Add a second <role> ..."
            n = len(ws.store.contacts())
            email = f"p{n}@example.com"
            ws.add_contact(company, {"name": f"Person {n}", "role": role, "email": email})
        elif step.kind == "find-channel":
            ws.edit_contact(company, contact, {"email": "found@example.com"})
        elif step.kind == "message":
            ws.log(company, contact, "email", channel="email")
        elif step.kind == "follow-up":
            ws.log(company, contact, "follow-up", channel="email")
            self.replies_on[(company, contact)] = self.clock.now + dt.timedelta(days=1)
        elif step.kind == "schedule-chat":
            day = (self.clock.now + dt.timedelta(days=playbook.CHAT_IN_DAYS)).date()
            ws.log(company, contact, "chat-scheduled", at=day.isoformat())
        elif step.kind == "prep-chat":
            ws.save_chat(company, contact, questions=["What does a new developer's week hold?"])
        elif step.kind == "record-chat":
            ws.save_chat(company, contact, notes="Pairing every day; a referral is possible.")
            ws.log(company, contact, "chat-held")
        elif step.kind == "thank-you":
            ws.log(company, contact, "thank-you")
        else:
            raise AssertionError(f"the card asked for something a user cannot do: {step}")
        if step.key.startswith(playbook.MEANWHILE_KEYS):
            self.clock.advance(days=1)
            self.world()

    def world(self) -> None:
        """People who were followed up answer the day after."""
        for (company, contact), when in list(self.replies_on.items()):
            if self.clock.now >= when:
                self.ws.log(company, contact, "reply")
                del self.replies_on[(company, contact)]


def test_following_only_the_card_walks_the_whole_guide_in_order(ws: Workspace, clock) -> None:
    user = User(ws, clock)
    seen: list[Step] = []
    for _ in range(400):
        step = ws.next_step()
        assert step is not None and step.action and step.why
        seen.append(step)
        if step.kind == "find-people" and not step.key.startswith(playbook.MEANWHILE_KEYS):
            assert len(ws.store.companies()) >= 5, "people come after five companies"
        if step.kind == "message" and not any(s.kind == "message" for s in seen[:-1]):
            snap = ws.snapshot()
            for score in snap.company_scores[:5]:
                count, missing = playbook.role_gaps(snap, score.company.id or -1)
                assert count >= 3 and not missing, f"{score.company.name} is not staffed yet"
        user.do(step)
        if step.kind == "thank-you":
            break
    else:
        pytest.fail(f"no thank-you after 400 steps; the last: {[s.action for s in seen[-5:]]}")
    order = [PHASES[s.kind] for s in seen if not s.key.startswith(playbook.MEANWHILE_KEYS)]
    firsts = list(dict.fromkeys(order))
    assert firsts == GUIDE, firsts
    assert order[: order.index("people")].count("companies") == 5
    assert "companies" not in order[order.index("people") :]
    assert "people" not in order[order.index("messages") :]
