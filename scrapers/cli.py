"""``kzdocs extract``: print the observations the rules find in a page, PDF or text file, or a URL."""

from __future__ import annotations

import json
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


def render_table(observations: list, source: str, kind: str, width: int | None = None) -> str:
    """A table for people (key, value, unit, rule), each row followed by its quote, locator and label.

    It fits the terminal width like every kzdocs table; --json keeps the full values.
    """
    from registry.table import Table, wrap_line

    if not observations:
        return f"No observations in {source} ({kind})."
    table = Table(("KEY", "VALUE", "UNIT", "RULE"), wrap=frozenset({"VALUE"}), keep=frozenset({"KEY"}))
    for o in observations:
        quote = o.quote if not isinstance(o.value, list) else "; ".join(o.value)
        where = f"at {o.locator}" + (f"  (under: {o.context[:80]})" if o.context else "")
        table.add((o.key, _value(o), o.unit or "", o.rule), notes=(f"“{quote}”", where))
    lines = [*wrap_line(f"{len(observations)} observations in {source} ({kind})", width), ""]
    return "\n".join(lines + table.render(width))
