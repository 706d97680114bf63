"""Reports of a verification run for people: a terminal table and Markdown with each change side by side."""

from __future__ import annotations

from typing import Any

from registry.render import print_table
from registry.store import readable
from verifier.models import NEEDS_REVIEW, FindingKind, RunSummary

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
    counts = ", ".join(f"{n} {k}" for k, n in run.summary.items() if n)
    shown = [f for f in run.findings if verbose or f.kind is not FindingKind.CONFIRMED]
    if not shown:
        print(f"Run {run.run_id} ({run.mode}): all {len(run.findings)} findings confirmed.")
        if run.coverage is not None:
            print(coverage_line(run))
        return
    print_table(
        ["id", "profile", "field", "finding", "registry", "source says", "source"],
        [
            [
                f.id,
                f.profile,
                f.field,
                f.kind.value + (" (rejected before)" if f.suppressed else ""),
                show(f.registry_value, f.registry_unit),
                _says(f),
                f.source,
            ]
            for kind in ORDER
            for f in run.findings
            if f.kind is kind and (verbose or kind is not FindingKind.CONFIRMED)
        ],
        max_width=48,
    )
    print(f"\nRun {run.run_id} ({run.mode}): {counts or 'no findings'}.")
    if run.coverage is not None:
        print(coverage_line(run))
    waiting = [f.id for f in run.findings if f.kind in NEEDS_REVIEW and not f.suppressed]
    if waiting:
        print(
            f"Review: kzdocs accept {run.run_id} --finding {waiting[0]} --reason '...'  "
            f"(or kzdocs reject ...); {len(waiting)} finding(s) await review."
        )


def coverage_line(run: RunSummary) -> str:
    c = run.coverage
    assert c is not None
    line = (
        f"Coverage: {c.monitored} of {c.total} official fields watched by a source evidence, {c.unmonitored} listed "
        f"as unmonitored with a reason ({c.monitorable_share:.0%} of what can be monitored)"
    )
    if c.uncovered:
        line += f"; NOT covered: {', '.join(c.uncovered)}"
    return line + "."


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
