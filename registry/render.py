"""Shapes for output: the JSON of a profile and its fields, and plain-text tables for terminals."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from registry.models import ProfileField, ProfileVersion, Range
from registry.store import readable
from registry.table import Table, wrap_line


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


def print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    notes: Sequence[Sequence[str]] | None = None,
    wrap: Sequence[str] = (),
    keep: Sequence[str] = (),
) -> None:
    """A plain aligned table that fits the terminal width (see registry.table); notes print under their row."""
    table = Table(headers, wrap=frozenset(wrap), keep=frozenset(keep))
    for i, row in enumerate(rows):
        table.add(row, notes[i] if notes else ())
    for line in table.render():
        click.echo(line)


def echo_wrapped(text: str) -> None:
    """A line of prose for people, wrapped to the terminal width."""
    for line in wrap_line(text):
        click.echo(line)
