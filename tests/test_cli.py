"""The `hunt` command: names, JSON shapes, one-line errors that write nothing, a busy database.

Most tests call main() in-process; a few run the installed console script for real.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pytest

from hunt_core.cli import main
from hunt_core.store import Database

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
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh database file named by HUNT_DB, with only the built-in plugins."""
    path = tmp_path / "hunt.duckdb"
    monkeypatch.setenv("HUNT_DB", str(path))
    monkeypatch.setenv("HUNT_PLUGINS_DIR", "")
    for name in ("HUNT_LOAD_PLUGINS", "HUNT_DISABLE_PLUGINS", "HUNT_NOW"):
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture
def hunt(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Hunt:
    """Run `hunt ARGS` in-process and capture its exit code and output."""

    def run(*args: str) -> Result:
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def acme(hunt: Hunt) -> Hunt:
    """A hunt with a profile, one company and one developer with an email."""
    assert hunt(*PROFILE).code == 0
    assert hunt("company", "add", "Acme", "--stack", "C#; .NET", "--remote", "yes").code == 0
    person = ["contact", "add", "Acme", "Jo Park", "--role", "developer"]
    assert hunt(*person, "--email", "jo@acme.example", "--email-source", "GitHub").code == 0
    return hunt


def stored(path: Path, what: str) -> list[Any]:
    """Read the local user's rows straight from the file after the command closed it."""
    db = Database.open(path)
    try:
        return getattr(db.store(), what)()
    finally:
        db.close()


# -- the real console script ---------------------------------------------------------------


def run_script(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the installed `hunt` console script (or the module, if the script is missing)."""
    script = shutil.which("hunt", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "hunt_core.cli"]
    return subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def script_env(db_path: Path) -> dict[str, str]:
    """The environment a subprocess sees: this test's database, no drop-in plugins."""
    return {**os.environ, "HUNT_DB": str(db_path), "HUNT_PLUGINS_DIR": ""}


def test_console_script_adds_and_ranks_a_company(script_env: dict[str, str]) -> None:
    added = run_script("company", "add", "Acme", "--stack", "C#", env=script_env)
    assert (added.returncode, added.stderr) == (0, "")
    ranked = run_script("rank", "companies", "--json", env=script_env)
    assert ranked.returncode == 0, ranked.stderr
    [acme] = json.loads(ranked.stdout)
    assert set(acme) == {"company", "score", "signals"}
    assert acme["company"] == "Acme"


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


def test_a_database_held_by_another_process_is_one_clear_line(
    script_env: dict[str, str], db_path: Path
) -> None:
    assert Database.open(db_path).close() is None  # create the file at the latest schema
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


def test_init_creates_the_database(hunt: Hunt, db_path: Path) -> None:
    result = hunt("init")
    assert result.code == 0
    assert str(db_path) in result.out
    assert db_path.exists()


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


def test_company_edit_changes_only_the_given_fields(hunt: Hunt, db_path: Path) -> None:
    hunt("company", "add", "Acme", "--stack", "Java", "--remote", "no")
    assert hunt("company", "edit", "acme", "--stack", "C#").code == 0
    [company] = stored(db_path, "companies")
    assert (company.stack, company.remote) == (["C#"], "no")
    assert "at least one field" in hunt("company", "edit", "Acme").error_line


def test_bad_company_input_writes_nothing(hunt: Hunt, db_path: Path) -> None:
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


def test_import_companies_from_csv(hunt: Hunt, db_path: Path, tmp_path: Path) -> None:
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
    [(CSV_HEADER + "Acme,yes,C#,yes,,\nBeta,sometimes,C#,yes,,\nGamma,no,,,,\n", "row 3: remote"),
     ("name,colour\nAcme,red\n", "unknown column 'colour'"),
     ("remote\nyes\n", "no 'name' column"),
     ("name,remote\nAcme,yes,extra\n", "row 2 has more cells"),
     ("name\nAcme\nBeta\nacme\n", "row 4: 'acme' is already on row 2"),
     ("name,name\nAcme,Acme\n", "appears twice"),
     ('name,stack\n"Acme,C#\n', "row 2: unexpected end of data"),
     ("", "is empty")],
)  # fmt: skip
def test_a_bad_csv_is_one_line_and_writes_nothing(
    hunt: Hunt, db_path: Path, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    result = hunt("import", "companies", str(bad))
    assert result.code == 1
    assert message in result.error_line
    assert hunt("rank", "companies", "--json").json == []
    assert stored(db_path, "companies") == []


def test_an_import_clashing_with_a_saved_company_writes_nothing(
    hunt: Hunt, db_path: Path, tmp_path: Path
) -> None:
    hunt("company", "add", "Beta")
    clash = tmp_path / "clash.csv"
    clash.write_text("name\nAlpha\nBeta\n", encoding="utf-8")
    assert "'Beta' already exists" in hunt("import", "companies", str(clash)).error_line
    assert [c.name for c in stored(db_path, "companies")] == ["Beta"]


def test_unreadable_csv_files_are_one_line(hunt: Hunt, tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name\nCafé Corp\n".encode("latin-1"))
    assert "not UTF-8" in hunt("import", "companies", str(latin)).error_line
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


def test_contact_edit(acme: Hunt, db_path: Path) -> None:
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
    acme: Hunt, db_path: Path, args: list[str], message: str
) -> None:
    result = acme(*args)
    assert result.code == 1
    assert message in result.error_line
    assert [c.name for c in stored(db_path, "contacts")] == ["Jo Park"]


def test_log_records_a_touch(acme: Hunt, db_path: Path) -> None:
    result = acme("log", "Acme", "Jo Park", "email", "--channel", "email", "--at", "2026-01-05")
    assert result.code == 0
    [touch] = stored(db_path, "touches")
    assert (touch.kind, touch.channel, touch.happened_at.date().isoformat()) == (
        "email", "email", "2026-01-05")  # fmt: skip


def test_hunt_now_sets_the_clock(
    acme: Hunt, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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
     (["Acme", "Nobody", "email"], "no person named 'Nobody'")],
)  # fmt: skip
def test_bad_log_input_writes_no_touch(
    acme: Hunt, db_path: Path, args: list[str], message: str
) -> None:
    result = acme("log", *args)
    assert result.code == 1
    assert message in result.error_line
    assert stored(db_path, "touches") == []


@pytest.mark.parametrize("kind", ["first", "follow-up", "thank-you", "linkedin-note"])
def test_draft_kinds(acme: Hunt, kind: str) -> None:
    result = acme("draft", "Acme", "Jo Park", "--kind", kind)
    assert result.code == 0
    assert "Jo" in result.out
    if kind == "linkedin-note":
        assert len(result.out.strip()) <= 200  # the free plan's note limit


def test_draft_errors_are_one_line(acme: Hunt) -> None:
    assert "draft kind 'poem'" in acme("draft", "Acme", "Jo Park", "--kind", "poem").error_line
    assert "no person named 'Al'" in acme("draft", "Acme", "Al").error_line


# -- next step, progress, snooze -------------------------------------------------------------


def test_next_follows_the_hunt(hunt: Hunt) -> None:
    hunt(*PROFILE)
    first = hunt("next", "--json").json
    assert set(first) == {"step", "action", "why", "company", "contact"}
    assert (first["step"], first["company"]) == (1, None)
    hunt("company", "add", "Acme", "--stack", "C#")
    people = hunt("next", "--json").json
    assert (people["step"], people["company"], people["contact"]) == (2, "Acme", None)
    hunt("contact", "add", "Acme", "Jo Park", "--role", "developer", "--email", "jo@acme.example")
    message = hunt("next", "--json").json
    assert (message["step"], message["contact"]) == (4, "Jo Park")
    assert message["why"]


def test_next_text_shows_the_why_and_the_queue(hunt: Hunt) -> None:
    hunt(*PROFILE)
    hunt("company", "add", "Acme")
    out = hunt("next").out
    assert out.splitlines()[0].startswith("Find people at Acme")
    assert "Why:" in out and "Then:" in out


def test_snooze_hides_the_next_step(hunt: Hunt) -> None:
    hunt(*PROFILE)
    assert "hunt snooze add-company" in hunt("next").out
    assert hunt("snooze", "add-company", "--days", "2").code == 0
    assert hunt("next", "--json").json is None
    assert "Nothing to do" in hunt("next").out
    assert "at least one day" in hunt("snooze", "add-company", "--days", "0").error_line


def test_progress(acme: Hunt) -> None:
    steps = acme("progress", "--json").json
    assert [s["step"] for s in steps] == [1, 2, 3, 4, 5, 6]
    assert set(steps[0]) == {"step", "title", "done", "target", "summary", "details"}
    assert steps[0]["summary"] == "1/5 target companies"
    assert "1. Target companies" in acme("progress").out


# -- plugins and weights ---------------------------------------------------------------------


def test_plugins_lists_the_builtins(hunt: Hunt) -> None:
    infos = hunt("plugins", "--json").json
    assert all(set(i) == {"name", "source", "criteria", "error"} for i in infos)
    stack = next(i for i in infos if i["name"] == "stack")
    assert (stack["source"], stack["criteria"], stack["error"]) == ("builtin", ["stack"], None)
    assert "stack" in hunt("plugins").out


def test_a_failing_plugin_becomes_a_warning(
    hunt: Hunt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "dropins"
    folder.mkdir()
    (folder / "broken.py").write_text(
        "from hunt_core import hookimpl\n\n\n@hookimpl\ndef hunt_score_company(company):\n"
        "    raise RuntimeError('boom')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HUNT_PLUGINS_DIR", str(folder))
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
    ranked = hunt("rank", "companies", "--json").json
    assert [(c["company"], c["score"]) for c in ranked] == [("Acme", 0.0), ("Zeta", 0.0)]
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
