"""The Hunt plugin contract: every hook a plugin may implement, typed and documented.

Plugins implement hooks with ``from hunt_core.api import hookimpl``; every type named here is
in ``hunt_core.api`` (companies, people and the profile arrive as read-only views). An
implementation may accept any subset of a hook's arguments. A hook returns data, never UI. A
plugin that raises or returns the wrong type is reported and skipped; the other plugins still
run.
"""

from __future__ import annotations

from pluggy import HookimplMarker, HookspecMarker

from hunt_core.models import Channel, Context, Criterion, Signal, Template
from hunt_core.views import Company, Contact, Profile

PROJECT = "hunt"
hookspec = HookspecMarker(PROJECT)
hookimpl = HookimplMarker(PROJECT)


@hookspec
def hunt_criteria() -> list[Criterion]:
    """Declare the criteria this plugin scores; the host validates and records who supplied each.

    A criterion key must be unique across plugins; a duplicate is reported and ignored.
    """


@hookspec
def hunt_score_company(
    company: Company, profile: Profile, context: Context
) -> Signal | list[Signal] | None:
    """Score a target company against company criteria.

    :param company: the company to judge; its fields may be empty (unknown).
    :param profile: the job seeker's profile.
    :param context: what the host knows beyond this company (today, its contacts, peers).
    :return: one Signal or a list, each naming a declared company criterion. Use
        ``points=None`` with a reason "unknown: check ..." when there is no data: unknown
        counts at the criterion's prior, neither yes nor no.
    """


@hookspec
def hunt_score_contact(
    contact: Contact,
    company: Company,
    profile: Profile,
    context: Context,
    channels: list[Channel],
) -> Signal | list[Signal] | None:
    """Score a person at a company against contact criteria (who to reach first).

    :param contact: the person to judge.
    :param company: the company they work at.
    :param profile: the job seeker's profile.
    :param context: the host's context; ``contacts_by_company`` and ``states`` tell who else
        at the company has been reached, and this person's own state.
    :param channels: every way to reach this person that the ``hunt_channels`` hooks offered,
        warmest available first (computed once by the host; take it only if you need it).
    :return: one Signal or a list, each naming a declared contact criterion.
    """


@hookspec
def hunt_channels(
    contact: Contact, company: Company, profile: Profile, context: Context
) -> list[Channel] | None:
    """Suggest ways to reach a person; the host picks the warmest available one.

    :param contact: the person to reach.
    :param company: the company they work at.
    :param profile: the job seeker's profile (program, colleges, LinkedIn plan).
    :param context: the host's context; ``notes_left`` is how many personalised LinkedIn
        notes remain this month (None: no cap).
    :return: Channel options with warmth in [0, 1]; mark one ``available=False`` to explain
        why it cannot be used right now.
    """


@hookspec
def hunt_message_templates() -> list[Template]:
    """Offer message templates; placeholders must come from ``outreach.TEMPLATE_VARIABLES``.

    Templates from third-party plugins are tried before built-in ones of the same kind.
    """


@hookspec
def hunt_chat_questions(contact: Contact, company: Company, profile: Profile) -> list[str]:
    """Offer questions for a coffee chat with this person, specific to role and company.

    :param contact: the person you will talk to (their role shapes the questions).
    :param company: their company.
    :param profile: the job seeker's profile.
    :return: questions to ask; the host removes duplicates and keeps plugin order.
    """
