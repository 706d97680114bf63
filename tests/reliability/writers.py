"""Writers run as real subprocesses, killed with SIGKILL, and the oracle that judges what they left.

A scenario is a prepared workspace (data/ folder + registry.db) and one command that changes it from an
"old" to a "new" state. After a kill, ``kzdocs build`` must succeed and the registry must hold exactly the
old or the new state: ledger files, profile file and database agreeing, nothing half-written, nothing lost.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from click.testing import CliRunner

from registry.build import build_registry

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
RUNNER = "import sys; from kzdocs import main; sys.argv[0] = 'kzdocs'; main()"
# The CLI, writing its own peak RSS (VmHWM, kB) at exit to the file named by KZDOCS_PEAK_FILE. A parent's
# wait4 ru_maxrss would include the parent's memory image at the fork, which exec does not reset.
PEAK_RUNNER = (
    "import atexit, os, sys\n"
    "def _hwm():\n"
    "    line = next(l for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
    "    open(os.environ['KZDOCS_PEAK_FILE'], 'w').write(line.split()[1])\n"
    "atexit.register(_hwm)\n"
    "from kzdocs import main; sys.argv[0] = 'kzdocs'; main()\n"
)


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    killed: bool


def kzdocs(
    *args: str,
    crash_at: str | None = None,
    kill_after: float | None = None,
    timeout: float = 120,
    lock_wait: float = 60,
) -> Outcome:
    """Run the CLI in a fresh interpreter; optionally die at a named crash point or be killed after a delay."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "KZDOCS_LOCK_WAIT": str(lock_wait)}
    env.pop("KZDOCS_CRASH_AT", None)
    if crash_at:
        env["KZDOCS_CRASH_AT"] = crash_at
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, *args],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    killed = False
    if kill_after is not None:
        try:
            proc.wait(kill_after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            killed = True
    out, err = proc.communicate(timeout=timeout)
    killed = killed or proc.returncode == -signal.SIGKILL
    return Outcome(proc.returncode, out, err, time.monotonic() - started, killed)


def copy_workspace(template: Path, target: Path) -> tuple[Path, Path]:
    shutil.copytree(template, target)
    return target / "registry.db", target / "data"


def ledger_versions(data: Path, slug: str) -> list[int]:
    return sorted(int(p.stem) for p in (data / "versions" / slug).glob("*.yaml"))


def db_state(db: Path, slug: str, key: str) -> tuple[int, object]:
    """(current version, current value of key) straight from SQLite, plus an integrity check."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        version, value = conn.execute(
            "SELECT version, value_json FROM current_field WHERE slug = ? AND key = ?", (slug, key)
        ).fetchone()
    finally:
        conn.close()

    return version, json.loads(value)


def profile_value(data: Path, slug: str, key: str) -> object:
    doc = yaml.safe_load((data / "profiles" / f"{slug}.yaml").read_text(encoding="utf-8"))
    return next(f["value"] for f in doc["fields"] if f["key"] == key)


def no_leftovers(data: Path) -> list[str]:
    """Temporary files of an interrupted atomic write are allowed to remain; they must never be read."""
    return [p.name for p in data.rglob("*") if p.name.endswith(".part")]


def assert_old_or_new(
    db: Path, data: Path, slug: str, key: str, old: tuple[int, object], new: tuple[int, object]
) -> str:
    """Build must accept the workspace, and ledger, profile file and database must agree on old or new."""
    built = kzdocs("build", "--db", str(db), "--data", str(data), "--json")
    assert built.returncode == 0, built.stderr + built.stdout
    assert "Traceback" not in built.stderr
    version, value = db_state(db, slug, key)
    assert (version, value) in (old, new), (version, value)
    assert ledger_versions(data, slug) == list(range(1, version + 1))
    assert profile_value(data, slug, key) == value
    assert not (data / ".kzdocs-intent.json").exists()
    return "new" if (version, value) == new else "old"


@dataclass(frozen=True)
class AcceptScenario:
    template: Path
    run_id: str
    fee_finding: str  # fee 8 -> 9 MCI
    time_finding: str  # processing_time 15 -> 20 working days


def prepare_accept(root: Path) -> AcceptScenario:
    """A built workspace with a verification run whose findings change kz-passport's fee and processing time."""
    from kzdocs import cli
    from tests.verifier.conftest import PASSPORT_PAGE, SOURCES, default_routes, mirrors
    from tests.verifier.site import Route, Site, start

    data = root / "data"
    shutil.copytree(FIXTURES / "registry" / "profiles", data / "profiles")
    (data / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    db = root / "registry.db"
    build_registry(db, data)
    site = Site(routes=default_routes())
    page = PASSPORT_PAGE.format(extra="").replace("8 MCI", "9 MCI").replace("15 working days", "20 working days")
    site.routes["/gov/situations/21/intro?lang=en"] = Route(page.encode())
    server = start(site)
    try:
        args = ["verify", "--db", str(db), "--data", str(data), "--json", "--timeout", "2"]
        for m in mirrors(site):
            args += ["--mirror", m]
        result = CliRunner().invoke(cli, args)
    finally:
        server.shutdown()
        server.server_close()
    run = json.loads(result.stdout)
    by_field = {f["field"]: f["id"] for f in run["findings"] if f["kind"] in ("changed", "conflict")}
    assert set(by_field) == {"fee", "processing_time"}, run["findings"]
    return AcceptScenario(root, run["run_id"], by_field["fee"], by_field["processing_time"])


def prepare_build(root: Path) -> Path:
    """Built fixture profiles, then kz-passport edited (fee 8 -> 10, with a reason) and kz-visa-photo re-verified."""
    data = root / "data"
    shutil.copytree(FIXTURES / "registry" / "profiles", data / "profiles")
    build_registry(root / "registry.db", data)
    passport = data / "profiles" / "kz-passport.yaml"
    text = passport.read_text(encoding="utf-8").replace("value: 8\n", "value: 10\n", 1)
    passport.write_text(text + "change_reason: duty raised to 10 MCI\n", encoding="utf-8")
    visa = data / "profiles" / "kz-visa-photo.yaml"
    visa.write_text(visa.read_text(encoding="utf-8").replace("verified_at: 2026-11-01", "verified_at: 2026-11-20"))
    return root
