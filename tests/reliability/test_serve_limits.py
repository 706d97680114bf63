"""Every Datasette endpoint is bounded in size and time, whatever the query asks for."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
import pytest

from registry.build import build_registry
from registry.datasette_app import make_datasette
from registry.datasette_limits import BoundedApp
from tests.reliability.writers import FIXTURES

HOSTILE = {
    "a 1 GB string": "select printf('%.*c', 1000000000, 'x')",
    "a 1 GB blob": "select zeroblob(1000000000)",
    "1000 rows of 900 KB": "with recursive c(x) as (select 1 union all select x + 1 from c limit 1000) "
    "select printf('%.*c', 900000, 'x') from c",
    "100 columns of 900 KB": "select " + ", ".join(f"printf('%.*c', 900000, 'x') c{n}" for n in range(100)),
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    root = tmp_path_factory.mktemp("serve")
    shutil.copytree(FIXTURES / "registry" / "profiles", root / "data" / "profiles")
    build_registry(root / "registry.db", root / "data")
    return root / "registry.db"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_query_that_would_build_gigabytes_is_refused_quickly(served: Path, name: str) -> None:
    started = time.monotonic()
    response = asyncio.run(make_datasette(served).client.get("/registry.json", params={"sql": HOSTILE[name]}))
    assert time.monotonic() - started < 5
    assert len(response.content) < 1_000_000
    body = response.json()
    # refused, or NULL values: what SQLite itself gives for a result past its length limit
    assert body["ok"] is False or {value for row in body["rows"] for value in row} == {None}


def test_an_endless_query_stops_at_the_sql_time_limit(served: Path) -> None:
    sql = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
    started = time.monotonic()
    response = asyncio.run(make_datasette(served).client.get("/registry.json", params={"sql": sql}))
    assert response.status_code == 400 and "too long" in response.text
    assert time.monotonic() - started < 4


def test_a_request_past_its_deadline_gets_503() -> None:
    async def slow_app(scope: dict, receive: object, send: object) -> None:
        await asyncio.sleep(5)

    bounded = BoundedApp(slow_app, seconds=0.2)
    transport = httpx.ASGITransport(app=bounded)

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/")

    started = time.monotonic()
    response = asyncio.run(get())
    assert response.status_code == 503 and "took too long" in response.text
    assert time.monotonic() - started < 1


def test_a_response_past_its_size_cap_is_cut() -> None:
    async def big_app(scope: dict, receive: object, send) -> None:  # noqa: ANN001
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for _ in range(100):
            await send({"type": "http.response.body", "body": b"x" * 10_000, "more_body": True})
        await send({"type": "http.response.body", "body": b""})

    sent: list[dict] = []

    async def collect(message: dict) -> None:
        sent.append(message)

    asyncio.run(BoundedApp(big_app, max_bytes=50_000)({"type": "http"}, None, collect))
    assert sum(len(m.get("body", b"")) for m in sent) <= 50_000


def test_ordinary_printf_and_format_still_work(served: Path) -> None:
    sql = "select printf('%05d|%.2f|%s', 42, 3.14159, 'фото') a, format('%*d', 4, 7) b"
    response = asyncio.run(make_datasette(served).client.get("/registry.json", params={"sql": sql, "_shape": "array"}))
    assert response.json() == [{"a": "00042|3.14|фото", "b": "   7"}]
