"""The fetcher against a real HTTP server on 127.0.0.1, reached through a mirror of the official hosts."""

from __future__ import annotations

import pytest

from scrapers.archive import Archive
from scrapers.errors import BlockReason, BodyTooLarge, SourceBlocked, SourceGone, SourceUnreachable
from scrapers.fetch import Fetcher, FetchPolicy, fetch_source
from scrapers.hosts import MirrorMap
from tests.scrapers.conftest import Reply, Seen, SiteServer

PAGE = "<html><body><main><p>Срок оформления – 15 рабочих дней.</p></main></body></html>"


def fetcher_for(server: SiteServer, policy: FetchPolicy, *hosts: str, **changes: object) -> Fetcher:
    mirrors = MirrorMap.parse([server.mirror(h) for h in (hosts or ("egov.kz",))])
    return Fetcher(policy.model_copy(update=changes), mirrors)


def conditional(body: str, *, etag: str | None = None, last_modified: str | None = None):  # noqa: ANN201
    data = body.encode()

    def handle(seen: Seen) -> Reply:
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        if (etag and seen.headers.get("if-none-match") == etag) or (
            last_modified and not etag and seen.headers.get("if-modified-since") == last_modified
        ):
            return Reply(304, b"", headers)
        return Reply(200, data, headers)

    return handle


def test_second_fetch_sends_the_servers_etag_and_gets_304(server, policy, tmp_path) -> None:
    server.routes["/egov.kz/cms/en/page"] = conditional(PAGE, etag='W/"v1-abc"')
    archive = Archive(tmp_path / "archive")
    with fetcher_for(server, policy) as fetcher:
        first = fetch_source(fetcher, archive, "https://egov.kz/cms/en/page?lang=en", source_id="egov-page")
        second = fetch_source(fetcher, archive, "https://egov.kz/cms/en/page?lang=en", source_id="egov-page")
    assert (first.status, second.status) == (200, 304)
    assert second.sha256 == first.sha256 and second.size == first.size
    assert server.bodies_served["/egov.kz/cms/en/page"] == 1
    sent = server.requests_to("/egov.kz/cms/en/page")
    assert "if-none-match" not in sent[0].headers
    assert sent[1].headers["if-none-match"] == 'W/"v1-abc"'
    assert sent[1].path == "/egov.kz/cms/en/page?lang=en"
    assert [s.status for s in archive.history(source_id="egov-page")] == [200, 304]


def test_last_modified_is_sent_back_verbatim_not_our_own_time(server, policy, tmp_path) -> None:
    stamp = "Tue, 03 Mar 2026 09:15:00 GMT"
    server.routes["/egov.kz/cms/ru/x"] = conditional(PAGE, last_modified=stamp)
    archive = Archive(tmp_path / "archive")
    with fetcher_for(server, policy) as fetcher:
        fetch_source(fetcher, archive, "https://egov.kz/cms/ru/x")
        again = fetch_source(fetcher, archive, "https://egov.kz/cms/ru/x")
    assert server.requests_to("/egov.kz/cms/ru/x")[1].headers["if-modified-since"] == stamp
    assert again.status == 304 and again.last_modified == stamp
    assert server.bodies_served["/egov.kz/cms/ru/x"] == 1


def test_identical_content_is_stored_once_and_a_change_adds_an_object(server, policy, tmp_path) -> None:
    archive = Archive(tmp_path / "archive")
    server.page("/egov.kz/a", PAGE)
    with fetcher_for(server, policy) as fetcher:
        one = fetch_source(fetcher, archive, "https://egov.kz/a")
        two = fetch_source(fetcher, archive, "https://egov.kz/a")
        server.page("/egov.kz/a", PAGE.replace("15", "17"))
        three = fetch_source(fetcher, archive, "https://egov.kz/a")
    assert one.sha256 == two.sha256 != three.sha256
    assert len(list((tmp_path / "archive" / "objects").iterdir())) == 2
    assert len(archive.snapshots()) == 3


def test_a_500_is_retried_and_the_retry_succeeds(server, policy) -> None:
    calls = {"n": 0}

    def flaky(seen: Seen) -> Reply:
        calls["n"] += 1
        return Reply(500, b"oops") if calls["n"] == 1 else Reply(200, PAGE.encode(), {"Content-Type": "text/html"})

    server.routes["/egov.kz/flaky"] = flaky
    slept: list[float] = []
    fetcher = Fetcher(policy, MirrorMap.parse([server.mirror("egov.kz")]), sleep=slept.append)
    with fetcher:
        result = fetcher.fetch("https://egov.kz/flaky")
    assert result.status == 200 and result.attempts == 2
    assert slept == [policy.backoff_base]


