"""The guide as state: progress per step and the single next step, with the queue behind it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from hunt_core import outreach
from hunt_core.channels import can_send
from hunt_core.models import CORE_ROLES, PEOPLE_MAX, PEOPLE_MIN, TARGET_COMPANIES, Progress, Step
from hunt_core.snapshot import Snapshot

STEP_TITLES = {
    1: "Target companies",
    2: "People to message",
    3: "How to reach out",
    4: "What to say",
    5: "Follow up",
    6: "Chats and thank-yous",
}
PER_KIND = 5  # how many steps of one kind the queue lists, so a big hunt stays readable


def _when(day: dt.date, today: dt.date) -> str:
    """A date as people say it."""
    delta = (day - today).days
    return {0: "today", 1: "tomorrow", -1: "yesterday"}.get(delta, day.isoformat())


def _comments(s: Snapshot) -> Iterator[Step]:
    for c in s.comments:
        who = c.author or "Your instructor"
        yield Step(
            f"comment:{c.id}", 1, f"Your instructor commented on {c.company or 'your list'}",
            f"{who}: {c.text}", "comment", c.company, None, c.company_id,
        )  # fmt: skip


def _thank_yous(s: Snapshot) -> Iterator[Step]:
    for c in s.contacts:
        if s.state(c) == "chat-held":
            company = s.company_by_id[c.company_id].name
            yield Step(
                f"thank-you:{c.id}", 6, f"Send {c.name} at {company} a thank-you for the chat",
                "The guide: make sure to send a thank you! It keeps the door open for a referral.",
                "thank-you", company, c.name, c.company_id, c.id,
            )  # fmt: skip


def _chat_preps(s: Snapshot) -> Iterator[Step]:
    for chat in s.chats:
        contact = s.contacts_by_id.get(chat.contact_id)
        if contact is None or chat.held_at is not None or chat.questions:
            continue
        if chat.scheduled_for is None or chat.scheduled_for.date() < s.today:
            continue
        company = s.company_by_id[contact.company_id].name
        when = _when(chat.scheduled_for.date(), s.today)
        yield Step(
            f"prep:{contact.id}", 6,
            f"Prepare questions for your chat with {contact.name} at {company} ({when})",
            "Compile questions specific to the role and company, and keep the focus on "
            "learning about the company, not on finding a job.",
            "prep-chat", company, contact.name, contact.company_id, contact.id,
        )  # fmt: skip


def _follow_ups(s: Snapshot) -> Iterator[Step]:
    due = []
    for c in s.contacts:
        if s.state(c) == "follow-up-due":
            due.append((outreach.follow_up_on(s.activity_of(c)), c))
    for day, c in sorted(due, key=lambda dc: (dc[0], dc[1].name)):
        company = s.company_by_id[c.company_id].name
        yield Step(
            f"follow-up:{c.id}", 5, f"Follow up with {c.name} at {company}",
            f"No reply a week after your first message (due {day}). People are busy or miss "
            "messages; one follow-up helps.",
            "follow-up", company, c.name, c.company_id, c.id,
        )  # fmt: skip


def _messages(s: Snapshot) -> Iterator[Step]:
    for r in s.contact_ranks:
        if r.state != "new" or not can_send(r.channel):
            continue
        yield Step(
            f"message:{r.contact.id}", 4,
            f"Message {r.contact.name} ({r.contact.role}) at {r.company.name} via "
            f"{r.channel.label}",
            f"Top of your reach-out list (priority {r.priority:.0f}): {r.channel.reason}. "
            "Share your excitement and your In, and ask what working there is like.",
            "message", r.company.name, r.contact.name, r.company.id, r.contact.id,
        )  # fmt: skip


def _find_channels(s: Snapshot) -> Iterator[Step]:
    for r in s.contact_ranks:
        if r.state == "new" and not can_send(r.channel):
            yield Step(
                f"find-channel:{r.contact.id}", 3,
                f"Find {r.contact.name}'s email at {r.company.name}",
                f"{r.channel.reason[:1].upper()}{r.channel.reason[1:]}. A shared connection "
                "is warmest; emails get more replies than LinkedIn anyway.",
                "find-channel", r.company.name, r.contact.name, r.company.id, r.contact.id,
            )  # fmt: skip


def role_gaps(s: Snapshot, company_id: int) -> tuple[int, list[str]]:
    """How many people a company has and which core roles it still lacks."""
    people = s.context.contacts_by_company.get(company_id, [])
    roles = Counter(c.role for c in people)
    return len(people), [r for r in CORE_ROLES if not roles[r]]


def _find_people(s: Snapshot) -> Iterator[Step]:
    for score in s.company_scores:
        company = score.company
        count, missing = role_gaps(s, company.id or -1)
        if count >= PEOPLE_MIN and not missing:
            continue
        lacking = f"no {' or '.join(missing)}" if missing else f"only {count}"
        yield Step(
            f"find-people:{company.id}", 2,
            f"Find people at {company.name} ({count} so far, {lacking})",
            "Collect 1-2 developers, 1-2 managers or leads and 1-2 recruiters: 3-6 people. "
            "Quantity over quality, but shared schools or connections first.",
            "find-people", company.name, None, company.id,
        )  # fmt: skip


def _add_companies(s: Snapshot) -> Iterator[Step]:
    have = len(s.companies)
    if have < TARGET_COMPANIES:
        yield Step(
            "add-company", 1, f"Add a target company ({have}/{TARGET_COMPANIES})",
            "Shoot for 5 companies that hire developers like you, are growing, that your "
            "peers have not heard of, and where you have an In.",
            "add-company",
        )  # fmt: skip


def _unknowns(s: Snapshot) -> Iterator[Step]:
    for score in s.company_scores:
        for ws in score.unknown:
            if ws.weight <= 0:
                continue
            hint = ws.signal.reason.removeprefix("unknown:").strip()
            yield Step(
                f"check:{score.company.id}:{ws.signal.criterion}", 1,
                f"{score.company.name}: {hint}",
                f"'{ws.label}' is unknown for {score.company.name}, so its score could be "
                f"anywhere in {score.span} ({score.coverage}); knowing it narrows that.",
                "check-criterion", score.company.name, None, score.company.id,
            )  # fmt: skip


def _profile(s: Snapshot) -> Iterator[Step]:
    missing = s.profile.missing()
    if missing:
        yield Step(
            "profile", 1, f"Fill in your profile: {', '.join(missing)}",
            "The criteria compare companies with your stack, home and program; without "
            "them they can only answer 'unknown'.",
            "profile",
        )  # fmt: skip


# The guide's order and urgency: what is time-sensitive first, then the next build-up step.
ORDER = (
    _profile,
    _comments,
    _thank_yous,
    _chat_preps,
    _follow_ups,
    _messages,
    _find_channels,
    _find_people,
    _add_companies,
    _unknowns,
)


def queue(s: Snapshot, snoozed: set[str] | frozenset[str] = frozenset()) -> list[Step]:
    """Every step worth doing now in order, at most PER_KIND of each kind, snoozed ones left out."""
    out: list[Step] = []
    for source in ORDER:
        taken = 0
        for step in source(s):
            if step.key in snoozed:
                continue
            out.append(step)
            taken += 1
            if taken == PER_KIND:
                break
    return out


def next_step(s: Snapshot, snoozed: set[str] | frozenset[str] = frozenset()) -> Step | None:
    """The one thing to do now (None only when every step is snoozed or nothing is left).

    Lazy: later sources (e.g. contact ranking) are only computed when earlier ones are empty.
    """
    steps = (step for source in ORDER for step in source(s) if step.key not in snoozed)
    return next(steps, None)


def progress(s: Snapshot) -> list[Progress]:
    """How far each of the guide's six steps has come."""
    n_companies = len(s.companies)
    company_lines, full = [], 0
    for score in s.company_scores:
        count, missing = role_gaps(s, score.company.id or -1)
        ok = PEOPLE_MIN <= count <= PEOPLE_MAX and not missing
        full += ok
        gap = f", no {', no '.join(missing)}" if missing else ""
        company_lines.append(f"{score.company.name}: {count} people{gap}")
    states = Counter(s.state(c) for c in s.contacts)
    people = len(s.contacts)
    reachable = sum(1 for r in s.contact_ranks if can_send(r.channel) or r.state != "new")
    messaged = people - states["new"]
    due = states["follow-up-due"]
    # Done, not due: follow-ups sent against those sent plus those waiting to be sent.
    followed = sum(1 for a in s.activity.values() if a.follow_up is not None)
    held = states["chat-held"] + states["thanked"]
    referrals = sum(1 for a in s.activity.values() if a.referral is not None)
    unknown = sum(len(sc.unknown) for sc in s.company_scores)
    return [
        Progress(1, STEP_TITLES[1], min(n_companies, TARGET_COMPANIES), TARGET_COMPANIES,
                 f"{n_companies}/{TARGET_COMPANIES} target companies",
                 (f"{unknown} criteria still unknown",) if unknown else ()),
        Progress(2, STEP_TITLES[2], full, max(n_companies, 1),
                 f"{full}/{n_companies} companies with 3-6 people and every role",
                 tuple(company_lines)),
        Progress(3, STEP_TITLES[3], reachable, people,
                 f"{reachable}/{people} people have a way to reach them"),
        Progress(4, STEP_TITLES[4], messaged, people, f"{messaged}/{people} people messaged"),
        Progress(5, STEP_TITLES[5], followed, followed + due,
                 f"{followed} follow-up{'s' if followed != 1 else ''} sent, {due} due"),
        Progress(6, STEP_TITLES[6], states["thanked"], held,
                 f"{held} chats held, {states['thanked']} thanked, {referrals} referrals"),
    ]  # fmt: skip
