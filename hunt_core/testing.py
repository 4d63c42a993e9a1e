"""Hunt's pytest plugin for plugin authors: a manager with only your plugin, a demo hunt, scoring.

Installed with Hunt (entry point ``pytest11``), so a plugin package's tests get the fixtures
with no import::

    def test_scores_acme(hunt_plugins):
        plugins = hunt_plugins(my_plugin)              # only your plugin, checked like at load
        [signal] = score_company(plugins, name="Acme", notes="Glassdoor 4.5")

The helpers are public API, versioned with ``hunt_core.api.API_VERSION``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from hunt_core import views
from hunt_core.api import Context, Signal
from hunt_core.models import Company, Contact, Profile
from hunt_core.plugins import Plugins, get_plugin_manager, load_file
from hunt_core.scoring import signal_check

__all__ = [
    "TODAY",
    "hunt_demo",
    "hunt_plugins",
    "make_company",
    "make_contact",
    "make_plugins",
    "make_profile",
    "score_company",
    "score_contact",
]

TODAY = dt.date(2026, 11, 26)  # a fixed day, so a test does not change with the calendar


def make_plugins(*plugins: ModuleType | object | str | Path, builtins: bool = False) -> Plugins:
    """A fresh plugin manager with only these plugins (modules, objects or .py paths).

    Each is loaded exactly as the host loads a real plugin, so a bad criterion or a hook wrapper
    shows up in ``plugins.errors()`` as it would for a user. Set ``builtins=True`` to score next
    to Hunt's own criteria.
    """
    manager = get_plugin_manager(env={}, builtins=builtins, entrypoints=False, directories=[])
    for plugin in plugins:
        if isinstance(plugin, str | Path):
            path = Path(plugin)
            if path.suffix != ".py":
                raise ValueError(f"{plugin!r} is not a .py file")
            manager.add(path.stem, "directory", functools.partial(load_file, path), path=str(path))
        else:
            name = getattr(plugin, "__name__", type(plugin).__name__).rsplit(".", 1)[-1]
            manager.add(name, "entrypoint", functools.partial(lambda p: p, plugin))
    return manager


def make_profile(**fields: Any) -> views.Profile:
    """The read-only profile a hook receives, from any Profile fields."""
    return views.profile(Profile(**fields))


def make_company(**fields: Any) -> views.Company:
    """The read-only company a hook receives, from any Company fields (name defaults to Acme)."""
    fields.setdefault("name", "Acme")
    fields.setdefault("id", 1)
    return views.company(Company(**fields))


def make_contact(**fields: Any) -> views.Contact:
    """The read-only person a hook receives, from any Contact fields."""
    fields.setdefault("company_id", 1)
    fields.setdefault("name", "Jo Park")
    fields.setdefault("id", 1)
    return views.contact(Contact(**fields))


def score_company(
    plugins: Plugins,
    company: views.Company | None = None,
    profile: views.Profile | None = None,
    context: Context | None = None,
    **fields: Any,
) -> list[Signal]:
    """The signals the host accepts from every plugin for one company (built from fields).

    A plugin that raises or returns something the host would refuse makes this raise, so a
    test sees the problem instead of a silently missing signal.
    """
    return _score(plugins, "hunt_score_company", "company", company, profile, context, fields)


def score_contact(
    plugins: Plugins,
    contact: views.Contact | None = None,
    company: views.Company | None = None,
    profile: views.Profile | None = None,
    context: Context | None = None,
    **fields: Any,
) -> list[Signal]:
    """The signals the host accepts from every plugin for one person (built from fields)."""
    return _score(
        plugins,
        "hunt_score_contact",
        "contact",
        company,
        profile,
        context,
        {},
        contact=contact or make_contact(**fields),
    )


def _score(
    plugins: Plugins,
    hook: str,
    applies_to: str,
    company: views.Company | None,
    profile: views.Profile | None,
    context: Context | None,
    fields: dict[str, Any],
    **extra: Any,
) -> list[Signal]:
    """Run one scoring hook through the host's checks; raise on any reported problem."""
    before = set(plugins.problems)
    found = plugins.call(
        hook,
        signal_check(plugins.criteria, applies_to),
        company=company or make_company(**fields),
        profile=profile or make_profile(),
        context=context or Context(today=TODAY, criteria=frozenset(plugins.criteria)),
        **extra,
    )
    fresh = [str(plugins.problems[k]) for k in plugins.problems if k not in before]
    if fresh:
        raise AssertionError("; ".join(fresh))
    return [signal for _, signal in found]


@pytest.fixture
def hunt_plugins() -> Callable[..., Plugins]:
    """A factory for a fresh plugin manager per call: ``hunt_plugins(my_module)``."""
    return make_plugins


@pytest.fixture
def hunt_demo(tmp_path: Path) -> Iterator[Any]:
    """A Workspace over a throwaway database filled with Hunt's demo hunt (25 companies)."""
    # Imported here: every pytest run in an environment with Hunt loads this module, and only
    # tests that ask for a demo hunt should pay for the database.
    from hunt_core.demo import load_demo
    from hunt_core.store import Database
    from hunt_core.workspace import Workspace

    now = dt.datetime.combine(TODAY, dt.time(9))
    db = Database.open(tmp_path / "demo.duckdb")
    try:
        store = db.store()
        load_demo(store, companies=25, now=now)
        yield Workspace(store, get_plugin_manager(env={}, entrypoints=False), lambda: now)
    finally:
        db.close()
