"""The write lock and the write-ahead intent, in-process: one writer, idempotent completion."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from registry import writelock
from registry.writelock import INTENT_NAME, RegistryBusy, write_lock


def test_a_half_done_write_is_completed_once_and_identically(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "profiles").mkdir(parents=True)
    (data / "profiles" / "p.yaml").write_text("old\n")
    (data / "verifications.jsonl").write_text('{"a": 1}\n')
    with write_lock(data):
        writelock.begin(
            data,
            {data / "versions" / "p" / "0002.yaml": "version two\n", data / "profiles" / "p.yaml": "new\n"},
            {data / "verifications.jsonl": (9, '{"b": 2}\n')},
        )
        (data / "verifications.jsonl").write_text('{"a": 1}\n{"b"')  # killed halfway through the append
    with write_lock(data):  # the next writer completes it
        assert not (data / INTENT_NAME).exists()
    assert (data / "versions" / "p" / "0002.yaml").read_text() == "version two\n"
    assert (data / "profiles" / "p.yaml").read_text() == "new\n"
    assert (data / "verifications.jsonl").read_text() == '{"a": 1}\n{"b": 2}\n'
    assert writelock.recover(data) is False


def test_a_damaged_intent_is_set_aside_not_applied(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / INTENT_NAME).write_text('{"files": [{"path": "../../etc/x", "te')
    assert writelock.recover(data) is False
    assert (data / (INTENT_NAME + ".damaged")).exists() and not (data / INTENT_NAME).exists()


def test_an_intent_naming_a_path_outside_the_data_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / INTENT_NAME).write_text('{"files": [{"path": "../outside.txt", "text": "x"}], "appends": []}')
    with pytest.raises(writelock.IntentUnreadable, match="outside"):
        writelock.recover(data)
    assert not (tmp_path / "outside.txt").exists()


def test_the_lock_is_reentrant_in_a_thread_and_exclusive_across_threads(tmp_path: Path) -> None:
    data = tmp_path / "data"
    outcome: list[str] = []

    def other() -> None:
        try:
            with write_lock(data, wait=0.2):
                outcome.append("got it")
        except RegistryBusy as error:
            outcome.append(str(error))

    with write_lock(data), write_lock(data):
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert len(outcome) == 1 and "did not finish within 0.2 s" in outcome[0]
    other()
    assert outcome[-1] == "got it"


def test_a_writer_called_with_its_default_data_folder_takes_that_folders_lock(tmp_path: Path) -> None:
    seen: list[bool] = []

    @writelock.holding_write_lock
    def write(db_path: Path, data_dir: Path = tmp_path / "default-data") -> None:
        seen.append((data_dir / writelock.LOCK_NAME).exists())

    write(tmp_path / "registry.db")
    assert seen == [True]
