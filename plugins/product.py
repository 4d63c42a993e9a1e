"""Guide step 1, an "In": you use or love the company's product."""

from __future__ import annotations

from hunt_core.api import Company, Criterion, Signal, hookimpl, possessive

KEY = "product"


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the product criterion."""
    return [
        Criterion(
            key=KEY,
            label="You use their product",
            applies_to="company",
            default_weight=1,
            description='An "In": you use/love their product.',
            guide_step=1,
            is_in=True,
        )
    ]


@hookimpl
def hunt_score_company(company: Company) -> Signal:
    """1.0 when you use the company's product, 0.0 when you don't."""
    if company.uses_product == "yes":
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"you use {possessive(company.name)} product",
            evidence="company.uses_product",
            pitch="I've been using your product",
        )
    if company.uses_product == "no":
        return Signal(
            criterion=KEY,
            points=0.0,
            reason=f"you don't use {possessive(company.name)} product",
            evidence="company.uses_product",
        )
    return Signal(
        criterion=KEY,
        points=None,
        reason=(
            f"unknown: try {possessive(company.name)} product, or note whether you already use it"
        ),
    )
