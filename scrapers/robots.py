"""robots.txt, obeyed: one parsed file per official origin, fetched through the same client and mirror.

Status handling follows the common crawler convention: 200 -> parse; 401/403 -> everything disallowed;
any other 4xx (no robots.txt) -> everything allowed. A robots.txt that cannot be fetched at all (timeouts,
5xx after retries) makes the page itself unreachable: we do not guess what the site allows. That failure is
remembered for the rest of the run, so a slow or broken robots.txt costs one request per host, not one per page.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class RobotsAnswer:
    """What fetching robots.txt gave: HTTP status and body text (status None is never passed in)."""

    status: int
    text: str


class RobotsCache:
    """Parsed robots.txt per origin (scheme://host[:port]) of the official URL space."""

    def __init__(self, user_agent_token: str) -> None:
        self.user_agent_token = user_agent_token
        self._parsers: dict[str, RobotFileParser] = {}
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}
        self._failures: dict[str, Exception] = {}

    @staticmethod
    def robots_url(url: str) -> str:
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))

    def allowed(self, url: str, load: Callable[[str], RobotsAnswer]) -> bool:
        """Whether our user agent may fetch url; ``load`` fetches a robots.txt URL (official space)."""
        robots_url = self.robots_url(url)
        with self._lock:
            parser = self._parsers.get(robots_url)
            origin_lock = self._origin_locks.setdefault(robots_url, threading.Lock())
        if parser is None:
            with origin_lock:  # threads fetching one site wait for a single robots.txt request
                with self._lock:
                    parser = self._parsers.get(robots_url)
                    failure = self._failures.get(robots_url)
                if failure is not None:
                    raise failure
                if parser is None:
                    try:
                        answer = load(robots_url)
                    except Exception as error:
                        with self._lock:
                            self._failures[robots_url] = error
                        raise
                    parser = self._parse(robots_url, answer)
                    with self._lock:
                        self._parsers[robots_url] = parser
        return parser.can_fetch(self.user_agent_token, url)

    @staticmethod
    def _parse(robots_url: str, answer: RobotsAnswer) -> RobotFileParser:
        parser = RobotFileParser(robots_url)
        if answer.status in (401, 403):
            parser.disallow_all = True
        elif 400 <= answer.status < 500:
            parser.allow_all = True
        else:
            parser.parse(answer.text.splitlines())
        parser.modified()
        return parser
