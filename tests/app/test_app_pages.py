"""Every page runs on an empty hunt and on demo data; the plumbing: user, clock, errors, paths."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from app_pages import session
from hunt_core.workspace import Workspace

from .driver import PAGES, Dash


@pytest.mark.parametrize("name", PAGES)
def test_every_page_runs_on_an_empty_database(dash: Dash, name: str) -> None:
    dash.start().open(name).assert_ok()
    assert dash.at.title, "every page has a title"


@pytest.mark.parametrize("name", PAGES)
def test_every_page_runs_on_demo_data(dash: Dash, name: str, demo_file: Path) -> None:
    dash.load(demo_file)
    dash.start().open(name).assert_ok()


def test_a_new_user_can_load_demo_data_and_visit_every_page(dash: Dash) -> None:
    dash.start()
    assert [s.value for s in dash.at.subheader] == ["Set up your profile", "Or try a demo hunt"]
    dash.press("welcome.demo")
    dash.assert_ok()
    assert dash.toasted("Demo hunt loaded.")
    assert dash.at.button(key="step.go"), "the greeting gives way to the next step"
    for page in PAGES:
        dash.open(page).assert_ok()
    assert len(dash.open("companies").at.dataframe[0].value) == 25


def test_the_progress_page_draws_three_altair_charts(dash: Dash, demo_file: Path) -> None:
    dash.load(demo_file)
    dash.start().open("progress").assert_ok()
    charts = [n for n in dash.at if getattr(n, "type", "") == "vega_lite_chart"]
    assert len(charts) == 3
    stages = [m.label for m in dash.at.metric]
    assert stages == ["Companies", "People", "Messaged", "Replied", "Chats", "Referrals"]
    assert dash.at.metric[0].value == "25"
    chats = dash.at.metric[4]
    assert "scheduled or held" in chats.help and "step 6 below counts those held" in chats.help


def test_the_signed_in_user_sees_only_their_own_hunt(dash: Dash) -> None:
    dash.seed(lambda ws: ws.add_company({"name": "Acme"}))
    dash.start(user="cohort-ana")
    assert dash.at.subheader[0].value == "Set up your profile", "another user's hunt is empty"
    assert "Signed in as cohort\\-ana" in [c.value for c in dash.at.caption]


def test_the_local_user_is_the_default(dash: Dash) -> None:
    dash.seed(lambda ws: ws.add_company({"name": "Acme"}))
    dash.start().open("companies")
    assert list(dash.at.dataframe[0].value["Company"]) == ["Acme"]


def test_the_database_comes_from_secrets_when_set(dash: Dash, tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere" / "hunt.duckdb"
    dash.at.secrets["hunt"] = {"db": str(chosen)}
    dash.start().open("settings").assert_ok()
    assert dash.at.code[-1].value == str(chosen)
    assert chosen.exists()


def test_settings_show_where_the_data_lives(dash: Dash, db_path: Path) -> None:
    dash.start().open("settings")
    assert dash.at.code[-1].value == str(db_path)


@pytest.mark.filterwarnings("ignore:hunt_core\\.\\w+ is deprecated:DeprecationWarning")
def test_settings_tell_the_local_user_which_plugin_uses_a_deprecated_api_and_how_to_fix_it(
    dropins: Callable[..., Path], dash: Dash
) -> None:
    dropins(
        legacy=(
            "from hunt_core.api import hookimpl\n"
            "from hunt_core import Signal  # the 1.0 spelling, on purpose\n\n\n"
            "@hookimpl\ndef hunt_score_company(company):\n    return None\n"
        )
    )
    dash.start().open("settings").assert_ok()
    assert any("deprecated part of Hunt's plugin API" in i.value for i in dash.at.info)
    assert (
        "plugin 'legacy' uses a deprecated API: hunt_core.Signal is deprecated and will be "
        "removed in Hunt 2.0; use `from hunt_core.api import Signal` (legacy.py:2)"
    ) in dash.plain()
    assert not dash.at.warning, "a deprecation is not a failure"
    table = dash.at.dataframe[-1].value.set_index("Plugin")
    assert table.loc["legacy", "Status"] == "loaded, 1 deprecated use"
    assert table.loc["stack", "Status"] == "loaded"


def test_settings_say_nothing_of_deprecations_when_no_plugin_uses_one(dash: Dash) -> None:
    dash.start().open("settings").assert_ok()
    assert not any("deprecated" in i.value for i in dash.at.info)


def test_an_unexpected_failure_shows_a_friendly_message_and_is_logged(
    dash: Dash, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    dash.seed(lambda ws: ws.update_profile({"name": "Ana"}))

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Workspace, "progress", broken)
    with caplog.at_level(logging.ERROR, logger="hunt.app"):
        dash.start()
    assert not dash.at.exception
    assert [e.value for e in dash.at.error] == [session.FRIENDLY]
    assert "secret internals" in caplog.text


def test_a_bad_clock_setting_is_reported_not_raised(
    dash: Dash, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUNT_NOW", "next tuesday")
    dash.at.run()
    assert not dash.at.exception and [e.value for e in dash.at.error] == [session.FRIENDLY]


def test_hunt_now_in_the_environment_sets_the_clock(
    dash: Dash, monkeypatch: pytest.MonkeyPatch
) -> None:
    dash.seed(lambda ws: ws.add_company({"name": "Acme"}))
    dash.seed(lambda ws: ws.add_contact("Acme", {"name": "Jo", "role": "developer"}))
    monkeypatch.setenv("HUNT_NOW", "2026-12-24T10:00:00")
    dash.at.run()
    dash.open("chats")
    day = dash.at.date_input[0].value
    assert isinstance(day, dt.date) and day.isoformat() == "2026-12-24"


def test_one_database_and_one_cursor_per_session(dash: Dash) -> None:
    dash.start()
    first = dash.at.session_state["_hunt_workspace"]
    dash.open("companies").open("people")
    again = dash.at.session_state["_hunt_workspace"]
    assert again[3] is first[3] and again[0] is first[0]
    other = Dash(dash.db_path).start()
    theirs = other.at.session_state["_hunt_workspace"]
    assert theirs[0] is first[0], "one cached database for the server"
    assert theirs[3].store.con is not first[3].store.con, "a cursor of its own per session"
