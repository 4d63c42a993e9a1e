"""The `hunt` command: names, JSON shapes, one-line errors that write nothing, a busy database.

Most tests call main() in-process; a few run the installed console script for real. Every test
runs on a DuckDB file and on PostgreSQL (the `backend` fixture), except those about files
themselves, marked file_only.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import duckdb
import pytest

from hunt_core.cli import main
from hunt_core.store import Database
from hunt_core.store.migrations import migrations
from tests.console import run_script

if TYPE_CHECKING:
    from tests.conftest import Backend

pytestmark = pytest.mark.both_backends

PROFILE = ["profile", "set", "--name", "Ana Diaz", "--program", "Turing School", "--home",
           "Omaha, NE", "--locations", "Omaha, NE; Lincoln, NE", "--remote", "yes"]  # fmt: skip
CSV_HEADER = "name,remote,stack,hires_no_degree,locations,alumni_hired\n"


class Result(NamedTuple):
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def error_line(self) -> str:
        """The single stderr line of a failed command."""
        lines = self.err.splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("hunt: error: ")
        return lines[0]


Hunt = Callable[..., Result]


@pytest.fixture
def db_path(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> str:
    """Where HUNT_DB names no database yet (a file path or an empty PostgreSQL database).

    Only the built-in plugins load.
    """
    path = backend.empty()
    monkeypatch.setenv("HUNT_DB", path)
    monkeypatch.setenv("HUNT_PLUGINS_DIR", "")
    for name in ("HUNT_LOAD_PLUGINS", "HUNT_DISABLE_PLUGINS", "HUNT_NOW"):
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture
def bare(db_path: str, capsys: pytest.CaptureFixture[str]) -> Hunt:
    """Run `hunt ARGS` in-process on a path with no database yet; capture code and output."""

    def run(*args: str) -> Result:
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def hunt(bare: Hunt, backend: Backend, db_path: str) -> Hunt:
    """`hunt ARGS` in-process on a database made by `hunt init`.

    A file starts as a copy of the session's migrated file, where `init` has only its user
    row left to write: the same database, without migrating it in every test.
    """
    if backend.template is not None:
        shutil.copyfile(backend.template, db_path)
    assert bare("init").code == 0
    return bare


@pytest.fixture
def acme(hunt: Hunt) -> Hunt:
    """A hunt with a profile, one company and one developer with an email."""
    assert hunt(*PROFILE).code == 0
    assert hunt("company", "add", "Acme", "--stack", "C#; .NET", "--remote", "yes").code == 0
    person = ["contact", "add", "Acme", "Jo Park", "--role", "developer"]
    assert hunt(*person, "--email", "jo@acme.example", "--email-source", "GitHub").code == 0
    return hunt


def stored(path: str, what: str) -> list[Any]:
    """Read the local user's rows straight from the database after the command closed it."""
    db = Database.open(path)
    try:
        return getattr(db.store(), what)()
    finally:
        db.close()


# -- the real console script ---------------------------------------------------------------


@pytest.fixture
def script_env(db_path: str) -> dict[str, str]:
    """The environment a subprocess sees: this test's database (made), no drop-in plugins."""
    Database.open(db_path).close()
    return {**os.environ, "HUNT_DB": db_path, "HUNT_PLUGINS_DIR": ""}


def test_a_deeply_nested_export_is_one_line_not_a_traceback(
    script_env: dict[str, str], tmp_path: Path
) -> None:
    deep = tmp_path / "hunt-export.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    done = run_script("import", "export", str(deep), env=script_env)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"hunt: error: {deep} is not JSON Hunt can read: nested too deeply"
    ]


def test_console_script_adds_and_ranks_a_company(script_env: dict[str, str]) -> None:
    added = run_script("company", "add", "Acme", "--stack", "C#", env=script_env)
    assert (added.returncode, added.stderr) == (0, "")
    ranked = run_script("rank", "companies", "--json", env=script_env)
    assert ranked.returncode == 0, ranked.stderr
    [acme] = json.loads(ranked.stdout)
    assert set(acme) == {"company", "score", "low", "high", "coverage", "signals"}
    assert acme["company"] == "Acme"


def test_console_script_shows_each_score_with_its_coverage_and_range(
    script_env: dict[str, str],
) -> None:
    # One good thing known must not rank above a company that meets nearly every criterion.
    profile = ["profile", "set", "--name", "Ana", "--home", "Omaha, NE", "--remote", "yes"]
    assert run_script(*profile, env=script_env).returncode == 0
    add = ["company", "add"]
    assert run_script(*add, "Obscure", "--peers-know", "no", env=script_env).returncode == 0
    strong = [*add, "Strong", "--stack", "C#", "--remote", "yes", "--hires-no-degree", "yes",
              "--alumni-hired", "2", "--open-roles", "Junior .NET Developer",
              "--uses-product", "yes", "--knows-someone", "Sam Lee"]  # fmt: skip
    assert run_script(*strong, env=script_env).returncode == 0
    ranked = json.loads(run_script("rank", "companies", "--json", env=script_env).stdout)
    assert [c["company"] for c in ranked] == ["Strong", "Obscure"]
    for company in ranked:
        counted = [s for s in company["signals"] if s["weight"] > 0]
        known = [s for s in counted if s["points"] is not None]
        assert company["coverage"] == {"known": len(known), "total": len(counted)}
        assert 0 <= company["low"] <= company["score"] <= company["high"] <= 100
    obscure = ranked[1]
    assert obscure["coverage"]["known"] == 1 and obscure["score"] < 100 == obscure["high"]
    text = run_script("rank", "companies", env=script_env).stdout
    line = next(x for x in text.splitlines() if "Obscure" in x)
    total = obscure["coverage"]["total"]
    assert f"{obscure['score']:.1f}/100" in line and f"1 of {total} criteria known" in line
    assert f"range {obscure['low']:.0f}-{obscure['high']:.0f}" in line


