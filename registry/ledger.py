"""The version ledger in data/: every recorded version and verification event as text under git.

The SQLite file is derived and ignored by git; the ledger is what makes every version survive a rebuild
from a fresh clone, and what makes each change reviewable in a pull request.

- ``data/versions/<slug>/<NNNN>.yaml``: one immutable file per version (full profile, reason, time).
- ``data/verifications.jsonl``: one line per verification event (a re-check that still matched).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from registry.errors import ProfileInvalid
from registry.files import write_atomic
from registry.loader import validate_file
from registry.models import ProfileDocument


class LedgerVersion(BaseModel):
    """One recorded version as stored in data/versions/<slug>/<NNNN>.yaml."""

    model_config = ConfigDict(extra="forbid")
    slug: str
    version: int = Field(ge=1)
    created_at: dt.datetime
    reason: str = Field(min_length=1)
    findings: list[str] = Field(default_factory=list)
    content_hash: str
    profile: ProfileDocument


class VerificationEvent(BaseModel):
    """A re-check that found the field still stated as recorded."""

    model_config = ConfigDict(extra="forbid")
    slug: str
    version: int
    key: str
    verified_at: dt.date
    origin: str = Field(description="'editor' (date moved in the profile file) or 'verify' (a verification run)")
    source_url: str | None = None
    run_id: str | None = None
    via: str | None = Field(default=None, description="the mirror a confirmation was read through, if any")
    recorded_at: dt.datetime


def version_path(versions_dir: Path, slug: str, version: int) -> Path:
    return versions_dir / slug / f"{version:04d}.yaml"


def load_versions(versions_dir: Path, slugs: set[str] | None = None) -> dict[str, list[LedgerVersion]]:
    """Recorded versions by slug (all, or only those of `slugs`), in order; a gap or misplaced file is an error."""
    ledger: dict[str, list[LedgerVersion]] = {}
    if not versions_dir.exists():
        return ledger
    paths = (
        sorted(versions_dir.glob("*/*.yaml"))
        if slugs is None
        else sorted(p for slug in slugs for p in (versions_dir / slug).glob("*.yaml"))
    )
    for path in paths:
        entry = validate_file(path, LedgerVersion)
        if path.parent.name != entry.slug or path.stem != f"{entry.version:04d}":
            raise ProfileInvalid(
                str(path), 1, "slug", f"records {entry.slug} version {entry.version} under the wrong file name"
            )
        ledger.setdefault(entry.slug, []).append(entry)
    for slug, entries in ledger.items():
        entries.sort(key=lambda e: e.version)
        expected = list(range(1, len(entries) + 1))
        if [e.version for e in entries] != expected:
            raise ProfileInvalid(str(versions_dir / slug), None, "version", "versions are not numbered 1..n")
    return ledger


def load_verifications(path: Path) -> list[VerificationEvent]:
    if not path.exists():
        return []
    events = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            events.append(VerificationEvent.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as error:
            problem = str(error).splitlines()[0]
            raise ProfileInvalid(str(path), number, None, f"not a valid verification event: {problem}") from None
    return events


def dump_version(entry: LedgerVersion) -> str:
    data = entry.model_dump(mode="json", exclude_none=True)
    data["profile"].pop("change_reason", None)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def dump_profile(doc: ProfileDocument) -> str:
    """The profile file format editors read and write (used when a change is accepted from code)."""
    data = doc.model_dump(mode="json", exclude_none=True)
    for f in data["fields"]:
        if not f.get("alternatives"):
            f.pop("alternatives", None)
        if not f.get("sources"):
            f.pop("sources", None)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def write_new_file(path: Path, text: str) -> None:
    """Write a file that must not exist yet, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise FileExistsError(f"{path} already exists; recorded versions are never overwritten")
    write_atomic(path, text.encode("utf-8"))


def replace_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))


def verification_lines(events: list[VerificationEvent]) -> str:
    return "".join(
        json.dumps(e.model_dump(mode="json", exclude_none=True), ensure_ascii=False) + "\n" for e in events
    )


def append_verifications(path: Path, events: list[VerificationEvent]) -> int:
    """Append events; return the byte offset before appending so a failed transaction can truncate back."""
    path.parent.mkdir(parents=True, exist_ok=True)
    offset = path.stat().st_size if path.exists() else 0
    with path.open("a", encoding="utf-8") as out:
        out.write(verification_lines(events))
    return offset
