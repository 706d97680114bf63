"""data/sources.yaml: every source is fetchable under our rules and every evidence points at a real field."""

from __future__ import annotations

from registry.build import load_profiles
from scrapers.hosts import Allowlist
from scrapers.rules import ALL_RULES
from tests.conftest import PROJECT_ROOT
from verifier.run import load_sources

OBSERVATION_KEYS = {rule.key for rule in ALL_RULES} | {"fine"}  # a fee whose qualifier says fine


def test_every_source_host_is_on_the_allowlist() -> None:
    sources = load_sources(PROJECT_ROOT / "data" / "sources.yaml")
    assert [s.url for s in sources if not Allowlist().allows(s.url)] == []


def test_every_evidence_names_a_profile_field_and_a_known_observation() -> None:
    profiles = load_profiles(PROJECT_ROOT / "data" / "profiles")
    for source in load_sources(PROJECT_ROOT / "data" / "sources.yaml"):
        for e in source.evidences:
            assert e.profile in profiles, f"{source.id}: unknown profile {e.profile}"
            assert profiles[e.profile].field(e.field) is not None, f"{source.id}: {e.profile} has no {e.field}"
            assert e.observe in OBSERVATION_KEYS, f"{source.id}: unknown observation {e.observe}"


def test_every_source_has_an_archived_copy() -> None:
    from scrapers.archive import Archive

    archive = Archive(PROJECT_ROOT / "data" / "archive")
    for source in load_sources(PROJECT_ROOT / "data" / "sources.yaml"):
        snapshot = archive.newest(url=source.url)
        assert snapshot is not None and archive.body(snapshot), source.id
