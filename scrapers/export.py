"""Export the archive as a static mirror: DIR/<host>/<path> files plus DIR/index.json.

Layout, chosen so that any static file server rooted at DIR can stand in for the official sites with
``--mirror https://HOST=http://127.0.0.1:PORT/HOST``:

- ``https://egov.kz/cms/en/x?lang=en`` -> ``DIR/egov.kz/cms/en/x``. Static servers ignore the query
  string, so the mirror URL ``http://127.0.0.1:PORT/egov.kz/cms/en/x?lang=en`` finds that file.
- A path ending in ``/`` (or empty) -> ``.../index.html``, which static servers serve for a directory.
- A path that is also the parent of another exported path -> ``<path>/index.html``; the server answers
  ``/x`` with a redirect to ``/x/``, which the fetcher follows inside the mirror.
- Percent-escapes are decoded (static servers decode request paths the same way); ``.``/``..`` segments
  are neutralised. A non-default port becomes part of the host folder: ``host_8080``.
- Two sources whose URLs differ only in the query cannot both live at one path: the first (by URL) gets
  the path, the others ``<path>__<query>``. They stay listed in index.json, but a plain static mirror
  serves only the first; export reports this as a warning.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from scrapers.archive import Archive, write_json
from scrapers.models import ExportEntry, ExportIndex, Snapshot

UNSAFE = re.compile(r"[\x00-\x1f\\]")


def url_to_relpath(url: str) -> PurePosixPath:
    parts = urlsplit(url)
    host = (parts.hostname or "unknown-host").lower()
    if parts.port and parts.port != (443 if parts.scheme == "https" else 80):
        host = f"{host}_{parts.port}"
    raw = unquote(parts.path or "/")
    segments = [_safe_segment(s) for s in raw.split("/") if s]
    if raw.endswith("/") or not segments:
        segments.append("index.html")
    return PurePosixPath(host, *segments)


def _safe_segment(segment: str) -> str:
    segment = UNSAFE.sub("_", segment)
    return "_" if segment in (".", "..") else segment


def _query_suffix(url: str) -> str:
    query = urlsplit(url).query
    return "__" + re.sub(r"[^A-Za-z0-9._=-]+", "_", query)[:80] if query else "__noquery"


def export_archive(archive: Archive, dest: Path) -> ExportIndex:
    snapshots = sorted(archive.latest_per_source(), key=lambda s: (s.url, s.source_id or ""))
    warnings: list[str] = []
    planned: list[tuple[PurePosixPath, Snapshot]] = []
    taken: dict[PurePosixPath, str] = {}
    for snap in snapshots:
        rel = url_to_relpath(snap.url)
        if rel in taken and taken[rel] != snap.url:
            alt = rel.with_name(rel.name + _query_suffix(snap.url))
            warnings.append(
                f"{snap.url} and {taken[rel]} share the file {rel}; a static mirror serves only the latter, "
                f"this one is written to {alt}"
            )
            rel = alt
        taken.setdefault(rel, snap.url)
        planned.append((rel, snap))
    parents = {parent for rel, _ in planned for parent in rel.parents}
    entries: list[ExportEntry] = []
    written: set[PurePosixPath] = set()
    for rel, snap in planned:
        if rel in parents:
            rel = rel / "index.html"
        if rel not in written:
            target = dest.joinpath(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.body(snap))
            written.add(rel)
        entries.append(
            ExportEntry(
                url=snap.url,
                file=rel.as_posix(),
                content_type=snap.content_type,
                source_id=snap.source_id,
                sha256=snap.sha256,
                reconstruction=snap.reconstruction,
            )
        )
    index = ExportIndex(sources=entries, warnings=warnings)
    write_json(dest / "index.json", index.model_dump(mode="json"))
    return index


def mirror_specs(index: ExportIndex, base_url: str) -> list[str]:
    """--mirror arguments that let a static server at base_url (rooted at the export DIR) serve every host."""
    hosts = sorted({PurePosixPath(entry.file).parts[0] for entry in index.sources})
    specs = []
    for folder in hosts:
        host, _, port = folder.partition("_")
        origin = f"{host}:{port}" if port.isdigit() else host
        specs.append(f"{origin}={base_url.rstrip('/')}/{folder}")
    return specs
