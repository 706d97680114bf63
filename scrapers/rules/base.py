"""The shape of an extraction rule: a small named class with a key, a pattern and documented examples.

Each rule's ``examples`` are the documentation (docs/extraction-rules.md is generated from them) and the
tests (tests/scrapers/test_rule_examples.py runs every one through the whole extractor), as urlwatch does
with its filters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from scrapers.segments import Span, segment_at, segments


@dataclass(frozen=True)
class Example:
    """Text in, and the (value, unit) pairs the rule must read from it, in order (none: reads nothing)."""

    text: str
    expected: tuple[tuple[Any, str | None], ...] = ()
    note: str = ""


def example(text: str, *expected: tuple[Any, str | None], note: str = "") -> Example:
    return Example(text, tuple(expected), note)


@dataclass
class RuleMatch:
    start: int
    end: int
    value: Any
    unit: str | None


@dataclass
class Passage:
    """One block's text as the rules see it, with its label/heading context and lazily computed segments."""

    text: str
    context: str | None = None
    lower: str = field(init=False)
    has_digit: bool = field(init=False)
    _spans: list[Span] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.lower = self.text.lower()
        self.has_digit = any(ch.isdigit() for ch in self.text)

    @property
    def spans(self) -> list[Span]:
        if self._spans is None:
            self._spans = segments(self.text)
        return self._spans

    def segment_text(self, position: int) -> str:
        span = segment_at(self.spans, position)
        return self.text[span[0]:span[1]] if span else self.text


class Rule:
    """Base class. Subclasses set the class attributes and implement ``find``.

    ``group``: matches of rules in one group may not overlap inside a block (the earlier rule wins), so
    ``20% of MCI`` is a fee and not also a 20 % ratio. ``cue``: a cheap lower-case test that must hit
    before the rule runs; ``needs_digit``: skip blocks without digits.
    """

    name: ClassVar[str]
    key: ClassVar[str]
    description: ClassVar[str]
    examples: ClassVar[tuple[Example, ...]] = ()
    group: ClassVar[str] = "quantity"
    needs_digit: ClassVar[bool] = True
    cue: ClassVar[re.Pattern[str] | None] = None

    def applies(self, passage: Passage) -> bool:
        if self.needs_digit and not passage.has_digit:
            return False
        return self.cue is None or self.cue.search(passage.lower) is not None

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        raise NotImplementedError


def compile_all(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)
