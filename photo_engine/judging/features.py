"""The numbers a verdict classifier looks at: face geometry, appearance cues, hair-model shares, colour.

Each feature is scale-free (shares, ratios, degrees, L*a*b* units) so it means the same for a 300 px face
and a 3000 px face, for a mirror image and for a JPEG re-save. Hair shares come from the hair model run on
the aligned face view (see hair.py); zones are named by what they cover, in face heights (FACE_PX).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from photo_engine.lanes import lane
from photo_engine.reading.aligned import FACE_PX, AlignedFace
from photo_engine.reading.analysis import PortraitAnalysis
from photo_engine.reading.appearance import LEFT_BROW, RIGHT_BROW
from photo_engine.reading.measures import LEFT_EYE, RIGHT_EYE

BACKGROUND_KINDS = ("plain_light", "plain_dark", "plain_color", "busy")


def portrait_features(analysis: PortraitAnalysis) -> dict[str, float] | None:
    """All features of one portrait, or None without a face. Cached on the analysis (hair model runs once)."""
    cached = getattr(analysis, "_features", None)
    if cached is not None or not analysis.face_found:
        return cached
    # The glasses cues need only the aligned view: they are measured on a thread of their own (OpenCV and
    # NumPy release the GIL) while the rest is measured here; the features keep their order.
    glasses = lane("glasses").submit(_glasses, analysis.aligned)
    features: dict[str, float] = {}
    features.update(_geometry(analysis))
    features.update(_cues(analysis))
    features.update(_colour(analysis))
    features.update(_background(analysis))
    features.update(_hair(analysis.aligned, _hair_in_view(analysis), analysis.cues.skin_lab[0]))
    features.update(glasses.result())
    features.update(_body_hands(analysis.models.bodies))
    analysis._features = features  # type: ignore[attr-defined]
    return features


def _geometry(a: PortraitAnalysis) -> dict[str, float]:
    geo, src = a.geometry, a.source
    face_h = max(geo.face_height, 1.0)
    return {
        "abs_roll": abs(geo.roll_deg), "abs_yaw": abs(geo.yaw_deg), "abs_pitch": abs(geo.pitch_deg),
        "eye_opening": geo.eye_opening, "mouth_opening": geo.mouth_opening * 100,
        "crown_cut": float(geo.crown_cut_off),
        # Room between the head and the image edges, in face heights (negative: outside the image).
        "crown_margin": float(np.clip((geo.crown_y) / face_h, -1, 2)),
        "chin_margin": float(np.clip((src.height - geo.chin[1]) / face_h, -1, 2)),
        "side_margin": float(np.clip(min(geo.chin[0] - 0.5 * geo.face_width,
                                         src.width - geo.chin[0] - 0.5 * geo.face_width) / face_h, -1, 2)),
        # Near 1 when an end of the head touches the edge, near 0 with room: only a small margin matters.
        "crown_tight": float(math.exp(-max(geo.crown_y, 0.0) / face_h / 0.05)),
        "chin_tight": float(math.exp(-max(src.height - geo.chin[1], 0.0) / face_h / 0.05)),
    }


def _cues(a: PortraitAnalysis) -> dict[str, float]:
    c = a.cues
    return {
        "lens_skin": c.lens_skin_share, "lens_dark": c.lens_darkness, "mouth_gap": c.mouth_gap,
        "teeth": c.teeth_share, "face_skin": c.face_skin_share, "hand_near": float(math.exp(-c.hand_distance * 3)),
        "foreign": c.foreign_share, "crown_over_face": min(c.crown_over_face, 1.5),
        "head_width": min(c.head_width_ratio, 3.0), "forehead_skin": c.forehead_skin_share,
        "top_vs_brow_l": abs(c.top_vs_brow_lightness), "top_vs_brow_ab": c.top_vs_brow_colour,
        "top_frames_face": float(c.top_frames_face), "glare": c.glare_share, "face_lightness": c.face_lightness,
        "skin_chroma": float(math.hypot(c.skin_lab[1], c.skin_lab[2])),
        # Individual typology angle of the skin as lit in this photo (over 28: lighter; 28 or under: darker).
        "skin_ita": float(math.degrees(math.atan2(c.skin_lab[0] - 50.0, c.skin_lab[2]))),
        "sharpness": float(math.log1p(c.sharpness)), "clipped": c.clipped_share,
    }


# Pose body points: 7 and 8 the ears, 9 and 10 the mouth corners, 15 to 22 wrists, little fingers, index
# fingers and thumbs of both hands. Only symmetric sets are used, so a mirrored reading means the same.
POSE_EARS, POSE_MOUTH, POSE_HAND = (7, 8), (9, 10), tuple(range(15, 23))
POSE_FAR = 3.0  # ear spans: a hand this far from the mouth, or unseen, is not at the face


def _body_hands(bodies: list[np.ndarray]) -> dict[str, float]:
    """How close the body model puts a visible hand to the mouth, in ear-to-ear spans.

    Why: a fist under the chin, fingers over the lips or a hand holding a cigarette are what the palm
    detector misses most (it needs a whole, open palm); the body model places the wrist and fingers from
    the arm. ``pose_hand_near`` is the largest visibility x exp(-distance^2) over the hand points,
    ``pose_hand_min`` the nearest visible one (POSE_FAR when none); both averaged over the orientations read
    (an orientation with no body seen counts as no hand at the face).
    """
    near, nearest = [], []
    for body in bodies:
        if len(body) == 0:  # this orientation was read and no body was seen
            near.append(0.0)
            nearest.append(POSE_FAR)
            continue
        span = max(float(np.linalg.norm(body[POSE_EARS[0], :2] - body[POSE_EARS[1], :2])), 1e-3)
        mouth = body[list(POSE_MOUTH), :2].mean(axis=0)
        hand = body[list(POSE_HAND)]
        distance = np.linalg.norm(hand[:, :2] - mouth, axis=1) / span
        near.append(float(np.max(hand[:, 2] * np.exp(-distance ** 2))))
        seen = distance[hand[:, 2] > 0.5]
        nearest.append(float(min(POSE_FAR, seen.min())) if len(seen) else POSE_FAR)
    if not bodies:
        return {"pose_hand_near": 0.0, "pose_hand_min": POSE_FAR}
    return {"pose_hand_near": float(np.mean(near)), "pose_hand_min": float(np.mean(nearest))}


def _colour(a: PortraitAnalysis) -> dict[str, float]:
    overview = a.models.overview
    step = max(1, max(overview.shape[:2]) // 256)
    lab = cv2.cvtColor(np.ascontiguousarray(overview[::step, ::step]).astype(np.float32) / 255.0,
                       cv2.COLOR_RGB2LAB).reshape(-1, 3)
    chroma = np.hypot(lab[:, 1], lab[:, 2])
    # Sepia and tinted monochrome have chroma but a single hue: the hue spread tells them from colour.
    hue = np.arctan2(lab[:, 2], lab[:, 1])
    weight = chroma / max(float(chroma.sum()), 1e-6)
    concentration = float(np.hypot((weight * np.cos(hue)).sum(), (weight * np.sin(hue)).sum()))
    return {
        "chroma_mean": float(chroma.mean()), "chroma_p99": float(np.percentile(chroma, 99)),
        "chroma_p90": float(np.percentile(chroma, 90)), "hue_concentration": concentration,
        "was_greyscale": float(a.source.was_greyscale),
    }


def _background(a: PortraitAnalysis) -> dict[str, float]:
    """The background's tone and evenness. bg_rel, bg_grey_spread, bg_contrast_texture and bg_hue_* are
    ratios and chromaticities: a change of exposure leaves them alone, so verdicts on them hold under it."""
    b = a.background
    if b is None or b.kind == "unknown":
        return {"bg_lightness": 50.0, "bg_chroma": 10.0, "bg_spread": 30.0, "bg_texture": 30.0, "bg_visible": 0.0,
                "bg_rel": 0.0, "bg_grey_spread": 0.3, "bg_contrast_texture": 3.0, "bg_hue_spread": 1.0,
                "bg_hue_offset": 3.0, **{f"bg_{k}": 0.0 for k in BACKGROUND_KINDS}}
    return {"bg_lightness": b.lightness, "bg_chroma": b.chroma, "bg_spread": min(b.spread, 80.0),
            "bg_texture": min(b.texture, 120.0), "bg_visible": b.visible_share,
            # Background grey over the face's own grey (log): the same at any exposure of the photo.
            "bg_rel": float(np.log((b.grey + 1.0) / (_face_grey(a.aligned) + 1.0))),
            "bg_grey_spread": b.grey_spread, "bg_contrast_texture": b.contrast_texture,
            "bg_hue_spread": b.chromaticity_spread, "bg_hue_offset": b.chromaticity_offset,
            **{f"bg_{k}": float(b.kind == k) for k in BACKGROUND_KINDS}}


def _face_grey(face: AlignedFace) -> float:
    """Median grey level of the cheeks, nose and chin: the face's exposure."""
    from photo_engine.reading.appearance import SKIN_POINTS

    zone = np.zeros(face.rgb.shape[:2], bool)
    for i in SKIN_POINTS:
        zone |= face.circle_mask(tuple(face.points[i, :2]), 0.05 * FACE_PX)
    zone &= face.valid
    grey = cv2.cvtColor(face.rgb, cv2.COLOR_RGB2GRAY)
    return float(np.median(grey[zone])) if zone.any() else 128.0


