"""Hair probability per pixel from Google's MediaPipe hair segmentation model (vendored, see models/README.md).

Why a model: whether the thing on top of a head is hair or a hat cannot be told from colour rules; the
person mask covers both. This model marks hair only, so "person above the forehead that is neither hair
nor skin" is a measured cue for headwear, and hair over an eye is a measured cue for occlusion.

Traps this module hides: the model takes four channels (the fourth is the previous frame's mask, 0 for a
still photo; plain RGB gives garbage) and returns two logit channels (hair = sigmoid(c1 - c0)).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL = Path(__file__).resolve().parent.parent / "models" / "hair_segmentation.tflite"
MODEL_SHA256 = "0bec40bc9ba97c4143f3d4225a935014abffea37c1f3766ae32aba3f2748e711"


class HairModelMissing(RuntimeError):
    """The vendored model file is absent or not the pinned one (re-run scripts/extract_hair_model.py)."""


class HairSegmenter:
    def __init__(self, model: Path = MODEL) -> None:
        import warnings

        from photo_engine.reading.face import _quiet_native_stderr

        data = model.read_bytes() if model.is_file() else b""
        if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
            raise HairModelMissing(f"{model}: missing or not the pinned hair model; run scripts/extract_hair_model.py")
        with _quiet_native_stderr(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from mediapipe.tasks.python import BaseOptions
            from mediapipe.tasks.python.vision import ImageSegmenter, ImageSegmenterOptions

            options = ImageSegmenterOptions(base_options=BaseOptions(model_asset_buffer=data),
                                            output_confidence_masks=True, output_category_mask=False)
            self._segmenter = ImageSegmenter.create_from_options(options)
            self._run(np.full((64, 64, 3), 127, np.uint8))

    def _run(self, rgb: np.ndarray) -> np.ndarray:
        import mediapipe as mp

        rgba = np.ascontiguousarray(np.dstack([rgb, np.zeros(rgb.shape[:2], np.uint8)]))
        result = self._segmenter.segment(mp.Image(image_format=mp.ImageFormat.SRGBA, data=rgba))
        c0, c1 = (m.numpy_view() for m in result.confidence_masks)
        return (1.0 / (1.0 + np.exp(-(c1.astype(np.float32) - c0.astype(np.float32))))).astype(np.float32)

    def probability(self, rgb: np.ndarray, symmetric: bool = True) -> np.ndarray:
        """Hair probability 0..1 per pixel of ``rgb``; ``symmetric`` averages with the mirrored reading."""
        hair = self._run(rgb)
        if symmetric:
            hair = 0.5 * (hair + self._run(np.ascontiguousarray(rgb[:, ::-1]))[:, ::-1])
        return hair


@lru_cache(maxsize=1)
def hair_segmenter() -> HairSegmenter:
    return HairSegmenter()
