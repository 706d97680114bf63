"""Content-Encoding decoded by us, with the size limit applied to decoded bytes as they are produced.

httpx inflates a whole network chunk before anyone can count it, so a 2 KB response with ``gzip, gzip``
grows to gigabytes. Here zlib is asked for at most the bytes still allowed, and stacked or unknown encodings
are refused: no official site needs them, and each extra layer multiplies what a small body can become.
"""

from __future__ import annotations

import zlib

SUPPORTED = ("gzip", "x-gzip", "deflate")
ACCEPT_ENCODING = "gzip, deflate"


class EncodingRefused(ValueError):
    """The response uses an encoding we do not decode (stacked, unknown) or its compressed data is corrupt."""


class LimitExceeded(ValueError):
    """The decoded body grew past the limit."""

    def __init__(self, produced: int) -> None:
        self.produced = produced
        super().__init__(f"decoded body passed the limit after {produced} bytes")


def codings(header: str | None) -> list[str]:
    """The content codings of a Content-Encoding header, identity dropped, in the order applied."""
    return [c.strip().lower() for c in (header or "").split(",") if c.strip() and c.strip().lower() != "identity"]


class CappedDecoder:
    """Feed raw body chunks, get decoded bytes; never holds more than ``limit`` decoded bytes in total."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        found = codings(content_encoding)
        if len(found) > 1:
            raise EncodingRefused(f"stacked content encodings ({', '.join(found)}) are refused")
        if found and found[0] not in SUPPORTED:
            raise EncodingRefused(f"unsupported content encoding {found[0]!r}")
        self.coding = found[0] if found else None
        self.limit = limit
        self.produced = 0
        self._zlib: zlib._Decompress | None = None
        self._first = True

    def _new(self, data: bytes) -> zlib._Decompress:
        if self.coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: tell them apart by the header.
        wrapped = len(data) >= 2 and (data[0] & 0x0F) == 8 and ((data[0] << 8) | data[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> bytes:
        if self.coding is None:
            self._count(len(data))
            return data
        out: list[bytes] = []
        while data:
            if self._zlib is None:
                self._zlib = self._new(data)
            room = self.limit - self.produced + 1  # one byte more than allowed proves the overflow
            try:
                piece = self._zlib.decompress(data, room)
            except zlib.error as error:
                raise EncodingRefused(f"corrupt {self.coding} data ({error})") from None
            self._count(len(piece))
            out.append(piece)
            if self._zlib.unconsumed_tail:
                data = self._zlib.unconsumed_tail
            elif self._zlib.eof:
                data = self._zlib.unused_data  # a further gzip member, or trailing bytes
                self._zlib = None
                if self.coding == "deflate" or not data.startswith(b"\x1f\x8b"):
                    break  # trailing bytes after the compressed stream are ignored, as browsers do
            else:
                data = b""
        return b"".join(out)

    def _count(self, size: int) -> None:
        self.produced += size
        if self.produced > self.limit:
            raise LimitExceeded(self.produced)

    def finish(self) -> bytes:
        if self._zlib is None:
            return b""
        try:
            rest = self._zlib.flush(self.limit - self.produced + 1)
        except zlib.error as error:
            raise EncodingRefused(f"corrupt {self.coding} data ({error})") from None
        self._count(len(rest))
        return rest
