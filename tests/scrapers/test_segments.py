"""Quotes are the smallest sentence, clause or table cell containing a match."""

from __future__ import annotations

import pytest

from scrapers.segments import segments


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in segments(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cost – 0,2 АЕК. Term – 15 days.", ["Cost – 0,2 АЕК.", "Term – 15 days."]),
        ("8. One photo (35x45 mm).", ["8. One photo (35x45 mm)."]),
        ("a photo 3.5 x 4.5 cm; a receipt.", ["a photo 3.5 x 4.5 cm;", "a receipt."]),
        ("| Digital resolution | 413 × 531 px |", ["Digital resolution", "413 × 531 px"]),
        ("12 252 тг. (4 МРП) за выдачу", ["12 252 тг. (4 МРП) за выдачу"]),
        ("Order No. 992 of 2015. Next one", ["Order No. 992 of 2015.", "Next one"]),
        ("т.е. в течение 10 дней", ["т.е. в течение 10 дней"]),
        ("line one\nline two", ["line one", "line two"]),
    ],
)
def test_segments(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected
