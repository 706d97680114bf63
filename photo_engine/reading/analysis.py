"""One pass over a portrait: models, geometry, appearance cues, background, colour. Checks and make share it.

The analysis is independent of any profile: the same measurements can be judged against the ID card and
the visa rules without looking at the picture again.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass

import cv2
import numpy as np

from photo_engine.lanes import lane
from photo_engine.reading.aligned import AlignedFace, align_face
from photo_engine.reading.appearance import AppearanceCues, read_cues
from photo_engine.reading.background import BackgroundReading, read_background
from photo_engine.reading.face import FaceModelOutput, analyse_face, models
from photo_engine.reading.measures import FaceGeometry, measure_geometry
from photo_engine.reading.source import SourceImage


@dataclass
class ColourReading:
    mean_chroma: float
    high_chroma: float  # 99th percentile
    greyscale: bool


@dataclass
class PortraitAnalysis:
    source: SourceImage
    models: FaceModelOutput
    geometry: FaceGeometry | None
    aligned: AlignedFace | None
    cues: AppearanceCues | None
    background: BackgroundReading | None
    colour: ColourReading
    symmetric: bool = True  # read in both orientations (check) or one (make's time budget)
    hair_job: Future | None = None  # hair probability of the head region, computed beside the measuring

    def hair_probability(self) -> np.ndarray | None:
        return self.hair_job.result() if self.hair_job is not None else None

    @property
    def face_found(self) -> bool:
        return self.geometry is not None


def analyse_portrait(source: SourceImage, symmetric: bool = True) -> PortraitAnalysis:
    """Everything the checks need; ``symmetric`` reads the face in both orientations (see face.py)."""
    out = analyse_face(source.rgb, symmetric)
    if out.landmarks is None:
        return PortraitAnalysis(source, out, None, None, None, None, read_colour(out.overview, source), symmetric)
    # The hair model needs only the head region; it runs on a thread of its own (it releases the GIL) while
    # geometry, the aligned view and the cues are measured here, so make pays for it hardly at all.
    hair_job = lane("hair").submit(_hair, out.region.rgb, symmetric) if out.region is not None else None
    # The background and the colour need only the head region and the overview: they are read on a thread
    # of their own (OpenCV and NumPy release the GIL) while the face is measured and aligned here.
    surroundings = lane("surroundings").submit(_surroundings, out, source)
    geometry = measure_geometry(out)
    aligned = align_face(source.rgb, out, geometry)
    # Hands on the aligned view run on the Hands thread; the cues need them. Pose may still be reading too:
    # only the features wait for it.
    view_hands = models().hands_in_later(aligned.rgb, symmetric)
    crown_view = np.array([geometry.eye_mid[0], geometry.crown_y, 1.0]) @ aligned.matrix.T
    cues = read_cues(aligned, out.hands + _to_full(aligned, view_hands.result()), float(crown_view[1]))
    background, colour = surroundings.result()
    return PortraitAnalysis(source, out, geometry, aligned, cues, background, colour, symmetric, hair_job)


def _surroundings(out: FaceModelOutput, source: SourceImage) -> tuple[BackgroundReading | None, ColourReading]:
    background = read_background(out.region) if out.region is not None else None
    return background, read_colour(out.overview, source)


def _to_full(aligned: AlignedFace, hands: list[np.ndarray]) -> list[np.ndarray]:
    """Hands found on the aligned face view, in full-resolution pixels (as the whole-picture ones are)."""
    back = cv2.invertAffineTransform(aligned.matrix)
    return [np.c_[hand, np.ones(len(hand))] @ back.T for hand in hands]


def _hair(rgb: np.ndarray, symmetric: bool) -> np.ndarray:
    from photo_engine.reading.hair import hair_segmenter

    return hair_segmenter().probability(rgb, symmetric=symmetric)


def read_colour(overview: np.ndarray, source: SourceImage) -> ColourReading:
    step = max(1, max(overview.shape[:2]) // 512)
    small = np.ascontiguousarray(overview[::step, ::step])  # a sample is enough to see whether colour exists
    lab = cv2.cvtColor(small.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)
    chroma = np.hypot(lab[..., 1], lab[..., 2])
    high = float(np.percentile(chroma, 99))
    return ColourReading(float(chroma.mean()), high, source.was_greyscale or high < 4.0)
