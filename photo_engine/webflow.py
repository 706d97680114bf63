"""The photo page's work behind the form: read an upload safely, make the photo in a worker, keep the files briefly.

Why worker processes: the face models are one shared graph per process (face.py) and must not run two
images at once; a process also keeps a hostile image that crashes a native decoder away from the server.
Two workers (the machine has two cores) bound the work; a few more uploads may wait, the rest are told the
server is busy. Registry pages never wait for a photo.

Nothing uploaded is kept: the worker writes the upload into a private temporary folder, makes the photo
there, reads the outputs into memory and removes the folder before it answers. The outputs live in this
process's memory under a ``secrets.token_urlsafe`` token for RESULT_SECONDS, then are forgotten.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import multiprocessing
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_UPLOAD_BYTES = 25 * 1024 * 1024  # a phone's largest JPEG/HEIC is ~15 MB; checked before reading the rest
RESULT_SECONDS = 15 * 60
MAX_RESULTS = 200  # results kept at once (each ~1-3 MB); the oldest go first
WORKERS = 2
MAX_WAITING = 6  # uploads waiting for a worker beyond the two running; more get a "busy" answer
JOB_SECONDS = 90.0
SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/heic": ".heic",
            "image/heif": ".heif", "image/tiff": ".tif", "image/bmp": ".bmp"}


class UploadError(Exception):
    """A problem with the upload a person can fix; ``kind`` is a message id (the page's ERRORS or the engine's)."""

    def __init__(self, kind: str, status: int = 400, **params: Any) -> None:
        super().__init__(kind)
        self.kind, self.status, self.params = kind, status, params


@dataclass
class Upload:
    fields: dict[str, str] = field(default_factory=dict)
    data: bytes = b""
    filename: str = ""
    content_type: str = ""


async def read_upload(content_type: str, content_length: str | None, receive: Any) -> Upload:
    """Parse a multipart form from ``receive``, refusing a body over MAX_UPLOAD_BYTES as soon as it shows."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    limit = MAX_UPLOAD_BYTES + 64 * 1024  # room for the other fields
    if content_length and content_length.isdigit() and int(content_length) > limit:
        raise UploadError("too_large", 413, limit=MAX_UPLOAD_BYTES // (1024 * 1024))
    kind, options = parse_options_header(content_type)
    if kind != b"multipart/form-data" or b"boundary" not in options:
        raise UploadError("no_file")
    upload = Upload()
    current: dict[str, Any] = {}
    parts: list[bytes] = []

    def on_part_begin() -> None:
        current.clear()
        parts.clear()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        current["name"] = current.get("name", b"") + data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        current["value"] = current.get("value", b"") + data[start:end]

    def on_header_end() -> None:
        name = current.pop("name", b"").decode("latin-1").lower()
        current.setdefault("headers", {})[name] = current.pop("value", b"").decode("utf-8", "replace")

    def on_part_data(data: bytes, start: int, end: int) -> None:
        parts.append(data[start:end])
        current["size"] = current.get("size", 0) + end - start
        if current["size"] > MAX_UPLOAD_BYTES:
            raise UploadError("too_large", 413, limit=MAX_UPLOAD_BYTES // (1024 * 1024))

    def on_part_end() -> None:
        headers = current.get("headers", {})
        _, disposition = parse_options_header(headers.get("content-disposition", ""))
        name = disposition.get(b"name", b"").decode("utf-8", "replace")
        body = b"".join(parts)
        if b"filename" in disposition:
            if name == "portrait" and body:
                upload.data = body
                upload.filename = disposition[b"filename"].decode("utf-8", "replace")
                upload.content_type = headers.get("content-type", "")
        elif len(body) < 1000:
            upload.fields[name] = body.decode("utf-8", "replace")

    parser = MultipartParser(options[b"boundary"], {
        "on_part_begin": on_part_begin, "on_header_field": on_header_field, "on_header_value": on_header_value,
        "on_header_end": on_header_end, "on_part_data": on_part_data, "on_part_end": on_part_end})
    received = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise UploadError("no_file")
        chunk = message.get("body", b"")
        received += len(chunk)
        if received > limit:
            raise UploadError("too_large", 413, limit=MAX_UPLOAD_BYTES // (1024 * 1024))
        parser.write(chunk)
        if not message.get("more_body", False):
            break
    parser.finalize()
    return upload


@dataclass
class Result:
    """A made photo kept for download: the files and the report, until ``expires``."""

    files: dict[str, bytes]
    report: dict[str, Any]
    expires: float


class ResultStore:
    """Results by unguessable token, in memory, each for RESULT_SECONDS; nobody without the token sees one."""

    def __init__(self, seconds: float = RESULT_SECONDS, capacity: int = MAX_RESULTS) -> None:
        self.seconds, self.capacity = seconds, capacity
        self._items: dict[str, Result] = {}
        self._lock = threading.Lock()

    def put(self, files: dict[str, bytes], report: dict[str, Any]) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._purge()
            while len(self._items) >= self.capacity:
                self._items.pop(next(iter(self._items)))
            self._items[token] = Result(files, report, time.monotonic() + self.seconds)
        return token

    def get(self, token: str) -> Result | None:
        with self._lock:
            self._purge()
            return self._items.get(token)

    def _purge(self) -> None:
        now = time.monotonic()
        for token in [t for t, r in self._items.items() if r.expires <= now]:
            del self._items[token]


STORE = ResultStore()
_pool: concurrent.futures.ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_waiting = 0


def _init_worker() -> None:
    from photo_engine.reading.face import models

    models()


def pool() -> concurrent.futures.ProcessPoolExecutor:
    """The shared worker pool, started on first use (spawned: see batch.py for why not forked)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            atexit.register(stop_pool)  # ended before the interpreter tears concurrent.futures down
            _pool = concurrent.futures.ProcessPoolExecutor(
                WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker)
        return _pool


def stop_pool() -> None:
    """End the workers now (the server is exiting): a photo in progress is abandoned, nothing else is lost."""
    global _pool
    with _pool_lock:
        running, _pool = _pool, None
    if running is not None:
        for process in list(getattr(running, "_processes", {}).values()):
            process.kill()
        running.shutdown(wait=False, cancel_futures=True)


def _reset_pool() -> None:
    global _pool
    with _pool_lock:
        broken, _pool = _pool, None
    if broken is not None:
        broken.shutdown(wait=False, cancel_futures=True)


async def make_in_pool(data: bytes, suffix: str, spec_json: str, paper: str, lang: str = "en") -> dict[str, Any]:
    """Run make_upload in a worker; a crashed worker is replaced and the upload reported as unusable."""
    from photo_engine.messages import msgid

    global _waiting
    if _waiting >= WORKERS + MAX_WAITING:
        raise UploadError("busy", 503)
    _waiting += 1
    try:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(pool(), make_upload, data, suffix, spec_json, paper, lang)
        return await asyncio.wait_for(future, JOB_SECONDS)
    except concurrent.futures.process.BrokenProcessPool:
        _reset_pool()
        raise UploadError(msgid("error.decoder_failed"), 422) from None
    except asyncio.TimeoutError:
        raise UploadError("busy", 503) from None
    finally:
        _waiting -= 1


def preview_name(lang: str) -> str:
    return f"preview-{lang}.png"


def sheet_name(lang: str) -> str:
    return f"sheet-{lang}.jpg"


def make_upload(data: bytes, suffix: str, spec_json: str, paper: str, lang: str = "en") -> dict[str, Any]:
    """In a worker: the upload in a private temporary folder, make_photo there, outputs read back, folder gone.

    The print sheet's and the preview's words are in ``lang``; the report keeps the preview's plan, so the
    result page can draw the preview in another language when the person switches (draw_kept_preview).
    Returns {"report": ..., "files": {...}}, or {"error": message id, "params": {...}} for a problem of the
    image (its words without the server's path).
    """
    from photo_engine import errors
    from photo_engine.outputs.render import encode_jpeg
    from photo_engine.pipeline import MakeRequest, make_photo
    from photo_engine.spec import PhotoSpec

    spec = PhotoSpec.model_validate_json(spec_json)
    with tempfile.TemporaryDirectory(prefix="kzdocs-photo-") as folder:
        base = Path(folder)
        image = base / f"upload{suffix}"
        image.write_bytes(data)
        request = MakeRequest(image=image, output=base / "photo.jpg", sheet=base / sheet_name(lang), paper=paper,
                              lang=lang, preview=base / preview_name(lang))
        try:
            report = make_photo(request, spec)
        except errors.PhotoError as error:
            return {"error": error.message_id, "params": error.params}
        files = {name: (base / name).read_bytes() for name in (sheet_name(lang), preview_name(lang))}
        files["photo.jpg"] = (base / "photo.jpg").read_bytes()
    files["print-tile.jpg"] = encode_jpeg(report.print_tile, 300).data  # unstamped, for sheets in other languages
    kept = dict(report.model_dump(mode="json"), preview_plan=report.preview_plan, sheet_plan=report.sheet_plan)
    return {"report": kept, "files": files}


def draw_kept_sheet(result: Result, lang: str) -> bytes:
    """The print sheet of a kept result in ``lang`` (its stamp and caption), drawn once from the unstamped tile."""
    name = sheet_name(lang)
    if name not in result.files:
        import io

        import numpy as np
        from PIL import Image

        from photo_engine.outputs.render import draw_sheet, encode_sheet

        with Image.open(io.BytesIO(result.files["print-tile.jpg"])) as image:
            tile = np.asarray(image.convert("RGB"))
        sheet, _ = draw_sheet(tile, result.report["sheet_plan"], lang)
        result.files[name] = encode_sheet(sheet, Path(name))
    return result.files[name]


def draw_kept_preview(result: Result, lang: str) -> bytes:
    """The preview of a kept result in ``lang``, drawn from its digital photo, plan and checks, then kept too.

    Only the language a person looks at is drawn (about 0.1 s each), so the upload itself pays for one.
    """
    name = preview_name(lang)
    if name not in result.files:
        import io

        import numpy as np
        from PIL import Image

        from photo_engine.outputs.render import draw_preview

        with Image.open(io.BytesIO(result.files["photo.jpg"])) as image:
            photo = np.asarray(image.convert("RGB"))
        result.files[name] = draw_preview(photo, result.report["preview_plan"], result.report["checks"], lang)
    return result.files[name]


def suffix_for(filename: str, content_type: str) -> str:
    """A suffix for the temporary file (only a hint to the decoder; the content decides)."""
    ext = Path(filename).suffix.lower()
    if ext in {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff", ".bmp"}:
        return ext
    return SUFFIXES.get(content_type.lower(), ".img")
