"""SIGKILL at random moments of `kzdocs photo make`: the input is untouched and every output is whole or absent.

An applicant may close the terminal or lose power while the photo is being made. A half-written JPEG that
looks like a finished file would be printed and taken to the counter; so outputs are written beside their
target and renamed into place, and this test checks it by killing the real CLI at random moments of its run.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.docs_examples import write_portrait
from tests.reliability import LONG
from tests.reliability.writers import kzdocs

RANDOM_KILLS = 50 if LONG else 4
OUTPUTS = ("photo.jpg", "sheet.jpg", "preview.png")


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from registry.build import build_registry
    from tests.conftest import PROJECT_ROOT

    root = tmp_path_factory.mktemp("make-kills")
    for part in ("profiles", "versions"):
        shutil.copytree(PROJECT_ROOT / "data" / part, root / "data" / part)
    build_registry(root / "registry.db", root / "data")
    write_portrait(root / "portrait.jpg")
    return root


def make_args(root: Path, out: Path) -> list[str]:
    return ["photo", "make", str(root / "portrait.jpg"), "--profile", "kz-id-card-photo",
            "-o", str(out / "photo.jpg"), "--sheet", str(out / "sheet.jpg"), "--preview", str(out / "preview.png"),
            "--db", str(root / "registry.db")]


def whole(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            image.load()
        return True
    except OSError:
        return False


def test_make_killed_at_random_moments_leaves_whole_outputs_or_none(registry: Path, tmp_path: Path) -> None:
    before = hashlib.sha256((registry / "portrait.jpg").read_bytes()).hexdigest()
    (tmp_path / "probe").mkdir()
    probe = kzdocs(*make_args(registry, tmp_path / "probe"))
    assert probe.returncode in (0, 1), probe.stderr
    assert all((tmp_path / "probe" / name).is_file() for name in OUTPUTS)
    rng = random.Random(20261201)
    for n in range(RANDOM_KILLS):
        out = tmp_path / f"kill{n}"
        out.mkdir()
        kzdocs(*make_args(registry, out), kill_after=rng.uniform(0.2, probe.seconds))
        written = [name for name in OUTPUTS if (out / name).exists()]
        assert all(whole(out / name) for name in written), f"kill {n}: a damaged output among {written}"
        # the applicant runs it again: it completes (or refuses an output that is already whole)
        again = kzdocs(*make_args(registry, out), "--overwrite")
        assert again.returncode in (0, 1) and "Traceback" not in again.stderr, again.stderr
        assert all(whole(out / name) for name in OUTPUTS)
    assert hashlib.sha256((registry / "portrait.jpg").read_bytes()).hexdigest() == before


@pytest.mark.parametrize("number", [1, 2, 3])
def test_make_killed_before_each_output_leaves_the_earlier_ones_whole(registry: Path, tmp_path: Path,
                                                                      number: int) -> None:
    """The digital photo, the sheet and the preview are written in turn: a kill before the n-th leaves the
    earlier ones whole and the later ones absent, and the rerun completes."""
    out = tmp_path / "out"
    out.mkdir()
    outcome = kzdocs(*make_args(registry, out), crash_at=f"make-before-output-{number}")
    assert outcome.killed, outcome.stderr
    written = [name for name in OUTPUTS if (out / name).exists()]
    assert len(written) == number - 1 and all(whole(out / name) for name in written), written
    again = kzdocs(*make_args(registry, out), "--overwrite")
    assert again.returncode in (0, 1), again.stderr
    assert all(whole(out / name) for name in OUTPUTS)
