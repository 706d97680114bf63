"""Which verdict features move under changes that keep the truth (issue 9), in units of their spread.

Run: .venv/bin/python scripts/feature_stability.py [FOLDER ...]
(default: ../shared/eval/portraits and ../shared/eval/pool). Each labelled portrait with a face is read again
in the changed copies of augment.py (mirror, re-save, lighter or darker, smaller, cropped; sizes differ from
the invariance test's own); for every feature a model looks at, the median and 90th percentile of
|copy - original| are printed per change, over the feature's spread (standard deviation) across portraits.
A feature whose 90th percentile nears 1 can carry a verdict across its decision point by itself.
Copies and features are cached outside the repository (augment.COPY_FOLDER, the feature cache).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from photo_engine.judging.augment import CHANGES, augmented_records  # noqa: E402
from photo_engine.judging.evaluate import DEFAULT_FOLDERS, read_folders  # noqa: E402
from photo_engine.judging.verdicts import ATTRIBUTE_FEATURES  # noqa: E402


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or DEFAULT_FOLDERS
    cache = Path(tempfile.gettempdir()) / "kzdocs-photo-features"
    records = read_folders(folders, cache)
    copies = augmented_records(records, cache)
    pairs: dict[str, list[tuple[dict, dict]]] = {c.name: [] for c in CHANGES}
    for record, extra in zip(records, copies, strict=True):
        for copy in extra:
            pairs[copy.portrait.identifier.split("~", 1)[1]].append((record.features, copy.features))
    names = sorted({f for features in ATTRIBUTE_FEATURES.values() for f in features})
    with_face = [r.features for r in records if r.features is not None]
    table = []
    for name in names:
        spread = float(np.std([f[name] for f in with_face])) or 1.0
        moves = {change: np.abs([b[name] - a[name] for a, b in rows]) / spread
                 for change, rows in pairs.items() if rows}
        worst = max(float(np.percentile(m, 90)) for m in moves.values())
        table.append((worst, name, moves))
    print(f"{'feature':<20}{'worst p90':>10}  " + "  ".join(f"{c:>22}" for c in pairs) + "  used by")
    for worst, name, moves in sorted(table, reverse=True):
        cells = "  ".join(f"{np.median(m):>10.2f} / {np.percentile(m, 90):>9.2f}" for m in moves.values())
        users = ", ".join(a for a, f in ATTRIBUTE_FEATURES.items() if name in f)
        print(f"{name:<20}{worst:>10.2f}  {cells}  {users}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
