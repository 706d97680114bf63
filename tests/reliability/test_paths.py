"""Paths derived from data stay inside their folder; a bad export target is one clean error."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kzdocs import cli
from scrapers.archive import Archive
from scrapers.export import ExportFailed

HOSTILE_URLS = [
    "https://../escape.html",
    "https://../../../../tmp/escape",
    "https://egov.kz/../../../escape",
    "https://egov.kz/%2e%2e/%2e%2e/escape",
    "https://egov.kz/a/..%2f..%2fescape",
    "https://egov.kz/" + "x" * 600,
    "https://egov.kz/" + "ж" * 200 + "?lang=" + "q" * 300,
    "https://egov.kz/" + "ж" * 200 + "?lang=ru",
    "https://./dot",
    "https://egov.kz:99999/bad-port",
    "https://egov.kz/a\\..\\..\\escape",
]


def test_no_source_url_makes_export_write_outside_its_folder(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    for n, url in enumerate(HOSTILE_URLS):
        archive.add_copy(url, f"<p>copy {n}</p>".encode(), content_type="text/html", source_id=f"s{n}")
    dest = tmp_path / "out" / "mirror"
    index = archive.export(dest)
    assert len(index.sources) == len(HOSTILE_URLS)
    inside = {p.resolve() for p in dest.rglob("*") if p.is_file()}
    everything = {p.resolve() for p in tmp_path.rglob("*") if p.is_file() and "archive" not in p.parts}
    assert everything == inside
    for entry in index.sources:
        assert (dest / entry.file).resolve().is_relative_to(dest.resolve())


def test_export_through_a_symlink_inside_the_folder_is_refused(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.add_copy("https://egov.kz/page", b"<p>x</p>", content_type="text/html", source_id="s")
    dest = tmp_path / "mirror"
    dest.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (dest / "egov.kz").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ExportFailed, match="outside the export folder"):
        archive.export(dest)
    assert list((tmp_path / "elsewhere").iterdir()) == []


@pytest.mark.parametrize("kind", ["a file", "a file inside the path", "a folder nobody may write"])
def test_a_bad_export_target_is_one_clean_line(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    Archive(data / "archive").add_copy("https://egov.kz/page", b"<p>x</p>", content_type="text/html", source_id="s")
    target = tmp_path / "out"
    if kind == "a file":
        target.write_text("not a folder")
    elif kind == "a file inside the path":
        target.mkdir()
        (target / "egov.kz").write_text("a file where a folder must go")
    else:
        target = Path("/proc/self/kzdocs-export")  # not writable, not even by root
    result = CliRunner().invoke(cli, ["archive", "export", str(target), "--data", str(data)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert str(target) in result.output
