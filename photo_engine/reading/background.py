"""The background as given: what it is (plain or busy, light or dark, which colour).

Read around the head only (the area a document photo shows), away from the person mask's edge so hair is
not counted as background. "Plain" means both little colour spread and little texture; lightness and
chroma then name the tone. Painting a new background is an output's job (:mod:`photo_engine.outputs.backdrop`).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from photo_engine.reading.face import HeadRegion

ANALYSIS_WIDTH = 480
# Plain: 90 % of background pixels within this colour distance (CIELAB) of the median, and smooth.
PLAIN_SPREAD = 12.0
PLAIN_TEXTURE = 11.0
LIGHT_L = 70.0  # CIELAB lightness of a light background
WHITE_L = 88.0
NEUTRAL_CHROMA = 12.0
WHITE_CHROMA = 6.0


@dataclass
class BackgroundReading:
    kind: str  # plain_light | plain_dark | plain_color | busy | unknown
    lightness: float
    chroma: float
    spread: float
    texture: float
    visible_share: float  # share of the head region that is background
    tone: str  # white | light-grey | light | dark | coloured
    # The same reading in terms that a change of exposure leaves alone (ratios of grey levels, chromaticity):
    grey: float = 0.0  # median grey level 0..255 of the background
    grey_spread: float = 0.0  # 90th percentile of |log grey - log median|: uneven light, shadows, objects
    contrast_texture: float = 0.0  # 90th percentile gradient over the median grey level (x100, log1p)
    chromaticity_spread: float = 0.0  # 90th percentile distance of r,g,b shares from their median (x100)
    chromaticity_offset: float = 0.0  # distance of the median r,g,b shares from neutral grey (x100)

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
    grey_bg = grey[background] + 1.0
    grey_median = float(np.median(grey_bg))
    shares = (rgb.astype(np.float32) + 1.0)[background]
    shares /= shares.sum(axis=1, keepdims=True)
    share_median = np.median(shares, axis=0)
    invariant = {
        "grey": grey_median - 1.0,
        "grey_spread": float(np.percentile(np.abs(np.log(grey_bg) - np.log(grey_median)), 90)),
        "contrast_texture": float(np.log1p(texture / grey_median * 100)),
        "chromaticity_spread": float(np.percentile(np.linalg.norm(shares - share_median, axis=1), 90) * 100),
        "chromaticity_offset": float(np.linalg.norm(share_median - 1 / 3) * 100),
    }
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
    return BackgroundReading(kind, lightness, chroma, spread, texture, share, tone, **invariant)


def _tone(lightness: float, chroma: float) -> str:
    if chroma > NEUTRAL_CHROMA:
        return "coloured"
    if lightness >= WHITE_L and chroma <= WHITE_CHROMA:
        return "white"
    if lightness >= LIGHT_L:
        return "light-grey"
    return "dark"
