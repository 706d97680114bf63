"""Editors' decisions on findings: accept (new profile versions) and reject (do not raise again).

Accepting turns findings into new profile versions, all profiles of one accept in one all-or-nothing write.
After an accept every value carries exactly the sources that state it now: the sources this run read stating
the accepted value (their quotes of this run), and, beside it as alternatives, the sources still stating the
old value or another one. An ``ambiguous`` finding needs the editor's explicit ``--value``. Accepting a
``missing`` finding removes the source from the field, so the next run does not raise it again.

Rejecting records the finding's fingerprint: the statement (value and quote) of the source, not the page's
hash, so a rejection holds while the source states the same value with the same words.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from registry.api import Registry
from registry.build import record_changes
from registry.models import Alternative, Authority, ProfileDocument, ProfileField, Range, SourceRef, Status
from registry.writelock import holding_write_lock
from verifier.compare import same_value
from verifier.models import NEEDS_REVIEW, Finding, FindingKind, SourceSpec, VerifierError
from verifier.profile_edit import edit_profile_text
from verifier.runs import append_rejections, decided_fingerprints, load_findings, record_decisions

UNIT_FIELDS = ("fee", "processing_time", "fine")
STATING = (FindingKind.CONFIRMED, FindingKind.CHANGED, FindingKind.CONFLICT, FindingKind.NEW)


def select_findings(db_path: Path, run_id: str, ids: tuple[str, ...]) -> tuple[list[Finding], list[Finding]]:
    """The chosen findings of a run, and all of the run's findings (the other sources' statements)."""
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
    return chosen, findings


def parse_value(text: str) -> Any:
    """--value as the editor typed it: a number, JSON (a list, {"min":..,"max":..}) or plain text."""
    try:
        return json.loads(text)
    except ValueError:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return text


def resolve_choice(f: Finding, value: Any | None) -> Finding:
    """The finding with the value to write: an ambiguous one needs --value naming one of its candidates."""
    if f.kind is FindingKind.AMBIGUOUS:
        shown = "; ".join(f"{c.value} {c.unit or ''}".strip() for c in f.candidates)
        if value is None:
            raise VerifierError(
                f"finding {f.id} is ambiguous ({shown}): say which value is right with --value"
            )
        for c in f.candidates:
            if same_value(_value(c.value), _value(value)):
                return f.model_copy(
                    update={"observed_value": c.value, "observed_unit": c.unit, "quote": c.quote, "locator": c.locator}
                )
        raise VerifierError(f"--value {value} is not one of finding {f.id}'s candidates ({shown})")
    if value is not None and not same_value(_value(f.observed_value), _value(value)):
        raise VerifierError(
            f"--value {value} differs from what finding {f.id} observed ({f.observed_value}); "
            "edit the profile file instead"
        )
    return f


def _value(raw: Any) -> Any:
    if isinstance(raw, dict) and set(raw) == {"min", "max"}:
        return Range(**raw)
    return raw


def _ref(f: Finding, source: SourceSpec | None, existing: SourceRef | None) -> SourceRef:
    """The source reference of this run's statement (keeping the fact id of a reference it replaces)."""
    return SourceRef(
        url=f.source_url,
        quote=(f.quote or "")[:600] or f.message,
        language=source.language if source else (existing.language if existing else "en"),
        authority=Authority(source.authority) if source else (existing.authority if existing else Authority.OFFICIAL),
        locator=f.locator,
        fact=existing.fact if existing and existing.quote == f.quote else None,
    )


def _same(a: Any, a_unit: str | None, b: Any, b_unit: str | None, unit_matters: bool) -> bool:
    if not same_value(_value(a), _value(b)):
        return False
    return not unit_matters or not a_unit or not b_unit or a_unit.lower() == b_unit.lower()


