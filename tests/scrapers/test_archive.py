"""The content-addressed archive: snapshots, newest copies, damage detection, and export as a static mirror."""

from __future__ import annotations

import functools
import hashlib
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scrapers.archive import Archive
from scrapers.errors import ArchiveCorrupt
from scrapers.export import mirror_specs, url_to_relpath
from scrapers.extract import extract_snapshot
from scrapers.fetch import Fetcher, fetch_source
from scrapers.hosts import MirrorMap

HTML = "<html><body><p>Мемлекеттік баж – 0,2 АЕК.</p></body></html>".encode()


def test_a_reconstruction_is_archived_honestly_and_found_as_newest(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    snap = archive.add_copy(
        "https://www.gov.kz/situations/96/285", HTML, content_type="text/html", source_id="govkz-id",
        reconstruction=True, note="rebuilt from the published quotes",
    )
    line = json.loads((tmp_path / "snapshots.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["reconstruction"] is True and line["sha256"] == hashlib.sha256(HTML).hexdigest()
    assert (tmp_path / "objects" / f"{snap.sha256}.html").read_bytes() == HTML
    assert archive.newest(source_id="govkz-id") == snap
    assert archive.newest(url="https://www.gov.kz/situations/96/285") == snap
    assert [o.value for o in extract_snapshot(archive, snap)] == [0.2]


def test_a_damaged_snapshot_line_names_the_file_and_line(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    archive.add_copy("https://egov.kz/a", HTML)
    with (tmp_path / "snapshots.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"url": "https://egov.kz/b"}\n')
    with pytest.raises(ArchiveCorrupt) as caught:
        archive.snapshots()
    assert "snapshots.jsonl:2" in str(caught.value) and "fetched_at" in str(caught.value)


def test_an_object_whose_bytes_do_not_match_its_hash_is_refused(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    snap = archive.add_copy("https://egov.kz/a", HTML)
    (tmp_path / "objects" / f"{snap.sha256}.html").write_bytes(b"tampered")
    with pytest.raises(ArchiveCorrupt, match="does not match"):
        archive.body(snap)


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("https://egov.kz/cms/en/x?lang=en", "egov.kz/cms/en/x"),
        ("https://egov.kz/", "egov.kz/index.html"),
        ("https://www.gov.kz/services/3087/", "www.gov.kz/services/3087/index.html"),
        ("https://adilet.zan.kz/rus/docs/%D0%9F1", "adilet.zan.kz/rus/docs/П1"),
        ("https://egov.kz/a/../../etc/passwd", "egov.kz/a/_/_/etc/passwd"),
        ("http://mfa.gov.kz:8080/x.pdf", "mfa.gov.kz_8080/x.pdf"),
    ],
)
def test_export_paths(url: str, path: str) -> None:
    assert url_to_relpath(url).as_posix() == path


def test_the_export_serves_as_a_mirror_through_a_plain_static_server(tmp_path: Path, policy, sample_pdf) -> None:
    archive = Archive(tmp_path / "archive")
    pages = {
        "https://egov.kz/cms/en/articles/visa?lang=en": (HTML, "text/html"),
        "https://egov.kz/cms/en/articles": (b"<html><body><p>index of articles</p></body></html>", "text/html"),
        "https://adilet.zan.kz/files/rules.pdf": (sample_pdf, "application/pdf"),
    }
    for number, (url, (body, ctype)) in enumerate(pages.items()):
        archive.add_copy(url, body, content_type=ctype, source_id=f"s{number}")
    archive.add_copy(
        "https://egov.kz/cms/en/articles/visa?lang=ru", b"<p>ru</p>", content_type="text/html", source_id="s9"
    )
    out = tmp_path / "mirror"
    index = archive.export(out)

    listed = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert {e["url"] for e in listed["sources"]} == set(pages) | {"https://egov.kz/cms/en/articles/visa?lang=ru"}
    assert all({"url", "file", "content_type"} <= set(e) and (out / e["file"]).is_file() for e in listed["sources"])
    assert len(index.warnings) == 1 and "lang=ru" in index.warnings[0]
    files = {e["url"]: e["file"] for e in listed["sources"]}
    assert files["https://egov.kz/cms/en/articles"] == "egov.kz/cms/en/articles/index.html"  # also a parent dir

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        roomy = policy.model_copy(update={"max_body_bytes": 1 << 20})
        with Fetcher(roomy, MirrorMap.parse(mirror_specs(index, base))) as fetcher:
            for url, (body, ctype) in pages.items():
                result = fetcher.fetch(url)
                assert result.body == body, url
                assert result.content_type.startswith(ctype), url
            again = Archive(tmp_path / "refetched")
            fetched = [fetch_source(fetcher, again, url) for url in pages]
            confirmed = [fetch_source(fetcher, again, url) for url in pages]
        assert all(s.status == 200 for s in fetched)
        assert all(s.status == 304 for s in confirmed), "a static mirror answers If-Modified-Since with 304"
    finally:
        httpd.shutdown()
        httpd.server_close()
