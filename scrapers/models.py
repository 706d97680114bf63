"""Pydantic models at the scrapers' boundaries: what a fetch returns, what the archive records, what the
extraction rules observe.

The verifier consumes these; their JSON shapes are the ones fixed in docs/sources.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

Kind = Literal["html", "pdf", "text"]


class ValueRange(BaseModel):
    """An inclusive range such as 70-85 (%); a single stated value is a range with min == max."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    min: float
    max: float

    @model_validator(mode="after")
    def _ordered(self) -> "ValueRange":
        if self.min > self.max:
            raise ValueError(f"range min {self.min} is greater than max {self.max}")
        return self


ObservedValue = Union[bool, int, float, str, list[str], ValueRange]


class Observation(BaseModel):
    """One fact an extraction rule read from a source, with the verbatim quote it rests on.

    ``quote`` is the smallest sentence or table cell containing the match (whitespace collapsed);
    ``context`` is the row label or heading the quote sits under (not part of the quote), so that a
    source's ``match:`` can also be tested against it. ``qualifier`` says which variant of a requirement
    the number states (``expedited``, ``usual``, ``fine``, ``electronic``, ``paper``, ``single_entry``,
    ``multiple_entry``, ``per_copy``, ``total``; see scrapers/qualifiers.py). ``in_brackets``: the match begins
    inside brackets of its quote ("5 MCI (KZT 19 660 in 2025)", "10 days (until 2024 – 15 days)"), an aside
    beside the sentence's own statement. ``clause``: where the quote joins clauses with ", " or ";" and another
    number of the same rule group stands in another clause, the clause holding this match ("паспорта – 10 лет,
    удостоверения личности – 5 лет": the 5 is the ID card's), else None.
    """

    model_config = ConfigDict(extra="forbid")
    key: str
    value: ObservedValue
    unit: str | None = None
    quote: str
    locator: str
    rule: str
    context: str | None = None
    qualifier: str | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    in_brackets: bool = False
    clause: str | None = None


class Snapshot(BaseModel):
    """One line of data/archive/snapshots.jsonl: one fetch (or one reconstruction) of one URL.

    ``sha256`` names the stored body in ``objects/``; it is None only for a failed fetch. A 304 answer
    records the sha256 of the copy it confirmed. ``headers`` keeps the response headers that matter for
    re-fetching and auditing.
    """

    model_config = ConfigDict(extra="ignore")
    source_id: str | None = None
    url: str
    final_url: str | None = None
    fetched_at: dt.datetime
    status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    size: int = 0
    reconstruction: bool = False
    note: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)

    @property
    def has_content(self) -> bool:
        return self.sha256 is not None

    @property
    def kind(self) -> Kind:
        """The extraction kind its content type implies (html unless it says PDF or plain text)."""
        ctype = (self.content_type or "").lower()
        if "pdf" in ctype:
            return "pdf"
        if ctype.startswith("text/plain"):
            return "text"
        return "html"


class FetchResult(BaseModel):
    """What one fetch returned: the final status and validators, and the body unless the server said 304.

    ``url`` is the URL asked for (in the original site's space, even when a mirror served it);
    ``final_url`` is where redirects ended; ``served_from`` is the URL actually contacted.
    """

    model_config = ConfigDict(extra="forbid")
    url: str
    final_url: str
    served_from: str
    status: int
    not_modified: bool = False
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    body: bytes | None = Field(default=None, repr=False)
    fetched_at: dt.datetime
    attempts: int = 1
    redirects: list[str] = Field(default_factory=list)


class ExportEntry(BaseModel):
    """One exported source in DIR/index.json; ``file`` is relative to DIR."""

    url: str
    file: str
    content_type: str | None = None
    source_id: str | None = None
    sha256: str
    reconstruction: bool = False


class ExportIndex(BaseModel):
    sources: list[ExportEntry]
    warnings: list[str] = Field(default_factory=list, exclude=True)
