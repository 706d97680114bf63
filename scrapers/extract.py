"""Text blocks -> observations: run the rules over every block, quote the smallest sentence or cell.

Entry points, from raw to archived input: ``extract_text`` (a string), ``extract_bytes`` (page/PDF/text
bytes of a known kind), ``extract_file`` (a local file) and ``extract_snapshot`` (an archived copy, which
is what the verifier uses).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from scrapers.blocks import LIST_MARKER, TextBlock, text_blocks
from scrapers.errors import ExtractionFailed
from scrapers.models import Kind, Observation
from scrapers.qualifiers import has_cue, qualifier_at
from scrapers.rules import DOCUMENT_LIST, PASSAGE_RULES, Passage, Rule
from scrapers.rules.base import led_cue
from scrapers.rules.channels import ANSWER_NO
from scrapers.rules.leads import with_lead
from scrapers.segments import quote_span
from scrapers.sniff import kind_for_file

if TYPE_CHECKING:
    from scrapers.archive import Archive
    from scrapers.models import Snapshot


def extract_blocks(blocks: Sequence[TextBlock], rules: Sequence[Rule] = PASSAGE_RULES) -> list[Observation]:
    """Observations of every rule in document order; a document list is reported at its first item."""
    observations: list[Observation] = []
    seen_groups: set[str] = set()
    plan = _plan(rules)  # once per page, not once per block
    for index, block in enumerate(blocks):
        found = observe_block(block, rules, plan)
        if index + 1 < len(blocks) and ANSWER_NO.fullmatch(blocks[index + 1].text.strip()):
            # "Provision of services through the Portal" / "no": a form's field answered no offers no channel
            found = [o for o in found if o.key != "application.channels"]
        observations.extend(found)
        if block.group and block.group not in seen_groups:
            seen_groups.add(block.group)
            observations.extend(_observe_list(blocks, index))
        elif block.role != "item":
            observations.extend(_observe_lines_as_list(block))
    return observations


class _Plan(NamedTuple):
    """How to test a list of rules against a block cheaply: the word gate and each rule's own test."""

    gate: re.Pattern[str] | None
    steps: tuple[tuple[Rule, bool, bool, re.Pattern[str] | None, bool], ...]


_PLANS: dict[tuple[Rule, ...], _Plan] = {}


def _plan(rules: Sequence[Rule]) -> _Plan:
    """The word gate: one search that tells whether any word-cued rule (no digit needed) can apply at all.

    Exact: the union of the cues matches exactly when one of them does. Most blocks carry none of the
    descriptive rules' words, and one search is cheaper than a dozen. Each step holds what ``Rule.applies``
    reads (digit need, cue), so that the loop over 34 rules and ~300 blocks calls no method per pair; a rule
    that defines its own ``applies`` is asked as before.
    """
    key = tuple(rules)
    plan = _PLANS.get(key)
    if plan is None:
        cues = [r.cue.pattern for r in rules if not r.needs_digit and r.cue is not None]
        # The cues are alternations: joined flat, with a first-character look-ahead where that helps.
        gate = re.compile(with_lead("|".join(cues), ignorecase=False)) if cues else None
        steps = tuple(
            (
                rule,
                rule.needs_digit,
                not rule.needs_digit and rule.cue is not None,  # behind the word gate
                led_cue(rule.cue) if rule.cue is not None else None,
                type(rule).applies is not Rule.applies,
            )
            for rule in rules
        )
        plan = _PLANS[key] = _Plan(gate, steps)
    return plan


# The longest item of a documents list set as one semicolon-separated paragraph (a long paper's name is ~90).
SEMICOLON_ITEM_MAX = 160


