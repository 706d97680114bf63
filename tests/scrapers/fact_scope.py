"""Which facts of ../shared/reference/kz_facts.yaml the extraction rules must read, and what they must read.

Scope is decided from each fact's ``unit`` (its first word names the kind of quantity) and, where the unit
is missing or says only ``years``, from its ``field`` name. The expected readings are parsed from the
fact's ``value`` and ``unit`` here, independently of the rules under test.

Out of scope, by kind (there is no observation key for them):
- months (photo recency, ``photo_recency``), millimetres from the bottom (``eye_line``), USD consular fees;
- MCI reference values (fields ``MCI_<year>``): they state what one index is worth, not a payment;
- free text (background, glasses, format, dates, service codes, procedures) and document lists, whose
  values paraphrase lists that the quotes only begin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FACTS_PATH = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "kz_facts.yaml"

PAYMENT_FIELD = re.compile(r"duty|fee|fine|cost")
DURATION_FIELD = re.compile(r"processing_time|_time$|review")
AGE_FIELD = re.compile(r"(^|_)age($|_)")
SIZE_FIELD = re.compile(r"photo_size|photo_count_and_size")
RATIO_FIELD = re.compile(r"ratio|head_height")

# Number words the quotes use, for the "does the quote state this number at all" test of partial quotes.
QUOTE_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "sixteen": 16, "sixty": 60,
    "две": 2, "два": 2, "три": 3, "четыре": 4, "одна": 1, "бір": 1, "екі": 2, "үш": 3,
}


@dataclass
class Expectation:
    fact_id: str
    key: str
    quote: str
    compound: bool
    readings: list[tuple[Any, str | None]] = field(default_factory=list)

    def required(self) -> list[tuple[Any, str | None]]:
        """A single expected value is always required; of several, those whose number the quote states."""
        if not self.compound:
            return self.readings
        return [r for r in self.readings if _stated(self.quote, r[0])]


def _stated(quote: str, value: Any) -> bool:
    text = re.sub(r"(?<=\d)[ \u00a0](?=\d{3}\b)", "", quote.lower()).replace(",", ".")
    numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}
    numbers |= {float(v) for w, v in QUOTE_WORDS.items() if re.search(rf"(?<!\w){w}(?!\w)", text)}
    if isinstance(value, str):  # a size "35x45": either side in mm or cm
        width = float(value.split("x")[0])
        return width in numbers or width / 10 in numbers
    if isinstance(value, tuple):
        return value[0] in numbers
    return float(value) in numbers or value == 0


def load_facts() -> list[dict]:
    return yaml.safe_load(FACTS_PATH.read_text(encoding="utf-8"))


def kinds_of(fact: dict) -> list[str]:
    unit = (fact.get("unit") or "").strip().lower()
    name = fact["field"].lower()
    lead = unit.split(" ")[0].strip("(),") if unit else ""
    if lead in ("mm", "cm"):
        return ["photo.size", "photo.count"] if "count" in name else ["photo.size"] if SIZE_FIELD.search(name) else []
    if lead == "px":
        return ["digital.pixels"]
    if lead == "dpi":
        return ["digital.dpi"]
    if lead in ("mb", "kb"):
        return ["file.max_size_kb"]
    if lead == "%":
        return ["ratio.percent"]
    if lead in ("kzt", "mci", "mrp") and PAYMENT_FIELD.search(name):
        return ["fine"] if re.search(r"\bfine", name) else ["fee"]  # a fine has its own key, not "fee"
    if re.match(r"(working|calendar|business)\s+days|days|minutes|hours", unit):
        return ["duration"]
    if lead == "years":
        return ["age"] if AGE_FIELD.search(name) else ["validity"] if "validity" in name else []
    if unit:
        return []
    if SIZE_FIELD.search(name):
        return ["photo.size", "photo.count"] if "count" in name else ["photo.size"]
    if "pixel" in name:
        return ["digital.pixels"]
    if RATIO_FIELD.search(name):
        return ["ratio.percent"]
    if PAYMENT_FIELD.search(name) and not re.search(r"usd|\$", str(fact["value"]).lower()):
        return ["fee"]
    if DURATION_FIELD.search(name):
        return ["duration"]
    if AGE_FIELD.search(name):
        return ["age"]
    if "validity" in name:
        return ["validity"]
    return []


def _unit_word(text: str) -> str | None:
    text = text.lower()
    for pattern, unit in (
        (r"mci|mrp|мрп|аек", "MCI"), (r"kzt|tenge|тенге", "KZT"), (r"working|business", "working days"),
        (r"calendar", "calendar days"), (r"minute", "minutes"), (r"hour", "hours"), (r"\bdays?\b", "days"),
    ):
        if re.search(pattern, text):
            return unit
    return None


def _sizes(text: str, default_unit: str) -> list[str]:
    found = []
    for w, h, unit in re.findall(r"(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm)?", text.lower()):
        factor = 10 if (unit or default_unit) == "cm" else 1
        found.append(f"{float(w) * factor:g}x{float(h) * factor:g}")
    return list(dict.fromkeys(found))


def expectations(fact: dict) -> list[Expectation]:
    value, unit = fact["value"], (fact.get("unit") or "")
    text = str(value).lower()
    compound = not isinstance(value, (int, float))
    out: list[Expectation] = []
    for key in kinds_of(fact):
        exp = Expectation(fact["id"], key, fact["quote"], compound)
        if key == "photo.size":
            exp.readings = [(s, "mm") for s in _sizes(text, "cm" if unit.lower().startswith("cm") else "mm")]
        elif key == "photo.count":
            counts = re.findall(r"(\d+)\s+(?:colou?r\s+)?photos?", text)
            exp.readings = [(int(c), "photos") for c in counts]
        elif key == "digital.pixels":
            exp.readings = [(text.replace("×", "x"), "px")]
        elif key == "digital.dpi":
            exp.readings = [(int(value), "dpi")]
        elif key == "file.max_size_kb":
            exp.readings = [(float(value) * (1024 if unit.lower().startswith("mb") else 1), "KB")]
        elif key == "ratio.percent":
            numbers = re.findall(r"\d+", text)
            low, high = (numbers + numbers)[:2] if len(numbers) < 2 else numbers[:2]
            exp.readings = [((float(low), float(high)), "%")]
        elif key in ("fee", "fine"):
            exp.readings = _fees(value, unit, text)
        elif key == "duration":
            exp.readings = _durations(value, unit, text)
        elif key in ("age", "validity"):
            exp.readings = [(float(n), "years") for n in re.findall(r"\d+", text)] if compound else [
                (float(value), "years")
            ]
            if key == "validity" and compound and not re.search(r"\byears?\b", text):
                exp.readings = []
            if key == "age" and re.search(r"irrespective|regardless|независимо|қарамастан", text):
                exp.readings = [(0.0, "years")]  # "issued irrespective of age": any age, a minimum of 0
        exp.compound = len(exp.readings) > 1
        out.append(exp)
    return out


def _fees(value: Any, unit: str, text: str) -> list[tuple[Any, str | None]]:
    if not isinstance(value, str):
        return [(float(value), _unit_word(unit.split("(")[0]) or _unit_word(unit))]
    if "free" in text:
        return [(0.0, None)]
    percent = re.search(r"(\d+)\s*%\s*of\s*mci", text)
    if percent:
        return [(float(percent.group(1)) / 100, "MCI")]
    found = []
    for number, word in re.findall(r"(\d[\d ]*(?:\.\d+)?)\s*(mrp|mci|kzt)", text):
        found.append((float(number.replace(" ", "")), "KZT" if word == "kzt" else "MCI"))
    return found


def _durations(value: Any, unit: str, text: str) -> list[tuple[Any, str | None]]:
    if not isinstance(value, str):
        return [(float(value), _unit_word(unit))]
    found = []
    pattern = r"(\d+)(?:\s*-\s*(\d+))?\s+(working days?|business days?|calendar days?|minutes)"
    for low, high, word in re.findall(pattern, text):
        # "1-2 business days" states a range: the rules must read both ends, not the maximum alone
        found.append(((float(low), float(high)) if high else float(low), _unit_word(word)))
    if not found and unit:
        found = [(float(n), _unit_word(unit)) for n in re.findall(r"\d+", text)]
    return found


def in_scope() -> list[Expectation]:
    return [exp for fact in load_facts() for exp in expectations(fact)]


if __name__ == "__main__":
    scoped = in_scope()
    print(f"{len({e.fact_id for e in scoped})} facts in scope, {len(scoped)} expectations")
    for e in scoped:
        print(e.fact_id, e.key, e.compound, e.readings, "required:", e.required())
