"""The plugin contract: every hook works through a real manager, is tested and is documented.

docs/plugins.md is checked against the code: every hook's signature, every field of every
public type, every template variable, and where each hook's output shows.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
import textwrap
from pathlib import Path
from typing import get_args

import pytest

from hunt_core import api, hookspecs, models
from hunt_core.outreach import TEMPLATE_VARIABLES
from hunt_core.plugins import DEFAULT_BUDGET, get_plugin_manager
from hunt_core.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(n for n, f in vars(hookspecs).items() if n.startswith("hunt_") and callable(f))
GUIDE_CRITERIA = {
    "stack", "location", "alumni", "no_degree", "growth", "obscurity", "interests", "product",
    "knows_someone", "hyper_local", "role_gap", "commonality", "channel_warmth",
}  # fmt: skip


def _workspace(ws: Workspace, tmp_path: Path, body: str) -> Workspace:
    """The same store and clock, with built-ins plus one drop-in plugin named extra."""
    (tmp_path / "extra.py").write_text(textwrap.dedent(body), encoding="utf-8")
    plugins = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    assert plugins.infos["extra"].error is None
    return Workspace(ws.store, plugins, ws.clock)


@pytest.fixture
def acme(profiled: Workspace) -> Workspace:
    profiled.add_company({"name": "Acme", "stack": "C#"})
    profiled.add_contact("Acme", {"name": "Jo Park", "role": "developer", "email": "jo@acme.io"})
    return profiled


def test_hook_hunt_criteria(plugins) -> None:
    assert set(plugins.criteria) >= GUIDE_CRITERIA
    for key, criterion in plugins.criteria.items():
        assert criterion.key == key and criterion.label and criterion.description
        assert criterion.applies_to in ("company", "contact")


def test_hook_hunt_score_company(acme: Workspace, tmp_path: Path) -> None:
    ws = _workspace(
        acme,
        tmp_path,
        """
        from hunt_core.api import Criterion, Signal, hookimpl

        @hookimpl
        def hunt_criteria():
            return [Criterion(
                key="b_corp",
                label="B Corp",
                applies_to="company",
                default_weight=5,
                description="Certified B Corp",
                guide_step=1,
            )]

        @hookimpl
        def hunt_score_company(company, context):
            return Signal(criterion="b_corp", points=0.0, reason=f"{company.name} is not a B Corp")
    """,
    )
    before = acme.rank_companies()[0].score
    score = ws.rank_companies()[0]
    assert score.score < before
    assert any(s.signal.reason == "Acme is not a B Corp" for s in score.signals)


def test_hook_hunt_score_contact(acme: Workspace, tmp_path: Path) -> None:
    ws = _workspace(
        acme,
        tmp_path,
        """
        from hunt_core.api import Criterion, Signal, hookimpl

        @hookimpl
        def hunt_criteria():
            return [Criterion(
                key="posts",
                label="Posts often",
                applies_to="contact",
                default_weight=3,
                description="Active on LinkedIn",
                guide_step=2,
            )]

        @hookimpl
        def hunt_score_contact(contact, company):
            return Signal(
                criterion="posts",
                points=1.0,
                reason=f"{contact.name} posts about {company.name}",
            )
    """,
    )
    rank = ws.rank_contacts()[0]
    assert "Jo Park posts about Acme" in rank.reasons


def test_hook_hunt_channels(acme: Workspace, tmp_path: Path) -> None:
    ws = _workspace(
        acme,
        tmp_path,
        """
        from hunt_core.api import Channel, hookimpl

        @hookimpl
        def hunt_channels(contact):
            return [Channel(
                key="meetup",
                label="the local .NET meetup",
                warmth=0.95,
                reason="you both attend it",
            )]
    """,
    )
    assert acme.rank_contacts()[0].channel.key == "email"
    assert ws.rank_contacts()[0].channel.key == "meetup"


def test_hook_hunt_message_templates(acme: Workspace, tmp_path: Path) -> None:
    ws = _workspace(
        acme,
        tmp_path,
        """
        from hunt_core.api import Template, hookimpl

        @hookimpl
        def hunt_message_templates():
            return [Template(kind="first", text="Hey {first_name}! {company} rocks."),
                    Template(kind="thank-you", text="Thanks {secret}")]
    """,
    )
    assert ws.draft("Acme", "Jo Park") == "Hey Jo! Acme rocks."
    assert ws.draft("Acme", "Jo Park", "thank-you").startswith("Hi Jo,")  # bad one skipped
    [problem] = ws.plugins.problems_of("extra", "hunt_message_templates")
    assert "unknown variable" in problem.error


def test_hook_hunt_chat_questions(acme: Workspace, tmp_path: Path) -> None:
    ws = _workspace(
        acme,
        tmp_path,
        """
        from hunt_core.api import hookimpl

        @hookimpl
        def hunt_chat_questions(contact, company):
            return [f"How does {company.name} use Blazor?"]
    """,
    )
    questions = ws.chat_questions("Acme", "Jo Park")
    assert "How does Acme use Blazor?" in questions
    assert len(questions) > 1  # the built-in starter bank is still there


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_tested(hook: str) -> None:
    assert callable(getattr(sys.modules[__name__], f"test_hook_{hook}", None)), hook


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented(hook: str) -> None:
    docs = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert f"`{hook}" in docs, f"{hook} missing from docs/plugins.md"
    spec = getattr(hookspecs, hook)
    assert spec.__doc__ and spec.__doc__.strip()
    for name in inspect.signature(spec).parameters:
        assert f":param {name}:" in spec.__doc__, f"{hook} does not document {name}"


# -- the reference in docs/plugins.md is checked against the code --------------------------

RAW = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
DOCS = RAW.replace("\\|", "|")  # a "|" inside a table cell is written "\|"
PUBLIC_TYPES = ("Criterion", "Signal", "Channel", "Template", "Context")
VIEW_TYPES = ("Company", "Contact", "Profile", "Posting", "Connection")


def _signature(hook: str) -> str:
    """A hook's signature as the docs write it: `name(arg: Type, ...) -> Return`."""
    spec = inspect.signature(getattr(hookspecs, hook))
    args = ", ".join(f"{name}: {p.annotation}" for name, p in spec.parameters.items())
    return f"{hook}({args}) -> {spec.return_annotation}"


