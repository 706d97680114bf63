"""Large or hostile images stay within the memory bound: `photo check` under 500 MB whatever the input.

A JPEG is decoded at a reduced scale (libjpeg's draft, CMYK included); formats that must be decoded in full
(PNG, WebP, HEIC, TIFF) have a lower pixel limit and are halved right after decoding. Peak memory is the
child's own VmHWM, written at its exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.reliability_inputs import flat_jpeg, png_bomb
from tests.conftest import PROJECT_ROOT
from tests.reliability.writers import PEAK_RUNNER

LIMIT_MB = 500


def peak_mb_of_check(image: Path, db: Path, tmp_path: Path) -> tuple[int, float, str]:
    hwm = tmp_path / f"{image.name}.hwm"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "KZDOCS_PEAK_FILE": str(hwm)}
    done = subprocess.run([sys.executable, "-c", PEAK_RUNNER, "photo", "check", str(image), "--profile",
                           "kz-id-card-photo", "--db", str(db)], env=env, capture_output=True, text=True, timeout=120)
    return done.returncode, int(hwm.read_text()) / 1024, done.stdout + done.stderr


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")
@pytest.mark.parametrize(("name", "make"), [
    ("cmyk.jpg", lambda: flat_jpeg("CMYK", 10900)),      # 119 MP: decoded in full it needed 1.7 GB
    ("flat.png", lambda: png_bomb(10900, 10900)),        # 119 MP in 0.35 MB: refused before decoding
    ("flat49.png", lambda: png_bomb(7000, 7000)),        # 49 MP: decoded, then halved at once
])
def test_photo_check_stays_under_the_memory_bound(seeded_registry: Path, tmp_path: Path, name: str, make) -> None:
    image = tmp_path / name
    image.write_bytes(make())
    code, peak, output = peak_mb_of_check(image, seeded_registry, tmp_path)
    assert code in (0, 1, 2) and "Traceback" not in output, output
    assert peak < LIMIT_MB, f"{name}: peak {peak:.0f} MB"
