"""Turn readings of sources into findings, one per (source, profile field): pure, no I/O.

A source's observation confirms a field when its value (and, for fees and durations, its unit) equals the
registry's. A value that equals a competing value the registry already keeps for that source is confirmed
too: the disagreement is known and recorded, so the verifier does not flap on it. Two sources that disagree
about a field in a way the registry has not recorded make a conflict instead of two changes.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from typing import Any

from registry.models import ProfileField, ProfileVersion, Range
from verifier.models import Evidence, Finding, FindingKind, ObservedValue, Reading, SourceSpec

UNIT_SENSITIVE = {"fee", "duration"}


def comparable(observation: ObservedValue, evidence: Evidence) -> Any:
    """The observed value in the shape of the registry field it evidences."""
    value = observation.value
    if evidence.part and isinstance(value, str):
        width, height = _split_size(value)
        return width if evidence.part == "width" else height
    if isinstance(value, dict) and set(value) == {"min", "max"}:
        return Range(min=value["min"], max=value["max"])
    return value


def _split_size(text: str) -> tuple[float, float]:
    parts = re.split(r"\s*[x×х]\s*", text.strip().lower())
    return float(parts[0].replace(",", ".")), float(parts[1].replace(",", "."))


def same_value(registry_value: Any, observed: Any) -> bool:
    if isinstance(registry_value, Range) or isinstance(observed, Range):
        a, b = _as_range(registry_value), _as_range(observed)
        return a is not None and b is not None and abs(a.min - b.min) < 1e-6 and abs(a.max - b.max) < 1e-6
    if isinstance(registry_value, bool) or isinstance(observed, bool):
        return registry_value is observed
    if isinstance(registry_value, (int, float)) and isinstance(observed, (int, float)):
        return abs(float(registry_value) - float(observed)) < 1e-6
    if isinstance(registry_value, list) and isinstance(observed, list):
        return same_list(registry_value, observed)
    if isinstance(registry_value, str) and isinstance(observed, str):
        return _norm_text(registry_value) == _norm_text(observed)
    if isinstance(registry_value, (int, float)) and isinstance(observed, str):
        try:
            return abs(float(observed.replace(",", ".")) - float(registry_value)) < 1e-6
        except ValueError:
            return False
    return False


def _as_range(value: Any) -> Range | None:
    if isinstance(value, Range):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Range(min=value, max=value)
    return None


def _norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("×", "x").replace("х", "x")).strip().lower()


def same_list(expected: list[str], observed: list[str], cutoff: float = 0.75) -> bool:
    """Document lists match when every item on each side has a close counterpart on the other."""
    a = [_norm_text(x) for x in expected]
    b = [_norm_text(x) for x in observed]
    if len(a) != len(b):
        return False
    if sorted(a) == sorted(b):
        return True
    return all(difflib.get_close_matches(x, b, n=1, cutoff=cutoff) for x in a) and all(
        difflib.get_close_matches(y, a, n=1, cutoff=cutoff) for y in b
    )


def same_unit(evidence: Evidence, registry_unit: str | None, observation: ObservedValue) -> bool:
    """Fees and durations must also agree on the unit (MCI vs KZT, working vs calendar days); zero needs none."""
    if evidence.observe not in UNIT_SENSITIVE or not registry_unit or not observation.unit:
        return True
    if isinstance(observation.value, (int, float)) and observation.value == 0:
        return True
    return registry_unit.strip().lower() == observation.unit.strip().lower()


def display(value: Any) -> Any:
    return value.model_dump() if isinstance(value, Range) else value


class FindingBuilder:
    """Collects findings of one run and numbers them F001, F002, ... in a stable order."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self.findings: list[Finding] = []

    def add(self, **values: Any) -> Finding:
        finding = Finding(id=f"F{len(self.findings) + 1:03d}", run_id=self.run_id, **values)
        self.findings.append(finding)
        return finding


def compare(
    run_id: str,
    sources: list[SourceSpec],
    readings: dict[str, Reading],
    profiles: dict[str, ProfileVersion],
) -> list[Finding]:
    builder = FindingBuilder(run_id)
    per_field: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for source in sources:
        reading = readings[source.id]
        for evidence in source.evidences:
            profile = profiles.get(evidence.profile)
            field = profile.field(evidence.field) if profile else None
            finding = _judge(builder, source, reading, evidence, field)
            if finding is not None:
                per_field[(evidence.profile, evidence.field)].append(finding)
    for findings in per_field.values():
        _mark_conflicts(findings)
    return builder.findings


def _judge(
    builder: FindingBuilder, source: SourceSpec, reading: Reading, evidence: Evidence, field: ProfileField | None
) -> Finding | None:
    common: dict[str, Any] = {
        "profile": evidence.profile,
        "field": evidence.field,
        "registry_value": display(field.value) if field else None,
        "registry_unit": field.unit if field else None,
        "source": source.id,
        "source_url": source.url,
        "sha256": reading.sha256,
    }
    if reading.error is not None:
        return builder.add(kind=FindingKind.SOURCE_ERROR, message=reading.error, **common)
    candidates = [
        o
        for o in reading.observations
        if o.key == evidence.observe and (not evidence.match or o.mentions(evidence.match))
    ]
    if not candidates:
        if field is None:
            return None  # neither the registry nor the source states it: nothing to report
        return builder.add(
            kind=FindingKind.MISSING,
            message=(
                f"the source no longer states {evidence.field}"
                + (f" (no '{evidence.observe}' matching '{evidence.match}')" if evidence.match else "")
            ),
            **common,
        )

    def observed(kind: FindingKind, candidate: ObservedValue, message: str) -> Finding:
        return builder.add(
            kind=kind,
            observed_value=display(comparable(candidate, evidence)),
            observed_unit=candidate.unit,
            quote=candidate.quote,
            locator=candidate.locator,
            message=message,
            **common,
        )

    if field is None:
        return observed(FindingKind.NEW, candidates[0], f"the source states {evidence.field}, which the profile lacks")
    for candidate in candidates:
        if same_value(field.value, comparable(candidate, evidence)) and same_unit(evidence, field.unit, candidate):
            return observed(FindingKind.CONFIRMED, candidate, "the source still states the registry's value")
    for candidate in candidates:
        for alternative in field.alternatives:
            if same_value(alternative.value, comparable(candidate, evidence)) and source.url in {
                s.url for s in alternative.sources
            }:
                return observed(
                    FindingKind.CONFIRMED, candidate, "the source still states a competing value the registry keeps"
                )
    return observed(FindingKind.CHANGED, candidates[0], "the source now states another value")


def _mark_conflicts(findings: list[Finding]) -> None:
    """Sources that disagree about one field (and the registry does not record it) make a conflict."""
    changed = [f for f in findings if f.kind is FindingKind.CHANGED]
    agreeing = [f for f in findings if f.kind is FindingKind.CONFIRMED]
    if not changed:
        return
    observed = {repr(f.observed_value) for f in changed}
    if agreeing or len(observed) > 1:
        others = ", ".join(
            sorted({f.source for f in findings if f.kind in (FindingKind.CHANGED, FindingKind.CONFIRMED)})
        )
        for f in changed:
            f.kind = FindingKind.CONFLICT
            f.message = f"sources disagree about this field ({others})"
