"""Turn readings of sources into findings, one per (source, profile field): pure, no I/O.

For each evidence the verifier first *locates* the statement on the page (verifier/locate.py: the kind of
observation, its qualifier, the evidence's hint words, and where the same source stated the field in its
previous snapshot), then judges it:

- the located value equals the registry's (or a competing value the registry keeps for this source):
  `confirmed`;
- it differs and the same source said something else in its previous snapshot: `changed`, with the previous
  statement and the sources that still agree with the registry;
- it differs and there is no earlier statement of this source to compare with, or the source has said the
  same thing before (a standing disagreement): `conflict`;
- two different values remain for one field: `ambiguous`, with both; accept then needs an explicit value;
- nothing is located although the registry cites this source for the field: `missing`.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from registry.models import ProfileField, ProfileVersion, Range
from scrapers.rules.lexicon import WORD_VALUES
from verifier.locate import Located, candidates_for, comparable, distinct, locate, statement_in
from verifier.models import (
    Candidate,
    Evidence,
    Finding,
    FindingKind,
    ObservedValue,
    PreviousStatement,
    Reading,
    SourceSpec,
)

# a validity of "ten months" is not one of "ten years"
UNIT_SENSITIVE = {"fee", "duration", "validity"}


def same_value(registry_value: Any, observed: Any) -> bool:
    if isinstance(registry_value, Range) or isinstance(observed, Range):
        a, b = _as_range(registry_value), _as_range(observed)
        return a is not None and b is not None and abs(a.min - b.min) < 1e-6 and abs(a.max - b.max) < 1e-6
    if isinstance(registry_value, bool) or isinstance(observed, bool):
        return registry_value is observed
    if isinstance(registry_value, (int, float)) and isinstance(observed, (int, float)):
        return abs(float(registry_value) - float(observed)) < 1e-6
    if isinstance(registry_value, list) and isinstance(observed, list):
        return same_list(registry_value, observed)
    if isinstance(registry_value, str) and isinstance(observed, str):
        return _norm_text(registry_value) == _norm_text(observed)
    if isinstance(registry_value, (int, float)) and isinstance(observed, str):
        try:
            return abs(float(observed.replace(",", ".")) - float(registry_value)) < 1e-6
        except ValueError:
            return False
    return False


def _as_range(value: Any) -> Range | None:
    if isinstance(value, Range):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Range(min=value, max=value)
    return None


def _norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("×", "x").replace("х", "x")).strip().lower()


# Number words with their digits ("two photos" states the same number as "2 photos"): the extraction rules' own
# words, the one-word ones (items are compared word by word); the Kazakh "он" (ten) is also the Russian "he".
_NUMBER_WORDS = {word: str(value) for word, value in WORD_VALUES.items() if word.isalpha() and word != "он"}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|\w+")
_NEGATIONS = frozenset(
    "not no except excluding without irrespective regardless кроме исключением без не нет за исключением "
    "қоспағанда емес жоқ басқа".split()
)
_INCLUSIONS = frozenset("including include includes включая в том числе қоса".split())
# "a colour or black and white photograph" offers a choice that "a colour photograph" does not.
_CHOICES = frozenset("or или либо немесе".split())


_LENGTH = r"(\d+(?:[.,]\d+)?)\s*(cm|см|mm|мм|centimet\w*|millimet\w*|сантиметр\w*|миллиметр\w*)?"
_SIZE = re.compile(rf"{_LENGTH}\s*[x×хX*]\s*{_LENGTH}", re.IGNORECASE)


def _in_mm(match: re.Match[str]) -> str:
    """A photo size in millimetres ("3.5 x 4.5 cm" and "35 × 45 mm" are one size), as one token."""
    unit = (match.group(4) or match.group(2) or "").lower()
    a, b = (float(match.group(i).replace(",", ".")) for i in (1, 3))
    # no unit: a photo is never 3 mm wide, so small numbers are centimetres ("фото 3х4")
    scale = 10 if unit.startswith(("cm", "см", "cent", "сант")) or (not unit and max(a, b) < 10) else 1
    a, b = a * scale, b * scale
    return f"{a:g}x{b:g}mm"


def _facts(item: str) -> tuple[tuple[str, ...], frozenset[str], int]:
    """The numbers (digits or number words; a size in millimetres), the negation/inclusion words and how many
    choices a list item offers (a translation "into Kazakh or Russian" offers one more than "into Kazakh" in an
    item that still says "passport or other documents")."""
    low = item.lower()
    sizes = tuple(_in_mm(m) for m in _SIZE.finditer(low))
    tokens = _TOKEN.findall(_SIZE.sub(" ", low))
    stated = (t.replace(",", ".") if t[0].isdigit() else _NUMBER_WORDS[t] for t in tokens
              if t[0].isdigit() or t in _NUMBER_WORDS)
    numbers = sizes + tuple(dict.fromkeys(stated))  # "2 (two) photos" states one number
    polarity = frozenset(t for t in tokens if t in _NEGATIONS or t in _INCLUSIONS)
    return numbers, polarity, sum(1 for t in tokens if t in _CHOICES)


def same_list(expected: list[str], observed: list[str], cutoff: float = 0.75) -> bool:
    """Document lists match when every item on each side has a close counterpart on the other that states the
    same numbers ("2 photos" is not "3 photos"), the same negations ("except" is not "including") and offers the
    same kind of choice ("colour or black and white" is not "colour")."""
    a = [_norm_text(x) for x in expected]
    b = [_norm_text(x) for x in observed]
    if len(a) != len(b):
        return False
    if sorted(a) == sorted(b):
        return True
    return all(_has_counterpart(x, b, cutoff) for x in a) and all(_has_counterpart(y, a, cutoff) for y in b)


def _has_counterpart(item: str, others: list[str], cutoff: float) -> bool:
    close = difflib.get_close_matches(item, others, n=3, cutoff=cutoff)
    return any(_facts(item) == _facts(other) for other in close)


def same_unit(evidence: Evidence, registry_unit: str | None, observation: ObservedValue) -> bool:
    """Fees, durations and validities must also agree on the unit (MCI vs KZT, working vs calendar days, years vs
    months); zero needs none."""
    if evidence.observe not in UNIT_SENSITIVE or not registry_unit or not observation.unit:
        return True
    if isinstance(observation.value, (int, float)) and observation.value == 0:
        return True
    if _MONTHS_IN.get(registry_unit.strip().lower()) and _MONTHS_IN.get(observation.unit.strip().lower()):
        return True  # months and years: the value was read in the registry's unit (in_unit) before this
    return registry_unit.strip().lower() == observation.unit.strip().lower()


_MONTHS_IN = {"years": 12, "year": 12, "months": 1, "month": 1}


def in_unit(value: Any, unit: str | None, target: str | None) -> Any:
    """A number of months read in years or the other way round (12 months is 1 year); any other value as it is."""
    a, b = _MONTHS_IN.get((unit or "").strip().lower()), _MONTHS_IN.get((target or "").strip().lower())
    if a is None or b is None or a == b or isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return value * a / b


def display(value: Any) -> Any:
    return value.model_dump() if isinstance(value, Range) else value


class FindingBuilder:
    """Collects findings of one run and numbers them F001, F002, ... in a stable order."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self.findings: list[Finding] = []

    def add(self, **values: Any) -> Finding:
        finding = Finding(id=f"F{len(self.findings) + 1:03d}", run_id=self.run_id, **values)
        self.findings.append(finding)
        return finding


