"""Guide step 3: ways to reach a person, warmest first (Slack, intro, email, then LinkedIn)."""

from __future__ import annotations

from hunt_core.api import Channel, Contact, Context, Criterion, Profile, Signal, hookimpl
from hunt_core.channels import (
    ALUMNI_DIRECTORY,
    CHANNEL_LABELS,
    EMAIL,
    FRIEND,
    INTRO,
    LINKEDIN_MESSAGE,
    LINKEDIN_NOTE,
    SLACK,
    best_channel,
    can_send,
)

KEY = "channel_warmth"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the channel-warmth criterion."""
    return [
        Criterion(
            key=KEY,
            label="Warm way to reach them",
            applies_to="contact",
            default_weight=2,
            description=(
                "Use your connection first (alumni Slack, alumni directory, an intro), "
                "then their email, then a LinkedIn connection request with a message."
            ),
            guide_step=3,
        )
    ]


def _fold(text: str) -> str:
    """Case- and space-insensitive form of a name."""
    return " ".join(text.casefold().split())


def _notes(profile: Profile, context: Context) -> str:
    """How many personalised notes are left this month, as the reasons say it."""
    left, cap = context.notes_left, profile.monthly_notes
    if left is None or cap is None:
        return "your plan has no monthly cap on LinkedIn notes"
    return f"{left} of {cap} LinkedIn notes left this month"


def _linkedin(contact: Contact, profile: Profile, context: Context) -> list[Channel]:
    """A message to a connection you already have, else a request with a note while any are left."""
    name = contact.first_name
    if contact.connected or (contact.id is not None and contact.id in context.connected):
        return [
            Channel(
                key=LINKEDIN_MESSAGE,
                label=CHANNEL_LABELS[LINKEDIN_MESSAGE],
                warmth=0.5,
                reason=f"{name} is already a LinkedIn connection: send a message, "
                "no connection request or note needed",
            )
        ]
    if not contact.linkedin.strip():
        return []
    spent = context.notes_left is not None and context.notes_left <= 0
    if spent:
        note = _notes(profile, context)
    else:
        note = (
            f"send a connection request with a note (up to {profile.note_limit} characters): "
            f"{_notes(profile, context)}"
        )
    return [
        Channel(
            key=LINKEDIN_NOTE,
            label=CHANNEL_LABELS[LINKEDIN_NOTE],
            warmth=0.4,
            reason=note,
            available=not spent,
        )
    ]


def _channels(contact: Contact, profile: Profile, context: Context) -> list[Channel]:
    """Every way to reach this person, in the guide's order (warmest first)."""
    found: list[Channel] = []
    name = contact.first_name
    school = contact.coding_school.strip()
    if school and _fold(school) == _fold(profile.program):
        found.append(
            Channel(
                key=SLACK,
                label=CHANNEL_LABELS[SLACK],
                warmth=1.0,
                reason=f"{name} is a fellow {school} grad: message them on the alumni Slack",
            )
        )
    if contact.friend:
        found.append(
            Channel(
                key=FRIEND,
                label=CHANNEL_LABELS[FRIEND],
                warmth=1.0,
                reason=f"message your friend {name} directly",
            )
        )
    elif contact.mutual.strip():
        mutual = contact.mutual.strip()
        found.append(
            Channel(
                key=INTRO,
                label=CHANNEL_LABELS[INTRO],
                warmth=1.0,
                reason=f"ask {mutual} for an intro to {name}",
            )
        )
    college = contact.college.strip()
    if college and _fold(college) in {_fold(c) for c in profile.colleges}:
        found.append(
            Channel(
                key=ALUMNI_DIRECTORY,
                label=CHANNEL_LABELS[ALUMNI_DIRECTORY],
                warmth=0.9,
                reason=f"look {name} up in the {college} alumni directory",
            )
        )
    if contact.email.strip():
        source = contact.email_source.strip()
        where = f" (found on {source})" if source else ""
        found.append(
            Channel(
                key=EMAIL,
                label=CHANNEL_LABELS[EMAIL],
                warmth=0.7,
                reason=(
                    f"email {contact.email.strip()}{where}: emails get more replies than LinkedIn"
                ),
            )
        )
    return found + _linkedin(contact, profile, context)


@hookimpl
def hunt_channels(contact: Contact, profile: Profile, context: Context) -> list[Channel]:
    """Ways to reach this person, warmest first; a spent LinkedIn quota is shown, unavailable."""
    return _channels(contact, profile, context)


@hookimpl
def hunt_score_contact(contact: Contact, channels: list[Channel]) -> Signal:
    """Points are the warmth of the warmest channel you can use right now.

    ``channels`` are the ways every plugin offered, computed once per person by the host.
    """
    best = best_channel(channels, contact)
    if can_send(best):
        return Signal(
            criterion=KEY, points=best.warmth, reason=best.reason, evidence=f"channel {best.key}"
        )
    return Signal(
        criterion=KEY, points=None, reason=f"unknown: {best.reason}", evidence=f"channel {best.key}"
    )
