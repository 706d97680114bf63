"""Reading a portrait safely: refuse what is not a usable image, normalise what is, never touch the file.

Everything downstream works on one shape of data: an 8-bit sRGB RGB array, upright as the camera meant it
(EXIF orientation applied). What had to be changed to get there (CMYK, 16-bit, transparency, greyscale,
a non-sRGB ICC profile, rotation) is kept as notes, because some of it matters to a check (a greyscale
source fails ``colour``) and all of it matters to a person reading the report.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from photo_engine.errors import DecompressionBomb, ImageUnreadable, NotAnImage, PhotoError, TruncatedImage
from photo_engine.messages import Phrase, say

# Phones reach 50-108 MP; nothing a person brings for a document photo is larger. Checked from the header,
# before any pixel is decoded, so a decompression bomb costs nothing.
MAX_PIXELS = 120_000_000
# A JPEG decodes at a reduced scale (draft); other formats decode every pixel first, so their limit keeps a
# check under 500 MB (a 50-MP PNG decodes to 150 MB) - a phone's largest photo still passes.
MAX_PIXELS_FULL_DECODE = 50_000_000
DRAFT_MODES = ("RGB", "L", "CMYK")  # JPEG modes libjpeg decodes at 1/2, 1/4 or 1/8 scale
MAX_FILE_BYTES = 200_000_000  # checked before reading: no portrait needs more, a hostile upload might
ImageFile.LOAD_TRUNCATED_IMAGES = False
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


@dataclass
class SourceImage:
    """An upright 8-bit RGB portrait plus what was done to make it so."""

    path: str
    rgb: np.ndarray
    original_mode: str
    original_format: str | None
    exif_orientation: int = 1
    notes: list[Phrase] = field(default_factory=list)  # what reading changed, as message ids
    was_greyscale: bool = False
    had_alpha: bool = False
    was_cmyk: bool = False
    was_16bit: bool = False
    decode_scale: float = 1.0  # decoded size over stored size (below 1 when a JPEG was decoded reduced)

    @property
    def width(self) -> int:
        return int(self.rgb.shape[1])

    @property
    def height(self) -> int:
        return int(self.rgb.shape[0])


def load_source(path: str | Path, *, draft_min_side: int | None = None) -> SourceImage:
    """Decode ``path`` into a :class:`SourceImage`; raise a :class:`PhotoError` that names the file otherwise.

    ``draft_min_side`` lets a JPEG decode at a reduced DCT scale (1/2, 1/4, 1/8) as long as the short side
    stays at or above that many pixels: the outputs of a document photo need far fewer pixels than a
    12-MP camera file has, and decoding only what is needed is most of the speed of ``make``.
    """
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImageUnreadable(name, say("error.file_too_big", size=round(size / 1e6),
                                            limit=round(MAX_FILE_BYTES / 1e6)))
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ImageUnreadable(name, say("error.no_such_file")) from None
    except IsADirectoryError:
        raise ImageUnreadable(name, say("error.is_folder")) from None
    except OSError as error:
        raise ImageUnreadable(name, say("error.cannot_read", reason=error.strerror or str(error))) from None
    if not data:
        raise NotAnImage(name, empty=True)
    if _looks_like_heif(data):
        _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise NotAnImage(name) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width, height = _header_size(data)
        raise DecompressionBomb(name, width, height, MAX_PIXELS) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise NotAnImage(name, str(error)) from None
    width, height = image.size
    reducible = bool(draft_min_side) and image.format == "JPEG" and image.mode in DRAFT_MODES
    limit = MAX_PIXELS if reducible else MAX_PIXELS_FULL_DECODE
    if width * height > limit:
        raise DecompressionBomb(name, width, height, limit)
    if width < 16 or height < 16:
        raise ImageUnreadable(name, say("error.image_too_small", width=width, height=height))
    try:
        return _decode(name, image, width, draft_min_side)
    except PhotoError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged file makes decoders fail in many ways; all are one
        text = str(error).lower()
        if "truncat" in text or "broken data stream" in text or "premature end" in text:
            raise TruncatedImage(name) from None
        raise ImageUnreadable(name, say("error.damaged", decoder_error=type(error).__name__)) from None


HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")


def _looks_like_heif(data: bytes) -> bool:
    """An ISO-BMFF ``ftyp`` box with a HEIF brand: phones' HEIC photos (checked from the first bytes only)."""
    return data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS


