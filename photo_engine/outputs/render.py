"""The outputs: the digital JPEG, print sheets with cut marks, the annotated preview; written atomically.

Every file is written to a temporary name beside its target and renamed into place only when complete,
so an error never leaves a partial output behind, and an input is never opened for writing.
"""

from __future__ import annotations

import importlib.util
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageCms, ImageDraw, ImageFont

from photo_engine.errors import FileSizeUnreachable, FontMissing, OutputNotWritable
from photo_engine.messages import check_message, check_title, document_name, msgid, render
from registry import files

PRINT_DPI = 300
PAPERS_MM = {"10x15": (100.0, 150.0), "a4": (210.0, 297.0)}
GAP_MM = 2.0
MARGIN_MM = 4.0
CAPTION_MM = 4.0
MARK_MM = 2.5
QUALITY_START, QUALITY_FLOOR, QUALITY_STEP = 95, 50, 5


# 2024-01-01 00:00:00 as the ICC header's six big-endian 16-bit numbers (year, month, day, hour, minute, second).
ICC_DATE = b"".join(n.to_bytes(2, "big") for n in (2024, 1, 1, 0, 0, 0))


@lru_cache(maxsize=1)
def srgb_icc() -> bytes:
    """The sRGB profile embedded in every output, with a fixed creation date in its header.

    LittleCMS stamps the moment a profile is built into bytes 24-35 of the header, so the same portrait made
    twice would give files that differ in that stamp; a fixed date makes outputs byte-for-byte reproducible.
    """
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    profile[24:36] = ICC_DATE
    return bytes(profile)


@dataclass
class EncodedJpeg:
    data: bytes
    quality: int

    @property
    def size_kb(self) -> float:
        return len(self.data) / 1024


def encode_jpeg(rgb: np.ndarray, dpi: int, max_kb: float | None = None, name: str = "output") -> EncodedJpeg:
    """sRGB JPEG with DPI and ICC profile; quality steps down until the file fits ``max_kb``."""
    image = Image.fromarray(rgb, "RGB")
    quality = QUALITY_START
    while True:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, dpi=(dpi, dpi), icc_profile=srgb_icc(), optimize=True,
                   subsampling=0 if quality >= 90 else 2)
        data = buffer.getvalue()
        if max_kb is None or len(data) <= max_kb * 1024:
            return EncodedJpeg(data, quality)
        if quality - QUALITY_STEP < QUALITY_FLOOR:
            raise FileSizeUnreachable(name, max_kb, len(data) / 1024)
        quality -= QUALITY_STEP


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the target folder, then rename: no partial file on any error."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputNotWritable(str(path), f"folder {folder} does not exist")
    try:
        files.write_atomic(path, data)
    except OSError as error:
        raise OutputNotWritable(str(path), error.strerror or str(error)) from None


