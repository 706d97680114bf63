"""Datasette plugin: JSON columns shown indented, lists of URLs shown as links."""

from __future__ import annotations

import json

from datasette import hookimpl
from markupsafe import Markup, escape

JSON_COLUMNS = {"value_json", "sources_json", "content_json", "findings", "headers_json", "observed_json"}
URL_LIST_COLUMNS = {"source_urls", "url", "source_url", "official_url"}


@hookimpl
def render_cell(value, column):
    if not isinstance(value, str) or not value:
        return None
    if column in JSON_COLUMNS and value[:1] in "[{":
        try:
            parsed = json.loads(value)
        except ValueError:
            return None
        pretty = json.dumps(parsed, ensure_ascii=False, indent=2)
        return Markup(f'<pre style="white-space: pre-wrap; margin: 0">{escape(pretty)}</pre>')
    if column in URL_LIST_COLUMNS and value.startswith(("http://", "https://")):
        links = [f'<a href="{escape(u)}" rel="nofollow">{escape(u)}</a>' for u in value.split()]
        return Markup("<br>".join(links))
    return None
