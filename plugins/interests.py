"""Guide step 1, an "In": your interests are aligned with the company's."""

from __future__ import annotations

from hunt_core import Criterion, Signal, hookimpl
from hunt_core.models import Company, Profile

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


def _overlaps(a: str, b: str) -> bool:
    """Whether two interests match, ignoring case, one inside the other ('health', 'healthcare')."""
    a, b = a.casefold().strip(), b.casefold().strip()
    return bool(a and b) and (a in b or b in a)


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """1.0 when the company works on something you care about."""
    if not profile.interests:
        return Signal(KEY, None, "unknown: add your interests to your profile")
    if not company.interests:
        return Signal(
            KEY,
            None,
            f"unknown: check what {company.name} works on (its mission, customers, industry)",
        )
    for theirs in company.interests:
        for mine in profile.interests:
            if _overlaps(theirs, mine):
                return Signal(
                    KEY,
                    1.0,
                    f"{company.name} works on {theirs}, which you care about",
                    evidence="company.interests",
                    # Not "I care about X too": the reader never said they care about it.
                    pitch=f"I'd love to work on {mine}",
                )
    return Signal(
        KEY,
        0.0,
        f"{company.name} works on {', '.join(company.interests)}, not your "
        f"{', '.join(profile.interests)}",
        evidence="company.interests",
    )
