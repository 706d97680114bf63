"""The extraction rules, in the order they claim text (earlier rules win overlapping matches).

``PASSAGE_RULES`` read one block at a time; ``DOCUMENT_LIST`` reads whole lists. ``rules_markdown()``
renders every rule with its examples for docs/extraction-rules.md.
"""

from __future__ import annotations

from scrapers.rules.base import Example, Passage, Rule, RuleMatch, example
from scrapers.rules.channels import ApplicationChannels
from scrapers.rules.counts import PageCount, PhotoCount, PhotoCountSingular
from scrapers.rules.descriptive import AgeIrrespective, DigitalSignature, FileFormat, IssuingBody, ServiceCode
from scrapers.rules.documents import DocumentList
from scrapers.rules.money import (
    FeeEur,
    FeeMci,
    FeeMciTengePair,
    FeeOtherCurrency,
    FeePercentOfMci,
    FeeTenge,
    FeeUsd,
    FreeOfCharge,
)
from scrapers.rules.periods import Age, AgeLabelled, Duration, Validity
from scrapers.rules.sizes import DigitalDpi, DigitalPixels, FaceRatio, FileMaxSize, PhotoSize, PhotoSizeBare
from scrapers.rules.traits import (
    BackgroundColour,
    ColourMode,
    MouthClosed,
    NeutralExpression,
    NoHeadwear,
    NoRetouching,
    NoTintedGlasses,
    ReligiousHeadwear,
)

PASSAGE_RULES: tuple[Rule, ...] = (
    FeePercentOfMci(),
    FeeMciTengePair(),
    FeeMci(),
    FeeTenge(),
    FeeUsd(),
    FeeEur(),
    FeeOtherCurrency(),
    FreeOfCharge(),
    PhotoSize(),
    PhotoSizeBare(),
    DigitalPixels(),
    DigitalDpi(),
    FileMaxSize(),
    Validity(),
    Age(),
    AgeLabelled(),
    AgeIrrespective(),
    Duration(),
    FaceRatio(),
    PhotoCount(),
    PhotoCountSingular(),
    BackgroundColour(),
    ColourMode(),
    NeutralExpression(),
    MouthClosed(),
    NoHeadwear(),
    ReligiousHeadwear(),
    NoTintedGlasses(),
    NoRetouching(),
    ServiceCode(),
    PageCount(),
    FileFormat(),
    DigitalSignature(),
    IssuingBody(),
    ApplicationChannels(),
)
DOCUMENT_LIST = DocumentList()
ALL_RULES: tuple[Rule | DocumentList, ...] = (*PASSAGE_RULES, DOCUMENT_LIST)

__all__ = ["ALL_RULES", "DOCUMENT_LIST", "PASSAGE_RULES", "Example", "Passage", "Rule", "RuleMatch", "example",
           "rules_markdown"]


def _show(value: object) -> str:
    if isinstance(value, list):
        return "[" + "; ".join(str(v) for v in value) + "]"
    if hasattr(value, "min") and hasattr(value, "max"):
        low, high = value.min, value.max  # type: ignore[attr-defined]
        return f"{low:g}–{high:g}"
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ⏎ ")


def rules_markdown() -> str:
    """A Markdown section per rule: key, what it reads, and its examples (input -> expected)."""
    out: list[str] = []
    for rule in ALL_RULES:
        out.append(f"### `{rule.name}` -> `{rule.key}`\n")
        out.append(f"{rule.description}\n")
        out.append("| input | reads | note |")
        out.append("|---|---|---|")
        for ex in rule.examples:
            reads = ", ".join(f"{_show(v)} {u or ''}".strip() for v, u in ex.expected) or "(nothing)"
            out.append(f"| `{_cell(ex.text)}` | {_cell(reads)} | {_cell(ex.note)} |")
        out.append("")
    return "\n".join(out)
