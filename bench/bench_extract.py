"""Extraction speed per HTML page (issue 3, Speed: median under 20 ms).

For every HTML page we have (the archived sources in data/archive/objects and the test pages in
tests/fixtures/pages, plus one full-size page: a test page wrapped in the kind of site chrome a live portal
page carries, ~150 KB), it measures the median time of the whole extraction (parse, strip chrome, blocks,
all rules) and, as the baseline in the same run, the median time of a bare BeautifulSoup(lxml) parse of the
same bytes. It prints the ratio per page and overall, and the absolute median against the 20 ms target.

Run: .venv/bin/python -m bench extract   (or .venv/bin/python bench/bench_extract.py)
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup  # noqa: E402

from bench.common import median_seconds, report  # noqa: E402
from scrapers.extract import extract_bytes  # noqa: E402

TARGET_SECONDS = 0.020


def pages() -> list[tuple[str, bytes]]:
    found = sorted((ROOT / "data" / "archive" / "objects").glob("*.html")) + sorted(
        (ROOT / "tests" / "fixtures" / "pages").glob("*.html")
    )
    out = [(p.name[:24], p.read_bytes()) for p in found]
    out.append(("full-size portal page", full_size_page()))
    return out


def full_size_page() -> bytes:
    """A test page inside ~150 KB of portal chrome: mega-menu, footer link lists, inline scripts."""
    inner = (ROOT / "tests" / "fixtures" / "pages" / "egov_service_passport.html").read_text(encoding="utf-8")
    body = inner.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    menu = "".join(
        f'<li class="menu__item"><a href="/cms/ru/services/s{i}">Услуга номер {i}: получение справки</a></li>'
        for i in range(900)
    )
    links = "".join(f'<a class="footer__link" href="/p{i}">Раздел {i}</a>' for i in range(400))
    script = "<script>" + "var x=1;" * 4000 + "</script>"
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{script}<style>{".a{{color:red}}" * 2000}</style></head>'
        f'<body><nav class="mega-menu"><ul>{menu}</ul></nav>{body}<footer class="site-footer">{links}</footer>'
        f"{script}</body></html>"
    )
    return page.encode("utf-8")


def main() -> int:
    rows = []
    print(f"{'page':26} {'KB':>6} {'extract ms':>11} {'parse ms':>9} {'ratio':>6} {'obs':>4}")
    for name, data in pages():
        extraction = median_seconds(lambda d=data: extract_bytes(d, "html"), repeat=9)
        parse = median_seconds(lambda d=data: BeautifulSoup(d, "lxml"), repeat=9)
        count = len(extract_bytes(data, "html"))
        rows.append((extraction, parse))
        print(f"{name:26} {len(data) / 1024:6.1f} {extraction * 1000:11.2f} {parse * 1000:9.2f} "
              f"{extraction / parse:6.2f} {count:4d}")
    measured = statistics.median(r[0] for r in rows)
    baseline = statistics.median(r[1] for r in rows)
    print(f"\n{len(rows)} pages")
    ok = report("median extraction per HTML page", measured, baseline, limit_seconds=TARGET_SECONDS)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
