"""Bad and synthetic inputs made at test time from the fixture portraits, with known truth."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
from PIL import Image


def rgb_of(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def save(rgb: np.ndarray, path: Path, **options) -> Path:
    Image.fromarray(rgb).save(path, **options)
    return path


def truncated_jpeg(source: Path, target: Path) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def bomb_png(target: Path, width: int = 40_000, height: int = 40_000) -> Path:
    """A tiny PNG whose header claims width x height pixels (1.6 gigapixels by default)."""
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4: ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr: ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17: ihdr + 21] = struct.pack(">I", crc)
    target.write_bytes(bytes(data))
    return target


def sixteen_bit_png(rgb: np.ndarray, target: Path) -> Path:
    deep = rgb.astype(np.uint16) * 257
    cv2.imwrite(str(target), cv2.cvtColor(deep, cv2.COLOR_RGB2BGR))
    return target


def exif_rotated_jpeg(rgb: np.ndarray, target: Path) -> Path:
    """Pixels stored turned 90 degrees clockwise with orientation 8, so a viewer shows them upright."""
    stored = np.rot90(rgb, k=-1)
    image = Image.fromarray(np.ascontiguousarray(stored))
    exif = image.getexif()
    exif[0x0112] = 8
    image.save(target, "JPEG", quality=92, exif=exif.tobytes())
    return target


def rotate(rgb: np.ndarray, degrees: float) -> np.ndarray:
    """Turn the picture by ``degrees`` counter-clockwise about its centre (edges replicated)."""
    h, w = rgb.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(rgb, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def two_faces(rgb: np.ndarray) -> np.ndarray:
    half = cv2.resize(rgb, (rgb.shape[1] // 2, rgb.shape[0] // 2), interpolation=cv2.INTER_AREA)
    canvas = np.full_like(rgb, 235)
    top = rgb.shape[0] // 4
    canvas[top: top + half.shape[0], : half.shape[1]] = half
    canvas[top: top + half.shape[0], half.shape[1]: 2 * half.shape[1]] = half
    return canvas


def tiny_face(rgb: np.ndarray, factor: float = 0.16, canvas: int = 900) -> np.ndarray:
    small = cv2.resize(rgb, (int(rgb.shape[1] * factor), int(rgb.shape[0] * factor)), interpolation=cv2.INTER_AREA)
    out = np.full((canvas, canvas, 3), 240, np.uint8)
    y, x = (canvas - small.shape[0]) // 2, (canvas - small.shape[1]) // 2
    out[y: y + small.shape[0], x: x + small.shape[1]] = small
    return out


def no_face(width: int = 640, height: int = 640) -> np.ndarray:
    y, x = np.mgrid[0:height, 0:width]
    r = (x * 255 // width).astype(np.uint8)
    g = (y * 255 // height).astype(np.uint8)
    return np.dstack([r, g, np.full_like(r, 128)])
