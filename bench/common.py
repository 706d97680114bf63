"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Sequence


def median_seconds(action: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def command_seconds(argv: Sequence[str], repeat: int = 7) -> float:
    return median_seconds(lambda: subprocess.run(argv, check=True, capture_output=True), repeat=repeat)


def report(
    name: str, measured: float, baseline: float, limit_ratio: float | None = None, limit_seconds: float | None = None
) -> bool:
    """Print one line and return whether it is within its limits."""
    ratio = measured / baseline if baseline else float("inf")
    ok = (limit_ratio is None or ratio <= limit_ratio) and (limit_seconds is None or measured <= limit_seconds)
    limits = []
    if limit_ratio is not None:
        limits.append(f"ratio <= {limit_ratio:g}")
    if limit_seconds is not None:
        limits.append(f"<= {limit_seconds * 1000:.0f} ms")
    print(
        f"{'PASS' if ok else 'FAIL'}  {name}: {measured * 1000:.1f} ms vs baseline {baseline * 1000:.1f} ms "
        f"= {ratio:.2f}x  ({', '.join(limits)})"
    )
    return ok
