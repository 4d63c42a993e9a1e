"""Guide step 1, an "In": you know someone who works there (even not in tech)."""

from __future__ import annotations

from hunt_core.api import (
    Company,
    Connection,
    Context,
    Criterion,
    Signal,
    and_list,
    hookimpl,
    spoken,
)

KEY = "knows_someone"
# A LinkedIn connection may be someone you never spoke to: a real "In", but a weaker one than a
# person you know, who counts fully.
CONNECTION_POINTS = 0.8
CONNECTIONS_NAMED = 3


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the knows-someone criterion."""
    return [
        Criterion(
            key=KEY,
            label="You know someone there",
            applies_to="company",
            default_weight=2,
            description='An "In": you know someone who works there (even not in tech).',
            guide_step=1,
            is_in=True,
        )
    ]


@hookimpl
def hunt_score_company(company: Company, context: Context) -> Signal:
    """1.0 when you know someone at the company, 0.8 for a LinkedIn connection; never a 'no'."""
    known = [n.strip() for n in company.knows_someone.split(";") if n.strip()]
    friends = [
        c.name
        for c in context.friends_by_company.get(company.id or -1, ())
        if not _named(c.name, known)
    ]
    names = known + friends
    connected = [
        c
        for c in context.connections_by_company.get(company.id or -1, [])
        if not _named(c.name, names)
    ]
    if names:
        return _knows(company, known, friends, connected)
    if connected:
        return Signal(
            criterion=KEY,
            points=CONNECTION_POINTS,
            reason=f"you're connected to {_people(connected)} at {company.name} on LinkedIn",
            evidence="linkedin.connections",
            pitch=f"I'm connected on LinkedIn with {connected[0].name}, who works with you",
        )
    return Signal(
        criterion=KEY,
        points=None,
        reason=f"unknown: check your LinkedIn connections for people at {company.name}",
    )


def _knows(
    company: Company, known: list[str], friends: list[str], connected: list[Connection]
) -> Signal:
    """Someone you know personally, named, with any LinkedIn connections there as well."""
    names = known + friends
    also = f"; you're also connected to {_people(connected)} on LinkedIn" if connected else ""
    # The pitch is for the known person's colleagues: drafts never show it to the person named.
    pitch = f"my friend {friends[0]} works with you" if friends else _pitch(spoken(known[0]))
    return Signal(
        criterion=KEY,
        points=1.0,
        reason=f"you know {and_list(names)} at {company.name}{also}",
        evidence="company.knows_someone" if known else "contacts.friend",
        pitch=pitch,
    )


def _pitch(said: str) -> str:
    """How a message names someone you know: 'I know Sam Lee, who works with you'.

    "Chris from my old job" keeps the clause next to the name ("I know Chris, who works with
    you, from my old job"): after "job" it would say the job works with them.
    """
    if said.casefold().startswith("my "):
        return f"{said} works with you"
    name, since, where = said.partition(" from ")
    if since and name and where:
        return f"I know {name}, who works with you, from {where}"
    return f"I know {said}, who works with you"


def _named(name: str, names: list[str]) -> bool:
    """True when a person is already among the names (as part of one, any case)."""
    return any(name.casefold() in n.casefold() for n in names)


def _people(connections: list[Connection]) -> str:
    """'Sam Lee (Senior Engineer) and Jo Park', a few named and how many more."""
    people = [f"{c.name} ({c.position})" if c.position else c.name for c in connections]
    shown = people[:CONNECTIONS_NAMED]
    if len(people) > len(shown):
        shown.append(f"{len(people) - len(shown)} more")
    return and_list(shown)
