"""Turn text fields (CLI flags, CSV cells, dashboard forms) into validated models."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

from hunt_core.errors import InvalidInput
from hunt_core.models import (
    ROLES,
    TOUCH_KINDS,
    Company,
    Contact,
    Profile,
    TouchKind,
    choice,
    optional_int,
    parse_date,
    required_text,
    split_list,
)

YES_NO_UNKNOWN = ("yes", "no", "unknown")
REMOTE = ("yes", "no", "hybrid", "unknown")
COMPANY_FIELDS = (
    "name", "website", "locations", "remote", "stack", "hires_no_degree", "alumni_hired",
    "open_roles", "interests", "uses_product", "knows_someone", "peers_know", "notes",
)  # fmt: skip
CONTACT_FIELDS = (
    "company", "name", "role", "title", "email", "email_source", "linkedin", "github",
    "website", "college", "coding_school", "mutual", "friend", "connected",
)  # fmt: skip
PROFILE_FIELDS = (
    "name", "program", "colleges", "home", "locations", "remote", "stack", "interests",
    "linkedin", "note_chars", "notes_per_month", "commute_km",
)  # fmt: skip
_LISTS = {"locations", "stack", "open_roles", "interests", "colleges"}


def _given(values: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    """The fields actually supplied (None means not given); unknown names are refused."""
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise InvalidInput(f"unknown field(s): {', '.join(unknown)}")
    return {k: v for k, v in values.items() if v is not None}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def yes_no_bool(value: Any, what: str) -> bool:
    """Parse yes/no (also true/false/1/0) to a bool."""
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in ("yes", "y", "true", "1"):
        return True
    if text in ("no", "n", "false", "0", ""):
        return False
    raise InvalidInput(f"{what} {value!r} is not yes or no")


def company_from(values: Mapping[str, Any], base: Company | None = None) -> Company:
    """A Company from text fields, changing only the ones given when editing base."""
    given = _given(values, COMPANY_FIELDS)
    company = dataclasses.replace(base) if base else Company(name="")
    for key, raw in given.items():
        if key in _LISTS:
            value: Any = split_list(raw)
        elif key in ("hires_no_degree", "uses_product", "peers_know"):
            value = choice(raw, YES_NO_UNKNOWN, key.replace("_", "-"), default="unknown")
        elif key == "remote":
            value = choice(raw, REMOTE, "remote", default="unknown")
        elif key == "alumni_hired":
            value = optional_int(raw, "alumni-hired")
        else:
            value = _text(raw)
        setattr(company, key, value)
    company.name = required_text(company.name, "company name")
    return company


def contact_from(
    values: Mapping[str, Any], company_id: int, base: Contact | None = None
) -> Contact:
    """A Contact at company_id from text fields (the company itself is resolved by the caller)."""
    given = _given(values, CONTACT_FIELDS)
    given.pop("company", None)
    contact = dataclasses.replace(base) if base else Contact(company_id=company_id, name="")
    contact.company_id = company_id
    for key, raw in given.items():
        if key == "role":
            value: Any = choice(raw, ROLES, "role")
        elif key in ("friend", "connected"):
            value = yes_no_bool(raw, key)
        else:
            value = _text(raw)
        setattr(contact, key, value)
    contact.name = required_text(contact.name, "person's name")
    if contact.email and "@" not in contact.email:
        raise InvalidInput(f"email {contact.email!r} has no @")
    return contact


def profile_from(values: Mapping[str, Any], base: Profile) -> Profile:
    """The profile with the given text fields changed."""
    given = _given(values, PROFILE_FIELDS)
    profile = dataclasses.replace(base)
    for key, raw in given.items():
        if key in _LISTS:
            value: Any = split_list(raw)
        elif key == "remote":
            value = choice(raw, REMOTE, "remote", default="unknown")
        elif key == "linkedin":
            value = choice(raw, ("free", "premium"), "linkedin")
        elif key in ("note_chars", "notes_per_month", "commute_km"):
            value = optional_int(raw, key.replace("_", "-"))
            if key == "note_chars" and value is not None and not 20 <= value <= 2000:
                raise InvalidInput(f"note-chars {raw!r} must be between 20 and 2000")
            if key == "commute_km" and value is not None and value > 500:
                raise InvalidInput(f"commute-km {raw!r} must be at most 500")
        else:
            value = _text(raw)
        setattr(profile, key, value)
    return profile


def touch_kind(value: str) -> TouchKind:
    """A touch kind, validated."""
    # choice returns one of TOUCH_KINDS, which are TouchKind's values; mypy cannot see that
    return cast(TouchKind, choice(value, TOUCH_KINDS, "touch kind"))


def touch_time(value: str | None, now: dt.datetime) -> dt.datetime:
    """A touch time from YYYY-MM-DD (noon that day) or now when not given."""
    if value is None or not str(value).strip():
        return now
    return dt.datetime.combine(parse_date(value, "--at"), dt.time(12))
