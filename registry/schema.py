"""The field catalogue as a schema: which keys a profile may use, and what each key's value must look like.

History is append-only, so a misspelled key or a value of the wrong type that slipped through `kzdocs build`
would be recorded forever and break the photo engine later. The catalogue (``field_catalogue.yaml`` beside
this module) is therefore enforced when a profile is loaded and when a version is recorded from code, and
``docs/fields.md`` is generated from it so the documentation cannot drift from what is enforced.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import math
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from registry.errors import ProfileInvalid
from registry.loader import line_of
from registry.models import ProfileDocument, ProfileField, ProfileKind, Range

CATALOGUE_PATH = Path(__file__).with_name("field_catalogue.yaml")
VARIANT = "<variant>"
VARIANT_PART = re.compile(r"^[a-z0-9_]+$")
ValueType = Literal["number", "integer", "boolean", "text", "text-list", "range", "number-or-text"]
TYPE_WORDS: dict[str, str] = {
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "text": "a text",
    "text-list": "a list of texts",
    "range": "a range {min: .., max: ..}",
    "number-or-text": "a number (or a text where no single number applies)",
}


class FieldSpec(BaseModel):
    """One catalogue entry: a key (or a `family.<variant>` pattern) and the shape of its value."""

    model_config = ConfigDict(extra="forbid")
    key: str
    kinds: list[ProfileKind] = Field(min_length=1)
    type: ValueType
    units: list[str] = Field(default_factory=list)
    min: float | None = None
    max: float | None = None
    allowed: list[str] | None = None
    pattern: str | None = None
    meaning: str

    @model_validator(mode="after")
    def _consistent(self) -> FieldSpec:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"{self.key}: min is greater than max")
        if self.pattern:
            re.compile(self.pattern)
        return self

    @property
    def family(self) -> str | None:
        return self.key.removesuffix("." + VARIANT) if self.key.endswith("." + VARIANT) else None

    def matches(self, key: str) -> bool:
        if self.family is None:
            return key == self.key
        rest = key.removeprefix(self.family + ".")
        return rest != key and VARIANT_PART.match(rest) is not None

    def describe(self) -> str:
        words = TYPE_WORDS[self.type]
        if self.units:
            words += f" in {' or '.join(self.units)}"
        return words


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fields: list[FieldSpec]

    def spec_for(self, key: str, kind: ProfileKind) -> FieldSpec | None:
        """The exact entry for key, else the variant pattern it fits; only entries allowed for kind."""
        candidates = [s for s in self.fields if kind in s.kinds]
        exact = next((s for s in candidates if s.family is None and s.key == key), None)
        return exact or next((s for s in candidates if s.matches(key)), None)

    def suggestions(self, key: str, kind: ProfileKind) -> list[str]:
        """Keys close to a misspelled one (did-you-mean), from the keys this kind of profile may use."""
        names = [s.key for s in self.fields if kind in s.kinds and s.family is None]
        close = difflib.get_close_matches(key, names, n=3, cutoff=0.75)
        if not close:
            family = key.split(".")[0]
            close = [s.key for s in self.fields if kind in s.kinds and s.family == family][:1]
        return close


@functools.cache
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    catalogue = Catalogue.model_validate(data)
    keys = [s.key for s in catalogue.fields]
    repeated = {k for k in keys if keys.count(k) > 1}
    if repeated:
        raise ValueError(f"{path}: keys listed twice: {sorted(repeated)}")
    return catalogue


def check_document(doc: ProfileDocument, path: str, node: yaml.Node | None = None,
                   today: dt.date | None = None) -> None:
    """Refuse a profile whose keys, values or units break the catalogue, or that a consumer could not use.

    ``node`` is the file's YAML node tree (for line numbers); a document made from code has none.
    """
    catalogue = load_catalogue()
    # A date one day ahead is tolerated: an editor east of UTC may already live in tomorrow.
    latest = (today or dt.datetime.now(dt.UTC).date()) + dt.timedelta(days=1)
    for index, f in enumerate(doc.fields):
        def fail(problem: str, *loc: Any, key: str = f.key, i: int = index) -> None:
            raise ProfileInvalid(path, line_of(node, ("fields", i, *loc)), key, problem)

        spec = catalogue.spec_for(f.key, doc.kind)
        if spec is None:
            close = catalogue.suggestions(f.key, doc.kind)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else \
                "; run 'kzdocs fields' for the keys a profile may use"
            other = catalogue.spec_for(f.key, _other(doc.kind))
            if other is not None:
                hint = f"; it belongs in a {_other(doc.kind).value} profile"
            fail(f"unknown key for a {doc.kind.value} profile{hint}", "key")
        assert spec is not None
        problem = value_problem(spec, f.value, f.unit)
        if problem:
            fail(problem, "value" if not problem.startswith("unit") else "unit")
        for a_index, alternative in enumerate(f.alternatives):
            problem = value_problem(spec, alternative.value, alternative.unit)
            if problem:
                fail(f"competing value: {problem}", "alternatives", a_index, "value")
        if f.verified_at > latest:
            fail(f"verified_at {f.verified_at.isoformat()} lies in the future", "verified_at")
    _check_consumers(doc, path, node)


def value_problem(spec: FieldSpec, value: Any, unit: str | None) -> str | None:
    """Why value/unit do not fit spec, as a sentence an editor can act on; None when they fit."""
    expected = f"must be {spec.describe()}"
    got = f"got {_show(value)}"
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    kind = spec.type
    if kind == "number-or-text":
        kind = "number" if is_number else "text"
        if kind == "text" and not isinstance(value, str):
            return f"{expected}, {got}"
    if kind in ("number", "integer"):
        if not is_number or (kind == "integer" and not float(value).is_integer()):
            return f"{expected}, {got}"
        if not math.isfinite(value):
            return f"{expected}, not {value}"
        return _bounds(spec, [float(value)]) or _unit(spec, unit, required=True)
    if kind == "range":
        if not isinstance(value, Range):
            return f"{expected}, {got}"
        if not (math.isfinite(value.min) and math.isfinite(value.max)):
            return f"{expected} with finite ends, {got}"
        return _bounds(spec, [value.min, value.max]) or _unit(spec, unit, required=True)
    if kind == "boolean":
        return None if isinstance(value, bool) else f"{expected}, {got}"
    if kind == "text":
        if not isinstance(value, str) or not value.strip():
            return f"{expected}, {got}"
        if spec.allowed is not None and value not in spec.allowed:
            return f"must be one of {', '.join(spec.allowed)}; {got}"
        if spec.pattern and not re.fullmatch(spec.pattern, value):
            return f"{expected} shaped like {spec.pattern!r}, {got}"
        return _unit(spec, unit, required=False)
    if kind == "text-list":
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            return f"must be a non-empty list of texts, {got}"
        if spec.allowed is not None:
            wrong = [v for v in value if v not in spec.allowed]
            if wrong:
                return f"items must be among {', '.join(spec.allowed)}; got {', '.join(map(repr, wrong))}"
        return _unit(spec, unit, required=False)
    raise AssertionError(kind)


def _bounds(spec: FieldSpec, numbers: list[float]) -> str | None:
    for n in numbers:
        if spec.min is not None and n < spec.min:
            return f"{_num(n)} is below the smallest sensible value {_num(spec.min)}"
        if spec.max is not None and n > spec.max:
            return f"{_num(n)} is above the largest sensible value {_num(spec.max)}"
    return None


def _unit(spec: FieldSpec, unit: str | None, *, required: bool) -> str | None:
    if unit is None:
        if required and spec.units:
            return f"unit is missing: write one of {', '.join(spec.units)}"
        return None
    if not spec.units:
        return f"unit {unit!r} is not expected: this key has no unit"
    if unit not in spec.units:
        close = difflib.get_close_matches(unit, spec.units, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unit {unit!r} is not one of {', '.join(spec.units)}{hint}"
    return None


def _check_consumers(doc: ProfileDocument, path: str, node: yaml.Node | None) -> None:
    """Rules a photo profile must meet for the photo engine to use it (refused now, not discovered later)."""
    if doc.kind is not ProfileKind.PHOTO:
        return
    fields = {f.key: f for f in doc.fields}

    def fail(key: str | None, problem: str) -> None:
        index = next((i for i, f in enumerate(doc.fields) if f.key == key), None)
        line = line_of(node, ("fields", index, "value")) if index is not None else line_of(node, ("fields",))
        raise ProfileInvalid(path, line, key, problem)

    for a, b, what in (("print.width_mm", "print.height_mm", "print size"),
                       ("digital.width_px", "digital.height_px", "digital size")):
        if (a in fields) != (b in fields):
            present, missing = (a, b) if a in fields else (b, a)
            fail(present, f"the {what} needs both {a} and {b}; {missing} is missing")
    if "print.width_mm" not in fields and "digital.width_px" not in fields:
        fail(None, "a photo profile needs a print size (print.width_mm, print.height_mm) or a digital size "
                   "(digital.width_px, digital.height_px)")
    if not {"head.height_mm", "head.height_ratio", "face.area_ratio"} & set(fields):
        fail(None, "a photo profile needs a head size: head.height_mm, head.height_ratio or face.area_ratio")
    height = _number(fields.get("print.height_mm"))
    for key in ("head.height_mm", "head.eye_line_mm"):
        band = fields.get(key)
        if height is not None and band is not None and isinstance(band.value, Range) and band.value.max > height:
            fail(key, f"{key} reaches {_num(band.value.max)} mm, more than the photo's height of {_num(height)} mm")
    for size, least in (("digital.width_px", "digital.min_width_px"), ("digital.height_px", "digital.min_height_px")):
        made, needed = _number(fields.get(size)), _number(fields.get(least))
        if made is not None and needed is not None and made < needed:
            fail(size, f"{size} {_num(made)} is smaller than {least} {_num(needed)}: the file would be refused")


def _number(f: ProfileField | None) -> float | None:
    if f is None or isinstance(f.value, bool) or not isinstance(f.value, int | float):
        return None
    return float(f.value)


def _other(kind: ProfileKind) -> ProfileKind:
    return ProfileKind.SERVICE if kind is ProfileKind.PHOTO else ProfileKind.PHOTO


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, Range):
        return f"the range {_num(value.min)}-{_num(value.max)}"
    if isinstance(value, list):
        return "a list"
    return f"the number {value}"


def render_markdown(catalogue: Catalogue | None = None) -> str:
    """docs/fields.md, generated: one table per kind of profile."""
    catalogue = catalogue or load_catalogue()
    lines = [
        "# Field keys",
        "",
        "<!-- Generated from registry/field_catalogue.yaml by `kzdocs fields --markdown`; edit that file. -->",
        "",
        "Every profile field has a namespaced key. The key fixes the meaning and the unit(s); the `unit` of a",
        "field repeats it so that a row read on its own still says what its number means. `kzdocs build`",
        "enforces this catalogue: an unknown key (with a did-you-mean suggestion), a value of the wrong type, a",
        "unit not listed here, a number outside the sensible bounds or a `verified_at` in the future is refused,",
        "naming the file, the line and the key, and nothing is written.",
        "",
        "A profile may omit a key whose value no source gives and that nothing forces us to infer. Consumers",
        "(the photo engine, the verifier) treat a missing key as \"no rule\" and say so in their reports. A photo",
        "profile must still carry what the photo engine cannot do without: a print size or a digital size",
        "(both sides), and a head size (`head.height_mm`, `head.height_ratio` or `face.area_ratio`) that fits",
        "inside the photo.",
        "",
        "`family.<variant>` stands for any key `family.name` (lowercase letters, digits and `_`).",
    ]
    for kind, title in ((ProfileKind.PHOTO, "Photo profiles (`kind: photo`)"),
                        (ProfileKind.SERVICE, "Service profiles (`kind: service`)")):
        lines += ["", f"## {title}", "", "| key | value | unit | bounds or values | meaning |",
                  "|---|---|---|---|---|"]
        for s in catalogue.fields:
            if kind not in s.kinds:
                continue
            units = " or ".join(f"`{u}`" for u in s.units)
            lines.append(f"| `{s.key}` | {s.type} | {units} | {limits_text(s)} | {s.meaning} |")
    units = sorted({u for s in catalogue.fields for u in s.units})
    lines += ["", "Units are written exactly as listed: " + ", ".join(f"`{u}`" for u in units) + ".", ""]
    return "\n".join(lines)


def limits_text(spec: FieldSpec) -> str:
    if spec.allowed:
        return ", ".join(f"`{a}`" for a in spec.allowed)
    if spec.pattern:
        return f"matches `{spec.pattern}`"
    if spec.min is not None or spec.max is not None:
        return f"{_num(spec.min) if spec.min is not None else '…'} to {_num(spec.max) if spec.max is not None else '…'}"
    return ""
