"""Drafts as a recruiter reads them: true Ins, real sentences, the guide's ask at the centre."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hunt_core import outreach
from hunt_core.drafts import chat_line, sent_when
from hunt_core.errors import InvalidInput
from hunt_core.models import Chat
from hunt_core.plugins import get_plugin_manager
from hunt_core.wording import and_list, plural, possessive, short_company, short_program
from hunt_core.workspace import Workspace
from tests.conftest import NOW

ASK = "what it's like to work"
NOW_DATE = NOW.date()  # Thursday 26 November 2026


def body(text: str) -> str:
    """The message without its greeting line, to compare what two people read."""
    return text.split("\n", 1)[1] if "\n" in text else text.split(",", 1)[1]


def sentences(text: str) -> list[str]:
    """Sentences, split at a full stop, ! or ? followed by a space or new line."""
    lines = [line for line in text.splitlines() if line.strip()]
    return [s for line in lines for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s]


def assert_capitalised(text: str) -> None:
    """Every sentence and line starts with a capital letter."""
    for s in sentences(text):
        assert s[0].isupper() or not s[0].isalpha(), f"starts lower-case: {s!r}"


@pytest.fixture
def acme(profiled: Workspace) -> Workspace:
    """Ana (a Turing grad) targets Acme, which she uses, and knows Priya Shah there."""
    profiled.add_company({"name": "Acme", "uses_product": "yes", "knows_someone": "Priya Shah"})
    return profiled


def person(ws: Workspace, name: str, role: str = "developer", **fields: str) -> None:
    """Add someone at Acme with an email (so email is the channel unless a warmer one)."""
    ws.add_contact("Acme", {"name": name, "role": role, "email": "x@acme.io", **fields})


# -- wording ----------------------------------------------------------------------------------


def test_counts_possessives_and_lists_read_right() -> None:
    assert (plural(1, "person", "people"), plural(2, "person", "people")) == (
        "1 person",
        "2 people",
    )
    assert (plural(0, "chat"), plural(1, "chat")) == ("0 chats", "1 chat")
    assert (possessive("Acme"), possessive("Cinder Networks")) == ("Acme's", "Cinder Networks'")
    assert and_list(["A", "B", "C"]) == "A, B and C" and and_list(["A"]) == "A"


def test_short_names_are_what_people_say() -> None:
    assert short_company("Cinder Networks, Inc.") == "Cinder Networks"
    assert short_company("Acme Corporation") == "Acme"
    assert short_program("Turing School of Software & Design") == "Turing"
    assert short_program("Hack Reactor") == "Hack Reactor"


def test_the_company_line_says_which_it_is_after_the_pitch(profiled: Workspace) -> None:
    profiled.add_company({"name": "Cinder Networks", "uses_product": "yes"})
    profiled.add_contact("Cinder Networks", {"name": "Jo Park", "role": "developer",
                                             "email": "jo@cn.io"})  # fmt: skip
    text = profiled.draft("Cinder Networks", "Jo Park")
    assert "I've been using your product, and Cinder Networks is one of the companies" in text


ADMIRER = """
from hunt_core.api import Criterion, Signal, hookimpl

@hookimpl
def hunt_criteria():
    return [Criterion(key="admired", label="Admired", applies_to="company", default_weight=9,
                      description="You admire it.", guide_step=1, is_in=True)]

@hookimpl
def hunt_score_company(company):
    pitch = PITCH.format(company=company.name)
    return Signal(criterion="admired", points=1.0, reason="admired", pitch=pitch)
