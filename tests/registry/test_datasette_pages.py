"""The registry pages in Datasette, through its test client: profile, changes, checklist, search, links, feeds."""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest

from registry.build import build_registry
from registry.datasette_app import make_datasette

ATOM = "{http://www.w3.org/2005/Atom}"


def get(db: Path, path: str) -> httpx.Response:
    return asyncio.run(make_datasette(db).client.get(path))


@pytest.fixture
def two_versions(data_dir: Path, db_path: Path) -> Path:
    """The fixture registry with kz-passport changed once: fee 8 -> 10 MCI, with a reason."""
    build_registry(db_path, data_dir)
    path = data_dir / "profiles" / "kz-passport.yaml"
    text = path.read_text(encoding="utf-8").replace("value: 8\n", "value: 10\n", 1)
    path.write_text("change_reason: fee raised by the 2026 tax code\n" + text, encoding="utf-8")
    build_registry(db_path, data_dir)
    return db_path


def test_home_lists_every_canned_query_with_its_line_and_the_profiles(seeded_registry: Path) -> None:
    html = get(seeded_registry, "/").text
    meta = get(seeded_registry, "/-/metadata.json").json()["databases"]["registry"]["queries"]
    for name, query in meta.items():
        assert f'href="/registry/{name}"' in html, name
        assert query["description"].split(":")[0][:40] in html.replace("&#39;", "'"), name
    assert 'href="/-/profile/kz-kandas-status"' in html and 'href="/-/checklist/kz-kandas-status"' in html
    assert 'href="/-/checklist/kz-visa-photo"' not in html


def test_profile_page_groups_fields_with_badges_quotes_sources_and_competing_values(seeded_registry: Path) -> None:
    response = get(seeded_registry, "/-/profile/kz-labour-immigrant-permit")
    assert response.status_code == 200
    html = response.text
    for group in ("Fees", "Terms", "Where to apply"):
        assert f"<h2>{group}</h2>" in html
    assert '<span class="badge inferred">inferred</span>' in html and '<span class="badge official">' in html
    egov = "https://egov.kz/cms/en/services/for_foreigners/00203002_mvd"
    assert f'<details class="quote"><summary><a href="{egov}"' in html
    assert "labour immigrant permit issued by internal affairs bodies" in html  # the quote, on demand
    assert "competing value: <strong>internal affairs bodies</strong>" in html
    assert 'id="issuing_body"' in html and "Version timeline" in html
    assert 'href="/registry/field_conflict?slug=kz-labour-immigrant-permit"' in html
    path = "/registry/field_conflict.json?slug=kz-labour-immigrant-permit&_shape=array"
    conflicts = get(seeded_registry, path).json()
    assert [(c["key"], c["competing_value"]) for c in conflicts] == [("issuing_body", "internal affairs bodies")]


def test_profile_page_diffs_two_versions_as_a_table(two_versions: Path) -> None:
    html = get(two_versions, "/-/profile/kz-passport?from=1&to=2").text
    assert "Changes from v1 to v2" in html and "fee raised by the 2026 tax code" in html
    row = html.split('<a href="#fee">fee</a>')[1].split("</tr>")[0]
    assert "<td>value</td><td>8</td><td>10</td>" in row.replace("\n", "")
    same = get(two_versions, "/-/profile/kz-passport?from=2&to=2").text
    assert "The two versions have the same fields." in same


def test_what_changed_since_a_date_as_page_and_query(two_versions: Path) -> None:
    page = get(two_versions, "/-/changes?since=2000-01-01").text
    assert "fee raised by the 2026 tax code" in page and "<td>8</td><td>10</td>" in page
    rows = get(two_versions, "/registry/changes_since.json?since=2000-01-01&_shape=array").json()
    fee = [r for r in rows if r["slug"] == "kz-passport" and r["key"] == "fee" and r["version"] == 2]
    assert fee == [{**fee[0], "change": "changed", "old_value": "8", "new_value": "10",
                    "reason": "fee raised by the 2026 tax code"}]
    assert get(two_versions, "/registry/changes_since.json?since=2999-01-01&_shape=array").json() == []
    assert get(two_versions, "/-/changes?since=yesterday").status_code == 400


