"""Alteration campaign: does the verifier say the right thing, with the right value, for one change at a time?

The archive's newest copy of every source is served from a local HTTP server on 127.0.0.1 (the sources'
origins are mirrored to it). Each run starts from a fresh copy of data/ (profiles, ledger, sources, archive)
and serves the copies with exactly one alteration, then runs `verify` through the mirror and reads its
findings as an editor would:

- value alterations (a number of a monitored statement, its unit, an item removed from / added to /
  renumbered in a document list): the field must be flagged `changed` with the new value; every other
  field must stay quiet;
- same-value alterations (rewordings: spelled-out numbers, "colour", "business days", reflowed text) and
  cosmetic edits (whitespace, a menu item, a date stamp, a phone number, extra markup): everything quiet.

Measured: share of value alterations flagged `changed` with the new value (goal >= 0.97), false alarms
(findings on fields nobody touched; goal 0), wrong values that `accept` would write without an explicit
choice (a changed/conflict/new finding whose value is not the page's new value; goal 0), and quiet
same-value/cosmetic runs (goal all).

    python -m bench campaign            # every alteration (a few minutes)
    python -m bench campaign --sample 8 # a fixed spread of 8 (the test suite runs one like it)
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from registry.build import build_registry  # noqa: E402
from scrapers.archive import Archive  # noqa: E402
from verifier.compare import same_value  # noqa: E402
from verifier.models import NEEDS_REVIEW, Finding, FindingKind, SourceSpec  # noqa: E402
from verifier.run import load_sources, verify  # noqa: E402

RUSSIAN_WORDS = {3: "три", 5: "пять", 7: "семь", 10: "десять", 15: "пятнадцать", 17: "семнадцать", 20: "двадцать"}
NUMBER_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
    15: "fifteen", 17: "seventeen", 20: "twenty", 30: "thirty",
}
VALUE_KINDS = ("number", "unit", "list-remove", "list-add", "list-number", "colour")


@dataclass
class Alteration:
    """One edit of one source's body, and what the verifier should say about it."""

    name: str
    kind: str  # number | unit | list-* (value changes) | reword | cosmetic (same value)
    source_id: str
    url: str
    body: bytes
    expected: dict[tuple[str, str], Any] = field(default_factory=dict)  # (profile, field) -> (value, unit)

    @property
    def changes_value(self) -> bool:
        return self.kind in VALUE_KINDS


# --- serving -------------------------------------------------------------------------------------------------

class MirrorServer:
    """Serves url -> (body, content type) under /<scheme>/<host>/<path>?<query> on 127.0.0.1."""

    def __init__(self, routes: dict[str, tuple[bytes, str]]) -> None:
        self.routes = routes
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                scheme, _, rest = self.path.lstrip("/").partition("/")
                url = f"{scheme}://{rest}"
                if urlsplit(url).path == "/robots.txt":
                    found: tuple[bytes, str] | None = (b"User-agent: *\nAllow: /\n", "text/plain")
                else:
                    found = outer.routes.get(url)
                if found is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, ctype = found
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def mirrors(self) -> tuple[str, ...]:
        port = self.server.server_address[1]
        origins = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.routes}
        return tuple(f"{o}=http://127.0.0.1:{port}/{o.replace('://', '/')}" for o in sorted(origins))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- alterations ----------------------------------------------------------------------------------------------

_NUM = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)")


def _num(token: str) -> float:
    return float(token.replace(",", "."))


def _bump(token: str) -> str:
    """Another number written the same way: 0,2 -> 0,3; 17 -> 20; 35 -> 38."""
    if re.fullmatch(r"\d+[.,]\d+", token):
        sep = "," if "," in token else "."
        whole, frac = token.split(sep)
        step = 10 ** -len(frac)
        return f"{_num(token) + step:.{len(frac)}f}".replace(".", sep)
    return str(int(token) + 3)


def _locate_in_body(body: str, quote: str, token_at: int) -> int | None:
    """Offset in the raw page of the quote's character at token_at (the quote is whitespace-collapsed)."""
    for width in (40, 25, 15, 8):
        left = quote[max(0, token_at - width):token_at]
        right = quote[token_at:token_at + width]
        left_pattern = r"\s+".join(re.escape(w) for w in left.split()) + (r"\s+" if left[-1:].isspace() else "")
        right_pattern = r"\s+".join(re.escape(w) for w in right.split())
        matches = list(re.finditer(f"(?P<l>{left_pattern}){right_pattern}", body))
        if len(matches) == 1:
            return matches[0].end("l")
    return None


