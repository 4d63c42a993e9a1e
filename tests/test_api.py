"""The public plugin API: frozen keyword-only types, read-only hook arguments, one import path.

The issue's case: a plugin that appends "[HACKED]" to a company's name and "COBOL" to the
profile's stack changed every other plugin's reasons and moved a company from 68 to 93. Now
such a write raises inside that plugin, is reported, and nothing else changes.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest

from hunt_core import api, views
from hunt_core.models import Contact
from hunt_core.plugins import get_plugin_manager
from hunt_core.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_TYPES = (api.Criterion, api.Signal, api.Channel, api.Template, api.Context)

# What a built-in plugin may import besides hunt_core.api, and why. Third-party plugins get
# only hunt_core.api; these are Hunt's own, private and free to change with the built-ins.
BUILTIN_HELPERS = {
    "hunt_core.geo": "the offline place index location and hyper_local measure distances with",
    "hunt_core.industries": "the NAICS vocabulary interests matches a company's work against",
    "hunt_core.channels": "the channel keys and labels the host's best_channel shares",
    "hunt_core.builtin_plugins._places": "place matching location and job_postings share",
    "hunt_core.builtin_plugins._terms": "technology and job-title words stack, growth and "
    "job_postings share",
}

HACKER = """
from hunt_core.api import hookimpl

@hookimpl(tryfirst=True)
def hunt_score_company(company, profile):
    company.name += " [HACKED]"

@hookimpl(tryfirst=True)
def hunt_score_contact(contact, profile):
    profile.stack.append("COBOL")

@hookimpl(tryfirst=True)
def hunt_channels(contact, context):
    context.states[contact.id] = "thanked"

@hookimpl(tryfirst=True)
def hunt_chat_questions(company):
    company.stack.append("COBOL")
    return ["Which COBOL do you run?"]
"""


def _imports(path: Path) -> set[str]:
    """Every module a file imports, absolute (``from . import x`` as the package's ``x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "hunt_core.builtin_plugins" if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            if module in ("hunt_core", "hunt_core.builtin_plugins"):
                found.update(f"{module}.{alias.name}" for alias in node.names)
            else:
                found.add(module)
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "plugins").glob("*.py")), ids=lambda p: p.name)
def test_built_in_plugins_import_only_the_public_api(path: Path) -> None:
    ours = {m for m in _imports(path) if m.split(".")[0] == "hunt_core"}
    assert ours <= {"hunt_core.api", *BUILTIN_HELPERS}, sorted(ours)


def test_no_built_in_plugin_imports_another_plugin() -> None:
    names = {p.stem for p in (ROOT / "plugins").glob("*.py") if not p.stem.startswith("_")}
    for path in (ROOT / "plugins").glob("*.py"):
        others = {m.removeprefix("hunt_core.builtin_plugins.") for m in _imports(path)} & names
        assert not others, f"{path.name} imports plugin internals: {sorted(others)}"


def test_every_public_name_is_importable_and_listed() -> None:
    assert sorted(api.__all__) == sorted(set(api.__all__))
    for name in api.__all__:
        assert hasattr(api, name), name
    assert api.API_VERSION.count(".") == 2 and all(p.isdigit() for p in api.API_VERSION.split("."))


@pytest.mark.parametrize("kind", PUBLIC_TYPES, ids=lambda t: t.__name__)
def test_plugin_types_are_keyword_only(kind: type) -> None:
    assert all(f.kw_only for f in dataclasses.fields(kind))
    with pytest.raises(TypeError):
        kind("x")


def test_plugin_types_are_frozen() -> None:
    signal = api.Signal(criterion="stack", points=1.0, reason="stack lists C#")
    with pytest.raises(dataclasses.FrozenInstanceError):
        signal.points = 0.0  # type: ignore[misc]
    context = api.Context(today=dt.date(2026, 11, 26), states={1: "new"})
    with pytest.raises(TypeError):
        context.states[1] = "thanked"  # type: ignore[index]


def test_a_context_built_without_friends_finds_them_among_everyone() -> None:
    def person(company: int, pid: int, name: str, friend: bool) -> views.Contact:
        return views.contact(Contact(company, name, id=pid, friend=friend))

    pat, lee, bo = person(7, 1, "Pat", True), person(7, 2, "Lee", False), person(8, 3, "Bo", False)
    everyone = {7: (pat, lee), 8: (bo,)}
    context = api.Context(today=dt.date(2026, 11, 26), contacts_by_company=everyone)
    assert context.friends_by_company == {7: (pat,)}, "companies with no friend are left out"
    with pytest.raises(TypeError):
        context.friends_by_company[8] = (bo,)  # type: ignore[index]
    given = api.Context(today=dt.date(2026, 11, 26), contacts_by_company={7: (pat, lee)},
                        friends_by_company={})  # fmt: skip
    assert given.friends_by_company == {}, "as given, when given"
    assert api.Context(today=dt.date(2026, 11, 26)).friends_by_company == {}


def test_hook_arguments_are_views_with_int_ids(hunt_demo: Workspace) -> None:
    snap = hunt_demo.snapshot()
    context = snap.context
    for people in context.contacts_by_company.values():
        assert isinstance(people, tuple)
        assert all(isinstance(p, views.Contact) and isinstance(p.id, int) for p in people)
    for field in (
        "contacts_by_company",
        "friends_by_company",
        "states",
        "postings_by_company",
        "peer_counts",
    ):
        with pytest.raises(TypeError):
            getattr(context, field)[0] = ()
    # The host side keeps its own records: a ranking holds the stored company, not a view.
    assert not isinstance(snap.company_scores[0].company, views.Company)


def _ranking(ws: Workspace) -> dict[str, Any]:
    """Everything a person reads from a ranking: scores, every reason, channels, questions."""
    companies = [
        (s.company.name, s.score, s.low, s.high, [(w.plugin, w.signal) for w in s.signals])
        for s in ws.rank_companies()
    ]
    people = [
        (r.contact.name, r.priority, r.channel, r.state, r.reasons) for r in ws.rank_contacts()
    ]
    top = ws.rank_contacts()[0]
    return {
        "companies": companies,
        "people": people,
        "questions": ws.chat_questions(top.company.name, top.contact.name),
    }


def test_a_plugin_that_writes_to_its_arguments_changes_nothing_else(
    hunt_demo: Workspace, tmp_path: Path
) -> None:
    (tmp_path / "hacker.py").write_text(textwrap.dedent(HACKER), encoding="utf-8")
    plugins = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    hacked = Workspace(hunt_demo.store, plugins, hunt_demo.clock)

    got = _ranking(hacked)
    want = _ranking(hunt_demo)
    assert got["companies"] == want["companies"]
    assert got["people"] == want["people"]
    assert got["questions"] == want["questions"]  # its one question came with a failed write
    assert not any("[HACKED]" in name for name, *_ in got["companies"])

    failed = {p.hook: p.error for p in plugins.problems_of("hacker")}
    assert set(failed) == {
        "hunt_score_company",
        "hunt_score_contact",
        "hunt_channels",
        "hunt_chat_questions",
    }
    assert all("AttributeError" in e or "TypeError" in e for e in failed.values()), failed
    assert hunt_demo.store.company(want["companies"][0][0]).stack.count("COBOL") == 0
