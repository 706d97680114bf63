"""A wall-clock deadline for one HTTP exchange, enforced on every socket operation.

httpx's timeouts bound each read separately, so a server that drips one byte a second never trips them: the
headers or an error body can take forever. Here every name lookup, connect, read and write of the calling
thread gets at most the time left until the deadline set by ``deadline_scope``; when none is left it fails
at once with httpcore's own timeout error (which httpx turns into ``httpx.TimeoutException``). The name
lookup runs in a helper thread because getaddrinfo() takes no timeout.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

_local = threading.local()


@contextmanager
def deadline_scope(deadline: float) -> Iterator[None]:
    """Bound every socket operation of this thread by ``deadline`` (a time.monotonic() value)."""
    previous = getattr(_local, "deadline", None)
    _local.deadline = deadline if previous is None else min(previous, deadline)
    try:
        yield
    finally:
        _local.deadline = previous


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the request's wall-clock deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        inner = self._stream.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """Addresses of host, in the resolver's order; a lookup slower than timeout is a connect timeout."""
    found: dict[str, Any] = {}

    def lookup() -> None:
        try:
            found["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as error:
            found["error"] = error

    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise httpcore.ConnectTimeout(f"looking up {host} took longer than the deadline")
    if "error" in found:
        raise httpcore.ConnectError(f"cannot resolve {host}: {found['error']}")
    return list(dict.fromkeys(str(info[4][0]) for info in found["infos"]))


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, **kwargs: Any) -> httpcore.NetworkStream:
        if getattr(_local, "deadline", None) is None or _is_address(host):
            stream = self._backend.connect_tcp(host, port, _left(timeout, httpcore.ConnectTimeout), **kwargs)
            return _DeadlineStream(stream)
        error: Exception = httpcore.ConnectError(f"{host} has no address")
        for address in _resolve(host, port, _left(timeout, httpcore.ConnectTimeout)):
            try:
                stream = self._backend.connect_tcp(address, port, _left(timeout, httpcore.ConnectTimeout), **kwargs)
                return _DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failed:
                error = failed
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None, **kwargs: Any) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, _left(timeout, httpcore.ConnectTimeout), **kwargs)
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def deadline_transport(**kwargs: Any) -> httpx.HTTPTransport:
    """An httpx transport whose sockets obey the thread's ``deadline_scope``.

    httpx does not let a caller choose the network backend, so the pool's backend is wrapped after
    construction; tests/reliability/test_hostile_fetch.py pins that this still works (dripping servers are cut
    off at the deadline).
    """
    transport = httpx.HTTPTransport(**kwargs)
    pool = transport._pool  # noqa: SLF001 - see the docstring
    pool._network_backend = _DeadlineBackend(pool._network_backend)  # noqa: SLF001
    return transport