def _expected_after(value: Any, unit: str | None, part: str | None, old: float, new: float, scale: float) -> Any:
    if isinstance(value, dict) and set(value) == {"min", "max"}:
        return {k: (new * scale if abs(v - old * scale) < 1e-9 else v) for k, v in value.items()}
    if isinstance(value, str) and re.fullmatch(r"[\d.,]+\s*[x×х]\s*[\d.,]+", value):
        parts = re.split(r"\s*[x×х]\s*", value)
        done = []
        for p in parts:
            done.append(f"{new * scale:g}" if abs(_num(p) - old * scale) < 1e-9 else p)
        return "x".join(done)
    return new * scale


def _matches_old(value: Any, old: float, scale: float) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return abs(float(value) - old * scale) < 1e-9
    if isinstance(value, dict) and set(value) == {"min", "max"}:
        return any(abs(v - old * scale) < 1e-9 for v in value.values())
    if isinstance(value, str) and re.fullmatch(r"[\d.,]+\s*[x×х]\s*[\d.,]+", value):
        return any(abs(_num(p) - old * scale) < 1e-9 for p in re.split(r"\s*[x×х]\s*", value))
    return False


def value_alterations(
    source: SourceSpec, body: bytes, baseline: list[Finding]
) -> Iterator[Alteration]:
    """Number, unit and document-list alterations of the statements this source's evidences read."""
    text = body.decode("utf-8")
    confirmed = [f for f in baseline if f.source == source.id and f.kind is FindingKind.CONFIRMED and f.quote]
    evidences = {(e.profile, e.field): e for e in source.evidences}
    done: set[tuple[str, int]] = set()
    for f in confirmed:
        quote = f.quote or ""
        if evidences[(f.profile, f.field)].observe == "documents":
            if (quote, -2) not in done:
                done.add((quote, -2))
                yield from _list_alterations(source, text, f, confirmed)
            continue
        if evidences[(f.profile, f.field)].observe == "background.colours":
            if (quote, -1) not in done:
                done.add((quote, -1))
                yield from _colour_alterations(source, text, f, confirmed)
            continue
        for m in _NUM.finditer(quote):
            old = _num(m.group(1))
            scales = [s for s in (1, 10, 0.1) if _matches_old(f.observed_value, old, s)]
            if not scales or (quote, m.start()) in done:
                continue
            done.add((quote, m.start()))
            at = _locate_in_body(text, quote, m.start())
            if at is None or not text.startswith(m.group(1), at):
                continue
            new_token = _bump(m.group(1))
            altered = text[:at] + new_token + text[at + len(m.group(1)):]
            expected = {}
            for g in confirmed:
                if evidences[(g.profile, g.field)].observe == "documents" and isinstance(g.observed_value, list):
                    # A document list whose item is this statement changes with it.
                    items = [str(i) for i in g.observed_value]
                    hit = [i for i in items if _plain(quote) in _plain(i) or _plain(i) in _plain(quote)]
                    if hit:
                        new_items = [i.replace(m.group(1), new_token, 1) if i in hit else i for i in items]
                        expected[(g.profile, g.field)] = (new_items, None)
                    continue
                if g.quote != quote:
                    continue
                e = evidences[(g.profile, g.field)]
                if _matches_old(g.observed_value, old, scales[0]):
                    expected[(g.profile, g.field)] = (
                        _expected_after(g.observed_value, g.observed_unit, e.part, old, _num(new_token), scales[0]),
                        g.observed_unit,
                    )
            yield Alteration(
                f"{source.id}: {m.group(1)} -> {new_token} in '{quote[:60]}'", "number", source.id, source.url,
                altered.encode(), expected,
            )
    for f in confirmed:
        quote = f.quote or ""
        if f.observed_unit == "MCI" and " MCI" in quote and evidences[(f.profile, f.field)].observe == "fee":
            at = _locate_in_body(text, quote, quote.index(" MCI") + 1)
            if at is not None and text.startswith("MCI", at) and (quote, -3) not in done:
                done.add((quote, -3))
                number = re.search(r"(\d+(?:[.,]\d+)?)\s*$", quote[:quote.index(" MCI")])
                expected = {
                    (g.profile, g.field): (g.observed_value, "KZT") for g in confirmed
                    if g.quote == quote and g.observed_unit == "MCI"
                    and (number is None or abs(_num(number.group(1)) - float(g.observed_value)) < 1e-9)
                }
                yield Alteration(f"{source.id}: 'MCI' -> 'tenge'", "unit", source.id, source.url,
                                 (text[:at] + "tenge" + text[at + 3:]).encode(), expected)
        for old_unit, new_unit, unit in (
            ("working days", "calendar days", "calendar days"),
            ("calendar days", "working days", "working days"),
            ("рабочих дней", "календарных дней", "calendar days"),
        ):
            if f.observed_unit not in ("working days", "calendar days") or old_unit not in quote:
                continue
            at = _locate_in_body(text, quote, quote.index(old_unit))
            if at is None or not text.startswith(old_unit, at):
                continue
            altered = text[:at] + new_unit + text[at + len(old_unit):]
            number = re.search(r"(\d+)\s*$", quote[:quote.index(old_unit)])
            expected = {
                (g.profile, g.field): (g.observed_value, unit)
                for g in confirmed
                if g.quote == quote and g.observed_unit == f.observed_unit
                and (number is None or g.observed_value == int(number.group(1)))
            }
            yield Alteration(
                f"{source.id}: '{old_unit}' -> '{new_unit}'", "unit", source.id, source.url, altered.encode(), expected
            )
            break


