"""The source list and its archive: every source has an honest, intact copy that carries what it evidences."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from scrapers.rules import ALL_RULES
from tests.conftest import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"
# Every key an extraction rule produces, and "fine" (a fee whose qualifier says it is a fine).
OBSERVE_KEYS = {rule.key for rule in ALL_RULES} | {"fine"}


def load_make_archive():
    spec = importlib.util.spec_from_file_location("make_archive", PROJECT_ROOT / "scripts" / "make_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sources() -> list[dict]:
    return yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))["sources"]


@pytest.fixture(scope="module")
def newest() -> dict[str, dict]:
    lines = (DATA / "archive" / "snapshots.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["source_id"]: record for record in map(json.loads, filter(str.strip, lines))}


def block_text(source: dict, snapshot: dict) -> str:
    """The text of the block a source's requirements live in, whitespace-normalized."""
    path = DATA / "archive" / "objects" / f"{snapshot['sha256']}.{source['kind']}"
    if source["kind"] == "pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            text = " ".join(page.extract_text() or "" for page in pdf.pages)
    else:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(path.read_bytes(), "lxml")
        block = soup.select_one(source["block"]) if source.get("block") else soup
        assert block is not None, f"{source['id']}: block {source['block']!r} not found in its archived copy"
        text = block.get_text(" ")
    return re.sub(r"\s+", " ", text)


def test_source_ids_and_urls_are_unique(sources: list[dict]) -> None:
    assert len({s["id"] for s in sources}) == len(sources)
    assert len({s["url"] for s in sources}) == len(sources)


def test_evidences_name_existing_profiles_fields_and_observation_keys(sources: list[dict]) -> None:
    profiles = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (DATA / "profiles").glob("*.yaml")}
    for source in sources:
        for evidence in source["evidences"]:
            profile = profiles.get(evidence["profile"])
            assert profile is not None, f"{source['id']}: unknown profile {evidence['profile']}"
            keys = {f["key"] for f in profile["fields"]}
            assert evidence["field"] in keys, f"{source['id']}: {evidence['profile']} has no {evidence['field']}"
            assert evidence["observe"] in OBSERVE_KEYS, f"{source['id']}: unknown observe key {evidence['observe']}"
            assert evidence.get("part") in (None, "width", "height")


def test_only_official_and_quasi_official_sources_are_listed(sources: list[dict]) -> None:
    assert {s["authority"] for s in sources} <= {"official", "quasi-official"}


def test_every_source_has_an_intact_archived_copy(sources: list[dict], newest: dict[str, dict]) -> None:
    for source in sources:
        snapshot = newest.get(source["id"])
        assert snapshot is not None, f"{source['id']} has no snapshot"
        body = (DATA / "archive" / "objects" / f"{snapshot['sha256']}.{source['kind']}").read_bytes()
        assert hashlib.sha256(body).hexdigest() == snapshot["sha256"]
        assert len(body) == snapshot["size"]
        assert snapshot["url"] == source["url"]


def test_reconstructions_say_so_in_the_snapshot_and_in_the_copy(sources: list[dict], newest: dict) -> None:
    for source in sources:
        snapshot = newest[source["id"]]
        if not snapshot["reconstruction"]:
            continue
        assert snapshot["note"].startswith("Reconstruction") and "Rests on:" in snapshot["note"]
        assert snapshot["status"] is None and snapshot["etag"] is None
        body = (DATA / "archive" / "objects" / f"{snapshot['sha256']}.{source['kind']}").read_bytes()
        if source["kind"] == "html":
            assert b"kzdocs reconstruction: NOT a copy of the live page" in body
        else:
            assert "kzdocs reconstruction" in block_text(source, snapshot)


def test_every_match_text_occurs_in_the_sources_block(sources: list[dict], newest: dict[str, dict]) -> None:
    for source in sources:
        text = block_text(source, newest[source["id"]]).lower()
        for evidence in source["evidences"]:
            if evidence.get("match"):
                assert evidence["match"].lower() in text, f"{source['id']}: {evidence['match']!r} not in its block"


def test_the_pdf_source_is_a_ruled_table_with_cyrillic_text(sources: list[dict], newest: dict) -> None:
    import pdfplumber

    pdf_sources = [s for s in sources if s["kind"] == "pdf"]
    assert pdf_sources, "the archive must hold at least one PDF source"
    for source in pdf_sources:
        path = DATA / "archive" / "objects" / f"{newest[source['id']]['sha256']}.pdf"
        with pdfplumber.open(path) as pdf:
            rows = [row for page in pdf.pages for table in page.extract_tables() for row in table]
        cells = [re.sub(r"\s+", " ", cell or "") for row in rows for cell in row]
        assert any("450×600 пиксель" in cell for cell in cells)
        assert any("1 МБ" in cell for cell in cells)


def test_the_archive_is_up_to_date_with_its_reconstructions() -> None:
    assert load_make_archive().build(DATA, at="2026-11-22T00:00:00Z", check=True) == []


def test_making_the_archive_twice_appends_nothing_the_second_time(tmp_path: Path) -> None:
    make_archive = load_make_archive()
    data = tmp_path / "data"
    (data / "archive").mkdir(parents=True)
    shutil.copy(DATA / "sources.yaml", data / "sources.yaml")
    shutil.copytree(DATA / "archive" / "reconstructions", data / "archive" / "reconstructions")
    first = make_archive.build(data, at="2026-11-22T00:00:00Z")
    lines = (data / "archive" / "snapshots.jsonl").read_text(encoding="utf-8")
    assert make_archive.build(data, at="2026-11-23T00:00:00Z") == []
    assert (data / "archive" / "snapshots.jsonl").read_text(encoding="utf-8") == lines
    committed = {json.loads(line)["sha256"] for line in (DATA / "archive" / "snapshots.jsonl").open()}
    assert {json.loads(line)["sha256"] for line in lines.splitlines()} <= committed
    assert len(first) == len(yaml.safe_load((DATA / "sources.yaml").read_text())["sources"])


def test_a_source_without_a_reconstruction_is_refused(tmp_path: Path) -> None:
    make_archive = load_make_archive()
    data = tmp_path / "data"
    shutil.copytree(DATA / "archive" / "reconstructions", data / "archive" / "reconstructions")
    listing = yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))
    listing["sources"].append(dict(listing["sources"][0], id="unknown-page", url="https://egov.kz/cms/en/x"))
    (data / "sources.yaml").write_text(yaml.safe_dump(listing, allow_unicode=True), encoding="utf-8")
    with pytest.raises(make_archive.ArchiveError, match="no reconstruction for source 'unknown-page'"):
        make_archive.build(data, at="2026-11-22T00:00:00Z")
    assert not (data / "archive" / "snapshots.jsonl").exists()
    assert not (data / "archive" / "objects").exists()