def test_a_persistent_500_gives_up_after_the_bounded_attempts_with_backoff(server, policy, tmp_path) -> None:
    server.routes["/egov.kz/down"] = lambda seen: Reply(500, b"down")
    slept: list[float] = []
    archive = Archive(tmp_path / "archive")
    fetcher = Fetcher(policy, MirrorMap.parse([server.mirror("egov.kz")]), sleep=slept.append)
    with fetcher, pytest.raises(SourceUnreachable) as caught:
        fetch_source(fetcher, archive, "https://egov.kz/down", source_id="down")
    assert caught.value.status == 500 and caught.value.attempts == 3
    assert len(server.requests_to("/egov.kz/down")) == 3
    assert slept == [0.01, 0.02]  # exponential: base, 2 x base
    failure = archive.newest(source_id="down", with_content=False)
    assert failure is not None and failure.sha256 is None and failure.status == 500
    assert archive.newest(source_id="down") is None


def test_a_server_slower_than_the_read_timeout_is_unreachable(server, policy) -> None:
    server.routes["/egov.kz/slow"] = lambda seen: Reply(200, PAGE.encode(), delay=1.0)
    with fetcher_for(server, policy, max_attempts=2) as fetcher, pytest.raises(SourceUnreachable) as caught:
        fetcher.fetch("https://egov.kz/slow")
    assert "timed out" in caught.value.reason
    assert len(server.requests_to("/egov.kz/slow")) == 2


def test_a_redirect_off_the_allowlist_is_refused(server, policy) -> None:
    server.routes["/egov.kz/moved"] = lambda seen: Reply(302, b"", {"Location": "https://kz-docs.example.com/p"})
    with fetcher_for(server, policy) as fetcher, pytest.raises(SourceBlocked) as caught:
        fetcher.fetch("https://egov.kz/moved")
    assert caught.value.reason is BlockReason.OFF_ALLOWLIST
    assert "kz-docs.example.com" in str(caught.value)


def test_a_redirect_to_an_unmirrored_loopback_address_is_refused(server, policy) -> None:
    server.routes["/egov.kz/sneaky"] = lambda seen: Reply(302, b"", {"Location": f"{server.base}/internal"})
    server.page("/internal", "secret")
    with fetcher_for(server, policy) as fetcher, pytest.raises(SourceBlocked) as caught:
        fetcher.fetch("https://egov.kz/sneaky")
    assert caught.value.reason is BlockReason.OFF_ALLOWLIST
    assert server.requests_to("/internal") == []


def test_a_redirect_within_the_allowlist_is_followed_through_the_mirror(server, policy) -> None:
    server.routes["/egov.kz/old"] = lambda seen: Reply(301, b"", {"Location": "https://www.gov.kz/services/3087?lang=en"})
    server.page("/www.gov.kz/services/3087", PAGE)
    with fetcher_for(server, policy, "egov.kz", "www.gov.kz") as fetcher:
        result = fetcher.fetch("https://egov.kz/old")
    assert result.status == 200
    assert result.final_url == "https://www.gov.kz/services/3087?lang=en"
    assert result.redirects == ["https://www.gov.kz/services/3087?lang=en"]
    assert result.served_from == f"{server.base}/www.gov.kz/services/3087?lang=en"


def test_a_relative_redirect_of_a_static_mirror_stays_inside_the_mirror(server, policy) -> None:
    server.routes["/egov.kz/cms/dir"] = lambda seen: Reply(301, b"", {"Location": "/egov.kz/cms/dir/"})
    server.page("/egov.kz/cms/dir/", PAGE)
    with fetcher_for(server, policy) as fetcher:
        result = fetcher.fetch("https://egov.kz/cms/dir")
    assert result.final_url == "https://egov.kz/cms/dir/"


def test_an_oversized_body_with_a_length_is_refused_before_reading(server, policy) -> None:
    server.page("/egov.kz/big", b"x" * (200 * 1024), "text/html")
    with fetcher_for(server, policy) as fetcher, pytest.raises(BodyTooLarge) as caught:
        fetcher.fetch("https://egov.kz/big")
    assert caught.value.seen == 0 and caught.value.limit == 64 * 1024


def test_an_oversized_streamed_body_is_aborted(server, policy) -> None:
    big = b"y" * (300 * 1024)
    server.routes["/egov.kz/stream"] = lambda seen: Reply(200, big, {"Content-Type": "text/html"}, chunks=30)
    with fetcher_for(server, policy) as fetcher, pytest.raises(BodyTooLarge) as caught:
        fetcher.fetch("https://egov.kz/stream")
    assert 64 * 1024 < caught.value.seen < 300 * 1024