PreviousReadings = Callable[[str], Iterable[Reading]]


class _Earlier:
    """A source's earlier readings, newest first, read once each and only when asked for."""

    def __init__(self, readings: Iterable[Reading]) -> None:
        self._source = iter(readings)
        self._read: list[Reading] = []

    def __iter__(self) -> Iterator[Reading]:
        yield from self._read
        for reading in self._source:
            self._read.append(reading)
            yield reading


def compare(
    run_id: str,
    sources: list[SourceSpec],
    readings: dict[str, Reading],
    profiles: dict[str, ProfileVersion],
    previous: PreviousReadings | None = None,
) -> list[Finding]:
    """Findings of one run. ``previous(source_id)`` gives the source's earlier snapshots (other content),
    newest first; they are read only when a statement is not found where expected or differs from the registry."""
    builder = FindingBuilder(run_id)
    per_field: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    cache: dict[str, _Earlier] = {}

    def previous_of(source_id: str) -> _Earlier:
        if source_id not in cache:
            cache[source_id] = _Earlier(previous(source_id) if previous is not None else ())
        return cache[source_id]

    for source in sources:
        reading = readings[source.id]
        for evidence in source.evidences:
            profile = profiles.get(evidence.profile)
            field = profile.field(evidence.field) if profile else None
            finding = _judge(builder, source, reading, evidence, field, previous_of)
            if finding is not None:
                per_field[(evidence.profile, evidence.field)].append(finding)
    for findings in per_field.values():
        _relate(findings)
    return builder.findings


