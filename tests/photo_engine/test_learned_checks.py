"""The checks that rest on learned verdicts, on portraits whose truth is known by construction."""

from __future__ import annotations

import pytest

from photo_engine.judging.checks import CheckContext, check_glasses, check_headwear, check_pose_roll
from photo_engine.pipeline import check_image

from .conftest import CLEAR_GLASSES, WHITE
from .synth import rotate


@pytest.fixture(scope="module")
def glasses_analysis():
    from photo_engine.reading.analysis import analyse_portrait
    from photo_engine.reading.source import load_source

    return analyse_portrait(load_source(CLEAR_GLASSES))


def test_clear_glasses_fail_where_the_profile_forbids_them_and_pass_elsewhere(glasses_analysis, specs) -> None:
    egov, id_card = specs["kz-egov-upload-photo"], specs["kz-id-card-photo"]
    assert egov.glasses_allowed.value is False and id_card.glasses_allowed.value is True
    forbidden = check_glasses(CheckContext(glasses_analysis, egov))
    allowed = check_glasses(CheckContext(glasses_analysis, id_card))
    assert forbidden.status == "fail" and "without glasses" in forbidden.message
    assert allowed.status == "pass" and "clear glasses seen" in allowed.message


def test_clear_glasses_are_not_sunglasses(id_spec) -> None:
    report = check_image(CLEAR_GLASSES, id_spec)
    assert {c.name: c.status for c in report.checks}["sunglasses"] == "pass"


def test_no_glasses_are_seen_on_a_bare_face(white_analysis, specs) -> None:
    assert check_glasses(CheckContext(white_analysis, specs["kz-egov-upload-photo"])).status == "pass"


def test_headwear_fails_and_names_the_religious_exemption_where_the_profile_has_one(white_analysis, specs) -> None:
    with_exemption = specs["kz-id-card-photo"]
    assert with_exemption.religious_allowed.value is True
    ctx = CheckContext(white_analysis, with_exemption)
    ctx._learned = {"headwear": 0.9}
    result = check_headwear(ctx)
    assert result.status == "fail" and "take it off" in result.message
    assert "religious head covering is allowed" in result.message and "face oval" in result.message
    ctx_bare = CheckContext(white_analysis, with_exemption)
    ctx_bare._learned = {"headwear": 0.1}
    assert check_headwear(ctx_bare).status == "pass"


def test_pose_messages_state_the_measured_angle_and_the_limit(white_analysis, id_spec) -> None:
    from photo_engine.reading.analysis import analyse_portrait
    from photo_engine.reading.source import SourceImage

    turned = analyse_portrait(SourceImage("turned", rotate(white_analysis.source.rgb, -14.0), "RGB", "JPEG"))
    result = check_pose_roll(CheckContext(turned, id_spec))
    assert result.status == "fail"
    assert f"{abs(turned.geometry.roll_deg):.1f} degrees; the rule allows {id_spec.roll_max.value:g}" in result.message
    assert "tolerance" in result.message


def test_the_plain_portrait_has_its_whole_head_in_frame(id_spec) -> None:
    report = check_image(WHITE, id_spec)
    assert {c.name: c.status for c in report.checks}["head_in_frame"] == "pass"


def test_a_head_cut_at_the_side_fails_head_in_frame_with_advice(white_analysis, id_spec, tmp_path) -> None:
    from PIL import Image

    from photo_engine.pipeline import check_image

    rgb = white_analysis.source.rgb
    right_cheek = int(white_analysis.models.landmarks[454, 0])
    path = tmp_path / "side-cut.jpg"
    Image.fromarray(rgb[:, : right_cheek - 10]).save(path, quality=92)
    result = {c.name: c for c in check_image(path, id_spec).checks}["head_in_frame"]
    assert result.status == "fail" and "space on both sides" in result.message
