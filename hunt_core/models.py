"""Plain dataclasses: profile, companies, people, touches, chats, and what plugins return."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args

from hunt_core.deferred import Deferred
from hunt_core.errors import InvalidInput

if TYPE_CHECKING:  # views build on these records; only their types are needed here
    from hunt_core import views

YesNo = Literal["yes", "no", "unknown"]
Remote = Literal["yes", "no", "hybrid", "unknown"]
Role = Literal["developer", "manager", "recruiter", "other"]
LinkedInPlan = Literal["free", "premium"]
AppliesTo = Literal["company", "contact"]
DraftKind = Literal["first", "follow-up", "thank-you", "linkedin-note", "intro"]
TouchKind = Literal[
    "connection-request",
    "message",
    "email",
    "slack",
    "follow-up",
    "reply",
    "chat-scheduled",
    "chat-held",
    "thank-you",
    "referral",
]

ROLES: tuple[str, ...] = get_args(Role)
TOUCH_KINDS: tuple[str, ...] = get_args(TouchKind)
DRAFT_KINDS: tuple[str, ...] = get_args(DraftKind)
# Touches that reach out to someone for the first time (guide step 3).
OUTREACH_KINDS = frozenset({"connection-request", "message", "email", "slack"})
# Touches that show the person answered, so no follow-up nudge is needed.
ANSWER_KINDS = frozenset({"reply", "chat-scheduled", "chat-held", "referral"})

DEFAULT_STACK = (".NET", "C#")
TARGET_COMPANIES = 5  # "Shoot for 5 companies!"
PEOPLE_MIN, PEOPLE_MAX = 3, 6  # "collected 3-6 people for a particular company"
PER_ROLE_MAX = 2  # "1-2 software developers, 1-2 managers or team leads, 1-2 in recruitment"
# the three kinds of people the guide asks for
CORE_ROLES: tuple[Role, ...] = ("developer", "manager", "recruiter")
FOLLOW_UP_DAYS = 7  # "follow up if I don't hear a response in a week"
LINKEDIN_LIMITS = {"free": (200, 5), "premium": (300, None)}  # note chars, notes per month
COMMUTE_KM = 40  # default radius around home or a wanted city that still counts as "local"
NEUTRAL_PRIOR = 0.5  # what an unknown criterion counts for: neither yes nor no
_EMPTY: Mapping[Any, Any] = MappingProxyType({})


def _nothing() -> Mapping[Any, Any]:
    """The default of every Context mapping: one shared empty mapping no plugin can fill."""
    return _EMPTY


_UNSET: Mapping[Any, Any] = MappingProxyType({})  # not _EMPTY: `friends_by_company` not given


def _unset() -> Mapping[Any, Any]:
    """The default of Context.friends_by_company: derive it from contacts_by_company."""
    return _UNSET


def choice(
    value: str | None, allowed: tuple[str, ...], what: str, default: str | None = None
) -> str:
    """Return value normalised to one of allowed, or raise InvalidInput naming what was wrong."""
    if value is None or str(value).strip() == "":
        if default is not None:
            return default
        raise InvalidInput(f"{what} is required (one of {', '.join(allowed)})")
    v = str(value).strip().lower().replace("_", "-").replace(" ", "-")
    if v not in allowed:
        raise InvalidInput(f"{what} {value!r} is not one of {', '.join(allowed)}")
    return v


def split_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Split a ';'-separated value into trimmed, non-empty items (lists pass through cleaned)."""
    if value is None:
        return []
    items = value.split(";") if isinstance(value, str) else value
    return [str(i).strip() for i in items if str(i).strip()]


def optional_int(value: str | int | None, what: str) -> int | None:
    """Parse a whole number >= 0, with None or '' meaning unknown."""
    if value is None or str(value).strip() == "":
        return None
    try:
        n = int(str(value).strip())
    except ValueError:
        raise InvalidInput(f"{what} {value!r} is not a whole number") from None
    if n < 0:
        raise InvalidInput(f"{what} {value!r} must not be negative")
    return n


def parse_date(value: str, what: str = "date") -> dt.date:
    """Parse YYYY-MM-DD, naming the field when it is not a date."""
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None


def required_text(value: str | None, what: str) -> str:
    """Return stripped text, refusing blank."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"{what} must not be empty")
    return text


def commute_radius(commute_km: int | None) -> int:
    """The commuting radius in km: the profile's, else COMMUTE_KM."""
    return COMMUTE_KM if commute_km is None else commute_km


def note_limit(plan: str, note_chars: int | None) -> int:
    """Characters allowed in a LinkedIn connection note on this plan."""
    return note_chars or LINKEDIN_LIMITS[plan][0]


