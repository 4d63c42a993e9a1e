"""Guide step 1: the company is hiring for growth-oriented or entry-level roles right now."""

from __future__ import annotations

from hunt_core.api import Company, Criterion, Signal, hookimpl, possessive

from ._terms import level, quote

KEY = "growth"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the growth criterion."""
    return [
        Criterion(
            key=KEY,
            label="Hiring for growth or entry level",
            applies_to="company",
            default_weight=2,
            description=(
                "Hiring for growth-oriented roles right now (senior developers, HR), "
                "or for entry-level roles."
            ),
            guide_step=1,
        )
    ]


@hookimpl
def hunt_score_company(company: Company) -> Signal:
    """1.0 for an entry-level opening, 0.8 for growth roles, 0.2 when neither is open."""
    roles = [r for r in company.open_roles if r.strip()]
    if not roles:
        where = possessive(company.name)
        return Signal(
            criterion=KEY, points=None, reason=f"unknown: check {where} careers page for open roles"
        )
    entry = [r for r in roles if level(r) == "entry"]
    growth = [r for r in roles if level(r) == "growth"]
    if entry and growth:
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"posting {quote(entry)} is entry level, and {quote(growth)} signals growth",
            evidence="company.open_roles",
        )
    if entry:
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"posting {quote(entry)} is entry level",
            evidence="company.open_roles",
        )
    if growth:
        return Signal(
            criterion=KEY,
            points=0.8,
            reason=f"posting {quote(growth)} signals growth",
            evidence="company.open_roles",
        )
    return Signal(
        criterion=KEY,
        points=0.2,
        reason=f"none of the {len(roles)} open roles ({', '.join(roles[:3])}) is entry level "
        "or signals growth",
        evidence="company.open_roles",
    )
