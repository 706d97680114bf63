"""Photo and file measures: print size, pixel size, resolution, file size, face/head share of the photo."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.models import ValueRange
from scrapers.rules.base import Passage, Rule, RuleMatch, example
from scrapers.rules.lexicon import CM, MM, PERCENT, TIMES, clean, fmt, to_number

# "3,5", and "3, 5" as some pages type the decimal comma (a lone digit after it, then x or the unit)
SIDE = r"(?<![\d.,])\d{1,3}(?:[.,]\d{1,2}|,\s\d(?=\s*(?:[x×хХX*✕]|mm|мм|cm|см|centim|сантим)))?(?![\d])"
PHOTO_WORD = r"(?:photo(?:graph)?s?|фото\w*|снимк\w*|снимок|сурет\w*)"
PHOTO_SIDE_MM = (15.0, 80.0)  # sizes outside this are not photo prints (e.g. a booklet of 88 x 125 mm)


def _to_mm(value: float, unit: str | None) -> float:
    return value * 10 if unit and unit.lower().startswith(("c", "с")) else value


class PhotoSize(Rule):
    """A printed photo size with its unit, normalised to millimetres (``WxH``).

    Both sides must lie between 15 and 80 mm, so other sizes on the same page (a passport booklet of
    88 x 125 mm) are not read as photo sizes.
    """

    name = "PhotoSize"
    key = "photo.size"
    description = "Photo print size `W×H` with mm or cm (Latin x, ×, Cyrillic х, `*`, `by`, `на`) -> `WxH` in mm."
    examples = (
        example("Фотография размером 35×45 мм.", ("35x45", "mm")),
        example("две фотографии размером 3,5 х 4,5 см (на бумажном носителе)", ("35x45", "mm")),
        example("One color photo 3.5 х 4.5 cm on the white background;", ("35x45", "mm")),
        example("35 mm x 45 mm in size with the head centred in the frame;", ("35x45", "mm")),
        example("photographs measuring 3.5 x 4.5 centimeters", ("35x45", "mm")),
        example("фото 3 на 4 см", ("30x40", "mm")),
        example("One photograph (size, mm: 30 x 40).", ("30x40", "mm"), note="the unit before the sides"),
        example("a photograph measuring 3.5 cm wide and 4.5 cm high", ("35x45", "mm")),
        example("photo: width 35 mm, height 45 mm", ("35x45", "mm")),
        example("брошюра размером 88 x 125 мм", note="a booklet, not a photo: outside 15-80 mm"),
        example("450×600 пиксель", note="pixels are digital.pixels, not a print size"),
    )
    pattern = re.compile(
        rf"(?P<w>{SIDE})\s*(?P<u1>{MM}|{CM})?{TIMES}(?P<h>{SIDE})\s*(?P<u2>{MM}|{CM})", re.IGNORECASE
    )
    # The unit before the sides ("size, cm: 3.5 x 4.5"), and the sides named ("3.5 cm wide and 4.5 cm high",
    # "width 35 mm, height 45 mm").
    others = (
        re.compile(rf"(?P<u2>{MM}|{CM})\s*[:)]\s*(?P<w>{SIDE}){TIMES}(?P<h>{SIDE})(?!\s*(?:{MM}|{CM}))",
                   re.IGNORECASE),
        re.compile(rf"(?P<w>{SIDE})\s*(?P<u1>{MM}|{CM})\s+(?:wide|in\s+width)\s*(?:and|,|x|by)\s*"
                   rf"(?P<h>{SIDE})\s*(?P<u2>{MM}|{CM})\s+(?:high|tall|in\s+height)", re.IGNORECASE),
        re.compile(rf"width\s*(?:of\s+)?[:–-]?\s*(?P<w>{SIDE})\s*(?P<u1>{MM}|{CM})\s*(?:,|and|;)?\s*(?:and\s+)?"
                   rf"height\s*(?:of\s+)?[:–-]?\s*(?P<h>{SIDE})\s*(?P<u2>{MM}|{CM})", re.IGNORECASE),
    )
    cue = re.compile(r"mm|мм|cm|см|millim|centim|миллим|сантим")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in (self.pattern, *self.others):
            for m in pattern.finditer(passage.text):
                unit = m.group("u2")
                first = m.groupdict().get("u1")
                width = _to_mm(to_number(m.group("w").replace(" ", "")), first or unit)
                height = _to_mm(to_number(m.group("h").replace(" ", "")), unit)
                if all(PHOTO_SIDE_MM[0] <= side <= PHOTO_SIDE_MM[1] for side in (width, height)):
                    yield RuleMatch(m.start(), m.end(), f"{fmt(width)}x{fmt(height)}", "mm")


class PhotoSizeBare(Rule):
    """A size written after the word photo without a unit, as in the common ``фото 3x4``.

    Sides up to 10 are centimetres (the customary ``3x4`` photo), sides of 15-80 are millimetres.
    """

    name = "PhotoSizeBare"
    key = "photo.size"
    description = "`photo 3x4` / `фото 3 * 4` without a unit: sides ≤ 10 are cm, 15-80 are mm."
    examples = (
        example("3. One photo of 3 * 4;", ("30x40", "mm")),
        example("фото 3х4 – 2 шт.", ("30x40", "mm")),
        example("фотосурет 35x45", ("35x45", "mm")),
        example("JPEG форматта 3×4 графикалық файл", note="no photo word: an aspect ratio, not a print size"),
    )
    pattern = re.compile(
        rf"{PHOTO_WORD}\s+(?:of\s+(?:the\s+)?(?:size\s+)?|size\s+|sized\s+|размером\s+|размера\s+|өлшемі\s+"
        rf"|көлемі\s+)?(?P<w>\d{{1,2}}(?:[.,]\d)?){TIMES}(?P<h>\d{{1,2}}(?:[.,]\d)?)"
        rf"(?!\s*(?:{MM}|{CM}|px|пикс|pixel|%)|[\d.,]\d)",
        re.IGNORECASE,
    )
    cue = re.compile(r"photo|фото|снимк|снимок|сурет")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            width, height = to_number(m.group("w")), to_number(m.group("h"))
            if width <= 10 and height <= 10:
                width, height = width * 10, height * 10
            elif not all(PHOTO_SIDE_MM[0] <= side <= PHOTO_SIDE_MM[1] for side in (width, height)):
                continue
            yield RuleMatch(m.start("w"), m.end("h"), f"{fmt(width)}x{fmt(height)}", "mm")


class DigitalPixels(Rule):
    name = "DigitalPixels"
    key = "digital.pixels"
    description = "Pixel dimensions `W×H px` / `пиксель` -> `WxH` in px."
    examples = (
        example("| Digital resolution | 413 × 531 px |", ("413x531", "px")),
        example("өлшемі кемінде 450×600 пиксель", ("450x600", "px")),
        example("not smaller than 450 x 600 pixels", ("450x600", "px")),
        example("размер 600 px", note="one side only: not a pixel size"),
    )
    pattern = re.compile(
        r"(?<![\d.,])(?P<w>\d{2,5})\s*(?:px\s*)?" + TIMES + r"(?P<h>\d{2,5})\s*(?:px|pixels?|пикс\w*|піксел\w*)"
        r"(?![\w])",
        re.IGNORECASE,
    )
    cue = re.compile(r"px|pixel|пикс")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            yield RuleMatch(m.start(), m.end(), f"{m.group('w')}x{m.group('h')}", "px")


class DigitalDpi(Rule):
    name = "DigitalDpi"
    key = "digital.dpi"
    description = "Resolution in dots per inch: `dpi`, `ppi`, `пиксель/дюйм`, `точек на дюйм`."
    examples = (
        example("ажыратымдылығы 80 пиксель/дюйм (dpi)", (80, "dpi")),
        example("Resolution (pixels): at least 600 dpi", (600, "dpi")),
        example("разрешение 300 точек на дюйм", (300, "dpi")),
    )
    pattern = re.compile(
        r"(?<![\d.,])(?P<n>\d{2,4})\s*(?:dpi|ppi|pixels?\s+per\s+inch|dots\s+per\s+inch|точ\w*\s+на\s+дюйм"
        r"|пикс\w*\s*(?:/|на)\s*дюйм\w*|нүкте\w*\s*/?\s*дюйм\w*)(?![\w])",
        re.IGNORECASE,
    )
    cue = re.compile(r"dpi|ppi|inch|дюйм")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            yield RuleMatch(m.start(), m.end(), int(m.group("n")), "dpi")


class FileMaxSize(Rule):
    name = "FileMaxSize"
    key = "file.max_size_kb"
    description = "File size in MB or KB -> KB (1 MB = 1024 KB)."
    examples = (
        example("өлшемі 1 МБ аспайтын JPEG форматта", (1024, "KB")),
        example("file size up to 2 MB", (2048, "KB")),
        example("не более 500 КБ", (500, "KB")),
        example("размер 1,5 Мб", (1536, "KB")),
    )
    pattern = re.compile(
        r"(?<![\d.,])(?P<n>\d+(?:[.,]\d+)?)\s*(?P<u>MB|МБ|Mb|мб|Мбайт\w*|megabytes?|мегабайт\w*|KB|КБ|Kb|кб"
        r"|Кбайт\w*|kilobytes?|килобайт\w*)(?![\w])",
        re.IGNORECASE,
    )
    cue = re.compile(r"mb|мб|kb|кб|byte|байт")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            unit = m.group("u").lower()
            factor = 1024 if unit.startswith(("m", "м")) else 1
            yield RuleMatch(m.start(), m.end(), clean(to_number(m.group("n")) * factor), "KB")


FACE_WORDS = re.compile(r"face|head|photo|frame|portrait|лиц|голов|фото|кадр|снимк|портрет|бет|бас|сурет")


class FaceRatio(Rule):
    """A percentage or percentage range in a sentence about the face, head or photo.

    Other percentages (a fee of ``20% of MCI``, statistics) are not read: fees claim their text first, and
    a sentence without a face/head/photo word is skipped.
    """

    name = "FaceRatio"
    key = "ratio.percent"
    description = "Face/head share of the photo: `70–85%`, `70-80 %`, `about 75%` -> `{min, max}` in %."
    examples = (
        example("бет әлпет фотосуреттің жалпы ауданының 70–85% құруы", (ValueRange(min=70, max=85), "%")),
        example("the person occupies about 75% of the photo", (ValueRange(min=75, max=75), "%")),
        example("Head occupies 71–80% of photo height (32–36 mm chin to crown).", (ValueRange(min=71, max=80), "%")),
        example("лицо должно занимать от 70 до 80 процентов снимка", (ValueRange(min=70, max=80), "%")),
        example("20% of the monthly calculation index", note="a fee (FeePercentOfMci), not a ratio"),
        example("90% of applications are processed online", note="no face, head or photo word"),
    )
    pattern = re.compile(
        rf"(?:(?:about|approximately|around|около|примерно|приблизительно|шамамен)\s+)?(?:от\s+)?"
        rf"(?P<a>(?<![\d.,])\d{{1,3}}(?:[.,]\d)?)\s*%?\s*(?:(?:-|–|—|to|до)\s*(?P<b>\d{{1,3}}(?:[.,]\d)?)\s*)?"
        rf"{PERCENT}",
        re.IGNORECASE,
    )
    cue = re.compile(r"%|percent|per cent|процент|пайыз")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            low = to_number(m.group("a"))
            high = to_number(m.group("b")) if m.group("b") else low
            if not (0 < low <= high <= 100):
                continue
            if not FACE_WORDS.search(passage.segment_text(m.start()).lower()):
                continue
            yield RuleMatch(m.start(), m.end(), ValueRange(min=clean(low), max=clean(high)), "%")


