"""Every `--json` shape the README's command table promises is what the command prints.

A script written against the README keeps working: each row that shows a `{...}` shape is run
for real (the console script on a demo hunt) and its top-level keys are compared with the row's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
ROW = re.compile(r"^\| `hunt ([^`]*)` .*?\| (.*) \|$")
NOW = "2026-11-26T09:00"


def _top_keys(shape: str) -> list[str]:
    """The top-level keys of a README shape such as `{a, b: {c}, d: [{e}]}`."""
    keys, depth, current = [], 0, ""
    for char in shape[1:-1]:
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        elif char == "," and depth == 0:
            keys.append(current)
            current = ""
            continue
        if depth == 0:
            current += char
    keys.append(current)
    return [key.split(":")[0].strip() for key in keys]


def _balanced(text: str, start: int) -> str:
    """The bracketed span of text opening at start."""
    depth = 0
    for end in range(start, len(text)):
        depth += text[end] in "{["
        depth -= text[end] in "}]"
        if depth == 0:
            return text[start : end + 1]
    raise ValueError(f"unbalanced shape in {text!r}")


def readme_shapes() -> dict[str, tuple[bool, list[str]]]:
    """Command words -> (prints a list?, top-level keys) for each table row showing a shape."""
    shapes = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        row = ROW.match(line)
        if not row or "--json" not in row.group(1):
            continue
        shown = re.search(r"`(\[?\{)", row.group(2))
        if shown is None:
            continue
        words = " ".join(w for w in row.group(1).split() if re.fullmatch(r"[a-z][a-z-]*", w))
        shape = _balanced(row.group(2), shown.start(1))
        inner = shape[1:-1] if shape.startswith("[") else shape
        shapes[words] = (shape.startswith("["), _top_keys(inner))
    return shapes


def test_the_readme_shapes_are_read_as_written() -> None:
    assert _top_keys("{a, b: {c, d}, e: [{f, g}], h}") == ["a", "b", "e", "h"]
    shapes = readme_shapes()
    assert shapes["next"] == (False, ["step", "action", "why", "company", "contact", "queue"])
    assert shapes["rank companies"][0] is True


def _hunt(*args: str, env: dict[str, str]) -> Any:
    """Run the installed console script and parse its JSON."""
    script = shutil.which("hunt", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "hunt_core.cli"]
    done = subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if "--json" in args else done.stdout


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A small demo hunt, on a pinned clock, with only the built-in plugins."""
    path = tmp_path_factory.mktemp("shapes") / "hunt.duckdb"
    env = {**os.environ, "HUNT_DB": str(path), "HUNT_PLUGINS_DIR": "", "HUNT_NOW": NOW}
    for name in ("HUNT_LOAD_PLUGINS", "HUNT_DISABLE_PLUGINS"):
        env.pop(name, None)
    _hunt("demo", "--companies", "6", env=env)
    return env


def test_every_json_shape_in_the_readme_is_what_the_command_prints(
    demo_env: dict[str, str],
) -> None:
    person = _hunt("rank", "contacts", "--json", env=demo_env)[0]
    commands = {
        "rank companies": ["rank", "companies", "--json"],
        "rank contacts": ["rank", "contacts", "--json"],
        "next": ["next", "--json"],
        "plugins": ["plugins", "--json"],
        "progress": ["progress", "--json"],
        "chat prep": ["chat", "prep", person["company"], person["contact"], "--json"],
    }
    shapes = readme_shapes()
    assert set(shapes) == set(commands), "a README shape row without a command to check it"
    for words, (is_list, keys) in shapes.items():
        printed = _hunt(*commands[words], env=demo_env)
        assert isinstance(printed, list) is is_list, words
        item = printed[0] if is_list else printed
        assert list(item) == keys, f"hunt {words} --json prints {list(item)}, README says {keys}"
