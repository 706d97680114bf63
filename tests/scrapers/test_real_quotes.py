"""The rules hold on real page text: every in-scope fact's official quote yields the fact's value.

Scope and expectations come from tests/scrapers/fact_scope.py (decided by unit and field, not by id).
"""

from __future__ import annotations

from typing import Any

import pytest

from scrapers.extract import extract_text
from scrapers.models import ValueRange
from tests.scrapers.fact_scope import FACTS_PATH, Expectation, in_scope

SCOPE = in_scope() if FACTS_PATH.exists() else []
pytestmark = pytest.mark.skipif(
    not FACTS_PATH.exists(),
    reason="../shared/reference is not beside the clone: rules not re-read against the collected official quotes",
)


def _same(got: tuple[Any, str | None], want: tuple[Any, str | None]) -> bool:
    (value, unit), (expected, expected_unit) = got, want
    if expected_unit is not None and unit != expected_unit:
        return False
    if isinstance(value, ValueRange):
        return isinstance(expected, tuple) and (value.min, value.max) == expected
    if isinstance(expected, str) or isinstance(value, str):
        return value == expected
    return abs(float(value) - float(expected)) <= 1e-6 * max(1.0, abs(float(expected)))


def test_many_facts_are_in_scope() -> None:
    assert len({e.fact_id for e in SCOPE}) >= 90


@pytest.mark.parametrize("expectation", SCOPE, ids=lambda e: f"{e.fact_id}-{e.key}")
def test_quote_yields_the_fact_value(expectation: Expectation) -> None:
    readings = [(o.value, o.unit) for o in extract_text(expectation.quote) if o.key == expectation.key]
    if not expectation.readings:
        assert readings == [], f"{expectation.quote!r} states no {expectation.key}, yet rules read {readings}"
        return
    for want in expectation.required():
        assert any(_same(got, want) for got in readings), f"{expectation.quote!r}: wanted {want}, read {readings}"
    if expectation.compound:
        stray = [got for got in readings if not any(_same(got, want) for want in expectation.readings)]
        assert not stray, f"{expectation.quote!r}: read {stray}, which the fact does not state"
