"""The two things the engine does to one image: judge it as given (check), and make the document photo (make).

Both read the portrait once, measure it once, and judge it with the same check functions; make judges
the frame it produced, so its report describes the file it wrote, not the source.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import cv2
import numpy as np
from pydantic import BaseModel, Field

from photo_engine.errors import (
    FaceTooSmall,
    ImageUnreadable,
    NoFaceFound,
    OutputExists,
    OutputWouldOverwriteInput,
    PhotoError,
    SeveralFaces,
)
from photo_engine.judging.checks import CheckContext, CheckResult, is_fixable, run_checks
from photo_engine.lanes import lane
from photo_engine.messages import Phrase, say
from photo_engine.outputs.backdrop import fill_colour, replace_background
from photo_engine.outputs.geometry import Frame, head_in_frame, plan_frame, warp
from photo_engine.outputs.render import (
    draw_preview,
    draw_sheet,
    encode_jpeg,
    encode_sheet,
    mm_to_px,
    write_atomic,
)
from photo_engine.reading.analysis import PortraitAnalysis, analyse_portrait
from photo_engine.reading.source import SourceImage, load_source
from photo_engine.spec import PhotoSpec

# Decode JPEGs reduced (DCT scaling) as long as the short side keeps this many pixels: the analysis never
# looks at more, and the outputs of a document photo need far fewer than a camera file has.
DRAFT_MIN_SIDE = 1280
BackgroundMode = Literal["auto", "keep", "replace"]
# `make --background auto` keeps the source's background only when the engine is at least this sure that it is
# plain and light. Not fitted: the two errors cost differently. A busy background kept is a photo refused at the
# counter; a plain one replaced is repainted in the colour it nearly had. Out of fold on the 227 labelled
# portraits with a background label, keeping at 0.5 would keep 13 of 169 unsuitable backgrounds; at 0.9 it keeps
# 4 and repaints 19 of 58 plain light ones (README, Making photos).
KEEP_BACKGROUND_AT = 0.9


class ImageReport(BaseModel):
    """The verdict on one image against one profile version (the JSON of `photo check`)."""

    image: str
    profile: str
    profile_version: int
    compliant: bool | None = None
    fixable: bool | None = None
    checks: list[CheckResult] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # in English; note_phrases hold the same as message ids
    note_phrases: list[Phrase] = Field(default_factory=list)
    inferred_rules: list[str] = Field(default_factory=list)
    defaulted_rules: list[str] = Field(default_factory=list)
    error: str | None = None  # in English; error_phrase holds it as a message id
    error_phrase: Phrase | None = None

    def add_notes(self, phrases: list[Phrase]) -> None:
        self.note_phrases.extend(phrases)
        self.notes.extend(phrase.text("en") for phrase in phrases)

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return 2
        return 0 if self.compliant else 1


class MakeReport(ImageReport):
    """What `photo make` wrote and how the result measures up (checks are of the output frame)."""

    outputs: dict[str, str] = Field(default_factory=dict)
    background_action: str | None = None
    source_compliant: bool | None = None
    digital: dict[str, object] = Field(default_factory=dict)
    sheet: dict[str, object] = Field(default_factory=dict)
    # What the photo page needs to draw the preview and the sheet again in another language (never in the JSON).
    preview_plan: dict[str, Any] | None = Field(default=None, exclude=True)
    sheet_plan: dict[str, Any] | None = Field(default=None, exclude=True)
    print_tile: Any = Field(default=None, exclude=True)  # the print-size photo before any stamp


def _base(path: str, spec: PhotoSpec, cls: type[ImageReport] = ImageReport) -> ImageReport:
    return cls(image=path, profile=spec.slug, profile_version=spec.version, inferred_rules=spec.inferred_rules(),
               defaulted_rules=spec.defaulted_rules())


def check_image(path: str | Path, spec: PhotoSpec) -> ImageReport:
    """Judge an image as given. Errors of the file itself come back in the report (exit code 2)."""
    report = _base(str(path), spec)
    try:
        source = load_source(path, draft_min_side=DRAFT_MIN_SIDE)
        analysis = analyse_portrait(source)
    except PhotoError as error:
        report.error, report.error_phrase = str(error), error.phrase
        return report
    return judge(analysis, spec, report)


def judge(analysis: PortraitAnalysis, spec: PhotoSpec, report: ImageReport | None = None) -> ImageReport:
    report = report or _base(analysis.source.path, spec)
    results = run_checks(CheckContext(analysis, spec))
    report.checks = results
    report.notes, report.note_phrases = [], []
    report.add_notes(analysis.source.notes)
    report.compliant = not any(r.failed for r in results)
    roll = analysis.geometry.roll_deg if analysis.geometry else None
    report.fixable = analysis.face_found and analysis.models.face_count == 1 and is_fixable(results, roll)
    return report


class MakeRequest(BaseModel):
    image: Path
    output: Path
    sheet: Path | None = None
    paper: Literal["10x15", "a4"] = "10x15"
    preview: Path | None = None
    report: Path | None = None
    background: BackgroundMode = "auto"
    overwrite: bool = False
    lang: Literal["kk", "ru", "en"] = "en"  # words drawn on the preview and the print sheet


def make_photo(request: MakeRequest, spec: PhotoSpec) -> MakeReport:
    """Make the digital photo (and sheet, preview, report file) from a portrait; raise PhotoError if it cannot."""
    _refuse_overwriting_input(request)
    source = load_source(request.image, draft_min_side=DRAFT_MIN_SIDE)
    analysis = analyse_portrait(source, symmetric=False)  # one orientation: make's time budget (see face.py)
    _require_one_face(analysis)
    if source.decode_scale < 1.0 and _needs_more_pixels(analysis, spec):
        source = load_source(request.image)
        analysis = analyse_portrait(source, symmetric=False)
        _require_one_face(analysis)
    report = _base(str(request.image), spec, MakeReport)
    assert isinstance(report, MakeReport)
    # The frame depends on the geometry alone: the source is warped into it on the output thread while the
    # source is judged here (the features wait for Hands, Pose and the hair model); render_frame then
    # replaces the background or fills the padding on the warped pixels as before.
    digital_frame = plan_frame(analysis.geometry, spec, source.width, source.height, spec.width_px.value,
                               spec.height_px.value)
    digital_warp = lane("output").submit(warp, source.rgb, digital_frame)
    source_verdict = judge(analysis, spec)
    source_checks = {c.name: c for c in source_verdict.checks}
    if source_checks["resolution"].failed:
        _refuse_too_few_pixels(str(request.image), source_checks["resolution"])
    why_replace = (background_reason(source_checks["background"], digital_frame)
                   if request.background == "auto" else None)
    replace = request.background == "replace" or why_replace is not None
    report.background_action = "replaced" if replace else "kept"

    digital = render_frame(analysis, digital_frame, spec, replace, digital_warp.result())
    results = run_checks(CheckContext(analysis, spec, digital_frame, background_replaced=replace))
    report.checks = results
    report.compliant = not any(r.failed for r in results)
    report.fixable = report.compliant or is_fixable(results, analysis.geometry.roll_deg)
    report.source_compliant = source_verdict.compliant
    report.add_notes(list(source.notes) + digital_frame.notes)
    if why_replace is not None:
        report.add_notes([why_replace])
    if digital_frame.needs_padding:
        report.add_notes([say("note.padded")])

    files: dict[Path, bytes] = {request.output: b""}  # the photo first: the order the files are written in
    max_kb = spec.max_size_kb.value if spec.max_size_kb else None
    # The digital JPEG is encoded on the output thread (Pillow releases the GIL) while the sheet is drawn here.
    jpeg_job = lane("output").submit(encode_jpeg, digital, spec.dpi.value, max_kb, str(request.output))
    if request.sheet is not None:
        photo_mm = (spec.print_width_mm.value, spec.print_height_mm.value)
        print_w, print_h = mm_to_px(photo_mm[0]), mm_to_px(photo_mm[1])
        if (print_w, print_h) == digital.shape[1::-1]:
            printed = digital
        else:
            print_frame = plan_frame(analysis.geometry, spec, source.width, source.height, print_w, print_h)
            printed = render_frame(analysis, print_frame, spec, replace)
        copies = spec.copies.value if spec.copies else None
        failed = [r.name for r in results if r.failed]
        report.sheet_plan = {"paper": request.paper, "photo_mm": [_whole(v) for v in photo_mm], "copies": copies,
                             "failed": failed, "slug": spec.slug, "title": spec.title, "version": spec.version}
        report.print_tile = printed
        if failed:
            report.add_notes([say("note.sheet_stamped", checks=failed)])
        sheet, layout = draw_sheet(printed, report.sheet_plan, request.lang)
        files[request.sheet] = encode_sheet(sheet, request.sheet)
        report.sheet = {"paper": layout.paper, "copies": layout.placed, "fit": layout.fits,
                        "copies_required": copies, "dpi": 300}
        if copies and copies > layout.fits:
            report.add_notes([say("note.copies_short", copies=copies, fits=layout.fits, paper=layout.paper)])
    jpeg = jpeg_job.result()
    files[request.output] = jpeg.data
    report.digital = {"width_px": spec.width_px.value, "height_px": spec.height_px.value, "dpi": spec.dpi.value,
                      "size_kb": round(jpeg.size_kb, 1), "quality": jpeg.quality, "colour_space": "sRGB",
                      "max_size_kb": max_kb}
    report.preview_plan = preview_plan(analysis, digital_frame, spec)
    if request.preview is not None:
        files[request.preview] = draw_preview(digital, report.preview_plan, results, request.lang)
    report.outputs = {kind: str(path) for kind, path in (("photo", request.output), ("sheet", request.sheet),
                                                           ("preview", request.preview)) if path is not None}
    if request.report is not None:
        report.outputs["report"] = str(request.report)
        text = json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
        files[request.report] = text.encode()
    from registry.writelock import crash_point

    for number, (path, data) in enumerate(files.items(), 1):
        crash_point(f"make-before-output-{number}")  # the kill tests' chosen points (no-op otherwise)
        write_atomic(path, data)
    return report


def background_reason(background: CheckResult, frame: Frame) -> Phrase | None:
    """Why `make --background auto` paints a new background (the note that says so), or None to keep it.

    A frame that reaches past the source is padded: on a kept background the padding meets the photo along a
    visible edge (slanted where the head was levelled) unless the background is perfectly even, so it is
    repainted whole instead.
    """
    if background_in_doubt(background):
        return say("note.background_replaced") if background.failed else say("note.background_replaced_unsure")
    if frame.needs_padding and background.status == "pass":
        return say("note.background_replaced_padding")
    return None


def background_in_doubt(background: CheckResult) -> bool:
    """Whether `make --background auto` paints a new background: the source's fails, or passes unsurely.

    A background the engine could not read ("warn": too little of it shows) is kept, as before.
    """
    if background.failed:
        return True
    measured = background.measured if isinstance(background.measured, dict) else {}
    sure = measured.get("plain_light_probability")
    return background.status == "pass" and sure is not None and sure < KEEP_BACKGROUND_AT


def _refuse_overwriting_input(request: MakeRequest) -> None:
    """Inputs are never written; other existing files only with ``overwrite`` (checked before any work)."""
    source = request.image.resolve()
    for target in (request.output, request.sheet, request.preview, request.report):
        if target is None:
            continue
        if target.resolve() == source:
            raise OutputWouldOverwriteInput(str(target))
        if target.exists() and not request.overwrite:
            raise OutputExists(str(target))


def _refuse_too_few_pixels(path: str, resolution: CheckResult) -> None:
    """The source cannot give the photo its pixels: the resolution check's own words say by how much."""
    said = resolution.phrases[0]
    if said.id == "resolution.too_few":
        raise FaceTooSmall(path, said.params["head_px"], said.params["need_px"])
    raise ImageUnreadable(path, said)


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(float(value), 1)


