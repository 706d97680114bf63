"""Fast, alias-free reduction: halve with pyrDown while more than 2x too large, then one bilinear resize.

OpenCV's area interpolation costs time in proportion to the source pixels at any ratio; Gaussian halving
is several times cheaper per pixel, so big camera files reach working size in a few milliseconds.
"""

from __future__ import annotations

import cv2
import numpy as np


def shrink_to(image: np.ndarray, width: int, height: int) -> np.ndarray:
    width, height = max(1, int(width)), max(1, int(height))
    while image.shape[1] >= 2 * width and image.shape[0] >= 2 * height and min(image.shape[:2]) >= 4:
        image = cv2.pyrDown(image)
    if image.shape[1] == width and image.shape[0] == height:
        return image
    # Within 2x of the target, bilinear sampling loses next to nothing and costs a fraction of area averaging.
    interpolation = cv2.INTER_LINEAR if image.shape[1] > width else cv2.INTER_CUBIC
    return cv2.resize(image, (width, height), interpolation=interpolation)


def halve_until(image: np.ndarray, scale: float) -> tuple[np.ndarray, float, float]:
    """Halve ``image`` while ``scale`` (output px per input px) is below 0.5; return the image and the factors
    (x, y) by which it was reduced."""
    fx = fy = 1.0
    while scale / (fx * 0.5) <= 1.0 and min(image.shape[:2]) >= 8:
        h, w = image.shape[:2]
        image = cv2.pyrDown(image)
        fx *= image.shape[1] / w
        fy *= image.shape[0] / h
    return image, fx, fy
