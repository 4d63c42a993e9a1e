"""Technology names and job-title words the built-in plugins share (private: not for third parties).

stack and job_postings both read a technology out of a stack item or a posting, and growth and
job_postings both read a title as entry level or growth; the vocabulary lives here, so neither
plugin imports the other's internals.
"""

from __future__ import annotations

import functools
import re

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


def fold(text: str) -> str:
    """Case- and space-insensitive form of a stack item."""
    return " ".join(text.casefold().split())


@functools.lru_cache(maxsize=8192)
def mentions(text: str) -> tuple[tuple[str, str], ...]:
    """(term as written, family) for each technology a stack item or job title names."""
    key = fold(text)
    if key in ALIASES:
        return ((text.strip(), ALIASES[key]),)
    return tuple((m, ALIASES[m.casefold()]) for m in TERMS.findall(text))


@functools.lru_cache(maxsize=8192)
def families(item: str) -> frozenset[str]:
    """Families of a stack item, keeping an unlisted technology ('Elm') as its own family."""
    return frozenset(family for _, family in mentions(item)) or frozenset({fold(item)})


@functools.lru_cache(maxsize=256)
def your_stack(stack: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """(family -> your first item naming it, folded item -> item) for a profile's stack."""
    mine: dict[str, str] = {}
    for item in stack:
        for family in sorted(families(item)):
            mine.setdefault(family, item)
    return mine, {fold(item): item for item in stack}


# Job titles: an entry-level opening, else one a growing company hires for.
ENTRY = re.compile(
    r"\b(?:junior|jr|entry[- ]level|entry|apprentice(?:ship)?|new[- ]grad(?:uate)?|graduate"
    r"|interns?(?:hip)?|trainee|early[- ]career"
    r"|associate(?!\s+(?:director|vice|vp|principal|partner|general|manager))"
    r"|(?:engineer|developer|programmer)\s+(?:i|1)(?![\w-]))\b",
    re.IGNORECASE,
)
GROWTH = re.compile(
    r"\b(?:senior|sr|staff|principal|lead|head of|director|vp|vice president"
    r"|engineering manager|recruit(?:er|ing|ment)|talent|hr|hrbp|human resources"
    r"|people (?:ops|operations|partner))\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=16384)  # the same titles recur across many companies
def level(title: str) -> str:
    """'entry' for an entry-level opening, else 'growth' for one a growing company hires, or ''."""
    if ENTRY.search(title):
        return "entry"
    return "growth" if GROWTH.search(title) else ""


def quote(titles: list[str]) -> str:
    """'A' or 'A' (and 2 more)."""
    more = f" (and {len(titles) - 1} more)" if len(titles) > 1 else ""
    return f"'{titles[0]}'{more}"
