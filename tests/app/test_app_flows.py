"""Flows through the widgets: each action gives feedback, lands in the database, moves the step."""

from __future__ import annotations

import urllib.parse

from app_pages.safe import escape
from hunt_core.workspace import Workspace

from .driver import Dash

ROLES = (("Dev", "developer"), ("Mgr", "manager"), ("Rec", "recruiter"))


def _acme(ws: Workspace, *, people: bool = False) -> None:
    ws.add_company({"name": "Acme", "stack": "C#", "remote": "yes"})
    if people:
        ws.add_contact("Acme", {"name": "Dev One", "role": "developer", "email": "dev@acme.io"})


def _staffed(ws: Workspace) -> None:
    """Four more companies and Acme's manager and recruiter, everyone already messaged."""
    ws.add_company({"name": "Acme", "stack": "C#", "remote": "yes"})
    people = [("Acme", "Mgr Acme", "manager"), ("Acme", "Rec Acme", "recruiter")]
    for n in range(4):
        ws.add_company({"name": f"Co{n}", "stack": "C#"})
        people += [(f"Co{n}", f"{who} Co{n}", role) for who, role in ROLES]
    for company, name, role in people:
        ws.add_contact(company, {"name": name, "role": role, "email": "x@example.com"})
        ws.log(company, name, "email", channel="email")


def _four(ws: Workspace) -> None:
    """Four companies besides Acme, each with its developer, manager and recruiter."""
    for n in range(4):
        ws.add_company({"name": f"Co{n}", "stack": "C#"})
        for who, role in ROLES:
            ws.add_contact(f"Co{n}", {"name": f"{who} Co{n}", "role": role})


def test_the_greeting_saves_a_profile_and_then_asks_for_a_company(dash: Dash) -> None:
    dash.start()
    dash.fill("welcome", name="Ana Diaz", program="Turing", home="Denver, CO", remote="yes")
    dash.press("welcome:save").assert_ok()
    assert dash.toasted("Profile saved")
    assert escape("Add a target company (0/5)") in dash.next_step()


def test_add_a_company_and_see_it_ranked(profiled: Dash) -> None:
    profiled.start().open("companies")
    assert profiled.at.metric[0].value == "0 / 5"
    form = "company.add.0"
    profiled.fill(form, name="Acme", stack=".NET; C#", remote="yes", hires_no_degree="yes")
    profiled.press(f"{form}:save").assert_ok()
    assert profiled.toasted("Added Acme")
    profiled.fill("company.add.1", name="Zeta", remote="no", stack="Java")
    profiled.press("company.add.1:save").assert_ok()
    ranked = profiled.at.dataframe[0].value
    assert list(ranked["Company"]) == ["Acme", "Zeta"]
    assert list(ranked["Rank"]) == [1, 2] and ranked["Score"].is_monotonic_decreasing
    assert profiled.at.metric[0].value == "2 / 5"
    assert profiled.at.text_input(key="company.add.2:name").value == "", "the form starts over"


def test_a_company_shows_its_breakdown_and_what_to_check(profiled: Dash) -> None:
    profiled.seed(_acme)
    profiled.start().open("companies").assert_ok()
    assert profiled.at.subheader[0].value.startswith("Acme: ")
    charts = [n for n in profiled.at if getattr(n, "type", "") == "vega_lite_chart"]
    assert len(charts) == 1
    todo = profiled.at.dataframe[1].value
    assert len(todo) > 0 and set(todo.columns) == {"Criterion", "Find out"}


def test_edit_a_company_and_the_change_survives_a_reload(profiled: Dash) -> None:
    profiled.seed(_acme)
    profiled.start().open("companies")
    form = f"company.edit.{profiled.at.selectbox(key='companies.pick').value}"
    profiled.fill(form, alumni_hired=3, peers_know="no")
    profiled.press(f"{form}:save").assert_ok()
    assert profiled.toasted("Saved Acme")
    reloaded = Dash(profiled.db_path).start().open("companies")
    assert reloaded.widget(f"{form}:alumni_hired").value == 3
    assert reloaded.widget(f"{form}:peers_know").value == "no"


def test_a_duplicate_company_shows_the_one_line_error(profiled: Dash) -> None:
    profiled.seed(_acme)
    profiled.start().open("companies")
    profiled.fill("company.add.0", name="acme").press("company.add.0:save")
    assert not profiled.at.exception
    assert [e.value for e in profiled.at.error] == ["company \\'acme\\' already exists"]


