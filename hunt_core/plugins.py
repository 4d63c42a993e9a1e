"""The plugin manager: load built-in, entry-point and drop-in plugins; call each in isolation."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import logging
import os
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, TypeVar

import pluggy

from hunt_core import hookspecs
from hunt_core.models import Criterion

log = logging.getLogger(__name__)
T = TypeVar("T")
Source = Literal["builtin", "entrypoint", "directory"]
ENTRY_POINT_GROUP = "hunt"
BUILTIN_PACKAGE = "hunt_core.builtin_plugins"
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass
class PluginInfo:
    """One plugin as loaded: where it came from, what it declared, and its load error if any."""

    name: str
    source: Source
    criteria: list[str] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON shape of `hunt plugins --json`."""
        return {
            "name": self.name,
            "source": self.source,
            "criteria": self.criteria,
            "error": self.error,
        }


@dataclass
class Problem:
    """A plugin that failed while running a hook: reported once, counted every time."""

    plugin: str
    hook: str
    error: str
    count: int = 1

    def __str__(self) -> str:
        times = f" ({self.count} times)" if self.count > 1 else ""
        return f"plugin {self.plugin!r} failed in {self.hook}: {self.error}{times}"


def _names(value: str | None) -> set[str] | None:
    """Parse a comma-separated plugin list; None when the variable is unset."""
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


