"""Atomic writes: ordinary permissions, and the old file survives a failed write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from registry.files import write_atomic


def test_written_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.txt", b"hello")
    finally:
        os.umask(old)
    assert (tmp_path / "out.txt").read_bytes() == b"hello"
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    with pytest.raises(TypeError):
        write_atomic(target, None)  # type: ignore[arg-type]  # the write itself fails half-way
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