def test_robots_txt_is_obeyed_and_read_once_per_host(server, policy) -> None:
    server.page("/egov.kz/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    server.page("/egov.kz/public", PAGE)
    server.page("/egov.kz/private/x", PAGE)
    with fetcher_for(server, policy) as fetcher:
        assert fetcher.fetch("https://egov.kz/public").status == 200
        with pytest.raises(SourceBlocked) as caught:
            fetcher.fetch("https://egov.kz/private/x")
    assert caught.value.reason is BlockReason.ROBOTS
    assert server.requests_to("/egov.kz/private/x") == []
    assert len(server.requests_to("/egov.kz/robots.txt")) == 1


def test_robots_rules_for_our_user_agent_apply(server, policy) -> None:
    server.page("/egov.kz/robots.txt", "User-agent: kzdocs\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "text/plain")
    with fetcher_for(server, policy) as fetcher, pytest.raises(SourceBlocked) as caught:
        fetcher.fetch("https://egov.kz/anything")
    assert caught.value.reason is BlockReason.ROBOTS


def test_a_403_is_reported_as_a_bot_block_and_a_404_as_gone(server, policy) -> None:
    denied = Reply(403, b"<h1>Access denied</h1>", {"Content-Type": "text/html"})
    server.routes["/egov.kz/guarded"] = lambda seen: denied
    with fetcher_for(server, policy) as fetcher:
        with pytest.raises(SourceBlocked) as blocked:
            fetcher.fetch("https://egov.kz/guarded")
        with pytest.raises(SourceGone) as gone:
            fetcher.fetch("https://egov.kz/missing")
    assert blocked.value.reason is BlockReason.BOT_BLOCK and blocked.value.status == 403
    assert gone.value.status == 404


def test_hosts_off_the_allowlist_are_never_contacted(policy) -> None:
    with Fetcher(policy) as fetcher, pytest.raises(SourceBlocked) as caught:
        fetcher.fetch("http://127.0.0.1:9/whatever")
    assert caught.value.reason is BlockReason.OFF_ALLOWLIST


def test_the_user_agent_names_kzdocs_and_a_contact(server, policy) -> None:
    server.page("/egov.kz/ua", PAGE)
    with fetcher_for(server, policy) as fetcher:
        fetcher.fetch("https://egov.kz/ua")
    agent = server.requests_to("/egov.kz/ua")[0].headers["user-agent"]
    assert agent.startswith("kzdocs/") and "+http" in agent


# The fetcher spaces the START of requests by INTERVAL; the server sees their ARRIVAL, which a loaded machine
# (CI's two cores running the suite in two workers) delays by tens of milliseconds. Unspaced requests arrive
# a millisecond or two apart, so a floor at 80 % of the interval still fails at once if spacing breaks.
INTERVAL = 0.25
ARRIVAL_FLOOR = 0.2


def test_an_official_host_is_spaced_by_min_host_interval(server, policy) -> None:
    server.page("/a", PAGE)
    server.page("/b", PAGE)
    direct = policy.model_copy(update={"allowed_hosts": ("127.0.0.1",), "min_host_interval": INTERVAL})
    with Fetcher(direct) as fetcher:  # no mirror: the host itself is on this allowlist
        fetcher.fetch(f"{server.base}/a")
        fetcher.fetch(f"{server.base}/b")
    times = [r.at for r in server.requests]
    assert [r.path for r in server.requests] == ["/robots.txt", "/a", "/b"]
    assert min(later - earlier for earlier, later in zip(times, times[1:], strict=False)) >= ARRIVAL_FLOOR


def test_requests_to_one_mirror_are_spaced_by_the_mirror_interval(server, policy) -> None:
    for name in ("a", "b", "c"):
        server.page(f"/egov.kz/{name}", PAGE)
    server.page("/egov.kz/robots.txt", "", "text/plain")
    with fetcher_for(server, policy, mirror_host_interval=INTERVAL) as fetcher:
        for name in ("a", "b", "c"):
            fetcher.fetch(f"https://egov.kz/{name}")
    times = [r.at for r in server.requests]
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= ARRIVAL_FLOOR  # robots.txt counts as a request to the host too


def test_robots_txt_is_read_once_even_by_parallel_fetches(server, policy) -> None:
    from concurrent.futures import ThreadPoolExecutor

    server.routes["/egov.kz/robots.txt"] = lambda seen: Reply(200, b"User-agent: *\nAllow: /\n", delay=0.1)
    for number in range(4):
        server.page(f"/egov.kz/p{number}", PAGE)
    with fetcher_for(server, policy) as fetcher, ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda n: fetcher.fetch(f"https://egov.kz/p{n}"), range(4)))
    assert [r.status for r in results] == [200] * 4
    assert len(server.requests_to("/egov.kz/robots.txt")) == 1


def test_the_host_clock_reserves_slots_without_real_time() -> None:
    from scrapers.fetch import _HostClock

    now = {"t": 100.0}
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 6))

    clock = _HostClock(2.0, lambda: now["t"], sleep)
    clock.wait_turn("egov.kz")
    clock.wait_turn("egov.kz")
    clock.wait_turn("www.gov.kz")
    now["t"] += 5
    clock.wait_turn("egov.kz")
    assert waits == [2.0]
