"""Shapes for output: the JSON of a profile and its fields, and plain-text tables for terminals."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from registry.models import ProfileField, ProfileVersion, Range
from registry.store import readable


def echo_json(data: Any) -> None:
    """JSON for machines, as every --json option prints it."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def value_json(value: Any) -> Any:
    return value.model_dump() if isinstance(value, Range) else value


def field_json(f: ProfileField) -> dict[str, Any]:
    return {
        "key": f.key,
        "value": value_json(f.value),
        "display": readable(f.value),
        "unit": f.unit,
        "status": f.status.value,
        "sources": [s.model_dump(mode="json", exclude_none=True) for s in f.sources],
        "verified_at": f.verified_at.isoformat(),
        "reason": f.reason,
        "note": f.note,
        "alternatives": [
            {
                "value": value_json(a.value),
                "unit": a.unit,
                "note": a.note,
                "sources": [s.model_dump(mode="json", exclude_none=True) for s in a.sources],
            }
            for a in f.alternatives
        ],
    }


def profile_json(p: ProfileVersion) -> dict[str, Any]:
    return {
        "slug": p.slug,
        "kind": p.kind.value,
        "document": p.document,
        "title": p.title,
        "description": p.description,
        "official_url": p.official_url,
        "version": p.version,
        "is_current": p.is_current,
        "reason": p.reason,
        "created_at": p.created_at.isoformat(),
        "verification_level": p.verification_level,
        "last_verified": p.last_verified.isoformat() if p.last_verified else None,
        "fields": [field_json(f) for f in p.fields],
    }


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> None:
    """A plain aligned table; long cells are cut with an ellipsis so rows stay on one line."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any, max_width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= max_width else text[: max_width - 1] + "…"