def test_console_script_reports_a_bad_csv_row_in_one_line(
    script_env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV_HEADER + "Acme,yes,C#,yes,,\nBeta,sometimes,C#,yes,,\n", encoding="utf-8")
    result = run_script("import", "companies", str(bad), env=script_env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("hunt: error: ") and "row 3" in line and "remote" in line


@pytest.mark.file_only  # a file's write lock; PostgreSQL serves many processes
def test_a_database_held_by_another_process_is_one_clear_line(
    script_env: dict[str, str], db_path: str
) -> None:
    # create the file at the latest schema (the assert only makes it one line; close returns None)
    assert Database.open(db_path).close() is None  # type: ignore[func-returns-value]
    holder = duckdb.connect(str(db_path))  # this test process holds the write lock
    try:
        result = run_script("rank", "companies", env=script_env)
    finally:
        holder.close()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert "in use by another process" in line


# -- setup, profile, companies ---------------------------------------------------------------


def test_init_creates_the_database(bare: Hunt, db_path: str) -> None:
    result = bare("init")
    assert result.code == 0
    assert db_path in result.out
    made = Database.open(db_path, read_only=True)
    try:
        assert made.version() == migrations()[-1][0]
    finally:
        made.close()


def test_profile_set_and_show(hunt: Hunt) -> None:
    assert hunt(*PROFILE, "--stack", "C#; .NET; SQL", "--linkedin", "premium").code == 0
    profile = hunt("profile", "show", "--json").json
    assert profile["home"] == "Omaha, NE"
    assert profile["locations"] == ["Omaha, NE", "Lincoln, NE"]
    assert (profile["stack"], profile["linkedin"]) == (["C#", ".NET", "SQL"], "premium")
    assert "Omaha, NE; Lincoln, NE" in hunt("profile", "show").out


@pytest.mark.parametrize(
    ("args", "message"),
    [(["profile", "set"], "at least one field"),
     (["profile", "set", "--remote", "maybe"], "remote 'maybe'"),
     (["profile", "set", "--note-chars", "5"], "note-chars")],
)  # fmt: skip
def test_bad_profile_input_is_one_line(hunt: Hunt, args: list[str], message: str) -> None:
    result = hunt(*args)
    assert result.code == 1
    assert message in result.error_line


def test_company_add_ranks_with_explained_signals(hunt: Hunt) -> None:
    assert hunt(*PROFILE).code == 0
    added = hunt("company", "add", "Acme", "--stack", "C#; .NET", "--open-roles", "Junior .NET Dev")
    assert added.code == 0
    [acme] = hunt("rank", "companies", "--json").json
    assert acme["company"] == "Acme"
    assert 0 <= acme["score"] <= 100
    for signal in acme["signals"]:
        assert set(signal) == {"criterion", "points", "weight", "reason"}
        assert signal["points"] is None or 0 <= signal["points"] <= 1
        assert signal["reason"]
    stack = next(s for s in acme["signals"] if s["criterion"] == "stack")
    assert stack["points"] == 1.0 and "C#" in stack["reason"]
    assert "Acme" in hunt("rank", "companies").out


def test_company_edit_changes_only_the_given_fields(hunt: Hunt, db_path: str) -> None:
    hunt("company", "add", "Acme", "--stack", "Java", "--remote", "no")
    assert hunt("company", "edit", "acme", "--stack", "C#").code == 0
    [company] = stored(db_path, "companies")
    assert (company.stack, company.remote) == (["C#"], "no")
    assert "at least one field" in hunt("company", "edit", "Acme").error_line


def test_bad_company_input_writes_nothing(hunt: Hunt, db_path: str) -> None:
    for args in (["--remote", "sometimes"], ["--alumni-hired", "two"], ["--hires-no-degree", "x"]):
        result = hunt("company", "add", "Acme", *args)
        assert result.code == 1
        assert args[0].lstrip("-") in result.error_line
    assert stored(db_path, "companies") == []


def test_a_duplicate_company_is_refused(hunt: Hunt) -> None:
    hunt("company", "add", "Acme")
    assert "already exists" in hunt("company", "add", " ACME ").error_line


def test_global_options_work_after_the_command_and_users_are_separate(hunt: Hunt) -> None:
    assert hunt("company", "add", "Acme", "--user", "ana@example.com").code == 0
    assert hunt("rank", "companies", "--json").json == []
    ranked = hunt("--user", "ana@example.com", "rank", "companies", "--json").json
    assert [c["company"] for c in ranked] == ["Acme"]


def test_usage_errors_keep_argparse_exit_code(hunt: Hunt) -> None:
    assert hunt("frobnicate").code == 2
    assert hunt("contact", "add", "Acme", "Jo").code == 2  # --role is required
    assert hunt("--help").code == 0


# -- CSV import ------------------------------------------------------------------------------


def test_import_companies_from_csv(hunt: Hunt, db_path: str, tmp_path: Path) -> None:
    good = tmp_path / "companies.csv"
    rows = ['"Acme, Inc.",yes,"C#; .NET",unknown,"Omaha, NE; Lincoln, NE",2',
            "Beta,hybrid,Java,yes,,", ",,,,,", "Gamma,,,,,"]  # fmt: skip
    good.write_text(CSV_HEADER + "\n".join(rows) + "\n", encoding="utf-8-sig")  # Excel's BOM
    result = hunt("import", "companies", str(good))
    assert result.code == 0
    assert "Imported 3 companies" in result.out
    acme, beta, gamma = stored(db_path, "companies")
    assert (acme.name, acme.stack, acme.locations) == (
        "Acme, Inc.", ["C#", ".NET"], ["Omaha, NE", "Lincoln, NE"])  # fmt: skip
    assert (acme.alumni_hired, beta.remote, gamma.remote) == (2, "hybrid", "unknown")
    ranked = hunt("rank", "companies", "--json").json
    assert {c["company"] for c in ranked} == {"Acme, Inc.", "Beta", "Gamma"}


@pytest.mark.parametrize(
    ("content", "message"),
    [(CSV_HEADER + "Acme,yes,C#,yes,,\nBeta,sometimes,C#,yes,,\nGamma,no,,,,\n",
      "row 3, column remote: 'sometimes' is not one of yes, no, hybrid, unknown"),
     ("name,colour\nAcme,red\n", "unknown column 'colour'"),
     ("remote\nyes\n", "no 'name' column"),
     ("name,remote\nAcme,yes,extra\n", "row 2 has more cells"),
     ("name\nAcme\nBeta\nacme\n", "row 4: 'acme' is already on row 2"),
     ("name,name\nAcme,Acme\n", "appears twice"),
     ('name,stack\n"Acme,C#\n', "row 2: unexpected end of data"),
     ("", "is empty")],
)  # fmt: skip
def test_a_bad_csv_is_one_line_and_writes_nothing(
    hunt: Hunt, db_path: str, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    result = hunt("import", "companies", str(bad))
    assert result.code == 1
    assert message in result.error_line
    assert hunt("rank", "companies", "--json").json == []
    assert stored(db_path, "companies") == []


def test_companies_already_in_the_hunt_are_skipped_and_counted(
    hunt: Hunt, db_path: str, tmp_path: Path
) -> None:
    hunt("company", "add", "Beta", "--remote", "no")
    again = tmp_path / "again.csv"
    again.write_text("name,remote\nAlpha,yes\nbeta,yes\n", encoding="utf-8")
    result = hunt("import", "companies", str(again))
    assert result.out == f"Imported 1 company from {again}; 1 already in your hunt.\n"
    assert [(c.name, c.remote) for c in stored(db_path, "companies")] == [
        ("Alpha", "yes"), ("Beta", "no")]  # fmt: skip
    rerun = hunt("import", "companies", str(again))
    assert rerun.out.endswith("; 2 already in your hunt.\n")


def test_unreadable_csv_files_are_one_line(hunt: Hunt, tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name\nCafé Corp\n".encode("latin-1") + b"\x81\n")
    assert "not UTF-8 or Windows-1252" in hunt("import", "companies", str(latin)).error_line
    assert "no such file" in hunt("import", "companies", str(tmp_path / "nope.csv")).error_line
    assert "cannot read" in hunt("import", "companies", str(tmp_path)).error_line


# -- people, touches, drafts -----------------------------------------------------------------


def test_contact_add_and_rank_contacts(acme: Hunt) -> None:
    [jo] = acme("rank", "contacts", "--json").json
    assert set(jo) == {"contact", "company", "role", "priority", "channel", "reasons"}
    assert (jo["contact"], jo["company"], jo["role"], jo["channel"]) == (
        "Jo Park", "Acme", "developer", "email")  # fmt: skip
    assert jo["priority"] > 0 and jo["reasons"]
    assert "Jo Park (developer) at Acme: Email" in acme("rank", "contacts").out


def test_contact_edit(acme: Hunt, db_path: str) -> None:
    assert acme("contact", "edit", "Acme", "jo park", "--role", "manager").code == 0
    [jo] = stored(db_path, "contacts")
    assert (jo.role, jo.email) == ("manager", "jo@acme.example")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["contact", "add", "Nope", "Jo", "--role", "developer"], "no company named 'Nope'"),
     (["contact", "add", "Acme", "Al", "--role", "wizard"], "role 'wizard' is not one of"),
     (["contact", "add", "Acme", "Al", "--role", "other", "--email", "al"], "has no @"),
     (["contact", "add", "Acme", "jo park", "--role", "other"], "already listed"),
     (["contact", "add", "Acme", "Al", "--role", "other", "--friend", "maybe"], "friend")],
)  # fmt: skip
def test_bad_contact_input_writes_nothing(
    acme: Hunt, db_path: str, args: list[str], message: str
) -> None:
    result = acme(*args)
    assert result.code == 1
    assert message in result.error_line
    assert [c.name for c in stored(db_path, "contacts")] == ["Jo Park"]


