"""The plugin manager: load built-in, entry-point and drop-in plugins; call each in isolation."""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.metadata
import importlib.util
import logging
import operator
import os
import pkgutil
import re
import sys
import threading
import time
import warnings
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, TextIO, TypeVar

import pluggy

from hunt_core import deferred, hookspecs
from hunt_core.models import Criterion

log = logging.getLogger(__name__)
T = TypeVar("T")
Source = Literal["builtin", "entrypoint", "directory"]
ENTRY_POINT_GROUP = "hunt"
BUILTIN_PACKAGE = "hunt_core.builtin_plugins"  # the top-level plugins/ folder (package-dir)
COHORT_ALLOW = "HUNT_COHORT_PLUGINS"  # the plugins besides the built-ins a cohort server loads
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
# Seconds one call of one implementation may take before the plugin is skipped for the rest of
# the ranking: a slow plugin must not hang every page (HUNT_PLUGIN_BUDGET overrides it). Generous
# enough for a built-in's one-off warm-up (the first location lookup loads the city index).
DEFAULT_BUDGET = 3.0
Impl = tuple[str, Callable[..., Any], tuple[str, ...]]
_clock = time.perf_counter
BLOCK = 256  # rows each plugin runs over before the next plugin does (see Plugins._run)


@dataclass
class PluginInfo:
    """One plugin as loaded: where it came from, what it declared, and its load error if any."""

    name: str
    source: Source
    criteria: list[str] = field(default_factory=list)
    error: str | None = None  # why it did not load; None when it did (or is disabled)
    disabled: str | None = None  # what disabled it (an environment variable), None if enabled
    version: str | None = None
    path: str | None = None
    hooks: list[str] = field(default_factory=list)
    # The DeprecationWarnings it raised while loading (import, registration, criteria): what
    # its author must change before the next major version. It still works meanwhile.
    deprecations: tuple[str, ...] = ()

    def status(self, problems: int = 0, *, details: bool = True) -> str:
        """One phrase: ok, disabled by what, not loaded (and why, with details), or problems."""
        if self.disabled:
            return f"disabled by {self.disabled}"
        if self.error:
            return f"not loaded: {self.error}" if details else "not loaded"
        if problems:
            return f"{problems} problem{'s' if problems != 1 else ''} on the last run"
        return "ok"

    def as_dict(self, problems: Iterable[Problem] = ()) -> dict[str, Any]:
        """The stable JSON shape of `hunt plugins --json`, with this plugin's run problems."""
        return {
            "name": self.name,
            "source": self.source,
            "version": self.version,
            "path": self.path,
            "hooks": self.hooks,
            "criteria": self.criteria,
            "disabled": self.disabled,
            "error": self.error,
            "problems": [str(p) for p in problems if p.plugin == self.name],
            "deprecations": list(self.deprecations),
        }


@dataclass
class Problem:
    """One distinct failure of a plugin in a hook: reported once, counted every time."""

    plugin: str
    hook: str
    error: str
    count: int = 1
    seconds: float | None = None  # the slowest call, for a plugin over its time budget

    def __str__(self) -> str:
        took = f" (slowest call {self.seconds:.1f} s)" if self.seconds is not None else ""
        times = f" ({self.count} times)" if self.count > 1 else ""
        return f"plugin {self.plugin!r} failed in {self.hook}: {self.error}{took}{times}"


def _names(value: str | None) -> set[str] | None:
    """Parse a comma-separated plugin list; None when the variable is unset."""
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


def _budget(value: str | None) -> float:
    """Seconds allowed per call from HUNT_PLUGIN_BUDGET; the default when unset or invalid."""
    try:
        budget = float(value) if value else DEFAULT_BUDGET
    except ValueError:
        return DEFAULT_BUDGET
    return budget if budget > 0 else DEFAULT_BUDGET


