"""Pydantic models at the registry's boundaries: what a profile file holds and what the read API returns.

The same models validate the reviewed YAML in ``data/profiles/`` and describe the rows read back from the
database, so an editor's file and an analyst's query speak one vocabulary.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from pydantic import Field as PydanticField

SLUG_PATTERN = re.compile(r"^kz-[a-z0-9]+(-[a-z0-9]+)*$")
FIELD_KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


class Status(str, Enum):
    """How a field's value is known.

    ``official``: stated by an official source for this very document. ``official-general``: taken from a
    general official rule that this document inherits. ``inferred``: not published for this document;
    derived or generalized, and the field's ``reason`` says how.
    """

    OFFICIAL = "official"
    OFFICIAL_GENERAL = "official-general"
    INFERRED = "inferred"


class ProfileKind(str, Enum):
    PHOTO = "photo"
    SERVICE = "service"


class Authority(str, Enum):
    """Who publishes a source: a government site, a state-affiliated one, or anybody else."""

    OFFICIAL = "official"
    QUASI_OFFICIAL = "quasi-official"
    SECONDARY = "secondary"


class Range(BaseModel):
    """An inclusive numeric range such as 70-85 (%), 32-36 (mm) or 25-35 (mm from the bottom)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    min: float
    max: float

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"range min {self.min} is greater than max {self.max}")
        return self

    @property
    def middle(self) -> float:
        return (self.min + self.max) / 2


FieldValue = Union[bool, int, float, Range, str, list[str]]


_HTTP_URL = re.compile(r"^https?://[^\s/]+")  # compiled once: every field of every profile read checks its URLs


class SourceRef(BaseModel):
    """One piece of evidence: the page, the short verbatim quote and the language it is written in."""

    model_config = ConfigDict(extra="forbid")
    url: str
    quote: str = PydanticField(min_length=1, max_length=600)
    language: str = PydanticField(min_length=2, max_length=8)
    authority: Authority = Authority.OFFICIAL
    locator: str | None = None
    fact: str | None = PydanticField(default=None, description="fact id in shared/reference/kz_facts.yaml")

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        if not _HTTP_URL.match(url):
            raise ValueError(f"not an http(s) URL: {url!r}")
        return url


class Alternative(BaseModel):
    """A competing sourced value that the registry did not choose, kept beside the chosen one."""

    model_config = ConfigDict(extra="forbid")
    value: FieldValue
    unit: str | None = None
    sources: list[SourceRef] = PydanticField(min_length=1)
    note: str | None = None


class ProfileField(BaseModel):
    """One requirement with its value, unit and provenance."""

    model_config = ConfigDict(extra="forbid")
    key: str
    value: FieldValue
    unit: str | None = None
    status: Status
    sources: list[SourceRef] = PydanticField(default_factory=list)
    verified_at: dt.date
    reason: str | None = None
    note: str | None = None
    alternatives: list[Alternative] = PydanticField(default_factory=list)

    @field_validator("key")
    @classmethod
    def _namespaced_key(cls, key: str) -> str:
        if not FIELD_KEY_PATTERN.match(key):
            raise ValueError(f"field key {key!r} must be lowercase dotted words like 'print.width_mm'")
        return key

    @model_validator(mode="after")
    def _provenance_complete(self) -> ProfileField:
        if self.status is Status.INFERRED and not (self.reason and self.reason.strip()):
            raise ValueError(f"field {self.key!r} is inferred and needs a reason")
        if self.status is not Status.INFERRED and not self.sources:
            raise ValueError(f"field {self.key!r} is {self.status.value} and needs at least one source")
        return self

    def content(self) -> dict[str, Any]:
        """The field as it counts for versioning: everything except when it was last verified."""
        return self.model_dump(mode="json", exclude={"verified_at"}, exclude_none=True)


class ProfileDocument(BaseModel):
    """A profile as written in ``data/profiles/<slug>.yaml``: the reviewed, human-readable truth."""

    model_config = ConfigDict(extra="forbid")
    slug: str
    kind: ProfileKind
    document: str = PydanticField(description="document family, e.g. id_card, visa, egov_photo_upload")
    title: str
    description: str | None = None
    official_url: str | None = None
    change_reason: str | None = PydanticField(
        default=None, description="why this file differs from the last recorded version (required then)"
    )
    fields: list[ProfileField] = PydanticField(min_length=1)

    @field_validator("slug")
    @classmethod
    def _slug(cls, slug: str) -> str:
        if not SLUG_PATTERN.match(slug):
            raise ValueError(f"slug {slug!r} must look like 'kz-id-card-photo'")
        return slug

    @model_validator(mode="after")
    def _unique_keys(self) -> ProfileDocument:
        seen: set[str] = set()
        for f in self.fields:
            if f.key in seen:
                raise ValueError(f"field {f.key!r} appears twice")
            seen.add(f.key)
        return self

    def field(self, key: str) -> ProfileField | None:
        return next((f for f in self.fields if f.key == key), None)

    def content(self) -> dict[str, Any]:
        """What defines a version: identity, descriptive text and field contents, sorted by key."""
        return {
            "slug": self.slug,
            "kind": self.kind.value,
            "document": self.document,
            "title": self.title,
            "description": self.description,
            "official_url": self.official_url,
            "fields": [f.content() for f in sorted(self.fields, key=lambda f: f.key)],
        }


VerificationLevel = Literal["official", "official-general", "partially-inferred", "inferred"]


class ProfileVersion(BaseModel):
    """A recorded, immutable version of a profile as the read API returns it."""

    slug: str
    kind: ProfileKind
    document: str
    title: str
    description: str | None = None
    official_url: str | None = None
    version: int
    reason: str
    created_at: dt.datetime
    is_current: bool
    verification_level: VerificationLevel
    last_verified: dt.date | None
    fields: list[ProfileField]

    def field(self, key: str) -> ProfileField | None:
        return next((f for f in self.fields if f.key == key), None)

    def to_document(self) -> ProfileDocument:
        """This version as a profile file holds it: the starting point of an edit made from code."""
        return ProfileDocument(slug=self.slug, kind=self.kind, document=self.document, title=self.title,
                               description=self.description, official_url=self.official_url, fields=self.fields)

    def value(self, key: str, default: Any = None) -> Any:
        found = self.field(key)
        return default if found is None else found.value


class ProfileSummary(BaseModel):
    slug: str
    kind: ProfileKind
    title: str
    version: int
    verification_level: VerificationLevel
    last_verified: dt.date | None


def verification_level(statuses: list[Status]) -> VerificationLevel:
    """Derive a profile's level from its fields' statuses (never typed in by hand).

    All official -> ``official``; no inferred field but some general rule -> ``official-general``;
    some inferred beside official evidence -> ``partially-inferred``; no official evidence -> ``inferred``.
    """
    if not statuses:
        return "inferred"
    if all(s is Status.OFFICIAL for s in statuses):
        return "official"
    if Status.INFERRED not in statuses:
        return "official-general"
    if any(s is not Status.INFERRED for s in statuses):
        return "partially-inferred"
    return "inferred"
