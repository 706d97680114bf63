"""Reliability figures for the README: per class of fault, cases, failed cleanly, data lost, worst time, peak memory.

    python -m bench.reliability [fetch] [kills] [server] [paths] [profiles] [images]
    (make reliability runs all of them)

Every case runs the real CLI in a subprocess; time is wall-clock, memory the child's peak RSS (wait4). A case
"fails cleanly" when it ends with a one-line error or the expected result, no traceback, within 60 s and
500 MB. "Data lost" counts cases after which the registry or data/ held neither the old nor the new state.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("KZDOCS_RELIABILITY", "long")  # full-size bombs in the fault table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.docs_examples import copy_project_data  # noqa: E402
from tests.reliability import hostile  # noqa: E402
from tests.reliability.writers import (  # noqa: E402
    PEAK_RUNNER,
    assert_old_or_new,
    copy_workspace,
    prepare_accept,
    prepare_build,
)

LIMIT_SECONDS = 60.0
LIMIT_MB = 500.0
KILLS = int(os.environ.get("KZDOCS_KILLS", "50"))


@dataclass
class Tally:
    name: str
    command: str
    tried: int = 0
    clean: int = 0
    lost: int = 0
    worst_s: float = 0.0
    peak_mb: float = 0.0
    notes: list[str] = field(default_factory=list)

    def add(self, clean: bool, seconds: float, mb: float, lost: bool = False, note: str = "") -> None:
        self.tried += 1
        ok = clean and seconds <= LIMIT_SECONDS and mb <= LIMIT_MB
        self.clean += ok
        self.lost += lost
        self.worst_s = max(self.worst_s, seconds)
        self.peak_mb = max(self.peak_mb, mb)
        if not ok or lost:
            self.notes.append(note or "?")

    def row(self) -> str:
        return (f"| {self.name} | {self.tried} | {self.clean} | {self.lost} | {self.worst_s:.1f} s | "
                f"{self.peak_mb:.0f} MB | `{self.command}` |")


def run(args: list[str], *, env: dict[str, str] | None = None, kill_after: float | None = None,
        crash_at: str | None = None, with_stdout: bool = False) -> tuple[int, float, float, str]:
    """(exit status, seconds, peak RSS in MB, stderr) of `kzdocs args` in a fresh interpreter.

    With ``with_stdout`` the text is standard output and error together (a batch report's error lines)."""
    hwm = Path(tempfile.mkstemp(prefix="kzdocs-hwm-")[1])
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "KZDOCS_PEAK_FILE": str(hwm), **(env or {})}
    full_env.pop("KZDOCS_CRASH_AT", None)
    if crash_at:
        full_env["KZDOCS_CRASH_AT"] = crash_at
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", PEAK_RUNNER, *args], cwd=ROOT, env=full_env,
                                stdout=err if with_stdout else subprocess.DEVNULL, stderr=err)
        killed = False
        while True:  # poll with wait4 itself, so the child's own resource usage is what we read
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if kill_after is not None and not killed and time.monotonic() >= started + kill_after:
                proc.send_signal(signal.SIGKILL)
                killed = True
            time.sleep(0.005)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    reported = hwm.read_text().strip()
    hwm.unlink()
    # a killed process reports nothing; then wait4's figure is the (generous) upper bound
    mb = int(reported) / 1024 if reported else usage.ru_maxrss / 1024
    return proc.returncode, seconds, mb, text


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "archive" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


# fetch faults ---------------------------------------------------------------------------------------------


class RoutedServer(hostile.HostileServer):
    """Every robots.txt gets one behaviour, every other path another."""

    def __init__(self, robots: hostile.Behaviour, page: hostile.Behaviour) -> None:
        super().__init__(routes={p: robots for p in ("/gov/robots.txt", "/egov/robots.txt")}, default=page)


