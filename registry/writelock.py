"""One writer at a time for data/, and a write-ahead intent that makes every write survive a kill.

Every command that writes the ledger (build, accept, reject, the confirmations of verify) holds an exclusive
``flock`` on ``data/.kzdocs-write.lock`` for the whole read-decide-write step, so two editors accepting at
once queue instead of each writing a version built on what the other has just replaced. The kernel drops
the lock when its holder dies, so a killed command never leaves a stale lock behind.

A write that changes several files (new version files, a profile file, lines of verifications.jsonl) first
records its intent in ``data/.kzdocs-intent.json``: every file's full new text and the byte offset at which
the appended lines start, fsynced before the first file is touched. It is deleted when the write has
finished (or been rolled back after an error). Whoever takes the lock next and finds an intent completes
it, which is idempotent: rewriting the same texts and truncating back to the offset before appending again.
A kill at any point thus leaves the old state (no intent yet) or, after the next writer's recovery, the new
one; ``kzdocs build`` then brings the database in line with the ledger.
"""

from __future__ import annotations

import fcntl
import functools
import inspect
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from registry.errors import KzdocsError
from registry.files import write_atomic

LOCK_NAME = ".kzdocs-write.lock"
INTENT_NAME = ".kzdocs-intent.json"
DEFAULT_WAIT = float(os.environ.get("KZDOCS_LOCK_WAIT", "60"))

P = ParamSpec("P")
R = TypeVar("R")


class RegistryBusy(KzdocsError):
    """Another kzdocs command held the write lock for longer than we were willing to wait."""

    exit_code = 3


class IntentUnreadable(KzdocsError):
    """A pending write intent exists but cannot be read or completed; it needs a person to look at it."""


class FileIntent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str  # relative to the data folder
    text: str


class AppendIntent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str
    offset: int
    text: str


class WriteIntent(BaseModel):
    """Everything one write will put into data/, complete enough to redo it after a kill."""

    model_config = ConfigDict(extra="forbid")
    files: list[FileIntent] = []
    appends: list[AppendIntent] = []


class _Held(threading.local):
    def __init__(self) -> None:
        self.depth: dict[str, int] = {}


_held = _Held()
_process_locks: dict[str, threading.Lock] = {}
_process_locks_guard = threading.Lock()


def _key(data_dir: Path) -> str:
    return str(Path(data_dir).resolve())


@contextmanager
def write_lock(
    data_dir: Path, wait: float | None = None, on_recover: Callable[[], object] | None = None
) -> Iterator[None]:
    """Hold the data folder's write lock (re-entrant in one thread); recover a pending intent first.

    ``on_recover`` runs after a pending intent was completed, still under the lock: a command that reads the
    database before writing brings it in line with the ledger there, so it never builds on a stale version.
    """
    key = _key(data_dir)
    if _held.depth.get(key):
        _held.depth[key] += 1
        try:
            yield
        finally:
            _held.depth[key] -= 1
        return
    limit = DEFAULT_WAIT if wait is None else wait
    with _process_locks_guard:
        thread_lock = _process_locks.setdefault(key, threading.Lock())
    if not thread_lock.acquire(timeout=max(limit, 0.001)):
        raise RegistryBusy(f"{data_dir}: another write in this process did not finish within {limit:g} s")
    try:
        try:
            Path(data_dir).mkdir(parents=True, exist_ok=True)
            fd: int | None = os.open(Path(data_dir) / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            # A data folder we may not write (a read-only checkout): no other writer can change it either, and
            # a write that needs it fails with its own clear error.
            fd = None
        try:
            if fd is not None:
                _flock(fd, Path(data_dir), limit)
            _held.depth[key] = 1
            try:
                if recover(Path(data_dir)) and on_recover is not None:
                    on_recover()
                yield
            finally:
                _held.depth.pop(key, None)
                if fd is not None:
                    fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            if fd is not None:
                os.close(fd)
    finally:
        thread_lock.release()


def _flock(fd: int, data_dir: Path, limit: float) -> None:
    give_up = time.monotonic() + limit
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= give_up:
                raise RegistryBusy(
                    f"{data_dir / LOCK_NAME}: another kzdocs command is writing {data_dir} and did not finish "
                    f"within {limit:g} s; run this again when it has finished"
                ) from None
            time.sleep(0.05)


def holding_write_lock(func: Callable[P, R]) -> Callable[P, R]:
    """Run func under the write lock of its ``data_dir`` argument (for commands that write data/)."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        arguments = bound.arguments
        data_dir = Path(arguments["data_dir"])
        db_path = arguments.get("db_path")

        def reconcile() -> None:
            if db_path is not None:
                from registry.build import reconcile_database

                reconcile_database(Path(db_path), data_dir)

        with write_lock(data_dir, on_recover=reconcile):
            return func(*args, **kwargs)

    return wrapper


def crash_point(name: str) -> None:
    """Die here, by SIGKILL, when KZDOCS_CRASH_AT names this point: how the kill tests reach each step."""
    if os.environ.get("KZDOCS_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


# the intent ----------------------------------------------------------------------------------------------


def _relative(data_dir: Path, path: Path) -> str:
    return str(Path(path).resolve().relative_to(Path(data_dir).resolve()))


def begin(data_dir: Path, files: dict[Path, str], appends: dict[Path, tuple[int, str]]) -> WriteIntent:
    """Record (durably) what is about to be written; call with the write lock held, before any file changes."""
    intent = WriteIntent(
        files=[FileIntent(path=_relative(data_dir, p), text=t) for p, t in files.items()],
        appends=[AppendIntent(path=_relative(data_dir, p), offset=o, text=t) for p, (o, t) in appends.items()],
    )
    write_atomic(Path(data_dir) / INTENT_NAME, intent.model_dump_json().encode("utf-8"), durable=True)
    return intent


def finish(data_dir: Path) -> None:
    """The write has completed or been rolled back: forget the intent."""
    (Path(data_dir) / INTENT_NAME).unlink(missing_ok=True)


def redo(data_dir: Path, intent: WriteIntent) -> None:
    """Make every file of the intent hold its new content; safe to repeat."""
    root = Path(data_dir)
    for item in intent.files:
        path = _inside(root, item.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, item.text.encode("utf-8"), durable=True)
    for item in intent.appends:
        path = _inside(root, item.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a+b") as handle:
            handle.truncate(min(item.offset, handle.seek(0, os.SEEK_END)))
            handle.seek(0, os.SEEK_END)
            handle.write(item.text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())


def _inside(root: Path, relative: str) -> Path:
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise IntentUnreadable(f"{root / INTENT_NAME}: names {relative}, outside {root}; remove it by hand")
    return path


def recover(data_dir: Path) -> bool:
    """Complete a write that was killed midway; True if there was one. Needs the write lock."""
    path = Path(data_dir) / INTENT_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return False
    try:
        intent = WriteIntent.model_validate(json.loads(raw))
    except (ValueError, ValidationError):
        # begin() writes the intent atomically, so a damaged one was not ours to finish: nothing was written
        # after it. Keep it for inspection under another name and carry on with the files as they are.
        os.replace(path, path.with_name(INTENT_NAME + ".damaged"))
        return False
    redo(Path(data_dir), intent)
    finish(Path(data_dir))
    return True


def pending(data_dir: Path) -> Any:
    """The pending intent, if any (for tests and diagnostics)."""
    path = Path(data_dir) / INTENT_NAME
    return WriteIntent.model_validate_json(path.read_bytes()) if path.exists() else None
