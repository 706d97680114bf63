"""``kzdocs extract``: print the observations the rules find in a page, PDF or text file, or a URL."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click

from registry.paths import json_option


@click.command()
@click.argument("source", metavar="FILE_OR_URL")
@click.option("--kind", type=click.Choice(["html", "pdf", "text"]), help="How to read the input (default: guessed).")
@click.option("--block", "block", metavar="CSS", help="CSS selector of the block that carries the requirements (HTML).")
@click.option(
    "--mirror", "mirrors", multiple=True, metavar="FROM=TO",
    help="Fetch origin FROM from base URL TO instead (repeatable), e.g. https://egov.kz=http://127.0.0.1:8765/egov.kz",
)
@json_option
def extract(source: str, kind: str | None, block: str | None, mirrors: tuple[str, ...], as_json: bool) -> None:
    """Print the facts the extraction rules find in FILE_OR_URL, with their quotes and locators.

    Use it when adding a source: it shows which observation keys (photo.size, fee, duration, ...) a page
    yields and the exact sentence or table cell each rests on. URLs are fetched politely (official hosts
    only, robots.txt obeyed) and never archived.

    \b
    Examples:
      kzdocs extract tests/fixtures/pages/egov_article.html
      kzdocs extract page.html --block "div.service-passport" --json
      kzdocs extract https://egov.kz/cms/en/articles/rk_visa_obtaining \\
          --mirror https://egov.kz=http://127.0.0.1:8765/egov.kz
    """
    from scrapers.extract import extract_bytes, extract_file
    from scrapers.models import Observation

    observations: list[Observation]
    if source.startswith(("http://", "https://")):
        from scrapers.fetch import Fetcher
        from scrapers.hosts import MirrorMap
        from scrapers.sniff import kind_for

        with Fetcher(mirrors=MirrorMap.parse(mirrors)) as fetcher:
            result = fetcher.fetch(source)
        chosen = kind or kind_for(result.content_type)
        observations = extract_bytes(result.body or b"", chosen, block=block, name=source)  # type: ignore[arg-type]
    else:
        if mirrors:
            raise click.UsageError("--mirror applies to URLs only")
        chosen, observations = extract_file(Path(source), kind=kind, block=block)  # type: ignore[arg-type]
    if as_json:
        payload = {
            "source": source,
            "kind": chosen,
            "block": block,
            "observations": [o.model_dump(mode="json", exclude_none=True) for o in observations],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(render_table(observations, source, chosen))


def _value(observation) -> str:  # noqa: ANN001 - Observation
    value = observation.value
    if isinstance(value, list):
        return f"{len(value)} items"
    if hasattr(value, "min"):
        return f"{value.min:g}–{value.max:g}" if value.min != value.max else f"{value.min:g}"
    return str(value)


def render_table(observations: list, source: str, kind: str) -> str:
    """A table for people (key, value, unit, rule), each row followed by its quote, locator and label."""
    if not observations:
        return f"No observations in {source} ({kind})."
    rows = [(o.key, _value(o), o.unit or "", o.rule) for o in observations]
    heads = ("KEY", "VALUE", "UNIT", "RULE")
    widths = [max(len(str(r[i])) for r in [heads, *rows]) for i in range(4)]
    lines = [f"{len(observations)} observations in {source} ({kind})", ""]
    lines.append("  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for o, row in zip(observations, rows, strict=True):
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        quote = o.quote if not isinstance(o.value, list) else "; ".join(o.value)
        lines.extend(textwrap.wrap(f"“{quote}”", width=110, initial_indent="    ", subsequent_indent="     "))
        lines.append(f"    at {o.locator}" + (f"  (under: {o.context[:80]})" if o.context else ""))
    return "\n".join(lines)
