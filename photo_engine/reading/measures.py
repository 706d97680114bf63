"""Geometric measures of the main face: eyes, chin, crown, pose, eye and mouth opening.

Pure numpy on the model output of :mod:`photo_engine.reading.face`. The chin comes from the mesh, the crown from
the top of the person mask above the face, cross-checked by scanning a plain background for the first
pixel that is not background: the two disagree on soft hair edges, and the scan wins when it is sure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from photo_engine.reading.face import FaceModelOutput, HeadRegion

RIGHT_IRIS = list(range(468, 473))  # the person's right eye, on the image's left for a frontal face
LEFT_IRIS = list(range(473, 478))
INNER_LIPS = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95]
OUTER_LIPS = [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17, 84, 181, 91, 146]
RIGHT_EYE = [33, 246, 161, 160, 159, 158, 157, 173, 133, 155, 154, 153, 145, 144, 163, 7]
LEFT_EYE = [263, 466, 388, 387, 386, 385, 384, 398, 362, 382, 381, 380, 374, 373, 390, 249]
FACE_OVAL = [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152,
             148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109]
# Symmetric pairs (image-left, image-right for a frontal face) whose 3D vectors give the face's left-right axis.
SYMMETRIC_PAIRS = [(33, 263), (133, 362), (61, 291), (234, 454), (127, 356), (93, 323), (58, 288)]
# A typical adult head is about this many times as tall (chin to crown) as chin to mesh point 10.
CROWN_FROM_FACE = 1.28


@dataclass
class FaceGeometry:
    """Where the features are (full-resolution px) and how the head is turned (degrees)."""

    eye_left: tuple[float, float]  # on the image's left
    eye_right: tuple[float, float]
    chin: tuple[float, float]
    forehead: tuple[float, float]  # mesh point 10, the top of the mesh on the forehead
    crown_y: float
    crown_source: str  # "mask", "mask+background-scan", "background-scan", "estimate (top cut off)"
    crown_cut_off: bool
    crown_mask_y: float | None
    crown_scan_y: float | None
    face_height: float  # chin to mesh point 10
    face_width: float
    roll_deg: float
    yaw_deg: float
    pitch_deg: float
    eye_opening: float  # lid gap over eye width, the smaller eye
    mouth_opening: float  # inner-lip area over squared face height
    inter_eye_px: float

    @property
    def eye_mid(self) -> tuple[float, float]:
        return ((self.eye_left[0] + self.eye_right[0]) / 2, (self.eye_left[1] + self.eye_right[1]) / 2)

    @property
    def head_height(self) -> float:
        """Chin to crown along the image vertical, in source pixels."""
        return self.chin[1] - self.crown_y


def measure_geometry(out: FaceModelOutput) -> FaceGeometry:
    pts = out.landmarks
    assert pts is not None, "measure_geometry needs landmarks"
    a, b = pts[RIGHT_IRIS, :2].mean(axis=0), pts[LEFT_IRIS, :2].mean(axis=0)
    eye_l, eye_r = (a, b) if a[0] <= b[0] else (b, a)
    roll = math.degrees(math.atan2(eye_r[1] - eye_l[1], eye_r[0] - eye_l[0]))
    chin, forehead = pts[152, :2], pts[10, :2]
    face_h = float(np.hypot(*(chin - forehead)))
    face_w = float(np.hypot(*(pts[454, :2] - pts[234, :2])))
    yaw, pitch = _pose(pts, roll)
    crown = _crown(out.region, pts, face_h, roll) if out.region is not None else None
    if crown is None:
        crown_y, source, cut = chin[1] - CROWN_FROM_FACE * face_h, "estimate (no mask)", False
        mask_y = scan_y = None
    else:
        crown_y, source, cut, mask_y, scan_y = crown
    return FaceGeometry(
        eye_left=(float(eye_l[0]), float(eye_l[1])), eye_right=(float(eye_r[0]), float(eye_r[1])),
        chin=(float(chin[0]), float(chin[1])), forehead=(float(forehead[0]), float(forehead[1])),
        crown_y=float(crown_y), crown_source=source, crown_cut_off=cut, crown_mask_y=mask_y, crown_scan_y=scan_y,
        face_height=face_h, face_width=face_w, roll_deg=roll, yaw_deg=yaw, pitch_deg=pitch,
        eye_opening=_eye_opening(pts), mouth_opening=_polygon_area(pts[INNER_LIPS, :2]) / face_h**2,
        inter_eye_px=float(np.hypot(*(eye_r - eye_l))),
    )


def _pose(pts: np.ndarray, roll_deg: float) -> tuple[float, float]:
    """Yaw and pitch from the mesh's 3D shape, after undoing roll so the two stay independent of it.

    Mirror pairs of a frontal face share a depth, and the canonical face's forehead (point 10) and chin
    (point 152) lie at almost the same depth too; a turn or nod shows as a depth difference along the
    face's left-right and up-down axes.
    """
    p = pts.copy()
    p -= p[:468].mean(axis=0)
    c, s = math.cos(math.radians(-roll_deg)), math.sin(math.radians(-roll_deg))
    x, y = p[:, 0] * c - p[:, 1] * s, p[:, 0] * s + p[:, 1] * c
    p[:, 0], p[:, 1] = x, y
    lr = np.zeros(3)
    for i, j in SYMMETRIC_PAIRS:
        v = p[j] - p[i]
        lr += v if v[0] >= 0 else -v
    yaw = math.degrees(math.atan2(lr[2], lr[0]))
    ud = p[152] - p[10]
    pitch = math.degrees(math.atan2(ud[2], ud[1]))
    return yaw, pitch


def _eye_opening(pts: np.ndarray) -> float:
    def one(top: int, bottom: int, corner_a: int, corner_b: int) -> float:
        gap = np.hypot(*(pts[top, :2] - pts[bottom, :2]))
        width = np.hypot(*(pts[corner_a, :2] - pts[corner_b, :2]))
        return float(gap / width) if width > 0 else 0.0

    return min(one(159, 145, 33, 133), one(386, 374, 362, 263))


def _polygon_area(poly: np.ndarray) -> float:
    x, y = poly[:, 0], poly[:, 1]
    return float(abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))) / 2)


def _crown(region: HeadRegion, pts: np.ndarray, face_h: float, roll_deg: float):
    """Top of the head: the person mask's top above the forehead, checked by a background scan."""
    fx, fy = region.to_region(*pts[10, :2])
    half = 0.22 * face_h * region.scale
    height, width = region.person.shape
    xs = np.arange(max(0, int(fx - half)), min(width, int(fx + half) + 1))
    start = int(min(max(fy, 0), height - 1))
    if xs.size == 0:
        return None
    person = cv2.GaussianBlur(region.person, (5, 5), 0) > 0.5
    tops = [_column_top(person[: start + 1, x]) for x in xs]
    mask_top = float(np.percentile(tops, 10))
    cut_off = mask_top <= 1.0 and region.box.y0 <= 0.5
    scan_top = _background_scan(region, xs, start, mask_top, face_h)
    mask_y = region.to_full(0, mask_top)[1]
    scan_y = region.to_full(0, scan_top)[1] if scan_top is not None else None
    if cut_off:
        estimate = pts[152, 1] - CROWN_FROM_FACE * face_h / math.cos(math.radians(min(abs(roll_deg), 60)))
        return min(estimate, mask_y), "estimate (top cut off)", True, mask_y, scan_y
    if scan_y is not None and abs(scan_y - mask_y) <= 0.12 * face_h:
        return scan_y, "mask+background-scan", False, mask_y, scan_y
    return mask_y, "mask", False, mask_y, scan_y