def _type_text(annotation: object) -> str:
    """An annotation as the docs write it: no module prefixes, Literal aliases spelled out."""
    text = getattr(annotation, "__forward_arg__", str(annotation))
    for alias in ("AppliesTo", "DraftKind"):
        if text == alias:
            values = ", ".join(f'"{v}"' for v in get_args(getattr(models, alias)))
            return f"Literal[{values}]"
    return re.sub(r"\b(?:dt|views|models)\.", "", text)


def _section(title: str) -> str:
    """The text under the docs' heading ``### `title` `` up to the next heading."""
    match = re.search(rf"^### `{title}`\n(.*?)(?=^#)", RAW, re.MULTILINE | re.DOTALL)
    assert match, f"docs/plugins.md has no section ### `{title}`"
    return match.group(1)


def _fields(kind: type) -> dict[str, str]:
    """Every field of a public type with its type as the docs write it, and its properties."""
    if dataclasses.is_dataclass(kind):
        found = {f.name: _type_text(f.type) for f in dataclasses.fields(kind)}
    else:
        found = {name: _type_text(t) for name, t in kind.__annotations__.items()}
    props = {n: "property" for n, v in vars(kind).items() if isinstance(v, property)}
    return {**found, **props}


def _rows(section: str) -> dict[str, str]:
    """The first two cells of each table row: `name` -> type."""
    rows = re.findall(r"^\| `(\w+)` \| ((?:[^|\\]|\\\|)+?) \|", section, re.MULTILINE)
    return {name: cell.replace("\\|", "|").strip("`") for name, cell in rows}


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_signature_is_in_the_reference(hook: str) -> None:
    assert _signature(hook) in DOCS, f"docs/plugins.md lacks `{_signature(hook)}`"


@pytest.mark.parametrize("name", PUBLIC_TYPES + VIEW_TYPES)
def test_every_field_of_every_public_type_is_documented(name: str) -> None:
    kind = getattr(api, name)
    assert _rows(_section(name)) == _fields(kind)


def test_every_template_variable_is_in_the_table() -> None:
    for name in TEMPLATE_VARIABLES:
        assert f"| `{{{name}}}` |" in DOCS, f"template variable {name} is not documented"


def _pages() -> set[str]:
    """The dashboard's page titles, from its navigation."""
    app = (ROOT / "streamlit_app.py").read_text(encoding="utf-8")
    return set(re.findall(r'st\.Page\([^)]*title="([^"]+)"', app))


@pytest.mark.parametrize("hook", HOOKS)
def test_the_docs_say_where_each_hook_output_shows(hook: str) -> None:
    row = re.search(rf"^\| `{hook}` \| [^|]+ \| (.+) \|$", DOCS, re.MULTILINE)
    assert row, f"{hook} has no row in the hook table"
    shows = row.group(1)
    pages = {p for p in _pages() if re.search(rf"\b{re.escape(p)}\b", shows)}
    commands = re.findall(r"`hunt [a-z -]+", shows)
    assert pages and commands, f"{hook}: name a dashboard page and a hunt command ({shows})"


def test_chat_questions_show_on_the_chats_page_and_in_chat_prep() -> None:
    row = next(line for line in DOCS.splitlines() if line.startswith("| `hunt_chat_questions`"))
    assert "Chats page" in row and "`hunt chat prep COMPANY NAME`" in row


@pytest.mark.parametrize(
    "topic",
    ["API_VERSION", "warn_on_impl", "HUNT_COHORT_PLUGINS", "HUNT_PLUGIN_BUDGET",
     "HUNT_TRACE_PLUGINS", "--trace-plugins", "hunt plugins new", "hunt_core.testing",
     "hunt>=1.0,<2"],
)  # fmt: skip
def test_the_docs_cover_the_platform(topic: str) -> None:
    assert topic in DOCS


def test_the_documented_budget_is_the_default() -> None:
    assert f"default {DEFAULT_BUDGET:g}" in DOCS
