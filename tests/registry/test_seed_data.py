"""The reviewed profiles in data/: complete, and every value rests on the project's own sources and archive.

These checks need nothing beside the clone. The cross-check against ../shared/reference/ (the collected facts
the profiles were seeded from) runs only where that folder is present, and says so where it is not.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from registry.build import load_profiles
from registry.models import Authority, ProfileDocument, ProfileField, SourceRef, Status
from tests.conftest import PROJECT_ROOT, SHARED

DATA = PROJECT_ROOT / "data"
REFERENCE = SHARED / "reference"
PHOTO = ["kz-id-card-photo", "kz-passport-photo", "kz-residence-permit-photo", "kz-permanent-residence-permit-photo",
         "kz-driver-licence-photo", "kz-visa-photo", "kz-stateless-person-certificate-photo", "kz-egov-upload-photo"]
SERVICE = ["kz-temporary-residence-permit", "kz-permanent-residence-permit", "kz-residence-permit", "kz-id-card",
           "kz-passport", "kz-stateless-person-certificate", "kz-visa",
           # issue 12: the immigration routes, and the MCI reference the checklist converts fees with
           "kz-kandas-status", "kz-citizenship", "kz-citizenship-kandas", "kz-family-reunification-visa",
           "kz-business-visa-single-entry", "kz-neo-nomad-visa", "kz-digital-nomad-b9-1", "kz-investor-visa",
           "kz-labour-immigrant-permit", "kz-work-permit-employer", "kz-monthly-calculation-index"]
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
needs_reference = pytest.mark.skipif(
    not (REFERENCE / "kz_facts.yaml").is_file(),
    reason="../shared/reference is not beside the clone: cross-check against the collected facts not run",
)


@pytest.fixture(scope="module")
def profiles() -> dict[str, ProfileDocument]:
    return load_profiles(DATA / "profiles")


@pytest.fixture(scope="module")
def sources_file() -> dict:
    return yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def monitored(sources_file: dict) -> dict[str, dict]:
    return {s["url"]: s for s in sources_file["sources"]}


def cited(doc: ProfileDocument) -> Iterator[tuple[ProfileField, SourceRef, bool]]:
    """Every (field, source, is_chosen_value) of a profile: the value's sources and its alternatives'."""
    for f in doc.fields:
        for s in f.sources:
            yield f, s, True
        for a in f.alternatives:
            for s in a.sources:
                yield f, s, False


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().casefold()


@functools.cache
def archived_text(url: str) -> str | None:
    """The text of the newest archived copy of url (HTML without markup, PDF text), whitespace-normalised."""
    from scrapers.archive import Archive

    archive = Archive(DATA / "archive")
    newest = [s for s in archive.snapshots() if s.url == url and s.sha256]
    if not newest:
        return None
    body = archive.body(newest[-1])
    if body.startswith(b"%PDF"):
        import pdfplumber

        with pdfplumber.open(io.BytesIO(body)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    else:
        from bs4 import BeautifulSoup

        text = BeautifulSoup(body, "lxml").get_text(" ")
    return normalised(text)


def quote_occurs(quote: str, text: str) -> bool:
    """True when the quote's parts (split at an editorial ellipsis) occur in the text in their order."""
    position = 0
    for part in (p for p in ELLIPSIS.split(normalised(quote)) if p.strip(" .;:,")):
        found = text.find(part.strip(" ;:,"), position)
        if found < 0:
            return False
        position = found + len(part.strip(" ;:,"))
    return True


def test_every_required_profile_exists_with_its_kind(profiles: dict[str, ProfileDocument]) -> None:
    assert {s for s in PHOTO if profiles.get(s) and profiles[s].kind.value == "photo"} == set(PHOTO)
    assert {s for s in SERVICE if profiles.get(s) and profiles[s].kind.value == "service"} == set(SERVICE)


def test_every_cited_url_is_listed_in_sources_yaml(profiles: dict[str, ProfileDocument], sources_file: dict) -> None:
    listed = {s["url"] for s in sources_file["sources"]} | {r["url"] for r in sources_file.get("references", [])}
    missing = sorted({(s.url, doc.slug, f.key) for doc in profiles.values() for f, s, _ in cited(doc)
                      if s.url not in listed})
    assert missing == []


def test_every_listed_reference_is_cited_and_says_why_it_is_not_watched(
    profiles: dict[str, ProfileDocument], sources_file: dict
) -> None:
    urls = {s.url for doc in profiles.values() for _, s, _ in cited(doc)}
    for ref in sources_file.get("references", []):
        assert ref["url"] in urls, f"{ref['url']} is listed but no profile cites it"
        assert ref["why_unmonitored"].strip()
    monitored_urls = {s["url"] for s in sources_file["sources"]}
    assert not monitored_urls & {r["url"] for r in sources_file.get("references", [])}


def test_official_values_rest_on_watched_official_sources(
    profiles: dict[str, ProfileDocument], monitored: dict[str, dict]
) -> None:
    """An official or official-general value cites an official page that verify watches and the archive holds."""
    for doc in profiles.values():
        for f in doc.fields:
            if f.status is Status.INFERRED:
                continue
            watched = [s for s in f.sources if s.authority is not Authority.SECONDARY and s.url in monitored]
            assert watched, f"{doc.slug} {f.key}: no watched official source"
            if f.status is Status.OFFICIAL:
                assert any(s.authority is Authority.OFFICIAL for s in watched), f"{doc.slug} {f.key}"


