"""From profile rules and a measured head to a frame: which source pixels land where in the output.

The head (chin to crown) is scaled to the middle of the profile's range, the eyes are levelled (small roll
is rotated away), the face is centred, and the head is placed with 40 % of the free height above the
crown and 60 % below the chin - or, where the profile gives an eye line, moved the least needed to put
the eyes inside its band. Nothing here is hard-coded per document: every number comes from the PhotoSpec.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from photo_engine.messages import Phrase, say
from photo_engine.reading.measures import FaceGeometry
from photo_engine.reading.resample import halve_until
from photo_engine.spec import PhotoSpec

# Roll the engine rotates away in `make`; more than this and the shoulders would show the correction.
ROLL_CORRECTABLE_DEG = 12.0
TOP_SHARE = 0.4  # of the height left over by the head, the share above the crown
MIN_CROWN_MARGIN = 0.03  # of the photo height, kept free above the crown when the eye line allows


@dataclass
class Frame:
    """A source -> output mapping: output size and a 2x3 affine matrix in pixel coordinates."""

    width: int
    height: int
    matrix: np.ndarray
    rotation_deg: float = 0.0
    scale: float = 1.0  # output px per source px
    padded: dict[str, int] = field(default_factory=dict)  # output px beyond the source, per side
    notes: list[Phrase] = field(default_factory=list)

    def map(self, x: float, y: float) -> tuple[float, float]:
        out = self.matrix @ np.array([x, y, 1.0])
        return float(out[0]), float(out[1])

    @property
    def needs_padding(self) -> bool:
        return any(v > 0 for v in self.padded.values())


def frame_as_given(width: int, height: int) -> Frame:
    """The image judged as it is: identity mapping."""
    return Frame(width, height, np.array([[1.0, 0, 0], [0, 1.0, 0]]))


@dataclass
class HeadInFrame:
    """Where the measured features land in a frame, in output pixels."""

    crown_y: float
    chin_y: float
    eye_y: float
    centre_x: float

    def head_ratio(self, height: int) -> float:
        return (self.chin_y - self.crown_y) / height * 100

    def eye_line_ratio(self, height: int) -> float:
        return (height - self.eye_y) / height * 100


def head_in_frame(geo: FaceGeometry, frame: Frame) -> HeadInFrame:
    """Project chin, crown and eyes into the frame; the crown is taken on the face's own vertical axis."""
    mx, my = geo.eye_mid
    cx, cy = geo.chin
    angle = math.radians(geo.roll_deg)
    # The crown sits above the eye midpoint along the face's axis (perpendicular to the eye line).
    up = (math.sin(angle), -math.cos(angle))
    crown_dist = (my - geo.crown_y) / max(0.2, math.cos(angle))
    crown = (mx + up[0] * crown_dist, my + up[1] * crown_dist)
    eye_out, chin_out, crown_out = frame.map(mx, my), frame.map(cx, cy), frame.map(*crown)
    centre_x = (eye_out[0] + chin_out[0]) / 2
    return HeadInFrame(crown_out[1], chin_out[1], eye_out[1], centre_x)


def plan_frame(geo: FaceGeometry, spec: PhotoSpec, source_w: int, source_h: int, out_w: int, out_h: int) -> Frame:
    """The frame that meets the spec's head size, centring and eye line for an ``out_w`` x ``out_h`` output."""
    roll = geo.roll_deg if abs(geo.roll_deg) <= ROLL_CORRECTABLE_DEG else 0.0
    head_src = _head_along_axis(geo)
    eye_to_crown = (geo.eye_mid[1] - geo.crown_y) / max(0.2, math.cos(math.radians(geo.roll_deg)))
    band = spec.head_ratio.value
    notes: list[Phrase] = []
    # Aim at the middle of the head range; where the eye line band leaves too little room above the crown
    # (tall hair), step the head size down towards the range's minimum rather than cut the head.
    ratios = [band.middle] + [r for r in np.linspace(band.middle, band.min + 0.2, 6)[1:]]
    for attempt, ratio in enumerate(ratios):
        head_out = ratio / 100 * out_h
        scale = head_out / head_src
        crown_out = TOP_SHARE * (out_h - head_out)
        eye_out = crown_out + eye_to_crown * scale
        if spec.eye_line_ratio is None:
            break
        eye_band = spec.eye_line_ratio.value
        lowest, highest = out_h * (1 - eye_band.max / 100), out_h * (1 - eye_band.min / 100)
        if lowest <= eye_out <= highest:
            break
        eye_out = min(max(eye_out, lowest), highest)
        if eye_out - eye_to_crown * scale >= MIN_CROWN_MARGIN * out_h or attempt == len(ratios) - 1:
            notes.append(say("note.eye_line_moved"))
            if attempt:
                notes.append(say("note.head_resized_for_room", ratio=round(float(ratio), 1)))
            break
    matrix = cv2.getRotationMatrix2D(geo.eye_mid, roll, scale)
    # Centre on the face's own axis: the midpoint of the eye centre and the chin after levelling.
    mid_src = ((geo.eye_mid[0] + geo.chin[0]) / 2, (geo.eye_mid[1] + geo.chin[1]) / 2)
    mid_rot = matrix @ np.array([mid_src[0], mid_src[1], 1.0])
    eye_rot = matrix @ np.array([geo.eye_mid[0], geo.eye_mid[1], 1.0])
    matrix[0, 2] += out_w / 2 - mid_rot[0]
    matrix[1, 2] += eye_out - eye_rot[1]
    frame = Frame(out_w, out_h, matrix, rotation_deg=roll, scale=scale, notes=notes)
    frame.padded = _padding(frame, source_w, source_h)
    if roll:
        frame.notes.append(say("note.levelled", angle=round(abs(float(roll)), 1)))
    if abs(geo.roll_deg) > ROLL_CORRECTABLE_DEG:
        frame.notes.append(say("note.tilt_too_large", angle=round(abs(float(geo.roll_deg)), 1)))
    return frame


