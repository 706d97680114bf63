"""A new background behind the person: the profile's colour, blended through an edge-aware mask.

The person mask from the segmentation model is coarse; it is refined against the image itself (guided
filter) so hair edges follow the picture rather than the model's grid, and the old background's tint is
taken out of edge pixels so no halo of it survives.
"""

from __future__ import annotations

import cv2
import numpy as np

COLOUR_RGB = {"white": (255, 255, 255), "light-grey": (222, 222, 222), "light": (240, 240, 240)}


def fill_colour(allowed: list[str]) -> tuple[int, int, int]:
    """The colour we paint: the profile's first allowed colour we know how to render."""
    for colour in allowed:
        if colour in COLOUR_RGB:
            return COLOUR_RGB[colour]
        if colour in ("light-gray", "grey-light"):
            return COLOUR_RGB["light-grey"]
    return COLOUR_RGB["white"]


def refine_mask(rgb: np.ndarray, person: np.ndarray) -> np.ndarray:
    """Snap the coarse person mask to the image's own edges (guided filter), keeping it in 0..1."""
    radius = max(2, int(min(rgb.shape[:2]) / 80))
    try:
        from cv2 import ximgproc

        refined = ximgproc.guidedFilter(rgb, person.astype(np.float32), radius, 1e-3)
    except (ImportError, AttributeError, cv2.error):
        refined = cv2.GaussianBlur(person.astype(np.float32), (2 * radius + 1,) * 2, 0)
    refined = np.clip((refined - 0.15) / 0.7, 0.0, 1.0)
    return refined.astype(np.float32)


def replace_background(rgb: np.ndarray, person: np.ndarray, colour: tuple[int, int, int]) -> np.ndarray:
    """Put ``colour`` behind the person: edge-aware alpha, and the old background's tint taken out of the edges.

    A pixel at a hair edge is part hair, part old background. Blending it as it is onto the new colour keeps
    the old background's share (the pink or dark halo around hair). So the old background's colour near each
    edge is estimated (a wide average of the pixels the mask calls background) and removed from the edge
    pixels before the new colour goes in: foreground = (pixel - (1 - alpha) * old) / alpha.
    """
    alpha = refine_mask(rgb, person)
    image = rgb.astype(np.float32)
    old = _local_background(image, alpha)
    a = alpha[..., None]
    edge = (alpha > 0.02) & (alpha < 0.98)
    foreground = image.copy()
    foreground[edge] = np.clip((image[edge] - (1.0 - a[edge]) * old[edge]) / np.maximum(a[edge], 0.15), 0, 255)
    fill = np.empty_like(image)
    fill[...] = colour
    out = foreground * a + fill * (1.0 - a)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def blend_plain(rgb: np.ndarray, person: np.ndarray, colour: tuple[int, int, int]) -> np.ndarray:
    """The naive replacement (no tint removal), kept as the benchmark's baseline for the hair-band error."""
    alpha = refine_mask(rgb, person)[..., None]
    out = rgb.astype(np.float32) * alpha + np.asarray(colour, np.float32) * (1.0 - alpha)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def _local_background(image: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Old background colour around every pixel: a normalised wide blur of the sure-background pixels."""
    weight = np.clip(1.0 - alpha * 1.5, 0.0, 1.0).astype(np.float32)
    sigma = max(4.0, min(image.shape[:2]) / 30)
    small = max(1, int(sigma // 4))
    shrink = (max(1, image.shape[1] // small), max(1, image.shape[0] // small))
    w_small = cv2.resize(weight, shrink, interpolation=cv2.INTER_AREA)
    i_small = cv2.resize(image * weight[..., None], shrink, interpolation=cv2.INTER_AREA)
    w_blur = cv2.GaussianBlur(w_small, (0, 0), sigma / small)
    i_blur = cv2.GaussianBlur(i_small, (0, 0), sigma / small)
    local = i_blur / np.maximum(w_blur, 1e-3)[..., None]
    return cv2.resize(local, (image.shape[1], image.shape[0]), interpolation=cv2.INTER_LINEAR)