def monthly_notes(plan: str, per_month: int | None, uncapped: bool) -> int | None:
    """Personalised LinkedIn notes allowed per month, None for no cap."""
    if uncapped:
        return None
    return per_month if per_month is not None else LINKEDIN_LIMITS[plan][1]


def first_name(name: str) -> str:
    """The name to greet someone by."""
    return name.split()[0] if name.split() else name


@dataclass
class Profile:
    """The job seeker: who they are, where they want to work, what they build with."""

    name: str = ""
    program: str = ""
    colleges: list[str] = field(default_factory=list)
    home: str = ""
    locations: list[str] = field(default_factory=list)
    remote: Remote = "unknown"
    stack: list[str] = field(default_factory=lambda: list(DEFAULT_STACK))
    interests: list[str] = field(default_factory=list)
    linkedin: LinkedInPlan = "free"
    note_chars: int | None = None  # None: the plan's default
    notes_per_month: int | None = None  # None: the plan's default (premium: no cap)
    notes_uncapped: bool = False
    commute_km: int | None = None  # None: COMMUTE_KM

    @property
    def commute_radius(self) -> int:
        """Kilometres from home or a wanted city within which an office counts as local."""
        return commute_radius(self.commute_km)

    @property
    def note_limit(self) -> int:
        """Characters allowed in a LinkedIn connection note."""
        return note_limit(self.linkedin, self.note_chars)

    @property
    def monthly_notes(self) -> int | None:
        """Personalised notes allowed per month, None for no cap."""
        return monthly_notes(self.linkedin, self.notes_per_month, self.notes_uncapped)

    def missing(self) -> list[str]:
        """The profile fields the criteria need but are still empty."""
        wanted = {
            "name": self.name,
            "program": self.program,
            "home city": self.home,
            "stack": self.stack,
        }
        gaps = [label for label, value in wanted.items() if not value]
        if not self.locations and self.remote == "unknown":
            gaps.append("preferred locations or remote preference")
        return gaps


@dataclass
class Company:
    """A target company and everything the guide's criteria look at."""

    name: str
    id: int | None = None
    website: str = ""
    locations: list[str] = field(default_factory=list)
    remote: Remote = "unknown"
    stack: list[str] = field(default_factory=list)
    hires_no_degree: YesNo = "unknown"
    alumni_hired: int | None = None
    open_roles: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    uses_product: YesNo = "unknown"
    knows_someone: str = ""
    peers_know: YesNo = "unknown"
    notes: str = ""
    created_at: dt.datetime | None = None


@dataclass
class Contact:
    """A person at a target company, and what you have in common."""

    company_id: int
    name: str
    role: Role = "other"
    id: int | None = None
    title: str = ""
    email: str = ""
    email_source: str = ""
    linkedin: str = ""
    github: str = ""
    website: str = ""
    college: str = ""
    coding_school: str = ""
    mutual: str = ""
    friend: bool = False
    created_at: dt.datetime | None = None
    connected: bool = False  # a first-degree LinkedIn connection already

    @property
    def first_name(self) -> str:
        """The name to greet them by."""
        return first_name(self.name)


@dataclass
class Touch:
    """One outreach event with a contact."""

    contact_id: int
    kind: TouchKind
    happened_at: dt.datetime
    channel: str = ""
    text: str = ""
    id: int | None = None


class Activity(NamedTuple):
    """The dates that decide a person's outreach state, from their touches (Store.activity).

    A named tuple: a big hunt reads tens of thousands, and it is made several times as fast
    as a frozen dataclass.
    """

    first_outreach: dt.datetime | None = None
    follow_up: dt.datetime | None = None
    answer: dt.datetime | None = None
    chat_scheduled: dt.datetime | None = None
    chat_held: dt.datetime | None = None
    thank_you: dt.datetime | None = None
    referral: dt.datetime | None = None
    last: dt.datetime | None = None


@dataclass
class Chat:
    """A coffee chat with a contact: when, what to ask, what came of it."""

    contact_id: int
    scheduled_for: dt.datetime | None = None
    held_at: dt.datetime | None = None
    questions: list[str] = field(default_factory=list)
    notes: str = ""
    referral_offered: bool = False
    id: int | None = None


@dataclass
class Posting:
    """An open role from a company's job board, kept with the company."""

    company_id: int
    source: str
    external_id: str
    title: str
    fetched_at: dt.datetime
    location: str = ""
    remote: bool | None = None
    description: str = ""
    url: str = ""
    posted_at: dt.datetime | None = None
    id: int | None = None


