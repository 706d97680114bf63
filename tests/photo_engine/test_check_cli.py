"""`kzdocs photo check` end to end on a real registry: JSON shape, exit codes, bad files never stop others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kzdocs import cli

from .conftest import BRICK, GREY, SOURCE_EXPRESSION, SUNGLASSES, WHITE, digest, failed_checks
from .synth import bomb_png, no_face, rgb_of, save, tiny_face, truncated_jpeg, two_faces

CHECK_KEYS = {"name", "status", "measured", "limit", "message", "rule_status"}
REPORT_KEYS = {"image", "profile", "profile_version", "compliant", "fixable", "checks"}


def run(db: Path, *args: str):
    """The CLI on a terminal wide enough that long temporary paths do not wrap: these tests read content (the
    documented examples hold the output within 100 columns)."""
    return CliRunner().invoke(cli, ["photo", *args, "--db", str(db)], catch_exceptions=False, env={"COLUMNS": "1000"})


def checks_of(report: dict) -> dict[str, dict]:
    return {c["name"]: c for c in report["checks"]}


@pytest.fixture(scope="module")
def brick_report(seeded_registry: Path) -> dict:
    result = run(seeded_registry, "check", str(BRICK), "--profile", "kz-passport-photo", "--json")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_json_names_profile_version_and_every_check(brick_report: dict) -> None:
    assert REPORT_KEYS <= set(brick_report)
    assert brick_report["profile"] == "kz-passport-photo" and brick_report["profile_version"] >= 1
    names = [c["name"] for c in brick_report["checks"]]
    assert names == ["face_count", "resolution", "head_in_frame", "head_size", "framing", "pose_roll", "pose_yaw",
                     "pose_pitch", "eyes_open", "mouth_closed", "sunglasses", "glasses", "glare", "headwear",
                     "occlusion", "background", "lighting", "sharpness", "exposure", "colour"]
    for check in brick_report["checks"]:
        assert CHECK_KEYS <= set(check)
        assert check["status"] in ("pass", "fail", "warn")
        assert check["rule_status"] in ("official", "official-general", "inferred")


def test_a_busy_background_fails_as_given_and_only_the_smile_keeps_it_from_being_fixable(brick_report: dict) -> None:
    from photo_engine.judging.checks import FIXABLE

    checks = checks_of(brick_report)
    assert checks["background"]["status"] == "fail" and "background" in FIXABLE
    assert checks["mouth_closed"]["status"] == "fail"
    assert failed_checks(brick_report) - FIXABLE <= SOURCE_EXPRESSION
    assert brick_report["compliant"] is False and brick_report["fixable"] is False
    assert checks["colour"]["rule_status"] == "official"  # the passport's colour rule is official


def test_rules_missing_from_a_profile_say_which_default_was_used(seeded_registry: Path) -> None:
    result = run(seeded_registry, "check", str(WHITE), "--profile", "kz-egov-upload-photo", "--json")
    report = json.loads(result.stdout)
    assert "headwear.religious_allowed" in report["defaulted_rules"]
    assert "pose.yaw_max_deg" in report["inferred_rules"]


def test_tinted_lenses_are_not_fixable(seeded_registry: Path) -> None:
    result = run(seeded_registry, "check", str(SUNGLASSES), "--profile", "kz-id-card-photo", "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert checks_of(report)["sunglasses"]["status"] == "fail" and report["fixable"] is False


def test_one_bad_file_never_stops_the_others_and_the_worst_exit_wins(seeded_registry: Path, tmp_path: Path) -> None:
    text = tmp_path / "letter.jpg"
    text.write_text("dear office")
    cut = truncated_jpeg(WHITE, tmp_path / "cut.jpg")
    bomb = bomb_png(tmp_path / "bomb.png")
    result = run(seeded_registry, "check", str(text), str(BRICK), str(cut), str(bomb), "--profile",
                 "kz-id-card-photo", "--json")
    assert result.exit_code == 2
    reports = {Path(r["image"]).name: r for r in json.loads(result.stdout)}
    assert "not an image" in reports["letter.jpg"]["error"]
    assert "truncated" in reports["cut.jpg"]["error"]
    assert "decompression bomb" in reports["bomb.png"]["error"]
    assert reports["astronaut-brick-wall.jpg"]["error"] is None and reports["astronaut-brick-wall.jpg"]["checks"]


def test_no_face_fails_face_count(seeded_registry: Path, tmp_path: Path) -> None:
    path = save(no_face(), tmp_path / "wall.png")
    result = run(seeded_registry, "check", str(path), "--profile", "kz-id-card-photo", "--json")
    assert result.exit_code == 1
    assert checks_of(json.loads(result.stdout))["face_count"]["status"] == "fail"


def test_several_faces_fail_face_count(seeded_registry: Path, tmp_path: Path) -> None:
    path = save(two_faces(rgb_of(WHITE)), tmp_path / "pair.jpg", quality=92)
    result = run(seeded_registry, "check", str(path), "--profile", "kz-id-card-photo", "--json")
    check = checks_of(json.loads(result.stdout))["face_count"]
    assert result.exit_code == 1 and check["status"] == "fail" and check["measured"] == 2


def test_a_tiny_face_fails_resolution_and_says_how_many_pixels_are_missing(seeded_registry: Path,
                                                                           tmp_path: Path) -> None:
    path = save(tiny_face(rgb_of(WHITE)), tmp_path / "far.jpg", quality=92)
    result = run(seeded_registry, "check", str(path), "--profile", "kz-id-card-photo", "--json")
    check = checks_of(json.loads(result.stdout))["resolution"]
    assert result.exit_code == 1 and check["status"] == "fail"
    assert "px missing" in check["message"]


def test_greyscale_fails_colour_only_where_the_profile_wants_colour(seeded_registry: Path, tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "grey.jpg"
    Image.open(WHITE).convert("L").save(path)
    id_card = json.loads(run(seeded_registry, "check", str(path), "--profile", "kz-id-card-photo", "--json").stdout)
    visa = json.loads(run(seeded_registry, "check", str(path), "--profile", "kz-visa-photo", "--json").stdout)
    assert checks_of(id_card)["colour"]["status"] == "fail"
    assert checks_of(visa)["colour"]["status"] == "pass"


def test_human_output_and_unknown_profile(seeded_registry: Path) -> None:
    result = run(seeded_registry, "check", str(BRICK), "--profile", "kz-id-card-photo")
    assert "FAIL background" in result.output and "FAIL mouth_closed" in result.output
    missing = CliRunner().invoke(cli, ["photo", "check", str(BRICK), "--profile", "kz-nothing-photo", "--db",
                                       str(seeded_registry)])
    assert missing.exit_code == 2 and "kz-nothing-photo" in missing.output


def test_check_never_modifies_its_input(seeded_registry: Path) -> None:
    before = digest(BRICK)
    run(seeded_registry, "check", str(BRICK), "--profile", "kz-id-card-photo")
    assert digest(BRICK) == before


def test_cmyk_and_alpha_inputs_are_judged_with_a_note(seeded_registry: Path, tmp_path: Path) -> None:
    from PIL import Image

    cmyk = tmp_path / "print.jpg"
    Image.open(WHITE).convert("CMYK").save(cmyk, "JPEG", quality=92)
    alpha = tmp_path / "cutout.png"
    Image.open(WHITE).convert("RGBA").save(alpha)
    result = run(seeded_registry, "check", str(cmyk), str(alpha), "--profile", "kz-id-card-photo", "--json")
    reports = {Path(r["image"]).name: r for r in json.loads(result.stdout)}
    assert checks_of(reports["print.jpg"])["colour"]["status"] == "warn"
    assert any("CMYK" in note for note in reports["print.jpg"]["notes"])
    assert checks_of(reports["cutout.png"])["face_count"]["status"] == "pass"


def test_a_corrupted_file_in_a_batch_gets_its_own_line_and_the_others_their_reports(seeded_registry: Path,
                                                                                    tmp_path: Path) -> None:
    data = bytearray(WHITE.read_bytes())
    data[len(data) // 3: len(data) // 3 + 4000] = bytes(4000)  # a run of zeros through the scan data
    damaged = tmp_path / "damaged.jpg"
    damaged.write_bytes(bytes(data[: len(data) // 2]))
    result = run(seeded_registry, "check", str(damaged), str(GREY), "--profile", "kz-id-card-photo")
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith(str(damaged))]
    assert len(lines) == 1 and "ERROR" in lines[0]
    assert f"{GREY}: not compliant" in result.output
