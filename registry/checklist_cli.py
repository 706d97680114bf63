"""`kzdocs checklist`: what to bring and do for one service, with how sure each line is."""

from __future__ import annotations

from pathlib import Path

import click

from registry.api import Registry
from registry.checklist import build_checklist, checklist_json
from registry.checklist_render import LANGS, render_html, render_text
from registry.paths import db_option, json_option
from registry.render import echo_json


def photo_page_served() -> bool:
    """True when the Datasette plugins in data/datasette/ register the photo page."""
    from registry.paths import DATA_DIR

    plugins = DATA_DIR / "datasette" / "plugins"
    return plugins.is_dir() and any("/-/photo" in p.read_text(encoding="utf-8") for p in plugins.glob("*.py"))


@click.command()
@click.argument("slug")
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True,
              help="Language of the labels; values stay in their source's language.")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text",
              show_default=True, help="text for a terminal, md, html (one printable A4 page) or json.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@db_option
@json_option
def checklist(slug: str, lang: str, fmt: str, output: Path | None, db_path: Path, as_json: bool) -> None:
    """What to bring and do for one service: documents, photos, fees, processing time and where to apply.

    Each line carries the status of the field it comes from (official, official-general, inferred) and the date
    it was last verified; the oldest of those dates is printed at the top. Fees in MCI are also given in tenge,
    converted with this year's MCI from the kz-monthly-calculation-index profile (with that value's own status).

    \b
    Example:
      kzdocs checklist kz-family-reunification-visa
      kzdocs checklist kz-kandas-status --lang kk --format md
      kzdocs checklist kz-visa --format html -o checklist.html
      kzdocs checklist kz-id-card --json
    """
    with Registry.open(db_path) as reg:
        result = build_checklist(reg, slug, photo_page=photo_page_served())
    if as_json or fmt == "json":
        if output:
            import json

            output.write_text(json.dumps(checklist_json(result), ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            echo_json(checklist_json(result))
        return
    if fmt == "html":
        text = render_html(result, lang)
    else:  # on a terminal the lines wrap to its width; a file keeps one line per item
        from registry.table import terminal_width

        text = render_text(result, lang, markdown=fmt == "md", width=None if output else terminal_width())
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output} ({fmt}, {lang}).")
    else:
        click.echo(text, nl=False)