def observe_block(
    block: TextBlock, rules: Sequence[Rule] = PASSAGE_RULES, plan: _Plan | None = None
) -> list[Observation]:
    """Observations of one block; ``plan`` is ``_plan(rules)`` when the caller already has it."""
    passage = Passage(block.text, block.context)
    claimed: dict[str, list[tuple[int, int]]] = {}
    found: list[tuple[int, Observation]] = []
    if plan is None:
        plan = _plan(rules)
    lower = passage.lower
    has_digit = passage.has_digit
    words = plan.gate is None or plan.gate.search(lower) is not None
    for rule, needs_digit, gated, cue, own_test in plan.steps:
        if gated and not words:
            continue
        if own_test:
            if not rule.applies(passage):
                continue
        elif (needs_digit and not has_digit) or (cue is not None and cue.search(lower) is None):
            continue  # what Rule.applies says, without the call
        for match in rule.find(passage):
            spans = claimed.setdefault(rule.group, [])
            if any(match.start < end and start < match.end for start, end in spans):
                continue
            spans.append((match.start, match.end))
            q_start, q_end = quote_span(passage.spans, match.start, match.end)
            found.append(
                (
                    match.start,
                    Observation(
                        key=rule.key,
                        value=match.value,
                        unit=match.unit,
                        quote=block.text[q_start:q_end],
                        locator=block.locator,
                        rule=rule.name,
                        context=block.context,
                        page=block.page,
                        bbox=block.bbox,
                        in_brackets=block.text.count("(", q_start, match.start)
                        > block.text.count(")", q_start, match.start),
                    ),
                )
            )
    inline = DOCUMENT_LIST.read_inline(block.text) if block.role != "item" else None
    if inline is None and block.role != "item" and block.context and ";" in block.text and ":" not in block.text:
        # A list set as one paragraph under a heading that introduces it ("Documents" / "a form; a passport."):
        # the heading is its lead-in.
        led = DOCUMENT_LIST.read_inline(f"{block.context.rstrip().rstrip(':')}: {block.text}")
        # Items of such a list name papers; a clause as long as a paragraph is prose that happens to hold a ";".
        short = led is not None and all(len(item) <= SEMICOLON_ITEM_MAX for item in led[0].items)
        inline = (led[0], 0, len(block.text)) if led and short else None
    if inline:
        reading, start, _ = inline
        found.append((start, _documents(reading.items, reading.quote, block.locator, block)))
    found.sort(key=lambda item: item[0])
    _qualify(block, found, claimed)
    _mark_clauses(block.text, found)
    return [observation for _, observation in found]


# Where one sentence gives two subjects a number each ("паспорта – 10 лет, удостоверения личности – 5 лет"),
# ", " and ";" part its clauses; a decimal comma ("0,3") has no space after it.
_CLAUSE_END = re.compile(r",\s|;")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end], parted at ", " and ";" outside brackets."""
    out, begin, depth = [], start, 0
    for i in range(start, end):
        ch = text[i]
        depth += 1 if ch == "(" else -1 if ch == ")" and depth else 0
        if not depth and _CLAUSE_END.match(text, i):
            out.append((begin, i))
            begin = i + 1
    out.append((begin, end))
    return out


def _mark_clauses(text: str, found: list[tuple[int, Observation]]) -> None:
    """Give each number its clause where its quote states another number of the same kind in another clause."""
    by_quote: dict[tuple[str, str], list[tuple[int, Observation]]] = {}
    for start, observation in found:
        if observation.key != DOCUMENT_LIST.key:
            by_quote.setdefault((observation.quote, observation.key), []).append((start, observation))
    for (quote, _), members in by_quote.items():
        if len(members) < 2:
            continue
        q_start = text.find(quote)
        if q_start < 0:
            continue
        parts = _clauses(text, q_start, q_start + len(quote))
        where = [next((p for p in parts if p[0] <= start < p[1]), None) for start, _ in members]
        if len(set(where)) < 2:
            continue
        for (_, observation), part in zip(members, where, strict=True):
            if part is not None:
                observation.clause = text[part[0]:part[1]].strip(" ,;.")


def _qualify(block: TextBlock, found: list[tuple[int, Observation]], claimed: dict[str, list[tuple[int, int]]]) -> None:
    """Give every number its qualifier (usual / expedited / fine ...), read between its neighbours."""
    spans = sorted({span for group in claimed.values() for span in group})
    if not spans or not (has_cue(block.text) or has_cue(block.context)):
        return
    by_start = {span[0]: span for span in spans}
    for start, observation in found:
        span = by_start.get(start)
        if span is None or observation.key == DOCUMENT_LIST.key:
            continue
        others = [s for s in spans if s != span]
        observation.qualifier = qualifier_at(block.text, span[0], span[1], others, block.context)
        if observation.key == "fee" and observation.qualifier == "fine":
            observation.key = "fine"  # a fine is not a fee: it has its own key


def _observe_list(blocks: Sequence[TextBlock], first: int) -> list[Observation]:
    group = blocks[first].group
    members = [b for b in blocks[first:] if b.group == group]
    lead_in = _lead_in(blocks, first)
    reading = DOCUMENT_LIST.read(lead_in, [b.text for b in members])
    if reading is None:
        return []
    head = members[0]
    observation = _documents(reading.items, reading.quote, head.group_locator or head.locator, head, lead_in)
    boxes = [b.bbox for b in members if b.bbox]
    if boxes and len(boxes) == len(members):
        observation.bbox = (
            min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)
        )
    return [observation]


def _lead_in(blocks: Sequence[TextBlock], first: int) -> str | None:
    """The heading or line just before a list, else the list's context (row label / heading)."""
    parts = []
    before = blocks[first - 1] if first > 0 else None
    if before is not None and before.role == "item" and before.group and not before.text.rstrip().endswith(":"):
        # a list right after another one ("1) 2) 3)" then "1) 2)"): both answer the line before the first
        start = first - 1
        while start > 0 and blocks[start - 1].group == before.group:
            start -= 1
        return _lead_in(blocks, start) if start > 0 else blocks[first].context
    if before is not None and (before.role != "item" or before.text.rstrip().endswith(":")):
        parts.append(before.text[-300:])
        if before.role == "item":  # an item introducing a sub-list: its own words are the lead-in
            return parts[0]
    context = blocks[first].context
    if context and context not in parts:
        parts.append(context)
    return " / ".join(parts) or None


