"""A first-character look-ahead for patterns that are long alternations of words.

Python's regex engine tries every alternative of ``photo|фото|снимк|...`` at every position of the text.
Put a look-ahead on the characters the alternatives can begin with in front (``(?=[pфс])(?:photo|...)``)
and most positions are turned away by one set test. The look-ahead only states what every match already
begins with, so the matches are exactly the same; when a pattern's first characters cannot be read simply
(an optional first atom, an anchor, a class escape such as ``\\s``), it is returned unchanged.
"""

from __future__ import annotations

_ZERO_WIDTH = ("\\b",)
_OPTIONAL = ("?", "*", "{")


def _top_alternatives(pattern: str) -> list[str] | None:
    """``pattern`` split at its top-level ``|`` (outside groups and classes), or None if it looks malformed."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # "[]...]": a ']' first in a class is a member
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    if depth != 0 or in_class:
        return None
    parts.append(pattern[start:])
    return parts


def _first_atom(alternative: str) -> str | None:
    """The first character-consuming atom (a literal, an escaped punctuation mark or a class), if simple."""
    rest = alternative
    while rest.startswith(_ZERO_WIDTH):
        rest = rest[2:]
    if not rest:
        return None
    if rest[0] == "[":
        end = rest.find("]", 2 if rest[1:2] in ("]", "^") else 1)
        if end < 0 or rest[1:2] == "^":
            return None
        atom, after = rest[:end + 1], rest[end + 1:]
    elif rest[0] == "\\":
        if len(rest) < 2 or rest[1].isalnum():  # \s, \d, \w, \1 ...: not a plain character
            return None
        atom, after = rest[:2], rest[2:]
    elif rest[0] in "()^$.|*+?{}":
        return None
    else:
        atom, after = rest[0], rest[1:]
    if after[:1] in _OPTIONAL:
        return None
    return atom


def with_lead(pattern: str, *, ignorecase: bool) -> str:
    """``pattern`` with a look-ahead on its possible first characters in front, when they can be read and help.

    Without IGNORECASE, an alternation whose every branch starts with a plain character is left alone: the
    engine already scans for those characters itself (and a look-ahead would only get in its way).
    """
    alternatives = _top_alternatives(pattern)
    if not alternatives:
        return pattern
    atoms = [_first_atom(a) for a in alternatives]
    if any(a is None for a in atoms):
        return pattern
    if not ignorecase and all(not a.startswith("[") for a in atoms):  # type: ignore[union-attr]
        return pattern
    # An alternation of single characters and classes: the regex parser folds it into one set.
    return f"(?=(?:{'|'.join(sorted(set(atoms)))}))(?:{pattern})"  # type: ignore[arg-type]
