"""The reviewed profiles in data/: complete, sourced from the reference facts, nothing invented or dropped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from registry.build import load_profiles
from registry.models import Authority, ProfileDocument, Status
from tests.conftest import PROJECT_ROOT, SHARED

REFERENCE = SHARED / "reference"
PHOTO = ["kz-id-card-photo", "kz-passport-photo", "kz-residence-permit-photo", "kz-permanent-residence-permit-photo",
         "kz-driver-licence-photo", "kz-visa-photo", "kz-stateless-person-certificate-photo", "kz-egov-upload-photo"]
SERVICE = ["kz-temporary-residence-permit", "kz-permanent-residence-permit", "kz-residence-permit", "kz-id-card",
           "kz-passport", "kz-stateless-person-certificate", "kz-visa"]


@pytest.fixture(scope="module")
def profiles() -> dict[str, ProfileDocument]:
    return load_profiles(PROJECT_ROOT / "data" / "profiles")


@pytest.fixture(scope="module")
def facts() -> dict[str, dict]:
    return {f["id"]: f for f in yaml.safe_load((REFERENCE / "kz_facts.yaml").read_text(encoding="utf-8"))}


def all_sources(doc: ProfileDocument):
    for f in doc.fields:
        for s in f.sources:
            yield f, s
        for a in f.alternatives:
            for s in a.sources:
                yield f, s


def test_every_required_profile_exists_with_its_kind(profiles: dict[str, ProfileDocument]) -> None:
    assert {s for s in PHOTO if profiles.get(s) and profiles[s].kind.value == "photo"} == set(PHOTO)
    assert {s for s in SERVICE if profiles.get(s) and profiles[s].kind.value == "service"} == set(SERVICE)


def test_every_cited_fact_exists_with_its_url_and_verbatim_quote(
    profiles: dict[str, ProfileDocument], facts: dict[str, dict]
) -> None:
    cited = 0
    for doc in profiles.values():
        for field, source in all_sources(doc):
            if source.fact is None:
                continue
            cited += 1
            fact = facts.get(source.fact)
            assert fact is not None, f"{doc.slug} {field.key}: unknown fact {source.fact}"
            assert source.url == fact["url"], f"{doc.slug} {field.key}: url differs from {source.fact}"
            assert source.quote.strip() in fact["quote"] or fact["quote"] in source.quote, (
                f"{doc.slug} {field.key}: quote is not the verbatim quote of {source.fact}")
    assert cited >= 100


def test_every_sourced_value_rests_on_a_fact(profiles: dict[str, ProfileDocument]) -> None:
    unsourced = [(doc.slug, f.key, s.url) for doc in profiles.values() for f, s in all_sources(doc) if not s.fact]
    assert unsourced == []


def test_official_status_needs_an_official_source(profiles: dict[str, ProfileDocument]) -> None:
    for doc in profiles.values():
        for f in doc.fields:
            if f.status is Status.OFFICIAL:
                assert any(s.authority is Authority.OFFICIAL for s in f.sources), f"{doc.slug} {f.key}"


def test_source_authority_matches_the_facts_source_type(
    profiles: dict[str, ProfileDocument], facts: dict[str, dict]
) -> None:
    for doc in profiles.values():
        for field, source in all_sources(doc):
            if source.fact:
                assert source.authority.value == facts[source.fact]["source_type"], f"{doc.slug} {field.key}"


def test_competing_values_from_the_contradictions_are_kept(
    profiles: dict[str, ProfileDocument], facts: dict[str, dict]
) -> None:
    """Each fact named in kz_contradictions.yaml for a document we profile is cited somewhere."""
    topics = yaml.safe_load((REFERENCE / "kz_contradictions.yaml").read_text(encoding="utf-8"))
    cited = {s.fact for doc in profiles.values() for _, s in all_sources(doc) if s.fact}
    documents = {doc.document for doc in profiles.values()}
    named = {fid for t in topics for v in t["values"] for fid in v.get("facts", [])}
    expected = {fid for fid in named if facts[fid]["document"] in documents}
    assert expected - cited == set()


def test_units_come_from_the_documented_vocabulary(profiles: dict[str, ProfileDocument]) -> None:
    catalogue = (PROJECT_ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([^`]+)`", catalogue))
    for doc in profiles.values():
        for f in doc.fields:
            if f.unit:
                assert f.unit in documented or f.unit in catalogue, f"{doc.slug} {f.key}: unit {f.unit!r}"


def test_keys_are_documented(profiles: dict[str, ProfileDocument]) -> None:
    catalogue = (PROJECT_ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    for doc in profiles.values():
        for f in doc.fields:
            family = f.key.split(".")[0]
            assert f"`{f.key}`" in catalogue or f"`{family}.<variant>`" in catalogue, f"{doc.slug}: {f.key}"


def test_committed_ledger_records_every_profile_as_it_is(seeded_registry: Path) -> None:
    """data/versions/ must hold the current content of every profile: a clean clone builds no new version."""
    from registry.api import Registry

    ledger = PROJECT_ROOT / "data" / "versions"
    recorded = {p.parent.name for p in ledger.glob("*/*.yaml")}
    assert recorded == set(PHOTO + SERVICE)
    with Registry.open(seeded_registry) as reg:
        history = {slug: reg.history(slug) for slug in reg.slugs()}
    for slug, versions in history.items():
        assert len(versions) == len(list((ledger / slug).glob("*.yaml"))), f"{slug}: build made a version"
