"""A passage's digit test is a regular expression: it must say exactly what ``str.isdigit`` says."""

import sys

from scrapers.rules.base import _ANY_DIGIT, Passage


def test_digit_class_is_exactly_str_isdigit_over_all_of_unicode() -> None:
    wrong = [hex(cp) for cp in range(sys.maxunicode + 1) if bool(_ANY_DIGIT.match(chr(cp))) != chr(cp).isdigit()]
    assert wrong == []


def test_passage_sees_digits_that_are_not_decimal() -> None:
    assert Passage("фото 3×4").has_digit
    assert Passage("площадь 10 м²").has_digit
    assert Passage("м²").has_digit  # a superscript two is a digit to str.isdigit
    assert not Passage("без цифр, only words").has_digit
    assert not Passage("").has_digit
