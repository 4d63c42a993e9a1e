"""Company names: one normal form for the spellings of one company, and a strict fuzzy match."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hunt_core.names import FUZZY_CUTOFF, CompanyMatcher, compact_key, company_key


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
    [("Acme, Inc.", 1), ("ACME", 1), ("Acme Corp", 1), ("The Acme Company", 1),
     ("acme health", 3), ("Acme HealthCare", None), ("Acme Health Care", None),
     ("Microsft", 2), ("Microsoft Corporation", 2), ("Acenture", 6), ("J.P. Morgan Chase", 7),
     ("JP Morgan Chase & Co.", 7)],
)  # fmt: skip
def test_equal_after_normalising_or_one_slip_in_a_long_name_matches(
    targets: CompanyMatcher, name: str, company_id: int | None
) -> None:
    assert targets.match(name) == company_id


@pytest.mark.parametrize(
    "name",
    ["Acme Bank", "Acme Wealth", "Beta", "Northeast Bank", "Strip", "Acme Health Partners",
     "Acme Labs", "Micro", "", "   ", "Inc."],
)  # fmt: skip
def test_different_companies_never_match(targets: CompanyMatcher, name: str) -> None:
    assert targets.match(name) is None


def test_the_cutoff_sits_between_a_slip_and_a_different_word() -> None:
    from rapidfuzz import fuzz

    assert fuzz.token_sort_ratio("microsoft", "microsft") >= FUZZY_CUTOFF
    assert fuzz.token_sort_ratio("acme health", "acme wealth") < FUZZY_CUTOFF
    assert fuzz.token_sort_ratio("northwest bank", "northeast bank") < FUZZY_CUTOFF


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
