"""The failure classes the hand-written campaign (bench/campaign_unseen.py) found on its first run, each kept as
real alterations of the archived pages served from 127.0.0.1. `python -m bench campaign_unseen` runs all."""

from __future__ import annotations

from typing import Any

import pytest

from bench.campaign_unseen import campaign

CASES = {
    # A field whose statement is gone took another field's statement of the same kind on the page.
    "passport paragraph repealed": "the passport's validity is not read from the certificate's 'five years'",
    "photo item removed (item 8": "the residence permit's photo count is not read from another permit's item",
    # A competing value kept for a source agreed with any statement of that source.
    "permanent residence: one photo -> two photos": "'Two photos' is a change although the page states 2 elsewhere",
    # A number repeated in brackets or spelled out was not read: a false `missing`, or a wrong value.
    "'ten years' -> '10 (ten) years'": "digits with the words repeated in brackets",
    "'two photograph' -> '2 (two) photographs'": "a count with the words repeated in brackets",
    "term spelled out": "words with the digits repeated in brackets",
    "'8 MCI' spelled out": "a duty in words",
    # A document item compared by text similarity and digits only.
    "colour or black and white -> colour only": "an item that no longer offers a choice changed",
    "size written 35 × 45 mm with no-break spaces": "the same photo size in other units is the same item",
}


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return campaign(only=tuple(CASES))


def test_every_case_ran(result: dict[str, Any]) -> None:
    assert result["runs"] == len(CASES) and not result["baseline_not_quiet"]


@pytest.mark.parametrize("name", list(CASES))
def test_the_verifier_says_the_right_thing(result: dict[str, Any], name: str) -> None:
    problems = [p for p in result["problems"] if name in p["alteration"]]
    assert not problems, (CASES[name], problems)


def test_no_false_alarm_and_no_wrong_value(result: dict[str, Any]) -> None:
    assert result["false_alarms"] == 0 and result["wrong_values_accept_would_write"] == 0
    assert result["flagged_changed_with_new_value"] == result["value_changes"]
