"""The field catalogue is enforced: a typo or a mistyped value never reaches data/versions/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from registry.build import build_registry, load_profiles, record_change
from registry.errors import ProfileInvalid
from registry.models import Range
from registry.schema import load_catalogue, render_markdown
from tests.conftest import PROJECT_ROOT


@pytest.fixture
def real_data(tmp_path: Path) -> Path:
    """A copy of the project's data/ (profiles and ledger) that tests may spoil."""
    target = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data" / "profiles", target / "profiles")
    shutil.copytree(PROJECT_ROOT / "data" / "versions", target / "versions")
    return target


def _edit(path: Path, old: str, new: str, reason: str = "editor change") -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    text = text.replace(old, new, 1)
    path.write_text(text + f"change_reason: {reason}\n", encoding="utf-8")


def _set_value(path: Path, key: str, value: str) -> None:
    """Replace the value of one field (inline or block style) with the inline YAML value given."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"- key: {key}")
    at = next(i for i in range(start, len(lines)) if lines[i].startswith("  value:"))
    end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("    "))
    lines[at:end] = [f"  value: {value}"]
    path.write_text("\n".join(lines) + "\nchange_reason: editor change\n", encoding="utf-8")


def _ledger_files(data: Path) -> set[str]:
    return {str(p.relative_to(data)) for p in (data / "versions").rglob("*.yaml")}


def _refused(data: Path, db: Path, match: str) -> ProfileInvalid:
    before = _ledger_files(data)
    with pytest.raises(ProfileInvalid, match=match) as caught:
        build_registry(db, data)
    assert _ledger_files(data) == before, "a refused build must not write a version file"
    assert not db.exists(), "a refused build must not create the database"
    return caught.value


def test_docs_fields_md_is_generated_from_the_catalogue() -> None:
    documented = (PROJECT_ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    assert documented == render_markdown(), "docs/fields.md drifted: run `kzdocs fields --markdown > docs/fields.md`"


def test_every_key_of_the_seeded_profiles_is_in_the_catalogue() -> None:
    catalogue = load_catalogue()
    for doc in load_profiles(PROJECT_ROOT / "data" / "profiles").values():
        for f in doc.fields:
            assert catalogue.spec_for(f.key, doc.kind) is not None, f"{doc.slug}: {f.key}"


def test_misspelled_key_is_refused_with_a_suggestion(real_data: Path, tmp_path: Path) -> None:
    path = real_data / "profiles" / "kz-visa-photo.yaml"
    _edit(path, "- key: print.copies\n", "- key: print.copys\n")
    error = _refused(real_data, tmp_path / "r.db", "print.copys")
    assert "did you mean 'print.copies'" in str(error)
    assert str(path) in str(error) and error.line is not None
    assert path.read_text(encoding="utf-8").splitlines()[error.line - 1].strip() == "- key: print.copys"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  value: 35\n  unit: mm\n", "  value: 35mm\n  unit: mm\n", "must be a number in mm, got the text '35mm'"),
        ("  value: 35\n  unit: mm\n", "  value: .inf\n  unit: mm\n", "not inf"),
        ("  value: 35\n  unit: mm\n", "  value: .nan\n  unit: mm\n", "not nan"),
        ("  value: 35\n  unit: mm\n", "  value: -35\n  unit: mm\n", "below the smallest sensible value"),
        ("  value: 35\n  unit: mm\n", "  value: 35\n  unit: cm\n", "unit 'cm' is not one of mm"),
        ("  value: 35\n  unit: mm\n", "  value: 35\n", "unit is missing"),
    ],
)
def test_wrong_value_or_unit_is_refused_naming_file_line_and_key(
    real_data: Path, tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = real_data / "profiles" / "kz-visa-photo.yaml"
    _edit(path, old, new)
    error = _refused(real_data, tmp_path / "r.db", message)
    assert error.field == "print.width_mm"
    assert error.path == str(path) and error.line is not None and 10 <= error.line <= 14


def test_text_outside_the_allowed_values_is_refused(real_data: Path, tmp_path: Path) -> None:
    _set_value(real_data / "profiles" / "kz-visa-photo.yaml", "colour.mode", "color")
    _refused(real_data, tmp_path / "r.db", "must be one of colour, colour-or-greyscale")


def test_a_future_verification_date_is_refused(real_data: Path, tmp_path: Path) -> None:
    path = real_data / "profiles" / "kz-passport.yaml"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("  verified_at:"))
    path.write_text(text.replace(first, "  verified_at: 2999-01-01", 1), encoding="utf-8")
    _refused(real_data, tmp_path / "r.db", "lies in the future")


def test_a_key_of_the_other_kind_is_refused(real_data: Path, tmp_path: Path) -> None:
    _edit(real_data / "profiles" / "kz-passport.yaml", "- key: min_age\n", "- key: print.copies\n")
    _refused(real_data, tmp_path / "r.db", "belongs in a photo profile")


def test_a_photo_profile_without_its_print_height_is_refused(data_dir: Path, db_path: Path) -> None:
    path = data_dir / "profiles" / "kz-visa-photo.yaml"
    _edit(path, "  - key: print.height_mm\n", "  - key: head.height_mm\n")
    head = "    value: {min: 32, max: 36}\n    unit: mm\n"
    text = path.read_text(encoding="utf-8").replace("    value: 45\n    unit: mm\n", head, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileInvalid, match="print.height_mm is missing"):
        build_registry(db_path, data_dir)
    assert not db_path.exists()


def test_a_head_taller_than_the_photo_is_refused(real_data: Path, tmp_path: Path) -> None:
    _set_value(real_data / "profiles" / "kz-id-card-photo.yaml", "head.height_mm", "{min: 40, max: 50}")
    _refused(real_data, tmp_path / "r.db", "more than the photo's height")


def test_a_range_with_min_above_max_is_refused(real_data: Path, tmp_path: Path) -> None:
    _set_value(real_data / "profiles" / "kz-id-card-photo.yaml", "head.height_ratio", "{min: 80, max: 70}")
    _refused(real_data, tmp_path / "r.db", "min 80.0 is greater than max 70.0")


def test_a_version_recorded_from_code_is_checked_too(real_data: Path, tmp_path: Path) -> None:
    """An accepted finding goes through record_change: a bad value is refused there as well."""
    db = tmp_path / "r.db"
    build_registry(db, real_data)
    doc = load_profiles(real_data / "profiles")["kz-visa-photo"]
    field = doc.field("head.height_mm")
    assert field is not None
    bad = doc.model_copy(update={"fields": [
        f.model_copy(update={"value": Range(min=30, max=300)}) if f.key == "head.height_mm" else f
        for f in doc.fields]})
    before = _ledger_files(real_data)
    profile_text = (real_data / "profiles" / "kz-visa-photo.yaml").read_bytes()
    with pytest.raises(ProfileInvalid, match="head.height_mm"):
        record_change(db, real_data, bad, "accepted finding")
    assert _ledger_files(real_data) == before
    assert (real_data / "profiles" / "kz-visa-photo.yaml").read_bytes() == profile_text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no FIFOs")
def test_a_fifo_among_the_profiles_is_refused_without_waiting(real_data: Path, tmp_path: Path) -> None:
    os.mkfifo(real_data / "profiles" / "kz-aa.yaml")
    _refused(real_data, tmp_path / "r.db", "not a regular file")


def test_a_link_to_an_endless_device_is_refused(real_data: Path, tmp_path: Path) -> None:
    (real_data / "profiles" / "kz-aa.yaml").symlink_to("/dev/zero")
    _refused(real_data, tmp_path / "r.db", "not a regular file")


def test_an_oversized_profile_file_is_refused_before_reading(real_data: Path, tmp_path: Path) -> None:
    with (real_data / "profiles" / "kz-aa.yaml").open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    _refused(real_data, tmp_path / "r.db", "the limit for a data file")


def test_build_cli_reports_a_typo_in_one_line_with_exit_2(real_data: Path, tmp_path: Path) -> None:
    _edit(real_data / "profiles" / "kz-visa-photo.yaml", "- key: print.copies\n", "- key: print.copys\n")
    result = subprocess.run(
        [sys.executable, "-m", "kzdocs", "build", "--db", str(tmp_path / "r.db"), "--data", str(real_data)],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "print.copys" in lines[0] and "did you mean 'print.copies'" in lines[0]
    assert not (tmp_path / "r.db").exists()


def test_fields_command_lists_the_catalogue_as_json() -> None:
    from click.testing import CliRunner

    from kzdocs import cli

    result = CliRunner().invoke(cli, ["fields", "--kind", "photo", "--json"])
    assert result.exit_code == 0, result.output
    import json

    keys = {entry["key"] for entry in json.loads(result.output)}
    assert {"print.width_mm", "head.height_mm", "background.colours"} <= keys
    assert "fee" not in keys


def test_a_yaml_alias_bomb_is_refused_quickly(real_data: Path, tmp_path: Path) -> None:
    """Nine levels of nine aliases would be 9^9 items if anything expanded them."""
    import time

    from bench.reliability_inputs import PROFILE_CASES

    PROFILE_CASES["YAML alias bomb (9^9 items)"](real_data)
    started = time.monotonic()
    _refused(real_data, tmp_path / "r.db", "kz-bomb.yaml")
    assert time.monotonic() - started < 10


def test_deeply_nested_yaml_is_refused(real_data: Path, tmp_path: Path) -> None:
    from bench.reliability_inputs import PROFILE_CASES

    PROFILE_CASES["100,000 nested brackets"](real_data)
    _refused(real_data, tmp_path / "r.db", "nesting depth")
