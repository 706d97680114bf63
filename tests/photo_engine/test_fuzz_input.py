"""Fuzzing image input: whatever bytes arrive, the engine answers with a PhotoError naming the file, or a picture.

Seeds are small valid JPEG, PNG and WebP files made here; hypothesis truncates them, flips bytes, splices in
junk and shrinks any failure to a minimal file. A traceback of any other type is a bug.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from photo_engine.errors import PhotoError
from photo_engine.reading.source import load_source


def _encoded(fmt: str) -> bytes:
    rng = np.random.default_rng(3)
    rgb = (rng.random((40, 48, 3)) * 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, fmt)
    return buffer.getvalue()


SEEDS = {fmt: _encoded(fmt) for fmt in ("JPEG", "PNG", "WEBP", "TIFF")}


@st.composite
def damaged(draw) -> bytes:
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    cut = draw(st.integers(min_value=0, max_value=len(data)))
    if draw(st.booleans()):
        data = data[:cut]
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        if not data:
            break
        at = draw(st.integers(min_value=0, max_value=len(data) - 1))
        data[at] = draw(st.integers(min_value=0, max_value=255))
    if draw(st.booleans()):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        data[at:at] = draw(st.binary(max_size=64))
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=damaged())
def test_damaged_files_give_a_photo_error_or_a_picture(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "input.img"
    path.write_bytes(data)
    try:
        source = load_source(path)
    except PhotoError as error:
        assert str(path) in str(error) and "\n" not in str(error)
        return
    assert source.rgb.ndim == 3 and source.rgb.shape[2] == 3 and source.rgb.dtype == np.uint8


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048))
def test_random_bytes_never_pass_as_an_image_silently(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "noise.jpg"
    path.write_bytes(data)
    with pytest.raises(PhotoError):
        load_source(path)
