"""Several images at once: a pool of worker processes (one per core), each loading the models once.

Workers are spawned rather than forked, so a parent that already holds mediapipe graphs (a test session,
a notebook) never hands half-initialised native threads to a child. Results come back as they finish;
progress goes to stderr so stdout stays clean for --json.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from photo_engine.errors import PhotoError
from photo_engine.pipeline import ImageReport, MakeReport, MakeRequest, check_image, make_photo
from photo_engine.spec import PhotoSpec

T = TypeVar("T")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".heic", ".heif"}


def expand_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders replaced by the images directly inside them, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES))
        else:
            found.append(path)
    return found


def worker_count(jobs: int) -> int:
    return max(1, min(jobs, os.cpu_count() or 1, 2 if jobs > 1 else 1))


def _init_worker() -> None:
    from photo_engine.reading.face import models

    models()


@lru_cache(maxsize=4)
def _spec(spec_json: str) -> PhotoSpec:
    """Specs travel to workers as JSON (pydantic's generic classes do not pickle) and are rebuilt once."""
    return PhotoSpec.model_validate_json(spec_json)


def _check_one(args: tuple[str, str]) -> ImageReport:
    return check_image(args[0], _spec(args[1]))


def _make_one(args: tuple[MakeRequest, str]) -> MakeReport:
    request, spec = args[0], _spec(args[1])
    try:
        return make_photo(request, spec)
    except PhotoError as error:
        return MakeReport(image=str(request.image), profile=spec.slug, profile_version=spec.version, error=str(error),
                          error_phrase=error.phrase)


def run_pool(function: Callable[[T], ImageReport], items: list[T], label: Callable[[T], str],
             progress: bool = True, workers: int | None = None) -> list[ImageReport]:
    """Run ``function`` over ``items`` on up to two processes; results in input order, progress on stderr."""
    count = workers or worker_count(len(items))
    results: list[ImageReport | None] = [None] * len(items)
    if count == 1:
        for index, item in enumerate(items):
            results[index] = function(item)
            _progress(progress, index + 1, len(items), label(item), results[index])
        return [r for r in results if r is not None]
    context = multiprocessing.get_context("spawn")
    with context.Pool(count, initializer=_init_worker) as pool:
        indexed = list(enumerate(items))
        done = 0
        for index, report in pool.imap_unordered(_indexed(function), indexed):
            results[index] = report
            done += 1
            _progress(progress, done, len(items), label(items[index]), report)
    return [r for r in results if r is not None]


class _indexed:
    """Picklable wrapper that carries the item's index through the pool."""

    def __init__(self, function: Callable) -> None:
        self.function = function

    def __call__(self, pair: tuple[int, T]) -> tuple[int, ImageReport]:
        index, item = pair
        return index, self.function(item)


def _progress(enabled: bool, done: int, total: int, name: str, report: ImageReport | None) -> None:
    if not enabled or report is None:
        return
    if report.error:
        verdict = "error"
    else:
        verdict = "compliant" if report.compliant else ("fixable" if report.fixable else "not compliant")
    print(f"[{done}/{total}] {name}: {verdict}", file=sys.stderr, flush=True)


def check_many(paths: list[Path], spec: PhotoSpec, progress: bool = True) -> list[ImageReport]:
    payload = spec.model_dump_json()
    return run_pool(_check_one, [(str(p), payload) for p in paths], lambda item: Path(item[0]).name, progress)


def make_many(requests: list[MakeRequest], spec: PhotoSpec, progress: bool = True) -> list[ImageReport]:
    payload = spec.model_dump_json()
    return run_pool(_make_one, [(r, payload) for r in requests], lambda item: item[0].image.name, progress)
