"""Hosted deploy: the cookie-secret check, secrets from the environment, the deploy files agree."""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import shlex
import shutil
import stat
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

from hunt_core import deploy

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text())
STRONG = {
    "openssl rand -hex 32": secrets.token_hex(32),
    "openssl rand -base64 32": base64.b64encode(secrets.token_bytes(32)).decode(),
    "secrets.token_urlsafe(32)": secrets.token_urlsafe(32),
    "upper-case hex": secrets.token_hex(32).upper(),
}


@pytest.mark.parametrize("secret", list(STRONG.values()), ids=list(STRONG))
def test_a_secret_of_32_random_bytes_is_accepted(secret: str) -> None:
    assert deploy.cookie_secret_problem(secret) is None


@pytest.mark.parametrize(
    ("secret", "why"),
    [
        (None, "needs a cookie secret"),
        ("", "needs a cookie secret"),
        ("   ", "needs a cookie secret"),
        (EXAMPLE["auth"]["cookie_secret"], "placeholder"),
        ("Replace-With-A-Long-Random-String", "placeholder"),
        pytest.param(secrets.token_hex(16), "too weak", id="16 random bytes"),  # however random
        ("browser-test-cookie-secret", "too weak"),
        ("a" * 200, "too weak"),
        ("ab" * 100, "too weak"),
        ("0123456789" * 10, "too weak"),
        ("abcdefghijklmnopqrstuvwxyz" * 3, "too weak"),
    ],
)
def test_a_missing_example_or_weak_secret_is_refused_in_one_line(
    secret: str | None, why: str
) -> None:
    problem = deploy.cookie_secret_problem(secret)
    assert problem is not None and why in problem
    assert "\n" not in problem and "openssl rand -hex 32" in problem


def test_every_secret_the_example_ships_is_refused() -> None:
    shipped = [EXAMPLE["auth"]["cookie_secret"]]
    shipped += [v["client_secret"] for v in EXAMPLE["auth"].values() if isinstance(v, dict)]
    assert all(deploy.cookie_secret_problem(s) for s in shipped)


def test_the_environment_becomes_secrets_toml_for_google_and_slack() -> None:
    env = {
        "HUNT_DB": "postgresql://hunt:pw@db.internal:5432/hunt",
        "HUNT_AUTH_COOKIE_SECRET": STRONG["openssl rand -hex 32"],
        "HUNT_AUTH_GOOGLE_CLIENT_ID": "123.apps.googleusercontent.com",
        "HUNT_AUTH_GOOGLE_CLIENT_SECRET": 'se"cret\\',
        "HUNT_AUTH_SLACK_CLIENT_ID": "99.99",
        "HUNT_AUTH_SLACK_CLIENT_SECRET": "slack-secret",
        "HUNT_AUTH_OKTA_CLIENT_ID": "",  # left empty in the host's form: no provider
        "RENDER_EXTERNAL_URL": "https://hunt.onrender.com/",
    }
    parsed = tomllib.loads(deploy.to_toml(deploy.secrets_from_env(env)))
    assert parsed["hunt"] == {"db": env["HUNT_DB"]}
    auth = parsed["auth"]
    assert auth["redirect_uri"] == "https://hunt.onrender.com/oauth2callback"
    assert auth["cookie_secret"] == env["HUNT_AUTH_COOKIE_SECRET"]
    assert auth["google"] == {
        "client_id": "123.apps.googleusercontent.com",
        "client_secret": 'se"cret\\',
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
    }
    assert auth["slack"]["server_metadata_url"] == (
        "https://slack.com/.well-known/openid-configuration"
    )
    assert set(auth) == {"redirect_uri", "cookie_secret", "google", "slack"}


@pytest.mark.parametrize(
    ("env", "url"),
    [
        ({"HUNT_PUBLIC_URL": "https://hunt.bootcamp.edu/", "SPACE_HOST": "x.hf.space"},
         "https://hunt.bootcamp.edu"),
        ({"SPACE_HOST": "ana-hunt.hf.space"}, "https://ana-hunt.hf.space"),
        ({"FLY_APP_NAME": "hunt-cohort"}, "https://hunt-cohort.fly.dev"),
    ],
)  # fmt: skip
def test_the_redirect_address_comes_from_the_host(env: dict[str, str], url: str) -> None:
    assert deploy.public_url(env) == url


def test_prepare_writes_a_private_secrets_file_and_refuses_a_weak_secret(tmp_path: Path) -> None:
    env = {"HUNT_AUTH_GOOGLE_CLIENT_ID": "id", "HUNT_AUTH_COOKIE_SECRET": "short"}
    assert "too weak" in (deploy.prepare(env, tmp_path) or "")
    written = tmp_path / ".streamlit" / "secrets.toml"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    env["HUNT_AUTH_COOKIE_SECRET"] = STRONG["openssl rand -hex 32"]
    assert deploy.prepare(env, tmp_path) is None


