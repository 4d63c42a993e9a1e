"""LinkedIn's Connections.csv: read it, link people to target companies, offer them as contacts."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hunt_core.connections import NAME_KEY, person_key, profile_key
from hunt_core.errors import InvalidInput
from hunt_core.importers import text
from hunt_core.models import ROLES, Company, Connection, Contact, Profile, Role
from hunt_core.names import CompanyMatcher, compact_key
from hunt_core.store import Store, name_key

SOURCE = "Connections.csv"
MAX_BYTES = text.MAX_BYTES  # 30,000 connections (LinkedIn's cap) take about 3 MB
TOO_BIG = "LinkedIn's Connections.csv of 30,000 connections (its cap) is about 3 MB"
MAX_ROWS = 50_000
HEADER_SCAN = 20  # rows searched for the header; real exports have it on row 1 to 4
EMAIL_SOURCE = "LinkedIn export"
SUGGEST_AT = 2  # connections at one company that make it worth suggesting as a target
SHOWN = 10  # list items in the text summary
COLUMNS = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}
REQUIRED = ("first name", "last name", "company")
FIELDS = ("first_name", "last_name", "url", "email", "company", "position", "connected_on")
_ABSENT = 1 << 30  # the column index of a field the export lacks: past the end of any row
# What people type as their employer when there is no employer to target.
NOT_COMPANIES = frozenset(
    compact_key(n)
    for n in (
        "self-employed", "self employed", "freelance", "freelancer", "independent", "stealth",
        "stealth startup", "stealth mode", "retired", "unemployed", "none", "n/a", "various",
        "confidential", "open to work", "looking for work", "seeking opportunities", "student",
    )
)  # fmt: skip
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DATE = re.compile(r"(\d{1,2})[ -]([a-z]{3})[a-z]*\.?[ -](\d{4}|\d{2})")
# Checked in order: "Talent Acquisition Lead" recruits, "Engineering Manager" manages.
_ROLE_PATTERNS: tuple[tuple[re.Pattern[str], Role], ...] = (
    (
        re.compile(
            r"recruit|talent|sourc(?:er|ing)|headhunt|\bhr\b|human resources|\bpeople\s+(?:"
            r"partner|operations|ops|team|experience|(?:and|&)\s+culture)\b|\b(?:head|director|"
            r"vp|chief)\s+(?:of\s+)?people\b"
        ),
        "recruiter",
    ),
    (
        re.compile(
            r"\b(?:manager|mgr|lead|leader|head|director|vp|vice president|president|chief|cto|"
            r"ceo|cio|coo|founder|co-?founder|supervisor)\b"
        ),
        "manager",
    ),
    (
        re.compile(
            r"\b(?:engineer|engineering|developer|dev|programmer|coder|swe|sde|sdet|software|"
            r"devops|sre|site reliability|full[- ]?stack|front[- ]?end|back[- ]?end|architect|qa)\b"
        ),
        "developer",
    ),
)

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Parsed:
    """What one file held: its connections (duplicates collapsed) and the rows left out."""

    connections: list[Connection]
    skipped_no_name: int = 0
    duplicates: int = 0


@dataclass(frozen=True)
class Offer:
    """A connection at a target company, offered as a person to reach out to."""

    name: str
    company: str
    company_id: int
    position: str
    role: Role
    linkedin: str = ""
    email: str = ""

    def contact(self) -> Contact:
        """The person this offer adds: a first-degree connection, reached by LinkedIn message."""
        return Contact(
            company_id=self.company_id,
            name=self.name,
            role=self.role,
            title=self.position,
            email=self.email,
            email_source=EMAIL_SOURCE if self.email else "",
            linkedin=self.linkedin,
            mutual="",
            friend=False,
            connected=True,
        )


@dataclass(frozen=True)
class Suggestion:
    """A spelling in the export close to a target's name, left unlinked until confirmed."""

    spelling: str
    target: str
    similarity: float  # 0-100
    connections: int

    def line(self) -> str:
        """How the CLI and the Import page say it."""
        people = _count(self.connections, "connection")
        similar = f"{self.similarity:.0f}% similar"
        return f"{self.spelling} ({people}) looks like {self.target}: {similar}"


