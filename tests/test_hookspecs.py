"""The plugin contract: every hook works through a real manager, is tested and is documented."""

from __future__ import annotations

import inspect
import sys
import textwrap
from pathlib import Path

import pytest

from hunt_core import hookspecs
from hunt_core.plugins import get_plugin_manager
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
        from hunt_core import Criterion, Signal, hookimpl

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
        from hunt_core import Criterion, Signal, hookimpl

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
        from hunt_core import Channel, hookimpl

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
        from hunt_core import Template, hookimpl

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
        from hunt_core import hookimpl

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
