"""The registry commands as a user runs them: output shapes, exit codes and clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kzdocs import cli


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def built(data_dir: Path, db_path: Path) -> Path:
    code, _, err = run("build", "--db", str(db_path), "--data", str(data_dir))
    assert code == 0, err
    return db_path


def test_show_json_has_every_field_with_provenance(built: Path) -> None:
    code, out, _ = run("show", "kz-visa-photo", "--db", str(built), "--json")
    assert code == 0
    data = json.loads(out)
    assert {"slug", "kind", "version", "verification_level", "last_verified", "fields"} <= data.keys()
    assert data["verification_level"] == "partially-inferred"
    ratio = next(f for f in data["fields"] if f["key"] == "head.height_ratio")
    assert ratio["value"] == {"min": 70.0, "max": 80.0}
    assert ratio["status"] == "inferred" and ratio["reason"]
    assert ratio["alternatives"][0]["sources"][0]["url"] == "https://anfas.pro/example"
    width = next(f for f in data["fields"] if f["key"] == "print.width_mm")
    assert width["sources"] == [
        {
            "url": "https://egov.kz/cms/en/articles/rk_visa_obtaining",
            "quote": "3.5x4.5 cm",
            "language": "en",
            "authority": "official",
        }
    ]
    assert set(width) >= {"key", "value", "unit", "status", "sources", "verified_at", "reason", "alternatives"}


def test_profiles_lists_current_versions(built: Path) -> None:
    code, out, _ = run("profiles", "--db", str(built), "--json")
    assert code == 0
    rows = {r["slug"]: r for r in json.loads(out)}
    assert rows["kz-passport"]["verification_level"] == "official"
    assert rows["kz-passport"]["last_verified"] == "2026-11-01"
    code, out, _ = run("profiles", "--db", str(built), "--kind", "photo")
    assert "kz-visa-photo" in out and "kz-passport" not in out


def test_db_can_come_from_the_environment(built: Path) -> None:
    code, out, _ = run("profiles", "--json", env={"KZDOCS_DB": str(built)})
    assert code == 0 and len(json.loads(out)) == 2


def test_history_and_diff_show_a_change(data_dir: Path, built: Path) -> None:
    profile = data_dir / "profiles" / "kz-passport.yaml"
    text = profile.read_text(encoding="utf-8").replace("value: 8\n", "value: 9\n")
    profile.write_text(text.replace("kind: service\n", "kind: service\nchange_reason: new duty\n"), encoding="utf-8")
    assert run("build", "--db", str(built), "--data", str(data_dir))[0] == 0
    code, out, _ = run("history", "kz-passport", "--db", str(built), "--json")
    assert [v["reason"] for v in json.loads(out)["versions"]][-1] == "new duty"
    code, out, _ = run("diff", "kz-passport", "1", "2", "--db", str(built), "--json")
    assert json.loads(out)["changes"] == [{"key": "fee", "change": "value", "before": "8", "after": "9"}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "kz-unknown"), "no profile with slug 'kz-unknown'"),
        (("show", "kz-passport", "--version", "9"), "has no version 9"),
        (("diff", "kz-passport", "1", "4"), "has no version 4"),
        (("history", "kz-nothing"), "no profile with slug"),
    ],
)
def test_unknown_slugs_and_versions_are_clean_errors(built: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args, "--db", str(built))
    assert code == 2
    assert message in err
    assert "Traceback" not in err + out


def test_missing_registry_says_how_to_build_it(tmp_path: Path) -> None:
    code, _, err = run("profiles", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "kzdocs build" in err


def test_malformed_profile_names_file_line_and_field(data_dir: Path, db_path: Path) -> None:
    assert run("build", "--db", str(db_path), "--data", str(data_dir))[0] == 0
    before = db_path.read_bytes()
    profile = data_dir / "profiles" / "kz-passport.yaml"
    lines = profile.read_text(encoding="utf-8").splitlines()
    bad_line = next(i for i, line in enumerate(lines) if line.strip() == "unit: working days")
    lines[bad_line + 1] = "    status: offical"
    profile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("build", "--db", str(db_path), "--data", str(data_dir))
    assert code == 2
    assert f"kz-passport.yaml:{bad_line + 2}:" in err
    assert "processing_time" in err and "status" in err
    assert "Traceback" not in err + out
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("slug: kz-passport\nkind: service\n  bad indent: [\n", "YAML syntax error"),
        ("just a string\n", "Input should be"),
        ("slug: kz-passport\nkind: service\nkind: photo\n", "duplicate key 'kind'"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
    ],
)
def test_unreadable_profile_files_get_one_line(
    data_dir: Path, db_path: Path, content: str | bytes, expected: str
) -> None:
    path = data_dir / "profiles" / "kz-passport.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, out, err = run("build", "--db", str(db_path), "--data", str(data_dir))
    assert code == 2
    assert "kz-passport.yaml" in err and expected in err
    assert len(err.strip().splitlines()) == 1
    assert not db_path.exists()


def test_a_file_that_is_not_a_registry_is_reported_and_left_alone(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"my own notes, not a database\n" * 100)
    for args in (("build", "--data", str(data_dir)), ("profiles",), ("show", "kz-passport")):
        code, out, err = run(*args, "--db", str(bad))
        assert code == 2, args
        assert "notes.db" in err and "not a database" in err
        assert "Traceback" not in out + err
    assert bad.read_bytes() == b"my own notes, not a database\n" * 100
