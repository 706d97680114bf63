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

from scrapers.rules.leads import with_lead
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


# Exactly the characters for which ``str.isdigit()`` holds: the decimal digits (``\d``) and the other digits
# Unicode knows (superscripts, subscripts, circled and parenthesised digits ...). One search in C instead of a
# Python-level test of every character; tests/scrapers/test_passage_digits.py checks it against all of Unicode.
_ANY_DIGIT = re.compile(
    "[\\d\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c"
    "\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792"
    "\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a\U0001f100-\U0001f10a]"
)


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
        self.has_digit = _ANY_DIGIT.search(self.text) is not None

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
        return self.cue is None or led_cue(self.cue).search(passage.lower) is not None

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        raise NotImplementedError


_LED: dict[re.Pattern[str], re.Pattern[str]] = {}


def led_cue(cue: re.Pattern[str]) -> re.Pattern[str]:
    """``cue`` with a first-character look-ahead (see scrapers/rules/leads.py): the same matches, found sooner."""
    led = _LED.get(cue)
    if led is None:
        led = _LED[cue] = re.compile(with_lead(cue.pattern, ignorecase=bool(cue.flags & re.IGNORECASE)), cue.flags)
    return led


def compile_all(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)
