"""Who is already a first-degree connection: the guide's warmest LinkedIn channel, no note spent."""

from __future__ import annotations

from hunt_core.connections import connected_ids, person_key
from hunt_core.models import Connection, Contact


def _connection(first: str, last: str, company_id: int | None, url: str = "") -> Connection:
    return Connection(
        person_key=person_key(url, first, last, "Acme"),
        first_name=first,
        last_name=last,
        url=url,
        company_id=company_id,
    )


def test_marked_named_at_their_company_or_by_profile_url() -> None:
    people = [
        Contact(company_id=1, name="Sam Lee", role="developer", id=10, connected=True),
        Contact(company_id=1, name="jo  PARK", role="manager", id=11),
        Contact(company_id=2, name="Al Kim", role="recruiter", id=12,
                linkedin="linkedin.com/in/al-kim/?trk=x"),
        Contact(company_id=2, name="Jo Park", role="developer", id=13),  # a namesake elsewhere
        Contact(company_id=1, name="Ann Wu", role="developer", id=14),
    ]  # fmt: skip
    export = [
        _connection("Jo", "Park", 1),
        _connection("Albert", "Kim", None, url="https://www.LinkedIn.com/in/al-kim"),
    ]
    assert connected_ids(people, export) == {10, 11, 12}


def test_a_person_key_is_the_profile_url_else_the_name_at_the_company() -> None:
    assert person_key("HTTP://linkedin.com/in/sam/?x=1#top", "Sam", "Lee", "Acme") == (
        "https://linkedin.com/in/sam"
    )
    assert person_key("", "Sam", " LEE", "Acme, Inc.") == "name:sam lee|acme"
