"""HTML pages in the structures of egov.kz, gov.kz and adilet.zan.kz -> blocks, locators, observations."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scrapers.errors import BlockNotFound, ExtractionFailed
from scrapers.extract import extract_bytes
from scrapers.html import html_blocks

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def observations(name: str, block: str | None = None) -> list:
    return extract_bytes((PAGES / name).read_bytes(), "html", block=block, name=name)


def readings(name: str, key: str, block: str | None = None) -> list:
    return [(o.value, o.unit) for o in observations(name, block) if o.key == key]


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_every_locator_selects_exactly_the_element_holding_the_quote(name: str) -> None:
    soup = BeautifulSoup((PAGES / name).read_bytes(), "lxml")
    found = observations(name)
    assert found
    for obs in found:
        selector = obs.locator.split(" | ")[0].split(" … ")[0].removeprefix("css:")
        hits = soup.select(selector)
        assert len(hits) == 1, (obs.locator, len(hits))
        text = " ".join(hits[0].get_text(" ").split())
        first_line = obs.quote.split("\n")[0] if obs.key != "documents" else obs.value[0]
        assert " ".join(first_line.split())[:25] in text, (obs.locator, obs.quote)


def test_site_chrome_is_not_read() -> None:
    texts = " ".join(b.text for b in html_blocks((PAGES / "egov_article.html").read_bytes()))
    for chrome in ("cookie", "Главная", "Поиск", "Популярное", "1414", "gtag"):
        assert chrome not in texts
    passport = " ".join(b.text for b in html_blocks((PAGES / "egov_service_passport.html").read_bytes()))
    assert "free of charge" not in passport and "Services: 5 days" not in passport


def test_egov_service_passport_table() -> None:
    found = observations("egov_service_passport.html")
    fees = [(o.value, o.unit, o.context) for o in found if o.key == "fee"]
    assert (0.2, "MCI", "Cost of the service") in fees
    assert (8, "MCI", "Cost of the service") in fees
    assert (4983, "KZT", "Cost of the service") in fees and (2752, "KZT", "Cost of the service") in fees
    assert (7, "MCI", "Fine for a late replacement") not in fees  # a fine is not a fee
    assert [(o.value, o.unit) for o in found if o.key == "fine"] == [(7, "MCI")]
    assert (0, "KZT", "Cost of the service") not in fees  # "without payment" is about photographs
    duration = next(o for o in found if o.key == "duration" and o.value == 15)
    assert duration.quote.endswith("no more than 15 working days.") and duration.context == "Processing time"
    documents = next(o for o in found if o.key == "documents")
    assert documents.value == [
        "an application in the set form", "a document proving identity", "a receipt for the paid state duty",
        "two photographs 35×45 mm",
    ]
    assert documents.locator.endswith("td:nth-of-type(2) > ul") and documents.context == "Documents to submit"


def test_egov_article_headings_lists_and_duty_table() -> None:
    found = observations("egov_article.html")
    assert readings("egov_article.html", "age") == [(16, "years")]
    assert readings("egov_article.html", "validity") == [(10, "years")]
    assert readings("egov_article.html", "duration") == [(17, "working days"), (7, "working days")]
    fees = [(0.2, "MCI"), (0.2, "MCI"), (865, "KZT"), (8, "MCI"), (34600, "KZT")]
    assert readings("egov_article.html", "fee") == fees
    documents = next(o for o in found if o.key == "documents")
    assert documents.context == "Какие документы нужны" and len(documents.value) == 4
    size = next(o for o in found if o.key == "photo.size")
    assert size.value == "35x45" and size.quote == "две фотографии размером 3,5 х 4,5 см;"


def test_egov_info_blocks_take_their_title_as_context() -> None:
    found = observations("egov_info_blocks.html")
    free = next(o for o in found if o.key == "fee")
    assert (free.value, free.quote, free.context) == (0, "Бесплатно", "Стоимость")
    assert readings("egov_info_blocks.html", "duration") == [(60, "calendar days"), (10, "calendar days")]
    assert readings("egov_info_blocks.html", "photo.count") == [(1, "photos")]


def test_govkz_situation_page_in_kazakh() -> None:
    assert readings("govkz_situation.html", "fee") == [(0.2, "MCI"), (3011.12, "KZT"), (1581.14, "KZT")]
    assert readings("govkz_situation.html", "duration") == [(15, "working days")]
    assert readings("govkz_situation.html", "digital.pixels") == [("450x600", "px")]
    assert readings("govkz_situation.html", "digital.dpi") == [(80, "dpi")]
    assert readings("govkz_situation.html", "file.max_size_kb") == [(1024, "KB")]
    ratio = readings("govkz_situation.html", "ratio.percent")[0][0]
    assert (ratio.min, ratio.max) == (70, 85)


def test_adilet_law_text_locates_articles_paragraphs_and_subparagraphs() -> None:
    found = observations("adilet_rules.html")
    size = next(o for o in found if o.key == "photo.size")
    assert size.locator == "css:p#z7 | article 2, paragraph 1, subparagraph 3"
    validity = next(o for o in found if o.key == "validity")
    assert validity.locator == "css:p#z8 | article 2, paragraph 2"
    documents = [o for o in found if o.key == "documents"]
    assert len(documents) == 1, "numbered paragraphs 2. and 3. are not a document list"
    assert documents[0].value[0] == "заявление по форме согласно приложению 1"
    assert documents[0].locator == "css:p#z5 … css:p#z7"


def test_a_block_selector_narrows_the_page() -> None:
    narrowed = observations("egov_service_passport.html", block="tr:nth-of-type(6)")
    assert [(o.key, o.value) for o in narrowed] == [("fee", 7)]


def test_a_block_selector_that_matches_nothing_is_an_error_naming_it() -> None:
    with pytest.raises(BlockNotFound) as caught:
        observations("egov_article.html", block="div.service-passport")
    assert "div.service-passport" in str(caught.value) and "egov_article.html" in str(caught.value)


def test_a_page_without_text_is_an_error_not_an_empty_reading() -> None:
    shell = b"<html><body><div id='app'></div><script>window.__STATE__={}</script></body></html>"
    with pytest.raises(ExtractionFailed, match="no readable text"):
        extract_bytes(shell, "html", name="spa.html")


def test_an_invalid_selector_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionFailed, match="invalid CSS selector"):
        observations("egov_article.html", block="div[[")


def test_an_altered_page_changes_the_observation() -> None:
    original = (PAGES / "govkz_situation.html").read_text(encoding="utf-8")
    altered = original.replace("0,2 АЕК", "0,5 АЕК").replace("<p>Куәлікті", "<p class='x'>Куәлікті")
    fees = [o.value for o in extract_bytes(altered.encode(), "html") if o.key == "fee" and o.unit == "MCI"]
    assert fees == [0.5]
    removed = original.replace("Ресімдеу мерзімі – 15 жұмыс күні.", "")
    assert not [o for o in extract_bytes(removed.encode(), "html") if o.key == "duration"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("<li>3d category – up to 7 working days - 1\u200b116 tenge</li>", (1116, "KZT")),  # zero-width space
        ("<li>3d category – up to 7 working days - 1&#8203;116 tenge</li>", (1116, "KZT")),
        ("<li>3d category – up to 7 working days - 1\ufeff116 tenge</li>", (1116, "KZT")),
    ],
)
def test_an_invisible_character_inside_a_number_does_not_split_it(cell: str, expected: tuple) -> None:
    page = f"<html><body><main><h3>Cost of the service</h3><ul>{cell}</ul></main></body></html>".encode()
    fees = [(o.value, o.unit) for o in extract_bytes(page, "html") if o.key == "fee"]
    assert fees == [expected]


def test_a_soft_hyphen_inside_a_unit_word_is_not_read_as_a_break() -> None:
    page = (
        "<html><body><main><h3>Terms of service</h3>"
        "<p>Upon addressing to the State corporation - no more than 14 calen&shy;dar days</p></main></body></html>"
    ).encode()
    durations = [(o.value, o.unit) for o in extract_bytes(page, "html") if o.key == "duration"]
    assert durations == [(14, "calendar days")]


def test_a_documents_list_set_as_one_paragraph_under_its_heading_is_read() -> None:
    page = (
        "<html><body><main><h2>Documents</h2>"
        "<p>Visa application form with a photograph measuring 3.5 x 4.5 cm; a valid passport.</p>"
        "<h2>Terms</h2><p>Visas take 5 working days; invitations take 3 working days.</p></main></body></html>"
    ).encode()
    lists = [o.value for o in extract_bytes(page, "html") if o.key == "documents"]
    assert lists == [["Visa application form with a photograph measuring 3.5 x 4.5 cm", "a valid passport"]]


def test_a_paragraph_of_prose_with_a_semicolon_under_a_documents_heading_is_not_a_list() -> None:
    page = (
        "<html><body><main><h2>Documents to hand in</h2>"
        "<p>A request saying what has to be confirmed; requests are taken in any form but must give the surname,"
        " the name, the year and place of birth and anything else that helps the archive search, and where needed"
        " copies of work records or certificates, with the identity card shown in person.</p></main></body></html>"
    ).encode()
    assert [o.value for o in extract_bytes(page, "html") if o.key == "documents"] == []


def test_a_unit_named_in_a_table_header_is_carried_to_the_bare_numbers_of_its_column() -> None:
    page = (
        "<html><body><table><tr><th>Category</th><th>Term, working days</th><th>Fee, tenge</th></tr>"
        "<tr><td>1st category</td><td>up to 1</td><td>4 983</td></tr></table>"
        "<table><thead><tr><th>Action</th><th>Rate, MCI</th></tr></thead><tbody><tr><td>B8 visa</td>"
        "<td>7 (single-entry visa) 30 (multiple-entry visa)</td></tr></tbody></table>"
        "<table><tr><td>Consular fee</td><td>80</td></tr></table></body></html>"
    )
    found = [(o.key, o.value, o.unit) for o in extract_bytes(page.encode(), "html")]
    assert found == [
        ("duration", 1, "working days"), ("fee", 4983, "KZT"), ("fee", 7, "MCI"), ("fee", 30, "MCI"),
    ]
