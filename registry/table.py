"""Plain-text tables that fit the terminal: no row is wider than the terminal, so none wraps.

Why a module of its own: every command prints its people-facing output through here, so the width rule
(honour ``COLUMNS`` and the real terminal, full values stay in ``--json``) is kept in one place. Long
columns are shortened with an ellipsis (URLs keep their host and their end) or, when a command names them,
wrapped onto continuation lines. When even the narrowest sensible columns do not fit, each row is printed
as a small block of ``header: value`` lines instead, which always fits.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

GAP = "  "
FALLBACK_WIDTH = 100  # output piped to a file or another program: the width the tests hold us to
NARROWEST_COLUMN = 8  # below this a column stops being readable; the table turns into row blocks
NARROWEST_WRAPPED = 12  # a wrapped column narrower than this reads as a word per line
NOTE_INDENT = "    "


def terminal_width() -> int:
    """COLUMNS when set, else the terminal's width, else FALLBACK_WIDTH (never less than 20)."""
    return max(20, shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns)


def cell_text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def shorten(text: str, width: int) -> str:
    """Cut text to width with an ellipsis; a URL keeps its start and its end, where the page name is."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    if text.startswith(("http://", "https://")) and width >= 16:
        text = text.split("://", 1)[1]
        if len(text) <= width:
            return text
        head = (width - 1) // 2
        return text[:head] + "…" + text[len(text) - (width - 1 - head):]
    return text[: width - 1] + "…"


@dataclass
class Table:
    """Headers, rows and, per row, optional notes printed under it (indented and wrapped to the width)."""

    headers: Sequence[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)
    wrap: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()

    def add(self, row: Sequence[Any], notes: Iterable[str] = ()) -> None:
        self.rows.append([cell_text(v) for v in row])
        self.notes.append([n for n in notes if n])

    def render(self, width: int | None = None) -> list[str]:
        width = width or terminal_width()
        widths = fit_widths(self.headers, self.rows, width, self.wrap, self.keep)
        if widths is None:
            return self._blocks(width)
        lines = [_join([shorten(h, w) for h, w in zip(self.headers, widths, strict=True)], widths)]
        lines.append(GAP.join("-" * w for w in widths))
        for row, notes in zip(self.rows, self.notes, strict=True):
            lines.extend(self._row_lines(row, widths))
            lines.extend(note_lines(notes, width))
        return lines

    def _row_lines(self, row: list[str], widths: list[int]) -> list[str]:
        columns: list[list[str]] = []
        for header, text, w in zip(self.headers, row, widths, strict=True):
            if header in self.wrap and len(text) > w:
                columns.append(_wrap(text, w))
            else:
                columns.append([shorten(text, w)])
        height = max(len(c) for c in columns)
        return [_join([c[i] if i < len(c) else "" for c in columns], widths) for i in range(height)]

    def _blocks(self, width: int) -> list[str]:
        """One block per row: 'header: value' lines, values wrapped under their label."""
        label_width = max(len(h) for h in self.headers) + 2
        beside = width - label_width >= 12  # else each value goes under its label
        lines: list[str] = []
        for row, notes in zip(self.rows, self.notes, strict=True):
            if lines:
                lines.append("")
            for header, text in zip(self.headers, row, strict=True):
                if beside:
                    parts = _wrap(text, width - label_width)
                    lines.append((f"{header}:".ljust(label_width) + parts[0]).rstrip())
                    lines.extend(" " * label_width + p for p in parts[1:])
                else:
                    lines.append(shorten(f"{header}:", width))
                    lines.extend("  " + p for p in _wrap(text, width - 2))
            lines.extend(note_lines(notes, width))
        return lines


def fit_widths(
    headers: Sequence[str],
    rows: list[list[str]],
    width: int,
    wrap: frozenset[str] = frozenset(),
    keep: frozenset[str] = frozenset(),
) -> list[int] | None:
    """Column widths whose sum with the gaps is at most width, narrowing the widest column first.

    Columns in keep (the ones people type back, like a slug or a field key) are never narrowed: when the
    others cannot make room for them, the table is printed as row blocks instead.

    None when the columns cannot all keep NARROWEST_COLUMN characters (NARROWEST_WRAPPED for a wrapped
    column; their natural width if smaller).
    """
    natural = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    floor = [
        n if h in keep else min(n, NARROWEST_WRAPPED if h in wrap else NARROWEST_COLUMN)
        for n, h in zip(natural, headers, strict=True)
    ]
    room = width - len(GAP) * (len(headers) - 1)
    if sum(floor) > room:
        return None
    widths = list(natural)
    while sum(widths) > room:
        widest = max(
            range(len(widths)),
            key=lambda i: (widths[i] > floor[i], headers[i] in wrap, widths[i]),
        )
        widths[widest] -= 1
    return widths


def note_lines(notes: Iterable[str], width: int) -> list[str]:
    room = max(8, width - len(NOTE_INDENT) - 1)
    lines: list[str] = []
    for note in notes:
        lines.extend(
            textwrap.wrap(note, room, initial_indent=NOTE_INDENT, subsequent_indent=NOTE_INDENT + " ",
                          break_long_words=True, break_on_hyphens=False)
        )
    return lines


def wrap_line(text: str, width: int | None = None) -> list[str]:
    """A line of prose wrapped to the terminal width (continuation lines indented by two spaces)."""
    return textwrap.wrap(text, width or terminal_width(), subsequent_indent="  ", break_long_words=True,
                         break_on_hyphens=False) or [""]


def collapse(rows: Sequence[Sequence[Any]], key_columns: Sequence[int]) -> list[tuple[list[Any], int]]:
    """Identical rows (compared on key_columns) merged into the first of them, with how many there were.

    Order is kept: each group sits where its first row was.
    """
    groups: dict[tuple[str, ...], list[Any]] = {}
    order: list[tuple[str, ...]] = []
    for row in rows:
        key = tuple(cell_text(row[i]) for i in key_columns)
        if key in groups:
            groups[key][1] += 1
        else:
            groups[key] = [list(row), 1]
            order.append(key)
    return [(groups[k][0], groups[k][1]) for k in order]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(1, width), break_long_words=True, break_on_hyphens=False) or [""]


def _join(cells: Sequence[str], widths: Sequence[int]) -> str:
    return GAP.join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