def _cites(field: ProfileField, url: str) -> bool:
    return url in {s.url for s in field.sources} or any(url in {s.url for s in a.sources} for a in field.alternatives)


def _judge(
    builder: FindingBuilder,
    source: SourceSpec,
    reading: Reading,
    evidence: Evidence,
    field: ProfileField | None,
    previous_of: Callable[[str], _Earlier],
) -> Finding | None:
    common: dict[str, Any] = {
        "profile": evidence.profile,
        "field": evidence.field,
        "registry_value": display(field.value) if field else None,
        "registry_unit": field.unit if field else None,
        "source": source.id,
        "source_url": source.url,
        "sha256": reading.sha256,
    }
    if reading.error is not None:
        return builder.add(kind=FindingKind.SOURCE_ERROR, message=reading.error, **common)

    def agrees(candidate: ObservedValue) -> bool:
        if field is None:
            return False
        value = in_unit(comparable(candidate, evidence), candidate.unit, field.unit)
        if same_value(field.value, value) and same_unit(evidence, field.unit, candidate):
            return True
        # A competing value the registry keeps for this source agrees only where the source states it: the
        # registry may keep "2 photos" from this page's residence-permit sentence, which says nothing about
        # another sentence of the same page now saying "Two photos" instead of "One photo".
        return any(
            same_value(a.value, value)
            and any(s.url == source.url and not _stated_elsewhere(s.quote, candidate, pool) for s in a.sources)
            for a in field.alternatives
        )

    pool = candidates_for(reading.observations, evidence)

    def own(located: Located, anchor: ObservedValue | None = None) -> Located:
        return Located(_unclaimed(located.candidates, evidence, source, anchor), located.how)

    located = locate(reading.observations, evidence, anchor=None)
    if located.how != "match":
        located = own(located)
    if not located.candidates or (located.how == "all" and not any(agrees(c) for c in located.candidates)):
        # Not where the hint words say: find it where this source stated the field last time.
        for earlier_reading in previous_of(source.id):
            anchor = _statement(earlier_reading, evidence, agrees)
            if anchor is not None:
                anchored = own(locate(reading.observations, evidence, anchor=anchor), anchor)
                if anchored.candidates:
                    located = anchored
                break
    if not located.candidates:
        if field is None or not _cites(field, source.url):
            return None  # neither the registry (for this source) nor the source states it: nothing to report
        return builder.add(
            kind=FindingKind.MISSING,
            message=f"the source no longer states {evidence.field} (no '{evidence.observe}' statement found "
            "where it was, under its heading or with its wording)",
            **common,
        )

    def observed(kind: FindingKind, candidate: ObservedValue, message: str, **extra: Any) -> Finding:
        return builder.add(
            kind=kind,
            observed_value=display(comparable(candidate, evidence)),
            observed_unit=candidate.unit,
            quote=candidate.quote,
            locator=candidate.locator,
            message=message,
            **common,
            **extra,
        )

    located = Located(_own_clauses(located.candidates, evidence, source), located.how)
    agreeing = [c for c in located.candidates if agrees(c)]
    copies = _changed_copies(located.candidates, agreeing, agrees)
    if agreeing and not copies:
        return observed(FindingKind.CONFIRMED, agreeing[0], "the source still states the registry's value")
    if copies:
        # The statement is on the page twice and one copy now says another number: the registry's value still
        # standing in the other copy is no confirmation; the copy that changed is what an editor must see.
        located = Located(copies, located.how)
    values = distinct(_in_registry_unit(located.candidates, evidence, field), evidence)
    if len(values) > 1:
        return builder.add(
            kind=FindingKind.AMBIGUOUS,
            candidates=[
                Candidate(
                    value=display(comparable(c, evidence)), unit=c.unit, quote=c.quote, locator=c.locator,
                    qualifier=c.qualifier,
                )
                for c in values
            ],
            quote=values[0].quote,
            locator=values[0].locator,
            message=f"the source states {len(values)} different values where {evidence.field} was; "
            "choose one with accept --value",
            **common,
        )
    candidate = values[0]
    if field is None:
        return observed(FindingKind.NEW, candidate, f"the source states {evidence.field}, which the profile lacks")
    earlier, standing = _last_other_statement(previous_of(source.id), evidence, agrees, candidate)
    if earlier is None and standing is not None:
        return observed(
            FindingKind.CONFLICT, candidate,
            f"the source already stated this value in its snapshot of {standing:%Y-%m-%d} and every earlier one "
            "archived; the registry keeps another (a standing disagreement, not a change)",
        )
    if earlier is None:
        cited = next((ref for ref in field.sources if ref.url == source.url), None)
        if cited is None:
            return observed(
                FindingKind.CONFLICT, candidate,
                "the source disagrees with the registry, which does not cite it for this field, and there is no "
                "earlier snapshot of it to compare with",
            )
        # No earlier snapshot of our own, but the registry recorded what this source said: that is the
        # statement it changed from.
        previous = PreviousStatement(value=display(field.value), unit=field.unit, quote=cited.quote)
        return observed(
            FindingKind.CHANGED, candidate,
            f"the source changed its statement (the registry quotes it for {_show(previous.value, previous.unit)}, "
            f"verified {field.verified_at})",
            previous=previous,
        )
    before, at, sha, rebuilt = earlier
    previous = PreviousStatement(
        value=display(comparable(before, evidence)), unit=before.unit, quote=before.quote, locator=before.locator,
        snapshot_at=at, sha256=sha, reconstruction=rebuilt,
    )
    kind_of_copy = ", a reconstruction" if rebuilt else ""
    return observed(
        FindingKind.CHANGED, candidate,
        f"the source changed its statement (snapshot of {at:%Y-%m-%d}{kind_of_copy}: "
        f"{_show(previous.value, previous.unit)})",
        previous=previous,
    )


