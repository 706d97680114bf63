"""Shared fixtures: real data folders and real SQLite registries in temporary directories."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data/ folder holding the two small fixture profiles."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "registry" / "profiles", target / "profiles")
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "registry.db"


@pytest.fixture(scope="session")
def seeded_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A registry built from the project's real data/ (copied, so the tests never write into data/)."""
    from registry.build import build_registry

    root = tmp_path_factory.mktemp("seeded")
    shutil.copytree(PROJECT_ROOT / "data" / "profiles", root / "data" / "profiles")
    if (PROJECT_ROOT / "data" / "versions").exists():
        shutil.copytree(PROJECT_ROOT / "data" / "versions", root / "data" / "versions")
    if (PROJECT_ROOT / "data" / "verifications.jsonl").exists():
        shutil.copy(PROJECT_ROOT / "data" / "verifications.jsonl", root / "data" / "verifications.jsonl")
    db = root / "registry.db"
    build_registry(db, root / "data")
    return db
