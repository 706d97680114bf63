"""Registry commands: build, profiles, show, history, diff, serve.

Each prints a table or short report for people and, with --json, a stable JSON shape for machines.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from registry.api import Registry
from registry.diffing import diff_versions
from registry.paths import data_option, db_option, json_option
from registry.render import echo_json, echo_wrapped, field_json, print_table, profile_json
from registry.store import readable
from registry.table import wrap_line


@click.command()
@db_option
@data_option
@json_option
def build(db_path: Path, data_dir: Path, as_json: bool) -> None:
    """Build or update the SQLite registry from data/.

    Idempotent: a changed profile gets a new version (its file must say why in change_reason), an unchanged
    one does not. Every input file is validated first; on any error nothing is written.

    \b
    Example:
      kzdocs build
      kzdocs build --db scratch.db --json
    """
    from registry.build import build_registry

    report = build_registry(db_path, data_dir)
    if as_json:
        echo_json(report.model_dump())
        return
    echo_wrapped(
        f"Registry {report.db}: {report.profiles} profiles, {len(report.new_versions)} new version(s), "
        f"{len(report.unchanged)} unchanged, {report.verification_events} verification event(s) "
        f"in {report.seconds:.2f} s."
    )
    if report.restored_versions:
        echo_wrapped(f"Restored {report.restored_versions} recorded version(s) from data/versions/.")
    for v in report.new_versions:
        echo_wrapped(f"  new: {v['slug']} v{v['version']}: {v['reason']}")


@click.command()
@db_option
@click.option("--kind", type=click.Choice(["photo", "service"]), help="Only profiles of this kind.")
@json_option
def profiles(db_path: Path, kind: str | None, as_json: bool) -> None:
    """List current profiles with their version, verification level and last-verified date.

    \b
    Example:
      kzdocs profiles --kind photo
      kzdocs profiles --json
    """
    with Registry.open(db_path) as reg:
        rows = reg.profiles(kind)
    if as_json:
        echo_json([r.model_dump(mode="json") for r in rows])
        return
    print_table(
        ["slug", "kind", "title", "ver", "level", "verified"],
        [[r.slug, r.kind.value, r.title, r.version, r.verification_level, r.last_verified] for r in rows],
        wrap=["title"],
        keep=["slug", "kind", "level", "verified"],
    )


@click.command()
@click.argument("slug")
@click.option("--version", "number", type=int, help="A recorded version (default: the current one).")
@db_option
@json_option
def show(slug: str, number: int | None, db_path: Path, as_json: bool) -> None:
    """Show a profile with every field and its provenance.

    \b
    Example:
      kzdocs show kz-visa-photo
      kzdocs show kz-permanent-residence-permit --version 1 --json
    """
    with Registry.open(db_path) as reg:
        profile = reg.current(slug) if number is None else reg.version(slug, number)
    if as_json:
        echo_json(profile_json(profile))
        return
    head = [
        f"{profile.title}  [{profile.slug} v{profile.version}{'' if profile.is_current else ', old'}]",
        f"verification level: {profile.verification_level}; last verified: {profile.last_verified}",
    ]
    if profile.official_url:
        head.append(f"official page: {profile.official_url}")
    for line in head:
        for part in wrap_line(line):
            click.echo(part)
    click.echo("")
    fields = [field_json(x) for x in profile.fields]
    print_table(
        ["field", "value", "unit", "status", "verified"],
        [[f["key"], f["display"], f["unit"] or "", f["status"], f["verified_at"]] for f in fields],
        notes=[_evidence_notes(f) for f in fields],
        wrap=["value"],
        keep=["field", "status", "verified"],
    )


def _evidence_notes(f: dict[str, Any]) -> list[str]:
    """Under each field: the quote it rests on, where it is from, or why it was inferred."""
    notes: list[str] = []
    if f["status"] == "inferred" and f["reason"]:
        notes.append(f"inferred: {f['reason']}")
    if f["sources"]:
        first = f["sources"][0]
        more = len(f["sources"]) - 1
        notes.append(f"“{first['quote']}” ({first['language']})")
        where = first["url"] + (f", {first['locator']}" if first.get("locator") else "")
        notes.append(f"source: {where}" + (f"  (+{more} more source(s))" if more else ""))
    for alt in f["alternatives"]:
        value = f"{readable(alt['value'])} {alt['unit'] or ''}".strip()
        source = alt["sources"][0]["url"] if alt["sources"] else "unsourced"
        notes.append(f"competing value: {value} ({source})")
    return notes


@click.command()
@click.argument("slug")
@db_option
@json_option
def history(slug: str, db_path: Path, as_json: bool) -> None:
    """List every recorded version of a profile with when and why it was made.

    \b
    Example:
      kzdocs history kz-passport --json
    """
    with Registry.open(db_path) as reg:
        rows = reg.history(slug)
    if as_json:
        echo_json({"slug": slug, "versions": rows})
        return
    print_table(
        ["version", "created", "reason", "findings"],
        [[r["version"], _minute(r["created_at"]), r["reason"], ", ".join(r["findings"])] for r in rows],
        wrap=["reason", "findings"],
        keep=["created"],
    )


def _minute(stamp: Any) -> str:
    """A creation time to the minute for the table ('2026-11-22 01:34 UTC'); --json has it in full."""
    text = stamp.isoformat() if hasattr(stamp, "isoformat") else str(stamp)
    if len(text) < 16 or text[10] != "T":
        return text
    utc = text.endswith(("+00:00", "Z"))
    return f"{text[:10]} {text[11:16]}" + (" UTC" if utc else text[19:].lstrip("0123456789."))


@click.command()
@click.argument("slug")
@click.argument("a", type=int)
@click.argument("b", type=int)
@db_option
@json_option
def diff(slug: str, a: int, b: int, db_path: Path, as_json: bool) -> None:
    """Compare versions A and B of a profile field by field.

    \b
    Example:
      kzdocs diff kz-visa-photo 1 2
    """
    with Registry.open(db_path) as reg:
        changes = diff_versions(reg.version(slug, a), reg.version(slug, b))
    if as_json:
        echo_json({"slug": slug, "from": a, "to": b, "changes": changes})
        return
    if not changes:
        click.echo(f"{slug}: versions {a} and {b} have the same fields.")
        return
    print_table(
        ["field", "change", f"v{a}", f"v{b}"],
        [[c["key"], c["change"], c["before"], c["after"]] for c in changes],
        wrap=[f"v{a}", f"v{b}"],
        keep=["field"],
    )


@click.command()
@db_option
@click.option("--port", default=8001, show_default=True, help="Port on 127.0.0.1.")
@click.option("--host", default="127.0.0.1", show_default=True)
@json_option
def serve(db_path: Path, port: int, host: str, as_json: bool) -> None:
    """Serve the registry read-only in Datasette, with metadata and canned queries.

    Writes made meanwhile by other kzdocs commands show up on the next request.

    \b
    Example:
      kzdocs serve --port 8001
    """
    from registry.datasette_app import serve_registry

    Registry.open(db_path).close()  # a clear error when the registry is missing
    url = f"http://{host}:{port}/"
    if as_json:
        echo_json({"url": url, "db": str(db_path)})
    else:
        echo_wrapped(f"Serving {db_path} read-only at {url}  (Ctrl+C stops)")
    sys.stdout.flush()
    serve_registry(db_path, host, port)
