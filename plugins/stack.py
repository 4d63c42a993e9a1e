"""Guide step 1: the company builds with a stack you know (.NET/C# by default)."""

from __future__ import annotations

from hunt_core.api import Company, Criterion, Profile, Signal, hookimpl, possessive

from ._terms import families, fold, mentions, your_stack

KEY = "stack"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the stack criterion."""
    return [
        Criterion(
            key=KEY,
            label="Stack you know",
            applies_to="company",
            default_weight=3,
            description="A company that hires developers like you: .NET/C# (or your stack).",
            guide_step=1,
        )
    ]


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """1.0 when the company's stack or postings name a technology you know."""
    mine, exact = your_stack(tuple(profile.stack))
    if not mine:
        return Signal(
            criterion=KEY, points=None, reason="unknown: add the languages you know to your profile"
        )
    for item in company.stack:
        hits = sorted(families(item) & mine.keys())
        if hits:
            yours = exact.get(fold(item)) or mine[hits[0]]
            known = "you know" if fold(yours) == fold(item) else f"matches your {yours}"
            return Signal(
                criterion=KEY,
                points=1.0,
                reason=f"stack lists {item}, which {known}",
                evidence="company.stack",
                pitch=f"I build with {yours}, which I see you use",
            )
    for title in company.open_roles:
        for term, family in mentions(title):
            if family in mine:
                return Signal(
                    criterion=KEY,
                    points=1.0,
                    reason=f"posting '{title}' names {term}, which you know",
                    evidence="company.open_roles",
                    pitch=f"I build with {exact.get(fold(term)) or mine[family]}",
                )
    named = list(company.stack) or list(
        dict.fromkeys(term for title in company.open_roles for term, _ in mentions(title))
    )
    if not named:
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: check {possessive(company.name)} job postings or engineering blog "
            "for their stack",
        )
    where = "stack lists" if company.stack else "postings name"
    return Signal(
        criterion=KEY,
        points=0.0,
        reason=f"{where} {', '.join(named[:4])}, none of which you know "
        f"(you listed {', '.join(profile.stack)})",
        evidence="company.stack" if company.stack else "company.open_roles",
    )