_NUMBERS = re.compile(r"(\d+(?:[.,]\d+)?)")


def _one_number_apart(a: str, b: str) -> bool:
    """Two quotes worded alike that differ in exactly one number ("... is 5 working days." / "... is 7 ...")."""
    pa, pb = _NUMBERS.split(a.strip()), _NUMBERS.split(b.strip())
    if len(pa) != len(pb) or pa[0::2] != pb[0::2]:
        return False
    return sum(x != y for x, y in zip(pa[1::2], pb[1::2], strict=True)) == 1


def _changed_copies(
    candidates: list[ObservedValue], agreeing: list[ObservedValue], agrees: Callable[[ObservedValue], bool]
) -> list[ObservedValue]:
    """Candidates that repeat an agreeing statement word for word under the same heading with another number."""
    return [
        c for c in candidates
        if not agrees(c)
        and any((c.context or "") == (a.context or "") and _one_number_apart(c.quote, a.quote) for a in agreeing)
    ]


def _in_registry_unit(
    candidates: list[ObservedValue], evidence: Evidence, field: ProfileField | None
) -> list[ObservedValue]:
    """One sentence that states an amount in two units ("5 MCI (KZT 19 660 in 2025)") makes one statement, read in
    the registry's unit; amounts in two units from different sentences still compete."""
    unit = (field.unit or "").lower() if field else ""
    if not unit or evidence.observe not in UNIT_SENSITIVE or len(candidates) < 2:
        return candidates
    by_quote: dict[str, list[ObservedValue]] = defaultdict(list)
    for c in candidates:
        by_quote[c.quote].append(c)
    out = []
    for c in candidates:
        same_sentence = by_quote[c.quote]
        mine = [o for o in same_sentence if (o.unit or "").lower() == unit]
        if not mine or mine == same_sentence or c in mine:
            out.append(c)
    return out


def _overlap(quote: str, statement: str) -> float:
    """The share of the shorter text's words that the longer one has."""
    a, b = set(_TOKEN.findall(_norm_text(quote))), set(_TOKEN.findall(_norm_text(statement)))
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter & longer) / len(shorter) if shorter else 0.0


def _stated_elsewhere(quote: str, candidate: ObservedValue, pool: list[ObservedValue]) -> bool:
    """Whether the statement a registry quote rests on is another statement of the page than ``candidate``:
    some other candidate for the field is closer to the quote's words."""
    mine = _overlap(quote, candidate.quote)
    return any(o.quote != candidate.quote and _overlap(quote, o.quote) > mine for o in pool)


