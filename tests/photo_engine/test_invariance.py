"""Verdicts must not move under changes that keep the truth: mirror, JPEG quality 60, brightness +-15 %,
scale 0.6x, and a crop that keeps the whole head. Counted over a fixed sample of the labelled portraits.

The count is a regression ceiling at the figure measured when this test was written (issue 9 asks for zero
flips; that is not reached yet). Each transformed file is read once and cached outside the repository.
"""

from __future__ import annotations

import io
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageEnhance, ImageOps

from photo_engine.judging.evaluate import engine_verdicts
from photo_engine.judging.labelled import read_all

from .conftest import FEATURE_CACHE

SAMPLE = 40
SEED = 9
# Measured on this sample with the committed weights: flipped verdicts per transform, out of
# 40 portraits x 10 attributes (24 before the exposure-free background and glasses cues and the mirrored person
# mask; 12 with the hand-picked shrinkage of that round; 21 once the shrinkage was chosen by inner
# cross-validation, where the refitted eyes_closed and headwear models put pool/0097, 0235 (eyes) and 0429
# (headwear) near their decision point; 22 with the body model's hand cue, whose occlusion verdicts on
# pool/0097 and 0477 sit near 0.5; 21 with the head's pose beside the occlusion cues; 19 with the headwear
# model's unsure-hair and brim cues). The ceiling follows the honest weights; it is not a target: issue 9 asks
# for zero. darker15 rose from 5 to 6 in that last step while mirror, jpeg60 and scale06 each fell by one:
# pool/0429 (bald, labelled bare) was called headwear on the original and on its darker copy and bare on the
# other copies; now it is bare on the original and all copies but the darker one, where the hair model itself
# reads the scalp as half "other". A flip is counted against the original, so getting the original right moves
# that portrait's one remaining error into the darker column.
# 20 with the yaw beside the glasses cues (glasses 0.912 -> 0.933 out of fold): brighter15 3 -> 4, pool/0483's
# glasses, whose original sits near 0.5.
CEILING = {"mirror": 2, "jpeg60": 4, "brighter15": 4, "darker15": 6, "scale06": 3, "crop": 1}


def _jpeg(image: Image.Image, quality: int = 95) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def _head_crop(image: Image.Image, features: dict[str, float]) -> Image.Image | None:
    """Crop away a tenth of the room on each side that the head does not need (whole head kept)."""
    w, h = image.size
    crown_room, chin_room = features["crown_margin"], features["chin_margin"]
    if crown_room < 0.2 or chin_room < 0.2 or features["side_margin"] < 0.2:
        return None
    return image.crop((int(0.06 * w), int(0.05 * h), int(0.94 * w), int(0.95 * h)))


TRANSFORMS = {
    "mirror": lambda im, f: ImageOps.mirror(im),
    "jpeg60": lambda im, f: Image.open(io.BytesIO(_jpeg(im, 60))),
    "brighter15": lambda im, f: ImageEnhance.Brightness(im).enhance(1.15),
    "darker15": lambda im, f: ImageEnhance.Brightness(im).enhance(0.85),
    "scale06": lambda im, f: im.resize((round(im.width * 0.6), round(im.height * 0.6)), Image.Resampling.LANCZOS),
    "crop": _head_crop,
}


@pytest.fixture(scope="module")
def flips(labelled_records, id_spec, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    rng = np.random.default_rng(SEED)
    with_face = [r for r in labelled_records if r.features is not None]
    chosen = [with_face[i] for i in sorted(rng.choice(len(with_face), SAMPLE, replace=False))]
    folder = tmp_path_factory.mktemp("invariance")
    variants, originals = [], []
    for record in chosen:
        image = Image.open(record.portrait.path).convert("RGB")
        for name, transform in TRANSFORMS.items():
            changed = transform(image, record.features)
            if changed is None:
                continue
            path = folder / f"{record.portrait.identifier}-{name}.jpg"
            path.write_bytes(_jpeg(changed.convert("RGB"), 95) if name != "jpeg60" else _jpeg(changed.convert("RGB"),
                                                                                               100))
            variants.append(replace(record.portrait, identifier=f"{record.portrait.identifier}-{name}", path=path))
            originals.append((record, name))
    read = read_all(variants, FEATURE_CACHE)
    out: dict[str, list[str]] = {name: [] for name in TRANSFORMS}
    for (record, name), variant in zip(originals, read, strict=True):
        before = engine_verdicts(record.features, id_spec)
        after = engine_verdicts(variant.features, id_spec)
        for attribute, verdict in before.items():
            if after[attribute] != verdict:
                out[name].append(f"{record.portrait.key} {attribute}")
    return out


def test_verdicts_hold_under_changes_that_keep_the_truth(flips: dict[str, list[str]]) -> None:
    counts = {name: len(items) for name, items in flips.items()}
    over = {name: counts[name] for name in counts if counts[name] > CEILING[name]}
    assert not over, f"flips over the ceiling: {over}; {flips}"
