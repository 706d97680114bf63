"""Bounds on what one Datasette request may cost: SQLite limits, a result budget, a per-request deadline.

Datasette's ``sql_time_limit_ms`` stops SQLite between instructions, but one instruction can build a
gigabyte (``printf('%.*c', 1e9, 'x')``, ``zeroblob``) and a thousand rows of big values fill memory in
Python, not in SQLite. So every connection gets SQLite's own length limits, a budget of result bytes per
statement (checked row by row as rows are fetched), and the whole ASGI request a wall-clock deadline and a
cap on the bytes it may send.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

from datasette import hookimpl

MAX_VALUE_BYTES = 1_000_000  # one string or blob; the registry's largest value (a version's JSON) is ~20 KB
MAX_COLUMNS = 100
MAX_SQL_BYTES = 100_000
RESULT_BUDGET_BYTES = 16 * 1024 * 1024  # fetched values per statement
REQUEST_SECONDS = 8.0
RESPONSE_MAX_BYTES = 32 * 1024 * 1024


class _Budget:
    def __init__(self) -> None:
        self.used = 0

    def reset(self, _statement: str) -> None:
        self.used = 0


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, MAX_COLUMNS)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES)
    budget = _Budget()
    conn.set_trace_callback(budget.reset)  # called as each statement starts

    def counted_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> sqlite3.Row:
        budget.used += sum(len(v) for v in row if isinstance(v, str | bytes)) + 16 * len(row)
        if budget.used > RESULT_BUDGET_BYTES:
            raise sqlite3.OperationalError(
                f"result too large: more than {RESULT_BUDGET_BYTES // (1024 * 1024)} MB; add a LIMIT or select less"
            )
        return sqlite3.Row(cursor, row)

    conn.row_factory = counted_row


class BoundedApp:
    """An ASGI wrapper: each HTTP request gets REQUEST_SECONDS and RESPONSE_MAX_BYTES, then 503 or a cut."""

    def __init__(self, app: Any, seconds: float = REQUEST_SECONDS, max_bytes: int = RESPONSE_MAX_BYTES) -> None:
        self.app, self.seconds, self.max_bytes = app, seconds, max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = {"started": False, "sent": 0}

        async def bounded_send(message: dict) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
            elif message["type"] == "http.response.body":
                state["sent"] += len(message.get("body", b""))
                if state["sent"] > self.max_bytes:
                    raise _TooLarge
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, receive, bounded_send), self.seconds)
        except (asyncio.TimeoutError, _TooLarge) as error:
            if state["started"]:
                return  # the body is cut short; the server closes the connection
            problem = "took too long" if isinstance(error, asyncio.TimeoutError) else "is too large"
            body = f"This request {problem}; ask for fewer rows or add a LIMIT.\n".encode()
            await send({"type": "http.response.start", "status": 503,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass
