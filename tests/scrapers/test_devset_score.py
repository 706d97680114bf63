"""scripts/devset_score.py on a small development set of our own words: keys under "_distinct" score as the set
of distinct facts a page states (list values one per item, text case-insensitive); other keys as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "devset_score.py"

PAGE = (
    "You may apply at a public service centre or through the eGov portal.\n"
    "Sign the request with a digital signature.\n"
    "Sign the request with a digital signature once more.\n"
    "The fee is 2 MCI.\n"
    "The fee is 2 MCI.\n"
)


def _score(folder: Path, labels: dict) -> str:
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    (folder / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), str(folder)], capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_distinct_keys_count_each_fact_once_and_each_list_item_apart(tmp_path: Path) -> None:
    labels = {
        "page.txt": [
            ["application.channels", "Public Service Centre", None],  # case does not matter
            ["application.channels", "egov portal", None],
            ["application.digital_signature", True, None],
            ["fee", 2, "MCI"],
            ["fee", 2, "MCI"],
        ],
        "_keys": ["application.channels", "application.digital_signature", "fee"],
        "_distinct": ["application.channels", "application.digital_signature"],
    }
    # The signature stated twice is one fact; the channel list is two; the fee, not distinct, is two statements.
    assert _score(tmp_path, labels) == "all: 1 pages; recall 5/5 = 1.00; precision 5/5 = 1.00"


def test_without_distinct_every_statement_is_scored_as_before(tmp_path: Path) -> None:
    labels = {
        "page.txt": [["application.digital_signature", True, None], ["fee", 2, "MCI"], ["fee", 2, "MCI"]],
        "_keys": ["application.digital_signature", "fee"],
    }
    # Two signature statements against one label: one counts as extra.
    assert _score(tmp_path, labels) == "all: 1 pages; recall 3/3 = 1.00; precision 3/4 = 0.75"
