"""The first-character look-ahead changes no match: same spans as the plain pattern, on real rule texts."""

import re

import pytest

from scrapers.qualifiers import CUES
from scrapers.rules import ALL_RULES, PASSAGE_RULES
from scrapers.rules.leads import with_lead

TEXTS = [ex.text for rule in ALL_RULES for ex in rule.examples] + [
    "", "Фото 3×4 СМ, МРП 2", "ᲂ ſ K İ ı", "a|b", "$5 / €4 / £3", "no digits at all", "МСІ 0,5",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("rule", [r for r in PASSAGE_RULES if r.cue is not None], ids=lambda r: r.name)
def test_led_cue_matches_exactly_where_the_cue_does(rule) -> None:
    led = re.compile(with_lead(rule.cue.pattern, ignorecase=True), rule.cue.flags)
    for text in TEXTS:
        for variant in (text, text.lower(), text.upper()):
            assert _spans(led, variant) == _spans(rule.cue, variant), (rule.name, variant)


def test_led_qualifier_words_match_exactly_where_they_do() -> None:
    plain = re.compile("|".join(CUES.values()), re.IGNORECASE)
    led = re.compile(with_lead("|".join(CUES.values()), ignorecase=True), re.IGNORECASE)
    assert led.pattern != plain.pattern  # the look-ahead is there
    for text in TEXTS:
        for variant in (text, text.upper()):
            assert _spans(led, variant) == _spans(plain, variant), variant


@pytest.mark.parametrize("pattern", [r"\s+x|y", r"a?b|c", r"(?:a|b)c", r"^x|y", r".x", r"[^a]b", r"x|(y"])
def test_patterns_whose_first_characters_cannot_be_read_are_left_alone(pattern) -> None:
    assert with_lead(pattern, ignorecase=True) == pattern


def test_plain_literal_alternations_are_left_to_the_engine_without_ignorecase() -> None:
    assert with_lead("photo|фото", ignorecase=False) == "photo|фото"
    assert with_lead("[mм]cі|мрп", ignorecase=False).startswith("(?=")


def _plain(led: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its look-ahead (with_lead wraps the original as ``(?=...)(?:original)``)."""
    assert led.pattern.startswith("(?=(?:")
    return re.compile(led.pattern[led.pattern.index("))(?:") + 5:-1], led.flags)


def test_rule_patterns_with_a_look_ahead_match_as_without() -> None:
    from scrapers.rules.descriptive import IssuingBody
    from scrapers.rules.periods import Duration

    led = [Duration.LAW_CLOCKWORK, Duration.PENALTY, IssuingBody.ISSUE, *(p for _, p in IssuingBody._BODIES)]
    for pattern in led:
        plain = _plain(pattern)
        for text in TEXTS:
            for variant in (text, text.lower(), text.upper()):
                assert _spans(pattern, variant) == _spans(plain, variant), (pattern.pattern[:40], variant)
