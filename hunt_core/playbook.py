"""The guide as state: progress per step and the single next step, with the queue behind it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from hunt_core import outreach
from hunt_core.channels import can_send
from hunt_core.models import (
    CORE_ROLES,
    PEOPLE_MAX,
    PEOPLE_MIN,
    TARGET_COMPANIES,
    CompanyScore,
    Progress,
    Step,
)
from hunt_core.snapshot import Snapshot
from hunt_core.wording import plural

STEP_TITLES = {
    1: "Target companies",
    2: "People to message",
    3: "How to reach out",
    4: "What to say",
    5: "Follow up",
    6: "Chats and thank-yous",
}
PER_KIND = 5  # how many steps of one kind the queue lists, so a big hunt stays readable
CHAT_IN_DAYS = 2  # when a "schedule a chat" step suggests meeting: soon, while the reply is warm
# Keys of the steps that build the pipeline while everything else waits on other people.
MEANWHILE_KEYS = ("more-people:", "second:", "another-company", "check:")


def _when(day: dt.date, today: dt.date) -> str:
    """A date as people say it: today, tomorrow, a weekday this week, else the date."""
    delta = (day - today).days
    if 1 < delta < 7:
        return f"{day:%A}, {day.isoformat()}"
    return {0: "today", 1: "tomorrow", -1: "yesterday"}.get(delta, day.isoformat())


def _either(words: list[str]) -> str:
    """'developer, manager or recruiter'."""
    return " or ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else words[0]


def _comments(s: Snapshot) -> Iterator[Step]:
    for c in s.comments:
        who = c.author or "Your instructor"
        yield Step(
            f"comment:{c.id}", 1, f"Your instructor commented on {c.company or 'your list'}",
            f"{who}: {c.text}", "comment", c.company, None, c.company_id,
        )  # fmt: skip


def _thank_yous(s: Snapshot) -> Iterator[Step]:
    for c in s.longest_in("chat-held", lambda a: a.chat_held):
        company = s.company_by_id[c.company_id].name
        yield Step(
            f"thank-you:{c.id}", 6, f"Send {c.name} at {company} a thank-you for the chat",
            "The guide: make sure to send a thank you! It keeps the door open for a referral.",
            "thank-you", company, c.name, c.company_id, c.id,
        )  # fmt: skip


def _record_chats(s: Snapshot) -> Iterator[Step]:
    for chat in s.chats:
        contact = s.contacts_by_id.get(chat.contact_id)
        if contact is None or chat.held_at is not None or chat.scheduled_for is None:
            continue
        if chat.scheduled_for.date() >= s.today or s.state(contact) != "chat-scheduled":
            continue
        company = s.company_by_id[contact.company_id].name
        yield Step(
            f"record-chat:{contact.id}", 6,
            f"Write down how your chat with {contact.name} at {company} went",
            f"It was {_when(chat.scheduled_for.date(), s.today)}: note what you learned and "
            "whether they offered a referral while it is fresh, then mark it held.",
            "record-chat", company, contact.name, contact.company_id, contact.id,
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


def _schedule_chats(s: Snapshot) -> Iterator[Step]:
    for c in s.longest_in("replied", lambda a: a.answer):
        company = s.company_by_id[c.company_id].name
        yield Step(
            f"schedule-chat:{c.id}", 6, f"{c.name} at {company} replied: schedule a chat",
            f"Suggest a short call or coffee to hear what working at {company} is like, at a "
            "time that suits them, and put the date in Hunt.",
            "schedule-chat", company, c.name, c.company_id, c.id,
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
    people = s.context.contacts_by_company.get(company_id, ())
    roles = Counter(c.role for c in people)
    return len(people), [r for r in CORE_ROLES if not roles[r]]


def _short_of_people(s: Snapshot, scores: Iterable[CompanyScore], prefix: str) -> Iterator[Step]:
    for score in scores:
        company = score.company
        count, missing = role_gaps(s, company.id or -1)
        if count >= PEOPLE_MIN and not missing:
            continue
        lacking = f"no {_either(missing)}" if missing else f"only {count}"
        yield Step(
            f"{prefix}:{company.id}", 2,
            f"Find people at {company.name} ({count} so far, {lacking})",
            "Collect 1-2 developers, 1-2 managers or leads and 1-2 recruiters: 3-6 people. "
            "Quantity over quality, but shared schools or connections first.",
            "find-people", company.name, None, company.id,
        )  # fmt: skip


def _find_people(s: Snapshot) -> Iterator[Step]:
    """People at the top companies: the guide's step 2 comes before any message."""
    return _short_of_people(s, s.company_scores[:TARGET_COMPANIES], "find-people")


