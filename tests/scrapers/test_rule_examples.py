"""Every documented example of every rule runs through the whole extractor (after urlwatch's
test_filter_documentation), and docs/extraction-rules.md shows exactly these examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.extract import extract_text
from scrapers.rules import ALL_RULES, rules_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "extraction-rules.md"
CASES = [(rule, ex) for rule in ALL_RULES for ex in rule.examples]


@pytest.mark.parametrize(("rule", "ex"), CASES, ids=lambda v: v.name if hasattr(v, "name") else v.text[:40])
def test_documented_example(rule, ex) -> None:  # noqa: ANN001 - parametrized rule and example
    readings = [(o.value, o.unit) for o in extract_text(ex.text) if o.key == rule.key]
    assert readings == list(ex.expected), f"{rule.name}: {ex.text!r} read {readings}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.name)
def test_every_rule_documents_what_it_reads_and_what_it_leaves(rule) -> None:  # noqa: ANN001
    assert rule.description
    assert any(ex.expected for ex in rule.examples), f"{rule.name} has no positive example"
    assert len(rule.examples) >= 3, f"{rule.name} needs at least three examples"


def test_the_rules_document_is_generated_from_the_rules() -> None:
    assert rules_markdown() in DOC.read_text(encoding="utf-8"), (
        "docs/extraction-rules.md is out of date: regenerate its rule section with "
        "`python -m scrapers.rules_doc`"
    )
