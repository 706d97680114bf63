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
    SOURCE_ERROR = "source_error"


NEEDS_REVIEW = {FindingKind.CHANGED, FindingKind.MISSING, FindingKind.NEW, FindingKind.CONFLICT}


class Evidence(BaseModel):
    """A source states one profile field; `observe` names the observation key that carries it."""

    model_config = ConfigDict(extra="forbid")
    profile: str
    field: str
    observe: str
    match: str | None = None
    part: str | None = Field(default=None, pattern="^(width|height)$")


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


class ObservedValue(BaseModel):
    """One observation as the verifier keeps it (scrapers' Observation, detached from its library)."""

    key: str
    value: Any
    unit: str | None = None
    quote: str
    locator: str | None = None
    rule: str | None = None
    context: str | None = None

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
    observations: list[ObservedValue] = Field(default_factory=list)
    error: str | None = None


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

    def fingerprint(self) -> str:
        """Identifies 'the same finding' across runs: same field, kind, observed value and source content."""
        return "|".join(
            str(x) for x in (self.profile, self.field, self.kind.value, self.observed_value, self.source, self.sha256)
        )


class RunSummary(BaseModel):
    run_id: str
    started_at: dt.datetime
    mode: str
    findings: list[Finding]
    summary: dict[str, int]
    exit_code: int
