"""A mirror must not change a verdict: the landmark pairing table, and whole portraits checked both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageOps

from photo_engine.reading.mesh_mirror import MIRROR_PARTNER
from tests.photo_engine.conftest import BRICK, GREY, WHITE


def test_pairing_is_an_involution_over_all_478_landmarks() -> None:
    assert sorted(MIRROR_PARTNER) == list(range(478))
    assert all(MIRROR_PARTNER[MIRROR_PARTNER[i]] == i for i in range(478))


@pytest.mark.parametrize(("left", "right"), [(33, 263), (61, 291), (468, 473), (133, 362)])
def test_known_pairs_are_partners(left: int, right: int) -> None:
    assert MIRROR_PARTNER[left] == right and MIRROR_PARTNER[right] == left


@pytest.mark.parametrize("midline", [1, 10, 13, 14, 152])
def test_midline_points_stay_in_place(midline: int) -> None:
    assert MIRROR_PARTNER[midline] == midline


@pytest.mark.parametrize("photo", [WHITE, BRICK, GREY], ids=lambda p: p.stem)
def test_pose_of_a_portrait_and_its_mirror_agree(photo: Path, tmp_path: Path, id_spec) -> None:
    """Roll and yaw change sign in a mirror and nothing else: the symmetric reading repeats within 0.5 degree."""
    from photo_engine.pipeline import check_image

    mirrored = tmp_path / f"mirrored-{photo.name}"
    ImageOps.mirror(Image.open(photo)).save(mirrored, quality=95)
    direct, flipped = check_image(photo, id_spec), check_image(mirrored, id_spec)
    assert direct.error is None and flipped.error is None
    for name in ("pose_roll", "pose_yaw", "pose_pitch"):
        a = next(float(c.measured) for c in direct.checks if c.name == name)
        b = next(float(c.measured) for c in flipped.checks if c.name == name)
        expected = -a if name != "pose_pitch" else a
        assert abs(b - expected) < 0.5, (name, a, b)
        assert next(c.status for c in direct.checks if c.name == name) == next(
            c.status for c in flipped.checks if c.name == name)