def test_log_records_a_touch(acme: Hunt, db_path: str) -> None:
    result = acme("log", "Acme", "Jo Park", "email", "--channel", "email", "--at", "2026-01-05")
    assert result.code == 0
    [touch] = stored(db_path, "touches")
    assert (touch.kind, touch.channel, touch.happened_at.date().isoformat()) == (
        "email", "email", "2026-01-05")  # fmt: skip


def test_hunt_now_sets_the_clock(acme: Hunt, db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUNT_NOW", "2026-03-02T10:30")
    assert acme("log", "Acme", "Jo Park", "email").code == 0
    [touch] = stored(db_path, "touches")
    assert touch.happened_at.isoformat() == "2026-03-02T10:30:00"
    monkeypatch.setenv("HUNT_NOW", "soon")
    assert "HUNT_NOW 'soon' is not a date-time" in acme("next").error_line


@pytest.mark.parametrize(
    ("args", "message"),
    [(["Acme", "Jo Park", "email", "--at", "2026-13-01"], "--at '2026-13-01' is not a date"),
     (["Acme", "Jo Park", "coffee"], "touch kind 'coffee'"),
     (["Nope", "Jo Park", "email"], "no company named 'Nope'"),
     (["Acme", "Nobody", "email"], "no person named 'Nobody'"),
     (["Acme", "Jo Park", "chat-scheduled"], "a scheduled chat needs its day: --at")],
)  # fmt: skip
def test_bad_log_input_writes_no_touch(
    acme: Hunt, db_path: str, args: list[str], message: str
) -> None:
    result = acme("log", *args)
    assert result.code == 1
    assert message in result.error_line
    assert stored(db_path, "touches") == []


@pytest.mark.parametrize("kind", ["first", "follow-up", "thank-you", "linkedin-note"])
def test_draft_kinds(acme: Hunt, kind: str) -> None:
    if kind == "follow-up":  # one follows a first message
        assert acme("log", "Acme", "Jo Park", "email", "--at", "2026-11-16").code == 0
    result = acme("draft", "Acme", "Jo Park", "--kind", kind)
    assert result.code == 0
    assert "Jo" in result.out
    if kind == "linkedin-note":
        assert len(result.out.strip()) <= 200  # the free plan's note limit


def test_a_follow_up_before_any_message_is_refused_in_one_line(acme: Hunt) -> None:
    result = acme("draft", "Acme", "Jo Park", "--kind", "follow-up")
    assert result.code == 1
    assert "Jo Park has had no first message yet" in result.error_line


def test_draft_intro_asks_the_mutual_connection(acme: Hunt) -> None:
    assert (
        "has no mutual connection" in acme("draft", "Acme", "Jo Park", "--kind", "intro").error_line
    )
    assert acme("contact", "edit", "Acme", "Jo Park", "--mutual", "Marcus Lee").code == 0
    result = acme("draft", "Acme", "Jo Park", "--kind", "intro")
    assert result.code == 0 and result.out.startswith("Hi Marcus,")
    assert "Would you be comfortable introducing us?" in result.out


def test_draft_errors_are_one_line(acme: Hunt) -> None:
    assert "draft kind 'poem'" in acme("draft", "Acme", "Jo Park", "--kind", "poem").error_line
    assert "no person named 'Al'" in acme("draft", "Acme", "Al").error_line


# -- next step, progress, snooze -------------------------------------------------------------


STEP_KEYS = {"step", "action", "why", "company", "contact"}


def test_next_follows_the_hunt_in_the_guides_order(hunt: Hunt) -> None:
    first = hunt("next", "--json").json
    assert set(first) == STEP_KEYS | {"queue"}
    assert first["step"] == 1 and "profile" in first["action"]
    assert all(set(s) == STEP_KEYS for s in first["queue"]) and first["queue"]
    hunt(*PROFILE)
    hunt("company", "add", "Acme", "--stack", "C#")
    hunt("contact", "add", "Acme", "Jo Park", "--role", "developer", "--email", "jo@acme.example")
    companies = hunt("next", "--json").json
    assert (companies["step"], companies["action"]) == (1, "Add a target company (1/5)")
    for n in range(4):
        hunt("company", "add", f"Co{n}", "--stack", "C#")
    people = hunt("next", "--json").json
    assert (people["step"], people["contact"]) == (2, None) and people["company"]
    messages = [s for s in people["queue"] if s["step"] == 4]
    assert messages[0]["contact"] == "Jo Park" and messages[0]["why"]


def test_next_text_shows_the_why_and_the_queue(hunt: Hunt) -> None:
    hunt(*PROFILE)
    hunt("company", "add", "Acme")
    out = hunt("next").out
    assert out.splitlines()[0].startswith("Add a target company (1/5)")
    assert "Why:" in out and "Then:" in out and "Find people at Acme" in out


def test_next_never_prints_null(hunt: Hunt) -> None:
    hunt(*PROFILE)
    assert "hunt snooze add-company" in hunt("next").out
    assert hunt("snooze", "add-company", "--days", "2").code == 0
    after = hunt("next", "--json").json
    assert after is not None and set(after) == STEP_KEYS | {"queue"}
    assert after["action"].startswith("Add target company number 1")
    assert "null" not in hunt("next", "--json").out.split("\n")[0]
    assert hunt("next").out.splitlines()[0] == after["action"]


def test_snooze_refuses_bad_input_and_writes_nothing(hunt: Hunt, db_path: str) -> None:
    hunt(*PROFILE)
    assert "at least one day" in hunt("snooze", "add-company", "--days", "0").error_line
    line = hunt("snooze", "add-compnay").error_line
    assert "'add-compnay' is no next step" in line
    assert hunt("snooze", "add-compnay").code == 1
    db = Database.open(db_path)
    try:
        assert db.con.execute("SELECT count(*) FROM snoozes").fetchone() == (0,)
    finally:
        db.close()


@pytest.mark.file_only  # a missing file; a PostgreSQL database is made by its server
@pytest.mark.parametrize(
    "args",
    [["next"], ["rank", "companies"], ["company", "add", "Acme"], ["profile", "show"],
     ["snooze", "profile"], ["progress", "--json"]],
)  # fmt: skip
def test_a_missing_database_is_refused_and_not_created(
    bare: Hunt, tmp_path: Path, args: list[str]
) -> None:
    typo = tmp_path / "hnut.duckdb"
    result = bare("--db", str(typo), *args)
    assert result.code == 1
    assert result.error_line == f"hunt: error: no Hunt database at {typo}; run `hunt init`"
    assert not typo.exists()


@pytest.mark.file_only  # a missing file; a PostgreSQL database is made by its server
def test_the_default_database_is_refused_too_until_init(bare: Hunt, db_path: str) -> None:
    assert "run `hunt init`" in bare("next").error_line and not Path(db_path).exists()
    assert bare("init").code == 0 and bare("next").code == 0


@pytest.mark.file_only  # a missing file; a PostgreSQL database is made by its server
def test_init_and_demo_create_a_missing_database(bare: Hunt, tmp_path: Path) -> None:
    demo_db = tmp_path / "demo.duckdb"
    assert bare("--db", str(demo_db), "demo", "--companies", "2").code == 0
    assert demo_db.exists() and bare("--db", str(demo_db), "next").code == 0


@pytest.mark.file_only  # a missing file; a PostgreSQL database is made by its server
def test_console_script_refuses_a_typo_in_db(script_env: dict[str, str], tmp_path: Path) -> None:
    typo = tmp_path / "typo.duckdb"
    result = run_script("--db", str(typo), "next", env=script_env)
    assert result.returncode == 1 and not typo.exists()
    assert result.stderr == f"hunt: error: no Hunt database at {typo}; run `hunt init`\n"


def test_progress(acme: Hunt) -> None:
    steps = acme("progress", "--json").json
    assert [s["step"] for s in steps] == [1, 2, 3, 4, 5, 6]
    assert set(steps[0]) == {"step", "title", "done", "target", "summary", "details"}
    assert steps[0]["summary"] == "1 / 5 target companies"
    out = acme("progress").out
    assert "1. Target companies" in out and "1 / 1 person messaged" not in out
    assert "Acme: 1 person, no manager, no recruiter" in out


def test_progress_on_an_empty_hunt_shows_no_zero_of_zero(hunt: Hunt) -> None:
    out = hunt("progress").out
    assert "0/0" not in out and "0 / 0" not in out
    assert "No companies yet" in out and "No people yet" in out


# -- plugins and weights ---------------------------------------------------------------------


def test_plugins_lists_the_builtins(hunt: Hunt) -> None:
    infos = hunt("plugins", "--json").json
    shape = {"name", "source", "version", "path", "hooks", "criteria", "disabled", "error"}
    assert all(set(i) == {*shape, "problems", "deprecations"} for i in infos)
    assert all(i["deprecations"] == [] for i in infos), "Hunt's own plugins use no deprecated API"
    stack = next(i for i in infos if i["name"] == "stack")
    assert (stack["source"], stack["criteria"], stack["error"]) == ("builtin", ["stack"], None)
    assert stack["hooks"] == ["hunt_criteria", "hunt_score_company"]
    assert stack["path"].endswith("stack.py") and stack["problems"] == []
    assert "stack" in hunt("plugins").out


def test_plugins_shows_the_problems_of_a_plugin_that_fails_on_every_call(
    dropins: Callable[..., Path], hunt: Hunt, monkeypatch: pytest.MonkeyPatch
) -> None:
    dropins(
        flaky=(
            "from hunt_core.api import Criterion, hookimpl\n\n\n@hookimpl\ndef hunt_criteria():\n"
            "    return [Criterion(key='flaky', label='Flaky', applies_to='company',\n"
            "                      default_weight=1, description='fails', guide_step=1)]\n\n\n"
            "@hookimpl\ndef hunt_score_company(company):\n"
            "    if company.name == 'Acme':\n        raise RuntimeError('boom')\n"
            "    raise KeyError('other')\n"
        )
    )
    monkeypatch.setenv("HUNT_DISABLE_PLUGINS", "templates")
    assert hunt("company", "add", "Acme").code == 0
    assert hunt("company", "add", "Birch").code == 0
    text = hunt("plugins").out
    assert "flaky" in text and "2 problems on the last run" in text, (
        "never 'ok' for a plugin that always fails"
    )
    assert "RuntimeError: boom" in text and "KeyError: 'other'" in text
    assert "disabled by HUNT_DISABLE_PLUGINS" in text
    flaky = next(i for i in hunt("plugins", "--json").json if i["name"] == "flaky")
    assert len(flaky["problems"]) == 2 and flaky["error"] is None


@pytest.mark.filterwarnings("ignore:hunt_core\\.\\w+ is deprecated:DeprecationWarning")
def test_plugins_shows_the_deprecated_api_a_plugin_uses_and_still_runs_it(
    dropins: Callable[..., Path], hunt: Hunt
) -> None:
    dropins(
        legacy=(
            "from hunt_core import Criterion, hookimpl  # the 1.0 spelling, on purpose\n\n\n"
            "@hookimpl\ndef hunt_criteria():\n"
            "    return [Criterion(key='legacy', label='Legacy', applies_to='company',\n"
            "                      default_weight=1, description='old import', guide_step=1)]\n"
        )
    )
    text = hunt("plugins").out
    assert (
        "plugin 'legacy' uses a deprecated API: hunt_core.Criterion is deprecated and will be "
        "removed in Hunt 2.0; use `from hunt_core.api import Criterion` (legacy.py:1)"
    ) in text
    assert "hunt_core.hookimpl is deprecated" in text
    legacy = next(i for i in hunt("plugins", "--json").json if i["name"] == "legacy")
    assert (legacy["error"], legacy["criteria"]) == (None, ["legacy"]), "it still works"
    assert [d.split(" and will")[0] for d in legacy["deprecations"]] == [
        "hunt_core.Criterion is deprecated",
        "hunt_core.hookimpl is deprecated",
    ]


def test_trace_plugins_prints_each_hook_call(acme: Hunt, script_env: dict[str, str]) -> None:
    traced = run_script("--trace-plugins", "rank", "companies", env=script_env)
    lines = [ln for ln in traced.stderr.splitlines() if ln.startswith("trace: ")]
    assert any(ln.startswith("trace: hunt_score_company stack ") for ln in lines)
    assert all(" ms " in ln for ln in lines)
    by_env = run_script("next", env={**script_env, "HUNT_TRACE_PLUGINS": "1"})
    assert "trace: hunt_score_company" in by_env.stderr
    assert "trace:" not in run_script("next", env=script_env).stderr


def test_a_failing_plugin_becomes_a_warning(dropins: Callable[..., Path], hunt: Hunt) -> None:
    dropins(
        broken=(
            "from hunt_core.api import hookimpl\n\n\n@hookimpl\ndef hunt_score_company(company):\n"
            "    raise RuntimeError('boom')\n"
        )
    )
    hunt("company", "add", "Acme", "--stack", "C#")
    result = hunt("rank", "companies", "--json")
    assert result.code == 0
    assert [c["company"] for c in result.json] == ["Acme"]
    assert result.err.splitlines() == [
        "warning: plugin 'broken' failed in hunt_score_company: RuntimeError: boom"
    ]


def test_weights_set_changes_the_ranking(hunt: Hunt) -> None:
    hunt(*PROFILE)
    hunt("company", "add", "Acme", "--stack", "Java")
    hunt("company", "add", "Zeta", "--stack", "C#")
    weights = hunt("weights", "--json").json
    assert weights["stack"] == 3
    for criterion in weights.keys() - {"stack"}:  # leave the stack to decide alone
        assert hunt("weights", "set", criterion, "0").code == 0
    ranked = hunt("rank", "companies", "--json").json
    assert [(c["company"], c["score"]) for c in ranked] == [("Zeta", 100.0), ("Acme", 0.0)]
    assert hunt("weights", "set", "stack", "0").code == 0
    ranked = hunt("rank", "companies", "--json").json  # nothing counts: both at the prior
    assert [(c["company"], c["score"]) for c in ranked] == [("Acme", 50.0), ("Zeta", 50.0)]
    assert ranked[0]["coverage"] == {"known": 0, "total": 0}
    assert "stack" in hunt("weights").out


def test_bad_weights_are_one_line(hunt: Hunt) -> None:
    assert "unknown criterion 'colour'" in hunt("weights", "set", "colour", "1").error_line
    assert "between 0 and 10" in hunt("weights", "set", "stack", "11").error_line
    assert hunt("weights", "--json").json["stack"] == 3


# -- demo ------------------------------------------------------------------------------------


def test_demo_loads_once(hunt: Hunt) -> None:
    result = hunt("demo", "--companies", "3", "--seed", "7")
    assert result.code == 0
    assert "3 companies" in result.out and "hunt next" in result.out
    assert len(hunt("rank", "companies", "--json").json) == 3
    assert hunt("next", "--json").json["action"]
    assert "empty hunt" in hunt("demo").error_line


# -- import jobs -------------------------------------------------------------------------------

JOB_PAYLOADS = Path(__file__).parent / "importers" / "payloads"


@pytest.fixture
def board(hunt: Hunt) -> Hunt:
    """A hunt with a profile and Acme Health, whose job board is about to be imported."""
    assert hunt(*PROFILE).code == 0
    assert hunt("company", "add", "Acme Health").code == 0
    return hunt


def test_import_jobs_from_a_saved_file_lists_them_and_they_count(board: Hunt, db_path: str) -> None:
    result = board("import", "jobs", "acme health", "--file", str(JOB_PAYLOADS / "lever.json"))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Acme Health: 3 open roles from Lever (3 new, 0 closed, 0 still open)."
    assert "  - Junior Developer (C#/Blazor) (Denver, CO; Boulder, CO)" in lines
    assert "  - Staff Engineer - Platform (Remote) (United States; remote)" in lines
    assert len(stored(db_path, "postings")) == 3
    [acme] = board("rank", "companies", "--json").json
    reasons = {s["criterion"]: s["reason"] for s in acme["signals"]}
    assert reasons["growth"] == "posting 'Junior Developer (C#/Blazor)' is entry level"
    assert reasons["stack"] == "posting 'Junior Developer (C#/Blazor)' mentions C#"


def test_import_jobs_json_and_a_refresh_adds_nothing_twice(board: Hunt, db_path: str) -> None:
    payload = str(JOB_PAYLOADS / "greenhouse.json")
    first = board("import", "jobs", "Acme Health", "--file", payload, "--json").json
    assert {k: first[k] for k in ("company", "source", "fetched", "added", "removed", "kept")} == {
        "company": "Acme Health", "source": "greenhouse", "fetched": 3, "added": 3,
        "removed": 0, "kept": 0,
    }  # fmt: skip
    assert set(first["postings"][0]) == {"title", "location", "remote", "url", "posted_at"}
    again = board("import", "jobs", "Acme Health", "--file", payload, "--json").json
    assert (again["added"], again["removed"], again["kept"]) == (0, 0, 3)
    assert len(stored(db_path, "postings")) == 3


def test_import_jobs_bad_input_is_one_line_and_writes_nothing(
    board: Hunt, db_path: str, tmp_path: Path
) -> None:
    assert (
        board("import", "jobs", "Acme Health", "--file", str(JOB_PAYLOADS / "ashby.json")).code == 0
    )
    before = stored(db_path, "postings")
    broken = tmp_path / "broken.json"
    broken.write_text('{"jobs": [', encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    shapeless = tmp_path / "company.json"
    shapeless.write_text('{"name": "Acme"}', encoding="utf-8")
    cases = [
        (["Acme Health", "--file", str(broken)], "the file is not valid JSON"),
        (["Acme Health", "--file", str(empty)], "the file is empty"),
        (["Acme Health", "--file", str(shapeless)], "not a job-board payload"),
        (["Acme Health", "--file", str(tmp_path / "missing.json")], "no such file"),
        (["Nowhere Inc", "--greenhouse", "nowhere"], "no company named 'Nowhere Inc'"),
        (["Acme Health", "--greenhouse", "../admin"], "is not valid: use only letters"),
    ]
    for args, message in cases:
        result = board("import", "jobs", *args)
        assert result.code == 1
        assert message in result.error_line
    assert stored(db_path, "postings") == before


def test_import_jobs_wants_exactly_one_board(board: Hunt) -> None:
    assert board("import", "jobs", "Acme Health").code == 2
    assert board("import", "jobs", "Acme Health", "--lever", "a", "--ashby", "b").code == 2


def test_import_jobs_reaches_the_board_through_fetch(
    board: Hunt, db_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hunt_core.importers import jobboards

    asked: list[tuple[str, str]] = []

    def fetch(source: str, token: str, **_: Any) -> Any:
        asked.append((source, token))
        return json.loads((JOB_PAYLOADS / "ashby.json").read_text(encoding="utf-8"))

    monkeypatch.setattr(jobboards, "fetch", fetch)
    result = board("import", "jobs", "Acme Health", "--ashby", "acmehealth")
    assert result.code == 0, result.err
    assert asked == [("ashby", "acmehealth")]
    assert result.out.startswith("Acme Health: 3 open roles from Ashby (3 new")
    assert {p.source for p in stored(db_path, "postings")} == {"ashby"}


def test_import_jobs_reports_a_missing_board_in_one_line(
    board: Hunt, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    from hunt_core.importers import jobboards

    real = httpx.Client
    missing = httpx.MockTransport(lambda request: httpx.Response(404, json={"ok": False}))
    monkeypatch.setattr(jobboards.httpx, "Client", lambda **kw: real(transport=missing, **kw))
    result = board("import", "jobs", "Acme Health", "--lever", "acmehealth")
    assert result.code == 1
    assert result.error_line == "hunt: error: no Lever site named 'acmehealth' (404)"


# -- import linkedin ---------------------------------------------------------------------------

CONNECTIONS = Path(__file__).parent / "importers" / "fixtures" / "Connections.csv"


def test_import_linkedin_summarises_links_and_offers_people(hunt: Hunt, db_path: str) -> None:
    assert hunt("company", "add", "Acme").code == hunt("company", "add", "Globex").code == 0
    result = hunt("import", "linkedin", str(CONNECTIONS))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"Read 10 connections from {CONNECTIONS}: 10 added, 0 updated, 0 unchanged."
    assert "Skipped 1 row with no name (members who left)." in lines
    assert "4 connections at your target companies." in lines
    assert "  Sam Lee (developer: Senior Software Engineer) at Acme" in lines
    assert "  Initech (2)" in lines
    assert lines[-1] == f"Add them: hunt import linkedin {CONNECTIONS} --add-people"
    assert stored(db_path, "contacts") == []
    assert len(stored(db_path, "connections")) == 10
    acme = next(c for c in hunt("rank", "companies", "--json").json if c["company"] == "Acme")
    knows = next(s for s in acme["signals"] if s["criterion"] == "knows_someone")
    assert "Sam Lee (Senior Software Engineer)" in knows["reason"]


def test_import_linkedin_json_adds_people_once(hunt: Hunt, db_path: str) -> None:
    hunt("company", "add", "Acme")
    data = hunt("import", "linkedin", str(CONNECTIONS), "--json", "--add-people").json
    assert (data["added"], data["unchanged"], data["skipped_no_name"]) == (10, 0, 1)
    assert data["people_added"] == ["Sam Lee", "Priya Shah", "Jo Park"]
    assert data["suggestions"] == [
        {"company": "Initech", "connections": 2},
        {"company": "Turing School of Software & Design", "connections": 2},  # no program set
    ]
    people = {c.name: (c.role, c.title) for c in stored(db_path, "contacts")}
    assert people["Priya Shah"] == ("manager", "Engineering Manager")
    again = hunt("import", "linkedin", str(CONNECTIONS), "--json", "--add-people").json
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 10)
    assert (again["offered"], again["people_added"]) == ([], [])
    assert len(stored(db_path, "contacts")) == 3


def test_import_linkedin_reads_a_windows_1252_export(
    hunt: Hunt, db_path: str, tmp_path: Path
) -> None:
    latin = tmp_path / "Connections.csv"
    latin.write_bytes(CONNECTIONS.read_text(encoding="utf-8").encode("cp1252"))
    assert hunt("import", "linkedin", str(latin)).code == 0
    assert "Luis García" in [c.name for c in stored(db_path, "connections")]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"),
     (b"name,remote\nAcme,yes\n", "no header row with First Name, Last Name, Company found"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "is not a text file (it looks"),
     (b"First Name,Last Name,Company\nSam,Lee\x81\x8d,Acme\n", "not UTF-8 or Windows-1252 text")],
    ids=["empty", "wrong-columns", "binary", "undecodable"],
)  # fmt: skip
def test_a_bad_linkedin_file_is_one_line_and_writes_nothing(
    hunt: Hunt, db_path: str, tmp_path: Path, content: bytes, message: str
) -> None:
    hunt("company", "add", "Acme")
    bad = tmp_path / "Connections.csv"
    bad.write_bytes(content)
    result = hunt("import", "linkedin", str(bad), "--add-people")
    assert result.code == 1
    assert message in result.error_line
    assert stored(db_path, "connections") == stored(db_path, "contacts") == []


def test_a_50_mb_linkedin_file_is_refused(hunt: Hunt, db_path: str, tmp_path: Path) -> None:
    big = tmp_path / "Connections.csv"
    row = b"Sam,Lee,https://www.linkedin.com/in/sam-lee,,Acme,Engineer,12 Mar 2024\n"
    big.write_bytes(CONNECTIONS.read_bytes() + row * (50 * 1024 * 1024 // len(row)))
    result = hunt("import", "linkedin", str(big))
    assert result.code == 1
    assert "is 50.0 MB, over the 20 MB limit" in result.error_line
    assert stored(db_path, "connections") == []
    assert "no such file" in hunt("import", "linkedin", str(tmp_path / "nope.csv")).error_line


def test_console_script_imports_linkedin(script_env: dict[str, str]) -> None:
    assert run_script("company", "add", "Acme", env=script_env).returncode == 0
    result = run_script("import", "linkedin", str(CONNECTIONS), "--json", env=script_env)
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["matched"][0] == {"name": "Jo Park", "company": "Acme"}


def test_console_script_refuses_a_binary_linkedin_file_in_one_line(
    script_env: dict[str, str], tmp_path: Path
) -> None:
    binary = tmp_path / "Connections.csv"
    binary.write_bytes(bytes(range(256)) * 64)
    result = run_script("import", "linkedin", str(binary), env=script_env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line == f"hunt: error: {binary} is not a text file (it looks like a binary file)"


# -- spreadsheets, export and restore, calendar ----------------------------------------------


def hunt_json(hunt: Hunt, tmp_path: Path, user: str = "local") -> bytes:
    """A user's whole hunt as export JSON, to prove a refused command changed nothing."""
    folder = tmp_path / f"snapshot-{user}-{len(list(tmp_path.iterdir()))}"
    assert hunt("export", str(folder), "--format", "json", "--user", user).code == 0
    return (folder / "hunt-export.json").read_bytes()


def workbook(rows: list[list[Any]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_import_companies_from_xlsx_and_contacts_from_csv(hunt: Hunt, tmp_path: Path) -> None:
    sheet = tmp_path / "targets.xlsx"
    sheet.write_bytes(workbook([["Name", "Remote", "Alumni hired"], ["Acme", "yes", 2.0],
                                ["Beta", "hybrid", None]]))  # fmt: skip
    result = hunt("import", "companies", str(sheet), "--json")
    assert (result.json["added"], result.json["added_names"]) == (2, ["Acme", "Beta"])
    people = tmp_path / "people.csv"
    people.write_text("Company,Name,Role\nAcme,Jo Park,developer\nbeta,Sam Lee,recruiter\n")
    assert hunt("import", "contacts", str(people)).out == f"Imported 2 people from {people}.\n"
    again = hunt("import", "contacts", str(people), "--json").json
    assert (again["added"], again["skipped"]) == (0, 2)
    ranked = hunt("rank", "contacts", "--json").json
    assert {(r["contact"], r["company"]) for r in ranked} == {("Jo Park", "Acme"),
                                                              ("Sam Lee", "Beta")}  # fmt: skip


@pytest.mark.parametrize(
    ("what", "name", "content", "message"),
    [("companies", "empty.csv", b"", "empty.csv is empty"),
     ("companies", "wrong.csv", b"title,colour\nx,y\n", "unknown column 'title'"),
     ("companies", "photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a text file"),
     ("companies", "dupes.csv", b"name\nZed\nzed\n", "row 3: 'zed' is already on row 2"),
     ("companies", "odd.csv", b"name\nCaf\x81\n", "not UTF-8 or Windows-1252"),
     ("companies", "bad.xlsx", b"PK\x03\x04 not really", "not an Excel workbook"),
     ("companies", "cells.csv", b"name,remote\nZed,yes\nYak,sometimes\n",
      "row 3, column remote: 'sometimes' is not one of"),
     ("contacts", "people.csv", b"company,name,role\nAcme,Sam,developer\nNope,Al,manager\n",
      "row 3, column company: no company named 'Nope'"),
     ("contacts", "people.csv", b"name,role\nSam,developer\n", "no 'company' column")],
)  # fmt: skip
def test_bad_sheets_are_one_line_and_change_nothing(
    acme: Hunt, tmp_path: Path, what: str, name: str, content: bytes, message: str
) -> None:
    before = hunt_json(acme, tmp_path)
    bad = tmp_path / name
    bad.write_bytes(content)
    result = acme("import", what, str(bad))
    assert result.code == 1
    assert message in result.error_line
    assert hunt_json(acme, tmp_path) == before


def test_a_50_mb_sheet_is_refused_at_once(acme: Hunt, tmp_path: Path) -> None:
    before = hunt_json(acme, tmp_path)
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.truncate(50 * 2**20)
    assert "50.0 MB, over the 20 MB limit" in acme("import", "companies", str(big)).error_line
    assert hunt_json(acme, tmp_path) == before


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_then_import_export_into_an_empty_user(acme: Hunt, tmp_path: Path, fmt: str) -> None:
    acme("log", "Acme", "Jo Park", "email", "--at", "2026-11-02", "--text", '=HYPERLINK("x")')
    out = tmp_path / "out" / fmt
    written = acme("export", str(out), "--format", fmt, "--json").json
    assert written["format"] == fmt and all(Path(f).exists() for f in written["files"])
    source = out if fmt == "csv" else Path(written["files"][0])
    restored = acme("import", "export", str(source), "--user", "copy", "--json").json
    assert restored["restored"]["contacts"] == 1 and restored["restored"]["touches"] == 1
    for command in (["profile", "show", "--json"], ["rank", "contacts", "--json"]):
        assert acme(*command, "--user", "copy").json == acme(*command).json
    again = acme("import", "export", str(source), "--user", "copy")
    assert "restore goes into an empty hunt" in again.error_line


def test_export_defaults_to_csv_and_creates_the_folder(acme: Hunt, tmp_path: Path) -> None:
    result = acme("export", str(tmp_path / "a" / "b"))
    assert result.out.startswith(f"Exported your hunt to {tmp_path / 'a' / 'b'}: profile.csv,")
    assert (tmp_path / "a" / "b" / "companies.csv").exists()
    restored = acme("import", "export", str(tmp_path / "a" / "b"), "--user", "copy").out
    assert restored.startswith("Restored 1 company, 1 person, 0 touches")


def test_bad_exports_and_restores_are_one_line(acme: Hunt, tmp_path: Path) -> None:
    assert "export format 'pdf'" in acme("export", str(tmp_path), "--format", "pdf").error_line
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert "cannot write the export" in acme("export", str(blocker / "sub")).error_line
    before = hunt_json(acme, tmp_path, "copy")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hunt-export", "version": 1, "tables": {')
    for path, message in ((broken, "is not valid JSON"),
                          (tmp_path / "missing", "no such file or folder"),
                          (blocker, "is not a Hunt export")):  # fmt: skip
        result = acme("import", "export", str(path), "--user", "copy")
        assert message in result.error_line
    assert hunt_json(acme, tmp_path, "copy") == before


def test_calendar_writes_follow_ups_and_chats(acme: Hunt, tmp_path: Path) -> None:
    acme("log", "Acme", "Jo Park", "email", "--at", "2020-01-01")
    ics = tmp_path / "hunt.ics"
    result = acme("calendar", str(ics), "--json")
    assert result.json == {"file": str(ics), "follow_ups": 1, "chats": 0}
    text = ics.read_text()
    assert "SUMMARY:Follow up with Jo Park at Acme" in text
    assert "DTSTART;VALUE=DATE:20200108" in text
    assert "Wrote 1 follow-up and 0 coffee chats" in acme("calendar", str(ics)).out
    assert "cannot write" in acme("calendar", str(tmp_path / "no" / "x.ics")).error_line


# -- channels: warmest first, never nothing -------------------------------------------------


def test_rank_contacts_json_never_has_a_null_channel(script_env: dict[str, str]) -> None:
    steps = [
        ["profile", "set", "--name", "Ana", "--program", "Turing", "--notes-per-month", "0"],
        ["company", "add", "Acme", "--stack", "C#"],
        ["contact", "add", "Acme", "Nobody Known", "--role", "developer"],
        ["contact", "add", "Acme", "Lin Kedin", "--role", "manager", "--linkedin", "in/lin"],
        ["contact", "add", "Acme", "Con Nected", "--role", "recruiter", "--connected", "yes"],
    ]
    for args in steps:  # set up in-process: only the ranking is the script's to print
        assert main(["--db", script_env["HUNT_DB"], *args]) == 0
    ranked = run_script("rank", "contacts", "--json", env=script_env)
    assert ranked.returncode == 0, ranked.stderr
    channels = {r["contact"]: r["channel"] for r in json.loads(ranked.stdout)}
    # no notes in the plan and no email: find their email first, never a bare request
    assert channels == {
        "Nobody Known": "find-email",
        "Lin Kedin": "find-email",
        "Con Nected": "linkedin-message",
    }
    reasons = {r["contact"]: r["reasons"] for r in json.loads(ranked.stdout)}
    assert any("0 of 0 LinkedIn notes left this month" in r for r in reasons["Lin Kedin"])


def test_company_alias_links_a_near_miss(hunt: Hunt, db_path: str, tmp_path: Path) -> None:
    assert hunt("company", "add", "Acme Corp").code == 0
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Kim,Ng,https://www.linkedin.com/in/kimng,,Acme Corporation Labs,Engineer,01 Jan 2025\n"
        "Bo,Li,https://www.linkedin.com/in/boli,,Acmee,Engineer,01 Jan 2025\n",
        encoding="utf-8",
    )
    result = hunt("import", "linkedin", str(export))
    assert "0 connections at your target companies." in result.out.splitlines()
    assert any(line.startswith("  Acmee (1 connection) looks like Acme Corp: ") and
               line.endswith("% similar") for line in result.out.splitlines())  # fmt: skip
    assert stored(db_path, "connections")[0].company_id is None
    confirmed = hunt("company", "alias", "Acme Corp", "Acmee")
    assert confirmed.out == "Acmee is Acme Corp now: 1 LinkedIn connection(s) linked.\n"
    assert [c.name for c in stored(db_path, "connections") if c.company_id] == ["Bo Li"]
    assert "has no letters" in hunt("company", "alias", "Acme Corp", " -- ").error_line
    assert stored(db_path, "company_aliases") == [(1, "Acmee")]


def test_the_same_commands_work_on_a_file_and_on_postgresql(
    backend: Backend, tmp_path: Path
) -> None:
    env = {**os.environ, "HUNT_DB": backend.new(), "HUNT_PLUGINS_DIR": ""}
    for args in (
        PROFILE,
        ["company", "add", "Acme", "--stack", "C#; .NET", "--remote", "yes"],
        ["contact", "add", "Acme", "Jo Park", "--role", "developer", "--email", "jo@acme.io"],
        ["log", "Acme", "Jo Park", "email", "--at", "2026-11-20"],
        ["weights", "set", "stack", "2"],
        ["export", str(tmp_path / "out")],
    ):
        done = run_script(*args, env=env)
        assert done.returncode == 0, done.stderr
    again = run_script("company", "add", "acme", env=env)
    assert again.returncode == 1 and "already exists" in again.stderr
    ranked = json.loads(run_script("rank", "contacts", "--json", env=env).stdout)
    assert [(r["contact"], r["company"]) for r in ranked] == [("Jo Park", "Acme")]
    restored = {**env, "HUNT_DB": backend.new()}
    done = run_script("import", "export", str(tmp_path / "out"), env=restored)
    assert done.returncode == 0, done.stderr
    assert json.loads(run_script("rank", "contacts", "--json", env=restored).stdout) == ranked
