"""Guide step 3: ways to reach a person, warmest first (Slack, intro, email, then LinkedIn)."""

from __future__ import annotations

from hunt_core import Channel, Criterion, Signal, hookimpl
from hunt_core.models import Contact, Context, Profile

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


def _channels(contact: Contact, profile: Profile, context: Context) -> list[Channel]:
    """Every way to reach this person, in the guide's order (warmest first)."""
    found: list[Channel] = []
    name = contact.first_name
    school = contact.coding_school.strip()
    if school and _fold(school) == _fold(profile.program):
        found.append(
            Channel(
                "slack",
                "Alumni Slack",
                1.0,
                f"{name} is a fellow {school} grad: message them on the alumni Slack",
            )
        )
    if contact.friend:
        found.append(Channel("intro", "Friend", 1.0, f"message your friend {name} directly"))
    elif contact.mutual.strip():
        mutual = contact.mutual.strip()
        found.append(
            Channel("intro", f"Intro via {mutual}", 1.0, f"ask {mutual} for an intro to {name}")
        )
    college = contact.college.strip()
    if college and _fold(college) in {_fold(c) for c in profile.colleges}:
        found.append(
            Channel(
                "alumni-directory",
                "Alumni directory",
                0.9,
                f"look {name} up in the {college} alumni directory",
            )
        )
    if contact.email.strip():
        source = contact.email_source.strip()
        where = f" (found on {source})" if source else ""
        found.append(
            Channel(
                "email",
                "Email",
                0.7,
                f"email {contact.email.strip()}{where}: emails get more replies than LinkedIn",
            )
        )
    if contact.linkedin.strip():
        left = context.notes_left
        spent = left is not None and left <= 0
        if spent:
            note = "this month's personalised notes are spent: find their email instead"
        elif left is None:
            note = f"send a connection request with a note (up to {profile.note_limit} characters)"
        else:
            note = (
                f"{left} of your personalised notes left this month "
                f"(up to {profile.note_limit} characters)"
            )
        found.append(
            Channel("linkedin-note", "LinkedIn request with a note", 0.4, note, available=not spent)
        )
        found.append(
            Channel(
                "linkedin",
                "LinkedIn request",
                0.2,
                "send a connection request without a note",
            )
        )
    return found


@hookimpl
def hunt_channels(contact: Contact, profile: Profile, context: Context) -> list[Channel]:
    """Ways to reach this person, warmest first; a spent LinkedIn quota is shown, unavailable."""
    return _channels(contact, profile, context)


@hookimpl
def hunt_score_contact(contact: Contact, profile: Profile, context: Context) -> Signal:
    """Points are the warmth of the warmest channel you can use right now."""
    usable = [c for c in _channels(contact, profile, context) if c.available]
    if usable:
        best = max(usable, key=lambda c: c.warmth)
        return Signal(KEY, best.warmth, best.reason, evidence=f"channel {best.key}")
    if contact.github.strip():
        hint = f"check their GitHub profile ({contact.github.strip()}) for an email"
    elif contact.website.strip():
        hint = f"check their personal site ({contact.website.strip()}) for an email"
    else:
        hint = "find their email (personal site, GitHub, LinkedIn) or LinkedIn profile"
    return Signal(KEY, None, f"unknown: {hint}")
