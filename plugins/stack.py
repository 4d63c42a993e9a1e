"""Guide step 1: the company builds with a stack you know (.NET/C# by default)."""

from __future__ import annotations

import functools
import re

from hunt_core import Criterion, Signal, hookimpl
from hunt_core.models import Company, Profile
from hunt_core.wording import possessive

KEY = "stack"
# Spellings of one technology share a family; C# counts as .NET because the guide pairs them.
_FAMILIES = {
    "dotnet": ".net|dotnet|dot net|.net core|.net framework|asp.net|asp.net core|asp.net mvc"
    "|c#|csharp|c sharp|f#|vb.net|blazor|entity framework",
    "javascript": "javascript|js|ecmascript",
    "typescript": "typescript|ts",
    "node": "node|node.js|nodejs|express|express.js",
    "react": "react|react.js|reactjs|react native|next.js|nextjs",
    "vue": "vue|vue.js|vuejs|nuxt",
    "angular": "angular|angularjs|angular.js",
    "python": "python|django|flask|fastapi",
    "ruby": "ruby|rails|ruby on rails|ror",
    "java": "java|spring|spring boot|kotlin",
    "go": "go|golang",
    "php": "php|laravel|symfony",
    "cpp": "c++|cpp",
    "postgres": "postgres|postgresql",
    "sql": "sql|mysql|sql server|mssql|t-sql|tsql",
    "aws": "aws|amazon web services",
    "azure": "azure",
    "kubernetes": "kubernetes|k8s",
    "swift": "swift|ios",
    "rust": "rust",
    "elixir": "elixir|phoenix",
}
ALIASES = {a: family for family, names in _FAMILIES.items() for a in names.split("|")}
# Words too common in job titles ("Go-to-market", "Spring intern") are matched only as a
# whole stack item, never inside a title.
_NOT_IN_TITLES = {"go", "ts", "ror", "spring", "express", "phoenix", "swift", "rust"}
# Longest first so "asp.net core" wins over ".net"; the edges allow the "." and "#" in names.
TERMS = re.compile(
    r"(?<![\w.#+])("
    + "|".join(re.escape(a) for a in sorted(ALIASES.keys() - _NOT_IN_TITLES, key=len)[::-1])
    + r")(?![\w#+])",
    re.IGNORECASE,
)


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the stack criterion."""
    return [
        Criterion(
            key=KEY,
            label="Stack you know",
            applies_to="company",
            default_weight=3,
            description="A company that hires developers like you: .NET/C# (or your stack).",
            guide_step=1,
        )
    ]


def _fold(text: str) -> str:
    """Case- and space-insensitive form of a stack item."""
    return " ".join(text.casefold().split())


@functools.lru_cache(maxsize=8192)
def _mentions(text: str) -> tuple[tuple[str, str], ...]:
    """(term as written, family) for each technology a stack item or job title names."""
    key = _fold(text)
    if key in ALIASES:
        return ((text.strip(), ALIASES[key]),)
    return tuple((m, ALIASES[m.casefold()]) for m in TERMS.findall(text))


@functools.lru_cache(maxsize=8192)
def _families(item: str) -> frozenset[str]:
    """Families of a stack item, keeping an unlisted technology ('Elm') as its own family."""
    return frozenset(family for _, family in _mentions(item)) or frozenset({_fold(item)})


@functools.lru_cache(maxsize=256)
def your_stack(stack: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """(family -> your first item naming it, folded item -> item) for a profile's stack."""
    mine: dict[str, str] = {}
    for item in stack:
        for family in sorted(_families(item)):
            mine.setdefault(family, item)
    return mine, {_fold(item): item for item in stack}


@hookimpl
def hunt_score_company(company: Company, profile: Profile) -> Signal:
    """1.0 when the company's stack or postings name a technology you know."""
    mine, exact = your_stack(tuple(profile.stack))
    if not mine:
        return Signal(KEY, None, "unknown: add the languages you know to your profile")
    for item in company.stack:
        hits = sorted(_families(item) & mine.keys())
        if hits:
            yours = exact.get(_fold(item)) or mine[hits[0]]
            known = "you know" if _fold(yours) == _fold(item) else f"matches your {yours}"
            return Signal(
                KEY,
                1.0,
                f"stack lists {item}, which {known}",
                evidence="company.stack",
                pitch=f"I build with {yours}, which I see you use",
            )
    for title in company.open_roles:
        for term, family in _mentions(title):
            if family in mine:
                return Signal(
                    KEY,
                    1.0,
                    f"posting '{title}' names {term}, which you know",
                    evidence="company.open_roles",
                    pitch=f"I build with {exact.get(_fold(term)) or mine[family]}",
                )
    named = list(company.stack) or list(
        dict.fromkeys(term for title in company.open_roles for term, _ in _mentions(title))
    )
    if not named:
        return Signal(
            KEY,
            None,
            f"unknown: check {possessive(company.name)} job postings or engineering blog "
            "for their stack",
        )
    where = "stack lists" if company.stack else "postings name"
    return Signal(
        KEY,
        0.0,
        f"{where} {', '.join(named[:4])}, none of which you know "
        f"(you listed {', '.join(profile.stack)})",
        evidence="company.stack" if company.stack else "company.open_roles",
    )
