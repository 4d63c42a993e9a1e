"""The hosted start from scratch: a fresh venv from requirements.txt, the Dockerfile's command,
a health check and a student signing in to a rendered page of their own hunt."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

from hunt_core import deploy

from .conftest import ROOT, ana_provider, free_port, running, seed_cohort

if TYPE_CHECKING:
    from tests.conftest import Backend

WAIT = 30_000  # ms
APP_FILES = ("streamlit_app.py", "app_pages", ".streamlit/config.toml")


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment holding only what requirements.txt installs."""
    venv = tmp_path_factory.mktemp("deploy") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "-r", "requirements.txt"],
        cwd=ROOT, check=True, timeout=1200,
    )  # fmt: skip
    return venv


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    """The app's files alone, as a host checks them out: hunt_core comes from the venv."""
    app = tmp_path / "app"
    for name in APP_FILES:
        source, target = ROOT / name, app / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    return app


@pytest.fixture
def db_url(backend: Backend) -> str:
    """The database the hosted server uses, as HUNT_DB gives it: a file or a PostgreSQL URL."""
    return backend.new()


@pytest.mark.slow
@pytest.mark.both_backends
def test_the_start_command_serves_a_signed_in_student_from_a_fresh_venv(
    page: Page, fresh_venv: Path, app_dir: Path, db_url: str, tmp_path: Path
) -> None:
    seed_cohort(db_url)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with ana_provider() as metadata:
        env = {
            "PATH": f"{fresh_venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
            "HOME": str(tmp_path),  # no ~/.streamlit of the machine's user
            "PORT": str(port),
            "HUNT_DB": db_url,
            "HUNT_PUBLIC_URL": url,
            "HUNT_AUTH_COOKIE_SECRET": secrets.token_hex(32),
            "HUNT_AUTH_MOCK_CLIENT_ID": "hunt-deploy-test",
            "HUNT_AUTH_MOCK_CLIENT_SECRET": "hunt-deploy-test-secret",
            "HUNT_AUTH_MOCK_SERVER_METADATA_URL": metadata,
            "HUNT_PLUGINS_DIR": "",
            "HUNT_NOW": "2026-11-26T09:00:00",
        }
        with running(list(deploy.START), app_dir, env, url, tmp_path):
            page.goto(url)
            page.get_by_role("button", name="Sign in with Mock").click()
            page.get_by_role("button", name="ana-sub").click()
            expect(page.get_by_text("Signed in as Ana")).to_be_visible(timeout=WAIT)
            page.goto(f"{url}/companies")
            expect(page.get_by_role("heading", name="Ana Corp")).to_be_visible(timeout=WAIT)
            assert "Ben Corp" not in page.content()
