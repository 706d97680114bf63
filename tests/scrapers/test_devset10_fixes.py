"""Causes found on the tune half of development batch 10, pinned with sentences of our own words."""

from __future__ import annotations

from scrapers.extract import extract_text


def _readings(text: str, key: str) -> list[tuple[object, str | None]]:
    return [(o.value, o.unit) for o in extract_text(text) if o.key == key]


def test_an_act_telling_a_body_to_carry_it_out_gives_no_term() -> None:
    text = "2. The ministry concerned shall take the measures arising from this decree within one month."
    assert _readings(text, "duration") == []


def test_the_same_instruction_in_russian_and_kazakh_gives_no_term() -> None:
    assert _readings("Министерству принять меры, вытекающие из настоящего постановления, в течение месяца.",
                     "duration") == []
    assert _readings("Министрлік осы қаулыдан туындайтын шараларды бір ай ішінде қабылдасын.", "duration") == []


def test_a_body_s_term_toward_the_applicant_is_still_read() -> None:
    assert _readings("The ministry answers such a request within one month.", "duration") == [(1, "months")]


def test_a_kazakh_singular_photo_after_its_size_is_one_photo() -> None:
    assert _readings("3. Көлемі 3х4 сантиметр бір түсті фотосурет;", "photo.count") == [(1, "photos")]


def test_a_kazakh_number_before_the_photo_is_still_the_count() -> None:
    assert _readings("Мөлшері 3,5х4,5 см үш фотосурет", "photo.count") == [(3, "photos")]
    assert _readings("3,5х4,5 см фотосуреттер", "photo.count") == []
