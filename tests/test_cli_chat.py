"""`hunt chat prep COMPANY NAME`: the questions to take into a coffee chat (guide step 6).

The guide: prepare questions about what it is like to work there, never ask for a job; the
questions you wrote for that chat come first, else the starter bank for the person's role.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hunt_core.cli import main
from hunt_core.plugins import get_plugin_manager
from hunt_core.store import Database
from hunt_core.workspace import Workspace
from tests.console import run_script


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A hunt with one company and a recruiter and a developer there (set up in-process)."""
    path = tmp_path / "hunt.duckdb"
    env = {**os.environ, "HUNT_DB": str(path), "HUNT_PLUGINS_DIR": ""}
    for name in ("HUNT_LOAD_PLUGINS", "HUNT_DISABLE_PLUGINS", "HUNT_NOW"):
        env.pop(name, None)
    for args in (
        ["init"],
        ["company", "add", "Prairie Health"],
        ["contact", "add", "Prairie Health", "Ann Lee", "--role", "recruiter"],
        ["contact", "add", "Prairie Health", "Bo Chen", "--role", "developer"],
    ):
        assert main(["--db", str(path), *args]) == 0
    return env


def test_the_starter_questions_fit_the_persons_role_and_company(env: dict[str, str]) -> None:
    recruiter = json.loads(
        run_script("chat", "prep", "prairie health", "ann lee", "--json", env=env).stdout
    )
    developer = json.loads(
        run_script("chat", "prep", "Prairie Health", "Bo Chen", "--json", env=env).stdout
    )
    assert (recruiter["company"], recruiter["contact"]) == ("Prairie Health", "Ann Lee")
    assert recruiter["questions"] and developer["questions"]
    assert set(recruiter["questions"]).isdisjoint(developer["questions"]), "asked by role"
    assert any("Prairie Health" in q for q in recruiter["questions"])
    assert not any("job" in q.casefold().split() for q in recruiter["questions"]), (
        "the guide: ask what it is like to work there, not for a job"
    )
    text = run_script("chat", "prep", "Prairie Health", "Ann Lee", env=env).stdout
    assert "Ann Lee (recruiter) at Prairie Health" in text
    assert f"1. {recruiter['questions'][0]}" in text


def test_the_questions_you_saved_for_the_chat_come_instead(env: dict[str, str]) -> None:
    db = Database.open(env["HUNT_DB"])
    try:
        ws = Workspace(db.store(), get_plugin_manager(env={}, entrypoints=False, directories=[]))
        ws.save_chat("Prairie Health", "Bo Chen", questions=["What would you change first?"])
    finally:
        db.close()
    shown = json.loads(
        run_script("chat", "prep", "Prairie Health", "Bo Chen", "--json", env=env).stdout
    )
    assert shown["questions"] == ["What would you change first?"]


def test_an_unknown_person_is_one_line_and_exit_1(env: dict[str, str]) -> None:
    done = run_script("chat", "prep", "Prairie Health", "Nobody", env=env)
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "Nobody" in done.stderr