def _regroup(
    current: ProfileField, accepted: Finding, stated: list[Finding], sources: dict[str, SourceSpec], note: str
) -> tuple[list[SourceRef], list[Alternative]]:
    """Sources of the accepted value and alternatives: each value with exactly the sources that state it now.

    A source this run read goes with what it states now; one it did not read keeps the value it was cited for.
    """
    unit_matters = accepted.field.split(".")[0] in UNIT_FIELDS
    known: dict[str, SourceRef] = {r.url: r for r in current.sources}
    cited_for: dict[str, tuple[Any, str | None]] = {r.url: (current.value, current.unit) for r in current.sources}
    for alt in current.alternatives:
        for r in alt.sources:
            known.setdefault(r.url, r)
            cited_for.setdefault(r.url, (alt.value, alt.unit))

    def ref_of(g: Finding) -> SourceRef:
        """A source still stating what it was cited for keeps its reference as recorded (quote, fact id)."""
        existing = known.get(g.source_url)
        if existing is not None and g.source_url in cited_for:
            value, unit = cited_for[g.source_url]
            if _same(value, unit, g.observed_value, g.observed_unit, unit_matters):
                return existing
        return _ref(g, sources.get(g.source), existing)
    groups: list[tuple[Any, str | None, list[SourceRef], str | None]] = []

    def put(value: Any, unit: str | None, ref: SourceRef, group_note: str | None) -> None:
        for g_value, g_unit, refs, _ in groups:
            if _same(g_value, g_unit, value, unit, unit_matters):
                if ref.url not in {r.url for r in refs}:
                    refs.append(ref)
                return
        groups.append((value, unit, [ref], group_note))

    first = _ref(accepted, sources.get(accepted.source), known.get(accepted.source_url))
    put(accepted.observed_value, accepted.observed_unit, first, None)
    read = {accepted.source_url}
    for g in stated:
        if g.source_url in read or g.observed_value is None:
            continue
        read.add(g.source_url)
        put(g.observed_value, g.observed_unit, ref_of(g), None)
    for r in current.sources:
        if r.url not in read:
            put(current.value, current.unit, r, note)
    for alt in current.alternatives:
        for r in alt.sources:
            if r.url not in read:
                put(alt.value, alt.unit, r, alt.note)
    main = groups[0][2]
    alternatives = [
        Alternative(value=_value(v), unit=u, sources=refs, note=n) for v, u, refs, n in groups[1:]
    ]
    return main, alternatives


