"""Building the registry: idempotence, new versions on change, verification events, atomic failure."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from registry.api import Registry
from registry.build import build_registry
from registry.errors import ProfileInvalid


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_first_build_records_version_one_of_every_profile(data_dir: Path, db_path: Path) -> None:
    report = build_registry(db_path, data_dir)
    assert sorted(v["slug"] for v in report.new_versions) == ["kz-passport", "kz-visa-photo"]
    assert all(v["version"] == 1 for v in report.new_versions)
    assert (data_dir / "versions" / "kz-passport" / "0001.yaml").is_file()


def test_second_build_without_changes_adds_nothing(data_dir: Path, db_path: Path) -> None:
    build_registry(db_path, data_dir)
    report = build_registry(db_path, data_dir)
    assert report.new_versions == []
    assert report.unchanged == ["kz-passport", "kz-visa-photo"]
    with Registry.open(db_path) as reg:
        assert reg.latest_version("kz-passport") == 1


def test_changed_value_makes_a_new_version_with_the_reason(data_dir: Path, db_path: Path) -> None:
    build_registry(db_path, data_dir)
    profile = data_dir / "profiles" / "kz-passport.yaml"
    _edit(profile, "value: 8\n", "value: 9\n")
    _edit(profile, "title: Passport (test fixture)\n", "title: Passport (test fixture)\nchange_reason: duty raised\n")
    report = build_registry(db_path, data_dir)
    assert report.new_versions == [{"slug": "kz-passport", "version": 2, "reason": "duty raised"}]
    with Registry.open(db_path) as reg:
        assert reg.current("kz-passport").value("fee") == 9
        assert reg.version("kz-passport", 1).value("fee") == 8
        assert [h["reason"] for h in reg.history("kz-passport")][1] == "duty raised"


def test_change_without_reason_is_refused_and_writes_nothing(data_dir: Path, db_path: Path) -> None:
    build_registry(db_path, data_dir)
    before = db_path.read_bytes()
    _edit(data_dir / "profiles" / "kz-passport.yaml", "value: 8\n", "value: 9\n")
    with pytest.raises(ProfileInvalid, match="change_reason"):
        build_registry(db_path, data_dir)
    assert db_path.read_bytes() == before
    assert not (data_dir / "versions" / "kz-passport" / "0002.yaml").exists()


def test_later_verified_at_alone_is_a_verification_event_not_a_version(data_dir: Path, db_path: Path) -> None:
    build_registry(db_path, data_dir)
    profile = data_dir / "profiles" / "kz-passport.yaml"
    text = profile.read_text(encoding="utf-8").replace("verified_at: 2026-11-01", "verified_at: 2026-11-20", 1)
    profile.write_text(text, encoding="utf-8")
    report = build_registry(db_path, data_dir)
    assert report.new_versions == []
    assert report.verification_events == 1
    with Registry.open(db_path) as reg:
        fee = reg.current("kz-passport").field("fee")
        assert fee is not None and fee.verified_at.isoformat() == "2026-11-20"
        assert reg.latest_version("kz-passport") == 1
    assert build_registry(db_path, data_dir).verification_events == 0


def test_every_version_survives_a_rebuild_from_the_data_folder(data_dir: Path, tmp_path: Path) -> None:
    first_db = tmp_path / "first.db"
    build_registry(first_db, data_dir)
    profile = data_dir / "profiles" / "kz-passport.yaml"
    _edit(profile, "value: 15\n", "value: 17\n")
    _edit(profile, "title: Passport (test fixture)\n", "title: Passport (test fixture)\nchange_reason: longer\n")
    build_registry(first_db, data_dir)
    fresh_db = tmp_path / "fresh.db"
    report = build_registry(fresh_db, data_dir)
    assert report.restored_versions == 3
    with Registry.open(fresh_db) as fresh, Registry.open(first_db) as first:
        assert fresh.history("kz-passport") == first.history("kz-passport")
        assert fresh.version("kz-passport", 1).value("processing_time") == 15


def test_invalid_profile_leaves_the_existing_registry_untouched(data_dir: Path, db_path: Path) -> None:
    build_registry(db_path, data_dir)
    before = db_path.read_bytes()
    (data_dir / "profiles" / "kz-broken.yaml").write_text("slug: kz-broken\nkind: photo\nfields: [\n")
    with pytest.raises(ProfileInvalid) as error:
        build_registry(db_path, data_dir)
    assert "kz-broken.yaml" in str(error.value)
    assert db_path.read_bytes() == before


def test_database_refuses_to_change_or_delete_history(data_dir: Path, db_path: Path) -> None:
    build_registry(db_path, data_dir)
    conn = sqlite3.connect(db_path)
    for statement in (
        "UPDATE profile_version SET reason = 'rewritten'",
        "DELETE FROM profile_version",
        "UPDATE field SET value = '1'",
        "DELETE FROM field_source",
        "DELETE FROM field_alternative",
        "DELETE FROM profile",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="append-only|never deleted"):
            conn.execute(statement)
    conn.close()
    assert sqlite3.connect(db_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_profile_file_must_match_its_slug(data_dir: Path, db_path: Path) -> None:
    (data_dir / "profiles" / "kz-passport.yaml").rename(data_dir / "profiles" / "kz-other.yaml")
    with pytest.raises(ProfileInvalid, match="must match the file name"):
        build_registry(db_path, data_dir)


def test_removing_a_recorded_profile_file_is_refused(data_dir: Path, db_path: Path) -> None:
    build_registry(db_path, data_dir)
    (data_dir / "profiles" / "kz-passport.yaml").unlink()
    with pytest.raises(ProfileInvalid, match="never deleted"):
        build_registry(db_path, data_dir)
