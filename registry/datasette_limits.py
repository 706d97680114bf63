"""Bounds on what one Datasette request may cost: SQLite limits, a result budget, a per-request deadline.

Datasette's ``sql_time_limit_ms`` stops SQLite between instructions, but one instruction can build a
gigabyte (``zeroblob(1e9)``) or spin for seconds (``printf('%.*c', 1e9, 'x')`` pads byte by byte even past
the length limit), and a thousand rows of big values fill memory in Python, not in SQLite. So every
connection gets SQLite's own length limits, a ``printf``/``format`` that refuses widths past the length
limit, a budget of result bytes per statement (checked row by row as rows are fetched), and the whole ASGI
request a wall-clock deadline and a cap on the bytes it may send.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from typing import Any

from datasette import hookimpl

MAX_VALUE_BYTES = 256 * 1024  # one string or blob; the registry's largest value (a version's JSON) is ~22 KB
MAX_COLUMNS = 100
MAX_SQL_BYTES = 100_000
RESULT_BUDGET_BYTES = 16 * 1024 * 1024  # fetched values per statement
REQUEST_SECONDS = 8.0
# The photo page makes a photo in a worker pool (photo_engine.webflow bounds it); its requests get longer.
SLOW_PATHS = {"/-/photo": 120.0}
RESPONSE_MAX_BYTES = 32 * 1024 * 1024


class _Budget:
    def __init__(self) -> None:
        self.used = 0

    def reset(self, _statement: str) -> None:
        self.used = 0


PRINTF_SPEC = re.compile(r"%[-+ 0#,!]*(\*|\d+)?(?:\.(\*|\d+))?(?:ll|l)?([a-zA-Z%])")


def _limited(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, MAX_COLUMNS)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES)
    return conn


def _guarded_printf(name: str, helper: sqlite3.Connection) -> Any:
    """SQLite's own printf/format on a private in-memory connection; NULL when a width or precision is huge."""

    def guarded(fmt: Any, *args: Any) -> Any:
        if isinstance(fmt, str):
            position = 0
            for match in PRINTF_SPEC.finditer(fmt):
                if match.group(3) == "%":
                    continue
                for part in match.group(1), match.group(2):
                    if part == "*":
                        size = args[position] if position < len(args) else 0
                        position += 1
                    else:
                        size = part
                    try:
                        too_big = abs(int(size or 0)) > MAX_VALUE_BYTES
                    except (TypeError, ValueError):
                        too_big = False
                    if too_big:
                        return None  # what SQLite itself answers for a result past its length limit
                position += 1
        marks = ", ".join("?" * (len(args) + 1))
        return helper.execute(f"SELECT {name}({marks})", (fmt, *args)).fetchone()[0]

    return guarded


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    _limited(conn)
    helper = _limited(sqlite3.connect(":memory:", check_same_thread=False))
    for name in ("printf", "format"):
        conn.create_function(name, -1, _guarded_printf(name, helper))
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
            seconds = SLOW_PATHS.get(scope.get("path", ""), self.seconds)
            await asyncio.wait_for(self.app(scope, receive, bounded_send), seconds)
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