def _unclaimed(
    candidates: list[ObservedValue], evidence: Evidence, source: SourceSpec, anchor: ObservedValue | None = None
) -> list[ObservedValue]:
    """Drop the statements another evidence of this source finds by its own hint words, unless this field was
    stated at that very place in the previous snapshot (one sentence may state two fields).

    Used when this evidence's hint words found nothing: its statement was reworded or is gone. Another field's
    statement of the same kind elsewhere on the page ("a certificate of a stateless person is issued for five
    years") is then no evidence of this one (the passport's validity), whatever the page's structure suggests.
    """
    if not evidence.match:
        return candidates
    others = _other_hints(evidence, source)
    return [
        c for c in candidates
        if c.mentions(evidence.match) or not any(c.mentions(m) for m in others)
        or (anchor is not None and c.locator == anchor.locator)
    ]


def _other_hints(evidence: Evidence, source: SourceSpec) -> list[str]:
    """The hint words of this source's other evidences of the same kind of statement."""
    if not evidence.match:
        return []
    return [
        e.match for e in source.evidences
        if e.observe == evidence.observe and e.match and e.match.lower() != evidence.match.lower()
        and (e.profile, e.field) != (evidence.profile, evidence.field)
    ]


def _own_clauses(candidates: list[ObservedValue], evidence: Evidence, source: SourceSpec) -> list[ObservedValue]:
    """Where one sentence gives two subjects a number each ("паспорта – 10 лет, удостоверения личности – 5 лет"),
    the number in a clause that names another evidence's subject (and not this one's) is that field's, not a
    competing statement of this one, when another clause of the sentence names this field's hint words."""
    if not evidence.match or not any(c.clause for c in candidates):
        return candidates
    words = evidence.match.lower()
    others = [m.lower() for m in _other_hints(evidence, source)]
    own = [c for c in candidates if c.clause and words in c.clause.lower()]
    theirs = {
        id(c) for c in candidates
        if c.clause and words not in c.clause.lower() and any(m in c.clause.lower() for m in others)
        and any(k.quote == c.quote for k in own)
    }
    return [c for c in candidates if id(c) not in theirs]


def _statement(earlier: Reading, evidence: Evidence, agrees: Callable[[ObservedValue], bool]) -> ObservedValue | None:
    if earlier.error is not None:
        return None
    return statement_in(earlier.observations, evidence, agrees)


def _last_other_statement(
    earlier: _Earlier, evidence: Evidence, agrees: Callable[[ObservedValue], bool], now: ObservedValue
) -> tuple[tuple[ObservedValue, Any, str | None, bool] | None, Any]:
    """The newest earlier statement of this source that differs from ``now`` (with its snapshot date and
    hash), and, when every earlier statement found equals ``now``, the date of the oldest of them."""
    standing = None
    for reading in earlier:
        found = _statement(reading, evidence, agrees)
        if found is None:
            continue
        if same_value(comparable(found, evidence), comparable(now, evidence)) and found.unit == now.unit:
            standing = reading.fetched_at
            continue
        return (found, reading.fetched_at, reading.sha256, reading.reconstruction), None
    return None, standing


def _show(value: Any, unit: str | None) -> str:
    return f"{value} {unit}".strip() if unit else str(value)


def _relate(findings: list[Finding]) -> None:
    """Say how the sources of one field stand: who still agrees with the registry, who states the same new value."""
    agreeing = sorted({f.source for f in findings if f.kind is FindingKind.CONFIRMED})
    moved = [f for f in findings if f.kind in (FindingKind.CHANGED, FindingKind.CONFLICT)]
    for f in moved:
        f.agreeing_sources = agreeing
        same = sorted(
            {g.source for g in moved if g is not f and repr(g.observed_value) == repr(f.observed_value)
             and g.observed_unit == f.observed_unit}
        )
        others = {g.source for g in findings if g is not f and g.kind is not FindingKind.SOURCE_ERROR}
        if same and not agreeing and set(same) == others:
            f.message += f"; every monitored source of this field now states the new value ({', '.join(same)} too)"
        elif same:
            f.message += f"; {', '.join(same)} also state{'s' if len(same) == 1 else ''} the new value"
        if agreeing:
            f.message += f"; still agreeing with the registry: {', '.join(agreeing)}"
        elif not same and f.kind is FindingKind.CHANGED:
            f.message += "; no other monitored source states this field's registry value now"