@dataclass
class Connection:
    """A first-degree LinkedIn connection, from the Connections.csv export."""

    person_key: str
    first_name: str = ""
    last_name: str = ""
    url: str = ""
    email: str = ""
    company: str = ""
    position: str = ""
    connected_on: dt.date | None = None
    company_id: int | None = None  # the target company they work at, when one matches
    id: int | None = None

    @property
    def name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, kw_only=True)
class Criterion:
    """A thing the guide says makes a good target company or a good first contact.

    ``is_in`` marks a kind of "In" (aligned interests, uses the product, knows someone,
    hyper-local): its pitch leads the first message, as the guide's step 4 asks. ``prior`` is
    what the criterion counts for while unknown (default NEUTRAL_PRIOR): unknown is neither
    yes nor no.
    """

    key: str
    label: str
    applies_to: AppliesTo
    default_weight: float
    description: str
    guide_step: int
    is_in: bool = False
    prior: float = NEUTRAL_PRIOR  # the points an unknown verdict counts for, in [0, 1]


# Signals and channels are made once per plugin per company or person: a ranking of 60,000
# people makes about 300,000. They have slots (80 bytes each, not 184) and their constructors
# are written out (init=False), setting each slot through its own descriptor: a frozen
# dataclass's generated one goes through object.__setattr__ and takes half as long again.
# They stay frozen; tests/test_models.py checks each signature against the fields.


