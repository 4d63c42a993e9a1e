"""Shared fixtures: a fresh database (a file or PostgreSQL), plugins and a fixed clock per test.

Suites marked `both_backends` run every test that uses `backend` (or `db`) twice: on a DuckDB
file and on a throwaway PostgreSQL server that the session starts itself (initdb + pg_ctl, as
an unprivileged user when run as root). Without a server installed those runs are skipped,
except in CI (CI=true or HUNT_REQUIRE_POSTGRES=1), where that is a failure.
"""

from __future__ import annotations

import datetime as dt
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hunt_core import plugins as plugins_module
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.store import Database, Store
from hunt_core.workspace import Workspace

NOW = dt.datetime(2026, 11, 26, 9, 0)
# Skipping a plugin for being slow depends on wall time: on a busy CI machine that must never
# change a test's result, so the suite runs with a budget no honest plugin reaches. The budget's
# own tests set HUNT_PLUGIN_BUDGET explicitly.
SUITE_BUDGET = "600"


@pytest.fixture(autouse=True, scope="session")
def _suite_settings() -> Iterator[None]:
    """Settings for the whole run, the processes it starts included.

    - A plugin time budget that wall time on a loaded machine cannot reach.
    - One DuckDB worker thread per database: tests open thousands of tiny databases, two test
      processes to two cores, and DuckDB's default of a worker per core cost the fast loop a
      sixth of its time in starting and stopping them.
    """
    patch = pytest.MonkeyPatch()
    patch.setattr(plugins_module, "DEFAULT_BUDGET", float(SUITE_BUDGET))
    patch.setenv("HUNT_PLUGIN_BUDGET", SUITE_BUDGET)
    patch.setenv("HUNT_DUCKDB_THREADS", "1")
    yield
    patch.undo()


