"""Datasette on the registry: read-only (immutable), with our metadata, canned queries and cell rendering.

Imported only by `kzdocs serve` and the tests, so the CLI starts without Datasette.
"""

from __future__ import annotations

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


def make_datasette(db_path: Path) -> Any:
    """A Datasette instance serving db_path immutably (no writes, no locking)."""
    from datasette.app import Datasette

    return Datasette(
        immutables=[str(db_path)],
        metadata=load_metadata(db_path),
        plugins_dir=str(PLUGINS_DIR),
        template_dir=str(TEMPLATES_DIR),
        settings={"default_page_size": 100, "sql_time_limit_ms": 2000},
    )


def serve_registry(db_path: Path, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(make_datasette(db_path).app(), host=host, port=port, log_level="warning")
