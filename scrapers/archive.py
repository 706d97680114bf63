"""The content-addressed archive of fetched sources (layout fixed in docs/sources.md).

``objects/<sha256>.<ext>`` holds each distinct body once; ``snapshots.jsonl`` gets one line per fetch,
appended and never rewritten, so the history of every URL can be replayed. A line is appended only once
the body it names is on disk (written to a temporary file, renamed, flushed), so a kill or a power cut never
leaves a line pointing at a missing body; it loses at most the lines not yet written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from registry.files import write_atomic
from scrapers.errors import ArchiveCorrupt, ScraperError
from scrapers.models import ExportIndex, FetchResult, Snapshot
from scrapers.sniff import effective_content_type, extension_for


class Archive:
    """One archive directory; safe to share between threads of one process."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.objects_dir = self.root / "objects"
        self.snapshots_path = self.root / "snapshots.jsonl"
        self._lock = threading.Lock()
        self._cache: tuple[tuple[int, int], list[Snapshot]] | None = None
        # Inside batch(): lines held back until their bodies are flushed, and the bodies written since.
        self._batch_depth = 0
        self._held: list[Snapshot] = []
        self._unflushed: list[Path] = []

    # reading ------------------------------------------------------------------------------------------

    def snapshots(self) -> list[Snapshot]:
        """Every snapshot in file order; a malformed line raises ArchiveCorrupt naming file and line."""
        with self._lock:  # never read a line another thread of ours is appending
            return self._read_snapshots() + self._held

    def _read_snapshots(self) -> list[Snapshot]:
        try:
            stat = self.snapshots_path.stat()
        except FileNotFoundError:
            return []
        stamp = (stat.st_mtime_ns, stat.st_size)
        if self._cache and self._cache[0] == stamp:
            return list(self._cache[1])
        found: list[Snapshot] = []
        with self.snapshots_path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    found.append(Snapshot.model_validate_json(line))
                except ValidationError as error:
                    problem = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in error.errors())
                    raise ArchiveCorrupt(f"{self.snapshots_path}:{number}", f"bad snapshot line ({problem})") from None
        self._cache = (stamp, found)
        return list(found)

    def history(self, *, url: str | None = None, source_id: str | None = None) -> list[Snapshot]:
        """Snapshots of one URL or one source, oldest first, in the order they were recorded.

        snapshots.jsonl is append-only, so its order is the order of recording; it does not depend on clocks
        (a reconstruction dated later than a real fetch must not hide the fetch).
        """
        return [
            snap
            for snap in self.snapshots()
            if (url is None or snap.url == url) and (source_id is None or snap.source_id == source_id)
        ]

    def newest(
        self, *, url: str | None = None, source_id: str | None = None, with_content: bool = True
    ) -> Snapshot | None:
        """The newest snapshot of a URL or source; by default only one whose body is in the archive."""
        if url is None and source_id is None:
            raise ValueError("newest() needs a url or a source_id")
        for snap in reversed(self.history(url=url, source_id=source_id)):
            if not with_content or snap.has_content:
                return snap
        return None

    def object_path(self, snapshot: Snapshot) -> Path | None:
        if not snapshot.sha256:
            return None
        expected = self.objects_dir / f"{snapshot.sha256}.{extension_for(snapshot.content_type)}"
        if expected.exists():
            return expected
        return next(iter(sorted(self.objects_dir.glob(f"{snapshot.sha256}.*"))), None)

    def has_object(self, snapshot: Snapshot) -> bool:
        return self.object_path(snapshot) is not None

    def body(self, snapshot: Snapshot) -> bytes:
        """The stored bytes of a snapshot, checked against its sha256."""
        path = self.object_path(snapshot)
        if path is None:
            raise ArchiveCorrupt(str(self.objects_dir), f"no stored object for {snapshot.url} ({snapshot.sha256})")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != snapshot.sha256:
            raise ArchiveCorrupt(str(path), "content does not match its sha256 name")
        return data

    # writing ------------------------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[ArchiveBatch]:
        """Archive many fetches with one flush to disk instead of one per body (a verify run uses this).

        Why: one fsync per body cost a verify run of 31 sources more than its parsing. Inside the block,
        bodies are written (temporary file + rename) without their own fsync and their lines are held back
        (reads in this process see them). When the block ends, normally or by an error, one barrier flushes
        the archive's file system and only then are the held lines appended, so the rule of the archive
        holds: no line names a body that is not on disk. A kill inside the block loses that block's lines;
        the bodies stay as unnamed objects that a later store of the same content re-uses.
        ``ArchiveBatch.flush_in_background`` starts that flush early, while the caller still works.
        """
        with self._lock:
            self._batch_depth += 1
        handle = ArchiveBatch(self)
        try:
            yield handle
        finally:
            try:
                handle.wait()  # a failed early flush drops the held lines: their bodies may not be on disk
            finally:
                with self._lock:
                    self._batch_depth -= 1
                    done = self._batch_depth == 0
                    held, unflushed = (self._held, self._unflushed) if done else ([], [])
                    if done:
                        self._held, self._unflushed = [], []
            if unflushed:
                _flush_to_disk(self.objects_dir, unflushed)
            for snapshot in held:
                self._write_line(snapshot)

    def store(self, body: bytes, content_type: str | None) -> str:
        """Store body once under its sha256 and return the hash."""
        sha = hashlib.sha256(body).hexdigest()
        self.objects_dir.mkdir(parents=True, exist_ok=True)
        existing = next(iter(self.objects_dir.glob(f"{sha}.*")), None)
        path = existing or self.objects_dir / f"{sha}.{extension_for(content_type)}"
        with self._lock:
            batched = self._batch_depth > 0
            if batched:
                self._unflushed.append(path)
        if existing is None:
            write_atomic(path, body, durable=not batched)
        elif not batched:
            # A body a killed or failed batch left behind may not be on disk yet: make sure before a line names it.
            _flush_to_disk(self.objects_dir, [path], whole_file_system=False)
        return sha

    def append(self, snapshot: Snapshot) -> Snapshot:
        with self._lock:
            if self._batch_depth > 0:
                self._held.append(snapshot)
                return snapshot
        return self._write_line(snapshot)

    def _write_line(self, snapshot: Snapshot) -> Snapshot:
        line = snapshot.model_dump_json(exclude_none=False) + "\n"
        self.root.mkdir(parents=True, exist_ok=True)
        with self._lock:
            cached = self._read_snapshots() if self.snapshots_path.exists() else []
            fd = os.open(self.snapshots_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                # One write() of one line in O_APPEND mode: a killed process leaves whole lines only. No fsync
                # per line (it cost more than the parsing of a page); the bodies themselves are fsynced.
                os.write(fd, line.encode("utf-8"))
                stat = os.fstat(fd)
            finally:
                os.close(fd)
            # Keep the parsed list current instead of re-reading the whole file after every append.
            self._cache = ((stat.st_mtime_ns, stat.st_size), [*cached, snapshot])
        return snapshot

    def record(self, result: FetchResult, *, source_id: str | None = None, note: str | None = None) -> Snapshot:
        """Archive a fetch: a body is stored (once per content); a 304 points at the copy it confirmed."""
        if result.not_modified:
            previous = self.newest(url=result.url)
            if previous is None:
                raise ScraperError(f"{result.url}: the server answered 304 but the archive holds no copy")
            return self.append(
                Snapshot(
                    source_id=source_id or previous.source_id,
                    url=result.url,
                    final_url=result.final_url,
                    fetched_at=result.fetched_at,
                    status=result.status,
                    content_type=previous.content_type,
                    etag=result.etag or previous.etag,
                    last_modified=result.last_modified or previous.last_modified,
                    sha256=previous.sha256,
                    size=previous.size,
                    reconstruction=previous.reconstruction,  # a 304 never turns our reconstruction into a fetch
                    note=note or "not modified since the stored copy",
                    headers=result.headers,
                )
            )
        body = result.body or b""
        sha = self.store(body, result.content_type)
        return self.append(
            Snapshot(
                source_id=source_id,
                url=result.url,
                final_url=result.final_url,
                fetched_at=result.fetched_at,
                status=result.status,
                content_type=result.content_type,
                etag=result.etag,
                last_modified=result.last_modified,
                sha256=sha,
                size=len(body),
                note=note,
                headers=result.headers,
            )
        )

    def record_failure(self, url: str, error: ScraperError, *, source_id: str | None = None) -> Snapshot:
        """Archive a failed fetch (no body), so the history shows when a source stopped answering."""
        return self.append(
            Snapshot(
                source_id=source_id,
                url=url,
                final_url=None,
                fetched_at=dt.datetime.now(dt.timezone.utc),
                status=getattr(error, "status", None),
                note=f"{type(error).__name__}: {error}",
            )
        )

    def add_copy(
        self,
        url: str,
        body: bytes,
        *,
        content_type: str | None = None,
        source_id: str | None = None,
        reconstruction: bool = False,
        note: str | None = None,
        fetched_at: dt.datetime | None = None,
    ) -> Snapshot:
        """Archive a copy obtained outside the fetcher (a reconstruction, an imported file)."""
        ctype = effective_content_type(content_type, body)
        sha = self.store(body, ctype)
        return self.append(
            Snapshot(
                source_id=source_id,
                url=url,
                final_url=url,
                fetched_at=fetched_at or dt.datetime.now(dt.timezone.utc),
                status=200,
                content_type=ctype,
                sha256=sha,
                size=len(body),
                reconstruction=reconstruction,
                note=note,
            )
        )

    def latest_per_source(self) -> list[Snapshot]:
        """The newest snapshot with content for every source (keyed by source_id, else by URL)."""
        newest: dict[str, Snapshot] = {}
        for snap in self.history():
            if snap.has_content:
                newest[snap.source_id or snap.url] = snap
        return list(newest.values())

    def export(self, dest: Path | str) -> ExportIndex:
        """Write the newest copy of every source as plain files plus index.json (see scrapers.export)."""
        from scrapers.export import export_archive

        return export_archive(self, Path(dest))


class ArchiveBatch:
    """The handle ``Archive.batch`` yields: lets the caller start the flush of the bodies written so far on a
    thread of its own (the flush waits on the disk, not the CPU) and go on working; the batch's end waits for
    it, flushes anything written after it started, and only then appends the held lines."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._written: set[Path] = set()

    def flush_in_background(self) -> None:
        if self._thread is not None:
            return
        with self._archive._lock:
            written = list(self._archive._unflushed)
        if not written:
            return

        def flush() -> None:
            try:
                _flush_to_disk(self._archive.objects_dir, written)
            except BaseException as error:  # noqa: BLE001 - raised again by wait() in the caller's thread
                self._error = error

        self._thread = threading.Thread(target=flush, name="archive-flush", daemon=True)
        self._written = set(written)
        self._thread.start()

    def wait(self) -> None:
        """Wait for a flush started by :meth:`flush_in_background`; its error is raised here."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
            if self._error is not None:
                raise self._error
            with self._archive._lock:  # on disk now: an enclosing batch need not flush them again
                self._archive._unflushed = [p for p in self._archive._unflushed if p not in self._written]


def _flush_to_disk(folder: Path, written: list[Path], whole_file_system: bool = True) -> None:
    """Make the written files (and their renames) durable: one syncfs of folder's file system on Linux (for
    many files), else an fsync of each file and of the folder."""
    if whole_file_system and sys.platform.startswith("linux"):
        import ctypes  # only here: a batch that wrote nothing never loads it

        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
        try:
            if libc.syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for path in written:
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_json(path: Path, payload: object) -> None:
    """Write JSON atomically (temporary file + rename), so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
