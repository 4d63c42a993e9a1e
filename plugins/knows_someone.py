"""Guide step 1, an "In": you know someone who works there (even not in tech)."""

from __future__ import annotations

from hunt_core import Criterion, Signal, hookimpl
from hunt_core.models import Company, Context

KEY = "knows_someone"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the knows-someone criterion."""
    return [
        Criterion(
            key=KEY,
            label="You know someone there",
            applies_to="company",
            default_weight=2,
            description='An "In": you know someone who works there (even not in tech).',
            guide_step=1,
            is_in=True,
        )
    ]


@hookimpl
def hunt_score_company(company: Company, context: Context) -> Signal:
    """1.0 when you know someone at the company, naming them; never a 'no'."""
    known = [n.strip() for n in company.knows_someone.split(";") if n.strip()]
    friends = [
        c.name
        for c in context.contacts_by_company.get(company.id, [])
        if c.friend and not any(c.name.casefold() in n.casefold() for n in known)
    ]
    names = known + friends
    if not names:
        return Signal(
            KEY,
            None,
            f"unknown: check your LinkedIn connections for people at {company.name}",
        )
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    pitch = (
        f"my friend {friends[0]} works with you"
        if friends
        else f"I know {names[0]}, who works with you"
    )
    return Signal(
        KEY,
        1.0,
        f"you know {who} at {company.name}",
        evidence="company.knows_someone" if known else "contacts.friend",
        pitch=pitch,
    )
