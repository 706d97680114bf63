"""Registry speed: CLI start-up, building the seeded registry, and a 10,000 x 10 synthetic registry.

- `kzdocs --help` against `python -c pass` (limit 3x).
- `kzdocs build` of all seeded profiles into a fresh file (limit 1 s) against reading and parsing the same
  YAML files (the work no build can avoid).
- 10,000 profiles x 10 versions x 10 fields: the "current fields of a profile" canned query (limit 50 ms)
  against a primary-key lookup in the same database.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench.common import command_seconds, median_seconds, report
from registry.build import build_registry
from registry.datasette_app import load_metadata
from registry.models import ProfileDocument
from registry.paths import DATA_DIR
from registry.store import writing

PROFILES = int(os.environ.get("BENCH_PROFILES", "10000"))
VERSIONS = int(os.environ.get("BENCH_VERSIONS", "10"))


def bench_help() -> bool:
    kzdocs = str(Path(sys.executable).with_name("kzdocs"))
    baseline = command_seconds([sys.executable, "-c", "pass"], repeat=11)
    measured = command_seconds([kzdocs, "--help"], repeat=11)
    return report("kzdocs --help", measured, baseline, limit_ratio=3)


def bench_seed_build(work: Path) -> bool:
    files = sorted((DATA_DIR / "profiles").glob("*.yaml"))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    baseline = median_seconds(
        lambda: [yaml.load(f.read_text(encoding="utf-8"), Loader=loader) for f in files], repeat=5
    )

    def fresh_build() -> None:
        target = work / "seed"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(DATA_DIR / "profiles", target / "data" / "profiles")
        if (DATA_DIR / "versions").exists():
            shutil.copytree(DATA_DIR / "versions", target / "data" / "versions")
        build_registry(target / "registry.db", target / "data")

    measured = median_seconds(fresh_build, repeat=5)
    return report(f"kzdocs build ({len(files)} seeded profiles, fresh file)", measured, baseline, limit_seconds=1.0)


def synthetic_profile(i: int, version: int) -> ProfileDocument:
    fields = [
        {
            "key": f"field.k{k}",
            "value": (i * 31 + k + version) % 97,
            "unit": "mm",
            "status": "official" if k % 3 else "inferred",
            "reason": None if k % 3 else "synthetic",
            "sources": [{"url": f"https://egov.kz/cms/en/x/{i}", "quote": f"value {k}", "language": "en"}],
            "verified_at": "2026-11-01",
        }
        for k in range(10)
    ]
    return ProfileDocument.model_validate(
        {
            "slug": f"kz-synthetic-{i}",
            "kind": "photo",
            "document": "synthetic",
            "title": f"Synthetic {i}",
            "fields": fields,
        }
    )


def bench_synthetic(work: Path) -> bool:
    db = work / "synthetic.db"
    started = time.perf_counter()
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    with writing(db) as writer:
        for i in range(PROFILES):
            for version in range(1, VERSIONS + 1):
                writer.add_version(synthetic_profile(i, version), version, "synthetic", now)
    build_seconds = time.perf_counter() - started
    print(f"INFO  synthetic registry: {PROFILES} profiles x {VERSIONS} versions built in {build_seconds:.1f} s")
    sql = load_metadata(db)["databases"][db.stem]["queries"]["current_fields_of_profile"]["sql"]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    slugs = [f"kz-synthetic-{random.Random(n).randrange(PROFILES)}" for n in range(200)]
    rows = conn.execute(sql, {"slug": slugs[0]}).fetchall()
    assert len(rows) == 10, rows
    max_id = conn.execute("SELECT max(id) FROM field").fetchone()[0]
    ids = iter(random.Random(1).randrange(1, max_id) for _ in range(10**6))
    query = iter(slugs * 1000)
    baseline = median_seconds(
        lambda: conn.execute("SELECT * FROM field WHERE id = ?", (next(ids),)).fetchall(), repeat=101
    )
    measured = median_seconds(lambda: conn.execute(sql, {"slug": next(query)}).fetchall(), repeat=101)
    conn.close()
    return report(
        "current fields of a profile (canned query, 10k x 10 registry)", measured, baseline, limit_seconds=0.05
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = [bench_help(), bench_seed_build(work), bench_synthetic(work)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