@dataclass
class LinkedInSummary:
    """What an import changed, who works at your targets, and companies worth targeting."""

    source: str
    read: int
    added: int
    updated: int
    unchanged: int
    skipped_no_name: int
    duplicates: int
    matched: list[tuple[str, str]] = field(default_factory=list)  # (connection, target company)
    offered: list[Offer] = field(default_factory=list)
    suggestions: list[tuple[str, int]] = field(default_factory=list)  # (company, connections)
    people_added: list[str] = field(default_factory=list)
    near_misses: list[Suggestion] = field(default_factory=list)  # not linked: confirm as aliases

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready values."""
        return {
            "source": self.source,
            "read": self.read,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped_no_name": self.skipped_no_name,
            "duplicates": self.duplicates,
            "matched": [{"name": n, "company": c} for n, c in self.matched],
            "offered": [
                {"name": o.name, "company": o.company, "position": o.position, "role": o.role}
                for o in self.offered
            ],
            "suggestions": [{"company": c, "connections": n} for c, n in self.suggestions],
            "people_added": self.people_added,
            "near_misses": [
                {
                    "spelling": m.spelling,
                    "target": m.target,
                    "similarity": m.similarity,
                    "connections": m.connections,
                }
                for m in self.near_misses
            ],
        }

    def lines(self) -> list[str]:
        """The summary as lines to read, long lists cut short."""
        out = [
            f"Read {self.read:,} connections from {self.source}: {self.added:,} added, "
            f"{self.updated:,} updated, {self.unchanged:,} unchanged."
        ]
        nameless = f"{_count(self.skipped_no_name, 'row')} with no name (members who left)"
        duplicates = _count(self.duplicates, "duplicate row")
        skipped = [
            t for n, t in ((self.skipped_no_name, nameless), (self.duplicates, duplicates)) if n
        ]
        if skipped:
            out.append(f"Skipped {' and '.join(skipped)}.")
        out.append(f"{_count(len(self.matched), 'connection')} at your target companies.")
        out += _listed([f"{n} at {c}" for n, c in self.matched])
        if self.people_added:
            out.append(f"Added {_count(len(self.people_added), 'person', 'people')} as contacts.")
        elif self.offered:
            out.append(f"{_count(len(self.offered), 'person', 'people')} to add as contacts:")
            out += _listed([f"{o.name} ({_role(o)}) at {o.company}" for o in self.offered])
        if self.near_misses:
            out.append(
                "Close to a target's name but not linked; if it is the same company, confirm "
                'it: hunt company alias TARGET "SPELLING"'
            )
            out += _listed([m.line() for m in self.near_misses])
        if self.suggestions:
            out.append(f"Companies where {SUGGEST_AT}+ of your connections work (new targets?):")
            out += _listed([f"{c} ({n})" for c, n in self.suggestions])
        return out


# -- reading -------------------------------------------------------------------------------


def read_file(path: str | Path) -> bytes:
    """The bytes of an export file; a missing, unreadable or oversized file is one clear line."""
    return text.read_bytes(path, MAX_BYTES, TOO_BIG)


def read_connections(data: bytes, *, source: str = SOURCE) -> list[Connection]:
    """The connections in a Connections.csv export, duplicates collapsed, nameless rows left out."""
    return parse(data, source=source).connections


def parse(data: bytes, *, source: str = SOURCE) -> Parsed:
    """Read an export: find its header after LinkedIn's notes, then one connection per row."""
    text.check_size(source, len(data), MAX_BYTES, TOO_BIG)
    content = text.decode(
        data, source, "unzip LinkedIn's export and choose the Connections.csv inside it"
    )
    if not content.strip():
        raise InvalidInput(f"{source} is empty; choose Connections.csv from LinkedIn's export")
    # Not strict: a stray quote in someone's job title should not refuse a whole network.
    reader = text.rows(content, source, strict=False)
    columns = _header(reader, source)
    return _collect(_rows(reader, source), columns)


def _header(reader: Iterator[tuple[int, list[str]]], source: str) -> tuple[int, ...]:
    """The column of each of FIELDS, from the first row naming the columns (notes come before)."""
    for _, cells in itertools.islice(reader, HEADER_SCAN):
        names = [COLUMNS.get(c.strip().casefold(), "") for c in cells]
        if all(COLUMNS[r] in names for r in REQUIRED):
            return tuple(names.index(f) if f in names else _ABSENT for f in FIELDS)
    raise InvalidInput(f"{source}: no header row with First Name, Last Name, Company found")


def _rows(reader: Iterator[tuple[int, list[str]]], source: str) -> Iterator[list[str]]:
    """Non-blank data rows, refusing more than any LinkedIn network can hold."""
    for number, (_, cells) in enumerate(reader, start=1):
        if number > MAX_ROWS:
            raise InvalidInput(
                f"{source} has more than {MAX_ROWS:,} rows; LinkedIn caps a network at 30,000 "
                "connections, so this is not a Connections.csv export"
            )
        if "".join(cells).strip():
            yield cells


