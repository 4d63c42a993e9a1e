"""Outreach: contact states, follow-up dates, the LinkedIn note quota, channels and drafts."""

from __future__ import annotations

import datetime as dt
import re
import string
import textwrap
from collections.abc import Mapping, Sequence

from hunt_core import drafts, views
from hunt_core.errors import InvalidInput
from hunt_core.models import (
    DRAFT_KINDS,
    FOLLOW_UP_DAYS,
    Activity,
    Channel,
    Context,
    Profile,
    Template,
)
from hunt_core.plugins import Plugins, as_list

# The only placeholders a template may use; anything else is rejected when templates load.
# docs/plugins.md documents each (a test checks), and every one renders for every person.
TEMPLATE_VARIABLES = {
    "first_name": "the person's first name",
    "name": "the person's full name",
    "company": "the company's name (shortened in a tight LinkedIn note)",
    "role": "the person's role (developer, manager, recruiter, other)",
    "my_name": "your name from the profile (your first name in a tight note)",
    "program": "your bootcamp or program (its short name in a tight note)",
    "the_in": "your In with this person as a capitalised clause without a full stop, e.g. "
    "'We're connected on LinkedIn' or 'I'm a fellow Turing grad'",
    "greeting": "'Hi Jo,'",
    "intro": "who you are, one sentence ('I'm Ana, a fellow Turing grad.'); may be empty",
    "opener": "the sentences before the ask: who introduced you, your In with this person, "
    "why this company",
    "ask": "the ask, shaped by the person's role: 'Would you be open to sharing what it's "
    "like to work there ...?'",
    "sign_off": "'Thank you!' and your name, on two lines",
    "first_sent": "when your first message went out, read after it: 'last week', "
    "'on Tuesday', 'a few weeks ago'",
    "first_channel": "what your first message went through: 'email', 'Slack message', "
    "'LinkedIn note'",
    "chat_line": "a sentence from your chat notes (their first line), else a short generic one",
    "referral_line": "thanks for the referral they offered, else empty",
    "mutual": "the mutual connection who can introduce you (empty when none)",
    "mutual_first_name": "their first name",
    "intro_ask": "the request to the mutual connection: who to introduce and why this company",
    "blurb": "a short first-person note about you the mutual connection can forward",
}


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


# Why a follow-up draft would be wrong, by outreach state ("I'm following up ... in case it got
# buried" to someone who never got a message, or who answered): what to do instead.
NO_FOLLOW_UP = {
    "new": "has had no first message yet: a follow-up comes after one",
    "replied": "has already replied: schedule a chat instead of following up",
    "chat-scheduled": "has a chat scheduled with you: prepare for it instead of following up",
    "chat-held": "has had a chat with you: send a thank-you instead of a follow-up",
    "thanked": "has had a chat with you and your thank-you: no follow-up is needed",
}


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


def channels_each(
    plugins: Plugins,
    people: Sequence[tuple[views.Contact, views.Company]],
    profile: views.Profile,
    context: Context,
) -> list[list[Channel]]:
    """Every way to reach each (person, their company), warmest available first, in order.

    channels.best_channel picks from them. The hooks get read-only views, so no plugin can
    change what the next one sees.
    """
    found = plugins.call_each(
        "hunt_channels",
        as_list(Channel),
        people,
        ("contact", "company"),
        profile=profile,
        context=context,
    )
    return [_warmest_per_key(each) for each in found]


def _warmest_per_key(found: Sequence[tuple[str, Channel]]) -> list[Channel]:
    """One channel per key, the warmest (then the last plugin by name), whatever the call order."""
    if len(found) == 1:  # the usual case: one plugin offered one way
        return [found[0][1]]
    held: dict[str, tuple[float, str, Channel]] = {}
    for plugin, channel in found:
        kept = held.get(channel.key)
        if kept is None or (channel.warmth, plugin) >= kept[:2]:
            held[channel.key] = (channel.warmth, plugin, channel)
    return sorted((c for _, _, c in held.values()), key=_warmest_first)


def _warmest_first(channel: Channel) -> tuple[bool, float, str]:
    """The order channels are offered in: usable now, then warmest, then by key."""
    return (not channel.available, -channel.warmth, channel.key)


def template_problem(template: Template) -> str | None:
    """Why a template cannot be used, or None."""
    if template.kind not in DRAFT_KINDS:
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


def variables(facts: drafts.Facts) -> list[dict[str, str]]:
    """The values every template may use, at each brevity level, longest first."""
    return [drafts.parts(facts, level) for level in range(drafts.LEVELS)]


def render(template: Template, values: Mapping[str, str]) -> str:
    """A template filled in, with the gaps that empty parts leave tidied away."""
    text = template.text.format_map(values)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def draft(
    available: Mapping[str, list[Template]],
    kind: str,
    levels: Sequence[Mapping[str, str]],
    limit: int | None = None,
) -> str:
    """The first template of a kind; with a limit, the first template and level that fits.

    When nothing fits, the In is cut short (visibly, with an ellipsis) so the ask stays whole.
    """
    options = available.get(kind, [])
    if not options:
        raise InvalidInput(f"no {kind!r} message template is available")
    if limit is None:
        return render(options[0], levels[0])
    for template in options:
        for values in levels:
            text = render(template, values)
            if len(text) <= limit:
                return text
    values = dict(levels[-1])
    template = options[-1]
    for key in ("opener", "the_in", "intro", "greeting"):
        over = len(render(template, values)) - limit
        if over <= 0:
            break
        if values.get(key):
            width = len(values[key]) - over
            values[key] = textwrap.shorten(values[key], width, placeholder="…") if width > 1 else ""
    return textwrap.shorten(render(template, values), width=limit, placeholder="…")
