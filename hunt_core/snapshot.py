"""A user's hunt read as of one moment: data, scores and ranks, computed once per request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from hunt_core import gcpause, outreach, views
from hunt_core.cohort import Comment
from hunt_core.connections import connected_ids
from hunt_core.deferred import Deferred
from hunt_core.errors import HuntError
from hunt_core.models import (
    Activity,
    Channel,
    Chat,
    Company,
    CompanyScore,
    Connection,
    Contact,
    ContactRank,
    Context,
    Posting,
    Profile,
)
from hunt_core.plugins import Plugins
from hunt_core.scoring import Scorer
from hunt_core.store import Store


class Rest(NamedTuple):
    """What ranking companies seldom needs: everyone, and how far outreach with each has got."""

    people: list[views.Contact]  # every person's view, by company and then name
    activity: dict[int, Activity]
    chats: list[Chat]


@dataclass(frozen=True)
class Unread:
    """A snapshot's rest before it is read: what company hooks need of it, and how to read it."""

    read: Callable[[], Rest]  # as of the snapshot
    friends: list[views.Contact]  # the people marked as someone you know
    connected: frozenset[int]  # ids of first-degree LinkedIn connections


@dataclass
class Snapshot:
    """Everything the rankings, the next step and the pages read, for one user at one moment."""

    now: dt.datetime
    profile: Profile
    companies: list[Company]
    rest: Rest | Unread  # everyone and their outreach, or what is read of them so far
    weights: dict[str, float]
    notes_used: int
    plugins: Plugins
    postings: list[Posting] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)  # those at a target company
    peer_counts: dict[str, int] = field(default_factory=dict)  # cohort mode: see Store
    placements: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # n, first, last
    comments: list[Comment] = field(default_factory=list)  # instructor comments not yet seen

    @property
    def today(self) -> dt.date:
        """The snapshot's date."""
        return self.now.date()

    @cached_property
    def seen(self) -> views.Seen:
        """The read-only views the hooks receive, each built once for this snapshot."""
        return views.Seen()

    @cached_property
    def _rest(self) -> Rest:
        """Everyone and their outreach, read now if they were left unread."""
        rest = self.rest
        return rest.read() if isinstance(rest, Unread) else rest

    @cached_property
    def contact_views(self) -> list[views.Contact]:
        """Every person's read-only view, by company and then name."""
        return self._rest.people

    @cached_property
    def activity(self) -> dict[int, Activity]:
        """Per person, the dates that decide their outreach state."""
        return self._rest.activity

    @cached_property
    def chats(self) -> list[Chat]:
        """Every chat."""
        return self._rest.chats

    @cached_property
    def contacts(self) -> list[Contact]:
        """Every person's record, by company and then name, each held with its view.

        Made only when asked for, from the views (a view's fields are its record's, in order):
        ranking companies needs the people's views alone.
        """
        rows: Sequence[tuple[Any, ...]] = self.contact_views  # a view is its record's fields
        records = [Contact(*row) for row in rows]
        self.seen.adopt(records, self.contact_views)
        return records

    @cached_property
    def context(self) -> Context:
        """What plugins may read beyond one company or contact, read-only throughout."""
        with gcpause.paused():
            return self._context()

    def _context(self) -> Context:
        """The context, built: a view of every person (or a Deferred), posting and connection."""
        rest = self.rest
        if isinstance(rest, Unread):
            people: dict[str, Any] = {
                "contacts_by_company": Deferred(lambda: views.grouped(self.contact_views)),
                "states": Deferred(self._states),
                "friends_by_company": views.grouped(rest.friends),
                "connected": rest.connected,
            }
        else:  # friends_by_company is made from everyone
            people = {
                "contacts_by_company": views.grouped(rest.people),
                "states": self._states(),
                "connected": connected_ids(rest.people, self.connections),
            }
        return Context(
            today=self.today,
            **people,
            notes_left=outreach.notes_left(self.profile, self.notes_used),
            postings_by_company=views.grouped(views.posting(p) for p in self.postings),
            connections_by_company=views.grouped(views.connection(c) for c in self.connections),
            peer_counts=self.peer_counts,
            placements={k: n for k, (n, _, _) in self.placements.items()},
            placement_years={k: (first, last) for k, (_, first, last) in self.placements.items()},
            criteria=frozenset(self.plugins.criteria),
        )

    def _states(self) -> dict[int, str]:
        """Each person's outreach state, by id (everyone missing is new)."""
        return {i: outreach.state_of(a, self.today) for i, a in self.activity.items()}

    def state(self, contact: Contact) -> str:
        """The outreach state of one person."""
        return outreach.state_of(self.activity_of(contact), self.today)

    def longest_in(
        self, state: str, since: Callable[[Activity], dt.datetime | None]
    ) -> list[Contact]:
        """People in one outreach state, the longest in it first (since that date), then by name.

        Explicit, so the order never depends on the order people were read in.
        """
        held = [(since(self.activity_of(c)), c) for c in self.contacts if self.state(c) == state]
        held.sort(key=lambda dc: (dc[0] or dt.datetime.max, dc[1].name.casefold(), dc[1].id or 0))
        return [c for _, c in held]

    def activity_of(self, contact: Contact) -> Activity:
        """The dated outreach history of one person."""
        return self.activity.get(contact.id or -1, Activity())

    @cached_property
    def scorer(self) -> Scorer:
        """Scoring with this user's weights."""
        return Scorer(self.plugins, self.weights, self.seen)

    @cached_property
    def company_scores(self) -> list[CompanyScore]:
        """Companies ranked best first."""
        return self.scorer.companies(self.companies, self.profile, self.context)

    @cached_property
    def score_by_id(self) -> dict[int, CompanyScore]:
        """Company scores by company id."""
        return {s.company.id: s for s in self.company_scores if s.company.id is not None}

    def channels(self, contact: Contact) -> list[Channel]:
        """Every way to reach a person, warmest available first."""
        company = self.score_by_id[contact.company_id].company
        return self.channels_each([(self.seen.contact(contact), self.seen.company(company))])[0]

    def channels_each(
        self, people: Sequence[tuple[views.Contact, views.Company]]
    ) -> list[list[Channel]]:
        """`channels` for each of a list of (person, company) views, in their order."""
        return outreach.channels_each(
            self.plugins, people, self.seen.profile(self.profile), self.context
        )

    @cached_property
    def contact_ranks(self) -> list[ContactRank]:
        """People ranked by who to reach first."""
        return self.scorer.contacts(
            self.contacts, self.score_by_id, self.profile, self.context, self.channels_each
        )

    @cached_property
    def chat_by_contact(self) -> dict[int, Chat]:
        """Chats by person."""
        return {c.contact_id: c for c in self.chats}

    @cached_property
    def contacts_by_id(self) -> dict[int, Contact]:
        """People by id."""
        return {c.id: c for c in self.contacts if c.id is not None}

    @cached_property
    def company_by_id(self) -> dict[int, Company]:
        """Companies by id."""
        return {c.id: c for c in self.companies if c.id is not None}


