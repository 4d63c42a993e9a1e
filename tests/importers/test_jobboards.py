"""Job boards: recorded Greenhouse, Lever and Ashby answers, HTTP failures, refreshes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from hunt_core.errors import HuntError, InvalidInput, NotFound
from hunt_core.importers import jobboards
from hunt_core.models import Company, Posting
from hunt_core.store import Store
from hunt_core.workspace import Workspace

PAYLOADS = Path(__file__).parent / "payloads"
NOW = dt.datetime(2026, 11, 26, 9, 0)
Handler = Callable[[httpx.Request], httpx.Response]


def recorded(source: str) -> Any:
    """A recorded answer of one board's API."""
    return json.loads((PAYLOADS / f"{source}.json").read_text(encoding="utf-8"))


def by_title(postings: list[Posting]) -> dict[str, Posting]:
    """Postings by title (the recorded payloads use each title once per board)."""
    return {p.title: p for p in postings}


def client(handler: Handler, calls: list[httpx.Request] | None = None) -> httpx.Client:
    """An httpx client whose every request is answered by handler, never the network."""

    def answer(request: httpx.Request) -> httpx.Response:
        if calls is not None:
            calls.append(request)
        return handler(request)

    return httpx.Client(transport=httpx.MockTransport(answer))


def answers(status: int, body: Any = None, content: bytes | None = None) -> Handler:
    """A handler answering with a status and a JSON body (or raw bytes)."""
    return lambda request: (
        httpx.Response(status, content=content)
        if content is not None
        else httpx.Response(status, json=body)
    )


