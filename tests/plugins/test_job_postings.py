"""Job postings feed growth, stack, location and no degree, each reason quoting the posting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from hunt_core.builtin_plugins import job_postings
from hunt_core.models import Company, Context, Posting, Profile, Signal
from hunt_core.plugins import Plugins
from hunt_core.scoring import Scorer, signal_check
from hunt_core.workspace import Workspace
from tests.plugin_views import view

TODAY = dt.date(2026, 11, 26)
FETCHED = dt.datetime(2026, 11, 26, 9, 0)
PAYLOADS = Path(__file__).parents[1] / "importers" / "payloads"
ACME = Company("Acme Health", id=1)

SCORED = frozenset({"stack", "growth", "location", "no_degree"})


def posting(
    title: str, *, description: str = "", location: str = "", remote: bool | None = None
) -> Posting:
    """An Acme posting from Greenhouse with a URL made from its title."""
    slug = "-".join(title.lower().split())
    return Posting(
        company_id=1,
        source="greenhouse",
        external_id=slug,
        title=title,
        fetched_at=FETCHED,
        location=location,
        remote=remote,
        description=description,
        url=f"https://boards.greenhouse.io/acme/jobs/{slug}",
    )


def signals(profile: Profile, *postings: Posting) -> dict[str, Signal]:
    """The plugin's signals for Acme with these postings, by criterion."""
    context = Context(
        today=TODAY, postings_by_company={1: tuple(view(p) for p in postings)}, criteria=SCORED
    )
    found = job_postings.hunt_score_company(view(ACME), view(profile), context)
    return {s.criterion: s for s in found}


def test_a_company_without_postings_gets_no_signals(profile: Profile) -> None:
    assert job_postings.hunt_score_company(view(ACME), view(profile), Context(today=TODAY)) == []
    assert (
        job_postings.hunt_score_company(view(Company("New")), view(profile), Context(today=TODAY))
        == []
    )


def test_postings_that_say_nothing_give_nothing(profile: Profile) -> None:
    assert signals(profile, posting("Product Designer", location="Tokyo, Japan")) == {}


# -- growth ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Junior Developer (C#/Blazor)",
        "Apprentice Software Engineer",
        "Associate Developer",
        "New Grad Software Engineer",
        "Graduate Developer",
        "Software Engineering Intern",
    ],
)
def test_entry_level_postings(profile: Profile, title: str) -> None:
    signal = signals(profile, posting(title))["growth"]
    assert signal.points == 1.0
    assert signal.reason == f"posting '{title}' is entry level"
    assert signal.evidence == posting(title).url


@pytest.mark.parametrize(
    "title",
    [
        "Senior Software Engineer, .NET",
        "Technical Recruiter",
        "Staff Engineer - Platform (Remote)",
        "HR Business Partner",
        "Talent Acquisition Lead",
    ],
)
def test_growth_postings(profile: Profile, title: str) -> None:
    signal = signals(profile, posting(title))["growth"]
    assert (signal.points, signal.reason) == (0.8, f"posting '{title}' signals growth")


def test_entry_level_beats_growth_and_more_are_counted(profile: Profile) -> None:
    found = signals(
        profile,
        posting("Senior Software Engineer, .NET"),
        posting("Junior Developer (C#/Blazor)"),
        posting("Apprentice Software Engineer"),
    )
    assert found["growth"].reason == (
        "posting 'Junior Developer (C#/Blazor)' (and 1 more) is entry level"
    )


# -- stack -------------------------------------------------------------------------------------


def test_a_title_naming_your_stack(profile: Profile) -> None:
    signal = signals(profile, posting("Senior Software Engineer, .NET"))["stack"]
    assert signal.points == 1.0
    assert signal.reason == "posting 'Senior Software Engineer, .NET' mentions .NET"
    assert signal.evidence == posting("Senior Software Engineer, .NET").url
    assert signal.pitch == "I build with .NET, which I see you use"


def test_a_description_naming_a_relative_of_your_stack(profile: Profile) -> None:
    signal = signals(profile, posting("Backend Engineer", description="APIs in ASP.NET Core"))
    assert signal["stack"].reason == (
        "posting 'Backend Engineer' mentions ASP.NET Core, like your .NET"
    )


def test_a_title_match_beats_a_description_match(profile: Profile) -> None:
    found = signals(
        profile,
        posting("Backend Engineer", description="Our services use C# and Blazor."),
        posting("Junior Developer (C#/Blazor)"),
    )
    assert found["stack"].reason == "posting 'Junior Developer (C#/Blazor)' mentions C#"


def test_a_stack_you_do_not_know_says_nothing(profile: Profile) -> None:
    python = dataclasses.replace(profile, stack=["Python"])
    assert "stack" not in signals(python, posting("Senior Software Engineer, .NET"))
    empty = dataclasses.replace(profile, stack=[])
    assert "stack" not in signals(empty, posting("Senior Software Engineer, .NET"))


def test_words_that_only_contain_a_technology_do_not_count(profile: Profile) -> None:
    python = dataclasses.replace(profile, stack=["JavaScript"])
    assert "stack" not in signals(python, posting("Engineer", description="Adjust the JSON."))


# -- location ----------------------------------------------------------------------------------


def test_a_remote_posting(profile: Profile) -> None:
    signal = signals(profile, posting("Staff Engineer - Platform (Remote)", remote=True))
    assert signal["location"].points == 1.0
    assert signal["location"].reason == "posting 'Staff Engineer - Platform (Remote)' is remote"


def test_a_remote_posting_does_not_count_for_someone_who_wants_on_site(profile: Profile) -> None:
    on_site = dataclasses.replace(profile, remote="no")
    assert "location" not in signals(on_site, posting("Staff Engineer", remote=True))


