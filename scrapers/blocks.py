"""Text blocks: the unit the extraction rules read, whatever the source format.

HTML paragraphs, list items and table rows, PDF lines and table rows, and lines of a text file all become
a TextBlock with the text, a locator saying where it is, the heading or row label it sits under, and, for
list items, the list they belong to (the document-list rule reads whole lists).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["text", "heading", "row", "item"]

# "1. ", "1) ", "- ", "• " ...; also "7.Certificate" (no space, a capital letter straight after the number).
LIST_MARKER = re.compile(
    r"^\s*(?:(?:[-•*–—·▪●◦‣]|\(?\d{1,2}[.)](?!\d)|\(?[a-zа-яё][.)])\s+|\d{1,2}[.)](?=[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ«\"]))"
)
_LONE_MARKER = re.compile(r"^\s*[-•*–—·▪●◦‣]\s*$")
# "What documents are needed? - Identity card" / "Documents: - passport", then "- ..." lines: the list's first item
# shares the line of its lead-in.
_LEAD_THEN_ITEM = re.compile(r"^(?P<lead>\S.{2,200}?[:?])\s+(?P<item>[-•–—]\s*\S.*)$")
_DASH_START = re.compile(r"^\s*[-•–—]")
_DOCUMENTS_LEAD = re.compile(r"document|документ|құжат", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Soft hyphens and zero-width characters are invisible on the page: "1\u200b116" reads "1116", "calen\u00addar" reads
# "calendar". Kept, they split a number or a unit word in two.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


@dataclass(slots=True)
class TextBlock:
    text: str
    locator: str
    context: str | None = None
    role: Role = "text"
    group: str | None = None
    group_locator: str | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


def normalize_text(raw: str) -> str:
    """Drop invisible characters, collapse runs of spaces (incl. no-break and thin spaces) and drop empty lines;
    keep line breaks."""
    lines = (_SPACES.sub(" ", _INVISIBLE.sub("", line)).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def row_label(cells: list[str]) -> str | None:
    """The first cell of a row when it reads as a label (words, not a number) and a value follows."""
    if len(cells) < 2 or not cells[0]:
        return None
    first = cells[0]
    letters = sum(ch.isalpha() for ch in first)
    if letters < 3 or len(first) > 160:
        return None
    return first


def looks_like_heading(text: str) -> bool:
    return len(text) <= 120 and text.endswith(":") and "\n" not in text


def _is_label(line: str, lines: list[str], number: int) -> bool:
    """A short label on its own line with its value on the next non-empty line ("Cost of the service",
    blank, "Free"): a heading for what follows. Only when the next line is short too (a value, not prose)."""
    if len(line) > 60 or line[-1:] in ".;,!?:" or any(ch.isdigit() for ch in line) or LIST_MARKER.match(line):
        return False
    following = [normalize_text(x) for x in lines[number:number + 3]]
    following = [x for x in following if x]
    if not following or not lines[number:number + 1] or normalize_text(lines[number]):
        return False  # the value must come after a blank line
    return len(following[0]) <= 40


def text_blocks(text: str) -> list[TextBlock]:
    """One block per non-empty line of a plain-text file; ``line N`` locators (1-based)."""
    blocks: list[TextBlock] = []
    context: str | None = None
    previous_blank = False
    pending_marker = ""
    raw_lines = text.splitlines()
    for number, raw in _split_lead_items(raw_lines):
        line = normalize_text(raw)
        if line and _LONE_MARKER.match(line):
            pending_marker = line.strip() + " "  # a marker on its own line belongs to the next line's item
            continue
        if line and pending_marker:
            line, pending_marker = pending_marker + line, ""
        if not line or _TABLE_RULE.match(line):
            previous_blank = previous_blank or not line
            continue
        locator = f"line {number}"
        if line.startswith("#") or (looks_like_heading(line) and not LIST_MARKER.match(line)) or _is_label(
            line, raw_lines, number
        ):
            heading = line.lstrip("#").strip()
            blocks.append(TextBlock(heading, locator, context, "heading"))
            context = heading
        elif "|" in line and (line.startswith("|") or " | " in line):
            cells = [c.strip() for c in line.strip("|").split("|")]
            blocks.append(TextBlock(line, locator, row_label(cells) or context, "row"))
        else:
            blocks.append(TextBlock(line, locator, context))
            if previous_blank and len(blocks) > 1:
                blocks[-1].group = "break"  # a blank line ends a list; mark_lists reads and clears this
        previous_blank = False
    mark_lists(blocks)
    return blocks


def _split_lead_items(raw_lines: list[str]) -> list[tuple[int, str]]:
    """Numbered lines, with a lead-in that carries the first dash item of the list below it split in two (both
    keep the line's number): "Documents: - passport" then "- photo" is a lead-in and a list of two."""
    numbered: list[tuple[int, str]] = []
    for number, raw in enumerate(raw_lines, 1):
        match = _LEAD_THEN_ITEM.match(raw.strip()) if ("-" in raw or "•" in raw or "–" in raw or "—" in raw) else None
        below = next((line for line in itertools.islice(raw_lines, number, None) if line.strip()), "") if match else ""
        if match and _DASH_START.match(below):
            numbered += [(number, match.group("lead")), (number, match.group("item"))]
        else:
            numbered.append((number, raw))
    return numbered


_BULLET_LINE = re.compile(r"^\s*[•*·▪●◦‣]\s+\S")
_FIRST_NUMBER = re.compile(r"^\s*\(?1[.)]")
_NUMBERED_PARAGRAPH = re.compile(r"^\s*\(?\d{1,3}\.\s")
_LINE_LOCATOR = re.compile(r"^(?P<head>.*\bline) (?P<n>\d+)$")


def mark_lists(blocks: list[TextBlock]) -> None:
    """Turn runs of consecutive marked blocks (``1)``, ``-``, ``•``; ``1.`` only after a ``...:`` lead-in)
    into list items sharing a group, so the document-list rule can read them as one list.

    Law texts number their paragraphs ``1.``, ``2.``: those are not list items unless a line ending in a
    colon introduces them. Blocks already in a group (HTML list items) are left alone.
    """
    index = 0
    while index < len(blocks):
        block = blocks[index]
        breaks_here = block.group == "break"
        if breaks_here:
            block.group = None
        if block.group or block.role not in ("text", "item") or not LIST_MARKER.match(block.text):
            index += 1
            continue
        lead = blocks[index - 1] if index else None
        numbered = bool(_NUMBERED_PARAGRAPH.match(block.text)) or bool(re.match(r"^\s*\d{1,2}\.\S", block.text))
        introduced = lead is not None and (
            lead.text.rstrip().endswith(":")
            # a line that speaks of documents introduces a list, unless it is itself a numbered paragraph
            # of a law ("3. ... құжаттандыру жүйесін ... етсін." then "4. ..."): that is its sibling
            or (bool(_DOCUMENTS_LEAD.search(lead.text[-120:])) and not _NUMBERED_PARAGRAPH.match(lead.text))
        )
        introduced = introduced or (numbered and _under_bare_label(blocks, index))
        # "• Issue of guardianship certificates" then "1. ...", "2. ...": a list numbered from 1 under a bulleted
        # line (the name of one service among several) is that line's sub-list, not a law's paragraphs
        introduced = introduced or (
            numbered and lead is not None and bool(_BULLET_LINE.match(lead.text))
            and bool(_FIRST_NUMBER.match(block.text))
        )
        opener = _outer_item_resumed(blocks, index) if numbered and not introduced else None
        if numbered and not introduced and opener is None:
            index += 1
            continue
        run = [block]
        cursor = index + 1
        while cursor < len(blocks):
            nxt = blocks[cursor]
            if nxt.group == "break" and _continues_across_blank(run[-1].text, nxt.text):
                nxt.group = None  # items spaced by blank lines ("1. ...", blank, "2. ..."): the same list
            if nxt.group == "break" or nxt.group or nxt.role not in ("text", "item"):
                break
            if not LIST_MARKER.match(nxt.text):
                resumed = _resumes_numbering(blocks, cursor, run[-1].text) if numbered else None
                if resumed is None:
                    break
                cursor = resumed  # "1. ..." / an explanatory paragraph / "2. ...": one list
                continue
            # A change of marker ("2." then "•") continues the list, unless the item before introduces a
            # sub-list of its own ("... It is necessary to have:").
            if run[-1].text.rstrip().endswith(":"):
                break
            if not numbered and _NUMBERED_PARAGRAPH.match(nxt.text):
                break  # "1) ... 2) ..." then "2. ...": the law text's next paragraph, not the next item
            if _restarts(run[-1].text, nxt.text):
                break  # "1) 2) 3)" then "1) 2)": a second list (for another case) starts, not item 4
            run.append(nxt)
            cursor += 1
        name = f"run-{index}-{block.locator}"
        if opener is not None:  # "4." after the sub-list of "3. ... the following:": the outer list goes on
            name = opener.group or name
            run = [b for b in blocks[:index] if b.group == name] + run
        where = span_locator(run[0].locator, run[-1].locator)
        for member in run:
            member.role, member.group, member.group_locator = "item", name, where
        index = cursor
    for block in blocks:
        if block.group == "break":
            block.group = None
    _mark_semicolon_lists(blocks)


_ENACTING = re.compile(
    r"приказываю|постановляет|постановляю|решил|бұйырамын|қаулы\s+етеді|қаулы\s+етемін|шешім\s+қабылдад"
    r"|hereby\s+order|\bdecides?\b|\border(?:s)?\s*:",
    re.IGNORECASE,
)


def _under_bare_label(blocks: list[TextBlock], index: int) -> bool:
    """A list numbered from 1 right under a bare tab label ("Заңды тұлғалар үшін", "Для физических лиц")
    on a page that spoke of documents a few lines above: the label introduces it although it has no colon.

    Law texts number their paragraphs under short titles too, so: the numbering must go on to 2 at once,
    the label must be short words (no digit, no closing punctuation), a line about documents must lie at
    most eight blocks up, and no enacting formula ("ПРИКАЗЫВАЮ", "БҰЙЫРАМЫН") may lie between."""
    first = _ITEM_NUMBER.match(blocks[index].text)
    if first is None or int(first.group(1)) != 1 or index == 0 or index + 1 >= len(blocks):
        return False
    second = _ITEM_NUMBER.match(blocks[index + 1].text)
    if second is None or int(second.group(1)) != 2:
        return False
    label = blocks[index - 1].text.strip()
    if (
        len(label) > 80 or any(ch.isdigit() for ch in label) or label[-1:] in ".;,!?"
        or LIST_MARKER.match(label) or blocks[index - 1].group
    ):
        return False
    above = blocks[max(0, index - 8):index]
    if any(_ENACTING.search(b.text) for b in above):
        return False
    return any(_DOCUMENTS_LEAD.search(b.text) for b in above)


def _restarts(last_item: str, candidate: str) -> bool:
    """Whether a numbered line starts a new list: numbering back at 1 after an item numbered 1 or more."""
    number, following = _ITEM_NUMBER.match(last_item), _ITEM_NUMBER.match(candidate)
    return bool(number and following and int(following.group(1)) == 1)


_UNMARKED_ITEM_CHARS = 300


def _mark_semicolon_lists(blocks: list[TextBlock]) -> None:
    """Unmarked lines that each end with ``;`` after a ``... documents ...:`` line: a list without markers.

    Some pages set each item of a document list as its own paragraph, with no bullet or number, only the
    semicolon that ends it ("Application in any form;", "Copy of the passport;", ..., "Power of attorney.").
    Read as a list only when a line that speaks of documents and ends with a colon introduces it and at
    least two lines in a row end with a semicolon; the line after them joins as the last item when it ends
    with a full stop. Anything else (prose, a heading, a marked line) ends it.
    """
    index = 0
    while index < len(blocks):
        lead = blocks[index]
        if lead.role == "item" or not lead.text.rstrip().endswith(":") or not _DOCUMENTS_LEAD.search(lead.text):
            index += 1
            continue
        run: list[TextBlock] = []
        cursor = index + 1
        while cursor < len(blocks) and _unmarked_line(blocks[cursor]) and blocks[cursor].text.rstrip().endswith(";"):
            run.append(blocks[cursor])
            cursor += 1
        if len(run) < 2:
            index += 1
            continue
        if cursor < len(blocks) and _unmarked_line(blocks[cursor]) and blocks[cursor].text.rstrip().endswith("."):
            run.append(blocks[cursor])
            cursor += 1
        name = f"lines-{index + 1}-{run[0].locator}"
        where = span_locator(run[0].locator, run[-1].locator)
        for member in run:
            member.role, member.group, member.group_locator = "item", name, where
        index = cursor


def _unmarked_line(block: TextBlock) -> bool:
    return (
        block.role == "text" and block.group is None and not LIST_MARKER.match(block.text)
        and len(block.text) <= _UNMARKED_ITEM_CHARS and "\n" not in block.text
    )


_ITEM_NUMBER = re.compile(r"^\s*\(?(\d{1,2})[.)]")
_BULLET = re.compile(r"^\s*([-•*–—·▪●◦‣])\s")
_ITEM_LETTER = re.compile(r"^\s*\(?([a-zа-я])[.)]\s", re.IGNORECASE)


def _outer_item_resumed(blocks: list[TextBlock], index: int) -> TextBlock | None:
    """The item that a numbered line continues after a sub-list: ``3. ... the following:``, bullets,
    ``4. ...``. Returns item 3 when the line is numbered one after it and only sub-list items lie between."""
    number = _ITEM_NUMBER.match(blocks[index].text)
    if number is None:
        return None
    cursor, sub_list = index - 1, None
    while cursor >= 0 and blocks[cursor].role == "item" and blocks[cursor].group is not None:
        if _ITEM_NUMBER.match(blocks[cursor].text):
            break
        if sub_list is not None and blocks[cursor].group != sub_list:
            return None
        sub_list = blocks[cursor].group
        cursor -= 1
    if sub_list is None or cursor < 0:
        return None
    opener = blocks[cursor]
    before = _ITEM_NUMBER.match(opener.text)
    if (
        opener.role == "item" and opener.group not in (None, sub_list) and before is not None
        and int(before.group(1)) + 1 == int(number.group(1)) and opener.text.rstrip().endswith(":")
    ):
        return opener
    return None


def _continues_across_blank(last_item: str, candidate: str) -> bool:
    """Whether a marked line after a blank line goes on with the list: the next number ("3." after "2.", or
    "4." when the page skips one) or the same bullet as the item before it. Anything else after a blank
    line still ends the list."""
    if last_item.rstrip().endswith(":"):
        return False  # the item before introduces a sub-list of its own
    number, following = _ITEM_NUMBER.match(last_item), _ITEM_NUMBER.match(candidate)
    if number and following:
        return 1 <= int(following.group(1)) - int(number.group(1)) <= 2  # "7." then "9.": a skipped number
    letter, next_letter = _ITEM_LETTER.match(last_item), _ITEM_LETTER.match(candidate)
    if letter and next_letter:  # "а) ...", blank, "б) ...": the next letter of a lettered sub-list
        return ord(next_letter.group(1).lower()) - ord(letter.group(1).lower()) == 1
    bullet, next_bullet = _BULLET.match(last_item), _BULLET.match(candidate)
    return bool(bullet and next_bullet and bullet.group(1) == next_bullet.group(1))


def _resumes_numbering(blocks: list[TextBlock], cursor: int, last_item: str) -> int | None:
    """Index of the next item when at most two unmarked paragraphs separate item N from item N+1."""
    number = _ITEM_NUMBER.match(last_item)
    if number is None:
        return None
    for ahead in range(cursor + 1, min(cursor + 3, len(blocks))):
        candidate = blocks[ahead]
        if candidate.group or candidate.role not in ("text", "item"):
            return None
        following = _ITEM_NUMBER.match(candidate.text)
        if following is not None:
            return ahead if int(following.group(1)) == int(number.group(1)) + 1 else None
    return None


def span_locator(first: str, last: str) -> str:
    """``line 4`` + ``line 7`` -> ``lines 4-7``; other locators -> ``first … last``."""
    if first == last:
        return first
    a, b = _LINE_LOCATOR.match(first), _LINE_LOCATOR.match(last)
    if a and b and a.group("head") == b.group("head"):
        return f"{a.group('head')}s {a.group('n')}-{b.group('n')}"
    return f"{first.split(' | ')[0]} … {last.split(' | ')[0]}"
