"""Hostile input files for the reliability figures: profile files for `kzdocs build`, images for `photo check`.

Each case is one file an editor or an applicant might hand us by mistake or on purpose; a case passes when the
command ends with one clean error line (or, for an odd but valid image, a verdict), with no traceback, within
the time and memory limits, and leaves the registry, data/ and the input file as they were.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

ProfileCase = Callable[[Path], None]  # spoils data/profiles/ in place


def _set(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1) + "change_reason: hostile edit\n", encoding="utf-8")


def _visa(data: Path) -> Path:
    return data / "profiles" / "kz-visa-photo.yaml"


def _alias_bomb(data: Path) -> None:
    lines = ["slug: kz-bomb", "kind: service", "document: x", "title: t",
             'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    lines += ["fields:", "- key: documents", "  value: *a8", "  status: inferred", "  reason: test case",
              "  verified_at: 2026-11-01"]
    (data / "profiles" / "kz-bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _big_file(data: Path) -> None:
    """19 MB of YAML comments: under the 20 MB bound of the issue, over the loader's 4 MB limit."""
    (data / "profiles" / "kz-big.yaml").write_bytes(b"# padding\n" * (19 * 1024 * 1024 // 10))


PROFILE_CASES: dict[str, ProfileCase] = {
    "infinity": lambda d: _set(_visa(d), "  value: 35\n", "  value: .inf\n"),
    "NaN": lambda d: _set(_visa(d), "  value: 35\n", "  value: .nan\n"),
    "negative size": lambda d: _set(_visa(d), "  value: 35\n", "  value: -35\n"),
    "text for a number": lambda d: _set(_visa(d), "  value: 35\n", "  value: 35mm\n"),
    "wrong unit": lambda d: _set(_visa(d), "  value: 35\n  unit: mm\n", "  value: 35\n  unit: cm\n"),
    "misspelled key": lambda d: _set(_visa(d), "- key: print.copies\n", "- key: print.copys\n"),
    "verified_at in the future": lambda d: _set(_visa(d), "verified_at: 2026-11-22", "verified_at: 2999-01-01"),
    "range min above max": lambda d: _set(_visa(d), "- key: head.height_mm\n  value:\n    min: 32\n    max: 36",
                                          "- key: head.height_mm\n  value:\n    min: 36\n    max: 32"),
    "head taller than the photo": lambda d: _set(_visa(d), "- key: head.height_mm\n  value:\n    min: 32\n    max: 36",
                                                 "- key: head.height_mm\n  value:\n    min: 32\n    max: 60"),
    "FIFO as a profile": lambda d: os.mkfifo(d / "profiles" / "kz-fifo.yaml"),
    "link to /dev/zero": lambda d: (d / "profiles" / "kz-zero.yaml").symlink_to("/dev/zero"),
    "19 MB file": _big_file,
    "random bytes": lambda d: (d / "profiles" / "kz-junk.yaml").write_bytes(random.Random(7).randbytes(200_000)),
    "YAML alias bomb (9^9 items)": _alias_bomb,
    "100,000 nested brackets": lambda d: (d / "profiles" / "kz-deep.yaml").write_text(
        "slug: kz-deep\nkind: service\ndocument: x\ntitle: t\nfields: " + "[" * 100_000 + "]" * 100_000 + "\n"),
    "not UTF-8": lambda d: (d / "profiles" / "kz-latin.yaml").write_bytes("title: caf\xe9\n".encode("latin-1")),
    "duplicate key": lambda d: _set(_visa(d), "kind: photo\n", "kind: photo\nkind: service\n"),
    "empty file": lambda d: (d / "profiles" / "kz-empty.yaml").write_bytes(b""),
}


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_bomb(width: int, height: int) -> bytes:
    """A valid PNG of a huge black RGB picture: about 1 MB on disk, width*height*3 bytes once decoded."""
    packer = zlib.compressobj(9)
    row = b"\x00" + bytes(width * 3)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", body) + _png_chunk(b"IEND", b"")


def image_cases(portrait: bytes) -> dict[str, tuple[str, bytes]]:
    """name -> (file name, bytes); portrait is a real JPEG the damaged cases are cut from."""
    from PIL import Image

    png = io.BytesIO()
    Image.open(io.BytesIO(portrait)).save(png, "PNG")
    png_bytes = png.getvalue()
    zeros = bytearray(portrait)
    zeros[len(zeros) // 3: len(zeros) // 3 + 4000] = bytes(4000)
    return {
        "empty file": ("empty.jpg", b""),
        "text named .png": ("note.png", b"this is not a picture\n" * 100),
        "random bytes named .jpg": ("noise.jpg", random.Random(3).randbytes(300_000)),
        "JPEG cut in half": ("half.jpg", portrait[: len(portrait) // 2]),
        "JPEG with zeroed scan data": ("zeroed.jpg", bytes(zeros)),
        "PNG cut in half": ("half.png", png_bytes[: len(png_bytes) // 2]),
        "PNG header only": ("header.png", png_bytes[:64]),
        "PNG declaring 60000 x 60000 px": ("huge.png", png_bomb(60000, 1)[:33] + b"\x00" * 100),
        "PNG bomb 20000 x 20000 px (1.2 GB decoded)": ("bomb.png", png_bomb(20000, 20000)),
        "19 MB of noise named .jpg": ("big.jpg", random.Random(5).randbytes(19 * 1024 * 1024)),
        "PNG of 119 MP, 0.35 MB (under the pixel limit for JPEG)": ("flat.png", png_bomb(10900, 10900)),
        "CMYK JPEG of 119 MP": ("cmyk.jpg", flat_jpeg("CMYK", 10900)),
    }


def flat_jpeg(mode: str, side: int) -> bytes:
    """A plain square JPEG of side x side px: a few MB on disk, side^2 * channels bytes if decoded in full."""
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, (side, side), 0).save(out, "JPEG", quality=50)
    return out.getvalue()