def test_add_a_person_fills_the_role_slot_and_changes_the_next_step(profiled: Dash) -> None:
    profiled.seed(_acme)
    profiled.seed(_four)
    profiled.start().open("people")
    before = profiled.next_step()
    assert escape("Find people at Acme") in before
    assert [c.value for c in profiled.at.caption].count("Empty slot") == 6
    form = "person.add.0"
    profiled.fill(form, name="Dev One", role="developer", email="dev@acme.io")
    profiled.press(f"{form}:save").assert_ok()
    assert profiled.toasted("Added Dev One")
    assert "Dev One" in [t.value for t in profiled.at.text]
    assert [c.value for c in profiled.at.caption].count("Empty slot") == 5
    after = profiled.next_step()
    assert after != before and escape("no manager or recruiter") in after


def test_edit_a_person_from_the_find_channel_step(profiled: Dash) -> None:
    profiled.seed(_staffed)
    profiled.seed(lambda ws: ws.add_contact("Acme", {"name": "Jo", "role": "developer"}))
    profiled.start()
    assert escape("Find Jo's email at Acme") in profiled.at.subheader[0].value
    profiled.press("step.go").assert_ok()
    assert profiled.at.title[0].value == "People to message"
    person = profiled.at.selectbox(key="people.edit").value
    form = f"person.edit.{person}"
    profiled.fill(form, linkedin="https://linkedin.example/in/jo")
    profiled.press(f"{form}:save").assert_ok()
    assert escape("Message Jo") in profiled.next_step()


def test_mark_sent_then_a_week_later_the_follow_up_is_due(profiled: Dash) -> None:
    profiled.seed(lambda ws: _acme(ws, people=True))
    profiled.start().open("outreach").assert_ok()
    assert profiled.at.selectbox(key="outreach.person").value is not None
    suggested = [m.value for m in profiled.at.markdown if m.value.startswith("**Suggested:**")]
    reason = "Email dev@acme.io: emails get more replies than LinkedIn"  # a sentence, capitalised
    assert suggested == ["**Suggested:** " + escape(f"Email. {reason}")]
    assert profiled.at.progress[0].text.endswith("0 of 5"), "email does not use a LinkedIn note"
    mailto = profiled.at.link_button[0].url
    assert mailto.startswith("mailto:dev@acme.io?subject=")
    body = urllib.parse.parse_qs(mailto.split("?", 1)[1])["body"][0]
    assert body == profiled.at.text_area[0].value == profiled.at.code[0].value
    profiled.press("outreach.sent").assert_ok()
    assert profiled.toasted("Logged your message to Dev One")
    assert profiled.at.progress[0].text.endswith("0 of 5")
    assert "None due" in " ".join(c.value for c in profiled.at.caption)

    profiled.later(days=7)
    profiled.assert_ok()
    assert escape("Follow up with Dev One at Acme") in profiled.next_step()
    due = [m.value for m in profiled.at.markdown if m.value.startswith("**Dev One**")]
    assert due == ["**Dev One** at Acme · due 2026-12-03"]
    key = next(k for k in profiled.widget_keys() if k.startswith("follow_up.sent."))
    profiled.press(key).assert_ok()
    assert profiled.toasted("follow-up to Dev One")
    assert not any(k.startswith("follow_up.sent.") for k in profiled.widget_keys())


def test_a_linkedin_note_counts_against_the_monthly_quota(profiled: Dash) -> None:
    profiled.seed(_acme)
    profiled.seed(
        lambda ws: ws.add_contact(
            "Acme", {"name": "Li", "role": "recruiter", "linkedin": "https://linkedin.example/li"}
        )
    )
    profiled.start().open("outreach")
    assert profiled.at.progress[0].text.endswith("0 of 5")
    person = profiled.at.selectbox(key="outreach.person").value
    assert profiled.widget(f"outreach.channel.{person}").value == "linkedin-note"
    draft = profiled.at.text_area[0]
    assert draft.value is not None
    assert draft.max_chars == 200 and len(draft.value) <= 200
    count = f"{len(draft.value)} / 200 characters (the LinkedIn note limit)"
    assert count in [c.value for c in profiled.at.caption]
    profiled.press("outreach.sent").assert_ok()
    assert profiled.at.progress[0].text.endswith("1 of 5")


