"""The knows-someone criterion: the company field, a friend among its contacts, a connection."""

from __future__ import annotations

import datetime as dt

import pytest

from hunt_core.builtin_plugins import knows_someone
from hunt_core.models import Company, Connection, Contact, Context, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view

TODAY = dt.date(2026, 11, 26)


def _with(*contacts: Contact) -> Context:
    return Context(today=TODAY, contacts_by_company={7: tuple(view(c) for c in contacts)})


def test_field_names_them(context: Context) -> None:
    signal = knows_someone.hunt_score_company(
        view(Company("Acme", knows_someone="Sam Lee")), context
    )
    assert (signal.points, signal.reason) == (1.0, "you know Sam Lee at Acme")
    assert signal.pitch == "I know Sam Lee, who works with you"
    assert signal.evidence == "company.knows_someone"


def test_friend_contact_names_them() -> None:
    context = _with(Contact(7, "Jo Park", friend=True), Contact(7, "Kim Stranger"))
    signal = knows_someone.hunt_score_company(view(Company("Acme", id=7)), context)
    assert (signal.points, signal.reason) == (1.0, "you know Jo Park at Acme")
    assert signal.pitch == "my friend Jo Park works with you"


def test_both_are_named_once() -> None:
    context = _with(Contact(7, "Sam Lee", friend=True), Contact(7, "Jo Park", friend=True))
    signal = knows_someone.hunt_score_company(
        view(Company("Acme", id=7, knows_someone="Sam Lee")), context
    )
    assert signal.reason == "you know Sam Lee and Jo Park at Acme"


def test_nobody_is_unknown_never_no() -> None:
    signal = knows_someone.hunt_score_company(view(Company("Acme", id=7)), _with(Contact(7, "Kim")))
    assert signal.points is None
    assert signal.reason == "unknown: check your LinkedIn connections for people at Acme"


def test_adding_someone_never_lowers_points(context: Context) -> None:
    before = knows_someone.hunt_score_company(view(Company("Acme")), context).points
    after = knows_someone.hunt_score_company(
        view(Company("Acme", knows_someone="Sam")), context
    ).points
    assert before is None and after == 1.0


def test_registers_and_scores_through_the_host(only, profile) -> None:
    plugins = only("knows_someone")
    assert plugins.criteria["knows_someone"].default_weight == 2
    assert plugins.criteria["knows_someone"].is_in
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", id=7)),
        profile=view(profile),
        context=_with(Contact(7, "Jo Park", friend=True)),
    )
    assert [(name, s.points) for name, s in got] == [("knows_someone", 1.0)]


# -- LinkedIn connections at the company ---------------------------------------------------


def _connected(*connections: Connection, contacts: tuple[Contact, ...] = ()) -> Context:
    return Context(
        today=TODAY,
        contacts_by_company={7: tuple(view(c) for c in contacts)},
        connections_by_company={7: tuple(view(c) for c in connections)},
    )


SAM = Connection("u/sam", "Sam", "Lee", position="Senior Engineer", company_id=7)
JO = Connection("u/jo", "Jo", "Park", position="Recruiter", company_id=7)


def test_a_connection_is_the_in_naming_them() -> None:
    signal = knows_someone.hunt_score_company(view(Company("Acme", id=7)), _connected(SAM))
    assert signal.points == knows_someone.CONNECTION_POINTS == 0.8
    assert signal.reason == "you're connected to Sam Lee (Senior Engineer) at Acme on LinkedIn"
    assert signal.pitch == "I'm connected on LinkedIn with Sam Lee, who works with you"
    assert signal.evidence == "linkedin.connections"


def test_many_connections_name_a_few() -> None:
    more = [Connection(f"u/{i}", f"P{i}", "Q", company_id=7) for i in range(3)]
    signal = knows_someone.hunt_score_company(
        view(Company("Acme", id=7)), _connected(SAM, JO, *more)
    )
    assert signal.reason == (
        "you're connected to Sam Lee (Senior Engineer), Jo Park (Recruiter), P0 Q and 2 more "
        "at Acme on LinkedIn"
    )


def test_someone_you_know_leads_and_connections_are_added() -> None:
    context = _connected(SAM, JO, contacts=(Contact(7, "Kim Ng", friend=True),))
    signal = knows_someone.hunt_score_company(
        view(Company("Acme", id=7, knows_someone="Sam Lee")), context
    )
    assert signal.points == 1.0
    assert signal.reason == (
        "you know Sam Lee and Kim Ng at Acme; you're also connected to Jo Park (Recruiter) "
        "on LinkedIn"
    )
    assert signal.pitch == "my friend Kim Ng works with you"


def test_connections_at_another_company_do_not_count() -> None:
    signal = knows_someone.hunt_score_company(view(Company("Globex", id=8)), _connected(SAM))
    assert signal.points is None


@pytest.mark.parametrize(
    "company",
    [Company("Acme", id=7), Company("Acme", id=7, knows_someone="Kim Ng")],
)
@pytest.mark.parametrize("contacts", [(), (Contact(7, "Jo Park", friend=True),)])
def test_adding_a_connection_never_lowers_the_points(
    company: Company, contacts: tuple[Contact, ...]
) -> None:
    before = knows_someone.hunt_score_company(view(company), _connected(contacts=contacts)).points
    after = knows_someone.hunt_score_company(
        view(company), _connected(SAM, contacts=contacts)
    ).points
    assert after is not None
    assert before is None or after >= before


def test_the_pitch_leaves_out_private_notes_in_brackets(context: Context) -> None:
    neighbor = Company("Acme", knows_someone="Sam Patel (my neighbor, in finance)")
    assert knows_someone.hunt_score_company(view(neighbor), context).pitch == (
        "I know Sam Patel, who works with you"
    )
    cousin = Company("Acme", knows_someone="my cousin Dana (operations)")
    assert knows_someone.hunt_score_company(view(cousin), context).pitch == (
        "my cousin Dana works with you"
    )


def test_the_pitch_says_how_you_know_them_after_who_they_are(context: Context) -> None:
    # Read aloud: "I know Chris from my old restaurant job, who works with you" says the job
    # works with them.
    old_job = Company("Acme", knows_someone="Chris from my old restaurant job (customer support)")
    assert knows_someone.hunt_score_company(view(old_job), context).pitch == (
        "I know Chris, who works with you, from my old restaurant job"
    )
