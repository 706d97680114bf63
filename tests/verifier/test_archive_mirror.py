"""The exported archive served by a plain static server stands in for the official sites."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from click.testing import CliRunner

from kzdocs import cli
from registry.build import build_registry
from scrapers.export import mirror_specs
from scrapers.models import ExportIndex
from tests.conftest import PROJECT_ROOT


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return


def test_exported_archive_on_a_static_server_confirms_what_the_archive_confirms(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for part in ("profiles", "versions", "archive"):
        shutil.copytree(PROJECT_ROOT / "data" / part, data / part)
    shutil.copy(PROJECT_ROOT / "data" / "sources.yaml", data / "sources.yaml")
    db = tmp_path / "registry.db"
    build_registry(db, data)
    runner = CliRunner()

    offline = runner.invoke(cli, ["verify", "--offline", "--db", str(db), "--data", str(data), "--json"])
    offline_run = json.loads(offline.stdout)
    assert offline_run["summary"]["source_error"] == 0

    mirror_dir = tmp_path / "mirror"
    exported = runner.invoke(cli, ["archive", "export", str(mirror_dir), "--data", str(data), "--json"])
    assert exported.exit_code == 0, exported.output
    index = ExportIndex.model_validate_json((mirror_dir / "index.json").read_text(encoding="utf-8"))
    assert {e.url for e in index.sources} >= {s["source_url"] for s in offline_run["findings"]}
    assert all((mirror_dir / e.file).is_file() for e in index.sources)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(mirror_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        args = ["verify", "--db", str(db), "--data", str(data), "--json", "--timeout", "5", "--retries", "1"]
        for spec in mirror_specs(index, f"http://127.0.0.1:{server.server_address[1]}"):
            args += ["--mirror", spec]
        mirrored = runner.invoke(cli, args)
    finally:
        server.shutdown()
        server.server_close()
    run = json.loads(mirrored.stdout)
    assert run["mode"] == "mirror"
    assert run["summary"] == offline_run["summary"]
    assert mirrored.exit_code == offline.exit_code