def test_done_and_snooze_on_the_home_card_persist(profiled: Dash) -> None:
    profiled.seed(_staffed)
    profiled.seed(lambda ws: ws.add_contact("Acme", {"name": "Dev One", "role": "developer",
                                                     "email": "dev@acme.io"}))  # fmt: skip
    profiled.start()
    assert escape("Message Dev One") in profiled.at.subheader[0].value
    profiled.press("step.done").assert_ok()
    assert profiled.toasted("Marked done")
    after_done = profiled.at.subheader[0].value
    assert escape("Message Dev One") not in after_done
    profiled.press("step.snooze").assert_ok()
    assert profiled.toasted("Snoozed")
    snoozed = profiled.at.subheader[0].value
    assert snoozed != after_done
    assert Dash(profiled.db_path).start().at.subheader[0].value == snoozed, "survives a reload"
    assert profiled.later(days=1, hours=1).at.subheader[0].value == after_done


def test_the_primary_button_opens_the_page_on_the_right_person(profiled: Dash) -> None:
    profiled.seed(_staffed)
    profiled.seed(lambda ws: ws.add_contact("Acme", {"name": "Dev One", "role": "developer",
                                                     "email": "dev@acme.io"}))  # fmt: skip
    profiled.start().press("step.go").assert_ok()
    assert profiled.at.title[0].value == "Outreach"
    chosen = profiled.at.selectbox(key="outreach.person")
    assert chosen.format_func(chosen.value).startswith("Dev One · Acme")


def test_a_chat_from_scheduling_to_thank_you(profiled: Dash) -> None:
    profiled.seed(lambda ws: _acme(ws, people=True))
    profiled.start().open("chats")
    profiled.fill("chat.schedule.0", day=profiled.at.date_input[0].value)
    profiled.press("chat.schedule.0:save").assert_ok()
    assert profiled.toasted("Chat with Dev One scheduled")
    assert list(profiled.at.dataframe[0].value["Person"]) == ["Dev One"]
    assert escape("Prepare questions for your chat with Dev One") in profiled.next_step()
    form = next(k for k in profiled.widget_keys() if k.startswith("chat.") and k.endswith(":q"))[
        :-2
    ]
    starter = profiled.widget(f"{form}:q").value
    assert starter.count("\n") >= 2, "a starter bank of questions"
    profiled.fill(form, q="What makes a junior thrive?\n\nHow do reviews work?", notes="Nice")
    profiled.fill(form, referral=True)
    profiled.press(f"{form}:save").assert_ok()
    reloaded = Dash(profiled.db_path).start().open("chats")
    assert reloaded.widget(f"{form}:q").value == "What makes a junior thrive?\nHow do reviews work?"
    assert reloaded.widget(f"{form}:notes").value == "Nice"
    profiled.press("chat.held").assert_ok()
    assert escape("Send Dev One at Acme a thank-you") in profiled.next_step()
    held = profiled.at.dataframe[0].value
    assert list(held["Referral offered"]) == [True] and list(held["Notes"]) == ["Nice"]
    key = next(k for k in profiled.widget_keys() if k.startswith("thanks.sent."))
    profiled.press(key).assert_ok()
    assert not any(k.startswith("thanks.sent.") for k in profiled.widget_keys())


def test_weights_are_saved_from_the_sliders(profiled: Dash) -> None:
    profiled.start().open("settings")
    assert profiled.widget("weight.stack").value != 0.0
    profiled.widget("weight.stack").set_value(0.0)
    profiled.press("settings.weights:save").assert_ok()
    assert profiled.toasted("Saved 1 weight")
    assert Dash(profiled.db_path).start().open("settings").widget("weight.stack").value == 0.0
    plugins = profiled.at.dataframe[0].value
    assert "stack" in list(plugins["Plugin"]) and set(plugins["Source"]) >= {"builtin"}


def test_the_profile_is_saved_from_settings(profiled: Dash) -> None:
    profiled.start().open("settings")
    profiled.fill("settings.profile", linkedin="premium", note_chars=300)
    profiled.press("settings.profile:save").assert_ok()
    assert profiled.toasted("Profile saved")
    assert profiled.widget("settings.profile:note_chars").value == 300
