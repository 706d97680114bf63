"""Run a list of CPU-bound jobs on two cores: a forked child takes part of the list, this process the rest.

Why: extracting 31 fetched pages (parsing plus 35 rules) is most of a verify run's own work, and threads
cannot share it out (the parsing holds the interpreter lock). A pool of worker processes cost more than it
saved (starting interpreters, importing the parsers, pickling the pages); one fork at the moment the pages are
in costs a few milliseconds: the child already has every module, rule and page in memory and sends back only
its results. The jobs are split by an estimate of their cost (a 28 KB PDF costs as much as ten pages).

The fork is used only where it is safe and can help: a POSIX system, two or more CPUs, at least two jobs, and
no other thread alive in this process (a child forked beside running threads may inherit a lock one of them
held). Anything else, and any failure of the child, falls back to doing the jobs here, in order, so the
result never depends on which way they ran.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# KZDOCS_ONE_PROCESS=1 keeps every job in this process (to compare both ways, or to debug a job).
ONE_PROCESS_ENV = "KZDOCS_ONE_PROCESS"


def can_fork() -> bool:
    return (
        hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and os.environ.get(ONE_PROCESS_ENV) != "1"
    )


def split_by_cost(costs: Sequence[float]) -> list[int]:
    """Assign each job to side 0 (here) or 1 (the child), largest first onto the lighter side."""
    side = [0] * len(costs)
    load = [0.0, 0.0]
    for index in sorted(range(len(costs)), key=lambda i: -costs[i]):
        chosen = 0 if load[0] <= load[1] else 1
        side[index] = chosen
        load[chosen] += costs[index]
    return side


def run_on_two_cores(
    jobs: Sequence[T], work: Callable[[T], R], cost: Callable[[T], float], after_fork: Callable[[], None] = lambda: None
) -> list[R]:
    """``[work(job) for job in jobs]``, with part of the jobs done by a forked child when that is safe.

    ``after_fork`` runs in this process once the child exists (or at once, without a child): the place to
    start threads of one's own, which must not be running at the fork.
    """
    if len(jobs) < 2 or not can_fork():
        after_fork()
        return [work(job) for job in jobs]
    side = split_by_cost([cost(job) for job in jobs])
    theirs = [i for i, s in enumerate(side) if s == 1]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do its share, send the results, leave without running any exit handler
        os.close(read_end)
        status = 1
        try:
            payload = pickle.dumps([work(jobs[i]) for i in theirs], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    results: dict[int, R] = {}
    with os.fdopen(read_end, "rb") as pipe:
        try:
            after_fork()
            for index, s in enumerate(side):
                if s == 0:
                    results[index] = work(jobs[index])
            payload = pipe.read()
            _, status = os.waitpid(pid, 0)
            pid = 0
            received = _unpickle(payload) if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else None
        finally:
            if pid:  # interrupted here: the child must not outlive its parent's run
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
    if received is None or len(received) != len(theirs):
        received = [work(jobs[i]) for i in theirs]  # the child failed: do its share here (a bug shows here)
    results.update(zip(theirs, received, strict=True))
    return [results[i] for i in range(len(jobs))]


def _unpickle(payload: bytes) -> list | None:
    try:
        value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a child cut short sends a partial payload: redo its share here
        return None
    return value if isinstance(value, list) else None
