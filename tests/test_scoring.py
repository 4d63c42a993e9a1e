"""Scoring: weighted, explained, in range, order-independent; unknown is neither yes nor no."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib
import pkgutil
import random
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hunt_core.builtin_plugins
from hunt_core import outreach, views
from hunt_core.api import hookimpl
from hunt_core.models import (
    CORE_ROLES,
    NEUTRAL_PRIOR,
    PEOPLE_MAX,
    PER_ROLE_MAX,
    ROLES,
    Channel,
    Company,
    Contact,
    ContactRank,
    Context,
    Criterion,
    Profile,
    Role,
    Signal,
    YesNo,
)
from hunt_core.plugins import Plugins, get_plugin_manager
from hunt_core.scoring import PersonAt, Scorer, _merge, effective_weights, signal_check
from hunt_core.workspace import Workspace

TODAY = dt.date(2026, 11, 26)
PROFILE = Profile(
    name="Ana", program="Turing", home="Denver, CO", locations=["Denver, CO"], remote="yes",
    interests=["healthcare", "music"], colleges=["University of Denver"],
)  # fmt: skip
CTX = Context(today=TODAY)
words = st.sampled_from(["C#", ".NET", "Java", "Go", "Python", "TypeScript", "Ruby"])
places = st.sampled_from(["Denver, CO", "Boulder, CO", "Fargo, ND", "Austin, TX", "Remote"])
roles = st.sampled_from(["Senior C# Engineer", "Junior Developer", "Recruiter", "Sales Lead"])
tri = st.sampled_from(["yes", "no", "unknown"])

companies = st.builds(
    Company,
    name=st.text(min_size=1, max_size=12),
    id=st.integers(1, 10_000),
    locations=st.lists(places, max_size=3),
    remote=st.sampled_from(["yes", "no", "hybrid", "unknown"]),
    stack=st.lists(words, max_size=3),
    hires_no_degree=tri,
    alumni_hired=st.none() | st.integers(0, 5),
    open_roles=st.lists(roles, max_size=3),
    interests=st.lists(st.sampled_from(["healthcare", "fintech", "music", "games"]), max_size=2),
    uses_product=tri,
    knows_someone=st.sampled_from(["", "Sam Lee"]),
    peers_know=tri,
)
weights = st.dictionaries(
    st.sampled_from(["stack", "location", "alumni", "growth", "knows_someone", "product"]),
    st.floats(0, 10),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _builtins() -> Plugins:
    return get_plugin_manager({}, entrypoints=False, directories=[])


SCORER_PLUGINS = _builtins()


@FAST
@given(company=companies, chosen=weights)
def test_scores_stay_in_range(company: Company, chosen: dict[str, float]) -> None:
    score = Scorer(SCORER_PLUGINS, chosen).company(company, PROFILE, CTX)
    assert 0 <= score.low <= score.score <= score.high <= 100
    assert all(s.signal.points is None or 0 <= s.signal.points <= 1 for s in score.signals)
    assert all(s.signal.reason for s in score.signals)


@FAST
@given(company=companies, chosen=weights, which=st.sampled_from(["product", "knows", "interest"]))
def test_adding_an_in_never_lowers_a_score(company: Company, chosen, which: str) -> None:
    scorer = Scorer(SCORER_PLUGINS, chosen)
    before = scorer.company(company, PROFILE, CTX).score
    changed = {
        "product": dataclasses.replace(company, uses_product="yes"),
        "knows": dataclasses.replace(company, knows_someone="Sam Lee"),
        "interest": dataclasses.replace(company, interests=[*company.interests, "healthcare"]),
    }[which]
    assert scorer.company(changed, PROFILE, CTX).score >= before


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 1000), batch=st.lists(companies, min_size=2, max_size=6))
def test_ranking_does_not_depend_on_plugin_registration_order(seed: int, batch) -> None:
    batch = [dataclasses.replace(c, id=i) for i, c in enumerate(batch, start=1)]
    shuffled = Plugins({})
    names = [m.name for m in pkgutil.iter_modules(hunt_core.builtin_plugins.__path__)]
    random.Random(seed).shuffle(names)
    for name in names:
        module = f"hunt_core.builtin_plugins.{name}"
        shuffled.add(name, "builtin", functools.partial(importlib.import_module, module))
    ranked = [
        [
            (s.company.id, s.score, s.low, s.high, s.known, s.total)
            for s in Scorer(p, {}).companies(batch, PROFILE, CTX)
        ]
        for p in (SCORER_PLUGINS, shuffled)
    ]
    assert ranked[0] == ranked[1]


def test_one_good_thing_known_does_not_beat_nearly_every_criterion_met() -> None:
    # The case: known only for "peers haven't heard of it" must not score 100 and rank
    # above a company that meets nearly every criterion.
    scorer = Scorer(SCORER_PLUGINS, {})
    obscure = Company("Obscure", id=1, peers_know="no")
    strong = Company(
        "Strong", id=2, stack=["C#"], remote="yes", locations=["Denver, CO"],
        hires_no_degree="yes", alumni_hired=2, open_roles=["Junior .NET Developer"],
        interests=["healthcare"], uses_product="yes", peers_know="yes",
    )  # fmt: skip
    ranked = scorer.companies([obscure, strong], PROFILE, CTX)
    assert [s.company.name for s in ranked] == ["Strong", "Obscure"]
    lone = ranked[1]
    assert lone.score < 100 and lone.known == 1 and lone.total > 5
    assert lone.high == 100.0 and lone.low < lone.score  # what it could still turn out to be


def test_unknown_counts_neither_for_nor_against() -> None:
    scorer = Scorer(SCORER_PLUGINS, {})
    answers: list[tuple[str, YesNo]] = [("U", "unknown"), ("Y", "yes"), ("N", "no")]
    unknown, yes, no = (
        scorer.company(Company(n, id=i, stack=["C#"], hires_no_degree=v), PROFILE, CTX)
        for i, (n, v) in enumerate(answers, start=1)
    )
    assert no.score < unknown.score < yes.score  # the twin with "unknown" beats the one with "no"
    assert unknown.known + 1 == yes.known == no.known and unknown.total == yes.total
    assert all(s.signal.reason.startswith("unknown") for s in unknown.unknown)
    assert {s.signal.criterion for s in unknown.unknown} >= {"alumni", "no_degree", "product"}
    assert unknown.coverage == f"{unknown.known} of {unknown.total} criteria known"


def test_weight_zero_criteria_do_not_count_toward_coverage() -> None:
    scorer = Scorer(SCORER_PLUGINS, {"no_degree": 0})
    score = scorer.company(Company("A", id=1), PROFILE, CTX)
    counted = {s.signal.criterion for s in score.signals if s.weight > 0}
    assert "no_degree" not in counted and score.total == len(counted)


# -- the weighing itself, on made-up criteria -------------------------------------------------

KEYS = ("a", "b", "c", "d", "e")
verdicts = st.dictionaries(st.sampled_from(KEYS), st.none() | st.floats(0, 1))
priors = st.dictionaries(st.sampled_from(KEYS), st.floats(0, 1))
some_weights = st.dictionaries(st.sampled_from(KEYS), st.floats(0, 10))


def _declaring(prior_of: dict[str, float]) -> Plugins:
    """A manager whose one plugin declares the company criteria KEYS with the given priors."""

    class Declares:
        @hookimpl
        def hunt_criteria(self) -> list[Criterion]:
            return [
                Criterion(
                    key=k,
                    label=k.upper(),
                    applies_to="company",
                    default_weight=1,
                    description=f"{k} is true",
                    guide_step=1,
                    prior=prior_of.get(k, NEUTRAL_PRIOR),
                )
                for k in KEYS
            ]

    plugins = Plugins({})
    plugins.add("made_up", "directory", Declares)
    return plugins


def _results(verdict: dict[str, float | None]) -> list[tuple[str, Signal]]:
    return [
        (
            "made_up",
            Signal(criterion=k, points=p, reason="unknown: check" if p is None else "judged"),
        )
        for k, p in verdict.items()
    ]


@FAST
@given(verdict=verdicts, prior_of=priors, chosen=some_weights, key=st.sampled_from(KEYS))
def test_learning_yes_never_lowers_and_no_never_raises(verdict, prior_of, chosen, key) -> None:
    scorer = Scorer(_declaring(prior_of), chosen)
    before = scorer.judge(Company("X", id=1), _results({**verdict, key: None}))
    yes = scorer.judge(Company("X", id=1), _results({**verdict, key: 1.0}))
    no = scorer.judge(Company("X", id=1), _results({**verdict, key: 0.0}))
    assert no.score <= before.score <= yes.score
    assert no.low <= before.low <= yes.low and no.high <= before.high <= yes.high


@FAST
@given(verdict=verdicts, prior_of=priors, chosen=some_weights)
def test_the_range_always_contains_the_score(verdict, prior_of, chosen) -> None:
    score = Scorer(_declaring(prior_of), chosen).judge(Company("X", id=1), _results(verdict))
    assert 0 <= score.low <= score.score <= score.high <= 100
    counted = [k for k in KEYS if effective_weights(_declaring({}).criteria, chosen)[k] > 0]
    assert score.total == len(counted)
    assert score.known == sum(1 for k in counted if verdict.get(k) is not None)
    if score.known == score.total:
        assert score.low == score.score == score.high


@FAST
@given(prior=st.floats(0, 1), chosen=some_weights, silent=st.booleans())
def test_a_fully_unknown_company_scores_the_prior(prior: float, chosen, silent: bool) -> None:
    # An explicit unknown signal and no signal at all are the same: unknown, at the prior.
    scorer = Scorer(_declaring(dict.fromkeys(KEYS, prior)), {**chosen, "a": 1})
    score = scorer.judge(Company("X", id=1), [] if silent else _results(dict.fromkeys(KEYS)))
    assert score.score == round(100 * prior, 1)
    assert (score.low, score.high, score.known) == (0.0, 100.0, 0)
    assert score.total == len(score.unknown) == sum(1 for s in score.signals if s.weight > 0)


def test_a_criterion_no_plugin_judged_is_unknown_at_its_prior_with_a_hint() -> None:
    scorer = Scorer(_declaring({"a": 0.2}), {})
    score = scorer.judge(Company("X", id=1), _results({"b": 1.0}))
    silent = next(s for s in score.signals if s.signal.criterion == "a")
    assert (silent.signal.points, silent.prior, silent.plugin) == (None, 0.2, "made_up")
    assert silent.signal.reason.startswith("unknown:") and "a is true" in silent.signal.reason
    assert (score.known, score.total) == (1, 5)
    assert score.score == round(100 * (1.0 + 0.2 + 3 * NEUTRAL_PRIOR) / 5, 1)


@pytest.mark.parametrize("prior", [-0.1, 1.5, float("nan"), True, "high"])
def test_a_prior_outside_zero_to_one_is_refused(prior) -> None:
    plugins = _declaring({"a": prior})
    assert "a" not in plugins.criteria and "b" in plugins.criteria
    # A bad criterion is a problem of a loaded plugin, not a load error.
    [problem] = plugins.problems_of("made_up", "hunt_criteria")
    assert "prior must be a number from 0 to 1" in problem.error


def test_weights_change_the_ranking_and_ties_break_by_name() -> None:
    dotnet = Company("Zeta", id=1, stack=["C#"], remote="no", locations=["Austin, TX"])
    local = Company("Alpha", id=2, stack=["Java"], remote="yes")
    by_stack = Scorer(SCORER_PLUGINS, {"stack": 10, "location": 0})
    assert [s.company.name for s in by_stack.companies([local, dotnet], PROFILE, CTX)] == [
        "Zeta", "Alpha"]  # fmt: skip
    by_place = Scorer(SCORER_PLUGINS, {"stack": 0, "location": 10})
    assert by_place.companies([dotnet, local], PROFILE, CTX)[0].company.name == "Alpha"
    twins = [Company("beta", id=3), Company("Alpha", id=4)]
    assert [s.company.name for s in by_stack.companies(twins, PROFILE, CTX)] == ["Alpha", "beta"]


def test_signals_carry_weight_plugin_and_label() -> None:
    score = Scorer(SCORER_PLUGINS, {"stack": 4}).company(
        Company("A", id=1, stack=["C#"]), PROFILE, CTX
    )
    stack = next(s for s in score.signals if s.signal.criterion == "stack")
    assert (stack.weight, stack.plugin) == (4, "stack") and stack.label
    assert "C#" in stack.signal.reason


def test_merge_prefers_known_then_points_regardless_of_order() -> None:
    a = ("a", Signal(criterion="stack", points=None, reason="unknown: check"))
    b = ("b", Signal(criterion="stack", points=0.4, reason="some"))
    c = ("c", Signal(criterion="stack", points=0.9, reason="more"))
    for order in ([a, b, c], [c, b, a], [b, a, c]):
        assert _merge(order)["stack"] == c


def test_signal_check_rejects_bad_points_and_kinds() -> None:
    criteria = {
        "k": Criterion(
            key="k", label="K", applies_to="company", default_weight=1, description="", guide_step=1
        )
    }
    check = signal_check(criteria, "company")
    assert check(Signal(criterion="k", points=0.5, reason="ok")) == [
        Signal(criterion="k", points=0.5, reason="ok")
    ]
    for bad in (
        Signal(criterion="k", points=True, reason="bool"),
        Signal(criterion="k", points=-0.1, reason="neg"),
        {"k": 1},
    ):
        try:
            check(bad)
        except (TypeError, ValueError):
            continue
        raise AssertionError(f"accepted {bad!r}")
    assert effective_weights(criteria, {}) == {"k": 1.0}


@FAST
@given(
    criterion=st.sampled_from(["k", "other"]),
    points=st.one_of(
        st.none(), st.floats(allow_nan=True), st.integers(-2, 2), st.booleans(), st.text()
    ),
    reason=st.one_of(st.text(max_size=3), st.none()),
)
def test_one_signal_is_judged_as_it_would_be_in_a_list(criterion, points, reason) -> None:
    """A single signal takes a quicker path; it must accept and refuse exactly what a list does."""
    criteria = {
        "k": Criterion(
            key="k", label="K", applies_to="company", default_weight=1, description="", guide_step=1
        )
    }
    check = signal_check(criteria, "company")
    signal = Signal(criterion=criterion, points=points, reason=reason)

    def verdict(value: object) -> object:
        try:
            return check(value)
        except (TypeError, ValueError) as exc:
            return str(exc)

    assert verdict(signal) == verdict([signal])


# -- people: the guide's 3-6, 1-2 per role ---------------------------------------------------

people = st.lists(
    st.tuples(
        st.integers(1, 2),
        st.sampled_from(ROLES),
        st.sampled_from(["new", "new", "waiting", "replied", "chat-held"]),
        st.booleans(),
    ),
    max_size=14,
)


def _rank_people(rows: list[tuple[int, Role, str, bool]]) -> list[ContactRank]:
    """Rank generated people at two companies with the built-in plugins."""
    contacts = [
        Contact(cid, f"P{i:02}", role=role, id=i + 1, email="p@x.io" if email else "")
        for i, (cid, role, _, email) in enumerate(rows)
    ]
    group = views.grouped(views.contact(c) for c in contacts)  # as the host groups them
    states = {i + 1: state for i, (_, _, state, _) in enumerate(rows)}
    ctx = Context(today=TODAY, contacts_by_company=group, states=states)
    scorer = Scorer(SCORER_PLUGINS, {})
    scores = {
        1: scorer.company(Company("Acme", id=1, stack=["C#"]), PROFILE, ctx),
        2: scorer.company(Company("Globex", id=2), PROFILE, ctx),
    }

    def options(people: Sequence[PersonAt]) -> list[list[Channel]]:
        return outreach.channels_each(SCORER_PLUGINS, people, views.profile(PROFILE), ctx)

    return scorer.contacts(contacts, scores, PROFILE, ctx, options)


@FAST
@given(rows=people)
def test_no_person_beyond_the_quota_ever_outranks_one_within_it(rows) -> None:
    ranks = _rank_people(rows)
    tiers = [r.beyond_quota for r in ranks]
    assert tiers == sorted(tiers)
    for cid in (1, 2):
        kept = [r for r in ranks if r.company.id == cid and not r.beyond_quota]
        assert len(kept) <= PEOPLE_MAX
        roles = Counter(r.contact.role for r in kept)
        assert all(roles[role] <= PER_ROLE_MAX for role in CORE_ROLES)
        for r in ranks:
            if r.company.id == cid and r.beyond_quota:  # left out only when its slot is full
                assert roles[r.contact.role] == PER_ROLE_MAX or len(kept) == PEOPLE_MAX
                assert "the guide asks for 1-2 per role" in r.reasons[-1] or (
                    "already has 6 people: 3-6 is enough" in r.reasons[-1]
                )


def test_a_third_developer_ranks_below_everyone_who_fills_a_gap(ws: Workspace) -> None:
    ws.add_company({"name": "Acme", "stack": "C#", "remote": "yes"})
    ws.add_company({"name": "Globex"})
    for name in ("Ann Dev", "Bob Dev", "Cat Dev"):
        ws.add_contact("Acme", {"name": name, "role": "developer", "email": "d@acme.io"})
    ws.add_contact("Globex", {"name": "Zed Rec", "role": "recruiter"})
    ws.log("Acme", "Cat Dev", "email", channel="email")
    ranks = ws.rank_contacts()
    assert [r.contact.name for r in ranks][-1] == "Bob Dev"  # Cat is reached, Ann sorts first
    last = ranks[-1]
    assert last.beyond_quota
    assert last.reasons[-1] == (
        "you already have 2 developers at Acme: the guide asks for 1-2 per role"
    )
    assert not any(r.beyond_quota for r in ranks[:-1])


def test_a_seventh_person_is_more_than_the_guide_asks_for(ws: Workspace) -> None:
    ws.add_company({"name": "Acme", "stack": "C#", "remote": "yes"})
    for i, role in enumerate(["developer", "developer", "manager", "manager", "recruiter",
                              "recruiter", "other"]):  # fmt: skip
        ws.add_contact("Acme", {"name": f"Person {i}", "role": role, "email": "p@acme.io"})
    ranks = ws.rank_contacts()
    assert [r.beyond_quota for r in ranks] == [False] * 6 + [True]
    assert ranks[-1].contact.role == "other"
    assert ranks[-1].reasons[-1] == "Acme already has 6 people: 3-6 is enough"
