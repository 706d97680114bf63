"""Errors of the photo engine. Each names the file and the problem so a person knows what to do next."""

from __future__ import annotations

from registry.errors import KzdocsError


class PhotoError(KzdocsError):
    """Base of photo errors; exit code 2 like every input or usage error."""

    exit_code = 2


class NotAnImage(PhotoError):
    def __init__(self, path: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(f"{path}: not an image file we can read (JPEG, PNG, WebP, HEIC, TIFF, BMP){extra}")


class ImageUnreadable(PhotoError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


class TruncatedImage(PhotoError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: the image file is truncated or damaged; export or download it again")


class DecompressionBomb(PhotoError):
    def __init__(self, path: str, width: int, height: int, limit: int) -> None:
        self.limit = limit
        super().__init__(
            f"{path}: {width} x {height} px ({width * height / 1e6:.0f} MP) is over the {limit / 1e6:.0f} MP "
            "limit; this looks like a decompression bomb or an unreasonably large image - resize it first"
        )


class NoFaceFound(PhotoError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no face found; use a portrait with the whole face visible and facing the camera")


class SeveralFaces(PhotoError):
    def __init__(self, path: str, count: int) -> None:
        super().__init__(
            f"{path}: {count} faces found; a document photo shows exactly one person - crop the others out"
        )


class FaceTooSmall(PhotoError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path}: the face is too small to measure ({detail}); use a closer or larger portrait")


class ProfileNotPhoto(PhotoError):
    def __init__(self, slug: str, kind: str) -> None:
        super().__init__(f"profile '{slug}' is a {kind} profile, not a photo profile; pick one ending in -photo")


class ProfileIncomplete(PhotoError):
    def __init__(self, slug: str, version: int, problem: str) -> None:
        super().__init__(f"profile '{slug}' v{version}: {problem}")


class OutputNotWritable(PhotoError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: cannot write output ({problem})")


class OutputWouldOverwriteInput(PhotoError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: the output path is the input image; inputs are never modified - choose another -o")


class FileSizeUnreachable(PhotoError):
    def __init__(self, path: str, limit_kb: float, smallest_kb: float) -> None:
        super().__init__(
            f"{path}: cannot get the JPEG under {limit_kb:g} KB (smallest at acceptable quality: {smallest_kb:.0f} KB)"
        )


class OutputExists(PhotoError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: already exists; choose another output or pass --overwrite to replace it")
