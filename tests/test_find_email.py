"""Finding a person's email on GitHub and their website: recorded answers, never the network."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from hunt_core import find_email, http
from hunt_core.errors import HuntError, InvalidInput, NotFound
from hunt_core.find_email import Candidate
from hunt_core.models import Company, Contact
from hunt_core.store import Store
from hunt_core.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "find_email"
GITHUB_IP = "140.82.112.6"
SITE_IP = "93.184.215.14"
PUBLIC = {
    "api.github.com": [GITHUB_IP],
    "alexkim.example": [SITE_IP],
    "www.alexkim.example": [SITE_IP],
}
Route = Callable[[httpx.Request], httpx.Response]


def recorded(name: str) -> Any:
    """A recorded GitHub REST answer."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def page(name: str = "site.html") -> httpx.Response:
    """A recorded personal web page."""
    return httpx.Response(
        200,
        content=(FIXTURES / name).read_bytes(),
        headers={"content-type": "text/html; charset=utf-8"},
    )


def github(**changes: Any) -> dict[tuple[str, str], Route | httpx.Response]:
    """Routes answering like GitHub does for alexkim-dev, with some answers changed."""
    routes: dict[tuple[str, str], Route | httpx.Response] = {
        ("api.github.com", "/users/alexkim-dev"): httpx.Response(
            200, json=recorded("github_user.json")
        ),
        ("api.github.com", "/users/alexkim-dev/events/public"): httpx.Response(
            200, json=recorded("github_events.json")
        ),
        ("api.github.com", "/repos/alexkim-dev/dotfiles/commits"): httpx.Response(
            200, json=recorded("github_commits_dotfiles.json")
        ),
        ("api.github.com", "/repos/cinder-networks/status-page/commits"): httpx.Response(
            200, json=recorded("github_commits_status_page.json")
        ),
        ("api.github.com", "/users/alexkim-dev/repos"): httpx.Response(
            200, json=recorded("github_repos.json")
        ),
    }
    for path, answer in changes.items():
        routes[("api.github.com", path)] = answer
    return routes


class Web:
    """A recorded internet: answers by (Host header, path), and every request it saw."""

    def __init__(
        self,
        routes: Mapping[tuple[str, str], Route | httpx.Response],
        addresses: Mapping[str, list[str]] = PUBLIC,
    ) -> None:
        self.routes = dict(routes)
        self.addresses = dict(addresses)
        self.requests: list[httpx.Request] = []
        self.looked_up: list[str] = []

    def resolve(self, host: str, port: int) -> list[str]:
        """The recorded DNS: a host's addresses, or none for an unknown name."""
        self.looked_up.append(host)
        return self.addresses.get(host, [])

    def answer(self, request: httpx.Request) -> httpx.Response:
        """The recorded answer for a request (404 for anything not recorded)."""
        self.requests.append(request)
        route = self.routes.get((request.headers["host"], request.url.path))
        if route is None:
            return httpx.Response(404, json={"message": "Not Found"})
        return route(request) if callable(route) else route

    def client(self) -> httpx.Client:
        """An httpx client whose every request is answered here, never by the network."""
        return httpx.Client(transport=httpx.MockTransport(self.answer))

    def search(self, github_field: str = "", website: str = "") -> find_email.Found:
        """Look for Alex's email with these fields through this recorded internet."""
        person = Contact(company_id=1, name="Alex Kim", github=github_field, website=website)
        with self.client() as client:
            return find_email.search(person, client=client, resolve=self.resolve)


def emails(found: find_email.Found) -> list[str]:
    """The addresses found, in order."""
    return [c.email for c in found.candidates]


def fails(exc: type[httpx.RequestError]) -> Route:
    """A route that fails the way httpx does when offline or too slow."""

    def route(request: httpx.Request) -> httpx.Response:
        raise exc("simulated", request=request)

    return route


def redirect(to: str, status: int = 302) -> httpx.Response:
    """A redirect answer."""
    return httpx.Response(status, headers={"location": to})


# -- GitHub --------------------------------------------------------------------------------


def test_the_profile_email_comes_first_then_commit_emails_each_once() -> None:
    found = Web(github()).search("alexkim-dev")
    assert found.candidates == [
        Candidate("alex.kim@example.com", "GitHub profile github.com/alexkim-dev"),
        Candidate("akim@example.org", "GitHub commit on github.com/alexkim-dev/dotfiles"),
    ]
    assert found.problems == []


