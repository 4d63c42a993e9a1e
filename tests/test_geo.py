"""Offline place lookup: hints, most-populous choice, unknowns, haversine distance."""

from __future__ import annotations

import pytest

from hunt_core import geo

FARGO = (46.877, -96.790)


def _near(found: tuple[float, float] | None, lat: float, lon: float) -> bool:
    return found is not None and abs(found[0] - lat) < 0.1 and abs(found[1] - lon) < 0.1


@pytest.mark.parametrize(
    ("place", "lat", "lon"),
    [
        ("Fargo", 46.877, -96.790),
        ("Fargo, ND", 46.877, -96.790),
        ("fargo,  north dakota", 46.877, -96.790),
        ("Fargo ND", 46.877, -96.790),
        ("West Fargo, North Dakota", 46.875, -96.900),
        ("Denver, CO, USA", 39.739, -104.985),
        ("Denver, CO (HQ)", 39.739, -104.985),
        ("Greater Denver Area", 39.739, -104.985),
        ("London, UK", 51.509, -0.126),
        ("London, England", 51.509, -0.126),
        ("St. Paul, MN", 44.944, -93.093),
        ("New York, NY", 40.714, -74.006),
        ("Zürich", 47.367, 8.550),
    ],
)
def test_resolves_places(place: str, lat: float, lon: float) -> None:
    assert _near(geo.resolve(place), lat, lon)


def test_most_populous_match_unless_a_hint_says_otherwise() -> None:
    assert _near(geo.resolve("London"), 51.509, -0.126)  # not London, Ontario
    assert _near(geo.resolve("London, ON"), 42.983, -81.233)
    assert _near(geo.resolve("London, Ontario, Canada"), 42.983, -81.233)
    assert _near(geo.resolve("Portland"), 45.523, -122.676)
    assert _near(geo.resolve("Portland, ME"), 43.657, -70.259)
    assert _near(geo.resolve("Medellin, CO"), 6.245, -75.572)  # CO is Colombia here


@pytest.mark.parametrize("place", ["", "   ", "Remote", "Nowhereville", "Fargo, UK"])
def test_unknown_places_are_none(place: str) -> None:
    assert geo.resolve(place) is None


def test_lookups_are_cached() -> None:
    geo.resolve("Boulder, CO")
    before = geo.resolve.cache_info().hits
    geo.resolve("Boulder, CO")
    assert geo.resolve.cache_info().hits == before + 1


def test_distance_km() -> None:
    assert geo.distance_km(FARGO, FARGO) == 0.0
    west_fargo = geo.resolve("West Fargo, ND")
    assert west_fargo is not None
    assert 7 < geo.distance_km(FARGO, west_fargo) < 10
    denver, boulder = geo.resolve("Denver"), geo.resolve("Boulder, CO")
    assert denver is not None and boulder is not None
    assert 35 < geo.distance_km(denver, boulder) < 42
    assert geo.distance_km(denver, boulder) == pytest.approx(geo.distance_km(boulder, denver))
    # London to New York is about 5,570 km.
    assert geo.distance_km((51.5074, -0.1278), (40.7128, -74.006)) == pytest.approx(5570, rel=0.01)
