"""Reliability tests: hostile servers, kills, concurrency, property tests.

The default test run takes a fast sample; ``make reliability`` sets KZDOCS_RELIABILITY=long for the long runs
(bigger bombs, thousands of property cases, 50 kills per writer).
"""

import os

LONG = os.environ.get("KZDOCS_RELIABILITY") == "long"
