"""Every fetch fault of a hostile server on 127.0.0.1 ends in a clean, typed error within bounded time and memory."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from scrapers.errors import BodyTooLarge, ScraperError, SourceBlocked, SourceUnreachable
from scrapers.fetch import Fetcher, FetchPolicy
from scrapers.hosts import MirrorMap
from tests.reliability import LONG, hostile
from tests.reliability.hostile import HostileServer

PAGE = "/egov.kz/cms/page"
ROBOTS = "/egov.kz/robots.txt"
LIMIT = 2 * 1024 * 1024  # the policy's body limit in these tests
DEADLINE = 0.6  # one request's wall-clock deadline in these tests
BOMB = (1 << 30) if LONG else (32 << 20)  # decoded size of the bombs: 1 GiB in the long run

FAULTS = {
    # name: (path, behaviour (made when the test runs: bombs take a moment to build), expected error)
    "stacked gzip bomb": (
        PAGE,
        lambda: hostile.reply(200, hostile.stacked_gzip_bomb(BOMB), Content_Encoding="gzip, gzip"),
        SourceUnreachable,
    ),
    "stacked gzip bomb in robots.txt": (
        ROBOTS,
        lambda: hostile.reply(200, hostile.stacked_gzip_bomb(BOMB), Content_Encoding="gzip, gzip"),
        SourceUnreachable,
    ),
    "gzip bomb": (
        PAGE,
        lambda: hostile.reply(200, hostile.gzip_stream_bomb(BOMB), Content_Encoding="gzip"),
        BodyTooLarge,
    ),
    "deflate bomb": (
        PAGE,
        lambda: hostile.reply(200, hostile.deflate_bomb(BOMB), Content_Encoding="deflate"),
        BodyTooLarge,
    ),
    "gzip bomb as an error body": (
        PAGE,
        lambda: hostile.reply(503, hostile.gzip_stream_bomb(BOMB), Content_Encoding="gzip"),
        SourceUnreachable,
    ),
    "unknown encoding": (PAGE, hostile.reply(200, b"abc", Content_Encoding="zstd"), SourceUnreachable),
    "corrupt gzip": (PAGE, hostile.reply(200, b"\x1f\x8bnot really", Content_Encoding="gzip"), SourceUnreachable),
    "headers dripped": (PAGE, hostile.drip_headers(), SourceUnreachable),
    "robots.txt headers dripped": (ROBOTS, hostile.drip_headers(), SourceUnreachable),
    "200 body dripped": (PAGE, hostile.drip_body(200), SourceUnreachable),
    "404 body dripped": (PAGE, hostile.drip_body(404), SourceUnreachable),
    "503 body dripped": (PAGE, hostile.drip_body(503), SourceUnreachable),
    "endless chunked body": (PAGE, hostile.endless_chunked(), BodyTooLarge),
    "not HTTP": (PAGE, hostile.garbage(), SourceUnreachable),
    "hangs up": (PAGE, hostile.hang_up(), SourceUnreachable),
    "8 MB header": (PAGE, hostile.huge_header(), SourceUnreachable),
    "304 to a request without validator": (PAGE, hostile.reply(304), SourceUnreachable),
    "304 to robots.txt without validator": (ROBOTS, hostile.reply(304), SourceUnreachable),
    "503 asking to retry in an hour": (PAGE, hostile.reply(503, b"busy", Retry_After="3600"), SourceUnreachable),
    "redirect to another port": (PAGE, hostile.reply(302, Location="https://egov.kz:8443/x"), SourceBlocked),
    "redirect to an unmirrored gov.kz host": (PAGE, hostile.reply(302, Location="https://www.gov.kz/x"), SourceBlocked),
    "redirect loop": (PAGE, hostile.reply(302, Location="https://egov.kz/cms/page"), SourceUnreachable),
}


def policy() -> FetchPolicy:
    return FetchPolicy(
        connect_timeout=1.0,
        read_timeout=0.5,
        total_timeout=DEADLINE,
        fetch_timeout=1.5,
        run_timeout=20.0,
        max_attempts=3,
        backoff_base=0.01,
        backoff_max=30.0,
        min_host_interval=0.0,
        max_body_bytes=LIMIT,
    )


def fetcher(server: HostileServer, **changes: object) -> Fetcher:
    mirrors = MirrorMap.parse([f"https://egov.kz={server.base}/egov.kz"])
    return Fetcher(policy().model_copy(update=changes), mirrors)


def fetch_once(server: HostileServer, url: str = "https://egov.kz/cms/page") -> tuple[BaseException | None, float, int]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        with fetcher(server) as f:
            f.fetch(url)
        error = None
    except ScraperError as caught:
        error = caught
    finally:
        seconds = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return error, seconds, peak


@pytest.mark.parametrize("name", list(FAULTS))
def test_a_hostile_answer_fails_cleanly_within_bounds(name: str) -> None:
    path, make, expected = FAULTS[name]
    behaviour = make() if make.__name__ == "<lambda>" else make
    with HostileServer(routes={path: behaviour}) as server:
        error, seconds, peak = fetch_once(server)
    assert isinstance(error, expected), f"{name}: {error!r}"
    assert "egov.kz" in str(error)
    assert seconds < 2.0, f"{name} took {seconds:.1f} s"  # fetch_timeout 1.5 s plus teardown
    assert peak < 4 * LIMIT + (16 << 20), f"{name} peaked at {peak >> 20} MB"


def test_stacked_encodings_are_refused_by_name() -> None:
    path, make, _ = FAULTS["stacked gzip bomb"]
    with HostileServer(routes={path: make()}) as server:
        error, _, _ = fetch_once(server)
    assert "stacked content encodings (gzip, gzip)" in str(error)


def test_a_single_gzip_layer_within_the_limit_is_decoded() -> None:
    import gzip

    body = ("<html><body><p>" + "Срок оформления – 15 рабочих дней. " * 2000 + "</p></body></html>").encode()
    routes = {PAGE: hostile.reply(200, gzip.compress(body), Content_Encoding="gzip", Content_Type="text/html")}
    with HostileServer(routes=routes) as server, fetcher(server) as f:
        assert f.fetch("https://egov.kz/cms/page").body == body


def test_a_failing_robots_txt_is_fetched_once_per_host_per_run() -> None:
    with HostileServer(routes={ROBOTS: hostile.drip_headers()}) as server, fetcher(server) as f:
        started = time.monotonic()
        for n in range(5):
            with pytest.raises(SourceUnreachable, match="robots.txt"):
                f.fetch(f"https://egov.kz/cms/page{n}")
        seconds = time.monotonic() - started
    assert [r.path for r in server.seen] == [ROBOTS]
    assert seconds < DEADLINE + 1.0


def test_a_304_confirms_only_the_validator_we_sent() -> None:
    routes = {PAGE: hostile.reply(304, ETag='"theirs"')}
    with HostileServer(routes=routes) as server, fetcher(server) as f:
        with pytest.raises(SourceUnreachable, match="not the"):
            f.fetch("https://egov.kz/cms/page", etag='"ours"')
        assert f.fetch("https://egov.kz/cms/page", etag='W/"theirs"').not_modified


def test_a_redirect_to_the_same_host_with_a_trailing_dot_stays_on_the_mirror() -> None:
    routes = {
        PAGE: hostile.reply(302, Location="https://egov.kz./cms/other"),
        "/egov.kz/cms/other": hostile.reply(200, b"<p>moved here</p>", Content_Type="text/html"),
    }
    with HostileServer(routes=routes) as server, fetcher(server) as f:
        result = f.fetch("https://egov.kz/cms/page")
    assert result.body == b"<p>moved here</p>" and result.served_from.startswith(server.base)


def test_the_run_deadline_stops_every_later_fetch() -> None:
    with HostileServer(routes={}, default=hostile.drip_headers()) as server:
        with fetcher(server, run_timeout=1.0, fetch_timeout=0.8) as f:
            started = time.monotonic()
            for n in range(6):
                with pytest.raises(SourceUnreachable):
                    f.fetch(f"https://egov.kz/p{n}")
            seconds = time.monotonic() - started
    assert seconds < 1.5


def test_verify_never_confirms_from_a_304_it_did_not_ask_for(tmp_path) -> None:
    """Sources with no stored validator (like our reconstructions) answered 304: source errors, no verified_at moved."""
    import json
    import shutil

    from click.testing import CliRunner

    from kzdocs import cli
    from registry.build import build_registry
    from tests.reliability.writers import FIXTURES
    from tests.verifier.conftest import SOURCES

    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "registry" / "profiles", data / "profiles")
    (data / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    db = tmp_path / "registry.db"
    build_registry(db, data)
    with HostileServer(default=hostile.reply(304, ETag='"x"')) as server:
        mirrors = [
            "--mirror",
            f"https://www.gov.kz={server.base}/gov",
            "--mirror",
            f"https://egov.kz={server.base}/egov",
        ]
        result = CliRunner().invoke(cli, ["verify", "--db", str(db), "--data", str(data), "--json", *mirrors])
    run = json.loads(result.stdout)
    assert result.exit_code == 2
    assert {f["kind"] for f in run["findings"]} == {"source_error"}
    assert not (data / "verifications.jsonl").exists()


def test_a_name_lookup_that_hangs_is_cut_at_the_deadline(monkeypatch) -> None:
    """getaddrinfo() takes no timeout; a resolver that hangs must not hang the fetch (no network is touched)."""
    import socket
    import threading

    release = threading.Event()

    def hanging_lookup(*args: object, **kwargs: object) -> list:
        release.wait(10)
        raise socket.gaierror(-2, "gave up")

    monkeypatch.setattr(socket, "getaddrinfo", hanging_lookup)
    started = time.monotonic()
    try:
        with Fetcher(policy()) as f, pytest.raises(SourceUnreachable):
            f.fetch("https://egov.kz/cms/page")
    finally:
        release.set()
    assert time.monotonic() - started < 2.0
