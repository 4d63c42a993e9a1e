"""Cohort mode in AppTest: sign-in through the app's identity seam, isolation, review, board."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

import pytest

from app_pages.session import IDENTITY_KEY, TEST_ENV, Identity
from hunt_core.cohort import OPERATOR, MemberRole, RosterRow
from hunt_core.models import Company, Contact, Touch
from hunt_core.plugins import get_plugin_manager
from hunt_core.store import Database
from hunt_core.workspace import Workspace

from .driver import NOW, Dash, profile

ISSUER = "https://accounts.example.com"
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": secrets.token_hex(32),
    "google": {
        "client_id": "id",
        "client_secret": "secret",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
    },
}
ROSTER: list[tuple[str, str, MemberRole, tuple[str, ...]]] = [
    ("ana@example.com", "Ana Diaz", "student", ("Denver 1",)),
    ("ben@example.com", "Ben Ode", "student", ("Denver 1",)),
    ("cy@example.com", "Cy Lee", "student", ("Denver 1",)),
    ("dee@example.com", "Dee Roe", "student", ("Austin 2",)),
    ("ivy@example.com", "Ivy Teach", "instructor", ("Denver 1",)),
]


@pytest.fixture
def cohort(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A roster of four students in two cohorts and an instructor, each student with a company."""
    monkeypatch.setenv(TEST_ENV, "1")
    db = Database.open(db_path)
    try:
        cohorts = db.cohorts()
        rows = [RosterRow(i + 2, e, n, r, c) for i, (e, n, r, c) in enumerate(ROSTER)]
        cohorts.import_roster(OPERATOR, rows, NOW)
        for email, name, role, _ in ROSTER:
            if role != "student":
                continue
            store = db.store(email)
            profile(Workspace(store, get_plugin_manager(env={}, entrypoints=False), lambda: NOW))
            company = store.add_company(Company(f"{name.split()[0]} Corp"))
            contact = store.add_contact(Contact(company.id or -1, f"{name} Contact", "developer"))
            store.add_touch(Touch(contact.id or -1, "message", NOW))  # one message sent each
    finally:
        db.close()
    return db_path


def signed_in(db_path: Path, email: str | None, *, verified: bool = True) -> Dash:
    """A cohort-mode dashboard, signed in as email (None: not signed in)."""
    dash = Dash(db_path)
    dash.at.secrets["auth"] = AUTH
    if email is not None:
        subject = f"sub-{email}"
        dash.at.session_state[IDENTITY_KEY] = Identity(ISSUER, subject, email, verified)
    return dash.start()


def test_a_student_sees_only_their_own_companies(cohort: Path) -> None:
    dash = signed_in(cohort, "ana@example.com").open("companies")
    dash.assert_ok()
    shown = dash.plain()
    assert "Ana Corp" in shown
    assert "Ben Corp" not in shown and "Dee Corp" not in shown


def test_not_signed_in_sees_the_sign_in_page_and_no_data(cohort: Path) -> None:
    dash = signed_in(cohort, None)
    dash.assert_ok()
    assert [b.label for b in dash.at.button] == ["Sign in with Google"]
    assert "Corp" not in dash.plain()


def test_an_injected_identity_is_ignored_without_the_test_switch(
    cohort: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TEST_ENV)
    dash = signed_in(cohort, "ana@example.com")
    assert [b.label for b in dash.at.button] == ["Sign in with Google"]
    assert "Ana Corp" not in dash.plain()


@pytest.mark.parametrize(
    ("email", "verified"), [("zed@example.com", True), ("ana@example.com", False)]
)
def test_signed_in_but_not_on_the_roster_sees_the_polite_page(
    cohort: Path, email: str, verified: bool
) -> None:
    dash = signed_in(cohort, email, verified=verified)
    dash.assert_ok()
    assert "ask your instructor" in dash.at.info[0].value
    assert [b.label for b in dash.at.button] == ["Sign out"]
    assert "Corp" not in dash.plain() and "Contact" not in dash.plain()


def test_instructor_reviews_own_cohort_comments_and_the_student_sees_it(cohort: Path) -> None:
    ivy = signed_in(cohort, "ivy@example.com").open("review")
    ivy.assert_ok()
    shown = ivy.plain()
    assert all(n in shown for n in ("Ana Diaz", "Ben Ode", "Cy Lee"))
    assert "Dee Roe" not in shown and "Dee Corp" not in shown
    ivy.widget("review.student").set_value("ana@example.com")
    ivy.at.run()
    assert list(ivy.at.dataframe[1].value["Company"]) == ["Ana Corp"]  # the picked list only
    form = "review.comment.ana@example.com.0"
    ivy.widget(f"{form}:text").set_value("Add two more *companies* in healthcare")
    ivy.press(f"{form}:save")
    ivy.assert_ok()
    assert ivy.toasted("Comment sent.")

    ana = signed_in(cohort, "ana@example.com")
    assert "Your instructor commented on your list" in ana.next_step()
    ana.open("companies")
    assert "Add two more *companies* in healthcare" in ana.plain()
    assert "Ivy Teach" in ana.plain()
    ana.press("companies.comments.seen")
    ana.assert_ok()
    assert "commented" not in ana.next_step()


