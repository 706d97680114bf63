"""Photo-engine fixtures: real portraits, a real registry built from data/, analyses shared per session."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

PHOTOS = Path(__file__).resolve().parent.parent / "fixtures" / "photos"
WHITE = PHOTOS / "plain-white-man.jpg"
BRICK = PHOTOS / "brick-wall-woman.jpg"
SUNGLASSES = PHOTOS / "sunglasses-woman.jpg"
GREY = PHOTOS / "plain-grey-man.jpg"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def specs(seeded_registry: Path) -> dict:
    """PhotoSpec of every current photo profile in the seeded registry."""
    from photo_engine.spec import spec_from_profile
    from registry.api import Registry

    registry = Registry.open(seeded_registry)
    try:
        return {p.slug: spec_from_profile(registry.current(p.slug))
                for p in registry.profiles() if registry.current(p.slug).kind.value == "photo"}
    finally:
        registry.close()


@pytest.fixture(scope="session")
def id_spec(specs: dict):
    return specs["kz-id-card-photo"]


@pytest.fixture(scope="session")
def white_analysis():
    from photo_engine.analysis import analyse_portrait
    from photo_engine.source import load_source

    return analyse_portrait(load_source(WHITE))


@pytest.fixture(scope="session")
def brick_analysis():
    from photo_engine.analysis import analyse_portrait
    from photo_engine.source import load_source

    return analyse_portrait(load_source(BRICK))
