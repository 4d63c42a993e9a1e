"""Open roles from the public Greenhouse, Lever and Ashby job-board APIs, or a saved answer."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import httpx

from hunt_core import http
from hunt_core.errors import HuntError, InvalidInput, NotFound
from hunt_core.models import Company, Posting
from hunt_core.store import Store

SOURCES = ("greenhouse", "lever", "ashby")
BOARDS = {"greenhouse": "Greenhouse board", "lever": "Lever site", "ashby": "Ashby job board"}
NAMES = {"greenhouse": "Greenhouse", "lever": "Lever", "ashby": "Ashby"}
_URLS = {
    "greenhouse": "https://boards-api.greenhouse.io/v1/boards/{}/jobs",
    "lever": "https://api.lever.co/v0/postings/{}",
    "ashby": "https://api.ashbyhq.com/posting-api/job-board/{}",
}
_PARAMS = {"greenhouse": {"content": "true"}, "lever": {"mode": "json"}, "ashby": {}}
# Board names as they appear in the boards' own URLs; no '.', '/' or '?' so a name can never
# change the host, the path or the query of the request.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,100}")
TIMEOUT = http.TIMEOUT
MAX_BYTES = 25_000_000  # a board with a thousand long postings is a few MB
DESCRIPTION_CHARS = 20_000  # keeps "or equivalent experience" at the end of long postings
LINE_CHARS = 300  # a title or location; a payload file must not fill the screen with one
_BLOCKS = frozenset({"p", "br", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
_REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")


@dataclass(frozen=True)
class JobsSummary:
    """What one job-board import changed for one company."""

    source: str
    fetched: int
    added: int
    removed: int
    kept: int


# -- fetching ----------------------------------------------------------------------------


def board_url(source: str, token: str) -> str:
    """The API address of one board, refusing names that are not plain board names."""
    _check_source(source)
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        raise InvalidInput(
            f"{BOARDS[source]} name {token!r} is not valid: use only letters, digits, '-' and "
            "'_', as in the board's web address"
        )
    return _URLS[source].format(quote(token, safe=""))


def fetch(
    source: str, token: str, *, client: httpx.Client | None = None, timeout: float = TIMEOUT
) -> Any:
    """The JSON a board's public API answers; any network or HTTP problem is one HuntError."""
    url = board_url(source, token)
    if client is None:
        with httpx.Client(headers={"User-Agent": http.USER_AGENT}) as own:
            return _get(own, source, token, url, timeout)
    return _get(client, source, token, url, timeout)


def _get(client: httpx.Client, source: str, token: str, url: str, timeout: float) -> Any:
    """One GET with a timeout and a size cap, its failures as one line each."""
    where = f"{BOARDS[source]} {token!r}"
    with (
        http.failures(httpx.URL(url).host, timeout, where),
        client.stream("GET", url, params=_PARAMS[source], timeout=timeout) as response,
    ):
        if response.status_code == 404:
            raise NotFound(f"no {BOARDS[source]} named {token!r} (404)")
        if response.status_code != 200:
            raise HuntError(
                f"{NAMES[source]} answered HTTP {response.status_code} for board {token!r}; "
                "try again later"
            )
        data = http.read_capped(response.iter_bytes(), MAX_BYTES, f"the answer for {where}")
    return load(data, f"the answer for {where}")


def read_file(path: str) -> bytes:
    """A saved payload's bytes, refusing a missing, unreadable or oversized file."""
    try:
        if os.path.getsize(path) > MAX_BYTES:
            raise http.too_large(path, MAX_BYTES)
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {path}") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None


def load(data: bytes, what: str = "the file") -> Any:
    """Decode JSON bytes, naming what is wrong with them."""
    if len(data) > MAX_BYTES:
        raise http.too_large(what, MAX_BYTES)
    return http.decode_json(data, what)


# -- parsing -----------------------------------------------------------------------------