def fetch_faults(work: Path) -> Tally:
    from tests.reliability.test_hostile_fetch import FAULTS

    tally = Tally("fetch: hostile server, `verify --mirror` with default limits (3 sources each)",
                  "python -m bench.reliability fetch")
    template = prepare_accept(work / "fetch-template")
    not_found = hostile.reply(404, b"no robots here")
    page = hostile.reply(200, b"<html><body><p>The state duty is 8 MCI.</p></body></html>",
                         Content_Type="text/html")
    for name, (path, make, _) in FAULTS.items():
        behaviour = make() if make.__name__ == "<lambda>" else make
        robots_fault = path.endswith("robots.txt")
        db, data = copy_workspace(template.template, work / f"fetch-{len(os.listdir(work))}")
        shutil.rmtree(data / "archive")  # no stored copy, so no validator: as for the reconstructed sources
        before = tree_digest(data)
        with RoutedServer(behaviour if robots_fault else not_found, page if robots_fault else behaviour) as server:
            args = ["verify", "--db", str(db), "--data", str(data), "--json",
                    "--mirror", f"https://www.gov.kz={server.base}/gov", "--mirror", f"https://egov.kz={server.base}/egov"]
            code, seconds, mb, err = run(args)
        clean = code in (1, 2) and "Traceback" not in err
        build_code, _, _, build_err = run(["build", "--db", str(db), "--data", str(data)])
        lost = tree_digest(data) != before or build_code != 0
        tally.add(clean, seconds, mb, lost, f"{name}: exit {code}, {seconds:.1f} s, {mb:.0f} MB {err[-200:]}")
        print(f"  {name}: exit {code}, {seconds:.1f} s, {mb:.0f} MB", flush=True)
    return tally


# kills ------------------------------------------------------------------------------------------------------


ACCEPT_POINTS = ["intent-recorded", "version-file-written", "profile-file-written", "before-commit", "after-commit",
                 "changes-recorded"]
BUILD_POINTS = ["intent-recorded", "version-file-written", "verifications-appended", "before-commit", "after-commit"]


def kills(work: Path) -> list[Tally]:
    rng = random.Random(20261201)
    scenario = prepare_accept(work / "accept-template")
    build_template = prepare_build(work / "build-template")
    accept = Tally(f"kill: `accept` (SIGKILL at {len(ACCEPT_POINTS)} chosen points + {KILLS} random moments)",
                   "python -m bench.reliability kills")
    build = Tally(f"kill: `build` (SIGKILL at {len(BUILD_POINTS)} chosen points + {KILLS} random moments)",
                  "python -m bench.reliability kills")

    def accept_args(db: Path, data: Path) -> list[str]:
        return ["accept", scenario.run_id, "--finding", scenario.fee_finding, "--reason", "duty raised",
                "--db", str(db), "--data", str(data)]

    _, full_accept, _, _ = run(accept_args(*copy_workspace(scenario.template, work / "accept-probe")))
    _, full_build, _, _ = run(["build", "--db", str(work / "b.db"), "--data",
                               str(copy_workspace(build_template, work / "build-probe")[1])])
    cases = [("accept", p, None) for p in ACCEPT_POINTS] + [("accept", None, rng.uniform(0.2, full_accept))
                                                              for _ in range(KILLS)]
    cases += [("build", p, None) for p in BUILD_POINTS] + [("build", None, rng.uniform(0.2, full_build))
                                                           for _ in range(KILLS)]
    for n, (writer, point, delay) in enumerate(cases):
        template = scenario.template if writer == "accept" else build_template
        db, data = copy_workspace(template, work / f"kill{n}")
        args = accept_args(db, data) if writer == "accept" else ["build", "--db", str(db), "--data", str(data)]
        run(args, crash_at=point, kill_after=delay)
        code, seconds, mb, err = run(["build", "--db", str(db), "--data", str(data)])  # the recovery
        new = (2, 9) if writer == "accept" else (2, 10)
        note = f"{writer} killed at {point or f'{delay:.2f} s'}: build exit {code} {err[-200:]}"
        try:
            assert_old_or_new(db, data, "kz-passport", "fee", (1, 8), new)
            lost = False
        except AssertionError as error:
            lost, note = True, f"{note}: {error}"
        tally = accept if writer == "accept" else build
        tally.add(code == 0 and not lost and "Traceback" not in err, seconds, mb, lost, note)
        shutil.rmtree(work / f"kill{n}", ignore_errors=True)
    return [accept, build]


