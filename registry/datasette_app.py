"""Datasette on the registry: read-only, with our metadata, canned queries and cell rendering.

The file is served as a mutable database opened read-only (``mode=ro``), not as an immutable one: the CLI
keeps writing it (build, accept, verify) while the server runs, and an immutable file that changes under
SQLite gives stale pages or "database disk image is malformed". The registry is in WAL mode (the writer
sets it), so readers see each committed transaction whole and never block the writer. Every request is
bounded in time and size (registry.datasette_limits). Imported only by `kzdocs serve` and the tests, so the
CLI starts without Datasette.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

import yaml

from registry.paths import DATA_DIR

DATASETTE_DIR = DATA_DIR / "datasette"
METADATA_PATH = DATASETTE_DIR / "metadata.yaml"
PLUGINS_DIR = DATASETTE_DIR / "plugins"
TEMPLATES_DIR = DATASETTE_DIR / "templates"


def load_metadata(db_path: Path, extra_paths: list[Path] | None = None) -> dict[str, Any]:
    """Our metadata, keyed by the database name Datasette derives from the file name.

    Other packages (the verifier) keep their table descriptions and queries in their own
    metadata files beside ours; they are merged into the same database entry.
    """
    metadata = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
    database = metadata["databases"].pop("registry")
    for path in extra_paths if extra_paths is not None else sorted(DATASETTE_DIR.glob("metadata-*.yaml")):
        extra = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        database.setdefault("tables", {}).update(extra.get("tables", {}))
        database.setdefault("queries", {}).update(extra.get("queries", {}))
    metadata["databases"][db_path.stem] = database
    return metadata


SETTINGS = {
    "default_page_size": 100,
    "max_returned_rows": 1000,
    "sql_time_limit_ms": 2000,
    "facet_time_limit_ms": 200,
    "max_csv_mb": 10,
    "num_sql_threads": 3,
}


def make_datasette(db_path: Path) -> Any:
    """A Datasette instance serving db_path read-only while other processes may write it."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from registry import datasette_limits

    if not pm.is_registered(datasette_limits):
        pm.register(datasette_limits, name="kzdocs-limits")
    return Datasette(
        files=[str(db_path)],
        metadata=load_metadata(db_path),
        plugins_dir=str(PLUGINS_DIR),
        template_dir=str(TEMPLATES_DIR),
        settings=SETTINGS,
    )


def use_wal(db_path: Path) -> None:
    """Switch a registry built before WAL was the default; a file we may not write is served as it is."""
    import sqlite3

    try:
        conn = sqlite3.connect(db_path, timeout=5)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def _exit_now() -> None:
    webflow = sys.modules.get("photo_engine.webflow")
    if webflow is not None:  # the photo page's worker processes go with the server
        webflow.stop_pool()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def serve_registry(db_path: Path, host: str, port: int) -> None:
    import uvicorn

    from registry.datasette_limits import BoundedApp

    class PromptServer(uvicorn.Server):
        """Exits as soon as the graceful part of shutdown is over.

        After it, Datasette's SQL threads may still hold queued read-only queries (up to sql_time_limit_ms
        each) and asyncio and the interpreter would wait for every one of them: nothing is lost by not waiting.
        """

        def handle_exit(self, sig: int, frame: Any) -> None:
            # The graceful part may itself be slowed by busy SQL threads: two seconds after the signal, go anyway.
            timer = threading.Timer(2.0, _exit_now)
            timer.daemon = True
            timer.start()
            super().handle_exit(sig, frame)

        async def shutdown(self, sockets: list | None = None) -> None:
            await super().shutdown(sockets)
            _exit_now()

    use_wal(db_path)
    config = uvicorn.Config(
        BoundedApp(make_datasette(db_path).app()),
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=1,  # SIGTERM: stop within seconds even with requests pending
        limit_concurrency=64,
        timeout_keep_alive=5,
    )
    PromptServer(config).run()