def _collect(rows: Iterable[list[str]], columns: tuple[int, ...]) -> Parsed:
    """Connections keyed by person, the later of two duplicate rows winning."""
    found: dict[str, Connection] = {}
    skipped = duplicates = 0
    for cells in rows:
        connection = _connection(cells, columns)
        if connection is None:
            skipped += 1
        else:
            duplicates += connection.person_key in found
            found[connection.person_key] = connection
    return Parsed(list(found.values()), skipped, duplicates)


def _connection(cells: list[str], columns: tuple[int, ...]) -> Connection | None:
    """One row as a Connection, or None for a member who left (no name)."""
    size = len(cells)
    first, last, url, email, company, position, connected = [
        " ".join(cells[i].split()) if i < size else "" for i in columns
    ]
    if not (first or last):
        return None
    return Connection(
        person_key=person_key(url, first, last, company),
        first_name=first,
        last_name=last,
        url=url,
        email=email,
        company=company,
        position=position,
        connected_on=parse_connected_on(connected),
    )


@functools.lru_cache(maxsize=4096)  # 30,000 rows share a few thousand dates
def parse_connected_on(text: str) -> dt.date | None:
    """'12 Mar 2024' (LinkedIn), '12-Mar-24' (after Excel) or '2024-03-12'; None otherwise."""
    text = text.strip().casefold()
    match = _DATE.fullmatch(text)
    try:
        if not match:
            return dt.date.fromisoformat(text)
        day, month, year = match.groups()
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        return dt.date(full_year, _MONTHS[month], int(day))
    except (KeyError, ValueError):
        return None


@functools.lru_cache(maxsize=4096)  # 30,000 connections share far fewer job titles
def guess_role(position: str) -> Role:
    """Which of the guide's three kinds of people a job title names, else other."""
    title = position.casefold()
    return next((role for pattern, role in _ROLE_PATTERNS if pattern.search(title)), "other")


# -- linking and importing -----------------------------------------------------------------


def matcher(store: Store, companies: Iterable[Company]) -> CompanyMatcher:
    """A matcher over the target companies and the other names the user confirmed for them."""
    return CompanyMatcher(
        ((c.id, c.name) for c in companies if c.id is not None), store.company_aliases()
    )


def relink(store: Store) -> int:
    """Re-match every stored connection to the current targets; how many links changed."""
    with store.transaction():
        held = store.connections()
        return _relink(store, held, matcher(store, store.companies())) if held else 0


def near_misses(
    connections: Iterable[Connection], companies: Sequence[Company], match: CompanyMatcher
) -> list[Suggestion]:
    """Unlinked spellings close to a target's name, most similar first: to confirm, not link."""
    names = {c.id: c.name for c in companies}
    counts = Counter(c.company for c in connections if c.company_id is None and c.company)
    found = [
        Suggestion(spelling, names[near.company_id], near.similarity, counts[spelling])
        for spelling, near in match.near_all(counts).items()
        if near.company_id in names
    ]
    return sorted(found, key=lambda s: (-s.similarity, name_key(s.target), name_key(s.spelling)))


def _relink(store: Store, held: Sequence[Connection], match: CompanyMatcher) -> int:
    """Store the links of held connections that no longer point at their matching target."""
    ids = match.match_all(c.company for c in held)
    changes = {
        c.id: ids[c.company] for c in held if c.id is not None and c.company_id != ids[c.company]
    }
    store.link_connections(changes)
    return len(changes)


