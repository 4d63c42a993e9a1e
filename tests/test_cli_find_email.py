"""`hunt contact find-email`: candidates with sources, --save after confirming, one-line errors.

The console script runs for real where no network is needed (nothing to look at, a host that
cannot exist); the listing and saving run main() in-process over a recorded internet.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hunt_core import http
from hunt_core.cli import main
from hunt_core.models import Contact
from hunt_core.store import Database
from tests.console import run_script
from tests.test_find_email import PUBLIC, Web, github, page

ADD = ["contact", "add", "Cinder Networks", "Alex Kim", "--role", "developer"]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A subprocess environment over a fresh database with one company."""
    env = {**os.environ, "HUNT_DB": str(tmp_path / "hunt.duckdb"), "HUNT_PLUGINS_DIR": ""}
    env.pop("HUNT_NOW", None)
    assert main(["--db", env["HUNT_DB"], "init"]) == 0
    assert main(["--db", env["HUNT_DB"], "company", "add", "Cinder Networks"]) == 0
    return env


def add_alex(env: dict[str, str], *flags: str) -> None:
    """Add Alex at Cinder Networks (in-process: only the search itself runs as a script)."""
    assert main(["--db", env["HUNT_DB"], *ADD, *flags]) == 0


def alex(db: str) -> Contact:
    """Alex as stored, read after the command closed the file."""
    database = Database.open(db)
    try:
        store = database.store()
        return store.contact(store.company("Cinder Networks"), "Alex Kim")
    finally:
        database.close()


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single `hunt: error:` line of a failed run."""
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("hunt: error: ")
    return line


def test_a_person_with_nothing_to_look_at_is_one_line(env: dict[str, str]) -> None:
    add_alex(env)
    result = run_script("contact", "find-email", "Cinder Networks", "Alex Kim", env=env)
    assert "Alex Kim has no GitHub profile or personal website" in one_error_line(result)


def test_an_unreachable_website_is_one_line_and_writes_nothing(env: dict[str, str]) -> None:
    add_alex(env, "--website", "nonexistent.invalid")
    result = run_script(
        "contact", "find-email", "Cinder Networks", "Alex Kim", "--save", "1", env=env
    )
    assert "cannot find nonexistent.invalid: are you offline" in one_error_line(result)
    assert (alex(env["HUNT_DB"]).email, alex(env["HUNT_DB"]).email_source) == ("", "")


def test_a_website_on_the_servers_own_address_is_refused(env: dict[str, str]) -> None:
    add_alex(env, "--website", "http://127.0.0.1:8501/")
    result = run_script("contact", "find-email", "Cinder Networks", "Alex Kim", env=env)
    assert "private or local address" in one_error_line(result)


def test_an_unknown_person_is_one_line(env: dict[str, str]) -> None:
    result = run_script("contact", "find-email", "Cinder Networks", "Nobody", env=env)
    assert "Nobody" in one_error_line(result)


# -- in-process, over a recorded internet ----------------------------------------------------


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Web:
    """Alex's GitHub and site, answered through a mock transport and a recorded DNS."""
    recorded = Web({**github(), ("alexkim.example", "/"): page()}, PUBLIC)
    monkeypatch.setattr(http, "client", recorded.client)
    monkeypatch.setattr(http, "system_resolver", recorded.resolve)
    return recorded


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database with Alex at Cinder Networks, GitHub and website filled in."""
    path = str(tmp_path / "hunt.duckdb")
    monkeypatch.setenv("HUNT_DB", path)
    monkeypatch.setenv("HUNT_PLUGINS_DIR", "")
    monkeypatch.delenv("HUNT_NOW", raising=False)
    assert main(["init"]) == 0
    assert main(["company", "add", "Cinder Networks"]) == 0
    person = [*ADD, "--github", "https://github.com/alexkim-dev", "--website", "alexkim.example"]
    assert main(person) == 0
    yield path


def find(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    """Run `hunt contact find-email` for Alex in-process."""
    capsys.readouterr()
    code = main(["contact", "find-email", "Cinder Networks", "Alex Kim", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_candidates_are_numbered_with_where_each_was_found(
    web: Web, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = find(capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == [
        "1. alex.kim@example.com  (found in GitHub profile github.com/alexkim-dev)",
        "2. akim@example.org  (found in GitHub commit on github.com/alexkim-dev/dotfiles)",
        "3. Hello@alexkim.example  (found in personal site alexkim.example)",
        "4. talks@alexkim.example  (found in personal site alexkim.example)",
    ]
    assert "--save N" in lines[-1]
    assert alex(db).email == ""  # looking saves nothing


def test_save_by_number_stores_the_email_and_its_source(
    web: Web, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = find(capsys, "--save", "2")
    assert code == 0
    assert out.strip() == (
        "Saved akim@example.org as Alex Kim's email "
        "(from GitHub commit on github.com/alexkim-dev/dotfiles)."
    )
    saved = alex(db)
    assert (saved.email, saved.email_source) == (
        "akim@example.org",
        "GitHub commit on github.com/alexkim-dev/dotfiles",
    )


def test_save_by_address_ignores_case(
    web: Web, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert find(capsys, "--save", "TALKS@alexkim.example")[0] == 0
    assert alex(db).email_source == "personal site alexkim.example"


@pytest.mark.parametrize("choice", ["0", "5", "someone@else.example"])
def test_saving_something_not_found_is_one_line_and_writes_nothing(
    web: Web, db: str, capsys: pytest.CaptureFixture[str], choice: str
) -> None:
    code, _, err = find(capsys, "--save", choice)
    assert code == 1
    [line] = err.splitlines()
    assert "is not one of the addresses found" in line
    assert alex(db).email == ""


def test_json_lists_email_and_source(web: Web, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = find(capsys, "--json")
    assert code == 0
    listed = json.loads(out)
    assert listed[0] == {
        "email": "alex.kim@example.com",
        "source": "GitHub profile github.com/alexkim-dev",
    }
    assert all(set(item) == {"email", "source"} for item in listed)


def test_a_rate_limited_github_still_offers_the_site_and_warns(
    web: Web, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    web.routes[("api.github.com", "/users/alexkim-dev")] = httpx.Response(
        403, headers={"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1795714920"}
    )
    code, out, err = find(capsys)
    assert code == 0
    assert out.startswith("1. Hello@alexkim.example  (found in personal site alexkim.example)")
    assert err.startswith("warning: GitHub's rate limit") and "resets at 17:42 UTC" in err


def test_nothing_found_says_where_else_to_look(
    web: Web, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    user = web.routes[("api.github.com", "/users/alexkim-dev")]
    assert isinstance(user, httpx.Response)  # a fixed answer, not a handler
    bare = dict(json.loads(user.content), email=None)
    web.routes = {
        ("api.github.com", "/users/alexkim-dev"): httpx.Response(200, json=bare),
        ("api.github.com", "/users/alexkim-dev/events/public"): httpx.Response(200, json=[]),
        ("api.github.com", "/users/alexkim-dev/repos"): httpx.Response(200, json=[]),
        ("alexkim.example", "/"): httpx.Response(200, html="<p>Hi</p>"),
    }
    code, out, _ = find(capsys)
    assert code == 0
    assert out.startswith("No email found for Alex Kim on GitHub or their website")
    assert "LinkedIn" in out
