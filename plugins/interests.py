"""Guide step 1, an "In": your interests are aligned with the company's."""

from __future__ import annotations

import functools

from hunt_core import industries
from hunt_core.api import Company, Criterion, Profile, Signal, hookimpl

KEY = "interests"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the interests criterion."""
    return [
        Criterion(
            key=KEY,
            label="Shared interests",
            applies_to="company",
            default_weight=1,
            description='An "In": your interests are very aligned.',
            guide_step=1,
            is_in=True,
        )
    ]


@functools.lru_cache(maxsize=8192)  # pure in two short strings that recur across companies
def _match(mine: str, theirs: str) -> tuple[int, str] | None:
    """(rank, why) when two interests agree: the same words first, then the same field."""
    if industries.same_words(mine, theirs):
        return 0, ""
    field = industries.shared_field(mine, theirs)
    return None if field is None else (1, f" (both {field})")


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """1.0 when the company works on something you care about, in your words or others."""
    if not profile.interests:
        return Signal(
            criterion=KEY, points=None, reason="unknown: add your interests to your profile"
        )
    if not company.interests:
        return Signal(
            criterion=KEY,
            points=None,
            reason=(
                f"unknown: check what {company.name} works on (its mission, customers, industry)"
            ),
        )
    found = [
        (hit, i, j, mine, theirs)
        for i, mine in enumerate(profile.interests)
        for j, theirs in enumerate(company.interests)
        if (hit := _match(mine, theirs)) is not None
    ]
    if found:
        (_, why), _, _, mine, theirs = min(found)
        if mine.casefold().split() == theirs.casefold().split():
            # Read aloud, "your agriculture" and "interested in agriculture, so your work on
            # agriculture" repeat themselves: name the interest once.
            reason = f"{company.name} works on {theirs}, one of your interests"
            pitch = f"I'm interested in {mine}, so your work stood out to me"
        else:
            reason = f"{company.name} works on {theirs}, which matches your {mine}{why}"
            pitch = f"I'm interested in {mine}, so your work on {theirs} stood out to me"
        return Signal(
            criterion=KEY, points=1.0, reason=reason, evidence="company.interests", pitch=pitch
        )
    return Signal(
        criterion=KEY,
        points=0.0,
        reason=f"{company.name} works on {', '.join(company.interests)}, not your "
        f"{', '.join(profile.interests)}",
        evidence="company.interests",
    )
