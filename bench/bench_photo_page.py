"""Photo page benchmark: one 12-megapixel upload through /-/photo against the same `photo make` in-process.

Baseline: make_photo on the same JPEG in this process (models loaded; digital file, 10 x 15 sheet and
preview, as the page makes them). Measured: the page's POST through Datasette (multipart parsing, the CSRF
check, the worker pool, the result page), the pool already warm. Target: ratio <= 1.5.

Run: .venv/bin/python bench/bench_photo_page.py
"""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_photo import twelve_megapixel_jpeg  # noqa: E402
from bench.common import median_seconds, report  # noqa: E402

PROFILE = "kz-id-card-photo"
LIMIT_RATIO = 1.5


async def _post(ds, data: bytes) -> str:  # noqa: ANN001
    page = await ds.client.get("/-/photo?lang=en")
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    response = await ds.client.post("/-/photo", data={"csrftoken": token, "lang": "en", "profile": PROFILE,
                                                      "paper": "10x15"},
                                    files={"portrait": ("big.jpg", data, "image/jpeg")}, cookies=dict(page.cookies))
    assert 'id="verdict"' in response.text, response.text[:500]
    return response.text


def main() -> int:
    from photo_engine.pipeline import MakeRequest, make_photo
    from photo_engine.reading.face import models
    from photo_engine.spec import spec_from_profile
    from photo_engine.webflow import stop_pool
    from registry.api import Registry
    from registry.build import build_registry
    from registry.datasette_app import make_datasette

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "data" / "profiles", work / "data" / "profiles")
        db = work / "registry.db"
        build_registry(db, work / "data")
        with Registry.open(db) as registry:
            spec = spec_from_profile(registry.current(PROFILE))
        image = twelve_megapixel_jpeg(work / "big.jpg")
        data = image.read_bytes()
        models()

        def in_process() -> None:
            out = work / "out"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            make_photo(MakeRequest(image=image, output=out / "photo.jpg", sheet=out / "sheet.jpg",
                                   preview=out / "preview.png"), spec)

        ds = make_datasette(db)
        try:
            baseline = median_seconds(in_process, repeat=5)
            page = median_seconds(lambda: asyncio.run(_post(ds, data)), repeat=5)
        finally:
            stop_pool()
    print(f"12-MP JPEG ({len(data) / 1e6:.1f} MB), profile {PROFILE}")
    ok = report("photo page upload vs photo make in-process", page, baseline, limit_ratio=LIMIT_RATIO)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
