"""Reports of a verification run for people: a terminal table and Markdown with each change side by side."""

from __future__ import annotations

import re
from typing import Any

from registry.render import echo_wrapped, print_table
from registry.store import readable
from registry.table import terminal_width
from verifier.models import NEEDS_REVIEW, Finding, FindingKind, RunSummary

ORDER = [
    FindingKind.CHANGED,
    FindingKind.AMBIGUOUS,
    FindingKind.CONFLICT,
    FindingKind.NEW,
    FindingKind.MISSING,
    FindingKind.SOURCE_ERROR,
    FindingKind.CONFIRMED,
]


def show(value: Any, unit: str | None) -> str:
    if value is None:
        return "—"
    return f"{readable(value)} {unit or ''}".strip()


def _says(f: Any) -> str:
    if f.kind is FindingKind.SOURCE_ERROR:
        return f.message
    if f.kind is FindingKind.AMBIGUOUS:
        return " or ".join(show(c.value, c.unit) for c in f.candidates)
    said = show(f.observed_value, f.observed_unit)
    if f.previous is not None:
        said += f" (was {show(f.previous.value, f.previous.unit)})"
    return said


def print_summary(run: RunSummary, verbose: bool = False) -> None:
    """The findings as a table that fits the terminal; identical source errors collapse into one counted row."""
    counts = ", ".join(f"{n} {k}" for k, n in run.summary.items() if n)
    shown = [
        f
        for kind in ORDER
        for f in run.findings
        if f.kind is kind and (verbose or kind is not FindingKind.CONFIRMED)
    ]
    if not shown:
        echo_wrapped(f"Run {run.run_id} ({run.mode}): all {len(run.findings)} findings confirmed.")
        if run.coverage is not None:
            echo_wrapped(coverage_line(run))
        return
    rows: list[list[Any]] = []
    errors: dict[str, list[Finding]] = {}
    for f in shown:
        if f.kind is FindingKind.SOURCE_ERROR:
            group = errors.setdefault(_failure(f.message), [])
            if not group:
                rows.append([f.id])  # placeholder, filled once the whole group is known
            group.append(f)
            continue
        rows.append(
            [
                f.id,
                f.profile,
                f.field,
                f.kind.value + (" (rejected before)" if f.suppressed else ""),
                show(f.registry_value, f.registry_unit),
                _says(f),
                f.source,
            ]
        )
    groups = {g[0].id: g for g in errors.values()}
    rows = [_error_row(groups[r[0]]) if len(r) == 1 else r for r in rows]
    print_table(
        ["id", "profile", "field", "finding", "registry", "source says", "source"],
        rows,
        wrap=["source says"],
        keep=["id", "field"],
    )
    print()
    echo_wrapped(f"Run {run.run_id} ({run.mode}): {counts or 'no findings'}.")
    if run.coverage is not None:
        echo_wrapped(coverage_line(run))
    waiting = [f.id for f in run.findings if f.kind in NEEDS_REVIEW and not f.suppressed]
    if waiting:
        echo_wrapped(f"{len(waiting)} finding(s) await review; accept or reject each:")
        command = f"  kzdocs accept {run.run_id} --finding {waiting[0]} --reason '...'"
        print(command if len(command) <= terminal_width() else command.replace(" --reason", " \\\n      --reason"))


URL_PREFIX = re.compile(r"^\S+://\S+?:\s+")


def _failure(message: str) -> str:
    """What went wrong, without the URL it happened at: the same failure on many hosts is one failure."""
    return URL_PREFIX.sub("", message)


def _error_row(group: list[Finding]) -> list[Any]:
    """One row for identical source errors: how many, on how many profiles, fields and sources."""
    first = group[0]
    if len(group) == 1:
        return [first.id, first.profile, first.field, first.kind.value, show(first.registry_value,
                first.registry_unit), first.message, first.source]

    def some(values: list[str], noun: str) -> str:
        distinct = sorted(set(values))
        return distinct[0] if len(distinct) == 1 else f"{len(distinct)} {noun}"

    messages = {f.message for f in group}
    return [
        f"{first.id} +{len(group) - 1}",
        some([f.profile for f in group], "profiles"),
        some([f.field for f in group], "fields"),
        f"source_error x{len(group)}",
        "",
        first.message if len(messages) == 1 else _failure(first.message),
        some([f.source for f in group], "sources"),
    ]


def coverage_line(run: RunSummary) -> str:
    c = run.coverage
    assert c is not None
    line = (
        f"Coverage: {c.monitored} of {c.total} official fields watched by a source evidence, {c.unmonitored} listed "
        f"as unmonitored with a reason ({c.monitorable_share:.0%} of what can be monitored)"
    )
    if c.uncovered:
        shown = c.uncovered[:UNCOVERED_SHOWN]
        more = len(c.uncovered) - len(shown)
        line += f"; NOT covered ({len(c.uncovered)}): {', '.join(shown)}"
        line += f" and {more} more (--json lists them all)" if more else ""
    return line + "."


UNCOVERED_SHOWN = 5  # a terminal line, not an inventory: --json has the full list


def _detail_lines(f: Any) -> list[str]:
    """What an editor needs beside the two values: the source's previous statement, who agrees, the candidates."""
    lines: list[str] = []
    if f.previous is not None:
        at = f.previous.snapshot_at
        when = f"snapshot of {at:%Y-%m-%d}" if at else "as the registry quotes it"
        if f.previous.reconstruction:
            when += ", a reconstruction"
        lines += ["", f"Before ({when}): {show(f.previous.value, f.previous.unit)}"]
        if f.previous.quote:
            lines += ["", f"> {f.previous.quote}"]
    if f.candidates:
        lines += ["", "Candidates (accept needs `--value`):", ""]
        lines += [f"- {show(c.value, c.unit)}" + (f" ({c.qualifier})" if c.qualifier else "") + f": “{c.quote}”"
                  for c in f.candidates]
    return lines


def markdown(run: RunSummary) -> str:
    lines = [
        f"# Verification run {run.run_id}",
        "",
        f"Started {run.started_at.isoformat(timespec='seconds')}, mode `{run.mode}`.",
        "",
        "| finding | count |",
        "|---|---|",
    ]
    lines += [f"| {k} | {n} |" for k, n in run.summary.items()]
    if run.coverage is not None:
        lines += ["", coverage_line(run)]
    for kind in ORDER:
        items = [f for f in run.findings if f.kind is kind]
        if not items:
            continue
        lines += ["", f"## {kind.value.replace('_', ' ').capitalize()} ({len(items)})", ""]
        if kind is FindingKind.CONFIRMED:
            lines += ["| profile | field | value | source |", "|---|---|---|---|"]
            lines += [
                f"| {f.profile} | `{f.field}` | {show(f.registry_value, f.registry_unit)} | {f.source} |" for f in items
            ]
            continue
        for f in items:
            lines += [
                f"### {f.id} · {f.profile} · `{f.field}`" + (" (rejected before)" if f.suppressed else ""),
                "",
                f.message,
                "",
                "| registry | source now |",
                "|---|---|",
                f"| {show(f.registry_value, f.registry_unit)} | "
                f"{_says(f) if kind is not FindingKind.SOURCE_ERROR else '—'} |",
                "",
                f"Source: [{f.source}]({f.source_url})" + (f", {f.locator}" if f.locator else ""),
            ]
            if f.quote:
                lines += ["", f"> {f.quote}"]
            lines += _detail_lines(f)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
