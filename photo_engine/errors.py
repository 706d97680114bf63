"""Errors of the photo engine. Each names the file and the problem so a person knows what to do next.

Each error carries its problem as a message id with parameters (``phrase``): the CLI shows it in English
(``str(error)``) or in ``--lang``, the photo page in the page's language, without the server's file path.
"""

from __future__ import annotations

from typing import Any

from photo_engine.messages import Phrase, say
from registry.errors import KzdocsError


class PhotoError(KzdocsError):
    """Base of photo errors; exit code 2 like every input or usage error."""

    exit_code = 2

    def __init__(self, subject: str, phrase: Phrase) -> None:
        self.subject, self.phrase = subject, phrase
        super().__init__(self.localized("en"))

    def localized(self, lang: str, with_subject: bool = True) -> str:
        """The message in ``lang``, after the file (or profile) it is about unless ``with_subject`` is False."""
        text = self.phrase.text(lang)
        return f"{self.subject}: {text}" if with_subject and self.subject else text

    @property
    def message_id(self) -> str:
        return self.phrase.id

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.phrase.params)


class NotAnImage(PhotoError):
    def __init__(self, path: str, detail: str = "", empty: bool = False) -> None:
        self.detail = detail  # the decoder's own words, for a developer; not shown to an applicant
        super().__init__(path, say("error.empty_file") if empty else say("error.not_an_image"))


class ImageUnreadable(PhotoError):
    def __init__(self, path: str, problem: Phrase) -> None:
        super().__init__(path, problem)


class TruncatedImage(PhotoError):
    def __init__(self, path: str) -> None:
        super().__init__(path, say("error.truncated"))


class DecompressionBomb(PhotoError):
    def __init__(self, path: str, width: int, height: int, limit: int) -> None:
        self.limit = limit
        super().__init__(path, say("error.decompression_bomb", width=width, height=height,
                                   megapixels=round(width * height / 1e6), limit=round(limit / 1e6)))


class NoFaceFound(PhotoError):
    def __init__(self, path: str) -> None:
        super().__init__(path, say("error.no_face"))


class SeveralFaces(PhotoError):
    def __init__(self, path: str, count: int) -> None:
        super().__init__(path, say("error.several_faces", count=count))


class FaceTooSmall(PhotoError):
    def __init__(self, path: str, head_px: int, need_px: int) -> None:
        super().__init__(path, say("error.face_too_small", head_px=head_px, need_px=need_px, missing=need_px - head_px))


class ProfileNotPhoto(PhotoError):
    def __init__(self, slug: str, kind: str) -> None:
        super().__init__("", say("error.profile_not_photo", slug=slug, kind=kind))


class ProfileIncomplete(PhotoError):
    def __init__(self, slug: str, version: int, problem: str) -> None:
        # ``problem`` names a field of the registry's data for its editors, in the registry's own terms.
        super().__init__("", say("error.profile_incomplete", slug=slug, version=version, problem=problem))


class OutputNotWritable(PhotoError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, say("error.output_not_writable", problem=problem))


class OutputWouldOverwriteInput(PhotoError):
    def __init__(self, path: str) -> None:
        super().__init__(path, say("error.output_is_input"))


class FileSizeUnreachable(PhotoError):
    def __init__(self, path: str, limit_kb: float, smallest_kb: float) -> None:
        super().__init__(path, say("error.size_unreachable", limit=_whole(limit_kb),
                                   smallest=round(smallest_kb)))


class OutputExists(PhotoError):
    def __init__(self, path: str) -> None:
        super().__init__(path, say("error.output_exists"))


class FontMissing(PhotoError):
    def __init__(self, name: str) -> None:
        super().__init__(name, say("error.font_missing"))


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(float(value), 1)