def _more_people(s: Snapshot) -> Iterator[Step]:
    """People at the companies below the top five, while replies are awaited."""
    return _short_of_people(s, s.company_scores[TARGET_COMPANIES:], "more-people")


def _second_people(s: Snapshot) -> Iterator[Step]:
    for score in s.company_scores:
        company = score.company
        people = s.context.contacts_by_company.get(company.id or -1, ())
        if len(people) >= PEOPLE_MAX:
            continue
        roles = Counter(c.role for c in people)
        for role in CORE_ROLES:
            if roles[role] == 1:
                yield Step(
                    f"second:{company.id}:{role}", 2, f"Add a second {role} at {company.name}",
                    f"The guide asks for 1-2 people in each role; with one {role}, a second one "
                    "doubles your chance of a reply.",
                    "find-people", company.name, None, company.id,
                )  # fmt: skip


def _add_companies(s: Snapshot) -> Iterator[Step]:
    have = len(s.companies)
    if have < TARGET_COMPANIES:
        yield Step(
            "add-company", 1, f"Add a target company ({have}/{TARGET_COMPANIES})",
            "Shoot for 5 companies that hire developers like you, are growing, that your "
            "peers have not heard of, and where you have an In. With 5, one quiet company "
            "never stalls your hunt.",
            "add-company",
        )  # fmt: skip


