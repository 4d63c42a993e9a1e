"""The stable JSON shapes of `hunt ... --json`: scripts and instructors rely on them.

Each function is one row's shape in the README's command table (tests/test_cli_shapes.py checks
the keys against it); change both together, and only by adding keys.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hunt_core.cohort import Comment
    from hunt_core.importers.jobboards import JobsSummary
    from hunt_core.models import CompanyScore, ContactRank, Posting, Profile, Progress, Step
    from hunt_core.plugins import PluginInfo, Problem


def company_json(score: CompanyScore) -> dict[str, Any]:
    """`hunt rank companies --json` item."""
    return {
        "company": score.company.name,
        "score": score.score,
        "low": score.low,
        "high": score.high,
        "coverage": {"known": score.known, "total": score.total},
        "signals": [
            {"criterion": s.criterion, "points": s.points, "weight": weight, "reason": s.reason}
            for s, weight, _, _, _ in score.signals  # unpacked: 120,000 in a big ranking
        ],
    }


def contact_json(rank: ContactRank) -> dict[str, Any]:
    """`hunt rank contacts --json` item."""
    return {
        "contact": rank.contact.name,
        "company": rank.company.name,
        "role": rank.contact.role,
        "priority": rank.priority,
        "channel": rank.channel.key,
        "reasons": list(rank.reasons),
    }


def step_json(step: Step) -> dict[str, Any]:
    """Each step of `hunt next --json`."""
    return {
        "step": step.step,
        "action": step.action,
        "why": step.why,
        "company": step.company,
        "contact": step.contact,
    }


def next_json(first: Step, later: Iterable[Step]) -> dict[str, Any]:
    """`hunt next --json`: the step to take now and the queue behind it."""
    return {**step_json(first), "queue": [step_json(s) for s in later]}


def progress_json(progress: Progress) -> dict[str, Any]:
    """`hunt progress --json` item: one guide step's count against its target."""
    return dataclasses.asdict(progress)


def profile_json(profile: Profile) -> dict[str, Any]:
    """`hunt profile show --json`: every profile field."""
    return dataclasses.asdict(profile)


def questions_json(company: str, contact: str, questions: list[str]) -> dict[str, Any]:
    """`hunt chat prep --json`."""
    return {"company": company, "contact": contact, "questions": questions}


def plugin_json(info: PluginInfo, problems: Iterable[Problem]) -> dict[str, Any]:
    """`hunt plugins --json` item (the plugin manager's own description of a plugin)."""
    return info.as_dict(problems)


def comment_json(comment: Comment, new: bool) -> dict[str, Any]:
    """`hunt comments --json` item; new: not read before this command."""
    return {
        "author": comment.author,
        "company": comment.company,
        "text": comment.text,
        "created_at": comment.created_at.isoformat(),
        "new": new,
    }


def jobs_json(company: str, summary: JobsSummary, postings: list[Posting]) -> dict[str, Any]:
    """`hunt import jobs --json`."""
    return {
        "company": company,
        **dataclasses.asdict(summary),
        "postings": [
            {
                "title": p.title,
                "location": p.location,
                "remote": p.remote,
                "url": p.url,
                "posted_at": p.posted_at.isoformat() if p.posted_at else None,
            }
            for p in postings
        ],
    }


def email_json(email: str, source: str) -> dict[str, Any]:
    """`hunt contact find-email --json` item: an address and where it was found."""
    return {"email": email, "source": source}
