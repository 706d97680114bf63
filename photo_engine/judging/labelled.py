"""Labelled portrait folders (labels.csv + images) and their features, read once and cached by content.

Two label layouts exist (../shared/eval/portraits and ../shared/eval/pool); both are read into one truth
per attribute: True, False, or None when the row has no label for it or marks it `uncertain`.
Features are cached per image under a key made of the image bytes and the engine's own source, so a change
to the engine never reuses stale numbers. Several processes (pytest-xdist workers) share one cache folder:
each claims the images nobody has claimed yet and waits for the others' results.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from photo_engine.errors import ImageUnreadable
from photo_engine.messages import say

ATTRIBUTES = ["headwear", "occluded", "grayscale", "background", "mouth_open", "eyes_closed", "sunglasses",
              "frontal", "glasses", "head_cut"]
CLAIM_STALE_S = 180.0


@dataclass
class LabelledPortrait:
    folder: str
    identifier: str
    path: Path
    truth: dict[str, bool | None]
    religious: bool | None = None
    note: str = ""

    @property
    def key(self) -> str:
        return f"{Path(self.folder).name}/{self.identifier}"


@dataclass
class PortraitRecord:
    """What the engine read from one portrait: features (None without a face) and pose in degrees."""

    portrait: LabelledPortrait
    features: dict[str, float] | None
    error: str | None = None
    extra: dict[str, float] = field(default_factory=dict)


def _uncertain(row: dict[str, str]) -> set[str]:
    return {u.strip() for u in (row.get("uncertain") or "").replace(";", ",").split(",") if u.strip()}


def _flag(row: dict[str, str], column: str, uncertain: set[str]) -> bool | None:
    value = (row.get(column) or "").strip()
    if column in uncertain or value not in ("0", "1"):
        return None
    return value == "1"


def read_labels(folder: Path) -> list[LabelledPortrait]:
    folder = Path(folder)
    labels = folder / "labels.csv"
    if not labels.is_file():
        raise ImageUnreadable(str(labels), say("error.no_labels"))
    images = folder / "img" if (folder / "img").is_dir() else folder
    portraits = []
    with labels.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            unsure = _uncertain(row)
            truth: dict[str, bool | None] = {a: _flag(row, a, unsure) for a in ATTRIBUTES if a in row}
            background = (row.get("background") or "").strip()
            truth["background"] = None if "background" in unsure or not background else background == "plain_light"
            crown, chin = _flag(row, "crown_in_frame", unsure), _flag(row, "chin_in_frame", unsure)
            # The head is cut when either end is cut; it is whole only when both are known to be inside.
            if crown is False or chin is False:
                truth["head_cut"] = True
            elif crown is True and chin is True:
                truth["head_cut"] = False
            else:
                truth["head_cut"] = None
            for attribute in ATTRIBUTES:
                truth.setdefault(attribute, None)
            portraits.append(LabelledPortrait(str(folder), row["id"], _image_for(images, row["id"]), truth,
                                              _flag(row, "religious", unsure), row.get("note") or ""))
    return portraits


def _image_for(folder: Path, identifier: str) -> Path:
    for suffix in (".jpg", ".jpeg", ".png"):
        candidate = folder / f"{identifier}{suffix}"
        if candidate.is_file():
            return candidate
    return folder / f"{identifier}.jpg"


@lru_cache(maxsize=1)
def engine_digest() -> str:
    """Digest of the code and model files that read a portrait: part of every cache key.

    What is cached is the portrait's features: the whole reading stage, the feature code and the models.
    The judging code and the outputs do not change them, so editing a check keeps the cache warm.
    """
    engine = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in reader_files():
        digest.update(path.relative_to(engine).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def reader_files() -> list[Path]:
    """The files whose change changes a portrait's features, sorted."""
    engine = Path(__file__).resolve().parent.parent
    files = [*(engine / "reading").rglob("*.py"), engine / "judging" / "features.py", *engine.glob("models/*.tflite")]
    return sorted(files)


def read_portrait(portrait: LabelledPortrait) -> PortraitRecord:
    from photo_engine.errors import PhotoError
    from photo_engine.judging.features import portrait_features
    from photo_engine.pipeline import DRAFT_MIN_SIDE
    from photo_engine.reading.analysis import analyse_portrait
    from photo_engine.reading.source import load_source

    try:
        analysis = analyse_portrait(load_source(portrait.path, draft_min_side=DRAFT_MIN_SIDE))
    except PhotoError as error:
        return PortraitRecord(portrait, None, str(error))
    return PortraitRecord(portrait, portrait_features(analysis))


def read_all(portraits: list[LabelledPortrait], cache: Path | None = None, progress=None) -> list[PortraitRecord]:
    """Features of every portrait; with ``cache`` shared safely between processes."""
    if cache is None:
        records = []
        for portrait in portraits:
            records.append(read_portrait(portrait))
            if progress:
                progress(1)
        return records
    cache = Path(cache)
    cache.mkdir(parents=True, exist_ok=True)
    keys = {p.key: _cache_key(p) for p in portraits}
    results: dict[str, PortraitRecord] = {}
    waiting: list[LabelledPortrait] = []
    for portrait in portraits:
        entry = cache / f"{keys[portrait.key]}.json"
        record = _load(entry, portrait)
        if record is None and _claim(entry):
            record = read_portrait(portrait)
            _store(entry, record)
        if record is None:
            waiting.append(portrait)
        else:
            results[portrait.key] = record
            if progress:
                progress(1)
    for portrait in waiting:
        entry = cache / f"{keys[portrait.key]}.json"
        record = _wait_for(entry, portrait)
        results[portrait.key] = record
        if progress:
            progress(1)
    return [results[p.key] for p in portraits]


def _cache_key(portrait: LabelledPortrait) -> str:
    data = portrait.path.read_bytes() if portrait.path.is_file() else portrait.key.encode()
    return hashlib.sha256(data + engine_digest().encode()).hexdigest()[:32]


def _load(entry: Path, portrait: LabelledPortrait) -> PortraitRecord | None:
    try:
        data = json.loads(entry.read_text())
    except (OSError, ValueError):
        return None
    return PortraitRecord(portrait, data["features"], data.get("error"))


def _store(entry: Path, record: PortraitRecord) -> None:
    tmp = entry.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"features": record.features, "error": record.error}))
    os.replace(tmp, entry)
    entry.with_suffix(".claim").unlink(missing_ok=True)


def _claim(entry: Path) -> bool:
    claim = entry.with_suffix(".claim")
    try:
        # Another process may remove its claim between any two calls here: a vanished claim is simply free.
        if time.time() - claim.stat().st_mtime > CLAIM_STALE_S:
            claim.unlink(missing_ok=True)
    except FileNotFoundError:
        pass
    try:
        os.close(os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return True
    except FileExistsError:
        return False


def _wait_for(entry: Path, portrait: LabelledPortrait) -> PortraitRecord:
    while True:
        record = _load(entry, portrait)
        if record is not None:
            return record
        if _claim(entry):
            record = read_portrait(portrait)
            _store(entry, record)
            return record
        time.sleep(0.2)
