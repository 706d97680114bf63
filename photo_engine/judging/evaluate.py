"""Scoring the engine against labelled portraits: out-of-fold balanced accuracy per attribute.

Every weight fitted on labels is fitted inside k-fold cross-validation over all given folders together
(one fold assignment per portrait, fixed by a seed); each portrait is judged by models that never saw it.
The shrinkage of each model is chosen inside each training fold too (an inner cross-validation on that fold's
rows only, verdicts.choose_l2), so no setting is picked by looking at the figure reported.
That out-of-fold figure is the headline, with a 95 % bootstrap interval; the in-sample figure (models fitted
on everything, as committed) stands beside it to show how much fitting flatters.

How verdicts map to labels (the positive class is the problem):
- learned attributes (verdicts.ATTRIBUTE_FEATURES): probability >= 0.5; clear glasses only where the
  sunglasses verdict is negative (verdicts.GATED_BY), as the glasses check decides.
- frontal: none of the pose checks fails (roll, yaw, pitch against the profile with their tolerances).
- head_cut: learned; the `head_in_frame` check fails (label: crown_in_frame or chin_in_frame is 0).
- background: the label `plain_light` is the positive class.
Rows' `uncertain` attributes are left out. A portrait where no face is found counts with the verdicts the
engine gives it then: not frontal, and no other problem seen.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from photo_engine.judging.labelled import ATTRIBUTES, LabelledPortrait, PortraitRecord, read_all, read_labels
from photo_engine.judging.verdicts import ATTRIBUTE_FEATURES, GATED_BY, fit, matrix_of, training_rows
from photo_engine.spec import PhotoSpec

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"  # ../shared beside the project
DEFAULT_FOLDERS = [SHARED_EVAL / "portraits", SHARED_EVAL / "pool"]
TARGET = 0.92
FOLDS = 5
SEED = 20261201
BOOTSTRAP = 2000
ITA_SPLIT = 28.0  # degrees: over it "lighter", at or under it "darker" (Chardon's tan/brown/dark bands)


class AttributeScore(BaseModel):
    attribute: str
    method: str  # "learned" (fitted inside CV) or "rule" (no fitted parameter)
    out_of_fold: float
    interval: tuple[float, float]
    in_sample: float
    n: int
    positives: int
    negatives: int
    true_positive_rate: float | None
    true_negative_rate: float | None
    by_skin: dict[str, float | None] = Field(default_factory=dict)
    skin_counts: dict[str, list[int]] = Field(default_factory=dict)


class Evaluation(BaseModel):
    folders: list[str]
    profile: str
    profile_version: int
    portraits: int
    no_face: int
    folds: int = FOLDS
    seed: int = SEED
    target: float = TARGET
    rows: list[AttributeScore]
    misses: list[str] = Field(default_factory=list)


def balanced_accuracy(truth: np.ndarray, predicted: np.ndarray) -> tuple[float, float | None, float | None]:
    truth, predicted = truth.astype(bool), predicted.astype(bool)
    tpr = float(predicted[truth].mean()) if truth.any() else None
    tnr = float((~predicted[~truth]).mean()) if (~truth).any() else None
    rates = [r for r in (tpr, tnr) if r is not None]
    return (float(np.mean(rates)) if rates else 0.0), tpr, tnr


def bootstrap_interval(truth: np.ndarray, predicted: np.ndarray, seed: int = SEED) -> tuple[float, float]:
    """95 % percentile interval of balanced accuracy, resampling portraits within each class."""
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(truth), np.flatnonzero(~truth)
    values = []
    for _ in range(BOOTSTRAP):
        idx = np.r_[rng.choice(pos, len(pos)) if len(pos) else [], rng.choice(neg, len(neg)) if len(neg) else []]
        idx = idx.astype(int)
        values.append(balanced_accuracy(truth[idx], predicted[idx])[0])
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def fold_of(count: int, folds: int = FOLDS, seed: int = SEED) -> np.ndarray:
    order = np.random.default_rng(seed).permutation(count)
    assignment = np.empty(count, int)
    assignment[order] = np.arange(count) % folds
    return assignment


def rule_verdicts(features: dict[str, float] | None, spec: PhotoSpec) -> dict[str, bool]:
    """The verdicts with no fitted parameter, as the checks give them (see checks.py)."""
    from photo_engine.judging.checks import PITCH_TOLERANCE, ROLL_TOLERANCE, YAW_TOLERANCE

    if features is None:
        return {"frontal": False}
    frontal = (features["abs_roll"] <= spec.roll_max.value + ROLL_TOLERANCE
               and features["abs_yaw"] <= spec.yaw_max.value + YAW_TOLERANCE
               and features["abs_pitch"] <= spec.pitch_max.value + PITCH_TOLERANCE)
    return {"frontal": frontal}


def predictions(records: list[PortraitRecord], spec: PhotoSpec, folds: np.ndarray | None) -> dict[str, np.ndarray]:
    """Verdict per attribute per portrait; learned ones out-of-fold when ``folds`` is given, else in-sample."""
    n = len(records)
    out = {a: np.zeros(n, bool) for a in ATTRIBUTES}
    for i, record in enumerate(records):
        for name, value in rule_verdicts(record.features, spec).items():
            out[name][i] = value
    has_face = np.array([r.features is not None for r in records])
    labels = {a: [r.portrait.truth[a] for r in records] for a in ATTRIBUTE_FEATURES}
    for attribute, names in ATTRIBUTE_FEATURES.items():
        labelled = np.array(training_rows(attribute, labels)) & has_face
        truth = np.array([bool(r.portrait.truth[attribute]) for r in records])
        rows = [r.features or {} for r in records]
        matrix = matrix_of(rows, names)
        if folds is None:
            model = fit(attribute, names, matrix[labelled], truth[labelled])
            out[attribute] = has_face & (model.probabilities(matrix) >= 0.5)
        else:
            for fold in np.unique(folds):
                train = labelled & (folds != fold)
                test = has_face & (folds == fold)
                model = fit(attribute, names, matrix[train], truth[train])
                out[attribute][test] = model.probabilities(matrix[test]) >= 0.5
    for attribute, gate in GATED_BY.items():  # the gate's verdicts are its own out-of-fold ones
        out[attribute] &= ~out[gate]
    return out


def evaluate(folders: list[Path], spec: PhotoSpec, cache: Path | None = None, progress=None) -> Evaluation:
    return evaluate_records(read_folders(folders, cache, progress), spec, folders)


def read_folders(folders: list[Path], cache: Path | None = None, progress=None) -> list[PortraitRecord]:
    portraits: list[LabelledPortrait] = []
    for folder in folders:
        portraits.extend(read_labels(Path(folder)))
    return read_all(portraits, cache, progress)


def evaluate_records(records: list[PortraitRecord], spec: PhotoSpec, folders: list[Path]) -> Evaluation:
    folds = fold_of(len(records))
    oof = predictions(records, spec, folds)
    fitted = predictions(records, spec, None)
    ita = np.array([(r.features or {}).get("skin_ita", np.nan) for r in records])
    groups = {"lighter": ita > ITA_SPLIT, "darker": ita <= ITA_SPLIT}
    rows, misses = [], []
    for attribute in ATTRIBUTES:
        labelled = np.array([r.portrait.truth[attribute] is not None for r in records])
        if not labelled.any():
            continue
        truth = np.array([bool(r.portrait.truth[attribute]) for r in records])
        score, tpr, tnr = balanced_accuracy(truth[labelled], oof[attribute][labelled])
        by_skin, counts = {}, {}
        for name, member in groups.items():
            chosen = labelled & member
            pos, neg = int(truth[chosen].sum()), int((~truth[chosen]).sum())
            counts[name] = [pos, neg]
            by_skin[name] = balanced_accuracy(truth[chosen], oof[attribute][chosen])[0] if pos and neg else None
        rows.append(AttributeScore(
            attribute=attribute, method="learned" if attribute in ATTRIBUTE_FEATURES else "rule",
            out_of_fold=score, interval=bootstrap_interval(truth[labelled], oof[attribute][labelled]),
            in_sample=balanced_accuracy(truth[labelled], fitted[attribute][labelled])[0],
            n=int(labelled.sum()), positives=int(truth[labelled].sum()), negatives=int((~truth[labelled]).sum()),
            true_positive_rate=tpr, true_negative_rate=tnr, by_skin=by_skin, skin_counts=counts))
        for i in np.flatnonzero(labelled & (truth != oof[attribute])):
            misses.append(f"{records[i].portrait.key} {attribute}: labelled {int(truth[i])}, "
                          f"out-of-fold verdict {int(oof[attribute][i])}")
    return Evaluation(folders=[str(f) for f in folders], profile=spec.slug, profile_version=spec.version,
                      portraits=len(records), no_face=sum(r.features is None for r in records), rows=rows,
                      misses=misses)


def engine_verdicts(features: dict[str, float] | None, spec: PhotoSpec) -> dict[str, bool]:
    """The verdicts `photo check` gives (committed weights, rules), keyed by attribute, for one portrait."""
    from photo_engine.judging.verdicts import learned_probabilities, learned_verdicts

    verdicts = {a: False for a in ATTRIBUTES}
    verdicts.update(rule_verdicts(features, spec))
    verdicts.update(learned_verdicts(learned_probabilities(features)))
    return verdicts
