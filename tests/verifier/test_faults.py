"""Faults: a run killed midway and an accept that fails half-way leave the registry as it was."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from kzdocs import cli
from registry.api import Registry
from scrapers.archive import Archive
from tests.verifier.conftest import PASSPORT_PAGE, mirrors
from tests.verifier.site import Route, Site

PASSPORT = "/gov/situations/21/intro?lang=en"


def counts(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("profile_version", "field", "verification_event")
        )  # type: ignore[return-value]
    finally:
        conn.close()


def test_run_killed_midway_leaves_the_registry_consistent(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    before = counts(db)
    site.routes[PASSPORT] = Route(PASSPORT_PAGE.format(extra="").encode(), delay=20)
    args = [sys.executable, "-m", "kzdocs", "verify", "--db", str(db), "--data", str(data), "--timeout", "30"]
    for m in mirrors(site):
        args += ["--mirror", m]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 20
    while PASSPORT not in site.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    assert PASSPORT in site.requests, "the run never reached the slow source"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert counts(db) == before
    site.routes[PASSPORT] = Route(PASSPORT_PAGE.format(extra="").encode())
    result = CliRunner().invoke(cli, ["verify", "--db", str(db), "--data", str(data), "--json",
                                      *[x for m in mirrors(site) for x in ("--mirror", m)]])
    assert result.exit_code == 0, result.output
    # Every line in the archive's index, the killed run's included, names a body that is on disk intact.
    archive = Archive(data / "archive")
    stored = [snap for snap in archive.snapshots() if snap.sha256]
    assert stored and all(archive.body(snap) for snap in stored)


def test_a_verify_run_flushes_its_bodies_once_before_writing_their_lines(
    workspace: tuple[Path, Path], site: Site, monkeypatch
) -> None:
    import scrapers.archive as module

    db, data = workspace
    index = data / "archive" / "snapshots.jsonl"
    lines_before = len(index.read_text("utf-8").splitlines()) if index.exists() else 0
    real, flushes = module._flush_to_disk, []

    def spy(folder: Path, written: list[Path], **options: bool) -> None:
        flushes.append((len(index.read_text("utf-8").splitlines()) if index.exists() else 0, len(written)))
        real(folder, written, **options)

    monkeypatch.setattr(module, "_flush_to_disk", spy)
    result = CliRunner().invoke(cli, ["verify", "--db", str(db), "--data", str(data), "--json",
                                      *[x for m in mirrors(site) for x in ("--mirror", m)]])
    assert result.exit_code == 0, result.output
    assert len(flushes) == 1 and flushes[0][0] == lines_before and flushes[0][1] >= 1
    assert len(index.read_text("utf-8").splitlines()) > lines_before


def test_accept_that_cannot_write_its_ledger_changes_nothing(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    site.routes[PASSPORT] = Route(PASSPORT_PAGE.format(extra="").replace("15 working", "16 working").encode())
    args = ["verify", "--db", str(db), "--data", str(data), "--json"]
    run = json.loads(CliRunner().invoke(cli, [*args, *[x for m in mirrors(site) for x in ("--mirror", m)]]).stdout)
    finding = next(f for f in run["findings"] if f["kind"] == "changed")
    profile_file = data / "profiles" / "kz-passport.yaml"
    profile_before = profile_file.read_bytes()
    blocker = data / "versions" / "kz-passport" / "0002.yaml"
    blocker.write_text("an unrelated file that must not be overwritten\n", encoding="utf-8")
    before = counts(db)
    result = CliRunner().invoke(cli, ["accept", run["run_id"], "--finding", finding["id"], "--reason", "longer",
                                      "--db", str(db), "--data", str(data)])
    assert result.exit_code != 0
    assert counts(db) == before
    assert profile_file.read_bytes() == profile_before
    assert blocker.read_text(encoding="utf-8").startswith("an unrelated file")
    with Registry.open(db) as reg:
        assert reg.latest_version("kz-passport") == 1


def test_datasette_shows_runs_findings_and_snapshots(workspace: tuple[Path, Path], site: Site) -> None:
    import asyncio

    from registry.datasette_app import make_datasette

    db, data = workspace
    site.routes[PASSPORT] = Route(PASSPORT_PAGE.format(extra="").replace("8 MCI", "9 MCI").encode())
    CliRunner().invoke(cli, ["verify", "--db", str(db), "--data", str(data),
                             *[x for m in mirrors(site) for x in ("--mirror", m)]])
    ds = make_datasette(db)

    async def fetch(path: str) -> object:
        return (await ds.client.get(path)).json()

    rows = asyncio.run(fetch("/registry/open_findings.json?_shape=array"))
    assert [(r["profile"], r["field"], r["kind"]) for r in rows] == [("kz-passport", "fee", "changed")]
    snapshots = asyncio.run(fetch("/registry/snapshot.json?_shape=array"))
    assert {s["source_id"] for s in snapshots} == {"gov-passport", "egov-visa", "gov-passport-pdf"}
    recent = asyncio.run(fetch("/registry/recent_changes.json?days=3650&_shape=array"))
    assert {r["slug"] for r in recent} == {"kz-passport", "kz-visa-photo"}
    meta = asyncio.run(fetch("/-/metadata.json"))
    tables = meta["databases"]["registry"]["tables"]
    conn = sqlite3.connect(db)
    for table in ("verification_run", "finding", "snapshot", "decision"):
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert columns <= set(tables[table]["columns"]), table
