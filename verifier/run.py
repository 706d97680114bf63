"""One verification run: read every source (live, mirrored or from the archive), compare, record.

Confirmed findings from a real fetch record verification events (they move ``verified_at``, no new
version). A copy that is a reconstruction written by us never moves ``verified_at``: it can show that the
registry and the archive agree, not that the official site still says so.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from registry.api import Registry
from registry.build import record_changes
from registry.ledger import VerificationEvent
from registry.loader import validate_file
from verifier.compare import compare
from verifier.models import (
    NEEDS_REVIEW,
    Finding,
    FindingKind,
    Reading,
    RunSummary,
    SourceList,
    SourceSpec,
    VerifierError,
)
from verifier.readings import read_all
from verifier.runs import load_rejections, save_run

if TYPE_CHECKING:
    from registry.models import ProfileVersion


def load_source_list(path: Path) -> SourceList:
    """data/sources.yaml, validated; a problem is reported with the file, line and field.

    The file is read with the fast C loader first; only a file that fails is read again with the
    line-tracking loader, to say where the problem is (that loader costs more than the rest of a verify run's
    bookkeeping).
    """
    listing = _fast_source_list(path) or validate_file(path, SourceList)
    ids = [s.id for s in listing.sources]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise VerifierError(f"{path}: source id(s) {', '.join(sorted(duplicates))} appear more than once")
    return listing


def _fast_source_list(path: Path) -> SourceList | None:
    import yaml
    from pydantic import ValidationError

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return SourceList.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError, TypeError):
        return None


def load_sources(path: Path) -> list[SourceSpec]:
    return load_source_list(path).sources


def select_sources(sources: list[SourceSpec], wanted: tuple[str, ...]) -> list[SourceSpec]:
    if not wanted:
        return sources
    known = {s.id: s for s in sources}
    missing = [w for w in wanted if w not in known]
    if missing:
        raise VerifierError(f"no source with id {', '.join(missing)} in data/sources.yaml")
    return [known[w] for w in wanted]


def new_run_id(now: dt.datetime) -> str:
    return f"R{now.strftime('%Y%m%dT%H%M%SZ')}-{secrets.token_hex(2)}"


def exit_code(findings: list[Finding]) -> int:
    active = [f for f in findings if not f.suppressed]
    if any(f.kind is FindingKind.SOURCE_ERROR for f in active):
        return 2
    if any(f.kind in NEEDS_REVIEW for f in active):
        return 1
    return 0


def verify(
    db_path: Path,
    data_dir: Path,
    sources_path: Path,
    archive_dir: Path,
    wanted: tuple[str, ...] = (),
    offline: bool = False,
    mirrors: tuple[str, ...] = (),
    min_interval: float | None = None,
    workers: int = 4,
    policy_overrides: dict[str, object] | None = None,
) -> tuple[RunSummary, list[Reading]]:
    from scrapers.archive import Archive
    from verifier.coverage import coverage
    from verifier.readings import earlier_readings

    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    run_id = new_run_id(started)
    listing = load_source_list(sources_path)
    sources = select_sources(listing.sources, wanted)
    with Registry.open(db_path) as reg:
        slugs = {e.profile for s in sources for e in s.evidences}
        unknown = sorted(slugs - set(reg.slugs()))
        if unknown:
            raise VerifierError(f"{sources_path} names unknown profile(s): {', '.join(unknown)}")
        profiles = {slug: reg.current(slug) for slug in slugs}
        # Coverage needs every profile; reuse the ones already read (reading one costs a few queries).
        watched = coverage(listing, {slug: profiles.get(slug) or reg.current(slug) for slug in reg.slugs()})
    archive = Archive(archive_dir)
    if offline:
        readings = read_all(sources, archive, None, workers)
        mode = "offline"
    else:
        from scrapers.fetch import Fetcher, FetchPolicy
        from scrapers.hosts import MirrorMap

        settings: dict[str, object] = dict(policy_overrides or {})
        if min_interval is not None:
            settings["min_host_interval"] = min_interval
        elif mirrors:
            settings["min_host_interval"] = 0.0
        mirror_map = MirrorMap.parse(mirrors)
        with Fetcher(FetchPolicy(**settings), mirror_map, robots_archive=archive) as fetcher:
            readings = read_all(sources, archive, fetcher, workers)
        for reading in readings:
            mirror = mirror_map.find(reading.url)
            reading.via = mirror_map.to_actual(reading.url) if mirror is not None else None
        mode = "mirror" if mirrors else "live"
    by_id = {r.source_id: r for r in readings}
    specs = {s.id: s for s in sources}
    findings = compare(
        run_id, sources, by_id, profiles,
        previous=lambda source_id: earlier_readings(specs[source_id], archive, by_id[source_id].sha256),
    )
    # Only rejections silence a finding (data/rejections.jsonl, which survives a rebuild); an accepted
    # finding changed the profile, so if it comes back the profile was edited since and it must be raised.
    rejected = load_rejections(data_dir / "rejections.jsonl")
    for f in findings:
        f.suppressed = f.kind in NEEDS_REVIEW and f.fingerprint() in rejected
    summary = Counter(f.kind.value for f in findings if not f.suppressed)
    run = RunSummary(
        run_id=run_id,
        started_at=started,
        mode=mode,
        findings=findings,
        summary={k.value: summary.get(k.value, 0) for k in FindingKind}
        | {"suppressed": sum(f.suppressed for f in findings)},
        exit_code=exit_code(findings),
        coverage=watched,
    )
    _record_confirmations(db_path, data_dir, run, readings, profiles)
    save_run(db_path, run, readings, dt.datetime.now(dt.UTC))
    return run, readings


def _record_confirmations(
    db_path: Path, data_dir: Path, run: RunSummary, readings: list[Reading], profiles: dict[str, ProfileVersion]
) -> None:
    by_source = {r.source_id: r for r in readings}
    events = []
    for f in run.findings:
        reading = by_source[f.source]
        if f.kind is not FindingKind.CONFIRMED or reading.reconstruction or reading.fetched_at is None:
            continue
        events.append(
            VerificationEvent(
                slug=f.profile,
                version=profiles[f.profile].version,
                key=f.field,
                verified_at=reading.fetched_at.date(),
                origin="verify",
                source_url=f.source_url,
                run_id=run.run_id,
                via=reading.via,
                recorded_at=run.started_at,
            )
        )
    if events:
        record_changes(db_path, data_dir, [], events=events)
