"""The engine against both labelled sets (../shared/eval), scored out-of-fold; and the scoring itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from photo_engine.judging.evaluate import TARGET, balanced_accuracy, bootstrap_interval, fold_of
from photo_engine.judging.verdicts import (
    ATTRIBUTE_FEATURES,
    L2_GRID,
    choose_l2,
    committed_models,
    fit,
    inner_folds,
    matrix_of,
    training_rows,
)

# Out-of-fold floors. Where the engine reaches the 0.92 target the test asserts the target; below it the
# floor sits just under the measured out-of-fold figure (5-fold, seed 20261201) and issue 9 stays open.
# Since the shrinkage is chosen inside each training fold (nested), the figures are honest: headwear 0.844,
# occluded 0.742 (0.776 with the body model's hand cue), glasses 0.904. The headwear floor went down (0.86
# before): it was set under a figure for which the shrinkage had been picked looking at the out-of-fold result.
# Occluded 0.825 with the head's pose (pitch, yaw, roll) beside its cues; glasses 0.912 with the bar's span
# across the bridge and the bridge's darkness; headwear 0.848 with the hair model's unsure share and the brim line.
# Glasses 0.933 with the head's yaw beside the bridge cues: it now asserts the target.
FLOORS = {"headwear": 0.84, "occluded": 0.81}
ALL = ["headwear", "occluded", "grayscale", "background", "mouth_open", "eyes_closed", "sunglasses", "frontal",
       "glasses", "head_cut"]


def test_every_attribute_holds_its_floor_out_of_fold(labelled_evaluation) -> None:
    table = {r.attribute: round(r.out_of_fold, 3) for r in labelled_evaluation.rows}
    assert sorted(table) == sorted(ALL)
    below = {a: v for a, v in table.items() if v < FLOORS.get(a, TARGET)}
    assert not below, f"out-of-fold below the floor: {below}"


def test_both_labelled_sets_are_scored_together(labelled_evaluation) -> None:
    assert labelled_evaluation.portraits == 292
    rows = {r.attribute: r for r in labelled_evaluation.rows}
    assert rows["eyes_closed"].n < 250  # only the pool labels eyes; uncertain rows are left out
    assert rows["head_cut"].positives > 100  # many casual portraits cut the crown


def test_intervals_bracket_the_out_of_fold_figure(labelled_evaluation) -> None:
    for row in labelled_evaluation.rows:
        assert row.interval[0] <= row.out_of_fold <= row.interval[1], row.attribute
        assert row.interval[1] - row.interval[0] < 0.3, row.attribute


def test_committed_weights_are_what_the_training_script_fits(labelled_records) -> None:
    """models/verdict_weights.json is reproducible from the labels (scripts/train_photo_verdicts.py)."""
    committed = committed_models()
    assert set(committed) == set(ATTRIBUTE_FEATURES)
    labels = {a: [r.portrait.truth[a] for r in labelled_records] for a in ATTRIBUTE_FEATURES}
    for attribute, names in ATTRIBUTE_FEATURES.items():
        rows = training_rows(attribute, labels)
        chosen = [r for r, use in zip(labelled_records, rows, strict=True) if use and r.features is not None]
        truth = np.array([bool(r.portrait.truth[attribute]) for r in chosen])
        refit = fit(attribute, names, matrix_of([r.features for r in chosen], names), truth)
        # Not to the last bit: the features come from TFLite models whose float kernels differ with the CPU's
        # instruction set; on another machine the refit weights moved by up to 0.004 (sunglasses, on weights of
        # about 0.1-4). A change of labels, features or shrinkage moves them by far more than this.
        assert np.allclose(refit.weights, committed[attribute].weights, atol=0.01), attribute
        assert abs(refit.bias - committed[attribute].bias) < 0.02, attribute


def test_cross_validation_never_scores_a_fold_it_was_fitted_on() -> None:
    """On labels that are pure noise, in-sample fitting looks good and the out-of-fold figure stays at chance."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 30))
    y = rng.random(200) < 0.5
    names = [f"f{i}" for i in range(30)]
    in_sample = fit("noise", names, x, y, l2=1e-3).probabilities(x) >= 0.5
    folds = fold_of(200)
    oof = np.zeros(200, bool)
    for fold in range(5):
        model = fit("noise", names, x[folds != fold], y[folds != fold], l2=1e-3)
        oof[folds == fold] = model.probabilities(x[folds == fold]) >= 0.5
    assert balanced_accuracy(y, in_sample)[0] > 0.65
    assert balanced_accuracy(y, oof)[0] < 0.6


def test_shrinkage_is_chosen_from_the_rows_it_is_given() -> None:
    """Noise features get the strongest shrinkage, a clean cue a weak one: the choice reads only its rows."""
    rng = np.random.default_rng(1)
    y = rng.random(150) < 0.2
    noise = rng.normal(size=(150, 20))
    names = [f"f{i}" for i in range(20)]
    assert choose_l2("noise", names, noise, y) == max(L2_GRID)
    signal = noise.copy()
    signal[:, 0] += 3.0 * y
    assert choose_l2("signal", names, signal, y) < max(L2_GRID)
    # fit() without an explicit shrinkage makes the same choice, and the model records it
    assert fit("signal", names, signal, y).l2 == choose_l2("signal", names, signal, y)


