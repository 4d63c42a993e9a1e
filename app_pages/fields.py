"""Form fields for every attribute the criteria read; hunt_core.forms validates what they return."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from hunt_core.forms import REMOTE, YES_NO_UNKNOWN
from hunt_core.models import ROLES, Company, Contact, Profile

LIST_HINT = "Separate several with ;"


def _list(items: Sequence[str]) -> str:
    return "; ".join(items)


def _number(value: float | None) -> str:
    return "" if value is None else str(int(value))


def _choice(
    where: DeltaGenerator,
    label: str,
    options: Sequence[str],
    current: str,
    key: str,
    help: str | None = None,
) -> str:
    index = list(options).index(current) if current in options else 0
    return str(where.selectbox(label, options, index=index, key=key, help=help))


def company_fields(prefix: str, base: Company | None = None) -> dict[str, str]:
    """Inputs for a company (empty, or filled from base); the values as text."""
    c = base or Company(name="")
    left, right = st.columns(2)
    k = f"{prefix}:"
    return {
        "name": left.text_input("Company name", c.name, key=k + "name"),
        "website": right.text_input("Website", c.website, key=k + "website"),
        "locations": left.text_input(
            "Office cities", _list(c.locations), key=k + "locations", help=LIST_HINT
        ),
        "remote": _choice(right, "Hires remotely", REMOTE, c.remote, k + "remote"),
        "stack": left.text_input(
            "Languages and frameworks", _list(c.stack), key=k + "stack", help=LIST_HINT
        ),
        "hires_no_degree": _choice(
            right,
            "Open to developers without a CS degree",
            YES_NO_UNKNOWN,
            c.hires_no_degree,
            k + "hires_no_degree",
        ),
        "alumni_hired": _number(
            left.number_input(
                "Grads of your program they hired",
                min_value=0,
                value=c.alumni_hired,
                step=1,
                key=k + "alumni_hired",
                help="Leave empty when you do not know",
            )
        ),
        "open_roles": right.text_input(
            "Open job titles", _list(c.open_roles), key=k + "open_roles", help=LIST_HINT
        ),
        "interests": left.text_input(
            "What they work on", _list(c.interests), key=k + "interests", help=LIST_HINT
        ),
        "uses_product": _choice(
            right,
            "You use or love their product",
            YES_NO_UNKNOWN,
            c.uses_product,
            k + "uses_product",
        ),
        "knows_someone": left.text_input(
            "Someone you know who works there", c.knows_someone, key=k + "knows_someone"
        ),
        "peers_know": _choice(
            right,
            "Your peers have heard of it",
            YES_NO_UNKNOWN,
            c.peers_know,
            k + "peers_know",
            help="The guide favours companies your classmates are not all applying to",
        ),
        "notes": st.text_area("Notes", c.notes, key=k + "notes"),
    }


def contact_fields(prefix: str, base: Contact | None = None) -> dict[str, str]:
    """Inputs for a person (empty, or filled from base); the values as text."""
    c = base or Contact(company_id=-1, name="", role="developer")
    left, right = st.columns(2)
    k = f"{prefix}:"
    return {
        "name": left.text_input("Name", c.name, key=k + "name"),
        "role": _choice(right, "Role", ROLES, c.role, k + "role"),
        "title": left.text_input("Job title", c.title, key=k + "title"),
        "email": right.text_input("Email", c.email, key=k + "email"),
        "email_source": left.text_input(
            "Where you found the email",
            c.email_source,
            key=k + "email_source",
            help="Personal site, GitHub or LinkedIn",
        ),
        "linkedin": right.text_input("LinkedIn profile", c.linkedin, key=k + "linkedin"),
        "github": left.text_input("GitHub profile", c.github, key=k + "github"),
        "website": right.text_input("Personal website", c.website, key=k + "website"),
        "college": left.text_input("College", c.college, key=k + "college"),
        "coding_school": right.text_input(
            "Coding school", c.coding_school, key=k + "coding_school"
        ),
        "mutual": left.text_input("Mutual connection", c.mutual, key=k + "mutual"),
        "friend": "yes"
        if right.checkbox("A friend of yours", c.friend, key=k + "friend")
        else "no",
        "connected": "yes"
        if right.checkbox(
            "Already connected on LinkedIn",
            c.connected,
            key=k + "connected",
            help="A first-degree connection gets a LinkedIn message, not a connection note",
        )
        else "no",
    }


def profile_fields(prefix: str, p: Profile) -> dict[str, str]:
    """Inputs for the job seeker's profile; the values as text."""
    left, right = st.columns(2)
    k = f"{prefix}:"
    return {
        "name": left.text_input("Your name", p.name, key=k + "name"),
        "program": right.text_input(
            "Your bootcamp or program", p.program, key=k + "program", help="e.g. Turing School"
        ),
        "colleges": left.text_input(
            "Colleges you attended", _list(p.colleges), key=k + "colleges", help=LIST_HINT
        ),
        "home": right.text_input("Where you live", p.home, key=k + "home", help="e.g. Omaha, NE"),
        "locations": left.text_input(
            "Cities you would work in", _list(p.locations), key=k + "locations", help=LIST_HINT
        ),
        "remote": _choice(right, "You want remote work", REMOTE, p.remote, k + "remote"),
        "stack": left.text_input(
            "What you build with", _list(p.stack), key=k + "stack", help=LIST_HINT
        ),
        "interests": right.text_input(
            "What you care about", _list(p.interests), key=k + "interests", help=LIST_HINT
        ),
        "linkedin": _choice(left, "LinkedIn plan", ("free", "premium"), p.linkedin, k + "linkedin"),
        "note_chars": _number(
            right.number_input(
                "Characters in a LinkedIn note",
                min_value=20,
                max_value=2000,
                value=p.note_chars,
                step=10,
                key=k + "note_chars",
                help="Leave empty for your plan's limit",
            )
        ),
        "notes_per_month": _number(
            left.number_input(
                "Personalised LinkedIn notes a month",
                min_value=0,
                value=p.notes_per_month,
                step=1,
                key=k + "notes_per_month",
                help="Leave empty for your plan's limit",
            )
        ),
        "commute_km": _number(
            right.number_input(
                "Commuting radius (km)",
                min_value=0,
                max_value=500,
                value=p.commute_km,
                step=5,
                key=k + "commute_km",
                help="An office this close to your home or a wanted city counts; empty: 40 km",
            )
        ),
    }
