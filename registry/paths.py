"""Where things live: the project root, data/ and the registry file (overridable by --db or KZDOCS_DB)."""

from __future__ import annotations

import os
from pathlib import Path

import click

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
PROFILES_DIR = DATA_DIR / "profiles"
VERSIONS_DIR = DATA_DIR / "versions"
DEFAULT_DB = DATA_DIR / "registry.db"
DB_ENV = "KZDOCS_DB"
DATA_ENV = "KZDOCS_DATA"


def default_db_path() -> Path:
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV,
    default=DEFAULT_DB,
    show_default=True,
    help="SQLite registry file (env KZDOCS_DB).",
)
data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=DATA_ENV,
    default=DATA_DIR,
    show_default=True,
    help="Folder with profiles/, versions/, verifications.jsonl, sources.yaml and archive/ (env KZDOCS_DATA).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for machines instead of a table.")