@pytest.mark.parametrize(
    ("place", "where"),
    [
        ("Denver, CO", "Denver, CO, where you live"),
        (
            "Boulder, Colorado, United States",
            "Boulder, Colorado, United States, which is on your list",
        ),
        ("New York, NY; Boulder, CO", "Boulder, CO, which is on your list"),
        ("Remote or Denver, CO", "Denver, CO, where you live"),
    ],
)
def test_a_posting_in_a_city_you_want(profile: Profile, place: str, where: str) -> None:
    on_site = dataclasses.replace(profile, remote="no")
    signal = signals(on_site, posting("Developer", location=place))["location"]
    assert (signal.points, signal.reason) == (1.0, f"posting 'Developer' is in {where}")


def test_a_posting_in_a_suburb_of_your_city_counts_with_the_distance(profile: Profile) -> None:
    on_site = dataclasses.replace(profile, remote="no")
    signal = signals(on_site, posting("Developer", location="Aurora, CO"))["location"]
    assert signal.points == 1.0
    assert signal.reason.startswith("posting 'Developer' is in Aurora, CO, 13 km from your home")


def test_a_posting_elsewhere_says_nothing(profile: Profile) -> None:
    assert "location" not in signals(profile, posting("Developer", location="Austin, TX"))


# -- no degree ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("BS in Computer Science or equivalent experience", "or equivalent experience"),
        (
            "A degree in CS, or equivalent practical experience.",
            "or equivalent practical experience",
        ),
        ("Graduates of a coding BOOTCAMP are welcome", "bootcamp"),
        ("No degree required.", "no degree required"),
        ("A degree is not required.", "degree is not required"),
    ],
)
def test_no_degree_phrases_are_quoted(profile: Profile, text: str, phrase: str) -> None:
    signal = signals(profile, posting("Developer", description=text))["no_degree"]
    assert (signal.points, signal.reason) == (1.0, f"posting 'Developer' says \"{phrase}\"")


def test_a_degree_requirement_says_nothing(profile: Profile) -> None:
    found = signals(profile, posting("Developer", description="BS in Computer Science required"))
    assert "no_degree" not in found


# -- through the host ---------------------------------------------------------------------------


def context_with(*postings: Posting) -> Context:
    """A context holding Acme's postings."""
    return Context(
        today=TODAY, postings_by_company={1: tuple(view(p) for p in postings)}, criteria=SCORED
    )


def test_the_host_loads_it_without_criteria_and_accepts_its_signals(
    plugins: Plugins, profile: Profile
) -> None:
    info = plugins.infos["job_postings"]
    assert (info.source, info.criteria, info.error) == ("builtin", [], None)
    found = plugins.call_one(
        "job_postings",
        "hunt_score_company",
        signal_check(plugins.criteria, "company"),
        company=ACME,
        profile=profile,
        context=context_with(posting("Junior Developer (C#/Blazor)", remote=True)),
    )
    assert {s.criterion for s in found} == {"growth", "stack", "location"}
    assert not plugins.problems


def test_a_posting_makes_an_unknown_stack_known(plugins: Plugins, profile: Profile) -> None:
    scorer = Scorer(plugins, weights={})
    without = {s.signal.criterion: s for s in scorer.company(ACME, profile, context_with()).signals}
    assert without["stack"].signal.points is None
    junior = posting("Junior Developer (C#/Blazor)", description="Bootcamp grads welcome")
    scored = scorer.company(ACME, profile, context_with(junior))
    by_key = {s.signal.criterion: s for s in scored.signals}
    assert (by_key["stack"].plugin, by_key["stack"].signal.points) == ("job_postings", 1.0)
    assert by_key["stack"].signal.reason == "posting 'Junior Developer (C#/Blazor)' mentions C#"
    assert by_key["growth"].signal.points == 1.0
    assert by_key["no_degree"].signal.reason == (
        "posting 'Junior Developer (C#/Blazor)' says \"bootcamp\""
    )
    assert scored.score > scorer.company(ACME, profile, context_with()).score
    assert not plugins.problems


def test_a_posting_outscores_a_stack_you_do_not_know(plugins: Plugins, profile: Profile) -> None:
    java = dataclasses.replace(ACME, stack=["Java"])
    scorer = Scorer(plugins, weights={})
    [stack] = [
        s
        for s in scorer.company(java, profile, context_with(posting("C# Developer"))).signals
        if s.signal.criterion == "stack"
    ]
    assert (stack.plugin, stack.signal.points) == ("job_postings", 1.0)


def test_imported_postings_show_in_the_ranking_reasons(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme Health"})
    profiled.import_jobs("Acme Health", file=(PAYLOADS / "lever.json").read_bytes())
    [score] = profiled.rank_companies()
    reasons = {s.signal.criterion: s.signal.reason for s in score.signals}
    assert reasons["growth"] == "posting 'Junior Developer (C#/Blazor)' is entry level"
    assert reasons["location"] == "posting 'Staff Engineer - Platform (Remote)' is remote"
    assert reasons["no_degree"] == "posting 'Junior Developer (C#/Blazor)' says \"bootcamp\""
    assert reasons["stack"] == "posting 'Junior Developer (C#/Blazor)' mentions C#"


def test_a_disabled_criterion_is_left_out_not_an_error(profile: Profile) -> None:
    posting = Posting(1, "greenhouse", "9", "Junior C# Developer", dt.datetime(2026, 11, 1))
    context = Context(
        today=TODAY, postings_by_company={1: (view(posting),)}, criteria=frozenset({"growth"})
    )
    signals = job_postings.hunt_score_company(view(ACME), view(profile), context)
    assert [s.criterion for s in signals] == ["growth"]