def _zone(face: AlignedFace, x0: float, x1: float, y0: float, y1: float) -> np.ndarray:
    zone = np.zeros(face.rgb.shape[:2], bool)
    h, w = zone.shape
    zone[int(np.clip(y0, 0, h)):int(np.clip(y1, 0, h)), int(np.clip(x0, 0, w)):int(np.clip(x1, 0, w))] = True
    return zone


def _hair_in_view(analysis: PortraitAnalysis) -> np.ndarray:
    """Hair probability read on the head region (real pixels only) and moved into the aligned view.

    The model is run where the picture is, not on the aligned view: the view's fill beyond the image edge
    (replicated border streaks) reads as hair or hat to the model.
    """
    from photo_engine.reading.aligned import HEIGHT, WIDTH, _compose

    region, face = analysis.models.region, analysis.aligned
    hair = analysis.hair_probability()
    if region is None or hair is None:
        return np.zeros((HEIGHT, WIDTH), np.float32)
    to_full = np.array([[1 / region.scale, 0, region.box.x0], [0, 1 / region.scale, region.box.y0]])
    return cv2.warpAffine(hair, _compose(face.matrix, to_full), (WIDTH, HEIGHT), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=0)


def _hair(face: AlignedFace, hair_probability: np.ndarray, skin_lightness: float) -> dict[str, float]:
    hair = (hair_probability > 0.5) & face.valid
    pts = face.points
    person = (face.person > 0.5) & face.valid
    lab = face.lab
    skin_ab = np.median(lab[face.polygon_mask([50, 280, 4, 199])][:, 1:], axis=0) if face.valid.any() else (0, 0)
    skin_like = np.hypot(lab[..., 1] - skin_ab[0], lab[..., 2] - skin_ab[1]) < 10
    p10_y, cx = pts[10, 1], pts[10, 0]
    half = 0.5 * np.linalg.norm(pts[454, :2] - pts[234, :2])
    out: dict[str, float] = {}
    # Above the forehead, within the face width: hair, skin (bald), or something else (headwear).
    top = _zone(face, cx - 0.8 * half, cx + 0.8 * half, p10_y - 0.55 * FACE_PX, p10_y - 0.05 * FACE_PX)
    valid_top = top & face.valid
    out["top_valid"] = float(valid_top.sum() / max(1, top.sum()))
    worn = valid_top & person
    n = max(1, int(worn.sum()))
    out["top_person"] = float(worn.sum() / max(1, valid_top.sum()))
    out["top_hair"] = float((worn & hair).sum() / n)
    out["top_other"] = float((worn & ~hair & ~skin_like).sum() / n)
    out["top_hair_soft"] = float(hair_probability[worn].mean()) if worn.any() else 0.0
    # Lightness of what is worn on top against the skin: hair is darker than its wearer's skin in most
    # people; caps, hats and scarves are as often lighter.
    out["top_vs_skin_l"] = float(np.median(lab[..., 0][worn]) - skin_lightness) if worn.sum() > 20 else 0.0
    # The head outline's width above the forehead, in face widths (a brim or a hood is wider than hair).
    for name, height in (("outline_w1", 0.1), ("outline_w3", 0.3)):
        row = int(p10_y - height * FACE_PX)
        inside = 0 <= row < face.person.shape[0]
        out[name] = float((face.person[row] > 0.5).sum() / max(1.0, 2 * half)) if inside else 0.0
    # The band right above the forehead (a brim, a headband, a hood's edge).
    band = _zone(face, cx - 0.7 * half, cx + 0.7 * half, p10_y - 0.2 * FACE_PX, p10_y) & person & face.valid
    out["band_hair"] = float((band & hair).sum() / max(1, band.sum()))
    out["band_other"] = float((band & ~hair & ~skin_like).sum() / max(1, band.sum()))
    # Where the hair model is unsure (probability 0.1-0.5) right above the forehead. It reads short, dark,
    # coily hair as neither hair nor anything else (its known bias) but a cap, hat or scarf as plainly not
    # hair: the unsure share tells such hair from headwear where the hard "other" share cannot.
    unsure = (hair_probability > 0.1) & (hair_probability < 0.5)
    out["band_unsure"] = float((band & unsure).sum() / band.sum()) if band.sum() > 20 else 0.0
    # Beside the face from the eyes to the jaw: hair falls there; a scarf or hood covers it.
    eye_y, chin_y = pts[[33, 263], 1].mean(), pts[152, 1]
    sides = np.zeros_like(person)
    for edge, direction in ((234, -1), (454, 1)):
        x = pts[edge, 0]
        sides |= _zone(face, *sorted((x + direction * 0.02 * FACE_PX, x + direction * 0.2 * FACE_PX)), eye_y, chin_y)
    sides &= person
    out["side_hair"] = float((sides & hair).sum() / max(1, sides.sum()))
    out["side_other"] = float((sides & ~hair & ~skin_like).sum() / max(1, sides.sum()))
    # What is on top against what hangs beside the face: a hat differs from the hair below it; hair (and
    # a scarf, which is reported as religious headwear) is the same material all round.
    out["top_vs_side"] = (float(np.linalg.norm(np.median(lab[worn], axis=0) - np.median(lab[sides], axis=0)))
                          if worn.sum() > 20 and sides.sum() > 20 else 0.0)
    grey = cv2.cvtColor(face.rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    edges = np.hypot(cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1))
    out["top_texture"] = float(np.log1p(np.median(edges[worn]))) if worn.any() else 0.0
    # Hair over the eyes and the brows (occlusion), and over the forehead (bangs, allowed).
    eyes = [face.polygon_mask(RIGHT_EYE, 2), face.polygon_mask(LEFT_EYE, 2)]
    out["eye_hair"] = max(float((e & hair).sum() / max(1, e.sum())) for e in eyes)
    brows = [face.polygon_mask(RIGHT_BROW, 2), face.polygon_mask(LEFT_BROW, 2)]
    out["brow_hair"] = max(float((b & hair).sum() / max(1, b.sum())) for b in brows)
    forehead = _zone(face, cx - 0.6 * half, cx + 0.6 * half, p10_y, pts[[52, 282], 1].mean() - 0.02 * FACE_PX)
    out["forehead_hair"] = float((forehead & hair).sum() / max(1, forehead.sum()))
    return out


