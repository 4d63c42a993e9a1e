"""HTTP for Hunt's fetchers: timeouts, a size cap, public addresses only, one-line errors."""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from hunt_core.errors import HuntError, InvalidInput

TIMEOUT = 10.0
USER_AGENT = "hunt"
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

# (host, port) -> the addresses it resolves to; tests inject one, the default asks the system.
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class Answer:
    """A fetched answer: where it finally came from (after redirects), its status and body."""

    url: httpx.URL
    status: int
    headers: httpx.Headers
    body: bytes


# -- one-line errors ---------------------------------------------------------------------


@contextmanager
def failures(host: str, timeout: float, where: str) -> Iterator[None]:
    """Turn httpx's failures into one line each: too slow, offline, anything else."""
    try:
        yield
    except httpx.TimeoutException:
        raise HuntError(f"{host} did not answer within {timeout:g} s; try again later") from None
    except httpx.ConnectError:
        raise HuntError(f"cannot reach {host}: are you offline?") from None
    except httpx.HTTPError as exc:
        raise HuntError(f"cannot fetch {where} from {host}: {exc}") from None


def too_large(what: str, limit: int) -> InvalidInput:
    """The error for a payload over limit bytes."""
    return InvalidInput(f"{what} is larger than {limit // 1_000_000} MB")


def read_capped(chunks: Iterable[bytes], limit: int, what: str) -> bytes:
    """Join chunks, refusing more than limit bytes (read no further than that)."""
    data = bytearray()
    for chunk in chunks:
        data += chunk
        if len(data) > limit:
            raise too_large(what, limit)
    return bytes(data)


def decode_json(data: bytes, what: str) -> Any:
    """Decode JSON bytes, naming what is wrong with them."""
    if not data.strip():
        raise InvalidInput(f"{what} is empty")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{what} is not UTF-8 JSON") from None
    except RecursionError:
        raise InvalidInput(f"{what} is not JSON Hunt can read: nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, or a number too long to convert
        raise InvalidInput(f"{what} is not valid JSON: {exc}") from None


# -- public addresses only ---------------------------------------------------------------


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for host; an unknown host is one line."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise unknown_host(host) from None
    return [str(info[4][0]) for info in infos]


def unknown_host(host: str) -> HuntError:
    """The error for a host name that resolves to nothing."""
    return HuntError(f"cannot find {host}: are you offline, or is the address mistyped?")


def public_address(address: str, host: str, label: str = "") -> str:
    """The address when it is a public one; loopback, private, link-local and the like refused.

    Hunt runs on a shared server in cohort mode: a person's "website" must never make it
    fetch from the server itself or its private network.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        raise InvalidInput(f"{host} resolves to {address!r}, which is not an IP address") from None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    local = (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )
    if local:
        raise InvalidInput(
            f"refusing {label or host}: it is a private or local address ({ip}); "
            "Hunt only fetches from the public internet"
        )
    return str(ip)


def web_url(text: str) -> httpx.URL:
    """An http or https address with a host, else one line saying what is wrong."""
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        raise InvalidInput(f"{text!r} is not a web address") from None
    if url.scheme not in ("http", "https"):
        raise InvalidInput(f"{text!r} is not an http or https address")
    if not url.host:
        raise InvalidInput(f"{text!r} has no host name")
    return url


def _pinned(url: httpx.URL, resolve: Resolver, label: str) -> tuple[httpx.URL, str]:
    """The URL aimed at a checked public address of its host, and the host's own name.

    Connecting to the checked address (not the name again) leaves no gap for the name to
    resolve to a private address between the check and the connection.
    """
    host = url.raw_host.decode("ascii")
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        return url.copy_with(host=public_address(host, host, label)), host
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = resolve(host, port)
    if not addresses:
        raise unknown_host(host)
    checked = [public_address(a, host, label) for a in addresses]  # one private answer refuses all
    return url.copy_with(host=checked[0]), host


def get_public(
    client: httpx.Client,
    url: str,
    *,
    limit: int,
    what: str,
    resolve: Resolver | None = None,
    headers: Mapping[str, str] | None = None,
    params: Mapping[str, str] | None = None,
    types: tuple[str, ...] = (),
    timeout: float = TIMEOUT,
) -> Answer:
    """GET url, following at most MAX_REDIRECTS redirects, each hop to a public address only.

    The body is read (capped at limit bytes) only for a 200 whose content type is one of
    types (any when types is empty); other answers come back with an empty body.
    """
    resolve = resolve or system_resolver
    current = web_url(url)
    if params:
        current = current.copy_merge_params(params)
    label = ""
    for _ in range(MAX_REDIRECTS + 1):
        target, host = _pinned(current, resolve, label)
        request = client.build_request(
            "GET",
            target,
            headers={**(headers or {}), "Host": current.netloc.decode("ascii")},
            timeout=timeout,
            # TLS checks the certificate against the name, not the address connected to.
            extensions={"sni_hostname": host},
        )
        with failures(host, timeout, what):
            response = client.send(request, stream=True, follow_redirects=False)
            try:
                location = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    current = web_url(str(current.join(location)))
                    label = f"the redirect to {current.raw_host.decode('ascii')}"
                    continue
                body = b""
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if response.status_code == 200:
                    if types and kind not in types:
                        raise InvalidInput(f"{what} is not a web page ({kind or 'no type'})")
                    body = read_capped(response.iter_bytes(), limit, what)
                return Answer(current, response.status_code, response.headers, body)
            finally:
                response.close()
    raise HuntError(f"{what} redirects more than {MAX_REDIRECTS} times; giving up")


def client() -> httpx.Client:
    """Hunt's own client: a user agent, and no proxy from the environment.

    A proxy would connect by name and check certificates against the pinned address, so the
    address checks above only hold on a direct connection.
    """
    return httpx.Client(headers={"User-Agent": USER_AGENT}, trust_env=False)
