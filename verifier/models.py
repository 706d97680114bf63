"""Typed shapes of the verifier: the source list, readings of sources, findings and runs."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from registry.errors import KzdocsError


class VerifierError(KzdocsError):
    """A verifier input (sources.yaml, run id, finding id) is wrong; the message says which."""


class UnknownRun(VerifierError):
    pass


class FindingKind(str, Enum):
    CONFIRMED = "confirmed"
    CHANGED = "changed"
    MISSING = "missing"
    NEW = "new"
    CONFLICT = "conflict"
    AMBIGUOUS = "ambiguous"
    SOURCE_ERROR = "source_error"


NEEDS_REVIEW = {FindingKind.CHANGED, FindingKind.MISSING, FindingKind.NEW, FindingKind.CONFLICT, FindingKind.AMBIGUOUS}


class Evidence(BaseModel):
    """A source states one profile field; `observe` names the observation key that carries it."""

    model_config = ConfigDict(extra="forbid")
    profile: str
    field: str
    observe: str
    match: str | None = None
    part: str | None = Field(default=None, pattern="^(width|height)$")
    qualifier: str | None = Field(
        default=None,
        pattern="^(usual|expedited|fine|electronic|paper|single_entry|multiple_entry|per_copy|total)$",
        description="which variant of the value the field holds; by default read from the field key",
    )


class Unmonitored(BaseModel):
    """An official field no source evidence reads, and why (coverage counts it as known, not watched)."""

    model_config = ConfigDict(extra="forbid")
    profile: str
    field: str
    reason: str = Field(min_length=10)


class SourceSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    url: str
    kind: str = Field(pattern="^(html|pdf|text)$")
    language: str
    authority: str = Field(pattern="^(official|quasi-official|secondary)$")
    title: str
    block: str | None = None
    note: str | None = None
    evidences: list[Evidence] = Field(default_factory=list)


class CitedPage(BaseModel):
    """A page a profile cites that verify does not watch, with the reason it is not watched."""

    model_config = ConfigDict(extra="forbid")
    url: str
    authority: str = Field(pattern="^(official|quasi-official|secondary)$")
    language: str
    why_unmonitored: str = Field(min_length=10)


class SourceList(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[SourceSpec]
    references: list[CitedPage] = Field(default_factory=list)
    unmonitored: list[Unmonitored] = Field(default_factory=list)


class ObservedValue(BaseModel):
    """One observation as the verifier keeps it (scrapers' Observation, detached from its library)."""

    key: str
    value: Any
    unit: str | None = None
    quote: str
    locator: str | None = None
    rule: str | None = None
    context: str | None = None
    qualifier: str | None = None
    in_brackets: bool = False  # read inside brackets of its quote (see scrapers.models.Observation)
    clause: str | None = None  # the clause of a many-clause quote holding the number (scrapers.models.Observation)

    def mentions(self, text: str) -> bool:
        """True when the quote or its heading/row label contains text (case-insensitive)."""
        return text.lower() in f"{self.quote}\n{self.context or ''}".lower()


class Reading(BaseModel):
    """What one source said in this run: its observations, or why it could not be read."""

    source_id: str
    url: str
    sha256: str | None = None
    fetched_at: dt.datetime | None = None
    reconstruction: bool = False
    status: int | None = None
    not_modified: bool = False
    via: str | None = None
    observations: list[ObservedValue] = Field(default_factory=list)
    error: str | None = None


class Candidate(BaseModel):
    """One value an ambiguous finding offers; the editor picks one with ``accept --value``."""

    value: Any
    unit: str | None = None
    quote: str
    locator: str | None = None
    qualifier: str | None = None


class PreviousStatement(BaseModel):
    """What the same source said about the same field in its previous (different) snapshot."""

    value: Any = None
    unit: str | None = None
    quote: str | None = None
    locator: str | None = None
    snapshot_at: dt.datetime | None = None
    sha256: str | None = None
    reconstruction: bool = False


class Finding(BaseModel):
    id: str
    run_id: str
    profile: str
    field: str
    kind: FindingKind
    registry_value: Any = None
    registry_unit: str | None = None
    observed_value: Any = None
    observed_unit: str | None = None
    source: str
    source_url: str
    quote: str | None = None
    locator: str | None = None
    sha256: str | None = None
    message: str
    suppressed: bool = False
    previous: PreviousStatement | None = None
    agreeing_sources: list[str] = Field(default_factory=list)
    candidates: list[Candidate] = Field(default_factory=list)

    def details(self) -> dict[str, Any]:
        """The parts kept in the finding table's details column."""
        return self.model_dump(mode="json", include={"previous", "agreeing_sources", "candidates"})

    def fingerprint(self) -> str:
        """Identifies 'the same statement' across runs: field, kind, value, source and the quote it rests on.

        Not the page's hash: a new date stamp elsewhere on the page is not a new statement, so a rejection
        holds until the source states another value or words it differently.
        """
        quote = " ".join((self.quote or "").split()).lower()
        values = [c.value for c in self.candidates] if self.candidates else self.observed_value
        # changed/conflict of one statement are the same statement: only "missing" and "new" differ in kind.
        kind = self.kind.value if self.kind in (FindingKind.MISSING, FindingKind.NEW) else "states"
        return "|".join(str(x) for x in (self.profile, self.field, kind, values, self.source, quote))


class Coverage(BaseModel):
    """How many official fields a source evidence watches; the rest are listed with a reason or uncovered."""

    total: int
    monitored: int
    unmonitored: int
    uncovered: list[str] = Field(default_factory=list)

    @property
    def monitorable_share(self) -> float:
        """Monitored fields out of those that can be monitored (all but the ones listed with a reason)."""
        monitorable = self.total - self.unmonitored
        return 1.0 if monitorable == 0 else self.monitored / monitorable


class RunSummary(BaseModel):
    run_id: str
    started_at: dt.datetime
    mode: str
    findings: list[Finding]
    summary: dict[str, int]
    exit_code: int
    coverage: Coverage | None = None
