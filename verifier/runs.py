"""Verification runs, their findings, the snapshots they read and editors' decisions, in the registry file.

Runs are written in one transaction when they finish, so a run killed midway leaves nothing half-written.
Rejections are also appended to ``data/rejections.jsonl`` so that they survive a rebuild from a fresh clone.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import UniqueConstraint, insert, text
from sqlmodel import Field, SQLModel

from registry.store import make_engine
from verifier.models import Finding, FindingKind, Reading, RunSummary, UnknownRun


class VerificationRunRow(SQLModel, table=True):
    __tablename__ = "verification_run"
    run_id: str = Field(primary_key=True)
    started_at: str
    finished_at: str
    mode: str
    sources: int
    summary_json: str
    exit_code: int


class FindingRow(SQLModel, table=True):
    __tablename__ = "finding"
    __table_args__ = (UniqueConstraint("run_id", "finding_id"),)
    id: int | None = Field(default=None, primary_key=True)
    run_id: str = Field(index=True)
    finding_id: str
    profile: str = Field(index=True)
    field: str
    kind: str = Field(index=True)
    registry_value: str | None = None
    registry_unit: str | None = None
    observed_value: str | None = None
    observed_unit: str | None = None
    source: str
    source_url: str
    quote: str | None = None
    locator: str | None = None
    sha256: str | None = None
    message: str
    suppressed: int = 0
    fingerprint: str
    details: str | None = None  # JSON: previous statement, sources still agreeing, candidates of an ambiguous one


class SnapshotRow(SQLModel, table=True):
    __tablename__ = "snapshot"
    id: int | None = Field(default=None, primary_key=True)
    run_id: str = Field(index=True)
    source_id: str
    url: str
    sha256: str | None = None
    fetched_at: str | None = None
    status: int | None = None
    not_modified: int = 0
    reconstruction: int = 0
    observations: int = 0
    error: str | None = None


class DecisionRow(SQLModel, table=True):
    __tablename__ = "decision"
    id: int | None = Field(default=None, primary_key=True)
    run_id: str
    finding_id: str
    decision: str
    reason: str
    decided_at: str
    fingerprint: str = Field(index=True)
    version_made: int | None = None


RUN_TABLES = ("verification_run", "finding", "snapshot", "decision")


def _engine(db_path: Path) -> Any:
    """An engine on the registry file with the run tables in place (created in one transaction if missing)."""
    engine = make_engine(db_path)
    with engine.begin() as conn:
        present = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        if all(f"{table}_no_delete" in present for table in RUN_TABLES):
            columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(finding)")}
            if "details" not in columns:  # a registry file written before findings kept their details
                conn.exec_driver_sql("ALTER TABLE finding ADD COLUMN details TEXT")
            return engine
        SQLModel.metadata.create_all(conn, tables=[SQLModel.metadata.tables[name] for name in RUN_TABLES])
        for table in RUN_TABLES:
            for action in ("UPDATE", "DELETE"):
                conn.exec_driver_sql(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    return engine


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _run_tables_ready(conn: sqlite3.Connection) -> bool:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    columns = {r[1] for r in conn.execute("PRAGMA table_info(finding)")}
    return all(f"{table}_no_delete" in present for table in RUN_TABLES) and "details" in columns


def _ensure_run_tables(db_path: Path) -> None:
    """Create the run tables when missing (checked on a plain connection; the engine only when they are)."""
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        ready = _run_tables_ready(conn)
    finally:
        conn.close()
    if not ready:
        _engine(db_path).dispose()


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    columns = list(rows[0])
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})", rows
    )


def save_run(db_path: Path, run: RunSummary, readings: list[Reading], finished_at: dt.datetime) -> None:
    """Write the run, its findings and the snapshots it read in one transaction.

    Plain sqlite3 with named parameters: a SQLAlchemy engine made for this one write cost more than the
    write itself (engine, compiled statements and pool were built anew on every run).
    """
    run_row = {
        "run_id": run.run_id,
        "started_at": run.started_at.isoformat(timespec="seconds"),
        "finished_at": finished_at.isoformat(timespec="seconds"),
        "mode": run.mode,
        "sources": len(readings),
        "summary_json": json.dumps(run.summary),
        "exit_code": run.exit_code,
    }
    finding_rows = [
        {
            "run_id": f.run_id,
            "finding_id": f.id,
            "profile": f.profile,
            "field": f.field,
            "kind": f.kind.value,
            "registry_value": _json(f.registry_value),
            "registry_unit": f.registry_unit,
            "observed_value": _json(f.observed_value),
            "observed_unit": f.observed_unit,
            "source": f.source,
            "source_url": f.source_url,
            "quote": f.quote,
            "locator": f.locator,
            "sha256": f.sha256,
            "message": f.message,
            "suppressed": int(f.suppressed),
            "fingerprint": f.fingerprint(),
            "details": json.dumps(f.details(), ensure_ascii=False),
        }
        for f in run.findings
    ]
    snapshot_rows = [
        {
            "run_id": run.run_id,
            "source_id": r.source_id,
            "url": r.url,
            "sha256": r.sha256,
            "fetched_at": r.fetched_at.isoformat(timespec="seconds") if r.fetched_at else None,
            "status": r.status,
            "not_modified": int(r.not_modified),
            "reconstruction": int(r.reconstruction),
            "observations": len(r.observations),
            "error": r.error,
        }
        for r in readings
    ]
    conn = sqlite3.connect(db_path, timeout=30)  # wait for another writer as the engine does (busy_timeout)
    try:
        if not _run_tables_ready(conn):  # checked on the writing connection: one open and close, not two
            conn.close()
            _ensure_run_tables(db_path)
            conn = sqlite3.connect(db_path, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        # The registry is in WAL mode, where NORMAL keeps the file whole after a crash or power cut and skips the
        # fsync of every commit (about 4 ms, a tenth of a verify run's own work): a power cut may lose this run's
        # record, which the next `verify` writes again; the ledger and the archive keep their own durability.
        conn.execute("PRAGMA synchronous = NORMAL")
        with conn:  # one transaction: committed whole or rolled back
            _insert(conn, "verification_run", [run_row])
            if finding_rows:
                _insert(conn, "finding", finding_rows)
            if snapshot_rows:
                _insert(conn, "snapshot", snapshot_rows)
    finally:
        conn.close()


def load_findings(db_path: Path, run_id: str) -> list[Finding]:
    engine = _engine(db_path)
    try:
        with engine.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM verification_run WHERE run_id = :r"), {"r": run_id}).first()
            if not exists:
                recent = [
                    r[0]
                    for r in conn.execute(text("SELECT run_id FROM verification_run ORDER BY started_at DESC LIMIT 3"))
                ]
                hint = f"; recent runs: {', '.join(recent)}" if recent else "; run 'kzdocs verify' first"
                raise UnknownRun(f"no verification run '{run_id}'{hint}")
            rows = (
                conn.execute(text("SELECT * FROM finding WHERE run_id = :r ORDER BY finding_id"), {"r": run_id})
                .mappings()
                .all()
            )
    finally:
        engine.dispose()
    return [
        Finding(
            id=r["finding_id"],
            run_id=r["run_id"],
            profile=r["profile"],
            field=r["field"],
            kind=FindingKind(r["kind"]),
            registry_value=json.loads(r["registry_value"]) if r["registry_value"] is not None else None,
            registry_unit=r["registry_unit"],
            observed_value=json.loads(r["observed_value"]) if r["observed_value"] is not None else None,
            observed_unit=r["observed_unit"],
            source=r["source"],
            source_url=r["source_url"],
            quote=r["quote"],
            locator=r["locator"],
            sha256=r["sha256"],
            message=r["message"],
            suppressed=bool(r["suppressed"]),
            **(json.loads(r["details"]) if r.get("details") else {}),
        )
        for r in rows
    ]


def record_decisions(db_path: Path, rows: list[dict[str, Any]]) -> None:
    engine = _engine(db_path)
    try:
        with engine.begin() as conn:
            conn.execute(insert(DecisionRow.__table__), rows)
    finally:
        engine.dispose()


def decided_fingerprints(db_path: Path) -> set[str]:
    """Fingerprints of findings an editor already decided on (none before the first decision)."""
    if not db_path.exists():
        return set()
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decision'").fetchone():
            return set()
        return {r[0] for r in conn.execute("SELECT fingerprint FROM decision")}
    finally:
        conn.close()


def load_rejections(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {json.loads(line)["fingerprint"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def append_rejections(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:  # one write: a kill leaves whole lines only
        out.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
