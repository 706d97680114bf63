"""Locating a field's statement among a page's observations (verifier/locate.py), on observations as the extractor
gives them for sentences of the kinds official pages write."""

from __future__ import annotations

from verifier.compare import same_list
from verifier.locate import expected_qualifier, locate
from verifier.models import Evidence, ObservedValue


def obs(
    key: str, value: object, unit: str | None, quote: str, qualifier: str | None = None, n: int = 1
) -> ObservedValue:
    return ObservedValue(key=key, value=value, unit=unit, quote=quote, locator=f"css:p:nth-of-type({n})",
                         qualifier=qualifier)


def test_an_amount_restated_in_brackets_in_another_unit_stays_a_candidate() -> None:
    # "786 tenge (0,2 MCI)": the bracketed MCI is what a registry in MCI compares with (compare.py picks the unit)
    quote = "State duty for issuance ID card of the citizen of the RK - 786 tenge (0,2 MCI)."
    found = locate([obs("fee", 786, "KZT", quote), obs("fee", 0.2, "MCI", quote)],
                   Evidence(profile="p", field="fee", observe="fee", match="ID card"), anchor=None)
    assert [(o.value, o.unit) for o in found.candidates] == [(786, "KZT"), (0.2, "MCI")]


def test_a_former_term_in_brackets_is_not_the_term() -> None:
    # Read by the extractor itself: it marks the number it found inside the brackets.
    from scrapers.extract import extract_bytes
    from verifier.readings import _observed

    page = b"<p>The registration period is 10 working days (until 31 December 2024 - 15 working days).</p>"
    observed = [_observed(o) for o in extract_bytes(page, "html") if o.key == "duration"]
    assert [(o.value, o.in_brackets) for o in observed] == [(10, False), (15, True)]
    found = locate(observed, Evidence(profile="p", field="processing_time", observe="duration",
                                      match="registration period"), anchor=None)
    assert [o.value for o in found.candidates] == [10]


def test_a_value_only_in_brackets_is_kept_when_nothing_else_states_it() -> None:
    quote = "A passport is issued for ten (10) years."
    found = locate([obs("validity", 10, "years", quote)],
                   Evidence(profile="p", field="validity", observe="validity", match="passport"), anchor=None)
    assert [o.value for o in found.candidates] == [10]


def test_the_expedited_term_is_not_read_from_unqualified_numbers_elsewhere_on_the_page() -> None:
    page = [
        obs("duration", 183, "calendar days", "Withdrawn after fewer than 183 calendar days of residence.", n=1),
        obs("duration", 3, "days", "In case of loss, no later than three days.", n=2),
    ]
    evidence = Evidence(profile="p", field="processing_time.expedited", observe="duration", match="fast-track")
    assert locate(page, evidence, anchor=None).candidates == []
    fast = obs("duration", 5, "working days", "Urgent processing takes 5 working days.", "expedited", n=3)
    assert locate([*page, fast], evidence, anchor=None).candidates == [fast]


def test_expression_fields_are_not_an_expedited_variant() -> None:
    assert expected_qualifier(Evidence(profile="p", field="expression.neutral", observe="expression.neutral")) is None
    assert expected_qualifier(Evidence(profile="p", field="fee.express", observe="fee")) == "expedited"


def test_a_count_written_in_words_inside_an_item_is_the_same_count() -> None:
    fee = "document on payment of the state fee"
    stated = [fee, "2 photos measuring 3.5 x 4.5 centimeters"]
    assert same_list(stated, [fee, "two photos measuring 3.5 x 4.5 centimeters"])
    assert same_list(stated, [fee, "2 (two) photos measuring 3.5 x 4.5 centimeters"])
    assert not same_list(stated, [fee, "three photos measuring 3.5 x 4.5 centimeters"])


def test_months_and_years_are_compared_in_one_unit() -> None:
    from verifier.compare import in_unit

    assert in_unit(12, "months", "years") == 1 and in_unit(6, "months", "years") == 0.5
    assert in_unit(2, "years", "months") == 24 and in_unit(5, "working days", "years") == 5


def test_a_copy_of_a_statement_is_one_number_apart_and_other_lines_are_not() -> None:
    from verifier.compare import _one_number_apart

    assert _one_number_apart("Visa processing time is 5 working days.", "Visa processing time is 7 working days.")
    assert not _one_number_apart("Category 1: 4 983 tenge", "Category 2: 2 752 tenge")  # a label and an amount
    assert not _one_number_apart("The term is 5 days.", "The term is 5 days.")


def test_each_number_of_a_two_subject_sentence_carries_its_clause() -> None:
    from scrapers.extract import extract_text

    found = extract_text("Срок действия удостоверения личности – 5 лет, паспорта – 10 лет.")
    assert [(o.value, o.clause) for o in found] == [
        (5, "Срок действия удостоверения личности – 5 лет"), (10, "паспорта – 10 лет"),
    ]
    assert [o.clause for o in extract_text("The duty is 0,2 MCI.")] == [None]
