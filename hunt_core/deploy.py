"""Hosted start: Streamlit secrets from the environment, the cookie-secret check, `streamlit run`.

`python -m hunt_core.deploy` is the one start command of the Dockerfile and render.yaml.
Streamlit reads sign-in settings from secrets.toml only, so this writes
`.streamlit/secrets.toml` from HUNT_* variables (a host's secret store), refuses a weak cookie
secret, and then becomes `streamlit run streamlit_app.py` on 0.0.0.0:$PORT.
"""

from __future__ import annotations

import json
import math
import os
import string
import sys
import tomllib
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

START = ("python", "-m", "hunt_core.deploy")  # Dockerfile CMD and render.yaml startCommand
DEFAULT_PORT = "8501"
SECRETS = Path(".streamlit") / "secrets.toml"
# Values shipped in .streamlit/secrets.toml.example: anyone can read them, so anyone could
# sign a session cookie with them.
PLACEHOLDERS = frozenset({"replace-with-a-long-random-string", "replace-me"})
SECRET_BYTES = 32
_MIN_BITS_PER_CHAR = 3.0  # random hex reaches about 3.7: "aaaa..." or "abab..." stay far below
KNOWN_PROVIDERS = {
    "google": "https://accounts.google.com/.well-known/openid-configuration",
    "slack": "https://slack.com/.well-known/openid-configuration",
}
SINGLE_USER = "HUNT_SINGLE_USER"


def cookie_secret_problem(secret: object) -> str | None:
    """Why a cookie secret is unsafe to sign sessions with, or None when it is strong.

    Strong means at least 32 random bytes: judged by its length over the alphabet it uses
    (hex counts 4 bits a character, base64 6), by how evenly its characters are spread, and by
    what is left after compression (a repeated pattern shrinks; random bytes do not).
    """
    fix = "set [auth] cookie_secret (HUNT_AUTH_COOKIE_SECRET) to `openssl rand -hex 32`"
    if not isinstance(secret, str) or not secret.strip():
        return f"cohort mode needs a cookie secret: {fix}"
    if secret.strip().lower() in PLACEHOLDERS or "replace" in secret.lower():
        return f"the cookie secret is the example's placeholder, which anyone can read: {fix}"
    nominal = len(secret) * math.log2(max(_alphabet(secret), 2))
    counts = Counter(secret)
    spread = -sum(n / len(secret) * math.log2(n / len(secret)) for n in counts.values())
    packed = (len(zlib.compress(secret.encode(), 9)) - len(zlib.compress(b"", 9))) * 8
    if min(nominal, packed) < SECRET_BYTES * 8 or spread < _MIN_BITS_PER_CHAR:
        return f"the cookie secret is too weak (under {SECRET_BYTES} random bytes): {fix}"
    return None


def _alphabet(text: str) -> int:
    """How many symbols the alphabet a secret was drawn from has, by the characters it uses."""
    if all(c in string.hexdigits for c in text) and (text.islower() or text.isupper()):
        return 16
    classes = (string.digits, string.ascii_lowercase, string.ascii_uppercase)
    size = sum(len(chars) for chars in classes if any(c in chars for c in text))
    other = {c for c in text if not any(c in chars for chars in classes)}
    return size + (len(string.punctuation) if other else 0)


def public_url(env: Mapping[str, str]) -> str:
    """The server's public address from HUNT_PUBLIC_URL or the host's own variable ('' if none)."""
    if env.get("HUNT_PUBLIC_URL"):
        return env["HUNT_PUBLIC_URL"].rstrip("/")
    if env.get("RENDER_EXTERNAL_URL"):
        return env["RENDER_EXTERNAL_URL"].rstrip("/")
    if env.get("SPACE_HOST"):
        return f"https://{env['SPACE_HOST']}"
    if env.get("FLY_APP_NAME"):
        return f"https://{env['FLY_APP_NAME']}.fly.dev"
    return ""