def _list_alterations(
    source: SourceSpec, text: str, f: Finding, confirmed: list[Finding] | None = None
) -> Iterator[Alteration]:
    items: list[str] = list(f.observed_value)
    # Remove the last item's <li>, add one, renumber a count inside an item.
    lis = list(re.finditer(r"<li\b[^>]*>.*?</li>\s*", text, re.DOTALL))
    owned = [m for m in lis if _plain(m.group()) in {_plain(i) for i in items}]
    if len(owned) >= 2:
        last = owned[-1]
        altered = text[:last.start()] + text[last.end():]
        kept = [i for i in items if _plain(i) != _plain(last.group())]
        yield Alteration(
            f"{source.id}: document removed ({_plain(last.group())[:40]})", "list-remove", source.id, source.url,
            altered.encode(), {(f.profile, f.field): (kept, None)},
        )
        extra = "<li>a certificate of no criminal record issued in the country of origin;</li>\n"
        altered = text[:last.end()] + extra + text[last.end():]
        yield Alteration(
            f"{source.id}: document added", "list-add", source.id, source.url, altered.encode(),
            {(f.profile, f.field): ([*items, "a certificate of no criminal record issued in the country of origin;"],
                                    None)},
        )
        for m in owned:
            # a count ("2 photos"), not part of a decimal or a size ("3.5 x 4.5 cm" is the photo size)
            number = re.search(r"(?<![\d.,])\b(\d+|two|one|three)\b(?![.,]\d)(?!\s*[x×хХX*]\s*\d)", m.group())
            if number:
                token = number.group(1)
                new = str(int(token) + 1) if token.isdigit() else {"one": "two", "two": "three", "three": "four"}[token]
                at = m.start() + number.start(1)
                altered = text[:at] + new + text[at + len(token):]
                new_item = _plain(altered[m.start():m.end() + len(new) - len(token)])
                changed = [new_item if _plain(i) == _plain(m.group()) else i for i in items]
                expected: dict[tuple[str, str], Any] = {(f.profile, f.field): (changed, None)}
                # A count stated by the same item ("2 photos ...") changes with it.
                for g in confirmed or []:
                    if g.quote and _plain(g.quote) == _plain(m.group()) and token.isdigit() and isinstance(
                        g.observed_value, (int, float)
                    ) and g.observed_value == int(token):
                        expected[(g.profile, g.field)] = (int(new), g.observed_unit)
                yield Alteration(
                    f"{source.id}: '{token}' -> '{new}' inside a document item", "list-number", source.id,
                    source.url, altered.encode(), expected,
                )
                break


def _colour_alterations(
    source: SourceSpec, text: str, f: Finding, confirmed: list[Finding]
) -> Iterator[Alteration]:
    """Another background colour in the same sentence: every field reading that sentence's colour changes."""
    quote = f.quote or ""
    for old, new in (("white background", "light blue background"), ("light background", "white background")):
        if old not in quote:
            continue
        at = _locate_in_body(text, quote, quote.index(old))
        if at is None or not text.startswith(old, at):
            continue
        expected = {(g.profile, g.field): (["blue" if "blue" in new else "white"], None)
                    for g in confirmed if g.quote == quote and g.observed_value == f.observed_value}
        yield Alteration(f"{source.id}: '{old}' -> '{new}'", "colour", source.id, source.url,
                         (text[:at] + new + text[at + len(old):]).encode(), expected)


