"""Guide step 2: something in common with the person (college, coding school, mutual connection)."""

from __future__ import annotations

from hunt_core.api import Contact, Criterion, Profile, Signal, hookimpl, possessive

KEY = "commonality"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the commonality criterion."""
    return [
        Criterion(
            key=KEY,
            label="Something in common",
            applies_to="contact",
            default_weight=2,
            description=(
                "Something in common: the same college (even briefly), they also went to a "
                "coding school, or a mutual connection."
            ),
            guide_step=2,
        )
    ]


def _fold(text: str) -> str:
    """Case- and space-insensitive form of a name."""
    return " ".join(text.casefold().split())


def _the(college: str) -> str:
    """'the University of Denver', but 'NDSU' and 'Creighton University' as they are."""
    return f"the {college}" if college.casefold().startswith("university of") else college


@hookimpl
def hunt_score_contact(contact: Contact, profile: Profile) -> Signal:
    """1.0 with every reason found: friend, fellow grad, same college, mutual connection."""
    # (pitch rank, reason, evidence, pitch): a fellow grad is the warmest opening line.
    found: list[tuple[int, str, str, str]] = []
    school = contact.coding_school.strip()
    college = contact.college.strip()
    mutual = contact.mutual.strip()
    if contact.friend:
        found.append((9, f"{contact.name} is your friend", "contact.friend", ""))
    if school and _fold(school) == _fold(profile.program):
        found.append(
            (0, f"a fellow {school} grad", "contact.coding_school", f"I'm a fellow {school} grad")
        )
    elif school:
        pitch = "I also came into tech through a coding school"
        found.append(
            (3, f"also went to a coding school ({school})", "contact.coding_school", pitch)
        )
    if college and _fold(college) in {_fold(c) for c in profile.colleges}:
        found.append(
            (
                1,
                f"also went to {college}",
                "contact.college",
                f"I saw we both went to {_the(college)}",
            )
        )
    if mutual:
        found.append(
            (
                2,
                f"mutual connection: {mutual}",
                "contact.mutual",
                f"we're both connected to {mutual}",
            )
        )
    if not found:
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: check {possessive(contact.name)} LinkedIn for a shared college, "
            "coding school or mutual connection",
        )
    return Signal(
        criterion=KEY,
        points=1.0,
        reason="; ".join(reason for _, reason, _, _ in found),
        evidence=", ".join(evidence for _, _, evidence, _ in found),
        pitch=min(found)[3],
    )
