"""The qualifier of a number: which variant of a requirement it states (usual or expedited processing,
a fine rather than a duty, a minimum or a maximum, per copy or in total).

One official sentence often carries two numbers of the same kind ("17 working days; expedited: 7 working
days"). The verifier must not take the expedited number for the usual processing time, so every observation
carries the qualifier read from the words nearest to its number, in its own part of the clause: between the
previous number and the next one, never across a sentence boundary. The heading or row label above the
quote is the fallback ("Urgent issue | 7 working days").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scrapers.rules.leads import with_lead

# Qualifier -> cue words (lower case, regular expressions). Order matters only for reading the docs.
CUES: dict[str, str] = {
    "expedited": (
        r"expedit\w*|urgent\w*|urgency|fast[- ]track\w*|accelerat\w*|express\b|"
        r"срочн\w*|ускоренн\w*|экспресс\w*|жедел\w*|шұғыл\w*|тез\s+тәртіп\w*"
    ),
    "usual": (
        r"usual\w*|normal\w*|standard\w*|regular\w*|general\s+procedure|ordinary|"
        r"обычн\w*|стандартн\w*|общем\s+порядке|әдеттегі|қалыпты|жалпы\s+тәртіп\w*"
    ),
    "fine": r"\bfine[sd]?\b|penalt\w*|штраф\w*|айыппұл\w*",
    "electronic": r"electronic\w*|электронн\w*|электронды\w*",
    "paper": r"\bpaper\s+form|бумажн\w+|қағаз\w*",
    "single_entry": r"single[- ]entry|однократн\w*|бір\s+реттік",
    "multiple_entry": r"multiple[- ]entry|многократн\w*|көп\s+реттік",
    "per_copy": r"per\s+copy|each\s+copy|за\s+(?:каждый|один)\s+экземпляр|бір\s+дана\w*",
    "total": r"\bin\s+total\b|\btotal\b|всего|итого|барлығы",
    "min": r"at\s+least|no\s+less\s+than|not\s+less\s+than|minimum|не\s+менее|кемінде|кем\s+дегенде",
    "max": r"no\s+more\s+than|not\s+more\s+than|up\s+to|maximum|не\s+более|до\b|аспайтын|дейін",
}
_CUE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CUES.items()), re.IGNORECASE)
# Qualifiers that say which variant of a requirement a number belongs to (min/max only bound it).
VARIANTS = (
    "expedited", "usual", "fine", "electronic", "paper", "single_entry", "multiple_entry", "per_copy", "total"
)
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n|\|")


# The same words as one flat alternation with a first-letter look-ahead: it finds a match exactly when _CUE
# does (a trailing \w* can always match nothing), with one set test at most positions.
_ANY_CUE = re.compile(with_lead("|".join(CUES.values()), ignorecase=True), re.IGNORECASE)


def has_cue(text: str | None) -> bool:
    """Cheap pre-test: most blocks carry no qualifier word at all, and then no number needs reading."""
    return bool(text) and _ANY_CUE.search(text) is not None


def qualifier_at(text: str, start: int, end: int, others: Sequence[tuple[int, int]], context: str | None) -> str | None:
    """The variant qualifier nearest to text[start:end] within its own region of the clause, else the context's."""
    low = 0
    high = len(text)
    for clause_end in _CLAUSE_END.finditer(text):
        if clause_end.end() <= start:
            low = clause_end.end()
        elif clause_end.start() >= end:
            high = clause_end.start()
            break
    for o_start, o_end in others:
        if o_end <= start and o_end > low:
            low = o_end
        if o_start >= end and o_start < high:
            high = o_start
    best: tuple[int, str] | None = None
    for m in _CUE.finditer(text, low, high):
        name = m.lastgroup or ""
        if name not in VARIANTS:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if distance < 0 or (m.start() >= end and re.search(r"[,:]", text[end:m.start()])):
            continue  # a cue after the number belongs to it only up to the next comma
        if m.start() >= end and re.search(r":", text[m.end():high]):
            continue  # "... $ 80 Multiple-entry visa: $ 200": a label ending in a colon introduces the next value
        # A cue after the number ("7 days in an expedited manner") counts, but one before it wins a tie.
        weight = distance if m.end() <= start else distance + 2
        if best is None or weight < best[0]:
            best = (weight, name)
    if best is not None:
        return best[1]
    if context:
        for m in _CUE.finditer(context):
            if m.lastgroup in VARIANTS:
                return m.lastgroup
    return None