def detect(payload: Any) -> str:
    """Which board a saved answer came from, by its shape."""
    expected = (
        "expected a saved job-board answer: a Greenhouse or Ashby object with a 'jobs' list, "
        "or a Lever list of postings"
    )
    if isinstance(payload, list):
        return "lever"
    if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
        raise InvalidInput(f"not a job-board payload: {expected}")
    jobs = [j for j in payload["jobs"] if isinstance(j, dict)]
    if "apiVersion" in payload or any(
        "jobUrl" in j or "isRemote" in j or "descriptionPlain" in j for j in jobs
    ):
        return "ashby"
    if "meta" in payload or any("absolute_url" in j or "internal_job_id" in j for j in jobs):
        return "greenhouse"
    raise InvalidInput(f"cannot tell whether this payload is from Greenhouse or Ashby: {expected}")


def parse(
    source: str, payload: Any, *, company_id: int = 0, now: dt.datetime | None = None
) -> list[Posting]:
    """Postings from one board's answer; missing fields stay empty, duplicates count once."""
    _check_source(source)
    jobs = _jobs(source, payload)
    fetched_at = now or dt.datetime.now()
    found: dict[str, Posting] = {}
    for job in jobs:
        posting = _PARSERS[source](job, company_id, fetched_at)
        if posting is not None:
            found.setdefault(posting.external_id, posting)
    return list(found.values())


def _jobs(source: str, payload: Any) -> list[dict[str, Any]]:
    """The job objects of a payload, refusing a shape that is not this board's."""
    if source == "lever":
        if not isinstance(payload, list):
            raise InvalidInput("a Lever answer is a list of postings")
        return [j for j in payload if isinstance(j, dict)]
    if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
        raise InvalidInput(f"a {NAMES[source]} answer is an object with a 'jobs' list")
    return [j for j in payload["jobs"] if isinstance(j, dict)]


def _greenhouse(job: dict[str, Any], company_id: int, now: dt.datetime) -> Posting | None:
    """One Greenhouse job; its content is HTML escaped once more."""
    title = _line(job.get("title"))
    if not title:
        return None
    where = job.get("location")
    place = _line(where.get("name")) if isinstance(where, dict) else ""
    url = _url(job.get("absolute_url"))
    return Posting(
        company_id=company_id,
        source="greenhouse",
        external_id=_key(job, url, title, place),
        title=title,
        fetched_at=now,
        location=place,
        remote=_remote_words(place, title),
        description=html_to_text(html.unescape(_text(job.get("content")))),
        url=url,
        posted_at=_timestamp(job.get("first_published") or job.get("updated_at")),
    )


def _lever(job: dict[str, Any], company_id: int, now: dt.datetime) -> Posting | None:
    """One Lever posting; requirements live in its lists."""
    title = _line(job.get("text"))
    if not title:
        return None
    categories = c if isinstance(c := job.get("categories"), dict) else {}
    places = categories.get("allLocations")
    place = "; ".join(p for p in map(_line, places) if p) if isinstance(places, list) else ""
    place = place or _line(categories.get("location"))
    kind = _text(job.get("workplaceType")).lower()
    remote = {"remote": True, "on-site": False, "onsite": False, "hybrid": False}.get(kind)
    url = _url(job.get("hostedUrl"))
    return Posting(
        company_id=company_id,
        source="lever",
        external_id=_key(job, url, title, place),
        title=title,
        fetched_at=now,
        location=place,
        remote=_remote_words(place, title) if remote is None else remote,
        description=_lever_text(job),
        url=url,
        posted_at=_timestamp(job.get("createdAt")),
    )


def _lever_text(job: dict[str, Any]) -> str:
    """Description, then each list (requirements, benefits) with its heading, then closing."""
    parts = [
        plain(_text(job.get("descriptionPlain"))) or html_to_text(_text(job.get("description")))
    ]
    lists = found if isinstance(found := job.get("lists"), list) else []
    for item in lists:
        if isinstance(item, dict):
            parts += [plain(_text(item.get("text"))), html_to_text(_text(item.get("content")))]
    parts.append(plain(_text(job.get("additionalPlain"))))
    return "\n".join(p for p in parts if p)[:DESCRIPTION_CHARS]


