"""Prepared workspaces that the kill and concurrency tests copy: one for accept, one for build."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from registry.build import build_registry
from tests.reliability.writers import FIXTURES


@dataclass(frozen=True)
class AcceptScenario:
    template: Path
    run_id: str
    fee_finding: str  # fee 8 -> 9 MCI
    time_finding: str  # processing_time 15 -> 20 working days


@pytest.fixture(scope="session")
def accept_scenario(tmp_path_factory: pytest.TempPathFactory) -> AcceptScenario:
    from kzdocs import cli
    from tests.verifier.conftest import PASSPORT_PAGE, SOURCES, default_routes, mirrors
    from tests.verifier.site import Route, Site, start

    root = tmp_path_factory.mktemp("accept-template") / "ws"
    data = root / "data"
    shutil.copytree(FIXTURES / "registry" / "profiles", data / "profiles")
    (data / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    db = root / "registry.db"
    build_registry(db, data)
    site = Site(routes=default_routes())
    page = PASSPORT_PAGE.format(extra="").replace("8 MCI", "9 MCI").replace("15 working days", "20 working days")
    site.routes["/gov/situations/21/intro?lang=en"] = Route(page.encode())
    server = start(site)
    try:
        args = ["verify", "--db", str(db), "--data", str(data), "--json", "--timeout", "2"]
        for m in mirrors(site):
            args += ["--mirror", m]
        result = CliRunner().invoke(cli, args)
    finally:
        server.shutdown()
        server.server_close()
    run = json.loads(result.stdout)
    by_field = {f["field"]: f["id"] for f in run["findings"] if f["kind"] in ("changed", "conflict")}
    assert set(by_field) == {"fee", "processing_time"}, run["findings"]
    return AcceptScenario(root, run["run_id"], by_field["fee"], by_field["processing_time"])


@pytest.fixture(scope="session")
def build_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built fixture profiles, then kz-passport edited (fee 8 -> 10, with a reason) and kz-visa-photo re-verified."""
    root = tmp_path_factory.mktemp("build-template") / "ws"
    data = root / "data"
    shutil.copytree(FIXTURES / "registry" / "profiles", data / "profiles")
    build_registry(root / "registry.db", data)
    passport = data / "profiles" / "kz-passport.yaml"
    text = passport.read_text(encoding="utf-8").replace("value: 8\n", "value: 10\n", 1)
    passport.write_text(text + "change_reason: duty raised to 10 MCI\n", encoding="utf-8")
    visa = data / "profiles" / "kz-visa-photo.yaml"
    visa.write_text(visa.read_text(encoding="utf-8").replace("verified_at: 2026-11-01", "verified_at: 2026-11-20"))
    return root
