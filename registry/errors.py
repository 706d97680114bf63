"""Typed errors. Every failure a user can cause or fix has its own class and an actionable message.

All kzdocs packages derive their errors from :class:`KzdocsError`; the CLI edge turns one into a single
line on stderr and the error's exit code, never a traceback.
"""

from __future__ import annotations


class KzdocsError(Exception):
    """Base of every error that is reported to a user as one clean line."""

    exit_code: int = 2


class ProfileInvalid(KzdocsError):
    """A profile file is malformed or breaks the data model; the message names file, line and field."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        self.path, self.line, self.field, self.problem = path, line, field, problem
        where = path if line is None else f"{path}:{line}"
        what = f" field '{field}':" if field else ""
        super().__init__(f"{where}:{what} {problem}")


class UnknownProfile(KzdocsError):
    def __init__(self, slug: str, known: list[str] | None = None) -> None:
        hint = ""
        if known:
            close = [k for k in known if slug.split("-")[1:2] and slug.split("-")[1] in k][:5]
            hint = f"; did you mean: {', '.join(close)}" if close else "; run 'kzdocs profiles' for the list"
        super().__init__(f"no profile with slug '{slug}'{hint}")


class UnknownVersion(KzdocsError):
    def __init__(self, slug: str, version: int, latest: int) -> None:
        super().__init__(f"profile '{slug}' has no version {version} (versions 1..{latest} exist)")


class RegistryMissing(KzdocsError):
    def __init__(self, path: str) -> None:
        super().__init__(f"no registry at {path}; run 'kzdocs build' first (or pass --db / set KZDOCS_DB)")


class RegistryUnreadable(KzdocsError):
    """The registry file exists but SQLite cannot use it (not a database, damaged, locked, disk full)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}; the file was left as it was (pass another --db to build afresh)")


class RegistryReadOnly(KzdocsError):
    """Raised when something tries to change or delete a recorded version (the database refuses it)."""
