"""Verification speed (issue 3): a full `kzdocs verify` against a local server vs a bare fetch-and-parse loop.

The archive is exported and served by a static HTTP server on 127.0.0.1 that counts the bodies it sends.
- Baseline, same run: a bare loop of plain httpx GET + parse into text blocks over the same URLs, with the
  project's parsers (BeautifulSoup for pages, pdfplumber text and tables for PDFs): what any reading of these
  sources must do. For information, also a loop of GET + BeautifulSoup get_text (no limit).
- Measured: the whole verification (fetch with the fetcher's rules and robots.txt, archive, extract, compare,
  record), the first live run on a fresh copy of the data whose copies carry no validators yet, so every
  body is transferred (limit 1.5x the baseline).
- A second run against the unchanged server must transfer no bodies (all 304), counted at the server.
"""

from __future__ import annotations

import functools
import gc
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import pdfplumber  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

from bench.common import report  # noqa: E402
from registry.build import build_registry  # noqa: E402
from scrapers.archive import Archive  # noqa: E402
from scrapers.export import mirror_specs  # noqa: E402
from scrapers.extract import read_blocks  # noqa: E402
from scrapers.hosts import MirrorMap  # noqa: E402
from verifier.run import load_sources, verify  # noqa: E402

REPEAT = 9


class CountingHandler(SimpleHTTPRequestHandler):
    """A static file server that counts bodies and 304s; GET /__counts answers them as 'bodies not_modified'."""

    bodies = 0
    not_modified = 0

    def log_message(self, *args: object) -> None:
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/__counts":
            payload = f"{type(self).bodies} {type(self).not_modified}".encode()
            self.send_response(299)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        super().do_GET()

    def send_response(self, code: int, message: str | None = None) -> None:
        if code == 200:
            type(self).bodies += 1
        elif code == 304:
            type(self).not_modified += 1
        super().send_response(code, message)


def serve(directory: str) -> None:
    """Run in a separate process so that the server does not share the measured process's GIL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=directory))
    print(server.server_address[1], flush=True)
    server.serve_forever()


def counts(base: str) -> tuple[int, int]:
    bodies, not_modified = httpx.get(f"{base}/__counts").text.split()
    return int(bodies), int(not_modified)


def fresh_data(work: Path) -> Path:
    """A copy of data/ with a built registry that has been verified once from the archive (as `make run` does),
    so the measured run pays for verification, not for creating the run tables once per registry."""
    data = work / "data"
    shutil.rmtree(work, ignore_errors=True)
    for part in ("profiles", "versions", "archive"):
        shutil.copytree(ROOT / "data" / part, data / part)
    shutil.copy(ROOT / "data" / "sources.yaml", data / "sources.yaml")
    build_registry(work / "registry.db", data)
    verify(work / "registry.db", data, data / "sources.yaml", data / "archive", offline=True)
    return data


def bare_loop(urls: list[tuple[str, str, str | None]]) -> None:
    """The floor: GET each URL with plain httpx and parse it into text blocks with the project's parsers
    (BeautifulSoup for pages, pdfplumber text and tables for PDFs): no robots.txt, archive, rules or registry."""
    with httpx.Client() as client:
        for url, kind, block in urls:
            read_blocks(client.get(url).content, kind, block=block)


def bs4_loop(urls: list[tuple[str, str, str | None]]) -> None:
    """For information: GET + BeautifulSoup get_text (pages) / pdfplumber text and tables (PDFs)."""
    with httpx.Client() as client:
        for url, kind, _ in urls:
            body = client.get(url).content
            if kind == "pdf":
                with pdfplumber.open(io.BytesIO(body)) as pdf:
                    [(page.extract_text(), page.extract_tables()) for page in pdf.pages]
            else:
                BeautifulSoup(body, "lxml").get_text()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        index = Archive(ROOT / "data" / "archive").export(tmp_path / "mirror")
        server = subprocess.Popen([sys.executable, "-m", "bench.bench_verify", "--serve", str(tmp_path / "mirror")],
                                  stdout=subprocess.PIPE, text=True, cwd=ROOT)
        base = f"http://127.0.0.1:{server.stdout.readline().strip()}"
        specs = tuple(mirror_specs(index, base))
        mirror_map = MirrorMap.parse(specs)
        sources = load_sources(ROOT / "data" / "sources.yaml")
        urls = [(mirror_map.to_actual(s.url), s.kind, s.block) for s in sources]
        try:
            bare_loop(urls)  # warm-up: imports, first connections
            bs4_loop(urls)
            baseline_samples, bs4_samples, measured_samples = [], [], []
            for i in range(REPEAT):
                # Each timed part starts with no garbage owed by the work before it (timeit goes further and
                # turns the collector off): otherwise the setup's leftovers (building a registry, an offline
                # verify) are collected, in full, inside whichever timed part happens to come next.
                gc.collect()
                started = time.perf_counter()
                bare_loop(urls)
                baseline_samples.append(time.perf_counter() - started)
                gc.collect()
                started = time.perf_counter()
                bs4_loop(urls)
                bs4_samples.append(time.perf_counter() - started)
                data = fresh_data(tmp_path / f"run{i}")
                gc.collect()
                started = time.perf_counter()
                run, _ = verify(tmp_path / f"run{i}" / "registry.db", data, data / "sources.yaml", data / "archive",
                                mirrors=specs)
                measured_samples.append(time.perf_counter() - started)
                assert run.summary["source_error"] == 0, run.summary
            measured = statistics.median(measured_samples)
            # Each verification runs right after its own baseline; the median of these paired ratios is
            # steadier than a ratio of medians on a machine whose speed drifts.
            paired = statistics.median(m / b for m, b in zip(measured_samples, baseline_samples, strict=True))
            ok = paired <= 1.5
            baseline = statistics.median(baseline_samples)
            print(f"{'PASS' if ok else 'FAIL'}  verify {len(sources)} sources from a local server (first run): "
                  f"{measured * 1000:.1f} ms vs fetch-and-parse loop {baseline * 1000:.1f} ms, "
                  f"median paired ratio {paired:.2f}x  (ratio <= 1.5)")
            report("  for information: the same vs a fetch + BeautifulSoup get_text loop", measured,
                   statistics.median(bs4_samples))
            before = counts(base)
            verify(tmp_path / "run0" / "registry.db", tmp_path / "run0" / "data",
                   tmp_path / "run0" / "data" / "sources.yaml", tmp_path / "run0" / "data" / "archive", mirrors=specs)
            after = counts(base)
            bodies, answered_304 = after[0] - before[0], after[1] - before[1]
            second_ok = bodies == 0 and answered_304 >= len(sources)
            print(f"{'PASS' if second_ok else 'FAIL'}  second run against unchanged sources: {bodies} bodies sent, "
                  f"{answered_304} answered 304 (counted at the server)")
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0 if ok and second_ok else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2])
    else:
        sys.exit(main())
