"""Guide step 2: reach 1-2 developers, 1-2 managers and 1-2 recruiters at each company."""

from __future__ import annotations

from hunt_core.api import Company, Contact, Context, Criterion, Signal, hookimpl

KEY = "role_gap"
_WHO = {
    "developer": ("developer", "developers"),
    "manager": ("manager or team lead", "managers or team leads"),
    "recruiter": ("recruiter", "recruiters"),
}


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the role-gap criterion."""
    return [
        Criterion(
            key=KEY,
            label="Fills a role gap",
            applies_to="contact",
            default_weight=2,
            description=(
                "Collect 1-2 software developers, 1-2 managers or team leads, "
                "and 1-2 in recruitment or HR at each company."
            ),
            guide_step=2,
        )
    ]


@hookimpl
def hunt_score_contact(contact: Contact, company: Company, context: Context) -> Signal:
    """1.0 when nobody of this person's role at the company has been reached yet.

    Someone you have reached yourself fills the gap: their reason says so instead of "no one
    contacted yet".
    """
    if contact.role not in _WHO:
        return Signal(
            criterion=KEY,
            points=0.2,
            reason=(
                f"{contact.name} isn't a developer, manager or recruiter, "
                "the roles the guide asks for"
            ),
            evidence="contact.role",
        )
    who, many = _WHO[contact.role]
    reached = [
        c.name
        for c in context.contacts_by_company.get(company.id or -1, [])
        if c.role == contact.role
        and c.id != contact.id
        and context.states.get(c.id or -1, "new") != "new"
    ]
    if context.states.get(contact.id or -1, "new") != "new":
        return _reached(contact, company, reached)
    if not reached:
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"no {who} at {company.name} contacted yet",
            evidence="contact.role",
        )
    if len(reached) == 1:
        return Signal(
            criterion=KEY,
            points=0.3,
            reason=f"you've already reached a {who} at {company.name} ({reached[0]}); "
            "the guide asks for 1-2",
            evidence="contact.role",
        )
    return Signal(
        criterion=KEY,
        points=0.1,
        reason=f"you've already reached {len(reached)} {many} at {company.name} "
        f"({', '.join(reached[:3])}); the guide asks for 1-2",
        evidence="contact.role",
    )


def _reached(contact: Contact, company: Company, others: list[str]) -> Signal:
    """The role-gap verdict for a person you are already in touch with."""
    many = _WHO[contact.role][1]
    if len(others) + 1 <= 2:
        return Signal(
            criterion=KEY,
            points=1.0,
            reason=f"{contact.name} is one of the 1-2 {many} the guide asks for at {company.name}, "
            "and you've reached them",
            evidence="contact.role",
        )
    return Signal(
        criterion=KEY,
        points=0.1,
        reason=f"you've reached {len(others) + 1} {many} at {company.name} "
        f"({', '.join([contact.name, *others][:3])}); the guide asks for 1-2",
        evidence="contact.role",
    )
