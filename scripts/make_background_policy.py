"""How many unsuitable backgrounds `make --background auto` would keep, and plain ones repaint, per threshold.

Run: .venv/bin/python scripts/make_background_policy.py [FOLDER ...]
(default: ../shared/eval/portraits and ../shared/eval/pool). The probability that a background is plain and
light is the background model's out-of-fold one (the folds of `kzdocs photo evaluate`): each portrait is
scored by a model fitted without it. The threshold in photo_engine/pipeline.py (KEEP_BACKGROUND_AT) is chosen
from the two errors' costs; this script shows what it costs on the labelled portraits.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from photo_engine.judging.evaluate import DEFAULT_FOLDERS, fold_of, read_folders  # noqa: E402
from photo_engine.judging.verdicts import ATTRIBUTE_FEATURES, fit, matrix_of, training_rows  # noqa: E402
from photo_engine.pipeline import KEEP_BACKGROUND_AT  # noqa: E402


def out_of_fold_plain(records: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # noqa: ANN001
    """(probability plain and light, labelled, truth) per portrait, probabilities out of fold."""
    names = ATTRIBUTE_FEATURES["background"]
    folds = fold_of(len(records))
    has_face = np.array([r.features is not None for r in records])
    labels = {a: [r.portrait.truth[a] for r in records] for a in ATTRIBUTE_FEATURES}
    labelled = np.array(training_rows("background", labels)) & has_face
    truth = np.array([bool(r.portrait.truth["background"]) for r in records])
    matrix = matrix_of([r.features or {} for r in records], names)
    probability = np.zeros(len(records))
    for fold in np.unique(folds):
        train, test = labelled & (folds != fold), has_face & (folds == fold)
        probability[test] = fit("background", names, matrix[train], truth[train]).probabilities(matrix[test])
    return probability, labelled, truth


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or DEFAULT_FOLDERS
    records = read_folders(folders, Path(tempfile.gettempdir()) / "kzdocs-photo-features")
    probability, labelled, truth = out_of_fold_plain(records)
    unsuitable, plain = labelled & ~truth, labelled & truth
    print(f"{int(labelled.sum())} portraits with a face and a background label: {int(plain.sum())} plain light, "
          f"{int(unsuitable.sum())} not")
    for threshold in sorted({0.5, 0.7, 0.8, KEEP_BACKGROUND_AT, 0.95}):
        kept = int((unsuitable & (probability >= threshold)).sum())
        repainted = int((plain & (probability < threshold)).sum())
        mark = "  <- make" if threshold == KEEP_BACKGROUND_AT else ""
        print(f"keep when P(plain light) >= {threshold:.2f}: unsuitable kept {kept}/{int(unsuitable.sum())}, "
              f"plain repainted {repainted}/{int(plain.sum())}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
