"""What the dashboard draws beyond rankings: breakdowns, role slots, chats, funnel and rates."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass

from hunt_core import outreach
from hunt_core.channels import CHANNEL_LABELS
from hunt_core.channels import touch_kind_for as touch_kind_for  # pages log touches through it
from hunt_core.models import (
    ANSWER_KINDS,
    NEUTRAL_PRIOR,
    OUTREACH_KINDS,
    Chat,
    Company,
    CompanyScore,
    Contact,
    ContactRank,
    Profile,
    Touch,
)
from hunt_core.playbook import CORE_ROLES
from hunt_core.snapshot import Snapshot

ROLE_SLOTS = 2  # "1-2 developers, 1-2 managers or leads, 1-2 recruiters or HR"
COMMONALITY = "commonality"  # the guide's step-2 criterion: shared college, school or connection
FUNNEL = ("People", "Messaged", "Replied", "Chats", "Referrals")
# What each stage counts, for its tooltip: "Chats" counts scheduled ones too, which the guide's
# step 6 below ("N chats held") does not, so a reader can tell why the two differ.
FUNNEL_HELP = {
    "People": "Everyone you have found at your target companies",
    "Messaged": "People you reached out to: a first message, an email or a connection request",
    "Replied": "People who answered, however far it went after",
    "Chats": "People you have a chat scheduled or held with (step 6 below counts those held)",
    "Referrals": "People who referred you or offered to",
}
CHAT_KINDS = frozenset({"chat-scheduled", "chat-held"})


def is_new_hunt(snap: Snapshot) -> bool:
    """True before the user has a profile or a company: the dashboard greets them instead."""
    return not snap.companies and snap.profile == Profile()


# What each part of a breakdown bar means; every part has its own colour and legend entry.
# Listed in pairs (earned | missed, unknown at its prior | the rest) for a two-column legend.
EARNED = "points earned"
MISSED = "points missed"
PRIOR = "unknown: at its prior"
OPEN = "unknown: rest of its range"
OFF = "doesn't count (weight 0)"
PARTS = (EARNED, MISSED, PRIOR, OPEN, OFF)


@dataclass(frozen=True)
class Bar:
    """One criterion in a company's breakdown: points earned against points possible, and why."""

    criterion: str
    label: str
    plugin: str
    weight: float
    points: float | None
    reason: str
    prior: float = NEUTRAL_PRIOR

    @property
    def known(self) -> bool:
        """True when the criterion had data to judge."""
        return self.points is not None

    @property
    def counts(self) -> bool:
        """True when its weight is above 0 (weight 0 switches a criterion off)."""
        return self.weight > 0

    @property
    def possible(self) -> float:
        """The most it can add to the score: its weight, 0 when it does not count."""
        return self.weight if self.counts else 0.0

    @property
    def weighted(self) -> float:
        """What it adds to the score now: weight x points, or weight x prior while unknown."""
        return self.possible * (self.prior if self.points is None else self.points)

    @property
    def parts(self) -> list[tuple[str, float]]:
        """(part, weighted points) left to right: what it adds, then what it does not (yet)."""
        if not self.counts:
            return [(OFF, 0.0)]
        if self.known:
            return [(EARNED, self.weighted), (MISSED, self.possible - self.weighted)]
        return [(PRIOR, self.weighted), (OPEN, self.possible - self.weighted)]


def breakdown(score: CompanyScore) -> list[Bar]:
    """One bar per criterion of a company's score, in the score's order."""
    return [
        Bar(
            ws.signal.criterion,
            ws.label,
            ws.plugin,
            ws.weight,
            ws.signal.points,
            ws.signal.reason,
            ws.prior,
        )
        for ws in score.signals
    ]


def summary(score: CompanyScore) -> str:
    """A score with its honesty: '58/100, could be 17-100 (1 of 10 criteria known)'."""
    if score.low == score.high:
        return f"{score.score:.0f}/100 ({score.coverage})"
    return f"{score.score:.0f}/100, could be {score.span} ({score.coverage})"


@dataclass(frozen=True)
class RoleSlot:
    """One role the guide asks for at a company and who fills it."""

    role: str
    people: tuple[str, ...]

    @property
    def open(self) -> int:
        """Empty slots left for this role (the guide wants 1-2)."""
        return max(0, ROLE_SLOTS - len(self.people))

    @property
    def missing(self) -> bool:
        """True while nobody fills the role."""
        return not self.people


def role_slots(people: Sequence[Contact]) -> tuple[list[RoleSlot], list[str]]:
    """The developer, manager and recruiter slots at one company, and anyone in another role."""
    by_role: dict[str, list[str]] = defaultdict(list)
    for person in people:
        by_role[person.role].append(person.name)
    slots = [RoleSlot(role, tuple(by_role.get(role, ()))) for role in CORE_ROLES]
    others = [name for role, names in by_role.items() if role not in CORE_ROLES for name in names]
    return slots, others


def in_common(rank: ContactRank) -> str:
    """What you share with a person (college, coding school, connection), or ''."""
    for ws in rank.signals:
        if ws.signal.criterion == COMMONALITY and ws.signal.points:
            return ws.signal.reason
    return ""


@dataclass(frozen=True)
class Entry:
    """A person with their company and, when there is one, their chat."""

    contact: Contact
    company: Company
    chat: Chat | None = None
    due: dt.date | None = None


def _company(snap: Snapshot, contact: Contact) -> Company:
    return snap.company_by_id[contact.company_id]


def follow_ups_due(snap: Snapshot) -> list[Entry]:
    """People whose one follow-up is due, the longest waiting first."""
    due = [
        Entry(c, _company(snap, c), due=outreach.follow_up_on(snap.activity_of(c)))
        for c in snap.contacts
        if snap.state(c) == "follow-up-due"
    ]
    return sorted(due, key=lambda e: (e.due or snap.today, e.contact.name.casefold()))