@lru_cache(maxsize=8)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans at ``size`` px: it draws Latin, Cyrillic and the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і).

    The font file ships inside matplotlib's wheel (mpl-data/fonts/ttf, DejaVu licence beside it), which
    mediapipe already depends on; found without importing matplotlib. A system DejaVu is the fallback.
    """
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for candidate in _font_paths(name):
        if candidate.is_file():
            return ImageFont.truetype(str(candidate), size)
    raise FontMissing(name)


def _font_paths(name: str) -> list[Path]:
    paths = []
    spec = importlib.util.find_spec("matplotlib")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        paths.append(Path(folder) / "mpl-data" / "fonts" / "ttf" / name)
    paths += [Path("/usr/share/fonts/truetype/dejavu") / name, Path("/usr/share/fonts/dejavu") / name]
    return paths


def wrap_to_width(text: str, face: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` pixels in ``face`` (a long word stays whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and face.getlength(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def fit_font(text: str, width: float, size: int, bold: bool = False, smallest: int = 8) -> ImageFont.FreeTypeFont:
    """The largest font up to ``size`` in which ``text`` fits ``width`` pixels on one line."""
    while size > smallest and font(size, bold).getlength(text) > width:
        size -= 1
    return font(size, bold)


def mm_to_px(mm: float, dpi: int = PRINT_DPI) -> int:
    return int(round(mm / 25.4 * dpi))


@dataclass
class SheetLayout:
    paper: str
    columns: int
    rows: int
    placed: int
    fits: int


def stamp_not_compliant(photo: np.ndarray, stamp: str, detail: str) -> np.ndarray:
    """Cross a photo that fails its profile so a print of it cannot be mistaken for a usable one.

    A red frame and a band across the face with ``stamp`` ("NOT COMPLIANT" in the chosen language) and
    ``detail`` (the failed checks): the sheet still shows what the crop would look like, but nobody should
    cut it out and hand it in. Both texts shrink to fit the band's width.
    """
    image = Image.fromarray(photo.copy())
    draw = ImageDraw.Draw(image)
    w, h = image.size
    thick = max(4, w // 40)
    draw.rectangle([0, 0, w - 1, h - 1], outline=(210, 0, 0), width=thick)
    draw.line([(0, 0), (w, h)], fill=(210, 0, 0), width=thick)
    draw.line([(0, h), (w, 0)], fill=(210, 0, 0), width=thick)
    band_h = h // 5
    top = (h - band_h) // 2
    draw.rectangle([0, top, w, top + band_h], fill=(210, 0, 0))
    room = w - 2 * thick
    big = fit_font(stamp, room, max(12, band_h // 3), bold=True)
    small = font(max(10, band_h // 7))
    draw.text((w // 2, top + band_h // 3), stamp, fill="white", font=big, anchor="mm")
    lines = wrap_to_width(detail, small, room)[:2]
    step = small.size + 2
    for i, line in enumerate(lines):
        draw.text((w // 2, top + 2 * band_h // 3 + i * step - (len(lines) - 1) * step // 2), line, fill="white",
                  font=small, anchor="mm")
    return np.asarray(image)


def compose_sheet(photo: np.ndarray, paper: str, photo_mm: tuple[float, float], copies: int | None,
                  caption: str) -> tuple[Image.Image, SheetLayout]:
    """Photos in a grid on 10 x 15 cm or A4 at 300 dpi, cut marks at every corner, caption in the margin.

    The grid takes as many photos as fit with 2 mm gaps inside 4 mm margins; the caption (document,
    profile and version) goes into whichever margin the grid leaves widest, turned upright along a side
    margin when that is the wider one.
    """
    paper_w, paper_h = (mm_to_px(v) for v in PAPERS_MM[paper])
    pw, ph = mm_to_px(photo_mm[0]), mm_to_px(photo_mm[1])
    if photo.shape[1] != pw or photo.shape[0] != ph:
        photo = np.asarray(Image.fromarray(photo).resize((pw, ph), Image.Resampling.LANCZOS))
    gap, margin, caption_room = mm_to_px(GAP_MM), mm_to_px(MARGIN_MM), mm_to_px(CAPTION_MM)
    columns = max(0, (paper_w - 2 * margin + gap) // (pw + gap))
    rows = max(0, (paper_h - 2 * margin + gap) // (ph + gap))
    free_w = paper_w - (columns * pw + (columns - 1) * gap)
    free_h = paper_h - (rows * ph + (rows - 1) * gap)
    if max(free_w, free_h) / 2 < caption_room + margin // 2 and rows > 1:
        rows -= 1
        free_h += ph + gap
    fits = columns * rows
    wanted = fits if copies is None else min(copies, fits)
    sheet = Image.new("RGB", (paper_w, paper_h), "white")
    draw = ImageDraw.Draw(sheet)
    used_rows = -(-wanted // columns) if columns else 0
    used_cols = min(columns, wanted)
    block_w = used_cols * pw + max(0, used_cols - 1) * gap
    block_h = used_rows * ph + max(0, used_rows - 1) * gap
    side_caption = free_w >= free_h
    x0 = (paper_w - block_w) // 2
    y0 = (paper_h - block_h) // 2 if side_caption else max(margin, (paper_h - block_h - caption_room) // 2)
    tile = Image.fromarray(photo)
    mark = mm_to_px(MARK_MM)
    for index in range(wanted):
        r, c = divmod(index, columns)
        x, y = x0 + c * (pw + gap), y0 + r * (ph + gap)
        sheet.paste(tile, (x, y))
        _cut_marks(draw, x, y, pw, ph, mark, gap)
    room = (paper_h if side_caption else paper_w) - 2 * margin
    face = fit_font(caption, room, max(12, mm_to_px(2.0)))
    text = caption
    if side_caption:
        strip = Image.new("RGB", (paper_h - 2 * margin, caption_room), "white")
        ImageDraw.Draw(strip).text((0, caption_room // 2), text, fill=(60, 60, 60), font=face, anchor="lm")
        strip = strip.rotate(90, expand=True)
        sheet.paste(strip, (max(0, (x0 - caption_room) // 2), margin))
    else:
        draw.text((margin, min(paper_h - margin, y0 + block_h + caption_room // 2 + gap)), text, fill=(60, 60, 60),
                  font=face, anchor="lm")
    return sheet, SheetLayout(paper, columns, rows, wanted, fits)


def draw_sheet(printed: np.ndarray, plan: dict[str, Any], lang: str) -> tuple[Image.Image, SheetLayout]:
    """The print sheet in ``lang``: the photo (stamped NOT COMPLIANT when checks failed) with its caption.

    ``plan``: paper, photo_mm, copies, failed (check names), slug, title, version (pipeline.make_photo).
    """
    failed = plan["failed"]
    width, height = plan["photo_mm"]
    caption = render("sheet.caption", lang, document=document_name(plan["slug"], plan["title"], lang),
                     slug=plan["slug"], version=plan["version"], width=width, height=height)
    if failed:
        printed = stamp_not_compliant(printed, render("sheet.stamp", lang),
                                      render("sheet.stamp_fails", lang, checks=failed))
        caption = render("sheet.caption_not_compliant", lang, checks=failed) + " | " + caption
    return compose_sheet(printed, plan["paper"], (float(width), float(height)), plan["copies"], caption)


def _cut_marks(draw: ImageDraw.ImageDraw, x: int, y: int, w: int, h: int, length: int, gap: int) -> None:
    """Short lines just outside each corner, on the cut lines, kept clear of the photo itself."""
    colour, off = (0, 0, 0), max(2, gap // 4)
    for cx, sx in ((x, -1), (x + w - 1, 1)):
        for cy, sy in ((y, -1), (y + h - 1, 1)):
            draw.line([(cx + sx * off, cy), (cx + sx * (off + length), cy)], fill=colour, width=2)
            draw.line([(cx, cy + sy * off), (cx, cy + sy * (off + length))], fill=colour, width=2)


def encode_sheet(sheet: Image.Image, path: Path) -> bytes:
    buffer = io.BytesIO()
    if path.suffix.lower() == ".png":
        sheet.save(buffer, "PNG", dpi=(PRINT_DPI, PRINT_DPI), icc_profile=srgb_icc())
    elif path.suffix.lower() == ".pdf":
        sheet.save(buffer, "PDF", resolution=PRINT_DPI)
    else:
        sheet.save(buffer, "JPEG", quality=92, dpi=(PRINT_DPI, PRINT_DPI), icc_profile=srgb_icc())
    return buffer.getvalue()


STATUS_COLOURS = {"pass": (30, 140, 60), "warn": (200, 130, 0), "fail": (200, 30, 30)}
PREVIEW_STATUS = {"pass": msgid("preview.status_pass"), "warn": msgid("preview.status_warn"),
                  "fail": msgid("preview.status_fail")}


def draw_preview(photo: np.ndarray, plan: dict[str, Any], checks: list[Any], lang: str) -> bytes:
    """The annotated preview in ``lang`` from the photo, its plan (pipeline.preview_plan) and the check results.

    ``checks`` are CheckResults or their JSON (the photo page keeps only the JSON report).
    """
    def field(check: Any, name: str) -> Any:
        return check[name] if isinstance(check, dict) else getattr(check, name)

    cut = any(field(c, "name") == "head_in_frame" and field(c, "status") == "fail" for c in checks)
    # A crown or chin outside the source is a guess, never a measurement: the preview says so on the line.
    crown = render("preview.crown_guessed", lang) if cut else render("preview.crown", lang)
    lines = {"crown": (crown, plan["crown_y"]), "eyes": (render("preview.eyes", lang), plan["eye_y"]),
             "chin": (render("preview.chin", lang), plan["chin_y"])}
    rows = [(check_title(field(c, "name"), lang), field(c, "status"), render(PREVIEW_STATUS[field(c, "status")], lang),
             check_message(c, lang)) for c in checks]
    failed = any(field(c, "status") == "fail" for c in checks)
    title = render(msgid("preview.not_compliant") if failed else msgid("preview.compliant"), lang,
                   slug=plan["slug"], version=plan["version"])
    band, eye_band = plan.get("crown_band"), plan.get("eye_band")
    return render_preview(photo, lines, tuple(band) if band else None, tuple(eye_band) if eye_band else None,
                          rows, title)


def render_preview(photo: np.ndarray, lines: dict[str, tuple[str, float]], band: tuple[float, float] | None,
                   eye_band: tuple[float, float] | None, checks: list[tuple[str, str, str, str]], title: str) -> bytes:
    """The output photo enlarged, with crown/chin/eye lines and the allowed head band, beside the check list.

    ``lines``: key (crown, eyes, chin) -> (label in the reader's language, y in photo pixels); ``checks``:
    (title, status, status word, message), all already in that language. Each message is wrapped to the
    panel's width, so nothing is cut off in any language.
    """
    scale = max(1.0, 640 / photo.shape[0])
    w, h = int(photo.shape[1] * scale), int(photo.shape[0] * scale)
    pic = Image.fromarray(photo).resize((w, h), Image.Resampling.LANCZOS)
    panel_w, pad = 620, 14
    heading, name_face, text_face = font(17, bold=True), font(15, bold=True), font(14)
    title_lines = wrap_to_width(title, heading, panel_w - 2 * pad)
    text_x = w + pad + 20
    blocks = []
    for name, status, word, message in checks:
        first = f"{name}: {word}"
        rest = wrap_to_width(message, text_face, w + panel_w - 2 * pad - text_x)
        blocks.append((first, status, rest))
    line_h = 18
    panel_h = 12 + 22 * len(title_lines) + 10 + sum(22 + line_h * len(rest) + 6 for _, _, rest in blocks) + 10
    canvas = Image.new("RGB", (w + panel_w, max(h, panel_h)), "white")
    canvas.paste(pic, (0, 0))
    draw = ImageDraw.Draw(canvas, "RGBA")
    if band is not None:
        draw.rectangle([0, band[0] * scale, w, band[1] * scale], fill=(0, 120, 255, 40))
    if eye_band is not None:
        draw.rectangle([0, eye_band[0] * scale, w, eye_band[1] * scale], fill=(255, 200, 0, 45))
    colours = {"crown": (0, 90, 255), "chin": (0, 90, 255), "eyes": (230, 120, 0)}
    for key, (label, y) in lines.items():
        yy = y * scale
        colour = colours.get(key, (255, 0, 0))
        draw.line([(0, yy), (w, yy)], fill=colour, width=2)
        face = fit_font(label, w - 12, 15, bold=True)
        ty = yy + 3 if key == "chin" else yy - face.size - 5
        ty = min(max(ty, 2), h - face.size - 4)
        box = draw.textbbox((4, ty), label, font=face)
        draw.rectangle([box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2], fill=(255, 255, 255, 190))
        draw.text((4, ty), label, fill=colour, font=face)
    y = 12
    for line in title_lines:
        draw.text((w + pad, y), line, fill=(0, 0, 0), font=heading)
        y += 22
    y += 10
    for first, status, rest in blocks:
        colour = STATUS_COLOURS.get(status, (0, 0, 0))
        draw.rectangle([w + pad, y + 3, w + pad + 12, y + 15], fill=colour)
        draw.text((text_x, y), first, fill=colour if status != "pass" else (20, 20, 20), font=name_face)
        y += 22
        for line in rest:
            draw.text((text_x, y), line, fill=(50, 50, 50), font=text_face)
            y += line_h
        y += 6
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    return buffer.getvalue()
