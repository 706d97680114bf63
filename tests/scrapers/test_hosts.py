"""Allowlist and mirror maps: which URLs may be fetched, and where a mirror serves them from."""

from __future__ import annotations

import pytest

from scrapers.errors import InvalidMirror
from scrapers.hosts import Allowlist, MirrorMap, parse_mirror


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://egov.kz/cms/en/services/009pass_mvd", True),
        ("https://m.egov.kz/cms/en/x?mobile=yes", True),
        ("https://www.gov.kz/services/3087?lang=en", True),
        ("https://shymkent.invest.gov.kz/invest-guide/", True),
        ("https://adilet.zan.kz/rus/docs/V1500012880", True),
        ("http://www.mfa.kz/en/erevan/content-view/x", True),
        ("https://www.nis.edu.kz/kk/page/x", True),
        ("https://gov.kz.example.com/", False),
        ("https://evilgov.kz/", False),
        ("ftp://egov.kz/file", False),
        ("http://127.0.0.1:8765/egov.kz/x", False),
    ],
)
def test_allowlist(url: str, allowed: bool) -> None:
    assert Allowlist().allows(url) is allowed


def test_a_mirror_keeps_path_and_query_under_its_prefix() -> None:
    mirrors = MirrorMap.parse(["https://egov.kz=http://127.0.0.1:8765/egov.kz"])
    actual = mirrors.to_actual("https://egov.kz/cms/en/x?lang=en")
    assert actual == "http://127.0.0.1:8765/egov.kz/cms/en/x?lang=en"
    assert mirrors.to_original(actual) == "https://egov.kz/cms/en/x?lang=en"
    assert mirrors.to_actual("http://egov.kz/cms/en/x") == "http://egov.kz/cms/en/x"  # other scheme: not mirrored
    assert mirrors.to_actual("https://m.egov.kz/cms") == "https://m.egov.kz/cms"


def test_a_mirror_without_scheme_covers_http_and_https() -> None:
    mirrors = MirrorMap.parse(["mfa.gov.kz=http://127.0.0.1:9000/"])
    assert mirrors.to_actual("http://mfa.gov.kz/en/x") == "http://127.0.0.1:9000/en/x"
    assert mirrors.to_actual("https://mfa.gov.kz/en/x") == "http://127.0.0.1:9000/en/x"


@pytest.mark.parametrize(
    "spec",
    ["egov.kz", "https://egov.kz/cms=http://127.0.0.1:1/x", "https://egov.kz=ftp://host/x", "gopher://a=http://b",
     "https://egov.kz=http://127.0.0.1:1/x?y=1", "https://egov.kz=not-a-url"],
)
def test_malformed_mirror_specs_are_refused_with_the_spec_named(spec: str) -> None:
    with pytest.raises(InvalidMirror) as caught:
        parse_mirror(spec)
    assert repr(spec) in str(caught.value)