def raises(exc: type[httpx.RequestError]) -> Handler:
    """A handler that fails the way httpx does when offline or too slow."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise exc("simulated", request=request)

    return handler


@pytest.fixture
def acme(store: Store) -> Company:
    """A saved target company."""
    return store.add_company(Company("Acme Health"))


def rows(store: Store) -> list[tuple[Any, ...]]:
    """Every stored posting as plain values, to compare the database before and after."""
    return [
        (p.company_id, p.source, p.external_id, p.title, p.location, p.remote, p.description)
        for p in store.postings()
    ]


# -- parsing the recorded payloads ---------------------------------------------------------


def test_greenhouse_payload_parses_with_plain_text_descriptions() -> None:
    postings = by_title(jobboards.parse("greenhouse", recorded("greenhouse"), now=NOW))
    assert list(postings) == [
        "Senior Software Engineer, .NET",
        "Technical Recruiter",
        "Staff Engineer - Platform (Remote)",
    ]
    senior = postings["Senior Software Engineer, .NET"]
    assert senior.source == "greenhouse"
    assert senior.external_id == "4012345006"
    assert senior.location == "Denver, CO"
    assert senior.url == "https://boards.greenhouse.io/acmehealth/jobs/4012345006"
    assert senior.posted_at == dt.datetime(2026, 11, 18, 19, 3, 27)  # -05:00 as UTC
    assert senior.fetched_at == NOW
    assert senior.description.splitlines() == [
        "Acme Health builds scheduling software for 900 clinics.",
        "What you'll do",
        "Design and ship APIs in C# and ASP.NET Core",
        "Mentor junior developers & review code",
        "What you bring",
        "BS in Computer Science or equivalent experience",
        "5+ years with .NET and SQL Server",
    ]


def test_lever_payload_keeps_lists_and_every_location() -> None:
    postings = by_title(jobboards.parse("lever", recorded("lever"), now=NOW))
    junior = postings["Junior Developer (C#/Blazor)"]
    assert junior.external_id == "8c1f5c2e-3b4a-4d2e-9f61-2a7b9c0d1e23"
    assert junior.location == "Denver, CO; Boulder, CO"
    assert junior.url == "https://jobs.lever.co/acmehealth/8c1f5c2e-3b4a-4d2e-9f61-2a7b9c0d1e23"
    assert junior.posted_at == dt.datetime(2026, 11, 14, 16, 0)  # createdAt in milliseconds
    assert "Requirements\nGraduates of a coding bootcamp are welcome" in junior.description
    assert "Build Blazor components for the portal" in junior.description
    assert junior.description.endswith("Acme Health is an equal opportunity employer.")
    assert postings["Staff Engineer - Platform (Remote)"].location == "United States"


def test_ashby_payload_skips_unlisted_jobs_and_reads_html_when_plain_is_missing() -> None:
    postings = by_title(jobboards.parse("ashby", recorded("ashby"), now=NOW))
    assert list(postings) == [
        "Apprentice Software Engineer",
        "Senior Software Engineer, .NET",
        "Technical Recruiter",
    ]
    apprentice = postings["Apprentice Software Engineer"]
    assert apprentice.location == "Boulder, CO; Denver, CO"
    assert apprentice.posted_at == dt.datetime(2026, 11, 10, 16, 21, 55, 393000)
    senior = postings["Senior Software Engineer, .NET"]
    assert senior.description == (
        "Modernise our billing services on ASP.NET Core & Azure.\n"
        "Bachelor's degree or equivalent experience"
    )
    recruiter = postings["Technical Recruiter"]  # the documented example has no id
    assert recruiter.external_id == "https://jobs.ashbyhq.com/acmehealth/recruiter"
    assert (recruiter.description, recruiter.posted_at, recruiter.remote) == ("", None, None)


@pytest.mark.parametrize(
    ("source", "title", "remote"),
    [
        ("greenhouse", "Senior Software Engineer, .NET", None),  # Denver: the board didn't say
        ("greenhouse", "Technical Recruiter", True),  # "Remote - US"
        ("greenhouse", "Staff Engineer - Platform (Remote)", True),  # said in the title
        ("lever", "Junior Developer (C#/Blazor)", False),  # workplaceType on-site
        ("lever", "Staff Engineer - Platform (Remote)", True),  # workplaceType remote
        ("lever", "Technical Recruiter", None),  # workplaceType unspecified
        ("ashby", "Apprentice Software Engineer", False),  # workplaceType OnSite
        ("ashby", "Senior Software Engineer, .NET", True),  # isRemote
        ("ashby", "Technical Recruiter", None),  # neither field
    ],
)
def test_remote_detection(source: str, title: str, remote: bool | None) -> None:
    assert by_title(jobboards.parse(source, recorded(source)))[title].remote is remote


@pytest.mark.parametrize(
    ("source", "payload"),
    [
        ("greenhouse", {"jobs": [{"title": "Developer"}]}),
        ("greenhouse", {"jobs": [{"title": "Developer", "location": None, "content": None}]}),
        ("lever", [{"text": "Developer"}]),
        ("lever", [{"text": "Developer", "categories": None, "lists": None}]),
        ("ashby", {"jobs": [{"title": "Developer"}]}),
        ("ashby", {"jobs": [{"title": "Developer", "secondaryLocations": None}]}),
    ],
)
def test_missing_fields_are_normal(source: str, payload: Any) -> None:
    [posting] = jobboards.parse(source, payload, company_id=7, now=NOW)
    assert (posting.company_id, posting.title, posting.external_id) == (7, "Developer", "Developer")
    assert (posting.location, posting.description, posting.url) == ("", "", "")
    assert (posting.remote, posting.posted_at) == (None, None)


def test_jobs_without_a_title_or_not_objects_are_skipped_and_duplicates_count_once() -> None:
    payload = {"jobs": [{"id": 1}, "junk", None, {"id": 2, "title": "A"}, {"id": 2, "title": "B"}]}
    assert [p.title for p in jobboards.parse("greenhouse", payload)] == ["A"]


def test_titles_and_places_are_one_short_line() -> None:
    job = {"id": 1, "title": "  Senior\n  Engineer ", "location": {"name": "x" * 1_000}}
    [posting] = jobboards.parse("greenhouse", {"jobs": [job]})
    assert posting.title == "Senior Engineer"
    assert posting.location == "x" * jobboards.LINE_CHARS


def test_unreadable_dates_and_unsafe_links_are_dropped() -> None:
    job = {"id": 1, "title": "A", "updated_at": "last week", "absolute_url": "javascript:alert(1)"}
    [posting] = jobboards.parse("greenhouse", {"jobs": [job]})
    assert (posting.posted_at, posting.url) == (None, "")


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One</p><p>Two&nbsp;words</p>", "One\nTwo words"),
        ("<ul><li>C# &amp; .NET</li><li>SQL</li></ul>", "C# & .NET\nSQL"),
        ("Line<br>break", "Line\nbreak"),
        ("<style>p {color: red}</style><script>x()</script><b>Bold</b> text", "Bold text"),
        ("no tags at all", "no tags at all"),
        ("<p>unclosed", "unclosed"),
        ("", ""),
    ],
)
def test_html_to_text(fragment: str, text: str) -> None:
    assert jobboards.html_to_text(fragment) == text


def test_descriptions_are_capped() -> None:
    job = {"id": 1, "title": "A", "content": "&lt;p&gt;" + "word " * 10_000}
    [posting] = jobboards.parse("greenhouse", {"jobs": [job]})
    assert len(posting.description) == jobboards.DESCRIPTION_CHARS


def test_a_payload_of_the_wrong_shape_is_refused() -> None:
    with pytest.raises(InvalidInput, match="a Lever answer is a list of postings"):
        jobboards.parse("lever", {"jobs": []})
    with pytest.raises(InvalidInput, match="a Greenhouse answer is an object with a 'jobs' list"):
        jobboards.parse("greenhouse", [])
    with pytest.raises(InvalidInput, match="'workday' is not one of greenhouse, lever, ashby"):
        jobboards.parse("workday", [])


# -- telling saved payloads apart ----------------------------------------------------------


@pytest.mark.parametrize("source", jobboards.SOURCES)
def test_detect_recognises_each_recorded_payload(source: str) -> None:
    assert jobboards.detect(recorded(source)) == source


@pytest.mark.parametrize(
    ("payload", "source"),
    [
        ([], "lever"),
        ({"jobs": [], "meta": {"total": 0}}, "greenhouse"),
        ({"apiVersion": "1", "jobs": []}, "ashby"),
    ],
)
def test_detect_empty_boards(payload: Any, source: str) -> None:
    assert jobboards.detect(payload) == source


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"name": "Acme"}, "not a job-board payload: expected a saved job-board answer"),
        ("jobs", "not a job-board payload"),
        ({"jobs": "many"}, "not a job-board payload"),
        ({"jobs": []}, "cannot tell whether this payload is from Greenhouse or Ashby"),
    ],
)
def test_detect_names_what_it_expected(payload: Any, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        jobboards.detect(payload)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b'{"jobs": [', "the file is not valid JSON: Expecting value: line 1 column 11"),
        (b"\xff\xfe\x00binary\x00", "the file is not UTF-8 JSON"),
        (b"[" * 100_000, "the file is not JSON Hunt can read: nested too deeply"),
        (b"[" + b"9" * 5_000 + b"]", "the file is not valid JSON: Exceeds the limit"),
    ],
)
def test_load_names_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        jobboards.load(data)


def test_read_file_refuses_missing_and_oversized_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        jobboards.read_file(str(tmp_path / "missing.json"))
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b" " * 2_000 + b"]")
    monkeypatch.setattr(jobboards, "MAX_BYTES", 1_000)
    with pytest.raises(InvalidInput, match=r"big\.json is larger than"):
        jobboards.read_file(str(big))


# -- fetching through a mock transport -------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "url"),
    [
        ("greenhouse", "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"),
        ("lever", "https://api.lever.co/v0/postings/acme?mode=json"),
        ("ashby", "https://api.ashbyhq.com/posting-api/job-board/acme"),
    ],
)
def test_fetch_asks_the_documented_address(source: str, url: str) -> None:
    calls: list[httpx.Request] = []
    with client(answers(200, recorded(source)), calls) as http:
        assert jobboards.fetch(source, "acme", client=http) == recorded(source)
    [request] = calls
    assert str(request.url) == url
    assert request.method == "GET"


@pytest.mark.parametrize(
    "token", ["../acme", "acme?content=false", "acme/jobs", "acme#x", "", "a b", "%2e%2e", "x.io"]
)
def test_a_token_that_could_change_the_address_is_refused(token: str) -> None:
    calls: list[httpx.Request] = []
    with (
        client(answers(200, {"jobs": []}), calls) as http,
        pytest.raises(InvalidInput, match="only letters, digits, '-' and '_'"),
    ):
        jobboards.fetch("greenhouse", token, client=http)
    assert calls == []


FAILURES = [
    (
        answers(404, {"status": 404, "error": "Job not found"}),
        NotFound,
        "no Greenhouse board named 'acme' \\(404\\)",
    ),
    (answers(503, {}), HuntError, "Greenhouse answered HTTP 503 for board 'acme'; try again later"),
    (answers(301, content=b""), HuntError, "answered HTTP 301"),
    (
        raises(httpx.ReadTimeout),
        HuntError,
        "boards-api.greenhouse.io did not answer within 10 s; try again later",
    ),
    (raises(httpx.ConnectTimeout), HuntError, "did not answer within 10 s"),
    (
        raises(httpx.ConnectError),
        HuntError,
        "cannot reach boards-api.greenhouse.io: are you offline\\?",
    ),
    (raises(httpx.RemoteProtocolError), HuntError, "cannot fetch Greenhouse board 'acme'"),
    (
        answers(200, content=b"<html>Service unavailable</html>"),
        InvalidInput,
        "the answer for Greenhouse board 'acme' is not valid JSON",
    ),
    (answers(200, content=b""), InvalidInput, "the answer for Greenhouse board 'acme' is empty"),
    (
        answers(200, {"error": "nope"}),
        InvalidInput,
        "a Greenhouse answer is an object with a 'jobs' list",
    ),
]


FAILURE_IDS = ["404", "503", "redirect", "read-timeout", "connect-timeout", "offline",
               "protocol", "html", "empty", "wrong-shape"]  # fmt: skip


@pytest.mark.parametrize(("handler", "error", "message"), FAILURES, ids=FAILURE_IDS)
def test_each_failure_is_one_line_and_the_database_stays_as_it_was(
    ws: Workspace, acme: Company, handler: Handler, error: type[Exception], message: str
) -> None:
    ws.import_jobs("Acme Health", file=(PAYLOADS / "greenhouse.json").read_bytes())
    before = (ws.store.companies(), ws.store.postings())
    with client(handler) as http, pytest.raises(error, match=message) as caught:
        ws.import_jobs("Acme Health", greenhouse="acme", client=http)
    assert "\n" not in str(caught.value)
    assert (ws.store.companies(), ws.store.postings()) == before


def test_an_oversized_answer_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobboards, "MAX_BYTES", 1_000)
    big = {"jobs": [{"id": n, "title": "Developer"} for n in range(100)]}
    with client(answers(200, big)) as http, pytest.raises(InvalidInput, match="larger than"):
        jobboards.fetch("greenhouse", "acme", client=http)


def test_a_fetch_without_a_client_makes_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[dict[str, Any]] = []
    real = httpx.Client

    def fake(**kwargs: Any) -> httpx.Client:
        made.append(kwargs)
        return real(transport=httpx.MockTransport(answers(200, [])), **kwargs)

    monkeypatch.setattr(jobboards.httpx, "Client", fake)
    assert jobboards.fetch("lever", "acme") == []
    assert len(made) == 1


# -- storing and refreshing --------------------------------------------------------------------


def test_import_stores_the_postings_with_the_company(store: Store, acme: Company) -> None:
    summary = jobboards.import_jobs(store, acme, "greenhouse", recorded("greenhouse"), NOW)
    assert summary == jobboards.JobsSummary("greenhouse", fetched=3, added=3, removed=0, kept=0)
    stored = store.postings(acme.id)
    assert {p.company_id for p in stored} == {acme.id}
    assert {p.fetched_at for p in stored} == {NOW}
    assert [p.title for p in stored] == [  # newest first
        "Staff Engineer - Platform (Remote)",
        "Technical Recruiter",
        "Senior Software Engineer, .NET",
    ]


def test_refreshing_is_idempotent(store: Store, acme: Company) -> None:
    jobboards.import_jobs(store, acme, "lever", recorded("lever"), NOW)
    before = rows(store)
    later = NOW + dt.timedelta(days=1)
    summary = jobboards.import_jobs(store, acme, "lever", recorded("lever"), later)
    assert summary == jobboards.JobsSummary("lever", fetched=3, added=0, removed=0, kept=3)
    assert rows(store) == before
    assert {p.fetched_at for p in store.postings()} == {later}


def test_a_closed_posting_is_removed_and_a_new_one_added(store: Store, acme: Company) -> None:
    jobboards.import_jobs(store, acme, "ashby", recorded("ashby"), NOW)
    payload = recorded("ashby")
    payload["jobs"][0] = {"id": "new-1", "title": "Associate Developer", "isListed": True}
    summary = jobboards.import_jobs(store, acme, "ashby", payload, NOW)
    assert summary == jobboards.JobsSummary("ashby", fetched=3, added=1, removed=1, kept=2)
    titles = {p.title for p in store.postings(acme.id)}
    assert titles == {
        "Associate Developer",
        "Senior Software Engineer, .NET",
        "Technical Recruiter",
    }


def test_a_refresh_leaves_other_boards_and_companies_alone(store: Store, acme: Company) -> None:
    other = store.add_company(Company("Beta Labs"))
    jobboards.import_jobs(store, acme, "greenhouse", recorded("greenhouse"), NOW)
    jobboards.import_jobs(store, acme, "lever", recorded("lever"), NOW)
    jobboards.import_jobs(store, other, "lever", recorded("lever"), NOW)
    summary = jobboards.import_jobs(store, acme, "lever", [], NOW)
    assert summary == jobboards.JobsSummary("lever", fetched=0, added=0, removed=3, kept=0)
    assert {p.source for p in store.postings(acme.id)} == {"greenhouse"}
    assert len(store.postings(other.id)) == 3


def test_workspace_imports_a_saved_file_of_any_board(ws: Workspace, acme: Company) -> None:
    for source in jobboards.SOURCES:
        summary = ws.import_jobs("acme health", file=(PAYLOADS / f"{source}.json").read_bytes())
        assert (summary.source, summary.fetched) == (source, 3)
    assert len(ws.store.postings(acme.id)) == 9


def test_workspace_fetches_through_the_given_client(ws: Workspace, acme: Company) -> None:
    calls: list[httpx.Request] = []
    with client(answers(200, recorded("ashby")), calls) as http:
        summary = ws.import_jobs("Acme Health", ashby="acmehealth", client=http)
    assert summary.added == 3
    assert calls[0].url.path == "/posting-api/job-board/acmehealth"


@pytest.mark.parametrize(
    "given",
    [{}, {"greenhouse": "acme", "lever": "acme"}, {"ashby": "acme", "file": b"[]"}],
)
def test_workspace_wants_exactly_one_board(
    ws: Workspace, acme: Company, given: dict[str, Any]
) -> None:
    with pytest.raises(InvalidInput, match="give exactly one of"):
        ws.import_jobs("Acme Health", **given)


def test_an_unknown_company_is_refused_before_any_request(ws: Workspace) -> None:
    calls: list[httpx.Request] = []
    with client(answers(200, {"jobs": []}), calls) as http, pytest.raises(NotFound):
        ws.import_jobs("Nowhere Inc", greenhouse="acme", client=http)
    assert calls == []