def _plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).strip().rstrip(";.").lower()


REWORDINGS = (
    ("color", "colour"),
    ("working days", "business days"),
    ("photographs", "photos"),
    ("не более", "не больше"),
    ("no more than", "not more than"),
)


def same_value_alterations(source: SourceSpec, body: bytes, baseline: list[Finding]) -> Iterator[Alteration]:
    text = body.decode("utf-8")
    quotes = [f.quote for f in baseline if f.source == source.id and f.kind is FindingKind.CONFIRMED and f.quote]
    for old, new in REWORDINGS:
        if old in text and any(old in (q or "") for q in quotes):
            yield Alteration(f"{source.id}: '{old}' -> '{new}'", "reword", source.id, source.url,
                             text.replace(old, new).encode())
    for words, unit_pattern in ((NUMBER_WORDS, r"(?:working|calendar|business)\s+days"),
                                (RUSSIAN_WORDS, r"(?:рабочих|календарных)\s+дн")):
        for q in quotes:
            m = re.search(rf"(?<![\w.,])(\d{{1,2}})(?=\s+{unit_pattern})", q or "")
            if m and int(m.group(1)) in words:
                at = _locate_in_body(text, q or "", m.start(1))
                if at is not None and text.startswith(m.group(1), at):
                    word = words[int(m.group(1))]
                    altered = text[:at] + word + text[at + len(m.group(1)):]
                    yield Alteration(f"{source.id}: {m.group(1)} -> '{word}'", "reword", source.id, source.url,
                                     altered.encode())
                    break
    # The evidence's hint phrase no longer appears verbatim (a word inserted into it), the value untouched:
    # the statement must still be found, by the hint's remains or where it was.
    seen_hints: set[str] = set()
    from scrapers.rules.lexicon import WORD_VALUES

    # Hints that carry the value or its unit are not reworded here: that would change the statement itself.
    number_word = re.compile(
        r"\d|day|дн|күн|percent|%|mci|мрп|аек|tenge|теңге|\bage\b|жас|year|лет|жыл|\bcm\b|\bmm\b|см|мм|"
        + "|".join(rf"\b{re.escape(w)}\b" for w in WORD_VALUES),
        re.IGNORECASE,
    )
    for e in source.evidences:
        hint = e.match
        if not hint or hint in seen_hints or " " not in hint or number_word.search(hint) or e.observe == "documents":
            continue
        hit = next((q for q in quotes if q and hint in q), None)
        if hit is None or text.count(hint) != 1:
            continue
        seen_hints.add(hint)
        first, rest = hint.split(" ", 1)
        yield Alteration(f"{source.id}: hint phrase '{hint}' reworded", "reword", source.id, source.url,
                         text.replace(hint, f"{first} (as stated) {rest}", 1).encode())
    cosmetic = [
        ("whitespace", re.sub(r"(</p>)", r"\1\n\n   ", text, count=3)),
        ("menu item", text.replace("<nav", "<nav data-x='1'", 1).replace(
            "</nav>", "<a href='/news'>News</a></nav>", 1) if "</nav>" in text else None),
        ("date stamp", text.replace("</body>", "<div class='updated'>Page updated 30.11.2026 14:05</div></body>", 1)),
        ("phone number", text.replace("</body>", "<footer><p>Call centre: 1414, +7 7172 55 00 00</p></footer>"
                                                "</body>", 1)),
        ("markup", re.sub(r"<p>", "<p class='lead'><span></span>", text, count=2)),
        ("paragraph inserted above", re.sub(r"(</h1>)", r"\1<p>This information is given for reference.</p>", text,
                                            count=1)),
    ]
    for name, altered in cosmetic:
        if altered and altered != text:
            yield Alteration(f"{source.id}: {name}", "cosmetic", source.id, source.url, altered.encode())


# --- running --------------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    alteration: Alteration
    flagged_right: int = 0
    expected: int = 0
    false_alarms: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # every finding that asks the editor for something


