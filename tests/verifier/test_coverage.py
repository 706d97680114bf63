"""Every official field of the seeded registry is watched by a source evidence or listed as unmonitored."""

from __future__ import annotations

from pathlib import Path

from registry.api import Registry
from registry.build import build_registry
from verifier.coverage import coverage
from verifier.run import load_source_list

DATA = Path(__file__).resolve().parents[2] / "data"


def test_every_official_field_is_monitored_or_listed_with_a_reason(tmp_path: Path) -> None:
    db = tmp_path / "registry.db"
    build_registry(db, DATA)
    with Registry.open(db) as reg:
        profiles = {slug: reg.current(slug) for slug in reg.slugs()}
    result = coverage(load_source_list(DATA / "sources.yaml"), profiles)
    assert result.uncovered == []
    assert result.monitorable_share == 1.0
    assert result.monitored + result.unmonitored == result.total


def test_an_unlisted_official_field_is_reported_uncovered(tmp_path: Path) -> None:
    db = tmp_path / "registry.db"
    build_registry(db, DATA)
    listing = load_source_list(DATA / "sources.yaml")
    listing.unmonitored = listing.unmonitored[1:]
    with Registry.open(db) as reg:
        profiles = {slug: reg.current(slug) for slug in reg.slugs()}
    dropped = load_source_list(DATA / "sources.yaml").unmonitored[0]
    assert coverage(listing, profiles).uncovered == [f"{dropped.profile}:{dropped.field}"]
