"""Changed copies for training (augment.py): what each change does, and that a copy is written once."""

from __future__ import annotations

import numpy as np
from PIL import Image

from photo_engine.judging.augment import CHANGES, Change, changed_image, copy_portrait
from photo_engine.judging.labelled import LabelledPortrait, PortraitRecord

ROOMY = {"crown_margin": 0.5, "chin_margin": 0.5, "side_margin": 0.5}
TIGHT = {"crown_margin": 0.05, "chin_margin": 0.5, "side_margin": 0.5}


def _gradient() -> Image.Image:
    x = np.tile(np.linspace(40, 200, 200, dtype=np.uint8), (100, 1))
    return Image.fromarray(np.dstack([x, x, x]))


def test_changes_differ_from_the_invariance_tests_own() -> None:
    """The models must learn invariance, not the test's exact changes (mirror alone, JPEG 60, +-15 %, 0.6x)."""
    for change in CHANGES:
        assert change.quality != 60 and change.scale != 0.6 and round(abs(change.brightness - 1), 2) != 0.15


def test_mirror_brightness_and_scale_do_what_they_say() -> None:
    image = _gradient()
    out = np.asarray(changed_image(image, Change("t", mirror=True, brightness=1.0, scale=0.5, quality=90), ROOMY))
    assert out.shape == (50, 100, 3)
    assert out[:, 0].mean() > out[:, -1].mean()  # the light side moved to the left
    darker = np.asarray(changed_image(image, Change("d", mirror=False, brightness=0.8, scale=1.0, quality=90), ROOMY))
    assert darker.mean() < 0.85 * np.asarray(image).mean()


def test_crop_only_where_the_head_keeps_room() -> None:
    crop = Change("c", mirror=False, brightness=1.0, scale=1.0, quality=90, crop=0.05)
    assert changed_image(_gradient(), crop, ROOMY).size == (180, 90)
    assert changed_image(_gradient(), crop, TIGHT).size == (200, 100)


def test_a_copy_is_written_once_and_named_by_content(tmp_path) -> None:
    source = tmp_path / "a.png"
    _gradient().save(source)
    record = PortraitRecord(LabelledPortrait(str(tmp_path), "a", source, {"headwear": True}), dict(ROOMY))
    first = copy_portrait(record, CHANGES[0], tmp_path / "copies")
    stamp = first.path.stat().st_mtime_ns
    again = copy_portrait(record, CHANGES[0], tmp_path / "copies")
    assert again.path == first.path and again.path.stat().st_mtime_ns == stamp
    assert first.truth == {"headwear": True} and first.identifier == f"a~{CHANGES[0].name}"
    assert copy_portrait(record, CHANGES[1], tmp_path / "copies").path != first.path
