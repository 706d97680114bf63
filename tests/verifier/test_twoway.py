"""Extraction shared with a forked child (verifier/twoway.py): same results, in order, whichever way it ran.

The fork is only taken in a process with no other thread, which a pytest worker is not, so the cases run in
a fresh interpreter of their own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from verifier.twoway import split_by_cost

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


CASE = """
    import json, os, sys, threading
    from verifier.twoway import run_on_two_cores
    parent = os.getpid()
    mode = sys.argv[1] if len(sys.argv) > 1 else "{mode}"
    if mode == "thread":
        stop = threading.Event(); threading.Thread(target=stop.wait, daemon=True).start()

    def work(n):
        if os.getpid() != parent and mode == "child-raises":
            raise RuntimeError("a bug in the child")
        if os.getpid() != parent and mode == "child-dies":
            os._exit(3)
        return [n * n, os.getpid() == parent]

    started = []
    out = run_on_two_cores(list(range(12)), work, cost=lambda n: n + 1, after_fork=lambda: started.append(1))
    print(json.dumps({{"squares": [r[0] for r in out], "here": [r[1] for r in out], "after_fork": len(started)}}))
"""


@pytest.mark.parametrize("mode", ["plain", "child-raises", "child-dies", "thread"])
def test_results_are_the_same_in_order_whoever_did_them(mode: str) -> None:
    result = json.loads(run_python(CASE.format(mode=mode)))
    assert result["squares"] == [n * n for n in range(12)] and result["after_fork"] == 1
    if mode == "plain":  # the child did part of it: the jobs it took came back from another process
        assert 0 < result["here"].count(False) < 12
    else:  # a failed child's share, and every job beside a live thread, was done here
        assert all(result["here"])


def test_one_process_when_asked() -> None:
    result = json.loads(run_python(CASE.format(mode="plain"), env={"KZDOCS_ONE_PROCESS": "1"}))
    assert all(result["here"])


def test_the_split_gives_the_heavy_job_a_side_of_its_own() -> None:
    side = split_by_cost([28_000, 4_000, 3_000, 2_500, 2_500, 2_000, 2_000, 2_000])
    heavy = side[0]
    assert side.count(heavy) == 1 and sorted(set(side)) == [0, 1]


VERIFY = """
    import json, sys
    import verifier.twoway as twoway
    taken = []
    original = twoway.can_fork
    twoway.can_fork = lambda: taken.append(original()) or taken[-1]
    from kzdocs import cli
    try:
        cli.main(sys.argv[1:], prog_name="kzdocs")
    finally:
        print("FORKED" if any(taken) else "ONE-PROCESS", file=sys.stderr)
"""


def test_verify_through_a_mirror_finds_the_same_with_and_without_the_fork(tmp_path: Path) -> None:
    """The real archive, served by a static server on 127.0.0.1: the findings of a run that forked equal those
    of a run that did not, line for line."""
    from scrapers.archive import Archive
    from scrapers.export import mirror_specs

    index = Archive(ROOT / "data" / "archive").export(tmp_path / "mirror")
    server = subprocess.Popen([sys.executable, "-m", "bench.bench_verify", "--serve", str(tmp_path / "mirror")],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        findings = {}
        for way, env in (("fork", {}), ("one", {"KZDOCS_ONE_PROCESS": "1"})):
            data = tmp_path / way / "data"
            for part in ("profiles", "versions", "archive"):
                shutil.copytree(ROOT / "data" / part, data / part)
            shutil.copy(ROOT / "data" / "sources.yaml", data / "sources.yaml")
            db = tmp_path / way / "registry.db"
            subprocess.run([sys.executable, "-m", "kzdocs", "build", "--db", str(db), "--data", str(data)],
                           check=True, capture_output=True, cwd=ROOT)
            args = ["verify", "--db", str(db), "--data", str(data), "--json"]
            for spec in mirror_specs(index, base):
                args += ["--mirror", spec]
            done = subprocess.run([sys.executable, "-c", textwrap.dedent(VERIFY), *args], capture_output=True,
                                  text=True, cwd=ROOT, env={**os.environ, **env}, timeout=300)
            assert done.returncode in (0, 1), done.stderr
            assert ("FORKED" if way == "fork" else "ONE-PROCESS") in done.stderr
            report = json.loads(done.stdout)
            findings[way] = sorted(
                json.dumps({k: f.get(k) for k in ("kind", "profile", "field", "observed_value", "quote", "source")},
                           sort_keys=True, ensure_ascii=False)
                for f in report["findings"]
            )
        assert len(findings["fork"]) >= 100 and findings["fork"] == findings["one"]
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
