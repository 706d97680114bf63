"""Extraction recall and precision on a development set of real official page texts kept OUTSIDE the repository.

The set is a folder of plain-text page copies and a labels.json naming, for each file, the facts the page
states as [key, value, unit] (for `documents`, the value is the number of items). Page texts are third-party
text, so they never enter the repository; this script only reads them.

    python scripts/devset_score.py /work/devset-pages            # every page
    python scripts/devset_score.py /work/devset-pages --split     # tune pages vs held-out pages, separately

An observation counts as right when a label of the same key, value (and unit, when the label names one) is
still unmatched on that page; recall = matched labels / labels, precision = matched observations / observations.
Only the keys listed under "_keys" are scored (the labels cover those). With --split, files listed under
"_held_out" in labels.json are the held-out pages, and held-out pages also listed under "_fresh" (labelled
before the extractor ever ran on them) are reported as a group of their own; an empty group is not printed.

Descriptive keys (issuing body, application channels, photo traits...) are facts a page states once however often
it repeats them. Keys listed under "_distinct" are scored as the SET of distinct facts a page states: the
observations of such a key are reduced to distinct values first, a list value (e.g. `background.colours`
["white", "grey"], `application.channels`) counts as one fact per item, and the label names one item per fact;
text is compared case- and space-insensitively. Keys not listed there are scored as before, one label per
statement.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers.extract import extract_file  # noqa: E402

SCOPE: set[str] | None = None  # the keys labels.json covers ("_keys"); observations of other keys are not scored
DISTINCT: set[str] = set()  # keys scored as the set of distinct facts per page ("_distinct")


def _norm(value: Any) -> Any:
    return " ".join(value.lower().split()) if isinstance(value, str) else value


def _distinct_facts(observations: list[Any]) -> list[Any]:
    """Observations of "_distinct" keys reduced to one per (key, item); other observations kept as they are."""
    kept: list[Any] = []
    seen: set[tuple[str, Any]] = set()
    for o in observations:
        if o.key not in DISTINCT:
            kept.append(o)
            continue
        for item in o.value if isinstance(o.value, list) else [o.value]:
            if (o.key, _norm(item)) not in seen:
                seen.add((o.key, _norm(item)))
                kept.append(o.model_copy(update={"value": item}))
    return kept


def _same(label: list[Any], key: str, value: Any, unit: str | None) -> bool:
    l_key, l_value, l_unit = label
    if l_key != key:
        return False
    if key == "documents":
        return isinstance(value, list) and len(value) == l_value
    if key in DISTINCT:
        return _norm(l_value) == _norm(value) and (l_unit is None or l_unit == unit)
    if hasattr(value, "min"):
        value = value.min if value.min == value.max else f"{value.min:g}-{value.max:g}"
    if isinstance(l_value, (int, float)) and not isinstance(l_value, bool) and isinstance(value, (int, float)):
        if abs(float(l_value) - float(value)) > 1e-6:
            return False
    elif isinstance(l_value, list):
        if sorted(l_value) != sorted(value if isinstance(value, list) else [value]):
            return False
    elif l_value != value:
        return False
    return l_unit is None or l_unit == unit


def score(
    folder: Path, names: list[str], labels: dict[str, list[list[Any]]], verbose: bool
) -> tuple[int, int, int, int]:
    right_labels = total_labels = right_obs = total_obs = 0
    for name in names:
        _, observations = extract_file(folder / name, kind="text")
        observations = _distinct_facts([o for o in observations if SCOPE is None or o.key in SCOPE])
        open_labels = list(labels[name])
        total_labels += len(open_labels)
        total_obs += len(observations)
        for o in observations:
            hit = next((lab for lab in open_labels if _same(lab, o.key, o.value, o.unit)), None)
            if hit is not None:
                open_labels.remove(hit)
                right_obs += 1
            elif verbose:
                shown = len(o.value) if o.key == "documents" else o.value
                print(f"  {name}: extra {o.key} {shown} {o.unit or ''} | {o.quote[:80]}")
        right_labels += len(labels[name]) - len(open_labels)
        if verbose:
            for lab in open_labels:
                print(f"  {name}: missed {lab}")
    return right_labels, total_labels, right_obs, total_obs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", action="store_true", help="report tune and held-out pages separately")
    parser.add_argument("--verbose", action="store_true", help="list misses and extra observations")
    args = parser.parse_args()
    labels = json.loads((args.folder / "labels.json").read_text(encoding="utf-8"))
    held_out = set(labels.pop("_held_out", []))
    fresh = set(labels.pop("_fresh", []))
    global SCOPE, DISTINCT
    SCOPE = set(labels.pop("_keys", [])) or None
    DISTINCT = set(labels.pop("_distinct", []))
    labels = {k: v for k, v in labels.items() if not k.startswith("_")}
    groups = {"all": sorted(labels)}
    if args.split:
        groups = {"tune": sorted(set(labels) - held_out), "held-out": sorted(held_out - fresh)}
        if held_out & fresh:
            groups["fresh held-out"] = sorted(held_out & fresh)
    for group, names in groups.items():
        if not names:
            continue
        rl, tl, ro, to = score(args.folder, names, labels, args.verbose)
        print(f"{group}: {len(names)} pages; recall {rl}/{tl} = {rl / max(tl, 1):.2f}; "
              f"precision {ro}/{to} = {ro / max(to, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
