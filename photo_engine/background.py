"""The background: what it is (plain or busy, light or dark, which colour) and replacing it.

Read around the head only (the area a document photo shows), away from the person mask's edge so hair is
not counted as background. "Plain" means both little colour spread and little texture; lightness and
chroma then name the tone. Replacement blends the profile's colour in through the person mask, refined
against the image itself so hair edges follow the picture rather than the model's coarse grid.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from photo_engine.face import HeadRegion

ANALYSIS_WIDTH = 480
# Plain: 90 % of background pixels within this colour distance (CIELAB) of the median, and smooth.
PLAIN_SPREAD = 12.0
PLAIN_TEXTURE = 11.0
LIGHT_L = 70.0  # CIELAB lightness of a light background
WHITE_L = 88.0
NEUTRAL_CHROMA = 12.0
WHITE_CHROMA = 6.0

COLOUR_RGB = {"white": (255, 255, 255), "light-grey": (222, 222, 222), "light": (240, 240, 240)}


@dataclass
class BackgroundReading:
    kind: str  # plain_light | plain_dark | plain_color | busy | unknown
    lightness: float
    chroma: float
    spread: float
    texture: float
    visible_share: float  # share of the head region that is background
    tone: str  # white | light-grey | light | dark | coloured

    def matches(self, allowed: list[str]) -> bool:
        """Whether this (plain) background is one of the profile's allowed colours."""
        if self.kind == "busy" or self.kind == "unknown":
            return False
        for colour in allowed:
            if colour == "white" and self.tone == "white":
                return True
            if colour in ("light-grey", "light-gray", "grey-light") and self.tone in ("light-grey", "white"):
                return True
            if colour == "light" and self.kind == "plain_light":
                return True
        return False


def read_background(region: HeadRegion) -> BackgroundReading:
    width = ANALYSIS_WIDTH
    height = max(8, round(region.rgb.shape[0] * width / region.rgb.shape[1]))
    rgb = cv2.resize(region.rgb, (width, height), interpolation=cv2.INTER_AREA)
    person = cv2.resize(region.person, (width, height), interpolation=cv2.INTER_LINEAR)
    margin = max(3, width // 40)
    near_person = cv2.dilate((person > 0.3).astype(np.uint8), np.ones((2 * margin + 1,) * 2, np.uint8)).astype(bool)
    background = ~near_person
    share = float(background.mean())
    if background.sum() < 200:
        return BackgroundReading("unknown", 0.0, 0.0, 0.0, 0.0, share, "unknown")
    lab = cv2.cvtColor(rgb.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)
    pixels = lab[background]
    median = np.median(pixels, axis=0)
    spread = float(np.percentile(np.linalg.norm(pixels - median, axis=1), 90))
    grey = cv2.GaussianBlur(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32), (3, 3), 0)
    gradient = np.hypot(cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1))
    texture = float(np.percentile(gradient[background], 90))
    lightness, chroma = float(median[0]), float(np.hypot(median[1], median[2]))
    plain = spread <= PLAIN_SPREAD and texture <= PLAIN_TEXTURE
    tone = _tone(lightness, chroma)
    if not plain:
        kind = "busy"
    elif lightness >= LIGHT_L and chroma <= NEUTRAL_CHROMA:
        kind = "plain_light"
    elif lightness < LIGHT_L and chroma <= NEUTRAL_CHROMA:
        kind = "plain_dark"
    else:
        kind = "plain_color"
    return BackgroundReading(kind, lightness, chroma, spread, texture, share, tone)


def _tone(lightness: float, chroma: float) -> str:
    if chroma > NEUTRAL_CHROMA:
        return "coloured"
    if lightness >= WHITE_L and chroma <= WHITE_CHROMA:
        return "white"
    if lightness >= LIGHT_L:
        return "light-grey"
    return "dark"


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
