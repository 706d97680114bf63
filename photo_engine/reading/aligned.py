"""A normalised view of the face: eyes level, fixed face size, with the landmarks and person mask moved along.

Appearance cues (lenses, teeth, skin over the face, what sits on the head) are read here, so a threshold
means the same thing for a tilted selfie and a studio portrait, for 300 px faces and 3000 px faces.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from photo_engine.reading.face import FaceModelOutput
from photo_engine.reading.measures import FaceGeometry

FACE_PX = 200  # chin to mesh point 10 in the aligned view
WIDTH, HEIGHT = int(2.8 * FACE_PX), int(3.0 * FACE_PX)
EYE_ROW = 1.55 * FACE_PX  # eyes sit this far below the top of the view


@dataclass
class AlignedFace:
    rgb: np.ndarray  # HEIGHT x WIDTH x 3
    lab: np.ndarray  # float32 L 0..100, a, b centred on 0
    points: np.ndarray  # (478, 3) landmarks in view pixels (z scaled likewise)
    person: np.ndarray  # float32 0..1, the person mask in the view (0 where unknown)
    valid: np.ndarray  # bool, view pixels that come from inside the source image
    matrix: np.ndarray  # 2x3 affine: full-resolution px -> view px
    # The cues and the features ask for the same face-part masks many times (the oval four times, each eye
    # with several margins): each is drawn once. Callers get a copy, since some of them edit theirs.
    _masks: dict[tuple, np.ndarray] = field(default_factory=dict, init=False, repr=False, compare=False)
    _chroma: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def chroma(self) -> np.ndarray:
        """CIELAB chroma (hypot of a and b) of every view pixel, computed once (several cues read it)."""
        if self._chroma is None:
            self._chroma = np.hypot(self.lab[..., 1], self.lab[..., 2])
        return self._chroma

    def circle_mask(self, centre: tuple[float, float], radius: float) -> np.ndarray:
        mask = np.zeros(self.rgb.shape[:2], np.uint8)
        cv2.circle(mask, (int(round(centre[0])), int(round(centre[1]))), max(1, int(round(radius))), 1, -1)
        return mask.astype(bool)

    def polygon_mask(self, indices: list[int], dilate: int = 0) -> np.ndarray:
        key = (tuple(indices), dilate)
        cached = self._masks.get(key)
        if cached is None:
            mask = np.zeros(self.rgb.shape[:2], np.uint8)
            cv2.fillPoly(mask, [np.round(self.points[indices, :2]).astype(np.int32)], 1)
            if dilate > 0:
                mask = cv2.dilate(mask, np.ones((2 * dilate + 1, 2 * dilate + 1), np.uint8))
            cached = self._masks[key] = mask.astype(bool)
        return cached.copy()


def align_face(rgb: np.ndarray, out: FaceModelOutput, geo: FaceGeometry) -> AlignedFace:
    scale = FACE_PX / geo.face_height
    mx, my = geo.eye_mid
    matrix = cv2.getRotationMatrix2D((mx, my), geo.roll_deg, scale)
    matrix[0, 2] += WIDTH / 2 - mx
    matrix[1, 2] += EYE_ROW - my
    from photo_engine.outputs.geometry import Frame, warp

    view = warp(rgb, Frame(WIDTH, HEIGHT, matrix, rotation_deg=geo.roll_deg, scale=scale))
    inside = _inside(rgb.shape[1], rgb.shape[0], matrix)
    pts = out.landmarks.copy()
    xy = np.c_[pts[:, :2], np.ones(len(pts))] @ matrix.T
    points = np.c_[xy, pts[:, 2] * scale]
    person = np.zeros((HEIGHT, WIDTH), np.float32)
    if out.region is not None:
        region = out.region
        to_full = np.array([[1 / region.scale, 0, region.box.x0], [0, 1 / region.scale, region.box.y0]])
        person = cv2.warpAffine(region.person, _compose(matrix, to_full), (WIDTH, HEIGHT), flags=cv2.INTER_LINEAR,
                                borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    lab = cv2.cvtColor(view.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)
    return AlignedFace(view, lab, points, person, inside, matrix)


def _inside(width: int, height: int, matrix: np.ndarray) -> np.ndarray:
    """View pixels whose source lies inside the image (the rest is border fill)."""
    inverse = cv2.invertAffineTransform(matrix)
    # A row of x and a column of y, broadcast: the same arithmetic per pixel as full coordinate grids, in the
    # same order and types, without building and multiplying two view-sized grids.
    xs = np.arange(WIDTH, dtype=np.float32)[None, :]
    ys = np.arange(HEIGHT, dtype=np.float32)[:, None]
    sx = inverse[0, 0] * xs + inverse[0, 1] * ys + inverse[0, 2]
    sy = inverse[1, 0] * xs + inverse[1, 1] * ys + inverse[1, 2]
    return (sx >= 0) & (sx <= width - 1) & (sy >= 0) & (sy <= height - 1)


def _h(m: np.ndarray) -> np.ndarray:
    return np.vstack([m, [0, 0, 1]])


def _compose(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """The 2x3 affine that applies ``inner`` first, then ``outer``."""
    return (_h(outer) @ _h(inner))[:2]


def rotation_deg(matrix: np.ndarray) -> float:
    return math.degrees(math.atan2(matrix[1, 0], matrix[0, 0]))
