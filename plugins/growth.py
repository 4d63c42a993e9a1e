"""Guide step 1: the company is hiring for growth-oriented or entry-level roles right now."""

from __future__ import annotations

import re

from hunt_core import Criterion, Signal, hookimpl
from hunt_core.models import Company
from hunt_core.wording import possessive

KEY = "growth"
ENTRY = re.compile(
    r"\b(?:junior|jr|entry[- ]level|entry|apprentice(?:ship)?|new[- ]grad(?:uate)?|graduate"
    r"|interns?(?:hip)?|trainee|early[- ]career"
    r"|associate(?!\s+(?:director|vice|vp|principal|partner|general|manager))"
    r"|(?:engineer|developer|programmer)\s+(?:i|1)(?![\w-]))\b",
    re.IGNORECASE,
)
GROWTH = re.compile(
    r"\b(?:senior|sr|staff|principal|lead|head of|director|vp|vice president"
    r"|engineering manager|recruit(?:er|ing|ment)|talent|hr|hrbp|human resources"
    r"|people (?:ops|operations|partner))\b",
    re.IGNORECASE,
)


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


def quote(titles: list[str]) -> str:
    """'A' or 'A' (and 2 more)."""
    more = f" (and {len(titles) - 1} more)" if len(titles) > 1 else ""
    return f"'{titles[0]}'{more}"


@hookimpl
def hunt_score_company(company: Company) -> Signal:
    """1.0 for an entry-level opening, 0.8 for growth roles, 0.2 when neither is open."""
    roles = [r for r in company.open_roles if r.strip()]
    if not roles:
        where = possessive(company.name)
        return Signal(KEY, None, f"unknown: check {where} careers page for open roles")
    entry = [r for r in roles if ENTRY.search(r)]
    growth = [r for r in roles if r not in entry and GROWTH.search(r)]
    if entry and growth:
        return Signal(
            KEY,
            1.0,
            f"posting {quote(entry)} is entry level, and {quote(growth)} signals growth",
            evidence="company.open_roles",
        )
    if entry:
        return Signal(
            KEY, 1.0, f"posting {quote(entry)} is entry level", evidence="company.open_roles"
        )
    if growth:
        return Signal(
            KEY, 0.8, f"posting {quote(growth)} signals growth", evidence="company.open_roles"
        )
    return Signal(
        KEY,
        0.2,
        f"none of the {len(roles)} open roles ({', '.join(roles[:3])}) is entry level "
        "or signals growth",
        evidence="company.open_roles",
    )
