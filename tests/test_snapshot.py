"""The snapshot: one user's hunt read as of one moment."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest

from hunt_core import api, snapshot
from hunt_core.api import Criterion, Signal, hookimpl
from hunt_core.deferred import Deferred
from hunt_core.errors import HuntError
from hunt_core.models import Company, Connection, Contact, Touch
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.store import Database, Store
from tests.conftest import NOW

pytestmark = pytest.mark.both_backends


def test_a_write_landing_between_two_reads_is_in_none_of_them(
    db: Database, plugins: Plugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader, writer = (db.store(con=db.cursor()) for _ in range(2))
    writer.add_company(Company("Acme"))
    read_companies = reader.companies

    def then_another_session_writes() -> list[Company]:
        found = read_companies()
        late = writer.add_company(Company("Late Co"))
        assert late.id is not None
        writer.add_contact(Contact(late.id, "Pat Doe"))
        return found

    monkeypatch.setattr(reader, "companies", then_another_session_writes)
    snap = snapshot.take(reader, plugins, NOW)
    # Read table by table, the snapshot would hold Pat without Pat's company.
    assert [c.name for c in snap.companies] == ["Acme"]
    assert snap.contact_views == []
    monkeypatch.undo()
    assert [p.name for p in snapshot.take(reader, plugins, NOW).contact_views] == ["Pat Doe"]


class _EveryoneCounter:
    """A third-party plugin that reads everyone at a company from its company hook."""

    @hookimpl
    def hunt_criteria(self) -> list[Criterion]:
        """One company criterion."""
        return [
            Criterion(
                key="headcount",
                label="People",
                applies_to="company",
                default_weight=1,
                description="How many you found.",
                guide_step=2,
            )
        ]

    @hookimpl
    def hunt_score_company(self, company: api.Company, context: api.Context) -> Signal:
        """The names of everyone at the company, as the reason."""
        names = [c.name for c in context.contacts_by_company.get(company.id, ())]
        return Signal(criterion="headcount", points=None, reason=f"people: {names}")


@pytest.fixture
def hunt(store: Store) -> Store:
    """Two companies: a friend, people marked or matched as LinkedIn connections, and others."""
    acme, beta = (store.add_company(Company(n, stack=["C#"])) for n in ("Acme", "Beta"))
    assert acme.id is not None and beta.id is not None
    store.add_contacts([
        Contact(acme.id, "Pat Friend", friend=True),
        Contact(acme.id, "Lee Marked", connected=True),
        Contact(acme.id, "Sam Named"),
        Contact(beta.id, "Kim Linked", linkedin="linkedin.com/in/kim"),
        Contact(beta.id, "Bo Stranger"),
    ])  # fmt: skip
    store.save_connections([
        Connection("name:sam", "Sam", "Named", company="Acme", company_id=acme.id),
        Connection("https://www.linkedin.com/in/kim", "Kimberly", "L",
                   url="https://www.linkedin.com/in/kim", company="Beta", company_id=beta.id),
    ])  # fmt: skip
    sam = store.contact(acme, "Sam Named")
    store.add_touch(Touch(sam.id or -1, "email", NOW - dt.timedelta(days=2), channel="email"))
    return store


def _explained(snap: snapshot.Snapshot) -> list[tuple[str, float, list[str]]]:
    """Each company's name, score and reasons, in rank order."""
    return [
        (s.company.name, s.score, [w.signal.reason for w in s.signals]) for s in snap.company_scores
    ]