def secrets_from_env(env: Mapping[str, str]) -> dict[str, Any]:
    """The secrets.toml content the HUNT_* variables describe (empty when none are set).

    HUNT_DB -> [hunt] db; HUNT_AUTH_COOKIE_SECRET and HUNT_AUTH_REDIRECT_URI -> [auth];
    HUNT_AUTH_<NAME>_CLIENT_ID, _CLIENT_SECRET, _SERVER_METADATA_URL -> [auth.<name>] (the
    metadata URL is known for Google and Slack). A provider without a client id is left out.
    """
    out: dict[str, Any] = {}
    if env.get("HUNT_DB"):
        out["hunt"] = {"db": env["HUNT_DB"]}
    providers: dict[str, dict[str, str]] = {}
    for key, value in env.items():
        if key.startswith("HUNT_AUTH_") and key.endswith("_CLIENT_ID") and value:
            name = key[len("HUNT_AUTH_") : -len("_CLIENT_ID")].lower()
            prefix = f"HUNT_AUTH_{name.upper()}_"
            metadata = env.get(prefix + "SERVER_METADATA_URL") or KNOWN_PROVIDERS.get(name, "")
            providers[name] = {
                "client_id": value,
                "client_secret": env.get(prefix + "CLIENT_SECRET", ""),
                "server_metadata_url": metadata,
            }
    if providers:
        redirect = env.get("HUNT_AUTH_REDIRECT_URI") or f"{public_url(env)}/oauth2callback"
        out["auth"] = {
            "redirect_uri": redirect,
            "cookie_secret": env.get("HUNT_AUTH_COOKIE_SECRET", ""),
            **{name: providers[name] for name in sorted(providers)},
        }
    return out


def to_toml(secrets: Mapping[str, Any]) -> str:
    """Two-level string tables as TOML (JSON string escapes are valid TOML basic strings)."""
    lines: list[str] = []

    def table(name: str, values: Mapping[str, Any]) -> None:
        lines.append(f"[{name}]")
        lines.extend(f"{k} = {json.dumps(v)}" for k, v in values.items() if isinstance(v, str))
        lines.append("")
        for key, value in values.items():
            if isinstance(value, Mapping):
                table(f"{name}.{key}", value)

    for name, values in secrets.items():
        table(name, values)
    return "\n".join(lines)


def startup_problem(secrets: Mapping[str, Any], env: Mapping[str, str]) -> str | None:
    """Why this server must not start (a weak sign-in, or no sign-in on a public host)."""
    auth = secrets.get("auth")
    if isinstance(auth, Mapping):
        return cookie_secret_problem(auth.get("cookie_secret"))
    if env.get(SINGLE_USER) == "1":
        return None
    return (
        "no sign-in is configured, so anyone who reaches this server would share one hunt: set "
        "HUNT_AUTH_GOOGLE_CLIENT_ID and _CLIENT_SECRET (or Slack's), or HUNT_SINGLE_USER=1 for "
        "a private single-user server"
    )


def streamlit_command(env: Mapping[str, str]) -> list[str]:
    """`streamlit run` bound to every interface on $PORT, headless."""
    return [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
        "--server.address", "0.0.0.0", "--server.port", env.get("PORT") or DEFAULT_PORT,
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def prepare(env: Mapping[str, str], root: Path) -> str | None:
    """Write root/.streamlit/secrets.toml from env (if it names anything); the problem, if any.

    Without HUNT_* settings an existing secrets.toml (one a host mounts) is read as it is.
    """
    secrets = secrets_from_env(env)
    path = root / SECRETS
    if secrets:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # secrets: owner only
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(to_toml(secrets))
    elif path.exists():
        try:
            secrets = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            return f"cannot read {path}: {exc}"
    return startup_problem(secrets, env)


def main(argv: Sequence[str] | None = None) -> int:
    """Prepare the secrets and become the dashboard; one line and exit 1 if it must not start."""
    del argv  # no options: everything comes from the environment, as hosts give it
    problem = prepare(os.environ, Path.cwd())
    if problem:
        print(f"hunt: error: {problem}", file=sys.stderr)
        return 1
    command = streamlit_command(os.environ)
    sys.stdout.flush()
    os.execv(command[0], command)  # the host supervises streamlit itself, signals and all


if __name__ == "__main__":
    raise SystemExit(main())
