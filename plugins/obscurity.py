"""Guide step 1: most of your peers have never heard of this company."""

from __future__ import annotations

from hunt_core.api import Company, Context, Criterion, Signal, hookimpl, name_key

KEY = "obscurity"
_POINTS = {0: 1.0, 1: 0.7, 2: 0.4}


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the obscurity criterion."""
    return [
        Criterion(
            key=KEY,
            label="Your peers haven't heard of it",
            applies_to="company",
            default_weight=1,
            description="Most of your friends and peers have never heard of this company.",
            guide_step=1,
        )
    ]


@hookimpl
def hunt_score_company(company: Company, context: Context) -> Signal:
    """Fewer peers targeting the company is better; never says which peers."""
    peers = context.peer_counts.get(name_key(company.name))
    if peers is not None:
        if peers == 0:
            reason = f"none of your peers have {company.name} on their list"
        elif peers == 1:
            reason = f"1 of your peers also has {company.name} on their list"
        else:
            reason = f"{peers} of your peers also have {company.name} on their list"
        return Signal(
            criterion=KEY, points=_POINTS.get(peers, 0.1), reason=reason, evidence="peer lists"
        )
    if company.peers_know == "no":
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"your peers haven't heard of {company.name}, so fewer of them will apply",
            evidence="company.peers_know",
        )
    if company.peers_know == "yes":
        return Signal(
            criterion=KEY,
            points=0.0,
            reason=f"your peers already know {company.name}, so more of them will apply",
            evidence="company.peers_know",
        )
    return Signal(
        criterion=KEY,
        points=None,
        reason=f"unknown: ask a few classmates whether they've heard of {company.name}",
    )
