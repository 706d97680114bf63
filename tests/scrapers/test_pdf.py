"""Real PDFs made with reportlab (Cyrillic, ruled table) -> blocks with page/table/row/bbox locators."""

from __future__ import annotations

import pytest

from scrapers.archive import Archive
from scrapers.errors import ExtractionFailed
from scrapers.extract import extract_bytes, extract_snapshot
from scrapers.fetch import Fetcher, fetch_source
from scrapers.hosts import MirrorMap
from scrapers.pdf import pdf_blocks


def test_table_rows_are_read_cell_by_cell_with_locators(sample_pdf: bytes) -> None:
    found = extract_bytes(sample_pdf, "pdf")
    size = next(o for o in found if o.key == "photo.size")
    assert (size.value, size.quote, size.context) == ("35x45", "35×45 мм", "Размер фотографии")
    assert size.locator == "page 1, table 1, row 2" and size.page == 1
    x0, top, x1, bottom = size.bbox
    assert 0 < x0 < x1 and 0 < top < bottom
    fee = next(o for o in found if o.key == "fee")
    assert (fee.value, fee.unit, fee.locator) == (0.2, "MCI", "page 1, table 1, row 4")
    assert [(o.value, o.unit) for o in found if o.key == "duration"] == [(15, "working days")]
    assert [(o.value, o.unit) for o in found if o.key == "photo.count"] == [(2, "photos")]


def test_lines_outside_tables_and_numbered_lists(sample_pdf: bytes) -> None:
    found = extract_bytes(sample_pdf, "pdf")
    validity = next(o for o in found if o.key == "validity")
    assert validity.quote == "Документ выдается сроком на 10 лет." and validity.locator.startswith("page 1, line ")
    documents = next(o for o in found if o.key == "documents")
    assert documents.value == [
        "заявление установленной формы", "документ, удостоверяющий личность",
        "квитанция об оплате государственной пошлины",
    ]
    assert documents.locator.startswith("page 1, lines ")
    table_text = [b.text for b in pdf_blocks(sample_pdf) if b.role == "row"]
    assert "Размер фотографии | 35×45 мм" in table_text
    assert not any("35×45" in b.text for b in pdf_blocks(sample_pdf) if b.role != "row"), "table text read twice"


def test_a_truncated_pdf_is_an_extraction_error(sample_pdf: bytes) -> None:
    with pytest.raises(ExtractionFailed, match="truncated"):
        pdf_blocks(sample_pdf[: len(sample_pdf) // 2], name="rules.pdf")


def test_a_pdf_with_damaged_font_tables_is_an_extraction_error(sample_pdf: bytes) -> None:
    start = sample_pdf.index(b"stream") + 10  # the first stream: the font's Unicode map
    damaged = sample_pdf[:start] + b"\x00garbage" * 200 + sample_pdf[start + 1600:]
    with pytest.raises(ExtractionFailed, match="unreadable"):
        pdf_blocks(damaged, name="rules.pdf")


def test_a_non_pdf_is_refused() -> None:
    with pytest.raises(ExtractionFailed, match="not a PDF"):
        pdf_blocks(b"<html>not a pdf</html>", name="x.pdf")


def test_a_truncated_pdf_served_over_http_is_fetched_but_fails_to_extract(server, policy, sample_pdf, tmp_path) -> None:
    server.page("/adilet.zan.kz/files/rules.pdf", sample_pdf[:3000], "application/pdf")
    archive = Archive(tmp_path / "archive")
    with Fetcher(policy, MirrorMap.parse([server.mirror("adilet.zan.kz")])) as fetcher:
        snapshot = fetch_source(fetcher, archive, "https://adilet.zan.kz/files/rules.pdf", source_id="rules-pdf")
    assert snapshot.kind == "pdf" and snapshot.size == 3000
    with pytest.raises(ExtractionFailed) as caught:
        extract_snapshot(archive, snapshot)
    assert "https://adilet.zan.kz/files/rules.pdf" in str(caught.value)