def test_nested_selection_keeps_noise_at_chance() -> None:
    """Choosing the shrinkage inside each training fold cannot lift pure-noise labels above chance."""
    rng = np.random.default_rng(2)
    x = rng.normal(size=(200, 30))
    y = rng.random(200) < 0.3
    names = [f"f{i}" for i in range(30)]
    folds = fold_of(200)
    oof = np.zeros(200, bool)
    for fold in range(5):
        model = fit("noise", names, x[folds != fold], y[folds != fold])
        oof[folds == fold] = model.probabilities(x[folds == fold]) >= 0.5
    assert balanced_accuracy(y, oof)[0] < 0.6


def test_inner_folds_are_stratified() -> None:
    y = np.r_[np.ones(21, bool), np.zeros(100, bool)]
    folds = inner_folds(y)
    per_fold = np.bincount(folds[y], minlength=5)
    assert per_fold.max() - per_fold.min() <= 1 and per_fold.min() >= 4


def test_folds_are_fixed_by_the_seed_and_balanced() -> None:
    assert np.array_equal(fold_of(97), fold_of(97))
    counts = np.bincount(fold_of(97))
    assert counts.max() - counts.min() <= 1


def test_balanced_accuracy_weighs_both_classes_equally() -> None:
    truth = np.array([True, False, False, False, False])
    predicted = np.array([True, False, False, False, True])
    assert balanced_accuracy(truth, predicted)[0] == pytest.approx((1.0 + 0.75) / 2)
    low, high = bootstrap_interval(truth, predicted)
    assert low <= 0.875 <= high


def test_feature_cache_key_covers_the_reading_stage_and_not_the_judging() -> None:
    """A change to any reading module or model must invalidate cached features; a change to a check must not."""
    from photo_engine.judging.labelled import reader_files

    names = {path.relative_to(path.parents[1]).as_posix() for path in reader_files()}
    for needed in ("reading/face.py", "reading/appearance.py", "reading/hair.py", "judging/features.py",
                   "models/hair_segmentation.tflite"):
        assert needed in names, needed
    assert "judging/checks.py" not in names and "outputs/render.py" not in names


def test_clear_glasses_stand_only_where_no_sunglasses_are_seen() -> None:
    """The glasses verdict is gated by the sunglasses one (a tinted lens has a frame too), as check_glasses is."""
    from photo_engine.judging.verdicts import GATED_BY, learned_verdicts

    assert GATED_BY["glasses"] == "sunglasses"
    assert learned_verdicts({"glasses": 0.9, "sunglasses": 0.2}) == {"glasses": True, "sunglasses": False}
    assert learned_verdicts({"glasses": 0.9, "sunglasses": 0.7}) == {"glasses": False, "sunglasses": True}
    assert learned_verdicts({"glasses": 0.1, "sunglasses": 0.7})["glasses"] is False


def test_the_glasses_model_is_fitted_without_the_sunglasses_wearers() -> None:
    labels = {"glasses": [True, False, False, None, False], "sunglasses": [False, True, None, False, False]}
    assert training_rows("glasses", labels) == [True, False, True, False, True]
    assert training_rows("sunglasses", labels) == [True, True, False, True, True]


def test_feature_cache_claims_are_exclusive_and_survive_a_racing_release(tmp_path) -> None:
    """Two test runs share the cache folder; a claim released by another process mid-check is not an error."""
    import threading

    from photo_engine.judging.labelled import _claim

    entry = tmp_path / "portrait.json"
    assert _claim(entry) is True
    assert _claim(entry) is False  # held by someone else
    errors: list[BaseException] = []
    granted = [0]

    def contend() -> None:
        try:
            for _ in range(3000):
                if _claim(entry):
                    granted[0] += 1
                    entry.with_suffix(".claim").unlink()  # the holder stores its record and releases
        except BaseException as error:  # noqa: BLE001 - the test reports any failure of a claim
            errors.append(error)

    entry.with_suffix(".claim").unlink()
    threads = [threading.Thread(target=contend) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and granted[0] > 0


def test_make_keeps_fewer_unsuitable_backgrounds_than_the_check_verdict_would(labelled_records) -> None:
    """scripts/make_background_policy.py on the labelled portraits: make's stricter keep threshold pays off."""
    import importlib.util

    from photo_engine.pipeline import KEEP_BACKGROUND_AT

    path = Path(__file__).resolve().parents[2] / "scripts" / "make_background_policy.py"
    spec = importlib.util.spec_from_file_location("make_background_policy", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    probability, labelled, truth = script.out_of_fold_plain(labelled_records)
    unsuitable = labelled & ~truth
    kept_at_check = int((unsuitable & (probability >= 0.5)).sum())
    kept_by_make = int((unsuitable & (probability >= KEEP_BACKGROUND_AT)).sum())
    assert kept_by_make <= kept_at_check // 2 and kept_by_make <= 6, (kept_by_make, kept_at_check)
    assert int((labelled & truth & (probability < KEEP_BACKGROUND_AT)).sum()) < int((labelled & truth).sum()) // 2
