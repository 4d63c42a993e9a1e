"""The card's button lands on its action, tables can be read whole, counts read right, the demo."""

from __future__ import annotations

import json
from pathlib import Path

from app_pages.safe import escape
from hunt_core.workspace import Workspace

from .driver import Dash, demo

ROLES = (("Dev", "developer"), ("Mgr", "manager"), ("Rec", "recruiter"))


def _five(ws: Workspace) -> None:
    """The guide's five companies, each with a developer, a manager and a recruiter to email."""
    for n in range(5):
        ws.add_company({"name": f"Co{n}", "stack": "C#", "remote": "yes"})
        for who, role in ROLES:
            ws.add_contact(f"Co{n}", {"name": f"{who} Co{n}", "role": role, "email": "a@b.io"})


def _messaged(ws: Workspace) -> None:
    """Five staffed companies, everyone emailed on NOW."""
    _five(ws)
    for n in range(5):
        for who, _ in ROLES:
            ws.log(f"Co{n}", f"{who} Co{n}", "email", channel="email")


def _label(dash: Dash) -> str:
    picker = dash.at.selectbox(key="outreach.person")
    return str(picker.format_func(picker.value))


def test_write_the_follow_up_opens_the_follow_up_draft_at_the_top(profiled: Dash) -> None:
    profiled.seed(_messaged)
    profiled.start().later(days=7)
    step = profiled.at.subheader[0].value
    assert step.startswith("Follow up with")
    assert profiled.at.button(key="step.go").label == "Write the follow-up"
    profiled.press("step.go").assert_ok()
    assert profiled.at.title[0].value == "Outreach"
    assert _label(profiled).endswith("(follow-up-due)")
    first_area = profiled.at.text_area[0]
    assert first_area.label == "Follow-up" and (first_area.key or "").startswith("follow_up.draft.")
    keys = profiled.widget_keys()
    assert "outreach.sent" not in keys, "no first message for someone already messaged"
    sent = next(k for k in keys if k.startswith("follow_up.sent."))
    assert profiled.widget(sent).proto.type == "primary"
    person = _label(profiled).split(" · ")[0]
    assert escape(person) in step
    drafted = [m.value for m in profiled.at.markdown if m.value.startswith(f"**{escape(person)}**")]
    assert len(drafted) == 1, "the person's follow-up is drafted once, at the top"


def test_a_first_message_is_marked_sent_once_and_the_picker_shows_it(profiled: Dash) -> None:
    profiled.seed(_five)
    profiled.start().press("step.go").assert_ok()
    assert profiled.at.title[0].value == "Outreach"
    assert _label(profiled).endswith("(new)")
    profiled.press("outreach.sent").assert_ok()
    assert _label(profiled).endswith("(waiting)"), "the picker shows the state after the action"
    assert "outreach.sent" not in profiled.widget_keys()
    assert any("Follow up on 2026-12-03" in i.value for i in profiled.at.info)
    profiled.press("outreach.replied").assert_ok()
    assert _label(profiled).endswith("(replied)")


def test_a_reply_leads_to_the_schedule_form_on_that_person(profiled: Dash) -> None:
    profiled.seed(_messaged)
    profiled.seed(lambda ws: ws.log("Co3", "Mgr Co3", "reply"))
    profiled.start()
    assert escape("Mgr Co3 at Co3 replied: schedule a chat") == profiled.at.subheader[0].value
    profiled.press("step.go").assert_ok()
    assert profiled.at.title[0].value == "Chats"
    who = profiled.widget("chat.schedule.0:who")
    assert who.format_func(who.value) == "Mgr Co3 · Co3"
    assert [e.proto.expanded for e in profiled.at.expander if e.label == "Schedule a chat"] == [
        True
    ]
    profiled.press("chat.schedule.0:save").assert_ok()
    assert escape("Prepare questions for your chat with Mgr Co3") in profiled.next_step()


