"""SIGKILL at chosen and at random points of build and accept: the registry always holds the old or the new state.

Chosen points are reached through KZDOCS_CRASH_AT (registry.writelock.crash_point); random kills hit the
subprocess after a random delay within the writer's measured running time. The long run (``make
reliability``) kills each writer 50 times at random.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.reliability import LONG
from tests.reliability.conftest import AcceptScenario
from tests.reliability.writers import assert_old_or_new, copy_workspace, kzdocs, ledger_versions

ACCEPT_POINTS = [
    "intent-recorded",
    "version-file-written",
    "profile-file-written",
    "before-commit",
    "after-commit",
    "changes-recorded",
]
BUILD_POINTS = ["intent-recorded", "version-file-written", "verifications-appended", "before-commit", "after-commit"]
RANDOM_KILLS = 50 if LONG else 3


def accept_args(s: AcceptScenario, db: Path, data: Path, finding: str) -> list[str]:
    return ["accept", s.run_id, "--finding", finding, "--reason", "duty raised", "--db", str(db), "--data", str(data)]


def check_accept_after_kill(s: AcceptScenario, db: Path, data: Path) -> str:
    state = assert_old_or_new(db, data, "kz-passport", "fee", (1, 8), (2, 9))
    again = kzdocs(*accept_args(s, db, data, s.fee_finding))  # the editor runs it again: completes or no-op
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    repeat = kzdocs(*accept_args(s, db, data, s.fee_finding))  # and once more: a no-op
    assert repeat.returncode == 0 and "Nothing to do" in repeat.stdout, repeat.stdout + repeat.stderr
    assert assert_old_or_new(db, data, "kz-passport", "fee", (1, 8), (2, 9)) == "new"
    assert ledger_versions(data, "kz-passport") == [1, 2]
    return state


@pytest.mark.parametrize("point", ACCEPT_POINTS)
def test_accept_killed_at_a_chosen_point_leaves_old_or_new(accept_scenario, tmp_path, point) -> None:
    db, data = copy_workspace(accept_scenario.template, tmp_path / "ws")
    outcome = kzdocs(*accept_args(accept_scenario, db, data, accept_scenario.fee_finding), crash_at=point)
    assert outcome.killed, outcome.stderr
    check_accept_after_kill(accept_scenario, db, data)


@pytest.mark.parametrize("point", BUILD_POINTS)
def test_build_killed_at_a_chosen_point_leaves_old_or_new(build_template, tmp_path, point) -> None:
    db, data = copy_workspace(build_template, tmp_path / "ws")
    outcome = kzdocs("build", "--db", str(db), "--data", str(data), crash_at=point)
    assert outcome.killed, outcome.stderr
    assert_old_or_new(db, data, "kz-passport", "fee", (1, 8), (2, 10))
    events = (data / "verifications.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(events) == len(set(events)) == 3  # the visa profile's three re-verified fields, once each


def test_a_fresh_build_killed_at_random_points_always_rebuilds(tmp_path) -> None:
    from tests.reliability.writers import FIXTURES

    rng = random.Random(20261201)
    for n in range(RANDOM_KILLS):
        ws = tmp_path / f"fresh{n}"
        data = ws / "data"
        import shutil

        shutil.copytree(FIXTURES / "registry" / "profiles", data / "profiles")
        kzdocs("build", "--db", str(ws / "registry.db"), "--data", str(data), kill_after=rng.uniform(0.2, 1.5))
        assert_old_or_new(ws / "registry.db", data, "kz-passport", "fee", (1, 8), (1, 8))


def test_accept_killed_at_random_points_leaves_old_or_new(accept_scenario, tmp_path) -> None:
    rng = random.Random(1201)
    full = kzdocs(
        *accept_args(
            accept_scenario, *copy_workspace(accept_scenario.template, tmp_path / "probe"), accept_scenario.fee_finding
        )
    )
    assert full.returncode == 0, full.stderr
    states = []
    for n in range(RANDOM_KILLS):
        db, data = copy_workspace(accept_scenario.template, tmp_path / f"ws{n}")
        kzdocs(
            *accept_args(accept_scenario, db, data, accept_scenario.fee_finding),
            kill_after=rng.uniform(0.3, full.seconds),
        )
        states.append(check_accept_after_kill(accept_scenario, db, data))
    assert states  # every case checked above; the mix of old/new depends on where the kills fell


def test_build_killed_at_random_points_leaves_old_or_new(build_template, tmp_path) -> None:
    rng = random.Random(2012)
    full = kzdocs(
        "build", "--db", str(tmp_path / "x.db"), "--data", str(copy_workspace(build_template, tmp_path / "p")[1])
    )
    assert full.returncode == 0, full.stderr
    for n in range(RANDOM_KILLS):
        db, data = copy_workspace(build_template, tmp_path / f"ws{n}")
        kzdocs("build", "--db", str(db), "--data", str(data), kill_after=rng.uniform(0.3, full.seconds))
        assert_old_or_new(db, data, "kz-passport", "fee", (1, 8), (2, 10))