def test_noreply_addresses_are_never_offered() -> None:
    found = Web(github()).search("alexkim-dev")
    assert not [e for e in emails(found) if "noreply" in e or "no-reply" in e]


def test_the_same_address_in_another_case_counts_once() -> None:
    # status-page's commit says Alex.Kim@EXAMPLE.COM, the profile alex.kim@example.com
    assert emails(Web(github()).search("alexkim-dev")).count("alex.kim@example.com") == 1


def test_commits_come_from_the_repositories_they_pushed_to_lately() -> None:
    web = Web(github())
    web.search("alexkim-dev")
    commits = [r for r in web.requests if r.url.path.endswith("/commits")]
    assert [r.url.path for r in commits] == [
        "/repos/alexkim-dev/dotfiles/commits",
        "/repos/cinder-networks/status-page/commits",
    ]
    assert all(r.url.params["author"] == "alexkim-dev" for r in commits)


def test_a_profile_without_email_still_finds_commit_emails() -> None:
    user = httpx.Response(200, json=dict(recorded("github_user.json"), email=None))
    found = Web(github(**{"/users/alexkim-dev": user})).search("alexkim-dev")
    assert emails(found) == ["akim@example.org", "Alex.Kim@example.com"]  # domain lowercased
    assert found.candidates[1].source == "GitHub commit on github.com/cinder-networks/status-page"


def test_without_recent_pushes_their_own_last_pushed_repositories_are_read() -> None:
    quiet = httpx.Response(200, json=[])
    web = Web(github(**{"/users/alexkim-dev/events/public": quiet}))
    found = web.search("alexkim-dev")
    assert "akim@example.org" in emails(found)
    assert any(r.url.path == "/users/alexkim-dev/repos" for r in web.requests)


@pytest.mark.parametrize(
    "field",
    [
        "alexkim-dev",
        "@alexkim-dev",
        "github.com/alexkim-dev",
        "https://github.com/alexkim-dev",
        "https://www.github.com/alexkim-dev/?tab=repositories",
        "http://github.com/alexkim-dev/dotfiles",
    ],
)
def test_the_github_field_is_a_login_or_a_profile_address(field: str) -> None:
    assert find_email.github_login(field) == "alexkim-dev"


@pytest.mark.parametrize(
    "field",
    ["alex kim", "-alex", "alex--kim", "gitlab.com/alex", "https://github.com/", "../admin"],
)
def test_a_github_field_that_names_no_login_is_refused(field: str) -> None:
    with pytest.raises(InvalidInput, match="GitHub"):
        find_email.github_login(field)


def test_an_unknown_github_user_is_one_line() -> None:
    web = Web(github(**{"/users/alexkim-dev": httpx.Response(404, json={"message": "Not Found"})}))
    with pytest.raises(NotFound, match=r"^no user 'alexkim-dev' on GitHub \(404\)$"):
        web.search("alexkim-dev")


@pytest.mark.parametrize("status", [403, 429])
def test_githubs_rate_limit_says_so_and_when_it_resets(status: int) -> None:
    limited = httpx.Response(
        status,
        json={"message": "API rate limit exceeded for 203.0.113.9."},
        headers={
            "x-ratelimit-limit": "60",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": "1795714920",
        },
    )
    web = Web(github(**{"/users/alexkim-dev": limited}))
    with pytest.raises(HuntError, match=r"GitHub's rate limit .* resets at 17:42 UTC$"):
        web.search("alexkim-dev")


def test_a_refusal_that_is_not_the_rate_limit_names_the_status() -> None:
    refused = httpx.Response(
        403, json={"message": "Forbidden"}, headers={"x-ratelimit-remaining": "41"}
    )
    web = Web(github(**{"/users/alexkim-dev": refused}))
    with pytest.raises(HuntError, match=r"^GitHub answered HTTP 403 for user 'alexkim-dev'"):
        web.search("alexkim-dev")


def test_a_repository_gone_since_the_push_is_skipped() -> None:
    gone = httpx.Response(409, json={"message": "Git Repository is empty."})
    found = Web(github(**{"/repos/alexkim-dev/dotfiles/commits": gone})).search("alexkim-dev")
    assert emails(found) == ["alex.kim@example.com"]


