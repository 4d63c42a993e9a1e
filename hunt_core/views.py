"""Read-only views of the stored records, the only form in which plugins see them.

A plugin that writes to a view (``company.name = ...``) or to one of its lists
(``profile.stack.append(...)``) raises inside that plugin, where the host reports it; it can
never change what the other plugins see. Views are named tuples because a ranking builds tens
of thousands of them: a named tuple is made about four times faster than a frozen dataclass
and reads as fast. Lists become tuples. Ids are plain ints: plugins see only stored records,
so a record without an id is refused when its view is built. ``tests/test_views.py`` checks
that every view has exactly the fields of its record, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from hunt_core import models


class Company(NamedTuple):
    """A target company as plugins see it; empty fields mean unknown."""

    name: str
    id: int
    website: str
    locations: tuple[str, ...]
    remote: str
    stack: tuple[str, ...]
    hires_no_degree: str
    alumni_hired: int | None
    open_roles: tuple[str, ...]
    interests: tuple[str, ...]
    uses_product: str
    knows_someone: str
    peers_know: str
    notes: str
    created_at: dt.datetime | None


class Contact(NamedTuple):
    """A person at a target company as plugins see them."""

    company_id: int
    name: str
    role: str
    id: int
    title: str
    email: str
    email_source: str
    linkedin: str
    github: str
    website: str
    college: str
    coding_school: str
    mutual: str
    friend: bool
    created_at: dt.datetime | None
    connected: bool

    @property
    def first_name(self) -> str:
        """The name to greet them by."""
        return models.first_name(self.name)


class Profile(NamedTuple):
    """The job seeker's profile as plugins see it."""

    name: str
    program: str
    colleges: tuple[str, ...]
    home: str
    locations: tuple[str, ...]
    remote: str
    stack: tuple[str, ...]
    interests: tuple[str, ...]
    linkedin: str
    note_chars: int | None
    notes_per_month: int | None
    notes_uncapped: bool
    commute_km: int | None

    @property
    def note_limit(self) -> int:
        """Characters allowed in a LinkedIn connection note."""
        return models.note_limit(self.linkedin, self.note_chars)

    @property
    def monthly_notes(self) -> int | None:
        """Personalised notes allowed per month, None for no cap."""
        return models.monthly_notes(self.linkedin, self.notes_per_month, self.notes_uncapped)

    @property
    def commute_radius(self) -> int:
        """Kilometres from home or a wanted city within which an office counts as local."""
        return models.commute_radius(self.commute_km)


class Posting(NamedTuple):
    """An open role from a company's job board."""

    company_id: int
    source: str
    external_id: str
    title: str
    fetched_at: dt.datetime
    location: str
    remote: bool | None
    description: str
    url: str
    posted_at: dt.datetime | None
    id: int


class Connection(NamedTuple):
    """A first-degree LinkedIn connection at a target company."""

    person_key: str
    first_name: str
    last_name: str
    url: str
    email: str
    company: str
    position: str
    connected_on: dt.date | None
    company_id: int  # the host passes only connections matched to a target company
    id: int

    @property
    def name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}".strip()


V = TypeVar("V", Company, Contact, Profile, Posting, Connection)
_VIEW_OF: dict[type, type[Company | Contact | Profile | Posting | Connection]] = {
    models.Company: Company,
    models.Contact: Contact,
    models.Profile: Profile,
    models.Posting: Posting,
    models.Connection: Connection,
}


def _unsaved(record: object) -> ValueError:
    """The error for a record plugins may not see yet: it has no id, so it is not stored."""
    what = getattr(record, "name", "") or getattr(record, "title", "")
    return ValueError(f"{type(record).__name__} {what!r} has no id: plugins see stored records")


def view(record: object) -> Company | Contact | Profile | Posting | Connection:
    """The read-only view of one stored record (lists become tuples)."""
    kind = _VIEW_OF[type(record)]
    if "id" in kind._fields and getattr(record, "id", None) is None:
        raise _unsaved(record)
    if kind is Connection and getattr(record, "company_id", None) is None:
        raise ValueError(f"connection {getattr(record, 'name', '')!r} is at no target company")
    values = [getattr(record, name) for name in kind._fields]
    return kind._make(tuple(v) if isinstance(v, list) else v for v in values)


# Companies and people are spelled out field by field, and made with tuple.__new__ (a named
# tuple's own constructor is a Python function): a ranking makes one view per record, and this
# is three times as fast as the generic `view`. tests/test_views.py checks both ways agree.
_new = tuple.__new__


def company(record: models.Company) -> Company:
    """The view of a company."""
    c = record
    if c.id is None:
        raise _unsaved(c)
    return _new(Company, (
        c.name, c.id, c.website, tuple(c.locations), c.remote, tuple(c.stack),
        c.hires_no_degree, c.alumni_hired, tuple(c.open_roles), tuple(c.interests),
        c.uses_product, c.knows_someone, c.peers_know, c.notes, c.created_at,
    ))  # fmt: skip


def contact(record: models.Contact) -> Contact:
    """The view of a person."""
    c = record
    if c.id is None:
        raise _unsaved(c)
    return _new(Contact, (
        c.company_id, c.name, c.role, c.id, c.title, c.email, c.email_source, c.linkedin,
        c.github, c.website, c.college, c.coding_school, c.mutual, c.friend, c.created_at,
        c.connected,
    ))  # fmt: skip


def contacts_from_rows(rows: Iterable[tuple[Any, ...]]) -> list[Contact]:
    """Views of people straight from stored rows of models.Contact's fields, in that order.

    A view has its record's fields in the same order (tests/test_views.py), so a stored
    person's row already holds a view's values: a snapshot makes 60,000 people's views without
    making their records first, and only makes those when something asks for them.
    """
    return [_new(Contact, row) for row in rows]


def profile(record: models.Profile) -> Profile:
    """The view of the profile."""
    result = view(record)
    assert isinstance(result, Profile)
    return result


def posting(record: models.Posting) -> Posting:
    """The view of a job posting."""
    result = view(record)
    assert isinstance(result, Posting)
    return result


def connection(record: models.Connection) -> Connection:
    """The view of a LinkedIn connection at a target company."""
    result = view(record)
    assert isinstance(result, Connection)
    return result


R = TypeVar("R")


class Seen:
    """The views of one snapshot's records, each built once however many hooks receive it.

    Held by record identity, and the records are kept too, so no id can name another record
    while this lives: the host reads a snapshot's records and never changes them while it ranks.
    """

    def __init__(self) -> None:
        self._views: dict[int, object] = {}
        self._records: list[object] = []

    def _get(self, record: object, build: Callable[[Any], R]) -> R:
        """The held view of a record, built on first use."""
        view = self._views.get(id(record))
        if view is None:
            view = self._views[id(record)] = build(record)
            self._records.append(record)
        return view  # type: ignore[return-value]

    def adopt(self, records: Iterable[object], made: Iterable[object]) -> None:
        """Hold views made elsewhere (from the same rows) as these records' views, pairwise."""
        for record, view in zip(records, made, strict=True):
            self._views[id(record)] = view
            self._records.append(record)

    def company(self, record: models.Company) -> Company:
        """The view of a company."""
        return self._get(record, company)

    def contact(self, record: models.Contact) -> Contact:
        """The view of a person."""
        return self._get(record, contact)

    def profile(self, record: models.Profile) -> Profile:
        """The view of the profile."""
        return self._get(record, profile)


def grouped(rows: Iterable[V]) -> Mapping[int, tuple[V, ...]]:
    """Views by their company_id, as a mapping no plugin can change."""
    groups: dict[int, list[V]] = {}
    for row in rows:
        company_id = getattr(row, "company_id", None)
        if company_id is not None:
            groups.setdefault(company_id, []).append(row)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})
