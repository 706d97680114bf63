"""Build or update the SQLite registry from data/, and record changes made from code (accepted findings).

The build is idempotent and atomic: every input file is validated before anything is written; the database
work happens in one transaction; new ledger files are written before it commits and removed again if it
fails. Every write holds the data folder's write lock and records its intent first (registry.writelock), so
a kill at any point leaves the old state or a pending intent that the next writer completes.
A profile whose content differs from its last recorded version gets a new version (its file must say why in
``change_reason``); a profile whose only change is a later ``verified_at`` gets verification events.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from registry import ledger, writelock
from registry.errors import KzdocsError, ProfileInvalid
from registry.ledger import LedgerVersion, VerificationEvent
from registry.loader import validate_file_with_nodes
from registry.models import ProfileDocument
from registry.paths import DATA_DIR
from registry.schema import check_document
from registry.store import content_hash, writing

FIRST_VERSION_REASON = "First version: reviewed profile seeded from the collected official sources."


class RegistryConflict(KzdocsError):
    """The database holds a version that the ledger in data/ does not (or holds it differently)."""


class BuildReport(BaseModel):
    db: str
    profiles: int
    new_versions: list[dict[str, object]]
    unchanged: list[str]
    verification_events: int
    restored_versions: int
    seconds: float


@dataclass
class ChangePlan:
    """What one write will add: new versions (ledger + db) and verification events."""

    new_versions: list[LedgerVersion] = field(default_factory=list)
    new_events: list[VerificationEvent] = field(default_factory=list)
    profile_files: dict[Path, str] = field(default_factory=dict)


def load_profiles(profiles_dir: Path) -> dict[str, ProfileDocument]:
    if not profiles_dir.is_dir():
        raise ProfileInvalid(str(profiles_dir), None, None, "profile folder does not exist")
    profiles: dict[str, ProfileDocument] = {}
    for path in sorted(profiles_dir.glob("*.yaml")):
        doc, node = validate_file_with_nodes(path, ProfileDocument)
        check_document(doc, str(path), node)
        if doc.slug != path.stem:
            raise ProfileInvalid(str(path), 1, "slug", f"slug '{doc.slug}' must match the file name '{path.stem}'")
        profiles[doc.slug] = doc
    if not profiles:
        raise ProfileInvalid(str(profiles_dir), None, None, "no profile files (*.yaml) found")
    return profiles


def plan_build(
    profiles: dict[str, ProfileDocument],
    versions: dict[str, list[LedgerVersion]],
    events: list[VerificationEvent],
    profiles_dir: Path,
    now: dt.datetime,
) -> ChangePlan:
    plan = ChangePlan()
    for slug in versions:
        if slug not in profiles:
            raise ProfileInvalid(
                str(profiles_dir / f"{slug}.yaml"),
                None,
                None,
                "profile has recorded versions but its file is missing; profiles are never deleted",
            )
    for slug, doc in profiles.items():
        history = versions.get(slug, [])
        path = profiles_dir / f"{slug}.yaml"
        if not history:
            plan.new_versions.append(_version(doc, 1, doc.change_reason or FIRST_VERSION_REASON, now))
            continue
        last = history[-1]
        if content_hash(doc) != last.content_hash:
            reason = (doc.change_reason or "").strip()
            if not reason:
                raise ProfileInvalid(
                    str(path),
                    1,
                    "change_reason",
                    f"profile differs from recorded version {last.version}; add 'change_reason:' saying why",
                )
            if reason == last.reason:
                raise ProfileInvalid(
                    str(path),
                    1,
                    "change_reason",
                    f"change_reason repeats the reason of version {last.version}; describe this change",
                )
            plan.new_versions.append(_version(doc, last.version + 1, reason, now))
            continue
        plan.new_events.extend(_editor_verifications(doc, last, events, now))
    return plan


def _version(doc: ProfileDocument, number: int, reason: str, now: dt.datetime) -> LedgerVersion:
    clean = doc.model_copy(update={"change_reason": None})
    return LedgerVersion(
        slug=doc.slug, version=number, created_at=now, reason=reason, content_hash=content_hash(doc), profile=clean
    )


def _editor_verifications(
    doc: ProfileDocument, last: LedgerVersion, events: list[VerificationEvent], now: dt.datetime
) -> list[VerificationEvent]:
    """A later verified_at typed into an unchanged profile is a verification event, not a version."""
    known: dict[str, dt.date] = {f.key: f.verified_at for f in last.profile.fields}
    for e in events:
        if e.slug == doc.slug and e.version == last.version and e.verified_at > known.get(e.key, dt.date.min):
            known[e.key] = e.verified_at
    return [
        VerificationEvent(
            slug=doc.slug,
            version=last.version,
            key=f.key,
            verified_at=f.verified_at,
            origin="editor",
            recorded_at=now,
        )
        for f in doc.fields
        if f.verified_at > known.get(f.key, dt.date.min)
    ]


def apply_plan(
    db_path: Path,
    data_dir: Path,
    versions: dict[str, list[LedgerVersion]],
    events: list[VerificationEvent],
    plan: ChangePlan,
    sync_ledger: bool = True,
) -> int:
    """Bring the database in line with ledger + plan in one transaction; write ledger files; return restores.

    With ``sync_ledger`` False (a write that concerns only some profiles), versions recorded in the database
    are checked and restored only for the profiles in ``versions``.
    """
    versions_dir = data_dir / "versions"
    verifications_path = data_dir / "verifications.jsonl"
    written: list[Path] = []
    replaced: dict[Path, str | None] = {}
    offset: int | None = None
    intent = False
    restored = 0
    try:
        with writing(db_path) as writer:
            recorded = writer.recorded_versions()
            for slug, history in versions.items():
                for entry in history:
                    digest = recorded.get(slug, {}).get(entry.version)
                    if digest is None:
                        writer.add_version(entry.profile, entry.version, entry.reason, entry.created_at, entry.findings)
                        restored += 1
                    elif digest != entry.content_hash:
                        raise RegistryConflict(
                            f"{db_path} holds {slug} version {entry.version} with other content than "
                            f"{ledger.version_path(versions_dir, slug, entry.version)}; rebuild into a new file"
                        )
            for slug, numbers in recorded.items():
                if not sync_ledger and slug not in versions:
                    continue
                extra = set(numbers) - {e.version for e in versions.get(slug, [])}
                if extra:
                    raise RegistryConflict(
                        f"{db_path} holds {slug} version(s) {sorted(extra)} that data/versions/ does not; "
                        "the ledger in data/ is the truth: rebuild into a new file"
                    )
            seen = writer.recorded_verifications()
            plan.new_events = [e for e in plan.new_events if _event_key(e) not in seen]
            writer.add_verifications(e for e in [*events, *plan.new_events] if _event_key(e) not in seen)
            for entry in plan.new_versions:
                writer.add_version(entry.profile, entry.version, entry.reason, entry.created_at, entry.findings)
            new_files = {
                ledger.version_path(versions_dir, e.slug, e.version): ledger.dump_version(e) for e in plan.new_versions
            }
            appends: dict[Path, tuple[int, str]] = {}
            if plan.new_events:
                size = verifications_path.stat().st_size if verifications_path.exists() else 0
                appends[verifications_path] = (size, ledger.verification_lines(plan.new_events))
            if new_files or plan.profile_files or appends:
                writelock.begin(data_dir, {**new_files, **plan.profile_files}, appends)
                intent = True
                writelock.crash_point("intent-recorded")
            for path, text in new_files.items():
                ledger.write_new_file(path, text)
                written.append(path)
                writelock.crash_point("version-file-written")
            for path, text in plan.profile_files.items():
                replaced[path] = path.read_text(encoding="utf-8") if path.exists() else None
                ledger.replace_file(path, text)
                writelock.crash_point("profile-file-written")
            if plan.new_events:
                offset = ledger.append_verifications(verifications_path, plan.new_events)
                writelock.crash_point("verifications-appended")
            writelock.crash_point("before-commit")
        writelock.crash_point("after-commit")
        if intent:
            writelock.finish(data_dir)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for path, old in replaced.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                ledger.replace_file(path, old)
        if offset is not None:
            with verifications_path.open("r+b") as handle:
                handle.truncate(offset)
        if intent:
            writelock.finish(data_dir)
        raise
    return restored


def _event_key(e: VerificationEvent) -> tuple[str, int, str, str, str]:
    return (e.slug, e.version, e.key, e.verified_at.isoformat(), e.origin)


def reconcile_database(db_path: Path, data_dir: Path) -> int:
    """Add to the database every ledger version and verification event it lacks (after a recovered write)."""
    if not db_path.exists():
        return 0
    versions = ledger.load_versions(data_dir / "versions")
    events = ledger.load_verifications(data_dir / "verifications.jsonl")
    return apply_plan(db_path, data_dir, versions, events, ChangePlan(), sync_ledger=False)


@writelock.holding_write_lock
def build_registry(db_path: Path, data_dir: Path = DATA_DIR, now: dt.datetime | None = None) -> BuildReport:
    """Validate data/, then add whatever the database lacks; unchanged profiles are left as they are."""
    started = time.perf_counter()
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    profiles_dir = data_dir / "profiles"
    profiles = load_profiles(profiles_dir)
    versions = ledger.load_versions(data_dir / "versions")
    events = ledger.load_verifications(data_dir / "verifications.jsonl")
    plan = plan_build(profiles, versions, events, profiles_dir, now)
    restored = apply_plan(db_path, data_dir, versions, events, plan)
    changed = {v.slug for v in plan.new_versions}
    return BuildReport(
        db=str(db_path),
        profiles=len(profiles),
        new_versions=[{"slug": v.slug, "version": v.version, "reason": v.reason} for v in plan.new_versions],
        unchanged=sorted(set(profiles) - changed),
        verification_events=len(plan.new_events),
        restored_versions=restored,
        seconds=round(time.perf_counter() - started, 3),
    )


def record_change(
    db_path: Path,
    data_dir: Path,
    doc: ProfileDocument,
    reason: str,
    findings: list[str] | None = None,
    now: dt.datetime | None = None,
) -> LedgerVersion:
    """Record a new version made from code (an accepted finding): profile file, ledger file and database.

    All three are written together; if any part fails, none of them changes.
    """
    return record_changes(db_path, data_dir, [(doc, reason, findings or [])], now=now)[0]


@writelock.holding_write_lock
def record_changes(
    db_path: Path,
    data_dir: Path,
    changes: list[tuple[ProfileDocument, str, list[str]]],
    events: list[VerificationEvent] | None = None,
    now: dt.datetime | None = None,
    profile_texts: dict[str, str] | None = None,
) -> list[LedgerVersion]:
    """Several new versions and verification events in one all-or-nothing write.

    ``profile_texts`` (slug -> file text) lets the caller write a profile file edited in place (the verifier's
    accept keeps the diff to the changed lines); otherwise the file is written from the model.

    Idempotent per accepted finding: a change whose findings are all named by a version already in the
    ledger (an accept killed before it recorded its decision, then run again) returns that version and
    writes nothing new for it.
    """
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    versions = ledger.load_versions(data_dir / "versions", slugs={doc.slug for doc, _, _ in changes})
    done: list[LedgerVersion] = []
    remaining = []
    for doc, reason, findings in changes:
        earlier = next(
            (v for v in versions.get(doc.slug, []) if findings and set(findings) <= set(v.findings)), None
        )
        if earlier is not None:
            done.append(earlier)
        else:
            remaining.append((doc, reason, findings))
    changes = remaining
    # New events are checked against the database (kept in step with data/verifications.jsonl by every
    # write), so this does not re-read a ledger that grows with every verification run.
    plan = ChangePlan(new_events=list({_event_key(e): e for e in events or []}.values()))
    for doc, reason, findings in changes:
        if not reason.strip():
            raise ProfileInvalid(doc.slug, None, "reason", "a new version needs a reason")
        check_document(doc, str(data_dir / "profiles" / f"{doc.slug}.yaml"))
        history = versions.get(doc.slug, [])
        number = (history[-1].version if history else 0) + len([v for v in plan.new_versions if v.slug == doc.slug]) + 1
        entry = _version(doc, number, reason, now)
        entry.findings = list(findings)
        plan.new_versions.append(entry)
        plan.profile_files[data_dir / "profiles" / f"{doc.slug}.yaml"] = (profile_texts or {}).get(
            doc.slug
        ) or ledger.dump_profile(doc.model_copy(update={"change_reason": reason}))
    apply_plan(db_path, data_dir, versions, [], plan, sync_ledger=False)
    writelock.crash_point("changes-recorded")  # an accept dies here before recording its decisions
    return [*done, *plan.new_versions]