def _ashby(job: dict[str, Any], company_id: int, now: dt.datetime) -> Posting | None:
    """One Ashby job; unlisted ones are not on the public board."""
    title = _line(job.get("title"))
    if not title or job.get("isListed") is False:
        return None
    others = job.get("secondaryLocations")
    extra = [_line(o.get("location")) for o in others if isinstance(o, dict)] if others else []
    place = "; ".join(p for p in [_line(job.get("location")), *extra] if p)
    url = _url(job.get("jobUrl"))
    description = plain(_text(job.get("descriptionPlain")))
    return Posting(
        company_id=company_id,
        source="ashby",
        external_id=_key(job, url, title, place),
        title=title,
        fetched_at=now,
        location=place,
        remote=_ashby_remote(job, place, title),
        description=description or html_to_text(_text(job.get("descriptionHtml"))),
        url=url,
        posted_at=_timestamp(job.get("publishedAt")),
    )


def _ashby_remote(job: dict[str, Any], place: str, title: str) -> bool | None:
    """Ashby's workplaceType or isRemote, else the words of the location and title."""
    kind = _text(job.get("workplaceType")).lower()
    if kind == "remote" or job.get("isRemote") is True:
        return True
    if kind in ("onsite", "on-site", "hybrid") or job.get("isRemote") is False:
        return False
    return _remote_words(place, title)


_PARSERS: dict[str, Callable[[dict[str, Any], int, dt.datetime], Posting | None]] = {
    "greenhouse": _greenhouse,
    "lever": _lever,
    "ashby": _ashby,
}


def _key(job: dict[str, Any], url: str, title: str, place: str) -> str:
    """A posting's id on its board; without one (Ashby may omit it), its address or title."""
    return _text(job.get("id")) or url or " | ".join(t for t in (title, place) if t)


def _remote_words(place: str, title: str) -> bool | None:
    """True when the location or title says remote, None (unknown) otherwise."""
    return True if _REMOTE.search(place) or _REMOTE.search(title) else None


# -- plain text --------------------------------------------------------------------------


class _TextParser(HTMLParser):
    """Collect an HTML fragment's text, one line per block, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags gone, entities decoded, blank lines dropped, capped."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return plain("".join(parser.parts))


def plain(text: str) -> str:
    """Text with one space between words and no empty lines, capped at DESCRIPTION_CHARS."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:DESCRIPTION_CHARS]


# -- small readers -----------------------------------------------------------------------


def _text(value: Any) -> str:
    """A scalar as stripped text ('' for None, lists and objects)."""
    if value is None or isinstance(value, dict | list | bool):
        return ""
    return str(value).strip()


def _line(value: Any) -> str:
    """A title or place as one line of at most LINE_CHARS characters."""
    return " ".join(_text(value).split())[:LINE_CHARS]


def _url(value: Any) -> str:
    """An http(s) address, else '' (a payload file must not smuggle in javascript: links)."""
    url = _text(value)
    return url if url.lower().startswith(("https://", "http://")) else ""


def _timestamp(value: Any) -> dt.datetime | None:
    """An ISO date-time or epoch milliseconds as naive UTC; None when absent or unreadable."""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return dt.datetime.fromtimestamp(value / 1000, dt.UTC).replace(tzinfo=None)
        if isinstance(value, str) and value.strip():
            when = dt.datetime.fromisoformat(value.strip())
            return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when
    except (ValueError, OverflowError, OSError):
        pass
    return None


def _check_source(source: str) -> None:
    """Refuse a board kind Hunt does not read."""
    if source not in SOURCES:
        raise InvalidInput(f"job board {source!r} is not one of {', '.join(SOURCES)}")


# -- storing -----------------------------------------------------------------------------


def import_jobs(
    store: Store, company: Company, source: str, payload: Any, now: dt.datetime
) -> JobsSummary:
    """Make the company's postings from this board exactly the payload's, in one transaction."""
    if company.id is None:
        raise InvalidInput(f"company {company.name!r} is not saved yet")
    postings = parse(source, payload, company_id=company.id, now=now)
    fresh = {p.external_id for p in postings}
    with store.transaction():
        held = {p.external_id for p in store.postings(company.id) if p.source == source}
        store.replace_postings(company.id, source, postings)
    return JobsSummary(
        source=source,
        fetched=len(postings),
        added=len(fresh - held),
        removed=len(held - fresh),
        kept=len(fresh & held),
    )
