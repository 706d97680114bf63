"""Property tests (hypothesis): whatever bytes arrive, parsing and fetching end in a result or a typed error.

The default run takes a fast sample; ``make reliability`` runs thousands of cases (the "long" profile).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapers.errors import ScraperError
from scrapers.extract import extract_bytes
from scrapers.fetch import Fetcher, FetchPolicy
from scrapers.hosts import MirrorMap
from tests.reliability import LONG, hostile
from tests.reliability.hostile import HostileServer

EXAMPLES = 2000 if LONG else 40
SLOWEST_PARSE = 5.0  # seconds for one hostile input under 20 MB (the published bound is 60 s)

WORDS = st.sampled_from(
    ["Срок", "оформления", "15", "рабочих", "дней", "пошлина", "0,2", "МРП", "фото", "35×45", "мм", "3,5х4,5",
     "см", "fee", "MCI", "working days", "photo", "1)", "—", "•", "\u00a0", "", "<", "&amp;", "тенге", "лет"]
)
TEXT = st.lists(WORDS, max_size=12).map(" ".join)
TAGS = st.sampled_from(["p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "main", "article",
                        "span", "b", "br", "nav", "footer", "script", "style", "section"])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(TAGS, st.lists(children, max_size=5), st.booleans()).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}" + (f"</{t[0]}>" if t[2] else "")
    )


HTML = st.recursive(TEXT, _element, max_leaves=60).map(lambda body: f"<html><body>{body}</body></html>")


def _parse(data: bytes, kind: str) -> None:
    started = time.monotonic()
    try:
        observations = extract_bytes(data, kind, name="fuzzed")
        for o in observations:
            assert o.quote  # every fact rests on a quote
    except ScraperError as error:
        assert "fuzzed" in str(error)
    assert time.monotonic() - started < SLOWEST_PARSE


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HTML)
def test_any_html_tree_gives_observations_or_a_clean_error(page: str) -> None:
    _parse(page.encode("utf-8"), "html")


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_as_html_or_text_give_observations_or_a_clean_error(data: bytes) -> None:
    _parse(data, "html")
    _parse(data, "text")


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    from tests.scrapers.conftest import requirements_pdf

    return requirements_pdf([("Размер фотографии", "35×45 мм"), ("Государственная пошлина", "0,2 МРП")])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8),
       keep_eof=st.booleans())
def test_a_damaged_pdf_gives_observations_or_a_clean_error(pdf_bytes, cut, flips, keep_eof) -> None:
    data = bytearray(pdf_bytes[: max(8, int(len(pdf_bytes) * cut))])
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    if keep_eof:
        data += b"\n%%EOF\n"
    _parse(bytes(data), "pdf")


ENCODINGS = st.sampled_from([None, "gzip", "deflate", "gzip, gzip", "identity", "br", "x-gzip", "gzip, identity"])
STATUSES = st.sampled_from([200, 200, 200, 204, 206, 301, 302, 304, 400, 401, 403, 404, 410, 418, 429, 500, 503])


@st.composite
def responses(draw: st.DrawFn) -> hostile.Behaviour:
    status = draw(STATUSES)
    body = draw(st.one_of(st.binary(max_size=2048), TEXT.map(str.encode)))
    encoding = draw(ENCODINGS)
    if encoding in ("gzip", "x-gzip") and draw(st.booleans()):
        import gzip

        body = gzip.compress(body)
    headers = {"Content-Type": draw(st.sampled_from(["text/html", "application/pdf", "text/plain", "x/y", ""]))}
    if encoding:
        headers["Content-Encoding"] = encoding
    if status in (301, 302):
        headers["Location"] = draw(st.sampled_from(
            ["https://egov.kz/cms/page", "/relative", "https://egov.kz./x", "https://evil.example/", "https://egov.kz:1/",
             "//egov.kz/x", "https://../x", "", "http://127.0.0.1:1/x"]))
    if draw(st.booleans()):
        headers["ETag"] = draw(st.sampled_from(['"a"', 'W/"a"', "", "garbage"]))
    length = draw(st.sampled_from([None, len(body), len(body) + 10, max(0, len(body) - 1), 10**12]))
    headers["Content-Length"] = str(len(body)) if length is None else str(length)
    return hostile.reply(status, body, **{k.replace("-", "_"): v for k, v in headers.items()})


@pytest.fixture(scope="module")
def hostile_server():
    with HostileServer() as server:
        yield server


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(behaviour=responses(), etag=st.sampled_from([None, '"a"']))
def test_any_response_gives_a_result_or_a_clean_error(hostile_server, behaviour, etag) -> None:
    hostile_server.routes.clear()
    hostile_server.routes["/egov.kz/cms/page"] = behaviour
    policy = FetchPolicy(connect_timeout=1, read_timeout=0.5, total_timeout=1, fetch_timeout=2, max_attempts=2,
                         backoff_base=0.0, min_host_interval=0, max_body_bytes=1 << 20)
    started = time.monotonic()
    with Fetcher(policy, MirrorMap.parse([f"https://egov.kz={hostile_server.base}/egov.kz"])) as fetcher:
        try:
            result = fetcher.fetch("https://egov.kz/cms/page", etag=etag)
            assert result.not_modified or result.body is not None
            if result.not_modified:
                assert etag is not None  # a 304 confirms only a validator we sent
            assert len(result.body or b"") <= policy.max_body_bytes
        except ScraperError as error:
            assert "egov.kz" in str(error)
    assert time.monotonic() - started < 3.0
