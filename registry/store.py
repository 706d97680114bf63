"""The registry's SQLite schema and the only code that writes it.

Tables are declared with SQLModel; history is protected by triggers, so an UPDATE or DELETE of a recorded
version, field, source, alternative or verification event is refused by SQLite itself, whatever program
opens the file. Views derive what is never stored: the current version, each field's effective
verification date, and each profile's verification level.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Index, UniqueConstraint, event, insert, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Field, SQLModel, create_engine

from registry.errors import RegistryReadOnly, RegistryUnreadable
from registry.ledger import VerificationEvent
from registry.models import ProfileDocument, ProfileField, Range

SCHEMA_VERSION = 2  # 2: field_search view and its FTS5 index


class Profile(SQLModel, table=True):
    """A document's identity. The only mutable row: it points at the current version."""

    __tablename__ = "profile"
    slug: str = Field(primary_key=True)
    kind: str = Field(index=True)
    document: str = Field(index=True)
    current_version_id: int | None = Field(default=None)


class ProfileVersionRow(SQLModel, table=True):
    """One immutable version of a profile, with why it was made and its full content as JSON."""

    __tablename__ = "profile_version"
    __table_args__ = (UniqueConstraint("slug", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(foreign_key="profile.slug")
    version: int
    title: str
    description: str | None = None
    official_url: str | None = None
    reason: str
    created_at: str
    content_hash: str
    findings: str | None = Field(default=None, description="JSON list of finding ids that justified it")
    content_json: str


class FieldRow(SQLModel, table=True):
    """One requirement of one version: value (readable and JSON), unit and provenance status."""

    __tablename__ = "field"
    __table_args__ = (UniqueConstraint("version_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="profile_version.id")
    slug: str
    key: str = Field(index=True)
    value: str
    value_json: str
    unit: str | None = None
    status: str = Field(index=True)
    reason: str | None = None
    note: str | None = None
    verified_at: str
    has_alternatives: int = 0


class FieldSourceRow(SQLModel, table=True):
    """The evidence for a field: page URL, verbatim quote and its language."""

    __tablename__ = "field_source"
    __table_args__ = (Index("ix_field_source_field", "field_id"),)
    id: int | None = Field(default=None, primary_key=True)
    field_id: int = Field(foreign_key="field.id")
    url: str
    quote: str
    language: str
    authority: str
    locator: str | None = None
    fact: str | None = None


class FieldAlternativeRow(SQLModel, table=True):
    """A competing sourced value for a field that the registry did not choose."""

    __tablename__ = "field_alternative"
    __table_args__ = (Index("ix_field_alternative_field", "field_id"),)
    id: int | None = Field(default=None, primary_key=True)
    field_id: int = Field(foreign_key="field.id")
    value: str
    value_json: str
    unit: str | None = None
    note: str | None = None
    source_urls: str
    sources_json: str


class VerificationEventRow(SQLModel, table=True):
    """A re-check that found a field's value still stated by its source: moves verified_at, no new version."""

    __tablename__ = "verification_event"
    __table_args__ = (Index("ix_verification_event_lookup", "slug", "key", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    slug: str
    version: int
    key: str
    verified_at: str
    source_url: str | None = None
    origin: str
    run_id: str | None = None
    recorded_at: str


REGISTRY_TABLES = ("profile", "profile_version", "field", "field_source", "field_alternative", "verification_event")
APPEND_ONLY_TABLES = ("profile_version", "field", "field_source", "field_alternative", "verification_event")

VIEWS = {
    "current_field": """
        CREATE VIEW current_field AS
        SELECT f.id AS field_id, p.slug, pv.version, f.key, f.value, f.unit, f.status, f.reason, f.note,
               max(f.verified_at, coalesce((SELECT max(e.verified_at) FROM verification_event e
                   WHERE e.slug = p.slug AND e.key = f.key AND e.version = pv.version), '')) AS verified_at,
               f.has_alternatives, f.value_json,
               (SELECT group_concat(s.url, ' ') FROM field_source s WHERE s.field_id = f.id) AS source_urls
        FROM profile p
        JOIN profile_version pv ON pv.id = p.current_version_id
        JOIN field f ON f.version_id = pv.id
    """,
    "current_profile": """
        CREATE VIEW current_profile AS
        SELECT p.slug, p.kind, p.document, pv.title, pv.version, pv.created_at AS version_created_at,
               CASE
                 WHEN sum(cf.status != 'official') = 0 THEN 'official'
                 WHEN sum(cf.status = 'inferred') = 0 THEN 'official-general'
                 WHEN sum(cf.status != 'inferred') > 0 THEN 'partially-inferred'
                 ELSE 'inferred'
               END AS verification_level,
               min(cf.verified_at) AS last_verified,
               count(*) AS field_count,
               sum(cf.status = 'official') AS official_fields,
               sum(cf.status = 'official-general') AS official_general_fields,
               sum(cf.status = 'inferred') AS inferred_fields,
               pv.official_url
        FROM profile p
        JOIN profile_version pv ON pv.id = p.current_version_id
        JOIN current_field cf ON cf.slug = p.slug
        GROUP BY p.slug
    """,
    "field_search": """
        CREATE VIEW field_search AS
        SELECT f.id AS field_id, p.slug, pv.title, f.key, f.value, f.unit, f.status, f.verified_at,
               (SELECT group_concat(s.quote, ' | ') FROM field_source s WHERE s.field_id = f.id) AS quotes,
               (SELECT group_concat(s.url, ' ') FROM field_source s WHERE s.field_id = f.id) AS source_urls
        FROM profile p
        JOIN profile_version pv ON pv.id = p.current_version_id
        JOIN field f ON f.version_id = pv.id
    """,
    "field_conflict": """
        CREATE VIEW field_conflict AS
        SELECT cf.slug, cf.key, cf.value AS chosen_value, cf.unit AS chosen_unit, cf.status,
               a.value AS competing_value, a.unit AS competing_unit, a.note, a.source_urls
        FROM current_field cf
        JOIN field_alternative a ON a.field_id = cf.field_id
    """,
}


# Full-text search over current titles, values and quotes (Datasette's search box on field_search). An external-
# content FTS5 index over the view: it holds no copy of the text, and is rebuilt after every write (refresh_search).
SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS field_search_fts USING fts5("
    "slug, title, key, value, quotes, content='field_search', content_rowid='field_id')"
)


def refresh_search(conn: Any) -> None:
    """Re-index the current fields; called inside every write so the index never lags the versions."""
    conn.exec_driver_sql("INSERT INTO field_search_fts(field_search_fts) VALUES ('rebuild')")


def _append_only_triggers() -> list[str]:
    statements = []
    for table in APPEND_ONLY_TABLES:
        for action in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: recorded history cannot change'); END"
            )
    statements.append(
        "CREATE TRIGGER IF NOT EXISTS profile_version_becomes_current AFTER INSERT ON profile_version "
        "BEGIN UPDATE profile SET current_version_id = NEW.id WHERE slug = NEW.slug "
        "AND (current_version_id IS NULL OR NEW.version > "
        "(SELECT version FROM profile_version WHERE id = profile.current_version_id)); END"
    )
    statements.append(
        "CREATE TRIGGER IF NOT EXISTS profile_identity_fixed BEFORE UPDATE OF slug, kind, document ON profile "
        "WHEN OLD.slug IS NOT NEW.slug OR OLD.kind IS NOT NEW.kind OR OLD.document IS NOT NEW.document "
        "BEGIN SELECT RAISE(ABORT, 'a profile keeps its slug, kind and document'); END"
    )
    statements.append(
        "CREATE TRIGGER IF NOT EXISTS profile_no_delete BEFORE DELETE ON profile "
        "BEGIN SELECT RAISE(ABORT, 'profiles are never deleted'); END"
    )
    return statements


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")  # wait for another writer instead of failing at once
        cursor.close()

    return engine


def create_schema(engine: Engine) -> None:
    """Create tables, indexes, triggers and views in one transaction; a no-op on an existing registry."""
    with engine.begin() as conn:
        if conn.exec_driver_sql("PRAGMA user_version").scalar() == SCHEMA_VERSION:
            return
        SQLModel.metadata.create_all(conn, tables=[SQLModel.metadata.tables[t] for t in REGISTRY_TABLES])
        for statement in _append_only_triggers():
            conn.exec_driver_sql(statement)
        existing = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='view'")}
        for name, ddl in VIEWS.items():
            if name not in existing:
                conn.exec_driver_sql(ddl)
        conn.exec_driver_sql(SEARCH_INDEX)
        conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def content_hash(doc: ProfileDocument) -> str:
    """A stable digest of what defines a version (verification dates excluded)."""
    canonical = json.dumps(doc.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def readable(value: Any) -> str:
    """Render a field value for people and for Datasette facets: 35, 70–85, white, light-grey, yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Range) or (isinstance(value, dict) and set(value) == {"min", "max"}):
        low, high = (value.min, value.max) if isinstance(value, Range) else (value["min"], value["max"])
        return f"{_number(low)}–{_number(high)}"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return _number(value)
    return str(value)


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _json(value: Any) -> str:
    if isinstance(value, Range):
        value = value.model_dump()
    return json.dumps(value, ensure_ascii=False)


class RegistryWriter:
    """Appends versions and verification events inside one transaction that the caller controls."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def ensure_profile(self, doc: ProfileDocument) -> None:
        self.conn.execute(
            text(
                "INSERT INTO profile (slug, kind, document) VALUES (:slug, :kind, :document) "
                "ON CONFLICT(slug) DO NOTHING"
            ),
            {"slug": doc.slug, "kind": doc.kind.value, "document": doc.document},
        )

    def add_version(
        self,
        doc: ProfileDocument,
        version: int,
        reason: str,
        created_at: dt.datetime,
        findings: list[str] | None = None,
    ) -> int:
        """Insert one version with all its fields, sources and alternatives; return the version row id."""
        self.ensure_profile(doc)
        result = self.conn.execute(
            insert(ProfileVersionRow.__table__),
            {
                "slug": doc.slug,
                "version": version,
                "title": doc.title,
                "description": doc.description,
                "official_url": doc.official_url,
                "reason": reason,
                "created_at": created_at.isoformat(timespec="seconds"),
                "content_hash": content_hash(doc),
                "findings": json.dumps(findings) if findings else None,
                "content_json": json.dumps(doc.model_dump(mode="json", exclude_none=True), ensure_ascii=False),
            },
        )
        version_id = int(result.inserted_primary_key[0])
        self._add_fields(doc.slug, version_id, doc.fields)
        return version_id

    def _add_fields(self, slug: str, version_id: int, fields: Iterable[ProfileField]) -> None:
        fields = list(fields)
        rows = [
            {
                "version_id": version_id,
                "slug": slug,
                "key": f.key,
                "value": readable(f.value),
                "value_json": _json(f.value),
                "unit": f.unit,
                "status": f.status.value,
                "reason": f.reason,
                "note": f.note,
                "verified_at": f.verified_at.isoformat(),
                "has_alternatives": 1 if f.alternatives else 0,
            }
            for f in fields
        ]
        inserted = self.conn.execute(
            insert(FieldRow.__table__).returning(FieldRow.__table__.c.id, sort_by_parameter_order=True), rows
        )
        ids = [row[0] for row in inserted]
        sources = [
            {
                "field_id": field_id,
                "url": s.url,
                "quote": s.quote,
                "language": s.language,
                "authority": s.authority.value,
                "locator": s.locator,
                "fact": s.fact,
            }
            for field_id, f in zip(ids, fields, strict=True)
            for s in f.sources
        ]
        alternatives = [
            {
                "field_id": field_id,
                "value": readable(a.value),
                "value_json": _json(a.value),
                "unit": a.unit,
                "note": a.note,
                "source_urls": " ".join(s.url for s in a.sources),
                "sources_json": json.dumps(
                    [s.model_dump(mode="json", exclude_none=True) for s in a.sources], ensure_ascii=False
                ),
            }
            for field_id, f in zip(ids, fields, strict=True)
            for a in f.alternatives
        ]
        if sources:
            self.conn.execute(insert(FieldSourceRow.__table__), sources)
        if alternatives:
            self.conn.execute(insert(FieldAlternativeRow.__table__), alternatives)

    def add_verifications(self, events: Iterable[VerificationEvent]) -> None:
        rows = [
            {
                "slug": e.slug,
                "version": e.version,
                "key": e.key,
                "verified_at": e.verified_at.isoformat(),
                "source_url": e.source_url,
                "origin": e.origin,
                "run_id": e.run_id,
                "recorded_at": e.recorded_at.isoformat(timespec="seconds"),
            }
            for e in events
        ]
        if rows:
            self.conn.execute(insert(VerificationEventRow.__table__), rows)

    def recorded_versions(self) -> dict[str, dict[int, str]]:
        """slug -> {version: content_hash} for everything already in the database."""
        found: dict[str, dict[int, str]] = {}
        for slug, version, digest in self.conn.execute(text("SELECT slug, version, content_hash FROM profile_version")):
            found.setdefault(slug, {})[version] = digest
        return found

    def recorded_verifications(self) -> set[tuple[str, int, str, str, str]]:
        rows = self.conn.execute(text("SELECT slug, version, key, verified_at, origin FROM verification_event"))
        return {tuple(r) for r in rows}


@contextmanager
def writing(db_path: Path) -> Iterator[RegistryWriter]:
    """Open the registry for one all-or-nothing write; any error leaves the file as it was."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_path)
    try:
        with engine.connect() as conn:
            # WAL: the server's readers and this writer never block each other, and a reader never sees half
            # a transaction. The mode is stored in the file, so every later opener uses it too.
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        create_schema(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            try:
                yield RegistryWriter(conn)
                refresh_search(conn)
            except DBAPIError as error:  # translate the database's own refusal into our typed error
                if "append-only" in str(error.orig):
                    raise RegistryReadOnly(str(error.orig)) from error
                raise
    except DBAPIError as error:
        raise RegistryUnreadable(str(db_path), str(error.orig)) from None
    finally:
        engine.dispose()
