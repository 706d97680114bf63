"""Causes found on the tune half of development batch 11, pinned with sentences of our own words."""

from __future__ import annotations

from scrapers.extract import extract_text


def _readings(text: str, key: str) -> list[tuple[object, str | None]]:
    return [(o.value, o.unit) for o in extract_text(text) if o.key == key]


def test_a_kazakh_fee_in_us_dollars_is_read() -> None:
    assert _readings("Куәлік үшін консулдық алым – 25 АҚШ доллары.", "fee") == [(25, "USD")]
    assert _readings("Бір мәртелік виза\n80 АҚШ доллары", "fee") == [(80, "USD")]


def test_issuing_a_permit_for_a_term_is_its_validity_not_a_duration() -> None:
    text = "The rules simplify issuing work permits to household workers for a term of up to 9 months."
    assert _readings(text, "validity") == [(9, "months")]
    assert _readings(text, "duration") == []


def test_the_length_of_a_trip_is_no_term_of_the_service() -> None:
    text = "Those leaving on a long business trip (more than two months) get the new card within ten days."
    assert _readings(text, "duration") == [(10, "days")]
    text = "Уезжающим в командировку более чем на три месяца карту выдают в течение пяти дней."
    assert _readings(text, "duration") == [(5, "days")]


def test_a_term_of_months_is_still_read() -> None:
    assert _readings("The card is issued within three months.", "duration") == [(3, "months")]


def test_state_bodies_named_in_new_ways_are_channels() -> None:
    assert _readings("Visit the civil act record registration on the day set.", "application.channels") == [
        (["state body"], None)]
    assert _readings("One submits a petition to the local subdivision of the authorized body within a week.",
                     "application.channels") == [(["state body"], None)]
    assert _readings("Қызметті мемлекеттік органнан алу үшін:", "application.channels") == [(["state body"], None)]


def test_logging_in_on_the_portal_in_kazakh_and_russian_is_applying_there() -> None:
    assert _readings("1. Порталда авторизациядан өтіп, «Сұрату» батырмасын басыңыз.", "application.channels") == [
        (["egov portal"], None)]
    assert _readings("Авторизуйтесь на портале и заполните заявку.", "application.channels") == [
        (["egov portal"], None)]


def test_a_civil_registration_sentence_without_applying_names_no_channel() -> None:
    assert _readings("Civil status acts are registered by the state.", "application.channels") == []
