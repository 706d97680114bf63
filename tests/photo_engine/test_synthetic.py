"""Synthetic cases with known truth: rotations, background colour swaps, blur, downscaling."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from photo_engine.judging.checks import (
    CheckContext,
    check_background,
    check_pose_roll,
    check_resolution,
    check_sharpness,
)
from photo_engine.outputs.backdrop import replace_background
from photo_engine.outputs.geometry import plan_frame, warp
from photo_engine.pipeline import _person_in_frame, check_image
from photo_engine.reading.analysis import analyse_portrait
from photo_engine.reading.source import SourceImage, load_source

from .conftest import WHITE
from .synth import rotate, save


def analysed(rgb: np.ndarray, name: str = "synthetic"):
    return analyse_portrait(SourceImage(name, np.ascontiguousarray(rgb), "RGB", "PNG"))


@pytest.mark.parametrize("degrees", [-12.0, -6.5, 3.0, 9.0])
def test_roll_is_measured_within_one_degree_of_a_known_rotation(white_analysis, degrees: float) -> None:
    base = white_analysis.geometry.roll_deg
    turned = analysed(rotate(white_analysis.source.rgb, degrees))
    # A counter-clockwise turn of the picture tilts the eye line by the same angle the other way.
    assert turned.geometry.roll_deg == pytest.approx(base - degrees, abs=1.0)


def test_a_rotated_portrait_fails_roll_as_given_but_make_levels_it(white_analysis, id_spec) -> None:
    turned = analysed(rotate(white_analysis.source.rgb, -8.0))  # the astronaut tilts 3 degrees: now 11
    assert check_pose_roll(CheckContext(turned, id_spec)).status == "fail"
    frame = plan_frame(turned.geometry, id_spec, turned.source.width, turned.source.height, 413, 531)
    assert check_pose_roll(CheckContext(turned, id_spec, frame)).status == "pass"
    levelled = analysed(warp(turned.source.rgb, frame))
    assert abs(levelled.geometry.roll_deg) < 1.0


@pytest.fixture(scope="module")
def framed(white_analysis, id_spec):
    """The fixture portrait cropped to the ID-card frame, with its person mask, for background swaps."""
    frame = plan_frame(white_analysis.geometry, id_spec, white_analysis.source.width, white_analysis.source.height,
                       413, 531)
    return warp(white_analysis.source.rgb, frame), _person_in_frame(white_analysis, frame)


@pytest.mark.parametrize(("colour", "kind", "id_card", "visa"), [
    ((255, 255, 255), "plain_light", "pass", "pass"),
    ((214, 214, 214), "plain_light", "pass", "fail"),
    ((40, 70, 170), "plain_color", "fail", "fail"),
    ((25, 25, 25), "plain_dark", "fail", "fail"),
])
def test_background_colour_swaps_are_judged_by_the_profile(framed, specs, tmp_path: Path, colour, kind, id_card,
                                                          visa) -> None:
    rgb, person = framed
    path = save(replace_background(rgb, person, colour), tmp_path / "swap.png")
    analysis = analyse_portrait(load_source(path))
    assert analysis.background.kind == kind
    assert check_background(CheckContext(analysis, specs["kz-id-card-photo"])).status == id_card
    assert check_background(CheckContext(analysis, specs["kz-visa-photo"])).status == visa


def test_a_patterned_background_is_busy(framed, id_spec, tmp_path: Path) -> None:
    rgb, person = framed
    stripes = np.zeros_like(rgb)
    stripes[:, :, :] = ((np.indices(rgb.shape[:2]).sum(axis=0) // 12) % 2 * 150 + 60)[..., None]
    alpha = person[..., None]
    mixed = (rgb * alpha + stripes * (1 - alpha)).astype(np.uint8)
    analysis = analyse_portrait(load_source(save(mixed, tmp_path / "stripes.png")))
    assert analysis.background.kind == "busy"
    assert check_background(CheckContext(analysis, id_spec)).status == "fail"


def test_blur_lowers_sharpness_until_it_fails(white_analysis, id_spec) -> None:
    values = []
    for sigma in (0, 2, 6):
        rgb = white_analysis.source.rgb if sigma == 0 else cv2.GaussianBlur(white_analysis.source.rgb, (0, 0), sigma)
        analysis = white_analysis if sigma == 0 else analysed(rgb)
        values.append((analysis.cues.sharpness, check_sharpness(CheckContext(analysis, id_spec)).status))
    assert values[0][0] > values[1][0] > values[2][0]
    assert values[0][1] == "pass" and values[2][1] == "fail"


def test_downscaling_keeps_the_measures_and_fails_resolution_with_a_count(white_analysis, id_spec) -> None:
    small = cv2.resize(white_analysis.source.rgb, None, fx=0.3, fy=0.3, interpolation=cv2.INTER_AREA)
    analysis = analysed(small)
    assert analysis.geometry.roll_deg == pytest.approx(white_analysis.geometry.roll_deg, abs=1.0)
    assert analysis.geometry.head_height == pytest.approx(0.3 * white_analysis.geometry.head_height, rel=0.08)
    result = check_resolution(CheckContext(analysis, id_spec))
    assert result.status == "fail" and "px missing" in result.message


def test_exif_rotated_file_is_judged_upright(seeded_registry, id_spec, tmp_path: Path) -> None:
    from .synth import exif_rotated_jpeg, rgb_of

    report = check_image(exif_rotated_jpeg(rgb_of(WHITE), tmp_path / "turned.jpg"), id_spec)
    statuses = {c.name: c.status for c in report.checks}
    assert statuses["face_count"] == "pass" and statuses["pose_roll"] == "pass"
    assert any("EXIF" in note for note in report.notes)