def _same(expected: Any, unit: str | None, f: Finding) -> bool:
    if isinstance(expected, list) and isinstance(f.observed_value, list):
        return sorted(_plain(x) for x in expected) == sorted(_plain(x) for x in f.observed_value)
    raw = f.observed_value
    if not same_value(expected if not isinstance(expected, dict) else _range(expected), _range(raw)):
        return False
    return unit is None or (f.observed_unit or "").lower() == unit.lower()


def _range(value: Any) -> Any:
    from registry.models import Range

    if isinstance(value, dict) and set(value) == {"min", "max"}:
        return Range(**value)
    return value


def judge(alteration: Alteration, findings: list[Finding]) -> Outcome:
    outcome = Outcome(alteration, expected=len(alteration.expected))
    for f in findings:
        key = (f.profile, f.field)
        active = f.kind in NEEDS_REVIEW and not f.suppressed
        if active:
            outcome.said.append(f"{f.source} {f.profile}:{f.field} {f.kind.value} {f.observed_value!r} "
                                f"{f.observed_unit or ''} — {f.message}")
        expected = alteration.expected.get(key) if f.source == alteration.source_id else None
        if expected is not None:
            if f.kind is FindingKind.CHANGED and _same(expected[0], expected[1], f):
                outcome.flagged_right += 1
            else:
                outcome.missed.append(f"{key}: {f.kind.value} {f.observed_value} {f.observed_unit or ''}")
            if f.kind in (FindingKind.CHANGED, FindingKind.CONFLICT, FindingKind.NEW) and not _same(
                expected[0], expected[1], f
            ):
                outcome.wrong_values.append(f"{f.source} {key}: {f.observed_value}")
            continue
        if active:
            outcome.false_alarms.append(f"{f.source} {key}: {f.kind.value} {f.observed_value}")
            if f.kind in (FindingKind.CHANGED, FindingKind.CONFLICT, FindingKind.NEW):
                outcome.wrong_values.append(f"{f.source} {key}: {f.observed_value}")
    return outcome


def fresh_data(template: Path, work: Path) -> Path:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(template, work)
    return work


@dataclass
class Stage:
    """A built copy of data/ that every run starts from, and a mirror on 127.0.0.1 serving its archived pages."""

    template: Path
    scratch: Path
    sources: list[SourceSpec]
    routes: dict[str, tuple[bytes, str]]  # url -> (archived body, content type)
    server: MirrorServer

    def run(self, name: str, altered: Alteration | None = None) -> list[Finding]:
        """The findings of one `verify` through the mirror on a fresh copy of the template; ``altered`` is served
        in place of its page (None: every page as archived)."""
        self.server.routes = dict(self.routes)
        if altered is not None:
            self.server.routes[altered.url] = (altered.body, self.routes[altered.url][1])
        work = fresh_data(self.template, self.scratch / name)
        summary, _ = verify(
            work / "registry.db", work / "data", work / "data" / "sources.yaml", work / "data" / "archive",
            mirrors=self.server.mirrors(), workers=4,
        )
        return summary.findings


@contextmanager
def staged(prefix: str) -> Iterator[Stage]:
    """A temporary copy of the project's data/, built, and its archived pages served until the block ends."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        tmp_path = Path(tmp)
        template = tmp_path / "template"
        (template / "data").mkdir(parents=True)
        for name in ("profiles", "versions", "archive"):
            shutil.copytree(ROOT / "data" / name, template / "data" / name)
        shutil.copy(ROOT / "data" / "sources.yaml", template / "data" / "sources.yaml")
        build_registry(template / "registry.db", template / "data")
        sources = load_sources(template / "data" / "sources.yaml")
        archive = Archive(template / "data" / "archive")
        routes: dict[str, tuple[bytes, str]] = {}
        for s in sources:
            snap = archive.newest(url=s.url)
            if snap is not None:
                routes[s.url] = (archive.body(snap), snap.content_type or "text/html")
        server = MirrorServer(dict(routes))
        try:
            yield Stage(template, tmp_path, sources, routes, server)
        finally:
            server.close()


def not_quiet(findings: list[Finding]) -> list[str]:
    """Findings that ask the editor for something: a run of unchanged pages must have none."""
    return [f"{f.source} {f.profile}:{f.field} {f.kind.value}" for f in findings if f.kind in NEEDS_REVIEW]


def tally(outcomes: list[Outcome], baseline_not_quiet: list[str], changes_value: Callable[[Alteration], bool]
          ) -> dict[str, Any]:
    """The campaign's figures from its outcomes; ``changes_value`` tells value alterations from quiet ones."""
    value_runs = [o for o in outcomes if changes_value(o.alteration)]
    quiet_runs = [o for o in outcomes if not changes_value(o.alteration)]
    expected = sum(o.expected for o in value_runs)
    right = sum(o.flagged_right for o in value_runs)
    return {
        "baseline_not_quiet": baseline_not_quiet,
        "runs": len(outcomes),
        "value_runs": len(value_runs),
        "value_runs_all_right": sum(1 for o in value_runs if not (o.missed or o.false_alarms or o.wrong_values)),
        "value_changes": expected,
        "flagged_changed_with_new_value": right,
        "flagged_share": right / expected if expected else 1.0,
        "false_alarms": sum(len(o.false_alarms) for o in outcomes),
        "runs_with_false_alarms": sum(1 for o in outcomes if o.false_alarms),
        "wrong_values_accept_would_write": sum(len(o.wrong_values) for o in outcomes),
        "same_value_runs": len(quiet_runs),
        "same_value_runs_quiet": sum(1 for o in quiet_runs if not o.false_alarms),
        "by_kind": dict(Counter(o.alteration.kind for o in outcomes)),
        "problems": [
            {"alteration": o.alteration.name, "kind": o.alteration.kind, "missed": o.missed,
             "false_alarms": o.false_alarms, "wrong_values": o.wrong_values, "verifier_said": o.said}
            for o in outcomes if o.missed or o.false_alarms or o.wrong_values
        ],
    }


