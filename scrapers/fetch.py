"""Polite, bounded fetching of official pages with httpx.

What it guarantees: only allowlisted hosts (or explicit mirrors of them) are contacted, redirects are
followed by hand and only within the allowlist (in a mirror run, only within the mirrored hosts), robots.txt
is obeyed and read once per host per run (a failure too), each host sees at most one request per
``min_host_interval``, timeouts and 5xx are retried a bounded number of times with exponential backoff,
and conditional requests send back the server's own ETag / Last-Modified verbatim (never a time of ours),
so unchanged pages cost a 304; a 304 to a request without a validator of ours is an error, not a match.

Bounded whatever the server does: bodies (error bodies and robots.txt too) are decoded by us with the limit
applied to decoded bytes as they are produced (scrapers.decode); one wall-clock deadline covers connect,
headers and body of each request (scrapers.deadline), another every attempt, redirect and back-off of one
URL, and a third the whole run of a Fetcher.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict

from scrapers.deadline import deadline_scope, deadline_transport
from scrapers.decode import ACCEPT_ENCODING, CappedDecoder, EncodingRefused, LimitExceeded
from scrapers.errors import (
    BlockReason,
    BodyTooLarge,
    ScraperError,
    SourceBlocked,
    SourceGone,
    SourceUnreachable,
)
from scrapers.hosts import DEFAULT_ALLOWED_HOSTS, Allowlist, MirrorMap
from scrapers.models import FetchResult, Snapshot
from scrapers.robots import ROBOTS_MAX_BYTES, RobotsAnswer, RobotsCache
from scrapers.sniff import effective_content_type

if TYPE_CHECKING:
    from scrapers.archive import Archive

ROBOTS_TOKEN = "kzdocs"
CONTACT_URL = os.environ.get("KZDOCS_CONTACT_URL", "https://github.com/kzdocs/kzdocs")
DEFAULT_USER_AGENT = f"kzdocs/0.1 (+{CONTACT_URL}; open registry of Kazakh document requirements)"
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
KEPT_HEADERS = ("content-type", "content-length", "etag", "last-modified", "date", "cache-control", "server")
ERROR_BODY_BYTES = 64 * 1024
BOT_BLOCK_MARKERS = ("captcha", "access denied", "are you a robot", "cf-challenge", "bot protection")


class FetchPolicy(BaseModel):
    """Limits and manners of the fetcher; the defaults are for the live sites, tests shrink the delays.

    ``min_host_interval`` spaces requests to an official host; ``mirror_host_interval`` applies instead when
    a mirror serves the URL (a server the user chose, usually local). ``total_timeout`` bounds one request
    (connect, headers, body) however slowly its bytes trickle in; ``fetch_timeout`` one URL with its
    redirects, retries and back-off; ``run_timeout`` everything one Fetcher does.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    user_agent: str = DEFAULT_USER_AGENT
    allowed_hosts: tuple[str, ...] = DEFAULT_ALLOWED_HOSTS
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_body_bytes: int = 20 * 1024 * 1024
    max_attempts: int = 3
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    min_host_interval: float = 2.0
    mirror_host_interval: float = 0.0
    total_timeout: float = 30.0
    fetch_timeout: float = 50.0
    run_timeout: float = 300.0
    max_redirects: int = 5
    obey_robots: bool = True


@dataclass
class _Answer:
    status: int
    headers: httpx.Headers
    body: bytes
    attempts: int


@dataclass
class _HostClock:
    """Per-host spacing of requests: each request reserves the next free slot for its host."""

    interval: float
    clock: Callable[[], float]
    sleep: Callable[[float], None]
    next_free: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_turn(self, host: str, interval: float | None = None) -> None:
        spacing = self.interval if interval is None else interval
        if spacing <= 0:
            return
        with self.lock:
            now = self.clock()
            slot = max(now, self.next_free.get(host, now))
            self.next_free[host] = slot + spacing
        if slot > now:
            self.sleep(slot - now)


class _LazyTlsTransport(httpx.BaseTransport):
    """An httpx transport that verifies certificates, created when the first https request needs it."""

    def __init__(self) -> None:
        self._transport: httpx.HTTPTransport | None = None
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            if self._transport is None:
                self._transport = deadline_transport(verify=True)
        return self._transport.handle_request(request)

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()


