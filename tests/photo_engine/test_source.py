"""Reading portraits: every bad input named in issue 4 gets a clear message, good odd inputs are normalised."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from photo_engine.errors import DecompressionBomb, ImageUnreadable, NotAnImage, TruncatedImage
from photo_engine.reading.source import load_source

from .conftest import WHITE, digest
from .synth import bomb_png, exif_rotated_jpeg, rgb_of, save, sixteen_bit_png, truncated_jpeg


def test_a_text_file_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("this is not a photo")
    with pytest.raises(NotAnImage, match="notes.jpg"):
        load_source(path)


def test_an_empty_file_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    with pytest.raises(NotAnImage, match="empty"):
        load_source(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImageUnreadable, match="no such file"):
        load_source(tmp_path / "absent.jpg")


def test_a_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    path = truncated_jpeg(WHITE, tmp_path / "cut.jpg")
    with pytest.raises(TruncatedImage, match="cut.jpg.*truncated"):
        load_source(path)


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = bomb_png(tmp_path / "bomb.png")
    with pytest.raises(DecompressionBomb, match="40000 x 40000"):
        load_source(path)


def test_cmyk_is_converted_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "cmyk.jpg"
    Image.open(WHITE).convert("CMYK").save(path, "JPEG", quality=92)
    source = load_source(path)
    assert source.was_cmyk and source.rgb.shape[2] == 3
    assert any(note.id == "note.cmyk_converted" and "CMYK" in note.text("en") for note in source.notes)


def test_sixteen_bit_is_reduced_to_eight_and_noted(tmp_path: Path) -> None:
    rgb = rgb_of(WHITE)
    source = load_source(sixteen_bit_png(rgb, tmp_path / "deep.png"))
    assert source.was_16bit and source.rgb.dtype == np.uint8
    assert np.abs(source.rgb.astype(int) - rgb.astype(int)).max() <= 1


def test_transparency_is_flattened_onto_white(tmp_path: Path) -> None:
    rgba = np.dstack([rgb_of(WHITE), np.full(rgb_of(WHITE).shape[:2], 255, np.uint8)])
    rgba[:40, :40, 3] = 0
    source = load_source(save(rgba, tmp_path / "alpha.png"))
    assert source.had_alpha
    assert (source.rgb[:40, :40] == 255).all()


def test_greyscale_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "grey.jpg"
    Image.open(WHITE).convert("L").save(path)
    source = load_source(path)
    assert source.was_greyscale and source.rgb.shape[2] == 3


def test_exif_orientation_is_honoured(tmp_path: Path) -> None:
    rgb = rgb_of(WHITE)
    source = load_source(exif_rotated_jpeg(rgb, tmp_path / "turned.jpg"))
    assert source.rgb.shape == rgb.shape
    assert np.abs(source.rgb.astype(int) - rgb.astype(int)).mean() < 4
    assert any(note.id == "note.exif_turned" and "EXIF orientation 8" in note.text() for note in source.notes)


def test_loading_never_changes_the_file(tmp_path: Path) -> None:
    path = exif_rotated_jpeg(rgb_of(WHITE), tmp_path / "turned.jpg")
    before = digest(path)
    load_source(path, draft_min_side=200)
    assert digest(path) == before


def test_draft_decoding_keeps_enough_pixels_and_says_by_how_much(tmp_path: Path) -> None:
    big = np.asarray(Image.open(WHITE).resize((2560, 2560)))
    path = save(big, tmp_path / "big.jpg", quality=90)
    source = load_source(path, draft_min_side=1280)
    assert source.width == 1280 and source.decode_scale == pytest.approx(0.5)
