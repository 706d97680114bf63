"""How many photos an application needs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.rules.base import Passage, Rule, RuleMatch, example
from scrapers.rules.lexicon import CM, MM, NUMBER, TIMES, to_number

PLURAL_OR_ANY = (
    r"(?:photo(?:graph)?s?|фото(?:графи\w*|карточ\w*|снимк\w*|сурет\w*)?|снимк\w*|снимок|фотосурет\w*|сурет\w*)"
)
ADJECTIVE = (
    r"(?:colou?r(?:ed)?|black[\s-]+and[\s-]+white|identical|recent|matte|same|biometric|passport[\s-]+size[d]?"
    r"|цветн\w+|одинаков\w+|матов\w+|черно-бел\w+|последн\w+|түрлі-түсті|бірдей)"
)
INLINE_SIZE = rf"\d+(?:[.,]\d+)?\s*(?:{MM}|{CM})?{TIMES}\d+(?:[.,]\d+)?\s*(?:{MM}|{CM})?"
MAX_PHOTOS = 12


class PhotoCount(Rule):
    name = "PhotoCount"
    key = "photo.count"
    group = "count"
    description = "`2 photographs`, `две фотографии`, `3 фотосурет`, `Four color photos`, `фото – 2 шт.` -> photos."
    examples = (
        example("2 photos measuring 3.5 x 4.5 centimeters;", (2, "photos")),
        example("две фотографии размером 3,5х4,5 см.", (2, "photos")),
        example("3 фотосурет", (3, "photos")),
        example("Four color photos, size of 3.5 x 4.5 cm.", (4, "photos")),
        example("2 (two) photographs of the size of 3.5 x 4.5 centimeters.", (2, "photos")),
        example("one 35 × 45 mm photo and two 3.5 × 4.5 cm photographs", (1, "photos"), (2, "photos")),
        example("фото 3х4 – 2 шт.", (2, "photos")),
        example("Размер фотографии 3,5×4,5 сантиметра, 4 штуки", (4, "photos")),
        example("Photographs (size 3.5 x 4.5 cm) – 2 pcs.", (2, "photos"), note="a decimal point is no sentence end"),
        example("Article 8. Photo requirements", note="a heading, not a count"),
    )
    patterns = (
        re.compile(
            rf"(?P<n>{NUMBER})\s+(?:{ADJECTIVE}(?:\s+(?:or|и|или|және)\s+{ADJECTIVE})?\s+){{0,2}}"
            rf"(?:{INLINE_SIZE}\s+)?(?:{ADJECTIVE}\s+){{0,2}}{PLURAL_OR_ANY}(?![\w])",
            re.IGNORECASE,
        ),
        re.compile(
            rf"{PLURAL_OR_ANY}(?![\w])(?:[^.;|]|(?<=\d)[.](?=\d)){{0,60}}?[-–—:(,]\s*(?P<n>\d{{1,2}})\s*"
            r"(?:шт\w*\.?|pcs\.?|pieces|дана)",
            re.IGNORECASE,
        ),
    )
    needs_digit = False
    cue = re.compile(r"photo|фото|снимк|снимок|сурет")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                count = to_number(m.group("n"))
                if 1 <= count <= MAX_PHOTOS and count == int(count):
                    yield RuleMatch(m.start(), m.end(), int(count), "photos")


class PhotoCountSingular(Rule):
    """A single photo named without a number but with its size: ``8. фотография размером 35×45 мм``."""

    name = "PhotoCountSingular"
    key = "photo.count"
    group = "count"
    description = "A singular `фотография` / `photo` / `фотосурет` directly followed by its size -> 1 photo."
    examples = (
        example("8. фотография размером 35×45 мм", (1, "photos")),
        example("a photograph measuring 3.5 x 4.5 cm", (1, "photos")),
        example("фотографии размером 3,5х4,5 см", note="plural without a number: count unknown"),
        example("photo requirements are listed below", note="no size follows"),
        example("2. Көлемі 3х4 сантиметр бір түсті фотосурет;", (1, "photos"),
                note="Kazakh names the size before the noun: a singular фотосурет after its size is one photo"),
        example("3,5х4,5 см өлшемдегі түрлі-түсті фотосурет", (1, "photos")),
        example("3,5х4,5 см екі фотосурет", (2, "photos"), note="a number before the noun is the count"),
        example("3х4 см фотосуреттер", note="plural without a number: count unknown"),
    )
    pattern = re.compile(
        rf"(?<![\w])(?:(?:a|an|one)\s+)?(?:{ADJECTIVE}\s+){{0,3}}"
        r"(?P<noun>photo|photograph|фотография|фотокарточка|фотосурет|снимок)(?![\w])"
        r"(?=\s*(?:\(\s*(?:size\s+)?|measuring\s+|of\s+the\s+size\s+(?:of\s+)?|of\s+size\s+|sized\s+|size\s+"
        r"|размером\s+|размера\s+|өлшемі\s+|көлемі\s+)\d)",
        re.IGNORECASE,
    )
    # Kazakh puts the size first ("Көлемі 3х4 сантиметр ... фотосурет"): a singular фотосурет (no plural suffix)
    # after its size with a unit, with only adjectives between (a number there is the count, read by PhotoCount).
    size_first = re.compile(
        rf"(?<![\w.,]){INLINE_SIZE}(?<=[^\W\d_])\s+(?:(?:өлшемдегі|көлемдегі|мөлшердегі)\s+)?"
        r"(?:(?:бір\s+)?түсті\s+|түрлі-түсті\s+|ақ-қара\s+|бірдей\s+|күңгірт\s+){0,2}"
        r"(?P<noun>фотосурет)(?![\w-])",
        re.IGNORECASE,
    )
    cue = re.compile(r"photo|фото|снимок")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            yield RuleMatch(m.start("noun"), m.end("noun"), 1, "photos")
        if "фотосурет" in passage.lower:
            for m in self.size_first.finditer(passage.text):
                yield RuleMatch(m.start("noun"), m.end("noun"), 1, "photos")


class PageCount(Rule):
    """Passport booklets come in page counts (24 or 48 pages), with different duties."""

    name = "PageCount"
    key = "pages"
    group = "pages"
    description = "`passport of 48 pages`, `24 страницы`, `48 беттік` -> pages."
    examples = (
        example("Passport of 48 pages", (48, "pages")),
        example("паспорт объемом 24 страницы", (24, "pages")),
        example("көлемі 24 беттік паспорт", (24, "pages")),
        example("see page 2 of the form", note="a page number, not a count"),
    )
    cue = re.compile(r"page|страниц|бет")
    pattern = re.compile(r"(?<![\d.,])(?P<n>\d{1,3})\s*(?:pages|страниц\w*|беттік|бет)(?![\w])", re.IGNORECASE)

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            yield RuleMatch(m.start(), m.end(), int(m.group("n")), "pages")

