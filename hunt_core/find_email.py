"""Look for a person's email where the guide says to: GitHub (profile, commits) and their website.

Only when asked: nothing here runs on its own, and nothing is saved; the caller offers the
candidates with their sources and saves the one the user confirms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import httpx

from hunt_core import http
from hunt_core.errors import HuntError, InvalidInput, NotFound
from hunt_core.models import Contact

API = "https://api.github.com"
API_HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
API_BYTES = 2_000_000  # a page of 100 events is a few hundred kB
PAGE_BYTES = 1_000_000
PAGE_TYPES = ("text/html", "application/xhtml+xml")
MAX_REPOS = 3  # each costs one of the 60 requests an hour GitHub allows without a token
COMMITS_PER_REPO = 30
_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
_REPO = re.compile(r"[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(rf"[^@\s<>()\[\],;:\"]{{1,64}}@{_LABEL}(?:\.{_LABEL})+")
_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_NOREPLY = re.compile(r"no-?reply", re.IGNORECASE)
_GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})


@dataclass(frozen=True)
class Candidate:
    """An address found, and where (the text saved as the person's email source)."""

    email: str
    source: str


@dataclass(frozen=True)
class Found:
    """What one search found, and the sources it could not read (one line each)."""

    candidates: list[Candidate]
    problems: list[str]


# -- what the person's fields name -------------------------------------------------------


def github_login(value: str) -> str:
    """The login in a GitHub field: `alex`, `@alex` or a github.com/alex address."""
    text = value.strip()
    login = text.removeprefix("@")
    if "/" in text or "github.com" in text.lower():
        parts = urlsplit(text if "://" in text else f"https://{text}")
        segments = [s for s in parts.path.split("/") if s]
        if (parts.hostname or "").lower() not in _GITHUB_HOSTS or not segments:
            raise InvalidInput(
                f"GitHub {value!r} is neither a login nor a github.com/LOGIN address"
            )
        login = segments[0]
    if not _LOGIN.fullmatch(login):
        raise InvalidInput(f"GitHub login {login!r} is not valid: letters, digits and single '-'")
    return login


def website_url(value: str) -> str:
    """A personal website as an http(s) address, https:// added when no scheme is given."""
    text = value.strip()
    return str(http.web_url(text if "://" in text else f"https://{text}"))


# -- addresses ---------------------------------------------------------------------------


def clean_email(text: str) -> str | None:
    """An address with its domain lowercased; None for noreply and anything not an address."""
    email = text.strip().strip("<>").strip()
    if not _EMAIL.fullmatch(email) or _NOREPLY.search(email):
        return None
    local, domain = email.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def _unique(found: Iterable[Candidate]) -> list[Candidate]:
    """Each address once (ignoring case), with the first source it was found in."""
    seen: dict[str, Candidate] = {}
    for candidate in found:
        seen.setdefault(candidate.email.casefold(), candidate)
    return list(seen.values())


# -- GitHub ------------------------------------------------------------------------------


def from_github(
    client: httpx.Client, login: str, resolve: http.Resolver | None = None
) -> list[Candidate]:
    """The public profile's email, then author emails of commits in recently pushed repos.

    GitHub's public events stopped listing a push's commits in October 2025, so the events
    only say which repositories they pushed to; the commits come from each repository.
    """
    profile = _api(client, f"/users/{login}", f"user {login!r}", resolve)
    if not isinstance(profile, dict):
        raise HuntError(f"GitHub's answer for user {login!r} is not a profile")
    login = str(profile.get("login") or login)
    found: list[Candidate] = []
    email = clean_email(str(profile.get("email") or ""))
    if email:
        found.append(Candidate(email, f"GitHub profile github.com/{login}"))
    for repo in _pushed_repos(client, login, resolve):
        commits = _api(
            client,
            f"/repos/{_repo_path(repo)}/commits",
            f"commits in {repo}",
            resolve,
            params={"author": login, "per_page": str(COMMITS_PER_REPO)},
            missing_ok=True,  # a repository deleted or emptied since the push
        )
        for item in commits if isinstance(commits, list) else []:
            author = _dig(item, "commit", "author", "email")
            email = clean_email(author) if isinstance(author, str) else None
            if email:
                found.append(Candidate(email, f"GitHub commit on github.com/{repo}"))
    return _unique(found)


def _pushed_repos(client: httpx.Client, login: str, resolve: http.Resolver | None) -> list[str]:
    """Repositories the person pushed to lately, newest first; else their own, last pushed."""
    events = _api(
        client,
        f"/users/{login}/events/public",
        f"events of {login!r}",
        resolve,
        params={"per_page": "100"},
    )
    names = [
        _dig(e, "repo", "name")
        for e in (events if isinstance(events, list) else [])
        if isinstance(e, dict) and e.get("type") == "PushEvent"
    ]
    if not any(isinstance(n, str) for n in names):
        repos = _api(
            client,
            f"/users/{login}/repos",
            f"repositories of {login!r}",
            resolve,
            params={"sort": "pushed", "per_page": str(MAX_REPOS)},
        )
        names = [_dig(r, "full_name") for r in (repos if isinstance(repos, list) else [])]
    ordered = dict.fromkeys(n for n in names if isinstance(n, str) and _REPO.fullmatch(n))
    return list(ordered)[:MAX_REPOS]


def _repo_path(repo: str) -> str:
    """owner/name with each part quoted, so a name can only ever be a path segment."""
    owner, name = repo.split("/", 1)
    return f"{quote(owner, safe='')}/{quote(name, safe='')}"


def _api(
    client: httpx.Client,
    path: str,
    what: str,
    resolve: http.Resolver | None,
    *,
    params: dict[str, str] | None = None,
    missing_ok: bool = False,
) -> Any:
    """One GitHub REST call's JSON; 404, the rate limit and other refusals as one line."""
    answer = http.get_public(
        client,
        API + path,
        limit=API_BYTES,
        what=f"GitHub's answer for {what}",
        resolve=resolve,
        headers=API_HEADERS,
        params=params,
    )
    if answer.status == 200:
        return http.decode_json(answer.body, f"GitHub's answer for {what}")
    if missing_ok and answer.status in (404, 409):  # 409: an empty repository
        return []
    if answer.status == 404:
        raise NotFound(f"no {what} on GitHub (404)")
    if answer.status in (403, 429) and (
        answer.headers.get("x-ratelimit-remaining") == "0" or answer.status == 429
    ):
        raise HuntError(_rate_limited(answer.headers))
    raise HuntError(f"GitHub answered HTTP {answer.status} for {what}; try again later")


def _rate_limited(headers: httpx.Headers) -> str:
    """The rate-limit line, with the time it resets when GitHub says."""
    line = "GitHub's rate limit for this address is used up (60 requests an hour without a token)"
    reset = headers.get("x-ratelimit-reset", "")
    wait = headers.get("retry-after", "")
    if reset.isdigit():
        when = dt.datetime.fromtimestamp(int(reset), dt.UTC)
        return f"{line}; it resets at {when:%H:%M} UTC"
    if wait.isdigit():
        return f"{line}; try again in {int(wait)} s"
    return f"{line}; try again within the hour"


def _dig(value: Any, *keys: str) -> Any:
    """value[k1][k2]... or None where a level is missing or not an object."""
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


# -- personal website --------------------------------------------------------------------


class _MailtoParser(HTMLParser):
    """Collect the addresses of mailto: links (a and area tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("a", "area"):
            return
        href = "".join((dict(attrs).get("href") or "").split())
        if href.lower().startswith("mailto:"):
            recipients = unquote(href[len("mailto:") :].split("?", 1)[0])
            self.addresses += recipients.split(",")


def mailto_addresses(page: str) -> list[str]:
    """The addresses of a page's mailto: links, cleaned, each once, in page order."""
    parser = _MailtoParser()
    parser.feed(page)
    parser.close()
    cleaned = (clean_email(a) for a in parser.addresses)
    return list(dict.fromkeys(e for e in cleaned if e))


def from_website(
    client: httpx.Client, url: str, resolve: http.Resolver | None = None
) -> list[Candidate]:
    """mailto: links on a personal website's page (after its redirects)."""
    shown = _shown(httpx.URL(url))
    answer = http.get_public(
        client, url, limit=PAGE_BYTES, what=shown, resolve=resolve, types=PAGE_TYPES
    )
    if answer.status == 404:
        raise NotFound(f"{shown} was not found (404)")
    if answer.status != 200:
        raise HuntError(f"{shown} answered HTTP {answer.status}; try again later")
    declared = _CHARSET.search(answer.headers.get("content-type", ""))
    charset = declared.group(1) if declared else "utf-8"
    try:
        page = answer.body.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        page = answer.body.decode("utf-8", errors="replace")
    where = f"personal site {_shown(answer.url)}"
    return _unique(Candidate(e, where) for e in mailto_addresses(page))


def _shown(url: httpx.URL) -> str:
    """An address as people write it: host and path, no scheme, no trailing slash."""
    return f"{url.host}{url.path}".rstrip("/")


# -- both --------------------------------------------------------------------------------


def sources(contact: Contact) -> tuple[str | None, str | None]:
    """The GitHub login and website address to look at (None where the person has none)."""
    login = github_login(contact.github) if contact.github.strip() else None
    site = website_url(contact.website) if contact.website.strip() else None
    if login is None and site is None:
        raise InvalidInput(
            f"{contact.name} has no GitHub profile or personal website to look at; add one first"
        )
    return login, site


def search(
    contact: Contact, *, client: httpx.Client | None = None, resolve: http.Resolver | None = None
) -> Found:
    """Look on the person's GitHub and website; a source that fails is a problem, not the end.

    When every source failed, its one line is raised instead, so nothing looks found.
    """
    login, site = sources(contact)
    if client is None:
        with http.client() as own:
            return _search(own, login, site, resolve)
    return _search(client, login, site, resolve)


def _search(
    client: httpx.Client, login: str | None, site: str | None, resolve: http.Resolver | None
) -> Found:
    """Both sources through one client."""
    found: list[Candidate] = []
    errors: list[HuntError] = []
    for look, where in ((from_github, login), (from_website, site)):
        if where is None:
            continue
        try:
            found += look(client, where, resolve)
        except HuntError as exc:
            errors.append(exc)
    if errors and not found:
        if len(errors) == 1:
            raise errors[0]
        raise HuntError("; ".join(str(e) for e in errors))
    return Found(_unique(found), [str(e) for e in errors])
