"""Who is already a first-degree LinkedIn connection, and the key that names one person."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from hunt_core import views
from hunt_core.models import Connection, Contact
from hunt_core.names import company_key, name_key

NAME_KEY = "name:"  # a person key made from a name, for a row without a profile URL


def person_key(url: str, first: str, last: str, company: str) -> str:
    """Who a row is across exports: the profile URL, else their name at their company."""
    if url.strip():
        text = url.strip().lower().split("#")[0].split("?")[0].rstrip("/")
        return "https://" + text.removeprefix("https://").removeprefix("http://")
    return f"{NAME_KEY}{name_key(f'{first} {last}')}|{company_key(company)}"


def profile_key(url: str) -> str:
    """A profile URL as two sources are compared: its person key, `www.` or not.

    LinkedIn's export writes https://www.linkedin.com/in/..., while a URL typed or pasted for
    a person often lacks the `www.`. Stored person keys keep it, so re-imports still match.
    """
    return person_key(url, "", "", "").replace("https://www.", "https://", 1)


class Linkable(NamedTuple):
    """What connected_ids matches a person on (Store.linkables), without the rest of them."""

    id: int
    company_id: int
    name: str
    linkedin: str
    connected: bool


def connected_ids(
    contacts: Iterable[Contact | views.Contact | Linkable], connections: Iterable[Connection]
) -> frozenset[int]:
    """People who are first-degree connections: marked so, or in the export at their company."""
    names: dict[int, set[str]] = {}
    urls: set[str] = set()
    for c in connections:
        if c.company_id is not None:
            names.setdefault(c.company_id, set()).add(name_key(c.name))
        if c.url:
            urls.add(profile_key(c.url))
    # Keys are made only where a match is possible: a big hunt has few connections.
    return frozenset(
        p.id
        for p in contacts
        if p.id is not None
        and (
            p.connected
            or (p.company_id in names and name_key(p.name) in names[p.company_id])
            or (urls and p.linkedin.strip() and profile_key(p.linkedin) in urls)
        )
    )