def test_github_is_asked_with_its_documented_headers() -> None:
    web = Web(github())
    web.search("alexkim-dev")
    first = web.requests[0]
    assert first.headers["accept"] == "application/vnd.github+json"
    assert first.headers["x-github-api-version"] == "2022-11-28"
    assert "authorization" not in first.headers  # public data, no token


# -- the personal website -----------------------------------------------------------------


def test_mailto_links_on_the_site_are_offered_once_with_the_domain_lowercased() -> None:
    web = Web({("alexkim.example", "/"): page()})
    found = web.search(website="https://alexkim.example/")
    assert found.candidates == [
        Candidate("Hello@alexkim.example", "personal site alexkim.example"),
        Candidate("talks@alexkim.example", "personal site alexkim.example"),
    ]


def test_a_website_without_a_scheme_is_fetched_over_https() -> None:
    web = Web({("alexkim.example", "/about"): page()})
    web.search(website="alexkim.example/about")
    assert web.requests[0].url.scheme == "https"


def test_the_source_names_the_page_after_its_redirects() -> None:
    web = Web(
        {
            ("alexkim.example", "/"): redirect("https://www.alexkim.example/contact/", 301),
            ("www.alexkim.example", "/contact/"): page(),
        }
    )
    found = web.search(website="alexkim.example")
    assert {c.source for c in found.candidates} == {"personal site www.alexkim.example/contact"}


def test_a_page_that_is_not_html_is_not_read() -> None:
    pdf = httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"})
    with pytest.raises(InvalidInput, match=r"alexkim\.example/cv\.pdf is not a web page"):
        Web({("alexkim.example", "/cv.pdf"): pdf}).search(website="alexkim.example/cv.pdf")


def test_a_page_over_one_megabyte_is_refused() -> None:
    big = b"<p>" + b"x" * find_email.PAGE_BYTES + b"</p>"
    huge = httpx.Response(200, content=big, headers={"content-type": "text/html"})
    with pytest.raises(InvalidInput, match="larger than 1 MB"):
        Web({("alexkim.example", "/"): huge}).search(website="alexkim.example")


def test_a_missing_page_is_one_line() -> None:
    with pytest.raises(NotFound, match=r"^alexkim\.example/about was not found \(404\)$"):
        Web({}).search(website="alexkim.example/about")


def test_a_dead_website_does_not_hide_what_github_found() -> None:
    web = Web(github(), addresses={"api.github.com": [GITHUB_IP]})
    found = web.search("alexkim-dev", website="alexkim.example")
    assert "alex.kim@example.com" in emails(found)
    assert found.problems == [
        "cannot find alexkim.example: are you offline, or is the address mistyped?"
    ]


def test_both_sources_failing_is_one_line_naming_both() -> None:
    web = Web({}, addresses={})
    with pytest.raises(HuntError) as caught:
        web.search("alexkim-dev", website="alexkim.example")
    message = str(caught.value)
    assert "\n" not in message
    assert "cannot find api.github.com" in message and "cannot find alexkim.example" in message


def test_mailto_parsing_takes_every_recipient_and_skips_what_is_not_an_address() -> None:
    html = (
        '<a href="mailto:a@x.example,B@Y.EXAMPLE?cc=c@z.example">two</a>'
        '<area href="mailto:map@x.example">'
        '<a href="mailto:not-an-address">broken</a><a href="https://x.example">site</a>'
    )
    assert find_email.mailto_addresses(html) == ["a@x.example", "B@y.example", "map@x.example"]


# -- network failures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (httpx.ReadTimeout, r"^api\.github\.com did not answer within 10 s; try again later$"),
        (httpx.ConnectError, r"^cannot reach api\.github\.com: are you offline\?$"),
    ],
)
def test_a_slow_or_unreachable_github_is_one_line(
    failure: type[httpx.RequestError], message: str
) -> None:
    web = Web(github(**{"/users/alexkim-dev": fails(failure)}))
    with pytest.raises(HuntError, match=message):
        web.search("alexkim-dev")


def test_an_offline_machine_cannot_resolve_and_says_so() -> None:
    with pytest.raises(HuntError, match=r"^cannot find alexkim\.example: are you offline"):
        Web({}, addresses={}).search(website="alexkim.example")


def test_a_person_with_neither_github_nor_website_is_one_line() -> None:
    with pytest.raises(InvalidInput, match="Alex Kim has no GitHub profile or personal website"):
        Web({}).search()


