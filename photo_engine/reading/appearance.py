"""Appearance cues read from the aligned face: skin, lenses, teeth, what covers the face or sits on the head.

Each cue is a number with a plain meaning (a share of pixels, a ratio of widths); the verdicts and their
limits live in :mod:`photo_engine.judging.checks`. The skin colour of this very face, read on the cheeks and the
nose, is the reference for "skin-like": a fixed skin-colour model would fail on some skin tones and
under coloured light.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from photo_engine.reading.aligned import FACE_PX, AlignedFace
from photo_engine.reading.measures import FACE_OVAL, INNER_LIPS, LEFT_EYE, OUTER_LIPS, RIGHT_EYE

SKIN_POINTS = [50, 280, 205, 425, 4, 199, 118, 347]
RIGHT_BROW_LOW = [46, 53, 52, 65, 55]
RIGHT_BROW = [70, 63, 105, 66, 107, 55, 65, 52, 53, 46]
LEFT_BROW = [300, 293, 334, 296, 336, 285, 295, 282, 283, 276]
LEFT_BROW_LOW = [276, 283, 282, 295, 285]


@dataclass
class SkinModel:
    lab: np.ndarray  # median L, a, b
    chroma_spread: float
    # Distances of the last image asked about (the view is asked several times, with other tolerances).
    _last: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, init=False, repr=False,
                                                                    compare=False)

    def distances(self, lab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per pixel: chroma distance (a, b) to this skin, and lightness difference from it."""
        if self._last is None or self._last[0] is not lab:
            d_ab = np.hypot(lab[..., 1] - self.lab[1], lab[..., 2] - self.lab[2])
            self._last = (lab, d_ab, lab[..., 0] - self.lab[0])
        return self._last[1], self._last[2]

    def like(self, lab: np.ndarray, chroma_tolerance: float = 1.0, darker: float = 38,
             lighter: float = 30) -> np.ndarray:
        """Pixels whose colour could be this skin, lit brighter or darker (L is allowed to move much more)."""
        d_ab, d_l = self.distances(lab)
        return (d_ab < chroma_tolerance * max(9.0, 2.5 * self.chroma_spread)) & (d_l > -darker) & (d_l < lighter)


@dataclass
class AppearanceCues:
    skin_lab: tuple[float, float, float]
    lens_skin_share: float  # skin-like share around the eyes (brow to below the lower lid, eyes left out)
    lens_darkness: float  # lens-area lightness relative to the cheeks (negative: darker)
    mouth_gap: float  # inner-lip gap in 3D over 3D face height
    teeth_share: float  # bright low-chroma pixels inside the lips, over the mouth area
    face_skin_share: float  # skin-like share of the lower face (cheeks, nose, chin), features left out
    hand_distance: float  # nearest hand landmark to the face outline, in face heights (0 on the face; 9 none)
    foreign_share: float  # strongly coloured, non-skin pixels inside the face outline (objects in front)
    crown_over_face: float  # head above mesh point 10 (crown to point 10) over face height
    head_width_ratio: float  # person-mask width just above the forehead over the face width
    forehead_skin_share: float  # skin-like share of the forehead between brows and point 10
    top_vs_brow_lightness: float  # L of what is on top of the head minus L of the brows (hair colour proxy)
    top_vs_brow_colour: float  # chroma distance between the same two
    top_frames_face: bool  # the material on top also runs down both sides of the face (a wrap or hood)
    glare_share: float  # near-white specular pixels on the face and lenses
    cheek_balance: float  # lightness difference between the two cheeks (0 even)
    face_lightness: float  # median L of the skin
    clipped_share: float  # face pixels at the ends of the tonal range
    sharpness: float  # gradient energy of the eye region at fixed face size


