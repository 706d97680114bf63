"""Run every benchmark module in bench/ (python -m bench [name ...])."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    if sys.argv[1:2] == ["campaign"]:  # long (minutes): only when asked for by name
        from bench.campaign import main as campaign

        return campaign(sys.argv[2:])
    if sys.argv[1:2] in (["campaign_unseen"], ["campaign-unseen"]):  # long (minutes): only when asked for by name
        from bench.campaign_unseen import main as campaign_unseen

        return campaign_unseen(sys.argv[2:])
    wanted = set(sys.argv[1:])
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name.startswith("bench_"))
    failed = 0
    for name in names:
        if wanted and name not in wanted and name.removeprefix("bench_") not in wanted:
            continue
        print(f"\n=== {name}")
        module = importlib.import_module(f"bench.{name}")
        failed += 0 if module.main() == 0 else 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