def apply_finding(
    doc: ProfileDocument,
    f: Finding,
    sources: dict[str, SourceSpec],
    today: dt.date,
    run_findings: list[Finding] | None = None,
) -> ProfileDocument:
    """The profile after accepting one finding (``run_findings``: the run's other statements of the field)."""
    source = sources.get(f.source)
    fields = {x.key: x for x in doc.fields}
    current = fields.get(f.field)
    official = source is None or source.authority == "official"
    stated = [
        g for g in run_findings or []
        if g.profile == f.profile and g.field == f.field and g.kind in STATING and g.id != f.id
    ]
    if f.kind is FindingKind.NEW:
        unit_matters = f.field.split(".")[0] in UNIT_FIELDS
        refs = [_ref(f, source, None)] + [
            _ref(g, sources.get(g.source), None) for g in stated
            if _same(g.observed_value, g.observed_unit, f.observed_value, f.observed_unit, unit_matters)
        ]
        fields[f.field] = ProfileField(
            key=f.field,
            value=_value(f.observed_value),
            unit=f.observed_unit,
            verified_at=today,
            status=Status.OFFICIAL if official else Status.INFERRED,
            reason=None if official else f"stated only by a {source.authority if source else ''} source",
            sources=refs,
        )
    elif f.kind is FindingKind.MISSING and current is not None:
        remaining = [s for s in current.sources if s.url != f.source_url]
        alternatives = [
            a.model_copy(update={"sources": [s for s in a.sources if s.url != f.source_url]})
            for a in current.alternatives
        ]
        alternatives = [a for a in alternatives if a.sources]
        if remaining or current.status is Status.INFERRED:
            fields[f.field] = current.model_copy(update={"sources": remaining, "alternatives": alternatives})
        else:
            del fields[f.field]
    elif f.kind in (FindingKind.CHANGED, FindingKind.CONFLICT, FindingKind.AMBIGUOUS) and current is not None:
        main, alternatives = _regroup(current, f, stated, sources, f"value before finding {f.run_id}/{f.id}")
        status = current.status
        if status is Status.INFERRED and official:
            status = Status.OFFICIAL
        fields[f.field] = current.model_copy(
            update={
                "value": _value(f.observed_value),
                "unit": f.observed_unit if f.observed_unit and f.field.split(".")[0] in UNIT_FIELDS else current.unit,
                "status": status,
                "reason": current.reason if status is Status.INFERRED else None,
                "sources": main,
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
    value: Any | None = None,
) -> list[dict[str, Any]]:
    if not reason.strip():
        raise VerifierError("--reason must say why the change is accepted")
    if ids and _already_accepted(db_path, data_dir, run_id, ids):
        return []  # the same accept again (say, after a kill): nothing to do
    now = now or dt.datetime.now(dt.UTC)
    chosen, run_findings = select_findings(db_path, run_id, ids)
    if value is not None and len(chosen) != 1:
        raise VerifierError("--value applies to one finding: name it with --finding")
    ambiguous = [f.id for f in chosen if f.kind is FindingKind.AMBIGUOUS]
    if ambiguous and value is None:
        resolve_choice(next(f for f in chosen if f.kind is FindingKind.AMBIGUOUS), None)
    resolved = [resolve_choice(f, value) for f in chosen]
    by_profile: dict[str, list[Finding]] = defaultdict(list)
    for f in resolved:
        by_profile[f.profile].append(f)
    changes = []
    texts: dict[str, str] = {}
    with Registry.open(db_path) as reg:
        for slug, findings in sorted(by_profile.items()):
            before = profile_file_document(data_dir, slug) or reg.current(slug).to_document()
            doc = before
            for f in findings:
                doc = apply_finding(doc, f, sources, now.date(), run_findings)
            changes.append((doc, reason, [f"{run_id}/{f.id}" for f in findings]))
            texts[slug] = profile_file_text(data_dir, before, doc, reason)
    versions = write_accepted(db_path, data_dir, changes, texts, now)
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


def profile_file_document(data_dir: Path, slug: str) -> ProfileDocument | None:
    """The profile as its file states it: accept changes that, so that the file and the new version agree
    (the registry's view may carry later verification dates that the file does not repeat)."""
    path = data_dir / "profiles" / f"{slug}.yaml"
    if not path.is_file():
        return None
    try:
        import yaml

        doc = ProfileDocument.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (ValueError, OSError):
        return None
    return doc.model_copy(update={"change_reason": None}) if doc.slug == slug else None


def profile_file_text(data_dir: Path, before: ProfileDocument, after: ProfileDocument, reason: str) -> str:
    """The profile file after the accept, edited in place when the file is there (see verifier/profile_edit.py)."""
    path = data_dir / "profiles" / f"{after.slug}.yaml"
    from registry.ledger import dump_profile

    if not path.is_file():
        return dump_profile(after.model_copy(update={"change_reason": reason}))
    return edit_profile_text(path.read_text(encoding="utf-8"), before, after, reason)


def write_accepted(
    db_path: Path,
    data_dir: Path,
    changes: list[tuple[ProfileDocument, str, list[str]]],
    texts: dict[str, str],
    now: dt.datetime,
) -> list[Any]:
    """The only place accept writes files: profile files, ledger versions and the database, all or nothing.

    Kept apart so that crash-safety and single-writer locking can wrap exactly this step.
    """
    return record_changes(db_path, data_dir, changes, now=now, profile_texts=texts)


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
    chosen, _ = select_findings(db_path, run_id, ids)
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