@lru_cache(maxsize=1)
def _register_heif() -> bool:
    """Teach Pillow to open HEIC/HEIF (pillow-heif), only when such a file shows up: the import costs time."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def _decode(name: str, image: Image.Image, width: int, draft_min_side: int | None) -> SourceImage:
    deep_colour = any(str(t.args).endswith(";16B") or str(t.args).endswith(";16") for t in image.tile or [])
    orientation = int(image.getexif().get(0x0112, 1) or 1)
    if draft_min_side and image.format == "JPEG" and image.mode in DRAFT_MODES:
        _apply_draft(image, draft_min_side)
    image.load()
    if draft_min_side and image.size[0] == width and image.mode in ("RGB", "RGBA", "L", "LA"):
        # Formats without a reduced decode (PNG, WebP, HEIC, TIFF) are halved right after decoding, as a JPEG's
        # draft would be: every later copy is then a quarter of the size (a 48-MP PNG stays under 500 MB).
        factor = _reduction(min(image.size), draft_min_side)
        if factor > 1:
            reduced = image.reduce(factor)
            image.close()
            image = reduced
    decode_scale = image.size[0] / width
    source = SourceImage(name, np.zeros((1, 1, 3), np.uint8), image.mode, image.format, orientation,
                         decode_scale=decode_scale)
    if deep_colour and image.mode in ("RGB", "RGBA"):
        source.was_16bit = True
        source.notes.append(say("note.deep_colour_reduced"))
    image = _upright(image, source)
    image = _to_rgb8(image, source)
    source.rgb = np.asarray(image, dtype=np.uint8)
    if source.rgb.ndim != 3 or source.rgb.shape[2] != 3:
        raise ImageUnreadable(name, say("error.no_colour_channels"))
    return source


def _header_size(data: bytes) -> tuple[int, int]:
    """The size a refused image claims, read without decoding (0 x 0 when even that fails)."""
    previous = Image.MAX_IMAGE_PIXELS
    try:
        Image.MAX_IMAGE_PIXELS = None
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except Exception:  # noqa: BLE001 - only for the message; the refusal stands either way
        return 0, 0
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _reduction(short_side: int, min_side: int) -> int:
    """The largest power-of-two reduction (at most 8) that keeps the short side at or above min_side."""
    scale = 1
    while scale < 8 and short_side // (scale * 2) >= min_side:
        scale *= 2
    return scale


def _apply_draft(image: Image.Image, min_side: int) -> None:
    scale = _reduction(min(image.size), min_side)
    if scale > 1:
        image.draft(image.mode, (image.size[0] // scale, image.size[1] // scale))


def _upright(image: Image.Image, source: SourceImage) -> Image.Image:
    if source.exif_orientation not in (1, 0):
        turned = ImageOps.exif_transpose(image)
        if turned is not None:
            source.notes.append(say("note.exif_turned", orientation=source.exif_orientation))
            return turned
    return image


def _to_rgb8(image: Image.Image, source: SourceImage) -> Image.Image:
    mode = image.mode
    icc = image.info.get("icc_profile")
    if mode == "CMYK":
        source.was_cmyk = True
        source.notes.append(say("note.cmyk_converted"))
        image = _cmyk_to_srgb(image, icc)
        icc = None
    elif mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        source.was_16bit = True
        source.notes.append(say("note.deep_grey_reduced", bits=_bits(mode)))
        array = np.asarray(image, dtype=np.float64)
        peak = 65535.0 if array.max() > 255 else 255.0
        image = Image.fromarray(np.clip(array / peak * 255.0 + 0.5, 0, 255).astype(np.uint8), "L")
        mode = "L"
    elif mode in ("RGB;16", "RGBA;16", "RGBX;16"):
        source.was_16bit = True
        source.notes.append(say("note.deep_colour_reduced"))
        image = image.convert("RGB")
        mode = "RGB"
    if mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        mode = image.mode
    if mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        alpha = np.asarray(image.getchannel("A"))
        if alpha.min() < 255:
            source.had_alpha = True
            source.notes.append(say("note.transparency_flattened"))
        base = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(base, image.convert("RGBA")).convert("RGB")
        mode = "RGB"
    if mode in ("L", "1"):
        source.was_greyscale = True
        source.notes.append(say("note.one_channel"))
        return image.convert("RGB")
    if mode == "YCbCr" or mode == "LAB" or mode == "HSV":
        image = image.convert("RGB")
    if image.mode != "RGB":
        image = image.convert("RGB")
    if icc:
        image = _icc_to_srgb(image, icc, source)
    return image


def _bits(mode: str) -> int:
    return 32 if mode in ("I", "F") else 16


def _cmyk_to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, profile, ImageCms.createProfile("sRGB"), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    return image.convert("RGB")


def _icc_to_srgb(image: Image.Image, icc: bytes, source: SourceImage) -> Image.Image:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        description = ImageCms.getProfileDescription(profile) or ""
    except (ImageCms.PyCMSError, OSError, ValueError):
        source.notes.append(say("note.icc_unreadable"))
        return image
    if "srgb" in description.lower().replace(" ", ""):
        return image
    try:
        converted = ImageCms.profileToProfile(image, profile, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        source.notes.append(say("note.icc_unconverted", profile=description.strip()))
        return image
    source.notes.append(say("note.icc_converted", profile=description.strip()))
    return converted
