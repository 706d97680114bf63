"""Changed copies of labelled portraits that keep their truth, for teaching the verdicts invariance.

Why: a verdict that flips when the same person is mirrored, re-saved, a little brighter or smaller is a
verdict on the camera, not on the photo. Each training portrait is read again in a few changed copies (same
labels) and the copies join the rows the models are fitted on, so a cue that moves under these changes
cannot carry a verdict on its own. The copies are fitted on, never scored: out-of-fold figures are measured
on the untouched originals only.

The changes and their sizes differ on purpose from the invariance test's (mirror, JPEG 60, brightness
+-15 %, scale 0.6, a head-keeping crop of about 6 %): the models must learn the invariance, not the test.
Copies are written once into a folder outside the repository, named by content, and read through the same
content-keyed feature cache as the originals.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageEnhance, ImageOps

from photo_engine.judging.labelled import LabelledPortrait, PortraitRecord, read_all

COPY_FOLDER = Path(tempfile.gettempdir()) / "kzdocs-photo-augmented"


@dataclass(frozen=True)
class Change:
    """One changed copy: mirrored or not, brightness factor, scale factor, JPEG quality, crop share per side."""

    name: str
    mirror: bool
    brightness: float
    scale: float
    quality: int
    crop: float = 0.0


CHANGES = (
    Change("mirror-dim8-q75", mirror=True, brightness=0.92, scale=1.0, quality=75),
    Change("half-bright8-q45", mirror=False, brightness=1.08, scale=0.5, quality=45),
    Change("crop3-dim22-s75", mirror=False, brightness=0.78, scale=0.75, quality=90, crop=0.03),
    Change("mirror-bright22-q85", mirror=True, brightness=1.22, scale=1.0, quality=85),
)


def changed_image(image: Image.Image, change: Change, features: dict[str, float]) -> Image.Image:
    """The copy; the crop is taken only where the head keeps room on every side (truth unchanged)."""
    out = image.convert("RGB")
    roomy = min(features.get("crown_margin", 0.0), features.get("chin_margin", 0.0),
                features.get("side_margin", 0.0)) >= 0.2
    if change.crop and roomy:
        w, h = out.size
        out = out.crop((int(change.crop * w), int(change.crop * h), int((1 - change.crop) * w),
                        int((1 - change.crop) * h)))
    if change.mirror:
        out = ImageOps.mirror(out)
    if change.brightness != 1.0:
        out = ImageEnhance.Brightness(out).enhance(change.brightness)
    if change.scale != 1.0:
        out = out.resize((max(1, round(out.width * change.scale)), max(1, round(out.height * change.scale))),
                         Image.Resampling.LANCZOS)
    return out


def copy_portrait(record: PortraitRecord, change: Change, folder: Path = COPY_FOLDER) -> LabelledPortrait:
    """Write the changed copy (once: named by the source's content and the change) and describe it."""
    portrait = record.portrait
    source = portrait.path.read_bytes()
    name = hashlib.sha256(source + change.name.encode()).hexdigest()[:24]
    path = folder / f"{name}.jpg"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        changed_image(Image.open(io.BytesIO(source)), change, record.features or {}).save(
            buffer, "JPEG", quality=change.quality)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(buffer.getvalue())
        tmp.replace(path)
    return replace(portrait, identifier=f"{portrait.identifier}~{change.name}", path=path)


def augmented_records(records: list[PortraitRecord], cache: Path | None,
                      changes: tuple[Change, ...] = CHANGES, progress=None) -> list[list[PortraitRecord]]:
    """For each record (with a face), the records of its changed copies; [] for a record without a face."""
    jobs: list[tuple[int, LabelledPortrait]] = []
    for i, record in enumerate(records):
        if record.features is None:
            continue
        jobs.extend((i, copy_portrait(record, change)) for change in changes)
    read = read_all([p for _, p in jobs], cache, progress)
    out: list[list[PortraitRecord]] = [[] for _ in records]
    for (i, _), copy in zip(jobs, read, strict=True):
        if copy.features is not None:
            out[i].append(copy)
    return out
