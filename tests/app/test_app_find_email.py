"""People page: "Look for their email" searches only when asked and saves only what is confirmed."""

from __future__ import annotations

from typing import Any

import pytest

from app_pages.safe import escape
from hunt_core import find_email
from hunt_core.errors import HuntError
from hunt_core.find_email import Candidate, Found
from hunt_core.models import Contact
from hunt_core.workspace import Workspace

from .driver import Dash

FOUND = Found(
    [
        Candidate("alex.kim@example.com", "GitHub profile github.com/alexkim-dev"),
        Candidate("akim@example.org", "GitHub commit on github.com/alexkim-dev/dotfiles"),
    ],
    ["alexkim.example was not found (404)"],
)


def _alex(ws: Workspace) -> None:
    ws.add_company({"name": "Cinder Networks", "stack": "C#"})
    ws.add_contact(
        "Cinder Networks",
        {
            "name": "Alex Kim",
            "role": "developer",
            "github": "alexkim-dev",
            "website": "alexkim.example",
        },
    )
    ws.add_contact("Cinder Networks", {"name": "Sam Ortiz", "role": "recruiter"})


class Fetcher:
    """Stands in for the network: answers each search with a result (or raises it)."""

    def __init__(self, answer: Found | HuntError) -> None:
        self.answer = answer
        self.looked_up: list[str] = []

    def __call__(self, contact: Contact, **_: Any) -> Found:
        self.looked_up.append(contact.name)
        if isinstance(self.answer, HuntError):
            raise self.answer
        return self.answer


@pytest.fixture
def fetcher(monkeypatch: pytest.MonkeyPatch) -> Fetcher:
    """The email search answered from memory, never the network."""
    fake = Fetcher(FOUND)
    monkeypatch.setattr(find_email, "search", fake)
    return fake


def _stored(dash: Dash, name: str) -> Contact:
    """The person as stored, read through this session's workspace."""
    ws: Workspace = dash.at.session_state["_hunt_workspace"][3]
    return ws.store.contact(ws.store.company("Cinder Networks"), name)


def test_nothing_is_fetched_until_asked_and_nothing_saved_until_confirmed(
    profiled: Dash, fetcher: Fetcher
) -> None:
    profiled.seed(_alex)
    profiled.start().open("people").assert_ok()
    alex = profiled.at.selectbox(key="people.edit").value
    assert fetcher.looked_up == []  # opening the page looks nowhere
    profiled.press(f"people.email.{alex}:find").assert_ok()
    assert fetcher.looked_up == ["Alex Kim"]
    shown = profiled.plain()
    assert "akim@example.org  (found in GitHub commit on github.com/alexkim-dev/dotfiles)" in shown
    assert "alex.kim@example.com  (found in GitHub profile github.com/alexkim-dev)" in shown
    assert [w.value for w in profiled.at.warning] == [escape("alexkim.example was not found (404)")]
    assert _stored(profiled, "Alex Kim").email == ""

    profiled.widget(f"people.email.{alex}:pick").set_value(1)
    profiled.press(f"people.email.{alex}:save").assert_ok()
    saved = _stored(profiled, "Alex Kim")
    assert (saved.email, saved.email_source) == (
        "akim@example.org",
        "GitHub commit on github.com/alexkim-dev/dotfiles",
    )
    assert profiled.toasted("Saved akim@example.org as Alex Kim's email.")
    assert f"people.email.{alex}:save" not in profiled.widget_keys()  # the offer is done


def test_a_person_with_no_github_or_website_gets_no_button(
    profiled: Dash, fetcher: Fetcher
) -> None:
    profiled.seed(_alex)
    profiled.start().open("people")
    picker = profiled.at.selectbox(key="people.edit")
    picker.select_index(picker.options.index("Sam Ortiz"))
    profiled.at.run()
    assert "person.edit.2:save" in profiled.widget_keys()  # Sam's form is the one shown
    assert not [k for k in profiled.widget_keys() if k.startswith("people.email.")]


def test_a_failed_search_is_one_line_and_offers_nothing(profiled: Dash, fetcher: Fetcher) -> None:
    fetcher.answer = HuntError(
        "GitHub's rate limit for this address is used up (60 requests an hour without a token); "
        "it resets at 17:42 UTC"
    )
    profiled.seed(_alex)
    profiled.start().open("people")
    alex = profiled.at.selectbox(key="people.edit").value
    profiled.press(f"people.email.{alex}:find")
    assert not profiled.at.exception
    [error] = [e.value for e in profiled.at.error]
    assert error == escape(str(fetcher.answer))
    assert f"people.email.{alex}:save" not in profiled.widget_keys()


def test_nothing_found_points_to_the_next_place_to_look(profiled: Dash, fetcher: Fetcher) -> None:
    fetcher.answer = Found([], [])
    profiled.seed(_alex)
    profiled.start().open("people")
    alex = profiled.at.selectbox(key="people.edit").value
    profiled.press(f"people.email.{alex}:find").assert_ok()
    assert any("LinkedIn" in i.value for i in profiled.at.info)
