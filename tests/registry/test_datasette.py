"""Datasette on a built registry: metadata, canned queries, read-only serving, once over real HTTP."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from registry.build import build_registry
from registry.datasette_app import make_datasette


@pytest.fixture
def ds_db(data_dir: Path, db_path: Path) -> Path:
    build_registry(db_path, data_dir)
    return db_path


def get(db: Path, path: str) -> httpx.Response:
    return asyncio.run(make_datasette(db).client.get(path))


def test_metadata_describes_every_table_and_column(ds_db: Path) -> None:
    import sqlite3

    meta = get(ds_db, "/-/metadata.json").json()
    assert meta["license"] and meta["source_url"] and meta["title"]
    tables = meta["databases"]["registry"]["tables"]
    conn = sqlite3.connect(ds_db)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    for name in names:
        assert name in tables, f"no description for {name}"
        assert tables[name]["description"]
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
        missing = set(columns) - set(tables[name].get("columns", {}))
        assert not missing, f"{name}: undocumented columns {missing}"


def test_current_fields_query_returns_a_profiles_fields(ds_db: Path) -> None:
    rows = get(ds_db, "/registry/current_fields_of_profile.json?slug=kz-visa-photo&_shape=array").json()
    assert [r["key"] for r in rows] == ["head.height_ratio", "print.height_mm", "print.width_mm"]
    assert rows[1]["source_urls"] == "https://egov.kz/cms/en/articles/rk_visa_obtaining"


def test_inferred_and_conflict_queries(ds_db: Path) -> None:
    inferred = get(ds_db, "/registry/inferred_fields.json?_shape=array").json()
    assert [(r["slug"], r["key"]) for r in inferred] == [("kz-visa-photo", "head.height_ratio")]
    assert inferred[0]["reason"]
    conflicts = get(ds_db, "/registry/source_conflicts.json?_shape=array").json()
    assert conflicts == [
        {
            "slug": "kz-visa-photo",
            "key": "head.height_ratio",
            "chosen_value": "70–80",
            "chosen_unit": "% of photo height",
            "status": "inferred",
            "competing_value": "71–80",
            "competing_unit": "% of photo height",
            "note": "commercial site only",
            "source_urls": "https://anfas.pro/example",
        }
    ]


@pytest.mark.parametrize(("days", "count"), [(1, 5), (100000, 0)])
def test_stale_fields_query_uses_the_days_parameter(ds_db: Path, days: int, count: int) -> None:
    rows = get(ds_db, f"/registry/stale_fields.json?days={days}&_shape=array").json()
    assert len(rows) == count


def test_history_query_and_facets(ds_db: Path) -> None:
    rows = get(ds_db, "/registry/profile_history.json?slug=kz-passport&_shape=array").json()
    assert [r["version"] for r in rows] == [1]
    facets = get(ds_db, "/registry/field.json?_facet=status").json()["facet_results"]
    assert {f["value"] for f in facets["status"]["results"]} == {"official", "inferred"}


def test_json_values_and_source_links_are_rendered_readably(ds_db: Path) -> None:
    html = get(ds_db, "/registry/field_alternative").text
    assert '<a href="https://anfas.pro/example"' in html
    assert "<pre" in html and "&#34;min&#34;: 71" in html.replace("&quot;", "&#34;")


def test_served_registry_is_read_only(ds_db: Path) -> None:
    response = asyncio.run(make_datasette(ds_db).client.post("/registry/-/query", data={"sql": "delete from profile"}))
    assert response.status_code in (400, 403, 404, 405)
    result = get(ds_db, "/registry.json?sql=delete+from+profile")
    assert result.status_code == 400


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kzdocs_serve_answers_over_real_http(ds_db: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kzdocs", "serve", "--db", str(ds_db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/registry/current_profile.json?_shape=array")
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert response.status_code == 200
        assert {r["slug"] for r in response.json()} == {"kz-passport", "kz-visa-photo"}
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in out