# -- public addresses only -----------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.8.9.10", "10.0.0.5", "172.16.3.4", "192.168.1.10", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.251", "240.0.0.1", "255.255.255.255", "::1", "::",
        "fe80::1", "fc00::7", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2001:db8::1",
    ],
)  # fmt: skip
def test_local_private_and_reserved_addresses_are_refused(address: str) -> None:
    with pytest.raises(InvalidInput, match="private or local address"):
        http.public_address(address, "alexkim.example")


@pytest.mark.parametrize("address", ["93.184.215.14", "140.82.112.6", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert http.public_address(address, "alexkim.example") == address


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1/admin",
        "http://10.0.0.5:8080/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8501/",
        "http://intranet.alexkim.example/",  # a name that resolves to a private address
    ],
)
def test_a_redirect_to_a_local_or_private_address_is_never_followed(target: str) -> None:
    addresses = {**PUBLIC, "intranet.alexkim.example": ["192.168.1.10"]}
    web = Web({("alexkim.example", "/"): redirect(target)}, addresses)
    with pytest.raises(InvalidInput, match=r"refusing the redirect to .*private or local address"):
        web.search(website="alexkim.example")
    assert len(web.requests) == 1  # only the first, public hop was ever sent


@pytest.mark.parametrize(
    "website",
    ["http://127.0.0.1:8501/", "http://10.1.2.3/", "http://[::ffff:127.0.0.1]/", "169.254.169.254"],
)
def test_a_website_that_is_a_local_ip_literal_is_never_fetched(website: str) -> None:
    web = Web({})
    with pytest.raises(InvalidInput, match="private or local address"):
        web.search(website=website)
    assert web.requests == [] and web.looked_up == []


def test_a_name_with_any_private_address_is_refused_before_connecting() -> None:
    web = Web({}, {"alexkim.example": [SITE_IP, "10.0.0.8"]})
    with pytest.raises(InvalidInput, match=r"refusing alexkim\.example: .*\(10\.0\.0\.8\)"):
        web.search(website="alexkim.example")
    assert web.requests == []


def test_the_connection_goes_to_the_checked_address_under_the_sites_name() -> None:
    web = Web({("alexkim.example", "/"): page()})
    web.search(website="alexkim.example")
    sent = web.requests[0]
    assert sent.url.host == SITE_IP  # the name is not resolved a second time
    assert sent.headers["host"] == "alexkim.example"
    assert sent.extensions["sni_hostname"] == "alexkim.example"  # TLS checks the name


@pytest.mark.parametrize(
    "website", ["ftp://alexkim.example/", "file:///etc/passwd", "javascript:alert(1)", "gopher://x"]
)
def test_an_address_that_is_not_http_or_https_is_refused(website: str) -> None:
    web = Web({})
    with pytest.raises(InvalidInput):
        web.search(website=website)
    assert web.requests == []


def test_a_redirect_to_another_scheme_is_refused() -> None:
    web = Web({("alexkim.example", "/"): redirect("file:///etc/passwd")})
    with pytest.raises(InvalidInput, match="not an http or https address"):
        web.search(website="alexkim.example")


def test_redirects_are_followed_a_bounded_number_of_times() -> None:
    web = Web({("alexkim.example", "/"): redirect("/")})
    with pytest.raises(HuntError, match=f"redirects more than {http.MAX_REDIRECTS} times"):
        web.search(website="alexkim.example")
    assert len(web.requests) == http.MAX_REDIRECTS + 1


# -- through the workspace: nothing saved until confirmed ---------------------------------


def test_looking_saves_nothing_and_the_confirmed_candidate_is_saved_with_its_source(
    ws: Workspace, store: Store
) -> None:
    store.add_company(Company("Cinder Networks"))
    ws.add_contact(
        "Cinder Networks", {"name": "Alex Kim", "role": "developer", "github": "alexkim-dev"}
    )
    web = Web(github())
    with web.client() as client:
        found = ws.find_email("Cinder Networks", "Alex Kim", client=client, resolve=web.resolve)
    person = store.contact(store.company("Cinder Networks"), "Alex Kim")
    assert (person.email, person.email_source) == ("", "")
    chosen = found.candidates[1]
    ws.edit_contact(
        "Cinder Networks", "Alex Kim", {"email": chosen.email, "email_source": chosen.source}
    )
    person = store.contact(store.company("Cinder Networks"), "Alex Kim")
    assert person.email == "akim@example.org"
    assert person.email_source == "GitHub commit on github.com/alexkim-dev/dotfiles"
