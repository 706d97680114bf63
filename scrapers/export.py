"""Export the archive as a static mirror: DIR/<host>/<path> files plus DIR/index.json.

Layout, chosen so that any static file server rooted at DIR can stand in for the official sites with
``--mirror https://HOST=http://127.0.0.1:PORT/HOST``:

- ``https://egov.kz/cms/en/x?lang=en`` -> ``DIR/egov.kz/cms/en/x``. Static servers ignore the query
  string, so the mirror URL ``http://127.0.0.1:PORT/egov.kz/cms/en/x?lang=en`` finds that file.
- A path ending in ``/`` (or empty) -> ``.../index.html``, which static servers serve for a directory.
- A path that is also the parent of another exported path -> ``<path>/index.html``; the server answers
  ``/x`` with a redirect to ``/x/``, which the fetcher follows inside the mirror.
- Percent-escapes are decoded (static servers decode request paths the same way); ``.``/``..`` segments
  are neutralised, in the host too (a source whose host is ``..`` stays inside DIR), and every target is
  checked to resolve inside DIR before anything is written. A non-default port becomes part of the host
  folder: ``host_8080``.
- Two sources whose URLs differ only in the query cannot both live at one path: the first (by URL) gets
  the path, the others ``<path>__<query>``. They stay listed in index.json, but a plain static mirror
  serves only the first; export reports this as a warning.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from scrapers.archive import Archive, write_json
from scrapers.errors import ScraperError
from scrapers.models import ExportEntry, ExportIndex, Snapshot

UNSAFE = re.compile(r"[\x00-\x1f\\]")


class ExportFailed(ScraperError):
    """The export folder cannot take the mirror (not a folder, not writable, a path that would leave it)."""


def url_to_relpath(url: str) -> PurePosixPath:
    parts = urlsplit(url)
    host = _safe_segment((parts.hostname or "").lower().rstrip(".") or "unknown-host").replace("/", "_")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port != (443 if parts.scheme == "https" else 80):
        host = f"{host}_{port}"
    raw = unquote(parts.path or "/")
    segments = [_safe_segment(s) for s in raw.split("/") if s]
    if raw.endswith("/") or not segments:
        segments.append("index.html")
    return PurePosixPath(host, *segments)


def _safe_segment(segment: str) -> str:
    # File systems refuse names over 255 bytes; 150 leaves room for a query suffix (up to 82 more).
    segment = UNSAFE.sub("_", segment).encode("utf-8")[:150].decode("utf-8", errors="ignore")
    return "_" if segment.strip(".") == "" else segment


def _confined(dest: Path, rel: PurePosixPath) -> Path:
    """dest/rel, refused unless it resolves inside dest (symlinks already in dest included)."""
    root = dest.resolve()
    if not root.joinpath(*rel.parts).resolve().is_relative_to(root):
        raise ExportFailed(f"{dest}: refusing to write {rel}, which would land outside the export folder")
    return dest.joinpath(*rel.parts)  # named as the user gave it, in messages too


def _query_suffix(url: str) -> str:
    query = urlsplit(url).query
    return "__" + re.sub(r"[^A-Za-z0-9._=-]+", "_", query)[:80] if query else "__noquery"


def export_archive(archive: Archive, dest: Path) -> ExportIndex:
    if dest.exists() and not dest.is_dir():
        raise ExportFailed(f"{dest}: the export target exists and is not a folder")
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
            target = _confined(dest, rel)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.body(snap))
            except OSError as error:
                raise ExportFailed(f"{target}: cannot write the exported copy ({error.strerror or error})") from None
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
    try:
        write_json(_confined(dest, PurePosixPath("index.json")), index.model_dump(mode="json"))
    except OSError as error:
        raise ExportFailed(f"{dest / 'index.json'}: cannot write the index ({error.strerror or error})") from None
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
