"""Where quotes begin and end: lines, table cells (``|``) and sentences (clauses after ``;``).

The extraction rules quote the smallest such segment that contains their match, so an editor sees the
sentence or cell a value rests on and nothing more.
"""

from __future__ import annotations

import re

_CELL_SEPARATOR = re.compile(r"\|")
_BOUNDARY = re.compile(r"[.!?…]+(?=\s|$)|;(?=\s|$)")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"«“]?[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ0-9]")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Tokens after which a full stop does not end a sentence (initials, article/paragraph abbreviations).
_ABBREVIATIONS = frozenset(
    {"т", "е", "д", "п", "пп", "ст", "г", "гг", "no", "nos", "art", "st", "e.g", "i.e", "р", "ж", "см.", "cf", "vs"}
)

Span = tuple[int, int]


def segments(text: str) -> list[Span]:
    """Non-empty segments of text as (start, end) offsets, trimmed of surrounding whitespace."""
    found: list[Span] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        cell_start = line_start
        for match in _CELL_SEPARATOR.finditer(line):
            _sentences(text, cell_start, line_start + match.start(), found)
            cell_start = line_start + match.end()
        _sentences(text, cell_start, line_end, found)
        line_start = line_end + 1
    return found


def _sentences(text: str, start: int, end: int, out: list[Span]) -> None:
    cell = text[start:end]
    piece_start = 0
    for match in _BOUNDARY.finditer(cell):
        stop = match.end()
        if cell[match.start()] != ";" and not _ends_sentence(cell, piece_start, match.start(), stop):
            continue
        _add(text, start + piece_start, start + stop, out)
        piece_start = stop
    _add(text, start + piece_start, end, out)


def _ends_sentence(cell: str, piece_start: int, dot: int, stop: int) -> bool:
    if not _NEXT_STARTS_SENTENCE.match(cell, stop) and stop < len(cell.rstrip()):
        return False
    before = _WORD_BEFORE.search(cell, piece_start, dot)
    if before:
        token = before.group(1).lower()
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
        if token.isdigit() and not cell[piece_start:before.start()].strip():
            return False  # "8. One photo": a list number, not a sentence end
    return True


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def quote_span(spans: list[Span], start: int, end: int) -> Span:
    """The smallest run of consecutive segments covering [start, end)."""
    covering = [s for s in spans if s[0] < end and s[1] > start]
    if not covering:
        return start, end
    return covering[0][0], covering[-1][1]


def segment_at(spans: list[Span], position: int) -> Span | None:
    for span in spans:
        if span[0] <= position < span[1]:
            return span
    return None