# server -----------------------------------------------------------------------------------------------------


QUERIES = {
    "1 GB printf": "/registry.json?sql=select+printf('%25.*c',1000000000,'x')",
    "1 GB zeroblob": "/registry.json?sql=select+zeroblob(1000000000)",
    "1000 rows x 900 KB": "/registry.json?sql=with+recursive+c(x)+as+(select+1+union+all+select+x%2B1+from+c"
                          "+limit+1000)+select+printf('%25.*c',900000,'x')+from+c",
    "endless recursive count": "/registry.json?sql=with+recursive+c(x)+as+(select+1+union+all+select+x%2B1+from+c)"
                               "+select+count(*)+from+c",
    "cross join of every field": "/registry.json?sql=select+count(*)+from+field+a,field+b,field+c",
    "CSV stream of every version": "/registry/profile_version.csv?_stream=on&_size=max",
    "facets on every column": "/registry/field.json?_facet=key&_facet=value&_facet=slug&_facet=status&_facet=unit"
                              "&_facet=verified_at&_facet=value_json&_size=max",
    "JSON of every field": "/registry/field.json?_size=max&_shape=array",
    "nested big strings": "/registry.json?sql=select+replace(hex(zeroblob(400000)),'0','ab')",
}


def server(work: Path) -> Tally:
    import httpx

    tally = Tally("serve: hostile GETs (size, time, facets, JSON, CSV) + SIGTERM with 8 requests pending",
                  "python -m bench.reliability server")
    data = work / "serve" / "data"
    copy_project_data(data)
    db = work / "serve" / "registry.db"
    run(["build", "--db", str(db), "--data", str(data)])
    with socket_port() as port:
        pass
    proc = subprocess.Popen([sys.executable, "-m", "kzdocs", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/-/versions.json", timeout=2)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    for name, path in QUERIES.items():
        started = time.monotonic()
        try:
            response = httpx.get(base + path, timeout=70)
            status, size = response.status_code, len(response.content)
        except httpx.HTTPError as error:
            status, size = type(error).__name__, 0
        seconds = time.monotonic() - started
        mb = server_peak_mb(proc.pid)
        alive = proc.poll() is None and httpx.get(base + "/registry/profile.json", timeout=10).status_code == 200
        tally.add(alive, seconds, mb, note=f"{name}: {status}")
        print(f"  {name}: {status}, {size} bytes, {seconds:.1f} s, server peak {mb:.0f} MB", flush=True)
    import threading

    slow = QUERIES["endless recursive count"]
    pending = [threading.Thread(target=lambda: _quiet_get(base + slow), daemon=True) for _ in range(8)]
    for t in pending:
        t.start()
    time.sleep(0.5)
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    seconds = time.monotonic() - started
    # uvicorn re-raises SIGTERM once it has shut down, so "killed by SIGTERM" is the normal end
    tally.add(proc.returncode in (0, -signal.SIGTERM), seconds, 0.0, note=f"SIGTERM: {seconds:.1f} s")
    print(f"  SIGTERM with 8 pending: stopped in {seconds:.1f} s", flush=True)
    return tally


def _quiet_get(url: str) -> None:
    import httpx

    try:
        httpx.get(url, timeout=30)
    except httpx.HTTPError:
        pass


class socket_port:  # noqa: N801 - used as a context manager that yields a free port
    def __enter__(self) -> int:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        return self.sock.getsockname()[1]

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


def server_peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# paths ------------------------------------------------------------------------------------------------------


def paths(work: Path) -> Tally:
    from scrapers.archive import Archive
    from tests.reliability.test_paths import HOSTILE_URLS

    tally = Tally("paths: `archive export` of sources with hostile hosts and paths",
                  "python -m bench.reliability paths")
    for n, url in enumerate(HOSTILE_URLS):
        data = work / f"paths{n}" / "data"
        Archive(data / "archive").add_copy(url, b"<p>x</p>", content_type="text/html", source_id="s")
        dest = work / f"paths{n}" / "out" / "mirror"
        code, seconds, mb, err = run(["archive", "export", str(dest), "--data", str(data)])
        outside = [p for p in (work / f"paths{n}").rglob("*")
                   if p.is_file() and "archive" not in p.parts and not p.resolve().is_relative_to(dest.resolve())]
        tally.add(code == 0 and "Traceback" not in err, seconds, mb, lost=bool(outside), note=f"{url}: {outside}")
    return tally


# profile files and images -----------------------------------------------------------------------------------


def one_clean_line(code: int, err: str) -> bool:
    return code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def profiles(work: Path) -> Tally:
    from bench.reliability_inputs import PROFILE_CASES

    tally = Tally("profiles: hostile profile files for `build`", "python -m bench.reliability profiles")
    for n, (name, spoil) in enumerate(PROFILE_CASES.items()):
        data = work / f"profiles{n}" / "data"
        copy_project_data(data)
        before = tree_digest(data / "versions")
        spoil(data)
        db = work / f"profiles{n}" / "registry.db"
        code, seconds, mb, err = run(["build", "--db", str(db), "--data", str(data)])
        lost = db.exists() or tree_digest(data / "versions") != before
        tally.add(one_clean_line(code, err), seconds, mb, lost=lost, note=f"{name}: exit {code} {err.strip()[-200:]}")
    return tally


def images(work: Path) -> Tally:
    from bench.reliability_inputs import image_cases
    from tests.docs_examples import write_portrait

    tally = Tally("images: damaged, disguised and oversized files for `photo check`",
                  "python -m bench.reliability images")
    data = work / "images" / "data"
    copy_project_data(data)
    db = work / "images" / "registry.db"
    run(["build", "--db", str(db), "--data", str(data)])
    portrait = work / "images" / "portrait.jpg"
    write_portrait(portrait)
    for name, (file_name, body) in image_cases(portrait.read_bytes()).items():
        target = work / "images" / "in" / file_name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        code, seconds, mb, out = run(["photo", "check", str(target), "--profile", "kz-id-card-photo", "--db", str(db)],
                                     with_stdout=True)
        lost = target.read_bytes() != body
        errors = [line for line in out.splitlines() if "ERROR" in line or line.startswith("Error:")]
        # a damaged file is one clean error; one that still decodes (JPEG is lenient) gets a verdict instead
        clean = "Traceback" not in out and ((code == 2 and len(errors) == 1) or (code in (0, 1) and not errors))
        print(f"  {name}: exit {code}, {seconds:.1f} s, {mb:.0f} MB", file=sys.stderr)
        tally.add(clean, seconds, mb, lost=lost, note=f"{name}: exit {code} {out.strip()[-300:]}")
    return tally


def main() -> int:
    wanted = set(sys.argv[1:]) or {"fetch", "kills", "server", "paths", "profiles", "images"}
    tallies: list[Tally] = []
    with tempfile.TemporaryDirectory(prefix="kzdocs-reliability-") as tmp:
        work = Path(tmp)
        if "profiles" in wanted:
            tallies.append(profiles(work))
        if "images" in wanted:
            tallies.append(images(work))
        if "paths" in wanted:
            tallies.append(paths(work))
        if "server" in wanted:
            tallies.append(server(work))
        if "fetch" in wanted:
            tallies.append(fetch_faults(work))
        if "kills" in wanted:
            tallies.extend(kills(work))
    print("\n| class | cases | failed cleanly | data lost | worst time | peak memory | command |")
    print("|---|---|---|---|---|---|---|")
    for t in tallies:
        print(t.row())
    bad = [n for t in tallies for n in t.notes if t.clean < t.tried or t.lost]
    for note in bad:
        print("  FAIL:", note)
    ok = all(t.clean == t.tried and t.lost == 0 for t in tallies)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
