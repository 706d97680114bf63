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


def _spy_flush(monkeypatch: pytest.MonkeyPatch, archive: Archive) -> list[tuple[int, list[str]]]:
    """Record, at each flush, how many lines the index already has and which bodies are flushed (the real
    flush still runs)."""
    import scrapers.archive as module

    real, calls = module._flush_to_disk, []

    def spy(folder: Path, written: list[Path], **options: bool) -> None:
        lines = archive.snapshots_path.read_text("utf-8").splitlines() if archive.snapshots_path.exists() else []
        calls.append((len(lines), sorted(p.name for p in written)))
        real(folder, written, **options)

    monkeypatch.setattr(module, "_flush_to_disk", spy)
    return calls


def test_a_batch_writes_its_lines_only_after_one_flush_of_all_its_bodies(tmp_path: Path, monkeypatch) -> None:
    archive = Archive(tmp_path)
    first = archive.add_copy("https://egov.kz/old", b"<p>old</p>")  # outside a batch: written at once
    calls = _spy_flush(monkeypatch, archive)
    bodies = [f"<p>page {n}</p>".encode() for n in range(3)]
    with archive.batch():
        snaps = [archive.add_copy(f"https://egov.kz/{n}", body) for n, body in enumerate(bodies)]
        with archive.batch():  # nested: the outer block decides when to flush
            inner = archive.add_copy("https://egov.kz/inner", b"<p>inner</p>")
        assert not calls
        # Held lines are not in the file yet, but this process reads them like the others.
        assert len(archive.snapshots_path.read_text("utf-8").splitlines()) == 1
        assert archive.newest(url="https://egov.kz/1") == snaps[1]
        assert archive.snapshots() == [first, *snaps, inner]
    assert calls == [(1, sorted(f"{s.sha256}.html" for s in [*snaps, inner]))]
    written = [json.loads(line)["url"] for line in archive.snapshots_path.read_text("utf-8").splitlines()]
    assert written == ["https://egov.kz/old", "https://egov.kz/0", "https://egov.kz/1", "https://egov.kz/2",
                       "https://egov.kz/inner"]
    assert [archive.body(s) for s in snaps] == bodies


def test_a_batch_ended_by_an_error_still_flushes_then_writes_its_lines(tmp_path: Path, monkeypatch) -> None:
    archive = Archive(tmp_path)
    calls = _spy_flush(monkeypatch, archive)
    with pytest.raises(RuntimeError), archive.batch():
        snap = archive.add_copy("https://egov.kz/a", HTML)
        raise RuntimeError("the run broke off")
    assert calls == [(0, [f"{snap.sha256}.html"])]
    assert Archive(tmp_path).snapshots() == [snap]


def test_the_flush_without_syncfs_fsyncs_each_body(tmp_path: Path, monkeypatch) -> None:
    import os

    import scrapers.archive as module

    paths = [tmp_path / "a.html", tmp_path / "b.html"]
    for path in paths:
        path.write_bytes(b"x")
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(module.sys, "platform", "darwin")
    monkeypatch.setattr(module.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    module._flush_to_disk(tmp_path, paths)
    assert len(synced) == 3  # each body and the folder that holds their names


def test_an_early_flush_runs_while_the_caller_works_and_is_not_repeated(tmp_path: Path, monkeypatch) -> None:
    archive = Archive(tmp_path)
    calls = _spy_flush(monkeypatch, archive)
    with archive.batch() as batch:
        first = archive.add_copy("https://egov.kz/a", b"<p>a</p>")
        batch.flush_in_background()
        later = archive.add_copy("https://egov.kz/b", b"<p>b</p>")  # written after the early flush began
    # The early flush took the first body, the end of the batch only the one written after it; the lines
    # came after both.
    assert calls == [(0, [f"{first.sha256}.html"]), (0, [f"{later.sha256}.html"])]
    assert Archive(tmp_path).snapshots() == [first, later]


def test_a_failed_early_flush_writes_no_line_and_says_why(tmp_path: Path, monkeypatch) -> None:
    import scrapers.archive as module

    archive = Archive(tmp_path)

    def broken(folder: Path, written: list[Path]) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(module, "_flush_to_disk", broken)
    with pytest.raises(OSError, match="Input/output"), archive.batch() as batch:
        archive.add_copy("https://egov.kz/a", HTML)
        batch.flush_in_background()
    assert not archive.snapshots_path.exists() and archive.snapshots() == []
    monkeypatch.undo()
    calls = _spy_flush(monkeypatch, archive)
    again = archive.add_copy("https://egov.kz/a", HTML)  # the archive works on, and re-uses the body left behind
    assert calls == [(0, [f"{again.sha256}.html"])]  # after flushing it: it may not have reached the disk
    assert Archive(tmp_path).snapshots() == [again]