def _column_top(column: np.ndarray) -> float:
    """Scan up from the forehead and return the last row still inside the person."""
    outside = np.flatnonzero(~column[::-1])
    if outside.size == 0:
        return 0.0
    return float(column.size - outside[0])


def _background_scan(region: HeadRegion, xs: np.ndarray, start: int, mask_top: float, face_h: float):
    """On a plain background, the first row (from the top) whose pixels differ from the background colour."""
    rgb = region.rgb
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float32)
    band = max(3, int(0.15 * face_h * region.scale))
    top_rows = int(max(0, mask_top - band))
    if top_rows < 3:
        return None
    sample = lab[: top_rows, xs[0]: xs[-1] + 1].reshape(-1, 3)
    if sample.shape[0] < 20:
        return None
    centre = np.median(sample, axis=0)
    spread = np.percentile(np.linalg.norm(sample - centre, axis=1), 95)
    if spread > 8.0:
        return None  # not plain enough for a scan to be trusted
    columns = lab[: start + 1, xs[0]: xs[-1] + 1]
    distance = np.linalg.norm(columns - centre, axis=2)
    differs = distance > max(12.0, 2.5 * spread)
    row_share = differs.mean(axis=1)
    hits = np.flatnonzero(row_share > 0.3)
    return float(hits[0]) if hits.size else None
