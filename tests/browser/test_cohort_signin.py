"""Cohort sign-in in a real browser, through a real local OIDC provider: own data only."""

from __future__ import annotations

from playwright.sync_api import Page, expect

WAIT = 30_000  # ms


def test_a_student_signs_in_and_sees_only_their_own_companies(
    page: Page, cohort_dashboard: str
) -> None:
    page.goto(cohort_dashboard)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="ana-sub").click()  # the provider's sign-in form
    expect(page.get_by_text("Signed in as Ana")).to_be_visible(timeout=WAIT)

    page.goto(f"{cohort_dashboard}/companies")
    expect(page.get_by_role("heading", name="Ana Corp")).to_be_visible(timeout=WAIT)
    assert "Ben Corp" not in page.content()