def print_run(outcome: Outcome) -> None:
    """One line per run for --verbose."""
    state = "ok" if not (outcome.false_alarms or outcome.wrong_values or outcome.missed) else "!!"
    print(f"{state} [{outcome.alteration.kind}] {outcome.alteration.name}", outcome.missed, outcome.false_alarms,
          outcome.wrong_values, flush=True)


def summary_line(label: str, result: dict[str, Any], quiet_runs: str) -> str:
    """The one line a campaign ends with: PASS/FAIL against the issue's goals, and the figures behind it."""
    return (
        f"{'PASS' if passes(result) else 'FAIL'}  {label}: {result['runs']} runs; "
        f"{result['flagged_changed_with_new_value']}/{result['value_changes']} value changes flagged changed with "
        f"the new value ({result['flagged_share']:.1%}, goal 97%); false alarms {result['false_alarms']} "
        f"in {result['runs_with_false_alarms']} runs (goal 0); wrong values accept would write "
        f"{result['wrong_values_accept_would_write']} (goal 0); {quiet_runs} quiet "
        f"{result['same_value_runs_quiet']}/{result['same_value_runs']}"
    )


def campaign(sample: int | None = None, verbose: bool = False) -> dict[str, Any]:
    with staged("kzdocs-campaign-") as stage:
        baseline = stage.run("baseline")
        alterations: list[Alteration] = []
        for s in stage.sources:
            body, ctype = stage.routes.get(s.url, (b"", ""))
            if "html" not in ctype or not body:
                continue  # PDFs are altered by the PDF tests, not here
            alterations += list(value_alterations(s, body, baseline))
            alterations += list(same_value_alterations(s, body, baseline))
        if sample:
            step = max(1, len(alterations) // sample)
            picked = alterations[::step][:sample]
            kinds = {a.kind for a in picked}
            picked += [next(a for a in alterations if a.kind == k) for k in
                       ("number", "unit", "list-remove", "reword", "cosmetic") if k not in kinds
                       and any(a.kind == k for a in alterations)]
            alterations = picked
        outcomes = []
        for n, alteration in enumerate(alterations):
            outcomes.append(judge(alteration, stage.run(f"run{n}", alteration)))
            if verbose:
                print_run(outcomes[-1])
    return tally(outcomes, not_quiet(baseline), lambda a: a.changes_value)


def passes(result: dict[str, Any]) -> bool:
    return (
        not result["baseline_not_quiet"]
        and result["flagged_share"] >= 0.97
        and result["false_alarms"] == 0
        and result["wrong_values_accept_would_write"] == 0
        and result["same_value_runs_quiet"] == result["same_value_runs"]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench campaign", description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=None, help="run only this many alterations, spread evenly")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--verbose", action="store_true", help="print each run")
    args = parser.parse_args(argv)
    result = campaign(args.sample, args.verbose)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    ok = passes(result)
    print(summary_line("campaign", result, "same-value/cosmetic runs"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
