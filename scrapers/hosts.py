"""Which hosts we fetch from, and how a mirror stands in for an official site.

The allowlist keeps the fetcher on official sites: a redirect that leaves it is refused, so a hijacked or
re-pointed page can never feed the registry. A mirror map replaces an origin by a base URL (which may
carry a path prefix) so that tests and offline runs can use a local server; mirrored targets are allowed
even on loopback because the user named them explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from scrapers.errors import InvalidMirror

# Official hosts of the Kazakh government (egov.kz portal, gov.kz with its ministries and regions, the
# adilet.zan.kz legal database, the foreign ministry's legacy sites) and the quasi-official NIS site.
DEFAULT_ALLOWED_HOSTS: tuple[str, ...] = (
    "egov.kz",
    "*.egov.kz",
    "gov.kz",
    "*.gov.kz",
    "adilet.zan.kz",
    "zan.kz",
    "mfa.kz",
    "www.mfa.kz",
    "nis.edu.kz",
    "www.nis.edu.kz",
    "open-almaty.kz",  # the Almaty akimat's city portal (quasi-official), a source of the ID-card profile
)


@dataclass(frozen=True)
class Allowlist:
    """Host patterns: an exact name, or ``*.suffix`` for any subdomain of suffix."""

    patterns: tuple[str, ...] = DEFAULT_ALLOWED_HOSTS

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        host = parts.hostname.lower().rstrip(".")
        for pattern in self.patterns:
            pattern = pattern.lower()
            if pattern.startswith("*."):
                if host.endswith(pattern[1:]):
                    return True
            elif host == pattern:
                return True
        return False

    def extended(self, hosts: Iterable[str]) -> "Allowlist":
        return Allowlist(self.patterns + tuple(hosts))


@dataclass(frozen=True)
class Mirror:
    """FROM origin (scheme optional: both http and https then match) -> TO base URL with optional prefix."""

    scheme: str | None
    host: str
    port: int | None
    target: str

    def matches(self, url: str) -> bool:
        parts = urlsplit(url)
        if self.scheme and parts.scheme != self.scheme:
            return False
        host = (parts.hostname or "").lower().rstrip(".")  # "egov.kz." names the same host as "egov.kz"
        return host == self.host and _port(parts) == (self.port or _default_port(parts))

    def apply(self, url: str) -> str:
        parts = urlsplit(url)
        return self.target + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def owns(self, actual: str) -> bool:
        """True when an actual URL lies under this mirror's target base (path prefix included)."""
        base = urlsplit(self.target)
        parts = urlsplit(actual)
        if (parts.scheme, parts.netloc.lower()) != (base.scheme, base.netloc.lower()):
            return False
        prefix = base.path.rstrip("/")
        return parts.path == prefix or parts.path.startswith(prefix + "/") or (not prefix)

    def reverse(self, actual: str) -> str:
        base = urlsplit(self.target)
        parts = urlsplit(actual)
        path = parts.path[len(base.path.rstrip("/")):] or "/"
        scheme = self.scheme or "https"
        netloc = self.host if self.port is None else f"{self.host}:{self.port}"
        return urlunsplit((scheme, netloc, path, parts.query, ""))


def _default_port(parts) -> int:  # noqa: ANN001 - urllib's SplitResult
    return 443 if parts.scheme == "https" else 80


def _port(parts) -> int:  # noqa: ANN001
    try:
        return parts.port or _default_port(parts)
    except ValueError:
        return -1


class MirrorMap:
    """An ordered set of mirrors; ``to_actual`` maps an official URL onto the mirror that serves it."""

    def __init__(self, mirrors: Iterable[Mirror] = ()) -> None:
        self.mirrors = list(mirrors)

    @classmethod
    def parse(cls, specs: Iterable[str]) -> "MirrorMap":
        return cls(parse_mirror(spec) for spec in specs)

    def __bool__(self) -> bool:
        return bool(self.mirrors)

    def find(self, url: str) -> Mirror | None:
        return next((m for m in self.mirrors if m.matches(url)), None)

    def to_actual(self, url: str) -> str:
        mirror = self.find(url)
        return mirror.apply(url) if mirror else url

    def to_original(self, actual: str) -> str | None:
        """The official URL an actual (mirror) URL stands for, or None if no mirror owns it."""
        owners = [m for m in self.mirrors if m.owns(actual)]
        if not owners:
            return None
        best = max(owners, key=lambda m: len(urlsplit(m.target).path))
        return best.reverse(actual)

    def resolve_redirect(self, original: str, actual: str, location: str) -> str:
        """Where a redirect points, expressed in the official URL space.

        An absolute Location is taken as is (and mapped back if it points into a mirror). A relative one
        is first resolved against the mirror URL (a static mirror redirects within its own prefix); if that
        leaves every mirror, it is read as relative to the official URL, as the real site would mean it.
        """
        if urlsplit(location).scheme:
            return self.to_original(location) or location
        on_mirror = urljoin(actual, location)
        if actual != original:
            mapped = self.to_original(on_mirror)
            if mapped is not None:
                return mapped
            return urljoin(original, location)
        return on_mirror


def parse_mirror(spec: str) -> Mirror:
    if "=" not in spec:
        raise InvalidMirror(spec, "missing '='")
    source, target = (s.strip() for s in spec.split("=", 1))
    if "://" in source:
        parts = urlsplit(source)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise InvalidMirror(spec, f"FROM scheme must be http or https, not {scheme!r}")
    else:
        parts = urlsplit("//" + source)
        scheme = None
    if not parts.hostname or parts.path not in ("", "/") or parts.query:
        raise InvalidMirror(spec, "FROM must be an origin such as https://egov.kz (no path)")
    target_parts = urlsplit(target)
    if target_parts.scheme not in ("http", "https") or not target_parts.netloc:
        raise InvalidMirror(spec, "TO must be an http(s) base URL such as http://127.0.0.1:8765/egov.kz")
    if target_parts.query or target_parts.fragment:
        raise InvalidMirror(spec, "TO must not carry a query or fragment")
    try:
        port = parts.port
    except ValueError as error:
        raise InvalidMirror(spec, f"bad port in FROM: {error}") from None
    return Mirror(scheme=scheme, host=parts.hostname.lower().rstrip("."), port=port, target=target.rstrip("/"))