def take(store: Store, plugins: Plugins, now: dt.datetime, *, people: bool = True) -> Snapshot:
    """Read one user's hunt from the store, as of one moment; scoring happens lazily on first use.

    One read transaction, so the tables agree: every chat's person and every person's company
    were read, however many writes land meanwhile.

    people=False leaves everyone but friends and connections unread, with their touches and
    chats, until something asks (ranking companies seldom does). Take it inside the caller's
    own `store.reading()`, and that later read joins the same moment; once that has closed, a
    later read that finds the hunt changed raises rather than mix two moments.
    """
    today = now.date()
    with gcpause.paused(), store.reading():
        used = store.notes_used(outreach.month_start(today), outreach.next_month_start(today))
        profile = store.profile()
        linked = store.connections(linked_only=True)
        return Snapshot(
            now=now,
            profile=profile,
            companies=store.companies(),
            rest=_rest(store) if people else _unread(store, linked),
            weights=store.weights(),
            notes_used=used,
            plugins=plugins,
            postings=store.postings(),
            connections=linked,
            peer_counts=store.peer_counts(),
            placements=store.placements(profile.program),
            comments=store.comments(unseen=True),
        )


def _rest(store: Store) -> Rest:
    """Everyone (each view straight from its row), their outreach dates and their chats."""
    return Rest(views.contacts_from_rows(store.contact_rows()), store.activity(), store.chats())


def _unread(store: Store, linked: Sequence[Connection]) -> Unread:
    """Friends and connections read now, the rest when first asked for (see take)."""
    version = store.data_version()

    def read() -> Rest:
        with gcpause.paused(), store.reading():
            if store.data_version() != version:
                raise HuntError("your hunt changed while it was being read; run that again")
            return _rest(store)

    # Matching an export by name or URL needs everyone's; without one, only who is marked.
    return Unread(
        read=read,
        friends=views.contacts_from_rows(store.contact_rows(friends_only=True)),
        connected=connected_ids(store.linkables(everyone=bool(linked)), linked),
    )