def read_cues(face: AlignedFace, hands: list[np.ndarray], crown_view_y: float) -> AppearanceCues:
    """All cues of one face; ``crown_view_y`` is the measured crown in view coordinates."""
    pts = face.points
    lab = face.lab
    skin = _skin_model(face)
    features = face.polygon_mask(RIGHT_EYE, 3) | face.polygon_mask(LEFT_EYE, 3) | face.polygon_mask(OUTER_LIPS, 3)
    lens = _lens_zone(face) & ~(face.polygon_mask(RIGHT_EYE, 2) | face.polygon_mask(LEFT_EYE, 2)) & face.valid
    skin_like = skin.like(lab)
    # Lenses: a strict skin test; a tinted lens passes a loose one (it is skin-hued and just darker).
    lens_skin = float(skin.like(lab, 0.5, darker=20, lighter=15)[lens].mean()) if lens.any() else 1.0
    lens_dark = float(np.median(lab[..., 0][lens]) - skin.lab[0]) if lens.any() else 0.0
    lower = _lower_face_zone(face) & ~features & face.valid
    face_skin = float(skin_like[lower].mean()) if lower.any() else 1.0
    top = _head_top(face, skin, crown_view_y)
    return AppearanceCues(
        skin_lab=tuple(float(v) for v in skin.lab),
        lens_skin_share=lens_skin,
        lens_darkness=lens_dark,
        mouth_gap=_mouth_gap(pts),
        teeth_share=_teeth_share(face, skin),
        face_skin_share=face_skin,
        hand_distance=_hand_distance(face, hands),
        foreign_share=_foreign_share(face, skin),
        crown_over_face=float(max(0.0, (face.points[10, 1] - crown_view_y) / FACE_PX)),
        head_width_ratio=_head_width_ratio(face),
        forehead_skin_share=_forehead_skin(face, skin_like),
        top_vs_brow_lightness=top[0],
        top_vs_brow_colour=top[1],
        top_frames_face=top[2],
        glare_share=_glare_share(face),
        cheek_balance=_cheek_balance(face),
        face_lightness=float(skin.lab[0]),
        clipped_share=_clipped_share(face),
        sharpness=_sharpness(face),
    )


def _skin_model(face: AlignedFace) -> SkinModel:
    radius = 0.05 * FACE_PX
    zone = np.zeros(face.rgb.shape[:2], bool)
    for i in SKIN_POINTS:
        zone |= face.circle_mask(tuple(face.points[i, :2]), radius)
    zone &= face.valid
    sample = face.lab[zone]
    median = np.median(sample, axis=0)
    chroma_distance = np.hypot(sample[:, 1] - median[1], sample[:, 2] - median[2])
    return SkinModel(median, float(np.percentile(chroma_distance, 75)))


def _lens_zone(face: AlignedFace) -> np.ndarray:
    """Per eye: from the lower brow to a little below the lower lid, corner to corner (where lenses sit)."""
    pts = face.points
    zone = np.zeros(face.rgb.shape[:2], bool)
    for eye, brow, lower_lid in ((RIGHT_EYE, RIGHT_BROW_LOW, 145), (LEFT_EYE, LEFT_BROW_LOW, 374)):
        xs = pts[eye, 0]
        x0, x1 = xs.min() - 0.02 * FACE_PX, xs.max() + 0.02 * FACE_PX
        y0 = pts[brow, 1].mean() + 0.02 * FACE_PX
        y1 = pts[lower_lid, 1] + 0.10 * FACE_PX
        zone[int(max(0, y0)):int(max(0, y1)), int(max(0, x0)):int(max(0, x1))] = True
    return zone


def _lower_face_zone(face: AlignedFace) -> np.ndarray:
    """The face oval below the eyes: where a hand, a cup, a camera or a lock of hair would cover skin."""
    oval = face.polygon_mask(FACE_OVAL)
    eye_row = face.points[[33, 263, 133, 362], 1].mean()
    oval[: int(eye_row + 0.08 * FACE_PX)] = False
    return oval


def _mouth_gap(pts: np.ndarray) -> float:
    face_h = np.linalg.norm(pts[152] - pts[10])
    inner = pts[INNER_LIPS]
    upper = inner[[1, 2, 3, 4, 5, 6, 7, 8, 9]]  # 191 .. 415
    lower = inner[[19, 18, 17, 16, 15, 14, 13, 12, 11]]  # 95 .. 318, matched left to right
    gaps = np.linalg.norm(upper - lower, axis=1)
    return float(np.max(gaps) / face_h) if face_h > 0 else 0.0