def _another_company(s: Snapshot) -> Iterator[Step]:
    """Always one more target to suggest, described by the guide's criteria and the profile."""
    stack = "/".join(s.profile.stack) or "your stack's"
    places = [*s.profile.locations] or ([s.profile.home] if s.profile.home else [])
    where = " or ".join(places[:2])
    if s.profile.remote in ("yes", "hybrid"):
        where = f"{where} or remote" if where else "remote"
    near = f" ({where})" if where else ""
    yield Step(
        "another-company", 1,
        f"Add target company number {len(s.companies) + 1}: one that hires {stack} "
        f"developers{near}",
        "The guide's criteria: it uses your stack, hires where you want to work, is growing or "
        "hiring juniors, has hired grads like you, your peers have not heard of it, and you "
        "have an In (a shared interest, you use its product, or you know someone there).",
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


Source = Callable[[Snapshot], Iterator[Step]]
# The guide's order and urgency: what is time-sensitive first, then the next build-up step in
# the guide's order (five companies, their people, then messages), then what builds the
# pipeline while replies are awaited; _another_company always has a step, so the card is never
# empty.
ORDER: tuple[Source, ...] = (
    _profile,
    _comments,
    _thank_yous,
    _record_chats,
    _chat_preps,
    _schedule_chats,
    _follow_ups,
    _add_companies,
    _find_people,
    _messages,
    _find_channels,
    _more_people,
    _second_people,
    _another_company,
    _unknowns,
)


def waiting_note(s: Snapshot) -> str:
    """What the hunt is waiting on: the next follow-up due, else the next chat, else nothing."""
    due = sorted(
        (
            (day, c)
            for c in s.contacts
            if s.state(c) == "waiting" and (day := outreach.follow_up_on(s.activity_of(c)))
        ),
        key=lambda dc: (dc[0], dc[1].name.casefold(), dc[1].id or 0),
    )
    if due:
        day, person = due[0]
        company = s.company_by_id[person.company_id].name
        replies = plural(len(due), "reply", "replies")
        return (
            f"You are waiting on {replies}; the next follow-up ({person.name} at {company}) "
            f"is due {_when(day, s.today)}."
        )
    chats = sorted(
        (chat.scheduled_for, chat.contact_id)
        for chat in s.chats
        if chat.held_at is None and chat.scheduled_for and chat.scheduled_for.date() >= s.today
    )
    if chats:
        when, contact_id = chats[0]
        person = s.contacts_by_id[contact_id]
        return f"Your chat with {person.name} is {_when(when.date(), s.today)}."
    return "Every step of the guide is done for now."


def _meanwhile(step: Step, s: Snapshot) -> Step:
    """A pipeline step as the one thing to do: say first what the hunt is waiting on."""
    if not step.key.startswith(MEANWHILE_KEYS):
        return step
    return dataclasses.replace(step, why=f"{waiting_note(s)} Meanwhile: {step.why}")


def _steps(s: Snapshot, snoozed: set[str] | frozenset[str]) -> Iterator[Step]:
    """Every step, in order, snoozed ones left out."""
    return (step for source in ORDER for step in source(s) if step.key not in snoozed)


def queue(s: Snapshot, snoozed: set[str] | frozenset[str] = frozenset()) -> list[Step]:
    """Every step worth doing now in order, at most PER_KIND of each kind, snoozed ones left out.

    Never empty: when every step is snoozed, the next target company is suggested anyway.
    """
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
    if not out:
        out = list(_another_company(s))
    return [_meanwhile(out[0], s), *out[1:]]


def next_step(s: Snapshot, snoozed: set[str] | frozenset[str] = frozenset()) -> Step:
    """The one thing to do now, never None (when all is snoozed: the next company to add).

    Lazy: later sources (e.g. contact ranking) are only computed when earlier ones are empty.
    """
    step = next(_steps(s, snoozed), None) or next(_another_company(s))
    return _meanwhile(step, s)


def is_step(s: Snapshot, key: str) -> bool:
    """True when key names a step of this hunt now (snoozed or not)."""
    return any(step.key == key for step in _steps(s, frozenset()))


def progress(s: Snapshot) -> list[Progress]:
    """How far each of the guide's six steps has come; an empty step says what is missing."""
    n_companies = len(s.companies)
    company_lines, full = [], 0
    for score in s.company_scores:
        count, missing = role_gaps(s, score.company.id or -1)
        ok = PEOPLE_MIN <= count <= PEOPLE_MAX and not missing
        full += ok
        gap = f", no {', no '.join(missing)}" if missing else ""
        company_lines.append(f"{score.company.name}: {plural(count, 'person', 'people')}{gap}")
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
    targets = min(n_companies, TARGET_COMPANIES)
    listed = (f"{n_companies} on your list; the top {TARGET_COMPANIES} by score are your targets",)
    first = (f"{unknown} criteria still unknown",) if unknown else ()
    nobody = "No people yet"
    return [
        Progress(1, STEP_TITLES[1], targets, TARGET_COMPANIES,
                 f"{targets} / {TARGET_COMPANIES} target companies",
                 (listed if n_companies > TARGET_COMPANIES else ()) + first),
        Progress(2, STEP_TITLES[2], full, n_companies,
                 f"{full} / {plural(n_companies, 'company', 'companies')} with 3-6 people and "
                 "every role" if n_companies else "No companies yet",
                 tuple(company_lines)),
        Progress(3, STEP_TITLES[3], reachable, people,
                 f"{reachable} / {plural(people, 'person', 'people')} have a way to reach them"
                 if people else nobody),
        Progress(4, STEP_TITLES[4], messaged, people,
                 f"{messaged} / {plural(people, 'person', 'people')} messaged"
                 if people else nobody),
        Progress(5, STEP_TITLES[5], followed, followed + due,
                 f"{plural(followed, 'follow-up')} sent, {due} due"
                 if messaged else "Nobody messaged yet"),
        Progress(6, STEP_TITLES[6], states["thanked"], held,
                 f"{plural(held, 'chat')} held, {states['thanked']} thanked, "
                 f"{plural(referrals, 'referral')}" if held else "No chats held yet"),
    ]  # fmt: skip