class _Tracer:
    """Prints each hook call with plugin, duration and result count (HUNT_TRACE_PLUGINS=1).

    It listens through pluggy's own hook-call monitoring, so a traced call runs through
    pluggy's machinery exactly as `pm.hook.NAME(...)` would.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.started: list[float] = []

    def before(
        self, hook: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]
    ) -> None:
        self.started.append(time.perf_counter())

    def after(
        self,
        outcome: pluggy.Result[Any],
        hook: str,
        impls: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        elapsed = time.perf_counter() - self.started.pop()
        names = ",".join(i.plugin_name for i in impls)
        if outcome.exception is not None:
            result = f"raised {type(outcome.exception).__name__}"
        else:
            values = [v for v in outcome.get_result() if v is not None]
            count = sum(len(v) if isinstance(v, list | tuple) else 1 for v in values)
            result = f"{count} result{'s' if count != 1 else ''}"
        print(f"trace: {hook} {names} {1000 * elapsed:.2f} ms {result}", file=self.out)


class Plugins:
    """A pluggy manager plus what the host learned while loading and calling plugins."""

    def __init__(self, env: Mapping[str, str] | None = None, *, cohort: bool = False) -> None:
        env = os.environ if env is None else env
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.criteria: dict[str, Criterion] = {}
        self.criterion_plugin: dict[str, str] = {}
        self.problems: dict[tuple[str, str, str], Problem] = {}
        self.warnings: list[str] = []
        self.budget = _budget(env.get("HUNT_PLUGIN_BUDGET"))
        self._allow = _names(env.get("HUNT_LOAD_PLUGINS"))
        self._block = _names(env.get("HUNT_DISABLE_PLUGINS")) or set()
        if self._allow is not None and not self._allow:
            self.warnings.append(
                "HUNT_LOAD_PLUGINS is set but empty, so no plugin loads; unset it to load all"
            )
        # A shared server runs third-party code for every student: only what the admin named.
        self._cohort_allow = (_names(env.get(COHORT_ALLOW)) or set()) if cohort else None
        self._slow: set[str] = set()
        self._impl_cache: dict[str, list[Impl]] = {}
        self._tracer: _Tracer | None = None
        if env.get("HUNT_TRACE_PLUGINS", "") not in ("", "0"):
            self.trace(sys.stderr)

    # -- loading -------------------------------------------------------------------------

    def disabled_by(self, name: str, source: Source = "builtin") -> str | None:
        """The variable that keeps this plugin from loading, or None when it may load.

        In cohort mode a plugin other than the built-ins loads only when HUNT_COHORT_PLUGINS
        names it: a shared server runs it for every student.
        """
        if (
            self._cohort_allow is not None
            and source != "builtin"
            and name not in self._cohort_allow
        ):
            return f"{COHORT_ALLOW} (cohort mode)"
        if self._allow is not None and name not in self._allow:
            return "HUNT_LOAD_PLUGINS"
        return "HUNT_DISABLE_PLUGINS" if name in self._block else None

    def add(
        self,
        name: str,
        source: Source,
        load: Callable[[], object],
        *,
        version: str | None = None,
        path: str | None = None,
    ) -> PluginInfo:
        """Load and register one plugin; a failure is recorded on its PluginInfo, never raised."""
        info = PluginInfo(name, source, version=version, path=path)
        info.disabled = self.disabled_by(name, source)
        if name in self.infos and self.infos[name].disabled is None:
            info.error = f"name already used by the {self.infos[name].source} plugin {name!r}"
            self.infos[f"{name} ({source})"] = info
            return info
        self.infos[name] = info
        if info.disabled:
            return info
        imported: list[str] = []
        registered: list[str] = []
        try:
            with _deprecations(imported):
                plugin = load()
            imported = _import_deprecations(plugin, imported)
            with _deprecations(registered):
                self.pm.register(plugin, name=name)  # pluggy's warn_on_impl fires here
        except Exception as exc:  # a broken plugin must not stop the others
            info.error = _describe(exc)
            info.deprecations = _distinct(imported, registered)
            log.warning("plugin %r failed to load: %s", name, info.error)
            return info
        info.error = _impl_problem(self.pm, plugin)
        if info.error:
            info.deprecations = _distinct(imported, registered)
            self.pm.unregister(plugin)
            return info
        info.path = info.path or getattr(plugin, "__file__", None)
        info.version = info.version or getattr(plugin, "__version__", None)
        info.hooks = sorted(hc.name for hc in self.pm.get_hookcallers(plugin) or [])
        self._impl_cache.clear()
        with _deprecations(registered):
            self._declare_criteria(info)
        info.deprecations = _distinct(imported, registered)
        return info

    def _declare_criteria(self, info: PluginInfo) -> None:
        """Record the criteria one plugin declares, validating each (the register_* pattern).

        A bad criterion is a problem of a loaded plugin (its other criteria and hooks still
        work), not a load error.
        """
        for criterion in self.call_one(info.name, "hunt_criteria", as_list(Criterion)):
            problem = criterion_problem(criterion)
            if problem is None and criterion.key in self.criteria:
                owner = self.criterion_plugin[criterion.key]
                problem = f"criterion {criterion.key!r} is already declared by {owner!r}"
            if problem:
                self.report(info.name, "hunt_criteria", problem)
                continue
            self.criteria[criterion.key] = criterion
            self.criterion_plugin[criterion.key] = info.name
            info.criteria.append(criterion.key)

    def check_names(self) -> None:
        """Warn about names in HUNT_LOAD_PLUGINS / HUNT_DISABLE_PLUGINS that no plugin has."""
        known = {info.name for info in self.infos.values()}
        for variable, names in (
            ("HUNT_LOAD_PLUGINS", self._allow),
            ("HUNT_DISABLE_PLUGINS", self._block),
        ):
            unknown = sorted((names or set()) - known)
            if unknown:
                self.warnings.append(f"{variable} names no installed plugin: {', '.join(unknown)}")

    def load_builtins(self) -> None:
        """Register every module in the built-in plugins folder, exactly like a third party."""
        package = importlib.import_module(BUILTIN_PACKAGE)
        version = _hunt_version()
        for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if not module.name.startswith("_"):
                qualified = f"{BUILTIN_PACKAGE}.{module.name}"
                self.add(
                    module.name,
                    "builtin",
                    functools.partial(importlib.import_module, qualified),
                    version=version,
                )

    def load_entrypoints(self) -> None:
        """Register plugins that installed packages declare in entry-point group `hunt`."""
        eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        for ep in sorted(eps, key=lambda e: e.name):
            dist = ep.dist
            self.add(
                ep.name,
                "entrypoint",
                ep.load,
                version=dist.version if dist else None,
                path=f"{dist.name if dist else '?'}: {ep.value}",
            )

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
                    self.add(
                        path.stem, "directory", functools.partial(load_file, path), path=str(path)
                    )

    # -- calling -------------------------------------------------------------------------

    def trace(self, out: TextIO) -> None:
        """Print every hook call from now on (pluggy's hook-call monitoring) to out."""
        if self._tracer is None:
            self._tracer = _Tracer(out)
            self.pm.add_hookcall_monitoring(self._tracer.before, self._tracer.after)

    def new_run(self) -> None:
        """Start a ranking: plugins skipped as too slow in the last one get another chance."""
        self._slow.clear()

    def _impls(self, hook: str) -> list[Impl]:
        """(plugin name, function, argument names) for a hook, in pluggy's call order.

        That order honours tryfirst / trylast, then calls later-registered plugins first
        (third parties load after the built-ins), exactly as `pm.hook.NAME()` would.
        """
        cached = self._impl_cache.get(hook)
        if cached is None:
            caller = getattr(self.pm.hook, hook)
            cached = [
                (i.plugin_name, i.function, tuple(i.argnames))
                for i in reversed(caller.get_hookimpls())
            ]
            self._impl_cache[hook] = cached
        return cached

    def call(
        self, hook: str, check: Callable[[Any], list[T]], **kwargs: Any
    ) -> list[tuple[str, T]]:
        """Call each implementation on its own: a raise or a wrong type is reported and skipped.

        pluggy stops at the first exception, so implementations are called one by one.
        """
        return self._run(self._impls(hook), hook, check, [()], (), kwargs)[0]

    def call_each(
        self,
        hook: str,
        check: Callable[[Any], list[T]],
        rows: Sequence[tuple[Any, ...]],
        names: tuple[str, ...],
        **fixed: Any,
    ) -> list[list[tuple[str, T]]]:
        """`call` once per row: ``names`` are the arguments each row holds, ``fixed`` the rest.

        A ranking calls a hook for every company or person with the same profile and context:
        each implementation runs over a block of rows in turn, so what a call costs the host
        (the argument lookup, the budget checks) is worked out once per block, not once per row.
        """
        return self._run(self._impls(hook), hook, check, rows, names, fixed)

    def _run(
        self,
        impls: list[Impl],
        hook: str,
        check: Callable[[Any], list[T]],
        rows: Sequence[tuple[Any, ...]],
        names: tuple[str, ...],
        fixed: Mapping[str, Any],
    ) -> list[list[tuple[str, T]]]:
        """Run implementations one by one over the rows, isolating failures; results per row.

        Each call is timed: one over the budget is reported with its time and that plugin is
        skipped for the rest of the ranking (a call cannot be interrupted, only not repeated).
        """
        results: list[list[tuple[str, T]]] = [[] for _ in rows]
        # Every argument of the hook by name -> its place in a row followed by the fixed values.
        place = {name: i for i, name in enumerate((*names, *fixed))}
        tail = tuple(fixed.values())
        full = [row + tail for row in rows] if tail else rows
        callers = []
        for name, function, argnames in impls:
            missing = [a for a in argnames if a not in place]
            if missing:  # the caller passed less than the hook offers: this plugin cannot run
                self.report(name, hook, f"needs {', '.join(missing)}, which this call lacks")
            elif name not in self._slow:
                callers.append((name, function, _picker(tuple(place[a] for a in argnames))))
        # A block of rows at a time, every plugin over it in turn: a plugin's setup is paid once
        # per block, and the block's companies are still in the CPU's cache for the next plugin.
        for begin in range(0, len(full), BLOCK):
            block, outs = full[begin : begin + BLOCK], results[begin : begin + BLOCK]
            for name, function, args in callers:
                if name not in self._slow:
                    self._over_block(hook, name, function, args, check, block, outs, place)
        return results

    def _over_block(
        self,
        hook: str,
        name: str,
        function: Callable[..., Any],
        args: Callable[[tuple[Any, ...]], tuple[Any, ...]],
        check: Callable[[Any], list[T]],
        block: Sequence[tuple[Any, ...]],
        outs: Sequence[list[tuple[str, T]]],
        place: Mapping[str, int],
    ) -> None:
        """One implementation over a block of rows, its results appended to each row's."""
        budget, clock, traced = self.budget, _clock, self._tracer is not None
        started = clock()  # each call is timed from the end of the one before
        for values, out in zip(block, outs, strict=True):
            try:
                if traced:
                    value = self._traced(hook, name, dict(zip(place, values, strict=True)))
                else:
                    value = function(*args(values))
                items = check(value)
            except Exception as exc:  # isolation: one plugin's bug never stops the others
                self.report(name, hook, _describe(exc))
                items = []
            for item in items:
                out.append((name, item))
            ended = clock()
            # Over budget, unless it was the host reading what the plugin first looked at.
            if ended - started > budget:
                spent = ended - started - deferred.made_since(started)
                if spent > budget:
                    self._over_budget(name, hook, spent)
                    return
            started = ended

    def _over_budget(self, name: str, hook: str, elapsed: float) -> None:
        """Report a call over the budget and skip its plugin for the rest of the ranking."""
        self._slow.add(name)
        self.report(
            name,
            hook,
            f"over the {self.budget:g} s budget per call (HUNT_PLUGIN_BUDGET); "
            "skipped for the rest of this ranking",
            seconds=elapsed,
        )

    def _traced(self, hook: str, name: str, kwargs: Mapping[str, Any]) -> Any:
        """Call one plugin's implementation through pluggy, so its monitoring sees the call."""
        others = [p for p_name, p in self.pm.list_name_plugin() if p_name != name]
        caller = self.pm.subset_hook_caller(hook, remove_plugins=others)
        results = caller(**kwargs)
        return results[0] if results else None

    def call_one(
        self, plugin: str, hook: str, check: Callable[[Any], list[T]], **kwargs: Any
    ) -> list[T]:
        """Call one plugin's implementation of a hook, isolated like `call`."""
        impls = [impl for impl in self._impls(hook) if impl[0] == plugin]
        return [item for _, item in self._run(impls, hook, check, [()], (), kwargs)[0]]

    def report(self, plugin: str, hook: str, error: str, seconds: float | None = None) -> None:
        """Record a plugin failure; each distinct one is logged the first time, counted after."""
        key = (plugin, hook, error)
        held = self.problems.get(key)
        if held is not None:
            held.count += 1
            if seconds is not None:
                held.seconds = max(held.seconds or 0.0, seconds)
            return
        self.problems[key] = Problem(plugin, hook, error, seconds=seconds)
        log.warning("%s", self.problems[key])

    def problems_of(self, plugin: str, hook: str | None = None) -> list[Problem]:
        """The distinct failures of one plugin (in one hook, when given)."""
        return [p for p in self.problems.values() if p.plugin == plugin and hook in (None, p.hook)]

    def deprecations(self) -> Iterator[str]:
        """One line per deprecated use a plugin made while loading, for the CLI and Settings."""
        for info in self.infos.values():
            for message in info.deprecations:
                yield f"plugin {info.name!r} uses a deprecated API: {message}"

    def errors(self) -> Iterator[str]:
        """One line per warning, load error and distinct failure, for the CLI and Settings."""
        yield from self.warnings
        for info in self.infos.values():
            if info.error:
                yield f"plugin {info.name!r} ({info.source}) not loaded: {info.error}"
        for problem in self.problems.values():
            yield str(problem)


# What each plugin module raised when it was imported: Python imports a module once per process,
# so a second manager (a test's, the dashboard's after its cache is cleared) would not hear it.
_AT_IMPORT: weakref.WeakKeyDictionary[Any, tuple[str, ...]] = weakref.WeakKeyDictionary()


@contextlib.contextmanager
def _deprecations(into: list[str]) -> Iterator[None]:
    """Append to `into` each distinct DeprecationWarning this thread raises inside the block.

    Each is shown as its message and where it was raised. Every warning caught is then issued
    again under the caller's own filters, so `-W` and pytest still see what they would have;
    only a filter that turns a deprecation into an error is not obeyed, as the deprecated use
    still works and is recorded. Warnings from other threads (the dashboard serves several
    sessions) pass on, never recorded as this plugin's.
    """
    me = threading.get_ident()
    caught: list[tuple[bool, warnings.WarningMessage]] = []

    def keep(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        held = warnings.WarningMessage(message, category, filename, lineno, file, line)
        caught.append((threading.get_ident() == me, held))

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", DeprecationWarning)
            warnings.showwarning = keep
            yield
    finally:
        for ours, held in caught:
            if ours and issubclass(held.category, DeprecationWarning):
                text = f"{held.message} ({Path(held.filename).name}:{held.lineno})"
                if text not in into:
                    into.append(text)
            with contextlib.suppress(Warning):  # an "error" filter: recorded, and loading goes on
                warnings.warn_explicit(held.message, held.category, held.filename, held.lineno)


def _import_deprecations(plugin: object, raised: list[str]) -> list[str]:
    """What importing this plugin raised: now, or when this process first imported it."""
    try:
        if raised:
            _AT_IMPORT[plugin] = tuple(raised)
            return raised
        return list(_AT_IMPORT.get(plugin, ()))
    except TypeError:  # an object that cannot be weakly referenced: only what this load raised
        return raised


def _distinct(*groups: list[str]) -> tuple[str, ...]:
    """The lines of every group, each once, in order."""
    return tuple(dict.fromkeys(line for group in groups for line in group))


def _picker(places: tuple[int, ...]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """A function taking the values at these places from a tuple, always as a tuple."""
    if len(places) == 1:  # itemgetter of one index returns the item itself, not a 1-tuple
        return operator.itemgetter(slice(places[0], places[0] + 1))
    if not places:
        return lambda values: ()
    return operator.itemgetter(*places)


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


def _impl_problem(pm: pluggy.PluginManager, plugin: object) -> str | None:
    """Why a registered plugin's hook implementations cannot be used, or None."""
    callers = pm.get_hookcallers(plugin) or []
    unknown = sorted(hc.name for hc in callers if not hc.has_spec())
    if unknown:
        return f"unknown hook(s): {', '.join(unknown)}"
    wrappers = sorted(
        hc.name
        for hc in callers
        for impl in hc.get_hookimpls()
        if impl.plugin is plugin and (impl.wrapper or impl.hookwrapper)
    )
    if wrappers:
        return (
            f"hook wrappers are not supported ({', '.join(wrappers)}): Hunt calls each "
            "implementation on its own, so one plugin cannot change another's results"
        )
    return None


def _hunt_version() -> str | None:
    """The installed Hunt's version, for the built-in plugins."""
    try:
        return importlib.metadata.version("hunt")
    except importlib.metadata.PackageNotFoundError:
        return None


def criterion_problem(c: Criterion) -> str | None:
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


def load_file(path: Path) -> ModuleType:
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
    cohort: bool = False,
) -> Plugins:
    """Build a fresh manager: built-ins, entry points, then HUNT_PLUGINS_DIR folders.

    cohort: a shared server, where only built-ins and plugins named in HUNT_COHORT_PLUGINS load.
    """
    env = os.environ if env is None else env
    plugins = Plugins(env, cohort=cohort)
    if builtins:
        plugins.load_builtins()
    if entrypoints:
        plugins.load_entrypoints()
    if directories is None:
        directories = [d for d in env.get("HUNT_PLUGINS_DIR", "").split(os.pathsep) if d]
    plugins.load_directories(directories)
    plugins.check_names()
    return plugins