def test_ranking_companies_reads_only_friends_and_connections_of_the_people(
    hunt: Store, plugins: Plugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    rows, activity, chats = hunt.contact_rows, hunt.activity, hunt.chats

    def counted(company_id: int | None = None, *, friends_only: bool = False) -> list[Any]:
        read.append("friends" if friends_only else "everyone")
        return rows(company_id, friends_only=friends_only)

    def logged(name: str, reader: Callable[[], Any]) -> Callable[[], Any]:
        def read_and_log() -> Any:
            read.append(name)
            return reader()

        return read_and_log

    monkeypatch.setattr(hunt, "contact_rows", counted)
    monkeypatch.setattr(hunt, "activity", logged("activity", activity))
    monkeypatch.setattr(hunt, "chats", logged("chats", chats))
    deferred = snapshot.take(hunt, plugins, NOW, people=False)
    ranked = _explained(deferred)
    assert read == ["friends"], "no built-in company criterion needs everyone, touches or chats"
    context = deferred.context
    lazy = (context.contacts_by_company, context.states)
    assert all(isinstance(m, Deferred) and not m.made for m in lazy), "nor made on the way"
    eager = snapshot.take(hunt, plugins, NOW)
    assert ranked == _explained(eager)
    assert any("Pat Friend" in r for _, _, reasons in ranked for r in reasons)
    assert read == ["friends", "everyone", "activity", "chats"]


def test_the_context_is_the_same_whether_people_are_read_first_or_later(
    hunt: Store, plugins: Plugins
) -> None:
    eager = snapshot.take(hunt, plugins, NOW).context
    later = snapshot.take(hunt, plugins, NOW, people=False).context
    assert sorted(later.connected) == sorted(eager.connected) and len(eager.connected) == 3
    assert later.friends_by_company == eager.friends_by_company
    assert [p.name for ps in eager.friends_by_company.values() for p in ps] == ["Pat Friend"]
    assert dict(later.contacts_by_company) == dict(eager.contacts_by_company)
    assert dict(later.states) == dict(eager.states) and set(eager.states.values()) == {"waiting"}
    with pytest.raises(TypeError):
        later.contacts_by_company[1] = ()  # type: ignore[index]


def test_a_plugin_reading_everyone_from_a_company_hook_gets_everyone(hunt: Store) -> None:
    plugins = get_plugin_manager(env={}, entrypoints=False, directories=[])
    plugins.add("everyone", "directory", _EveryoneCounter)
    later = snapshot.take(hunt, plugins, NOW, people=False)
    assert _explained(later) == _explained(snapshot.take(hunt, plugins, NOW))
    reasons = [w.signal.reason for s in later.company_scores for w in s.signals]
    assert "people: ['Lee Marked', 'Pat Friend', 'Sam Named']" in reasons
    assert "people: ['Bo Stranger', 'Kim Linked']" in reasons


def test_people_read_later_in_the_callers_read_are_of_the_same_moment(
    db: Database, hunt: Store, plugins: Plugins
) -> None:
    reader, writer = (db.store(con=db.cursor()) for _ in range(2))
    acme = writer.company("Acme")
    with reader.reading():
        snap = snapshot.take(reader, plugins, NOW, people=False)
        writer.add_contact(Contact(acme.id or -1, "Al Late"))
        assert "Al Late" not in [p.name for p in snap.contact_views]
    assert "Al Late" in [p.name for p in snapshot.take(reader, plugins, NOW).contact_views]


def test_people_read_after_the_hunt_changed_raise_rather_than_mix_two_moments(
    db: Database, hunt: Store, plugins: Plugins
) -> None:
    reader, writer = (db.store(con=db.cursor()) for _ in range(2))
    unchanged = snapshot.take(reader, plugins, NOW, people=False)
    assert len(unchanged.contact_views) == 5, "nothing changed: read later, as of the same moment"
    changed = snapshot.take(reader, plugins, NOW, people=False)
    writer.add_contact(Contact(writer.company("Acme").id or -1, "Al Late"))
    with pytest.raises(HuntError, match="your hunt changed while it was being read"):
        changed.contact_views  # noqa: B018


def test_reading_everyone_on_a_plugins_first_look_is_not_counted_as_its_time(
    hunt: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugins = get_plugin_manager(env={"HUNT_PLUGIN_BUDGET": "0.05"}, entrypoints=False)
    plugins.add("everyone", "directory", _EveryoneCounter)
    rows = hunt.contact_rows

    def slow(company_id: int | None = None, *, friends_only: bool = False) -> list[Any]:
        if not friends_only:
            time.sleep(0.2)  # a big hunt on a slow database
        return rows(company_id, friends_only=friends_only)

    monkeypatch.setattr(hunt, "contact_rows", slow)
    scores = snapshot.take(hunt, plugins, NOW, people=False).company_scores
    assert plugins.problems_of("everyone") == []
    counted = [w.signal.reason for s in scores for w in s.signals if w.plugin == "everyone"]
    assert counted == [
        "people: ['Lee Marked', 'Pat Friend', 'Sam Named']",
        "people: ['Bo Stranger', 'Kim Linked']",
    ]
