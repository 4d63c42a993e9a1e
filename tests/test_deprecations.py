"""The 1.0 top-level names (`from hunt_core import Criterion`) still work until 2.0, with a warning.

`import hunt_core` itself stays silent and cheap: every CLI command pays for it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import hunt_core
from hunt_core import api, hookspecs

ROOT = Path(__file__).resolve().parent.parent
OLD_NAMES = ("Channel", "Criterion", "Signal", "Template", "hookimpl", "hookspec")
# Where the old names may still be written: the shim itself, its tests, the release notes.
ALLOWED = {Path("hunt_core/__init__.py"), Path("tests/test_deprecations.py"), Path("CHANGELOG.md")}
_OLD = "|".join(OLD_NAMES)
OLD_USE = re.compile(
    rf"from hunt_core import (?:\([^)]*\b(?:{_OLD})\b[^)]*\)|[\w ,]*\b(?:{_OLD})\b)"
    rf"|\bhunt_core\.(?:{_OLD})\b(?! is deprecated)"  # not the warning's own words
)
SKIP_DIRS = {"build", "dist", "node_modules", "__pycache__"}
ON_PURPOSE = "# the 1.0 spelling, on purpose"  # a test's plugin source showing the warning


def _repo_files() -> list[Path]:
    """The repository's text files that code, docs or templates live in (no venv, no caches)."""
    return [
        path
        for path in ROOT.rglob("*")
        if path.suffix in {".py", ".md", ".toml", ".txt", ".cfg", ".ini"}
        and path.is_file()
        and not any(
            part.startswith(".") or part in SKIP_DIRS or part.endswith(".egg-info")
            for part in path.relative_to(ROOT).parts[:-1]
        )
    ]


def test_importing_hunt_core_warns_nothing_and_loads_no_plugin_machinery() -> None:
    probe = (
        "import json, sys, warnings; warnings.simplefilter('error'); import hunt_core; "
        "print(json.dumps([m for m in ('hunt_core.models', 'hunt_core.hookspecs', "
        "'hunt_core.api', 'pluggy') if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert done.stderr == ""


@pytest.mark.parametrize("name", [n for n in OLD_NAMES if n != "hookspec"])
def test_an_old_top_level_name_is_the_api_object_with_a_deprecation_warning(name: str) -> None:
    with pytest.warns(DeprecationWarning) as record:
        value = getattr(hunt_core, name)
    assert value is getattr(api, name)
    message = str(record[0].message)
    assert f"`from hunt_core.api import {name}`" in message
    assert "removed in Hunt 2.0" in message


def test_the_old_hookspec_warns_and_points_plugins_at_hookimpl() -> None:
    with pytest.warns(DeprecationWarning, match=r"removed in Hunt 2\.0") as record:
        value = hunt_core.hookspec
    assert value is hookspecs.hookspec
    assert "`from hunt_core.api import hookimpl`" in str(record[0].message)


def test_the_warning_names_the_line_that_imports_the_old_name() -> None:
    with pytest.warns(DeprecationWarning) as record:
        from hunt_core import Criterion  # noqa: F401
    assert {Path(w.filename).resolve() for w in record} == {Path(__file__).resolve()}


def test_unknown_names_still_raise_and_submodules_still_import() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        hunt_core.no_such_name  # noqa: B018
    from hunt_core import names

    assert callable(names.name_key)


def test_star_import_from_hunt_core_exports_nothing_deprecated() -> None:
    assert not set(hunt_core.__all__) & set(OLD_NAMES)


def test_the_scan_finds_an_old_name_in_every_spelling() -> None:
    for text in (
        "from hunt_core import Criterion",
        "from hunt_core import views, hookimpl",
        "from hunt_core import (\n    Signal,\n)",
        "x = hunt_core.Template(key='k')",
    ):
        assert OLD_USE.search(text), text
    for text in (
        "from hunt_core.api import Criterion",
        "from hunt_core import views\nSignal",
        "'hunt_core.Signal is deprecated and will be removed'",
    ):
        assert not OLD_USE.search(text), text
    assert _old_uses(f"import os\nfrom hunt_core import Signal  {ON_PURPOSE}\n") == []
    assert _old_uses("import os\nfrom hunt_core import Signal\n") == [
        "from hunt_core import Signal"
    ]


def test_nothing_in_the_repository_uses_the_old_top_level_names() -> None:
    files = _repo_files()
    assert Path("hunt_core/scaffold.py") in {p.relative_to(ROOT) for p in files}
    offenders = [
        f"{path.relative_to(ROOT)}: {use}"
        for path in files
        if path.relative_to(ROOT) not in ALLOWED
        for use in _old_uses(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def _old_uses(text: str) -> list[str]:
    """Each use of an old name in text, except on a line that says it is on purpose."""
    lines = text.splitlines()
    return [
        match.group(0)
        for match in OLD_USE.finditer(text)
        if ON_PURPOSE not in lines[text.count("\n", 0, match.start())]
    ]


# -- the release that deprecates them -------------------------------------------------------


def _section(text: str, heading: str) -> str:
    """The text under a Markdown heading up to the next heading of the same level or higher."""
    level = heading.split(" ", 1)[0]
    match = re.search(
        rf"^{re.escape(heading)}\n(.*?)(?=^#{{1,{len(level)}}} |\Z)", text, re.MULTILINE | re.DOTALL
    )
    assert match, f"no section {heading!r}"
    return match.group(1)


def test_the_api_version_is_the_package_version_and_the_newest_changelog_entry() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = re.search(r"^## (\d+\.\d+\.\d+)$", changelog, re.MULTILINE)
    assert api.API_VERSION == "1.2.0"
    assert pyproject["project"]["version"] == api.API_VERSION
    assert newest and newest.group(1) == api.API_VERSION


def test_the_changelog_announces_each_old_name_for_removal_in_2_0() -> None:
    release = _section((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), "## 1.1.0")
    added = _section(release, "### Added")
    deprecated = _section(release, "### Deprecated")
    assert "PluginInfo.deprecations" in added and "`deprecations`" in added
    assert "hunt plugins" in added and "Settings" in added and "warn_on_impl" in added
    for name in OLD_NAMES:
        assert f"`hunt_core.{name}`" in deprecated, name
    assert "removed in 2.0" in deprecated and "`from hunt_core.api import Criterion`" in deprecated


def test_the_docs_say_how_a_deprecation_shows_up() -> None:
    docs = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    versioning = " ".join(docs[docs.index("**Versioning.**") :].split("\n## ", 1)[0].split())
    for where in ("`hunt plugins`", "`deprecations`", "Settings page", "infos[name].deprecations"):
        assert where in versioning, where
    assert "taken from `hunt_core` itself, which 2.0 removes" in versioning


def test_the_example_package_still_depends_on_the_whole_major_version() -> None:
    pyproject = ROOT / "examples" / "hunt-glassdoor-rating" / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert "hunt>=1.0,<2" in project["dependencies"]
