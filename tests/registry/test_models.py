"""The data model's own rules: provenance completeness, key format, derived verification level."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from registry.models import ProfileField, Status, verification_level

TODAY = dt.date(2026, 11, 22)


def test_inferred_field_needs_a_reason() -> None:
    with pytest.raises(ValidationError, match="needs a reason"):
        ProfileField(key="pose.yaw_max_deg", value=5, status=Status.INFERRED, verified_at=TODAY)


def test_official_field_needs_a_source() -> None:
    with pytest.raises(ValidationError, match="needs at least one source"):
        ProfileField(key="fee", value=8, unit="MCI", status=Status.OFFICIAL, verified_at=TODAY)


@pytest.mark.parametrize("key", ["Fee", "print..width", "print width", "1fee"])
def test_field_keys_are_namespaced_lowercase(key: str) -> None:
    with pytest.raises(ValidationError, match="field key"):
        ProfileField(key=key, value=1, status=Status.INFERRED, reason="x", verified_at=TODAY)


def test_range_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="greater than max"):
        ProfileField(
            key="head.height_ratio", value={"min": 80, "max": 70}, status=Status.INFERRED, reason="x", verified_at=TODAY
        )


@pytest.mark.parametrize(
    ("statuses", "level"),
    [
        (["official", "official"], "official"),
        (["official", "official-general"], "official-general"),
        (["official", "inferred"], "partially-inferred"),
        (["official-general", "inferred"], "partially-inferred"),
        (["inferred"], "inferred"),
    ],
)
def test_verification_level_is_derived_from_field_statuses(statuses: list[str], level: str) -> None:
    assert verification_level([Status(s) for s in statuses]) == level