def _head_along_axis(geo: FaceGeometry) -> float:
    return geo.head_height / max(0.2, math.cos(math.radians(geo.roll_deg)))


def _padding(frame: Frame, source_w: int, source_h: int) -> dict[str, int]:
    """How many output pixels on each side fall outside the source image."""
    inverse = cv2.invertAffineTransform(frame.matrix)
    w, h = frame.width, frame.height
    probes = {
        "top": [(x, 0) for x in np.linspace(0, w - 1, 9)],
        "bottom": [(x, h - 1) for x in np.linspace(0, w - 1, 9)],
        "left": [(0, y) for y in np.linspace(0, h - 1, 9)],
        "right": [(w - 1, y) for y in np.linspace(0, h - 1, 9)],
    }
    padded: dict[str, int] = {}
    for side, points in probes.items():
        worst = 0.0
        for x, y in points:
            sx, sy = inverse @ np.array([x, y, 1.0])
            over = max(-sx, sx - (source_w - 1), -sy, sy - (source_h - 1), 0.0)
            worst = max(worst, over * frame.scale)
        if worst >= 1.0:
            padded[side] = int(math.ceil(worst))
    return padded


def source_box(frame: Frame, source_w: int, source_h: int, margin: int = 4) -> tuple[int, int, int, int]:
    """The source rectangle the frame reads from (clipped), so only that part needs resampling."""
    inverse = cv2.invertAffineTransform(frame.matrix)
    corners = np.array([[0, 0, 1], [frame.width, 0, 1], [0, frame.height, 1], [frame.width, frame.height, 1]], float)
    pts = corners @ inverse.T
    x0 = int(max(0, math.floor(pts[:, 0].min()) - margin))
    y0 = int(max(0, math.floor(pts[:, 1].min()) - margin))
    x1 = int(min(source_w, math.ceil(pts[:, 0].max()) + margin))
    y1 = int(min(source_h, math.ceil(pts[:, 1].max()) + margin))
    return x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)


def warp(rgb: np.ndarray, frame: Frame, border_value: tuple[int, ...] | None = None,
         interpolation: int = cv2.INTER_LINEAR) -> np.ndarray:
    """Resample the source into the frame; large reductions are area-averaged first to avoid aliasing."""
    height, width = rgb.shape[:2]
    x0, y0, x1, y1 = source_box(frame, width, height)
    crop = rgb[y0:y1, x0:x1]
    shift = np.array([[1.0, 0, x0], [0, 1.0, y0], [0, 0, 1.0]])
    matrix = np.vstack([frame.matrix, [0, 0, 1]]) @ shift
    if frame.scale < 0.5 and min(crop.shape[:2]) > 8:
        crop, fx, fy = halve_until(crop, frame.scale)
        matrix = matrix @ np.linalg.inv(np.diag([fx, fy, 1.0]))
    border = cv2.BORDER_REPLICATE if border_value is None else cv2.BORDER_CONSTANT
    value = border_value if border_value is not None else 0
    return cv2.warpAffine(crop, matrix[:2], (frame.width, frame.height), flags=interpolation,
                          borderMode=border, borderValue=value)
