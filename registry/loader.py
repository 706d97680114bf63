"""YAML files -> validated models, with errors that name the file, the line and the field.

PyYAML's composed node tree keeps line numbers; pydantic's error locations are paths into the data. Walking
the node tree along an error's path gives the line an editor must look at.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from registry.errors import ProfileInvalid

ModelT = TypeVar("ModelT", bound=BaseModel)
# Profiles, sources and ledger files are a few KB; anything this large is a mistake, not data.
MAX_FILE_BYTES = 4 * 1024 * 1024
UNION_HINT = "must be a number, true/false, a text, a list of texts or a range {min: .., max: ..}"


class _DateKeepingLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that refuses duplicate keys (PyYAML would silently keep the last one).

    Dates stay dates, so `verified_at: 2026-11-22` is validated as a date.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_text_file(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """A regular file's text, refused before reading when it is a FIFO, a device or larger than limit.

    A FIFO would block the reader forever and a link to /dev/zero would never end, so the file is opened
    without blocking and checked with fstat on the very descriptor that is then read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise ProfileInvalid(str(path), None, None, f"cannot be read ({error.strerror})") from error
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ProfileInvalid(str(path), None, None, "is not a regular file (a folder, device, FIFO or socket)")
        if info.st_size > limit:
            raise ProfileInvalid(str(path), None, None,
                                 f"is {info.st_size:,} bytes; the limit for a data file is {limit:,} bytes")
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise ProfileInvalid(str(path), None, None, f"grew beyond the limit of {limit:,} bytes while being read")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProfileInvalid(str(path), None, None, f"not UTF-8 text ({error.reason})") from error


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file, returning the data and its node tree (for line numbers)."""
    raw = read_text_file(path)
    try:
        loader = _DateKeepingLoader(raw)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or str(error)
        raise ProfileInvalid(str(path), line, None, f"YAML syntax error: {problem}") from error
    except yaml.YAMLError as error:
        problem = getattr(error, "reason", None) or " ".join(str(error).split())
        position = getattr(error, "position", None)
        where = f" at character {position}" if isinstance(position, int) else ""
        raise ProfileInvalid(str(path), None, None, f"YAML error: {problem}{where}") from error
    return data, node


def line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest node reachable along a pydantic error location."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
            if match is None:
                key_node = next((k for k, _ in node.value if getattr(k, "value", None) == part), None)
                return key_node.start_mark.line + 1 if key_node is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def describe_location(data: Any, loc: tuple[Any, ...]) -> str:
    """Turn ('fields', 3, 'value') into "fields[3] (key 'head.height_mm').value" for the message."""
    parts: list[str] = []
    current = data
    for part in loc:
        if isinstance(part, int):
            label = f"[{part}]"
            if isinstance(current, list) and part < len(current) and isinstance(current[part], dict):
                key = current[part].get("key") or current[part].get("slug")
                if key:
                    label += f" ({key})"
            parts.append(label)
            current = current[part] if isinstance(current, list) and part < len(current) else None
        else:
            parts.append(("." if parts else "") + part)
            current = current.get(part) if isinstance(current, dict) else None
    return "".join(parts) or "(top level)"


def validate_file(path: Path, model: type[ModelT]) -> ModelT:
    """Load and validate one YAML file; raise ProfileInvalid on the first problem."""
    return validate_file_with_nodes(path, model)[0]


def validate_file_with_nodes(path: Path, model: type[ModelT]) -> tuple[ModelT, yaml.Node | None]:
    """Like validate_file, also returning the YAML node tree so later checks can name a line."""
    data, node = read_yaml(path)
    if data is None:
        raise ProfileInvalid(str(path), None, None, "file is empty")
    return validate_data(path, data, node, model), node


def validate_data(path: Path, data: Any, node: yaml.Node | None, model: type[ModelT]) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems: dict[tuple[Any, ...], list[str]] = {}
        for item in error.errors():
            # Union members and validators add their own names to the location; keep only real path parts.
            clean = tuple(p for p in item["loc"] if not _is_union_tag(p))
            problems.setdefault(clean, []).append(item["msg"].removeprefix("Value error, "))
        loc, messages = next(iter(problems.items()))
        # Among a union's complaints, a validator's own sentence ("range min 80 is greater than max 70") says
        # more than the generic type mismatches of the other members.
        specific = [m for m in messages if not m.startswith(("Input should", "Field required"))]
        message = messages[0] if len(messages) == 1 else (specific[0] if len(specific) == 1 else UNION_HINT)
        more = len(problems) - 1
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise ProfileInvalid(str(path), line_of(node, loc), describe_location(data, loc), message) from None


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and (
        part in {"bool", "int", "float", "str", "Range", "list[str]"}
        or "[" in part
        or part.startswith(("function-", "union"))
    )
