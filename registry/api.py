"""The registry's read API: what the CLI, the verifier and the photo engine use to read profiles.

Reads go straight to SQLite (read-only URI) and return the pydantic models of :mod:`registry.models`, so
consumers never see rows or SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from registry.errors import RegistryMissing, RegistryUnreadable, UnknownProfile, UnknownVersion
from registry.models import (
    ProfileField,
    ProfileKind,
    ProfileSummary,
    ProfileVersion,
    Status,
    verification_level,
)


class Registry:
    """A read-only handle on a registry file."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, db_path: Path | str) -> Registry:
        path = Path(db_path)
        if not path.is_file():
            raise RegistryMissing(str(path))
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("SELECT 1 FROM profile LIMIT 1")
        except sqlite3.DatabaseError as error:
            conn.close()
            raise RegistryUnreadable(str(path), f"not a kzdocs registry ({error})") from None
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def slugs(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT slug FROM profile ORDER BY slug")]

    def profiles(self, kind: str | None = None) -> list[ProfileSummary]:
        sql = "SELECT slug, kind, title, version, verification_level, last_verified FROM current_profile"
        params: tuple[Any, ...] = ()
        if kind:
            sql += " WHERE kind = ?"
            params = (kind,)
        rows = self.conn.execute(sql + " ORDER BY kind, slug", params).fetchall()
        return [ProfileSummary(**dict(r)) for r in rows]

    def latest_version(self, slug: str) -> int:
        row = self.conn.execute(
            "SELECT pv.version FROM profile p JOIN profile_version pv ON pv.id = p.current_version_id WHERE p.slug = ?",
            (slug,),
        ).fetchone()
        if row is None:
            raise UnknownProfile(slug, self.slugs())
        return int(row[0])

    def current(self, slug: str) -> ProfileVersion:
        latest = self.latest_version(slug)
        return self._version(slug, latest, latest)

    def version(self, slug: str, number: int) -> ProfileVersion:
        return self._version(slug, number, self.latest_version(slug))

    def _version(self, slug: str, number: int, latest: int) -> ProfileVersion:
        row = self.conn.execute(
            "SELECT pv.*, p.kind, p.document FROM profile_version pv JOIN profile p ON p.slug = pv.slug "
            "WHERE pv.slug = ? AND pv.version = ?",
            (slug, number),
        ).fetchone()
        if row is None:
            raise UnknownVersion(slug, number, latest)
        fields = self._fields(row["content_json"], slug, number)
        verified = [f.verified_at for f in fields]
        return ProfileVersion(
            slug=slug,
            kind=ProfileKind(row["kind"]),
            document=row["document"],
            title=row["title"],
            description=row["description"],
            official_url=row["official_url"],
            version=number,
            reason=row["reason"],
            created_at=dt.datetime.fromisoformat(row["created_at"]),
            is_current=number == latest,
            verification_level=verification_level([f.status for f in fields]),
            last_verified=min(verified) if verified else None,
            fields=fields,
        )

    def history(self, slug: str) -> list[dict[str, Any]]:
        self.latest_version(slug)
        rows = self.conn.execute(
            "SELECT version, created_at, reason, findings, content_hash FROM profile_version "
            "WHERE slug = ? ORDER BY version",
            (slug,),
        ).fetchall()
        return [{**dict(r), "findings": json.loads(r["findings"]) if r["findings"] else []} for r in rows]

    def _fields(self, content: str, slug: str, version: int) -> list[ProfileField]:
        """Fields as recorded in the version, with verified_at moved on by later verification events."""
        events = dict(
            self.conn.execute(
                "SELECT key, max(verified_at) FROM verification_event WHERE slug = ? AND version = ? GROUP BY key",
                (slug, version),
            ).fetchall()
        )
        fields = []
        for raw in json.loads(content)["fields"]:
            f = ProfileField.model_validate(raw)
            later = events.get(f.key)
            if later and dt.date.fromisoformat(later) > f.verified_at:
                f = f.model_copy(update={"verified_at": dt.date.fromisoformat(later)})
            fields.append(f)
        return sorted(fields, key=lambda f: f.key)


def field_statuses(profile: ProfileVersion) -> dict[str, Status]:
    return {f.key: f.status for f in profile.fields}
