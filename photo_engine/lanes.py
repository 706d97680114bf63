"""Named worker threads: work that can run beside the main thread while one image is read, judged or made.

One thread per lane, made on first use and kept for the process: the models and encoders release the GIL,
so a lane overlaps real work on a second core, and a single thread per lane keeps each lane's jobs in order
(a mediapipe graph must not be entered by two threads at once).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache


@lru_cache(maxsize=None)
def lane(name: str) -> ThreadPoolExecutor:
    """The one worker thread of lane ``name`` (e.g. "hair", "output")."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
