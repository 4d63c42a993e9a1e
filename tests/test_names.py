"""Company names: one normal form for the spellings of one company; close names only suggested."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hunt_core.names import SUGGEST_CUTOFF, CompanyMatcher, NearMiss, compact_key, company_key


@pytest.mark.parametrize(
    ("name", "key"),
    [("Acme, Inc.", "acme"), ("ACME", "acme"), ("The Acme Co", "acme"), ("Acme Corp.", "acme"),
     ("acme   llc", "acme"), ("Acme GmbH", "acme"), ("Acme Co., Ltd.", "acme"),
     ("The Goldman Sachs Group, Inc.", "goldman sachs"), ("AT&T", "att"),
     ("Johnson & Johnson", "johnson johnson"), ("Johnson and Johnson", "johnson johnson"),
     ("J.P. Morgan Chase & Co.", "jp morgan chase"), ("Macy's", "macys"),
     ("Macy\u2019s", "macys"), ("Café Rio", "cafe rio"), ("Hewlett-Packard", "hewlett packard"),
     ("The Company", "the"), ("Inc.", "inc"), ("", ""), (" -- ", "")],
)  # fmt: skip
def test_company_key(name: str, key: str) -> None:
    assert company_key(name) == key


def test_compact_key_ignores_spacing() -> None:
    assert (
        compact_key("Acme Health Care, Inc.") == compact_key("AcmeHealthcare") == "acmehealthcare"
    )


@pytest.fixture
def targets() -> CompanyMatcher:
    return CompanyMatcher(
        [(1, "Acme"), (2, "Microsoft"), (3, "Acme Health"), (4, "Meta"), (5, "Northwest Bank"),
         (6, "Accenture"), (7, "JPMorgan Chase"), (8, "Stripe")]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "company_id"),
    [("Acme, Inc.", 1), ("ACME", 1), ("Acme Corp", 1), ("The Acme Company", 1), ("ACME LLC", 1),
     ("acme health", 3), ("Acme HealthCare", None), ("Acme Health Care", None),
     ("Microsoft Corporation", 2), ("J.P. Morgan Chase", 7), ("JP Morgan Chase & Co.", 7),
     ("Acme GmbH", 1), ("Acme Ltd.", 1)],
)  # fmt: skip
def test_the_same_company_after_removing_case_punctuation_and_legal_form_matches(
    targets: CompanyMatcher, name: str, company_id: int | None
) -> None:
    assert targets.match(name) == company_id


@pytest.mark.parametrize(
    "name",
    ["Acme Bank", "Acme Wealth", "Beta", "Northeast Bank", "Strip", "Acme Health Partners",
     "Acme Labs", "Micro", "", "   ", "Inc.", "Microsft", "Acenture", "Stripe Climate",
     "Acme Health Partners of Ohio"],
)  # fmt: skip
def test_different_or_merely_close_names_never_link(targets: CompanyMatcher, name: str) -> None:
    assert targets.match(name) is None


def test_a_near_miss_is_offered_with_its_similarity_never_linked() -> None:
    matcher = CompanyMatcher([(40, "Company40"), (2, "Microsoft")])
    assert matcher.match("Company450") is None
    near = matcher.near("Company450")
    assert near is not None and near.company_id == 40
    assert SUGGEST_CUTOFF <= near.similarity < 100
    assert matcher.near("Microsft") == NearMiss(2, near_similarity("microsft", "microsoft"))
    assert matcher.near("Globex") is None
    assert matcher.near("Microsoft, Inc.") is None  # the same company: a match, not a miss


def near_similarity(a: str, b: str) -> float:
    """token_sort_ratio rounded as NearMiss keeps it."""
    from rapidfuzz import fuzz

    return round(fuzz.token_sort_ratio(a, b), 1)


def test_a_confirmed_alias_links_like_the_name_itself() -> None:
    matcher = CompanyMatcher([(40, "Company40")], aliases=[(40, "Company450 Labs, Inc.")])
    assert matcher.match("company450 labs") == 40
    assert matcher.near("company450 labs") is None
    assert CompanyMatcher([(1, "Acme")], aliases=[(9, "Globex")]).match("Globex") is None


def test_the_oldest_of_two_targets_with_one_name_wins() -> None:
    assert CompanyMatcher([(9, "ACME"), (4, "Acme, Inc.")]).match("acme") == 4


def test_no_targets_match_nothing() -> None:
    assert CompanyMatcher([]).match("Acme") is None


def test_match_all_looks_each_name_up_once() -> None:
    matcher = CompanyMatcher([(1, "Acme")])
    assert matcher.match_all(["Acme, Inc.", "Acme, Inc.", "Globex"]) == {
        "Acme, Inc.": 1,
        "Globex": None,
    }


@given(st.text())
def test_company_key_is_stable_and_never_fails(name: str) -> None:
    key = company_key(name)
    assert company_key(key) == key
    assert key == " ".join(key.split())
