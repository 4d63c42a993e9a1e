"""Guide step 1 from job boards: imported postings feed growth, stack, location and no degree.

This plugin declares no criteria of its own: it scores the ones the stack, growth, location
and no_degree plugins declare, and the host keeps the best known signal per criterion.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from hunt_core.api import Company, Context, Posting, Profile, Signal, hookimpl

from . import _places, _terms

# The criteria this plugin scores, declared by the growth, stack, location and no_degree plugins;
# each is scored only while its plugin is loaded (context.criteria says so).
GROWTH, STACK, LOCATION, NO_DEGREE = "growth", "stack", "location", "no_degree"
# Phrases a posting uses when a bootcamp grad without a CS degree may apply, as written
# after casefolding; plain substring tests keep a long description cheap to scan.
NO_DEGREE_PHRASES = (
    "or equivalent experience",
    "or equivalent practical experience",
    "or equivalent work experience",
    "or equivalent professional experience",
    "no degree required",
    "degree not required",
    "degree is not required",
    "bootcamp",
    "boot camp",
)
_PLACES = re.compile(r";|\||/|\bor\b", re.IGNORECASE)  # "Denver, CO or Remote | Boulder, CO"


@hookimpl
def hunt_score_company(company: Company, profile: Profile, context: Context) -> list[Signal]:
    """Signals for the criteria the company's postings say something about, quoting them."""
    postings = context.postings_by_company.get(company.id or -1)
    if not postings:
        return []
    found = (
        _growth(postings),
        _stack(postings, profile),
        _location(postings, profile),
        _no_degree(postings),
    )
    return [s for s in found if s is not None and s.criterion in context.criteria]


def _evidence(posting: Posting) -> str:
    """Where the verdict came from: the posting's address, else its board and id."""
    return posting.url or f"{posting.source} posting {posting.external_id}"


def _growth(postings: Sequence[Posting]) -> Signal | None:
    """1.0 for an entry-level posting, 0.8 for senior, HR or recruiting postings."""
    entry = [p for p in postings if _terms.ENTRY.search(p.title)]
    if entry:
        titles = _terms.quote([p.title for p in entry])
        return Signal(
            criterion=GROWTH,
            points=1.0,
            reason=f"posting {titles} is entry level",
            evidence=_evidence(entry[0]),
        )
    senior = [p for p in postings if _terms.GROWTH.search(p.title)]
    if senior:
        titles = _terms.quote([p.title for p in senior])
        return Signal(
            criterion=GROWTH,
            points=0.8,
            reason=f"posting {titles} signals growth",
            evidence=_evidence(senior[0]),
        )
    return None


@functools.lru_cache(maxsize=256)
def _hints(families: frozenset[str]) -> tuple[str, ...]:
    """Every spelling of the technologies in these families, casefolded."""
    return tuple(alias for alias, family in _terms.ALIASES.items() if family in families)


def _stack(postings: Sequence[Posting], profile: Profile) -> Signal | None:
    """1.0 when a posting's title, else its description, names a technology you know."""
    mine, exact = _terms.your_stack(tuple(profile.stack))
    hints = _hints(frozenset(mine))
    if not hints:
        return None
    for field in ("title", "description"):  # a title is stronger evidence than a description
        for posting in postings:
            text = getattr(posting, field)
            folded = text.casefold()
            if not any(hint in folded for hint in hints):
                continue
            for term in _terms.TERMS.findall(text):
                family = _terms.ALIASES[term.casefold()]
                if family in mine:
                    return _stack_signal(posting, term, exact.get(term.casefold()), mine[family])
    return None


def _stack_signal(posting: Posting, term: str, same: str | None, kin: str) -> Signal:
    """The stack signal for a posting naming one of your technologies, or a relative of one."""
    like = "" if same else f", like your {kin}"
    return Signal(
        criterion=STACK,
        points=1.0,
        reason=f"posting '{posting.title}' mentions {term}{like}",
        evidence=_evidence(posting),
        pitch=f"I build with {same or kin}, which I see you use",
    )


def _location(postings: Sequence[Posting], profile: Profile) -> Signal | None:
    """1.0 for a remote posting (unless you want on-site) or one in or near a city you want."""
    if profile.remote != "no":
        remote = next((p for p in postings if p.remote), None)
        if remote is not None:
            return Signal(
                criterion=LOCATION,
                points=1.0,
                reason=f"posting '{remote.title}' is remote",
                evidence=_evidence(remote),
            )
    for posting in postings:
        found = _places.nearest(_PLACES.split(posting.location), profile)
        if found is not None and _places.counts(found, profile):
            return Signal(
                criterion=LOCATION,
                points=1.0,
                reason=(
                    f"posting '{posting.title}' is in {found.office}, "
                    f"{_places.where(found, profile)}"
                ),
                evidence=_evidence(posting),
            )
    return None


def _no_degree(postings: Sequence[Posting]) -> Signal | None:
    """1.0 when a posting welcomes equivalent experience or bootcamp grads."""
    for posting in postings:
        text = f"{posting.title}\n{posting.description}".casefold()
        phrase = next((p for p in NO_DEGREE_PHRASES if p in text), None)
        if phrase is not None:
            return Signal(
                criterion=NO_DEGREE,
                points=1.0,
                reason=f"posting '{posting.title}' says \"{phrase}\"",
                evidence=_evidence(posting),
            )
    return None