def test_without_sign_in_a_public_server_needs_an_explicit_single_user_switch(
    tmp_path: Path,
) -> None:
    assert "no sign-in is configured" in (deploy.prepare({}, tmp_path) or "")
    assert deploy.prepare({deploy.SINGLE_USER: "1"}, tmp_path) is None
    mounted = tmp_path / ".streamlit" / "secrets.toml"  # a host that mounts its own file
    mounted.parent.mkdir()
    mounted.write_text('[auth]\ncookie_secret = "replace-with-a-long-random-string"\n')
    assert "placeholder" in (deploy.prepare({}, tmp_path) or "")


def test_the_start_command_refuses_a_weak_secret_with_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "HUNT_AUTH_GOOGLE_CLIENT_ID": "id", "HUNT_AUTH_COOKIE_SECRET": "x" * 8}
    done = subprocess.run(
        [sys.executable, *deploy.START[1:]],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("hunt: error: the cookie secret is too weak")


def test_the_streamlit_command_binds_every_interface_on_port() -> None:
    command = deploy.streamlit_command({"PORT": "7860"})
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    assert command[command.index("--server.port") + 1] == "7860"


# -- the deploy files ---------------------------------------------------------------------


def _dockerfile() -> dict[str, list[str]]:
    """Dockerfile instructions by keyword (continuation lines joined)."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, rest = line.strip().partition(" ")
            found.setdefault(keyword.upper(), []).append(rest.strip())
    return found


def _render() -> dict:
    """render.yaml as data."""
    return yaml.safe_load((ROOT / "render.yaml").read_text())


def test_the_dockerfile_runs_unprivileged_on_port_7860_with_a_health_check() -> None:
    docker = _dockerfile()
    assert docker["USER"][-1] not in ("root", "0")
    assert "--uid 1000" in " ".join(docker["RUN"])  # Hugging Face Spaces runs UID 1000
    assert docker["EXPOSE"] == ["7860"]
    assert any("PORT=7860" in env for env in docker["ENV"])
    [check] = docker["HEALTHCHECK"]
    assert "/_stcore/health" in check and "PORT" in check
    assert any("pip install -r requirements.txt" in run for run in docker["RUN"])


def test_docker_and_render_start_the_same_command() -> None:
    [cmd] = _dockerfile()["CMD"]
    [web] = [s for s in _render()["services"] if s["type"] == "web"]
    assert tuple(json.loads(cmd)) == deploy.START
    assert tuple(shlex.split(web["startCommand"])) == deploy.START
    assert web["buildCommand"] == "pip install -r requirements.txt"


def test_render_wires_its_postgresql_and_a_generated_cookie_secret() -> None:
    blueprint = _render()
    [web] = blueprint["services"]
    env = {v["key"]: v for v in web["envVars"]}
    [database] = blueprint["databases"]
    assert env["HUNT_DB"]["fromDatabase"] == {
        "name": database["name"], "property": "connectionString"
    }  # fmt: skip
    assert env["HUNT_AUTH_COOKIE_SECRET"] == {
        "key": "HUNT_AUTH_COOKIE_SECRET",
        "generateValue": True,
    }
    assert web["healthCheckPath"] == "/_stcore/health"
    for provider in ("GOOGLE", "SLACK"):  # asked for at deploy time, never committed
        assert env[f"HUNT_AUTH_{provider}_CLIENT_SECRET"].get("sync") is False


def test_the_wheel_holds_every_file_the_package_needs(tmp_path: Path) -> None:
    # requirements.txt installs `.` (the Docker image, Render, Streamlit Cloud): a package or a
    # data file the wheel leaves out exists only in editable installs, as hunt_core.cli once
    # did. Built from a copy, so the checkout gets no build/ folder.
    source = tmp_path / "source"
    for folder in ("hunt_core", "plugins"):
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path / "dist"), str(source)],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = (tmp_path / "dist").glob("hunt-*.whl")
    shipped = {n for n in zipfile.ZipFile(wheel).namelist() if not n.startswith("hunt-")}
    needed = {
        *(f"hunt_core/{p.relative_to(ROOT / 'hunt_core').as_posix()}" for p in _files("hunt_core")),
        *(f"hunt_core/builtin_plugins/{p.relative_to(ROOT / 'plugins').as_posix()}"
          for p in _files("plugins")),
    }  # fmt: skip
    assert shipped == needed


def _files(folder: str) -> list[Path]:
    """The files of a package folder a wheel must ship: code, migrations and data."""
    return [
        p
        for p in (ROOT / folder).rglob("*")
        if p.suffix in {".py", ".sql", ".json"} and p.is_file()
    ]


def test_requirements_install_hunt_with_postgres_and_the_readme_has_the_button() -> None:
    lines = [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines == [".[postgres]"]
    assert "render.com/deploy" in (ROOT / "README.md").read_text()