def _glasses(face: AlignedFace) -> dict[str, float]:
    """Frame edges: a rim around each eye and a bridge over the nose draw lines no bare face has."""
    raw = cv2.cvtColor(face.rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    raw_magnitude = np.hypot(cv2.Sobel(raw, cv2.CV_32F, 1, 0), cv2.Sobel(raw, cv2.CV_32F, 0, 1))
    # Smoothed for the thin-frame cues: JPEG blocks and sensor noise must not read as frame edges.
    grey = cv2.GaussianBlur(raw, (0, 0), 1.2)
    gx, gy = cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1)
    magnitude = np.hypot(gx, gy)
    pts = face.points
    ring = np.zeros(grey.shape, bool)
    for eye in (RIGHT_EYE, LEFT_EYE):
        outer = face.polygon_mask(eye, int(0.12 * FACE_PX))
        inner = face.polygon_mask(eye, int(0.03 * FACE_PX))
        ring |= outer & ~inner
    ring &= face.valid
    # A frame's bridge crosses the nose anywhere from the brows' inner ends down to the eyes' inner corners.
    bridge_x = pts[168, 0]
    top_y, low_y = pts[168, 1] - 0.06 * FACE_PX, max(pts[[133, 362], 1].mean(), pts[168, 1]) + 0.03 * FACE_PX
    bridge = _zone(face, bridge_x - 0.06 * FACE_PX, bridge_x + 0.06 * FACE_PX, top_y, low_y) & face.valid
    cheek = (face.circle_mask(tuple(pts[50, :2]), 0.06 * FACE_PX) | face.circle_mask(tuple(pts[280, :2]),
                                                                                      0.06 * FACE_PX)) & face.valid
    base = float(np.median(magnitude[cheek])) + 1.0 if cheek.any() else 1.0
    raw_base = float(np.median(raw_magnitude[cheek])) + 1.0 if cheek.any() else 1.0
    # Horizontal edges over the bridge (the frame's bar) against vertical ones (the nose's sides).
    bar = float(np.percentile(np.abs(gy[bridge]), 75)) if bridge.any() else 0.0
    # The bar as a line: the strongest row of horizontal edges across the bridge, over the face's grey level
    # (a ratio, so the same at any exposure); a nose has no edge running straight across it.
    rows = np.abs(gy) * bridge
    counts = bridge.sum(axis=1)
    line = float((rows.sum(axis=1)[counts > 2] / counts[counts > 2]).max()) if (counts > 2).any() else 0.0
    face_grey = _face_grey(face)
    return {
        "rim_edges": float(np.percentile(raw_magnitude[ring], 75)) / raw_base if ring.any() else 0.0,
        "rim_edges_smooth": float(np.percentile(magnitude[ring], 75)) / base if ring.any() else 0.0,
        "bridge_bar": bar / base,
        "bridge_line_log": float(np.log(max(10 * line / (face_grey + 5.0), 1e-3))),
        "bridge_span_log": float(np.log(max(10 * _bridge_span(face, gy, top_y, low_y) / (face_grey + 5.0), 1e-3))),
        "bridge_bar_log": float(np.log(max(bar / base, 1e-3))),
        "bridge_dark": float(np.percentile(face.lab[..., 0][bridge], 25) - np.median(face.lab[..., 0][cheek]))
        if bridge.any() and cheek.any() else 0.0,
        # Not a glasses cue: measured here because it reads the same smoothed edges (see _brim_line).
        "brim_line": _brim_line(face, np.abs(gy), base),
    }


