"""The one vocabulary of ways to reach a person: keys, human labels, touches, and the pick."""

from __future__ import annotations

from collections.abc import Sequence

from hunt_core import views
from hunt_core.models import Channel, Contact

# The host passes its stored records; plugins hold read-only views of the same people.
Person = Contact | views.Contact

SLACK = "slack"
FRIEND = "friend"
INTRO = "intro"
ALUMNI_DIRECTORY = "alumni-directory"
EMAIL = "email"
LINKEDIN_MESSAGE = "linkedin-message"
LINKEDIN_NOTE = "linkedin-note"
FIND_EMAIL = "find-email"

# Warmest first, as the guide's step 3 lists them; pages, CLI and insights show these labels.
CHANNEL_LABELS: dict[str, str] = {
    SLACK: "Alumni Slack",
    FRIEND: "Friend",
    INTRO: "Friend's intro",
    ALUMNI_DIRECTORY: "Alumni directory",
    EMAIL: "Email",
    LINKEDIN_MESSAGE: "LinkedIn message",
    LINKEDIN_NOTE: "LinkedIn note",
    FIND_EMAIL: "Find their email",
    "linkedin": "LinkedIn request without a note",  # only in logs from before it was dropped
}
# The touch a first message through each channel is logged as (models.TouchKind).
TOUCH_FOR_CHANNEL: dict[str, str] = {
    SLACK: "slack",
    EMAIL: "email",
    LINKEDIN_NOTE: "connection-request",
    "linkedin": "connection-request",  # logs from before the bare request was dropped
    LINKEDIN_MESSAGE: "message",
    FRIEND: "message",
    INTRO: "message",
    ALUMNI_DIRECTORY: "message",
}
FIND_EMAIL_WARMTH = 0.0  # a step before any message, so it never beats a real channel


def label(key: str) -> str:
    """The human label of a channel key; an unknown (third-party) key reads as itself."""
    return CHANNEL_LABELS.get(key, key)


def touch_kind_for(channel: str) -> str:
    """The touch kind that records a first message sent through a channel."""
    return TOUCH_FOR_CHANNEL.get(channel, "message")


def can_send(channel: Channel | None) -> bool:
    """True for a channel a message can go through now (not "find their email first")."""
    return channel is not None and channel.available and channel.key != FIND_EMAIL


def email_hint(contact: Person) -> str:
    """Where to look for this person's email, as the guide lists the places."""
    if contact.github.strip():
        return f"check their GitHub profile ({contact.github.strip()}) for an email"
    if contact.website.strip():
        return f"check their personal site ({contact.website.strip()}) for an email"
    return (
        f"search for {contact.name}: a personal site, a GitHub profile or the contact info "
        "on their LinkedIn may list an email"
    )


def find_email(contact: Person, blocked: Sequence[Channel] = ()) -> Channel:
    """The "find their email first" step, saying why the channels that exist cannot be used."""
    why = "".join([f"{c.reason}; " for c in blocked if not c.available]) if blocked else ""
    reason = f"{why}find their email first: {email_hint(contact)}"
    return Channel(
        key=FIND_EMAIL, label=CHANNEL_LABELS[FIND_EMAIL], warmth=FIND_EMAIL_WARMTH, reason=reason
    )


def best_channel(options: Sequence[Channel], contact: Person) -> Channel:
    """The warmest channel usable now, else "find their email first" (never nothing)."""
    for channel in options:  # runs for every person in a ranking: can_send, spelled out
        if channel.available and channel.key != FIND_EMAIL:
            return channel
    return find_email(contact, options)
