"""Test portraits made at test time from a public-domain photo that ships inside a PyPI package.

`skimage.data.astronaut()` (scikit-image, a test dependency) is NASA's portrait of astronaut Eileen Collins,
public domain. From it we make, with known truth: the portrait on a plain white or light grey background, on a
synthetic brick wall (busy), with tinted lenses drawn over the eyes, and with the crown cut by the top edge.
The person mask for the background swaps comes from mediapipe's selfie segmenter, the same model family the
engine uses; what matters here is that the background *is* plain or busy by construction.
Made once per process into a temporary folder: nothing derived from any evaluation set is in the repository.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

SCALE = 3  # 512 px -> 1536 px: the head spans about 480 px, enough for every profile's output


@lru_cache(maxsize=1)
def astronaut() -> np.ndarray:
    from skimage import data

    rgb = data.astronaut()
    return cv2.resize(rgb, (rgb.shape[1] * SCALE, rgb.shape[0] * SCALE), interpolation=cv2.INTER_CUBIC)


@lru_cache(maxsize=1)
def person_mask() -> np.ndarray:
    """Soft 0..1 mask of the astronaut (body and head) from the selfie segmenter, on the scaled portrait."""
    from mediapipe.python.solutions import selfie_segmentation

    rgb = astronaut()
    with selfie_segmentation.SelfieSegmentation(model_selection=0) as segmenter:
        mask = segmenter.process(np.ascontiguousarray(rgb)).segmentation_mask
    mask = cv2.GaussianBlur(np.asarray(mask, np.float32), (0, 0), 2.0)
    return np.clip(mask, 0.0, 1.0)


def on_background(background: np.ndarray) -> np.ndarray:
    alpha = person_mask()[..., None]
    return (alpha * astronaut() + (1 - alpha) * background).round().astype(np.uint8)


def plain(level: int) -> np.ndarray:
    return np.full_like(astronaut(), level)


def brick_wall() -> np.ndarray:
    """Red-brown bricks with light mortar joints, offset every other row: a textured, busy background."""
    h, w = astronaut().shape[:2]
    wall = np.zeros((h, w, 3), np.uint8)
    wall[:] = (205, 200, 190)
    rng = np.random.default_rng(7)
    brick_h, brick_w = 70, 190
    for row, y in enumerate(range(0, h, brick_h)):
        offset = (brick_w // 2) * (row % 2)
        for x in range(-offset, w, brick_w):
            tone = rng.integers(-25, 25)
            colour = tuple(int(np.clip(c + tone, 0, 255)) for c in (150, 70, 50))
            cv2.rectangle(wall, (x + 6, y + 6), (x + brick_w - 6, y + brick_h - 6), colour, -1)
    return wall


def eye_centres(rgb: np.ndarray) -> list[tuple[float, float]]:
    from photo_engine.reading.face import analyse_face

    out = analyse_face(rgb, symmetric=False)
    return [tuple(out.landmarks[list(range(468, 473)), :2].mean(axis=0)),
            tuple(out.landmarks[list(range(473, 478)), :2].mean(axis=0))]


def with_sunglasses(rgb: np.ndarray) -> np.ndarray:
    """Dark, slightly tinted lenses drawn over both eyes with a bridge between them."""
    out = rgb.copy()
    (lx, ly), (rx, ry) = eye_centres(rgb)
    span = abs(rx - lx)
    axes = (int(0.33 * span), int(0.24 * span))
    for x, y in ((lx, ly), (rx, ry)):
        cv2.ellipse(out, (int(x), int(y)), axes, 0, 0, 360, (25, 22, 30), -1)
        cv2.ellipse(out, (int(x), int(y)), axes, 0, 0, 360, (10, 10, 10), max(2, int(0.04 * span)))
    cv2.line(out, (int(lx + axes[0]), int(ly)), (int(rx - axes[0]), int(ry)), (10, 10, 10), max(2, int(0.04 * span)))
    return out


def with_clear_glasses(rgb: np.ndarray) -> np.ndarray:
    """Thin dark rims around both eyes and a bridge over the nose: clear lenses, the eyes stay visible."""
    out = rgb.copy()
    (lx, ly), (rx, ry) = eye_centres(rgb)
    span = abs(rx - lx)
    axes = (int(0.36 * span), int(0.27 * span))
    rim = max(2, int(0.06 * span))  # about 4 mm at a 65 mm eye distance
    for x, y in ((lx, ly), (rx, ry)):
        cv2.ellipse(out, (int(x), int(y + 0.04 * span)), axes, 0, 0, 360, (30, 25, 25), rim)
    bridge_y = int((ly + ry) / 2 - 0.08 * span)
    cv2.line(out, (int(lx + axes[0]), bridge_y), (int(rx - axes[0]), bridge_y), (30, 25, 25), rim)
    return out


def crown_cut(rgb: np.ndarray) -> np.ndarray:
    """The portrait with its top sliced off through the hair, as in many tight casual crops."""
    from photo_engine.reading.face import analyse_face

    out = analyse_face(rgb, symmetric=False)
    forehead_y = float(out.landmarks[10, 1])
    return np.ascontiguousarray(rgb[int(forehead_y - 0.05 * (out.landmarks[152, 1] - forehead_y)):])


def make_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    white = on_background(plain(255))
    made = {
        "plain-white": white,
        "plain-grey": on_background(plain(215)),
        "brick-wall": on_background(brick_wall()),
        "sunglasses": with_sunglasses(white),
        "clear-glasses": with_clear_glasses(white),
        "crown-cut": crown_cut(white),
    }
    paths = {}
    for name, rgb in made.items():
        path = folder / f"astronaut-{name}.jpg"
        if not path.is_file():
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            Image.fromarray(rgb).save(tmp, "JPEG", quality=92)
            os.replace(tmp, path)
        paths[name] = path
    return paths


FOLDER = Path(tempfile.gettempdir()) / f"kzdocs-test-portraits-{os.getpid()}"
