"""The dashboard in a real browser: add a company and a person, and watch the steps move."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WAIT = 30_000  # ms: the first rerun imports pandas and Altair


def _next_step(page: Page, text: str) -> None:
    expect(page.get_by_text(re.compile(text)).first).to_be_visible(timeout=WAIT)


def test_add_a_company_and_a_person_and_the_next_step_changes(page: Page, dashboard: str) -> None:
    page.goto(dashboard)
    expect(page.get_by_role("heading", name="Your next step")).to_be_visible(timeout=WAIT)

    page.get_by_role("textbox", name="Your name").fill("Ana Diaz")
    page.get_by_role("textbox", name="Your bootcamp or program").fill("Turing School")
    page.get_by_role("textbox", name="Where you live").fill("Denver, CO")
    page.get_by_role("textbox", name="Cities you would work in").fill("Denver, CO; Boulder, CO")
    page.get_by_role("button", name="Save profile").click()
    _next_step(page, r"Add a target company \(0/5\)")

    page.goto(f"{dashboard}/companies")
    page.get_by_role("textbox", name="Company name").fill("Acme Health")
    page.get_by_role("button", name="Add company").click()
    _next_step(page, r"Add a target company \(1/5\)")  # the guide: five companies first

    page.goto(f"{dashboard}/people")
    form = page.get_by_test_id("stForm")
    form.get_by_role("textbox", name="Name", exact=True).fill("Jo Park")
    form.get_by_role("textbox", name="Email", exact=True).fill("jo@acmehealth.io")
    page.get_by_role("button", name="Add person").click()
    _next_step(page, "Added Jo Park")

    page.goto(dashboard)
    _next_step(page, r"Add a target company \(1/5\)")
    _next_step(page, "Find people at Acme Health")  # queued behind it, readable whole
    _next_step(page, "Message Jo Park")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "home.png", full_page=True)
    assert (ARTIFACTS / "home.png").stat().st_size > 0
