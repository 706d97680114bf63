"""A misbehaving HTTP server on 127.0.0.1: raw sockets, so it can do what no polite server library allows.

Each route is a ``Behaviour``: a function that gets the request head and the socket and writes whatever it
likes (dripped headers, bombs, lies). The server stops dripping as soon as the client hangs up or the test
ends, so every loop here is bounded.
"""

from __future__ import annotations

import functools
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

Behaviour = Callable[["Request", socket.socket, threading.Event], None]


@dataclass
class Request:
    path: str
    headers: dict[str, str]


def _send(conn: socket.socket, data: bytes) -> bool:
    try:
        conn.sendall(data)
        return True
    except OSError:
        return False


def head(status: int, headers: dict[str, str], reason: str = "X") -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def reply(status: int, body: bytes = b"", **headers: str) -> Behaviour:
    hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
    hdrs.setdefault("Content-Length", str(len(body)))
    hdrs.setdefault("Connection", "close")

    def behave(request: Request, conn: socket.socket, stop: threading.Event) -> None:
        _send(conn, head(status, hdrs) + body)

    return behave


def drip(data: bytes, every: float = 0.2, then_forever: bool = True) -> Behaviour:
    """Send data one byte at a time, then (optionally) keep sending filler bytes until the client gives up."""

    def behave(request: Request, conn: socket.socket, stop: threading.Event) -> None:
        started = time.monotonic()
        for byte in data:
            if stop.wait(every) or not _send(conn, bytes([byte])):
                return
        while then_forever and time.monotonic() - started < 600 and not stop.wait(every):
            if not _send(conn, b"x"):
                return

    return behave


def drip_headers() -> Behaviour:
    return drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 10_000, then_forever=True)


def drip_body(status: int) -> Behaviour:
    def behave(request: Request, conn: socket.socket, stop: threading.Event) -> None:
        if _send(conn, head(status, {"Content-Type": "text/html", "Content-Length": "1000000"})):
            drip(b"", then_forever=True)(request, conn, stop)

    return behave


@functools.cache
def stacked_gzip_bomb(decoded: int, layers: int = 2) -> bytes:
    """``layers`` gzip layers around ``decoded`` zero bytes (1 GiB in two layers is about 1.5 KB)."""
    body = gzip_stream_bomb(decoded)
    for _ in range(layers - 1):
        body = gzip.compress(body, compresslevel=9)
    return body


@functools.cache
def deflate_bomb(decoded: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    out = [packer.compress(chunk) for _ in range(decoded >> 20)]
    return b"".join(out) + packer.flush()


@functools.cache
def gzip_stream_bomb(decoded: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1 << 20)
    out = [packer.compress(chunk) for _ in range(decoded >> 20)]
    return b"".join(out) + packer.flush()


def endless_chunked() -> Behaviour:
    def behave(request: Request, conn: socket.socket, stop: threading.Event) -> None:
        if not _send(conn, head(200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})):
            return
        piece = b"a" * 65536
        frame = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        for _ in range(100_000):  # 6.5 GB at most; the client stops long before
            if stop.is_set() or not _send(conn, frame):
                return

    return behave


def garbage() -> Behaviour:
    def behave(request: Request, conn: socket.socket, stop: threading.Event) -> None:
        _send(conn, b"\x16\x03\x01 this is not http at all \xff\xfe\r\n\r\n")

    return behave


def hang_up() -> Behaviour:
    def behave(request: Request, conn: socket.socket, stop: threading.Event) -> None:
        return

    return behave


def huge_header() -> Behaviour:
    def behave(request: Request, conn: socket.socket, stop: threading.Event) -> None:
        _send(conn, b"HTTP/1.1 200 OK\r\nX-Big: " + b"b" * (8 << 20) + b"\r\n\r\n")

    return behave


@dataclass
class HostileServer:
    routes: dict[str, Behaviour] = field(default_factory=dict)
    default: Behaviour = field(default_factory=lambda: reply(404, b"nothing here", Content_Type="text/plain"))
    seen: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.stop = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "HostileServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            data = b""
            try:
                while b"\r\n\r\n" not in data and len(data) < 65536:
                    piece = conn.recv(4096)
                    if not piece:
                        return
                    data += piece
            except OSError:
                return
            lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
            parts = lines[0].split(" ")
            path = parts[1] if len(parts) > 1 else "/"
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
            request = Request(path, headers)
            self.seen.append(request)
            behaviour = self.routes.get(path) or self.routes.get(path.split("?")[0]) or self.default
            try:
                behaviour(request, conn, self.stop)
            except OSError:
                pass