def _observe_lines_as_list(block: TextBlock) -> list[Observation]:
    """A list inside one block (a PDF cell, a table cell with line breaks): its marked lines."""
    if "\n" not in block.text:
        return []
    lines = block.text.split("\n")
    if " | " in lines[0]:
        lines[0] = lines[0].rsplit(" | ", 1)[1]
    items = [line for line in lines if LIST_MARKER.match(line)]
    if len(items) < 2:
        return []
    lead = [line for line in lines if not LIST_MARKER.match(line)]
    lead_in = " / ".join(filter(None, [" ".join(lead), block.context])) or None
    reading = DOCUMENT_LIST.read(lead_in, items)
    if reading is None:
        return []
    return [_documents(reading.items, reading.quote, block.locator, block, lead_in)]


def _documents(
    items: list[str], quote: str, locator: str, block: TextBlock, lead_in: str | None = None
) -> Observation:
    return Observation(
        key=DOCUMENT_LIST.key,
        value=items,
        unit=None,
        quote=quote,
        locator=locator,
        rule=DOCUMENT_LIST.name,
        context=lead_in or block.context,
        page=block.page,
        bbox=block.bbox,
    )


def read_blocks(data: bytes, kind: Kind, *, block: str | None = None, name: str = "input") -> list[TextBlock]:
    """Bytes of a known kind -> text blocks; ``block`` (CSS) applies to HTML only."""
    if kind == "html":
        from scrapers.html import html_blocks

        return html_blocks(data, block=block, name=name)
    if block:
        raise ExtractionFailed(name, f"a block selector ({block!r}) applies to HTML pages only, not to {kind}")
    if kind == "pdf":
        from scrapers.pdf import pdf_blocks

        return pdf_blocks(data, name=name)
    if kind == "text":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ExtractionFailed(name, f"not UTF-8 text (byte {error.start}); pass --kind html or pdf?") from None
        return text_blocks(text)
    raise ExtractionFailed(name, f"unknown kind {kind!r} (expected html, pdf or text)")


def extract_text(text: str) -> list[Observation]:
    """Observations in plain text (one block per line, ``line N`` locators)."""
    return extract_blocks(text_blocks(text))


def extract_bytes(data: bytes, kind: Kind, *, block: str | None = None, name: str = "input") -> list[Observation]:
    return extract_blocks(read_blocks(data, kind, block=block, name=name))


def extract_file(path: Path, *, kind: Kind | None = None, block: str | None = None) -> tuple[Kind, list[Observation]]:
    """Read a local file (never modified) and return its kind and observations."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractionFailed(str(path), "no such file") from None
    except IsADirectoryError:
        raise ExtractionFailed(str(path), "is a directory, not a file") from None
    except OSError as error:
        raise ExtractionFailed(str(path), f"cannot be read ({error.strerror})") from None
    chosen: Kind = kind or kind_for_file(path, data)
    return chosen, extract_bytes(data, chosen, block=block, name=str(path))


def extract_snapshot(
    archive: "Archive", snapshot: "Snapshot", *, kind: Kind | None = None, block: str | None = None
) -> list[Observation]:
    """Observations of an archived copy; ``kind`` defaults to what its content type says."""
    data = archive.body(snapshot)
    return extract_bytes(data, kind or snapshot.kind, block=block, name=snapshot.url)