def _setters(cls: type, names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of cls for these space-separated field names, in that order."""
    return tuple(cls.__dict__[name].__set__ for name in names.split())


@dataclass(frozen=True, kw_only=True, slots=True, init=False)
class Signal:
    """One criterion's verdict: points in [0, 1], or None when unknown, with a reason to read.

    ``pitch`` is an optional first-person phrase a message can use ("I live ten minutes from
    your office"); ``evidence`` is where the verdict came from (a field, a posting, a URL).
    """

    criterion: str
    points: float | None
    reason: str
    evidence: str = ""
    pitch: str = ""

    def __init__(
        self,
        *,
        criterion: str,
        points: float | None,
        reason: str,
        evidence: str = "",
        pitch: str = "",
    ) -> None:
        _SIGNAL_CRITERION(self, criterion)
        _SIGNAL_POINTS(self, points)
        _SIGNAL_REASON(self, reason)
        _SIGNAL_EVIDENCE(self, evidence)
        _SIGNAL_PITCH(self, pitch)

    @property
    def known(self) -> bool:
        """True when the criterion had data to judge."""
        return self.points is not None


_SIGNAL_CRITERION, _SIGNAL_POINTS, _SIGNAL_REASON, _SIGNAL_EVIDENCE, _SIGNAL_PITCH = _setters(
    Signal, "criterion points reason evidence pitch"
)


@dataclass(frozen=True, kw_only=True, slots=True, init=False)
class Channel:
    """A way to reach a contact, warmest first: warmth in [0, 1]."""

    key: str
    label: str
    warmth: float
    reason: str
    available: bool = True

    def __init__(
        self, *, key: str, label: str, warmth: float, reason: str, available: bool = True
    ) -> None:
        _CHANNEL_KEY(self, key)
        _CHANNEL_LABEL(self, label)
        _CHANNEL_WARMTH(self, warmth)
        _CHANNEL_REASON(self, reason)
        _CHANNEL_AVAILABLE(self, available)


_CHANNEL_KEY, _CHANNEL_LABEL, _CHANNEL_WARMTH, _CHANNEL_REASON, _CHANNEL_AVAILABLE = _setters(
    Channel, "key label warmth reason available"
)


@dataclass(frozen=True, kw_only=True)
class Template:
    """A message template for one draft kind; placeholders from outreach.TEMPLATE_VARIABLES."""

    kind: DraftKind
    text: str


@dataclass(frozen=True, kw_only=True)
class Context:
    """What the host knows beyond one company or contact, as read-only mappings of views.

    The host builds every mapping read-only (a plugin that writes to one raises); people,
    postings and connections are tuples of views grouped by company id.
    """

    today: dt.date
    contacts_by_company: Mapping[int, tuple[views.Contact, ...]] = field(default_factory=_nothing)
    states: Mapping[int, str] = field(default_factory=_nothing)  # contact id -> state; missing: new
    notes_left: int | None = None  # LinkedIn personalised notes left this month, None: no cap
    # name_key(company name) -> how many cohort peers also target it (never who)
    peer_counts: Mapping[str, int] = field(default_factory=_nothing)
    # name_key(company name) -> grads of the user's program placed there, and (first, last)
    # year; a company missing here has no placement data (unknown, not zero)
    placements: Mapping[str, int] = field(default_factory=_nothing)
    placement_years: Mapping[str, tuple[int, int]] = field(default_factory=_nothing)
    # Keys of the criteria loaded plugins declare: a plugin scoring another plugin's criterion
    # checks it is here, since that plugin may be disabled.
    criteria: frozenset[str] = frozenset()
    postings_by_company: Mapping[int, tuple[views.Posting, ...]] = field(default_factory=_nothing)
    connections_by_company: Mapping[int, tuple[views.Connection, ...]] = field(
        default_factory=_nothing
    )
    # Ids of people who are first-degree LinkedIn connections (marked so, or in Connections.csv)
    connected: frozenset[int] = frozenset()
    # The people of contacts_by_company marked as someone you know (friend), by company id: a
    # company hook reads these without making a ranking read everyone. Made from
    # contacts_by_company when not given.
    friends_by_company: Mapping[int, tuple[views.Contact, ...]] = field(default_factory=_unset)

    def __post_init__(self) -> None:
        """Make every mapping read-only, however the Context was built; derive friends."""
        if self.friends_by_company is _UNSET:
            friends = {
                company: tuple(c for c in people if c.friend)
                for company, people in self.contacts_by_company.items()
            }
            object.__setattr__(self, "friends_by_company", {k: v for k, v in friends.items() if v})
        for name in _CONTEXT_MAPPINGS:
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType | Deferred):  # Deferred: read-only too
                object.__setattr__(self, name, MappingProxyType(dict(value)))


_CONTEXT_MAPPINGS = (
    "contacts_by_company",
    "states",
    "peer_counts",
    "placements",
    "placement_years",
    "postings_by_company",
    "connections_by_company",
    "friends_by_company",
)


# Plain named tuples, not frozen dataclasses: a ranking makes one per signal, company and
# person (hundreds of thousands), and a frozen dataclass takes five times as long to build.
class WeightedSignal(NamedTuple):
    """A signal with the weight it counts for, the plugin that gave it and its criterion's prior."""

    signal: Signal
    weight: float
    plugin: str
    label: str
    prior: float = NEUTRAL_PRIOR  # what the signal counts for while unknown

    @property
    def counts(self) -> bool:
        """True when the criterion's weight is above 0: weight 0 switches it off."""
        return self.weight > 0

    @property
    def earned(self) -> float:
        """The weighted points it adds to the score: weight x points, or x prior while unknown."""
        points = self.prior if self.signal.points is None else self.signal.points
        return self.weight * points if self.counts else 0.0


class CompanyScore(NamedTuple):
    """A company's 0-100 score, the signals that explain it, and how sure it is.

    ``score`` counts every unknown criterion at its prior; ``low`` and ``high`` are the score
    if every unknown turned out no or yes; ``known`` of ``total`` criteria that count (weight
    above 0) have a verdict.
    """

    company: Company
    score: float
    signals: tuple[WeightedSignal, ...]
    low: float
    high: float
    known: int
    total: int

    @property
    def coverage(self) -> str:
        """How much of the score is known, in words: '6 of 11 criteria known'."""
        return f"{self.known} of {self.total} criteria known"

    @property
    def span(self) -> str:
        """The range in words: '41-78' (one number when nothing that counts is unknown)."""
        if self.low == self.high:
            return f"{self.low:.0f}"
        return f"{self.low:.0f}-{self.high:.0f}"

    @property
    def unknown(self) -> list[WeightedSignal]:
        """Criteria still to check: unknown ones that count (weight above 0)."""
        return [s for s in self.signals if not s.signal.known and s.counts]


class ContactRank(NamedTuple):
    """Who to reach first: a contact's priority, best channel and the reasons."""

    contact: Contact
    company: Company
    priority: float
    channel: Channel  # the warmest usable one, else "find their email first"
    state: str
    reasons: tuple[str, ...]
    signals: tuple[WeightedSignal, ...]
    beyond_quota: bool = False  # past 1-2 per role or 3-6 at the company: ranks after the rest


@dataclass(frozen=True)
class Step:
    """One next action with its why; key is stable so it can be snoozed."""

    key: str
    step: int
    action: str
    why: str
    kind: str
    company: str | None = None
    contact: str | None = None
    company_id: int | None = None
    contact_id: int | None = None


@dataclass(frozen=True)
class Progress:
    """How far one guide step is, as a count against its target and lines to read."""

    step: int
    title: str
    done: int
    target: int
    summary: str
    details: tuple[str, ...] = ()
