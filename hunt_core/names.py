"""Company names as people type them: "Acme, Inc.", "ACME" and "The Acme Co" are one company."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Legal forms and corporate wrappers that say nothing about which company it is.
LEGAL_SUFFIXES = frozenset(
    ("inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
     "gmbh", "plc", "llp", "lp", "pllc", "ag", "sa", "bv", "nv", "pty", "group", "holdings")
)  # fmt: skip
# token_sort_ratio (0-100) on normalised names at or above which a name that is not the same
# company is offered as "did you mean": a false link invents an "In", so near misses are only
# ever suggested ("Microsft" 94.1, "Company450" vs "Company40" 94.7, "Acme Wealth" vs "Acme
# Health" 90.9), and the user confirms them as an alias.
SUGGEST_CUTOFF = 85.0
_BATCH = 2048  # names scored at once against every target: a float32 matrix of a few MB

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


@dataclass(frozen=True)
class NearMiss:
    """A name close to a target's but not the same company: offered, never linked."""

    company_id: int
    similarity: float  # token_sort_ratio, 0-100


class CompanyMatcher:
    """Which target company a free-text name means: the same after normalising, or a confirmed
    alias. Close names are only offered as near misses."""

    def __init__(
        self, companies: Iterable[tuple[int, str]], aliases: Iterable[tuple[int, str]] = ()
    ) -> None:
        self._exact: dict[str, int] = {}
        by_key: dict[str, int] = {}
        for company_id, name in sorted(companies):  # the oldest company wins a shared name
            key = company_key(name)
            if key:
                self._exact.setdefault(key.replace(" ", ""), company_id)
                by_key.setdefault(_sorted_words(key), company_id)
        targets = set(by_key.values())
        for company_id, alias in aliases:
            key = compact_key(alias)
            if key and company_id in targets:
                self._exact.setdefault(key, company_id)
        self._ids = list(by_key.values())
        self._choices = list(by_key)
        self._known: dict[str, int | None] = {}  # thousands of spellings, fewer companies

    def match(self, name: str) -> int | None:
        """The id of the target company this name means, or None."""
        key = company_key(name)
        if key not in self._known:
            self._known[key] = self._exact.get(key.replace(" ", ""))
        return self._known[key]

    def near(self, name: str) -> NearMiss | None:
        """The closest target to a name that matches none, when it is close enough to ask."""
        return self.near_all([name]).get(name)

    def near_all(self, names: Iterable[str]) -> dict[str, NearMiss]:
        """Each distinct name that matches no target but is close to one: the closest."""
        # Loaded only when an import looks for near misses: the CLI and pages start faster.
        import numpy as np
        from rapidfuzz import fuzz, process

        spellings: dict[str, list[str]] = {}
        for name in set(names):
            key = company_key(name)
            if key and self.match(name) is None:
                spellings.setdefault(_sorted_words(key), []).append(name)
        queries = list(spellings)
        found: dict[str, NearMiss] = {}
        for start in range(0, len(queries) if self._choices else 0, _BATCH):
            batch = queries[start : start + _BATCH]
            # ratio on words sorted once is token_sort_ratio; one C loop per batch, not per name
            scores = process.cdist(
                batch, self._choices, scorer=fuzz.ratio, processor=None,
                score_cutoff=SUGGEST_CUTOFF, dtype=np.float32,
            )  # fmt: skip
            for row, (query, column) in enumerate(zip(batch, scores.argmax(axis=1), strict=True)):
                score = float(scores[row, column])
                if score >= SUGGEST_CUTOFF:
                    miss = NearMiss(self._ids[int(column)], round(score, 1))
                    found.update((name, miss) for name in spellings[query])
        return found

    def match_all(self, names: Iterable[str]) -> dict[str, int | None]:
        """Each distinct name once, mapped to its target company id or None."""
        return {name: self.match(name) for name in set(names)}


def _sorted_words(key: str) -> str:
    """A key's words in order, as token_sort_ratio compares them."""
    return " ".join(sorted(key.split()))
