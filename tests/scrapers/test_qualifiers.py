"""Each number of a sentence gets the qualifier of its own words, not its neighbour's."""

from __future__ import annotations

import pytest

from scrapers.extract import extract_text


def qualified(text: str, key: str) -> list[tuple[float, str | None]]:
    return [(o.value, o.qualifier) for o in extract_text(text) if o.key == key]


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("17 working days; expedited: 7 working days", "duration", [(17, None), (7, "expedited")]),
        ("up to 7 working days in an expedited manner and up to 17 working days in the usual way", "duration",
         [(7, "expedited"), (17, "usual")]),
        # a label with a colon introduces the value after it, never the one before it
        ("Consular fees abroad: Single-entry visa: $ 80 Multiple-entry visa: $ 200", "fee",
         [(80, "single_entry"), (200, "multiple_entry")]),
        ("Однократная виза: 7 МРП; многократная виза: 30 МРП", "fee", [(7, "single_entry"), (30, "multiple_entry")]),
    ],
)
def test_each_number_keeps_its_own_qualifier(text: str, key: str, expected: list) -> None:
    assert qualified(text, key) == expected