def import_linkedin(
    store: Store,
    data: bytes,
    *,
    progress: Progress | None = None,
    add_people: bool = False,
    source: str = SOURCE,
) -> LinkedInSummary:
    """Save an export's connections linked to your targets, all or nothing, and summarise."""
    report = progress or _quiet
    parsed = parse(data, source=source)
    report(0.4, f"read {_count(len(parsed.connections), 'connection')}")
    companies = store.companies()
    match = matcher(store, companies)
    with store.transaction():
        held = store.connections()
        _adopt_name_keys(parsed.connections, held)
        ids = match.match_all(c.company for c in parsed.connections)
        for connection in parsed.connections:
            connection.company_id = ids[connection.company]
        report(0.6, "matched companies")
        _relink(store, held, match)  # so a link that only moved with the targets is not "updated"
        added, updated = store.save_connections(parsed.connections)
        report(0.9, "saved")
        offered = offers(store, parsed.connections, companies)
        people = add_offered(store, offered) if add_people else []
    report(1.0, "done")
    names = {c.id: c.name for c in companies}
    linked = sorted(
        (c for c in parsed.connections if c.company_id is not None),
        key=lambda c: (name_key(names[c.company_id]), name_key(c.name)),
    )
    return LinkedInSummary(
        source=source,
        read=len(parsed.connections),
        added=added,
        updated=updated,
        unchanged=len(parsed.connections) - added - updated,
        skipped_no_name=parsed.skipped_no_name,
        duplicates=parsed.duplicates,
        matched=[(c.name, names[c.company_id]) for c in linked],
        offered=offered,
        suggestions=suggestions(parsed.connections, store.profile()),
        people_added=[p.name for p in people],
        near_misses=near_misses(parsed.connections, companies, match),
    )


def _quiet(_fraction: float, _text: str) -> None:
    """No progress display."""


def _adopt_name_keys(connections: Sequence[Connection], held: Sequence[Connection]) -> None:
    """Keep the name key of someone first imported from an older export without URLs."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for c in held:
        if c.person_key.startswith(NAME_KEY):
            by_name[name_key(c.name)].append(c.person_key)
    if not by_name:
        return
    held_keys = {c.person_key for c in held}
    in_file = {c.person_key for c in connections}
    fresh = [c for c in connections if c.url and c.person_key not in held_keys]
    claims = Counter(name_key(c.name) for c in fresh)
    for c in fresh:
        keys = by_name.get(name_key(c.name), [])
        if len(keys) == 1 and claims[name_key(c.name)] == 1 and keys[0] not in in_file:
            c.person_key = keys[0]


def offers(
    store: Store, connections: Iterable[Connection], companies: Sequence[Company]
) -> list[Offer]:
    """Linked connections not yet listed as people at their company, by company and role."""
    names = {c.id: c.name for c in companies}
    people = store.contacts()
    listed = {(p.company_id, name_key(p.name)) for p in people}
    listed |= {(p.company_id, profile_key(p.linkedin)) for p in people if p.linkedin}
    found: dict[tuple[int, str], Offer] = {}
    for c in connections:
        if c.company_id is None or c.company_id not in names:
            continue
        key = (c.company_id, name_key(c.name))
        if key in listed or (c.url and (c.company_id, profile_key(c.url)) in listed):
            continue
        found.setdefault(
            key,
            Offer(c.name, names[c.company_id], c.company_id, c.position, guess_role(c.position),
                  c.url, c.email),
        )  # fmt: skip
    order = {role: i for i, role in enumerate(ROLES)}
    return sorted(
        found.values(), key=lambda o: (name_key(o.company), order[o.role], name_key(o.name))
    )


def add_offered(store: Store, offered: Iterable[Offer]) -> list[Contact]:
    """Add offered connections as people, skipping anyone already listed at that company."""
    listed = {(p.company_id, name_key(p.name)) for p in store.contacts()}
    fresh: list[Contact] = []
    for offer in offered:
        key = (offer.company_id, name_key(offer.name))
        if key not in listed:
            listed.add(key)
            fresh.append(offer.contact())
    return store.add_contacts(fresh) if fresh else []


def suggestions(connections: Iterable[Connection], profile: Profile) -> list[tuple[str, int]]:
    """Companies that are not targets where several connections work, most connections first."""
    own = {compact_key(n) for n in (profile.program, *profile.colleges)}  # your school's people
    skip = NOT_COMPANIES | own
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for company, n in Counter(c.company for c in connections if c.company_id is None).items():
        key = compact_key(company)
        if key and key not in skip:
            spellings[key][company] = n
    counted = [(s.most_common(1)[0][0], s.total()) for s in spellings.values()]
    return sorted(
        ((name, n) for name, n in counted if n >= SUGGEST_AT), key=lambda x: (-x[1], name_key(x[0]))
    )


def _role(offer: Offer) -> str:
    """'developer: Senior Engineer', or just the role when the position is empty."""
    return f"{offer.role}: {offer.position}" if offer.position else offer.role


def _count(n: int, one: str, many: str | None = None) -> str:
    """'1 row', '2 rows'."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def _listed(items: list[str]) -> list[str]:
    """Indented items, the first SHOWN of them and how many more."""
    more = [f"  ... and {len(items) - SHOWN:,} more"] if len(items) > SHOWN else []
    return [f"  {item}" for item in items[:SHOWN]] + more
