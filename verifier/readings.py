"""Reading sources: fetch each one (or take its newest archived copy) and extract its facts.

Sources are read by a few threads: while one waits on the network another parses. Measured here, a process
pool did not pay for itself at this size (forking and pickling cost more than the parsing it spread).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from verifier.models import ObservedValue, Reading, SourceSpec

if TYPE_CHECKING:
    from scrapers.archive import Archive
    from scrapers.fetch import Fetcher
    from scrapers.models import Observation, Snapshot


def read_all(sources: list[SourceSpec], archive: Archive, fetcher: Fetcher | None, workers: int) -> list[Reading]:
    """One reading per source, in order: live/mirrored when a fetcher is given, else from the archive."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda source: read_source(source, archive, fetcher), sources))


def read_source(source: SourceSpec, archive: Archive, fetcher: Fetcher | None) -> Reading:
    from scrapers.errors import ScraperError
    from scrapers.extract import extract_snapshot
    from scrapers.fetch import fetch_source

    try:
        if fetcher is None:
            snapshot = archive.newest(url=source.url)
            if snapshot is None:
                return Reading(source_id=source.id, url=source.url, error="no archived copy of this source")
        else:
            snapshot = fetch_source(fetcher, archive, source.url, source_id=source.id)
    except ScraperError as error:
        return Reading(source_id=source.id, url=source.url, error=str(error))
    common = _snapshot_fields(source, snapshot)
    try:
        observations = extract_snapshot(archive, snapshot, kind=source.kind, block=source.block)
    except ScraperError as error:
        return Reading(**common, error=str(error))
    return Reading(**common, observations=[_observed(o) for o in observations])


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
        key=o.key, value=value, unit=o.unit, quote=o.quote, locator=o.locator, rule=o.rule, context=o.context
    )