class Fetcher:
    """An httpx client with the project's fetching rules; use as a context manager or call close()."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        mirrors: MirrorMap | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        robots_archive: Archive | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.robots_archive = robots_archive
        self.mirrors = mirrors or MirrorMap()
        self.allowlist = Allowlist(self.policy.allowed_hosts)
        self.sleep = sleep
        self.host_clock = _HostClock(self.policy.min_host_interval, clock, sleep)
        self.robots = RobotsCache(ROBOTS_TOKEN)
        self.run_deadline = time.monotonic() + self.policy.run_timeout
        timeout = httpx.Timeout(
            connect=self.policy.connect_timeout,
            read=self.policy.read_timeout,
            write=self.policy.read_timeout,
            pool=self.policy.connect_timeout,
        )
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            # Plain-http targets (local mirrors) never need certificates; the verifying TLS transport, whose
            # CA bundle takes a noticeable time to load, is built on the first https request only.
            transport=deadline_transport(verify=False),
            mounts={"https://": _LazyTlsTransport()},
            headers={
                "User-Agent": self.policy.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5",
                "Accept-Encoding": ACCEPT_ENCODING,
            },
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET url under every rule above; a 304 comes back as ``not_modified`` with no body.

        Raises SourceBlocked (robots, off-allowlist, bot block), SourceGone (404/410), BodyTooLarge, or
        SourceUnreachable (everything else that leaves us without the page).
        """
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        fetched_at = dt.datetime.now(dt.timezone.utc)
        deadline = min(time.monotonic() + self.policy.fetch_timeout, self.run_deadline)
        answer, final, actual, redirects = self._follow(url, headers, robots=self.policy.obey_robots, deadline=deadline)
        status = answer.status
        if status == 304:
            _check_not_modified(final, answer, etag, last_modified)
            return self._result(url, final, actual, answer, fetched_at, redirects, not_modified=True)
        if 200 <= status < 300:
            return self._result(url, final, actual, answer, fetched_at, redirects)
        raise self._status_error(final, answer)

    def _result(
        self,
        url: str,
        final: str,
        actual: str,
        answer: _Answer,
        fetched_at: dt.datetime,
        redirects: list[str],
        *,
        not_modified: bool = False,
    ) -> FetchResult:
        kept = {name: answer.headers[name] for name in KEPT_HEADERS if name in answer.headers}
        body = None if not_modified else answer.body
        return FetchResult(
            url=url,
            final_url=final,
            served_from=actual,
            status=answer.status,
            not_modified=not_modified,
            content_type=None if not_modified else effective_content_type(answer.headers.get("content-type"), body),
            etag=answer.headers.get("etag"),
            last_modified=answer.headers.get("last-modified"),
            headers=kept,
            body=body,
            fetched_at=fetched_at,
            attempts=answer.attempts,
            redirects=redirects,
        )

    def _follow(
        self, url: str, headers: dict[str, str], *, robots: bool, deadline: float, max_bytes: int | None = None
    ) -> tuple[_Answer, str, str, list[str]]:
        """Request url, following redirects by hand; returns the answer, final official URL, actual URL."""
        current, redirects = url, []
        for hop in range(self.policy.max_redirects + 1):
            if not self.allowlist.allows(current):
                detail = (
                    f"redirect from {url} leads off the allowlist to {current}"
                    if hop
                    else "host is not on the allowlist of official sites"
                )
                raise SourceBlocked(current if not hop else url, BlockReason.OFF_ALLOWLIST, detail)
            if hop and self.mirrors and self.mirrors.find(current) is None:
                detail = f"redirect from {url} leads to {current}, a host this mirror run does not mirror"
                raise SourceBlocked(url, BlockReason.OFF_ALLOWLIST, detail)
            if robots and not self._robots_allow(current, deadline):
                raise SourceBlocked(current, BlockReason.ROBOTS, f"robots.txt disallows {ROBOTS_TOKEN}")
            actual = self.mirrors.to_actual(current)
            answer = self._request(current, actual, headers, max_bytes, deadline)
            location = answer.headers.get("location")
            if answer.status in REDIRECT_STATUSES and location:
                current = self.mirrors.resolve_redirect(current, actual, location)
                redirects.append(current)
                continue
            return answer, current, actual, redirects
        raise SourceUnreachable(url, f"more than {self.policy.max_redirects} redirects")

    def _robots_allow(self, url: str, deadline: float) -> bool:
        return self.robots.allowed(url, lambda robots_url: self._load_robots(robots_url, deadline))

    def _load_robots(self, robots_url: str, deadline: float) -> RobotsAnswer:
        """Fetch robots.txt; with an archive, conditionally, so an unchanged file is not transferred again."""
        previous = self.robots_archive.newest(url=robots_url) if self.robots_archive else None
        headers: dict[str, str] = {}
        if previous is not None and previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous is not None and previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
        fetched_at = dt.datetime.now(dt.timezone.utc)
        try:
            answer, final, actual, redirects = self._follow(
                robots_url, headers, robots=False, deadline=deadline, max_bytes=ROBOTS_MAX_BYTES
            )
        except SourceBlocked:
            return RobotsAnswer(404, "")  # robots.txt redirected off the allowlist: treat as absent
        except BodyTooLarge:
            return RobotsAnswer(404, "")
        except SourceUnreachable as error:
            raise SourceUnreachable(
                robots_url,
                f"robots.txt could not be read: {error.reason}",
                status=error.status,
                attempts=error.attempts,
            ) from None
        if answer.status >= 500:
            raise SourceUnreachable(
                robots_url,
                f"robots.txt answered HTTP {answer.status}",
                status=answer.status,
                attempts=answer.attempts,
            )
        if answer.status == 304:
            if previous is None or self.robots_archive is None:
                raise SourceUnreachable(
                    robots_url, "robots.txt answered 304 Not Modified to a request without a validator"
                )
            return RobotsAnswer(200, self.robots_archive.body(previous).decode("utf-8", errors="replace"))
        if answer.status == 200 and self.robots_archive is not None:
            result = self._result(robots_url, final, actual, answer, fetched_at, redirects)
            self.robots_archive.record(result, source_id="robots.txt")
        return RobotsAnswer(answer.status, answer.body.decode("utf-8", errors="replace"))

    def _request(
        self, url: str, actual: str, headers: dict[str, str], max_bytes: int | None, deadline: float
    ) -> _Answer:
        """One GET with bounded retries on timeouts, transport errors and retryable statuses.

        Each attempt runs under one wall-clock deadline; an attempt that runs out of it is not retried (a
        server that drips bytes would only do it again), and no back-off sleeps past the URL's deadline.
        """
        limit = max_bytes or self.policy.max_body_bytes
        attempts = self.policy.max_attempts
        host = urlsplit(actual).netloc.lower()
        interval = self.policy.mirror_host_interval if actual != url else self.policy.min_host_interval
        reason = "no attempt made"
        for attempt in range(1, attempts + 1):
            self._check_time(url, deadline, attempt - 1, reason)
            self.host_clock.wait_turn(host, interval)
            self._check_time(url, deadline, attempt - 1, reason)
            attempt_deadline = min(time.monotonic() + self.policy.total_timeout, deadline)
            try:
                with deadline_scope(attempt_deadline), self.client.stream("GET", actual, headers=headers) as response:
                    status = response.status_code
                    if status in RETRYABLE_STATUSES and attempt < attempts:
                        self._back_off(url, attempt, response.headers.get("retry-after"), deadline, f"HTTP {status}")
                        continue
                    if 200 <= status < 300:
                        body = _read_limited(response, url, limit)
                    elif status >= 400:
                        body = _read_some(response, ERROR_BODY_BYTES)
                    else:
                        body = b""
                    return _Answer(status, response.headers, body, attempt)
            except httpx.TimeoutException as error:
                if time.monotonic() >= attempt_deadline - 0.05:
                    raise SourceUnreachable(
                        url,
                        f"no complete answer within the {self.policy.total_timeout:g} s deadline of a request",
                        attempts=attempt,
                    ) from None
                reason = f"timed out ({type(error).__name__})"
            except httpx.TransportError as error:
                reason = f"connection failed ({type(error).__name__}: {error})"
            if attempt < attempts:
                self._back_off(url, attempt, None, deadline, reason)
        raise SourceUnreachable(url, reason, attempts=attempts)

    def _check_time(self, url: str, deadline: float, attempts: int, reason: str) -> None:
        if time.monotonic() < deadline:
            return
        what = "the run's time limit" if deadline >= self.run_deadline else "the time limit for one URL"
        detail = f"{what} ran out" + (f" (last attempt: {reason})" if attempts else "")
        raise SourceUnreachable(url, detail, attempts=max(1, attempts))

    def _back_off(self, url: str, attempt: int, retry_after: str | None, deadline: float, reason: str) -> None:
        delay = min(self.policy.backoff_base * (2 ** (attempt - 1)), self.policy.backoff_max)
        if retry_after and retry_after.strip().isdigit():
            delay = min(max(delay, float(retry_after)), self.policy.backoff_max)
        if time.monotonic() + delay >= deadline:
            raise SourceUnreachable(url, f"{reason}; no time left to retry", attempts=attempt)
        if delay > 0:
            self.sleep(delay)

    def _status_error(self, url: str, answer: _Answer) -> ScraperError:
        status = answer.status
        text = answer.body[:ERROR_BODY_BYTES].decode("utf-8", errors="replace").lower()
        challenged = answer.headers.get("cf-mitigated", "").lower() == "challenge"
        if status in (401, 403) or challenged or (status in (429, 503) and _looks_blocked(text)):
            return SourceBlocked(
                url, BlockReason.BOT_BLOCK, f"the server refused us (HTTP {status}); likely a bot block", status=status
            )
        if status == 429:
            return SourceBlocked(url, BlockReason.BOT_BLOCK, "rate-limited (HTTP 429) after every retry", status=429)
        if status in (404, 410):
            return SourceGone(url, status)
        return SourceUnreachable(url, f"HTTP {status}", status=status, attempts=answer.attempts)


