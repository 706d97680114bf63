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
from registry.render import echo_json, field_json, print_table, profile_json


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
      kzdocs build --db /tmp/registry.db --json
    """
    from registry.build import build_registry

    report = build_registry(db_path, data_dir)
    if as_json:
        echo_json(report.model_dump())
        return
    click.echo(
        f"Registry {report.db}: {report.profiles} profiles, {len(report.new_versions)} new version(s), "
        f"{len(report.unchanged)} unchanged, {report.verification_events} verification event(s) "
        f"in {report.seconds:.2f} s."
    )
    if report.restored_versions:
        click.echo(f"Restored {report.restored_versions} recorded version(s) from data/versions/.")
    for v in report.new_versions:
        click.echo(f"  new: {v['slug']} v{v['version']}: {v['reason']}")


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
        ["slug", "kind", "title", "version", "level", "last verified"],
        [[r.slug, r.kind.value, r.title, r.version, r.verification_level, r.last_verified] for r in rows],
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
    click.echo(f"{profile.title}  [{profile.slug} v{profile.version}{'' if profile.is_current else ', old'}]")
    click.echo(f"verification level: {profile.verification_level}; last verified: {profile.last_verified}")
    if profile.official_url:
        click.echo(f"official page: {profile.official_url}")
    click.echo("")
    print_table(
        ["field", "value", "unit", "status", "verified", "evidence"],
        [_field_row(f) for f in (field_json(x) for x in profile.fields)],
    )


def _field_row(f: dict[str, Any]) -> list[Any]:
    evidence = f["sources"][0]["url"] if f["sources"] else f"inferred: {f['reason']}"
    if f["alternatives"]:
        evidence += f"  (+{len(f['alternatives'])} competing value(s))"
    return [f["key"], f["display"], f["unit"] or "", f["status"], f["verified_at"], evidence]


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
        [[r["version"], r["created_at"], r["reason"], ", ".join(r["findings"])] for r in rows],
    )


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
        ["field", "change", f"v{a}", f"v{b}"], [[c["key"], c["change"], c["before"], c["after"]] for c in changes]
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
        click.echo(f"Serving {db_path} read-only at {url}  (Ctrl+C stops)")
    sys.stdout.flush()
    serve_registry(db_path, host, port)
