"""`hunt plugins new NAME`: write a ready-to-install plugin package, one criterion and its test."""

from __future__ import annotations

import re
from pathlib import Path

from hunt_core.api import API_VERSION
from hunt_core.errors import InvalidInput

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")
_MAJOR = API_VERSION.split(".", 1)[0]

PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "hunt-{dash}"
version = "0.1.0"
description = "A Hunt plugin: {label}."
readme = "README.md"
requires-python = ">=3.11"
# The plugin API is versioned with Hunt's major version: {major}.x keeps this plugin working.
dependencies = ["hunt>={major}.0,<{next_major}"]

# This line makes it a Hunt plugin: the name on the left is what `hunt plugins` shows and what
# HUNT_LOAD_PLUGINS / HUNT_DISABLE_PLUGINS use; the right side is the module Hunt registers.
[project.entry-points.hunt]
{snake} = "hunt_{snake}"

[tool.setuptools]
py-modules = ["hunt_{snake}"]
package-dir = {{ "" = "src" }}

[tool.pytest.ini_options]
testpaths = ["tests"]
pythonpath = ["src"]
"""

MODULE = '''\
"""A Hunt plugin: {label}."""

from __future__ import annotations

from hunt_core.api import Company, Criterion, Signal, hookimpl

KEY = "{snake}"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the criterion this plugin scores."""
    return [
        Criterion(
            key=KEY,
            label="{label}",
            applies_to="company",
            default_weight=1,
            description="Whether the company's notes mention {phrase}.",
            guide_step=1,
        )
    ]


@hookimpl
def hunt_score_company(company: Company) -> Signal:
    """Met when your notes on the company mention {phrase}; unknown otherwise."""
    if "{phrase}" in company.notes.casefold():
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"your notes on {{company.name}} mention {phrase}",
            evidence="company.notes",
        )
    return Signal(
        criterion=KEY,
        points=None,
        reason=f"unknown: check whether {{company.name}} has {phrase}",
    )
'''

TEST = '''\
"""Tests for hunt_{snake}, through Hunt's own plugin manager."""

from __future__ import annotations

from hunt_core.testing import score_company

import hunt_{snake} as plugin


def test_loads_with_its_criterion(hunt_plugins) -> None:
    plugins = hunt_plugins(plugin)
    assert list(plugins.errors()) == []
    assert plugins.criteria["{snake}"].applies_to == "company"


def test_notes_that_mention_it_meet_the_criterion(hunt_plugins) -> None:
    plugins = hunt_plugins(plugin)
    [signal] = score_company(plugins, name="Acme", notes="We like {phrase}!")
    assert signal.points == 1.0 and "Acme" in signal.reason


def test_no_mention_is_unknown_not_no(hunt_plugins) -> None:
    [signal] = score_company(hunt_plugins(plugin), name="Acme")
    assert signal.points is None and signal.reason.startswith("unknown: ")
'''

README = """\
# hunt-{dash}

A [Hunt](https://pypi.org/project/hunt/) plugin: {label}.

```bash
pip install -e .          # then `hunt plugins` lists {snake}, source "entrypoint"
pip install pytest && pytest
```

Edit `src/hunt_{snake}.py`: `hunt_criteria` declares the criterion, `hunt_score_company`
scores one company (return `points=None` with a reason starting "unknown: " when you cannot
tell). Import only from `hunt_core.api`; it is the versioned contract.
"""


def new_plugin(name: str, where: Path) -> list[Path]:
    """Write the package hunt-NAME under where; the files written, in order.

    NAME may be the package's own name (hunt-glassdoor): the prefix is not doubled.
    """
    name = name.removeprefix("hunt-").removeprefix("hunt_")
    if not _NAME.match(name):
        raise InvalidInput(
            f"plugin name {name!r} must be lower case letters and digits, words joined by - or _"
        )
    snake = name.replace("-", "_")
    dash = name.replace("_", "-")
    root = where / f"hunt-{dash}"
    if root.exists():
        raise InvalidInput(f"{root} already exists; pick another name or folder")
    words = snake.replace("_", " ")
    values = {
        "snake": snake,
        "dash": dash,
        "label": words.capitalize(),
        "phrase": words,
        "major": _MAJOR,
        "next_major": int(_MAJOR) + 1,
    }
    files = {
        root / "pyproject.toml": PYPROJECT,
        root / "README.md": README,
        root / "src" / f"hunt_{snake}.py": MODULE,
        root / "tests" / f"test_hunt_{snake}.py": TEST,
    }
    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
    return list(files)