@pytest.mark.parametrize(
    "secret", [None, "replace-with-a-long-random-string", "test-cookie-secret", "a" * 64]
)
def test_a_missing_example_or_weak_cookie_secret_stops_cohort_mode(
    cohort: Path, secret: str | None
) -> None:
    dash = Dash(cohort)
    auth = {k: v for k, v in AUTH.items() if k != "cookie_secret"}
    dash.at.secrets["auth"] = auth if secret is None else {**auth, "cookie_secret": secret}
    dash.at.session_state[IDENTITY_KEY] = Identity(ISSUER, "sub-ana", "ana@example.com", True)
    dash.start()
    assert "not set up safely" in dash.at.error[0].value
    assert "cookie secret" in dash.at.error[0].value
    assert not dash.at.button  # no sign-in offered
    assert "Corp" not in dash.plain()


def test_students_have_no_review_page(cohort: Path) -> None:
    dash = signed_in(cohort, "ana@example.com")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        dash.open("review")


def test_leaderboard_shows_aliases_not_opted_out_and_no_company_or_contact(cohort: Path) -> None:
    ana = signed_in(cohort, "ana@example.com").open("settings")
    ana.widget("settings.board:alias").set_value("Rocket")
    ana.press("settings.board:save")
    ana.assert_ok()
    ben = signed_in(cohort, "ben@example.com").open("settings")
    ben.widget("settings.board:opt_out").set_value(True)
    ben.press("settings.board:save")
    ben.assert_ok()

    board = signed_in(cohort, "cy@example.com").open("leaderboard")
    board.assert_ok()
    shown = board.plain()
    assert "Rocket" in shown and "Cy Lee" in shown and "Dee Roe" in shown
    assert "Ana Diaz" not in shown and "Ben Ode" not in shown
    assert "Corp" not in shown and "Contact" not in shown
    assert len(board.at.get("vega_lite_chart")) >= 1 or board.at.get("arrow_vega_lite_chart")
    assert "LinkedIn requests, messages, emails and Slack messages sent." in board.markdown()
    board.widget("leaderboard.measure").set_value("follow_ups_on_time")
    board.at.run()
    assert any("Each person counts once." in text for text in board.markdown())


@pytest.mark.filterwarnings("ignore:hunt_core.x is deprecated:DeprecationWarning")
def test_plugin_errors_and_deprecations_are_shown_to_admins_only_and_unlisted_never_load(
    cohort: Path, dropins: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = tmp_path / "unlisted-ran"
    dropins(
        leaky="raise RuntimeError('token sk-live-123 of ben@example.com')\n",
        unlisted=f"open({str(ran)!r}, 'w').close()\n",
        legacy=(
            "import warnings\n\nwarnings.warn('hunt_core.x is deprecated (key sk-dep-9)', "
            "DeprecationWarning)\n"
        ),
    )
    monkeypatch.setenv("HUNT_COHORT_PLUGINS", "leaky,legacy")
    db = Database.open(cohort)
    try:
        admin = RosterRow(9, "root@example.com", "Rae Root", "admin", ())
        db.cohorts().import_roster(OPERATOR, [admin], NOW)
    finally:
        db.close()

    ana = signed_in(cohort, "ana@example.com").open("settings")
    table = ana.at.dataframe[-1].value.set_index("Plugin")
    assert table.loc["leaky", "Status"] == "not loaded"
    assert "sk-live-123" not in ana.plain() and "RuntimeError" not in ana.plain()
    assert "unlisted" in table.index  # listed for the admin's sake, never imported
    assert not ran.exists()
    assert table.loc["legacy", "Status"] == "loaded, 1 deprecated use"
    assert "sk-dep-9" not in ana.plain() and not ana.at.info, "a warning's text is admins' only"

    root = signed_in(cohort, "root@example.com").open("settings")
    table = root.at.dataframe[-1].value.set_index("Plugin")
    assert "sk-live-123" in str(table.loc["leaky", "Status"])
    assert "HUNT_COHORT_PLUGINS" in str(table.loc["unlisted", "Status"])
    assert "plugin 'legacy' uses a deprecated API: hunt_core.x is deprecated" in root.plain()