def test_every_quote_of_an_official_value_occurs_in_its_archived_copy(
    profiles: dict[str, ProfileDocument], monitored: dict[str, dict]
) -> None:
    checked, absent = 0, []
    for doc in profiles.values():
        for f in doc.fields:
            if f.status is Status.INFERRED:
                continue
            for s in f.sources:
                if s.url not in monitored:
                    continue  # a secondary reference beside the official source: listed, not archived
                text = archived_text(s.url)
                assert text is not None, f"{doc.slug} {f.key}: {s.url} has no archived copy"
                checked += 1
                if not quote_occurs(s.quote, text):
                    absent.append(f"{doc.slug} {f.key}: {s.quote[:70]!r} not in the copy of {s.url}")
    assert absent == []
    assert checked >= 100


def test_quote_matching_is_neither_blind_nor_too_strict() -> None:
    text = normalised("From the moment of submission: 17 calendar days.  Expedited:\n up to 7 working days")
    assert quote_occurs("From the moment of submission ... 17 calendar days. ... up to 7 working days", text)
    assert quote_occurs("expedited: up to 7 working   days", text)
    assert not quote_occurs("up to 7 working days ... From the moment", text)
    assert not quote_occurs("20 calendar days", text)


def test_every_kept_contradiction_names_its_sources(
    profiles: dict[str, ProfileDocument], sources_file: dict
) -> None:
    """A competing value is a contradiction only when a listed source states it and it differs from ours."""
    listed = {s["url"] for s in sources_file["sources"]} | {r["url"] for r in sources_file.get("references", [])}
    kept = 0
    for doc in profiles.values():
        for f in doc.fields:
            for a in f.alternatives:
                kept += 1
                assert a.sources, f"{doc.slug} {f.key}: competing value {a.value!r} has no source"
                for s in a.sources:
                    assert s.url in listed and s.quote.strip(), f"{doc.slug} {f.key}: {s.url}"
                assert (a.value, a.unit) != (f.value, f.unit) or a.note, (
                    f"{doc.slug} {f.key}: a competing value equal to the chosen one must say why it is kept")
    assert kept >= 10


def test_inferred_values_say_how_they_were_derived(profiles: dict[str, ProfileDocument]) -> None:
    for doc in profiles.values():
        for f in doc.fields:
            if f.status is Status.INFERRED:
                assert f.reason and len(f.reason.split()) >= 4, f"{doc.slug} {f.key}: reason too thin"


def test_committed_ledger_records_every_profile_as_it_is(seeded_registry: Path) -> None:
    """data/versions/ must hold the current content of every profile: a clean clone builds no new version."""
    from registry.api import Registry

    ledger = DATA / "versions"
    recorded = {p.parent.name for p in ledger.glob("*/*.yaml")}
    assert recorded == set(PHOTO + SERVICE)
    with Registry.open(seeded_registry) as reg:
        history = {slug: reg.history(slug) for slug in reg.slugs()}
    for slug, versions in history.items():
        assert len(versions) == len(list((ledger / slug).glob("*.yaml"))), f"{slug}: build made a version"


# Cross-checks against the collected reference facts (only where ../shared/reference is beside the clone).


@pytest.fixture(scope="module")
def facts() -> dict[str, dict]:
    return {f["id"]: f for f in yaml.safe_load((REFERENCE / "kz_facts.yaml").read_text(encoding="utf-8"))}


@needs_reference
def test_every_cited_fact_exists_with_its_url_and_verbatim_quote(
    profiles: dict[str, ProfileDocument], facts: dict[str, dict]
) -> None:
    count = 0
    for doc in profiles.values():
        for field, source, _ in cited(doc):
            if source.fact is None:
                continue
            count += 1
            fact = facts.get(source.fact)
            assert fact is not None, f"{doc.slug} {field.key}: unknown fact {source.fact}"
            assert source.url == fact["url"], f"{doc.slug} {field.key}: url differs from {source.fact}"
            assert source.quote.strip() in fact["quote"] or fact["quote"] in source.quote, (
                f"{doc.slug} {field.key}: quote is not the verbatim quote of {source.fact}")
            assert source.authority.value == fact["source_type"], f"{doc.slug} {field.key}"
    assert count >= 100


@needs_reference
def test_competing_values_from_the_reference_contradictions_are_kept(
    profiles: dict[str, ProfileDocument], facts: dict[str, dict]
) -> None:
    """Each fact named in kz_contradictions.yaml for a document we profile is cited somewhere."""
    topics = yaml.safe_load((REFERENCE / "kz_contradictions.yaml").read_text(encoding="utf-8"))
    cited_facts = {s.fact for doc in profiles.values() for _, s, _ in cited(doc) if s.fact}
    documents = {doc.document for doc in profiles.values()}
    named = {fid for t in topics for v in t["values"] for fid in v.get("facts", [])}
    expected = {fid for fid in named if facts[fid]["document"] in documents}
    assert expected - cited_facts == set()
