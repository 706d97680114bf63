"""Learned verdicts: one small logistic regression per attribute over the features of features.py.

Why logistic regression in numpy: a few hundred labelled portraits support a handful of weights per
attribute, not a deep model; a linear model over scale-free features is easy to read (the weights file
says what each cue counts for), cannot memorise images, and needs no dependency beyond numpy.
Classes are weighted equally, so probability 0.5 is the balanced decision point and no threshold is fitted.

The weights are committed in models/verdict_weights.json and reproduced from the labels by
`python scripts/train_photo_verdicts.py`; `kzdocs photo evaluate` fits the same models inside k-fold
cross-validation to report out-of-fold accuracy.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel

WEIGHTS = Path(__file__).resolve().parent.parent / "models" / "verdict_weights.json"
# The L2 shrinkage of each attribute's weights is not fixed by hand: it is chosen from this grid by an inner
# cross-validation on whatever rows the model is fitted on (choose_l2). Inside `kzdocs photo evaluate` those
# rows are one outer training fold, so the choice never sees the portraits it is scored on and the
# out-of-fold figure stays honest; the training script makes the same choice on every labelled portrait.
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
INNER_FOLDS = 5
INNER_SEED = 20261202

# Which features each learned attribute looks at: the cues that can plausibly bear on it, nothing else
# (fewer weights generalise better and cannot pick up a background or a skin tone by accident).
ATTRIBUTE_FEATURES: dict[str, list[str]] = {
    "headwear": ["top_hair", "top_other", "top_person", "band_hair", "band_other", "side_other", "side_hair",
                 "crown_over_face", "head_width", "top_vs_brow_l", "top_vs_brow_ab", "top_frames_face",
                 "forehead_hair", "forehead_skin", "top_hair_soft", "top_vs_side", "top_texture", "top_vs_skin_l",
                 "outline_w1", "outline_w3", "band_unsure", "brim_line"],
    # The head's pose is context for the occlusion cues: a turned, tipped or rolled head shows background,
    # hair and shadow inside the mesh's face outline (less skin, more "foreign"), which a hand or an object
    # in front also does; with the pose beside them the model can tell the two apart.
    "occluded": ["hand_near", "foreign", "face_skin", "forehead_skin", "eye_hair", "brow_hair", "forehead_hair",
                 "lens_skin", "pose_hand_near", "pose_hand_min", "abs_pitch", "abs_yaw", "abs_roll"],
    "grayscale": ["chroma_mean", "chroma_p99", "chroma_p90", "hue_concentration", "skin_chroma", "was_greyscale"],
    # Continuous readings only: the plain/busy kinds are thresholds that a small change of exposure crosses.
    "background": ["bg_lightness", "bg_chroma", "bg_spread", "bg_texture", "bg_rel", "bg_contrast_texture",
                   "bg_hue_spread", "bg_hue_offset", "bg_grey_spread"],
    "mouth_open": ["mouth_gap", "teeth", "mouth_opening"],
    "eyes_closed": ["eye_opening", "abs_pitch", "lens_skin"],
    "sunglasses": ["lens_skin", "lens_dark", "rim_edges", "glare"],
    "head_cut": ["crown_cut", "crown_tight", "chin_tight", "crown_margin", "chin_margin", "top_valid"],
    # The bridge cues are edge and darkness readings, and a turned head puts the far eye socket's shadow and the
    # nose's edge across the bridge: the yaw is context for them, as the pose is for the occlusion cues.
    "glasses": ["bridge_line_log", "bridge_bar_log", "bridge_span_log", "bridge_dark", "abs_yaw"],
}
# A verdict that stands only where another one is negative, and whose model is fitted without that one's
# positives: clear glasses are judged on portraits without sunglasses (a tinted lens has a frame too; the
# sunglasses check speaks for it), as check_glasses does.
GATED_BY = {"glasses": "sunglasses"}


class LogisticModel(BaseModel):
    attribute: str
    features: list[str]
    mean: list[float]
    scale: list[float]
    weights: list[float]
    bias: float
    trained_on: int = 0
    positives: int = 0
    l2: float = 1.0

    def probability(self, values: dict[str, float]) -> float:
        x = np.array([values.get(f, 0.0) for f in self.features], float)
        z = (x - np.array(self.mean)) / np.array(self.scale)
        return float(_sigmoid(z @ np.array(self.weights) + self.bias))

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        z = (matrix - np.array(self.mean)) / np.array(self.scale)
        return _sigmoid(z @ np.array(self.weights) + self.bias)


def _sigmoid(z: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit(attribute: str, features: list[str], matrix: np.ndarray, truth: np.ndarray,
        l2: float | None = None) -> LogisticModel:
    """Class-balanced, L2-regularised logistic regression by Newton's method (converges in a few steps).

    Without ``l2`` the shrinkage is chosen by inner cross-validation on these same rows (choose_l2).
    """
    if l2 is None:
        l2 = choose_l2(attribute, features, matrix, truth)
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (matrix - mean) / scale
    y = truth.astype(float)
    positives = max(1.0, y.sum())
    negatives = max(1.0, len(y) - y.sum())
    sample_weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * negatives))
    x = np.c_[z, np.ones(len(z))]
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = _sigmoid(x @ beta)
        gradient = x.T @ (sample_weight * (p - y)) + penalty * beta
        hessian = (x * (sample_weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return LogisticModel(attribute=attribute, features=features, mean=mean.tolist(), scale=scale.tolist(),
                         weights=beta[:-1].tolist(), bias=float(beta[-1]), trained_on=len(y),
                         positives=int(y.sum()), l2=float(l2))


def inner_folds(truth: np.ndarray, folds: int = INNER_FOLDS, seed: int = INNER_SEED) -> np.ndarray:
    """Fold per row, stratified: positives and negatives are each dealt round-robin in a seeded order.

    Stratified because an attribute with 20 positives in a training part would otherwise leave an inner fold
    with two or none, and its balanced accuracy would say nothing.
    """
    rng = np.random.default_rng(seed)
    assignment = np.empty(len(truth), int)
    for members in (np.flatnonzero(truth), np.flatnonzero(~truth)):
        order = rng.permutation(members)
        assignment[order] = (np.arange(len(order)) + rng.integers(folds)) % folds
    return assignment


def choose_l2(attribute: str, features: list[str], matrix: np.ndarray, truth: np.ndarray) -> float:
    """The shrinkage from L2_GRID with the lowest inner out-of-fold class-balanced log-loss on these rows.

    Log-loss, not balanced accuracy: with 20 positives in a training part, accuracy moves in steps of a
    whole portrait and several shrinkages tie or swap by chance; the log-loss of the probabilities is a
    smooth score of the same models. Only ``matrix`` and ``truth`` are looked at, so a caller that passes
    one outer training fold gets a choice made without the portraits it will be scored on.
    """
    truth = truth.astype(bool)
    if truth.sum() < INNER_FOLDS or (~truth).sum() < INNER_FOLDS:
        return max(L2_GRID)
    folds = inner_folds(truth)
    best, best_loss = max(L2_GRID), np.inf
    for l2 in sorted(L2_GRID, reverse=True):
        probability = np.zeros(len(truth))
        for fold in range(INNER_FOLDS):
            train, test = folds != fold, folds == fold
            model = fit(attribute, features, matrix[train], truth[train], l2=l2)
            probability[test] = model.probabilities(matrix[test])
        probability = np.clip(probability, 1e-6, 1 - 1e-6)
        loss = 0.5 * (-np.log(probability[truth]).mean() - np.log(1 - probability[~truth]).mean())
        if loss < best_loss - 1e-9:
            best, best_loss = l2, loss
    return best


def matrix_of(rows: list[dict[str, float]], features: list[str]) -> np.ndarray:
    return np.array([[row.get(f, 0.0) for f in features] for row in rows], float)


@lru_cache(maxsize=1)
def committed_models() -> dict[str, LogisticModel]:
    """The models the engine judges with (fitted on every labelled portrait by the training script)."""
    if not WEIGHTS.is_file():
        return {}
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return {name: LogisticModel(**model) for name, model in data["models"].items()}


def training_rows(attribute: str, truth: dict[str, list[bool | None]]) -> list[bool]:
    """Which labelled rows fit ``attribute``'s model: labelled for it, and not positive for its gate."""
    gate = GATED_BY.get(attribute)
    return [value is not None and not (gate is not None and truth[gate][i] is True)
            for i, value in enumerate(truth[attribute])]


def learned_verdicts(probabilities: dict[str, float]) -> dict[str, bool]:
    """Verdict per learned attribute from its probability (0.5), a gated one only where its gate is negative."""
    verdicts = {name: p >= 0.5 for name, p in probabilities.items()}
    for name, gate in GATED_BY.items():
        if name in verdicts and verdicts.get(gate, False):
            verdicts[name] = False
    return verdicts


def learned_probabilities(features: dict[str, float] | None) -> dict[str, float]:
    """Probability of each learned attribute for one portrait ({} without a face or without weights)."""
    if features is None:
        return {}
    return {name: model.probability(features) for name, model in committed_models().items()}
