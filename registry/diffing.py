"""Field-by-field comparison of two profile versions."""

from __future__ import annotations

from typing import Any

from registry.models import ProfileVersion
from registry.store import readable


def diff_versions(a: ProfileVersion, b: ProfileVersion) -> list[dict[str, Any]]:
    """Fields added, removed or changed (value, unit, status, sources, alternatives) from a to b."""
    before = {f.key: f for f in a.fields}
    after = {f.key: f for f in b.fields}
    changes: list[dict[str, Any]] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is None:
            changes.append({"key": key, "change": "added", "before": None, "after": _show(new)})
        elif new is None:
            changes.append({"key": key, "change": "removed", "before": _show(old), "after": None})
        else:
            for aspect in ("value", "unit", "status", "reason"):
                x, y = getattr(old, aspect), getattr(new, aspect)
                if x != y:
                    changes.append(
                        {
                            "key": key,
                            "change": aspect,
                            "before": readable(x) if aspect == "value" else getattr(x, "value", x),
                            "after": readable(y) if aspect == "value" else getattr(y, "value", y),
                        }
                    )
            if [s.url for s in old.sources] != [s.url for s in new.sources] or [s.quote for s in old.sources] != [
                s.quote for s in new.sources
            ]:
                changes.append(
                    {
                        "key": key,
                        "change": "sources",
                        "before": " ".join(s.url for s in old.sources),
                        "after": " ".join(s.url for s in new.sources),
                    }
                )
            if old.alternatives != new.alternatives:
                changes.append(
                    {
                        "key": key,
                        "change": "alternatives",
                        "before": len(old.alternatives),
                        "after": len(new.alternatives),
                    }
                )
    return changes


def _show(f: Any) -> str:
    return f"{readable(f.value)} {f.unit or ''} ({f.status.value})".replace("  ", " ")
