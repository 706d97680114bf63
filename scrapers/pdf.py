"""PDF -> text blocks with page, table, row and bounding-box locators (pdfplumber).

Tables are found from ruling lines and alignment; each table row becomes a block whose cells are joined
with `` | `` (so a quote can be one cell), located as ``page 2, table 1, row 3``. Text outside tables is
read line by line (``page 1, line 4``); numbered or bulleted lines form lists. Every block keeps its page
number and bounding box (x0, top, x1, bottom in PDF points). A truncated or corrupt file raises
ExtractionFailed instead of yielding partial text.
"""

from __future__ import annotations

import io
import re

from scrapers.blocks import LIST_MARKER, TextBlock, looks_like_heading, mark_lists, normalize_text, row_label
from scrapers.errors import ExtractionFailed

EOF_WINDOW = 2048
CID = re.compile(r"\(cid:\d+\)")


def check_pdf_structure(data: bytes, name: str) -> None:
    """Refuse files that are not PDFs or were cut short (no %%EOF near the end)."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise ExtractionFailed(name, "not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise ExtractionFailed(name, "truncated or corrupt PDF (no %%EOF marker at the end)")


def pdf_blocks(data: bytes, *, name: str = "document.pdf") -> list[TextBlock]:
    check_pdf_structure(data, name)
    import pdfplumber  # heavy: only when a PDF is actually read
    from pdfminer.pdfparser import PDFSyntaxError

    blocks: list[TextBlock] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise ExtractionFailed(name, "the PDF has no pages")
            for number, page in enumerate(pdf.pages, 1):
                blocks.extend(_page_blocks(page, number))
    except ExtractionFailed:
        raise
    except (PDFSyntaxError, Exception) as error:  # pdfminer raises many unrelated types on damaged files
        raise ExtractionFailed(name, f"unreadable PDF ({type(error).__name__}: {error})") from None
    _check_text_layer(blocks, name)
    return blocks


def _check_text_layer(blocks: list[TextBlock], name: str) -> None:
    """Refuse a PDF whose text cannot be read: no text at all (a scan), or glyphs without Unicode mapping.

    pdfminer renders unmappable glyphs as ``(cid:N)``; a damaged font table turns a whole page into them,
    and reading rules over that would report every requirement as gone instead of the file as broken.
    """
    text = "".join(block.text for block in blocks)
    if not text.strip():
        raise ExtractionFailed(name, "the PDF has no text layer (a scanned image, or damaged content streams)")
    unmapped = sum(len(m.group()) for m in CID.finditer(text))
    if unmapped > 0.2 * len(text.replace(" ", "")):
        raise ExtractionFailed(
            name, "the PDF text is unreadable (glyphs without Unicode mapping; damaged font tables?)"
        )


def _page_blocks(page, number: int) -> list[TextBlock]:  # noqa: ANN001 - pdfplumber.page.Page
    found: list[tuple[float, TextBlock]] = []
    tables = page.find_tables()
    for t_index, table in enumerate(tables, 1):
        rows = table.extract()
        for r_index, (cells, row) in enumerate(zip(rows, table.rows, strict=False), 1):
            texts = [_cell_text(c) for c in cells]
            present = [t for t in texts if t]
            if not present:
                continue
            bbox = _box(row.bbox)
            block = TextBlock(
                " | ".join(present), f"page {number}, table {t_index}, row {r_index}",
                row_label(present), "row", page=number, bbox=bbox,
            )
            found.append((bbox[1], block))
    boxes = [table.bbox for table in tables]
    context: str | None = None
    lines = [line for line in page.extract_text_lines(strip=True) if not _inside(line, boxes)]
    entries: list[tuple[float, TextBlock]] = []
    for l_index, line in enumerate(lines, 1):
        text = normalize_text(line["text"])
        if not text:
            continue
        bbox = _box((line["x0"], line["top"], line["x1"], line["bottom"]))
        locator = f"page {number}, line {l_index}"
        if looks_like_heading(text):
            entries.append((bbox[1], TextBlock(text, locator, context, "heading", page=number, bbox=bbox)))
            context = text
        else:
            entries.append((bbox[1], TextBlock(text, locator, context, page=number, bbox=bbox)))
    mark_lists([block for _, block in entries])
    found.extend(entries)
    found.sort(key=lambda item: item[0])
    heading: str | None = None
    for _, block in found:
        if block.role == "heading":
            heading = block.text
        elif block.role == "row" and block.context is None:
            block.context = heading
    return [block for _, block in found]


def _cell_text(cell: str | None) -> str:
    """Join a cell's wrapped lines with spaces, but keep list items (``1)``, ``-``) on their own lines."""
    if not cell:
        return ""
    lines = [normalize_text(part) for part in cell.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and not LIST_MARKER.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _inside(line: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    middle_y = (line["top"] + line["bottom"]) / 2
    middle_x = (line["x0"] + line["x1"]) / 2
    return any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes)


def _box(raw) -> tuple[float, float, float, float]:  # noqa: ANN001
    x0, top, x1, bottom = raw
    return (round(float(x0), 1), round(float(top), 1), round(float(x1), 1), round(float(bottom), 1))
