"""Content types and kinds: trust a specific Content-Type, sniff the bytes when the server says nothing useful.

Static mirrors serve extensionless paths as application/octet-stream, so a type that carries no meaning is
replaced by what the bytes are (PDF magic, HTML markers, UTF-8 text).
"""

from __future__ import annotations

from pathlib import Path

from scrapers.models import Kind

GENERIC_TYPES = ("", "application/octet-stream", "binary/octet-stream", "application/unknown")
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p>", b"<table", b"<article")


def sniff_content_type(body: bytes | None) -> str:
    head = (body or b"")[:2048].lstrip()
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    lowered = head.lower()
    if any(marker in lowered for marker in HTML_MARKERS):
        return "text/html; charset=utf-8"
    try:
        (body or b"")[:65536].decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < 65530:  # a multibyte character cut at the sample's end is not an error
            return "application/octet-stream"
    return "text/plain; charset=utf-8"


def effective_content_type(header: str | None, body: bytes | None) -> str:
    media = (header or "").split(";")[0].strip().lower()
    if media in GENERIC_TYPES:
        return sniff_content_type(body)
    return header or media


def extension_for(content_type: str | None) -> str:
    """The objects/ file extension for a content type: html, pdf, txt (bin for anything else)."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media == "application/pdf":
        return "pdf"
    if media.startswith("text/"):
        return "txt"
    return "bin"


def kind_for(content_type: str | None) -> Kind:
    ext = extension_for(content_type)
    return "pdf" if ext == "pdf" else "text" if ext == "txt" else "html"


def kind_for_file(path: Path, data: bytes) -> Kind:
    """Guess the kind of a local file from its suffix, falling back to its bytes."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".txt", ".md", ".text"):
        return "text"
    return kind_for(sniff_content_type(data))