def _teeth_share(face: AlignedFace, skin: SkinModel) -> float:
    """Bright, colourless pixels inside the outer lip line: teeth (lips and skin are coloured, tongue is red)."""
    mouth = face.polygon_mask(OUTER_LIPS) & face.valid
    if not mouth.any():
        return 0.0
    lab = face.lab
    chroma = face.chroma
    skin_chroma = float(np.hypot(skin.lab[1], skin.lab[2]))
    lips_l = float(np.median(lab[..., 0][mouth]))
    teeth = mouth & (chroma < max(6.0, 0.55 * skin_chroma)) & (lab[..., 0] > max(lips_l + 12, 0.75 * skin.lab[0]))
    return float(teeth.sum() / mouth.sum())


def _hand_distance(face: AlignedFace, hands: list[np.ndarray]) -> float:
    """How close the nearest hand point comes to the face outline, in face heights (0 when on the face)."""
    if not hands:
        return 9.0
    outside = (~face.polygon_mask(FACE_OVAL)).astype(np.uint8)
    distance = cv2.distanceTransform(outside, cv2.DIST_L2, 3)
    nearest = 9.0
    height, width = distance.shape
    for hand in hands:
        pts = np.c_[hand, np.ones(len(hand))] @ face.matrix.T
        for x, y in pts:
            if 0 <= x < width and 0 <= y < height:
                nearest = min(nearest, float(distance[int(y), int(x)]) / FACE_PX)
    return nearest


def _foreign_share(face: AlignedFace, skin: SkinModel) -> float:
    """Strongly coloured pixels of another hue inside the face outline: flowers, a phone, a cup in front."""
    oval = face.polygon_mask(FACE_OVAL) & face.valid
    features = face.polygon_mask(OUTER_LIPS, 4) | face.polygon_mask(RIGHT_EYE, 4) | face.polygon_mask(LEFT_EYE, 4)
    zone = oval & ~features
    if not zone.any():
        return 0.0
    chroma = face.chroma
    skin_chroma = float(np.hypot(skin.lab[1], skin.lab[2]))
    d_ab, _ = skin.distances(face.lab)
    foreign = zone & (d_ab > 18) & (chroma > skin_chroma + 8)
    return float(foreign.sum() / zone.sum())


def _head_top(face: AlignedFace, skin: SkinModel, crown_y: float) -> tuple[float, float, bool]:
    """Compare what sits on top of the head with the brows (whose colour follows the hair in most people).

    A hat, cap or beanie is rarely the colour of its wearer's brows; hair usually is close. When the same
    material also runs down both sides of the face, it is a wrap or hood that frames the face.
    """
    pts = face.points
    person = (face.person > 0.5) & face.valid
    top, p10 = int(max(0.0, crown_y)), int(pts[10, 1])
    span = p10 - top
    cx, half = int(pts[10, 0]), int(0.3 * FACE_PX)
    # The zone is a box cut by the person mask: read it inside the box (same pixels, same order).
    box = (slice(top + int(0.1 * span), top + int(0.6 * span)), slice(max(0, cx - half), cx + half))
    zone = person[box]
    brows = face.polygon_mask(RIGHT_BROW) | face.polygon_mask(LEFT_BROW)
    brows &= (face.lab[..., 0] < skin.lab[0] - 8) & face.valid
    if zone.sum() < 20 or brows.sum() < 5 or span < 0.1 * FACE_PX:
        return 0.0, 0.0, False
    top_lab = np.median(face.lab[box][zone], axis=0)
    brow_lab = np.median(face.lab[brows], axis=0)
    frames = _material_beside_face(face, top_lab, person)
    return float(top_lab[0] - brow_lab[0]), float(np.hypot(*(top_lab[1:] - brow_lab[1:]))), frames