def test_a_past_chat_is_recorded_from_the_card(profiled: Dash) -> None:
    profiled.seed(_messaged)
    profiled.seed(lambda ws: ws.log("Co1", "Dev Co1", "chat-scheduled", at="2026-11-27"))
    profiled.seed(lambda ws: ws.save_chat("Co1", "Dev Co1", questions=["How do reviews work?"]))
    profiled.start().later(days=2)
    assert profiled.at.subheader[0].value.startswith("Write down how your chat with Dev Co1")
    profiled.press("step.done").assert_ok()
    assert escape("Send Dev Co1 at Co1 a thank-you") in profiled.at.subheader[0].value


def test_the_card_is_never_empty_while_waiting(profiled: Dash) -> None:
    profiled.seed(_messaged)
    profiled.start().later(days=2).assert_ok()
    card = [m.value for m in profiled.at.markdown if "waiting on 15 replies" in m.value]
    assert card, [m.value for m in profiled.at.markdown]
    assert escape("2026-12-03") in card[0]
    assert profiled.at.subheader[0].value.startswith("Add a second")


# Each page's long text column: wide, and readable whole under an expander where it can run long.
LONG = {
    "companies": ("Find out", None),
    "people": ("Why", "Read why, for everyone"),
    "outreach": ("Text", "Read the messages in full"),
    "chats": ("Notes", "Read the notes in full"),
}


def _chatted(ws: Workspace) -> None:
    demo(ws)
    snap = ws.snapshot()
    held = next(c for c in snap.chats if c.held_at is not None)
    person = snap.contacts_by_id[held.contact_id]
    company = snap.company_by_id[person.company_id].name
    ws.save_chat(company, person.name, notes="We talked about pairing. " * 12)


def test_long_table_columns_are_wide_and_can_be_read_in_full(dash: Dash) -> None:
    dash.seed(_chatted)
    dash.start()
    for page, (column, full) in LONG.items():
        dash.open(page).assert_ok()
        if page == "outreach":  # someone with a history
            picker = dash.at.selectbox(key="outreach.person")
            picker.select_index(next(i for i, o in enumerate(picker.options) if "(new)" not in o))
            dash.at.run()
        tables = [t for t in dash.at.dataframe if column in t.value.columns]
        assert tables, f"{page}: no table with {column}"
        for table in tables:
            config = json.loads(table.proto.columns or "{}")
            assert config[column]["width"] == "large", (page, column)
            if full is None:
                continue
            [folded] = [e for e in dash.at.expander if e.label == full]
            whole = "\n".join(t.value for t in folded.text)
            assert all(str(v).strip() in whole for v in table.value[column] if v), page


def test_home_lists_the_queue_whole_with_every_why_one_click_away(
    dash: Dash, demo_file: Path
) -> None:
    dash.load(demo_file)
    queue: list = []
    dash.seed(lambda ws: queue.extend(ws.queue()))
    dash.start().assert_ok()
    folded = [e for e in dash.at.expander if " · step " in e.label]
    assert len(folded) == len(queue) - 1 >= 5
    for row, step in zip(folded, queue[1:], strict=True):
        assert row.label == escape(f"{step.action} · step {step.step}")
        assert [t.value for t in row.text] == [step.why]


def test_five_of_five_companies_and_no_zero_of_zero(profiled: Dash) -> None:
    profiled.start().assert_ok()
    bars = [p.text for p in profiled.at.progress]
    assert bars and not any("0/0" in b or "0 / 0" in b for b in bars), bars
    profiled.seed(lambda ws: [ws.add_company({"name": f"Co{n}"}) for n in range(7)])
    seven = Dash(profiled.db_path).start().open("companies")
    seven.assert_ok()
    assert seven.at.metric[0].value == "5 / 5"
    assert "7 on your list" in seven.at.progress[0].text


def test_the_demo_stays_reachable_from_settings_and_apart_from_your_hunt(
    profiled: Dash,
) -> None:
    profiled.seed(lambda ws: ws.add_company({"name": "My Own Co"}))
    profiled.start().open("settings").press("settings.demo.open").assert_ok()
    assert profiled.toasted("Demo hunt loaded")
    companies = list(profiled.open("companies").at.dataframe[0].value["Company"])
    assert len(companies) == 25 and "My Own Co" not in companies
    profiled.open("settings").press("settings.demo.leave").assert_ok()
    mine = list(profiled.open("companies").at.dataframe[0].value["Company"])
    assert mine == ["My Own Co"]
