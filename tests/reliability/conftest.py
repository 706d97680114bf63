"""Prepared workspaces that the kill and concurrency tests copy: one for accept, one for build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.writers import AcceptScenario, prepare_accept, prepare_build


@pytest.fixture(scope="session")
def accept_scenario(tmp_path_factory: pytest.TempPathFactory) -> AcceptScenario:
    return prepare_accept(tmp_path_factory.mktemp("accept-template") / "ws")


@pytest.fixture(scope="session")
def build_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return prepare_build(tmp_path_factory.mktemp("build-template") / "ws")
