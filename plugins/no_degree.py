"""Guide step 1: the company is open to hiring developers without CS degrees."""

from __future__ import annotations

from hunt_core.api import Company, Criterion, Signal, hookimpl, possessive

KEY = "no_degree"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the no-degree criterion."""
    return [
        Criterion(
            key=KEY,
            label="No CS degree needed",
            applies_to="company",
            default_weight=2,
            description="Open to hiring developers without CS degrees.",
            guide_step=1,
        )
    ]


@hookimpl
def hunt_score_company(company: Company) -> Signal:
    """1.0 when the company hires developers without a CS degree, 0.0 when it requires one."""
    if company.hires_no_degree == "yes":
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"{company.name} hires developers without CS degrees",
            evidence="company.hires_no_degree",
        )
    if company.hires_no_degree == "no":
        return Signal(
            criterion=KEY,
            points=0.0,
            reason=f"{company.name} asks for a CS degree",
            evidence="company.hires_no_degree",
        )
    return Signal(
        criterion=KEY,
        points=None,
        reason=f"unknown: check {possessive(company.name)} postings for 'or equivalent experience'",
    )
