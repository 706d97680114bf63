"""Typed scraper errors, one class per failure kind, so the verifier can tell them apart.

A verifier turns any of these into a ``source_error`` finding and never into a changed value; the CLI turns
them into one line and exit code 2. Every message names the URL or file and says what went wrong.
"""

from __future__ import annotations

from enum import Enum

from registry.errors import KzdocsError


class ScraperError(KzdocsError):
    """Base of every failure while fetching, archiving or reading a source."""

    exit_code = 2


class SourceUnreachable(ScraperError):
    """The source could not be fetched: timeouts, refused connections, 5xx after every retry, other 4xx."""

    def __init__(self, url: str, reason: str, *, status: int | None = None, attempts: int = 1) -> None:
        self.url, self.reason, self.status, self.attempts = url, reason, status, attempts
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        super().__init__(f"{url}: unreachable{tries}: {reason}")


class SourceGone(ScraperError):
    """The server says the page does not exist (404/410): the evidence may be gone, not just unreachable."""

    def __init__(self, url: str, status: int) -> None:
        self.url, self.status = url, status
        super().__init__(f"{url}: the server answered HTTP {status} (page not found)")


class BlockReason(str, Enum):
    """Why a fetch was refused, so a bot block is never mistaken for a robots rule or a bad redirect."""

    ROBOTS = "robots"
    OFF_ALLOWLIST = "off-allowlist"
    BOT_BLOCK = "bot-block"


class SourceBlocked(ScraperError):
    """We may not, or were not allowed to, fetch the page: robots.txt, an off-allowlist URL, or a bot block."""

    def __init__(self, url: str, reason: BlockReason, detail: str, *, status: int | None = None) -> None:
        self.url, self.reason, self.detail, self.status = url, reason, detail, status
        super().__init__(f"{url}: blocked ({reason.value}): {detail}")


class BodyTooLarge(ScraperError):
    """The response body exceeded the configured maximum; the download was aborted."""

    def __init__(self, url: str, limit: int, seen: int) -> None:
        self.url, self.limit, self.seen = url, limit, seen
        super().__init__(f"{url}: body larger than the {limit}-byte limit (aborted after {seen} bytes)")


class InvalidMirror(ScraperError):
    """A --mirror FROM=TO argument is malformed."""

    def __init__(self, spec: str, problem: str) -> None:
        super().__init__(f"--mirror {spec!r}: {problem} (expected e.g. https://egov.kz=http://127.0.0.1:8765/egov.kz)")


class ExtractionFailed(ScraperError):
    """A page, PDF or text file could not be read into text blocks (corrupt, truncated, wrong kind)."""

    def __init__(self, name: str, problem: str) -> None:
        self.name, self.problem = name, problem
        super().__init__(f"{name}: {problem}")


class BlockNotFound(ExtractionFailed):
    """The CSS selector of the block that should carry the requirements matched nothing on the page."""

    def __init__(self, name: str, selector: str) -> None:
        self.selector = selector
        super().__init__(name, f"no element matches the block selector {selector!r}")


class ArchiveCorrupt(ScraperError):
    """The archive on disk is damaged: a bad snapshots.jsonl line, a missing object, a hash mismatch."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")
