"""Read-only views: the same fields as the stored records, and no way to write through them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from hunt_core import models, views

PAIRS = [
    (models.Company, views.Company),
    (models.Contact, views.Contact),
    (models.Profile, views.Profile),
    (models.Posting, views.Posting),
    (models.Connection, views.Connection),
]


@pytest.mark.parametrize(("record", "view"), PAIRS, ids=lambda t: t.__name__)
def test_every_view_has_exactly_the_fields_of_its_record(
    record: type,
    view: type[views.Company | views.Contact | views.Profile | views.Posting | views.Connection],
) -> None:
    assert set(view._fields) == {f.name for f in dataclasses.fields(record)}


def test_the_fast_builders_agree_with_the_generic_one() -> None:
    company = models.Company("Acme", id=3, locations=["Omaha, NE"], stack=["C#"], alumni_hired=2)
    contact = models.Contact(3, "Jo Park", "developer", id=9, connected=True, college="NDSU")
    assert views.company(company) == views.view(company)
    assert views.contact(contact) == views.view(contact)
    assert views.contact(contact).first_name == "Jo"


def test_a_write_raises_and_lists_are_tuples() -> None:
    profile = views.profile(models.Profile(name="Sam", stack=[".NET"], linkedin="premium"))
    with pytest.raises(AttributeError):
        profile.name = "Mallory"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        profile.stack.append("COBOL")  # type: ignore[attr-defined]
    assert profile.note_limit == 300 and profile.monthly_notes is None
    assert profile.commute_radius == models.COMMUTE_KM


def test_grouped_rows_are_read_only() -> None:
    posting = views.posting(
        models.Posting(1, "lever", "x", "Dev", dt.datetime(2026, 11, 1), location="Remote", id=4)
    )
    grouped = views.grouped([posting])
    assert grouped[1] == (posting,)
    with pytest.raises(TypeError):
        grouped[2] = ()  # type: ignore[index]


@pytest.mark.parametrize(
    "record",
    [
        models.Company("Acme"),
        models.Contact(1, "Jo Park"),
        models.Posting(1, "lever", "x", "Dev", dt.datetime(2026, 11, 1)),
        models.Connection("jo", "Jo", "Park", id=2),
    ],
    ids=lambda r: type(r).__name__,
)
def test_plugins_see_only_stored_records_so_ids_are_ints(record: object) -> None:
    with pytest.raises(ValueError, match=r"no id|no target company"):
        views.view(record)


def test_a_connection_elsewhere_is_never_a_view() -> None:
    with pytest.raises(ValueError, match="no target company"):
        views.connection(models.Connection("jo", "Jo", "Park", id=2))


def test_seen_builds_each_view_once_and_follows_the_record() -> None:
    seen = views.Seen()
    acme, twin = models.Company("Acme", id=1), models.Company("Acme", id=1)
    assert seen.company(acme) is seen.company(acme)
    assert seen.company(twin) == seen.company(acme) and seen.company(twin) is not seen.company(acme)


def test_a_person_s_view_is_their_stored_row_as_it_stands() -> None:
    """The snapshot makes people's views straight from rows of the record's fields in order."""
    assert views.Contact._fields == tuple(f.name for f in dataclasses.fields(models.Contact))
    person = models.Contact(3, "Sam Lee", role="developer", id=9, email="sam@acme.io")
    row = dataclasses.astuple(person)
    assert views.contacts_from_rows([row]) == [views.contact(person)]


def test_seen_adopts_views_made_elsewhere_for_their_records() -> None:
    seen = views.Seen()
    rows = [dataclasses.astuple(models.Contact(1, n, id=i)) for i, n in enumerate("AB", 1)]
    records = [models.Contact(*row) for row in rows]
    made = views.contacts_from_rows(rows)
    seen.adopt(records, made)
    assert [seen.contact(r) for r in records] == made
    assert all(seen.contact(r) is v for r, v in zip(records, made, strict=True))