"""


@pytest.mark.parametrize(
    ("pitch", "line"),
    [("I've long admired {company}", "I've long admired Acme, and it's one of the companies"),
     ("I love {company}'s mission", "I love Acme's mission, and Acme is one of the companies")],
)  # fmt: skip
def test_it_is_the_company_only_when_the_pitch_ends_on_its_name(
    profiled: Workspace, tmp_path: Path, pitch: str, line: str
) -> None:
    (tmp_path / "admirer.py").write_text(f"PITCH = {pitch!r}\n{ADMIRER}", encoding="utf-8")
    plugins = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    ws = Workspace(profiled.store, plugins, profiled.clock)
    ws.add_company({"name": "Acme"})
    ws.add_contact("Acme", {"name": "Jo Park", "role": "developer", "email": "jo@acme.io"})
    assert line in ws.draft("Acme", "Jo Park")


# -- the In is true for the recipient ----------------------------------------------------------


def test_the_known_person_gets_the_relationship_not_themselves(acme: Workspace) -> None:
    person(acme, "Priya Shah")
    text = acme.draft("Acme", "Priya Shah")
    assert "Priya Shah" not in text and "works with you" not in text
    assert "As you may know, I recently finished Turing and I'm looking for my first developer " \
        "role." in text  # fmt: skip
    assert ASK in text
    assert_capitalised(text)


def test_others_at_the_company_hear_the_known_person_named(acme: Workspace) -> None:
    person(acme, "Jo Park")
    text = acme.draft("Acme", "Jo Park")
    assert "I know Priya Shah, who works with you" in text
    assert_capitalised(text)


def test_a_friend_is_written_to_as_a_friend(acme: Workspace) -> None:
    person(acme, "Lena Fox", friend="yes")
    text = acme.draft("Acme", "Lena Fox")
    assert "Lena Fox" not in text and "my friend" not in text
    assert "I hope you're doing well!" in text and "As you know" in text
    assert "I'm Ana Diaz, a software developer" not in text  # no introduction to a friend
    assert text.rstrip().endswith("Thanks!\nAna")


@pytest.mark.parametrize("name", ["I Shah", "A. Shah", "A Shah"])
def test_an_initial_for_a_first_name_drops_no_pitch(acme: Workspace, name: str) -> None:
    acme.add_company({"name": "Beta", "uses_product": "yes"})
    acme.add_contact("Beta", {"name": name, "role": "developer", "email": "x@beta.io"})
    assert "I've been using your product" in acme.draft("Beta", name)


def test_a_pitch_naming_the_recipient_is_not_sent_to_them(acme: Workspace) -> None:
    person(acme, "Dana Cruz", role="other", friend="yes")
    person(acme, "Kevin Taylor")
    assert "My friend Dana Cruz works with you" in acme.draft("Acme", "Kevin Taylor")
    assert "Dana Cruz works with you" not in acme.draft("Acme", "Dana Cruz")


def test_a_linkedin_connection_hears_we_are_connected(acme: Workspace) -> None:
    person(acme, "Sam Lee", connected="yes")
    text = acme.draft("Acme", "Sam Lee")
    assert "We're connected on LinkedIn" in text and "Sam Lee" not in text


def test_what_you_have_in_common_leads(acme: Workspace) -> None:
    person(acme, "Kim Ng", coding_school="Turing")
    person(acme, "Al Roy", college="University of Denver")
    grad = acme.draft("Acme", "Kim Ng")
    assert body(grad).lstrip().startswith("I'm Ana Diaz, a fellow Turing grad.")
    alumnus = acme.draft("Acme", "Al Roy")
    lead = sentences(body(alumnus))[1]  # right after who you are
    assert lead == "I saw we both went to the University of Denver."


def test_a_note_to_a_fellow_grad_keeps_the_in(acme: Workspace) -> None:
    acme.add_contact("Acme", {"name": "Kim Ng", "role": "developer", "coding_school": "Turing",
                              "linkedin": "https://linkedin.com/in/kim"})  # fmt: skip
    note = acme.draft("Acme", "Kim Ng", "linkedin-note")
    assert len(note) <= 200 and "fellow Turing grad" in note and ASK in note


# -- the message itself -------------------------------------------------------------------------


def test_no_claim_that_they_care_and_no_company_twice_in_a_sentence(profiled: Workspace) -> None:
    profiled.add_company({"name": "Acme", "uses_product": "yes", "interests": "healthcare"})
    profiled.add_contact("Acme", {"name": "Jo Park", "role": "developer", "email": "jo@a.io"})
    text = profiled.draft("Acme", "Jo Park")
    assert "too" not in text.split()
    for s in sentences(text):
        assert s.count("Acme") <= 1, s


def test_the_ask_is_the_centre_and_coffee_is_optional(acme: Workspace) -> None:
    person(acme, "Jo Park")
    text = acme.draft("Acme", "Jo Park")
    [ask] = [s for s in sentences(text) if ASK in s]
    assert ask.startswith("Would you be open to sharing") and ask.endswith("?")
    assert "coffee" not in text.casefold()


def test_two_people_at_one_company_read_different_messages(acme: Workspace) -> None:
    for name in ("Jo Park", "Ben Ode", "Cy Wu"):
        person(acme, name)
    person(acme, "Dee Ray", "manager")
    person(acme, "Eve Lim", "recruiter")
    bodies = [body(acme.draft("Acme", n)) for n in ("Jo Park", "Ben Ode", "Cy Wu", "Dee Ray",
                                                     "Eve Lim")]  # fmt: skip
    assert len(set(bodies)) == len(bodies)
    assert all(ASK in b for b in bodies)


def test_an_unknown_channel_gets_a_plain_first_message(acme: Workspace) -> None:
    person(acme, "Jo Park")
    text = acme.draft("Acme", "Jo Park", channel="carrier-pigeon")
    assert text.startswith("Hi Jo,") and ASK in text and "Ana Diaz" in text


# -- intro through a mutual connection ---------------------------------------------------------


def test_the_intro_request_names_who_why_and_a_blurb(acme: Workspace) -> None:
    person(acme, "Jo Park", mutual="Marcus Lee", title="Backend Engineer")
    request = acme.draft("Acme", "Jo Park", "intro")
    assert request.startswith("Hi Marcus,")
    assert "I saw you know Jo Park, a Backend Engineer there." in request
    assert "Would you be comfortable introducing us?" in request
    assert "Acme is one of the companies I'm most excited about" in request
    blurb = request.split("here's a short note you could forward to Jo:")[1]
    assert "I'm Ana Diaz, a recent Turing grad." in blurb and ASK in blurb
    assert_capitalised(request)


def test_the_message_after_an_intro_names_the_introducer(acme: Workspace) -> None:
    person(acme, "Jo Park", mutual="Marcus Lee")
    text = acme.draft("Acme", "Jo Park", channel="intro")
    assert "Marcus Lee was kind enough to introduce us." in text
    assert "connected to Marcus" not in text  # said once, as the introduction


def test_after_an_intro_a_connection_needs_no_excuse_for_the_message(acme: Workspace) -> None:
    person(acme, "Jo Park", mutual="Marcus Lee", connected="yes")
    text = acme.draft("Acme", "Jo Park", channel="intro")
    assert "Marcus Lee was kind enough to introduce us." in text
    assert "connected on LinkedIn" not in text and "don't mind a message" not in text
    assert "We're connected on LinkedIn, so I hope you don't mind a message." in acme.draft(
        "Acme", "Jo Park", channel="linkedin-message"
    ), "without the intro, the connection is why you write"


def test_no_intro_request_without_a_mutual_connection(acme: Workspace) -> None:
    person(acme, "Jo Park")
    with pytest.raises(InvalidInput, match="no mutual connection"):
        acme.draft("Acme", "Jo Park", "intro")


# -- LinkedIn notes ----------------------------------------------------------------------------

NAMES = st.text(string.ascii_letters, min_size=1, max_size=18)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    company=st.lists(NAMES, min_size=1, max_size=6).map(" ".join),
    legal=st.sampled_from(["", " Inc.", " Incorporated", ", LLC", " Corporation"]),
    program=st.lists(NAMES, min_size=1, max_size=6).map(" ".join),
    first=NAMES,
    plan=st.sampled_from(["free", "premium"]),
    common=st.sampled_from(["school", "connected", "known", "product"]),
)
def test_a_note_fits_the_plan_and_keeps_the_in_and_the_ask(
    ws: Workspace, company: str, legal: str, program: str, first: str, plan: str, common: str
) -> None:
    ws.store.con.execute("DELETE FROM contacts; DELETE FROM companies")
    ws.update_profile({"name": "Ana Diaz", "program": program, "linkedin": plan})
    name = company + legal
    known = f"{first} Shah" if common == "known" else ""
    ws.add_company({"name": name, "uses_product": "yes", "knows_someone": known})
    fields = {"name": f"{first} Shah", "role": "developer", "linkedin": "https://l.in/x"}
    if common == "school":
        fields["coding_school"] = program
    if common == "connected":
        fields["connected"] = "yes"
    ws.add_contact(name, fields)
    note = ws.draft(name, f"{first} Shah", "linkedin-note")
    assert len(note) <= (200 if plan == "free" else 300)
    assert ASK in note
    the_in = {
        "school": f"fellow {short_program(program)}",  # the short name or the full one
        "connected": "connected on LinkedIn",
        "known": "As you may know",
        "product": "I've been using",
    }[common]
    assert the_in in note


# -- follow-up and thank-you -------------------------------------------------------------------


def test_when_a_message_went_out_reads_like_speech() -> None:
    def ago(days: int) -> str:
        return sent_when(NOW - dt.timedelta(days=days), NOW_DATE)

    assert ago(7) == "last week" and ago(37) == "a few weeks ago"
    assert ago(3) == "on Monday" and ago(1) == "yesterday"


@pytest.mark.parametrize(
    ("days", "channel", "kind", "said"),
    [(7, "email", "email", "the email I sent you last week"),
     (37, "slack", "slack", "the Slack message I sent you a few weeks ago"),
     (9, "linkedin-note", "connection-request", "the LinkedIn note I sent you last week")],
)  # fmt: skip
def test_the_follow_up_names_when_and_how(
    acme: Workspace, days: int, channel: str, kind: str, said: str
) -> None:
    person(acme, "Jo Park")
    sent = (NOW - dt.timedelta(days=days)).date().isoformat()
    acme.log("Acme", "Jo Park", kind, channel=channel, at=sent)
    text = acme.draft("Acme", "Jo Park", "follow-up")
    assert said in text and "days ago" not in text
    assert_capitalised(text)


@pytest.mark.parametrize(
    ("events", "refused"),
    [([], "has had no first message yet"),
     (["email", "reply"], "has already replied: schedule a chat"),
     (["email", "reply", "chat-held"], "has had a chat with you: send a thank-you")],
)  # fmt: skip
def test_no_follow_up_to_someone_never_messaged_or_who_answered(
    acme: Workspace, events: list[str], refused: str
) -> None:
    # "In case it got buried" would be untrue to either.
    person(acme, "Jo Park")
    for day, kind in enumerate(events, start=1):
        acme.log("Acme", "Jo Park", kind, at=f"2026-11-{day:02d}")
    with pytest.raises(InvalidInput, match=f"^Jo Park {refused}"):
        acme.draft("Acme", "Jo Park", "follow-up")


def test_the_thank_you_uses_the_chat_notes_and_the_referral(acme: Workspace) -> None:
    person(acme, "Jo Park")
    acme.save_chat("Acme", "Jo Park", notes="New developers pair with a mentor.\nAsk about Q3.",
                   referral_offered=True)  # fmt: skip
    text = acme.draft("Acme", "Jo Park", "thank-you")
    assert "I especially appreciated hearing that new developers pair with a mentor." in text
    assert "Ask about Q3" not in text
    assert "Thank you as well for offering to refer me" in text
    assert text.count("Acme") == 1
    assert_capitalised(text)


def test_a_thank_you_without_notes_is_short_and_generic(acme: Workspace) -> None:
    person(acme, "Jo Park")
    text = acme.draft("Acme", "Jo Park", "thank-you")
    assert "I learned a lot about the team and how you work." in text
    assert "refer" not in text and text.count("Acme") == 1


def test_chat_notes_as_a_topic_or_a_fact() -> None:
    assert chat_line(Chat(1, notes="Talked about their Kubernetes migration")) == (
        "I especially enjoyed our conversation about their Kubernetes migration."
    )
    assert (
        chat_line(Chat(1, notes="Blazor")) == "I especially enjoyed our conversation about Blazor."
    )


# -- templates from plugins --------------------------------------------------------------------


def test_every_template_variable_is_documented_and_renders(acme: Workspace, tmp_path: Path) -> None:
    docs = (Path(__file__).parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    for name in outreach.TEMPLATE_VARIABLES:
        assert f"`{{{name}}}`" in docs, f"{name} is not documented in docs/plugins.md"
    person(acme, "Jo Park", mutual="Marcus Lee")
    acme.save_chat("Acme", "Jo Park", notes="They pair a lot.", referral_offered=True)
    acme.log("Acme", "Jo Park", "email", channel="email", at="2026-11-18")
    every = " | ".join(f"{name}={{{name}}}" for name in outreach.TEMPLATE_VARIABLES)
    (tmp_path / "every.py").write_text(
        "from hunt_core.api import Template, hookimpl\n\n@hookimpl\ndef hunt_message_templates():\n"
        f"    return [Template(kind='first', text={every!r})]\n",
        encoding="utf-8",
    )
    plugins = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    text = Workspace(acme.store, plugins, acme.clock).draft("Acme", "Jo Park")
    values = dict(part.split("=", 1) for part in text.split(" | "))
    assert set(values) == set(outreach.TEMPLATE_VARIABLES)
    assert all(v.strip() and "{" not in v for v in values.values()), values


def test_a_plugin_note_template_is_tried_first_and_shortened(
    acme: Workspace, tmp_path: Path
) -> None:
    acme.add_company({"name": "Cinder Networks Incorporated"})
    acme.add_contact("Cinder Networks Incorporated", {"name": "Jo Park", "role": "developer",
                                                       "linkedin": "https://l.in/jo"})  # fmt: skip
    filler = "x" * 170  # too long with "Incorporated", fits without
    (tmp_path / "short.py").write_text(
        "from hunt_core.api import Template, hookimpl\n\n@hookimpl\ndef hunt_message_templates():\n"
        "    return [Template(kind='linkedin-note',\n"
        f"                     text='Hey {{first_name}}! {filler} {{company}}?')]\n",
        encoding="utf-8",
    )
    plugins = get_plugin_manager({}, entrypoints=False, directories=[tmp_path])
    note = Workspace(acme.store, plugins, acme.clock).draft(
        "Cinder Networks Incorporated", "Jo Park"
    )
    assert note == f"Hey Jo! {filler} Cinder Networks?"
