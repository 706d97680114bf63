"""Writers side by side and a server reading while they write: nothing reverted, nothing stale, prompt stop."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from registry.writelock import write_lock
from tests.reliability import LONG
from tests.reliability.conftest import AcceptScenario
from tests.reliability.writers import PROJECT_ROOT, assert_old_or_new, copy_workspace, db_state, kzdocs

ROUNDS = 10 if LONG else 1


def accept_args(s: AcceptScenario, db: Path, data: Path, finding: str) -> list[str]:
    return [
        "accept",
        s.run_id,
        "--finding",
        finding,
        "--reason",
        f"page changed ({finding})",
        "--db",
        str(db),
        "--data",
        str(data),
    ]


def test_two_concurrent_accepts_never_revert_each_other(accept_scenario, tmp_path) -> None:
    for n in range(ROUNDS):
        db, data = copy_workspace(accept_scenario.template, tmp_path / f"ws{n}")
        with ThreadPoolExecutor(2) as pool:
            outcomes = list(
                pool.map(
                    lambda f, db=db, data=data: kzdocs(*accept_args(accept_scenario, db, data, f)),
                    [accept_scenario.fee_finding, accept_scenario.time_finding],
                )
            )
        assert [o.returncode for o in outcomes] == [0, 0], [o.stderr for o in outcomes]
        assert db_state(db, "kz-passport", "fee") == (3, 9)
        assert db_state(db, "kz-passport", "processing_time") == (3, 20)
        assert assert_old_or_new(db, data, "kz-passport", "fee", (3, 9), (3, 9)) == "new"


def test_concurrent_builds_record_each_version_and_event_once(build_template, tmp_path) -> None:
    for n in range(ROUNDS):
        db, data = copy_workspace(build_template, tmp_path / f"ws{n}")
        with ThreadPoolExecutor(3) as pool:
            outcomes = list(
                pool.map(lambda _, db=db, data=data: kzdocs("build", "--db", str(db), "--data", str(data)), range(3))
            )
        assert [o.returncode for o in outcomes] == [0, 0, 0], [o.stderr for o in outcomes]
        assert assert_old_or_new(db, data, "kz-passport", "fee", (2, 10), (2, 10)) == "new"
        lines = (data / "verifications.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(set(lines)) == 3  # the visa profile's three re-verified fields, once each


def test_a_writer_that_cannot_get_the_lock_refuses_clearly(accept_scenario, tmp_path) -> None:
    db, data = copy_workspace(accept_scenario.template, tmp_path / "ws")
    with write_lock(data):
        outcome = kzdocs(*accept_args(accept_scenario, db, data, accept_scenario.fee_finding), lock_wait=0.5)
    assert outcome.returncode == 3
    assert "another kzdocs command is writing" in outcome.stderr and "Traceback" not in outcome.stderr
    assert db_state(db, "kz-passport", "fee") == (1, 8)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kzdocs", "serve", "--db", str(db), "--port", str(port)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{base}/-/versions.json", timeout=2)
            return proc, base
        except httpx.TransportError:
            assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.1)


FEE = (
    "/registry.json?_shape=array"
    "&sql=select+version,value_json+from+current_field+where+slug='kz-passport'+and+key='fee'"
)


def test_serve_answers_correctly_during_and_after_writes(accept_scenario, tmp_path) -> None:
    db, data = copy_workspace(accept_scenario.template, tmp_path / "ws")
    proc, base = _serve(db)
    seen: list[tuple[int, object]] = []
    errors: list[str] = []
    stop = threading.Event()

    def poll() -> None:
        with httpx.Client(base_url=base, timeout=10) as client:
            while not stop.is_set():
                response = client.get(FEE)
                if response.status_code != 200:
                    errors.append(f"{response.status_code}: {response.text[:200]}")
                    continue
                row = response.json()[0]
                seen.append((row["version"], row["value_json"]))

    try:
        readers = [threading.Thread(target=poll) for _ in range(2)]
        for r in readers:
            r.start()
        outcome = kzdocs(*accept_args(accept_scenario, db, data, accept_scenario.fee_finding))
        rebuilt = kzdocs("build", "--db", str(db), "--data", str(data))
        time.sleep(0.3)
        stop.set()
        for r in readers:
            r.join(15)
        after = httpx.get(base + FEE, timeout=10).json()[0]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=15)
    assert outcome.returncode == 0 and rebuilt.returncode == 0, outcome.stderr + rebuilt.stderr
    assert errors == []
    assert set(seen) <= {(1, "8"), (2, "9")} and (1, "8") in seen
    assert (after["version"], after["value_json"]) == (2, "9")


def test_serve_stops_promptly_on_sigterm_with_requests_pending(accept_scenario, tmp_path) -> None:
    db, _ = copy_workspace(accept_scenario.template, tmp_path / "ws")
    proc, base = _serve(db)
    slow = "/registry.json?sql=with+recursive+c(x)+as+(select+1+union+all+select+x%2B1+from+c)+select+count(*)+from+c"

    def hammer() -> None:
        try:
            httpx.get(base + slow, timeout=30)
        except httpx.HTTPError:
            pass

    threads = [threading.Thread(target=hammer, daemon=True) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert time.monotonic() - started < 5.0
