"""The plugin manager: loading from every source, allow/block lists, and failure isolation."""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import os
import sys
import textwrap
import threading
import warnings
from pathlib import Path

import pytest

from hunt_core import plugins as plugins_module
from hunt_core.models import Channel, Company, Contact, Context, Profile
from hunt_core.plugins import get_plugin_manager
from hunt_core.scoring import Scorer, signal_check
from tests.plugin_views import view

TODAY = Context(today=__import__("datetime").date(2026, 11, 26))

GOOD = """
from hunt_core.api import Criterion, Signal, hookimpl

@hookimpl
def hunt_criteria():
    return [Criterion(
        key="mission",
        label="Mission match",
        applies_to="company",
        default_weight=2,
        description="Their mission",
        guide_step=1,
    )]

@hookimpl
def hunt_score_company(company):
    return Signal(criterion="mission", points=1.0, reason=f"{company.name} has a mission you like")
"""


def _error(plugins: plugins_module.Plugins, name: str) -> str:
    """The load error reported for one plugin; the test fails if it loaded cleanly."""
    error = plugins.infos[name].error
    assert error is not None, f"{name} loaded without an error"
    return error


def _write(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def _only(names: str, folder: Path | None = None):
    env = {"HUNT_LOAD_PLUGINS": names}
    return get_plugin_manager(env, entrypoints=False, directories=[folder] if folder else [])


def test_builtins_load_with_their_criteria(plugins) -> None:
    builtin = {n: i for n, i in plugins.infos.items() if i.source == "builtin"}
    assert "templates" in builtin
    assert all(i.error is None for i in builtin.values())
    for key, owner in plugins.criterion_plugin.items():
        assert key in plugins.infos[owner].criteria


def test_directory_plugin_scores_like_a_builtin(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    plugins = _only("mission", tmp_path)
    assert plugins.infos["mission"].source == "directory"
    assert plugins.infos["mission"].criteria == ["mission"]
    score = Scorer(plugins, {}).company(Company("Acme", id=1), Profile(), TODAY)
    assert score.score == 100.0
    assert score.signals[0].signal.reason == "Acme has a mission you like"
    assert score.signals[0].plugin == "mission"


def test_plugins_dir_variable_takes_several_folders(tmp_path) -> None:
    _write(tmp_path / "a", "mission", GOOD)
    _write(tmp_path / "b", "other", GOOD.replace("mission", "other"))
    env = {"HUNT_PLUGINS_DIR": f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}"}
    plugins = get_plugin_manager(env, builtins=False, entrypoints=False)
    assert {"mission", "other"} <= set(plugins.criteria)


def test_allow_and_block_lists(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    env = {"HUNT_DISABLE_PLUGINS": "mission,templates"}
    blocked = get_plugin_manager(env, entrypoints=False, directories=[tmp_path])
    assert blocked.infos["mission"].disabled == "HUNT_DISABLE_PLUGINS"
    assert blocked.infos["templates"].disabled == "HUNT_DISABLE_PLUGINS"
    assert "mission" not in blocked.criteria and not blocked.pm.has_plugin("templates")
    nothing = _only("")
    assert not nothing.pm.get_plugins()
    assert all(i.disabled == "HUNT_LOAD_PLUGINS" for i in nothing.infos.values())
    only = _only("templates, mission", tmp_path)
    assert {n for n, i in only.infos.items() if i.disabled is None} == {"templates", "mission"}


def test_a_plugin_that_raises_is_reported_and_the_rest_still_score(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    _write(
        tmp_path,
        "broken",
        """
        from hunt_core.api import Criterion, hookimpl

        @hookimpl
        def hunt_criteria():
            return [Criterion(
                key="broken",
                label="Broken",
                applies_to="company",
                default_weight=1,
                description="raises",
                guide_step=1,
            )]

        @hookimpl
        def hunt_score_company(company):
            raise ZeroDivisionError("division by zero")
    """,
    )
    plugins = _only("mission,broken", tmp_path)
    scorer = Scorer(plugins, {})
    for i in range(3):
        score = scorer.company(Company(f"C{i}", id=i), Profile(), TODAY)
        # mission still scores; the broken criterion is unknown, neither yes nor no
        assert [(s.signal.criterion, s.signal.points) for s in score.signals] == [
            ("mission", 1.0), ("broken", None)]  # fmt: skip
        assert (score.known, score.total, score.high) == (1, 2, 100.0)
    [problem] = plugins.problems_of("broken", "hunt_score_company")
    assert problem.count == 3 and "ZeroDivisionError" in problem.error
    assert any("broken" in line for line in plugins.errors())


@pytest.mark.parametrize(
    "returned",
    ["'a string'", "42", "[Signal(criterion='mission', points=1.0, reason='ok'), 'junk']",
     "Signal(criterion='mission', points=1.5, reason='x')",
     "Signal(criterion='nope', points=1.0, reason='undeclared')",
     "Signal(criterion='mission', points=1.0, reason='')"],
)  # fmt: skip
def test_a_wrong_typed_plugin_is_isolated(tmp_path, returned: str) -> None:
    _write(tmp_path, "good", GOOD)
    _write(
        tmp_path,
        "wrong",
        f"""
        from hunt_core.api import Criterion, Signal, hookimpl

        @hookimpl
        def hunt_criteria():
            return [Criterion(
                key="wrong",
                label="Wrong",
                applies_to="company",
                default_weight=1,
                description="bad returns",
                guide_step=1,
            )]

        @hookimpl
        def hunt_score_company():
            return {returned}
    """,
    )
    plugins = _only("good,wrong", tmp_path)
    score = Scorer(plugins, {}).company(Company("Acme", id=1), Profile(), TODAY)
    judged = [s.signal.criterion for s in score.signals if s.signal.known]
    assert judged == ["mission"] and [s.signal.criterion for s in score.unknown] == ["wrong"]
    assert plugins.problems_of("wrong", "hunt_score_company")


def test_import_error_unknown_hook_and_bad_criteria_are_reported(tmp_path) -> None:
    _write(tmp_path, "noimport", "import does_not_exist_anywhere\n")
    _write(
        tmp_path,
        "typo",
        """
        from hunt_core.api import hookimpl

        @hookimpl
        def hunt_score_compnay(company):
            return None
    """,
    )
    _write(
        tmp_path,
        "badcrit",
        """
        from hunt_core.api import Criterion, hookimpl

        @hookimpl
        def hunt_criteria():
            return [Criterion(
                key="Bad Key",
                label="x",
                applies_to="company",
                default_weight=1,
                description="",
                guide_step=1,
            ),
                    Criterion(
                        key="stack",
                        label="dup",
                        applies_to="company",
                        default_weight=1,
                        description="",
                        guide_step=1,
                    )]
    """,
    )
    plugins = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    assert "ModuleNotFoundError" in _error(plugins, "noimport")
    assert "hunt_score_compnay" in _error(plugins, "typo")
    assert plugins.infos["badcrit"].criteria == []
    problems = plugins.problems_of("badcrit", "hunt_criteria")
    assert len(problems) == 2, "two different failures are two messages"
    assert {"lower_snake_case" in p.error for p in problems} == {True, False}
    assert plugins.criterion_plugin["stack"] == "stack"
    # It loaded: a bad criterion is a problem of a loaded plugin, not a load error.
    assert plugins.infos["badcrit"].error is None
    assert not any("badcrit" in line and "not loaded" in line for line in plugins.errors())


def test_missing_plugins_folder_is_reported(tmp_path) -> None:
    missing = tmp_path / "nope"
    plugins = get_plugin_manager({}, builtins=False, entrypoints=False, directories=[missing])
    assert plugins.infos[str(missing)].error == "plugins folder not found"


def test_entry_point_plugins_load_and_name_clashes_are_reported(tmp_path, monkeypatch) -> None:
    _write(tmp_path, "hunt_mission_pkg", GOOD)
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = [
        importlib.metadata.EntryPoint("mission", "hunt_mission_pkg", "hunt"),
        importlib.metadata.EntryPoint("templates", "hunt_mission_pkg", "hunt"),
        importlib.metadata.EntryPoint("ghost", "no_such_module_here", "hunt"),
    ]
    monkeypatch.setattr(plugins_module.importlib.metadata, "entry_points", lambda group: eps)
    plugins = get_plugin_manager({}, directories=[])
    assert plugins.infos["mission"].source == "entrypoint"
    assert plugins.criterion_plugin["mission"] == "mission"
    assert "already used" in _error(plugins, "templates (entrypoint)")
    assert _error(plugins, "ghost").startswith("ModuleNotFoundError")


def test_each_manager_is_fresh(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    with_it = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    without = get_plugin_manager({}, entrypoints=False, directories=[])
    assert "mission" in with_it.criteria and "mission" not in without.criteria


ORDERED = """
from hunt_core.api import hookimpl

@hookimpl({marker})
def hunt_chat_questions():
    return ["{name}"]
"""


def test_tryfirst_and_trylast_are_honoured(tmp_path) -> None:
    _write(tmp_path, "aaa_last", ORDERED.format(marker="trylast=True", name="last"))
    _write(tmp_path, "mmm_plain", ORDERED.format(marker="", name="plain"))
    _write(tmp_path, "zzz_first", ORDERED.format(marker="tryfirst=True", name="first"))
    plugins = _only("aaa_last,mmm_plain,zzz_first", tmp_path)
    asked = [q for _, q in plugins.call("hunt_chat_questions", plugins_module.as_list(str))]
    assert asked == ["first", "plain", "last"]


def test_a_hook_wrapper_is_refused_at_load_with_a_clear_message(tmp_path) -> None:
    _write(
        tmp_path,
        "wrapper",
        """
        from hunt_core.api import hookimpl

        @hookimpl(wrapper=True)
        def hunt_chat_questions():
            result = yield
            return result + ["sneaky"]
        """,
    )
    plugins = _only("wrapper", tmp_path)
    assert "hook wrappers are not supported" in plugins.infos["wrapper"].error
    assert not plugins.pm.has_plugin("wrapper")


SLOW = """
import time
from hunt_core.api import Criterion, Signal, hookimpl

@hookimpl
def hunt_criteria():
    return [Criterion(
        key="slow",
        label="Slow",
        applies_to="company",
        default_weight=1,
        description="sleeps",
        guide_step=1,
    )]

@hookimpl
def hunt_score_company(company):
    time.sleep(0.3)
    return Signal(criterion="slow", points=1.0, reason="slept")
"""


def test_a_slow_plugin_is_reported_with_its_time_and_skipped_for_the_rest(tmp_path) -> None:
    _write(tmp_path, "mission", GOOD)
    _write(tmp_path, "slow", SLOW)
    env = {"HUNT_LOAD_PLUGINS": "mission,slow", "HUNT_PLUGIN_BUDGET": "0.1"}
    plugins = get_plugin_manager(env, entrypoints=False, directories=[tmp_path])
    scorer = Scorer(plugins, {})
    scores = scorer.companies([Company(f"C{i}", id=i) for i in range(10)], Profile(), TODAY)
    slept = [
        s for s in scores if any(w.signal.criterion == "slow" and w.signal.known for w in s.signals)
    ]
    assert len(slept) == 1, "called once, then skipped for the rest of the ranking"
    assert all(any(w.signal.criterion == "mission" for w in s.signals) for s in scores)
    [problem] = plugins.problems_of("slow")
    assert "over the 0.1 s budget" in problem.error and "slowest call 0." in str(problem)
    # The next ranking gives it another chance (and reports it again, counted).
    Scorer(plugins, {}).companies([Company("D", id=99)], Profile(), TODAY)
    assert plugins.problems_of("slow")[0].count == 2


def test_trace_prints_each_call_with_plugin_duration_and_result_count(tmp_path) -> None:
    import io

    _write(tmp_path, "mission", GOOD)
    plugins = _only("mission", tmp_path)
    out = io.StringIO()
    plugins.trace(out)
    Scorer(plugins, {}).company(Company("Acme", id=1), Profile(), TODAY)
    line = next(ln for ln in out.getvalue().splitlines() if "hunt_score_company" in ln)
    assert line.startswith("trace: hunt_score_company mission ")
    assert line.endswith(" ms 1 result")


PICKY = """
from hunt_core.api import Criterion, Signal, hookimpl

@hookimpl
def hunt_criteria():
    return [Criterion(
        key="picky",
        label="Picky",
        applies_to="contact",
        default_weight=1,
        description="Names what it was given",
        guide_step=2,
    )]

@hookimpl
def hunt_score_contact(channels, contact):  # a subset of the arguments, in its own order
    if contact.name == "Bo":
        raise RuntimeError("cannot judge Bo")
    return Signal(criterion="picky", points=1.0, reason=f"{contact.name}: {channels[0].key}")
"""


def test_a_batch_call_gives_each_row_its_own_arguments_and_results(tmp_path) -> None:
    _write(tmp_path, "picky", PICKY)
    plugins = _only("picky", tmp_path)
    people = [view(Contact(1, n, id=i)) for i, n in enumerate(["Al", "Bo", "Cy"], 1)]
    rows = [(p, [Channel(key=f"ch{p.id}", label="x", warmth=0.5, reason="r")]) for p in people]
    found = plugins.call_each(
        "hunt_score_contact",
        signal_check(plugins.criteria, "contact"),
        rows,
        ("contact", "channels"),
        company=view(Company("Acme", id=1)),
        profile=view(Profile()),
        context=TODAY,
    )
    reasons = [[s.reason for _, s in row] for row in found]
    assert reasons == [["Al: ch1"], [], ["Cy: ch3"]]  # Bo's failure costs only Bo's result
    [problem] = plugins.problems_of("picky")
    assert problem.error == "RuntimeError: cannot judge Bo" and problem.count == 1


def test_rows_run_in_blocks_keep_their_order_and_a_plugin_skipped_stays_skipped(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plugins_module, "BLOCK", 2)  # 7 rows: blocks of 2, 2, 2 and 1
    _write(tmp_path, "picky", PICKY)
    for_people = SLOW.replace("hunt_score_company(company)", "hunt_score_contact(contact)")
    _write(tmp_path, "slow", for_people.replace('applies_to="company"', 'applies_to="contact"'))
    env = {"HUNT_LOAD_PLUGINS": "picky,slow", "HUNT_PLUGIN_BUDGET": "0.1"}
    plugins = get_plugin_manager(env, entrypoints=False, directories=[tmp_path])
    names = ["Al", "Bo", "Cy", "Di", "Ed", "Fa", "Bo"]
    rows = [(view(Contact(1, n, id=i)), [_channel(i)]) for i, n in enumerate(names, 1)]
    check = signal_check(plugins.criteria, "contact")
    found = plugins.call_each("hunt_score_contact", check, rows, ("contact", "channels"))
    assert [sorted(s.reason for _, s in row) for row in found] == [
        ["Al: ch1", "slept"], [], ["Cy: ch3"], ["Di: ch4"], ["Ed: ch5"], ["Fa: ch6"], []
    ], "in row order; slow ran once, then never again in a later block"  # fmt: skip
    assert [(p.plugin, p.count) for p in plugins.problems.values()] == [("slow", 1), ("picky", 2)]


def _channel(i: int) -> Channel:
    return Channel(key=f"ch{i}", label="x", warmth=0.5, reason="r")


def test_a_call_without_an_argument_a_plugin_needs_skips_only_that_plugin(tmp_path) -> None:
    _write(tmp_path, "picky", PICKY)  # takes contact and channels
    plugins = _only("picky", tmp_path)
    found = plugins.call(
        "hunt_score_contact", signal_check(plugins.criteria, "contact"), contact=None
    )
    assert found == []
    [problem] = plugins.problems_of("picky")
    assert problem.error == "needs channels, which this call lacks"


def test_a_traced_ranking_prints_every_call(tmp_path) -> None:
    import io

    _write(tmp_path, "mission", GOOD)
    plugins = _only("mission", tmp_path)
    out = io.StringIO()
    plugins.trace(out)
    scores = Scorer(plugins, {}).companies(
        [Company(f"C{i}", id=i) for i in range(3)], Profile(), TODAY
    )
    assert all(any(w.signal.known for w in s.signals) for s in scores)
    lines = [ln for ln in out.getvalue().splitlines() if "hunt_score_company mission" in ln]
    assert len(lines) == 3


def test_trace_is_switched_on_by_the_environment(tmp_path) -> None:
    plugins = get_plugin_manager({"HUNT_TRACE_PLUGINS": "1"}, entrypoints=False, directories=[])
    assert plugins._tracer is not None
    assert get_plugin_manager({}, entrypoints=False, directories=[])._tracer is None


def test_empty_or_unknown_names_in_the_lists_warn(tmp_path) -> None:
    assert any("set but empty" in w for w in _only("").warnings)
    plugins = _only("templates,tempaltes")
    assert plugins.warnings == ["HUNT_LOAD_PLUGINS names no installed plugin: tempaltes"]
    blocked = get_plugin_manager({"HUNT_DISABLE_PLUGINS": "nope"}, entrypoints=False)
    assert "HUNT_DISABLE_PLUGINS names no installed plugin: nope" in blocked.errors()


def test_info_says_version_path_and_hooks(tmp_path) -> None:
    path = _write(
        tmp_path, "mission", GOOD.replace("from hunt_core", "__version__ = '2.1'\nfrom hunt_core")
    )
    plugins = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    info = plugins.infos["mission"].as_dict()
    assert info["version"] == "2.1" and info["path"] == str(path)
    assert info["hooks"] == ["hunt_criteria", "hunt_score_company"]
    stack = plugins.infos["stack"]
    assert stack.source == "builtin" and stack.path and stack.path.endswith("stack.py")


def test_a_cohort_server_loads_built_ins_and_only_allow_listed_plugins(
    tmp_path, monkeypatch
) -> None:
    """A shared server runs plugin code for every student: the admin names what may run."""
    _write(tmp_path / "drop", "mission", GOOD)
    _write(tmp_path / "drop", "sneaky", GOOD.replace("mission", "sneaky"))
    _write(tmp_path, "hunt_packaged_pkg", GOOD.replace("mission", "packaged"))
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = [importlib.metadata.EntryPoint("packaged", "hunt_packaged_pkg", "hunt")]
    monkeypatch.setattr(plugins_module.importlib.metadata, "entry_points", lambda group: eps)
    env = {plugins_module.COHORT_ALLOW: "mission"}

    shared = get_plugin_manager(env, directories=[tmp_path / "drop"], cohort=True)
    assert "mission" in shared.criteria
    assert "sneaky" not in shared.criteria and "packaged" not in shared.criteria
    assert shared.infos["sneaky"].disabled == "HUNT_COHORT_PLUGINS (cohort mode)"
    assert shared.infos["packaged"].disabled == "HUNT_COHORT_PLUGINS (cohort mode)"
    builtins = get_plugin_manager({}, entrypoints=False, directories=[])
    assert set(builtins.criteria) <= set(shared.criteria)  # built-ins need no listing

    nobody = get_plugin_manager({}, directories=[tmp_path / "drop"], cohort=True)
    assert set(nobody.criteria) == set(builtins.criteria)
    local = get_plugin_manager({}, directories=[tmp_path / "drop"])  # one machine: all load
    assert {"mission", "sneaky", "packaged"} <= set(local.criteria)


# -- deprecations reach the plugin's author ---------------------------------------------------

LEGACY = """
from hunt_core import Criterion, hookimpl  # the 1.0 spelling, on purpose

@hookimpl
def hunt_criteria():
    return [Criterion(key="legacy", label="Legacy", applies_to="company", default_weight=1,
                      description="uses the 1.0 import", guide_step=1)]
"""
OLD_NAMES = "ignore:hunt_core\\.\\w+ is deprecated:DeprecationWarning"


class _OldHookSpecs:
    """A test-only contract with one deprecated hook (no real hook is deprecated yet)."""

    @plugins_module.hookspecs.hookspec(
        warn_on_impl=DeprecationWarning("hunt_old_hook goes in 2.0; implement hunt_new_hook")
    )
    def hunt_old_hook(self) -> None:
        """A hook due to go."""


class _OldHookPlugin:
    """A plugin still implementing the deprecated hook."""

    @plugins_module.hookspecs.hookimpl
    def hunt_old_hook(self) -> None:
        """Nothing to do: only its registration matters."""


def test_hunt_s_own_plugins_use_no_deprecated_api(plugins) -> None:
    assert {n: i.deprecations for n, i in plugins.infos.items() if i.deprecations} == {}
    assert list(plugins.deprecations()) == []


@pytest.mark.filterwarnings(OLD_NAMES)
def test_a_plugin_importing_an_old_top_level_name_loads_and_records_each_deprecation(
    tmp_path,
) -> None:
    _write(tmp_path, "legacy", LEGACY)
    plugins = get_plugin_manager({}, builtins=False, entrypoints=False, directories=[tmp_path])
    info = plugins.infos["legacy"]
    assert (info.error, info.criteria) == (None, ["legacy"])
    assert info.deprecations == (
        "hunt_core.Criterion is deprecated and will be removed in Hunt 2.0; "
        "use `from hunt_core.api import Criterion` (legacy.py:2)",
        "hunt_core.hookimpl is deprecated and will be removed in Hunt 2.0; "
        "use `from hunt_core.api import hookimpl` (legacy.py:2)",
    ), "each once, though `from hunt_core import X` looks the name up twice"
    assert info.as_dict()["deprecations"] == list(info.deprecations)
    first, _ = plugins.deprecations()
    assert first == f"plugin 'legacy' uses a deprecated API: {info.deprecations[0]}"
    assert list(plugins.errors()) == [], "a deprecation is not a failure"


def test_warn_on_impl_of_a_deprecated_hook_is_recorded_with_the_implementation() -> None:
    plugins = plugins_module.Plugins({})
    plugins.pm.add_hookspecs(_OldHookSpecs)
    with pytest.warns(DeprecationWarning, match="hunt_old_hook goes in 2.0"):
        info = plugins.add("oldhook", "entrypoint", _OldHookPlugin)
    line = _OldHookPlugin.hunt_old_hook.__code__.co_firstlineno
    assert info.error is None and info.hooks == ["hunt_old_hook"]
    assert info.deprecations == (
        f"hunt_old_hook goes in 2.0; implement hunt_new_hook (test_plugins.py:{line})",
    )
    quiet = plugins.add("quiet", "entrypoint", _free_plugin)
    assert quiet.deprecations == (), "a plugin not implementing the hook hears nothing"


def _free_plugin() -> object:
    """A plugin implementing no hook at all."""
    return type("Free", (), {})()


def test_a_deprecation_is_recorded_even_where_deprecations_are_errors(tmp_path) -> None:
    _write(tmp_path, "legacy", LEGACY)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        plugins = get_plugin_manager({}, builtins=False, entrypoints=False, directories=[tmp_path])
    info = plugins.infos["legacy"]
    assert info.error is None and len(info.deprecations) == 2, "it still works until 2.0"


@pytest.mark.filterwarnings(OLD_NAMES)
def test_a_module_imported_once_tells_every_later_manager_its_deprecations(
    tmp_path, monkeypatch
) -> None:
    _write(tmp_path, "hunt_legacy_pkg", LEGACY)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "hunt_legacy_pkg", raising=False)
    seen = []
    for _ in range(2):
        plugins = plugins_module.Plugins({})
        load = functools.partial(importlib.import_module, "hunt_legacy_pkg")
        seen.append(plugins.add("legacy", "entrypoint", load).deprecations)
    monkeypatch.delitem(sys.modules, "hunt_legacy_pkg")
    assert len(seen[0]) == 2 and seen[1] == seen[0]


def test_other_warnings_pass_on_and_are_not_deprecations(tmp_path) -> None:
    _write(tmp_path, "noisy", "import warnings\n\nwarnings.warn('careful', UserWarning)\n")
    with pytest.warns(UserWarning, match="careful"):
        plugins = get_plugin_manager({}, builtins=False, entrypoints=False, directories=[tmp_path])
    assert plugins.infos["noisy"].deprecations == ()


def test_another_thread_s_deprecation_is_not_the_plugin_s() -> None:
    def load() -> object:
        other = threading.Thread(target=warnings.warn, args=("elsewhere", DeprecationWarning))
        other.start()
        other.join()
        return _free_plugin()

    with pytest.warns(DeprecationWarning, match="elsewhere"):  # passed on, not swallowed
        info = plugins_module.Plugins({}).add("bystander", "entrypoint", load)
    assert info.deprecations == ()


def test_a_plugin_that_fails_to_load_still_says_what_it_used(tmp_path) -> None:
    source = (
        "from hunt_core import Signal  # the 1.0 spelling, on purpose\nraise RuntimeError('boom')\n"
    )
    _write(tmp_path, "halfway", source)
    with pytest.warns(DeprecationWarning):
        plugins = get_plugin_manager({}, builtins=False, entrypoints=False, directories=[tmp_path])
    info = plugins.infos["halfway"]
    assert info.error == "RuntimeError: boom"
    assert [d.split(" and will")[0] for d in info.deprecations] == [
        "hunt_core.Signal is deprecated"
    ]
