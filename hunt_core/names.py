"""Company names as people type them: "Acme, Inc.", "ACME" and "The Acme Co" are one company."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

# Legal forms and corporate wrappers that say nothing about which company it is.
LEGAL_SUFFIXES = frozenset(
    ("inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
     "gmbh", "plc", "llp", "lp", "pllc", "ag", "sa", "bv", "nv", "pty", "group", "holdings")
)  # fmt: skip
# token_sort_ratio (0-100) on normalised names. A false match invents an "In", a missed one only
# leaves it unknown, so the cutoff is strict: one dropped or doubled letter matches once the name
# has nine letters ("Microsft" 94.1, "Acenture" 94.1), one changed letter does not ("Acme Health"
# vs "Acme Wealth" 90.9, "Northwest Bank" vs "Northeast Bank" 92.9), and shorter names must match
# exactly ("Deloite" 93.3, "Strip" vs "Stripe" 90.9, "Meta" vs "Beta" 75).
FUZZY_CUTOFF = 94.0

_JOINED = re.compile(r"(?<=\w)['\u2019.&](?=\w)")  # AT&T, J.P., Macy's: one word, not two
_WORD = re.compile(r"[^\W_]+")


def name_key(name: str) -> str:
    """The case- and space-insensitive key two names in one hunt must not share."""
    return " ".join(name.casefold().split())


@functools.lru_cache(maxsize=1 << 16)  # an import asks for each spelling several times
def company_key(name: str) -> str:
    """The normalised form two names of one company share: casefolded, no accents or legal form."""
    text = name.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold())
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = [w for w in _WORD.findall(_JOINED.sub("", text)) if w != "and"]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def compact_key(name: str) -> str:
    """company_key without spaces, so "Health Care" and "HealthCare" agree."""
    return company_key(name).replace(" ", "")


class CompanyMatcher:
    """Find which of some target companies a free-text company name means, exactly or fuzzily."""

    def __init__(self, companies: Iterable[tuple[int, str]]) -> None:
        self._exact: dict[str, int] = {}
        by_key: dict[str, int] = {}
        for company_id, name in sorted(companies):  # the oldest company wins a shared name
            key = company_key(name)
            if key:
                self._exact.setdefault(key.replace(" ", ""), company_id)
                by_key.setdefault(_sorted_words(key), company_id)
        self._ids = list(by_key.values())
        self._choices = list(by_key)
        self._known: dict[str, int | None] = {}  # thousands of spellings, fewer companies

    def match(self, name: str) -> int | None:
        """The id of the target company this name means, or None."""
        key = company_key(name)
        if key not in self._known:
            self._known[key] = self._lookup(key)
        return self._known[key]

    def _lookup(self, key: str) -> int | None:
        """Equal without spaces, else the best fuzzy match above the cutoff."""
        exact = self._exact.get(key.replace(" ", ""))
        if exact is not None or not key or not self._choices:
            return exact
        # ratio on words sorted once here is token_sort_ratio without re-sorting every choice.
        best = process.extractOne(
            _sorted_words(key), self._choices, scorer=fuzz.ratio, processor=None,
            score_cutoff=FUZZY_CUTOFF,
        )  # fmt: skip
        return self._ids[best[2]] if best else None

    def match_all(self, names: Iterable[str]) -> dict[str, int | None]:
        """Each distinct name once, mapped to its target company id or None."""
        return {name: self.match(name) for name in set(names)}


def _sorted_words(key: str) -> str:
    """A key's words in order, as token_sort_ratio compares them."""
    return " ".join(sorted(key.split()))
