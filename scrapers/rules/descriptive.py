"""Facts stated in words rather than numbers: the eGov service code, and an age rule stated as a negative
("issued irrespective of age", which the registry keeps as a minimum age of 0)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.rules.base import Passage, Rule, RuleMatch, example


class ServiceCode(Rule):
    name = "ServiceCode"
    key = "service.code"
    group = "service-code"
    needs_digit = True
    description = "`Service code: pass003_mvd`, `Код услуги: 00203002_mvd`, `Қызмет коды: ...` -> the code."
    examples = (
        example("Service code: pass003_mvd", ("pass003_mvd", None)),
        example("Код услуги: 00203002_mvd", ("00203002_mvd", None)),
        example("Қызмет коды – 009pass_mvd", ("009pass_mvd", None)),
        example("Call centre: 1414", note="no service-code label"),
    )
    cue = re.compile(r"service code|код услуги|қызмет коды")
    pattern = re.compile(
        r"(?:service\s+code|код\s+услуги|қызмет\s+коды)\s*[:–—-]\s*(?P<code>[0-9a-z]*\d[0-9a-z]*_[a-z]{2,8})\b",
        re.IGNORECASE,
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            yield RuleMatch(m.start("code"), m.end("code"), m.group("code").lower(), None)


class AgeIrrespective(Rule):
    """A document issued at any age: a minimum age of 0, stated as a negative."""

    name = "AgeIrrespective"
    key = "age"
    group = "age-any"
    needs_digit = False
    description = "`issued irrespective of age`, `regardless of age`, `независимо от возраста`, `жасына қарамастан`."
    examples = (
        example("Passport of the Republic of Kazakhstan citizen is issued irrespective of age.", (0, "years")),
        example("выдается независимо от возраста", (0, "years")),
        example("жасына қарамастан беріледі", (0, "years")),
        example("issued from the age of 16", (16, "years"), note="a threshold: read by Age, not this rule"),
    )
    cue = re.compile(r"irrespective|regardless|независимо|қарамастан")
    pattern = re.compile(
        r"(?:irrespective|regardless)\s+of\s+(?:the\s+)?age|независимо\s+от\s+возраста|жасына\s+қарамастан",
        re.IGNORECASE,
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            yield RuleMatch(m.start(), m.end(), 0, "years")