def _bridge_span(face: AlignedFace, gy: np.ndarray, top_y: float, low_y: float) -> float:
    """The strongest row of horizontal edges that runs across the whole bridge: its weaker half, best row.

    Why the weaker half: a frame's bar crosses the nose from one lens to the other, while the inner end of a
    brow, a fringe or the shadow beside a turned nose reaches into the bridge from one side only. Rows may
    slant by a pixel (a tilted frame), so each edge is widened by one row up and down first. (Thirds instead
    of halves scored a little higher out-of-fold but moved the verdict of a camera held before a face under
    the darker and cropped copies of tests/photo_engine/test_invariance.py.)
    """
    height, width = gy.shape
    y0, y1 = int(max(0, top_y)), int(min(height, low_y))
    if y1 <= y0:
        return 0.0
    above, below = max(0, y0 - 1), min(height, y1 + 1)  # the rows the widening reads, and no more
    edges = cv2.dilate(np.abs(gy[above:below]), np.ones((3, 1), np.uint8))[y0 - above:y1 - above]
    left = face.points[168, 0] - 0.06 * FACE_PX
    halves = []
    for j in range(2):
        x0 = max(0, int(left + j * 0.06 * FACE_PX))
        x1 = min(width, int(left + (j + 1) * 0.06 * FACE_PX))
        if x1 <= x0:
            return 0.0
        halves.append((edges[:, x0:x1] * face.valid[y0:y1, x0:x1]).mean(axis=1))
    return float(np.min(np.vstack(halves), axis=0).max())


def _brim_line(face: AlignedFace, gy: np.ndarray, base: float) -> float:
    """The longest straight horizontal edge above the brows, as a share of the face's width there.

    Why: the lower edge of a brim, a peak, a headband or a hood runs straight across the forehead; a hairline
    is curved and broken. Per row from 0.4 face heights above mesh point 10 down to just over the brows: the
    share of pixels whose horizontal edge is over four times the cheeks' typical edge strength (``base``), so
    the same at any exposure. Rows mostly outside the picture are skipped.
    """
    pts = face.points
    half = 0.5 * np.linalg.norm(pts[454, :2] - pts[234, :2])
    cx, top = pts[10, 0], pts[10, 1] - 0.4 * FACE_PX
    zone = _zone(face, cx - 0.7 * half, cx + 0.7 * half, top, pts[[52, 282], 1].mean() - 0.02 * FACE_PX) & face.valid
    counts = zone.sum(axis=1)
    full = counts > 0.7 * half
    if not full.any():
        return 0.0
    strong = ((gy > 4 * base) & zone).sum(axis=1)
    return float((strong[full] / counts[full]).max())
