"""Descriptive photo requirements: background colour, colour or greyscale, expression, headwear, glasses,
retouching. They carry no number, so each rule is anchored on the words that state the requirement, and a
rule that reads a prohibition says so in its value (``headwear.allowed`` is False for "without headwear").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.rules.base import Passage, Rule, RuleMatch, example


class _Phrases(Rule):
    """A rule that yields a fixed value wherever one of its phrases occurs."""

    group = "trait"
    needs_digit = False
    value: object = True
    patterns: tuple[re.Pattern[str], ...] = ()

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                yield RuleMatch(m.start(), m.end(), self.value, None)


def _p(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


COLOURS = {  # tried in this order: "light grey" is grey, "ақшыл" (whitish) is light, not "ақ" (white)
    "grey": r"(?:light\s+)?gr[ae]y|сер\w*|сұр",
    "blue": r"(?:light\s+)?blue|голуб\w*|көгілдір",
    "light": r"light|светл\w*|ақшыл",
    "white": r"white|бел\w*|ақ(?!шыл)",
}


class BackgroundColour(Rule):
    name = "BackgroundColour"
    key = "background.colours"
    group = "background"
    needs_digit = False
    description = "`on a light background`, `on the white background`, `на белом фоне`, `ақшыл фонда` -> [colour]."
    examples = (
        example("One color photo 3.5 х 4.5 cm on the white background;", (["white"], None)),
        example("full face on a light background with a neutral expression", (["light"], None)),
        example("алдыңғы жағынан ақшыл фонда, бет әлпеті", (["light"], None)),
        example("фотография на белом фоне", (["white"], None)),
        example("background: white or light grey", (["white", "grey"], None)),
    )
    cue = re.compile(r"background|фон")
    _colour = "|".join(f"(?:{v})" for v in COLOURS.values())
    patterns = _p(
        rf"(?:(?:{_colour})(?:\s+plain)?(?:\s+(?:or|и|или|немесе)\s+(?:{_colour}))?)\s+(?:background|фон\w*)",
        rf"(?:background|фон)\s*[:–-]\s*(?:{_colour})(?:\s+(?:or|или)\s+(?:light\s+)?(?:{_colour}))?",
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                found = re.findall("|".join(f"(?:{v})" for v in COLOURS.values()), m.group(), re.IGNORECASE)
                names = []
                for word in found:
                    for name, words in COLOURS.items():
                        if re.fullmatch(words, word, re.IGNORECASE) and name not in names:
                            names.append(name)
                            break
                if names:
                    yield RuleMatch(m.start(), m.end(), names, None)


class ColourMode(_Phrases):
    name = "ColourMode"
    key = "colour.mode"
    group = "colour-mode"
    description = (
        "`color or black and white photograph` -> colour-or-greyscale; `color photos`,"
        " `түрлі-түсті` -> colour."
    )
    examples = (
        example(
            "A color or black and white photograph measuring 3.5 x 4.5 centimeters:", ("colour-or-greyscale", None)
        ),
        example("Four color photos, size of 3.5 x 4.5 cm.", ("colour", None)),
        example("түрлі-түсті фотосурет", ("colour", None)),
        example("цветная фотография", ("colour", None)),
    )
    cue = re.compile(r"colou?r|цветн|түрлі|black")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        both = re.compile(
            r"colou?r(?:ed)?\s+or\s+black[\s-]+and[\s-]+white|цветн\w+\s+или\s+черно-бел\w+", re.IGNORECASE
        )
        only = re.compile(r"colou?r(?:ed)?\s+(?:photo\w*|picture|image)|цветн\w+\s+фото\w*|түрлі-түсті", re.IGNORECASE)
        taken: list[tuple[int, int]] = []
        for m in both.finditer(passage.text):
            taken.append((m.start(), m.end()))
            yield RuleMatch(m.start(), m.end(), "colour-or-greyscale", None)
        for m in only.finditer(passage.text):
            if not any(s <= m.start() < e for s, e in taken):
                yield RuleMatch(m.start(), m.end(), "colour", None)


class NeutralExpression(_Phrases):
    name = "NeutralExpression"
    key = "expression.neutral"
    group = "expression"
    description = "`with a neutral expression`, `нейтральное выражение лица`, `бейтарап түрінде` -> true."
    examples = (
        example("full face on a light background with a neutral expression and a closed mouth", (True, None)),
        example("бет әлпеті ешқандай қимылсыз бейтарап түрінде", (True, None)),
        example("a natural expression is fine", note="no neutral-expression rule stated"),
    )
    cue = re.compile(r"neutral|нейтрал|бейтарап")
    patterns = _p(r"neutral\s+(?:facial\s+)?expression", r"нейтральн\w+\s+выражени\w+", r"бейтарап\s+түрінде")


class MouthClosed(_Phrases):
    name = "MouthClosed"
    key = "expression.mouth_closed"
    group = "mouth"
    description = "`a closed mouth`, `mouth closed`, `с закрытым ртом`, `аузы жабық` -> true."
    examples = (
        example("with a neutral expression and a closed mouth where the person occupies", (True, None)),
        example("аузы жабық күйінде", (True, None)),
        example("the mouth and eyes must be visible", note="visible is not closed"),
    )
    cue = re.compile(r"mouth|рт|ауз")
    patterns = _p(r"closed\s+mouth|mouth\s+(?:is\s+)?closed", r"закрыт\w+\s+рт\w*|рот\s+закрыт", r"аузы\s+жабық")


_NOT_ALLOWED_KK = r"рұқсат\s+етілмейді|тыйым\s+салынады"


class NoHeadwear(_Phrases):
    name = "NoHeadwear"
    key = "headwear.allowed"
    group = "headwear"
    value = False
    description = (
        "`without headwear`, `no ... headdress`, `без головного убора`,"
        " `Рұқсат етілмейді: бас киіммен` -> false."
    )
    examples = (
        example("no darkened-lens goggles and headdress, except for persons", (False, None)),
        example("Рұқсат етілмейді: бас киіммен және көзілдірікпен фотосурет", (False, None)),
        example("photographed without a headwear", (False, None)),
        example("без головного убора", (False, None)),
        example("the head must be fully visible", note="says nothing of headwear"),
    )
    cue = re.compile(r"head|убор|киім")
    patterns = _p(
        r"\b(?:without|no)\b[^.;|]{0,40}?\b(?:headwear|headdress|head\s+covering|hat)s?\b",
        r"без\s+головн\w+\s+убор\w*",
        rf"(?:{_NOT_ALLOWED_KK})[^.;|]{{0,40}}?бас\s+киім\w*",
        r"бас\s+киімсіз",
    )


class ReligiousHeadwear(_Phrases):
    name = "ReligiousHeadwear"
    key = "headwear.religious_allowed"
    group = "religious"
    description = "`except for persons ... religious affiliation`, `non-religious headwear` -> true."
    examples = (
        example(
            "headdress, except for persons for whom constant carrying a headdress is obligatory attribute of their "
            "national or religious affiliation", (True, None),
        ),
        example("no sunglasses or non-religious headwear", (True, None)),
        example("photographed without a headwear", note="no religious exception stated"),
    )
    cue = re.compile(r"religi|религи|дін")
    patterns = _p(
        r"except\b[^.;|]{0,120}?religious",
        r"non-religious\s+(?:headwear|headdress)",
        r"за\s+исключением[^.;|]{0,120}?религиозн\w+",
    )


class NoTintedGlasses(_Phrases):
    name = "NoTintedGlasses"
    key = "glasses.tinted_allowed"
    group = "glasses"
    value = False
    description = (
        "`no darkened-lens goggles`, `no sunglasses`, `без тонированных очков`,"
        " `көзілдірікпен` (not allowed) -> false."
    )
    examples = (
        example("no darkened-lens goggles and headdress", (False, None)),
        example("Рұқсат етілмейді: бас киіммен және көзілдірікпен фотосурет", (False, None)),
        example("visible eyes, and no sunglasses", (False, None)),
    )
    cue = re.compile(r"glass|goggle|очк|көзілдірік")
    patterns = _p(
        r"\b(?:no|without)\b[^.;|]{0,20}?(?:darkened-lens|tinted|dark|sun)\s*-?\s*(?:glasses|goggles)",
        r"\bno\s+sunglasses",
        r"без\s+(?:тонированн|темн|солнцезащитн)\w+\s+очк\w*",
        rf"(?:{_NOT_ALLOWED_KK})[^.;|]{{0,60}}?көзілдірік\w*",
    )


class NoRetouching(_Phrases):
    name = "NoRetouching"
    key = "photo.no_retouching"
    group = "retouching"
    description = (
        "`without retouching`, `computer scanning,"
        " modeling or photocopying are not allowed`, `без ретуши` -> true."
    )
    examples = (
        example(
            "Images made by computer scanning, modeling or photocopying are not allowed", (True, None),
        ),
        example(
            "компьютерлік сканерлеу, модельдеу немесе көшіру арқылы жасалған бейнелерді пайдалануға", (True, None)
        ),
        example("без ретуши", (True, None)),
    )
    cue = re.compile(r"retouch|ретуш|scann|сканер")
    patterns = _p(
        r"(?:without|no)\s+retouch\w*",
        r"computer\s+scanning[^.;|]{0,80}?not\s+allowed",
        r"без\s+ретуш\w*",
        r"компьютерлік\s+сканерлеу",
    )
