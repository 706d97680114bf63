"""`kzdocs checklist` on the real registry: every service gets one an applicant can follow, honest about its sources."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from kzdocs import cli
from registry.api import Registry
from registry.checklist import MCI_PROFILE, build_checklist
from registry.checklist_render import LABELS, render_html, render_text
from tests.registry.test_seed_data import SERVICE

SERVICES = [s for s in SERVICE if s != MCI_PROFILE]


def run(*args: str) -> tuple[int, str, str]:
    """The CLI on a terminal wide enough that no line wraps: these tests read content; the documented
    examples (tests/test_docs_examples.py) hold every line within 100 columns."""
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "1000"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("slug", SERVICES)
def test_every_service_has_a_checklist_with_dated_sourced_lines(seeded_registry: Path, slug: str) -> None:
    with Registry.open(seeded_registry) as reg:
        c = build_checklist(reg, slug, today=dt.date(2026, 12, 1))
        profile = reg.current(slug)
    assert c.items, f"{slug}: empty checklist"
    assert c.oldest_verified == min([i.verified_at for i in c.items] + [r.verified_at for r in
                                     (c.photo.rules if c.photo else [])])
    statuses = {f.key: f.status.value for f in profile.fields}
    for item in c.items:
        assert item.status == statuses[item.key]
        assert item.source_url or item.reason, f"{slug} {item.key}: neither a source nor a reason"


def test_oldest_date_is_at_the_top_and_each_line_has_status_and_date(seeded_registry: Path) -> None:
    code, out, _ = run("checklist", "kz-visa", "--db", str(seeded_registry))
    assert code == 0
    head = out.splitlines()[:3]
    assert any("Oldest verification of any line: 2026-11-22" in line for line in head)
    lines = [line for line in out.splitlines() if line.lstrip().startswith("[ ]")]
    assert lines and all(re.search(r"\((official|official \(general rule\)|inferred), verified \d{4}-\d\d-\d\d", x)
                         for x in lines)


def test_fee_in_mci_is_also_in_tenge_with_the_current_years_mci(seeded_registry: Path) -> None:
    with Registry.open(seeded_registry) as reg:
        mci = reg.current(MCI_PROFILE).field("mci.2026")
        c = build_checklist(reg, "kz-passport", today=dt.date(2026, 12, 1))
    fee = next(i for i in c.items if i.key == "fee")
    assert fee.unit == "MCI" and fee.tenge == pytest.approx(float(fee.text) * mci.value)
    assert c.mci.kzt == mci.value and c.mci.status == mci.status.value
    assert "≈ 34 600 KZT with the 2026 MCI of 4 325 KZT (inferred)" in render_text(c, "en")


def test_a_year_without_a_recorded_mci_is_not_converted(seeded_registry: Path) -> None:
    with Registry.open(seeded_registry) as reg:
        c = build_checklist(reg, "kz-passport", today=dt.date(2031, 1, 5))
    assert c.mci.kzt is None and all(i.tenge is None for i in c.items)
    assert "no MCI recorded for 2031" in render_text(c, "en")


def test_fee_in_a_consulates_currency_stays_in_it(seeded_registry: Path) -> None:
    with Registry.open(seeded_registry) as reg:
        c = build_checklist(reg, "kz-family-reunification-visa")
    fees = {i.key: (i.text, i.unit, i.tenge) for i in c.items if i.section == "fees"}
    assert fees["fee.single_entry"] == ("75", "GBP", None)


def test_photos_point_to_the_linked_profile_and_photo_make(seeded_registry: Path) -> None:
    code, out, _ = run("checklist", "kz-family-reunification-visa", "--db", str(seeded_registry), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["photo"]["profile"] == "kz-visa-photo" and data["photo"]["linked_by"] == "photos.profile"
    assert "kzdocs photo make portrait.jpg --profile kz-visa-photo" in data["photo"]["make_command"]
    assert {r["key"] for r in data["photo"]["rules"]} >= {"print.width_mm", "print.height_mm", "background.colours"}


def test_a_service_without_a_photo_field_links_its_documents_photo_profile_and_says_how(seeded_registry: Path) -> None:
    with Registry.open(seeded_registry) as reg:
        c = build_checklist(reg, "kz-id-card")
    assert c.photo and c.photo.profile == "kz-id-card-photo" and c.photo.linked_by == "document"
    assert "linked by the same document" in render_text(c, "en")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_labels_follow_the_language_and_values_keep_theirs(seeded_registry: Path, lang: str) -> None:
    code, out, _ = run("checklist", "kz-kandas-status", "--lang", lang, "--format", "md", "--db", str(seeded_registry))
    assert code == 0
    assert out.startswith(f"# {LABELS['checklist'][lang]}: ")
    assert LABELS["values_note"][lang] in out
    assert "Personal history (in any form)" in out  # the source's English, untranslated


def test_html_is_one_self_contained_a4_page(seeded_registry: Path, tmp_path: Path) -> None:
    target = tmp_path / "c.html"
    code, out, _ = run("checklist", "kz-visa", "--format", "html", "-o", str(target), "--db", str(seeded_registry))
    assert code == 0 and "Wrote" in out
    page = target.read_text(encoding="utf-8")
    assert "@page { size: A4" in page and "<script" not in page and "http-equiv" not in page
    with Registry.open(seeded_registry) as reg:
        c = build_checklist(reg, "kz-visa")
    assert render_html(c, "en").count("<li>") == len(c.items) + len(c.photo.rules if c.photo else [])


def test_a_photo_profile_or_unknown_slug_is_a_clean_error(seeded_registry: Path) -> None:
    code, _, err = run("checklist", "kz-visa-photo", "--db", str(seeded_registry))
    assert code == 2 and "photo profile" in err and "Traceback" not in err
    code, _, err = run("checklist", "kz-nothing", "--db", str(seeded_registry))
    assert code == 2 and "no profile with slug" in err


def test_help_examples_run(seeded_registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from registry.checklist_cli import checklist

    monkeypatch.chdir(tmp_path)
    examples = [line.strip() for line in checklist.help.split("Example:")[1].splitlines() if line.strip()]
    assert len(examples) >= 3
    for example in examples:
        args = shlex.split(example)[1:]
        code, _, err = run(*args, "--db", str(seeded_registry))
        assert code == 0, f"{example}: {err}"


def test_readme_checklist_examples_run(seeded_registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import PROJECT_ROOT

    monkeypatch.chdir(tmp_path)
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for line in readme.splitlines() if line.startswith("kzdocs checklist")]
    assert len(lines) >= 2
    for line in lines:
        code, _, err = run(*shlex.split(line)[1:], "--db", str(seeded_registry))
        assert code == 0, f"{line}: {err}"
    assert (tmp_path / "checklist.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
