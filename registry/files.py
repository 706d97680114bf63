"""Writing files so that nobody ever sees half of one: a temporary file in the same folder, then a rename.

Shared by every package that writes user-visible files (ledger, archive, photo outputs). The result gets
the usual permissions (0666 less the umask), not the private 0600 of a temporary file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Replace (or create) path with data; on any error the old file, or no file, is left."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