def _looks_blocked(text: str) -> bool:
    return any(marker in text for marker in BOT_BLOCK_MARKERS)


def _check_not_modified(url: str, answer: _Answer, etag: str | None, last_modified: str | None) -> None:
    """A 304 confirms our copy only when we sent a validator and the server's ETag (if any) is ours."""
    if not etag and not last_modified:
        raise SourceUnreachable(url, "answered 304 Not Modified to a request that carried no validator", status=304)
    theirs = answer.headers.get("etag")
    if etag and theirs and _weak(theirs) != _weak(etag):
        raise SourceUnreachable(url, f"answered 304 with ETag {theirs}, not the {etag} we sent", status=304)


def _weak(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def _read_limited(response: httpx.Response, url: str, limit: int) -> bytes:
    """The decoded body, refused as soon as the decoded bytes pass limit (the time limit is the deadline's)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(url, limit, 0)
    try:
        decoder = CappedDecoder(response.headers.get("content-encoding"), limit)
        chunks = [decoder.feed(chunk) for chunk in response.iter_raw()]
        chunks.append(decoder.finish())
    except LimitExceeded as error:
        raise BodyTooLarge(url, limit, error.produced) from None
    except EncodingRefused as error:
        raise SourceUnreachable(url, str(error), status=response.status_code) from None
    return b"".join(chunks)


def _read_some(response: httpx.Response, limit: int) -> bytes:
    """At most limit decoded bytes of an error body; what cannot be decoded is dropped."""
    try:
        decoder = CappedDecoder(response.headers.get("content-encoding"), limit)
    except EncodingRefused:
        return b""
    chunks, seen = [], 0
    try:
        for chunk in response.iter_raw():
            piece = decoder.feed(chunk)
            chunks.append(piece)
            seen += len(piece)
            if seen >= limit:
                break
    except LimitExceeded:
        pass
    except EncodingRefused:
        return b""
    return b"".join(chunks)[:limit]


def fetch_source(fetcher: Fetcher, archive: "Archive", url: str, *, source_id: str | None = None) -> Snapshot:
    """Fetch url conditionally against its newest archived copy and archive the outcome.

    Sends the stored ETag / Last-Modified; a 304 records a snapshot pointing at the stored copy, a 200
    stores the body (once per distinct content). A failure is archived too (no sha256) and re-raised.
    """
    return fetch_source_body(fetcher, archive, url, source_id=source_id)[0]


def fetch_source_body(
    fetcher: Fetcher, archive: "Archive", url: str, *, source_id: str | None = None
) -> tuple[Snapshot, bytes | None]:
    """``fetch_source``, also handing back the body received (None for a 304): the caller that reads it next
    need not read the archived copy back and hash it again."""
    previous = archive.newest(url=url)
    etag = previous.etag if previous and archive.has_object(previous) else None
    last_modified = previous.last_modified if previous and archive.has_object(previous) else None
    try:
        result = fetcher.fetch(url, etag=etag, last_modified=last_modified)
    except ScraperError as error:
        archive.record_failure(url, error, source_id=source_id)
        raise
    return archive.record(result, source_id=source_id), None if result.not_modified else (result.body or b"")
