"""Where a source states a field: find the observations that evidence it, by meaning and page structure.

A fixed phrase such as ``One color photo`` breaks on any rewording, so the evidence's ``match`` words are a
hint, not a gate. An observation is a candidate for a field when it has the field's kind (``observe``) and a
qualifier that fits the field (the usual processing time is never read from an "expedited: 7 working days"
clause, a fee never from a fine). Among candidates the verifier prefers, in order: those carrying the hint
words (in the quote or under a heading/row label that does), then those in the place where the same source
stated the field in its previous snapshot (same block and heading, same heading, same block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from registry.models import Range
from verifier.models import Evidence, ObservedValue

# Qualifiers that make a number belong to another variant of a requirement than the plain field.
_VARIANT_WORDS = {
    "expedited": re.compile(r"expedit|urgent|fast|express(?!ion)"),  # not "expression.neutral"
    "fine": re.compile(r"^fine|\.fine|penalt"),
    "electronic": re.compile(r"electronic|online"),
    "paper": re.compile(r"paper"),
    "single_entry": re.compile(r"single_entry|single-entry"),
    "multiple_entry": re.compile(r"multiple_entry|multiple-entry"),
}


def expected_qualifier(evidence: Evidence) -> str | None:
    """The variant a field holds: the evidence's ``qualifier``, else what its key says, else none (usual)."""
    if evidence.qualifier:
        return evidence.qualifier
    key = evidence.field.lower()
    for name, words in _VARIANT_WORDS.items():
        if words.search(key):
            return name
    return None


def fits(observation: ObservedValue, expected: str | None) -> bool:
    """An observation whose qualifier names another variant is not a candidate for this field."""
    q = observation.qualifier
    if expected is None or expected == "usual":
        return q not in ("expedited", "fine")
    if expected in ("per_copy", "total"):
        return q in (None, expected)
    return q in (None, expected)


@dataclass
class Located:
    candidates: list[ObservedValue]
    how: str  # "match" (hint words), "anchor" (previous place), "all" (every candidate on the page)


def candidates_for(observations: list[ObservedValue], evidence: Evidence) -> list[ObservedValue]:
    expected = expected_qualifier(evidence)
    return [o for o in observations if o.key == evidence.observe and fits(o, expected)]


def _narrow(pool: list[ObservedValue], evidence: Evidence) -> list[ObservedValue]:
    """Where some candidates say the field's variant outright ("expedited: 7 days"), those are the ones."""
    expected = expected_qualifier(evidence)
    if expected and any(o.qualifier == expected for o in pool):
        return [o for o in pool if o.qualifier == expected]
    return pool


# Variants that only a qualifier word on the page marks. A fine is its own kind of observation, so "fine" is not one.
_MARKED_VARIANTS = frozenset({"expedited", "electronic", "paper", "single_entry", "multiple_entry"})


def locate(observations: list[ObservedValue], evidence: Evidence, anchor: ObservedValue | None) -> Located:
    """The candidates for one evidence: by hint words, or (with an anchor) at the anchor's place."""
    located = _locate(candidates_for(observations, evidence), evidence, anchor)
    found = _outside_brackets(_narrow(located.candidates, evidence))
    expected = expected_qualifier(evidence)
    if located.how == "all" and expected in _MARKED_VARIANTS:
        # Neither the hint words nor the previous place found it: an unqualified number elsewhere on the page
        # ("183 calendar days") is no statement of the expedited term, whose sentence may simply be gone.
        found = [o for o in found if o.qualifier == expected]
    return Located(found, located.how)


def _in_brackets(observation: ObservedValue) -> bool:
    """A number the rules read inside brackets of its sentence: "5 MCI (KZT 19 660 in 2025)", "10 working days
    (until 31 December 2024 – 15 working days)"."""
    value = observation.value
    return observation.in_brackets and isinstance(value, (int, float)) and not isinstance(value, bool)


def _outside_brackets(pool: list[ObservedValue]) -> list[ObservedValue]:
    """Where one sentence states a value in its text and another of the same unit inside brackets (a former value,
    a term until a date), the bracketed one is an aside, not a competing statement of the field. A bracketed value
    in another unit ("786 tenge (0,2 MCI)") is the same amount restated: compare.py reads it in the registry's unit.
    """
    bracketed = [o for o in pool if _in_brackets(o)]
    if not bracketed:
        return pool
    return [
        o for o in pool
        if o not in bracketed
        or not any(p.quote == o.quote and p not in bracketed and (p.unit or "").lower() == (o.unit or "").lower()
                   for p in pool)
    ]


def _locate(pool: list[ObservedValue], evidence: Evidence, anchor: ObservedValue | None) -> Located:
    if anchor is not None:
        tests = (
            lambda o: o.locator == anchor.locator and (o.context or "") == (anchor.context or ""),
            lambda o: bool(anchor.context) and o.context == anchor.context,
            lambda o: o.locator == anchor.locator,
        )
        for test in tests:
            hit = [o for o in pool if test(o)]
            if hit:
                return Located(hit, "anchor")
        return Located([], "anchor")
    if evidence.match:
        hit = [o for o in pool if o.mentions(evidence.match)]
        if hit:
            return Located(hit, "match")
    return Located(pool, "all")


def distinct(candidates: list[ObservedValue], evidence: Evidence) -> list[ObservedValue]:
    """One candidate per distinct (value, unit), in page order."""
    seen: set[str] = set()
    out = []
    for c in candidates:
        key = f"{comparable(c, evidence)!r}|{(c.unit or '').lower()}"
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def statement_in(observations: list[ObservedValue], evidence: Evidence, agrees: Any) -> ObservedValue | None:
    """The one statement of the field in an (earlier) reading, or None when it cannot be told."""
    located = locate(observations, evidence, anchor=None)
    for c in located.candidates:
        if agrees(c):
            return c
    values = distinct(located.candidates, evidence)
    return values[0] if len(values) == 1 else None


def comparable(observation: ObservedValue, evidence: Evidence) -> Any:
    """The observed value in the shape of the registry field it evidences."""
    value = observation.value
    if evidence.part and isinstance(value, str):
        width, height = split_size(value)
        return width if evidence.part == "width" else height
    if isinstance(value, dict) and set(value) == {"min", "max"}:
        return Range(min=value["min"], max=value["max"])
    return value


def split_size(text: str) -> tuple[float, float]:
    parts = re.split(r"\s*[x×х]\s*", text.strip().lower())
    return float(parts[0].replace(",", ".")), float(parts[1].replace(",", "."))
