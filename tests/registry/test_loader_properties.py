"""Property tests of the profile loader: whatever an editor types, the answer is a profile or one clean error.

A crash other than ProfileInvalid would reach the user as a traceback; a value that breaks the catalogue but
loads would become a version forever. Hypothesis generates the files.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry.build import load_profiles
from registry.errors import ProfileInvalid
from registry.models import Range
from registry.schema import load_catalogue, value_problem
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "registry" / "profiles" / "kz-passport.yaml"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.dates().map(str),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)


def _load_one(folder: Path, text: str | bytes) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    target = folder / "kz-passport.yaml"
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    try:
        load_profiles(folder)
    except ProfileInvalid as error:
        assert str(error).startswith(str(target)) or str(folder) in str(error)
        assert "\n" not in str(error).strip(), "one line per error"


@FAST
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_load_or_fail_cleanly(tmp_path_factory, data: bytes) -> None:
    _load_one(tmp_path_factory.mktemp("bytes"), data)


@FAST
@given(st.integers(0, 40), values)
def test_any_value_in_any_place_of_a_real_profile_loads_or_fails_cleanly(tmp_path_factory, where: int, junk) -> None:
    document = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    slots: list[tuple[dict | list, str | int]] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                slots.append((node, k))
                walk(v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                slots.append((node, i))
                walk(v)

    walk(document)
    parent, key = slots[where % len(slots)]
    parent[key] = junk  # type: ignore[index]
    try:
        text = yaml.safe_dump(document, allow_unicode=True)
    except yaml.YAMLError:
        return
    _load_one(tmp_path_factory.mktemp("mutated"), text)


@FAST
@given(st.sampled_from([s for s in load_catalogue().fields]), values, st.one_of(st.none(), st.text(max_size=12)))
def test_a_value_the_catalogue_accepts_is_finite_and_within_bounds(spec, value, unit) -> None:
    candidate = Range(min=value["min"], max=value["max"]) if (
        isinstance(value, dict) and set(value) == {"min", "max"}
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value.values())
        and value["min"] <= value["max"]) else value
    if value_problem(spec, candidate, unit) is not None:
        return
    numbers = [candidate.min, candidate.max] if isinstance(candidate, Range) else (
        [candidate] if isinstance(candidate, int | float) and not isinstance(candidate, bool) else [])
    for n in numbers:
        assert math.isfinite(n)
        assert spec.min is None or n >= spec.min
        assert spec.max is None or n <= spec.max
        assert unit in spec.units
    if isinstance(candidate, str):
        assert spec.type in ("text", "number-or-text") and candidate.strip()
        assert spec.allowed is None or candidate in spec.allowed
