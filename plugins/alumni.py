"""Guide step 1: the company has hired grads of your program before."""

from __future__ import annotations

from hunt_core.api import Company, Context, Criterion, Profile, Signal, hookimpl, name_key

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
def hunt_score_company(company: Company, profile: Profile, context: Context) -> Signal:
    """More points the more grads of your program the company has hired (3 or more: 1.0).

    What you entered wins; else the program's alumni placements table, else unknown.
    """
    program = profile.program.strip()
    grads = f"{program} grads" if program else "grads of your program"
    hired = company.alumni_hired
    if hired is None:
        placed = _placed(company, program, context)
        if placed:
            return placed
        where = f"the {program} alumni Slack" if program else "your program's alumni Slack"
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: check {where} or LinkedIn for {grads} at {company.name}",
        )
    if hired == 0:
        return Signal(
            criterion=KEY,
            points=0.0,
            reason=f"{company.name} hasn't hired any {grads} yet, as far as you know",
            evidence="company.alumni_hired",
        )
    grad = (f"{program} grad" if program else "grad of your program") if hired == 1 else grads
    return Signal(
        criterion=KEY,
        points=_POINTS.get(hired, 1.0),
        reason=f"{company.name} has hired {hired} {grad}",
        evidence="company.alumni_hired",
        pitch=f"I know you've hired {grads} before" if program else "",
    )


def _placed(company: Company, program: str, context: Context) -> Signal | None:
    """A verdict from the alumni placements table, None when it lists none there."""
    key = name_key(company.name)
    placed = context.placements.get(key, 0)
    if not placed or not program:
        return None
    first, last = context.placement_years.get(key, (0, 0))
    years = f"{first}" if first == last else f"{first}-{last}"
    grads = f"{program} grad was" if placed == 1 else f"{program} grads were"
    return Signal(
        criterion=KEY,
        points=_POINTS.get(placed, 1.0),
        reason=f"{placed} {grads} placed at {company.name} ({years})",
        evidence="alumni placements",
        pitch=f"I know you've hired {program} grads before",
    )
