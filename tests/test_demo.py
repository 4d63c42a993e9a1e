"""The demo hunt: the same for a seed, realistic enough to drive every next step, all or nothing."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import asdict
from typing import Any

import pytest

from hunt_core import geo
from hunt_core.demo import FREE_NOTES, HUNT_DAYS, company_words, load_demo
from hunt_core.errors import InvalidInput
from hunt_core.models import Profile
from hunt_core.plugins import Plugins
from hunt_core.store import Database, Store
from hunt_core.workspace import Workspace

NOW = dt.datetime(2026, 11, 26, 9, 0)


def _fields(row: Any) -> dict[str, Any]:
    """A stored row's values without the ids that differ between users."""
    return {k: v for k, v in asdict(row).items() if k not in ("id", "company_id", "contact_id")}


def contents(store: Store) -> dict[str, Any]:
    """Everything the demo wrote, with ids replaced by names so two users' hunts compare."""
    companies = {c.id: c.name for c in store.companies()}
    people = {p.id: (companies[p.company_id], p.name) for p in store.contacts()}
    return {
        "profile": asdict(store.profile()),
        "companies": [_fields(c) for c in store.companies()],
        "contacts": [(companies[p.company_id], _fields(p)) for p in store.contacts()],
        "touches": sorted((people[t.contact_id], repr(_fields(t))) for t in store.touches()),
        "chats": sorted((people[c.contact_id], repr(_fields(c))) for c in store.chats()),
    }


def test_the_same_seed_gives_the_same_hunt(db: Database) -> None:
    counts = [load_demo(db.store(user), companies=30, seed=5, now=NOW) for user in ("a", "b")]
    assert counts[0] == counts[1]
    assert contents(db.store("a")) == contents(db.store("b"))
    load_demo(db.store("c"), companies=30, seed=6, now=NOW)
    assert contents(db.store("c"))["companies"] != contents(db.store("a"))["companies"]


def test_counts_match_what_was_written(store: Store) -> None:
    counts = load_demo(store, companies=40, seed=1, now=NOW)
    assert counts == {
        "companies": len(store.companies()),
        "contacts": len(store.contacts()),
        "touches": len(store.touches()),
    }
    assert counts["companies"] == 40
    assert 4.5 * 40 <= counts["contacts"] <= 7 * 40  # about six people a company
    assert counts["touches"] > counts["contacts"] / 3
    assert store.chats()


def test_demo_data_is_varied_and_plausible(store: Store) -> None:
    load_demo(store, companies=200, seed=2, now=NOW)
    companies, people, touches = store.companies(), store.contacts(), store.touches()
    assert set(Counter(c.remote for c in companies)) == {"yes", "no", "hybrid", "unknown"}
    assert any(not c.stack for c in companies) and any(not c.locations for c in companies)
    assert any("C#" in c.stack for c in companies) and any("Go" in c.stack for c in companies)
    assert all(geo.resolve(place) for c in companies for place in c.locations)
    assert set(Counter(p.role for p in people)) == {"developer", "manager", "recruiter", "other"}
    assert all("@" in p.email for p in people if p.email)
    assert any(p.email_source for p in people) and any(p.coding_school for p in people)
    kinds = Counter(t.kind for t in touches)
    for kind in ("follow-up", "reply", "chat-scheduled", "chat-held", "thank-you", "referral"):
        assert kinds[kind], kind
    assert all(NOW - dt.timedelta(days=HUNT_DAYS) <= t.happened_at <= NOW for t in touches)
    notes = Counter((t.happened_at.year, t.happened_at.month) for t in touches
                    if t.channel == "linkedin-note")  # fmt: skip
    assert max(notes.values()) <= FREE_NOTES  # the free plan's monthly cap


def test_refuses_a_hunt_that_is_not_empty(db: Database) -> None:
    profiled = db.store("ana")
    profiled.save_profile(Profile(name="Ana"))
    with pytest.raises(InvalidInput, match="demo data goes into an empty hunt"):
        load_demo(profiled, now=NOW)
    assert profiled.companies() == []
    loaded = db.store("ben")
    load_demo(loaded, companies=2, now=NOW)
    with pytest.raises(InvalidInput, match="empty hunt; use --db or --user"):
        load_demo(loaded, companies=2, now=NOW)
    assert len(loaded.companies()) == 2


@pytest.mark.parametrize("companies", [0, -1, 100_001])
def test_refuses_a_silly_size(store: Store, companies: int) -> None:
    with pytest.raises(InvalidInput, match="between 1 and"):
        load_demo(store, companies=companies, now=NOW)


def test_a_failure_midway_writes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "add_touches", broken)
    with pytest.raises(RuntimeError):
        load_demo(store, companies=5, now=NOW)
    assert (store.companies(), store.contacts(), store.profile()) == ([], [], Profile())


def test_two_thousand_companies_load(store: Store) -> None:
    counts = load_demo(store, companies=2000, seed=3, now=NOW)
    assert counts["companies"] == 2000
    assert len({c.name for c in store.companies()}) == 2000
    assert counts["contacts"] > 10_000


def test_names_stay_unique_past_every_word_combination() -> None:
    names = [name for name, _, _ in company_words(random.Random(0), 24_010)]
    assert len(set(names)) == len(names)
    assert all(len(name.split()) >= 3 for name in names)


def test_the_demo_hunt_has_an_interesting_next_step(store: Store, plugins: Plugins) -> None:
    load_demo(store, companies=25, now=NOW)
    ws = Workspace(store, plugins, lambda: NOW)
    step = ws.next_step()
    assert step is not None and step.action and step.why
    kinds = {s.kind for s in ws.queue()}
    assert {"thank-you", "follow-up", "message", "find-people"} <= kinds
    assert ws.rank_contacts()[0].channel is not None
