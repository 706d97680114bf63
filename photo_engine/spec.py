"""PhotoSpec: a document's photo rules in typed form, built from a registry ProfileVersion.

Geometry and checks read rules only from here, never from raw profile fields. Every rule remembers the
profile key it came from and that field's status; where a profile has no such field, the spec fills in a
stated default, marks the rule ``inferred`` and records that the value is ours, so each check can say
"no rule in the profile; default used" instead of pretending the document demands it.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from photo_engine.errors import ProfileIncomplete, ProfileNotPhoto

T = TypeVar("T")
RuleStatus = Literal["official", "official-general", "inferred"]

# Defaults used only where a profile says nothing; each is named in the report when it is used.
DEFAULT_PRINT_MM = (35.0, 45.0)
DEFAULT_DPI = 300
DEFAULT_HEAD_RATIO = (70.0, 80.0)  # ICAO chin-to-crown share of photo height
DEFAULT_POSE = {"yaw": 5.0, "pitch": 5.0, "roll": 8.0}  # ISO/IEC 19794-5 as commonly quoted
DEFAULT_BACKGROUNDS = ["white", "light-grey"]


class Rule(BaseModel, Generic[T]):
    """One rule: its value, the profile key and status it comes from, or the default we used instead."""

    model_config = ConfigDict(frozen=True)
    key: str
    value: T
    status: RuleStatus
    defaulted: bool = False
    note: str | None = None

    def source_text(self) -> str:
        if self.defaulted:
            return f"no '{self.key}' in the profile; default {self.note or self.value} used (inferred)"
        return f"'{self.key}' ({self.status})"


class Band(BaseModel):
    model_config = ConfigDict(frozen=True)
    min: float
    max: float

    @property
    def middle(self) -> float:
        return (self.min + self.max) / 2

    def __str__(self) -> str:
        return f"{self.min:g}-{self.max:g}"


class PhotoSpec(BaseModel):
    """Everything the engine needs from one photo profile version."""

    model_config = ConfigDict(frozen=True)
    slug: str
    version: int
    title: str
    print_width_mm: Rule[float]
    print_height_mm: Rule[float]
    copies: Rule[int] | None
    dpi: Rule[int]
    width_px: Rule[int]
    height_px: Rule[int]
    min_width_px: Rule[int] | None
    min_height_px: Rule[int] | None
    max_size_kb: Rule[float] | None
    head_ratio: Rule[Band]  # chin-to-crown over photo height, in %
    eye_line_ratio: Rule[Band] | None  # eye line height above the bottom edge over photo height, in %
    backgrounds: Rule[list[str]]
    background_plain: Rule[bool]
    yaw_max: Rule[float]
    pitch_max: Rule[float]
    roll_max: Rule[float]
    mouth_closed: Rule[bool]
    eyes_open: Rule[bool]
    glasses_allowed: Rule[bool]
    tinted_allowed: Rule[bool]
    headwear_allowed: Rule[bool]
    religious_allowed: Rule[bool]
    colour_mode: Rule[str]

    @property
    def aspect(self) -> float:
        return self.width_px.value / self.height_px.value

    def inferred_rules(self) -> list[str]:
        """Keys whose rule is inferred or a default of ours (the report flags them)."""
        rules = [v for v in self.__dict__.values() if isinstance(v, Rule)]
        return sorted({r.key for r in rules if r.status == "inferred"})

    def defaulted_rules(self) -> list[str]:
        rules = [v for v in self.__dict__.values() if isinstance(v, Rule)]
        return sorted({r.key for r in rules if r.defaulted})


def spec_from_profile(profile) -> PhotoSpec:  # noqa: ANN001 - registry.models.ProfileVersion
    """Build the spec from a ``ProfileVersion`` (or ``ProfileDocument``: anything with slug, fields, field())."""
    kind = getattr(getattr(profile, "kind", None), "value", getattr(profile, "kind", "photo"))
    if kind != "photo":
        raise ProfileNotPhoto(profile.slug, str(kind))
    version = int(getattr(profile, "version", 0) or 0)
    reader = _Reader(profile)

    width_mm = reader.number("print.width_mm", DEFAULT_PRINT_MM[0], "35 mm")
    height_mm = reader.number("print.height_mm", DEFAULT_PRINT_MM[1], "45 mm")
    dpi = reader.integer("digital.dpi", DEFAULT_DPI, "300 dpi")
    width_px = reader.integer("digital.width_px", round(width_mm.value / 25.4 * dpi.value),
                              "print width at the profile dpi")
    height_px = reader.integer("digital.height_px", round(height_mm.value / 25.4 * dpi.value),
                               "print height at the profile dpi")
    min_w, min_h = reader.optional_integer("digital.min_width_px"), reader.optional_integer("digital.min_height_px")
    if min_w is not None and width_px.value < min_w.value or min_h is not None and height_px.value < min_h.value:
        # The file we produce must meet the receiving system's minimum; scale up keeping the aspect.
        factor = max((min_w.value / width_px.value) if min_w else 1.0,
                     (min_h.value / height_px.value) if min_h else 1.0)
        width_px = Rule[int](key=width_px.key, value=round(width_px.value * factor), status="inferred",
                             defaulted=width_px.defaulted, note="raised to the minimum the receiving system accepts")
        height_px = Rule[int](key=height_px.key, value=round(height_px.value * factor), status="inferred",
                              defaulted=height_px.defaulted, note="raised to the minimum the receiving system accepts")
    if width_px.value < 50 or height_px.value < 50:
        raise ProfileIncomplete(profile.slug, version,
                                f"digital size {width_px.value} x {height_px.value} px is too small")
    head = _head_rule(reader, height_mm)
    eye_line = None
    eye_field = reader.field("head.eye_line_mm")
    if eye_field is not None:
        band = _band(eye_field.value, profile.slug, version, "head.eye_line_mm")
        eye_line = Rule[Band](key="head.eye_line_mm", status=_status(eye_field),
                              value=Band(min=band.min / height_mm.value * 100, max=band.max / height_mm.value * 100),
                              note=f"{band} mm from the bottom of a {height_mm.value:g} mm photo")
    colours = reader.field("background.colours")
    if colours is not None:
        values = colours.value if isinstance(colours.value, list) else [str(colours.value)]
        backgrounds = Rule[list[str]](key="background.colours", value=[v.lower() for v in values],
                                      status=_status(colours))
    else:
        backgrounds = Rule[list[str]](key="background.colours", value=DEFAULT_BACKGROUNDS, status="inferred",
                                      defaulted=True, note="white or light grey")
    return PhotoSpec(
        slug=profile.slug, version=version, title=profile.title,
        print_width_mm=width_mm, print_height_mm=height_mm,
        copies=reader.optional_integer("print.copies"),
        dpi=dpi, width_px=width_px, height_px=height_px, min_width_px=min_w, min_height_px=min_h,
        max_size_kb=reader.optional_number("file.max_size_kb"),
        head_ratio=head, eye_line_ratio=eye_line, backgrounds=backgrounds,
        background_plain=reader.boolean("background.plain", True),
        yaw_max=reader.number("pose.yaw_max_deg", DEFAULT_POSE["yaw"], "5 degrees (ISO/IEC 19794-5)"),
        pitch_max=reader.number("pose.pitch_max_deg", DEFAULT_POSE["pitch"], "5 degrees (ISO/IEC 19794-5)"),
        roll_max=reader.number("pose.roll_max_deg", DEFAULT_POSE["roll"], "8 degrees (ISO/IEC 19794-5)"),
        mouth_closed=_mouth_rule(reader),
        eyes_open=reader.boolean("eyes.open", True),
        glasses_allowed=reader.boolean("glasses.allowed", True),
        tinted_allowed=reader.boolean("glasses.tinted_allowed", False),
        headwear_allowed=reader.boolean("headwear.allowed", False),
        religious_allowed=reader.boolean("headwear.religious_allowed", True),
        colour_mode=reader.text("colour.mode", "colour"),
    )


class _Reader:
    def __init__(self, profile) -> None:  # noqa: ANN001
        self.profile = profile

    def field(self, key: str):  # noqa: ANN202
        return self.profile.field(key)

    def _rule(self, key: str, default, note: str | None, cast):  # noqa: ANN001, ANN202
        found = self.field(key)
        if found is None or isinstance(found.value, (list, dict)) or hasattr(found.value, "min"):
            return Rule(key=key, value=cast(default), status="inferred", defaulted=True, note=note)
        try:
            value = cast(found.value)
        except (TypeError, ValueError):
            raise ProfileIncomplete(self.profile.slug, int(getattr(self.profile, "version", 0) or 0),
                                    f"field '{key}' has value {found.value!r}, which is not usable here") from None
        return Rule(key=key, value=value, status=_status(found))

    def number(self, key: str, default: float, note: str | None = None) -> Rule[float]:
        return self._rule(key, default, note, float)

    def integer(self, key: str, default: int, note: str | None = None) -> Rule[int]:
        return self._rule(key, default, note, lambda v: int(round(float(v))))

    def boolean(self, key: str, default: bool) -> Rule[bool]:
        return self._rule(key, default, "yes" if default else "no", _to_bool)

    def text(self, key: str, default: str) -> Rule[str]:
        return self._rule(key, default, default, lambda v: str(v).lower())

    def optional_integer(self, key: str) -> Rule[int] | None:
        return self.integer(key, 0) if self.field(key) is not None else None

    def optional_number(self, key: str) -> Rule[float] | None:
        return self.number(key, 0.0) if self.field(key) is not None else None


def _to_bool(value) -> bool:  # noqa: ANN001
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("yes", "true", "1", "required"):
        return True
    if str(value).lower() in ("no", "false", "0", "not allowed"):
        return False
    raise ValueError(value)


def _status(found) -> RuleStatus:  # noqa: ANN001
    return getattr(found.status, "value", found.status)


def _band(value, slug: str, version: int, key: str) -> Band:  # noqa: ANN001
    if hasattr(value, "min") and hasattr(value, "max"):
        return Band(min=float(value.min), max=float(value.max))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Band(min=float(value), max=float(value))
    raise ProfileIncomplete(slug, version, f"field '{key}' must be a range {{min, max}}, not {value!r}")


def _head_rule(reader: _Reader, height_mm: Rule[float]) -> Rule[Band]:
    """Chin-to-crown as a share of photo height, from whichever of the three head keys the profile has."""
    slug, version = reader.profile.slug, int(getattr(reader.profile, "version", 0) or 0)
    found = reader.field("head.height_mm")
    if found is not None:
        band = _band(found.value, slug, version, "head.height_mm")
        return Rule[Band](key="head.height_mm", status=_status(found),
                          value=Band(min=band.min / height_mm.value * 100, max=band.max / height_mm.value * 100),
                          note=f"{band} mm of a {height_mm.value:g} mm photo")
    found = reader.field("head.height_ratio")
    if found is not None:
        return Rule[Band](key="head.height_ratio", status=_status(found),
                          value=_percent(_band(found.value, slug, version, "head.height_ratio")))
    found = reader.field("face.area_ratio")
    if found is not None:
        # The eGov wording "the face takes 70-85 % of the photo" is read as chin-to-crown over photo height,
        # the only reading a head that fits in the frame can satisfy; the report says so.
        return Rule[Band](key="face.area_ratio", status=_status(found),
                          value=_percent(_band(found.value, slug, version, "face.area_ratio")),
                          note="read as chin-to-crown share of the photo height")
    low, high = DEFAULT_HEAD_RATIO
    return Rule[Band](key="head.height_ratio", value=Band(min=low, max=high), status="inferred", defaulted=True,
                      note="70-80 % of the photo height (ICAO)")


def _percent(band: Band) -> Band:
    if band.max <= 1.0:
        return Band(min=band.min * 100, max=band.max * 100)
    return band


def _mouth_rule(reader: _Reader) -> Rule[bool]:
    if reader.field("expression.mouth_closed") is not None:
        return reader.boolean("expression.mouth_closed", True)
    neutral = reader.field("expression.neutral")
    if neutral is not None:
        rule = reader.boolean("expression.neutral", True)
        return Rule[bool](key="expression.neutral", value=rule.value, status=rule.status,
                          note="a neutral expression implies a closed mouth")
    return reader.boolean("expression.mouth_closed", True)
