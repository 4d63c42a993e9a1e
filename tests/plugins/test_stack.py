"""The stack criterion: aliases, postings, unknown when nothing is known."""

from __future__ import annotations

from hunt_core.builtin_plugins import stack
from hunt_core.models import Company, Profile, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view


def test_exact_match_quotes_the_stack_and_pitches(profile: Profile) -> None:
    signal = stack.hunt_score_company(view(Company("Acme", stack=["Go", "C#"])), view(profile))
    assert signal.points == 1.0
    assert signal.reason == "stack lists C#, which you know"
    assert signal.evidence == "company.stack"
    assert "C#" in signal.pitch


def test_aliases_match_case_insensitively(profile: Profile) -> None:
    for theirs in ("dotnet", "ASP.NET Core", "csharp", ".net 8", "C#/.NET", "Blazor"):
        signal = stack.hunt_score_company(view(Company("Acme", stack=[theirs])), view(profile))
        assert signal.points == 1.0, theirs
        assert theirs in signal.reason


def test_alias_reason_names_the_profile_term() -> None:
    mine = Profile(stack=["dotnet"])
    signal = stack.hunt_score_company(view(Company("Acme", stack=["C#"])), view(mine))
    assert signal.reason == "stack lists C#, which matches your dotnet"


def test_other_stacks_match_their_own_aliases() -> None:
    mine = Profile(stack=["JavaScript", "Elm"])
    assert stack.hunt_score_company(view(Company("A", stack=["JS"])), view(mine)).points == 1.0
    assert stack.hunt_score_company(view(Company("A", stack=["elm"])), view(mine)).points == 1.0
    assert stack.hunt_score_company(view(Company("A", stack=["Java"])), view(mine)).points == 0.0


def test_open_role_titles_count(profile: Profile) -> None:
    signal = stack.hunt_score_company(
        view(Company("Acme", open_roles=["Senior C# Engineer"])), view(profile)
    )
    assert signal.points == 1.0
    assert signal.reason == "posting 'Senior C# Engineer' names C#, which you know"
    assert signal.evidence == "company.open_roles"


def test_known_stack_without_overlap_is_a_no(profile: Profile) -> None:
    signal = stack.hunt_score_company(view(Company("Acme", stack=["Ruby", "Go"])), view(profile))
    assert signal.points == 0.0
    assert "Ruby, Go" in signal.reason and ".NET" in signal.reason
    assert signal.pitch == ""
    titles = stack.hunt_score_company(
        view(Company("A", open_roles=["Senior Java Engineer"])), view(profile)
    )
    assert titles.points == 0.0 and "Java" in titles.reason


def test_ambiguous_words_in_titles_say_nothing(profile: Profile) -> None:
    company = Company("Acme", open_roles=["Go-to-market Lead", "Spring Intern"])
    assert stack.hunt_score_company(view(company), view(profile)).points is None


def test_nothing_known_is_unknown(profile: Profile) -> None:
    signal = stack.hunt_score_company(
        view(Company("Acme", open_roles=["Account Executive"])), view(profile)
    )
    assert signal.points is None
    assert signal.reason.startswith("unknown: check Acme's job postings or engineering blog")
    assert (
        stack.hunt_score_company(view(Company("A", stack=["C#"])), view(Profile(stack=[]))).points
        is None
    )


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("stack")
    assert plugins.criteria["stack"].default_weight == 3
    assert plugins.criteria["stack"].applies_to == "company"
    assert not plugins.criteria["stack"].is_in
    got = plugins.call(
        "hunt_score_company",
        as_list(Signal),
        company=view(Company("Acme", stack=[".NET"])),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("stack", 1.0)]
