"""PhotoSpec: rules come from the profile with their status; missing rules become named, inferred defaults."""

from __future__ import annotations

import datetime as dt

import pytest

from photo_engine.errors import ProfileNotPhoto
from photo_engine.spec import spec_from_profile
from registry.models import ProfileDocument, ProfileField, Range, SourceRef, Status

TODAY = dt.date(2026, 11, 22)
SOURCE = [SourceRef(url="https://example.gov.kz/photo", quote="35 x 45 mm", language="en")]


def field(key: str, value, status: Status = Status.OFFICIAL, unit: str | None = None) -> ProfileField:
    if status is Status.INFERRED:
        return ProfileField(key=key, value=value, unit=unit, status=status, verified_at=TODAY, reason="derived")
    return ProfileField(key=key, value=value, unit=unit, status=status, sources=SOURCE, verified_at=TODAY)


def profile(*fields: ProfileField, kind: str = "photo") -> ProfileDocument:
    return ProfileDocument(slug="kz-test-photo", kind=kind, document="test", title="Test photo", fields=list(fields))


def test_head_height_in_mm_becomes_a_share_of_the_photo_height() -> None:
    spec = spec_from_profile(profile(field("print.height_mm", 45, unit="mm"),
                                     field("head.height_mm", Range(min=32, max=36), Status.INFERRED, "mm")))
    assert spec.head_ratio.value.min == pytest.approx(32 / 45 * 100)
    assert spec.head_ratio.value.max == pytest.approx(80.0)
    assert spec.head_ratio.status == "inferred" and not spec.head_ratio.defaulted


def test_missing_rules_use_named_defaults_marked_inferred() -> None:
    spec = spec_from_profile(profile(field("print.width_mm", 35), field("print.height_mm", 45)))
    assert spec.print_width_mm.status == "official"
    assert spec.yaw_max.defaulted and spec.yaw_max.status == "inferred" and spec.yaw_max.value == 5
    assert "pose.yaw_max_deg" in spec.defaulted_rules()
    assert "ISO" in spec.yaw_max.source_text()
    assert (spec.width_px.value, spec.height_px.value) == (413, 531)


def test_face_area_ratio_is_read_as_a_head_share() -> None:
    spec = spec_from_profile(profile(field("face.area_ratio", Range(min=70, max=85), Status.INFERRED)))
    assert spec.head_ratio.key == "face.area_ratio"
    assert (spec.head_ratio.value.min, spec.head_ratio.value.max) == (70, 85)


def test_digital_size_is_raised_to_the_receiving_minimum() -> None:
    spec = spec_from_profile(profile(field("digital.width_px", 300), field("digital.height_px", 400),
                                     field("digital.min_width_px", 450), field("digital.min_height_px", 600)))
    assert (spec.width_px.value, spec.height_px.value) == (450, 600)


def test_eye_line_in_mm_becomes_a_share_from_the_bottom() -> None:
    spec = spec_from_profile(profile(field("print.height_mm", 45),
                                     field("head.eye_line_mm", Range(min=25, max=35), Status.INFERRED)))
    assert spec.eye_line_ratio.value.min == pytest.approx(25 / 45 * 100)


def test_a_service_profile_is_not_a_photo_profile() -> None:
    with pytest.raises(ProfileNotPhoto):
        spec_from_profile(profile(field("fee", 2), kind="service"))


def test_every_seeded_photo_profile_builds_a_spec(specs: dict) -> None:
    assert {"kz-id-card-photo", "kz-passport-photo", "kz-egov-upload-photo", "kz-visa-photo"} <= set(specs)
    egov = specs["kz-egov-upload-photo"]
    assert (egov.width_px.value, egov.height_px.value) == (450, 600)
    assert egov.max_size_kb.value == 1024
    assert specs["kz-visa-photo"].eye_line_ratio is not None
