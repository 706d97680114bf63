"""Editors' decisions on findings: accept (new profile versions) and reject (do not raise again).

Accepting turns findings into new profile versions, with the source's quote and locator as provenance, all
profiles of one accept in one all-or-nothing write. Rejecting records the finding's fingerprint, which
includes the sha256 of the source content it was read from: the same finding is raised again only after
the source changes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

from registry.api import Registry
from registry.build import record_changes
from registry.models import Alternative, Authority, ProfileDocument, ProfileField, Range, SourceRef, Status
from registry.writelock import holding_write_lock
from verifier.models import NEEDS_REVIEW, Finding, FindingKind, SourceSpec, VerifierError
from verifier.runs import append_rejections, decided_fingerprints, load_findings, record_decisions


def select_findings(db_path: Path, run_id: str, ids: tuple[str, ...]) -> list[Finding]:
    findings = load_findings(db_path, run_id)
    by_id = {f.id: f for f in findings}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise VerifierError(f"run {run_id} has no finding {', '.join(unknown)}")
    chosen = [by_id[i] for i in ids] if ids else [f for f in findings if f.kind in NEEDS_REVIEW and not f.suppressed]
    not_reviewable = [f.id for f in chosen if f.kind not in NEEDS_REVIEW]
    if not_reviewable:
        raise VerifierError(f"finding(s) {', '.join(not_reviewable)} need no decision (confirmed or source errors)")
    decided = decided_fingerprints(db_path)
    already = [f.id for f in chosen if f.fingerprint() in decided]
    if already:
        raise VerifierError(f"finding(s) {', '.join(already)} were already decided")
    if not chosen:
        raise VerifierError(f"run {run_id} has no findings awaiting review")
    return chosen


def _value(raw: Any) -> Any:
    if isinstance(raw, dict) and set(raw) == {"min", "max"}:
        return Range(**raw)
    return raw


def _evidence(f: Finding, source: SourceSpec | None) -> SourceRef:
    return SourceRef(
        url=f.source_url,
        quote=(f.quote or "")[:600] or f.message,
        language=source.language if source else "en",
        authority=Authority(source.authority) if source else Authority.OFFICIAL,
        locator=f.locator,
    )


def apply_finding(doc: ProfileDocument, f: Finding, source: SourceSpec | None, today: dt.date) -> ProfileDocument:
    """The profile after accepting one finding."""
    fields = {x.key: x for x in doc.fields}
    current = fields.get(f.field)
    official = source is None or source.authority == "official"
    if f.kind is FindingKind.NEW:
        fields[f.field] = ProfileField(
            key=f.field,
            value=_value(f.observed_value),
            unit=f.observed_unit,
            verified_at=today,
            status=Status.OFFICIAL if official else Status.INFERRED,
            reason=None if official else f"stated only by a {source.authority if source else ''} source",
            sources=[_evidence(f, source)],
        )
    elif f.kind is FindingKind.MISSING and current is not None:
        remaining = [s for s in current.sources if s.url != f.source_url]
        if remaining or current.status is Status.INFERRED:
            fields[f.field] = current.model_copy(update={"sources": remaining})
        else:
            del fields[f.field]
    elif f.kind in (FindingKind.CHANGED, FindingKind.CONFLICT) and current is not None:
        others = [s for s in current.sources if s.url != f.source_url]
        alternatives = list(current.alternatives)
        if others:
            alternatives.append(
                Alternative(
                    value=current.value,
                    unit=current.unit,
                    sources=others,
                    note=f"value before finding {f.run_id}/{f.id}",
                )
            )
        status = current.status
        if status is Status.INFERRED and official:
            status = Status.OFFICIAL
        fields[f.field] = current.model_copy(
            update={
                "value": _value(f.observed_value),
                "unit": f.observed_unit
                if f.observed_unit and f.field.split(".")[0] in ("fee", "processing_time")
                else current.unit,
                "status": status,
                "reason": current.reason if status is Status.INFERRED else None,
                "sources": [_evidence(f, source)],
                "verified_at": today,
                "alternatives": alternatives,
            }
        )
    ordered = [fields[k] for k in [x.key for x in doc.fields] if k in fields]
    ordered += [v for k, v in fields.items() if k not in {x.key for x in doc.fields}]
    return ProfileDocument.model_validate(
        {**doc.model_dump(exclude={"fields"}), "fields": [x.model_dump() for x in ordered]}
    )


@holding_write_lock  # one writer at a time; a killed accept is completed by the next writer
def accept(
    db_path: Path,
    data_dir: Path,
    run_id: str,
    ids: tuple[str, ...],
    reason: str,
    sources: dict[str, SourceSpec],
    now: dt.datetime | None = None,
) -> list[dict[str, Any]]:
    if not reason.strip():
        raise VerifierError("--reason must say why the change is accepted")
    if ids and _already_accepted(db_path, data_dir, run_id, ids):
        return []  # the same accept again (say, after a kill): nothing to do
    now = now or dt.datetime.now(dt.UTC)
    chosen = select_findings(db_path, run_id, ids)
    by_profile: dict[str, list[Finding]] = defaultdict(list)
    for f in chosen:
        by_profile[f.profile].append(f)
    changes = []
    with Registry.open(db_path) as reg:
        for slug, findings in sorted(by_profile.items()):
            doc = reg.current(slug).to_document()
            for f in findings:
                doc = apply_finding(doc, f, sources.get(f.source), now.date())
            changes.append((doc, reason, [f"{run_id}/{f.id}" for f in findings]))
    versions = record_changes(db_path, data_dir, changes, now=now)
    made = {v.slug: v.version for v in versions}
    record_decisions(
        db_path,
        [
            {
                "run_id": run_id,
                "finding_id": f.id,
                "decision": "accept",
                "reason": reason,
                "decided_at": now.isoformat(timespec="seconds"),
                "fingerprint": f.fingerprint(),
                "version_made": made[f.profile],
            }
            for f in chosen
        ],
    )
    return [{"profile": v.slug, "version": v.version, "findings": v.findings} for v in versions]


def _already_accepted(db_path: Path, data_dir: Path, run_id: str, ids: tuple[str, ...]) -> bool:
    """Every named finding is in a recorded version and its decision is recorded."""
    from registry.ledger import load_versions

    findings = {f.id: f for f in load_findings(db_path, run_id) if f.id in ids}
    versions = load_versions(data_dir / "versions")
    recorded = {name for history in versions.values() for v in history for name in v.findings}
    decided = decided_fingerprints(db_path)
    return set(findings) == set(ids) and all(
        f"{run_id}/{i}" in recorded and findings[i].fingerprint() in decided for i in ids
    )


@holding_write_lock
def reject(
    db_path: Path, data_dir: Path, run_id: str, ids: tuple[str, ...], reason: str, now: dt.datetime | None = None
) -> list[str]:
    if not reason.strip():
        raise VerifierError("--reason must say why the finding is rejected")
    now = now or dt.datetime.now(dt.UTC)
    chosen = select_findings(db_path, run_id, ids)
    rows = [
        {
            "run_id": run_id,
            "finding_id": f.id,
            "decision": "reject",
            "reason": reason,
            "decided_at": now.isoformat(timespec="seconds"),
            "fingerprint": f.fingerprint(),
            "version_made": None,
        }
        for f in chosen
    ]
    append_rejections(data_dir / "rejections.jsonl", rows)
    record_decisions(db_path, rows)
    return [f.id for f in chosen]