def _material_beside_face(face: AlignedFace, top_lab: np.ndarray, person: np.ndarray) -> bool:
    pts = face.points
    y0, y1 = int(pts[[33, 263], 1].mean()), int(pts[152, 1] - 0.15 * FACE_PX)
    sides = []
    for edge, direction in ((234, -1), (454, 1)):
        x = int(pts[edge, 0])
        x0, x1 = sorted((x + direction * int(0.03 * FACE_PX), x + direction * int(0.15 * FACE_PX)))
        box = (slice(max(0, y0), max(0, y1)), slice(max(0, x0), max(0, x1)))
        zone = person[box]
        if zone.sum() < 20:
            return False
        sides.append(np.linalg.norm(np.median(face.lab[box][zone], axis=0) - top_lab))
    return bool(max(sides) < 12.0)


def _head_width_ratio(face: AlignedFace) -> float:
    """How wide the person outline is a little above the forehead, over the face width at the temples."""
    pts = face.points
    face_w = float(np.linalg.norm(pts[454, :2] - pts[234, :2]))
    row = int(pts[10, 1] - 0.15 * FACE_PX)
    if row < 0 or face_w <= 0:
        return 0.0
    line = face.person[row] > 0.5
    cx = int(pts[10, 0])
    if not 0 <= cx < line.size or not line[cx]:
        return 0.0
    left = cx - int(np.argmin(line[cx::-1])) if not line[: cx + 1].all() else 0
    right = cx + int(np.argmin(line[cx:])) if not line[cx:].all() else line.size
    return (right - left) / face_w


def _forehead_skin(face: AlignedFace, skin_like: np.ndarray) -> float:
    pts = face.points
    y0, y1 = int(pts[10, 1] + 0.02 * FACE_PX), int(pts[[52, 282], 1].mean() - 0.03 * FACE_PX)
    x0, x1 = int(pts[[105, 107], 0].min()), int(pts[[334, 336], 0].max())
    if y1 <= y0 or x1 <= x0 or y0 < 0:
        return 1.0
    zone = skin_like[y0:y1, x0:x1] & face.valid[y0:y1, x0:x1]
    return float(zone.mean())


def _glare_share(face: AlignedFace) -> float:
    oval = face.polygon_mask(FACE_OVAL) & face.valid
    lab = face.lab
    chroma = face.chroma
    specular = oval & (lab[..., 0] > 92) & (chroma < 12)
    return float(specular.sum() / max(1, oval.sum()))


def _cheek_balance(face: AlignedFace) -> float:
    r = 0.08 * FACE_PX
    a = face.circle_mask(tuple(face.points[50, :2]), r) & face.valid
    b = face.circle_mask(tuple(face.points[280, :2]), r) & face.valid
    if not a.any() or not b.any():
        return 0.0
    return float(abs(np.median(face.lab[..., 0][a]) - np.median(face.lab[..., 0][b])))


def _clipped_share(face: AlignedFace) -> float:
    oval = face.polygon_mask(FACE_OVAL) & face.valid
    grey = face.lab[..., 0][oval]
    return float(((grey > 98.5) | (grey < 2)).mean()) if grey.size else 0.0


def _sharpness(face: AlignedFace) -> float:
    """Mean gradient magnitude around the eyes (lashes, iris rims) at the fixed face size."""
    pts = face.points
    idx = RIGHT_EYE + LEFT_EYE
    x0, x1 = int(pts[idx, 0].min() - 0.05 * FACE_PX), int(pts[idx, 0].max() + 0.05 * FACE_PX)
    y0, y1 = int(pts[idx, 1].min() - 0.06 * FACE_PX), int(pts[idx, 1].max() + 0.06 * FACE_PX)
    grey = cv2.cvtColor(face.rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    patch = grey[max(0, y0):y1, max(0, x0):x1]
    if patch.size < 16:
        return 0.0
    lap = cv2.Laplacian(patch, cv2.CV_32F, ksize=3)
    return float(np.sqrt(np.mean(lap**2)))
