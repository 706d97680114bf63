"""A fast sample of the alteration campaign (bench/campaign.py): the archive served from 127.0.0.1 with one
alteration at a time; each value change must be flagged `changed` with the new value, nothing else may be
raised, and same-value and cosmetic edits stay quiet. `python -m bench campaign` runs every alteration."""

from __future__ import annotations

from bench.campaign import campaign, passes


def test_a_sample_of_the_alteration_campaign_is_read_right() -> None:
    result = campaign(sample=10)
    kinds = {k for k, n in result["by_kind"].items() if n}
    assert {"number", "unit", "reword", "cosmetic"} <= kinds, result["by_kind"]
    assert kinds & {"list-remove", "list-add", "list-number"}, result["by_kind"]
    assert result["baseline_not_quiet"] == []
    assert result["problems"] == [], result["problems"]
    assert passes(result)
