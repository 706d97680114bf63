"""HTML page -> text blocks with CSS-path locators (beautifulsoup4 with the lxml parser).

Built for the structures of the official sites, without depending on their class names:
- egov.kz article and service pages: headings or ``*-title`` elements followed by paragraphs and lists,
  and service passports laid out as label/value tables or label/value blocks;
- gov.kz service and life-situation pages: sections with headings, definition lists and cards;
- adilet.zan.kz law texts: numbered paragraphs (``3.``) and subparagraphs (``2)``) under article headings;
  their position is added to the locator (``| article 8, paragraph 3, subparagraph 2``).
Site chrome (navigation, scripts, styles, menus, breadcrumbs, cookie banners, page header and footer) is
dropped so that only the content is read. An optional CSS ``block`` selector narrows the page to the
part that carries the requirements; when it matches nothing, BlockNotFound is raised.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

from scrapers.blocks import TextBlock, looks_like_heading, mark_lists, normalize_text, row_label
from scrapers.errors import BlockNotFound, ExtractionFailed

STRIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "video", "audio",
     "button", "input", "select", "textarea", "nav", "head", "link", "meta", "map"}
)
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog"})
CHROME_TOKENS = frozenset(
    {"breadcrumb", "breadcrumbs", "cookie", "cookies", "menu", "navbar", "navigation", "sidebar", "social",
     "share", "skip", "toolbar", "pagination", "topbar"}
)
HEADING_TOKENS = frozenset({"title", "heading", "label", "caption", "subtitle", "term"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption", "legend", "summary"})
BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
     "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
     "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "ul", "legend", "tr",
     "tbody", "thead", "tfoot", "td", "th"}
)
CELL_BLOCKS = ("p", "ul", "ol", "div", "table", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "section")
SKIPPED_STRINGS = (Comment, Declaration, Doctype, CData, ProcessingInstruction)
ID_PATTERN = re.compile(r"^[A-Za-z][\w-]{0,60}$")
ARTICLE = re.compile(r"^(?:статья|article|бап)\s+(\d+(?:-\d+)?)|^(\d+(?:-\d+)?)-бап\b", re.IGNORECASE)
PARAGRAPH = re.compile(r"^(\d{1,3})\.\s")
SUBPARAGRAPH = re.compile(r"^(\d{1,3})\)\s")


def html_blocks(content: bytes | str, *, block: str | None = None, name: str = "page") -> list[TextBlock]:
    """Read a page into text blocks in document order; ``block`` is an optional CSS selector."""
    try:
        soup = BeautifulSoup(content, "lxml")
    except Exception as error:  # lxml refuses some byte soups outright
        raise ExtractionFailed(name, f"not readable as HTML ({error})") from None
    if block:
        try:
            roots = soup.select(block)
        except Exception as error:
            raise ExtractionFailed(name, f"invalid CSS selector {block!r} ({error})") from None
        if not roots:
            raise BlockNotFound(name, block)
    else:
        roots = [soup.body or soup]
    walker = _Walker()
    for root in roots:
        _strip_chrome(root)
        walker.block(root)
    if not walker.blocks:
        where = f"the block {block!r}" if block else "the page"
        raise ExtractionFailed(name, f"no readable text in {where} (empty, or rendered only by JavaScript)")
    mark_lists(walker.blocks)
    soup.decompose()
    return walker.blocks


def _strip_chrome(root: Tag) -> None:
    doomed: list[Tag] = []
    for el in root.find_all(True):
        name = el.name
        if name in STRIP_TAGS:
            doomed.append(el)
            continue
        attrs = el.attrs
        if not attrs:
            if name in ("header", "footer") and _site_level(el):
                doomed.append(el)
            continue
        if attrs.get("role") in CHROME_ROLES or "hidden" in attrs or attrs.get("aria-hidden") == "true":
            doomed.append(el)
        elif name in ("header", "footer") and _site_level(el):
            doomed.append(el)
        elif _tokens(el) & CHROME_TOKENS:
            doomed.append(el)
    for el in doomed:
        if not el.decomposed:
            el.decompose()


def _site_level(el: Tag) -> bool:
    """A header/footer of the whole site, not of an article or section."""
    return el.find_parent(("article", "main", "section")) is None


# A unit a table's header cell names after a comma or in brackets: "Fee, tenge", "Term (working days)".
_HEADER_UNIT = re.compile(
    r"(?:,|\()\s*(?P<u>tenge|теңге|тенге|KZT|₸|MCI|МРП|АЕК|(?:working|calendar|business)\s+days|days"
    r"|рабоч\w+\s+дн\w+|календарн\w+\s+дн\w+|дн(?:ей|и)|жұмыс\s+күн\w*|күнтізбелік\s+күн\w*|years|лет|жыл"
    r"|months|месяц\w*|mm|cm|мм|см|%|USD|EUR)\s*\)?\s*$",
    re.IGNORECASE,
)
# A number with no unit after it: "4 983", "up to 1", the "7" of "7 (single-entry visa)"; not "2nd" nor "30 MCI".
_BARE_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?(?![\w.,%₸$€])(?!\s*[^\W\d_])")


def header_unit(text: str) -> str | None:
    m = _HEADER_UNIT.search(text)
    return m.group("u") if m else None


def with_unit(text: str, unit: str | None) -> str:
    """A cell under a header that names the unit ("Fee, tenge" / "4 983"): the unit carried to its bare numbers,
    as a row label is carried to the cells of its row, so that "4 983" reads as 4 983 tenge."""
    if not unit or not text or unit.lower() in text.lower():
        return text
    return _BARE_NUMBER.sub(lambda m: f"{m.group()} {unit}", text)


def _tokens(el: Tag) -> set[str]:
    raw = el.get("class") or []
    words = " ".join(raw) if isinstance(raw, list) else str(raw)
    ident = el.get("id")
    if isinstance(ident, str):
        words += " " + ident
    return set(re.split(r"[\s_\-]+", words.lower())) - {""}


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[TextBlock] = []
        self.context: str | None = None
        self.groups: list[tuple[str, str]] = []
        self.positions: dict[int, dict[int, tuple[int, int]]] = {}
        self.article: str | None = None
        self.paragraph: str | None = None
        self.subparagraph: str | None = None
        self.column_units: list[str | None] = []  # the unit each column's header names ("Fee, tenge")

    # structure ---------------------------------------------------------------------------------------

    def block(self, el: Tag) -> None:
        name = el.name
        if name == "table":
            self.table(el)
            return
        if name in ("ul", "ol"):
            self.groups.append((f"list-{id(el)}", self.css(el)))
            run: list[str] = []
            self.collect(el, el, run)
            self.flush(run, el)
            self.groups.pop()
            return
        run = []
        self.collect(el, el, run)
        self.flush(run, el)

    def collect(self, el: Tag, owner: Tag, run: list[str]) -> None:
        for child in el.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, SKIPPED_STRINGS):
                    run.append(str(child))
            elif isinstance(child, Tag):
                name = child.name
                if name == "br":
                    run.append("\n")
                elif name in BLOCK_TAGS:
                    self.flush(run, owner)
                    run.clear()
                    self.block(child)
                else:
                    self.collect(child, owner, run)

    def table(self, table: Tag) -> None:
        saved_units, self.column_units = self.column_units, []
        self._rows(table)
        self.column_units = saved_units

    def _rows(self, table: Tag) -> None:
        for child in table.children:
            if not isinstance(child, Tag):
                continue
            if child.name == "tr":
                self.row(child)
            elif child.name in ("thead", "tbody", "tfoot"):
                for tr in child.children:
                    if isinstance(tr, Tag) and tr.name == "tr":
                        self.row(tr)
            elif child.name == "caption":
                self.block(child)

    def row(self, tr: Tag) -> None:
        cells = [c for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]
        simple: list[str] = []
        complex_cells: list[Tag] = []
        for cell in cells:
            if cell.find(CELL_BLOCKS) is not None:
                complex_cells.append(cell)
                simple.append("")
            else:
                simple.append(normalize_text(_inline_text(cell)))
        if cells and all(c.name == "th" for c in cells):
            self.column_units = [header_unit(text) for text in simple]
        elif self.column_units:
            units = self.column_units + [None] * len(simple)
            simple = [with_unit(text, units[i]) for i, text in enumerate(simple)]
        label = row_label([c for c in simple if c] + ([""] if complex_cells else []))
        texts = [c for c in simple if c]
        if texts:
            text = " | ".join(texts)
            self.blocks.append(TextBlock(text, self.css(tr), label or self.context, "row"))
        if complex_cells:
            saved = self.context
            self.context = label or saved
            for cell in complex_cells:
                self.block(cell)
            self.context = saved

    # emitting ----------------------------------------------------------------------------------------

    def flush(self, run: list[str], owner: Tag) -> None:
        if not run:
            return
        text = normalize_text("".join(run))
        if not text:
            return
        if self._is_heading(owner, text):
            self.blocks.append(TextBlock(text, self.css(owner), self.context, "heading"))
            self.context = text[:200]
            self._legal_position(text)
            return
        locator = self.css(owner)
        position = self._legal_position(text)
        if position:
            locator = f"{locator} | {position}"
        group, group_locator = (None, None)
        if owner.name == "li" and self.groups:
            group, group_locator = self.groups[-1]
        role = "item" if group else "text"
        self.blocks.append(TextBlock(text, locator, self.context, role, group, group_locator))

    def _is_heading(self, owner: Tag, text: str) -> bool:
        if owner.name in HEADING_TAGS:
            return True
        if len(text) > 160 or owner.name in ("li", "td", "th", "body", "tr"):
            return False
        if owner.attrs and _tokens(owner) & HEADING_TOKENS:
            return True
        if owner.name == "p":
            tags = [c for c in owner.children if isinstance(c, Tag)]
            loose = any(isinstance(c, NavigableString) and c.strip() for c in owner.children)
            if len(tags) == 1 and tags[0].name in ("strong", "b") and not loose:
                return True
        return looks_like_heading(text)

    def _note_article(self, text: str) -> None:
        match = ARTICLE.match(text)
        if match:
            self.article = match.group(1) or match.group(2)
            self.paragraph = self.subparagraph = None

    def _legal_position(self, text: str) -> str | None:
        self._note_article(text)
        if match := PARAGRAPH.match(text):
            self.paragraph, self.subparagraph = match.group(1), None
        elif match := SUBPARAGRAPH.match(text):
            self.subparagraph = match.group(1)
        else:
            return f"article {self.article}" if self.article and ARTICLE.match(text) else None
        parts = [f"article {self.article}"] if self.article else []
        if self.paragraph:
            parts.append(f"paragraph {self.paragraph}")
        if self.subparagraph and SUBPARAGRAPH.match(text):
            parts.append(f"subparagraph {self.subparagraph}")
        return ", ".join(parts) or None

    def css(self, el: Tag) -> str:
        parts: list[str] = []
        node: Tag | None = el
        while node is not None and node.name not in ("[document]", "html", "body"):
            ident = node.get("id")
            if isinstance(ident, str) and ID_PATTERN.match(ident):
                parts.append(f"{node.name}#{ident}")
                break
            parent = node.parent
            if parent is None:
                parts.append(node.name)
                break
            nth, total = self._position(parent, node)
            parts.append(f"{node.name}:nth-of-type({nth})" if total > 1 else node.name)
            node = parent
        anchored = bool(parts) and "#" in parts[-1]
        path = " > ".join(reversed(parts))
        return "css:" + (path if anchored else f"body > {path}" if path else "body")

    def _position(self, parent: Tag, node: Tag) -> tuple[int, int]:
        table = self.positions.get(id(parent))
        if table is None:
            counts: dict[str, int] = {}
            order: list[tuple[Tag, int]] = []
            for child in parent.children:
                if isinstance(child, Tag):
                    counts[child.name] = counts.get(child.name, 0) + 1
                    order.append((child, counts[child.name]))
            table = {id(child): (nth, counts[child.name]) for child, nth in order}
            self.positions[id(parent)] = table
        return table.get(id(node), (1, 1))


def _inline_text(el: Tag) -> str:
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, NavigableString):
            if not isinstance(node, SKIPPED_STRINGS):
                parts.append(str(node))
        elif isinstance(node, Tag) and node.name == "br":
            parts.append("\n")
    return "".join(parts)
