"""Coffee-chat questions: a bank per role plus questions about this company."""

from __future__ import annotations

import pytest

from hunt_core.builtin_plugins import chat_questions
from hunt_core.models import ROLES, Company, Contact, Profile, Role
from tests.plugin_views import view

ACME = Company(
    "Acme",
    stack=["Python", "C#"],
    open_roles=["Junior .NET Developer"],
    interests=["healthcare"],
)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_has_a_bank_of_questions(role: Role, profile: Profile) -> None:
    asks = chat_questions.hunt_chat_questions(
        view(Contact(1, "Sam", role=role)), view(Company("Bo")), view(profile)
    )
    assert 8 <= len(asks) <= 12
    assert len(set(asks)) == len(asks)
    assert all(q.endswith("?") and "{" not in q for q in asks)
    assert any("Bo" in q for q in asks)
    # Learning about the company, not asking for a job.
    assert not any("refer" in q.casefold() or "hire me" in q.casefold() for q in asks)


def test_banks_differ_by_role(profile: Profile) -> None:
    dev = chat_questions.hunt_chat_questions(
        view(Contact(1, "S", role="developer")), view(ACME), view(profile)
    )
    recruiter = chat_questions.hunt_chat_questions(
        view(Contact(1, "S", role="recruiter")), view(ACME), view(profile)
    )
    assert set(dev) != set(recruiter)
    assert any("hiring process" in q for q in recruiter)


def test_company_specific_questions_come_first(profile: Profile) -> None:
    contact = Contact(1, "Sam", role="developer", title="Senior Engineer")
    asks = chat_questions.hunt_chat_questions(view(contact), view(ACME), view(profile))
    assert asks[:4] == [
        "What does a typical week look like in your role as Senior Engineer?",
        "What does a first year look like for a junior on the C# team at Acme?",
        "I saw Acme is hiring for 'Junior .NET Developer': what would that person work on?",
        "What drew you to working on healthcare at Acme?",
    ]


def test_recruiters_hear_about_the_stack_not_the_first_year(profile: Profile) -> None:
    asks = chat_questions.hunt_chat_questions(
        view(Contact(1, "S", role="recruiter")), view(ACME), view(profile)
    )
    assert asks[0] == "How does Acme use C#, and what do the teams build with it?"


def test_registers_through_the_host(only, profile) -> None:
    plugins = only("chat_questions")
    got = plugins.call(
        "hunt_chat_questions",
        lambda value: list(value),
        contact=Contact(1, "Sam", role="manager"),
        company=ACME,
        profile=profile,
    )
    assert got and all(name == "chat_questions" for name, _ in got)
    assert any("lead your team at Acme" in q for _, q in got)
