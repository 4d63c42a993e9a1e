"""Guide step 1: the company has hired grads of your program before."""

from __future__ import annotations

from hunt_core import Criterion, Signal, hookimpl
from hunt_core.models import Company, Profile

KEY = "alumni"
_POINTS = {0: 0.0, 1: 0.8, 2: 0.9}


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the alumni criterion."""
    return [
        Criterion(
            key=KEY,
            label="Hired grads of your program",
            applies_to="company",
            default_weight=2,
            description="Has hired Turing grads (grads of your program) in the past.",
            guide_step=1,
        )
    ]


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """More points the more grads of your program the company has hired (3 or more: 1.0)."""
    program = profile.program.strip()
    grads = f"{program} grads" if program else "grads of your program"
    hired = company.alumni_hired
    if hired is None:
        where = f"the {program} alumni Slack" if program else "your program's alumni Slack"
        return Signal(
            KEY, None, f"unknown: check {where} or LinkedIn for {grads} at {company.name}"
        )
    if hired == 0:
        return Signal(
            KEY,
            0.0,
            f"{company.name} hasn't hired any {grads} yet, as far as you know",
            evidence="company.alumni_hired",
        )
    grad = (f"{program} grad" if program else "grad of your program") if hired == 1 else grads
    return Signal(
        KEY,
        _POINTS.get(hired, 1.0),
        f"{company.name} has hired {hired} {grad}",
        evidence="company.alumni_hired",
        pitch=f"I know you've hired {grads} before" if program else "",
    )