def chats(snap: Snapshot) -> tuple[list[Entry], list[Entry]]:
    """(coming chats soonest first, held chats latest first)."""
    coming: list[tuple[dt.datetime, Entry]] = []
    held: list[tuple[dt.datetime, Entry]] = []
    for chat in snap.chats:
        contact = snap.contacts_by_id.get(chat.contact_id)
        if contact is None:
            continue
        entry = Entry(contact, _company(snap, contact), chat)
        if chat.held_at is not None:
            held.append((chat.held_at, entry))
        elif chat.scheduled_for is not None:
            coming.append((chat.scheduled_for, entry))
    coming.sort(key=lambda pair: pair[0])
    held.sort(key=lambda pair: pair[0], reverse=True)
    return [e for _, e in coming], [e for _, e in held]


def thank_yous_due(snap: Snapshot) -> list[Entry]:
    """People you had a chat with and have not thanked since, the longest waiting first."""
    return [
        Entry(c, _company(snap, c), snap.chat_by_contact.get(c.id or -1))
        for c in snap.longest_in("chat-held", lambda a: a.chat_held)
    ]


def funnel(
    contacts: Sequence[Contact], touches: Sequence[Touch], chat_records: Sequence[Chat]
) -> list[tuple[str, int]]:
    """How many people reached at least each stage, from people found to referrals.

    A funnel: each stage implies the ones before it (a chat means you reached them), so no
    stage counts more people than the one above it. Companies are counted apart.
    """
    known = {c.id for c in contacts}
    by_kind: dict[str, set[int]] = defaultdict(set)
    for t in touches:
        by_kind[t.kind].add(t.contact_id)
    referred = by_kind["referral"] | {c.contact_id for c in chat_records if c.referral_offered}
    chatted = set().union(*(by_kind[k] for k in CHAT_KINDS))
    chatted |= {c.contact_id for c in chat_records if c.scheduled_for or c.held_at}
    chatted |= referred
    replied = set().union(*(by_kind[k] for k in ANSWER_KINDS)) | chatted
    messaged = set().union(*(by_kind[k] for k in OUTREACH_KINDS)) | replied
    stages: tuple[Set[int | None], ...] = (known, messaged, replied, chatted, referred)
    return [(name, len(ids & known)) for name, ids in zip(FUNNEL, stages, strict=True)]


def week_of(day: dt.date) -> dt.date:
    """The Monday that starts a day's week."""
    return day - dt.timedelta(days=day.weekday())


def weekly_activity(
    touches: Sequence[Touch], today: dt.date, weeks: int = 12
) -> list[tuple[dt.date, str, int]]:
    """(week start, touch kind, count) from the first week with activity (at most `weeks` back)
    to this week, every week between present; nothing before anything was logged."""
    days = [t.happened_at.date() for t in touches if t.happened_at.date() <= today]
    if not days:
        return []
    first = max(week_of(min(days)), week_of(today) - dt.timedelta(weeks=weeks - 1))
    counts = Counter(
        (week_of(t.happened_at.date()), t.kind)
        for t in touches
        if first <= t.happened_at.date() <= today
    )
    kinds = sorted({kind for _, kind in counts}) or ["message"]
    starts = [first + dt.timedelta(weeks=n) for n in range((week_of(today) - first).days // 7 + 1)]
    return [(week, kind, counts[(week, kind)]) for week in starts for kind in kinds]


# Older logs name no channel: the touch kind says as much as is known.
KIND_LABELS = {"connection-request": "LinkedIn request", "message": "Message"}


def channel_label(channel: str) -> str:
    """The name a person reads for a channel key (or, in older logs, a touch kind)."""
    known = CHANNEL_LABELS.get(channel) or KIND_LABELS.get(channel)  # the one vocabulary
    return known or channel.replace("-", " ").replace("_", " ").capitalize()


@dataclass(frozen=True)
class ChannelRate:
    """Replies to first messages sent through one channel."""

    channel: str
    sent: int
    replied: int

    @property
    def rate(self) -> float:
        """Share of people who answered, 0 when nothing was sent."""
        return self.replied / self.sent if self.sent else 0.0

    @property
    def label(self) -> str:
        """The channel's name with the counts its rate rests on: 'Email: 1 of 2'."""
        return f"{channel_label(self.channel)}: {self.replied} of {self.sent}"


def _channel_of(touch: Touch) -> str:
    """The channel a first message went through; older logs without one fall back to the kind."""
    return touch.channel or touch.kind


def reply_rates(touches: Sequence[Touch]) -> list[ChannelRate]:
    """Per channel of each person's first message: how many were sent and how many answered."""
    first: dict[int, Touch] = {}
    answered: dict[int, dt.datetime] = {}
    for t in sorted(touches, key=lambda t: t.happened_at):
        if t.kind in OUTREACH_KINDS and t.contact_id not in first:
            first[t.contact_id] = t
        elif t.kind in ANSWER_KINDS:
            answered[t.contact_id] = t.happened_at
    sent: Counter[str] = Counter()
    replied: Counter[str] = Counter()
    for contact_id, touch in first.items():
        channel = _channel_of(touch)
        sent[channel] += 1
        replied[channel] += contact_id in answered and answered[contact_id] >= touch.happened_at
    return [ChannelRate(ch, sent[ch], replied[ch]) for ch in sorted(sent, key=lambda c: -sent[c])]


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: link with every user-supplied part percent-encoded."""
    query = urllib.parse.urlencode({"subject": subject, "body": body}, quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(address.strip(), safe='@')}?{query}"