PG_USER = "nobody"  # initdb refuses root; the cluster runs as this user when tests run as root


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker that runs a suite on both backends."""
    config.addinivalue_line("markers", "both_backends: run on a DuckDB file and on PostgreSQL")
    config.addinivalue_line("markers", "postgres_only: run on PostgreSQL only (what a file lacks)")
    config.addinivalue_line(
        "markers", "file_only: in a both_backends suite, a test about files (say why) runs once"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what the fast inner loop (`pytest -m "not browser and not slow"`) leaves out.

    Browser tests start Streamlit and Chromium; the PostgreSQL runs of a suite start a server
    and open each database through the extension (about a second each). CI runs them all.
    """
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "postgres":
            item.add_marker(pytest.mark.slow)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`backend` is file only, file and postgres in suites marked both_backends, or postgres.

    Inside such a suite, a test marked file_only runs on a file alone, postgres_only on
    PostgreSQL alone.
    """
    if "backend" in metafunc.fixturenames:
        marked = metafunc.definition.get_closest_marker
        both = marked("both_backends") is not None and marked("file_only") is None
        kinds = (
            ["postgres"] if marked("postgres_only") else ["file", "postgres"] if both else ["file"]
        )
        metafunc.parametrize("backend", kinds, indirect=True)


def _required() -> bool:
    """In CI a missing PostgreSQL server fails the run instead of skipping its tests."""
    return os.environ.get("CI") == "true" or os.environ.get("HUNT_REQUIRE_POSTGRES") == "1"


def _as_server_user(command: list[str]) -> list[str]:
    """A PostgreSQL server command, run as PG_USER when the tests run as root."""
    return ["runuser", "-u", PG_USER, "--", *command] if os.geteuid() == 0 else command


@dataclass
class PostgresServer:
    """A throwaway cluster on a loopback port, with a migrated template database."""

    bin: Path
    port: int

    def url(self, name: str) -> str:
        """The URL of one database on this server."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def create(self, name: str, template: str = "template0") -> str:
        """A new database (copied from template); its URL."""
        subprocess.run(
            [str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U",
             "postgres", "-T", template, name],
            check=True, capture_output=True,
        )  # fmt: skip
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start a PostgreSQL cluster for this test session; stop and delete it at the end."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        message = "no PostgreSQL server: apt-get install postgresql"
        if _required():
            pytest.fail(message)
        pytest.skip(message)
    bin_dir = Path(found[-1]).parent
    home = Path(tempfile.mkdtemp(prefix="hunt-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(PG_USER)
        os.chown(home, user.pw_uid, user.pw_gid)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = home / "data"
    subprocess.run(
        _as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U",
                         "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]),
        check=True, capture_output=True,
    )  # fmt: skip
    options = (f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")  # fmt: skip
    subprocess.run(
        _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"),
                         "-o", options, "-w", "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    server = PostgresServer(bin_dir, port)
    try:
        Database.open(server.create("hunt_template")).close()  # migrated once, copied per test
        yield server
    finally:
        subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                             "stop"]),
            check=False, capture_output=True,
        )  # fmt: skip
        shutil.rmtree(home, ignore_errors=True)


_NAMES = itertools.count(1)


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty database file at the latest schema per test process, for tests to copy.

    Migrating a new file costs about 40 ms and copying this one about 1 ms; over a thousand
    tests that is most of a minute of the fast loop.
    """
    path = tmp_path_factory.mktemp("migrated") / "hunt.duckdb"
    Database.open(str(path)).close()
    return path


@dataclass
class Backend:
    """Where a test's databases live: new() gives a fresh one each call."""

    kind: str
    folder: Path
    server: PostgresServer | None = None
    template: Path | None = None  # a file backend's migrated_file

    def new(self) -> str:
        """A fresh, migrated database: a copy of the migrated file, or a PostgreSQL URL."""
        n = next(_NAMES)
        if self.server is None:
            path = self.folder / f"hunt-{n}.duckdb"
            if self.template is None:
                Database.open(str(path)).close()
            else:
                shutil.copyfile(self.template, path)
            return str(path)
        return self.server.create(f"hunt_{os.getpid()}_{n}", template="hunt_template")

    def empty(self) -> str:
        """Where no Hunt database is yet: a file path not created, or an empty PostgreSQL one."""
        n = next(_NAMES)
        if self.server is None:
            return str(self.folder / f"hunt-{n}.duckdb")
        return self.server.create(f"hunt_{os.getpid()}_{n}")


@pytest.fixture
def backend(request: pytest.FixtureRequest, tmp_path: Path, migrated_file: Path) -> Backend:
    """file or postgres (see pytest_generate_tests)."""
    if request.param == "postgres":
        return Backend("postgres", tmp_path, request.getfixturevalue("postgres_server"))
    return Backend("file", tmp_path, template=migrated_file)


@pytest.fixture
def db(backend: Backend) -> Iterator[Database]:
    """A fresh database at the latest schema: a file, or on PostgreSQL (both_backends)."""
    database = Database.open(backend.new())
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> Store:
    """The local user's store."""
    return db.store()


@pytest.fixture
def plugins() -> Plugins:
    """A fresh manager with only the built-in plugins (no entry points, no drop-ins)."""
    return get_plugin_manager(env={}, entrypoints=False, directories=[])


@pytest.fixture
def dropins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """write(name=source, ...): drop-in plugin files in the folder HUNT_PLUGINS_DIR now names."""
    folder = tmp_path / "dropins"

    def write(**sources: str) -> Path:
        folder.mkdir(exist_ok=True)
        for name, source in sources.items():
            (folder / f"{name}.py").write_text(source, encoding="utf-8")
        monkeypatch.setenv("HUNT_PLUGINS_DIR", str(folder))
        return folder

    return write


class Clock:
    """A settable clock, so 'a week later' is one assignment."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move time forward."""
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    """A clock fixed at NOW."""
    return Clock()


@pytest.fixture
def ws(store: Store, plugins: Plugins, clock: Clock) -> Workspace:
    """A workspace for the local user with the built-in plugins and a fixed clock."""
    return Workspace(store, plugins, clock)


@pytest.fixture
def profiled(ws: Workspace) -> Workspace:
    """A workspace whose profile is complete, like a real bootcamp grad's."""
    ws.update_profile(
        {
            "name": "Ana Diaz",
            "program": "Turing",
            "colleges": "University of Denver",
            "home": "Denver, CO",
            "locations": "Denver, CO;Boulder, CO",
            "remote": "yes",
            "interests": "healthcare;music",
        }
    )
    return ws