class Plugins:
    """A pluggy manager plus what the host learned while loading and calling plugins."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.criteria: dict[str, Criterion] = {}
        self.criterion_plugin: dict[str, str] = {}
        self.problems: dict[tuple[str, str], Problem] = {}
        self._allow = _names(env.get("HUNT_LOAD_PLUGINS"))
        self._block = _names(env.get("HUNT_DISABLE_PLUGINS")) or set()
        self._impl_cache: dict[str, list[tuple[str, Callable[..., Any], tuple[str, ...]]]] = {}

    # -- loading -------------------------------------------------------------------------

    def wanted(self, name: str) -> bool:
        """Whether HUNT_LOAD_PLUGINS / HUNT_DISABLE_PLUGINS let this plugin load."""
        if self._allow is not None and name not in self._allow:
            return False
        return name not in self._block

    def add(self, name: str, source: Source, load: Callable[[], object]) -> PluginInfo | None:
        """Load and register one plugin; a failure is recorded on its PluginInfo, never raised."""
        if not self.wanted(name):
            return None
        info = PluginInfo(name, source)
        if name in self.infos:
            info.error = f"name already used by the {self.infos[name].source} plugin {name!r}"
            self.infos[f"{name} ({source})"] = info
            return info
        self.infos[name] = info
        try:
            plugin = load()
            self.pm.register(plugin, name=name)
        except Exception as exc:  # a broken plugin must not stop the others
            info.error = _describe(exc)
            log.warning("plugin %r failed to load: %s", name, info.error)
            return info
        unknown = [hc.name for hc in self.pm.get_hookcallers(plugin) or [] if not hc.has_spec()]
        if unknown:
            self.pm.unregister(plugin)
            info.error = f"unknown hook(s): {', '.join(sorted(unknown))}"
            return info
        self._impl_cache.clear()
        self._declare_criteria(info)
        return info

    def _declare_criteria(self, info: PluginInfo) -> None:
        """Record the criteria one plugin declares, validating each (the register_* pattern)."""
        for criterion in self.call_one(info.name, "hunt_criteria", as_list(Criterion)):
            problem = _criterion_problem(criterion)
            if problem is None and criterion.key in self.criteria:
                owner = self.criterion_plugin[criterion.key]
                problem = f"criterion {criterion.key!r} is already declared by {owner!r}"
            if problem:
                self.report(info.name, "hunt_criteria", problem)
                info.error = f"{info.error}; {problem}" if info.error else problem
                continue
            self.criteria[criterion.key] = criterion
            self.criterion_plugin[criterion.key] = info.name
            info.criteria.append(criterion.key)

    def load_builtins(self) -> None:
        """Register every module in the built-in plugins folder, exactly like a third party."""
        package = importlib.import_module(BUILTIN_PACKAGE)
        for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if not module.name.startswith("_"):
                qualified = f"{BUILTIN_PACKAGE}.{module.name}"
                self.add(module.name, "builtin", lambda q=qualified: importlib.import_module(q))

    def load_entrypoints(self) -> None:
        """Register plugins that installed packages declare in entry-point group `hunt`."""
        eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        for ep in sorted(eps, key=lambda e: e.name):
            self.add(ep.name, "entrypoint", ep.load)

    def load_directories(self, directories: Iterable[str | Path]) -> None:
        """Register every `.py` file (not starting with `_`) in each drop-in folder."""
        for directory in directories:
            folder = Path(directory).expanduser()
            if not folder.is_dir():
                self.infos[str(folder)] = PluginInfo(
                    str(folder), "directory", error="plugins folder not found"
                )
                continue
            for path in sorted(folder.glob("*.py")):
                if not path.name.startswith("_"):
                    self.add(path.stem, "directory", lambda p=path: _load_file(p))

    # -- calling -------------------------------------------------------------------------

    def _impls(self, hook: str) -> list[tuple[str, Callable[..., Any], tuple[str, ...]]]:
        """(plugin name, function, argument names) for a hook, in a stable name order."""
        cached = self._impl_cache.get(hook)
        if cached is None:
            caller = getattr(self.pm.hook, hook)
            cached = sorted(
                ((i.plugin_name, i.function, tuple(i.argnames)) for i in caller.get_hookimpls()),
                key=lambda item: item[0],
            )
            self._impl_cache[hook] = cached
        return cached

    def implementers(self, hook: str) -> list[str]:
        """Names of the plugins implementing a hook."""
        return [name for name, _, _ in self._impls(hook)]

    def call(
        self, hook: str, check: Callable[[Any], list[T]], **kwargs: Any
    ) -> list[tuple[str, T]]:
        """Call each implementation on its own: a raise or a wrong type is reported and skipped.

        pluggy stops at the first exception, so implementations are called one by one.
        """
        return self._call(self._impls(hook), hook, check, None, kwargs)

    def _call(
        self,
        impls: list[tuple[str, Callable[..., Any], tuple[str, ...]]],
        hook: str,
        check: Callable[[Any], list[T]],
        only: str | None,
        kwargs: Mapping[str, Any],
    ) -> list[tuple[str, T]]:
        """Run implementations one by one (optionally only one plugin's), isolating failures."""
        out: list[tuple[str, T]] = []
        for name, function, argnames in impls:
            if only is not None and name != only:
                continue
            try:
                items = check(function(*[kwargs[a] for a in argnames]))
            except Exception as exc:  # isolation: one plugin's bug never stops the others
                self.report(name, hook, _describe(exc))
                continue
            for item in items:
                out.append((name, item))
        return out

    def call_one(
        self, plugin: str, hook: str, check: Callable[[Any], list[T]], **kwargs: Any
    ) -> list[T]:
        """Call one plugin's implementation of a hook, isolated like `call`."""
        return [item for _, item in self._call(self._impls(hook), hook, check, plugin, kwargs)]

    def report(self, plugin: str, hook: str, error: str) -> None:
        """Record a plugin failure; logged the first time, counted after."""
        key = (plugin, hook)
        if key in self.problems:
            self.problems[key].count += 1
            return
        self.problems[key] = Problem(plugin, hook, error)
        log.warning("plugin %r failed in %s: %s", plugin, hook, error)

    def errors(self) -> Iterator[str]:
        """One line per load error and per failing hook, for the CLI and the Settings page."""
        for info in self.infos.values():
            if info.error:
                yield f"plugin {info.name!r} ({info.source}) not loaded: {info.error}"
        for problem in self.problems.values():
            yield str(problem)


def _describe(exc: BaseException) -> str:
    """An exception as one line."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def as_list(kind: type[T]) -> Callable[[Any], list[T]]:
    """A checker accepting None, one `kind`, or a list/tuple of `kind`."""

    def check(value: Any) -> list[T]:
        if value is None:
            return []
        if isinstance(value, kind):
            return [value]
        if isinstance(value, list | tuple) and all(isinstance(v, kind) for v in value):
            return list(value)
        raise TypeError(
            f"returned {type(value).__name__}, expected {kind.__name__} or a list of them"
        )

    return check


def _criterion_problem(c: Criterion) -> str | None:
    """Why a declared criterion is invalid, or None."""
    if not _KEY.match(c.key):
        return f"criterion key {c.key!r} must be lower_snake_case"
    if c.applies_to not in ("company", "contact"):
        return f"criterion {c.key!r}: applies_to must be 'company' or 'contact'"
    if isinstance(c.default_weight, bool) or not isinstance(c.default_weight, int | float):
        return f"criterion {c.key!r}: default_weight must be a number"
    if not 0 <= c.default_weight <= 10:
        return f"criterion {c.key!r}: default_weight must be between 0 and 10"
    if c.guide_step not in range(1, 7):
        return f"criterion {c.key!r}: guide_step must be 1-6"
    if isinstance(c.prior, bool) or not isinstance(c.prior, int | float) or not 0 <= c.prior <= 1:
        return f"criterion {c.key!r}: prior must be a number from 0 to 1"
    return None


def _load_file(path: Path) -> ModuleType:
    """Import one drop-in plugin file under a private module name."""
    spec = importlib.util.spec_from_file_location(f"hunt_dropin_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def get_plugin_manager(
    env: Mapping[str, str] | None = None,
    *,
    builtins: bool = True,
    entrypoints: bool = True,
    directories: Iterable[str | Path] | None = None,
) -> Plugins:
    """Build a fresh manager: built-ins, entry points, then HUNT_PLUGINS_DIR folders."""
    env = os.environ if env is None else env
    plugins = Plugins(env)
    if builtins:
        plugins.load_builtins()
    if entrypoints:
        plugins.load_entrypoints()
    if directories is None:
        directories = [d for d in env.get("HUNT_PLUGINS_DIR", "").split(os.pathsep) if d]
    plugins.load_directories(directories)
    return plugins
