"""Reading sources: fetch each one (or take its newest archived copy) and extract its facts.

Extraction of fetched pages is shared with a forked child on a second core (verifier/twoway.py); a pool of
worker processes did not pay for itself (starting and feeding interpreters cost more than the parsing).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from verifier.models import ObservedValue, Reading, SourceSpec

if TYPE_CHECKING:
    from scrapers.archive import Archive
    from scrapers.fetch import Fetcher
    from scrapers.models import Observation, Snapshot


def read_all(sources: list[SourceSpec], archive: Archive, fetcher: Fetcher | None, workers: int) -> list[Reading]:
    """One reading per source, in order: live/mirrored when a fetcher is given, else from the archive.

    Fetching runs in threads (it waits on the network); extraction then runs in this thread. Interleaving
    the two in the same threads was slower: a thread whose response has arrived waits for the interpreter
    lock while another parses, which delays every request behind the parsing.
    """
    if fetcher is None:
        fetched: list[tuple[Snapshot | str, bytes | None]] = [(_newest(source, archive), None) for source in sources]
        return [_extract(source, archive, snapshot, body)
                for source, (snapshot, body) in zip(sources, fetched, strict=True)]
    # The bodies go to disk with one flush (Archive.batch), started as soon as the last fetch is in: it waits on
    # the disk while the pages are parsed here, and their archive lines are written when both are done.
    # Extraction is shared with a forked child on the second core (the flush thread starts after the fork).
    from verifier.twoway import run_on_two_cores

    with archive.batch() as batch:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            fetched = list(pool.map(lambda source: _fetch(source, archive, fetcher), sources))
        jobs = list(zip(sources, fetched, strict=True))
        return run_on_two_cores(
            jobs,
            lambda job: _extract(job[0], archive, *job[1]),
            cost=lambda job: 1500 + len(job[1][1] or b""),  # parsing time goes with the body's size
            after_fork=batch.flush_in_background,
        )


def _newest(source: SourceSpec, archive: Archive) -> Snapshot | str:
    snapshot = archive.newest(url=source.url)
    return snapshot if snapshot is not None else "no archived copy of this source"


def _fetch(source: SourceSpec, archive: Archive, fetcher: Fetcher) -> tuple[Snapshot | str, bytes | None]:
    from scrapers.errors import ScraperError
    from scrapers.fetch import fetch_source_body

    try:
        return fetch_source_body(fetcher, archive, source.url, source_id=source.id)
    except ScraperError as error:
        return str(error), None


def _extract(source: SourceSpec, archive: Archive, snapshot: Snapshot | str, body: bytes | None = None) -> Reading:
    """Extract a snapshot's facts; ``body`` is the body just received, else the archived copy is read."""
    from scrapers.errors import ScraperError
    from scrapers.extract import extract_bytes

    if isinstance(snapshot, str):
        return Reading(source_id=source.id, url=source.url, error=snapshot)
    common = _snapshot_fields(source, snapshot)
    try:
        if body is None:
            body = archive.body(snapshot)
        if carries_reconstruction_marker(body):
            common["reconstruction"] = True
        observations = extract_bytes(body, source.kind or snapshot.kind, block=source.block, name=snapshot.url)
    except ScraperError as error:
        return Reading(**common, error=str(error))
    return Reading(**common, observations=[_observed(o) for o in observations])


RECONSTRUCTION_MARKERS = (
    b'name="kzdocs:reconstruction"', b"kzdocs reconstruction", b"kzdocs:reconstruction", b"kzdocs \\(reconstruction\\)"
)


def carries_reconstruction_marker(body: bytes) -> bool:
    """A copy we wrote ourselves says so in its bytes (meta tag, comment, PDF notice), whoever serves it.

    A mirror or a test server may serve such a copy as if it were the live page; its content, not the
    transport, decides that it cannot move ``verified_at``.
    """
    return any(marker in body for marker in RECONSTRUCTION_MARKERS)


def earlier_readings(
    source: SourceSpec, archive: Archive, current_sha: str | None, limit: int = 8
) -> Iterator[Reading]:
    """The source's earlier snapshots with other content than the current one, newest first, read like the
    current one (lazily: most runs never need them)."""
    seen = {current_sha}
    for snapshot in reversed(archive.history(url=source.url)):
        if len(seen) > limit:
            return
        if not snapshot.sha256 or snapshot.sha256 in seen or not archive.has_object(snapshot):
            continue
        seen.add(snapshot.sha256)
        yield _extract(source, archive, snapshot)


def _snapshot_fields(source: SourceSpec, snapshot: Snapshot) -> dict[str, object]:
    return {
        "source_id": source.id,
        "url": source.url,
        "sha256": snapshot.sha256,
        "fetched_at": snapshot.fetched_at,
        "reconstruction": snapshot.reconstruction,
        "status": snapshot.status,
        "not_modified": snapshot.status == 304,
    }


def _observed(o: Observation) -> ObservedValue:
    value = o.value.model_dump() if hasattr(o.value, "model_dump") else o.value
    return ObservedValue(
        key=o.key, value=value, unit=o.unit, quote=o.quote, locator=o.locator, rule=o.rule, context=o.context,
        qualifier=o.qualifier, in_brackets=o.in_brackets, clause=o.clause,
    )