def _require_one_face(analysis: PortraitAnalysis) -> None:
    if not analysis.face_found:
        raise NoFaceFound(analysis.source.path)
    if analysis.models.face_count > 1:
        raise SeveralFaces(analysis.source.path, analysis.models.face_count)


def _needs_more_pixels(analysis: PortraitAnalysis, spec: PhotoSpec) -> bool:
    need = spec.head_ratio.value.middle / 100 * max(spec.height_px.value, mm_to_px(spec.print_height_mm.value))
    return analysis.geometry.head_height < need


def render_frame(analysis: PortraitAnalysis, frame: Frame, spec: PhotoSpec, replace: bool,
                 warped: np.ndarray | None = None) -> np.ndarray:
    """The source resampled into ``frame``; background replaced, or padding filled with the background tone.

    ``warped`` is ``warp(source.rgb, frame)`` when the caller has it already.
    """
    source = analysis.source
    out = warp(source.rgb, frame) if warped is None else warped
    if replace:  # the person mask is needed only to paint a new background
        return replace_background(out, _person_in_frame(analysis, frame), fill_colour(spec.backgrounds.value))
    if frame.needs_padding:
        inside = warp(np.full(source.rgb.shape[:2], 255, np.uint8), frame, border_value=(0,),
                      interpolation=cv2.INTER_NEAREST) > 127
        tone = np.asarray(_background_tone(analysis), np.float32)
        # Feathered: the photo fades into the padding over a few pixels instead of meeting it at a seam.
        feather = max(3.0, 0.02 * max(frame.width, frame.height))
        distance = cv2.distanceTransform(inside.astype(np.uint8), cv2.DIST_L2, 3)
        alpha = np.clip(distance / feather, 0.0, 1.0)[..., None]
        out = np.clip(out.astype(np.float32) * alpha + tone * (1.0 - alpha) + 0.5, 0, 255).astype(np.uint8)
    return out


