"""Scoring the engine against labelled portraits: balanced accuracy per attribute.

How verdicts map to labels:
- sunglasses, headwear, occluded: the check of that name fails.
- mouth_open: `mouth_closed` fails. frontal: none of `pose_roll`, `pose_yaw`, `pose_pitch` fails.
- background: the label `plain_light` (white or light grey, untextured) is the positive class; the engine's
  positive is a background read as plain and light (`background` check's measured kind `plain_light`),
  whatever colours the chosen profile allows. `plain_dark`, `plain_color` and `busy` are negatives.
- grayscale: the labelled set has no greyscale portrait, so each portrait is also scored as a greyscale copy
  made here (a known positive); the colour portraits are the negatives.
- fixable vs source_usable: the report's `fixable`.
Each row's `uncertain` attributes are left out. Balanced accuracy is the mean of the true-positive and
true-negative rates; when only one class is present it is that class's rate, and the note says so.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from photo_engine.analysis import analyse_portrait, read_colour
from photo_engine.pipeline import judge
from photo_engine.source import SourceImage, load_source
from photo_engine.spec import PhotoSpec

DEFAULT_PORTRAITS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "portraits"
TARGET = 0.9
ATTRIBUTES = ["sunglasses", "headwear", "mouth_open", "frontal", "occluded", "background", "grayscale", "fixable"]
LABEL_COLUMN = {"fixable": "source_usable"}


class AttributeScore(BaseModel):
    attribute: str
    balanced_accuracy: float
    n: int
    positives: int
    negatives: int
    true_positive_rate: float | None
    true_negative_rate: float | None
    note: str = ""


class Evaluation(BaseModel):
    folder: str
    profile: str
    profile_version: int
    portraits: int
    target: float = TARGET
    rows: list[AttributeScore]
    misses: list[str] = Field(default_factory=list)
    predictions: dict[str, dict[str, bool]] = Field(default_factory=dict)


def predict(report) -> dict[str, bool]:  # noqa: ANN001 - ImageReport
    """Attribute verdicts from a check report."""
    status = {c.name: c.status for c in report.checks}
    measured = {c.name: c.measured for c in report.checks}
    background = measured.get("background")
    return {
        "sunglasses": status.get("sunglasses") == "fail",
        "headwear": status.get("headwear") == "fail",
        "mouth_open": status.get("mouth_closed") == "fail",
        "frontal": not any(status.get(n) == "fail" for n in ("pose_roll", "pose_yaw", "pose_pitch")),
        "occluded": status.get("occlusion") == "fail",
        "background": isinstance(background, dict) and background.get("kind") == "plain_light",
        "grayscale": bool(measured.get("colour", {}).get("greyscale")),
        "fixable": bool(report.fixable),
    }


def _truth(row: dict[str, str], attribute: str) -> bool | None:
    uncertain = {u.strip() for u in (row.get("uncertain") or "").replace(";", ",").split(",") if u.strip()}
    column = LABEL_COLUMN.get(attribute, attribute)
    if attribute in uncertain or column in uncertain:
        return None
    value = (row.get(column) or "").strip()
    if attribute == "background":
        return value == "plain_light" if value else None
    if value not in ("0", "1"):
        return None
    return value == "1"


def score(pairs: list[tuple[bool, bool]], attribute: str) -> AttributeScore:
    """Balanced accuracy of (truth, predicted) pairs."""
    pos = [p for t, p in pairs if t]
    neg = [p for t, p in pairs if not t]
    tpr = sum(pos) / len(pos) if pos else None
    tnr = sum(1 for p in neg if not p) / len(neg) if neg else None
    rates = [r for r in (tpr, tnr) if r is not None]
    note = "" if len(rates) == 2 else "one class only: the rate of that class"
    return AttributeScore(attribute=attribute, balanced_accuracy=float(np.mean(rates)) if rates else 0.0,
                          n=len(pairs), positives=len(pos), negatives=len(neg), true_positive_rate=tpr,
                          true_negative_rate=tnr, note=note)


def evaluate_folder(folder: Path, spec: PhotoSpec) -> Evaluation:
    folder = Path(folder)
    labels_path = folder / "labels.csv"
    if not labels_path.is_file():
        from photo_engine.errors import ImageUnreadable

        raise ImageUnreadable(str(labels_path), "no labels.csv in the evaluation folder")
    with labels_path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pairs: dict[str, list[tuple[bool, bool]]] = {a: [] for a in ATTRIBUTES}
    misses: list[str] = []
    predictions: dict[str, dict[str, bool]] = {}
    for row in rows:
        image = _image_for(folder, row["id"])
        source = load_source(image)
        report = judge(analyse_portrait(source), spec)
        predicted = predict(report)
        predictions[row["id"]] = predicted
        for attribute in ATTRIBUTES:
            truth = _truth(row, attribute)
            if truth is None:
                continue
            pairs[attribute].append((truth, predicted[attribute]))
            if truth != predicted[attribute]:
                misses.append(f"{row['id']} {attribute}: labelled {int(truth)}, "
                              f"engine says {int(predicted[attribute])}")
        grey = _greyscale_copy(source)
        grey_verdict = read_colour(grey.rgb, grey).greyscale
        pairs["grayscale"].append((True, grey_verdict))
        if not grey_verdict:
            misses.append(f"{row['id']} grayscale: greyscale copy not recognised")
    result_rows = [score(pairs[a], a) for a in ATTRIBUTES]
    for r in result_rows:
        if r.attribute == "grayscale":
            r.note = "positives are greyscale copies of the portraits"
        if r.attribute == "background":
            r.note = "plain_light vs plain_dark/plain_color/busy"
        if r.attribute == "fixable":
            r.note = "against source_usable"
    return Evaluation(folder=str(folder), profile=spec.slug, profile_version=spec.version, portraits=len(rows),
                      rows=result_rows, misses=misses, predictions=predictions)


def _image_for(folder: Path, identifier: str) -> Path:
    for suffix in (".jpg", ".jpeg", ".png"):
        candidate = folder / f"{identifier}{suffix}"
        if candidate.is_file():
            return candidate
    return folder / f"{identifier}.jpg"


def _greyscale_copy(source: SourceImage) -> SourceImage:
    grey = (source.rgb.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)).round().astype(np.uint8)
    rgb = np.repeat(grey[..., None], 3, axis=2)
    return SourceImage(source.path + " (greyscale copy)", rgb, "RGB", source.original_format)
