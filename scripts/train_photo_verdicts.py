"""Fit the engine's learned verdicts on every labelled portrait and write photo_engine/models/verdict_weights.json.

Run: .venv/bin/python scripts/train_photo_verdicts.py [FOLDER ...]
(default: ../shared/eval/portraits and ../shared/eval/pool). The same fit, inside k-fold cross-validation,
gives the out-of-fold figures of `kzdocs photo evaluate`; this script only fixes the final weights. The
shrinkage of each attribute is chosen here as inside each evaluation fold: by inner 5-fold cross-validation
over the rows fitted (verdicts.choose_l2); the file records the choice.
The images never enter the repository: only these weights, a few numbers per attribute, do.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from photo_engine.judging.evaluate import DEFAULT_FOLDERS  # noqa: E402
from photo_engine.judging.labelled import read_all, read_labels  # noqa: E402
from photo_engine.judging.verdicts import (  # noqa: E402
    ATTRIBUTE_FEATURES,
    GATED_BY,
    INNER_FOLDS,
    L2_GRID,
    WEIGHTS,
    fit,
    matrix_of,
    training_rows,
)


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or DEFAULT_FOLDERS
    portraits = [p for folder in folders for p in read_labels(folder)]
    records = read_all(portraits, Path(tempfile.gettempdir()) / "kzdocs-photo-features")
    models = {}
    labels = {a: [r.portrait.truth[a] for r in records] for a in ATTRIBUTE_FEATURES}
    for attribute, names in ATTRIBUTE_FEATURES.items():
        rows = training_rows(attribute, labels)
        chosen = [r for r, use in zip(records, rows, strict=True) if use and r.features is not None]
        truth = np.array([bool(r.portrait.truth[attribute]) for r in chosen])
        model = fit(attribute, names, matrix_of([r.features for r in chosen], names), truth)
        models[attribute] = model.model_dump()
    document = {"about": "Logistic verdicts of the photo engine; written by scripts/train_photo_verdicts.py",
                "labelled_folders": [f.name for f in folders], "portraits": len(records),
                "l2_grid": list(L2_GRID), "inner_folds": INNER_FOLDS,
                "l2_chosen": {name: model["l2"] for name, model in models.items()}, "gated_by": GATED_BY,
                "models": models}
    WEIGHTS.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS} ({len(models)} attributes, {len(records)} portraits)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