def test_new_versions_atom_feed(two_versions: Path) -> None:
    response = get(two_versions, "/registry/new_versions_feed.atom")
    assert response.status_code == 200
    feed = ET.fromstring(response.text)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert "kz-passport v2: Passport (test fixture)" in titles and len(titles) == 3


def test_full_text_search_over_titles_values_and_quotes(seeded_registry: Path) -> None:
    by_value = get(seeded_registry, "/registry/field_search.json?_search=kandas&_shape=array").json()
    assert by_value and {r["slug"] for r in by_value} == {"kz-kandas-status", "kz-citizenship-kandas"}
    by_quote = get(seeded_registry, "/registry/field_search.json?_search=%22Government+for+Citizens%22&_shape=array")
    assert any(r["slug"] == "kz-kandas-status" and r["key"] == "application.channels" for r in by_quote.json())
    by_title = get(seeded_registry, "/registry/field_search.json?_search=reunification&_shape=array").json()
    assert {r["slug"] for r in by_title} == {"kz-family-reunification-visa"}
    assert 'name="_search"' in get(seeded_registry, "/registry/field_search").text


def test_slugs_field_keys_and_ids_link(seeded_registry: Path) -> None:
    html = get(seeded_registry, "/registry/current_field?slug=kz-visa&key=fee.invitation").text
    assert '<a href="/-/profile/kz-visa">kz-visa</a>' in html
    assert '<a href="/-/profile/kz-visa#fee.invitation">fee.invitation</a>' in html
    assert '<a href="/registry/field/' in html


def test_checklist_page_prints_on_a4_in_the_chosen_language(seeded_registry: Path) -> None:
    html = get(seeded_registry, "/-/checklist/kz-kandas-status?lang=ru").text
    assert "@page { size: A4" in html and "Памятка: Assignment/extension of kandas status" not in html
    assert "Памятка: Assignment and extension of kandas status" in html
    assert get(seeded_registry, "/-/checklist/kz-visa-photo").status_code == 404
    assert get(seeded_registry, "/-/checklist/kz-visa?lang=de").status_code == 400


def test_open_findings_atom_feed_shows_a_real_change_until_it_is_decided(tmp_path: Path) -> None:
    """A profile that no longer matches its archived source raises a finding, and the feed carries it."""
    import shutil

    from click.testing import CliRunner

    from kzdocs import cli
    from tests.conftest import PROJECT_ROOT

    data = tmp_path / "data"
    for part in ("profiles", "versions", "archive"):
        shutil.copytree(PROJECT_ROOT / "data" / part, data / part)
    shutil.copy(PROJECT_ROOT / "data" / "sources.yaml", data / "sources.yaml")
    profile = data / "profiles" / "kz-kandas-status.yaml"
    text = profile.read_text(encoding="utf-8").replace("  - Personal history (in any form)\n", "", 1)
    profile.write_text(text.replace("change_reason: ", "change_reason: 'test: item dropped' #", 1), encoding="utf-8")
    db = tmp_path / "registry.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--db", str(db), "--data", str(data)]).exit_code == 0
    result = runner.invoke(cli, ["verify", "--offline", "--db", str(db), "--data", str(data)])
    assert result.exit_code == 1, result.output
    feed = ET.fromstring(get(db, "/registry/open_findings_feed.atom").text)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["changed: kz-kandas-status documents"]
    run_id, finding_id = feed.find(f"{ATOM}entry").find(f"{ATOM}id").text.split(":")[-1].split("/")
    rejected = runner.invoke(cli, ["reject", run_id, "--finding", finding_id, "--reason", "test", "--db", str(db),
                                   "--data", str(data)])
    assert rejected.exit_code == 0, rejected.output
    feed = ET.fromstring(get(db, "/registry/open_findings_feed.atom").text)
    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == [
        f"No open findings after run {run_id}"]


def test_a_status_change_reads_as_the_status_word(seeded_registry: Path) -> None:
    html = get(seeded_registry, "/-/profile/kz-business-visa-single-entry?from=1&to=2").text
    assert "<td>status</td><td>official</td><td>official-general</td>" in html.replace("\n", "")
    assert "Status." not in html
