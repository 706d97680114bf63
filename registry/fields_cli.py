"""`kzdocs fields`: the field catalogue that `kzdocs build` enforces, for editors and for docs/fields.md."""

from __future__ import annotations

import click

from registry.paths import json_option
from registry.render import echo_json, print_table


@click.command()
@click.option("--kind", type=click.Choice(["photo", "service"]), help="Only keys of this kind of profile.")
@click.option("--markdown", is_flag=True, help="Print the catalogue page (docs/fields.md is this output).")
@json_option
def fields(kind: str | None, markdown: bool, as_json: bool) -> None:
    """List the field keys a profile may use, with value type, units and bounds.

    `kzdocs build` refuses any other key (suggesting the closest one), a value of another type, a unit not
    listed, or a number outside the bounds.

    \b
    Example:
      kzdocs fields --kind photo
      kzdocs fields --markdown > docs/fields.md
    """
    from registry.schema import limits_text, load_catalogue, render_markdown

    catalogue = load_catalogue()
    if markdown:
        click.echo(render_markdown(catalogue), nl=False)
        return
    specs = [s for s in catalogue.fields if kind is None or any(k.value == kind for k in s.kinds)]
    if as_json:
        echo_json([s.model_dump(mode="json", exclude_none=True) for s in specs])
        return
    rows = [[s.key, ",".join(k.value for k in s.kinds), s.type, " | ".join(s.units),
             limits_text(s).replace("`", "")] for s in specs]
    print_table(["key", "kinds", "value", "units", "bounds or values"], rows,
                notes=[[s.meaning.replace("`", "")] for s in specs],  # under its row, the whole width
                wrap=["units", "bounds or values"], keep=["key"])
