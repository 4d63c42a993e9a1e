"""The one next step, in the guide's order and urgency, and progress per guide step."""

from __future__ import annotations

from hunt_core.workspace import Workspace


def _kinds(ws: Workspace) -> list[str]:
    return [s.kind for s in ws.queue()]


def _company_with_people(ws: Workspace, name: str, *, emails: bool = True) -> None:
    ws.add_company({"name": name, "stack": "C#", "remote": "yes"})
    for person, role in (("Dev", "developer"), ("Mgr", "manager"), ("Rec", "recruiter")):
        email = f"{person.lower()}@{name.lower()}.io" if emails else ""
        ws.add_contact(name, {"name": f"{person} {name}", "role": role, "email": email})


def test_an_empty_hunt_starts_with_the_profile(ws: Workspace) -> None:
    step = ws.next_step()
    assert step.kind == "profile" and step.step == 1
    assert "name" in step.action and step.why
    assert _kinds(ws) == ["profile", "add-company"]


def test_then_add_companies_up_to_five(profiled: Workspace) -> None:
    step = profiled.next_step()
    assert step.kind == "add-company" and "(0/5)" in step.action
    for n in range(5):
        _company_with_people(profiled, f"Co{n}")
    assert "add-company" not in _kinds(profiled)


def test_a_company_short_of_people_asks_for_the_missing_role(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme"})
    step = profiled.next_step()
    assert step.kind == "find-people" and step.company == "Acme"
    before = step.action
    profiled.add_contact("Acme", {"name": "Jo", "role": "developer"})
    after = next(s for s in profiled.queue() if s.kind == "find-people")
    assert "no manager or recruiter" in after.action and after.action != before


def test_message_the_top_ranked_contact_before_finding_more(profiled: Workspace) -> None:
    _company_with_people(profiled, "Acme")
    step = profiled.next_step()
    assert step.kind == "message" and step.company == "Acme"
    assert step.contact in {"Dev Acme", "Mgr Acme", "Rec Acme"}
    assert "email" in step.action.lower()


def test_a_person_without_any_channel_needs_finding(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme"})
    profiled.add_contact("Acme", {"name": "Jo", "role": "developer"})
    step = next(s for s in profiled.queue() if s.contact == "Jo")
    assert step.kind == "find-channel"


def test_a_week_later_the_follow_up_comes_first(profiled: Workspace, clock) -> None:
    _company_with_people(profiled, "Acme")
    first = profiled.next_step()
    profiled.log("Acme", first.contact, "email", channel="email")
    assert profiled.next_step().contact != first.contact
    clock.advance(days=7)
    step = profiled.next_step()
    assert (step.kind, step.contact, step.step) == ("follow-up", first.contact, 5)
    profiled.log("Acme", first.contact, "follow-up", channel="email")
    clock.advance(days=30)
    assert all(s.contact != first.contact for s in profiled.queue())


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


def test_snoozed_steps_leave_the_queue_until_they_wake(profiled: Workspace, clock) -> None:
    step = profiled.next_step()
    profiled.snooze(step.key, days=2)
    assert all(s.key != step.key for s in profiled.queue())
    clock.advance(days=3)
    assert profiled.next_step().key == step.key


def test_unknown_criteria_become_steps_to_check(profiled: Workspace) -> None:
    for n in range(5):
        _company_with_people(profiled, f"Co{n}")
        for person in ("Dev", "Mgr", "Rec"):
            profiled.log(f"Co{n}", f"{person} Co{n}", "email")
    kinds = _kinds(profiled)
    assert kinds and set(kinds) == {"check-criterion"}
    assert profiled.next_step().action.startswith("Co")


def test_progress_counts_each_guide_step(profiled: Workspace) -> None:
    _company_with_people(profiled, "Acme")
    profiled.add_company({"name": "Beta"})
    profiled.add_contact("Beta", {"name": "Bo", "role": "developer"})
    profiled.log("Acme", "Dev Acme", "email")
    progress = {p.step: p for p in profiled.progress()}
    assert progress[1].summary == "2/5 target companies"
    assert "Beta: 1 people, no manager, no recruiter" in progress[2].details
    assert progress[2].done == 1
    assert progress[4].summary == "1/4 people messaged"
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