def _person_in_frame(analysis: PortraitAnalysis, frame: Frame) -> np.ndarray:
    region = analysis.models.region
    if region is None:
        return np.ones((frame.height, frame.width), np.float32)
    to_full = np.array([[1 / region.scale, 0, region.box.x0], [0, 1 / region.scale, region.box.y0], [0, 0, 1]])
    matrix = (np.vstack([frame.matrix, [0, 0, 1]]) @ to_full)[:2]
    return cv2.warpAffine(region.person, matrix, (frame.width, frame.height), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=0)


def _background_tone(analysis: PortraitAnalysis) -> tuple[int, int, int]:
    region = analysis.models.region
    if region is None:
        return (255, 255, 255)
    away = region.person < 0.2
    if away.sum() < 50:
        return (255, 255, 255)
    median = np.median(region.rgb[away], axis=0)
    return tuple(int(v) for v in median)


def preview_plan(analysis: PortraitAnalysis, frame: Frame, spec: PhotoSpec) -> dict[str, Any]:
    """Where the preview draws its lines and bands, in output pixels: all it needs besides the photo and checks.

    Plain numbers, so the photo page can draw the preview again in another language without the analysis.
    """
    head = head_in_frame(analysis.geometry, frame)
    band = spec.head_ratio.value
    # The band shows where the crown may lie for the measured chin: head sizes from min to max.
    crown_band = [float(head.chin_y - share / 100 * frame.height) for share in (band.max, band.min)]
    eye_band = None
    if spec.eye_line_ratio is not None:
        e = spec.eye_line_ratio.value
        eye_band = [float(frame.height * (1 - e.max / 100)), float(frame.height * (1 - e.min / 100))]
    return {"crown_y": float(head.crown_y), "eye_y": float(head.eye_y), "chin_y": float(head.chin_y),
            "crown_band": crown_band, "eye_band": eye_band, "slug": spec.slug, "version": spec.version}


def preview_png(analysis: PortraitAnalysis, frame: Frame, photo: np.ndarray, spec: PhotoSpec,
                results: list[CheckResult], lang: str = "en") -> bytes:
    return draw_preview(photo, preview_plan(analysis, frame, spec), results, lang)


def load_for_check(path: str | Path) -> SourceImage:
    return load_source(path, draft_min_side=DRAFT_MIN_SIDE)
