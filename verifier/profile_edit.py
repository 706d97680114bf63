"""Edit a profile file in place for an accepted finding, changing only the lines of the fields that changed.

Editors review accepted changes as a git diff of data/profiles/<slug>.yaml, so a one-value accept must read
as a few changed lines, not as a re-serialised file. The file is treated as text: the header comments and
top-level keys stay byte for byte, every unchanged field entry stays byte for byte (with its comments), and
a changed entry is re-written in the format the seeded files use (PyYAML, block style, width 110), so that
its unchanged lines come out identical. A round-trip library (ruamel.yaml) was tried first: it re-flows
every long plain scalar of the file at its own line breaks, which touched all 15 seeded profiles.

The result is parsed back and compared with the intended profile; if they differ the full file is written
from the model instead (never a wrong file, at worst a larger diff).
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

import yaml

from registry.ledger import dump_profile
from registry.models import ProfileDocument, ProfileField

_FIELD_START = re.compile(r"^(?P<indent> *)- key:\s*(.+?)\s*$")


def _plain(value: Any) -> Any:
    """A model dump with enums as their values and dates kept as dates (dumped unquoted)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def field_text(field: ProfileField, indent: str = "") -> str:
    data = _plain(field.model_dump(exclude_none=True))
    if not data.get("alternatives"):
        data.pop("alternatives", None)
    if not data.get("sources"):
        data.pop("sources", None)
    text = yaml.safe_dump([data], sort_keys=False, allow_unicode=True, width=110 - len(indent))
    return "".join(indent + line for line in text.splitlines(keepends=True))


def edit_profile_text(original: str, before: ProfileDocument, after: ProfileDocument, reason: str) -> str:
    """The profile file after the change ``before`` -> ``after``, touching only what changed."""
    intended = after.model_copy(update={"change_reason": reason})
    try:
        text = _edit(original, before, after, reason)
        parsed = ProfileDocument.model_validate(yaml.safe_load(text))
    except (ValueError, yaml.YAMLError, StopIteration):
        return dump_profile(intended)
    if parsed.model_dump(mode="json") != intended.model_dump(mode="json"):
        return dump_profile(intended)
    return text


def _edit(original: str, before: ProfileDocument, after: ProfileDocument, reason: str) -> str:
    lines = original.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    head_end = next(i for i, line in enumerate(lines) if line.startswith("fields:"))
    end = next(
        (i for i in range(head_end + 1, len(lines)) if lines[i][:1] not in (" ", "-", "#", "\n", "")), len(lines)
    )
    first = next((_FIELD_START.match(lines[i]) for i in range(head_end + 1, end) if _FIELD_START.match(lines[i])), None)
    indent = first.group("indent") if first else ""
    starts = [
        i for i in range(head_end + 1, end)
        if (m := _FIELD_START.match(lines[i])) and m.group("indent") == indent
    ]
    old_fields = {f.key: f for f in before.fields}
    new_fields = {f.key: f for f in after.fields}
    body: list[str] = lines[head_end + 1:starts[0]] if starts else lines[head_end + 1:end]
    seen: set[str] = set()
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else end
        block = lines[start:stop]
        # Comment and blank lines closing a block introduce the next entry: they stay whatever happens.
        keep_tail = len(block)
        while keep_tail > 1 and (not block[keep_tail - 1].strip() or block[keep_tail - 1].lstrip().startswith("#")):
            keep_tail -= 1
        entry, tail = block[:keep_tail], block[keep_tail:]
        key = str(yaml.safe_load("".join(line[len(indent):] for line in entry))[0]["key"])
        seen.add(key)
        if key not in new_fields:
            body += tail
            continue
        if old_fields.get(key) == new_fields[key]:
            body += entry + tail
        else:
            body += [field_text(new_fields[key], indent)] + tail
    for key, field in new_fields.items():
        if key not in seen:
            body.append(field_text(field, indent))
    head = [line for line in lines[:head_end]]
    reason_text = yaml.safe_dump({"change_reason": reason}, allow_unicode=True, width=110)
    reason_at = next((i for i, line in enumerate(head) if line.startswith("change_reason:")), None)
    if reason_at is None:
        head.append(reason_text)
    else:
        stop = reason_at + 1
        while stop < len(head) and head[stop].startswith(" "):
            stop += 1
        head[reason_at:stop] = [reason_text]
    return "".join(head + [lines[head_end]] + body + lines[end:])
