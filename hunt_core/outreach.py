"""Outreach: contact states, follow-up dates, the LinkedIn note quota, channels and drafts."""

from __future__ import annotations

import datetime as dt
import string
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hunt_core.errors import InvalidInput
from hunt_core.models import (
    FOLLOW_UP_DAYS,
    Channel,
    CompanyScore,
    Contact,
    Context,
    Criterion,
    Profile,
    Template,
    WeightedSignal,
)
from hunt_core.plugins import Plugins, as_list

# The only placeholders a template may use; anything else is rejected when templates load.
TEMPLATE_VARIABLES = {
    "first_name": "the person's first name",
    "name": "the person's full name",
    "company": "the company's name",
    "role": "the person's role (developer, manager, recruiter)",
    "my_name": "your name from the profile",
    "program": "your bootcamp or program",
    "the_in": "a first-person line about your In at this company",
    "first_sent": "when your first message went out, e.g. 'last Tuesday'",
}


@dataclass(frozen=True)
class Activity:
    """The dates that decide a person's outreach state (from Store.activity)."""

    first_outreach: dt.datetime | None = None
    follow_up: dt.datetime | None = None
    answer: dt.datetime | None = None
    chat_scheduled: dt.datetime | None = None
    chat_held: dt.datetime | None = None
    thank_you: dt.datetime | None = None
    referral: dt.datetime | None = None
    last: dt.datetime | None = None

    @classmethod
    def of(cls, row: Mapping[str, Any] | None) -> Activity:
        """Build from a Store.activity row (None: never touched)."""
        return cls(**row) if row else cls()


def follow_up_on(activity: Activity) -> dt.date | None:
    """When the one follow-up is due: a week after an unanswered first message, else None."""
    if activity.first_outreach is None or activity.answer is not None:
        return None
    if activity.follow_up is not None:
        return None  # one follow-up, then no more nudges
    return activity.first_outreach.date() + dt.timedelta(days=FOLLOW_UP_DAYS)


def state_of(activity: Activity, today: dt.date) -> str:
    """Where outreach with a person stands, from never contacted to thanked."""
    if activity.chat_held is not None:
        thanked = activity.thank_you is not None and activity.thank_you >= activity.chat_held
        return "thanked" if thanked else "chat-held"
    if activity.chat_scheduled is not None:
        return "chat-scheduled"
    if activity.answer is not None:
        return "replied"
    if activity.first_outreach is None:
        return "new"
    if activity.follow_up is not None:
        return "followed-up"
    due = follow_up_on(activity)
    return "follow-up-due" if due is not None and today >= due else "waiting"


def month_start(today: dt.date) -> dt.datetime:
    """Midnight on the first of today's month: LinkedIn counts notes per calendar month."""
    return dt.datetime(today.year, today.month, 1)


def next_month_start(today: dt.date) -> dt.datetime:
    """Midnight on the first of next month."""
    return (month_start(today) + dt.timedelta(days=32)).replace(day=1)


def notes_left(profile: Profile, used: int) -> int | None:
    """Personalised notes left this month, None when the plan has no cap."""
    cap = profile.monthly_notes
    return None if cap is None else max(0, cap - used)


def channels(
    plugins: Plugins, contact: Contact, company: CompanyScore, profile: Profile, context: Context
) -> list[Channel]:
    """Every way to reach this person, warmest available first (channels.best_channel picks)."""
    found = plugins.call(
        "hunt_channels",
        as_list(Channel),
        contact=contact,
        company=company.company,
        profile=profile,
        context=context,
    )
    unique = {c.key: c for _, c in sorted(found, key=lambda pc: (pc[1].warmth, pc[0]))}
    return sorted(unique.values(), key=lambda c: (not c.available, -c.warmth, c.key))


def template_problem(template: Template) -> str | None:
    """Why a template cannot be used, or None."""
    if template.kind not in ("first", "follow-up", "thank-you", "linkedin-note"):
        return f"unknown template kind {template.kind!r}"
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(template.text) if f is not None}
    except ValueError as exc:
        return f"template does not parse: {exc}"
    unknown = sorted(f for f in fields if f not in TEMPLATE_VARIABLES)
    if unknown:
        return f"template uses unknown variable(s): {', '.join(unknown)}"
    return None


def templates(plugins: Plugins) -> dict[str, list[Template]]:
    """Valid templates by kind; third-party plugins' before built-in ones."""
    builtin = {name for name, info in plugins.infos.items() if info.source == "builtin"}
    by_kind: dict[str, list[Template]] = {}
    found = plugins.call("hunt_message_templates", as_list(Template))
    for name, template in sorted(found, key=lambda pt: pt[0] in builtin):
        problem = template_problem(template)
        if problem:
            plugins.report(name, "hunt_message_templates", problem)
            continue
        by_kind.setdefault(template.kind, []).append(template)
    return by_kind


def the_in(score: CompanyScore, criteria: Mapping[str, Criterion]) -> str:
    """The strongest first-person line for a message: an "In" first, else any pitched signal."""
    pitched = [
        s for s in score.signals if s.signal.known and s.signal.points and s.signal.pitch.strip()
    ]
    if not pitched:
        return f"I've been following what {score.company.name} is building"

    def strength(s: WeightedSignal) -> tuple[bool, float, str]:
        is_in = s.signal.criterion in criteria and criteria[s.signal.criterion].is_in
        return (is_in, s.weight * (s.signal.points or 0), s.signal.criterion)

    return max(pitched, key=strength).signal.pitch.strip()


def variables(
    contact: Contact,
    score: CompanyScore,
    profile: Profile,
    criteria: Mapping[str, Criterion],
    first_sent: dt.datetime | None = None,
    today: dt.date | None = None,
) -> dict[str, str]:
    """The values every template may use."""
    return {
        "first_name": contact.first_name,
        "name": contact.name,
        "company": score.company.name,
        "role": contact.role,
        "my_name": profile.name or "a recent bootcamp grad",
        "program": profile.program or "my bootcamp",
        "the_in": the_in(score, criteria),
        "first_sent": _ago(first_sent, today),
    }


def _ago(when: dt.datetime | None, today: dt.date | None) -> str:
    """A friendly phrase for when a message went out."""
    if when is None or today is None:
        return "recently"
    days = (today - when.date()).days
    if days <= 1:
        return "yesterday" if days == 1 else "today"
    return "last week" if days <= 13 else f"{days} days ago"


def draft(
    available: Mapping[str, list[Template]],
    kind: str,
    values: Mapping[str, str],
    limit: int | None = None,
) -> str:
    """Render the first template of a kind; with a limit, the first that fits, else trimmed."""
    options = available.get(kind, [])
    if not options:
        raise InvalidInput(f"no {kind!r} message template is available")
    rendered = [t.text.format_map(values).strip() for t in options]
    if limit is None:
        return rendered[0]
    fitting = [text for text in rendered if len(text) <= limit]
    if fitting:
        return fitting[0]
    return textwrap.shorten(min(rendered, key=len), width=limit, placeholder="…")
