"""User text stays text: names, notes and titles never become HTML, links or remote images."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app_pages.safe import escape
from hunt_core.workspace import Workspace

from .driver import APP, Dash, profile

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![](http://example.invalid/p.png)",
    "www.example.invalid a@example.invalid :smile:",
)
# In Markdown any of these, unescaped, starts HTML, a link, an image, an autolink or an emoji.
UNSAFE = re.compile(r"(?<!\\)[<\[]|\]\(|javascript:|https?://|www\\?\.|@\\?[\w-]|:\\?smile", re.I)
ROLES = ("developer", "manager", "recruiter", "other", "developer")


def _hostile(ws: Workspace) -> None:
    profile(ws)
    for payload in PAYLOADS:
        ws.add_company({"name": payload, "notes": payload, "open_roles": payload})
    home = PAYLOADS[0]
    for payload, role in zip(PAYLOADS, ROLES, strict=True):
        ws.add_contact(
            home,
            {"name": payload, "role": role, "title": payload, "mutual": payload,
             "email": "x@example.invalid", "college": payload},
        )  # fmt: skip
    ws.log(home, PAYLOADS[1], "email", channel="email", text=PAYLOADS[2])
    ws.log(home, PAYLOADS[2], "chat-held")
    ws.save_chat(home, PAYLOADS[2], notes=PAYLOADS[3], questions=list(PAYLOADS))


def _assert_inert(dash: Dash) -> None:
    dash.assert_ok()
    assert not dash.at.get("html"), "the dashboard never sends raw HTML"
    for text in dash.markdown():
        assert not UNSAFE.search(text), f"unescaped Markdown: {text!r}"
        for payload in PAYLOADS:
            assert payload not in text


@pytest.mark.parametrize("name", ["home", "companies", "people", "outreach", "chats", "progress"])
def test_hostile_names_and_notes_render_inert(dash: Dash, name: str) -> None:
    dash.seed(_hostile)
    dash.start().open(name)
    _assert_inert(dash)


def test_every_company_and_person_shows_its_name_as_plain_text(dash: Dash) -> None:
    dash.seed(_hostile)
    dash.start().open("companies")
    for index in range(len(PAYLOADS)):
        dash.at.selectbox(key="companies.pick").select_index(index)
        dash.at.run()
        _assert_inert(dash)
    plain = dash.plain()
    assert all(p in plain for p in PAYLOADS), "names and notes appear, as text"
    heading = dash.at.subheader[0].value
    assert any(heading.startswith(escape(p)) for p in PAYLOADS), "headings show names escaped"
    dash.open("people")
    picker = dash.at.selectbox(key="people.company")
    picker.select_index(list(picker.options).index(PAYLOADS[0]))
    dash.at.run()
    _assert_inert(dash)
    assert all(p in [t.value for t in dash.at.text] for p in PAYLOADS), "role slots as text"
    dash.open("outreach")
    for index in range(len(PAYLOADS)):
        dash.at.selectbox(key="outreach.person").select_index(index)
        dash.at.run()
        _assert_inert(dash)
    dash.open("chats")
    _assert_inert(dash)
    assert PAYLOADS[3] in dash.plain(), "chat notes as text"


def test_a_hostile_name_typed_into_a_form_comes_back_escaped(profiled: Dash) -> None:
    profiled.start().open("companies")
    profiled.fill("company.add.0", name=PAYLOADS[2]).press("company.add.0:save")
    _assert_inert(profiled)
    assert profiled.toasted(f"Added {PAYLOADS[2]}.")
    profiled.fill("company.add.1", name=PAYLOADS[2]).press("company.add.1:save")
    assert [e.value for e in profiled.at.error] == [
        escape(f"company '{PAYLOADS[2]}' already exists")
    ]


def test_the_mailto_link_only_percent_encodes_user_text(dash: Dash) -> None:
    dash.seed(profile)
    dash.seed(lambda ws: ws.add_company({"name": PAYLOADS[0]}))
    dash.seed(
        lambda ws: ws.add_contact(
            PAYLOADS[0], {"name": PAYLOADS[2], "role": "developer", "email": "a@b.io?bcc=c@d.io"}
        )
    )
    dash.start().open("outreach")
    url = dash.at.link_button[0].url
    assert url.startswith("mailto:a@b.io%3Fbcc%3Dc@d.io?subject=")
    assert not re.search(r"[<>\[\]() \n]", url)


def test_no_page_opts_into_raw_html() -> None:
    sources = [APP, *sorted((APP.parent / "app_pages").glob("*.py"))]
    for source in sources:
        text = Path(source).read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in text and "st.html" not in text, source
