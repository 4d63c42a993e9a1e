"""A real dashboard for browser tests: `streamlit run` on a free port over a temporary database."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Chromium as root in a closed network: no sandbox, no background calls home.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's Chromium; a browser is never downloaded."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("HUNT_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@contextmanager
def serve(
    tmp_path: Path, env: dict[str, str], *options: str, port: int | None = None
) -> Iterator[str]:
    """`streamlit run` (on a free port unless given) with env and options; yield its URL."""
    port = port or free_port()
    env = {**os.environ, "HUNT_PLUGINS_DIR": "", "HUNT_NOW": "2026-11-26T09:00:00", **env}
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", *options,
    ]  # fmt: skip
    with running(command, ROOT, env, f"http://127.0.0.1:{port}", tmp_path) as url:
        yield url


@contextmanager
def running(
    command: list[str], cwd: Path, env: dict[str, str], url: str, tmp_path: Path
) -> Iterator[str]:
    """Run a server command; yield url once its /_stcore/health is ok, stop it afterwards."""
    log = (tmp_path / "streamlit.log").open("w")
    server = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                output = (tmp_path / "streamlit.log").read_text()
                pytest.fail(f"dashboard did not start:\n{output[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture
def dashboard(tmp_path: Path) -> Iterator[str]:
    """Start the dashboard on a fresh database and yield its URL once /_stcore/health is ok."""
    with serve(tmp_path, {"HUNT_DB": str(tmp_path / "hunt.duckdb")}) as url:
        yield url


COHORT_STUDENTS = {"ana@example.com": "Ana Corp", "ben@example.com": "Ben Corp"}


def seed_cohort(db: str) -> None:
    """Two students on the roster of the database at db, each with one company."""
    from hunt_core.cohort import OPERATOR, RosterRow
    from hunt_core.models import Company
    from hunt_core.store import Database

    database = Database.open(db)
    try:
        rows = [
            RosterRow(i + 2, email, email.split("@")[0].title(), "student", ("Denver 1",))
            for i, email in enumerate(COHORT_STUDENTS)
        ]
        database.cohorts().import_roster(OPERATOR, rows, dt.datetime(2026, 11, 26, 9))
        for email, company in COHORT_STUDENTS.items():
            database.store(email).add_company(Company(company))
    finally:
        database.close()


@contextmanager
def ana_provider() -> Iterator[str]:
    """A local OIDC provider (oidc-provider-mock) offering Ana's account; yield its metadata URL."""
    from oidc_provider_mock import User, run_server_in_thread

    ana = User(sub="ana-sub", claims={"email": "ana@example.com", "email_verified": True})
    with run_server_in_thread(port=0, user_claims=[ana]) as provider:
        yield f"http://localhost:{provider.server_port}/.well-known/openid-configuration"


@pytest.fixture
def cohort_dashboard(tmp_path: Path) -> Iterator[str]:
    """A cohort-mode dashboard signing in through a local OIDC provider (oidc-provider-mock).

    Two students are on the roster, each with one company; the provider offers Ana's account.
    The secrets file lives in tmp_path and is passed with --secrets.files: none is written to
    the repository.
    """
    db_file = tmp_path / "hunt.duckdb"
    seed_cohort(str(db_file))
    with ana_provider() as metadata:
        port = free_port()
        secrets_file = tmp_path / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            'client_id = "hunt-browser-test"\n'
            'client_secret = "hunt-browser-test-secret"\n'
            f'server_metadata_url = "{metadata}"\n'
        )
        env = {"HUNT_DB": str(db_file)}
        with serve(tmp_path, env, "--secrets.files", str(secrets_file), port=port) as url:
            yield url
